"""Short texts as committee papers write them, and exactly the facts the extractor gives.

Each case is a phenomenon from real packs (spec/kpis.md, "What real documents do"); the
texts are our own wording.
"""
import pytest

from conftest import facts_of

ANNUAL_REPORT = "Northmoor Safeguarding Children Partnership\nAnnual Report 2016/17\n"


@pytest.mark.parametrize("text,expected", [
    # a stock and its comparison in the next sentence (every Ofsted report does this)
    ("At 31 October 2017, 543 children and young people were the subject of a child protection plan "
     "(a rate of 32 per 10,000 children). This is a reduction from 581 (34 per 10,000 children) at 31 March 2017.",
     [("cp_plans", "543", "2017-10-31", ""), ("cp_plans_rate_per_10k", "32", "2017-10-31", ""),
      ("cp_plans", "581", "2017-03-31", ""), ("cp_plans_rate_per_10k", "34", "2017-03-31", "")]),
    # a flow is not the stock; a national comparator is nobody's figure
    ("Over the year 612 children became the subject of a child protection plan, compared to 580 last year. "
     "Our rate of 46 per 10,000 children on a child protection plan is above the national rate of 43.",
     [("cp_plans_started", "612", "2016-17", ""), ("cp_plans_started", "580", "2015-16", ""),
      ("cp_plans_rate_per_10k", "46", "2016-17", "")]),
    # a sub-population keeps its KPI id but says whose figure it is
    ("In August 2018 there were 571 children under the age of 5 with an open Child Protection Plan.",
     [("cp_plans", "571", "2018-08", "under 5s")]),
    # a target and a placement count are not children in care
    ("The target of fewer than 1,750 children in care has been reached. At the end of March 2017 there were "
     "1,841 children in care, of whom 590 were placed outside the city.",
     [("children_in_care", "1841", "2017-03-31", "")]),
    # prose with several figures and periods
    ("During 2016/2017 the partnership commissioned 168 multi-agency safeguarding training courses which were "
     "delivered to 3,255 practitioners. Course utilisation remains high 95% during 2016/17 compared to 90% "
     "during the previous year.",
     [("training_courses", "168", "2016-17", ""), ("training_delegates", "3255", "2016-17", ""),
      ("training_utilisation", "90", "2015-16", ""), ("training_utilisation", "95", "2016-17", "")]),
    # a damaged ligature ("attended" printed as "aJended") and a number broken by a space
    ("In 2017/18 the partnership delivered 128 courses and 2,512 delegates aJended over the year. "
     "It had an operating budget of £918, 687.",
     [("budget_total", "918687", "2016-17", ""), ("training_courses", "128", "2017-18", ""),
      ("training_delegates", "2512", "2017-18", "")]),
    # a conference is not the training programme
    ("A practitioners conference with 6 workshops was delivered to 174 delegates in June 2017.",
     [("conference_delegates", "174", "2017-06", "")]),
    # the budget, its parts, and "from the previous year" that is not a period
    ("The overall budget for 2017/18 was £718,834, made up of £681,683 in contributions from statutory partners "
     "and a carry forward of £37,151 from the previous year.",
     [("budget_carry_forward", "37151", "2017-18", ""), ("budget_contributions", "681683", "2017-18", ""),
      ("budget_total", "718834", "2017-18", "")]),
    # plan actions, numbers in words
    ("The Plan has four Strategic Priorities and thirty three actions. At the end of Year 1 (31st March 2022), "
     "73% of the actions have been completed.",
     [("plan_actions_total", "33", "2016-17", ""), ("plan_actions_completed_pct", "73", "2022-03-31", "")]),
    # numbers that are never figures: dates, ages, figure numbers, page ranges, phone numbers
    ("Figure 3 shows that a 14-year-old was seen within 45 days (pages 77 - 116); call 0121 464 2612.", []),
])
def test_phrasings(text, expected, library):
    assert sorted(facts_of(ANNUAL_REPORT + text, library)) == sorted(expected)


def test_table_with_period_columns_and_rate_rows(library):
    text = ANNUAL_REPORT + """Figure 17
Child Protection Data
Mar-15 Mar-16 Mar-17
No of Children on Child 1301 851 988
Protection Plans
Rate per 10k 47 31 35
No of Children on Child in Not provided 2088 2347
Need Plans
Rate per 10k Not provided 77 76
No of Children in Care 1963 1807 1846
Rate per 10k 72 66 65"""
    assert facts_of(text, library) == [
        ("children_in_care", "1963", "2015-03", ""), ("children_in_care", "1807", "2016-03", ""),
        ("children_in_care", "1846", "2017-03", ""),
        ("children_in_care_rate_per_10k", "72", "2015-03", ""), ("children_in_care_rate_per_10k", "66", "2016-03", ""),
        ("children_in_care_rate_per_10k", "65", "2017-03", ""),
        ("children_in_need", "2088", "2016-03", ""), ("children_in_need", "2347", "2017-03", ""),
        ("children_in_need_rate_per_10k", "77", "2016-03", ""), ("children_in_need_rate_per_10k", "76", "2017-03", ""),
        ("cp_plans", "1301", "2015-03", ""), ("cp_plans", "851", "2016-03", ""), ("cp_plans", "988", "2017-03", ""),
        ("cp_plans_rate_per_10k", "47", "2015-03", ""), ("cp_plans_rate_per_10k", "31", "2016-03", ""),
        ("cp_plans_rate_per_10k", "35", "2017-03", ""),
    ]


def test_infographic_label_on_the_next_line(library):
    text = "2017/18 at a glance\n1,323\nNumber of Children with a Child Protection\nPlan\n552\nChildren in Care\n89%\ncourse utilisation"
    assert sorted(facts_of(text, library)) == [
        ("children_in_care", "552", "2017-18", ""), ("cp_plans", "1323", "2017-18", ""),
        ("training_utilisation", "89", "2017-18", ""),
    ]


def test_damaged_infographic_label_is_matched_fuzzily(library):
    text = "Key facts 2017/18\n1,323\nNumber of Children with a Child Protec\ufffdon Plan"
    from kpi_extract.pipeline import extract_text
    (fact,) = extract_text(text, library)
    assert (fact.kpi, fact.value, fact.method, fact.period_source) == ("cp_plans", "1323", "fuzzy", "heading")
