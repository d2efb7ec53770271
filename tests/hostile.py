"""What an attacker or a slip of the keyboard sends: strategies for the hostile-input suite."""

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

# The digits of other scripts: Python's int() reads them all, a database does not.
DIGIT_SETS = ["0123456789", "٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹", "０１２３４５６７８９", "०१२३४५६७८९", "০১২৩৪৫৬৭৮৯"]

EDGE_NUMBERS = [
    0, 1, -1, 2**15, 2**31 - 1, 2**31, 2**32, 2**53 + 1, 2**63 - 1, 2**63, 2**64, -(2**31) - 1, -(2**63) - 1, 10**30,
]  # fmt: skip
EDGE_TEXT = [
    "", " ", "\x00", "1\x00", "\x00" * 3, "\x1b[31m", "\r\n", "\x7f", "\u202e", "\ufeff", "\x0b\x0c", "😀", "NaN",
    "inf", "-0", "1e9", "0x10", "1_000", "+1", "٣", "１２", "²", "³", "①", "Ⅻ", "9" * 5000, "x" * 5000, "%00", "../..",
    "0001-01-01", "9999-12-31", "0000-00-00", "10000-01-01", "2013-02-29", "9999-12-31 23:59:59", "-2013-01-01",
    "00:00", "23:59:59.999999", "24:00", "-1:00", "١٢:٠٠", "99:99", "2013-09-02T07:00", "1;DROP TABLE x",
]  # fmt: skip


@st.composite
def numbers(draw):
    """An integer as text, often at a database's range edges, in any script's digits."""
    value = draw(st.one_of(st.sampled_from(EDGE_NUMBERS), st.integers(min_value=-(2**70), max_value=2**70)))
    digits = draw(st.sampled_from(DIGIT_SETS))
    text = str(value).translate(str.maketrans("0123456789", digits))
    return draw(st.sampled_from([text, f" {text} ", text + "\x00"]))


HOSTILE = st.one_of(
    numbers(),
    st.sampled_from(EDGE_TEXT),
    st.text(max_size=40),
    st.dates().map(str),
    st.times().map(str),
)


def examples(count):
    """A hypothesis test's budget: `count` examples, no deadline (pages take their time on a busy machine)."""
    return settings(
        max_examples=count,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
