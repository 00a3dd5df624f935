"""Build kpi_extract/data/gazetteer.csv, the UK local authorities with their ONS GSS codes.

Why a script: the gazetteer must be rebuilt the same way when councils are reorganised, and
every code in it must come from a published list, never from memory. It reads

1. mySociety's `data/uk_local_authorities.csv` (github.com/mysociety/uk_local_authority_names_and_codes),
   a compilation of current and former UK councils whose `gss-code` column is the ONS GSS code
   and whose `alt-names` are the other ways the council is written;
2. ONS lookups, to check the codes and add ONS's own name forms ("Bristol, City of"):
   - Local Authority District to Country (April 2019) Lookup in the United Kingdom
     (LAD19CD, LAD19NM; csv/053.csv of github.com/jtrim-ons/ons-lookups),
   - Local Authority District to County (April 2020) Lookup in England
     (LAD20CD, LAD20NM, CTY20CD, CTY20NM; csv/030.csv of the same repository),
   - Local Authority District to County (April 2021) Lookup in England
     (LAD21CD, LAD21NM, CTY21CD, CTY21NM; data/validation/ of the mySociety repository).

A code the ONS lists give with another meaning than mySociety's stops the build: nothing is
guessed. Usage:

    python scripts/build_gazetteer.py MYSOCIETY_CSV ONS_LAD19 ONS_LAD20_CTY20 ONS_LAD21_CTY21 \
        --source-note "mysociety/uk_local_authority_names_and_codes@67ef8b1 (2025-07-10)"
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "kpi_extract" / "data" / "gazetteer.csv"

KIND = {"E10": "county", "E07": "district", "E08": "metropolitan district", "E09": "london borough",
        "E06": "unitary", "W06": "welsh unitary", "S12": "scottish council", "N09": "ni district"}
COLUMNS = ["code", "name", "kind", "nation", "start_date", "end_date", "replaced_by", "aliases"]


def _read(path: str) -> list[dict[str, str]]:
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def _clean_alias(a: str) -> str:
    """An alias worth keeping: readable text (the compilation has a few mis-encoded Welsh names)."""
    a = " ".join(a.split())
    if not a or "\ufffd" in a or re.search(r"[\u00c0-\u00ff]{2}", a) or not re.search(r"[A-Za-z]{3}", a):
        return ""
    if not re.sub(r"\b(?:the|city|county|borough|district|council|of|ua)\b|\W", "", a, flags=re.I):
        return ""  # a piece of "Bristol, City of" split at its comma
    return a


def _ons_names(paths: list[str]) -> dict[str, set[str]]:
    """Every name the ONS lookups give to each district and county code."""
    names: dict[str, set[str]] = {}
    for path in paths:
        for row in _read(path):
            for cd, nm in ((k, k[:-2] + "NM") for k in row if k.endswith("CD") and not k.startswith(("CTRY", "FID"))):
                if row.get(cd) and row.get(nm):
                    names.setdefault(row[cd].strip(), set()).add(row[nm].strip())
    return names


def build(mysociety: str, ons: list[str]) -> list[dict[str, str]]:
    rows = _read(mysociety)
    by_registry = {r["local-authority-code"]: r for r in rows}
    ons_names = _ons_names(ons)
    out = []
    problems = []
    for r in rows:
        code = r["gss-code"].strip()
        if code[:3] not in KIND:
            continue  # combined authorities, the GLA, councils abolished before GSS codes existed
        if code in ons_names:
            known = {n.lower().replace(", city of", "").replace(", county of", "").strip() for n in ons_names[code]}
            mine = {r["nice-name"].lower(), r["official-name"].lower()} | {a.lower() for a in r["alt-names"].split(",")}
            if not known & {m.strip() for m in mine} and not any(k in m for k in known for m in mine):
                problems.append(f"{code}: ONS {sorted(ons_names[code])} vs {r['nice-name']!r}")
        aliases = [r["official-name"]] + sorted(ons_names.get(code, ())) + r["alt-names"].split(",")
        seen = {r["nice-name"].lower()}
        kept = []
        for a in aliases:
            a = _clean_alias(a)
            if a and a.lower() not in seen:
                seen.add(a.lower())
                kept.append(a)
        replaced = [by_registry[x]["gss-code"] for x in r["replaced-by"].split(",") if x in by_registry
                    and by_registry[x]["gss-code"]]
        out.append({"code": code, "name": r["nice-name"], "kind": KIND[code[:3]], "nation": r["nation"],
                    "start_date": r["start-date"], "end_date": r["end-date"], "replaced_by": " ".join(replaced),
                    "aliases": "|".join(kept)})
    if problems:
        sys.exit("codes whose names disagree with the ONS lookups:\n" + "\n".join(problems))
    return sorted(out, key=lambda x: x["code"])


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("mysociety")
    p.add_argument("ons", nargs="+")
    p.add_argument("--source-note", default="")
    p.add_argument("-o", "--out", default=str(OUT))
    a = p.parse_args()
    rows = build(a.mysociety, a.ons)
    listed = set(_ons_names(a.ons))
    alone = [r["code"] for r in rows if r["code"] not in listed and r["code"][:3] in ("E06", "E07", "E10")]
    header = [
        "UK local authorities with their ONS GSS codes (E10 county, E07 district, E08 metropolitan district,",
        "E09 London borough, E06 unitary, W06 Welsh, S12 Scottish, N09 Northern Ireland), current and former.",
        "Codes and names: Office for National Statistics, Open Geography; source: Office for National Statistics",
        "licensed under the Open Government Licence v3.0. Compiled from mySociety's UK Local Authority Names",
        f"and Codes, data/uk_local_authorities.csv, {a.source_note} (CC BY 4.0, mySociety),",
        "each code checked against ONS Local Authority District to Country (April 2019) Lookup in the UK and",
        "Local Authority District to County (April 2020, April 2021) Lookups in England where they list it",
        f"(the lookups list two-tier districts and counties; {len(alone)} English codes of councils created",
        "after April 2021 or abolished before April 2019 come from the compilation alone).",
        "Built by scripts/build_gazetteer.py; aliases are |-separated.",
    ]
    with open(a.out, "w", newline="", encoding="utf-8") as f:
        for line in header:
            f.write(f"# {line}\n")
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"{len(rows)} authorities -> {a.out}")


if __name__ == "__main__":
    main()
