"""Table matcher: a text table's row label names a KPI, its header row names the periods.

A row label is read two ways: whole, against the library's aliases (RapidFuzz `ratio` on
lower-cased text, so `No of Children on Child Protection Plans` finds "no of children on child
protection plans"), and word by word, when it holds all the words of an alias and at most three
more (`Referrals in month`, `Children on a CP plan (end of quarter)`). The entry's `exclude`
phrases still apply to the label (`Referrals to early help` is not `referrals`). A row
labelled only "Rate per 10k" belongs to the KPI row above it: an entry whose `follows` names
that KPI claims it. Columns headed `Target`, `England` or `SN` are never read.

A table headed `Partner ... (£)` lists who paid what: each row is an `agency_contribution` with
the partner as its subject, and its `Total` row is the `budget_contributions`.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from rapidfuzz import fuzz, process, utils

from ..layout import CONTRIBUTIONS_TOTAL_ROW, SHARE_HEAD, PageLayout, TableRow, TextTable
from ..areas import gazetteer
from ..docarea import OTHERS_TOGETHER
from ..geometry import CAPTION_ENDS_ON_A_YEAR, COMPARATOR_HEAD
from ..lexicon import BREAKDOWN_BY, DIMENSIONS, normal
from ..library import Library
from ..model import Candidate, Period
from ..periods import MONTHS, day_in_context, find_mentions, quarter_in_context, single_period, without_mentions, yearless_day
from ..settings import DEFAULT_SETTINGS, Settings

_STOP = {"of", "the", "a", "an", "in", "on", "to", "for", "at", "and", "no", "number", "numbers", "total",
         "with", "who", "are", "were", "is", "by"}
_PERCENT_WORDS = {"percentage", "percent", "proportion", "rate", "%"}


def _unit_of(label: str, cells: list[str | None]) -> str:
    vals = [c for c in cells if c]
    if vals and all(v.startswith("£") for v in vals):
        return "GBP"
    if (vals and all(v.endswith("%") for v in vals)) or re.search(r"\(%\)|^%|\bper ?cent\b|%\s*$", label):
        return "percent"
    return "count"


# what may stand beside a one-word alias in a row label ("Referrals in month", "Referrals received
# YTD"); "Psychotic Actions" in a table of a clinical study is another thing's actions
_QUALIFIERS = frozenset({"month", "quarter", "year", "ytd", "receiv", "new", "open", "current", "cumulative", "roll",
                         "monthly", "quarterly", "annual", "week", "period", "end", "start", "count", "figure", "actual",
                         "outturn", "latest", "all", "overall", "children", "child", "people", "young", "cyp",
                         "snapshot", "position", "plan", "agreed", "complet", "deliver"})


_PERIOD_TOKEN = re.compile(r"(?:19|20)?\d{2}(?:[/-]\d{2,4})?|q[1-4]|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*")


def _qualifies(extra: frozenset[str], alias_words: frozenset[str]) -> bool:
    """An alias of one word names a row only beside qualifying words: its period, its state."""
    return len(alias_words) > 1 or not extra or all(w in _QUALIFIERS or _PERIOD_TOKEN.fullmatch(w) for w in extra)


@lru_cache(maxsize=4096)
def _words(text: str, percent: bool = False) -> frozenset[str]:
    """A label's content words, stemmed (cached: every alias is asked about for every row)."""
    out = set()
    for w in utils.default_process(re.sub(r"\([^()]*\)", " ", text)).split():
        if w in _STOP or (percent and w in _PERCENT_WORDS):
            continue
        for suffix in ("ing", "ed", "es", "s"):
            if len(w) > len(suffix) + 3 and w.endswith(suffix):
                w = w[: -len(suffix)]
                break
        out.add(w)
    return frozenset(out)


_GENERIC_RATE = {"rate", "per", "10k", "10", "000", "10000", "children", "of", "the", "a", "child", "population"}


def _names_more_than_a_rate(text: str) -> bool:
    """Does a label or an alias name something besides "rate per 10,000" ("CIC rate" does)?"""
    return bool(set(utils.default_process(text).split()) - _GENERIC_RATE)


def _unbound_rate(entry, previous: str | None) -> bool:
    """An entry that follows another KPI's row, read away from that row."""
    return bool(entry.follows) and previous not in entry.follows


def _label_choices(library: Library, unit: str, previous: str | None) -> tuple[dict[str, str], list[str]]:
    """Alias -> KPI for a row of this unit under a row of KPI `previous` (once per library)."""
    def build() -> tuple[dict[str, str], list[str]]:
        choices: dict[str, str] = {}
        for e in library.kpis.values():
            bound = bool(e.follows)
            if e.unit != unit and not (unit == "count" and e.unit == "rate_per_10k"):
                continue  # (a row of percentages under a KPI's row is no rate per 10,000 of it)
            # the KPI's lexicon names its rows too ("Cared for children at 31 March"), in phrases of two
            # words or more (one word alone, "sessions", names too much)
            terms = [t for t in (e.lexicon.terms if e.lexicon else []) if len(t.split()) >= 2]
            aliases = list(e.aliases) + terms
            if bound and previous not in e.follows:
                # away from its KPI's row, only an alias that names that KPI ("CIC rate"), not "Rate per 10k"
                aliases = [a for a in e.aliases if _names_more_than_a_rate(a)]
                bound = False
            for alias in aliases:
                key = utils.default_process(alias)
                # an alias bound to the row above outranks a free one; an alias outranks a term
                if key not in choices or (bound and alias in e.aliases):
                    choices[key] = e.id
        return choices, list(choices)
    return library.memo(("table-labels", unit, previous), build)


def prepare(library: Library) -> None:
    """Build the row-label tables of rows that follow no other KPI (see `matchers.prepare`)."""
    for unit in ("count", "GBP", "percent"):
        _label_choices(library, unit, None)


# a group that meets, named by a capital ("Children in Care Council", "Young Carers Forum")
_MEETING_NAME = re.compile(r"(?-i:[A-Z][\w'’-]*)\s+(?-i:Council|Forum|Panel|Board|Committee|Group|Assembly|Parliament)s?\b")


_FLOW_WORD = re.compile(r"\b(?:became|become|becoming|becomes|start\w*|new|began|begun|beginning|entered|entering|"
                        r"ceased|ceasing)\b", re.I)


_SOCIAL_CARE = re.compile(r"\bsocial\s+care\b", re.I)


def label_kpi(label: str, unit: str, previous: str | None, library: Library,
              cutoff: float = DEFAULT_SETTINGS.table_label_cutoff) -> tuple[str, float] | None:
    """The KPI a row label names, with the match score, or None."""
    choices, names = _label_choices(library, unit, previous)
    if not choices:
        return None
    found: tuple[str, float] | None = None
    wording = label  # (what the alias must be word for word in, below)
    best = process.extractOne(utils.default_process(label), names, scorer=fuzz.ratio, score_cutoff=cutoff)
    if best and not _names_more_than_a_rate(best[0]) and _names_more_than_a_rate(label):
        # "CP rate per 10k" under the children in care row is closer to that row's "rate per 10k" than to
        # "CP rate per 10,000", but it names its own measure: a label that does is read by the aliases that do
        spelt = re.sub(r"\b10k\b", "10 000", utils.default_process(label))  # (aliases write "per 10,000")
        named = process.extractOne(spelt, [n for n in names if _names_more_than_a_rate(n)],
                                   scorer=fuzz.ratio, score_cutoff=cutoff)
        if named:
            best, wording = named, spelt
    if best and _unbound_rate(library.kpis[choices[best[0]]], previous) \
            and not _words(best[0], unit == "percent") <= _words(wording, unit == "percent"):
        best = None  # away from its KPI's row a rate's alias must be there word for word: "Children in need
        # rate per 10,000" is not "children in care rate per 10,000"
    if best and _FLOW_WORD.search(best[0]) and not _FLOW_WORD.search(label):
        best = None  # a flow's alias without its word of starting: "Number of children subject to a child
        # protection plan" is the stock, not "number of children who became subject to ..."
    if best:
        found = (choices[best[0]], best[1])
    else:
        words = _words(label, unit == "percent")
        contained = [(len(_words(a, unit == "percent")), a) for a in choices
                     if _words(a, unit == "percent") and _words(a, unit == "percent") <= words
                     and len(words - _words(a, unit == "percent")) <= 3
                     and _qualifies(words - _words(a, unit == "percent"), _words(a, unit == "percent"))
                     # (the service is no population: "Escalated to children's social care" holds "children ... care")
                     and not (_SOCIAL_CARE.search(label) and not _SOCIAL_CARE.search(a))]
        if contained:
            alias = max(contained)[1]
            found = (choices[alias], cutoff)
    if found and _MEETING_NAME.search(label):
        return None  # "Children in Care Council meetings": a body named after the KPI's people, not them
    # (an aside in brackets does not exclude: "Children in need (including CP and children in care)")
    if found and any(rx.search(re.sub(r"\([^()]*\)", " ", label)) for rx in library.kpis[found[0]].exclude):
        return None
    entry = library.kpis[found[0]] if found else None
    if entry is not None and _unbound_rate(entry, previous) and not _names_more_than_a_rate(label):
        return None  # "Rate per 10,000" names no KPI of its own away from the row it follows
    return found


# the unit a table's caption or header gives its figures: "(£m)", "£000", "£'000s", "(£ million)", "(£)"
MONEY_SCALE = re.compile(r"£\s?(?P<unit>m\b|million\b|bn\b|billion\b|'?000s?\b|k\b)", re.I)
_SCALE = {"m": "m", "million": "m", "bn": "bn", "billion": "bn"}
_POUNDS = re.compile(r"£(?!\s?\d)")  # (a sum written out, "£1,200", names no unit)


def money_unit(lines: list[str], plain: bool = False) -> str | None:
    """The scale a caption or header gives a table's bare figures: "m", "bn" or "000"; with
    `plain`, "" for pounds as written ("Budget (£)"). None when no line names money so."""
    for line in lines:
        m = MONEY_SCALE.search(line)
        if m:
            return _SCALE.get(m.group("unit").lower(), "000")
    if plain and any(_POUNDS.search(line) for line in lines):
        return ""
    return None


def money_cell(cell: str, unit: str) -> str | None:
    """A bare figure under a unit of money as a sum ("1,250" in £000: "£1,250,000"); None for a
    negative or empty one (no budget)."""
    if cell.startswith("(") or cell.startswith("-") or not re.search(r"\d", cell):
        return None
    cell = cell.lstrip("£")
    if unit == "000":
        return "£" + f"{round(float(cell.replace(',', '')) * 1000):,}"
    return f"£{cell}{unit}"


# a label column headed by a rate's unit: its rows are the rates of what they name
_RATE_HEAD = re.compile(r"\brates?\b.*\bper\s?10,?000|\bper\s?10(?:,?000|k)\b|\brates?\s?/\s?10(?:,?000|k)\b", re.I)
_RATES_CAPTION = re.compile(r"\W*(?:[\w'-]+\s+){0,2}?rates?\s+(?:per|/)\s?10(?:,?000|k)\b(?![^|]*\b(?:and|&)\s+(?:numbers?|counts?))",
                            re.I)


def _in_money(table: TextTable) -> str | None:
    """The money unit a table's label head, header or caption gives its bare figures."""
    return money_unit([table.label_head or "", table.header_text or "", table.caption or ""], plain=True)


def _row_unit(label: str, cells: list[str | None], in_money: str | None) -> str:
    """A row's unit: its cells' own, or money when the table names pounds and they are bare counts."""
    unit = _unit_of(label, cells)
    return "GBP" if unit == "count" and in_money is not None else unit


def _raw(cell: str, unit: str, in_money: str | None) -> str | None:
    """A cell as read: a bare figure of a table in money as its sum ("1,250" in £000: "£1,250,000")."""
    return money_cell(cell, in_money) if unit == "GBP" and in_money is not None else cell


def row_snippet(label: str, cells: list[str | None], header: str) -> tuple[str, list[int]]:
    """A table row as a fact's snippet ("label | header | 1,301 851 -"), with where each cell starts."""
    snippet = f"{label} | {header} |"
    starts = []
    for cell in cells:
        snippet += " "
        starts.append(len(snippet))
        snippet += cell or "-"
    return snippet, starts




_STATUTORY_PARTNER = re.compile(r"\b(?:police|constabulary|PCC|commissioner|ICB|CCG|NHS|health|trusts?|council|local "
                                r"authority|LA|county|borough|city|schools?|probation|education|fire|youth|district|"
                                r"academ(?:y|ies)|integrated care|clinical commissioning|public health|cafcass)\b", re.I)
# a national body that awards grants, whose name may hold a partner's word ("Youth Justice Board grant")
_NATIONAL_FUNDER = re.compile(r"\b(?:youth justice board|(?-i:YJB)|home office|department for education|(?-i:DfE)|"
                              r"ministry of justice|(?-i:MoJ)|department of health and social care|(?-i:DHSC))\b", re.I)
_COUNCIL_FINANCING = re.compile(r"\b(?:council tax|business rates|revenue support grant|collection fund|precept|"
                                r"new homes bonus|core spending power|(?:local government )?finance settlement)\b", re.I)
_MONEY_HEAD = re.compile(r"£|\b(?:contribut\w*|funding|budgets?|income|spend|expenditure|pounds|GBP|costs?|grants?)\b", re.I)
_OWN_MONEY_HEAD = re.compile(r"\b(?:budgets?|spend|spending|expenditure|costs?|grants?)\b", re.I)
_PAID_IN_HEAD = re.compile(r"\b(?:contribut\w*|funding|share|paid|pledged?|income|payments?)\b", re.I)


def _agency_rows(table: TextTable, header: str, page: int, library: Library, settings: Settings) -> list[Candidate]:
    """Rows of a partner table: each partner's contribution, the total of contributions; a row
    whose label names another KPI of money (a balance brought forward, the total budget) is that
    KPI; other totals and balances are not a partner's."""
    # a dashboard of each agency's activity ("Agency | Measure | Q3 23/24 | ...": counts, not pounds) is no
    # table of money at all
    said = f"{header} {table.caption or ''}"
    if any(_COUNCIL_FINANCING.search(r.label) for r in table.rows):
        return []  # how a council's own budget is financed (council tax, business rates, grants): no partner's
    if not any(c and c.lstrip("(").startswith("£") for r in table.rows for c in r.cells) and not _MONEY_HEAD.search(said):
        return []
    # money no partner paid in: each agency's own budget ("Agency | Safeguarding budget 2020/21") or the
    # grants a body was awarded ("Grant (awarding body) | 2024/25"), or,
    # in a list of organisations with no statutory partner among them and no word of paying in, a
    # council's grants to voluntary groups
    agencies = any(_STATUTORY_PARTNER.search(r.label) for r in table.rows)
    # (a list whose total is the partners' contributions is theirs, under any caption: "Luton Safeguarding Children
    # Partnership - Budget 2021/22" over "Luton Council | £138,000" ... "Total contributions | £249,500")
    summed_as_paid = any(CONTRIBUTIONS_TOTAL_ROW.search(r.label) for r in table.rows)
    own_money = not summed_as_paid and ((bool(_OWN_MONEY_HEAD.search(header)) and not _PAID_IN_HEAD.search(header)) or
                                        (not _PAID_IN_HEAD.search(said) and not agencies))
    out = []
    summed = False  # a total after the contributions' total takes those in: no partner's sum
    balance = False  # and one after a balance brought forward or the body's own income takes that in
    # a row labelled as the total itself ("Partner contributions | £388,000"): the label is one of
    # the total's own names, not a partner's
    totals = library.memo(("table-contribution-totals",), lambda: {
        normal(a) for a in getattr(library.kpis.get("budget_contributions"), "aliases", ())})
    # a column of each partner's share ("Share %", "% of total") is no sum of money
    names = table.names or [""] * len(table.periods)
    shares = [bool(SHARE_HEAD.search(n or "")) for n in names]
    # nor is a column of what partners give in kind (staff seconded, rooms): no money paid in; and beside it and
    # a total, the cash is a part of that total ("Cash (£) | In kind (£) | Total contribution (£)")
    in_kind = [bool(re.search(r"\bin[- ]kind\b", n or "", re.I)) for n in names]
    cash_is_a_part = any(in_kind) and any(re.search(r"\btotal\b", n or "", re.I) for n in names)
    shares = [s or k or (cash_is_a_part and bool(re.search(r"\bcash\b", n or "", re.I)))
              for s, k, n in zip(shares, in_kind, names)]
    money = sum(1 for p, s in zip(table.periods, shares) if not s)
    for row in table.rows:
        label = row.label.strip().strip("|:").strip()  # (a table set out with pipes leaves them on its labels)
        label = _FOOTNOTE_MARK.sub("", label)  # ("Total¹", "Total*": a footnote's mark is no part of the name)
        if not label:
            continue
        named = label_kpi(label, "GBP", None, library, settings.table_label_cutoff)
        total = re.fullmatch(r"(?:grand )?total(?: contributions?| income| partner contributions?)?", label, re.I) \
            or normal(label) in totals or bool(named and named[0] == "budget_contributions")
        if total and (summed or (balance and not re.search(r"contribution", label, re.I))):
            continue  # "Total income 351,050" under "Total partner contributions" and "Balance brought forward"
        if named and named[0] == "budget_carry_forward":
            balance = True  # a total after it takes it in, unless it names the contributions alone
        if total:
            summed = True
            kpi = "budget_contributions"
        elif named and named[0] not in ("agency_contribution", "budget_contributions"):
            kpi = named[0]
        elif re.search(r"carr(?:y|ied) forward|brought forward|reserve|balance|\btotal\b|\bincome\b|\bfees?\b|"
                       r"\bcharge[sd]?\b|\bnon-?partners?\b|\binterest\b|\bsales\b|\b(?:under|over)-?spend|\bsurplus|\bdeficit|\bvariance|"
                       r"\bshortfall|\bsavings?\b", label, re.I):
            # not a partner's payment: a balance, a total of something else, the body's own earnings,
            # which a total below takes in ("Training income 8,000" then "Total income 358,000", "Charged places
            # (non-partner agencies) 18,400"), or the
            # year's result ("Underspend 6,890")
            balance = balance or not re.search(r"\btotal\b", label, re.I)
            continue
        elif re.search(r"\bgrants?(?:\s*\([^()]*\))?$", label, re.I) \
                and not _STATUTORY_PARTNER.search(_NATIONAL_FUNDER.sub("", re.sub(r"\([^()]*\)", "", label))):
            continue  # a grant the body is awarded ("Supporting Families grant | 1,120", "YJB grant (2025-26)"), no partner's payment
        else:
            kpi = "agency_contribution"
        if own_money and (kpi == "agency_contribution" or kpi == "budget_contributions"
                          and (agencies or not re.search(r"\bcontribution", label, re.I))):
            continue  # (but a body's own budget statement names its contributions: "Partnership budget 2024-25" over
            # "Balance brought forward ... | Partner contributions 468,200 | Total available ...")
        subject = label if kpi == "agency_contribution" else ""
        snippet, starts = row_snippet(row.label, row.cells, header)
        for cell, period, start, share in zip(row.cells, table.periods, starts, shares):
            if cell is None or share or cell.endswith("%") or (period is None and money > 1):
                continue
            raw = cell if cell.startswith("£") else f"£{cell}"
            out.append(Candidate(kpi, raw, page, snippet, "table", f"{kpi}/contributions-table", settings.table_confidence,
                                 start, start + len(cell), subject,
                                 period=period, period_source="table" if period else "", line=row.lines[-1],
                                 match_start=0, match_end=len(snippet)))
    return out


_FOOTNOTE_MARK = re.compile(r"\s*(?:[\u00b9\u00b2\u00b3\u2070-\u2079*\u2020\u2021]+|\(\d\))$")


# a row about a team, a service or a panel counts its staff or its work, not the children
_UNIT_ROW = re.compile(r"\b(?:team|teams|service|services|unit|units|hub|panel|group|board|staff|workers?|posts?)\s*"
                       r"(?:\([^()]*\))?\s*$", re.I)


_TOTAL_ROW = re.compile(r"^(?:grand |overall )?total\b|^all (?:courses|events|sessions|partners|agencies|ages|children|localities|areas|"
                        r"referrals|sources|reasons|categories|needs|placements|young people|cases|plans)\b", re.I)


def _cell_unit(cell: str, header: str) -> str:
    """The unit of a cell under a measure column: money, a percentage, else a count."""
    if cell.startswith("£") or "£" in header:
        return "GBP"
    return "percent" if cell.endswith("%") or re.search(r"%|per ?cent", header, re.I) else "count"


# a table of training says so somewhere: its caption, its label column's head or a column's header
_TRAINING_TABLE = re.compile(r"\b(?:training|courses?|sessions?|delegates?|learning|workshops?|events?|webinars?|"
                             r"modules?|attend\w*)\b", re.I)


def measure_kpi(header: str, unit: str, library: Library, table_words: str | None = None) -> str | None:
    """The KPI a measure column names (`Places`, `Attended`), from the entries' `columns` words; a
    training measure only in a table whose other words (`table_words`: caption, label head, headers)
    speak of training ("Provider | Places | Children placed" counts a home's places, not a course's)."""
    def key(text: str) -> str:  # "Attended (no.)" -> "attended"; a header of a sign alone ("£") stays itself
        return utils.default_process(re.sub(r"\([^()]*\)", " ", text)) or text.strip()

    wanted = key(header)
    if not wanted:
        return None
    for e in library.kpis.values():
        if e.unit != unit and not (unit == "count" and e.unit == "rate_per_10k"):
            continue
        if any(wanted == key(c) for c in e.columns):
            # (the words besides this column's own header: "Hub | Visits | Families | Sessions run" is no course table)
            if table_words is not None and e.id.startswith("training") \
                    and not _TRAINING_TABLE.search(table_words.replace(header, " ")):
                return None
            # (a stock of children in a column, "CLA", only beside the parts of it a label column names:
            # "District | CLA", "Locality | CIN | CP", not "Pupil group | CLA | CIN")
            if table_words is not None and e.measure == "stock" \
                    and not _STOCK_PARTS.search(table_words.replace(header, " ")):
                return None
            return e.id
    return None


def _stock_head(header: str, unit: str, table_words: str, library: Library, settings: Settings) -> str | None:
    """The stock of children a measure column's header names in full ("Children on a CP plan", "Children in
    care"), in a table of its parts ("District | Children in care | Children on a CP plan"), where a
    caption naming two KPIs names neither column's."""
    if not _STOCK_PARTS.search(table_words.replace(header, " ")):
        return None
    found = label_kpi(header, unit, None, library, settings.table_label_cutoff)
    return found[0] if found and library.kpis[found[0]].measure == "stock" else None


_STOCK_PARTS = re.compile(r"\b(?:" + DIMENSIONS + r"|authority|authorities|council|(?-i:LA))\b", re.I)


_NUMBER_ROW = re.compile(r"(?:number|no\.?|count|total|figure|n)(?:\s+of\s+(?:children|young people|cases|"
                         r"children and young people))?(?:\s*\(no\.?\))?|children|young people|cases", re.I)
_RATE_ROW = re.compile(r"(?:rate\s*)?(?:\(?per\s*10,?000(?:\s+children)?\)?|per\s*10k)|rate", re.I)


# a row of a region's, the nation's or a group of councils' figures
_COMPARATOR_ROW = re.compile(r"(?:england|national(?:ly)?|regional|region|(?:the )?north[- ]?(?:east|west)|(?:the )?south[- ]?(?:east|west)|"
                             r"east midlands|west midlands|east of england|yorkshire and (?:the )?humber|(?:inner |outer )?london|"
                             r"statistical neighbours?|stat\.? neighbours?|(?-i:SN)|(?:cipfa )?nearest neighbours?|"
                             r"all (?:english )?(?:las|local authorities)|shire counties|core cities)\b(?:\s*(?:\(?(?:average|avg|mean|"
                             r"median|rate|region)\)?))?\s*(?:[-\u2013:]\s*.*)?$", re.I)
_OTHERS_HEAD = re.compile(r"(?:(?:statistical|nearest) )?neighbou?rs?(?: (?:council|authority|LA)s?)?$|"
                          r"(?:peer|comparator) (?:council|authority|LA|partnership)s?$|"
                          # the label column of England's or the region's figures: "England (published)"
                          r"(?:england|national|regional)(?: averages?)?(?:\s*\([^()]*\))?$", re.I)
_OTHERS_CAPTION = re.compile(r"[-\u2013:]\s*(?:(?:statistical|nearest) neighbours?|neighbou?ring (?:councils|authorities|areas)|"
                             r"peer (?:councils|authorities|partnerships))\s*$|" + OTHERS_TOGETHER.pattern, re.I)
# a row of one body's own, single-agency work: "South Yorkshire Police (single agency) | 41 | 880"
_OWN_ONLY_ROW = re.compile(r"\b(?:single[- ]agency|in-house|internal|(?:their|its) own)\b", re.I)
_OURS_ROW = re.compile(r"\(us\)|\bour\b|\bours\b|\(this (?:council|authority|area)\)", re.I)


def _geometry_rows(table: TextTable, layout: PageLayout, library: Library, settings: Settings) -> list[Candidate]:
    """A table read from geometry: each cell bound by its row label and its column's kind.

    Period columns date the row's KPI; area columns name the subject; a total column is the
    whole; a measure column decides the KPI (`Places` -> places offered) when the row label names
    none, the row label then being the subject (a course, a partner); comparator, target, RAG,
    direction and code columns are never read."""
    out: list[Candidate] = []
    kinds, names = table.kinds or [], table.names or []
    header = table.header_text
    previous: str | None = None
    if _PLANNING_CAPTION.search(table.caption or ""):
        return out  # "Table 3: Demand assumptions", "Average weekly unit costs used in the budget": none is a count
    # a label column headed by a KPI ("Looked after children") whose rows only say what of it
    # ("Number", "Per 10,000")
    if _by_period_rows(table, library, settings):
        return _period_rows(table, layout, library, settings)
    if not _BY_CAPTION.search(table.caption or "") and _BY_CAPTION.search(table.label_head or ""):
        # the label column's own head is the caption: "CP plans by locality, 30 September 2024 | North | South"
        table = replace(table, caption=table.label_head, label_head="")
    headed = _label_head_kpi(table, library, settings)
    # (or, over a label column of what the parts are, "Age | Number", a caption naming the KPI "by" them)
    by_caption = bool(_BY_CAPTION.search(table.caption or ""))  # "Children in care by placement type"
    if headed is None and ("period" in kinds or by_caption):
        headed = _caption_head(table, library, settings)
    captioned: dict[str, str | None] = {}  # the caption's KPI, by the unit of the row's cells
    in_money = _in_money(table)  # "Budget (£) | 2018-19 | 2019-20": its bare figures are sums of money
    # "Rate per 10,000 under-18s | Q3 24/25 | Q4 24/25", or a caption that is the rates' ("Rates per 10,000
    # children - quarterly" over "CLA | 131.0 | 133.4")
    per_10k = bool(_RATE_HEAD.search(table.label_head or "") or _RATES_CAPTION.match(table.caption or ""))
    # a table of each agency's own single-agency work ("Partner agency training returns (single-agency)"): its
    # rows or columns of bodies are theirs, not the partnership's parts
    single_agency = bool(_SINGLE_AGENCY_CAPTION.search(" ".join((table.caption or "", header or ""))))
    # a label column of what the parts are ("Locality", "Placement type") beside columns headed by the measure
    # ("Children in need 31 Mar 2022", "CP"): each row is that measure's part, the column's header its KPI
    # (not each agency's own activity: "Single-agency safeguarding training (each agency's own courses)")
    by_dimension = bool(_DIMENSION_HEAD.fullmatch(table.label_head or "")) and not single_agency
    # a label column with no head, or one of parts (its date in brackets aside: "Placement type (31 August 2025)")
    parts_head = not (table.label_head or "").strip() \
        or bool(_DIMENSION_HEAD.fullmatch(re.sub(r"\([^()]*\)", " ", table.label_head or "")))
    column_heads: dict[tuple[str, str], tuple[tuple[str, float] | None, Period | None]] = {}  # (header, unit): KPI, date
    # a table of others' figures, by its caption or its label column's head ("Referrals 2023/24 - statistical
    # neighbours" over "Neighbour | Referrals"): only a row marked as ours is read
    others = bool(_OTHERS_HEAD.match((table.label_head or "").strip()) or _OTHERS_CAPTION.search(table.caption or ""))
    one_area = kinds.count("area") == 1
    ours = _one_place_among_comparators(table)
    for row in table.rows:
        if _COMPARATOR_ROW.match(row.label.strip()) or (others and not _OURS_ROW.search(row.label)):
            continue  # "North West | 9,870", "Statistical neighbours (average) | 412": no one's own
        # (a comparator's or a change's cells, "+2" beside "21% | 19%", say nothing of the row's unit)
        unit = _row_unit(row.label, [c for c, k in zip(row.cells, kinds) if k not in ("comparator", "code", "unknown")]
                         if kinds else row.cells, in_money)
        found = label_kpi(row.label, unit, previous, library, settings.table_label_cutoff) \
            if row.label.strip() and not _UNIT_ROW.search(row.label) else None
        if "period" in kinds and found is None:
            found = _sole_row_kpi(table, row, unit, library, settings)
        if found and per_10k and library.kpis[found[0]].unit == "count":  # each row's rate, or nothing when it has none
            rate = library.rates().get(found[0])
            found = (rate, found[1]) if rate else None
        named = part = ""  # the council the row names, when it is not the area's own; the part it names
        # (a column headed by the noun counted, "Children", counts the row's KPI when the KPI is its head's or
        # caption's, or when the label column's head names no other measure: not "Children reported missing")
        counts_noun = found is None or parts_head or headed is not None and headed[0] == found[0]
        if found is None:
            found, named, part = _row_under(table, row.label, headed, library)
        previous = found[0] if found else None
        total_row = bool(_TOTAL_ROW.match(row.label.strip()))
        snippet, starts = row_snippet(row.label, row.cells, header)
        # "Children looked after by age" over "Age | Under 1 | 1-4 | Total" and "Number | 31 | 72 | 611": the
        # table turned the other way, its columns the parts
        across = bool(found and not named and by_caption and _NUMBER_ROW.fullmatch(row.label.strip()))
        # a row that gives its own date ("Children in care at 31 March 2025 | 655") dates its cells but
        # those a column of periods dates (a table's caption or note dates only what says no date)
        own_date = single_period(row.label) if found else None
        # (or a day of no year, "Children in care (31 Dec)", which is the day of that date in each column's period)
        own_day = yearless_day(row.label) if found and own_date is None else None
        left: str | None = None  # the KPI of the row's last cell read: a bare rate column's ("Rate per 10,000") is its rate
        for cell, kind, name, period, start in zip(row.cells, kinds, names, table.periods, starts):
            cell_part = part
            if across and kind == "unknown" and name.strip() and not _NOT_WHOSE.search(name):
                kind, cell_part = "across", name.strip()
            if cell is None or kind in ("comparator", "code") or kind == "unknown" and (found or not by_dimension):
                continue
            kpi, score, subject = (found[0], found[1], cell_part) if found else (None, 0.0, "")
            if own_date is not None and kind != "period":
                period = own_date
            elif own_day is not None and kind == "period" and period is not None and period.kind in ("quarter", "month") \
                    and (day := day_in_context(*own_day, period)).end is not None \
                    and period.start <= day.end <= period.end:  # type: ignore[operator]
                period = day  # "Children in care (31 Dec) | 472" under "Q3" (October to December 2024)
            elif found and kind != "period" and period is not None and (q := _bare_quarter(row.label)):
                period = quarter_in_context(q, period)  # "Referrals received (Q1)" beside stocks at 30 June 2024
            cell_unit = _cell_unit(cell, name) if kind == "measure" else ""
            if kind == "measure":
                words = f"{table.caption} {table.label_head} {header}"
                by_column = measure_kpi(name, cell_unit, library, words)
                if by_column is None and by_dimension:
                    by_column = _stock_head(name, cell_unit, words, library, settings)
                if by_column is None and left and _RATE_ROW.fullmatch(name.strip()):
                    by_column = library.rates().get(left)  # "Children in care | Rate per 10,000": the rate of its left
                if by_column and (_OWN_ONLY_ROW.search(row.label) or single_agency):
                    kpi = None  # a row the measure's own words rule out: "South Yorkshire Police (single agency) | 41"
                elif by_column:  # the column names the measure; the row names a course, a partner, a team
                    kpi, score, subject = by_column, settings.table_label_cutoff, "" if total_row else row.label.strip()
                elif found and re.search(r"\brate\b|per\s*10", name, re.I):
                    kpi = library.rates().get(found[0])
                elif found and (re.fullmatch(r"(?:number|no\.?|count|total|figure|value|actual|outturn|n|latest|current|"
                                             r"most recent|ytd|results?|performance)\b\W*",
                                             name.strip(), re.I) or counts_noun and _NUMBER_ROW.fullmatch(name.strip())):
                    pass  # (or the noun it counts: "Locality | Children" under "CP plans by locality")
                elif by_column and not found:
                    kpi, score, subject = by_column, settings.table_label_cutoff, "" if total_row else row.label.strip()
                elif by_column != (found[0] if found else None):
                    kpi = None  # a column of another measure (`%`, `Change`, `Cases`) is not the row's KPI
            elif kind == "area" and single_agency:
                continue  # "Single-agency safeguarding training" over "Acute trust | Constabulary": each body's own
            elif kind == "area":
                subject = name
            elif kind == "captioned":
                # "Children on CP plans at 31 March 2024, by locality" over "North 118": parts, by their
                # labels; only the caption names the measure (a list of contents under "Contents" names none)
                # (a caption that names a rate per 10,000 makes its bare figures rates: "Children in care per 10,000 at
                # 31 March 2025" over "Peterborough | 84")
                # (in a benchmark of the paper's own figure only: neighbours' rates listed alone are theirs)
                cap_unit = "rate_per_10k" if unit == "count" and ours and _RATE_HEAD.search(table.caption or "") else unit
                if cap_unit not in captioned:
                    captioned[cap_unit] = _caption_kpi(table.caption, cap_unit, library, settings)
                whole = captioned[cap_unit]
                if whole and library.kpis[whole].measure == "stock" and _FLOW_WORD.search(row.label):
                    whole = None  # "Started to be looked after | 161" under "Looked after children": a flow, no part
                kpi, score, subject = (whole, settings.table_label_cutoff, "" if total_row else row.label.strip()) \
                    if whole else (None, 0.0, "")
            if kpi is None and not found and by_dimension and kind in ("period", "measure", "unknown", "area") \
                    and not _NOT_WHOSE.search(row.label) and not COMPARATOR_HEAD.search(row.label) \
                    and gazetteer().lookup(row.label) is None:
                if (name, unit) not in column_heads:
                    column_heads[(name, unit)] = _column_head(name, unit, table.caption, library, settings)
                headed_by, head_period = column_heads[(name, unit)]
                if headed_by is not None:
                    period = period or head_period
                    if period is None:
                        continue  # (its date, when it has one, is in a line below the table that nothing reads yet)
                    kpi, score, subject = headed_by[0], headed_by[1], "" if total_row else row.label.strip()
            if kpi is None or (cell.rstrip().endswith("%") or cell_unit == "percent") \
                    and library.kpis[kpi].unit != "percent":
                continue  # (a count's row, "Placed with parents | 38 | 6%": its share's column is no count, nor is
                #          a column whose header says it holds shares: "Sector | % of attendees")
            if named and kind == "period":  # the row names the place the figure is for
                kind, subject = "area", named
            raw = _raw(cell, unit, in_money)
            if raw is None:
                continue
            # (the one place a table has a column of, beside its comparators: "South Tyneside Q1 | Target |
            # England" is `table-one-area`, and the paper's own area's whole figure when it is the paper's)
            how = "one-area" if kind == "area" and one_area and not named else kind  # (not a row's place)
            if kind == "captioned" and subject and subject == ours:
                how = "our-row"  # (the one place among comparators' rows: the paper's own, when it is the paper's place)
            left = kpi
            out.append(Candidate(kpi, raw, layout.number, snippet, "table", f"{kpi}/table-{how}",
                                 settings.table_confidence * score / 100, start, start + len(cell), subject,
                                 period=period, period_source="table" if period else "", line=row.lines[0],
                                 match_start=0, match_end=len(snippet)))
    return out


def _one_place_among_comparators(table: TextTable) -> str:
    """The label of the one row that names a place, in a table whose other rows are comparators' ("Peterborough |
    84" over "Statistical neighbours | 79" and "England | 70"): a benchmark of the paper's own figure, as a column
    headed with one place beside the comparators' is; "" when the table is no such thing."""
    places = [r.label.strip() for r in table.rows if r.label.strip() and not _COMPARATOR_ROW.match(r.label.strip())]
    if len(places) != 1 or not any(_COMPARATOR_ROW.match(r.label.strip()) for r in table.rows) \
            or gazetteer().lookup(places[0]) is None:
        return ""
    return places[0]


def _bare_quarter(label: str) -> int | None:
    """The quarter a row label names in brackets with no year ("Referrals received (Q1)"), else None."""
    found = [m for m in find_mentions(label) if m.quarter and m.period is None and not m.relative]
    return found[0].quarter if len(found) == 1 and re.search(r"\(\s*(?:Q|Qtr|Quarter)\s*[1-4]\s*\)", label, re.I) else None


def _column_head(name: str, unit: str, caption: str, library: Library, settings: Settings
                 ) -> tuple[tuple[str, float] | None, Period | None]:
    """The KPI a column's header names without its date ("Children in need 31 Mar 2022"), and that
    date, else the caption's."""
    found = label_kpi(without_mentions(name, find_mentions(name)).strip(" ()-,:"), unit, None, library,
                      settings.table_label_cutoff)
    return found, single_period(name) or single_period(caption or "")


# a table of what a plan or a budget assumes, or of unit costs: no figure in it is a body's count or budget
_PLANNING_CAPTION = re.compile(r"\b(?:assumptions?|assumed|demand model(?:ling)?|unit costs?|costs? per|"
                               r"average (?:weekly |annual |unit )?costs?|(?:weekly|annual) costs? of)\b", re.I)
_SINGLE_AGENCY_CAPTION = re.compile(r"\bsingle[- ]agency\b|\b(?:each|every) (?:agency|partner|organisation)'s own\b", re.I)
_DIMENSION_HEAD = re.compile(r"\W*" + DIMENSIONS + r"(?:\s+(?:of\s+(?:abuse|plan|need)|band|group|type))?\W*", re.I)


# "Holmeshire - number", "Corrington – rate per 10,000": a place, then what of the measure it is (a
# text table's row keeps a lone dash as its mark of an empty cell, ∅);
# a comparator's row ("England - rate", "Statistical neighbours - rate per 10,000") is no one's own
_WHOSE_WHAT = re.compile(r"(?P<whose>[A-Z][\w'’.]*(?: [\w'’.&]+){0,4}?)\s+[-–—:∅]\s+(?P<what>\S.*)")
_NOT_WHOSE = re.compile(r"\b(?:england|national|statistical|neighbours?|sn|regional|region|average|benchmark|"
                        r"comparators?|target|shire|counties|core cities|all)\b", re.I)


def _label_head_kpi(table: TextTable, library: Library, settings: Settings) -> tuple[str, float] | None:
    """The KPI the label column's head names ("Looked after children", "Partnership budget" over
    "Total | £583,200"), in the unit of the table's figures; None for a head that is a period."""
    head = table.label_head
    if head and single_period(head):  # (a head of a KPI and its date names the KPI: "CP rate per 10k, 31 Mar 2024")
        head = without_mentions(head, find_mentions(head)).strip(" ,:;-\u2013()")
    if not head:
        return None
    kinds = table.kinds or []
    # (the unit of the figures a head rules, not of a change's or a comparator's: "+£18,700 (3.2%)")
    cells = [c for r in table.rows for k, c in enumerate(r.cells)
             if c and (not kinds or k < len(kinds) and kinds[k] not in ("comparator", "code", "unknown"))]
    unit = "GBP" if _in_money(table) else _unit_of(head, cells)
    return _kpi_or_its_rate(head, unit, library, settings)


def _kpi_or_its_rate(label: str, unit: str, library: Library, settings: Settings) -> tuple[str, float] | None:
    """The KPI a head names, or, for a head of a count "per 10k" that no rate's alias names ("CP plans
    per 10k" over "Dudley | 52.1 | 51.4", "LAC per 10k" over months), that count's rate."""
    found = label_kpi(label, unit, None, library, settings.table_label_cutoff)
    if found is None and unit == "count" and _RATE_HEAD.search(label):
        counted = label_kpi(_RATE_HEAD.sub(" ", label), "count", None, library, settings.table_label_cutoff)
        rate = library.rates().get(counted[0]) if counted else None
        found = (rate, counted[1]) if rate and counted else None
    return found


def _caption_head(table: TextTable, library: Library, settings: Settings) -> tuple[str, float] | None:
    """"Table 1: Children looked after at 31 March" over year columns: the caption heads the rows
    that only say what of it and whose ("Holmeshire - number", "Holmeshire - rate per 10,000")."""
    caught = _caption_kpi(table.caption, "count", library, settings)
    return (caught, settings.table_label_cutoff) if caught else None


# a row that names the reporting council by a common noun, not by its name
_OWN_ROW = re.compile(r"(?:the |our |this )?(?:council|local authority|authority|LA|borough|county|city|partnership|board)"
                      r"(?:\s*\((?:us|we|LA)\))?|us|we", re.I)


def _under_head(label: str, headed: tuple[str, float], library: Library) -> tuple[tuple[str, float] | None, str]:
    """A row under a label column or a caption that names the KPI, whose label only says what of
    it ("Number", "Per 10,000") or whose ("Coventry", "Holmeshire - number"): the KPI it reads, and
    the council it names, as the row names it ("" for the area's own)."""
    whose, what = _whose_what(label.strip())
    if _NUMBER_ROW.fullmatch(what):
        found = headed
    elif _RATE_ROW.fullmatch(what) and (rate := library.rates().get(headed[0])
                                        or (headed[0] if headed[0] in library.rates().values() else None)):
        found = (rate, headed[1])  # (under a head that names the rate itself, "CP rate per 10k", the rate)
    elif not whose and _OWN_ROW.fullmatch(what):
        return headed, ""  # "Council | 37.8 | 35.1" beside "England | 42.1 | 43.2": the area's own
    elif not whose and gazetteer().lookup(what) is not None:
        return headed, label.strip()  # "Re-referrals within 12 months (%)" over "Coventry | 22.1 | 24.6": that council's
    else:
        return None, ""
    return found, whose if whose and gazetteer().lookup(whose) is not None else ""  # "Walsall - number": Walsall's


# a caption that breaks its KPI down: "Table 1: Children in care by placement type"
_BY_CAPTION = re.compile(BREAKDOWN_BY, re.I)


def _row_under(table: TextTable, label: str, headed: tuple[str, float] | None, library: Library
               ) -> tuple[tuple[str, float] | None, str, str]:
    """A row that names no KPI, under a head or caption that does: the KPI it reads, the council
    it names (`_under_head`), and, under a caption that names the KPI "by" what its parts are, the
    part it names (its label; "" on the total row, the whole)."""
    if headed is None:
        return None, "", ""
    found, council = _under_head(label, headed, library)
    by_caption = bool(_BY_CAPTION.search(table.caption or ""))
    if found is not None and council and by_caption and council == label.strip():
        return found, council, council  # "CP plans by district" over "Charnwood | 96": one district's part
    if found is not None or not label.strip() or not by_caption:
        return found, council, ""
    return headed, "", "" if _TOTAL_ROW.match(label.strip()) else label.strip()


def _whose_what(label: str) -> tuple[str, str]:
    """A row label split into whose figure it is and what of the measure: ("Holmeshire", "number");
    ("", label) when it names no one, and ("", "") when it names a comparator."""
    m = _WHOSE_WHAT.fullmatch(label)
    if m is None:
        return "", label
    if _NOT_WHOSE.search(m.group("whose")):
        return "", ""
    return m.group("whose"), m.group("what").strip()


_CAPTION_TAIL = re.compile(r"\s*(?:,|-|\u2013)?\s*\b(?:by|per)\s+[\w ]{2,30}$|\s*\b(?:at|as at|on|in|during)\s*$", re.I)


def _sole_row_kpi(table: TextTable, row: TableRow, unit: str, library: Library, settings: Settings
                  ) -> tuple[str, float] | None:
    """One row of figures with no label under period columns, and nothing else: the caption is its
    label ("Children subject to a CP plan per 10,000" over "2021-22   2022-23" and "37.5   40.1")."""
    if row.label.strip() or len(table.rows) != 1 or not table.caption:
        return None
    if unit == "count":  # (the caption is the label that may say "(%)")
        unit = _unit_of(table.caption, row.cells)
    return _kpi_or_its_rate(_caption_words(table.caption), unit, library, settings)


def _caption_words(caption: str) -> str:
    """A caption without its dates and its "by ...": the words that name the measure."""
    text = without_mentions(caption, find_mentions(caption)).strip(" ,:;-\u2013()")
    text = CAPTION_ENDS_ON_A_YEAR.sub("", text).strip(" ,:;-\u2013()")  # (a title's bare year: "..., 2024")
    for _ in range(3):
        text = _CAPTION_TAIL.sub("", text).strip(" ,:;-\u2013()")
    return text


def _caption_kpi(caption: str, unit: str, library: Library, settings: Settings) -> str | None:
    """The count or rate a caption names over a list of its parts ("Children in care by
    placement type, 31 March 2024"), without its dates and its "by ..."; never money (a budget
    over its lines is no set of budgets)."""
    if unit == "GBP" or not caption:
        return None
    found = label_kpi(_caption_words(caption), unit, None, library, settings.table_label_cutoff)
    return found[0] if found and library.kpis[found[0]].unit == unit else None


# a row named by a quarter or a month of no year, the year being the caption's ("L&D activity by quarter,
# 2025/26" over "Q1 | 38 | 802"); and a row of the year so far, which no caption dates
_YEARLESS_ROW = re.compile(r"(?:Q|quarter\s*)[1-4]|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?", re.I)
_SO_FAR_ROW = re.compile(r"(?:year|financial year) to date|YTD|cumulative|total(?: to date)?", re.I)
# the row of the whole period the caption names, under its months: "Quarter", "Year total"
_WHOLE_PERIOD_ROW = re.compile(r"(?:the\s+)?(?:quarter|half[- ]year|year)(?:\s+total)?|total for the (?:quarter|half[- ]year|year)",
                               re.I)
_CAPTION_YEAR = re.compile(r"\b(?:19|20)\d\d(?:\s*[/-]\s*(?:\d\d){1,2})?(?![\d/-])")


def _row_period(label: str, caption: str):
    """The period a row of a table turned the other way names, or None."""
    found = single_period(label)
    mon = MONTHS.get(label.strip().rstrip(".").lower())
    if found is None and mon is not None and (within := single_period(caption or "")) is not None \
            and within.kind in ("financial_year", "calendar_year", "quarter") and within.start and within.end:
        # a month of no year under a caption naming its year or quarter ("Quarter 2 2025/26 data" over "July | 402"):
        # that month of it (January of a financial year is in its second calendar year)
        placed = day_in_context(mon, 0, within)
        return placed if placed.known and placed.start and within.start <= placed.start <= within.end else None
    if found is None and _YEARLESS_ROW.fullmatch(label) and len(years := _CAPTION_YEAR.findall(caption)) == 1:
        found = single_period(f"{label} {years[0]}")
    return found


def _by_period_rows(table: TextTable, library: Library, settings: Settings) -> bool:
    """A table turned the other way: its rows are periods ("July 2024", "2022/23") and its
    columns the measures ("Referrals", "Re-referral %"), as monthly returns and five-year tables
    are often set out. No column is a period then; a column headed by a place stays a place.
    (Rows that name a KPI beside their date, "Children in care at 31 March 2025 | 655 | 600", are
    each KPI's own row, dated by its label.)"""
    kinds = table.kinds or []
    labels = [label for label in (r.label.strip() for r in table.rows)
              if not _SO_FAR_ROW.fullmatch(label) and not _WHOLE_PERIOD_ROW.fullmatch(label)]
    return len(labels) >= 2 and "period" not in kinds and \
        all(_row_period(label, table.caption) is not None for label in labels) and \
        not any(_names_a_kpi(label, library, settings) for label in labels)


_DATE_WORDS = re.compile(r"(?:\b(?:at|as at|as of|on|in|for|to|position|snapshot|end of|year end)\b|[\s(),:;-])+", re.I)


def _names_a_kpi(label: str, library: Library, settings: Settings) -> bool:
    """Does a row's label name a KPI besides the date it gives ("CLA at 31 March 2025")?"""
    rest = _DATE_WORDS.sub(" ", without_mentions(label, find_mentions(label))).strip()
    return bool(rest) and label_kpi(rest, _unit_of(rest, []), None, library, settings.table_label_cutoff) is not None


def _period_rows(table: TextTable, layout: PageLayout, library: Library, settings: Settings) -> list[Candidate]:
    """Each cell of a table whose rows are periods: the KPI its column's header names, the
    period its row's label names."""
    out: list[Candidate] = []
    header = table.header_text
    for row in table.rows:
        period = _row_period(row.label.strip(), table.caption)
        if period is None and _WHOLE_PERIOD_ROW.fullmatch(row.label.strip()):
            period = single_period(table.caption or "")  # "Quarter" under "... by month, Q2 2025/26"
        if period is None:
            continue  # the year so far: a period no row or caption says
        snippet, starts = row_snippet(row.label, row.cells, header)
        for cell, kind, name, start in zip(row.cells, table.kinds or [], table.names or [], starts):
            if cell is None or kind not in ("measure", "area"):
                continue
            unit = _cell_unit(cell, name)
            kpi = measure_kpi(name, unit, library)
            found = (kpi, settings.table_label_cutoff) if kpi else _kpi_or_its_rate(name, unit, library, settings)
            if found is None:
                continue
            out.append(Candidate(found[0], cell, layout.number, snippet, "table", f"{found[0]}/table-period-rows",
                                 settings.table_confidence * found[1] / 100, start, start + len(cell), "",
                                 period=period, period_source="table", line=row.lines[0],
                                 match_start=0, match_end=len(snippet)))
    return out


def match(layout: PageLayout, library: Library, settings: Settings = DEFAULT_SETTINGS,
          claimed: list[Candidate] | None = None) -> list[Candidate]:
    out: list[Candidate] = []
    for table in layout.tables:
        header = table.header_text or layout.lines[table.header_line].strip()
        if table.agency and table.kinds == ["captioned"]:
            header = table.caption  # (a list of partners under its caption has no header line of its own)
        if table.agency:
            if "agency_contribution" in library.kpis and "budget_contributions" in library.kpis:
                out += _agency_rows(table, header, layout.number, library, settings)
            continue
        if table.kinds is not None:
            out += _geometry_rows(table, layout, library, settings)
            continue
        previous: str | None = None
        # the KPI the label column's head names ("Referrals" before "2022/23   2023/24"), else the caption's
        headed = _label_head_kpi(table, library, settings) or _caption_head(table, library, settings)
        in_money = _in_money(table)
        ours = _one_place_among_comparators(table)
        for row in table.rows:
            unit = _row_unit(row.label, row.cells, in_money)
            found = label_kpi(row.label, unit, previous, library, settings.table_label_cutoff) \
                or _sole_row_kpi(table, row, unit, library, settings)
            subject = ""  # the council or the part the row names, when it is not the area's own whole
            if found is None:
                found, council, part = _row_under(table, row.label, headed, library)
                subject = council or part
            previous = found[0] if found else None
            if not found:
                continue
            kpi, score = found
            snippet, starts = row_snippet(row.label, row.cells, header)
            for cell, period, start in zip(row.cells, table.periods, starts):
                raw = _raw(cell, unit, in_money) if cell else None
                if raw is None or period is None:
                    continue
                how = "our-row" if subject and subject == ours else "row"
                out.append(Candidate(kpi, raw, layout.number, snippet, "table", f"{kpi}/table-{how}",
                                     settings.table_confidence * score / 100, start, start + len(cell), subject,
                                     period=period, period_source="table", line=row.lines[-1],
                                     match_start=0, match_end=len(snippet)))
    return out
