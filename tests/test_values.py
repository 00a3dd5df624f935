"""Reading figures as reports write them."""
import re

import pytest
from hypothesis import given, strategies as st

from kpi_extract.values import VALUE_MACROS, format_value, not_a_figure, parse_value, words_to_int


@pytest.mark.parametrize("raw,expected", [
    ("£718,834", 718834), ("£1.8 billion", 1.8e9), ("£144m", 144e6), ("£850k", 850e3),
    ("£23m", 23e6), ("89%", 89), ("19.7 %", 19.7), ("95 per cent", 95), ("3,452", 3452),
    ("c. 3,000", 3000), ("over 200", 200), ("six", 6), ("thirty three", 33), ("thirty-three", 33),
    ("65.0", 65.0), ("1301", 1301), ("three hundred", 300), ("one hundred and fifty", 150),
    ("Three thousand and fifty", 3050), ("1.2k", 1200),
])
def test_parse_value(raw, expected):
    assert parse_value(raw) == pytest.approx(expected)


@pytest.mark.parametrize("raw", ["", "n/a", "twenty twenty", "three thirty", "hundred", "£", "1,23"])
def test_parse_value_rejects(raw):
    assert parse_value(raw) is None


def test_format_value_is_plain_decimal():
    assert [format_value(v) for v in (718834.0, 1.8e9, 19.7, 65.0, 0.5)] == \
        ["718834", "1800000000", "19.7", "65", "0.5"]


@given(st.integers(min_value=0, max_value=10**9))
def test_thousands_separators_round_trip(n):
    assert parse_value(f"{n:,}") == n
    assert parse_value(f"£{n:,}") == n
    assert format_value(parse_value(f"{n:,}")) == str(n)


UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
         "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def in_words(n: int, hyphen: bool) -> str:
    """British English: 3050 -> 'three thousand and fifty', 312 -> 'three hundred and twelve'."""
    def small(k):
        return UNITS[k] if k < 20 else TENS[k // 10] + (("-" if hyphen else " ") + UNITS[k % 10] if k % 10 else "")

    def below_1000(k):
        h, rest = divmod(k, 100)
        if not h:
            return small(rest)
        return f"{UNITS[h]} hundred" + (f" and {small(rest)}" if rest else "")

    th, rest = divmod(n, 1000)
    if not th:
        return below_1000(rest)
    return f"{below_1000(th)} thousand" + ((" and " if rest < 100 else " ") + below_1000(rest) if rest else "")


@given(st.integers(min_value=1, max_value=999_999), st.booleans())
def test_number_words_round_trip(n, hyphen):
    words = in_words(n, hyphen)
    assert words_to_int(words) == n
    m = re.search(VALUE_MACROS["count"], f"there were {words} children", re.I)
    assert m and parse_value(m.group("value")) == n


@given(st.integers(min_value=0, max_value=1000), st.integers(min_value=0, max_value=99))
def test_percent_macro_reads_any_percentage(whole, frac):
    text = f"a rate of {whole}.{frac}% this year"
    m = re.search(VALUE_MACROS["percent"], text)
    assert m and parse_value(m.group("value")) == pytest.approx(float(f"{whole}.{frac}"))


@pytest.mark.parametrize("text,number", [
    ("see Figure 17 below", "17"), ("a 14-year-old boy", "14"), ("within 45 days", "45"),
    ("agenda pages 23 - 48", "23"), ("call 01632 960 233", "960"), ("1 in 10 children", "10"),
    ("THEME 4: CHILDREN IN CARE", "4"), ("Workstream 3 children in need", "3"),
    ("6.2 The child protection rate has been high", "6.2"),
    ("41.2 in every 10,000 children", "10,000"), ("64 out of every 10,000 children", "10,000"),
    ("Priorities: 1 Neglect; 2 Exploitation; 3 Children in care; 4 Early help", "3"),
    ("9 Children subject to a child protection plan at 31 March 2024, by locality:", "9"),
])
def test_numbers_that_are_not_figures(text, number):
    start = text.index(number)
    assert not_a_figure(text, start, start + len(number))


def test_count_macro_skips_dates_and_ages():
    rx = re.compile(VALUE_MACROS["count"], re.I)
    assert [m.group("value") for m in rx.finditer("at 31st March 2016 was 301, a 14-year-old")] == ["301"]


# The number-word pattern is written compactly (each part once, larger forms as optional tails)
# because every count pattern of the library holds it; it must match exactly what the plain
# alternation of whole forms, longest first, matches.
def _plain_words_re() -> str:
    from kpi_extract.values import _SMALL
    hundreds = rf"(?:{_SMALL}\s+hundred(?:\s+(?:and\s+)?{_SMALL})?)"
    below = rf"(?:{hundreds}|{_SMALL})"
    thousands = rf"(?:{below}\s+thousand(?:,?\s+(?:and\s+)?{below})?)"
    return (rf"(?<![\w-])(?<!hundred )(?<!hundred and )(?<!thousand )(?<!thousand and )"
            rf"(?:{thousands}|{hundreds}|{_SMALL})\b")


_NUMBER_PIECES = ["one", "two", "three", "seven", "ten", "eleven", "seventeen", "twenty", "forty", "ninety",
                  "hundred", "thousand", "and", "Twenty", "FIVE", "tenant", "often", "one-off", "x", "children"]


@given(st.lists(st.tuples(st.sampled_from(_NUMBER_PIECES), st.sampled_from([" ", "  ", "-", ", ", " and ", "", "\n"])),
                min_size=1, max_size=8))
def test_number_words_compact_pattern_matches_as_the_plain_one(parts):
    from kpi_extract.values import WORDS_RE
    text = "".join(w + sep for w, sep in parts)
    plain = re.compile(_plain_words_re(), re.I)
    compact = re.compile(WORDS_RE, re.I)
    assert [m.span() for m in compact.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_figure_after_a_date_and_a_dash_is_no_range():
    from kpi_extract.values import not_a_figure
    text = "CLA at 31 March 2024 - 367"
    assert not_a_figure(text, text.index("367"), len(text)) == ""
    pages = "Agenda pages 77 - 116"
    assert not_a_figure(pages, pages.index("116"), len(pages)) == "a range"


def test_a_count_after_a_colon_is_still_a_figure():
    # one number after a colon, no run of numbered items: a figure
    text = "Children in care: 412 Children in need: 1,204"
    assert not_a_figure(text, text.index("412"), text.index("412") + 3) == ""


def test_a_count_that_opens_a_sentence_is_a_figure():
    # a small number before a word in lower case, or a short headline, counts; a paragraph's number does not
    assert not_a_figure("41 children were in care at 31 March 2024 across the county.", 0, 2) == ""
    assert not_a_figure("12 Courses delivered", 0, 2) == ""


def test_an_agenda_items_number_before_its_title_in_capitals_is_no_figure():
    assert not_a_figure("9 CHILDREN IN CARE SUFFICIENCY STRATEGY - ANNUAL UPDATE", 0, 1) == "an agenda item's number"
    assert not_a_figure("11. REFERRALS TO CHILDREN'S SOCIAL CARE 2024/25", 0, 3) == "an agenda item's number"
    # an infographic's count in capitals is still one, and so is a count in a sentence
    assert not_a_figure("418 CHILDREN IN CARE", 0, 3) == ""
    assert not_a_figure("9 children in care were placed out of the county in 2024/25.", 0, 1) == ""


def test_a_number_after_the_year_that_closes_a_phrase_of_time_is_a_figure_not_a_label():
    from kpi_extract.values import not_a_figure
    text = "By the end of the year 41 of the plan's 52 actions were complete."
    at = text.index("41")
    assert not_a_figure(text, at, at + 2) == ""
    label = "Pupils in Year 11 sat the test."
    at = label.index("11")
    assert not_a_figure(label, at, at + 2) == "a label number"
    # so do the quarter and the month: "during the quarter 18 courses ran"; "Quarter 3" stays a label
    for text in ("During the quarter 18 courses ran, with 402 delegates.", "In the month 63 referrals came from schools."):
        at = text.index(text.split()[3])
        assert not_a_figure(text, at, at + 2) == ""
    label = "Referrals rose in Quarter 3 of the year."
    at = label.index("3")
    assert not_a_figure(label, at, at + 1) == "a label number"


@given(st.sampled_from(["January", "March", "Sept", "December", "Oct"]), st.integers(100, 99_999))
def test_a_count_straight_after_a_months_name_that_is_no_day_or_year_is_read(mon, n):
    """"At the end of December 612 children were in care": 612 is no day or year of December, so it is a
    count; "December 2024" and "3 March 15" keep their year and day out."""
    rx = re.compile(VALUE_MACROS["count"], re.I)
    text = f"At the end of {mon} {n:,} children were in care"
    read = [m.group("value") for m in rx.finditer(text)]
    assert read == [f"{n:,}"]


def test_a_day_or_year_after_a_months_name_is_still_no_count():
    rx = re.compile(VALUE_MACROS["count"], re.I)
    assert [m.group("value") for m in rx.finditer("In March 2024 there were 418; by May 15 there were 431")] == ["418", "431"]
