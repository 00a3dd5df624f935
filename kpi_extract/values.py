"""Reading a figure as committee papers write it: `£718,834`, `£1.8 billion`, `89%`, `thirty three`.

Pattern files name a value shape with a macro (`{count}`, `{money}`, `{percent}`, `{number}`)
instead of spelling the regex out, so that every KPI reads numbers the same way and a fix to
number reading reaches every pattern at once.
"""
from __future__ import annotations

import re

from .numberwords import TENS, UNITS, WORD_VALUES
from .periods import find_mentions

_UNIT_WORDS = "|".join(sorted(UNITS[1:], key=len, reverse=True))
_TEN_WORDS = "|".join(TENS[2:])
# "thirty three", "thirty-three", "one hundred and fifty", "three thousand and fifty"
_SMALL = rf"(?:(?:{_TEN_WORDS})(?:[\s-](?:{_UNIT_WORDS})\b)?|(?:{_UNIT_WORDS}))"
# each part once, its larger forms as greedy optional tails (longest first, as an alternation of
# the whole forms would try them): the library's patterns hold this dozens of times, and a
# pattern's size is what `re` takes time to compile
_BELOW_1000 = rf"(?:{_SMALL}(?:\s+hundred(?:\s+(?:and\s+)?{_SMALL})?)?)"
WORDS_RE = (rf"(?<![\w-])(?<!hundred )(?<!hundred and )(?<!thousand )(?<!thousand and )"
            rf"(?:{_BELOW_1000}(?:\s+thousand(?:,?\s+(?:and\s+)?{_BELOW_1000})?)?)\b")

# a digit group that is not a piece of a bigger number, a decimal, a date or a range
_NOT_AFTER = r"(?<![\d.,£/\-–])"
_INT = r"\d{1,3}(?:,\d{3})+|\d+"
_DEC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MONTHS = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
_NOT_BEFORE_INT = (r"(?![\d]|[.,/]\d|\s?%|\s?per\s?cent|-\d|–\d|\s?-year|\s?years? old|(?:st|nd|rd|th)\b|"
                   rf"\s{_MONTHS}[a-z]*\.?(?:\s|[:;,)]|$))")
# not the year of "March 2016" (a lookbehind per month name, as they must be fixed-width)
_NOT_AFTER_MONTH = "".join(
    f"(?<!{m} )" for m in ["january", "february", "march", "april", "may", "june", "july", "august",
                           "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                           "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"])
# a number after a month's name that is neither its day nor its year: "At the end of December 612 children were in care"
_NO_DATES_NUMBER = r"(?=(?!(?:19|20)\d\d(?![\d,]))(?:\d{1,3},\d{3}|\d{3,}))"
_NOT_BEFORE_DEC = r"(?![\d]|[.,/]\d|\s?%|\s?per\s?cent|-\d|–\d)"
_SCALE = r"(?:\s?(?:bn|billion|m|million|k|thousand))\b"

VALUE_MACROS: dict[str, str] = {
    # whole numbers counted: "3,452", "983", "thirty three"
    "count": rf"(?P<value>{_NOT_AFTER}(?:{_NOT_AFTER_MONTH}|{_NO_DATES_NUMBER})(?:\d+(?:\.\d+)?k\b|(?:{_INT}){_NOT_BEFORE_INT})|{WORDS_RE})",
    # sterling: "£718,834", "£1.8 billion", "£144m", "£850k", "£23 m"
    "money": rf"(?P<value>£\s?(?:{_DEC})(?:{_SCALE})?(?!\d|,\d))",
    # "89%", "19.7 %", "95 per cent"
    "percent": rf"(?P<value>{_NOT_AFTER}(?:\d+(?:\.\d+)?)\s?(?:%|per\s?cent\b))",
    # a plain decimal, for rates: "65.0", "33"
    "number": rf"(?P<value>{_NOT_AFTER}(?:{_DEC}){_NOT_BEFORE_DEC})",
}

_SCALES = {"bn": 1e9, "billion": 1e9, "m": 1e6, "million": 1e6, "k": 1e3, "thousand": 1e3}


def words_to_int(text: str) -> int | None:
    """'thirty three' -> 33, 'one hundred and fifty' -> 150; None when not a number in words."""
    parts = [p for p in re.split(r"[\s,-]+", text.strip().lower()) if p and p != "and"]
    if not parts:
        return None
    total, current, last = 0, 0, None
    for p in parts:
        if p in WORD_VALUES:
            v = WORD_VALUES[p]
            # "thirty three" but not "three thirty" or "thirty twenty"
            if last is not None and last not in ("hundred", "thousand") and not (
                    WORD_VALUES[last] >= 20 and WORD_VALUES[last] % 10 == 0 and 0 < v < 10):
                return None
            current += v
        elif p == "hundred" and last in WORD_VALUES and current < 100:
            current *= 100
        elif p == "thousand" and last is not None and 0 < current < 1000:
            total += current * 1000
            current = 0
        else:
            return None
        last = p
    return total + current


# words that make a figure approximate: "over 200", "c. 3,000"; the figure is still read
QUALIFIERS = (r"c\.|circa|approximately|approx\.?|around|about|over|more than|nearly|almost|just over|just under|"
              r"some|in excess of")


def parse_value(raw: str) -> float | None:
    """The number a value text stands for, or None when it is not one.

    Accepts what the macros match: thousands separators, a leading `£`, a trailing `%`,
    a scale word (`m`, `bn`, `k`, `million`), and small numbers in words.
    """
    s = raw.strip().lower().replace("\u00a0", " ")
    s = re.sub(rf"^(?:{QUALIFIERS})\s*", "", s)
    s = s.lstrip("£").strip()
    s = re.sub(r"\s*(?:%|per\s?cent)$", "", s)
    scale = 1.0
    m = re.fullmatch(r"(.+?)\s?(bn|billion|m|million|k|thousand)", s)
    if m and re.search(r"\d", m.group(1)):
        s, scale = m.group(1), _SCALES[m.group(2)]
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+", s):
        return float(s.replace(",", "")) * scale
    n = words_to_int(s)
    return float(n) if n is not None else None


def format_value(value: float) -> str:
    """Plain decimal for the CSV: `718834`, `89`, `19.7`, `1800000000`; no exponent, no `.0`."""
    if value == int(value):
        return str(int(value))
    return f"{value:.6f}".rstrip("0").rstrip(".")


def expand_macros(regex: str, defines: dict[str, str] | None = None) -> str:
    """Replace `{count}`, `{money}`, `{percent}`, `{number}` by their value regexes, `{q}` by the
    optional qualifier of an approximate figure ("over", "c."), and a pattern file's own
    `[define]` names (`{cp_plan}`) by their text.

    Other braces (quantifiers such as `{0,40}`) are left alone.
    """
    defines = {**BUILTIN_DEFINES, **(defines or {})}
    for _ in range(5):  # defines may use other defines
        new = re.sub(r"\{([a-z_][a-z0-9_]*)\}",
                     lambda m: defines.get(m.group(1), m.group(0)), regex)
        if new == regex:
            break
        regex = new
    return re.sub(r"\{(count|money|percent|number)\}", lambda m: VALUE_MACROS[m.group(1)], regex)


# names every pattern file may use besides its own [define]s
BUILTIN_DEFINES = {"q": rf"(?:(?:{QUALIFIERS}) )?"}

# what joins a rate to its population: "41 per 10,000", "38.5 in every 10,000"
PER = r"(?:per|(?:in|out of|for) every)"
UNIT_VALUE = {"count": "{count}", "GBP": "{money}", "percent": "{percent}",
              "rate_per_10k": rf"{{number}} {PER} 10(?:,?000|k)\b"}


_LABEL_BEFORE = re.compile(
    r"\b(?:figures?|fig\.?|tables?|charts?|graphs?|pages?|pp?\.|appendix|appendices|annex|section|paragraph|"
    r"para\.?|items?|chapter|article|act|version|v\.|ward|route|room|box|aged?|ages|age of)\s*$", re.I)
# "Year 6", "Quarter 4", "Priority 2": only small numbers are labels after these words
_SMALL_LABEL_BEFORE = re.compile(
    r"\b(?:year|years|quarter|q|level|tier|stage|key stage|phase|priority|objective|part|step|no\.|number|"
    r"standard|module|outcome|recommendation|action|theme|strand|workstream|pillar|domain)\s*$", re.I)
# "the year" (or quarter, or month) closing a phrase of time is no label's word: "By the close of the year 38 of the
# plan's 45 actions were complete", "In the quarter 14 courses ran", "In the previous year 55 courses ran" (not "Year 6",
# "the Year 6 cohort", "Quarter 4")
_SPAN_OF_THE_YEAR = re.compile(r"\b(?:(?:end|close|start|beginning|course|rest|middle)\s+of|during|over|in|through|"
                               r"throughout|across|for)\s+the\s+(?:(?:previous|last|prior|preceding|same|current|following|next)\s+)?"
                               r"(?:financial\s+|reporting\s+)?(?:year|quarter|month)\s*,?\s*$", re.I)
# (not the span a count is of: "448 year to date")
_AFTER_DURATION = re.compile(r"^\s*(?:-|to|and)?\s*(?:\d+\s*)?(?:-\s*)?(?!year\s+to\s+date\b)(?:years?|months?|weeks?|days?|"
                             r"hours?|minutes?|working days|year[- ]olds?)\b", re.I)
_RANGE = re.compile(r"^\s?[-–]\s?\d")
_RANGE_BEFORE = re.compile(r"(?:^|[^\d/,.])\d{1,6}\s?[-–]\s?$")
_DATE_THEN_DASH = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d\s[-–]\s$", re.I)
_IN_BEFORE = re.compile(rf"(?<![\d,./])\b(?:\d{{1,3}}|{WORDS_RE}) in\s*$", re.I)
# "fewer than in the same period of 2024": a year after the span it is of
_YEAR_OF = re.compile(r"\b(?:period|quarter|months|half[- ]year|time|point)\s+of\s+$", re.I)
_EVERY_BEFORE = re.compile(r"\b(?:in|out of|for) every\s*$", re.I)  # (the population of a rate)
_IN_AFTER = re.compile(rf"^\s*in (?:\d{{1,3}}(?![\d/,.])|{WORDS_RE})", re.I)
_PHONE = re.compile(r"(?:\+44\s?|\b0)\d{2,4}[\s-]?\d{3}[\s-]?\d{3,4}\b")
# growth as a finance line ("Growth 2025/26 | 4.2"), not a directorate named for what it grows ("Place,
# Sustainable Growth and Transport", "Economic Growth")
# (a directorate named for growth is no growth line: "Growth and Regeneration", "Place and Growth", "Housing,
# Development and Growth"; a line joining growth to a finance word, "Pressures and Growth", is caught by that word)
GROWTH_LINE = (r"(?<!sustainable )(?<!economic )(?<!inclusive )(?<!clean )(?<!good )(?:(?<!and )(?<!& )|(?-i:(?=g)))growth"
               r"(?!\s+(?:and|&)\s+(?-i:[A-Z])(?!(?:savings?|pressures?|inflation|investments?|demand|demograph\w*|pay|prices?|"
               r"other)\b))")
# "a rate of 65 per 10,000 children": the digits of a rate's unit
PER_POPULATION = re.compile(rf"{PER} (?:10|1|100),?000(?!\d)|per 10k\b", re.I)
_BARE_NUMBER = re.compile(r"£?\d[\d,]*(?:\.\d+)?(?:\s?%)?")


def label_spans(text: str) -> list[tuple[int, int]]:
    """Where the digits of `text` name a period ("2019/20", "March 2021") or a rate's unit
    ("per 10,000") rather than a figure: every reader of figures in prose steps over these."""
    return [(m.start, m.end) for m in find_mentions(text)] + [m.span() for m in PER_POPULATION.finditer(text)]


def figure_spans(text: str) -> list[tuple[int, int]]:
    """Every number in `text` that may be a figure, whether or not a pattern claimed it."""
    blocked = label_spans(text)
    return [m.span() for m in _BARE_NUMBER.finditer(text) if not any(a <= m.start() < b for a, b in blocked)]


def _falls_after(figure: str, after: str) -> bool:
    """"502 - 14 fewer than at 30 June": a figure, then a smaller one after a dash, is no range
    (ranges run upward: pages 77 - 116)."""
    m = re.match(r"\s?[-\u2013]\s?(\d[\d,]*)", after)
    try:
        return m is not None and float(m.group(1).replace(",", "")) < float(figure.replace(",", "").lstrip("£"))
    except ValueError:
        return False


# "The workstreams are: 1 Leadership; 2 Front door; 3 Child protection; 4 Children in care": items
# numbered in turn after a colon or a semicolon, each number before a capitalised name
_ITEM_NUMBER = re.compile(r"(?:^|[:;]\s*)(\d{1,2})\s+(?=[A-Z][a-z])")


def _numbered_item(text: str, start: int, end: int) -> bool:
    """Is text[start:end] one number of a run 1, 2, 3 ... numbering the items of a list?"""
    if end - start > 2 or not text[start:end].isdigit() or text[:start].rstrip()[-1:] not in ("", ":", ";"):
        return False  # (most figures follow no colon or semicolon: the list is not looked for)
    numbers = {m.start(1): int(m.group(1)) for m in _ITEM_NUMBER.finditer(text)}
    if start not in numbers:
        return False
    run = sorted(numbers.values())
    return len(run) >= 3 and run[:3] == [1, 2, 3]


# a capitalised word after a small number that opens a sentence which goes on at length: the number
# numbers the paragraph ("11 At the same date 194 of the children ..."), as no count opens a sentence so
_PARAGRAPH_AFTER = re.compile(r"\s+(?-i:[A-Z][a-z'’-]+)(?:[\s,]+[^\s]+){6,}")
# a title in capitals, three words or more: what an agenda item's number heads
_CAPITALS_AFTER = re.compile(r"[.)]?\s+(?-i:[A-Z][A-Z'’&-]+)(?:\s+(?-i:[A-Z][A-Z'’&-]*|[-\u2013:]|\d[\d/-]*)){3,}\s*(?:\(\w+\))?\s*$")


def not_a_figure(text: str, start: int, end: int) -> str:
    """Why the number at text[start:end] is not a KPI figure (a label number, an age, a
    duration, a page range, a phone number), or "" when it may be one."""
    before, after = text[max(0, start - 20):start], text[end:end + 25]
    if _LABEL_BEFORE.search(before):
        return "a label number"
    if not text[:start].strip() and re.fullmatch(r"\d{1,2}(?:\.\d{1,2}){1,2}", text[start:end]) and \
            re.match(r"\s+[A-Z]", after):
        return "a paragraph number"  # "6.2 The child protection rate has been ..."
    if not text[:start].strip() and re.fullmatch(r"\d{1,2}", text[start:end]) and _PARAGRAPH_AFTER.match(text, end):
        return "a paragraph number"  # "9 Children subject to a child protection plan at 31 March 2024, by locality:"
    if not text[:start].strip() and re.fullmatch(r"\d{1,2}[.)]?", text[start:end]) and _CAPITALS_AFTER.match(text, end):
        return "an agenda item's number"  # "15 CHILDREN IN CARE PERFORMANCE REPORT - QUARTER 1 2025/26"
    if _SMALL_LABEL_BEFORE.search(before) and re.fullmatch(r"\d{1,2}", text[start:end].strip()) \
            and not _SPAN_OF_THE_YEAR.search(text, max(0, start - 45), start):
        return "a label number"
    if _AFTER_DURATION.match(after):
        return "a duration or an age"
    if (_RANGE.match(after) and not _falls_after(text[start:end], after)) or (_RANGE_BEFORE.search(before) and not _DATE_THEN_DASH.search(before)):
        return "a range"  # (not "CLA at 31 March 2024 - 367": a date, then the figure after a dash)
    if _IN_BEFORE.search(before) or _IN_AFTER.match(after):
        return "a proportion (one in ten)"
    if _YEAR_OF.search(before) and re.fullmatch(r"(?:19|20)\d\d", text[start:end]):
        return "a year (the same period of 2024)"
    if _EVERY_BEFORE.search(before):
        return "a rate's population (38.5 in every 10,000)"
    if _numbered_item(text, start, end):
        return "a list item's number"
    if re.match(r"\s*(?:quarters?|thirds?|halves|fifths?|tenths?)\b", after, re.I):
        return "a fraction (three quarters)"
    for m in _PHONE.finditer(text, max(0, start - 16), min(len(text), end + 16)):
        if m.start() <= start and end <= m.end():
            return "a phone number"
    return ""
