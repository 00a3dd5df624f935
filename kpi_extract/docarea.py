"""Whose area a document's figures are for: the council or partnership that reports them.

A council's papers name it again and again ("Kent County Council", "LONDON BOROUGH OF FENWICK",
"Kingsford and Dunmere Safeguarding Children Partnership", "Redbourne Children's Trust"), and now
and then a neighbour, a partner or a typo. So the area is the name said most often as a body,
counting the front pages (where the author names itself) three times and the file's own name
twice, never a heading or a one-off: a service ("Adult Social Care"), a budget line ("All
Revenue") or a misspelt heading is outvoted or is no place at all.

Each name is then normalised against the gazetteer (areas.py): a UK council gets its common name
and ONS code; an unknown place (an invented council, a partnership of two councils) keeps the
name it is written with and no code. A partnership of two or more councils ("Richmond and
Wandsworth") is not one authority: its area is the joint name and its code stays empty, as
spec/output.md asks for an area that is not a UK local authority.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

from .areas import Area, gazetteer, key

_WORD = r"[A-Z][A-Za-z'.]*"
_JOIN = r"(?:upon|on|under|in|and|of|with|le|la|by|the|&)"
_NAME = rf"{_WORD}(?:[ -](?:{_JOIN}|{_WORD})){{0,5}}?"
_LONG_NAME = rf"{_WORD}(?:[ -](?:{_JOIN}|{_WORD})){{0,5}}"
_TYPE = r"(?:Metropolitan Borough|Metropolitan District|County Borough|Borough|City|County|District|Unitary)"
_BODIES = [
    # "Kent County Council", "City of Bradford Metropolitan District Council", "Calder Moss Council"
    (re.compile(rf"\b({_NAME}) (?:{_TYPE} ){{0,2}}Council\b"), 1.0),
    # "London Borough of Fenwick", "Royal Borough of Kingston upon Thames", "Borough of Kingsford"
    (re.compile(rf"\b(?:London Borough|Royal Borough|Metropolitan Borough|Borough|City and County|City|County) of "
                rf"({_LONG_NAME})"), 1.0),
    # "Kent Safeguarding Children Partnership", "Thornbury Heath Local Safeguarding Children Board", "Halton
    # Children and Young People Safeguarding Partnership"
    (re.compile(rf"\b({_NAME}) (?:Children and Young People(?:'s)? )?(?:Local )?Safeguarding (?:Children(?:'s)? |Adults )?"
                rf"(?:Board|Partnership)\b"), 1.0),
    # "Eastshire Children's Services", "Redbourne Children's Trust": a service named after its area
    (re.compile(rf"\b({_NAME}) Children'?s'? (?:Services|Social Care|Trust)\b"), 0.5),
]
# words that start or end a captured phrase without being part of the place's name
_NOT_A_PLACE = {
    "the", "this", "our", "each", "every", "a", "an", "county", "city", "borough", "district", "parish", "town",
    "local", "full", "cabinet", "executive", "safeguarding", "children", "children's", "business", "manager",
    "chair", "independent", "director", "officer", "head", "assistant", "service", "services", "team", "unit",
    "strategic", "lead", "member", "members", "report", "meeting", "committee", "board", "partnership", "and",
    "of", "dear", "cllr", "councillor", "inspection", "agenda", "item", "minutes", "annual", "page", "official",
    "in", "on", "by", "with", "for", "to", "from", "at", "all", "that", "these", "those", "its", "their",
    "royal", "london", "metropolitan", "unitary", "council", "both", "between", "across", "neighbouring",
    "&", "upon", "under", "le", "la", "contact", "visit", "welcome", "see", "email", "call", "join",
    "supporting", "funded", "led", "chaired", "hosted", "commissioned", "provided", "delivered",
}
# a phrase with one of these words is a service, a post, a budget line or a document: no place
_NOT_IN_A_PLACE = re.compile(
    r"\b(?:adults?|social|care|revenue|capital|budget|services?|children'?s?|health|education|schools?|"
    r"report|committee|board|partnership|director|officer|members?|plan|strategy|policy|panel|scrutiny|"
    # a service for some people, "Children and Young People Early Help" (a heading run on into the next)
    r"people|young|early|help|famil(?:y|ies)|"
    r"cabinet|executive|police|nhs|trust|group|forum|team|department|directorate|finance|performance|"
    r"review|inspection|ofsted|appendix|item|agenda|minutes|annual|total|summary|update|january|february|"
    r"march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)\b", re.I)
_FRONT_WEIGHT, _STEM_WEIGHT = 3.0, 2.0


_CAPITALS = re.compile(r"\b[A-Z][A-Z'&.-]{1,}\b")
_TITLED_JOIN = re.compile(r"\b(Of|And|On|Upon|Under|The|In|With)\b(?= [A-Z])")


def _titlecase_capitals(text: str) -> str:
    """ALL-CAPS names read as names: "LONDON BOROUGH OF FENWICK" -> "London Borough Of Fenwick"."""
    text = _CAPITALS.sub(lambda m: m.group().title() if len(m.group()) > 3 or
                         m.group() in ("OF", "AND", "ON", "UPON") else m.group(), text)
    return _TITLED_JOIN.sub(lambda m: m.group().lower(), text)


# words of what kind of body it is, between its place and its body's word
_KIND_OF_BODY = {"integrated", "joint", "strategic", "combined", "shared"}
_JOINS = {"and", "&", "of", "upon", "on", "under", "le", "la", "-", "in", "with", "by", "the"}


def _place_word(w: str) -> bool:
    return w.lower() in _JOINS or (w.lower() not in _NOT_A_PLACE and not _NOT_IN_A_PLACE.search(w))


@lru_cache(maxsize=4096)
def _place(phrase: str, at_end: bool = True) -> tuple[str, Area | None, str]:
    """(place, authority or None, the name as written when the authority is a near miss of it)
    for a phrase captured before a body's word (`at_end`: "... Council") or after it ("London
    Borough of ..."). The place is next to that word: the longest span from it that is a council
    of the gazetteer ("Report of Brighton and Hove" -> Brighton and Hove), unless it is the second
    of two places joined by "and" (a joint partnership); else the run of place-like words next to
    it ("Daniel Okafor Director of Children's Services Marshwood" -> Marshwood); else ""."""
    words = phrase.replace("-", " - ").split()
    while at_end and words and words[-1].lower() in _KIND_OF_BODY:  # "Bury Integrated [Safeguarding Partnership]"
        words.pop()
    g = gazetteer()
    n = len(words)
    spans = [(i, n) for i in range(n)] if at_end else [(0, j) for j in range(n, 0, -1)]
    for i, j in spans:
        if words[i].lower() in _JOINS or words[j - 1].lower() in _JOINS:
            continue
        found = g.lookup(" ".join(words[i:j]).replace(" - ", "-"))
        if found is None:
            continue
        if (at_end and i >= 2 and words[i - 1].lower() in ("and", "&") and _place_word(words[i - 2])) or \
                (not at_end and j + 1 < n and words[j].lower() in ("and", "&") and _place_word(words[j + 1])):
            break  # "Sutton and Merton": two councils' partnership, named jointly below
        return found.name, found, ""
    if at_end:
        k = n
        while k > 0 and _place_word(words[k - 1]):
            k -= 1
        words = words[k:]
    else:
        k = 0
        while k < n and _place_word(words[k]):
            k += 1
        words = words[:k]
    while words and words[0].lower() in _JOINS:
        words.pop(0)
    while words and words[-1].lower() in _JOINS:
        words.pop()
    name = " ".join(words).replace(" - ", "-")
    if not name or not name[0].isupper() or len(name) < 3:
        return "", None, ""
    near = g.find(name)  # "Birmingam City Council": a typed letter wrong, still the council
    if near is not None:
        return near.name, near, name
    return name, None, ""


# the words a body's name ends on (or, for "London Borough of X", starts after), by the pattern
# of _BODIES they anchor: only the text around them is searched, so a long pack costs little
_ANCHORS = [re.compile(r"\b(?:[Cc]ouncil|COUNCIL)\b"),
            re.compile(r"\b(?:[Bb]orough|[Cc]ity|[Cc]ounty|BOROUGH|CITY|COUNTY) (?:of|OF)\b"),
            re.compile(r"\b(?:[Ss]afeguarding|SAFEGUARDING)\b"),
            re.compile(r"\b(?:[Cc]hildren|CHILDREN)'?[Ss]?'? (?:[Ss]ervices|[Ss]ocial [Cc]are|[Tt]rust|SERVICES|TRUST)\b")]
# pieces of each anchor that a page must hold for the anchor to be looked for at all (one of each
# group): most pages name no council, and a substring test is far cheaper than a regex that is
# tried at every position
_ANCHOR_PIECES = [(("ouncil", "OUNCIL"),),
                  (tuple(f"{end} {of}" for end in ("ough", "ity", "nty", "OUGH", "ITY", "NTY") for of in ("of", "OF")),),
                  (("afeguarding", "AFEGUARDING"),),
                  (("hildren", "HILDREN"), ("ervices", "ocial ", "rust", "ERVICES", "RUST"))]
_LIGATURE_CHARS = "\ufb00\ufb01\ufb02\ufb03\ufb04\u2019"
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                            "\u2019": "'"})


# the words an anchor's match starts with, lower-cased: found with `str.find`, and the anchor
# tried only there, not at every position of the page
_ANCHOR_STARTS = [("council",), ("borough", "city", "county"), ("safeguarding",), ("children",)]


def _anchored(anchor: re.Pattern, starts: tuple[str, ...], flat: str, low: str) -> list[re.Match]:
    """`anchor.finditer(flat)`, by trying the anchor where one of its first words starts."""
    if len(low) != len(flat):  # a character whose lower case is longer: offsets would not hold
        return list(anchor.finditer(flat))
    found = {}
    for word in starts:
        at = low.find(word)
        while at >= 0:
            m = anchor.match(flat, at)
            if m:
                found[at] = m
            at = low.find(word, at + 1)
    return [found[k] for k in sorted(found)]


def mentions(text: str) -> list[tuple[int, str, Area | None, float, str]]:
    """(offset, place, authority or None, weight, the name as written if a near miss) for each
    body named in `text`."""
    if any(c in text for c in _LIGATURE_CHARS):
        text = text.translate(_LIGATURES)
    if "|" in text:  # a row set out with pipes: its cells, and its line's end, bound every name
        text = "\n".join(f"{ln} ;" if "|" in ln else ln for ln in text.split("\n")).replace("|", ";")
    flat = " ".join(text.split())
    low = flat.lower()
    out = []
    for n, (anchors, pieces, (rx, weight)) in enumerate(zip(_ANCHORS, _ANCHOR_PIECES, _BODIES)):
        if not all(any(p in flat for p in group) for group in pieces):
            continue
        for anchor in _anchored(anchors, _ANCHOR_STARTS[n], flat, low):
            lo = max(0, anchor.start() - 90)
            lo = flat.find(" ", lo) + 1 if lo else 0
            window = _titlecase_capitals(flat[lo:anchor.end() + 90])  # same length: offsets hold
            for m in rx.finditer(window):
                if m.start() <= anchor.start() - lo < m.end():  # the match this anchor is part of
                    name, area, written = _place(m.group(1), n != 1)
                    if name:
                        out.append((lo + m.start(1), name, area, weight, written))
                    break
    return out


def _stem_areas(path: str) -> list[Area]:
    """Councils the file's own name gives ("Ofsted kent - children's services inspection")."""
    words = re.findall(r"[A-Za-z]+", Path(path).stem) if path else []
    g = gazetteer()
    found = []
    for n in (4, 3, 2, 1):
        for i in range(len(words) - n + 1):
            a = g.lookup(" ".join(words[i:i + n]))
            if a is not None and a not in found:
                found.append(a)
    return found


# a council's name as a heading writes it, "PLYMOUTH CITY COUNCIL" (case-insensitive; roles.py heads pages with it too)
# the kinds of council a name may end with, before "council"
_COUNCIL_KINDS = ("county", "city", "borough", "district", "metropolitan borough")
COUNCIL_NAME = r"(?:[a-z][\w'’&-]*\s+){1,5}?(?:" + "|".join(k + r"\s+" for k in _COUNCIL_KINDS) + r")?council"
# a letterhead: a council's name alone on the paper's first line
_LETTERHEAD = re.compile(rf"^\W*(?P<name>{COUNCIL_NAME})\W*$", re.I)


# or named on the paper's one line, before what of it the paper is: "Wiltshire Council - Children's Select Committee,
# 11 March 2025", "Kent Safeguarding Children Multi-Agency Partnership - Executive, 18 June 2025"
_LETTERHEAD_LINE = re.compile(rf"^\W*(?:(?P<name>{COUNCIL_NAME})|(?:the\s+)?(?P<place>(?-i:[A-Z])[\w'&-]*(?:\s+(?:and\s+|upon\s+|on\s+)?"
                              r"(?-i:[A-Z])[\w'&-]*){0,3}?)\s+(?:Safeguarding\s+Children|Children['’]s\s+Safeguarding)\s+"
                              r"(?:[\w-]+\s+){0,2}?(?:Partnership|Board))\s*(?:[:\u2013\u2014]|\s-)\s+(?!" + COUNCIL_NAME + r")\S",
                              re.I)  # (not a line of several councils: "Darlington Borough Council | Hartlepool ...")
_COUNCIL_WORDS = re.compile(r"(?:" + "|".join(k + " " for k in _COUNCIL_KINDS) + r")?council", re.I)
# or as the first words of its committee's name on that line: "Leeds Corporate Parenting Board, 12 June 2025",
# "Torbay Children and Young People's Overview and Scrutiny Sub-Board: 14 November 2024"
_COMMITTEE_LINE = re.compile(r"^\W*(?:The\s+)?(?P<words>[A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|and|&|of|for|upon|on)){0,12}?)"
                             r"\s+(?:Board|Committee|Sub-Committee|Sub-Board|Panel|Commission|Forum)\b"
                             r"(?=\s*(?:[,:;|\u2013\u2014(]|\s-\s|$))")
# a committee of a body that is no council's: its place is not the paper's writer
_NO_COUNCILS_COMMITTEE = re.compile(r"\b(?:NHS|ICB|Trusts?|Police|Constabulary|Fire|Hospitals?|University|College|"
                                    r"Integrated|Commissioner|Probation|Prison)\b")


def _committees_place(line: str) -> Area | None:
    """The council whose name a committee's name starts with (the longest run of its first words that
    is one), unless it is the first of two places joined by "and" (a joint committee)."""
    m = _COMMITTEE_LINE.match(line)
    if m is None or _NO_COUNCILS_COMMITTEE.search(m.group("words")):
        return None
    words = m.group("words").split()
    for n in range(min(len(words), 5), 0, -1):
        if words[n - 1].lower() in _JOINS:
            continue
        found = gazetteer().lookup(" ".join(words[:n]))
        if found is not None:
            return None if n < len(words) and words[n].lower() in ("and", "&") else found
    return None


def _letterhead(pages: list[str]) -> Area | None:
    """The council named alone on the first line of the first page, or before what of it the paper
    is on that line (a committee, an annual report), or the place of the partnership so named: the
    paper's publisher. A paper
    about a neighbour ("A neighbouring authority's performance return (Torbay Council)"), which may
    name the neighbour more often than itself, is still its own."""
    first = _front_lines(pages, 2) if pages else []
    # (a logo's name may break before its last words: "Rutland" over "County Council")
    if len(first) == 2 and _COUNCIL_WORDS.fullmatch(first[1].strip()):
        first = [first[0].strip() + " " + first[1].strip()]
    m = _LETTERHEAD.match(first[0]) or _LETTERHEAD_LINE.match(first[0]) if first else None
    if m is None:
        return _committees_place(first[0]) if first else None
    return gazetteer().lookup(m.group("name") or m.groupdict().get("place") or "")


def document_area(pages: list[str], path: str = "") -> tuple[str, str]:
    """(area, area_code) of a document: the body it names most (front pages and file name
    counting more), normalised against the gazetteer; ("", "") when it names none.

    `pages` are the pages as read, running headers and footers included: "Eastshire County
    Council - Children's Services" atop every page is the author naming itself."""
    head = _letterhead(pages)
    if head is not None:  # the council whose name alone heads the paper publishes it, whoever it is about
        other = _received_from(pages, head)  # unless the paper is another place's body's own report
        return (other.name, other.code) if other is not None else (head.name, head.code)
    score: dict[str, float] = defaultdict(float)
    first: dict[str, int] = {}
    shown: dict[str, tuple[str, str]] = {}
    found = []
    offset = 0
    for number, text in enumerate(pages):
        weight = _FRONT_WEIGHT if number < 2 else 1.0
        found += [(offset + at, name, area, w * weight, written) for at, name, area, w, written in mentions(text)]
        offset += len(text) + 1
    # a near miss written the same way twice is a place of that name, not a typo ("Easterleigh")
    spelt = Counter(written for *_, written in found if written)
    for at, name, area, w, written in found:
        if written and spelt[written] > 1:
            name, area = written, None
        k = area.code if area is not None else key(name)
        score[k] += w
        first.setdefault(k, at)
        shown[k] = (area.name, area.code) if area is not None else shown.get(k, (name, ""))
    for area in _stem_areas(path):
        if area.code in score or not score:  # the file's name confirms a body; alone it names the area
            score[area.code] += _STEM_WEIGHT
            first.setdefault(area.code, offset)
            shown[area.code] = (area.name, area.code)
    if not score:
        return "", ""
    best = max(score, key=lambda k: (score[k], -first[k]))
    return shown[best]


def _received_from(pages: list[str], head: Area) -> Area | None:
    """The place whose own report a council's committee receives: its front page titles the report
    with another place's body, and the report's author is that body ("HALTON CHILDREN AND YOUNG PEOPLE
    SAFEGUARDING PARTNERSHIP / INDEPENDENT CHAIR'S ANNUAL REPORT 2024-25" and "Report author:
    Independent Chair, Halton ... Safeguarding Partnership" in a paper to Warrington's committee).
    Every figure of it is that place's (issue 7: a figure is its owner's). A paper that only quotes
    or compares another place, or that the other place's officer presents, stays its publisher's."""
    front = _joined(_front_lines(pages, _FRONT_LINES_OF_A_REPORT))
    for k, line in enumerate(front):
        if not _WRITER_LABEL.match(line):
            continue
        writers = {a.code: a for *_, a, _w, _s in mentions(line) if a is not None}
        if len(writers) != 1:
            return None
        other = next(iter(writers.values()))
        if other.code == head.code:
            return None
        titled = any(any(a is not None and a.code == other.code for *_, a, _w, _s in mentions(t))
                     and (_REPORT_TITLE.search(t) or (j + 1 < k and _REPORT_TITLE.search(front[j + 1])))
                     for j, t in enumerate(front[1:k], 1))
        return other if titled else None
    return None


# a body that publishes papers of its own and is no area: a health trust or commissioner, a police force
# (a line that is the name alone, as a letterhead is: "Police notifications numbered 4,880" is a sentence)
# the kinds of body that are no area, as its name ends (a letterhead in capitals too: "HAMPSHIRE AND ISLE OF
# WIGHT FIRE AND RESCUE AUTHORITY"): a front page's heading, and a report's title or author, name them
_NO_AREA_KINDS = (r"NHS(?: Foundation)? Trust|Integrated Care Board|Clinical Commissioning Group|Constabulary|"
                  r"(?i:(?:multi-)?academ(?:y|ies) trust|learning trust|schools trust|(?:national )?probation service)|"
                  r"Police(?: Service| Force)?|(?i:fire (?:and|&) rescue (?:service|authority)|fire authority)")
# (or a regional adoption agency, which several councils share, its kind first: "Adoption Cheshire and Merseyside",
# "Adopt South West", "One Adoption West Yorkshire"; not a council's own service: "Adoption Service Annual Report")
_ADOPTION_AGENCY = (r"(?:One\s+)?Adopt(?:ion)?(?:\s+(?!(?:Services?|Panels?|Teams?|Reports?|Annual|Agency|Support|Fund|"
                    r"Allowances?|Plans?|Orders?|Performance|Scorecard|Boards?|Update|Statistics|Data|Activity|Leave|"
                    r"Pay|Policy|Strategy|Sufficiency|and|to)\b)(?:[A-Z][\w'&-]*)(?:\s+(?:and|&|to)\s+[A-Z][\w'&-]*|"
                    r"\s+[A-Z][\w'&-]*){0,4})")
_NOT_AN_AREA_NAME = r"(?:The )?(?P<name>(?:[A-Z][\w'&-]*\s+){1,6}(?:" + _NO_AREA_KINDS + r")|" + _ADOPTION_AGENCY + r")"
_NOT_AN_AREA = re.compile(_NOT_AN_AREA_NAME + r"\W*")
# or that name, then what of it the paper is: "Kent Community Health NHS Foundation Trust - Board, 26 September 2024"
_NOT_AN_AREA_HEADING = re.compile(_NOT_AN_AREA_NAME + r"(?:\s*[:|]|\s+[-\u2013\u2014])\s+\S.*")
_FRONT_LINES = 6


def _front_lines(pages: list[str], n: int) -> list[str]:
    """The first `n` lines of a document's front page that hold anything, stripped."""
    return [ln.strip() for ln in pages[0].split("\n") if ln.strip()][:n]


# the label of a paper's author line: "Report of:", "Presented by:", "Officer/Member presenting:"
# (those who wrote it, then those who present it to the committee)
_WRITER_WORDS = r"report of|report authors?|authors?|report from|prepared by"
_AUTHOR_LABEL = rf"(?:{_WRITER_WORDS}|presented by|submitted by|(?:officer|member|officer/member) presenting)"
# the line naming who wrote a report (not who presents it to the committee)
_WRITER_LABEL = re.compile(rf"^(?:{_WRITER_WORDS}|written by)\s*:", re.I)
# ("Report of the Chief Fire Officer,", "Presented by      Head of Service,": a label set off by spaces, as a
# form's is; not a line with a bracket, which may stay open to the next)
_AUTHOR_LINE = re.compile(rf"^{_AUTHOR_LABEL}(?:\s*:|\s+the\b|\s{{2,}})[^()]*,$", re.I)


_FRONT_TEXT_LINES = 12
# a verb that a sentence has and a heading has not
_FINITE_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|(?-i:[a-z]{3,}ed)|ran|held|took|made|gave|spent|saw|met|led|"
                          r"kept|sent|began|grew|fell|rose|won|paid|brought|told|found|left|stood)\b", re.I)


# a field of a committee paper's front page, its label and colon set off by spaces from what it says ("Time:   10.00 am")
_FRONT_FIELD = re.compile(r"^[A-Z][A-Za-z /&'-]{1,30}:\s")


def front_text(pages: list[str]) -> str:
    """The front page's heading lines, one per line, up to its first line of prose or table: where a joint paper
    names each council that writes it ("Knowsley Council and St Helens Council - joint report"), so
    that each is a writer."""
    out = []
    for line in _front_lines(pages, _FRONT_TEXT_LINES) if pages else []:
        words = line.split()
        # (a sentence, short as it may be: "The Medway partnership delivered 74 courses in 2024-25.")
        prose = len(line) > 100 or (line.endswith((".", "?")) and (len(words) > 8 or (len(words) > 4 and _FINITE_VERB.search(line))))
        if prose or "|" in line or (re.search(r"\S {3,}\d", line) and not _FRONT_FIELD.match(line)):
            break  # (a heading names its writers; a table's head names its columns; "Time:    10.00 am" is neither)
        out.append(line)
    return "\n".join(out)


def _joined(lines: list[str]) -> list[str]:
    """Lines with an author's line that ends in a comma run on into the next ("Report of: Helen Marsh,
    Head of Public Protection," / "Mercia Vale Police (attending ...)")."""
    out: list[str] = []
    for line in lines:
        if out and _AUTHOR_LINE.match(out[-1]):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def document_owner(pages: list[str], area: str) -> str:
    """The body a document is the paper of, when that body is no area: the NHS trust, commissioner
    or police force whose name heads its front page, in a document that names no council or
    partnership ("Severnside Community Healthcare NHS Trust / Trust Board / Safeguarding annual
    report"). Its figures are that body's own (issue 7: a figure whose owner is not an area is
    dropped), however much they look like a council's ("Trust staff made 1,318 referrals to
    children's social care"). "" for every document with an area: a council's pack that quotes a
    trust is still the council's."""
    if not pages:
        return ""
    if area:
        # a council's committee may receive another body's own report: its title or its author says so
        # ("Report title: Estuary Hospitals NHS Foundation Trust - Safeguarding Children Annual Report",
        # "Report of: ..., Registered Services Director, Oakhaven Care Group")
        front = _joined(_front_lines(pages, _FRONT_LINES_OF_A_REPORT))
        # (or its letterhead is a body that is no area, whose name holds a place: "HAMPSHIRE AND ISLE OF WIGHT
        # FIRE AND RESCUE AUTHORITY")
        if front and (m := _NOT_AN_AREA.fullmatch(front[0]) or _NOT_AN_AREA_HEADING.fullmatch(front[0])):
            return m.group("name").strip()
        for k, line in enumerate(front):
            m = _TITLE_OF_ANOTHER.match(line) or _AUTHOR_OF_ANOTHER.match(line)
            if m:
                return m.group("name").strip()
            # (or the item's heading: the body's name on a line of its own, not the end of an address, its
            # report's title under it:
            # "TRENTSIDE UNIVERSITY HOSPITALS NHS FOUNDATION TRUST" / "SAFEGUARDING CHILDREN ANNUAL REPORT 2024/25")
            # (a heading in capitals read as a name: "NHS FOUNDATION TRUST" is "NHS Foundation Trust")
            named = line.title().replace("Nhs ", "NHS ") if line.isupper() else line
            if k and (m := _NOT_AN_AREA.fullmatch(named)) and not front[k - 1].endswith((",", ";")) \
                    and k + 1 < len(front) and ":" not in front[k + 1] and _REPORT_TITLE.search(front[k + 1]):
                return line[m.start("name"):m.end("name")].strip()
        return ""
    lines = _front_lines(pages, _FRONT_LINES)
    for k, line in enumerate(lines):
        # (the letterhead may go on to the unit of the body that writes: "Essex Police Public Protection Command")
        m = _NOT_AN_AREA.fullmatch(line) or (_NOT_AN_AREA_UNIT.fullmatch(line) or _NOT_AN_AREA_HEADING.fullmatch(line)
                                             if k == 0 else None)
        if m:
            return m.group("name").strip()
    # a paper with no area whose author is a body of none ("Report of: The Police and Crime Commissioner for
    # Cumbria", to a police and crime panel) is that body's, as in a council's pack
    for line in _front_lines(pages, _FRONT_LINES_OF_A_REPORT):
        if m := _AUTHOR_OF_ANOTHER.match(line):
            return m.group("name").strip()
    return ""


# (the name, then the unit's words: "Essex Police Public Protection Command")
_NOT_AN_AREA_UNIT = re.compile(_NOT_AN_AREA_NAME + r"(?:\s+[A-Z][\w'&-]*){1,4}\W*")


_BODY_NO_AREA = (r"(?P<name>"
                 # a commissioner, by office: "the Police and Crime Commissioner for Marlshire"
                 r"(?:the\s+)?Police(?:,\s+Fire)?\s+(?:and|&)\s+Crime\s+Commissioner(?:\s+for\s+(?-i:[A-Z])[\w'&-]*"
                 r"(?:\s+(?-i:[A-Z])[\w'&-]*){0,3})?"
                 r"|(?:(?:[A-Z][\w'&-]*|&)\s+){1,6}(?:" + _NO_AREA_KINDS + r"|(?-i:ICB|CCG)|Care Group|Care Ltd|"
                 r"(?-i:Ltd|Limited|plc|LLP)|"
                 # a charity that says so: "The Haven Project (registered charity)"
                 r"\((?:a\s+)?(?:registered\s+|national\s+|local\s+)?(?:children['’]s\s+)?charity\)))")
# the words that end a paper's title: "... safeguarding children annual report", "... improvement plan"
_REPORT_WORDS = r"(?:report|account|update|review|plan|strategy)"
_TITLE_OF_ANOTHER = re.compile(
    # (or the item's title alone, opening with the body: "MERCIA VALE POLICE: SAFEGUARDING CHILDREN ANNUAL REPORT")
    rf"(?:(?:report title|title(?: of (?:the )?report)?|subject(?: of (?:the )?report)?)\s*:\s*(?:[^-\u2013:]{{0,60}}[-\u2013]\s*)?|^(?=[^:]{{0,60}}:[^:]{{0,60}}"
    rf"\b(?:annual report|report|account|update|review)\b)|"
    # (or the body's own report as the item's title: "POLICE AND CRIME COMMISSIONER'S ANNUAL REPORT 2024/25")
    rf"^(?=[^:]{{0,80}}['\u2019]s\s+(?:[\w/-]+\s+){{0,3}}?(?:annual report|report|account|update|review|plan)\b)){_BODY_NO_AREA}"
    # (the body's name, then the paper's: "NHS Northshire ICB safeguarding children annual report 2023/24",
    # "Northshire Hospitals NHS Foundation Trust: Quality Account 2023/24")
    rf"\s*(?:[-\u2013:(,]|['\u2019]s\b|$|\s+(?=[\w ]{{0,40}}\b(?i:{_REPORT_WORDS})\b))",
    re.I)
# (the body straight after the colon, or after a name and a post: "Report of: West London NHS Trust (CAMHS) and ...")
_AUTHOR_OF_ANOTHER = re.compile(rf"{_AUTHOR_LABEL}\s*(?::\s*|(?=the\s)|(?<=\S)\s{{2,}})(?:[^:]*,\s*)?{_BODY_NO_AREA}"
                                rf"\s*(?:$|[(,]|\band\b)", re.I)
_FRONT_LINES_OF_A_REPORT = 16
_REPORT_TITLE = re.compile(rf"\b{_REPORT_WORDS}\b", re.I)  # (a title under a body's name)


# a front page about another service than children's: adults' safeguarding and care, housing,
# highways ... (the KPIs are children's services' and their safeguarding partnership's)
_OTHER_SERVICE = re.compile(
    r"\b(?:safeguarding adults|adults? safeguarding|adult social care|adults'? services|adult services|"
    r"adults and (?:communities|health|wellbeing)|homelessness|housing|rough sleeping|highways|waste|"
    r"libraries|leisure|licensing|planning applications?|"
    # a pension fund's committee or scheme: its contributions and budgets are the fund's and its employers'
    r"pension (?:fund|scheme)|pensions? (?:fund )?committee|"
    # a region's economy and what its combined authority funds
    r"regeneration|(?:regional |local )?econom(?:y|ic (?:update|development|growth|strategy|position|recovery))|"
    r"combined authority|integrated settlement|transport|"
    # the council's other services, whose papers count their own referrals, sessions and cases: "Planning Enforcement
    # Annual Report", "Polling District Review", "Street Lighting Replacement Programme", "Cemeteries and Crematorium"
    # (not the words a corporate paper's front holds whatever it is about: "Electoral divisions: All", "Revenue Budget
    # and Council Tax 2026/27", a corporate plan's climate or treasury appendix)
    r"planning enforcement|building control|elections|polling (?:districts?|places?|stations?)|"
    r"parks|green spaces|open spaces|cemeter(?:y|ies)|crematori(?:um|a)|"
    r"bereavement|markets? service|street lighting|allotments?|trading standards|environmental health|food (?:safety|"
    r"hygiene|law enforcement|service plan)|parking|grounds maintenance|public conveniences|tree (?:management|policy|"
    r"strategy)|asset management|fleet|registration service|coroners?|"
    r"museums?|archives|tourism|visitor economy|sports? development|active communities|air quality|"
    r"flood|members['’]? allowances|armed forces covenant|bus service)\b", re.I)
# the service of a paper whose front names none, nor children, nor anything a paper of the KPIs is
_OWN_SUBJECT = "the paper's own subject"
# the words of a front page whose paper may hold the KPIs: children's services' performance, a council's money, a
# partnership's report, an inspection, or a meeting's whole pack
_KPI_PAPER = re.compile(r"\b(?:performance|scorecards?|dashboards?|data ?packs?|datasets?|digests?|benchmark\w*|indicators?|"
                        r"(?-i:KPIs?)|budgets?|financ\w*|revenue|outturn|monitoring|spending|expenditure|(?-i:MTFS)|medium[- ]term|"
                        r"council plan|corporate plan|business plan|safeguarding|partnerships?|improvement|ofsted|inspections?|"
                        r"training|learning|minutes|a ?g ?e ?n ?d ?a|summons|statistics|quarter\w*|(?-i:Q[1-4])|year[- ]end|"
                        r"annual report|plan on a page|strategic plan|"
                        # a meeting's pack, by its first items ("A G E N D A" letter-spaced, "2 APOLOGIES")
                        r"apologies|declarations? of interests?|notice of (?:meeting|recording)|webcast|reports? pack)\b",
                        re.I)
# an audit committee's own paper: its actions are audit actions, whatever service they are about
_AUDIT = re.compile(r"\baudit (?:and (?:accounts|governance|risk) )?committee\b|"
                    r"\binternal audit (?:progress |annual |interim )?(?:report|plan|update|opinion)\b", re.I)
# a youth justice partnership's plan or board paper
_YOUTH_JUSTICE = re.compile(r"\byouth (?:justice|offending)(?: service)? (?:(?:action|annual|strategic|improvement) )?"
                            r"(?:plan|strategy|partnership|management board|board)\b", re.I)
# a designated officer's own report: "Local Authority Designated Officer (LADO) Annual Report 2023-24"
_LADO = re.compile(r"\b(?:(?-i:LADO)|(?:local authority )?designated officer)(?:['’]s)?\s+(?:\(LADO\)\s+)?(?:annual |service |"
                   r"half[- ]year(?:ly)? |mid[- ]year )?(?:report|review|update)\b|\ballegations against (?:staff|adults|"
                   r"people who work with children)[^\n]{0,30}\b(?:annual )?(?:report|review)\b", re.I)
# a paper about children out of school: its referrals are to the education service's team, not to
# children's social care ("Children Missing Education - Annual Report", "Elective Home Education update")
_OUT_OF_SCHOOL = re.compile(r"\bchildren missing (?:from )?education\b|\belective(?:ly)? home[- ]education\b|"
                            r"\bhome[- ]educat(?:ed|ion) children\b", re.I)
# the lines of a front page that name who wrote or leads a paper, not what it is about
_OFFICER_LINE = re.compile(r"^\W*(?:report (?:of|from|by|author)|author|from|director|lead (?:officer|member)|contact|"
                           r"portfolio|cabinet member|executive member|responsible officer|officer|head of|prepared by)\b",
                           re.I)
# words that put children in a text: their services, their partnership, their care
CHILDREN = re.compile(
    r"\b(?:child|children|childrens|children's|young (?:people|persons?)|youth|CYP|CP|CPP|LAC|CLA|CIN|looked[- ]after|"
    r"care leavers?|in care|foster\w*|adopt(?:ion|ions|ers?|ees?|ive)|adopted (?:child(?:ren)?|young)|famil(?:y|ies)|pupils?|schools?|SEND|corporate parent\w*|MASH|"
    r"early help|LSCP|SCP|LSCB|safeguarding (?:children )?partnership|under[- ]18s?)\b", re.I)
_FRONT_PAGE_LINES = 15


def document_service(pages: list[str]) -> str:
    """The other service than children's a document is about, when its front page names one and no
    children ("City of York Safeguarding Adults Board - Annual Report", "Homelessness and rough
    sleeping: mid-year update" to an Adults and Communities committee): its budgets, training,
    referrals and plans are that service's, not the children's measures of the same name. So is a
    paper of two pages or more whose front names nothing a paper of the KPIs is (no performance,
    budget, safeguarding, partnership or inspection words, no meeting's agenda): its own subject.
    The services it names, joined by "; "; "" for every other document."""
    if not pages:
        return ""
    front = "\n".join(ln for ln in _front_lines(pages, _FRONT_PAGE_LINES) if not _OFFICER_LINE.match(ln))
    if _AUDIT.search(front):
        return "internal audit"
    if _YOUTH_JUSTICE.search(front):
        return "youth justice"  # its staff's training is the service's own, not the partnership's
    if _LADO.search(front):
        return "LADO"  # its referrals are allegations about adults, not referrals to children's social care
    if _OUT_OF_SCHOOL.search(front):
        return "children out of school"  # its referrals go to the education service's team
    if CHILDREN.search(front):
        return ""
    named = "; ".join(dict.fromkeys(m.group(0).lower() for m in _OTHER_SERVICE.finditer(front)))
    if named or len(pages) < 2 or _KPI_PAPER.search(front) or not front.strip():
        return named  # (a one-page text's front is its body: what it counts may name no children)
    # a front that names no children and nothing a paper of the KPIs is ("Dog Control Public Spaces Protection Order:
    # consultation outcome", "World Heritage Site update"): its figures are what it is about
    return _OWN_SUBJECT


def _parts(joint: str) -> list[str]:
    """The places a joint name covers: "Kingsford and Dunmere" -> Kingsford, Dunmere."""
    return [p.strip() for p in re.split(r",| and | & ", joint) if p.strip()]


def a_part_of_the_area(name: str, code: str) -> bool:
    """Whether the council `name` lies inside the paper's area (`code`), so that its row or column is a
    part of the area's figure, no neighbour's: a district council (ONS code E07) of a county council
    (E10), whose children's services cover its districts ("Basildon | 131 | 33.6" in Essex's paper), or
    a former council the area's council replaced, whose name is now a locality's ("Carlisle | Allerdale |
    Copeland | Cumberland" in Cumberland's paper: the gazetteer's `replaced_by`, when it names the area alone)."""
    place, writer = gazetteer().lookup(name), gazetteer().get(code) if code else None
    if place is None or writer is None:
        return False
    return (place.code.startswith("E07") and writer.code.startswith("E10")) \
        or _replaced_by_the_area(place, writer.code)


def _replaced_by_the_area(place, code: str) -> bool:
    """Whether `place` is a former council wholly replaced by the council of `code` (Carlisle by
    Cumberland; not Cumbria, split between Cumberland and Westmorland and Furness)."""
    return not place.current and place.replaced_by.split() == [code]


def figure_area(subject: str, pattern: str, area: str, code: str, counted: bool = False,
                place: str = "") -> tuple[str, str]:
    """(area, area_code) of one figure: the document's, unless a table column names the place
    the figure is for (spec/output.md: the area the figure is FOR). A column headed with a UK
    council ("Medway" beside "Kent") makes the figure that council's; a column headed with one of
    the places of a joint partnership ("Kingsford" in a Kingsford and Dunmere report) makes it
    that place's. `subject` keeps the column's name either way (spec/kpis.md), but for the one place of a
    table that is the paper's own (`resolve_page`). A count or rate (`counted`, no sum of money: a
    partner's contribution names its payer, not its owner) whose subject is a council and nothing else is
    that council's ("In Bedford, 163 children were on plans" in a joint report of Bedford and Central
    Bedfordshire). `place` is the code of the joint paper's other writer that the figure's own clause
    names (roles.py): a figure the rules above leave as the document's is that place's ("In
    Stoke-on-Trent the number of children on a plan fell ... to 498")."""
    found = _subject_area(subject, pattern, area, code, counted)
    if place and found[1] == code and (other := gazetteer().by_code.get(place)) is not None:
        return other.name, other.code
    return found


def _subject_area(subject: str, pattern: str, area: str, code: str, counted: bool) -> tuple[str, str]:
    if not subject or a_part_of_the_area(subject, code):
        return area, code  # (a district's part of its county's figure is the county's: `subject` names it)
    found = gazetteer().lookup(subject)
    if not pattern.endswith(("/table-area", "/table-one-area")):
        return (found.name, found.code) if counted and found is not None and found.code != code else (area, code)
    if found is not None:
        return found.name, found.code
    if not code and key(subject) in {key(p) for p in _parts(area)} and len(_parts(area)) > 1:
        return subject.strip(), ""
    return area, code


# others' figures taken together, as a table's caption or a list's heading says: "(median of the eight West
# Midlands partnerships)", "average across all shire counties"
OTHERS_TOGETHER = re.compile(r"\b(?:median|average|mean)\s+(?:figures?\s+)?(?:of|across|for)\s+(?:the\s+|all\s+)?"
                             r"(?:[\w-]+\s+){0,3}?(?:partnerships|councils|authorities|LAs|areas|boards|neighbours|counties)\b",
                             re.I)


# where a clause opens: a sentence's start, or a conjunction or "that" before its subject
_OPENING_WORDS = r"while|whereas|but|and|that"
_CLAUSE_OPENS = rf"(?:^|[.;:]\s+|\b(?:{_OPENING_WORDS})\s+)"
# a place's name as a clause's subject: "Manchester", "Stoke on Trent", "Newcastle upon Tyne"
_PLACE_NAME = r"(?P<name>(?-i:[A-Z][\w-]+(?:\s+(?:upon\s+|on\s+)?[A-Z][\w-]+){0,3}))"

# "Nottingham City Council, with which we share the fostering framework, looked after 721 children":
# a council named as the doer of the clause before a figure
_COUNCIL_SUBJECT = re.compile(_CLAUSE_OPENS + r"(?:the\s+)?(?P<name>(?-i:[A-Z][\w'-]+(?:\s+(?:and\s+)?"
                              r"[A-Z][\w'-]+){0,3}))\s+(?:(?-i:City|County|Borough|District|Metropolitan Borough)\s+)?"
                              r"(?-i:Council)\b(?P<rest>[^.;]*)$")


# a place's own figure, named in the possessive: "For comparison, Lancashire's rate of children looked after was"
_PLACES_OWN = re.compile(rf"(?:^|[,.;:(]\s*|\b(?:{_OPENING_WORDS})\s+)" + r"(?P<name>(?-i:[A-Z][\w-]+(?:\s+(?:with\s+|and\s+|upon\s+|"
                         r"on\s+)?[A-Z][\w-]+){0,3}))['’]s\s+[^.;,()]*$")


# a place with what it is in apposition, then its verb: "Southend-on-Sea, a separate unitary with its own
# partnership, reports 240 children who became subject to a plan"
_PLACE_APPOSED = re.compile(r"(?:^|[.;:]\s+|\b(?:areas?|neighbours?|neighbouring)\s+)(?P<name>(?-i:[A-Z][\w-]+(?:[\s-]+(?:on|upon|"
                            r"under|le|with|and)?[\s-]*[A-Z][\w-]+){0,3})),\s+(?:a|an|the|our|its)\s+[^,;.]{3,60},\s+"
                            r"(?:reports?|reported|had|has|recorded|records|saw|sees|ran|runs|delivered|looked after|looks after)\b[^.;]*$")


# a place as the subject of looking after or caring for: "She noted that Manchester was looking after
# more than 1,300 children and Wirral about 800"
_PLACE_LOOKS_AFTER = re.compile(_CLAUSE_OPENS + _PLACE_NAME + r"\s+(?:was|were|is|are|had been|has been|now)?\s*(?:\w+\s+)?"
                                r"(?:looking after|looked after|looks after|caring for|cared for|cares for)\b[^.;]*$")


# a place as the subject of a clause's verb of counting or having: "Members noted that Salford had around 330
# children on plans", "the Director said Trafford reported 387" (the place the gazetteer knows; a word that
# names no council, "Members had", is no place). The last such subject before the figure is its owner:
# "Bradford had 640 children on plans, while Leeds had 702"
_PLACE_DOES = re.compile(rf"(?:^|[.;:]\s+|\b(?:{_OPENING_WORDS}|said|noted|added|explained|confirmed)\s+)" + _PLACE_NAME + r"\s+"
                         r"(?:(?:also|then|now|still|itself|only)\s+)?"
                         r"(?:had|has|have|had reported|has reported|reported|reports|recorded|records|counted|counts|saw|sees|"
                         r"registered|registers|received|receives|supported|supports|held|holds|ran|runs|trained|trains|"
                         r"delivered|delivers|stood at|stands at)\b")


def last_match(rx: re.Pattern, text: str) -> re.Match | None:
    """The last of `rx`'s matches in `text` (as `finditer` finds them), or None: the words nearest a
    figure decide whose it is."""
    found = None
    for found in rx.finditer(text):
        pass
    return found


def _last_place_doing(before: str) -> re.Match | None:
    """The last place-and-verb of the clause that ends at the figure (none past a full stop or semicolon)."""
    found = last_match(_PLACE_DOES, before)
    return found if found is not None and not re.search(r"[.;]", before[found.end():]) else None


# a named place's own partnership or board, in the possessive: "Bedford Borough's partnership"
_PLACES_BODY = re.compile(r"(?P<name>(?-i:[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,3}))['’]s\s+(?:(?:safeguarding|local)\s+)?"
                          r"(?:children(?:'s)?\s+)?(?:safeguarding\s+)?(?:partnership|board|LSCB|SCP)\b")
# the writer speaking of itself
FIRST_PERSON = re.compile(r"\b(?:we|our|ours|us|ourselves)\b", re.I)


def another_place(name: str, code: str) -> str:
    """The gazetteer's name for `name` when it is a UK place other than the document's (`code`), else ""."""
    found = gazetteer().lookup(name)
    # (a former council the document's replaced is one of its localities now: "Copeland" in Cumberland's paper)
    return found.name if found is not None and found.code != code and not _replaced_by_the_area(found, code) else ""


def a_named_places_body(before: str, code: str, area: str = "") -> str:
    """Another place than the document's (`code`, "" when it has none; `area`, its name) whose
    partnership or board a clause names in the possessive while the writer speaks of their own as
    "our" or "we" ("Bedford Borough's partnership, which shares our independent scrutineer, has a
    budget of"): that place's figure. A name the gazetteer does not know is another's too unless it
    is the writer's own, for the writer who says "us" is not the partnership it names."""
    m = _PLACES_BODY.search(before)
    if m is None or not FIRST_PERSON.search(before, m.end()):
        return ""
    name = m.group("name")
    return another_place(name, code) if gazetteer().lookup(name) is not None else others_name(name, area)


# the words that name a place's body after the place: "Medway Safeguarding Children Partnership"
_BODY_OF_A_PLACE = re.compile(r"\s+(?:Safeguarding|Children(?:['’]s)?|Partnership|Board)\b.*$")
# the writer's own figure set against the place's after it: "..., while ours was 47", "... than our 38"
# (or a share or a multiple of ours: "... budget of £398,450 is about a third of ours", "twice ours")
_OURS_AFTER = re.compile(r"[^.;]*?\b(?:while|whilst|whereas|but|against|than|above|below|compared (?:with|to)|"
                         r"(?:a|one|two)\s+(?:half|thirds?|quarters?|fifth|tenth)\s+of|half\s+(?:of\s+)?|twice|double|"
                         r"(?:two|three|four|\d+)\s+times)\s+(?:ours\b|our own\b|we\b|"
                         r"our (?!(?:statistical |nearest |closest |comparator |similar )?(?:neighbours?|comparators?|"
                         r"region|peers|family|group)\b))", re.I)


def a_place_against_ours(before: str, after: str, code: str) -> str:
    """Another UK place than the document's whose own figure a clause gives in the possessive
    while the sentence sets the writer's own against it ("Salford's child protection rate stands
    at 55 per 10,000, while ours was 47"): that place's figure, even in a paper of no one council."""
    m = _PLACES_OWN.search(before.rstrip(", "))  # (the figure may stand in apposition: "Luton's rate, 71 per 10,000,")
    if m is None or not _OURS_AFTER.match(after):
        return ""
    # (or the place's partnership or board: "Medway Safeguarding Children Partnership's 2024-25 budget")
    return another_place(m.group("name"), code) or another_place(_BODY_OF_A_PLACE.sub("", m.group("name")), code)


# a place's own figure set, after a contrast, against the writer's figure before it: "The directorate has a net
# budget of £214.6m, while Nottingham City's children's budget is £96.1m", "... compared with Rotherham's 61.2"
_PLACES_AFTER_OURS = re.compile(r"\d[^.;]*?\b(?:while|whilst|whereas|but|against|compared (?:with|to))\s+(?:that of\s+)?"
                                r"(?P<name>(?-i:[A-Z][\w-]+(?:\s+(?:upon\s+|on\s+)?[A-Z][\w-]+){0,3}))['’]s?\s+"
                                r"(?:[^.;\d]{0,60}?\s)?(?:£\s?)?$", re.I)


def a_place_after_ours(before: str, code: str) -> str:
    """Another UK place than the document's whose figure a clause of contrast sets after the writer's
    own figure ("..., while Nottingham City's children's budget is £96.1m"): that place's, a comparator,
    even in a paper of no one council."""
    m = _PLACES_AFTER_OURS.search(before)
    return another_place(m.group("name"), code) if m is not None else ""


def _matches(rx: re.Pattern, text: str) -> list[re.Match]:
    """Every match of `rx` in `text`, overlapping ones too (a pattern that runs to the end matches once
    in `finditer`)."""
    found, m = [], rx.search(text)
    while m is not None:
        found.append(m)
        m = rx.search(text, m.start() + 1)
    return found


def another_councils(before: str, code: str) -> str:
    """The name of another UK council the clause before a figure is about ("Nottingham City Council
    ... looked after 721 children" in a Nottinghamshire paper), or "": its figure is that council's,
    not the reporting body's own (spec/kpis.md, "Whose figure it is")."""
    if not code:
        return ""  # a document of no one council (a joint partnership, an invented place): no other
    # the place named nearest the figure: "Kent County Council - Cabinet Committee. Members were told that
    # Medway's children in care numbered 432" is Medway's
    found = [m for rx in (_COUNCIL_SUBJECT, _PLACES_OWN, _PLACE_APPOSED, _PLACE_LOOKS_AFTER) for m in _matches(rx, before)]
    last = _last_place_doing(before)
    for m in sorted(found + ([last] if last is not None else []), key=lambda m: -m.start("name")):
        place = gazetteer().lookup(m.group("name"))
        if place is not None:  # (not "Hove City Council" inside "Brighton and Hove City Council")
            # (nor a former council the document's replaced: "Poole" ending "Bournemouth, Christchurch and Poole")
            return place.name if place.code != code and not _replaced_by_the_area(place, code) else ""
    return ""


# a proper name in the possessive, the owner of what follows it: "Medway's children in care", "Safe Steps'
# income", "the NSPCC's programme" (its words capitalised; "of", "and", "for" may join them)
_NAME_WORDS = r"(?-i:[A-Z][\w&-]*)(?:\s+(?:(?:of|and|for|the|&)\s+)?(?-i:[A-Z][\w&-]*)){0,5}"
_NAMED_POSSESSIVE = re.compile(rf"(?<![\w'’-])(?P<name>{_NAME_WORDS})(?:['’]s|(?<=s)['’])(?=\s)")
# the words of a name that is the writer's or no body's: "the Council's budget", "the Partnership's courses",
# "Children's Services'", "the Director's report", "Ofsted's letter", "England's rate", "March's figure"
NO_OWNER_WORDS = frozenset((
    "the our this its their a an full council county city borough district metropolitan unitary partnership partnerships "
    "board boards authority service services department directorate cabinet committee panel executive group "
    "safeguarding children child childrens local social care corporate parenting scrutiny overview members member "
    "chair chairman chairs director directors cllr councillor councillors mayor leader officer officers head manager "
    "lead leads mr mrs ms miss dr sir dame lord lady lscp scp lscb scb cscp mash mach csc spa la ofsted england english "
    "wales uk britain government dfe nation national region year quarter q1 q2 q3 q4 today christmas easter "
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday annual report plan strategy programme of and for "
    "young people adult adults partner partners hub multi agency youth justice early help improvement family families "
    "team unit front door education learning development").split())
# a name that is a body's whatever place it is in: "The NSPCC's", "the ICB's", "Street Spirit Trust's"
_BODY_NAME = re.compile(r"^(?-i:[A-Z]{2,6})$|\b(?:police|constabulary|nhs|ccg|icb|health|hospital|trust|foundation|"
                        r"university|college|school|academy|probation|court|prison|commissioner|ltd|limited|charity|adopt|adoption|"
                        r"association|network|forum|society|church|diocese)\b", re.I)
# another owner after the name ("..., the partnership's own budget"); not the people a service is for, whose
# possessive names the service ("Medway's children's services budget", "carers' allowances")
_ANY_POSSESSIVE = re.compile(r"(?<![\w'’-])(?!(?:children|young people|people|women|men|girls|boys|parents|carers|families|"
                             r"adults|pupils|students|learners)['’])[\w-]+(?:['’]s|(?<=s)['’])(?=\s)", re.I)
_THE = re.compile(r"\b(?:the|The|in|In|at|At|on|On|by|By|from|From|for|For)\s+(?!(?:and|of|for|&)\b)")
_PERSON_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Cllr|Councillor|Professor|Prof)\.?\s+$")


def a_named_owner(before: str, area: str) -> str:
    """The proper name that owns, in the possessive, the phrase the figure ends ("Medway's children
    in care numbered 432", "Safe Steps' income in 2023-24 was", "The NSPCC's programme has a budget of"),
    when that name is neither the writer's own (the document's `area`, or a word the writer calls
    itself: "the Council's budget") nor a person's or a date's, and the writer does not speak of
    itself after it ("Unlike Medway's, our rate fell"); else "". A body's own figures are written as
    "our" or "the council's": a named owner is someone else."""
    found = last_match(_NAMED_POSSESSIVE, before)
    if found is None or FIRST_PERSON.search(before, found.end()) or _PERSON_TITLE.search(before, 0, found.start()) \
            or _ANY_POSSESSIVE.search(before, found.end()):  # "..., the partnership's own budget was"
        return ""
    name = others_name(found.group("name"), area)
    if not name:
        return ""
    if not area:  # a paper that does not name its writer: a place in it may be the writer's own ("Luton's rate")
        return name if _BODY_NAME.search(" ".join(w for w in name.split() if w.lower() not in NO_OWNER_WORDS)) else ""
    return name


def others_name(phrase: str, area: str) -> str:
    """The proper name a capitalised phrase ends with ("In September the Partnership" -> "Partnership"),
    or "" when it is the writer's own (a word of the document's `area`, or one the writer calls itself:
    "the Council") or no body's (a person's, a date's)."""
    name = _THE.split(phrase)[-1]
    words = key(name).split()
    if not words or _PERSON_TITLE.match(name.split()[0] + " ") or all(w in NO_OWNER_WORDS for w in words) \
            or (set(key(area).split()) - NO_OWNER_WORDS) & set(words) or _own_partnerships_initials(name, area):
        return ""
    return name


# a safeguarding partnership's or board's initials: "BSCP", "SSCP", "KRSCP", "LSCB"
_PARTNERSHIP_INITIALS = re.compile(r"([A-Z]{1,4})(?:SCP|SCB|SCPB)")


def _own_partnerships_initials(name: str, area: str) -> bool:
    """Whether `name` is the initials of a safeguarding partnership or board whose first letter is the
    writer's place's ("the BSCP's budget" in Birmingham's paper, or in a text that names no place): the
    writer's own partnership, as "the Partnership's" is."""
    m = _PARTNERSHIP_INITIALS.fullmatch(name.strip())
    return m is not None and (not area or m.group(1)[0] == area.strip()[:1].upper())


# a name the writer sets beside itself: "We benchmarked ourselves against Felsham", "Redwater's director
# shared their data with us"
_NAME_BESIDE_US = re.compile(rf"(?:\b(?:against|with|from|to|at|visited|and)\s+(?:the\s+)?|(?<![\w'’-]))(?P<name>{_NAME_WORDS})"
                             r"(?:['’]s|(?<=s)['’])?(?=[\s.,;:])")


def another_beside_us(sentence: str, area: str) -> str:
    """A body the sentence names beside the writer, who speaks of itself as "we" or "us" ("We
    benchmarked ourselves against Felsham."): the "it" or "they" of the next sentence is that body,
    for the writer is "we"."""
    if not FIRST_PERSON.search(sentence):
        return ""
    for m in _NAME_BESIDE_US.finditer(sentence):
        if m.start() == 0 and not re.match(r"\S+(?:['’]s|s['’])", sentence):
            continue  # (a sentence's first word is capitalised whatever it is, unless it owns)
        name = others_name(m.group("name"), area)
        if name and not FIRST_PERSON.fullmatch(name):
            return name
    return ""


# a body that hosts a service for others: "The panel is hosted by Westbridge on behalf of the three
# partnerships", "a shared service that Harbury Borough Council hosts and manages"
_HOST = re.compile(rf"\bhosted\s+(?:and\s+(?:managed|run)\s+)?by\s+(?:the\s+)?(?P<name>{_NAME_WORDS})|"
                   rf"(?<![\w'’-])(?P<host>{_NAME_WORDS})\s+hosts\b")


def a_host(before: str, area: str) -> str:
    """The body named as the host of what the sentence is about, when it is not the writer ("The
    youth justice service is hosted by Calder Vale Council on behalf of both authorities; its pooled
    budget is £2.1m"): a hosted service's figures are its host's, not each member's."""
    for m in _HOST.finditer(before):
        name = others_name(m.group("name") or m.group("host"), area)
        if name:
            return name
    return ""
