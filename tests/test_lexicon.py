"""The KPI lexicon: each general construction on invented sentences, synonyms added as data,
terms a document defines for itself, and the library's checks of the lexicon tables."""
from pathlib import Path

import pytest

from kpi_extract.library import load_library

from conftest import facts_of


def values(text: str, library, kpi: str) -> list[str]:
    return sorted((f[1] for f in facts_of(text, library, kpi)), key=float)


def lexicon_patterns(text: str, library) -> set[str]:
    from kpi_extract.pipeline import extract_text
    return {f.pattern.split("/")[-1].split(">")[0].split("+")[0] for f in extract_text(text, library)}


# --- the constructions, one at a time -------------------------------------------------------

def test_figure_before_a_synonym(library):
    text = "At 31 March 2023 Ravensby had 842 children we care for, up from 801."
    assert ("children_in_care", "842", "2023-03-31", "") in facts_of(text, library)
    assert "lexicon-figure-term" in lexicon_patterns(text, library)
    assert values("At 30 June 2022 the council had 377 cared for children.", library, "children_in_care") == ["377"]


def test_figure_before_an_abbreviation_keeps_its_case(library):
    assert values("At 31 March 2022 there were 512 CiC in Tolbridge.", library, "children_in_care") == ["512"]
    # a lower-case word spelt like an abbreviation is not one
    assert values("At 31 March 2022 there were 512 cic students enrolled.", library, "children_in_care") == []


def test_words_between_the_figure_and_the_noun_phrase(library):
    text = "At 30 September 2022, 1,406 children were supported on child in need plans."
    assert values(text, library, "children_in_need") == ["1406"]


def test_noun_phrase_then_verb_of_amount(library):
    assert facts_of("Partnership funding for 2022-23 came to £611,000.", library, "budget_total") == \
        [("budget_total", "611000", "2022-23", "")]
    assert values("Total funding for 2019-20 amounted to £402,500 in all.", library, "budget_total") == ["402500"]


def test_noun_phrase_then_colon(library):
    assert facts_of("CPP starts in Q2 2022/23: 74", library, "cp_plans_started") == \
        [("cp_plans_started", "74", "2022-Q3", "")]


def test_noun_phrase_of_another_noun_is_not_its_figure(library):
    """'Funding Agency's allocation ... is £60m' is the allocation's figure, not funding's."""
    assert values("The Skills Funding Agency's allocation to local providers is over £60m.", library,
                  "budget_total") == []


def test_inline_list_gives_each_partner(library):
    text = "In 2021/22 partners contributed: County Council £150,000, Police £45,000, ICB £58,500 and schools £9,000."
    got = {(f[1], f[3]) for f in facts_of(text, library, "agency_contribution")}
    assert got == {("150000", "County Council"), ("45000", "Police"), ("58500", "ICB"), ("9000", "schools")}
    assert values(text, library, "budget_contributions") == []


def test_list_after_a_noun_phrase_and_a_colon(library):
    """The first item is a partner's, not the total of contributions."""
    text = "In 2020/21 contributions were: Local Authority £120,000, Police £38,000 and ICB £51,000."
    got = {(f[1], f[3]) for f in facts_of(text, library, "agency_contribution")}
    assert got == {("120000", "Local Authority"), ("38000", "Police"), ("51000", "ICB")}
    assert values(text, library, "budget_contributions") == []
    assert values("Partner contributions in 2020/21: £209,000.", library, "budget_contributions") == ["209000"]


def test_list_split_at_a_line_end_goes_on_in_the_next_sentence(library):
    text = "In 2020/21 contributions were: Local Authority\n£120,000, Police £38,000 and ICB £51,000."
    got = {(f[1], f[3]) for f in facts_of(text, library, "agency_contribution")}
    assert got == {("120000", "Local Authority"), ("38000", "Police"), ("51000", "ICB")}


def test_owner_named_before_its_share(library):
    text = "In 2021/22 the ICB's share rose to £131,000, and the police contribution was unchanged at £57,500."
    got = {(f[1], f[3]) for f in facts_of(text, library, "agency_contribution")}
    assert got == {("131000", "ICB"), ("57500", "police")}


def test_partners_named_beside_their_sums_after_a_partners_contribution(library):
    """Once a sentence holds one partner's contribution, the other partners named beside a sum
    after it are theirs: "£64,000 from the ICB", "the police £23,500", "the borough council giving
    £198,000"."""
    text = ("Hallowmere Council contributed £187,000 to the partnership's 2023/24 budget, with £64,000 from "
            "the ICB and £23,500 from Hallowmere Constabulary.")
    got = {(f[1], f[2], f[3]) for f in facts_of(text, library, "agency_contribution")}
    assert got == {("187000", "2023-24", "Hallowmere Council"), ("64000", "2023-24", "ICB"),
                   ("23500", "2023-24", "Hallowmere Constabulary")}
    text = "The constabulary contributed £41,800 in 2024/25, with the borough council giving £198,000."
    assert values(text, library, "agency_contribution") == ["41800", "198000"]


def test_partners_in_a_bracket_after_the_partners_total(library):
    text = "Contributions from the statutory partners total £512,000 for 2025/26 (council £260,000, police £84,000, ICB £168,000)."
    got = {(f[1], f[3]) for f in facts_of(text, library, "agency_contribution")}
    assert got == {("260000", "council"), ("84000", "police"), ("168000", "ICB")}
    assert values(text, library, "budget_contributions") == ["512000"]


def test_no_partner_beside_a_sum_without_a_contribution_before_it(library):
    """An owner beside a sum is anything until a partner's contribution has been named: a change
    to the contributions, the partnership's total alone (outside its bracket), or a year that is
    only said relative to the paper."""
    text = "A 4% pay award would add £16,800 to partner contributions: £8,400 from the council and £5,000 from the ICB."
    assert values(text, library, "agency_contribution") == []
    text = "The county council £812.6m net revenue budget for 2025/26 was approved in February."
    assert values(text, library, "agency_contribution") == []
    text = "Partner contributions for 2024/25 came to £402,000, and the ICB £1.2bn allocation was confirmed."
    assert values(text, library, "agency_contribution") == []


def test_respectively(library):
    text = "During 2021/22 the two training days were attended by 171 and 139 attendees respectively."
    assert values(text, library, "training_delegates") == ["139", "171"]
    # without "respectively" the first figure is not the noun phrase's
    assert values("During 2021/22 we ran 14 courses and 139 attendees came.", library, "training_delegates") == ["139"]


def test_respectively_after_a_figure_a_pattern_read(library):
    text = "In 2021/22 the two practitioner forums were attended by 142 and 119 practitioners respectively."
    assert values(text, library, "conference_delegates") == ["119", "142"]


def test_respectively_pairs_figures_with_as_many_dates(library):
    text = "At 31 March 2021 and 31 March 2022 there were 402 and 377 children we care for respectively."
    got = {(f[1], f[2]) for f in facts_of(text, library, "children_in_care")}
    assert got == {("402", "2021-03-31"), ("377", "2022-03-31")}


def test_verb_whose_object_is_the_figure(library):
    assert values("At 30 June 2022 Brackwater cared for 512 children and young people.", library,
                  "children_in_care") == ["512"]
    assert values("At 30 June 2022 the council was corporate parent to 499 children.", library,
                  "children_in_care") == ["499"]
    # the verb needs the counted nouns after the figure
    assert values("Staff cared for 12 hours without a break in 2022.", library, "children_in_care") == []


def test_second_dated_figure_after_and(library):
    text = "Children in need: 2,640 at 31 March 2021 and 2,712 at 31 March 2020."
    got = {(f[1], f[2]) for f in facts_of(text, library, "children_in_need")}
    assert got == {("2640", "2021-03-31"), ("2712", "2020-03-31")}
    # an undated figure after "and" is someone else's
    assert values("Children in care: 640 and 12 staff left in 2022.", library, "children_in_care") == ["640"]


def test_list_lead_may_name_its_period(library):
    text = "Partner contributions 2020/21: County Council £110,000; Police £42,000; ICB £88,000."
    got = {(f[1], f[2], f[3]) for f in facts_of(text, library, "agency_contribution")}
    assert got == {("110000", "2020-21", "County Council"), ("42000", "2020-21", "Police"), ("88000", "2020-21", "ICB")}


def test_a_further_figure_is_its_own_fact(library):
    text = "The 2022 safeguarding conference was attended by 240 delegates, with a further 85 watching online."
    assert values(text, library, "conference_delegates") == ["85", "240"]


def test_number_words_complete(library):
    text = "The business plan for 2021-22 had thirty actions. By March, twenty-four are complete."
    assert values(text, library, "plan_actions_completed") == ["24"]
    assert values(text, library, "plan_actions_total") == ["30"]


def test_complete_with_a_share_in_brackets(library):
    text = "The improvement plan has 40 actions. At 30 June 2023, 32 were complete (80%) and 8 are on track."
    assert values(text, library, "plan_actions_completed") == ["32"]
    assert values(text, library, "plan_actions_completed_pct") == ["80"]
    # "(two thirds)" is no figure of its own
    text = "The improvement plan has 27 actions. At 30 June 2023, 19 were complete (two thirds)."
    assert values(text, library, "plan_actions_completed") == ["19"]
    assert values(text, library, "plan_actions_completed_pct") == []


def test_a_lists_label_of_completed_actions_then_its_figure(library):
    text = ("Recovery plan tracker, 30 April 2025\n    Actions signed off        21   (58%)\n"
            "    Actions in progress       15\n    Total actions             36")
    assert values(text, library, "plan_actions_completed") == ["21"]
    assert values(text, library, "plan_actions_completed_pct") == ["58"]
    # a year after the label is no count
    assert values("The plan's actions completed 2024 to 2025 are listed below.", library, "plan_actions_completed") == []


def test_actions_not_completed_are_no_total(library):
    text = "The plan for 2021-22 is nearly done: the five actions that were not completed roll forward."
    assert values(text, library, "plan_actions_total") == []


def test_completion_needs_its_noun_nearby(library):
    """'12 were complete' says nothing about plan actions unless actions are in reach."""
    assert values("Of the audits in 2022, 12 were complete by June.", library, "plan_actions_completed") == []


def test_share_of_places(library):
    text = "In 2022/23, attendance was 69 per cent of the 2,050 places made available."
    assert values(text, library, "training_utilisation") == ["69"]
    assert values(text, library, "training_places_offered") == ["2050"]


def test_rate_without_unit_and_comparator(library):
    text = "At 31 March 2023, 233 children are subject to child protection plans (rate 35.2; England 42.0)."
    assert values(text, library, "cp_plans_rate_per_10k") == ["35.2"]
    assert values(text, library, "cp_plans") == ["233"]


def test_rate_with_its_unit_in_brackets_after_the_count(library):
    text = "At 31 October 2022 there were 388 children in our care (49.2 per 10,000)."
    assert values(text, library, "children_in_care_rate_per_10k") == ["49.2"]
    assert values(text, library, "children_in_care") == ["388"]


def test_rate_of_a_count_noun_is_the_rate(library):
    text = "At 31 March 2023 the rate of children in care was 64.1 per 10,000 children."
    assert values(text, library, "children_in_care") == []


def test_infographic_rate_label(library):
    text = "At 31 March 2023: 41.7 per 10,000 children: our protection plan rate"
    assert values(text, library, "cp_plans_rate_per_10k") == ["41.7"]


def test_sub_population_after_the_figure(library):
    text = "At 31 March 2023 there were 2,210 children in need, of whom 1,190 are on child in need plans."
    assert values(text, library, "children_in_need") == ["1190", "2210"]


# --- terms a document defines -----------------------------------------------------------------

def test_term_defined_by_we_say_joins_for_that_document(library):
    text = ("In Wexley we say 'our young citizens' rather than children looked after.\f"
            "At 31 March 2022 there were 512 our young citizens.")
    assert values(text, library, "children_in_care") == ["512"]
    # another document has not defined it
    assert values("At 31 March 2022 there were 512 our young citizens.", library, "children_in_care") == []


def test_abbreviation_defined_in_brackets(library):
    text = ("This report is about children we care for (CWCF).\f"
            "At 31 March 2023 there were 310 CWCF in Wexley.")
    assert values(text, library, "children_in_care") == ["310"]
    assert values("At 31 March 2023 there were 310 CWCF in Wexley.", library, "children_in_care") == []
    # an abbreviation that is not the term's initials names something else
    text = "Referrals to children's social care (MASH) rose.\fIn 2022/23 there were 4,120 MASH contacts."
    assert values(text, library, "referrals") == []


# --- a user adds a synonym, no regex ------------------------------------------------------------

def _copy_with(tmp_path: Path, kpi: str, synonym: str) -> str:
    """The bundled children.toml with one more term in a KPI's lexicon."""
    from kpi_extract.library import bundled_dir
    text = (bundled_dir() / "children.toml").read_text(encoding="utf-8")
    start = text.index(f'id = "{kpi}"')
    at = text.index("[kpi.lexicon]\nterms = [", start) + len("[kpi.lexicon]\nterms = [")
    p = tmp_path / "children.toml"
    p.write_text(text[:at] + f'"{synonym}", ' + text[at:], encoding="utf-8")
    return str(p)


def test_a_synonym_added_to_the_data_is_read_with_no_regex_written(tmp_path, library):
    sentence = "At 31 March 2023 Brackwater had 722 children our council parents."
    assert values(sentence, library, "children_in_care") == []
    lib = load_library([_copy_with(tmp_path, "children_in_care", "children our council parents")])
    assert lib.problems == []
    assert values(sentence, lib, "children_in_care") == ["722"]
    assert values("Children our council parents stood at 730 on 30 June 2023.", lib, "children_in_care") == ["730"]


# --- the checks of the lexicon tables -----------------------------------------------------------

ENTRY = '''
[[kpi]]
id = "foster_carers"
label = "Approved foster carer households"
unit = "count"
range = [1, 5000]
[kpi.lexicon]
terms = ["fostering households"]
{extra}
'''


def load_text(tmp_path: Path, text: str, name: str = "mine.toml"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return load_library([str(p)], bundled=False), str(p)


def test_a_kpi_with_lexicon_terms_only_is_usable(tmp_path):
    lib, _ = load_text(tmp_path, ENTRY.format(extra=""))
    assert lib.problems == []
    assert values("At 31 March 2018 there were 214 fostering households.", lib, "foster_carers") == ["214"]


@pytest.mark.parametrize("extra, line, words", [
    ('terms2 = ["x"]', 9, ["unknown key `terms2`", "lexicon of kpi foster_carers"]),
    ('abbreviations = "FH"', 9, ["`abbreviations`", "must be a list"]),
    ('abbreviations = ["F H"]', 9, ["abbreviation 'F H'", "one word"]),
    ('share = "no_such_kpi"', 3, ["refers to unknown kpi 'no_such_kpi'"]),
    ('context = [""]', 9, ["`context`", "non-empty"]),
])
def test_lexicon_problems_name_file_line_and_key(tmp_path, extra, line, words):
    lib, path = load_text(tmp_path, ENTRY.format(extra=extra))
    assert len(lib.problems) == 1, lib.problems
    problem = lib.problems[0]
    assert problem.startswith(f"{path}:{line}:"), problem
    assert all(w in problem for w in words), problem


def test_shared_lexicon_problems(tmp_path):
    lib, path = load_text(tmp_path, ENTRY.format(extra="") + '\n[lexicon]\namount_verbs = ["came to", 3]\nverbs = []\n')
    assert any(p.startswith(f"{path}:12:") and "`amount_verbs`" in p for p in lib.problems), lib.problems
    assert any(p.startswith(f"{path}:13:") and "unknown key `verbs`" in p for p in lib.problems), lib.problems


def test_a_term_names_one_kpi(tmp_path):
    text = ENTRY.format(extra="") + ENTRY.replace("foster_carers", "foster_homes").format(extra="")
    lib, path = load_text(tmp_path, text)
    assert any("'fostering households' of kpi foster_homes is already a term of kpi foster_carers" in p
               for p in lib.problems), lib.problems


def test_bundled_lexicon_is_clean(library):
    assert library.words.amount_verbs and library.words.completion
    assert sum(1 for e in library.kpis.values() if e.lexicon and e.lexicon.terms) >= 15


@pytest.mark.parametrize("text,want", [
    ("Courses and delegates in 2022/23 numbered 143 and 2,870 respectively.",
     {("training_courses", "143"), ("training_delegates", "2870")}),
    ("Referrals and the re-referral rate for 2022/23 were 4,044 and 16.2% respectively.",
     {("referrals", "4044"), ("rereferral_rate", "16.2")}),
    # a list whose figures do not fit the nouns' units is left to the matchers
    ("Referrals and the re-referral rate for 2022/23 were 4,044 and 16 respectively.", None),
])
def test_a_paired_list_gives_each_figure_the_kpi_in_its_place(text, want, library):
    got = {(kpi, value) for kpi, value, _, _ in facts_of(text, library)}
    if want is None:
        assert not any(p for p in got if p[0] == "rereferral_rate" and p[1] == "16")
    else:
        assert got == want


def test_a_list_of_partners_one_per_line_under_its_lead(library):
    text = ("Partnership budget 2023-24\nContributions from the statutory partners:\n"
            "Northtown Council        £212,000\nNorth Vale ICB           £96,500\nNorthtown Police          £41,000\n"
            "Total contributions      £349,500\nBalance brought forward from 2022-23   £18,200\n")
    got = {(kpi, value, period, subject) for kpi, value, period, subject in facts_of(text, library)}
    assert got == {("agency_contribution", "212000", "2023-24", "Northtown Council"),
                   ("agency_contribution", "96500", "2023-24", "North Vale ICB"),
                   ("agency_contribution", "41000", "2023-24", "Northtown Police"),
                   ("budget_contributions", "349500", "2023-24", ""),
                   ("budget_carry_forward", "18200", "2023-24", "")}


def test_a_meetings_action_log_is_not_a_plan(library):
    assert facts_of("Of the 18 items on the action log, 15 are closed.", library) == []


def test_a_list_of_partners_after_their_total(library):
    got = {(kpi, value, subject) for kpi, value, _, subject in facts_of(
        "Partner contributions totalling £461,890 were confirmed: Wyvern Vale Council £243,100, "
        "Wyvern Constabulary £97,240 and the ICB £121,550.", library)}
    assert got == {("budget_contributions", "461890", ""), ("agency_contribution", "243100", "Wyvern Vale Council"),
                   ("agency_contribution", "97240", "Wyvern Constabulary"), ("agency_contribution", "121550", "ICB")}


@pytest.mark.parametrize("text,want", [
    ("Referrals rose by a further 140 in 2022/23 to 4,320.", {("referrals", "4320", "2022-23", "")}),
    ("LAC (31.3.23): 733, including 48 disabled children.",
     {("children_in_care", "733", "2023-03-31", ""), ("children_in_care", "48", "2023-03-31", "disabled children")}),
])
def test_a_level_after_its_change_and_a_label_with_a_short_date(text, want, library):
    assert set(facts_of(text, library)) == want


def test_a_list_of_local_authorities_after_the_kpis_words_gives_each_area_its_figure(library):
    got = set(facts_of("Children in care at 31 March 2024 across the tri-borough partnership: "
                       "Hammersmith and Fulham 201; Kensington and Chelsea 96; Westminster 178.", library))
    assert got == {("children_in_care", "201", "2024-03-31", "Hammersmith and Fulham"),
                   ("children_in_care", "96", "2024-03-31", "Kensington and Chelsea"),
                   ("children_in_care", "178", "2024-03-31", "Westminster")}
    # names that are no UK local authority are not taken for areas
    assert facts_of("Children in care at 31 March 2024: Northtown 201; Southvale 96.", library) == []


@pytest.mark.parametrize("text, want", [
    # another pattern's words reach across the term's figure to a rate after a comma: both are read
    ("Looked after children as at 30 Sep 2017: 544, rate 63 per 10,000 children.",
     {("children_in_care", "544", "2017-09-30"), ("children_in_care_rate_per_10k", "63", "2017-09-30")}),
    ("Children in care (as at 31-Mar-2025) 817; rate per 10k 64.9; statistical neighbour 71.3",
     {("children_in_care", "817", "2025-03-31"), ("children_in_care_rate_per_10k", "64.9", "2025-03-31")}),
])
def test_a_terms_figure_before_a_clause_of_its_rate_is_its_own(text, want, library):
    assert {(k, v, p) for k, v, p, _ in facts_of(text, library)} == want


def test_a_cell_that_has_its_figure_does_not_take_the_next_cells(library):
    # "1,730 referrals | 266 new plans": each cell's figure is its own term's
    got = {(k, v) for k, v, _, _ in facts_of("2023/24 at a glance: 5,020 contacts | 1,730 referrals | 266 new "
                                            "protection plans | 44 training courses", library)}
    assert ("referrals", "266") not in got and {("referrals", "1730"), ("training_courses", "44")} <= got
    got = {(k, v) for k, v, _, _ in facts_of("Learning offer 2022/23: 2,940 places offered | 2,512 booked | "
                                            "2,160 attended | 352 DNA", library)}
    assert ("training_places_offered", "2512") not in got and ("training_places_offered", "2940") in got



@pytest.mark.parametrize("text, want", [
    ("Children in need by age at 30 June 2024 | 0-4: 301 | 5-9: 422 | 10-15: 610 | 16+: 244 | Total 1,577",
     {("children_in_need", "301", "0-4"), ("children_in_need", "422", "5-9"), ("children_in_need", "610", "10-15"),
      ("children_in_need", "244", "16+"), ("children_in_need", "1577", "")}),
    ("Referrals in 2023/24 by source: schools 1,204; health 733; anonymous 48 (all sources 1,985).",
     {("referrals", "1204", "schools"), ("referrals", "733", "health"), ("referrals", "48", "anonymous"),
      ("referrals", "1985", "")}),
    ("Children looked after by placement type, 31 March 2024: foster care 288, residential 41, placed with parents 19.",
     {("children_in_care", "288", "foster care"), ("children_in_care", "41", "residential"),
      ("children_in_care", "19", "placed with parents")}),
])
def test_a_count_by_what_its_parts_are_gives_each_part_and_the_whole(text, want, library):
    assert {(k, v, s) for k, v, _, s in facts_of(text, library)} == want
