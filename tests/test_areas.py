"""Council names to (common name, ONS code): aliases, the nations' councils, former councils,
and near misses that must stay unmatched (another body, a service, an invented place)."""
import re
from importlib import resources

import pytest

from kpi_extract.areas import gazetteer, normalise


@pytest.mark.parametrize("text, code", [
    ("Kent", "E10000016"),
    ("Kent County Council", "E10000016"),
    ("KENT COUNTY COUNCIL", "E10000016"),
    ("Birmingham City Council", "E08000025"),
    ("Royal Borough of Windsor and Maidenhead", "E06000040"),
    ("City of York", "E06000014"),
    ("City of York Council", "E06000014"),
    ("Bristol, City of", "E06000023"),
    ("Bristol City Council", "E06000023"),
    ("Herefordshire, County of", "E06000019"),
    ("Kingston upon Hull", "E06000010"),
    ("Hull City Council", "E06000010"),
    ("London Borough of Tower Hamlets", "E09000030"),
    ("City of Bradford Metropolitan District Council", "E08000032"),
    ("Stockton on Tees", "E06000004"),
    ("St. Helens", "E08000013"),
    ("Bath & North East Somerset", "E06000022"),
    ("Brighton and Hove City Council", "E06000043"),
    ("The Borough Council of Calderdale", "E08000033"),
    # the council's kind after its name, with no "Council": a table's column, a possessive
    ("Bedford Borough", "E06000055"),
    ("Bristol City", "E06000023"),
])
def test_english_councils_in_their_usual_forms(text, code):
    assert normalise(text)[1] == code


@pytest.mark.parametrize("text, code", [
    ("Rhondda Cynon Taf", "W06000016"),
    ("Cardiff", "W06000015"),
    ("Caerdydd", "W06000015"),
    ("Isle of Anglesey County Council", "W06000001"),
    ("Glasgow City Council", "S12000049"),
    ("Aberdeenshire Council", "S12000034"),
    ("Belfast City Council", "N09000003"),
])
def test_welsh_scottish_and_northern_irish_councils(text, code):
    assert normalise(text)[1] == code


def test_a_former_council_is_named_by_its_own_title_and_the_current_one_by_the_bare_name():
    assert normalise("Somerset County Council") == ("Somerset", "E10000027")  # abolished 2023
    assert normalise("Somerset") == ("Somerset", "E06000066")
    assert normalise("Northamptonshire County Council") == ("Northamptonshire", "E10000021")
    former = gazetteer().get("E10000021")
    assert former is not None and not former.current and set(former.replaced_by.split()) == {"E06000061", "E06000062"}


@pytest.mark.parametrize("typed, code", [("Birmingam", "E08000025"), ("Norflok County Council", "E10000020"),
                                         ("Hertfordshre", "E10000015")])
def test_a_typed_letter_or_two_still_finds_the_council(typed, code):
    assert normalise(typed)[1] == code


@pytest.mark.parametrize("text", [
    "Kent Police", "Kent Fire and Rescue Service", "Children's Services", "Adult Social Care", "All Revenue",
    "NHS Birmingham and Solihull ICB", "Norfolk and Norwich University Hospitals", "London", "England",
    "North East", "South West", "Wight", "Northshire", "Eastshire", "North Eastshire", "Kingsford",
    "Westmoor", "Southam", "Calder Moss", "Harrowfield", "Thamesbury", "Kingsford and Dunmere", "Board",
    "Council", "County Council", "City of", "",
])
def test_other_bodies_regions_and_invented_places_are_no_council(text):
    assert normalise(text) == ("", "")


def test_every_code_is_a_gss_code_of_a_council_type_and_the_source_is_in_the_header():
    text = resources.files("kpi_extract").joinpath("data/gazetteer.csv").read_text(encoding="utf-8")
    header = "\n".join(ln for ln in text.splitlines() if ln.startswith("#"))
    assert "Open Government Licence" in header and "Office for National Statistics" in header
    g = gazetteer()
    assert len(g.by_code) > 400
    assert all(re.fullmatch(r"(?:E06|E07|E08|E09|E10|W06|S12|N09)\d{6}", c) for c in g.by_code)
    kinds = {c[:3] for c in g.by_code}
    assert kinds == {"E06", "E07", "E08", "E09", "E10", "W06", "S12", "N09"}


@pytest.mark.parametrize("short, code", [("Kingston", "E09000021"), ("Richmond", "E09000027"), ("Stockton", "E06000004"),
                                         ("Redcar", "E06000003"), ("Telford", "E06000020"), ("Windsor", "E06000040"),
                                         ("BCP Council", "E06000058"), ("RBWM", "E06000040"), ("B&NES", "E06000022"),
                                         ("LBHF", "E09000013")])
def test_the_short_names_papers_use_find_their_council_and_hull_stays_hull(short, code):
    assert normalise(short)[1] == code
    assert normalise("Hull")[1] == normalise("Kingston upon Hull")[1] == "E06000010"


def _initials(name: str) -> list[str]:
    return [w[0] for w in name.replace(",", " ").split() if w[0].isupper()]


def test_each_short_name_is_one_current_councils_and_no_other_councils_name():
    """A short name added by hand must not take another council's name: it is the first words of its own
    council's, or its initials (in capitals, "BCP", "B&NES", with or without the title it is known by: "RBWM",
    "LBHF", "ERYC"), and no name or alias of any other council in the bundled list is the same."""
    import csv
    text = resources.files("kpi_extract").joinpath("data/gazetteer.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(ln for ln in text.splitlines() if not ln.startswith("#")))
    shorts = resources.files("kpi_extract").joinpath("data/short_names.csv").read_text(encoding="utf-8")
    for r in csv.DictReader(ln for ln in shorts.splitlines() if not ln.startswith("#")):
        own = next(g for g in rows if g["code"] == r["code"])
        capitals = [ch for ch in r["short_name"] if ch.isupper()]
        titled = [own["name"], *(f"{t} {own['name']}" for t in ("London Borough of", "Royal Borough of")), f"{own['name']} Council"]
        assert not own["end_date"] and (own["name"].startswith(r["short_name"])
                                        or any(capitals == _initials(t) for t in titled)), r
        others = [g for g in rows if g["code"] != r["code"] and not g["end_date"]]
        names = {n.lower() for g in others for n in [g["name"]] + g["aliases"].split("|")}
        assert r["short_name"].lower() not in names, r


def test_a_count_across_two_councils_named_short_is_theirs_together(library):
    from kpi_extract.pipeline import extract_text
    assert extract_text("Across Kingston and Richmond together, 270 children were looked after at 31 March 2025.",
                        library) == []


def test_councils_named_after_a_comparison_do_not_take_the_figure(library):
    """"Close to that of" sets the figure against another body's; the councils that body serves are not the
    figure's owners."""
    from kpi_extract.pipeline import extract_text
    text = ("Havering's course utilisation of 86% in 2024-25 was close to that of Achieving for Children, which runs "
            "children's services for Kingston and Richmond.")
    assert {(f.kpi, f.value) for f in extract_text(text, library)} == {("training_utilisation", "86")}


def test_a_joint_papers_blocks_under_each_councils_name_are_that_councils(library):
    # a year in numbers set out in blocks under "NORTHUMBERLAND" and "NORTH TYNESIDE", in the joint partnership's
    # report: each block's figures are its council's, named in the subject; the block under a heading in capitals
    # that names no place ("ACROSS THE PARTNERSHIP") is the partnership's
    from kpi_extract.pipeline import extract_text
    text = ("NORTHUMBERLAND AND NORTH TYNESIDE SAFEGUARDING CHILDREN PARTNERSHIP\nANNUAL REPORT 2016/17\n\n"
            "OUR YEAR IN NUMBERS\n\nNORTHUMBERLAND\n\n   2,980\n   referrals to children's social care\n\n"
            "NORTH TYNESIDE\n\n   2,310\n   referrals to children's social care\n\n"
            "ACROSS THE PARTNERSHIP\n\n   128 multi-agency training courses\n")
    got = {(f.kpi, f.value, f.subject, f.area) for f in extract_text(text, library)}
    assert ("referrals", "2980", "Northumberland", "Northumberland") in got
    assert ("referrals", "2310", "North Tyneside", "North Tyneside") in got
    assert ("training_courses", "128", "") in {(k, v, s) for k, v, s, _ in got}


def test_a_neighbours_block_beside_ours_in_our_own_paper_is_theirs(library):
    # in Torbay's own paper, "TORBAY" and "PLYMOUTH" blocks side by side: Torbay's figures are its whole ones,
    # Plymouth's are another council's
    from kpi_extract.pipeline import extract_text
    text = ("TORBAY COUNCIL\nChildren's Services Overview and Scrutiny Board - 12 June 2017\n\n"
            "TORBAY\n\n   1,840\n   referrals to children's social care in 2016/17\n\n"
            "PLYMOUTH\n\n   3,120\n   referrals to children's social care in 2016/17\n")
    got = {(f.kpi, f.value, f.subject) for f in extract_text(text, library)}
    assert got == {("referrals", "1840", "")}


def test_a_former_council_the_area_replaced_is_no_other_council(library):
    # "Poole", at the end of "Bournemouth, Christchurch and Poole", names the borough the council replaced in 2019:
    # in BCP Council's own paper the figure is BCP's, and the initials name the council
    from kpi_extract.pipeline import extract_text
    text = ("BCP Council - Children's Services Overview and Scrutiny Committee, 3 March 2025\n"
            "At 31 December 2024 Bournemouth, Christchurch and Poole had 509 children in care.")
    assert {(f.kpi, f.value, f.area, f.area_code) for f in extract_text(text, library)} == {
        ("children_in_care", "509", "Bournemouth, Christchurch and Poole", "E06000058")}


def test_a_council_the_list_names_as_the_council_is_given_its_places_name():
    # the compilation names E06000059 "Dorset Council", with "Dorset" among its aliases: the common name is the place
    assert normalise("Dorset Council") == normalise("Dorset") == ("Dorset", "E06000059")


def test_a_header_of_council_columns_is_no_caption_naming_another_council(library):
    # the table's first line heads its columns with the councils of a partnership, the other council first: it
    # names no owner of the table, as a caption "Shropshire Council - figures supplied" would: each column's figures
    # are that council's (spec/kpis.md: one of several areas in a table keeps its KPI, its area the owner's)
    from kpi_extract.pipeline import extract_text
    text = ("Telford and Wrekin Council\nChildren and Young People Scrutiny Committee, 4 December 2025\n"
            "West Mercia partnership data, 2024-25\n\n"
            "The table gives each council's measures for 2024-25.\n\n"
            "                                     Shropshire Council   Telford & Wrekin Council\n"
            "Referrals to children's social care        2,914                 3,102\n"
            "Re-referrals within 12 months (%)           19.8                  22.1\n")
    got = {(f.kpi, f.value, f.area_code) for f in extract_text(text, library)}
    assert {("referrals", "3102", "E06000020"), ("rereferral_rate", "22.1", "E06000020")} <= got
    assert {code for _, value, code in got if value in ("2914", "19.8")} <= {"E06000051"}
