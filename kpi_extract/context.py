"""The structure of a document that dates its figures, found once per document.

An agenda pack reprints reports: "Subject: ... Annual Report 2016/17" starts one, a heading
"2017/18 at a glance" governs a page, a lead-in "At 31 March 2023:" governs the list under it, a
standing statement "Data are as at 30 September 2022 unless shown otherwise" the rest of the
paper, the front page gives the meeting date, an Ofsted report its inspection dates. Datelines
and meeting lines ("Report to Cabinet, 14 October 2021") are recorded as such and are never
headings. Which of these governs a figure is decided in `dating.py`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .docarea import document_area, document_owner, document_service, front_text
from .model import Period
from .needles import Guarded
from .periods import (DAY_THEN_TITLE, MONTH_NAME, MONTH_WORD, MONTHS, as_at, calendar_year, end_of_month, find_mentions, month, quarter_before, safe_date, single_period,
                      SO_FAR_WORDS, without_mentions, year_to_date)

_REPORT_START = re.compile(r"^(?:subject|title|report title|report of|report to)\s*:", re.I)
# a report of a year; a plan names the year it looks ahead to, so it does not date the figures
# of the report that mentions it ("Looking Ahead - Business and Improvement Plan 2017/18")
_TITLE_WORDS = re.compile(
    r"\b(?:annual|performance|quarterly|monthly|progress|monitoring|training|end of year|year end|accountability|"
    r"yearly|safeguarding|partnership|board) (?:report|review|scorecard|summary)\b|\breport\s+(?:for\s+)?(?:19|20)\d\d|"
    r"\bat a glance\b|\bannual performance\b|\b(?:data ?set|data pack|dashboard)\b|\byear in (?:numbers|review)\b|\breview of (?:the )?year\b|\bposition statement\b|\b(?:performance|data) digest\b|^\s*(?:19|20)\d\d(?:[/-]\d\d(?:\d\d)?)?\s+in (?:numbers|figures)\b|\bannual conversation\b|\bscorecard\b|\bbudget monitoring\b|"
    r"\b(?:revenue|capital|council|annual) budget\b|\bbudget (?:report|proposals|setting)\b|"
    r"\bmedium[- ]term financial (?:plan|strategy)\b|\b(?:quarter|Q)\s?[1-4] (?:(?:19|20)\d\d[/-]\d\d(?:\d\d)? )?(?:performance|monitoring|report|update)\b", re.I)
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+"
_EVENT = re.compile(r"\b(?:inspection dates?|dates? of (?:the )?inspection|date of (?:the )?visit|visit dates?|"
                    r"(?:inspection|visit) (?:took place|was carried out|ran|happened)|(?:we|ofsted) inspected [^.]{0,60}?\b(?:on|in|between|from)|"
                    # (or its day after a comma: "Ofsted focused visit to Westshire County Council children's services, 9 July 2025")
                    r"\b(?:focused |monitoring |joint targeted area )?(?:visit|inspection) (?:to|of) [^.]{0,60}?(?:\b(?:on|in|between|from)|,(?=\s*\d)))"
                    r"\s*:?\s*(.{0,60})", re.I)
_DAY_ALONE = re.compile(rf"(?:{_WEEKDAY})?\d{{1,2}}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+(?:19|20)\d\d", re.I)
_MEETING = re.compile(rf"(?:\b(?:date|meeting date|date of meeting)\s*:?\s*|^{_WEEKDAY}|\b{_WEEKDAY})(.{{0,40}})", re.I)


@dataclass
class DocumentContext:
    """Periods that may govern a document's sentences, each with the lines it was read from."""

    titles: list[tuple[int, int, Period | None]] = field(default_factory=list)  # (page, line, period)
    headings: list[tuple[int, int, Period]] = field(default_factory=list)
    lead_ins: list[tuple[int, int, int, Period]] = field(default_factory=list)  # (page, line, last line governed, period)
    standing: list[tuple[int, int, Period]] = field(default_factory=list)
    datelines: list[tuple[int, int]] = field(default_factory=list)  # meeting lines and datelines, dating no section
    meeting: Period | None = None
    event: Period | None = None
    area: str = ""  # the council or partnership whose figures these are (docarea.py)
    area_code: str = ""  # its ONS code when it is one UK local authority
    owner: str = ""  # the body (no area: a health trust, a police force) whose paper this is, if not a council's
    front: str = ""  # the first lines of the front page, where a joint paper names each council that writes it
    service: str = ""  # the service other than children's the paper is about ("housing"), if one (docarea.py)
    meeting_known: bool = False  # the meeting is the paper's own date (not the inspection's, standing in)
    issued: Period | None = None  # the month a paper with no day of its own is dated ("report to Cabinet, October 2025")

    def structural(self, page: int) -> set[int]:
        """The page's lines that are structure (titles, headings, lead-ins, standing statements,
        datelines) rather than prose, so that a sentence the layout ran on from one of them
        does not take its date for its own."""
        out = {ln for pg, ln, _ in self.titles if pg == page}
        out |= {ln for pg, ln, _ in self.headings if pg == page}
        out |= {ln for pg, ln, _, _ in self.lead_ins if pg == page}
        out |= {ln for pg, ln in self.datelines if pg == page}
        return out


def _looks_like_title(line: str) -> bool:
    """A line that could head a document: short, no sentence punctuation inside it, and no sum or count
    (a prose line wrapped after a year is none: "2.1 Full Council approved a net revenue budget of £713.562m
    for 2025/26 at its")."""
    return (0 < len(line) <= 90 and len(line.split()) <= 14 and not line.endswith((".", ",", ";"))
            and not re.search(r"[.;] ", line) and (line[0].isupper() or line[0].isdigit()) and not _AMOUNT.search(line))


def _period_at_an_end(line: str) -> bool:
    """A title names its period first or last ("Annual Report 2017/18", "2017/18 at a glance"),
    not in the middle of a phrase ("Report for 2020/21 providing evidence of impact")."""
    found = [m for m in find_mentions(line) if m.absolute]
    if not found:
        return False
    # (or last before a colon and its subtitle: "Children's social care in 2024: a summary for members")
    rest = line[found[-1].end:]
    return len(rest.split()) <= 3 or re.fullmatch(r"\s*:\s+[^\d:;.]+", rest) is not None


_AMOUNT = re.compile(r"£\s?(?!0{3}\b)\d|\d\s?%|\d,\d{3}")  # (not a unit: "(£000)")


def _period_after_title_words(line: str) -> bool:
    """"Annual Report 2022-23: Learning, training and resources": the period straight after the
    words that make the line a title, whatever subtitle follows."""
    words = _TITLE_WORDS.search(line)
    found = [m for m in find_mentions(line) if m.absolute]
    return bool(words and found) and re.fullmatch(r"[\s,(]*(?:for\s+)?", line[words.end():found[0].start]) is not None


def _first_after_title_words(line: str) -> Period | None:
    """"Revenue Budget 2024/25 and Medium Term Financial Plan 2024/25 to 2026/27": the period
    straight after the title words is the report's, whatever other years the line names."""
    if not _period_after_title_words(line):
        return None
    return next(m.period for m in find_mentions(line) if m.absolute)


_SO_FAR_HEAD = re.compile(rf"\b(?:{SO_FAR_WORDS})\b", re.I)


def _year_so_far_of_the_meeting(line: str, meeting: Period | None) -> Period | None:
    """A heading of the year so far up to a day of no year ("Financial year to date (1 April - 28 February)" in a
    paper to March's meeting): the year to date to the latest such day on or before the meeting."""
    if meeting is None or not _SO_FAR_HEAD.search(line):
        return None
    found = [m for m in find_mentions(line) if m.month and m.period is None and not m.relative]
    if not found:
        return None
    day = _meeting_day_of(found[-1], meeting)
    return year_to_date(day.end) if day is not None and day.end is not None else None


def _is_heading(line: str, prev: str) -> bool:
    if not line or line.endswith((".", ",", ";")):
        return False
    core = _CLOSING_BRACKET.sub("", line).rstrip()  # (a bracket closing it says of its period, "(academic year, ...)")
    if (len(core) > 70 or len(core.split()) > 10) and not (not prev and len(line) <= 130 and len(line.split()) <= 20
                                                           and _period_at_an_end(line) and " - " in line):
        return False  # (a longer line heads what follows when it stands alone, names a body and its subject, and
        # ends on its period: "Harbury Safeguarding Children Partnership - Learning and Development 2023-24")
    if _AMOUNT.search(line):  # "Balance brought forward from 2021-22   £27,600": a row with its figure
        return False
    mentions = find_mentions(line)
    if len(mentions) == 1 and not re.sub(r"[\W_]+", "", line[:mentions[0].start] + line[mentions[0].end:]) \
            and not (mentions[0].absolute and mentions[0].period.kind in ("quarter", "financial_year")):
        return False  # a bare date is a dateline ("28th April 2022"), not a section's period (but a quarter or a
        # financial year alone, "Q1 2025/26", is no meeting's day: it heads what follows)
    if not (line[0].isupper() or line[0].isdigit()) or line.startswith("\u2022"):
        return False
    if mentions and all(m.absolute for m in mentions) \
            and not re.sub(r"[\W_]+|\b(?:Q|Qtr|Quarter)\s*[1-4]\b", "", without_mentions(line, mentions)):
        return True  # a line of periods alone ("Q1 2025/26 (April - June 2025)") is no line of a paragraph
    # (a section's number opens a heading whatever stands above it: "2. Position at 30 September 2025" under a
    # long title line, "Section 4: 2024/25 outturn")
    return not prev or prev.endswith((".", ":", "!", "?")) or len(prev) < 50 or _SECTION_NUMBER.match(line) is not None


_SECTION_NUMBER = re.compile(r"(?:\d{1,2}(?:\.\d{1,2})?\.?|(?:Section|Part)\s+\d{1,2}[:.]?)\s+\S")


def _first_date(text: str, kinds: tuple[str, ...] = ("as_at",)) -> Period | None:
    for m in find_mentions(text):
        if m.absolute and m.period.kind in kinds:
            return m.period
    return None


# a line that says when and to whom a paper was presented dates the paper, not a section of it
_DATELINE = Guarded(re.compile(
    r"\b(?:presented|submitted|reported|circulated|published|prepared|considered)\b|"
    r"\breport (?:to|of|from|by)\b|\b(?:date|meeting|committee|cabinet|executive|council|board|"
    r"panel|forum|assembly|sub-committee|commission|scrutiny|(?:sub-?)?group)\b[^.]*\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\s+(?:19|20)\d\d\b", re.I))
# "At 31 March 2023:", "The position at 31 March 2023 was as follows:", "Key figures for 2022/23:"
_LEAD_IN = re.compile(r"^[^\d:]{0,40}\S.{0,50}:\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-\u2022\u25aa\u25cf\u2013*>\u27a2\uf0b7o]\s|\(?[a-z0-9]{1,2}[.)]\s|£?\d)", re.I)
# the day (or span) a paper's data are taken, on a line of its own: no dateline, no meeting ("Reporting date for all
# snapshot measures: 31 July 2024", "Latest snapshot: 31.01.25", "Period: Apr '25 - Jun '25")
_DATA_DATE_SRC = (r"^\s*(?:(?:reporting|snapshot|census|extract|extraction|data|count)\s+date\b[^.:]{0,40}|"
                  r"(?:latest\s+)?snapshot|(?:reporting\s+)?period(?:\s+covered)?)\s*:")
_DATA_DATE = re.compile(_DATA_DATE_SRC, re.I)
# a bracket that opens by saying when its data are: "(data to 31 October 2024)", "(Data extracted 30/05/2025)"
_DATA_OPENS = r"\(data (?:to|up to|as at|at|extracted|taken)\b"
# "Figures in this report are at 31 December 2022", "Data are as at 30 September 2022 unless shown otherwise"
_STANDING = Guarded(re.compile(
    r"\b(?:figures|data|information|numbers|statistics|measures|indicators)\b[^.]{0,40}?\b(?:are|is|were|was)\s+(?:shown\s+|given\s+|"
    r"correct\s+|reported\s+|presented\s+)?(?:as\s+)?(?:at|of|for(?: the (?:period|year|quarter))?(?: up)? to|to|up to|"
    r"for(?=\s+(?:the\s+)?\d))\b|"
    # "the figures in this section relate to the position at the end of June 2023"
    r"\b(?:counts?|figures|data|numbers|information)\b[^.]{0,30}?\b(?:are|is|were|was)\s+(?:taken|extracted|drawn)\s+"
    # (from where: "The information below was taken from the case management system on 14 October 2024")
    r"(?:from\s+[^.;]{0,50}?\s+)?(?:as\s+)?(?:at|on)\b|"
    r"\b(?:figures|data|information|numbers|statistics)\b[^.]{0,40}?\b(?:relate|refer|correspond)s?\s+to\s+(?:the\s+)?"
    r"(?:position|picture|situation|period|quarter|year)\b|\bunless (?:otherwise )?(?:stated|shown|specified|indicated|noted)\b|"
    r"^\s*(?:snapshot|position|data|figures)\s+(?:as\s+)?at\b|" + _DATA_OPENS + "|"
    + _DATA_DATE_SRC + "|" +
    # "Data correct as at 1 November 2024", "Figures accurate at 30 June"
    r"\b(?:figures|data|information|numbers|statistics)\s+(?:correct|accurate|current|valid)\s+(?:as\s+)?(?:at|of|on)\b|"
    # the span a report covers, said in its opening words: "This report covers the work of the partnership from
    # April 2024 to March 2025", "Covering 1 April 2024 to 31 March 2025, this is the annual report of ...", "this
    # report looks back on the service's work during 2024/25", "The period covered by this report is ..." (the
    # report's own words: "an Annual Report for 2020/21" that a plan asks for is another report)
    r"\b(?:this|the)\s+(?:annual\s+|yearly\s+)?(?:report|review)\s+(?:covers|looks back (?:on|at|over)|relates to|"
    r"reports on)\b|^\W*covering\b|\b(?:period|year)\s+covered\s+(?:by\s+(?:this|the)\s+(?:annual\s+)?report\s+)?"
    r"(?:is|was|runs|ran)\b",
    re.I))
_DIGIT = re.compile(r"\d")
# the label of a form's next field on the same line, after the first field's date: " Report date: "
_NEXT_FIELD = re.compile(r"(?<=\d)\s+(?=(?-i:[A-Z])[A-Za-z]+(?: [a-z]+){0,3}\s*:\s)")
# (its months may follow, the whole calendar year's: "Annual Review 2024 (January-December)")
# (or the kind of year said in words: "Training Review 2024 (calendar year)")
_CALENDAR_MONTHS = r"\(\s*(?:jan(?:uary)?\s*(?:-|\u2013|to)\s*dec(?:ember)?|calendar(?:\s+year)?)\s*\)"
_BARE_YEAR_END = re.compile(r"(?<![\d/.-])((?:19|20)\d\d)\s*(?:" + _CALENDAR_MONTHS + r"\s*)?$", re.I)
_BARE_YEAR_FIRST = re.compile(r"^\s*((?:19|20)\d\d)\s+(?=in (?:numbers|figures)\b|at a glance\b)", re.I)
_TITLE_KINDS = ("financial_year", "academic_year", "calendar_year", "quarter", "month", "as_at")


# a long committee line that ends on its day, with no verb of a sentence in it: "Kent County Council - Children's,
# Young People and Education Cabinet Committee, 10 July 2025"
_LONG_DATELINE = re.compile(r"(?=.{91,130}$)(?-i:[A-Z])(?:(?!\b(?:met|agreed|considered|noted|asked|said|was|were|is|are|had|"
                            r"has|will|would|received|approved)\b)[^.;:!?])*?,?\s+\d{1,2}(?:st|nd|rd|th)?\s+(?-i:[A-Z])[a-z]+\s+"
                            r"(?:19|20)\d\d", re.I)
# the opening line of minutes, however long the committee's name and the place: "Minutes of the meeting of the
# Children and Young People's Services Scrutiny Committee held at County Hall, Chichester, on 13 November 2024"
_MINUTES_LINE = re.compile(r"^\W*minutes\s+of\s+(?:the|a)\s+(?:[\w'’-]+\s+){0,3}?meeting\b[^.;!?]{0,200}?\bheld\b"
                           r"[^.;!?]{0,120}?\b\d{1,2}(?:st|nd|rd|th)?\s+(?-i:[A-Z])[a-z]+\s+(?:19|20)\d\d\W*$", re.I)
# a line that ends on a word wanting what follows is a sentence running on, no dateline or title
_RUNS_ON_WORD = re.compile(r"\b(?:and|or|of|to|the|a|an|in|at|on|for|by|with|from|between|than|that|which|who|was|were|"
                           r"is|are|had|has|have)\s*$", re.I)


# a day the data are at, after the body's name ("Hartlepool Borough Council - data as at 30 June 2025"): no meeting's
# (or the end of a quarter the line's figures are at: "Brent Council - Performance scorecard, end of Quarter 1 2025/26
# (30 June 2025)")
_DATA_AT = re.compile(r"(?<!\()\b(?:data|figures|position|snapshot)\s+(?:as\s+)?at\b|,\s*as\s+at\b|"
                      r"\b(?:end|close)\s+of\s+(?:quarter|qtr|q)\s*(?:\d|one|two|three|four)\b", re.I)


def _is_dateline(line: str) -> bool:
    """A meeting line or dateline names a day or month ("Report to Cabinet, 14 October 2021",
    "Presented to Cabinet, October 2022"); a title naming a year ("Annual Report of the Board
    2017/18") is not one."""
    if not _DIGIT.search(line) or not _DATELINE.search(line) or _DATA_DATE.match(line) or _DATA_AT.search(line) \
            or not (_looks_like_title(line) or _LONG_DATELINE.fullmatch(line.strip()) or _MINUTES_LINE.match(line)):
        return False  # (a date needs its year: a line without a digit is no dateline, quickly seen)
    if _RUNS_ON_WORD.search(line):
        return False  # a line of prose that runs on: "The Lead reported that between April and September 2025 the"
    # (a span of months labelled by its last, "Six-monthly report to the Board, April to September 2024", is what
    # the paper covers, not its day)
    return any(m.absolute and (m.period.kind == "as_at" or m.period.kind == "month" and m.period.start is not None
                               and m.period.end is not None and (m.period.end - m.period.start).days < 32)
               for m in find_mentions(line))


_CLOSING_BRACKET = re.compile(r"\([^()]*\)\s*$")
# between a dateline's day and the period of the title after it: a dash, then the title's words before its period
_DAY_THEN_TITLE_WORDS = re.compile(r"\s*[-\u2013\u2014:|]\s*(?:(?-i:[A-Z])[\w'\u2019&/-]*,?\s+(?:(?:and|of|for|on|to|the)\s+)?){0,6}")


def _dateline_title(line: str, first: bool = False) -> Period | None:
    """The period a dateline names besides its day, when it runs on into the paper's title: "Meeting 9 September
    2025 - Quarter 1 2025/26 performance" is the first quarter's report (one quarter or financial year after the
    day, none before it)."""
    found = [m for m in find_mentions(line) if m.absolute]
    # (or, as the paper's first title, the title first and the meeting in a closing bracket: "Quarter 2 2025/26
    # Performance Report (Cabinet, 13 November 2025)"; not a background paper's in a list further on)
    if first and (closing := _CLOSING_BRACKET.search(line)) is not None:
        titled = [m for m in found if m.end <= closing.start()]
        if len(titled) == 1 and titled[0].period.kind in ("quarter", "financial_year") \
                and any(m.start >= closing.start() and m.period.kind == "as_at" for m in found):
            return titled[0].period
    day = next((k for k, m in enumerate(found) if m.period.kind in ("as_at", "month")), None)
    others = [m for m in found[day + 1:] if m.period.kind in ("quarter", "financial_year")] if day is not None else []
    if day is None or len(others) != 1 or len(found) != day + 2 \
            or not _DAY_THEN_TITLE_WORDS.fullmatch(line[found[day].end:others[0].start]):
        return None  # (the title set after the day and a dash: "9 September 2025 - Quarter 1 2025/26 performance",
    # "Cabinet 11 June 2025 - Performance Report, Quarter 4 2024-25")
    return others[0].period


def title_period(line: str) -> Period | None:
    """The period a title names, a bare year at its end included ("Children's Social Care
    Annual Report 2022" is the calendar year 2022, as "In 2023" is in spec/kpis.md)."""
    p = single_period(line)
    if p is None and not find_mentions(re.sub(_CALENDAR_MONTHS, " ", line, flags=re.I)) \
            and (m := _BARE_YEAR_END.search(line) or _BARE_YEAR_FIRST.match(line)):
        p = calendar_year(int(m.group(1)))  # ("2024 in numbers", "2023 at a glance": the year first)
    return p


def _lead_in_period(line: str) -> Period | None:
    """A line ending in a colon that names one date and no figure leads in a list."""
    if len(line) > 90 or not _LEAD_IN.match(line):
        return None
    return _the_date_alone(line)  # "Key figures (31 March 2023):"


def _the_date_alone(text: str, mentions: list | None = None) -> Period | None:
    """The one period `text` names, when it holds no other figure (a statement about dates, not
    a figure of its own); `mentions`: its mentions, when the caller has read them."""
    mentions = find_mentions(text) if mentions is None else mentions
    found = {m.period for m in mentions if m.absolute and m.period.known}
    if len(found) != 1:
        return None
    return None if _DIGIT.search(without_mentions(text, mentions)) else found.pop()


def _list_end(lines: list[str], first: int, limit: int = 20) -> int:
    """The last line of the list a lead-in at `first - 1` governs: the line after it, its items,
    and lines that continue one; a blank line, a new lead-in or prose after a finished item ends it."""
    last = first - 1
    for k in range(first, min(len(lines), first + limit)):
        line = lines[k].strip()
        if not line or _lead_in_period(line) is not None:
            break
        ended = last >= first and lines[last].rstrip().endswith((".", "!", "?"))
        if not _LIST_ITEM.match(line) and ended:
            break
        last = k
    return last


def _standing_day(text: str, meeting: Period | None) -> Period | None:
    """A standing statement's day of no year ("Figures are as at the last working day of October."), and no
    other figure: the latest such day on or before the meeting, as a heading's is."""
    if meeting is None or not _A_MONTH.search(text) or not _STANDING.search(text) \
            or _DIGIT.search(without_mentions(text, find_mentions(text))):
        return None  # (a month's name first: a cheap look, for most lines name none)
    return _day_of_the_meeting(text, meeting)


_A_MONTH = re.compile(rf"\b(?:{MONTH_WORD})\b", re.I)


# a line's bracket that says when its data are ("Scorecard commentary (data to 31 October 2024)")
# (or after a dash, on a meeting line: "Report to the Executive, 5 February 2025 - data to 30 November 2024"); `said`
# is the statement in its brackets, as the standing statements read it
_DATA_BRACKET = re.compile(r"(?P<bracket>" + _DATA_OPENS + r"[^()]*\))\s*$|"
                           r"\s[-\u2013\u2014]\s*(?P<dashed>data\s+(?:to|up to|as at|at)\b[^()]*?)\s*$", re.I)


def _data_said(m: re.Match) -> str:
    """The data statement a `_DATA_BRACKET` match holds, in its brackets: "(data to 30 November 2024)"."""
    return m.group("bracket") or f"({m.group('dashed')})"


_EXTRACTED_BRACKET = re.compile(r"(?<=\S)\s*\((?:data\s+)?(?:extracted|downloaded|refreshed|run|pulled|taken)\b(?![^()]*\bas\s+at\b)"
                                r"[^()]*\)|"
                                # (or said first, then what the figures are for: "Data extracted 5 November 2024; figures
                                # are for 31 October 2024")
                                r"^\W*(?:data\s+)?(?:extracted|downloaded|refreshed|pulled)\b[^;]*;", re.I)


# a statement about the comparators' figures alone: "England figures in brackets are for 2023-24", "National and
# statistical neighbour data are as at 31 March 2024"
_COMPARATORS_SAID = re.compile(r"\b(?:england|national|regional|neighbours?['’]?|comparators?|benchmark(?:ing)?|(?-i:SN))"
                               r"\s+(?:average\s+|comparator\s+|benchmark\s+)?(?:figures|data|rates?|averages?|numbers|"
                               r"comparators?|comparisons?|benchmarks?)\b", re.I)


# the day the data were taken, said as the statement's verb: it dates them only when nothing else does
_TAKEN_ON = re.compile(r"\b(?:are|is|were|was)\s+(?:taken|extracted|drawn)\s+from\b", re.I)


def _standing_period(text: str) -> Period | None:
    """A sentence that says which date the paper's figures are at, and holds no figure itself
    (its paragraph's number, "3.1", is none)."""
    text = re.sub(r"^\s*\d{1,2}(?:\.\d{1,2}){0,2}\.?\s+(?=[A-Z])", "", text)
    # (the day the data were taken from the system, in brackets, is no day they are at: "Data as at 28 February 2025
    # (extracted from the case management system on 3 March 2025)")
    if _STANDING.search(stripped := _EXTRACTED_BRACKET.sub(" ", text)) and _DIGIT.search(stripped):
        text = stripped
    said = _STANDING.search(text)
    if not _DIGIT.search(text) or said is None:  # (its date has a year)
        return None
    if _COMPARATORS_SAID.search(text, max(0, said.start() - 40), said.end()) is not None:
        return None  # "England figures in brackets are for 2023-24": the comparators' year, not the paper's figures'
    mentions = find_mentions(text)
    if _TAKEN_ON.search(text) and len(mentions) != 1:
        return None  # "Q2 figures were extracted from Mosaic on 7 October 2024": the quarter's, taken later
    alone = _the_date_alone(text, mentions)
    if alone is not None or _DIGIT.search(without_mentions(text, mentions)):
        return alone
    # "stocks are at 31/03/2023 and flows cover 2022/23": the day that closes the year is the
    # statement's date; a flow dated by it is that year's (as with one date alone); so is the day that closes a
    # month the flows cover ("stock measures are as at 28 February 2025; flow measures are for February 2025")
    found = {m.period for m in mentions if m.absolute and m.period.known}
    days = [p for p in found if p.kind == "as_at"]
    spans = [p for p in found if p.kind in ("financial_year", "month")]
    if len(found) == 2 and len(days) == 1 and len(spans) == 1 and spans[0].end == days[0].end:
        return days[0]
    return None


def _front_matter(ctx: DocumentContext, pages: list[str], path: str) -> None:
    """The inspection dates and the meeting date, from the front pages (or the file name)."""
    front = "\n".join(pages[:2])
    ev = _EVENT.search(front)
    if ev:  # "The visit took place in January 2023", "Inspection dates: 7 to 11 November 2022"
        d = _first_date(re.sub(r"(\d{1,2})\s*(?:-|–|to|and)\s*\d{1,2}(\s+[A-Za-z]+)", r"\1\2", ev.group(1)),
                        kinds=("as_at", "month"))
        ranged = re.search(r"\d{1,2}(?:st|nd|rd|th)?\s*(?:-|–|to|and)\s*\d{1,2}", ev.group(1)[:40])
        if d is not None and d.start is not None:  # a visit on one day is at that day; an inspection of days, its month
            ctx.event = d if d.kind == "as_at" and not ranged else month(d.start.year, d.start.month)
    head = pages[0].split("\n")[:40] if pages else []
    for line in head:
        mt = None if _DATA_DATE.match(line) else _MEETING.search(line)
        if mt and (d := _first_date(mt.group(1))):
            ctx.meeting = d
            break
    datelines = [line for line in head if _is_dateline(line)]
    if ctx.meeting is None:  # "Report to Corporate Parenting Board, 9 February 2023"
        ctx.meeting = next((d for line in datelines if (d := _first_date(line)) is not None), None)
    if ctx.meeting is None:  # "STOURLEIGH CITY COUNCIL / CABINET / 13 October 2022": a day alone under the body
        ctx.meeting = next((d for line in head[:8] if _DAY_ALONE.fullmatch(line.strip()) and
                            (d := _first_date(line)) is not None and d.kind == "as_at"), None)
    if ctx.meeting is None and path:
        ctx.meeting = _first_date(Path(path).stem)
    ctx.meeting_known = ctx.meeting is not None
    if ctx.meeting is None:  # "Havering Children's Services - six-monthly report to Cabinet, October 2025"
        ctx.issued = next((d for line in datelines if (d := _first_date(line, kinds=("month",))) is not None), None)
    if ctx.meeting is None and ctx.event is not None and ctx.event.end is not None:
        ctx.meeting = as_at(ctx.event.end)  # (a stand-in: the paper is later than its inspection)


def _alone(typed: list | None) -> set[int]:
    """Lines that are a short block of their own (a title set in body type on a front page)."""
    alone: set[int] = set()
    if typed:
        from .geometry import starts_of_blocks
        starts = sorted(starts_of_blocks(typed) | {0})
        width = max(ln.x1 for ln in typed) - min(ln.x0 for ln in typed)
        for a, b in zip(starts, starts[1:] + [len(typed)]):
            block = range(a, b)
            if len(block) == 1 or (len(block) <= 3 and all(typed[j].x1 - typed[j].x0 < 0.6 * width for j in block)):
                alone.update(block)
    return alone


_OPEN_END = re.compile(r"\b(?:and|or|of|to|the|a|an|in|at|on|for|by|with|from|between|than|was|were|is|are|"
                       r"had|has|have|which|that|who)\s*$|"
                       r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\s*$",
                       re.I)
_CONTINUES = re.compile(r"^\s*(?:[a-z]|(?:19|20)\d\d\b(?!\s*[/-]\d))")
_YEAR_OPEN_END = re.compile(r"(?<![\d/])(?:19|20)\d\d\s?[/\u2013-]$")
_YEAR_CLOSE_START = re.compile(r"^\s*(?:\d\d|(?:19|20)\d\d)\b(?![\d,.]|\s*%)")


def _runs_on(line: str, nxt: str) -> bool:
    """A line that ends mid-phrase ("... and 31 March") and a next line that carries on in lower
    case or with the year of a split date: one sentence over a line end, not a heading above it."""
    tail = line.rstrip()  # the longest open end is "september": its tail is enough to search
    if _YEAR_OPEN_END.search(tail) and _YEAR_CLOSE_START.match(nxt):
        return True  # "... budget for 2024/" / "25: £412,300": a financial year split over the line end
    return bool(_CONTINUES.match(nxt)) and bool(_OPEN_END.search(tail, max(0, len(tail) - 12)))


def _runs_into_its_period(line: str) -> bool:
    """A title's first line that a comma carries on to its period on the next ("PERFORMANCE AND BUDGET
    MONITORING: CHILDREN'S SOCIAL CARE," / "QUARTER 2 2025/26")."""
    return line.endswith(",") and _looks_like_title(line[:-1]) and _TITLE_WORDS.search(line) is not None


def _title_or_heading(ctx: DocumentContext, number: int, lines: list[str], i: int, typed: list | None) -> None:
    """A title or a section heading at line i, if it is one: one period, set apart (by type when
    the page has a model)."""
    line, prev = lines[i], lines[i - 1] if i else ""
    if i + 1 < len(lines) and _runs_on(line, lines[i + 1]):
        return  # "Between 1 April 2022 and 31 March" / "2023 the board spent ...": a sentence, not a heading
    titled = _looks_like_title(line) and _TITLE_WORDS.search(line) is not None
    if _REPORT_START.match(line):
        p = title_period(line)
        if p is None and ctx.titles and ctx.titles[-1][0] == number and i - ctx.titles[-1][1] <= 3:
            return  # "Report of: Strategic Director" under the title is its author, not a new report
        ctx.titles.append((number, i, p))
    elif (titled or _runs_into_its_period(line)) and not find_mentions(line) \
            and not _BARE_YEAR_END.search(line) \
            and i + 1 < len(lines) and _looks_like_title(lines[i + 1]) and len(lines[i + 1]) <= 60 \
            and not _is_dateline(lines[i + 1]) and (p := single_period(lines[i + 1])) is not None:
        # a title over two lines: "Children's Services Performance Report" / "Quarter 4 2019/20"
        ctx.titles.append((number, i + 1, p))
    elif titled \
            and (_period_at_an_end(line) or _BARE_YEAR_END.search(line) or _period_after_title_words(line)
                 or _BARE_YEAR_FIRST.match(line)) \
            and (p := title_period(line) or _first_after_title_words(line)) is not None and p.kind in _TITLE_KINDS:
        ctx.titles.append((number, i, p))
    elif titled and (p := _quarter_of_the_meeting(line, ctx.meeting)) is not None:
        ctx.titles.append((number, i, p))  # "Quarter 2 performance report" at December's meeting: July to September
    # (a line under a dateline may head what follows whatever the dateline's length; `build_context` has read each
    # line's dateline before it comes here, so the line above is one when it is the last read)
    # (or when every line above it on the page is a heading's, as a paper's opening lines are: "Sefton Council" /
    # "Overview and Scrutiny Committee - 28 January 2025" / "Cabinet Member Update Report: Children's Social Care" /
    # "Snapshot at 31 December")
    elif _is_heading(line, "" if typed is not None and typed[i].heading or ctx.datelines[-1:] == [(number, i - 1)]
                     or _under_headings_only(lines, i) else prev) \
            and (p := single_period(line) or _day_of_the_meeting(line, ctx.meeting)
                 or _year_so_far_of_the_meeting(line, ctx.meeting) or _month_of_the_meeting(line, ctx.meeting)) is not None:
        ctx.headings.append((number, i, p))


def _under_headings_only(lines: list[str], i: int) -> bool:
    """Whether every line above line i on its page, a few at most, could head a document: the page's
    opening block of headings, not a paragraph whose line wrapped."""
    above = [ln for ln in lines[:i] if ln.strip()]
    return 0 < len(above) <= 6 and all(_looks_like_title(ln.strip()) for ln in above)


def _quarter_of_the_meeting(line: str, meeting: Period | None) -> Period | None:
    """A title's quarter that names no year ("Quarter 2 performance report", "Q3 scorecard"): the latest
    such quarter ended by the meeting it is reported to."""
    found = find_mentions(line)
    if meeting is None or meeting.end is None or len(found) != 1 or not found[0].quarter or found[0].period is not None \
            or found[0].relative:
        return None
    return quarter_before(found[0].quarter, meeting.end)


def _day_of_the_meeting(line: str, meeting: Period | None) -> Period | None:
    """A heading's day that names no year ("Position at 31 December" in a paper to February's
    meeting): the latest such day on or before the meeting it is reported to, as a quarter's is."""
    found = find_mentions(line)
    return _meeting_day_of(found[0], meeting) if len(found) == 1 else None


# a heading that ends on a month of no year: "Monthly data: May", "Figures for October"
_MONTH_ENDS_HEADING = re.compile(rf"(?:^|[:\u2013\u2014-]\s*|\b(?:for|in|during)\s+)(?P<month>{MONTH_NAME})\s*$")


def _month_of_the_meeting(line: str, meeting: Period | None) -> Period | None:
    """A heading's month of no year ("Monthly data: May" in a paper to June's meeting): the latest such
    month up to the meeting's, as a day of no year is placed."""
    m = _MONTH_ENDS_HEADING.search(line)
    if m is None or meeting is None or meeting.end is None or find_mentions(line) or _DIGIT.search(line):
        return None
    mon = MONTHS[m.group("month").lower()]
    return month(meeting.end.year - (mon > meeting.end.month), mon)


def _meeting_day_of(mention, meeting: Period | None) -> Period | None:
    """The latest day on or before the meeting that a day (or a month's end) of no year names."""
    if meeting is None or meeting.end is None or not mention.month or mention.day == 0 \
            or mention.months or mention.period is not None or mention.relative:
        return None
    mon, day_of_month = mention.month, mention.day

    def day_of(year: int) -> date | None:  # (no day: the month's end, "Position at end of November")
        return end_of_month(year, mon) if day_of_month is None else safe_date(year, mon, day_of_month)
    year = meeting.end.year - (mon > meeting.end.month)  # (a later month than the meeting's is the year before's)
    day = day_of(year)
    if day is not None and day > meeting.end:  # (and so is a later day of the meeting's own month)
        day = day_of(year - 1)
    return as_at(day) if day is not None else None


def build_context(pages: list[str], path: str = "", models: list | None = None,
                  raw_pages: list[str] | None = None) -> DocumentContext:
    """Scan a document's normalised pages once for titles, headings, lead-ins, standing
    statements, datelines and dates.

    Where a page has model lines (`models[page]`, one per text line), a title or heading must be
    set as one (larger or bolder than the body): a line of body text that happens to begin
    "Annual Report 2019/20" dates nothing. A dateline is never a heading. The area is read from
    `raw_pages` (running headers kept) when given."""
    as_read = raw_pages if raw_pages is not None else pages
    area, code = document_area(as_read, path)
    ctx = DocumentContext(area=area, area_code=code, owner=document_owner(as_read, area),
                          service=document_service(as_read), front=front_text(as_read))
    _front_matter(ctx, pages, path)
    for number, text in enumerate(pages, start=1):
        lines = text.split("\n")
        typed = models[number - 1] if models and number - 1 < len(models) else None
        if typed is not None and len(typed) != len(lines):
            typed = None
        alone = _alone(typed)
        for i, line in enumerate(lines):
            if _is_dateline(line):
                ctx.datelines.append((number, i))
                if (p := _dateline_title(line, first=number == 1 and not ctx.titles and i < 8)) is not None:
                    ctx.titles.append((number, i, p))  # "Meeting 9 September 2025 - Quarter 1 2025/26 performance"
                if (data := _DATA_BRACKET.search(line)) is not None and (p := _standing_period(_data_said(data))):
                    ctx.standing.append((number, i, p))  # "... to the Executive, July 2024 (data to 30 June 2024)"
                continue
            if (run_on := DAY_THEN_TITLE.match(line)) and _is_dateline(run_on.group("head")):
                # a meeting line that runs on into its paper's title: "Norfolk County Council - Scrutiny Committee,
                # 19 February 2025 - Children in Care by Locality (31 December 2024)": the title's period is the paper's
                ctx.datelines.append((number, i))
                if (p := single_period(run_on.group("title"))) is not None:
                    ctx.titles.append((number, i, p))
                continue
            if (p := _lead_in_period(line.strip())) is not None and (last := _list_end(lines, i + 1)) > i:
                ctx.lead_ins.append((number, i, last, p))
                continue
            standing = (line if line.rstrip().endswith(".") or i + 1 >= len(lines) or _DATA_DATE.match(line)
                        else f"{line} {lines[i + 1]}").split(". ")[0]
            # (a form's line of two fields: the field that says when the data are is the statement, not the next
            # field's label and date, "Reporting period: April 2025        Report date: 4 June 2025")
            standing = _NEXT_FIELD.split(standing, 1)[0] if _DATA_DATE.match(line) else standing
            # (a line that says it alone, before the next line's words run on into it: "Scorecard commentary (data to
            # 31 October 2024)" over "So far this year 3,847 referrals ...")
            if (p := (_standing_period(line.strip()) if _DATA_BRACKET.search(line) else None)
                    or _standing_period(standing) or _standing_day(standing, ctx.meeting)) is not None:
                ctx.standing.append((number, i, p))
                continue
            # set as a heading, or a short block of its own: never a line inside a paragraph
            if typed is not None and not typed[i].heading and not _REPORT_START.match(line) and i not in alone:
                continue
            _title_or_heading(ctx, number, lines, i, typed)
    return ctx
