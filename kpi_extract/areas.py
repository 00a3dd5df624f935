"""Local authority names to one common name and ONS GSS code, from the bundled gazetteer.

Reports name their council in many ways ("Kent County Council", "KCC's area", "Royal Borough of
Windsor and Maidenhead", "Bristol, City of", "City of York Council"), and a series must join
them: `area_code` is the key, `area` the common name. The gazetteer (data/gazetteer.csv, built by
scripts/build_gazetteer.py from ONS codes) lists current and former councils with their aliases.

Lookup is careful, because a wrong area is worse than none:
- a name is reduced to a key (case, punctuation, "&", "The", and the council-type words such as
  "County Council", "London Borough of", ", City of" taken off) and looked up exactly, first with
  the council-type words kept (so "Somerset County Council" is the former county and "Somerset"
  the current unitary), then without;
- only then a near miss (one typed letter wrong, missing, extra or swapped: "Birmingam",
  "Norflok") of a key of at least six letters, and only when exactly one authority is that close: "Kent Police",
  "Children's Services" or "North Eastshire" never become a council;
- a region or nation ("London", "England", "North East") is never an authority, even where one
  council's name is built on it ("City of London").
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rapidfuzz.distance import OSA
from rapidfuzz import process

_TYPE_WORDS = re.compile(
    r"\b(?:metropolitan borough council|metropolitan district council|county borough council|"
    r"borough council|city council|county council|district council|city and county council|unitary authority|"
    r"council|ua|mbc|mdc|cc|bc|dc)$")
_KIND_AT_END = re.compile(r" (?:borough|city|county|district)$")
_PREFIX = re.compile(r"^(?:(?:the )?(?:london borough of|royal borough of|city and county of|city of|county of|"
                     r"borough of|metropolitan borough of|borough council of|council of the city of)) ")
_SUFFIX = re.compile(r", (?:city of|county of|the)$")
# places that are never one council's area, whatever council names are built on them
_NOT_AREAS = {"london", "england", "wales", "scotland", "northern ireland", "uk", "united kingdom", "great britain",
              "north east", "north west", "south east", "south west", "east midlands", "west midlands", "east",
              "yorkshire", "yorkshire and the humber", "east of england", "inner london", "outer london"}
# words that make a phrase another body or a service, never a council's name however close
_OTHER_BODY = re.compile(
    r"\b(?:police|constabulary|fire|rescue|nhs|ccg|icb|health|hospital|trust|foundation|university|college|school|"
    r"academy|services?|children'?s?|adults?|social|care|team|department|directorate|probation|court|prison|"
    r"partnership|board|commissioner|group|ltd|limited|plc|charity|association|network|forum|region|regional|"
    r"national|england average|statistical)\b", re.I)


@dataclass(frozen=True)
class Area:
    """One local authority of the gazetteer."""

    code: str
    name: str
    kind: str
    end_date: str = ""
    replaced_by: str = ""

    @property
    def current(self) -> bool:
        return not self.end_date


_POSSESSIVE = re.compile(r"(?<=\w)'s\b")
_DASH_OR_SLASH = re.compile(r"[-\u2013/]")
_NOT_A_NAME_CHAR = re.compile(r"[^\w, ]")
_LEADING_THE = re.compile(r"^the ")
_ST = re.compile(r"\bst\b")


def key(name: str) -> str:
    """A name reduced for comparison: lower case, `&` as `and`, punctuation and "the" gone."""
    k = name.lower().replace("&", " and ").replace("\u2019", "'")
    k = _POSSESSIVE.sub("", k)
    k = _DASH_OR_SLASH.sub(" ", k)
    k = _NOT_A_NAME_CHAR.sub(" ", k)
    k = " ".join(k.split()).strip(" ,")
    k = _LEADING_THE.sub("", k)
    k = _ST.sub("saint", k)
    return k


def bare(k: str) -> str:
    """A key without the council-type words: "london borough of tower hamlets" -> "tower hamlets"."""
    prev = None
    while prev != k:
        prev = k
        k = _SUFFIX.sub("", k)
        k = _PREFIX.sub("", k)
        k = _TYPE_WORDS.sub("", k).strip(" ,")
    return k


def _common_name(name: str, aliases: list[str]) -> str:
    """mySociety's name for Bristol is "City of Bristol", where ONS writes "Bristol, City of": the
    common name is the place, "Bristol" (spec: `area` is the common name). Only a name built so on
    the ONS form changes; "City of London" is the place's own name."""
    for alias in aliases:
        m = re.fullmatch(r"(.+), (City|County) of", alias.strip())
        if m and name == f"{m.group(2)} of {m.group(1)}":
            return m.group(1)
    # (a name given as the council's, "Dorset Council", whose place is among its aliases: "Dorset")
    if name.endswith(" Council") and name[:-len(" Council")] in aliases:
        return name[:-len(" Council")]
    return name


class Gazetteer:
    """Exact and near-miss lookups over the bundled list of authorities."""

    def __init__(self, rows: list[dict[str, str]]):
        self.by_code: dict[str, Area] = {}
        self._full: dict[str, set[str]] = {}
        self._bare: dict[str, set[str]] = {}
        for r in rows:
            aliases = [x for x in r.get("aliases", "").split("|") if x]
            a = Area(r["code"], _common_name(r["name"], aliases), r["kind"], r.get("end_date", ""), r.get("replaced_by", ""))
            self.by_code[a.code] = a
            for name in [r["name"]] + aliases:
                k = key(name)
                if not k:
                    continue
                self._full.setdefault(k, set()).add(a.code)
                b = bare(k)
                if b and b not in _NOT_AREAS:
                    self._bare.setdefault(b, set()).add(a.code)
        self._bare_keys = list(self._bare)

    def _pick(self, codes: set[str]) -> Area | None:
        """One authority for a name, preferring a current one; None when two current ones share it."""
        current = [c for c in codes if self.by_code[c].current]
        if len(current) == 1:
            return self.by_code[current[0]]
        if not current and len(codes) == 1:
            return self.by_code[next(iter(codes))]
        return None

    def lookup(self, name: str) -> Area | None:
        """The authority a name is exactly (alias, case, punctuation and council-type words aside)."""
        k = key(name)
        if not k or k in _NOT_AREAS:
            return None
        if k in self._full:
            return self._pick(self._full[k])
        b = bare(k)
        if b in self._bare and b not in _NOT_AREAS:
            return self._pick(self._bare[b])
        kindless = _KIND_AT_END.sub("", b)  # "Bedford Borough", "Bristol City": the council of that name
        if kindless != b and kindless in self._bare and kindless not in _NOT_AREAS:
            return self._pick(self._bare[kindless])
        return None

    def find(self, name: str) -> Area | None:
        """`lookup`, else the one authority a few typed letters away; never another body's name."""
        found = self.lookup(name)
        if found is not None:
            return found
        if _OTHER_BODY.search(name):
            return None
        b = bare(key(name))
        if len(b) < 6 or b in _NOT_AREAS or not re.fullmatch(r"[a-z ,]+", b):
            return None
        limit = 1
        close = process.extract(b, self._bare_keys, scorer=OSA.distance, score_cutoff=limit, limit=5)
        close = [(k, d) for k, d, _ in close if k[0] == b[0] and abs(len(k) - len(b)) <= limit]
        if not close:
            return None
        best = min(d for _, d in close)
        codes = set().union(*(self._bare[k] for k, d in close if d == best))
        return self._pick(codes)

    def get(self, code: str) -> Area | None:
        return self.by_code.get(code)


def _data_rows(name: str) -> list[dict[str, str]]:
    """The rows of a bundled CSV data file, its `#` header lines (source, date) left out."""
    text = resources.files("kpi_extract").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return list(csv.DictReader(ln for ln in text.splitlines() if not ln.startswith("#")))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The bundled gazetteer, read once, with the short names papers use for some councils ("Kingston",
    "Stockton"), which ONS's and mySociety's lists do not give."""
    rows = _data_rows("gazetteer.csv")
    short: dict[str, list[str]] = {}
    for r in _data_rows("short_names.csv"):
        short.setdefault(r["code"], []).append(r["short_name"])
    for r in rows:
        if r["code"] in short:
            r["aliases"] = "|".join([a for a in r.get("aliases", "").split("|") if a] + short[r["code"]])
    return Gazetteer(rows)


def normalise(name: str) -> tuple[str, str]:
    """(common name, ONS code) for a council's name or mention; ("", "") when it names none."""
    a = gazetteer().find(name)
    return (a.name, a.code) if a is not None else ("", "")
