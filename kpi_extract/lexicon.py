"""The KPI lexicon: the words councils use for each KPI, as data beside its patterns.

Councils name the same figure in many ways ("children looked after", "LAC", "children we care
for") and join it to its figure with a handful of constructions ("1,190 children we care for",
"funding for 2022-23 came to £611,000"). Writing one regex per phrasing does not scale, and a
user cannot be asked to write regexes to add a synonym. So each KPI lists its words in
`[kpi.lexicon]`, the words every KPI shares (verbs of amount, completion words...) sit in a
top-level `[lexicon]` table, and `matchers/lexicon.py` applies general constructions to them.
This module reads and checks that data; a mistake is reported as `file:line: ...`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

# per KPI: what each key of [kpi.lexicon] holds
ENTRY_KEYS = {
    "terms": "noun phrases and synonyms, any case (\"children we care for\")",
    "abbreviations": "abbreviations, matched in this exact case (\"CLA\", \"CiC\")",
    "verbs": "verbs whose object is the KPI's figure, then the counted nouns (\"care for\" 287 children)",
    "context": "words of which one must be in the sentence or the one before (\"plan\" for \"actions\")",
    "lists": "the KPI of each item of an inline list these terms lead (\"Partners contributed: Police £45,000, ...\")",
    "owners": "who a figure may belong to, named before the term (\"the police contribution\"); one is then required",
    "share": "the percent KPI that \"69 per cent of the 2,050 <terms>\" gives",
    "completed": "the KPI of \"N were complete\" after these terms",
    "completed_share": "the percent KPI of the \"(80%)\" after \"N were complete\"",
}
_LINKS = ("share", "completed", "completed_share", "lists")
# shared by every KPI: what each key of the top-level [lexicon] holds
SHARED_KEYS = {
    "amount_verbs": "verbs joining a noun phrase to its figure (\"came to\", \"stood at\")",
    "completion": "words saying an action is done (\"complete\", \"signed off\")",
    "between": "words that may stand between a figure and its noun phrase (\"are\", \"currently\", \"on\")",
    "further": "words that add another figure of the same KPI (\"a further\", \"an additional\")",
    "rate_words": "nouns of a rate written without its unit (\"rate\")",
    "definitions": "verbs with which a document defines its own term (\"we say\", \"we call\")",
}


@dataclass
class KpiLexicon:
    terms: list[str] = field(default_factory=list)
    abbreviations: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    verbs: list[str] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)
    lists: str = ""
    share: str = ""
    completed: str = ""
    completed_share: str = ""

    def links(self) -> list[str]:
        return [k for k in (self.share, self.completed, self.completed_share, self.lists) if k]


@dataclass
class SharedWords:
    amount_verbs: list[str] = field(default_factory=list)
    completion: list[str] = field(default_factory=list)
    between: list[str] = field(default_factory=list)
    further: list[str] = field(default_factory=list)
    rate_words: list[str] = field(default_factory=list)
    definitions: list[str] = field(default_factory=list)

    def merge(self, other: "SharedWords") -> None:
        """Several files may add words: the lists are joined, keeping the first spelling."""
        for key in SHARED_KEYS:
            mine = getattr(self, key)
            mine += [w for w in getattr(other, key) if w not in mine]


def _words(value: object) -> list[str] | None:
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        return [" ".join(v.split()) for v in value]
    return None


def read_entry(raw: object, kid: str, where, problems: list[str]) -> KpiLexicon | None:
    """A KPI's `[kpi.lexicon]` table; `where(key)` gives `file:line` of a key."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        problems.append(f"{where('lexicon')}: `lexicon` must be a table ([kpi.lexicon]) in kpi {kid}")
        return None
    lex = KpiLexicon()
    for key, value in raw.items():
        if key not in ENTRY_KEYS:
            problems.append(f"{where(key)}: unknown key `{key}` in the lexicon of kpi {kid} "
                            f"(known: {', '.join(sorted(ENTRY_KEYS))})")
        elif key in ("terms", "abbreviations", "context", "owners", "verbs"):
            words = _words(value)
            if words is None:
                problems.append(f"{where(key)}: lexicon `{key}` of kpi {kid} must be a list of non-empty "
                                f"texts ({ENTRY_KEYS[key]})")
            else:
                setattr(lex, key, words)
        elif not isinstance(value, str) or not value:
            problems.append(f"{where(key)}: lexicon `{key}` of kpi {kid} must be a KPI id ({ENTRY_KEYS[key]})")
        else:
            setattr(lex, key, value)
    for abbr in lex.abbreviations:
        if len(abbr) < 2 or " " in abbr:
            problems.append(f"{where('abbreviations')}: abbreviation {abbr!r} of kpi {kid} must be one word of "
                            f"two or more letters (put phrases in `terms`)")
    return lex


def read_shared(raw: object, where, problems: list[str]) -> SharedWords:
    """A file's top-level `[lexicon]` table of words every KPI shares."""
    words = SharedWords()
    if not isinstance(raw, dict):
        problems.append(f"{where('lexicon')}: top-level `lexicon` must be a table of word lists "
                        f"(known: {', '.join(sorted(SHARED_KEYS))})")
        return words
    for key, value in raw.items():
        if key not in SHARED_KEYS:
            problems.append(f"{where(key)}: unknown key `{key}` in [lexicon] (known: {', '.join(sorted(SHARED_KEYS))})")
            continue
        found = _words(value)
        if found is None:
            problems.append(f"{where(key)}: [lexicon] `{key}` must be a list of non-empty texts ({SHARED_KEYS[key]})")
        else:
            setattr(words, key, found)
    return words


def check_links(entries: dict, problems: list[str]) -> None:
    """Every KPI a lexicon names exists, and no term belongs to two KPIs (a term must say which
    figure it is; a shared one would make the constructions guess)."""
    owner: dict[str, str] = {}
    for e in entries.values():
        lex: KpiLexicon | None = getattr(e, "lexicon", None)
        if lex is None:
            continue
        for target in lex.links():
            if target not in entries:
                problems.append(f"{e.source}:{e.line}: the lexicon of kpi {e.id} refers to unknown kpi {target!r}")
        for term in lex.terms:
            key = normal(term)
            if key in owner and owner[key] != e.id:
                problems.append(f"{e.source}:{e.line}: lexicon term {term!r} of kpi {e.id} is already a term of kpi "
                                f"{owner[key]}: a term names one KPI")
            owner.setdefault(key, e.id)


def normal(term: str) -> str:
    """How a term is compared: lower case, hyphens and runs of spaces as one space."""
    return " ".join(term.lower().replace("-", " ").split())


# what a count is broken down by ("Referrals by source: ...", "Table 1: Children in care by placement
# type"): the general constructions (matchers/lexicon.py) and table captions (matchers/table.py) share it
# what a population is broken down by: "Children in care by placement type", a table's "Locality" column
DIMENSIONS = (r"(?:age|age group|age band|locality|localities|area|district|quadrant|team|ward|source|"
              r"referral source|sector|agency|partner|legal status|placement type|placement|category|primary need|"
              r"need|ethnicity|gender|sex|type)")
BREAKDOWN_BY = r"\bby\s+" + DIMENSIONS + r"\b"
