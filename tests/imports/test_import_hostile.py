"""Take logs written to hurt: each is refused with its reason before it is held in memory,
or read for the rows it really has, and a refusal leaves the database as it was."""

import io
import re
import tracemalloc
from datetime import date

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from hhprod.imports import takefiles
from hhprod.imports.models import TakeImportUpload
from hhprod.imports.takefiles import FileRefused, read_take_log
from hhprod.shooting.models import Take

from .. import factories as make
from ..queue import run_queued_jobs
from ..snapshots import database_snapshot
from ..workbooks import with_part

pytestmark = pytest.mark.django_db

HEADER = ["Day", "Date", "Scene", "Take", "Length", "Rig", "Camera", "Wearer", "Status", "Notes"]
WEARER = "Unnamed stunt performer 1"
SHEET = "xl/worksheets/sheet1.xml"


@pytest.fixture
def shoot():
    prod = make.production()
    make.shoot_day(prod, 1, actual=date(2013, 9, 2))
    make.rig("v1", 1, in_service_from=date(2013, 8, 1))
    make.wearer(prod, WEARER)
    return prod


def takes(count):
    return [[1, "", "7", number, "1:00", "v1", "", WEARER, "Good", ""] for number in range(1, count + 1)]


def workbook(rows):
    book = openpyxl.Workbook()
    for row in [HEADER, *rows]:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def with_sheet(data, change):
    """The workbook with its sheet's XML passed through change(xml) -> xml."""
    return with_part(data, SHEET, change)


def declaring(ref):
    return lambda xml: re.sub(r'<dimension ref="[^"]*"/>', f'<dimension ref="{ref}"/>', xml)


def inline_note(text):
    """A note of `text` in row 2, column J, written inline in the sheet rather than in the shared strings."""
    cell = f'<c r="J2" t="inlineStr"><is><t>{text}</t></is></c>'
    return lambda xml: re.sub(r'(<row r="2"[^>]*>.*?)(</row>)', lambda m: m.group(1) + cell + m.group(2), xml, count=1)


def refusal(data, kind):
    with pytest.raises(FileRefused) as refused:
        read_take_log(data, kind)
    return str(refused.value)


def test_a_sheet_declaring_a_million_rows_by_sixteen_thousand_columns_is_read_for_its_real_rows(shoot):
    bomb = with_sheet(workbook(takes(3)), declaring("A1:XFD1048576"))
    assert len(bomb) < 10_000
    tracemalloc.start()
    try:
        dataset = read_take_log(bomb, "xlsx")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (dataset.headers, len(dataset)) == (HEADER, 3)
    assert peak < 5 * 2**20


def test_a_sheet_declaring_fewer_rows_than_it_holds_imports_every_row(shoot, tmp_path):
    path = tmp_path / "short.xlsx"
    path.write_bytes(with_sheet(workbook(takes(5)), declaring("A1:C2")))
    call_command("import_takes", str(path), "--production", "Test feature", stdout=io.StringIO())
    assert sorted(Take.objects.values_list("number", flat=True)) == [1, 2, 3, 4, 5]


def in_row(number, cell):
    """The sheet with `cell` added at the end of its row `number`."""
    return lambda xml: re.sub(
        rf'(<row r="{number}"[^>]*>.*?)(</row>)', lambda m: m.group(1) + cell + m.group(2), xml, count=1, flags=re.S
    )


def test_a_value_in_the_column_past_the_headers_last_is_refused():
    next_one = with_sheet(workbook(takes(1)), in_row(2, '<c r="K2"><v>1</v></c>'))
    assert refusal(next_one, "xlsx") == "Row 1 has 11 cells but the header has 10 columns."


def test_a_cell_far_past_the_headers_last_column_is_not_read():
    far = with_sheet(workbook(takes(1)), in_row(2, '<c r="XFD2"><v>1</v></c>'))
    dataset = read_take_log(far, "xlsx")
    assert (dataset.headers, list(dataset)) == (HEADER, [(1, None, "7", 1, "1:00", "v1", None, WEARER, "Good", None)])


def test_a_header_as_wide_as_a_sheet_is_read_and_its_rows_cost_that_width_at_most(settings):
    wide = with_sheet(workbook(takes(3)), in_row(1, '<c r="XFD1" t="inlineStr"><is><t>Last</t></is></c>'))
    dataset = read_take_log(wide, "xlsx")
    assert (len(dataset.headers), dataset.headers[-1], len(dataset)) == (16_384, "Last", 3)
    settings.TAKE_IMPORT_MAX_ROWS = 2_000
    many = with_sheet(workbook(takes(1_300)), in_row(1, '<c r="XFD1" t="inlineStr"><is><t>Last</t></is></c>'))
    assert refusal(many, "xlsx") == (
        "The sheet holds more than 20,000,000 cells, each row counted as wide as the header; a take log holds far "
        "fewer. Delete the empty columns and rows, or split the file."
    )


def rows_of_cells(cells):
    """A sheet's rows from row 2 on, each holding only the given cell (its reference's row filled in)."""
    rows = "".join(f'<row r="{number}">{cell.format(row=number)}</row>' for number, cell in enumerate(cells, 2))
    return lambda xml: xml.replace("</sheetData>", rows + "</sheetData>")


LAST_ROW = '<row r="1048576"><c r="A1048576"><v>7</v></c></row>'
BLANK_IN_LAST_COLUMN = '<c r="XFD{row}" t="inlineStr"><is><t> </t></is></c>'

# The costliest shapes found for their size, each with how many cells (or rows) its file really
# holds and what reading it ends in: the rows of takes, or the refusal.
WORST_SHAPES = {
    # The review's 2 KB file: a blank cell in the sheet's last column, row after row.
    "blank cells in the last column": (
        "xlsx", with_sheet(workbook([]), rows_of_cells([BLANK_IN_LAST_COLUMN] * 100)), 110, 0
    ),
    "a take in the sheet's last row": (
        "xlsx",
        with_sheet(workbook([]), lambda xml: xml.replace("</sheetData>", f"{LAST_ROW}</sheetData>")),
        11,
        "The sheet has rows below row 50,001; a take log may have at most 50,000 rows of takes. "
        "Delete the rows below the last take, or split the file.",
    ),
    # More cells in a row than a sheet has columns: refused before openpyxl holds them.
    "empty cells before a far one": (
        "xlsx",
        with_sheet(workbook([]), rows_of_cells(["<c/>" * 20_000 + '<c t="inlineStr"><is><t>x</t></is></c>'])),
        20_011,
        "The workbook's xl/worksheets/sheet1.xml has more than 16,384 cells in one row: it is not a take log.",
    ),
    "lines of commas": ("csv", ("Day,Scene,Take\n" + ("," * 60_000 + "\n") * 10).encode(), 600_013, 0),
    "lines of tabs": (
        "ale", ("Heading\nColumn\nName\nData\n" + ("x" + "\t" * 60_000 + "\n") * 10).encode(), 600_011, 10
    ),
}  # fmt: skip


@pytest.fixture
def work(monkeypatch):
    """Counts the work of reading a take log: each row and cell a reader hands over, each blank check."""
    counted = {"work": 0}
    handed, checked = takefiles.capped, takefiles.blank

    def counting(numbered_rows):
        for line, row in numbered_rows:
            counted["work"] += 1 + len(row)
            yield line, row

    def blank(value):
        counted["work"] += 1
        return checked(value)

    monkeypatch.setattr(takefiles, "capped", lambda numbered_rows: handed(counting(numbered_rows)))
    monkeypatch.setattr(takefiles, "blank", blank)
    return counted


@pytest.mark.parametrize("shape", WORST_SHAPES)
def test_reading_a_file_costs_work_in_proportion_to_what_it_holds_not_to_its_sheets_size(shape, work, settings):
    settings.TAKE_IMPORT_MAX_ROWS = 50_000  # the refusals' figure
    kind, data, cells, outcome = WORST_SHAPES[shape]
    if isinstance(outcome, str):
        assert refusal(data, kind) == outcome
    else:
        assert len(read_take_log(data, kind)) == outcome
    assert work["work"] <= 3 * cells


@pytest.mark.parametrize("fps", ["inf", "1e400", "-inf", "nan"])
def test_an_ale_whose_frame_rate_is_no_number_is_refused_with_the_reason(shoot, tmp_path, fps):
    ale = tmp_path / "day.ale"
    ale.write_text(f"Heading\nFPS\t{fps}\nColumn\nName\tScene\tTake\nData\nGOPR0101.MP4\t7\t1\n")
    reason = f"The ALE heading's FPS is '{fps}', not a frame rate (25, 23.976, 29.97...)."
    assert refusal(ale.read_bytes(), "ale") == reason
    with pytest.raises(CommandError, match=re.escape(reason)):
        call_command("import_takes", str(ale), "--production", "Test feature", stdout=io.StringIO())
    assert not Take.objects.exists()


@pytest.fixture
def unpacked_limit_of_50_mb(monkeypatch):
    """The unpacked limit lowered to 50 MB (it is 256): the bombs that pass it stay quick to build."""
    monkeypatch.setattr(takefiles, "MAX_XLSX_UNPACKED_BYTES", 50 * 2**20)


def test_a_huge_inline_string_is_refused_by_the_unpacked_size_before_it_is_parsed(unpacked_limit_of_50_mb):
    bomb = with_sheet(workbook(takes(1)), inline_note("A" * 60 * 2**20))
    assert len(bomb) < 200_000
    assert refusal(bomb, "xlsx").startswith("The workbook unpacks to 60.0 MB in ")


def test_a_long_inline_note_is_refused_naming_its_row_and_column():
    long_note = with_sheet(workbook(takes(1)), inline_note("A" * 3000))
    assert refusal(long_note, "xlsx") == "Row 1, column 10 holds 3,000 characters; a cell may hold at most 2,000."


def test_a_sheet_of_many_megabytes_compressing_to_kilobytes_is_refused_unread(unpacked_limit_of_50_mb):
    rows = "<row><c><v>1</v></c></row>" * (3 * 2**20)  # 78 MB of rows
    bomb = with_sheet(workbook([]), lambda xml: xml.replace("</sheetData>", rows + "</sheetData>"))
    assert len(bomb) < 500_000
    assert refusal(bomb, "xlsx").startswith("The workbook unpacks to ")


def test_more_rows_than_allowed_are_refused(settings):
    settings.TAKE_IMPORT_MAX_ROWS = 20
    assert len(read_take_log(workbook(takes(20)), "xlsx")) == 20
    message = "The file has more than 20 rows of takes; split it into smaller files."
    assert refusal(workbook(takes(21)), "xlsx") == message
    csv_text = "\n".join(",".join(str(cell) for cell in row) for row in [HEADER, *takes(21)])
    assert refusal(csv_text.encode(), "csv") == message


def test_blank_rows_between_takes_keep_the_row_numbers_and_trailing_ones_are_dropped():
    rows = [*takes(1), [None] * 10, *takes(2)[1:], *[[None] * 10] * 50]
    log = list(read_take_log(workbook(rows), "xlsx"))
    assert len(log) == 3 and log[1] == (None,) * 10 and log[2][3] == 2


def test_a_csv_with_a_ten_megabyte_field_is_refused_for_its_size(settings):
    settings.TAKE_IMPORT_MAX_BYTES = 10 * 2**20
    huge = ("Scene,Notes\n7," + "A" * 11 * 2**20 + "\n").encode()
    assert refusal(huge, "csv") == "The file is 11.0 MB; a take log may be at most 10.0 MB."


def test_a_csv_field_too_long_for_a_cell_is_refused_within_the_size_limit(settings):
    settings.TAKE_IMPORT_MAX_BYTES = 20 * 2**20
    huge = ("Scene,Notes\n7," + "A" * 10 * 2**20 + "\n").encode()
    assert refusal(huge, "csv") == "Line 2 of the file is 10,485,763 characters long; a take log's line is far shorter."
    quoted = ('Scene,Notes\n7,"' + "A\n" * 100_000 + '"\n').encode()
    assert refusal(quoted, "csv") == (
        "Line 65538 of the file cannot be read as CSV (field larger than field limit (131072))."
    )


@pytest.fixture
def supervisor(client, django_user_model):
    user = django_user_model.objects.create_user("script", password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Script supervisor"))
    client.force_login(user)
    return client


def upload(client, production, data, name):
    file = SimpleUploadedFile(name, data)
    form = {"production": production.pk, "import_file": file, "format": "1" if name.endswith(".xlsx") else "0"}
    return client.post(reverse("admin:shooting_take_import"), form)


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("bomb.xlsx", with_sheet(workbook(takes(1)), inline_note("A" * 60 * 2**20)), "The workbook unpacks to 60.0 MB"),
        ("big.csv", b"Scene,Notes\n7," + b"A" * 11 * 2**20, "The file is 11.0 MB; a take log may be at most 10.0 MB."),
        ("junk.xlsx", b"PK\x03\x04 not really", "The file is not an XLSX workbook"),
    ],
)
def test_a_hostile_upload_is_refused_with_its_reason_and_changes_nothing(
    shoot, supervisor, settings, unpacked_limit_of_50_mb, name, data, reason
):
    settings.TAKE_IMPORT_MAX_BYTES = 10 * 2**20
    before = database_snapshot()
    response = upload(supervisor, shoot, data, name)
    assert response.status_code == 200
    assert reason in response.content.decode()
    assert response.context.get("confirm_form") is None
    assert not TakeImportUpload.objects.exists()
    assert database_snapshot() == before


@pytest.mark.django_db(databases=["default", "tasks"])
def test_a_file_hostile_below_its_header_is_held_and_refused_by_its_check_which_writes_nothing(shoot, supervisor):
    uploaded = upload(supervisor, shoot, with_sheet(workbook(takes(1)), inline_note("A" * 3000)), "wide.xlsx")
    mapping = supervisor.get(uploaded.url).context["form"].initial
    before = database_snapshot()
    checked = supervisor.post(uploaded.url, mapping)
    run_queued_jobs()
    page = supervisor.get(checked.url)
    refusal = "File: Row 1, column 10 holds 3,000 characters; a cell may hold at most 2,000."
    assert page.context["row_fates"] == [refusal]
    assert page.context["confirm_form"] is None
    held = "imports.TakeImportUpload"  # the held file records its mapping and its check
    assert {**database_snapshot(), held: None} == {**before, held: None}


def test_styles_of_more_entries_than_excel_allows_are_refused_before_openpyxl_holds_them():
    many = with_part(
        workbook(takes(1)), "xl/styles.xml", lambda xml: xml.replace("</cellXfs>", "<xf/>" * 200_001 + "</cellXfs>")
    )
    assert refusal(many, "xlsx") == (
        "The workbook's xl/styles.xml has more than 200,000 style entries: it is not a take log."
    )
