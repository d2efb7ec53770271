"""Every page that shows a figure shows the same value for it: slip against the baseline, days scheduled
and shot and behind, pages planned, scenes completed, circled takes, rig time against the daily limit,
"Day N of M", the days on the Day Out of Days. One production with days moved, added and cancelled, a
scene split over two days, a locked baseline, circled takes and two wearers, read from each page."""

import io
import re
from datetime import timedelta

import openpyxl
import pytest
from django.urls import reverse
from icalendar import Calendar

from hhprod.feeds.models import CalendarFeed
from hhprod.planning.models import Scene, ShootDay
from hhprod.planning.revisions import lock_schedule
from hhprod.productions.timezones import production_today
from tests import factories as make
from tests.reporting import report_file

pytestmark = pytest.mark.django_db


def day(prod, number):
    return ShootDay.objects.get(production=prod, number=number)


@pytest.fixture
def shoot():
    """Baseline (White): days 1-4 from nine days ago, scene 2 split over days 2 and 3. Then day 1 moved
    three days on but shot on its baseline date, day 2 moved and shot three days late, day 3 shot three
    days late, day 4 cancelled (its scene 3 onto day 6), days 5 and 6 added and shot (6 today), day 7
    added ahead. Ace passes the 5-minute limit on days 2 and 6."""
    prod = make.production("Agreement", planned_days=4, daily_rig_limit_minutes=5)
    today = production_today(prod)
    ago = lambda n: today - timedelta(days=n)  # noqa: E731
    rig = make.rig()
    ace, rookie = make.wearer(prod, "Ace"), make.wearer(prod, "Rookie")
    scene = {
        n: Scene.objects.create(production=prod, number=str(n), page_eighths=e)
        for n, e in ((1, 8), (2, 12), (3, 4), (4, 5), (5, 10), (9, 3))
    }
    days = {n: make.shoot_day(prod, n, scheduled=ago(10 - n), actual=None) for n in (1, 2, 3, 4)}
    make.strip(days[1], scene[1])
    make.strip(days[2], scene[2], part=1, parts=2, page_eighths=6)
    make.strip(days[3], scene[2], part=2, parts=2, page_eighths=6)
    third = make.strip(days[4], scene[3])
    lock_schedule(prod, name="Approved", reason="Studio approval")

    moves = {1: (ago(6), ago(9)), 2: (ago(5), ago(5)), 3: (ago(7), ago(4))}
    for number, (scheduled, shot) in moves.items():
        ShootDay.objects.filter(pk=days[number].pk).update(
            scheduled_date=scheduled, actual_date=shot, status="shot", change_cause="weather"
        )
    ShootDay.objects.filter(pk=days[4].pk).update(status="cancelled", change_cause="other")
    days[5] = make.shoot_day(prod, 5, actual=ago(2), change_cause="reshoot")
    days[6] = make.shoot_day(prod, 6, scheduled=today, actual=today, change_cause="rig")
    days[7] = make.shoot_day(prod, 7, scheduled=today + timedelta(days=2), actual=None, change_cause="rig")
    third.shoot_day = days[6]
    third.save()
    make.strip(days[5], scene[4])
    make.strip(days[7], scene[5])

    for d, s, who, number, length, status, setup in (
        (1, 1, ace, 1, 200, "circled", ""), (1, 1, rookie, 2, 60, "no_good", ""),
        (2, 2, ace, 1, 180, "circled", ""), (2, 2, ace, 1, 150, "good", "A"),
        (3, 2, rookie, 2, 100, "circled", ""), (5, 4, rookie, 1, 120, "circled", ""),
        (6, 3, ace, 1, 250, "good", ""), (6, 3, ace, 2, 100, "good", ""),
        (6, 3, rookie, 1, 60, "no_good", "A"), (6, 9, rookie, 1, 90, "circled", ""),
    ):  # fmt: skip
        make.take(days[d], scene[s], rig, who, number=number, length=length, status=status, setup=setup)
    return prod


def sheets(prod, slug, **params):
    """A report's XLSX as {sheet: [rows]} of typed values."""
    book = openpyxl.load_workbook(io.BytesIO(report_file(prod, slug, "xlsx", **params)))
    return {name: [list(row) for row in book[name].values] for name in book.sheetnames}


def by_header(rows, key):
    """Table rows as {row[key]: {header: value}}."""
    header, *body = rows
    return {row[header.index(key)]: dict(zip(header, row, strict=True)) for row in body}


def pairs(rows):
    return {row[0]: row[1] for row in rows[1:]}


def column(header_part, row):
    """The value under the one header containing `header_part`."""
    (value,) = [value for name, value in row.items() if header_part in str(name)]
    return value


@pytest.fixture
def pages(shoot, login_as, django_user_model):
    on_set = login_as("Script supervisor").get(reverse("onset:take-logging", args=[day(shoot, 6).pk]))
    client = login_as("Producer")
    _, token = CalendarFeed.issue(django_user_model.objects.get(username="producer"))
    return {
        "today": client.get(reverse("today:day")).content.decode(),
        "schedule": sheets(shoot, "schedule"),
        "scenes": sheets(shoot, "scenes"),
        "report": {n: sheets(shoot, "production-report", day=n) for n in (2, 3, 6)},
        "call_sheet": sheets(shoot, "call-sheet", day=6),
        "dood": client.get(reverse("reports:report", args=[shoot.pk, "day-out-of-days"])).content.decode(),
        "feed": Calendar.from_ical(b"".join(client.get(reverse("feeds:schedule", args=[token, shoot.pk])))),
        "on_set": on_set.content.decode(),
    }


def test_slip_is_against_the_baseline_on_the_schedule_the_scenes_and_the_feed(pages):
    days = by_header(pages["schedule"]["Shoot days"], "Day")
    slips = {n: column("Slip", row) for n, row in days.items()}
    # Day 1 was moved three days on in the plan but shot on its baseline date: no slip.
    assert slips == {1: 0, 2: 3, 3: 3, 4: None, 5: None, 6: None, 7: None}
    assert "baseline" in next(name for name in days[1] if "Slip" in str(name))
    scenes = by_header(pages["scenes"]["Scenes"], "Scene")
    # A scene circled on its baseline day slipped as much as that day did.
    assert (column("Slip", scenes["1"]), column("Slip", scenes["2"])) == (slips[1], slips[2])
    described = {str(e["summary"]).split()[2].rstrip(":"): str(e["description"]) for e in pages["feed"].walk("VEVENT")}
    assert "+3 days against the baseline" in described["2"] and "baseline" not in described["1"]


def test_days_scheduled_shot_and_behind_agree(pages):
    summary = pairs(pages["schedule"]["Summary"])
    scheduled, shot = column("Scheduled days", summary), summary["Shot days"]
    assert (scheduled, shot, summary["Variance (days)"]) == (4, 5, 1)
    assert f"Days shot of planned</dt><dd>{shot} of {scheduled}</dd>" in pages["today"]
    assert "+1 days (+25%)" in pages["today"]
    figures = pairs(pages["report"][6]["Figures"])
    assert (figures["Baseline days to date"], figures["Shot days to date"]) == (scheduled, shot)
    # One "behind": the schedule's as of the last shot day, the production report's of that day: five days
    # shot for the baseline's four days' work. In pages, more were shot than the baseline's four days held.
    assert summary["Behind the baseline (days)"] == shot - figures["Baseline days' work done"] == 1
    assert figures["Against the baseline"] == "1 day behind, 1 page ahead"


def test_pages_planned_agree(pages):
    per_day = by_header(pages["scenes"]["Per day"], "Day")
    assert "1 strip, 4/8 pages" in pages["today"]
    assert pairs(pages["report"][6]["Figures"])["Scheduled today"].startswith("1 scene, 4/8 pages")
    assert [row["Pages"] for row in by_header(pages["call_sheet"]["Scenes"], "Scene").values()] == ["4/8"]
    assert (per_day[6]["Pages planned"], per_day[2]["Pages planned"], per_day[3]["Pages planned"]) == (
        "4/8", "6/8", "6/8"
    )  # fmt: skip
    assert pairs(pages["report"][2]["Figures"])["Scheduled today"].startswith("1 scene, 6/8 pages")


def test_scenes_completed_and_circled_takes_agree(pages):
    per_day = by_header(pages["scenes"]["Per day"], "Day")
    schedule = by_header(pages["schedule"]["Shoot days"], "Day")
    for number in (2, 3, 6):
        today = by_header(pages["report"][number]["Scenes, pages and setups"], None)["Today"]
        done = per_day[number]
        assert (today["Scenes"], today["Pages"]) == (done["Scenes completed"], done["Pages completed"]), number
        assert int(pairs(pages["report"][number]["Figures"])["Circled"]) == schedule[number]["Circled"], number
    assert f"{schedule[6]['Takes']} takes, {schedule[6]['Circled']} circled" in pages["today"]


def test_rig_time_against_the_limit_agrees(pages):
    report = {row[0]: (row[2], row[-1]) for row in pages["report"][6]["Minutes on the rig per wearer"][1:]}
    assert report == {"Ace": (5.8, "over"), "Rookie": (2.5, "within")}
    today = dict(re.findall(r'<th scope="row">(\w+)</th><td class="number">\d+</td><td class="number">[\d:]+</td>'
                            r"<td>(\w+)</td>", pages["today"]))  # fmt: skip
    on_set = dict(re.findall(r'<tr class="(\w+)"><td>(\w+)</td>', pages["on_set"]))
    assert today == {name: limit for name, (_, limit) in report.items()}
    assert {name: state for state, name in on_set.items()} == today


def test_day_of_and_the_day_out_of_days_agree(pages):
    summary = pairs(pages["report"][6]["Summary"])
    # Day 6 is the fifth of the six days not cancelled, in the order they are shot.
    assert "Day 5 of 6 (4 planned)" in pages["today"] and summary["Day"] == "Day 5 of 6 (4 planned)"
    days = by_header(pages["schedule"]["Shoot days"], "Day")
    live = {n for n, row in days.items() if row["Status"].lower() != "cancelled"}
    assert {int(n) for n in re.findall(r">Day (\d+)<", pages["dood"])} == live
