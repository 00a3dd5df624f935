"""The area a document's figures are for: the body it names most, normalised to an ONS code
when it is a UK council; an invented council keeps its own name and no code; a heading, a
service or a typo is never an area."""
from pathlib import Path

import pytest

from kpi_extract.docarea import document_area, document_owner, figure_area, front_text
from kpi_extract.readers import read_pages

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def test_the_body_named_most_wins_over_a_neighbour_and_the_front_page_counts_more():
    pages = ["KENT COUNTY COUNCIL\nCabinet\n4 March 2021", "Agenda", "Medway Council and Medway Council's partners "
             "were consulted.", "Kent County Council will review this."]
    assert document_area(pages) == ("Kent", "E10000016")


def test_the_council_alone_on_the_first_line_publishes_the_paper_however_often_it_names_a_neighbour():
    pages = ["DERBY CITY COUNCIL\nScrutiny Board\n3 March 2026\nA neighbouring authority's return (Nottingham City "
             "Council)", "Nottingham City Council agreed that its return may be shown. Nottingham City Council's figures "
             "follow.", "NOTTINGHAM CITY COUNCIL\nQuarterly return", "Nottingham City Council - page 2 of its return"]
    assert document_area(pages) == ("Derby", "E06000015")


@pytest.mark.parametrize("writer, expected", [
    # the report's title and its author are another place's body: the paper, and every figure of it, is that place's
    ("Report author: Business Manager, Salford Safeguarding Children Partnership", ("Salford", "E08000006")),
    # one that another place's officer only presents stays its publisher's
    ("Presented by: Business Manager, Salford Safeguarding Children Partnership", ("Trafford", "E08000009")),
])
def test_a_committee_receiving_another_places_own_report_makes_it_that_places(writer, expected):
    pages = ["Trafford Council\nChildren's Scrutiny Committee\n3 February 2026\nFor information\n"
             "SALFORD SAFEGUARDING CHILDREN PARTNERSHIP\nYEARLY REPORT 2024/25\n" + writer + "\n"
             "Trafford's committee asked to see the reports of neighbouring partnerships.",
             "Salford Safeguarding Children Partnership - 2024/25\nReferrals numbered 3,020."]
    assert document_area(pages) == expected


def test_a_running_header_names_the_author():
    pages = [f"Eastshire County Council - Children's Services\nPage {n}\nChildren on a plan 431" for n in range(4)]
    assert document_area(pages) == ("Eastshire", "")


@pytest.mark.parametrize("front, expected", [
    ("LONDON BOROUGH OF TOWER HAMLETS\nCabinet", ("Tower Hamlets", "E09000030")),
    ("Royal Borough of Kensington and Chelsea\nCabinet report", ("Kensington and Chelsea", "E09000020")),
    ("Report of Brighton and Hove City Council", ("Brighton and Hove", "E06000043")),
    ("City of Bradford Metropolitan District Council\nExecutive", ("Bradford", "E08000032")),
    ("Bristol City Council\nCabinet", ("Bristol", "E06000023")),
    ("Cyngor Caerdydd\nCardiff Council\nCabinet", ("Cardiff", "W06000015")),
    ("Norfolk Safeguarding Children Partnership\nYearly report", ("Norfolk", "E10000020")),
    ("Redbourne Children's Trust\nQuarterly dashboard", ("Redbourne", "")),
    ("Birmingam City Council\nCabinet", ("Birmingham", "E08000025")),  # a typed letter wrong
    ("Knowsley Children and Young People's Safeguarding Partnership\nYearly report", ("Knowsley", "E08000011")),
])
def test_a_body_in_its_usual_forms(front, expected):
    assert document_area([front]) == expected


def test_a_partnership_of_two_councils_is_named_jointly_with_no_code():
    pages = ["Sutton and Merton Safeguarding Children Partnership\nAnnual Report 2021-22\n"
             "The partners are Sutton Council, Merton Council and the NHS."]
    assert document_area(pages) == ("Sutton and Merton", "")


def test_a_typo_in_one_heading_is_outvoted():
    pages = ["Northshire County Council\nCabinet", "Agenda", "Nortshire Conty Council\nReport", "Northshire County "
             "Council will review this."]
    assert document_area(pages) == ("Northshire", "")


def test_a_near_miss_written_the_same_way_twice_is_a_place_of_its_own():
    # one letter from Eastleigh, but written so every time: not a typo of it
    pages = ["Eastleighs Borough Council\nScrutiny Panel", "Agenda", "Eastleighs Borough Council will review this."]
    assert document_area(pages) == ("Eastleighs", "")


def test_the_place_is_the_one_next_to_the_council_word_not_a_name_before_a_post():
    pages = ["14 February 2023\nJane Holloway\nDirector of Children's Services\nMarshwood Council\nDear Jane"]
    assert document_area(pages) == ("Marshwood", "")


def test_a_service_a_budget_line_or_a_post_is_no_area():
    assert document_area(["Adult Social Care\nAll Revenue Council\nChildren's Services Council"]) == ("", "")
    assert document_area(["Report of the Director of Children's Services"]) == ("", "")
    # a table's cells, and its rows' ends, bound a name: the header's last cell is no council
    assert document_area(["Directorate | Budget | Forecast | Variance\nChildren's Social Care | 98,460 | 103,215"]) \
        == ("", "")


@pytest.mark.parametrize("line,owner", [
    ("Report title: Riverside Hospitals NHS Foundation Trust - Safeguarding Children Annual Report 2023/24",
     "Riverside Hospitals NHS Foundation Trust"),
    ("Report of: Ann Lowe, Registered Services Director, Hillcrest Care Group", "Hillcrest Care Group"),
    # the body straight after the colon, with its service in brackets and a second author after "and"
    ("Report of:   Eastvale NHS Foundation Trust (CAMHS, Northtown locality) and", "Eastvale NHS Foundation Trust"),
    # the body's name run on into the paper's, an ICB by its letters, the officer who presents it
    ("Report title: NHS Northtown Integrated Care Board safeguarding children annual report 2023/24",
     "NHS Northtown Integrated Care Board"),
    ("Report of: Chief Executive, NHS Northtown ICB", "NHS Northtown ICB"),
    ("Presented by: Chief Nurse, Eastvale NHS Foundation Trust", "Eastvale NHS Foundation Trust"),
    # a commissioner, by office, as the report's author without a colon
    ("Report of the Police and Crime Commissioner for Northtown, prepared with the force's public protection unit",
     "the Police and Crime Commissioner for Northtown"),
    # the item's title alone, opening with the body; an author whose post runs on to the body's name on the next line
    ("NORTHTOWN CONSTABULARY: SAFEGUARDING CHILDREN ANNUAL REPORT 2024/25", "NORTHTOWN CONSTABULARY"),
    ("Report of:   Jo Reed, Head of Public Protection,\n             Northtown Constabulary (by invitation)",
     "Northtown Constabulary"),
    # "Subject of report" as the title's label; an officer presenting
    ("SUBJECT OF REPORT: NORTHTOWN CONSTABULARY - PUBLIC PROTECTION ANNUAL UPDATE 2024/25", "NORTHTOWN CONSTABULARY"),
    ("OFFICER/MEMBER PRESENTING: DETECTIVE SUPERINTENDENT, HEAD OF PUBLIC PROTECTION,\nNORTHTOWN CONSTABULARY",
     "NORTHTOWN CONSTABULARY"),
    # a charity that says it is one, presenting its own review
    ("Presented by: Chief Executive, Safe Harbour Trust (registered charity)", "Safe Harbour Trust (registered charity)"),
    # an author "of the" post, without a colon, whose post runs on to the body's name on the next line
    ("Report of the Chief Fire Officer and Chief Executive,\nNorthmoor Fire and Rescue Service",
     "Northmoor Fire and Rescue Service"),
    # the item's heading: the body's name on a line of its own, its report's title under it
    ("NORTHMOOR COMMUNITY HEALTHCARE NHS TRUST\nSAFEGUARDING CHILDREN ANNUAL REPORT 2024/25",
     "NORTHMOOR COMMUNITY HEALTHCARE NHS TRUST"),
    # a trust of schools reporting on its academies
    ("Report title: Riverside Academies Trust - annual safeguarding report to the local authority",
     "Riverside Academies Trust"),
    ("ST ANNE'S LEARNING TRUST\nSafeguarding and Inclusion Report 2024-25", "ST ANNE'S LEARNING TRUST"),
    # "Title of report" as the title's label; a name with an ampersand
    ("Title of report:   Northmoor & Eastvale Fire and Rescue Service safeguarding report 2024-25",
     "Northmoor & Eastvale Fire and Rescue Service"),
    # a form's label set off by spaces, its post running on to the body on the next line
    ("Presented by      Head of Probation Delivery Unit,\n                  The Probation Service", "The Probation Service"),
])
def test_a_councils_committee_receiving_another_bodys_own_report_makes_it_that_bodys(line, owner):
    front = f"Northtown Borough Council\nChildren's Scrutiny Panel\nMeeting date: 5 March 2024\n\n{line}\n"
    area = document_area([front])[0]
    assert area == "Northtown" and document_owner([front], area) == owner
    # a council's own report, by its own officer, stays the council's
    own = "Northtown Borough Council\nReport title: Children's Services Performance Report\nReport of: Director of Children's Services\n"
    assert document_owner([own], "Northtown") == ""
    # nor does a partnership's own report that names its partners
    own = ("Northtown Borough Council\nReport of the Northtown Safeguarding Children Partnership (the Borough Council,\n"
           "NHS Northtown Integrated Care Board and Northtown Constabulary)\n")
    assert document_owner([own], "Northtown") == ""
    # nor does a letter that names a force at the end of the list it is addressed to
    own = ("Northtown Borough Council\nAddressed to: Director of Children's Services; Chief Constable,\n"
           "Northtown Constabulary\nPresented by: Head of Quality Assurance (report author: J. Reed)\n")
    assert document_owner([own], "Northtown") == ""


def test_the_file_name_names_the_council_when_the_text_does_not():
    assert document_area(["Inspection of children's services"], "Ofsted kent - inspection - 2013.pdf") == \
        ("Kent", "E10000016")


def test_a_figure_in_a_column_headed_by_a_council_is_that_councils():
    assert figure_area("Medway", "cp_plans/table-area", "Kent", "E10000016") == ("Medway", "E06000035")
    assert figure_area("Kingsford", "cp_plans/table-area", "Kingsford and Dunmere", "") == ("Kingsford", "")
    assert figure_area("Northtown", "cp_plans/table-area", "Kent", "E10000016") == ("Kent", "E10000016")
    assert figure_area("under 5s", "cp_plans/regex", "Kent", "E10000016") == ("Kent", "E10000016")


def test_a_count_whose_subject_is_a_council_alone_is_that_councils_but_a_contribution_is_the_payees():
    # a joint partnership's paper lists each council's children: each count is its council's, with its code
    from kpi_extract.library import load_library, require
    from kpi_extract.pipeline import extract_text
    text = ("Rotherham and Doncaster Safeguarding Children Partnership\nAnnual Report 2025/26\n"
            "Children on child protection plans at 31 March 2026: Rotherham 352; Doncaster 418.")
    got = {(f.value, f.subject, f.area, f.area_code) for f in extract_text(text, require(load_library(())))}
    assert got == {("352", "Rotherham", "Rotherham", "E08000018"), ("418", "Doncaster", "Doncaster", "E08000017")}
    # the council that pays into another's partnership names the payer, not the owner
    assert figure_area("Oxford City Council", "agency_contribution/regex", "Oxfordshire", "E10000025") == \
        ("Oxfordshire", "E10000025")
    assert figure_area("Medway", "cp_plans/regex", "Kent", "E10000016", counted=True) == ("Medway", "E06000035")
    # but a district (E07) in its county's (E10) paper is a part of the county's figure, named in `subject`
    assert figure_area("Oxford", "cp_plans/regex", "Oxfordshire", "E10000025", counted=True) == \
        ("Oxfordshire", "E10000025")


def test_a_count_whose_clause_names_one_of_a_joint_papers_councils_is_that_councils():
    # the paper is the county's and the city's; "In Stoke-on-Trent ..." names the city, the other writer
    from kpi_extract.library import load_library, require
    from kpi_extract.pipeline import extract_text
    text = ("Staffordshire County Council\nStaffordshire and Stoke-on-Trent Safeguarding Children Partnership\n"
            "Annual Report 2025/26\n\n"
            "In Stoke-on-Trent the number of children on a child protection plan rose to 512 at 31 March 2026.\n")
    got = {(f.value, f.area, f.area_code) for f in extract_text(text, require(load_library(())))}
    assert got == {("512", "Stoke-on-Trent", "E06000021")}
    # the place the clause names is the figure's only where nothing else (a column, a council as subject) named one
    assert figure_area("", "cp_plans/regex", "Staffordshire", "E10000028", True, place="E06000021") == \
        ("Stoke-on-Trent", "E06000021")
    assert figure_area("Medway", "cp_plans/table-area", "Kent", "E10000016", True, place="E06000021") == \
        ("Medway", "E06000035")


def _raw(path: Path) -> list[str]:
    return list(read_pages(path).pages)


@pytest.mark.parametrize("path", sorted((ROOT / "tests" / "data" / "documents").glob("*.txt")), ids=lambda p: p.stem)
def test_the_projects_documents_are_their_councils(path):
    area, code = document_area(_raw(path), path.name)
    places = path.stem.split("_")
    expected = places[0] if places[1] not in ("marsh",) else f"{places[0]} and {places[1]}"
    assert area.lower() == expected and code == ""


@pytest.mark.parametrize("name", ["Children and Families Scrutiny Committee 14 September 2016 - reports pack.pdf",
                                  "Improvement Board 5 March 2019 - minutes.txt",
                                  "Partnership Board 12 October 2018 - annual report.pdf"])
def test_the_fixtures_are_northmoor(name):
    path = ROOT / "fixtures" / name
    if not path.exists():
        pytest.skip("fixture not built")
    assert document_area(_raw(path), name) == ("Northmoor", "")


COUNCILS = {"h01": "Northshire", "h02": "Eastbridge", "h03": "Westmoor", "h04": "Kingsford and Dunmere",
            "h05": "Ashcombe", "h06": "Harrowfield", "h07": "Lowther Vale", "h08": "Redbourne",
            "h09": "Southam and Teign", "h10": "Fenwick", "h11": "Thornbury Heath", "h12": "Greywater",
            "h13": "Calder Moss", "h14": "Hollinsford", "h15": "Mereside", "h16": "Stourleigh"}


@pytest.mark.skipif(not (SHARED / "councils").is_dir(), reason="shared councils not here")
def test_invented_councils_keep_their_own_name_and_no_code():
    got = {p.name[:3]: document_area(_raw(p), p.name) for p in sorted((SHARED / "councils").glob("*.pdf"))}
    assert got == {k: (v, "") for k, v in COUNCILS.items()}


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="shared corpus not here")
def test_real_councils_get_their_ons_code():
    codes = {"bradford": "E08000032", "kent": "E10000016", "norfolk": "E10000020"}
    for p in sorted((SHARED / "corpus").glob("*.pdf")):
        word = next((w for w in codes if f" {w} " in p.name.lower()), "")
        assert document_area(_raw(p), p.name)[1] == codes.get(word, "E08000025"), p.name  # the rest: Birmingham


@pytest.mark.parametrize("text", [
    "Kent County Council", "KENT COUNTY COUNCIL", "LONDON BOROUGH OF FENWICK", "Royal Borough of Kingston",
    "City of York", "CITY of York", "COUNTY of Durham", "county OF Durham", "Safeguarding Children Partnership",
    "SAFEGUARDING", "CHILDREN'S SERVICES", "Childrens' Social Care", "Children's Trust", "CHILDREN TRUST",
])
def test_a_page_that_names_a_body_holds_the_pieces_its_anchor_is_looked_for_by(text):
    from kpi_extract.docarea import _ANCHOR_PIECES, _ANCHORS
    for anchor, pieces in zip(_ANCHORS, _ANCHOR_PIECES):
        if anchor.search(text):
            assert all(any(p in text for p in group) for group in pieces), anchor.pattern


def test_anchors_found_by_their_first_words_are_those_found_everywhere():
    """The anchors are looked for where their first word starts (`str.find`), not tried at every
    position: the same matches, in the same order, as `finditer`."""
    from kpi_extract.docarea import _ANCHOR_STARTS, _ANCHORS, _anchored
    text = ("KENT COUNTY COUNCIL and the City of London; Borough of Kingsford, the county of Kent. "
            "Thornbury Heath Local Safeguarding Children Board, SAFEGUARDING partners, Eastshire Children's Services, "
            "CHILDREN'S SOCIAL CARE and a councillor's Council.")
    # (the second text's dotted capital I lower-cases to two characters: offsets would shift)
    for flat in (text, "İstanbul " + text):
        for anchor, starts in zip(_ANCHORS, _ANCHOR_STARTS):
            found = [m.span() for m in _anchored(anchor, starts, flat, flat.lower())]
            assert found == [m.span() for m in anchor.finditer(flat)] and found


def test_a_figure_of_another_named_council_is_not_the_reporting_councils(library):
    from kpi_extract.pipeline import extract_text
    text = ("Kent County Council\nChildren's Services Scrutiny Committee\n\n"
            "At 31 March 2024 Kent was looking after 1,900 children. Medway Council, with which we share a "
            "fostering framework, looked after 460 children at 31 March 2024, a rate of 70 per 10,000.")
    got = {(f.kpi, f.value, f.area) for f in extract_text(text, library)}
    assert got == {("children_in_care", "1900", "Kent")}


def test_another_council_quoted_in_minutes_is_that_councils(library):
    """Members quote other councils' figures: after "noted that", and as the subject of looking after."""
    from kpi_extract.pipeline import extract_text
    text = ("Kent County Council\nChildren's Services Scrutiny Committee, 5 March 2024\n\n"
            "A Member noted that Essex's child protection rate was 38 per 10,000 at 31 March 2023. "
            "She added that Surrey was looking after more than 1,100 children at 31 March 2023.")
    assert extract_text(text, library) == []


def test_another_council_as_the_subject_of_a_verb_of_counting_is_that_councils(library):
    """Any verb of having or counting, the last place before the figure deciding: the council's own
    sentence keeps its figure."""
    from kpi_extract.pipeline import extract_text
    text = ("Leeds City Council\nChildren and Families Scrutiny Board, 12 March 2024\n\n"
            "Members noted that Bradford had around 640 children on protection plans at 31 January 2024. "
            "The Chief Officer said Kirklees reported 4,100 referrals in 2022/23. "
            "She added that Bradford had a high rate, while Leeds had 702 children on protection plans at 31 "
            "January 2024.")
    assert {(f.kpi, f.value, f.area) for f in extract_text(text, library)} == {("cp_plans", "702", "Leeds")}


def test_the_council_named_nearest_the_figure_owns_it(library):
    """A title run on into the sentence names the writer first; the council the clause is about
    comes last, and a joint name ("Brighton and Hove") is not read from its second half."""
    from kpi_extract.pipeline import extract_text
    text = ("Kent County Council – Children's, Young People and Education Cabinet Committee\n"
            "Members heard that Brighton and Hove City Council looked after 412 children at 31 March 2024.")
    assert extract_text(text, library) == []
    own = text.replace("Brighton and Hove City Council", "Kent County Council")
    assert {(f.kpi, f.value, f.area) for f in extract_text(own, library)} == {("children_in_care", "412", "Kent")}


@pytest.mark.parametrize("caption", ["Annex 2 - Bolton: the last three months",
                                     "Table 6: Bolton, children's social care measures",
                                     "Bolton \u2013 position at each month end"])
def test_a_table_captioned_a_blank_line_above_by_another_council_is_that_councils(library, caption):
    """A joint paper sets each council's table under a caption naming it, a blank line between: in
    Wigan's pack the table under Bolton's caption is Bolton's, the one under Wigan's stays Wigan's."""
    from kpi_extract.pipeline import extract_text
    block = ("\n\n              Jul 2025    Aug 2025    Sep 2025\n"
             "Children in care       {}         {}         {}\n")
    text = ("Wigan Council\nChildren's Scrutiny Committee, 4 November 2025\n\nShared performance report\n\n"
            "Annex 1 - Wigan: the last three months" + block.format(612, 608, 615) + "\n"
            + caption + block.format(701, 699, 703))
    got = {(f.kpi, f.value, f.period, f.area) for f in extract_text(text, library)}
    assert got == {("children_in_care", "612", "2025-07", "Wigan"), ("children_in_care", "608", "2025-08", "Wigan"),
                   ("children_in_care", "615", "2025-09", "Wigan")}


def test_children_in_the_care_of_a_council_named_in_full_are_that_councils(library):
    """"In the care of Rochdale Borough Council" counts Rochdale's children in care: in Rochdale's paper a fact,
    in Oldham's paper Rochdale's figure and no fact."""
    from kpi_extract.pipeline import extract_text
    sentence = "At 30 September 2025, 702 children were in the care of Rochdale Borough Council."
    own = "Rochdale Borough Council\nCorporate Parenting Board, 6 November 2025\n\n" + sentence
    other = "Oldham Council\nCorporate Parenting Panel, 6 November 2025\n\n" + sentence
    assert {(f.kpi, f.value, f.period, f.area) for f in extract_text(own, library)} == \
        {("children_in_care", "702", "2025-09-30", "Rochdale")}
    assert extract_text(other, library) == []


def test_the_initials_of_the_writers_own_partnership_are_no_other_owner(library):
    """"The WSCP's budget" in Walsall's paper, or in a text naming no place, is the writer's partnership's, as
    "the Partnership's budget" is; initials of another place's partnership stay another's."""
    from kpi_extract.pipeline import extract_text
    own = ("Walsall Safeguarding Children Partnership\nAnnual Report 2024/25\n\n"
           "The WSCP's budget for 2024/25 was £428,300, and the WSCP's courses were 91% full.")
    assert {(f.kpi, f.value, f.area) for f in extract_text(own, library)} == {
        ("budget_total", "428300", "Walsall"), ("training_utilisation", "91", "Walsall")}
    assert {(f.kpi, f.value) for f in extract_text("The WSCP's budget for 2024/25 was £428,300.", library)} == {
        ("budget_total", "428300")}
    other = own.replace("The WSCP's budget", "The DSCP's budget").replace("the WSCP's courses", "the DSCP's courses")
    assert extract_text(other, library) == []


def test_a_paper_of_a_body_that_is_no_area_gives_no_fact(library):
    """Issue 7: a figure whose owner is not an area is dropped. A health trust's own board paper
    names no council; its referrals are the trust's, not a council's intake."""
    from kpi_extract.pipeline import extract_text
    trust = ("Ashworth Valley Community Healthcare NHS Foundation Trust\nTrust Board (meeting in public)\n"
             "Thursday 4 July 2024\n\nSAFEGUARDING CHILDREN ANNUAL REPORT 2023/24\n\f"
             "Trust staff made 1,412 referrals to children's social care in 2023/24 (2022/23: 1,296).")
    assert extract_text(trust, library) == []
    # the same sentence in a council's paper is the council's figure, quoted from its partner
    council = trust.replace("Ashworth Valley Community Healthcare NHS Foundation Trust", "Salford City Council")
    assert {(f.kpi, f.value, f.area) for f in extract_text(council, library)} == {
        ("referrals", "1412", "Salford"), ("referrals", "1296", "Salford")}


@pytest.mark.parametrize("first, owner", [
    ("Severn Vale Integrated Care Board", "Severn Vale Integrated Care Board"),
    ("The Midshire Constabulary", "Midshire Constabulary"),
    ("Wyre Forest Police", "Wyre Forest Police"),
    # a fire authority's letterhead in capitals
    ("NORTHSHIRE AND ESTUARY FIRE AND RESCUE AUTHORITY", "NORTHSHIRE AND ESTUARY FIRE AND RESCUE AUTHORITY"),
    ("Riverside Children's Safeguarding Partnership", ""),  # a partnership is an area's
    ("Annual report of the Designated Nurse", ""),           # nobody named: nothing to drop
])
def test_the_owner_that_is_no_area_heads_the_front_page(first, owner):
    from kpi_extract.docarea import document_owner
    pages = [f"{first}\nBoard meeting, 4 July 2024\nReport title"]
    assert document_owner(pages, document_area(pages)[0]) == owner


@pytest.mark.parametrize("first, owner", [
    # the body's name, then its meeting or what the paper is, on the paper's one line
    ("Northmoor Community Health NHS Foundation Trust - Trust Board, 12 March 2025",
     "Northmoor Community Health NHS Foundation Trust"),
    ("Westshire Constabulary: report to the Safeguarding Children Partnership, 4 June 2024", "Westshire Constabulary"),
    ("Westshire County Council - Cabinet, 12 March 2025", ""),  # a council's paper is its area's
])
def test_the_owner_that_is_no_area_heads_the_line_of_its_paper(first, owner):
    from kpi_extract.docarea import document_owner
    pages = [f"{first}\nOur health visitors supported 412 children on child protection plans at 31 January 2025.\n"]
    assert document_owner(pages, document_area(pages)[0]) == owner


@pytest.mark.parametrize("first, area", [
    # the paper's one line: its council or its place's partnership, then what of it the paper is
    ("Hampshire Safeguarding Children Multi-Agency Partnership - Executive, 9 July 2025", "Hampshire"),
    ("Hampshire County Council - Children and Young People Select Committee, 9 July 2025", "Hampshire"),
])
def test_the_body_that_opens_the_papers_one_line_is_its_area(first, area):
    pages = [f"{first}\nSouthampton Safeguarding Children Partnership's budget for 2025-26 of £512,000 is about half "
             "of ours."]
    assert document_area(pages)[0] == area


def test_a_letterhead_broken_before_council_is_still_the_papers_area():
    pages = ["Rutland\nCounty Council\nChildren and Families Scrutiny Committee\n19 June 2025\n"
             "Learning from Ofsted's inspection of Leicestershire County Council's children's services\n"
             "1. Ofsted inspected Leicestershire County Council in March. Leicestershire County Council was judged good.\n"]
    assert document_area(pages)[0] == "Rutland"  # though the paper names the county more often


def test_a_commissioners_own_report_as_the_items_title_makes_the_paper_the_commissioners():
    pages = ["WEST MERCIA POLICE AND CRIME PANEL\n8 JULY 2025\nPOLICE AND CRIME COMMISSIONER'S ANNUAL REPORT 2024/25\n"
             "Report of the Panel Support Officer, Worcestershire County Council\n"]
    assert document_owner(pages, "Worcestershire") == "POLICE AND CRIME COMMISSIONER"


def test_a_letterhead_that_is_no_area_owns_the_paper_though_it_names_places():
    pages = ["HAMPSHIRE AND ISLE OF WIGHT FIRE AND RESCUE AUTHORITY\nStandards and Governance Committee\n"
             "Date: 22 July 2025\nTitle: SAFEGUARDING ANNUAL REPORT 2024/25\n"]
    assert document_owner(pages, "Hampshire") == "HAMPSHIRE AND ISLE OF WIGHT FIRE AND RESCUE AUTHORITY"


def test_the_front_text_is_the_front_pages_heading_lines_up_to_its_prose():
    pages = ["Knowsley Council and St Helens Borough Council\nJoint Families First Report\n15 July 2025\n"
             "This report sets out how both councils' early help services worked together during the year.\nMore."]
    assert front_text(pages) == "Knowsley Council and St Helens Borough Council\nJoint Families First Report\n15 July 2025"


@pytest.mark.parametrize("first_prose", [
    # a short sentence is prose too, by its verb: the council it names writes nothing
    "The Medway partnership delivered 74 courses in 2024-25.",
    "Medway had 455 children in care.",
])
def test_a_short_sentence_ends_the_front_text_as_prose_does(first_prose):
    pages = ["Kent County Council\nChildren's Scrutiny Committee, 3 June 2025\n" + first_prose + "\nMore."]
    assert front_text(pages) == "Kent County Council\nChildren's Scrutiny Committee, 3 June 2025"


def test_a_heading_with_a_full_stop_and_no_verb_stays_in_the_front_text():
    pages = ["Kent County Council\nReport of the Corporate Director of Children's Services.\n"
             "This report sets out the children's services performance for the second quarter of 2025-26.\n"]
    assert front_text(pages) == "Kent County Council\nReport of the Corporate Director of Children's Services."


def test_a_service_for_some_people_run_on_from_a_heading_is_no_place():
    # the directorate's name over the report's title reads "Children and Young People Early Help and Children's
    # Social Care": no place; the council's name alone heads the page, and the file's name says which
    pages = ["Ashford                                  Agenda Item 4\n\nChildren's Scrutiny Committee\n"
             "Report from the Corporate Director,\nChildren and Young People\n\n"
             "Early Help and Children's Social Care Performance Report\n"]
    assert document_area(pages, "scrutiny_ashford_2025.txt") == ("Ashford", "E07000105")


def test_the_kind_of_partnership_between_its_place_and_its_name_is_no_part_of_the_place():
    pages = ["SALFORD INTEGRATED SAFEGUARDING PARTNERSHIP\n\nExecutive Group\n\n"
             "Salford Integrated Safeguarding Partnership Annual Report 2024-25\n"]
    assert document_area(pages) == ("Salford", "E08000006")


def test_a_paper_of_no_area_whose_author_is_a_body_of_none_is_that_bodys():
    from kpi_extract.docarea import document_owner
    # (a police and crime panel names no council: the commissioner's own report is the commissioner's)
    pages = ["MIDSHIRE POLICE AND CRIME PANEL\n14 July 2025\nAgenda Item 6\nANNUAL REPORT 2024/25\n"
             "Report of:   The Police and Crime Commissioner for Midshire\n"]
    assert document_owner(pages, document_area(pages)[0]) == "The Police and Crime Commissioner for Midshire"


def test_the_front_pages_fields_set_off_by_spaces_are_no_table_and_the_title_below_them_is_front_text():
    """A committee paper's front page lists its fields ("Time:   10.00 am", "Date:   4 March 2025") before the
    title; a field's figure set off by spaces is no table row, so the title under it, which names both
    councils of a joint partnership, is still front text (each council a writer of the paper)."""
    page = ("Eastmere Council\n\nCommittee:      Children's Scrutiny Committee\nDate:           Tuesday 4 March 2025\n"
            "Time:           10.00 am\n\nEASTMERE AND WESTMOOR SAFEGUARDING CHILDREN PARTNERSHIP:\n"
            "ANNUAL REPORT 2023/24\n\n1.1 The partners publish a yearly report on the arrangements they run together.\n")
    front = front_text([page])
    assert front.splitlines()[-2:] == ["EASTMERE AND WESTMOOR SAFEGUARDING CHILDREN PARTNERSHIP:", "ANNUAL REPORT 2023/24"]


@pytest.mark.parametrize("heading", ["One Adoption North - Annual Report 2024-25", "Adopt Coast to Coast: annual report"])
def test_a_regional_adoption_agencys_own_report_is_no_areas(heading):
    # several councils share the agency: its own figures are no one area's
    assert document_owner([f"{heading}\nOur operating budget for 2024-25 was £4.8m."], "")
    # (a council's own adoption service is not such an agency)
    assert not document_owner(["Adoption Service Annual Report 2024-25\nThe service's budget was £1.1m."], "")


def test_a_committee_named_after_its_council_on_the_first_line_publishes_the_paper():
    # the committee's first words are the council; a neighbour named with "Council" below is only a visitor
    pages = ["Sheffield Children's Scrutiny Panel: 3 March 2025\nRotherham Council's director of children's services "
             "joined the meeting for item 5.\nRotherham Council will report separately."]
    assert document_area(pages) == ("Sheffield", "E08000019")
    # (a committee of two places, or of a body that is no council's, names no writer by its first words)
    for first in ("Sheffield and Rotherham Joint Health Scrutiny Committee, 3 March 2025",
                  "Sheffield Teaching Hospitals NHS Foundation Trust Board, 3 March 2025"):
        assert document_area([f"{first}\nRotherham Council's director joined the meeting."]) == ("Rotherham", "E08000018")
