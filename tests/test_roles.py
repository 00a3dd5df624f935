"""Roles of figures (kpi_extract/roles.py, issue 7): every sentence here is invented, in the way
English councils write, and none is taken from ../shared. Each role is checked twice: the role
and rule a candidate gets, and what the whole extractor then emits (a fact or nothing)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from kpi_extract import roles
from kpi_extract.layout import layout_page
from kpi_extract.matchers import match_page
from kpi_extract.pages import prepare
from kpi_extract.pipeline import extract_text
from kpi_extract.values import parse_value


def candidates(text: str, library):
    """The candidates of a one-page text, each with its role set."""
    page = prepare([text], None)[0]
    layout = layout_page(page.number, page.text, page.lines, None)
    return roles.assign(match_page(layout, library), library)


def facts(text: str, library) -> set[tuple[str, float]]:
    return {(f.kpi, float(f.value)) for f in extract_text(text, library)}


def kpi_values(text: str, library) -> set[tuple[str, str]]:
    """Each fact's KPI and value as written in the facts file."""
    return {(f.kpi, f.value) for f in extract_text(text, library)}


# (role, sentence, kpi of the candidate, its value): the figure is read, and it is this role
ROLE_CASES = [
    ("change", "Looked after children numbers went up by 17 over the summer.", "children_in_care", "17"),
    ("change", "The forecast overspend is £2.4m against the net budget, an adverse movement of £0.41m since quarter 1.",
     "budget_total", "£0.41m"),
    ("change", "There are 29 fewer children on a child protection plan than in June.", "cp_plans", "29"),
    # the change said again in a bracket
    ("change", "The number of children in need grew by 6% (140 children) in 2023/24.", "children_in_need", "140"),
    ("target", "Our target is to bring re-referrals down to 17% by 2026.", "rereferral_rate", "17%"),
    ("forecast", "The service is forecast to hold 512 children in care by March 2026.", "children_in_care", "512"),
    ("forecast", "The plan assumes 905 looked after children in 2027/28.", "children_in_care", "905"),
    ("comparator", "Nationally, 52,120 children were on a child protection plan at 31 March 2024.", "cp_plans",
     "52,120"),
    ("threshold", "Any budget variance above £150,000 is reported to the Cabinet Member.", "budget_total",
     "£150,000"),
    ("per-capita", "Spend per pupil on high needs was £1,890 in 2023/24.", "expenditure_total", "£1,890"),
    ("other-noun", "The borough's two Children in Care Councils each met six times.", "children_in_care", "two"),
    ("other-noun", "The training pool delivered all but three of the courses.", "training_courses", "three"),
    ("other-noun", "Of the 180 complaints received, 22 came from care leavers and 7 from children subject to a child "
                   "protection plan.", "cp_plans", "7"),
    ("conditional", "Nine children have been on a child protection plan for more than two years.", "cp_plans", "Nine"),
    # a set of bodies picked out by a bound on the count
    ("threshold", "Councils with a rate of more than 45 per 10,000 children on child protection plans are asked to "
                  "review thresholds.", "cp_plans_rate_per_10k", "45"),
    # a sample someone audits; those of a count who answered a survey
    ("conditional", "The Principal Social Worker is auditing 35 plans started since January to test decision-making.",
     "cp_plans_started", "35"),
    ("conditional", "Three months on, 58% of the 265 delegates who replied said they had used the learning in their work.",
     "training_delegates", "265"),
    ("conditional", "In the quarter, 31 children in care were also open to the Youth Offending Service.",
     "children_in_care", "31"),
    ("target", "Next year the board has set a target of 140 multi-agency courses and 2,800 delegates.",
     "training_delegates", "2,800"),
    # a whole that no KPI counts, broken down: its parts are not the KPIs' own counts
    ("part", "Of the 58 children at risk of criminal exploitation, 17 were looked after and 8 were on a child "
             "protection plan.", "cp_plans", "8"),
    # the KPI's words only qualify another counted noun ("places booked on ... courses")
    ("other-noun", "Places reserved on safeguarding training courses rose to 2,240 in the spring.", "training_courses",
     "2,240"),
    # a sum bounded, of whatever it is; sign-ups to an event, not the people who came
    ("threshold", "Agency contributions of more than £40,000 are paid in two instalments.", "budget_contributions",
     "£40,000"),
    ("other-noun", "The online safety briefing had 410 registrations from schools and GP practices.",
     "conference_delegates", "410"),
    # the children an event touches
    ("conditional", "Nine complaints were upheld in 2024/25, involving 14 children on child protection plans.", "cp_plans",
     "14"),
    ("conditional", "The change to the transport policy affected around 85 looked after children.", "children_in_care",
     "85"),
    ("conditional", "Eighteen children in care were without a named social worker in May.", "children_in_care",
     "Eighteen"),
    ("conditional", "Inspectors found 14 children on child protection plans who had not been seen for six weeks.",
     "cp_plans", "14"),
    ("comparator", "Across the South West, the rate of children looked after stood at 74 per 10,000 in March 2023.",
     "children_in_care_rate_per_10k", "74"),
    ("comparator", "The median budget among similar partnerships was £455,000 in 2022/23.", "budget_total", "£455,000"),
    ("conditional", "Each team is asked to hold no more than 30 children on plans at any time.", "cp_plans", "more than 30"),
    ("conditional", "Some 41 children in need had waited more than ten weeks for an assessment.", "children_in_need", "41"),
    # a bound in a condition: the least a course needs to run, not how many came
    ("threshold", "Each workshop runs only with at least 14 delegates booked.", "training_delegates", "14"),
    # a figure among other bodies together: their average, no one's own
    ("comparator", "Amongst Thames Valley partnerships, course utilisation averaged 81% in 2024/25.", "training_utilisation",
     "81%"),
    ("threshold", "Any single purchase of more than £2,500 requires the approval of the business manager.",
     "expenditure_total", "£2,500"),
    ("threshold", "The maximum capacity of the hall is 180 delegates.", "conference_delegates", "180"),
    ("per-capita", "On average each session had 23 delegates.", "training_delegates", "23"),
    # a change with its share in brackets before the word that makes it one
    ("change", "Next year's net budget is £7.4m (4.1%) lower, after savings and a smaller contingency.", "budget_total",
     "£7.4m"),
    # the children another service worked with, counted over "the year" (no label's number after "year")
    ("conditional", "Across the year 61 looked after children were supported by the YJS.",
     "children_in_care", "61"),
    # an improvement or a deterioration of a sum is a change
    ("change", "The forecast overspend on the 2025/26 revenue budget is £4.1m, an improvement of £0.8m on the last "
               "report.", "budget_total", "£0.8m"),
    # a sum's floor: the reserve the council must keep, not its budget
    ("threshold", "Unallocated reserves should stay above £12m, and the s151 officer sets the minimum of £9m the "
                  "budget must leave in them.", "budget_total", "£9m"),
    ("other-body", "The ICB's allocation for 2024/25 is £2.3bn, of which children's services spend is £210m.",
     "expenditure_total", "£210m"),
    ("other-body", "Westshire Police spent £1.4m on its child abuse investigation unit.", "expenditure_total", "£1.4m"),
    ("other-body", "We paid £9,000 towards the regional panel, whose own budget is £152,000.", "budget_total", "£152,000"),
    ("other-body", "NHS Westshire ICB, which has a budget of £1.9 billion in 2024/25, funds joint packages.", "budget_total",
     "£1.9 billion"),
    # a year after a word of time is a year, not a count
    ("other-noun", "Table 4 projects the number of children in care to 2029 on two scenarios.", "children_in_care",
     "2029"),
    ("other-noun", "Between 2021 and 2023 the number of children in care grew by a fifth.", "children_in_care", "2023"),
    ("target", "We intend to reduce the number of children in our care to 640 by 2027.", "children_in_care", "640"),
    ("threshold", "The standard requires a designated nurse in every provider caring for more than 40 looked after children.",
     "children_in_care", "40"),
    ("other-body", "The Combined Authority's adult skills budget of £41m includes a care leavers' offer.", "budget_total",
     "£41m"),
    ("finance-line", "Savings of £2.6m have been agreed for 2024/25.", "budget_total", "£2.6m"),
    ("other-body", "The integrated care board's budget for 2024/25 is £2.1bn.", "budget_total", "£2.1bn"),
    ("threshold", "Group sizes on the course are limited to 24 delegates.", "training_delegates", "24"),
    ("per-capita", "Our caseload standard is 15 children in need per qualified social worker.", "children_in_need", "15"),
    ("target", "Action 3: recruit 25 new foster carers and train 600 practitioners by June 2025.", "training_delegates",
     "600"),
    # a label that names a target or a forecast, then a colon
    ("target", "Annual target: 3,200 delegates. Achieved: 2,954 delegates.", "training_delegates", "3,200"),
    ("forecast", "Forecast for 31 March 2026: 702 children in care.", "children_in_care", "702"),
    # a rule's condition
    ("threshold", "The indicator turns red when more than 480 children are on a child protection plan.", "cp_plans",
     "480"),
    # a part named in inverted order, a course's size rule, a name that holds the KPI's words, a line of spend
    ("part", "Progress on the Improvement Plan 2024-26, five actions of which have been delayed.",
     "plan_actions_total", "five"),
    ("conditional", "Six courses were cancelled, and 17 courses ran with fewer than eight delegates.",
     "training_courses", "17"),
    ("threshold", "Six courses were cancelled, and 17 courses ran with fewer than eight delegates.",
     "training_courses", "eight"),
    ("other-noun", "Forty-one young people took part through the Children in Care Council this year.",
     "children_in_care", "Forty-one"),
    ("finance-line", "Agency staff spend reached £2.7m in the half year.", "expenditure_total", "£2.7m"),
    ("finance-line", "Spend to 31 December was £41.2m (58% of the programme) against a budget of £71m.",
     "expenditure_total", "£41.2m"),
    # a later verb shares the sentence's subject, another body
    ("other-body", "The integrated care board funds 212 joint packages and spent £29.6m on them in 2023/24.",
     "expenditure_total", "£29.6m"),
    # an intention said as "to bring ... down to", "the aim was to have", "plans for", "the planned"
    ("target", "The corporate plan's commitment is to bring the number of children looked after down to 615 "
               "over the next three years.", "children_in_care", "615"),
    ("target", "The partnership's aim was to have 28 of the actions signed off by the autumn.",
     "plan_actions_completed", "28"),
    ("target", "Next year's learning programme plans for 165 multi-agency training courses.", "training_courses", "165"),
    # what a sentence says will be
    ("forecast", "On the present trend, the county will have about 690 children looked after by next March.",
     "children_in_care", "690"),
    # a count the main clause finds wanting, after "For"
    ("conditional", "For 27 children in care, the pathway plan lacked any view of the young person.",
     "children_in_care", "27"),
    # the force's own unit
    ("other-body", "The force's child abuse investigation team received 6,120 referrals in 2023/24.", "referrals",
     "6,120"),
    # a total that takes the balance in, written as the balance's words
    ("look-alike", "Partnership funding 2023/24: total including balance brought forward £488,900.",
     "budget_carry_forward", "£488,900"),
    # and so with the year it was brought from before its colon
    ("look-alike", "Funds available, including the sum carried forward from 2024-25: £611,750.",
     "budget_carry_forward", "£611,750"),
    # a comparator opening the sentence governs each of its clauses, up to a semicolon
    ("comparator", "Across England, 50,780 children were on a child protection plan and 83,630 children were "
                   "looked after at 31 March 2024.", "children_in_care", "83,630"),
    # a comparator label before a colon names every item of its list, past semicolons
    ("comparator", "Statistical neighbour averages (2023/24): CP rate 44.1; CLA rate 71.5.",
     "children_in_care_rate_per_10k", "71.5"),
    # words in the label's bracket too
    ("comparator", "Peer averages (North West, 2024/25): CP rate 40.2; re-referral rate 20.9%.",
     "rereferral_rate", "20.9%"),
    # a provider's plan, and the part of it done
    ("other-body", "The team will review the provider's improvement plan, which has 11 actions; 4 were completed "
                   "by the end of June.", "plan_actions_total", "11"),
    ("other-body", "The team will review the provider's improvement plan, which has 11 actions; 4 were completed "
                   "by the end of June.", "plan_actions_completed", "4"),
    # the number of an item of a report
    ("other-noun", "Measure 6: Referrals to children's social care (AMBER)", "referrals", "6"),
    # "for comparison", "our nearest neighbour": another area's figure
    ("comparator", "For comparison, our nearest neighbour Westford had 1,480 children in need on 31 March 2024.",
     "children_in_need", "1,480"),
    # a place named as a neighbour in apposition; what each of several holds
    ("comparator", "Telford and Wrekin, one of our statistical neighbours, had 598 children in care at 31 March 2024.",
     "children_in_care", "598"),
    ("per-capita", "Each of the 31 social workers holds around 16 children in need.", "children_in_need", "16"),
    # a sentence whose subject is an aim: each figure of it is aimed at
    ("target", "Our aspiration is 90% of audits rated good, with a re-referral rate of 17%.", "rereferral_rate", "17%"),
    # committing someone to do something, a threshold set at, what should have happened, a plan's premise
    ("target", "The plan commits the board to run 145 multi-agency training courses in 2025/26.", "training_courses",
     "145"),
    ("threshold", "The KPI threshold for the re-referral rate is set at 21%.", "rereferral_rate", "21%"),
    ("forecast", "By March 2026 the number of children in care should have fallen to 655.", "children_in_care", "655"),
    ("forecast", "The medium-term plan is predicated on 468 looked after children.", "children_in_care", "468"),
    # a figure under a modal of what may yet be, in its own clause
    ("forecast", "Without the new edge-of-care offer the county could have 380 children on a child protection plan.",
     "cp_plans_started", "380"),
    # a clause with no subject of its own is the sentence's subject's: another body's training
    ("other-body", "The ICB's safeguarding team ran 58 sessions for GP practices this year, reaching 1,430 "
                   "practitioners.", "training_delegates", "1,430"),
    # a rate restating a forecast's or a target's count shares its role; so does the next item of a
    # comparator's list
    ("forecast", "Demand modelling projects 905 looked after children by 2027, equivalent to a rate of 88 per "
                 "10,000.", "children_in_care_rate_per_10k", "88"),
    ("target", "Our target is to bring the number on plans down to 330 by 2026, equivalent to a rate of 36 per "
               "10,000.", "cp_plans_rate_per_10k", "36"),
    ("comparator", "Data from neighbouring Easthope show that it looked after 512 children and had 287 children "
                   "on child protection plans.", "cp_plans", "287"),
    # a count the predicate qualifies: how many workers, how long in care
    ("conditional", "Most children are seen regularly, but 27 children in care had three or more social workers "
                    "this year.", "children_in_care", "27"),
    ("conditional", "The panel reviewed the 44 children who had been looked after for less than three months.",
     "children_in_care", "44"),
    # an audit's sample and its findings
    ("conditional", "A case audit of 48 child protection plans in May found 30 good and 18 requiring improvement.",
     "cp_plans", "30"),
    # what someone expects, or sets as an aim, is not yet done
    ("forecast", "Officers expect around 410 children in care by the summer.", "children_in_care", "410"),
    ("target", "The board has the aim of 92% course utilisation in 2025/26.", "training_utilisation", "92%"),
    # a count held back, or not filled
    ("conditional", "Nine of the plan's actions are on hold and 12 actions were deferred to next year.",
     "plan_actions_total", "12"),
    ("conditional", "In the spring term 22 multi-agency courses were undersubscribed.", "training_courses", "22"),
    ("conditional", "By March, 88% of the plan's actions were complete; 6 actions will carry forward into next "
                    "year's plan.", "plan_actions_total", "6"),
    # a label's own cell naming a target or an assumption; an indicative figure; a range's ends
    ("target", "Partnership budget 2026/27 | Target contributions from the three partners: £612,000",
     "budget_contributions", "£612,000"),
    ("forecast", "Budget assumption for 2026/27: partner contributions of £598,000.", "budget_contributions",
     "£598,000"),
    ("forecast", "The indicative budget for 2026/27 is £689,000.", "budget_total", "£689,000"),
    ("forecast", "We are on track for 3,500 practitioners trained this year.", "training_delegates", "3,500"),
    ("forecast", "The model projects between 610 and 655 children in care by March 2027.", "children_in_care", "655"),
    ("target", "The 2026/27 programme has a target of 3,800 places offered, and a minimum of 150 courses.",
     "training_courses", "150"),
    # qualified counts: "had no", living far from home
    ("conditional", "File audit, March 2025: 14 children on child protection plans had no core group in the last "
                    "month.", "cp_plans", "14"),
    ("conditional", "At 30 June 2025, 23 children in care were living more than 20 miles from home.",
     "children_in_care", "23"),
    # a service hosted by another council; a provider named with its trade
    ("other-body", "The adoption service, hosted by Leeds City Council, spent £3.1m in 2024/25.",
     "expenditure_total", "£3.1m"),
    ("other-body", "An independent residential provider looks after 58 children in care for nine councils.",
     "children_in_care", "58"),
    # a provider's count, and money paid into a reserve
    ("other-body", "An independent fostering agency reported that it was caring for 96 children at 31 March 2024.",
     "children_in_care", "96"),
    ("finance-line", "Members agreed a £1.1m contribution to the general fund reserve.", "budget_contributions",
     "£1.1m"),
    # what is drawn from a balance is its use; a total that takes the balance in is no budget line
    ("finance-line", "The 2024/25 budget of £412,000 was met from partner contributions and £9,500 drawn from the "
                     "balance brought forward.", "budget_carry_forward", "£9,500"),
    # the first cell of a line set out in cells labels every figure of the line
    ("forecast", "Forecast for March 2026 | Children in care 640 | CP plans 410", "children_in_care", "640"),
    ("target", "2025/26 targets | CLA 590 | Re-referral rate 18%", "children_in_care", "590"),
    # the whole of "N of M ... completed" is not the number done; a plan's label straight before the figure
    ("other-noun", "Business plan closing position for 2023/24: 19 of 31 actions completed (61%).",
     "plan_actions_completed", "31"),
    ("target", "Partnership Executive, 2 May 2024 - milestone: 70% of business plan actions signed off as complete by "
     "November 2024.", "plan_actions_completed_pct", "70%"),
    # another body as the subject: a trust of schools, a force's verb of carrying forward, a voluntary-sector
    # project carrying a caseload, a long name leading a line of cells, the probation service
    ("other-body", "Schools in the Harewood Academy Trust ran 22 safeguarding sessions in 2024/25, reaching 940 staff.",
     "training_delegates", "940"),
    ("other-body", "Wessex Constabulary carried forward £9,000 of its training budget.", "budget_carry_forward",
     "£9,000"),
    ("other-body", "Greenway Families, a voluntary-sector family support project, was working with 180 children in "
     "need in March.", "children_in_need", "180"),
    ("other-body", "Cheshire and Wirral Partnership NHS Foundation Trust | safeguarding training | 1,210 staff trained | "
     "2024/25",
     "training_delegates", "1,210"),
    ("other-body", "The probation service ran 9 safeguarding courses for 150 practitioners in 2024/25.",
     "training_courses", "9"),
    ("other-body", "Our friends at the Kent Safeguarding Children Partnership, who trained 4,200 practitioners in "
     "2023/24, shared their programme.", "training_delegates", "4,200"),
    # "while" (or a semicolon) opens a clause with its own subject
    ("other-body", "By March 2025, 61% of the partnership's plan actions were complete, while the ICB reported 85% of "
     "its own actions complete.", "plan_actions_completed_pct", "85%"),
    ("other-body", "The mayor's police and crime budget is £650m.", "budget_total", "£650m"),
    # a figure held up for comparison, a neighbour "next door", a region taken as a whole
    ("comparator", "Sandwell's rate of children in care, 98 per 10,000, was cited as a benchmark in the report.",
     "children_in_care_rate_per_10k", "98"),
    ("comparator", "Next door in Thurrock, 301 children were in care at 31 March 2024.", "children_in_care", "301"),
    ("comparator", "Taking the West Midlands as a whole, 88 in every 10,000 children were looked after.",
     "children_in_care_rate_per_10k", "88"),
    # children in a state, not a population: seen alone; room for children, not children
    ("conditional", "At 31 March 2024, 188 children subject to a plan were seen alone at their last visit.",
     "cp_plans", "188"),
    ("conditional", "The two council-run homes have beds for 11 children in care.", "children_in_care", "11"),
    # what the writer wants; a range, not a figure
    ("target", "The partnership wants 90 per cent of training places filled in 2025/26.", "training_utilisation",
     "90 per cent"),
    ("other-noun", "The general fund balance of £22.1m is 5% of the net budget and sits within the range of £18m to "
     "£28m.", "budget_total", "£18m"),
    # whose figure: a body that tells us, a provider's own name, a place set against ours, a source named,
    # partners' own activity, a school in apposition, a trust's own staff
    ("other-body", "Northgate Academy Trust told the partnership that its 31 schools had trained 860 staff in 2023/24.",
     "training_delegates", "860"),
    ("other-body", "Meadowvale Community Health spent £2.4m on its safeguarding service in 2022/23.",
     "expenditure_total", "£2.4m"),
    ("other-body", "Oldham's child protection rate was 61 per 10,000 at March 2023, whereas ours was 44.",
     "cp_plans_rate_per_10k", "61"),
    # the other way round: our figure first, then a place's after the contrast
    ("other-body", "Our net children's services budget is £188.2m for 2025/26, whereas Stockport's children's budget "
                   "stands at £97.5m.", "budget_total", "£97.5m"),
    # several councils named one by one: their sum, no one area's
    ("other-body", "Throughout Sefton, Knowsley and Wirral, 2,104 children were looked after at 31 March 2025.",
     "children_in_care", "2,104"),
    # a figure set against ours and placed in another body
    ("comparator", "We have 26 actions in our plan, compared with 39 in the Wirral partnership's plan.",
     "plan_actions_total", "39"),
    ("other-body", "According to Kent Police, officers made 1,870 referrals to children's social care in 2022/23.",
     "referrals", "1,870"),
    ("other-noun", "Agencies' own training in 2022/23: the police trained 300 officers; health colleagues ran 41 "
     "sessions.", "training_courses", "41"),
    ("other-body", "The ambulance service trained 150 staff in safeguarding in 2023/24.", "training_delegates", "150"),
    ("other-body", "Brookfield High, one of the borough's academies, ran 9 safeguarding sessions in 2022.",
     "training_courses", "9"),
    ("other-body", "Midwives from the community trust delivered 30 courses in 2023/24.", "training_courses", "30"),
    # a body as the subject after an opener, a report from it, a line it heads, what it ran said after the
    # figure, a clause it opens, its possessive, a bracket of its figures, its own words quoted
    ("other-body", "In 2023/24, Avon and Somerset Police trained 1,240 staff in safeguarding.", "training_delegates",
     "1,240"),
    ("other-body", "Of the partners, the ICB ran the most courses: 42 in 2023/24.", "training_courses", "42"),
    ("other-body", "The report from the CCG (received by the board in May 2024) records 1,240 staff trained in 2023/24.",
     "training_delegates", "1,240"),
    ("other-body", "Partner update - the ICB: 1,240 staff trained; 42 courses run (2023/24).", "training_courses", "42"),
    ("other-body", "A total of 42 safeguarding courses were run by the probation service in 2023/24.", "training_courses",
     "42"),
    ("other-body", "Within the ICB, 42 courses were delivered in 2023/24.", "training_courses", "42"),
    ("other-body", "The probation service's safeguarding budget for 2023/24 was £2.1m.", "budget_total", "£2.1m"),
    ("other-body", "Hospital staff training (ICB figures, 2023/24): 1,240 practitioners trained.", "training_delegates",
     "1,240"),
    ("other-body", "\"We delivered 42 safeguarding courses last year,\" the trust's named nurse told the board.",
     "training_courses", "42"),
    ("conditional", "The 14 children's homes in the borough can care for 56 children in care.", "children_in_care", "56"),
    # a group of councils by kind or by London
    ("comparator", "Inner London boroughs recorded a re-referral rate of 19% in 2023/24.", "rereferral_rate", "19%"),
    ("comparator", "Shire councils averaged 412 children in care at 31 March 2024.", "children_in_care", "412"),
    # a comparison by way of an opener, a bound under an aim said earlier, what is yet to be done
    ("comparator", "By way of comparison, Oldham reported 512 looked after children at the same date.",
     "children_in_care", "512"),
    ("target", "Members asked the partnership to aim for 3,000 delegates next year, up from the 2,600 first planned, "
     "and for at least 12 courses on neglect.", "training_courses", "12"),
    ("target", "The plan keeps 90% utilisation as its goal, with 14 courses to be rewritten.", "training_courses", "14"),
    # a line headed by a partner's sector, a body that reports the figure at the sentence's end, a neighbour's
    # return, another partnership
    ("other-body", "Health: 2,310 staff trained in safeguarding children in 2023/24.", "training_delegates", "2,310"),
    ("other-body", "Schools: 38 safeguarding courses for staff in 2023/24.", "training_courses", "38"),
    ("other-body", "2,310 staff were trained in safeguarding during 2023/24, the ICB reported.", "training_delegates",
     "2,310"),
    ("other-body", "Some 640 children were looked after at 31 March 2024, according to the neighbouring authority's "
     "return.", "children_in_care", "640"),
    ("other-body", "Another partnership in the region trained 5,600 practitioners in 2023/24.", "training_delegates",
     "5,600"),
    # which children: a state they are in, a sample an audit looked at; what a plan expects
    ("conditional", "Twenty-two children in care missed a health appointment in the summer term.",
     "children_in_care", "Twenty-two"),
    ("conditional", "In 2023/24, 318 children on child protection plans had a visit within 5 working days.",
     "cp_plans", "318"),
    ("conditional", "In 2023/24, 318 children on child protection plans had a visit within five working days.",
     "cp_plans", "318"),
    ("conditional", "The thematic audit considered 38 children in need cases.", "children_in_need", "38"),
    ("forecast", "The business plan expects the partnership to run 90 courses in 2025/26.", "training_courses", "90"),
    # a clause of who they are narrows a stock's children to some of them
    ("conditional", "The edge of care team is supporting 36 children in need whose families are in crisis.",
     "children_in_need", "36"),
    # what happened to some of them, the verb straight after the stock's words
    ("conditional", "Nine children on child protection plans attended A&E after an injury in 2023/24.", "cp_plans", "Nine"),
    ("conditional", "Twenty children looked after achieved five GCSEs in 2023.", "children_in_care", "Twenty"),
    # the children something was done for or found in; money drawn from reserves
    ("conditional", "A chronology had been completed for 44 children in need by the end of the audit.",
     "children_in_need", "44"),
    ("conditional", "Neglect was recorded as a factor for 188 children on child protection plans in March 2024.",
     "cp_plans", "188"),
    ("finance-line", "The board agreed the use of £18,000 of reserves to meet the cost of the review.",
     "budget_contributions", "£18,000"),
    # known to another service, in a legal process or custody, on the edge of care
    ("conditional", "At 31 March 2024, 37 children in care were known to the youth justice service.", "children_in_care",
     "37"),
    ("conditional", "At 31 March 2024, 18 children on child protection plans were subject to the pre-proceedings "
     "process.", "cp_plans", "18"),
    ("conditional", "14 children in care were in custody at 31 March 2024.", "children_in_care", "14"),
    ("conditional", "The edge of care team supported 54 children in need on the edge of care in 2023/24.",
     "children_in_need", "54"),
    # what some of them became; a clause of who they are in the label before the figure
    ("conditional", "19 children in care became parents in 2023/24.", "children_in_care", "19"),
    ("conditional", "The number of children in care who are in custody rose to 7 in March 2024.", "children_in_care", "7"),
    # or the state some of them are in; the records a reader looked at
    ("conditional", "Between April and June 2024, 17 children in care were arrested.", "children_in_care", "17"),
    ("conditional", "At 31 March 2024, 23 children on child protection plans were identified as at risk of criminal "
     "exploitation.", "cp_plans", "23"),
    ("conditional", "Inspectors looked at the records of 38 children in need during the visit in May 2024.",
     "children_in_need", "38"),
    # a figure for several areas at once is no one area's, whoever counts it
    ("other-body", "Brightstart's mentoring scheme supported 140 children in care from six local authorities in "
                   "2024/25.", "children_in_care", "140"),
    ("other-body", "The Vale partnership reports a re-referral rate of 26% for 2024/25 across its four councils.",
     "rereferral_rate", "26%"),
    ("other-body", "Police data cover the whole force area, which takes in four local authorities: 2,860 children were "
                   "flagged as subject to a child protection plan at 31 March 2025.", "cp_plans", "2,860"),
    # the sentence says what it is about is not the writer's
    ("other-body", "Eastfield District Council's community safety budget for 2025/26 is £230,000; it reports to the "
                   "Safer Communities Partnership, not to this board.", "budget_total", "£230,000"),
    ("other-body", "Exploitation training is run by the community safety partnership, not by this partnership: the CSP "
                   "ran 31 sessions in 2024-25, attended by 610 people.", "training_delegates", "610"),
    # another body's people, in the present tense; a charity in apposition that took referrals
    ("other-body", "Colleagues in Westbury report a re-referral rate of 18% for last year.", "rereferral_rate", "18%"),
    ("other-body", "Safe Harbour, the domestic abuse charity, took 296 referrals in 2024/25.", "referrals", "296"),
    # a place named after "For context" is set beside the writer
    ("comparator", "For context, Rotherham had 402 children on child protection plans at 31 March 2024.", "cp_plans",
     "402"),
    # children in need of something are not children in need by status
    ("other-noun", "The young carers project supported 205 children in need of respite in 2024/25.", "children_in_need",
     "205"),
    # the aim's verb runs on to the next figure; a bound set by a rule, with a modal or "where"
    ("target", "We intend to reach 1,800 practitioners through 95 safeguarding courses in 2026/27.", "training_courses",
     "95"),
    ("threshold", "No team manager should supervise more than 60 children in need cases.", "children_in_need", "60"),
    ("threshold", "Where a worker carries more than 22 children in need cases, a review is triggered.",
     "children_in_need", "22"),
    # a body's budget after its paragraph number and another object of its verb; money paid to several partnerships
    ("other-body", "3.4 The ICB's designated safeguarding team has 12 staff, and a budget of £910,000 for 2025/26.",
     "budget_total", "£910,000"),
    ("other-body", "The police's contributions to the three safeguarding partnerships in the force area came to £240,000 "
                   "in 2024/25.", "budget_contributions", "£240,000"),
    # a service one council hosts for several; a named body's report as the source; a body the writer visits or reads
    ("other-body", "The emergency duty team is hosted by Northbrook Council on behalf of all four authorities; its budget "
                   "for 2024/25 was £1.6m.", "budget_total", "£1.6m"),
    # a sum moved into a reserve, whatever its label calls it
    ("finance-line", "Outturn 2024/25: £1.6m is transferred to the children's services reserve.", "expenditure_total", "£1.6m"),
    # a service several councils share, hosted or not
    ("other-body", "The county-wide emergency duty team, which the three councils share, received 1,920 referrals about "
                   "children in 2024/25.", "referrals", "1,920"),
    ("other-body", "The Child Death Overview Panel, a shared service of the four partnerships, spent £188,000 in 2024/25.",
     "expenditure_total", "£188,000"),
    ("other-body", "The Eastern Counties Child Death Overview Panel, shared by five councils, has a budget of £204,000 "
                   "for 2025/26.", "budget_total", "£204,000"),
    # a number of another noun the KPI's words describe: assessments, visits
    ("other-noun", "In 2024/25, 2,930 children in need assessments were completed within 45 working days.",
     "children_in_need", "2,930"),
    # a part of another body's whole, a member's share of a regional agency's budget: the agency's income
    ("other-body", "Westby Council - Cabinet, 3 March 2025\nNorthvale Adoption, the regional adoption agency hosted by "
                   "Eastmoor Council, had a budget of £4.4m for 2024/25, of which Westby's share was £530,000.",
     "agency_contribution", "£530,000"),
    ("other-body", "Northvale Adoption, hosted by Eastmoor Council, set a 2025/26 budget of £4.6m, to which Westby "
                   "contributed £545,000.", "agency_contribution", "£545,000"),
    ("other-body", "The shared fostering recruitment hub for Ashvale, Norbury and Eastmoor spent £402,000 in 2024/25.",
     "expenditure_total", "£402,000"),
    ("other-body", "Eastmoor's annual report shows that 2,480 delegates attended its multi-agency training in 2024/25.",
     "training_delegates", "2,480"),
    ("other-body", "In June, two board members visited the Norbury partnership, which ran 97 multi-agency courses in "
                   "2024/25.", "training_courses", "97"),
    ("other-body", "The Ashvale partnership's improvement plan, which we reviewed as part of a peer challenge, has 44 "
                   "actions.", "plan_actions_total", "44"),
    # the writer's own set apart later in the sentence
    ("other-body", "In Kestrel's partnership the statutory partners contributed £410,000 in 2024/25; our own funding is "
                   "shown in Appendix B.", "budget_contributions", "£410,000"),
    # a scenario's figure and what a budget is built on are modelled; a factor in some of them; a quartile's bound
    ("forecast", "Scenario 2 (current trends continue) would see 512 children in care by March 2027.", "children_in_care",
     "512"),
    ("forecast", "The 2026/27 budget is built on 720 looked after children.", "children_in_care", "720"),
    ("conditional", "Neglect was recorded as a factor at assessment in 944 referrals in 2024/25.", "referrals", "944"),
    ("comparator", "Top-quartile threshold for the re-referral rate: 17.9% (2023-24).", "rereferral_rate", "17.9%"),
    # some of them done within their original timescale; the bottom of a range after its label's colon
    ("conditional", "Of the actions signed off so far, 19 were completed within their original timescale.",
     "plan_actions_completed", "19"),
    ("other-noun", "Tolerance range for children on child protection plans: 380 to 440.", "cp_plans", "380"),
    # a team's whole staff, trained or in post, is that team's own, no multi-agency delegates
    ("other-noun", "Action taken: refresher training in de-escalation for all 12 staff was completed by 31 July 2025.",
     "training_delegates", "12"),
    ("other-noun", "The visit found that 2 of the 3 staff had now completed the diploma.", "training_delegates", "3"),
    # a share of the year's budget kept in reserve; referrals to all of several councils; a figure from its own report
    ("threshold", "Board policy is to hold a reserve of at least 5% of the year's budget (£41,200 for 2026-27).",
     "budget_total", "£41,200"),
    ("other-body", "The 8,140 referrals went to the front doors of all four local authorities in 2024/25.", "referrals",
     "8,140"),
    ("other-body", "Partner contributions £640,100 (taken from its published annual report 2024-25).",
     "budget_contributions", "£640,100"),
    # referrals about some children only; the average of many partnerships; a region's figure in apposition; a ward's
    ("conditional", "Some 480 referrals in 2024-25 concerned children who were already open to early help.", "referrals",
     "480"),
    ("comparator", "Across the exercise, the average partnership delivered 104 multi-agency courses in 2023-24.",
     "training_courses", "104"),
    ("comparator", "The Chair noted that the North West rate of children looked after, 97 per 10,000, had risen for four "
                   "years.", "children_in_care_rate_per_10k", "97"),
    ("conditional", "Equality impact: the ward with the most children on child protection plans is Hillside (52), which is "
                    "also the most deprived.", "cp_plans", "52"),
    # other partnerships, several of them, as the sentence's subject
    ("other-body", "3.1 Four partnerships (B, C, F and K) report a health contribution of exactly £96,000.",
     "agency_contribution", "£96,000"),
    # children counted in two states at once
    ("conditional", "At the end of June 2025, 23 children in Thurrock were both looked after and on a child protection plan.",
     "cp_plans", "23"),
    # a range a forecast gives, and a figure listed after it, "about" or "around" before it
    ("forecast", "Our modelling forecasts between 930 and 960 children in care by March 2027, and about 410 children on "
                 "plans.", "children_in_care", "960"),
    ("forecast", "Our modelling forecasts between 930 and 960 children in care by March 2027, and about 410 children on "
                 "plans.", "cp_plans", "about 410"),
    # the noun a sum is "of" names it, whatever the clause began with
    ("finance-line", "This year's net budget contains efficiencies of £8.3m across the directorates.", "budget_total",
     "£8.3m"),
    ("finance-line", "The 2025/26 budget relies on exceptional financial support of £24.0m from government.",
     "budget_total", "£24.0m"),
    # money over several years is no year's
    ("finance-line", "Under the safety valve agreement the DfE will pay £38.5m between 2023/24 and 2027/28.",
     "agency_contribution", "£38.5m"),
    # the balance brought forward as the last of the things a verb sums
    ("look-alike", "Partner contributions, course fees and the balance brought forward came to £389,200 in 2024/25.",
     "budget_carry_forward", "£389,200"),
    # actions in a state named after their noun
    ("conditional", "Members noted progress on the plan and the four actions still running late.",
     "plan_actions_total", "four"),
    # the writer forecasts what follows: each figure of its object, the measure named before it
    ("forecast", "We forecast 705 looked after children by March 2027 and a rate of 74 per 10,000.",
     "children_in_care_rate_per_10k", "74"),
    ("forecast", "The service projects that 980 children will be on plans in March 2026, with a re-referral rate of 19%.",
     "rereferral_rate", "19%"),
    # London as the region
    ("comparator", "The NSPCC helpline passed 3,140 referrals to children's services across London in 2024/25.",
     "referrals", "3,140"),
    # actions done by their deadline: some of those done
    ("conditional", "By March, 81% of the plan's actions were complete and 63% had been completed on time.",
     "plan_actions_completed_pct", "63%"),
    # income from one source, named by the noun its sum is "of"
    ("finance-line", "Highways: additional income from parking and street works permits of £385k this year.",
     "budget_total", "£385k"),
    # a case supposed, not counted
    ("forecast", "Members were asked to imagine a scenario in which 520 children were on protection plans at once.",
     "cp_plans", "520"),
    # the whole its graders rated some of: an audit's sample
    ("conditional", "Practice leads graded 11 of the 48 referrals as requires improvement.", "referrals", "48"),
    # a cohort of one school year, and the children some other counted thing was given to
    ("conditional", "Of the 31 looked after children in Year 11, 12 achieved a grade 4 in English and maths.",
     "children_in_care", "31"),
    ("conditional", "Secondary schools gave 96 suspensions to 41 children in care in the autumn term.", "children_in_care",
     "41"),
    # a share "done" of a whole counted in another noun
    ("other-noun", "An audit of the 96 contacts closed in March found that 41% had been closed with no further action.",
     "plan_actions_completed_pct", "41%"),
]


@pytest.mark.parametrize("role,text,kpi,raw", [c for c in ROLE_CASES if c[2]])
def test_a_figure_that_is_not_the_kpi_gets_its_role_and_gives_no_fact(role, text, kpi, raw, library):
    read = [c for c in candidates(text, library) if c.raw == raw and c.kpi == kpi]
    c = read[0] if read else roles.assign([_candidate(text, raw, kpi)], library)[0]
    assert (c.role, bool(c.role_rule)) == (role, True), c.role_rule
    assert not roles.is_fact(c)
    value = parse_value(raw)
    assert not {f for f in facts(text, library) if f[0] == kpi and (value is None or f[1] == value)}


# (role, sentence, the facts it gives)
FACT_CASES = [
    ("level", "At 30 September 2023 there were 522 children on a child protection plan.", {("cp_plans", 522.0)}),
    # the whole a part is of, its noun straight after it: what follows is said of the part
    ("level", "As at 31 March 2025, 37 of the 612 children in care had missed a health assessment.",
     {("children_in_care", 612.0)}),
    ("flow", "Every one of the 2,940 referrals received in 2023/24 had a manager's decision within 24 hours.",
     {("referrals", 2940.0)}),
    ("flow", "During 2023/24, 611 children became subject to a child protection plan.",
     {("cp_plans_started", 611.0)}),
    # a provisional outturn is what was spent, before audit
    ("amount", "Provisional outturn: the council's total net expenditure in 2024/25 was £288.4m, an underspend of "
               "£0.9m.", {("expenditure_total", 288400000.0)}),
    ("rate", "The rate of children looked after was 71.2 per 10,000 children.",
     {("children_in_care_rate_per_10k", 71.2)}),
    ("rate", "At 31 March 2024, 41.2 in every 10,000 children in Harrowby were on a child protection plan.",
     {("cp_plans_rate_per_10k", 41.2)}),
    # courses that "were attended by" their delegates are training, not a conference
    ("flow", "In 2022/23 the board ran 118 safeguarding courses, which were attended by 2,406 staff from partner "
             "agencies.", {("training_courses", 118.0), ("training_delegates", 2406.0)}),
    ("share", "The re-referral rate was 21% in 2023/24.", {("rereferral_rate", 21.0)}),
    # utilisation said as places filled
    ("share", "2022/23 in numbers: 91% of places filled", {("training_utilisation", 91.0)}),
    ("amount", "The partnership budget for 2023/24 amounted to £644,300.", {("budget_total", 644300.0)}),
    # a year's budget that "will be" a sum is the budget set, not a forecast
    ("amount", "The Place directorate's net budget for 2026/27 will be £88.5m.", {("budget_total", 88500000.0)}),
    ("amount", "In 2023/24 the board's income was £410,250.", {("budget_total", 410250.0)}),
    # "amounted to"; a single-agency line after "||" is its own; "protection plans" without "child"
    ("flow", "Referrals accepted by the front door team over 2023/24 amounted to 5,980.", {("referrals", 5980.0)}),
    ("flow", "Multi-agency training 2022/23 | 88 courses | 1,702 delegates || Police single-agency training | 30 "
             "courses | 610 officers", {("training_courses", 88.0), ("training_delegates", 1702.0)}),
    ("level", "When the snapshot was taken on 30 June 2023, 642 children were the subject of protection plans.",
     {("cp_plans", 642.0)}),
    # a rate that "has come down to" or "gone up to" its level (not "up to", a limit); "a protection plan"
    ("rate", "Our CP rate has come down to 47.5 per 10k at the end of March 2025.", {("cp_plans_rate_per_10k", 47.5)}),
    ("rate", "The looked after rate has gone up to 72 per 10,000 at 31 March 2024.",
     {("children_in_care_rate_per_10k", 72.0)}),
    ("rate", "The rate of children on a protection plan was 36.9 per 10,000 at 31 March 2022.",
     {("cp_plans_rate_per_10k", 36.9)}),
    # a body's own clause after ours keeps ours
    ("share", "By 31 December 2024, 64% of the partnership's business plan actions had been completed, while the ICB "
              "reported 80% of its own safeguarding actions complete.", {("plan_actions_completed_pct", 64.0)}),
    # our own words quoted keep our figure
    ("flow", "\"We delivered 42 safeguarding courses last year,\" the partnership's business manager told the board.",
     {("training_courses", 42.0)}),
    # a clause of who they are that is the KPI's own words keeps the stock
    ("level", "There were 1,120 children who were looked after at 31 March 2024.", {("children_in_care", 1120.0)}),
    ("level", "At 31 March 2023 there were 604 children looked after who were aged:", {("children_in_care", 604.0)}),
    ("level", "At 31 March 2024, 512 children were looked after.", {("children_in_care", 512.0)}),
    # the writer's own figure beside another body's: only ours
    ("flow", "The police told the board they had made 1,230 referrals in 2023/24, and we received 5,400 referrals in "
             "all.", {("referrals", 5400.0)}),
    # several areas that are the writer's own (a joint partnership), or where an event's people came from
    ("flow", "The partnership trained 1,450 delegates across the three boroughs in 2024/25.",
     {("training_delegates", 1450.0)}),
    ("flow", "The annual safeguarding conference in May 2024 drew 380 delegates from nine partnerships.",
     {("conference_delegates", 380.0)}),
    # another subject after the semicolon says what is not ours; our own figure "for context"; the need of a service
    ("amount", "Our budget for 2024/25 is £455,000; the ICB's designated nurse post is not part of this budget.",
     {("budget_total", 455000.0)}),
    ("level", "For context, 214 children were subject to a child protection plan at 30 June 2024.", {("cp_plans", 214.0)}),
    ("level", "At 31 March 2024, 2,405 children had been identified as in need of a specialist children's service.",
     {("children_in_need", 2405.0)}),
    # what the writer itself reviewed; a business unit a council hosts for one partnership
    ("level", "The business plan, which we reviewed in March, has 40 actions.", {("plan_actions_total", 40.0)}),
    # the delegates a part of whom rated their course are the delegates
    ("flow", "Of the 450 delegates, 420 rated their course good or better.", {("training_delegates", 450.0)}),
    # a milestone is aimed at; the position beside it is done
    ("level", "Improvement plan milestone for 30 June 2026: 28 actions signed off. Position at 31 March 2026: 21 signed "
              "off.", {("plan_actions_completed", 21.0)}),
    ("amount", "The partnership's business unit is hosted by the county council; its budget for 2024/25 was £512,000.",
     {("budget_total", 512000.0)}),
]


@pytest.mark.parametrize("role,text,want", FACT_CASES)
def test_a_figure_of_the_kpis_own_measure_becomes_a_fact(role, text, want, library):
    assert facts(text, library) == want
    assert role in {c.role for c in candidates(text, library)}


def test_a_comparison_after_the_figure_keeps_the_figure():
    text = "Our rate of 38.4 per 10,000 compares with 43.2 for England and 40.1 for statistical neighbours."
    c = _candidate(text, "38.4", "cp_plans_rate_per_10k")
    assert roles.role_of(c, _LIB[0])[0] == "rate"
    for other in ("43.2", "40.1"):
        assert roles.role_of(_candidate(text, other, "cp_plans_rate_per_10k"), _LIB[0])[0] == "comparator"


def test_a_part_is_a_fact_only_with_its_subject(library):
    spent = _candidate("The training budget was £42,000, of which £36,500 was spent.", "£36,500", "expenditure_total")
    spent = roles.assign([spent], library)[0]
    assert (spent.role, spent.role_rule, roles.is_fact(spent)) == ("part", "of-which", False)
    text = "At 31 March 2024 there were 780 children in care, of whom 102 were placed with parents."
    whole, part = (_candidate(text, raw, "children_in_care") for raw in ("780", "102"))
    whole, part = roles.assign([whole, part], library)
    assert (whole.role, roles.is_fact(whole)) == ("level", True)
    assert (part.role, part.subject, roles.is_fact(part)) == ("part", "placed with parents", True)


@pytest.mark.parametrize("text, whole, raw", [
    ("At 31 March 2024 there were 780 children in care, of whom 102 were unaccompanied.", "780", "102"),
    ("At 30 June 2024 there were 402 children in care: 31 of the 402 are unaccompanied asylum-seeking children.",
     "402", "31"),
    ("At the time of the inspection there were 1834 looked after children, of whom 192 were UASC.", "1834", "192"),
])
def test_a_part_the_library_counts_as_its_own_measure_is_that_measure(text, whole, raw, library):
    # uasc_in_care's `part_of`: unaccompanied asylum-seeking children are not a part of children in care
    got = {(f.kpi, f.value, f.subject, f.pattern.endswith(">uasc_in_care")) for f in extract_text(text, library)}
    assert got == {("children_in_care", whole, "", False), ("uasc_in_care", raw, "", True)}


@pytest.mark.parametrize("text, want", [
    # an exclusion in the measure's definition names no part
    ("Children in care (excluding UASC) stood at 1,650 at 31 March 2024.", ("children_in_care", "1650", "")),
    ("The number of looked after children not including UASC was 1,210 at 31 March 2024.",
     ("children_in_care", "1210", "")),
    ("There were 1,210 children in care at 31 March 2024, excluding unaccompanied asylum-seeking children.",
     ("children_in_care", "1210", "")),
    # the words before a label name its part as well as the words of the match
    ("Unaccompanied asylum-seeking children in care: 57 at 31 March 2024.", ("uasc_in_care", "57", "")),
    ("Disabled children in care: 44 at 31 March 2024.", ("children_in_care", "44", "disabled children")),
    # a conjunction ends the label's own words
    ("Care leavers and children in care: 500 at 31 March 2024.", ("children_in_care", "500", "")),
    # the label's words after the measure name its part: a legal status, a placement, a locality
    ("Children looked after under a care order (s31): 412", ("children_in_care", "412", "care order")),
    ("Looked after children under an interim care order | 38", ("children_in_care", "38", "interim care order")),
    ("Children in need in the East locality: 702", ("children_in_need", "702", "East locality")),
])
def test_a_subject_is_what_the_label_names_and_does_not_exclude(text, want, library):
    assert {(f.kpi, f.value, f.subject) for f in extract_text(text, library)} == {want}


@pytest.mark.parametrize("text, want", [
    # the parts listed on after the first, with or without their own verb
    ("Of the 530 children in care at 31 March 2023, 301 were on care orders, 88 were accommodated under section 20 "
     "and 41 were on placement orders.",
     {("children_in_care", "530", ""), ("children_in_care", "301", "on care orders"),
      ("children_in_care", "88", "accommodated under section 20"), ("children_in_care", "41", "placement orders")}),
    ("Of 440 looked after children on 30 June 2022, 310 lived with foster carers and 27 in children's homes.",
     {("children_in_care", "440", ""), ("children_in_care", "310", "with foster carers"),
      ("children_in_care", "27", "children's homes")}),
    ("Of the 377 children on a plan at 31 March 2024, 120 were under five and 19 were unborn.",
     {("cp_plans", "377", ""), ("cp_plans", "120", "under 5s"), ("cp_plans", "19", "unborn")}),
    # the last part a word or two after "and", its verb left to the first's
    ("Of the 588 children in care at 31 March 2025, 321 were boys and 267 girls.",
     {("children_in_care", "588", ""), ("children_in_care", "321", "boys"), ("children_in_care", "267", "girls")}),
    # a count that is not where the children are is no part of the list ("had not been visited")
    ("Of the 377 children on a plan at 31 March 2024, 120 were under five and 23 had not been visited within "
     "timescales.", {("cp_plans", "377", ""), ("cp_plans", "120", "under 5s")}),
    # a flow's parts say where they came from; what they did is no part
    ("Of the 1,730 delegates on partnership courses in 2022/23, 702 came from schools and 215 from health.",
     {("training_delegates", "1730", ""), ("training_delegates", "702", "schools"),
      ("training_delegates", "215", "health")}),
    ("Of the 2,210 referrals received in 2022/23, 498 came within 12 months of a previous referral.",
     {("referrals", "2210", "")}),
])
def test_the_parts_of_a_whole_are_read_in_a_list(text, want, library):
    assert {(f.kpi, f.value, f.subject) for f in extract_text(text, library)} == want


@pytest.mark.parametrize("text, want", [
    # what the parts are, named before the KPI's words
    ("Legal status of children in care at 30 September 2023: care orders 377, placement orders 42, section 20 "
     "accommodation 65.",
     {("children_in_care", "377", "care orders"), ("children_in_care", "42", "placement orders"),
      ("children_in_care", "65", "section 20 accommodation")}),
    # age bands name their parts whatever leads to them; the list's words decide its KPI once (plans
    # started, not the stock), and "(159 in total)" is the whole
    ("Children who became subject to a child protection plan in 2022/23: under 1 41, 1-4 years 118 (159 in total).",
     {("cp_plans_started", "41", "under 1"), ("cp_plans_started", "118", "1-4 years"), ("cp_plans_started", "159", "")}),
    # named items that are not age bands, with no "by" and no dimension: no breakdown
    ("Children in care at 31 March 2024: Northfield 301, Southgate 47.", set()),
])
def test_a_breakdown_named_by_its_dimension_or_its_age_bands(text, want, library):
    assert {(f.kpi, f.value, f.subject) for f in extract_text(text, library)} == want


@pytest.mark.parametrize("text, want", [
    # the one item that is neither a comparator nor an earlier period is the reporting body's own
    ("Children in care per 10,000 (31 March 2023): Ashworth 71.4; statistical neighbours 66.0; England 71.0",
     {("children_in_care_rate_per_10k", "71.4", "2023-03-31")}),
    ("Open CIN cases at 30 June 2024 | this authority 1,410 | regional average 1,655 | England median 1,380",
     {("children_in_need", "1410", "2024-06-30")}),
    ("Re-referrals within a year, 2022/23: us 19.5%, comparator group 21.0%, England 22.1%.",
     {("rereferral_rate", "19.5", "2022-23")}),
    ("Referrals received, 2023/24: us 3,905; family group average 3,400; last year 3,611.",
     {("referrals", "3905", "2023-24")}),
    # a place inside the region's name is no comparator: two areas of the council's own, no comparator
    ("Children on protection plans, 30 June 2022: Mid Hallam 251, North East Hallam 302.", set()),
    # comparators and targets only: nothing of the body's own
    ("Re-referral benchmarks 2024/25 | England 22.4% | Stat neighbours 21.7% | Top quartile 17.0%", set()),
])
def test_the_bodys_own_figure_in_a_line_of_comparators(text, want, library):
    assert {(f.kpi, f.value, f.period) for f in extract_text(text, library) if not f.subject} == want


def test_a_different_measure_after_of_which_is_not_a_part(library):
    text = "The plan has 40 actions, of which 31 were completed."
    got = roles.assign([_candidate(text, "40", "plan_actions_total"), _candidate(text, "31", "plan_actions_completed")],
                       library)
    assert [(c.role, roles.is_fact(c)) for c in got] == [("level", True), ("level", True)]


def test_a_comparison_beside_a_finance_line_is_a_finance_line_too(library):
    text = "Net investment income of £4.1 million is assumed in 2025/26 (2024/25: £5.3 million)."
    assert facts(text, library) == set()
    assert facts("The partnership budget for 2024/25 is £512,000 (2023/24: £498,000).", library) == {
        ("budget_total", 512000.0), ("budget_total", 498000.0)}


def test_the_done_part_of_a_plan_in_a_sentence_of_its_own_is_not_a_part(library):
    # "Of these" points at the plan of the sentence before; the completed actions are their own KPI
    text = "The plan has 40 actions. Of these, 31 have been completed and a further 6 are on track."
    assert facts(text, library) == {("plan_actions_total", 40.0), ("plan_actions_completed", 31.0)}


@pytest.mark.parametrize("text", [
    "Net investment income of £3.1m is budgeted for 2024/25.",
    "Income from fees and charges was £8,400 in 2023/24.",
    "Grant income and contributions totalled £1.2m.",
    "The month 6 variance is an overspend of £640,000.",
    "A provision of £900,000 is held for bad debts.",
    "The council received a Household Support grant of £2.2m in 2023/24.",
    "Council tax for a Band D property in 2024/25 is £2,140.50.",
    "Contracts worth £180,000 or more must be advertised.",
    "The schools' notional SEN budget is £9.8m.",
    "Neighbouring Easthope Council set a net revenue budget of £410m for 2024/25.",
    "Total resources available (including the balance brought forward of £21,400): £560,900",
])
def test_finance_lines_are_never_the_budget_or_spend(text, library):
    assert not {k for k, _ in facts(text, library)} & {"budget_total", "expenditure_total"}, facts(text, library)


def test_a_balance_brought_forward_is_not_the_sum_it_went_into(library):
    got = facts("Contributions for 2024/25 were £476,300, which with £18,900 brought forward gave total "
                "resources of £495,200.", library)
    assert ("budget_carry_forward", 18900.0) in got and ("budget_carry_forward", 495200.0) not in got


@pytest.mark.parametrize("text", ["Partner contributions and other income in 2024/25 came to £612,750.",
                                  "Contributions plus grants for 2023/24: £498,100."])
def test_contributions_with_other_income_are_not_the_contributions(text, library):
    assert not {k for k, _ in facts(text, library)} & {"budget_contributions", "budget_total"}, facts(text, library)


@pytest.mark.parametrize("text, want", [
    # a label column of what the parts are, beside a column headed by the measure (and its date): each row
    # is that measure's part, the total row its whole; a comparator's row is no one's part
    ("Ward | Children on CP plans (31 Jan 2025)\nAbbey | 64\nCastle | 51\nEngland | 40\nTotal | 115",
     {("cp_plans", "64", "Abbey", "2025-01-31"), ("cp_plans", "51", "Castle", "2025-01-31"),
      ("cp_plans", "115", "", "2025-01-31")}),
    ("Age band | Children looked after at 31 March 2024\nUnder 1 | 22\n1-4 | 61\nTotal | 83",
     {("children_in_care", "22", "Under 1", "2024-03-31"), ("children_in_care", "61", "1-4", "2024-03-31"),
      ("children_in_care", "83", "", "2024-03-31")}),
    # the label column's own head names the measure "by" what the parts are, and the columns are the parts
    ("Children in need by ward, 31 December 2024 | Abbey | Castle | Total\nChildren | 140 | 95 | 235",
     {("children_in_need", "140", "Abbey", "2024-12-31"), ("children_in_need", "95", "Castle", "2024-12-31"),
      ("children_in_need", "235", "", "2024-12-31")}),
    # each agency's own courses are that agency's, not the partnership's by agency
    ("Single-agency training 2023/24 (each agency's own courses)\nAgency | Courses run\nPolice | 48\nHealth | 31",
     set()),
])
def test_a_table_of_parts_by_what_they_are_under_a_column_of_the_measure(text, want, library):
    assert {(f.kpi, f.value, f.subject, f.period) for f in extract_text(text, library)} == want


def test_a_table_row_labelled_as_a_lookalike_is_routed(library):
    text = "Measure 2022/23 2023/24\nChildren on a CP plan 402 388\nCP plans started 611 590\n"
    got = facts(text, library)
    assert ("cp_plans", 611.0) not in got and ("cp_plans", 590.0) not in got


@pytest.mark.parametrize("text", [
    "Briefing on the Department for Education's statistics: 49,870 children were the subject of a child "
    "protection plan at 31 March 2026 and 83,630 children were looked after.",
    "Across the country 410,000 children were in need at 31 March 2025.",
    "Councils spent £12.2bn on children's social care in 2024/25.",
])
def test_a_figure_only_england_could_have_is_no_bodys_own(text, library):
    """No word says "England" here; the size does: the ranges stop above the largest authority."""
    assert facts(text, library) == set()


def test_the_largest_authoritys_own_figures_are_still_plausible(library):
    text = "At 31 March 2025, 2,137 children were in our care and 1,301 were on a child protection plan."
    assert facts(text, library) == {("children_in_care", 2137.0), ("cp_plans", 1301.0)}


@pytest.mark.parametrize("text, want", [
    # a sign before the figure on its line is a trigger; a sign opening the line is a bullet
    ("RAG thresholds for the scorecard\nMeasure Red when\nChildren in care (number) > 510\n", set()),
    ("Highlights of the year\n> 412 children were looked after at 31 March 2025\n", {("children_in_care", 412.0)}),
    # an audit's columns count the files tested and those that passed
    ("Audit of case files, quarter 3\nStandard | Sample | Met | Not met\nChildren in need | 25 | 19 | 6\n", set()),
    # a comparator opening the clause after a colon governs it
    ("The board heard the summary of the DfE's figures: across England, the rate of children subject to a child "
     "protection plan was 41.6 per 10,000 at 31 March 2025.", set()),
    # a count shared over an event is an average
    ("Our lunchtime briefings drew 46 practitioners per event.", set()),
    # the KPI's words on the next line belong to the next line's figure
    ("Wexcombe Council - Children's Services dashboard\nContacts in October 2025: 4,210\n"
     "CIN at 31 October 2025: 2,140\n", {("children_in_need", 2140.0)}),
    # a body serving three named councils, and what "it" did the sentence after
    ("Harbury Council - Children and Families Overview and Scrutiny Committee\nBridgeford Adoption, which runs "
     "adoption services on behalf of Ashcombe, Harbury, Calder and Denby councils, reported an operating budget of "
     "£4.1m for 2024/25.", set()),
    ("The Eastmoor Multi-Agency Safeguarding Hub screens contacts for the county council, Westmoor and Northmoor. "
     "Last year it passed 8,420 referrals to the councils' social work teams.", set()),
    # an employer's pension contributions are no partner's
    ("Employer contributions to the pension fund from the council came to £14.6m in 2024/25.", set()),
])
def test_bounds_audits_averages_and_bodies_of_several_areas_give_no_fact(text, want, library):
    assert facts(text, library) == want


@pytest.mark.parametrize("text, want", [
    ("Our stated ambition, agreed by Cabinet in May, is to gradually reduce the number of children in our care "
     "to 540 by March 2029.", set()),
    ("The front door is working towards fewer than 1,600 open children in need cases by the end of the year.", set()),
    ("Expected completion: 44 actions by December 2026, the rest carried into next year's plan.", set()),
    ("Predicted take-up of places on multi-agency courses this year: 88%.", set()),
    ("Partner contributions rose with inflation, adding £9,600 to the pot for 2025/26.", set()),
    # a figure set against what the label names is the label's comparison, not its item
    ("Expected outturn: £402,000 against the £415,000 partnership budget for 2025/26.",
     {("budget_total", 415000.0)}),
])
def test_aims_expectations_and_additions_in_their_own_shapes(text, want, library):
    assert facts(text, library) == want


@pytest.mark.parametrize("text", [
    # the rate of a count only England could have is England's too
    "Briefing for members: 50,310 children were on a child protection plan at 31 March 2025 (42.0 per 10,000).",
    # the ends of a spread of others' figures are no one's
    "Rates of children looked after in the family hub areas run from 31 to 88 per 10,000.",
])
def test_a_rate_of_englands_count_and_the_ends_of_a_spread_give_no_fact(text, library):
    assert facts(text, library) == set()


@pytest.mark.parametrize("text, want", [
    # another council opens the sentence before, and "it" goes on about it
    ("Kent County Council - Corporate Parenting Panel, 12 June 2025\nMedway Council joined the item on shared "
     "residential provision. It had 612 children in care at 31 March 2025 and runs two homes jointly with us.", set()),
    # another council, with an aside, "was looking after" its children
    ("Melton Borough Council - Overview and Scrutiny Committee\nLeicestershire County Council, which is responsible "
     "for children's social care across the borough, was looking after 1,020 children at 31 March 2025.", set()),
    # the same sentence in the county's own paper is its own
    ("Leicestershire County Council - Children and Families Overview and Scrutiny Committee\nLeicestershire County "
     "Council, which is responsible for children's social care across the county, was looking after 1,020 children "
     "at 31 March 2025.", {("children_in_care", 1020.0)}),
])
def test_another_council_as_the_subject_before_or_with_an_aside(text, want, library):
    assert facts(text, library) == want


@pytest.mark.parametrize("text, want", [
    ("Our priorities for 2027/28:\n• Run 140 multi-agency courses\n• Reach 92% course utilisation\n", set()),
    ("The sufficiency strategy sets a trajectory for children in care: 610 by March 2026 and 585 by March 2027.",
     set()),
    ("We expect to run about 110 courses next year, with an estimated 2,300 delegates.", set()),
    # measured against a trajectory, the figure is the body's own
    ("Performance against the trajectory: 431 children were on child protection plans at 31 December 2025.",
     {("cp_plans", 431.0)}),
])
def test_lists_and_leads_that_name_an_aim_and_those_measured_against_one(text, want, library):
    assert facts(text, library) == want


@pytest.mark.parametrize("text, want", [
    # another statutory partnership's money
    ("The Community Safety Partnership agreed a budget of £295,000 for 2025/26.", set()),
    # a measure's level "set at" for the year ahead is its target; a budget set at a sum is agreed
    ("The local indicator for re-referrals has been set at 19% for 2026/27.", set()),
    ("The partnership budget for 2025/26 was set at £540,000.", {("budget_total", 540000.0)}),
    # the comparator opening the sentence after the title it runs on from
    ("Northtown Council – Corporate Parenting Board, placements update\nIn neighbouring Eastfold, 930 children were "
     "in care at the end of March 2025.", set()),
    # a comparator opening its sentence under a meeting line set out in cells, however long the line
    ("Doncaster Council | Children, Young People and Families Overview and Scrutiny Panel | 12 February 2025\nOur "
     "nearest statistical neighbour, Rotherham, had 640 children in care at 31 March 2024.", set()),
    # another place as the subject after an opener a comma closes, whatever names the opener holds
    ("London Borough of Hounslow – performance report\nIn the West London benchmarking return for Q3 2024/25, Ealing "
     "reported 512 children on a child protection plan.", set()),
    ("London Borough of Hounslow – performance report\nIn Q3 2024/25 Ealing had 512 children on a child protection plan.",
     set()),
    # another place's partnership's figure set beside ours as a share or a multiple of it, in the paper of the
    # partnership its one line names
    ("Hampshire Safeguarding Children Multi-Agency Partnership - Executive, 9 July 2025\nSouthampton Safeguarding "
     "Children Partnership's budget for 2025-26 of £512,000 is about half of ours.", set()),
])
def test_another_partnership_a_level_set_for_the_year_ahead_and_a_neighbour_after_the_title(text, want, library):
    assert facts(text, library) == want


def test_a_paper_reviewing_another_councils_inspection_gives_that_councils_figures_no_fact(library):
    front = ("Rutland County Council\nChildren and Families Scrutiny Committee\n19 June 2025\n"
             "Learning from Ofsted's inspection of Leicestershire County Council's children's services\n\f")
    assert facts(front + "At 31 March 2024, 718 children were in care and 488 were on child protection plans.",
                 library) == set()
    # the writer's own figure, named as its own, stays a fact
    assert facts(front + "Rutland had 112 children in care at 31 March 2024.", library) == {("children_in_care", 112.0)}


@pytest.mark.parametrize("text", [
    "On 31 March 2025 the three councils between them were looking after 612 children.",
])
def test_councils_together_looking_after_children_are_no_ones(text, library):
    assert facts(text, library) == set()


@pytest.mark.parametrize("text, want", [
    ("At 31 March 2025, 388 children were in our care, compared with 512 in Eastfold, our nearest county.",
     {("children_in_care", 388.0)}),
    # a month after the comparison is when, not where
    ("At 31 March 2025, 388 children were in our care, compared with 402 in March 2024.",
     {("children_in_care", 388.0), ("children_in_care", 402.0)}),
])
def test_a_comparison_placed_in_another_area_is_that_areas(text, want, library):
    assert facts(text, library) == want


def test_a_paper_on_a_neighbouring_authoritys_inspection_gives_its_figures_no_fact(library):
    front = ("Bracknell Forest Council\nChildren, Young People and Learning Overview and Scrutiny Panel\n25 November 2025\n"
             "Learning from the inspection of a neighbouring authority: Slough Children First\n\f")
    assert facts(front + "At 31 March 2025 Slough had 163 children on child protection plans.", library) == set()


@pytest.mark.parametrize("text, want", [
    # a "Plans" column under a caption of EHC plans counts those
    ("Table 1: EHC plans by primary need (January 2025)\n\n"
     "  Primary need                              Plans     Share\n"
     "  Autistic spectrum condition               1,190     37.0%\n"
     "  Social, emotional and mental health         655     20.4%\n", set()),
    # a line of child protection plans nearer the figure is its own
    ("Our SEND service maintains 3,412 EHC plans.\n\nChildren on child protection plans at 31 March 2025: 412\n",
     {("cp_plans", 412.0)}),
])
def test_education_health_and_care_plans_are_no_child_protection_plans(text, want, library):
    assert facts(text, library) == want


@pytest.mark.parametrize("text, want", [
    # another council owns the budget, though its name is followed by the children the service is for
    ("Surrey County Council\nCabinet, 21 January 2026\n\nPooled placements with Hampshire\n\n"
     "Hampshire's children's services net budget for 2026/27 stands at £312.5m.", set()),
    ("Northfold Borough Council - Cabinet\n\nLowmarsh's young people's services budget for 2025/26 is £9.2m.", set()),
    # the writer's own, named the same way, stays a fact
    ("Surrey County Council\nCabinet, 21 January 2026\n\nSurrey's children's services net budget for 2026/27 "
     "stands at £312.5m.", {("budget_total", 312500000.0)}),
    # another place's partnership the writer sets apart from itself ("with us"), known to the gazetteer or not
    ("Harbury Safeguarding Partnership - annual report\n\nFellbridge's partnership, which lent its trainers to us "
     "in the spring, delivered 74 courses in 2024/25.", set()),
    ("Harbury Safeguarding Partnership - annual report\n\nHarbury's partnership, with our police colleagues, "
     "delivered 74 courses in 2024/25.", {("training_courses", 74.0)}),
])
def test_another_bodys_possessive_before_the_people_its_service_is_for(text, want, library):
    assert facts(text, library) == want


@pytest.mark.parametrize("text, want", [
    ("Harbury Borough Council - Children's Scrutiny Committee\n\n"
     "Northmoor County Council opened 640 referrals in the year to 31 March 2025.", set()),
    ("Harbury Safeguarding Partnership - annual report\n\nFellbridge Safeguarding Children Partnership, which shares "
     "a business manager with us, carried forward £52,100 into 2025/26.", set()),
    # the writer named as the subject of the same verb
    ("Harbury Borough Council - Children's Scrutiny Committee\n\n"
     "Harbury Borough Council opened 640 referrals in the year to 31 March 2025.", {("referrals", 640.0)}),
])
def test_another_named_body_as_the_subject_of_any_verb_in_the_past(text, want, library):
    assert facts(text, library) == want


@pytest.mark.parametrize("text, want", [
    # an aside that speaks of "we" sets the named subject apart from the writer, in a text that names no letterhead
    ("Fellbridge Safeguarding Children Partnership, with whom we share a business manager, carried forward £52,100 "
     "into 2025/26.", set()),
    ("Fellbridge Safeguarding Children Partnership, chaired by an independent scrutineer since 2023, carried forward "
     "£52,100 into 2025/26.", {("budget_carry_forward", 52100.0)}),
])
def test_a_named_subject_whose_aside_speaks_of_us_is_another(text, want, library):
    assert facts(text, library) == want


@pytest.mark.parametrize("text, want", [
    # "Its" goes on about the body that opened the sentence before
    ("Brightwater Hospice again ran the bereavement service for the county's schools. Its budget for 2024-25 was "
     "£186,000.", set()),
    # the writer's own directorate, named as itself, stays the writer's
    ("The Children's Services Directorate reviewed its budget in June. Its budget for 2025/26 is £96.4m.",
     {("budget_total", 96400000.0)}),
])
def test_it_goes_on_about_the_named_body_that_opened_the_sentence_before(text, want, library):
    assert facts(text, library) == want


@pytest.mark.parametrize("text, want", [
    # the children a stock counts, narrowed by what they have
    ("At 31 March 2025 there were 64 children in care with a learning disability.", set()),
    ("Children on child protection plans with a sibling also on a plan: 58 at 30 June 2025.", set()),
    # the KPI's own plan is no narrowing
    ("The number of children with a Child in Need plan rose to 2,347 at 31 March 2025.", {("children_in_need", 2347.0)}),
])
def test_a_stock_narrowed_by_what_its_children_have_is_no_total(text, want, library):
    assert facts(text, library) == want


@pytest.mark.parametrize("text, want", [
    # an average of many bodies is no one body's figure
    ("The regional benchmarking survey found that the typical council ran 96 courses for 2,100 delegates in 2024-25.",
     set()),
    # the writer's own average is its own rate
    ("Average utilisation across our courses was 89% in 2024-25.", {("training_utilisation", 89.0)}),
])
def test_the_average_body_of_a_survey_is_no_bodys_own(text, want, library):
    assert facts(text, library) == want


_KENT = "Kent County Council - Children's Scrutiny Committee, 3 June 2025\n\n"


@pytest.mark.parametrize("text, want", [
    # another council named in the figure's clause, before it or as the place it is in
    (_KENT + "In Medway there were 455 children in care at 31 March 2025, the most recent figure published.", set()),
    (_KENT + "At 31 March 2025 there were 455 children in care in Medway, its latest return shows.", set()),
    (_KENT + "The Medway safeguarding partnership delivered 74 multi-agency courses to practitioners in 2024-25.", set()),
    # an aside about the other council between it and its verb: the aside's "we" is not the figure's subject
    (_KENT + "Across the county boundary, East Sussex, which has its own partnership and with which we share a "
             "protocol, had 612 children in care at 31 March 2025.", set()),
    # the paper's own area, alone or with the other, is the writer's
    (_KENT + "At 31 March 2025 there were 1,109 children in care in Kent, the council's latest return shows.",
     {("children_in_care", 1109.0)}),
    (_KENT + "The Kent and Medway partnership delivered 74 multi-agency courses to practitioners in 2024-25.",
     {("training_courses", 74.0)}),
])
def test_another_council_named_where_the_figure_is(text, want, library):
    assert facts(text, library) == want


@pytest.mark.parametrize("text, want", [
    ("The service is on course to see around 4,200 referrals by the year end.", set()),
    ("We are on track to deliver 150 multi-agency courses in 2025-26.", set()),
    # what stayed on track and was done is done
    ("The partnership stayed on track throughout 2024-25 and ran 140 multi-agency courses.",
     {("training_courses", 140.0)}),
])
def test_on_course_to_is_a_forecast(text, want, library):
    assert facts(text, library) == want


@pytest.mark.parametrize("text, want", [
    # a figure written with a plus sign is a movement: no count is written "+31"
    ("Change on the year, 2024-25 v 2023-24\nReferrals                                  -118\n"
     "Children becoming subject to a CP plan      +37\nChildren in care (31 March)                 -4\n", set()),
    # money in a column "per" a number of people is a per-capita amount; the column beside it is the contribution
    ("| Partner | Contribution per 100 children |\n|---|---|\n| Council | £1,520 |\n| Police | £390 |\n", set()),
    ("| Partner | Contribution 2025/26 | £ per child |\n|---|---|---|\n| Police | £61,000 | £0.21 |\n",
     {("agency_contribution", 61000.0)}),
    # a change that is the subject the figure is said of
    ("The gap between the number of referrals this quarter and the number last quarter was 58.", set()),
    ("The increase in children in care over the year was 27.", set()),
    ("The number of children in care at 31 March 2025 was 412.", {("children_in_care", 412.0)}),
    # a second aim joined to the first
    ("The partnership's plan for 2024/25 aimed to deliver 60 courses and to reach 1,800 delegates.", set()),
    ("In 2025/26 the partnership ran 90 courses and trained 2,400 practitioners.",
     {("training_courses", 90.0), ("training_delegates", 2400.0)}),
    # the second aim's verb may stand bare, without its "to"; a finished verb after "and" tells what was done
    ("For 2026/27 the board intends to commission 75 courses and reach 1,950 delegates from partner agencies.", set()),
    ("In 2024/25 the board intended to run 70 courses and trained 1,640 staff.", {("training_delegates", 1640.0)}),
])
def test_signed_movements_per_capita_columns_changes_as_subjects_and_second_aims(text, want, library):
    assert facts(text, library) == want


@pytest.mark.parametrize("text, want", [
    ("In 2024-25, three courses in every four were delivered online.", set()),
    ("During 2024-25 two courses in every five were run online, the rest face to face.", set()),
    ("In 2024-25 the partnership ran 64 courses in every district of the county.", {("training_courses", 64.0)}),
])
def test_the_first_term_of_a_proportion_is_no_count(text, want, library):
    assert facts(text, library) == want


@pytest.mark.parametrize("text, want", [
    # some of a set that is named and not counted: which of them is no total of the KPI
    ("Nine of the courses this year added a session on online harm.", set()),
    # the set counted: a part of a known whole, as before
    ("Of the 402 children who started a plan, 96 were under five.",
     {("cp_plans_started", 402.0), ("cp_plans_started", 96.0)}),
])
def test_some_of_a_set_named_but_not_counted_is_a_part(text, want, library):
    assert facts(text, library) == want


def test_a_partner_named_national_is_not_a_comparator(library):
    c = _candidate("National Probation Service £6,500", "£6,500", "agency_contribution", method="table",
                   subject="National Probation Service")
    c = roles.assign([c], library)[0]
    assert roles.is_fact(c), (c.role, c.role_rule)


_LIB: list = []


@pytest.fixture(autouse=True)
def _keep_library(library):
    _LIB[:] = [library]


def _candidate(text: str, raw: str, kpi: str, subject: str = "", method: str = "regex"):
    from kpi_extract.model import Candidate
    start = text.index(raw)
    return Candidate(kpi, raw, 1, text, method, f"{kpi}/test", 0.9, start, start + len(raw), subject,
                     sentence=0 if method == "regex" else -1, match_start=start, match_end=start + len(raw))


def _readme_rows() -> list[tuple[str, str, str, str, str]]:
    text = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    table = text.split("<!-- roles-table: checked by tests/test_roles.py -->", 1)[1].split("<!-- end roles-table -->")[0]
    rows = []
    for line in table.strip().splitlines()[2:]:
        role, example, kpi, fact = (cell.strip() for cell in line.strip("|").split("|"))
        raw = re.search(r"\*\*(.+?)\*\*", example).group(1)
        rows.append((role, example.replace("**", ""), raw, kpi, fact))
    return rows


README_ROWS = _readme_rows()


def test_the_readme_shows_every_role():
    assert {r[0] for r in README_ROWS} == set(roles.ROLES)


@pytest.mark.parametrize("role,text,raw,kpi,fact", README_ROWS, ids=[r[0] for r in README_ROWS])
def test_the_readme_examples_of_roles(role, text, raw, kpi, fact, library):
    # the matchers' own candidate when they read the figure (with the figures around it), else one made here
    read = [c for c in candidates(text, library) if c.raw == raw and c.kpi == kpi]
    c = read[0] if read else roles.assign([_candidate(text, raw, kpi)], library)[0]
    assert c.role == role, c.role_rule
    value = float(re.sub(r"[£,%]", "", raw).replace("bn", "e9").replace("m", "e6")) \
        if re.fullmatch(r"£?[\d,.]+(?:bn|m)?%?", raw) else None
    got = {(f.kpi, f.subject) for f in extract_text(text, library) if value is not None and float(f.value) == value}
    if fact == "no":
        assert not roles.is_fact(c) and not any(k == kpi for k, _ in got), got
    else:
        subject = re.search(r"`(.+)`", fact)
        assert roles.is_fact(c) and (kpi, subject.group(1) if subject else "") in got, got


def test_one_partners_entry_in_a_list_of_contributions_is_that_partners(library):
    got = {(f.kpi, f.value, f.subject) for f in extract_text(
        "Partner contributions 2023/24: Borough Council £188,000; Police £41,000.", library)}
    assert {("agency_contribution", "188000", "Borough Council"), ("agency_contribution", "41000", "Police")} <= got
    assert not {f for f in got if f[0] == "budget_contributions"}
    # a partner named in lower case is a partner too, not the total of contributions
    got = {(f.kpi, f.value, f.subject) for f in extract_text(
        "Funding from partners in 2022-23: the county council £205,000 and Police £38,000.", library)}
    assert ("agency_contribution", "205000", "county council") in got, got
    assert not {f for f in got if f[0] == "budget_contributions"}
    # the same list set out in cells, a partner's name holding commas
    got = {(f.kpi, f.value, f.subject) for f in extract_text(
        "Partner funding 2025/26 | Kirkdale Council | £176,500 | Police | £39,000 | NHS Kirkdale, Holme and Wyre ICB "
        "| £88,250", library)}
    assert got == {("agency_contribution", "176500", "Kirkdale Council"), ("agency_contribution", "39000", "Police"),
                   ("agency_contribution", "88250", "NHS Kirkdale, Holme and Wyre ICB")}, got


def test_an_amount_is_not_carried_forward_across_a_cell(library):
    """"£356,200 | Balance brought forward": the balance is the next cell's, not this amount's."""
    got = {(f.kpi, f.value) for f in extract_text(
        "Income 2021/22 | Partner contributions £402,800 | Balance brought forward £17,300 | Total £420,100", library)}
    assert ("budget_carry_forward", "402800") not in got and ("budget_carry_forward", "17300") in got, got


def test_a_partner_table_row_named_as_the_total_is_the_total(library):
    """A row labelled with the total's own name ("Partner contributions") is no partner's."""
    got = {(f.kpi, f.value, f.subject) for f in extract_text(
        "Income 2022/23\nPartner contributions | £296,400\nCarried forward from 2021/22 | £12,000\n"
        "Total income | £308,400", library)}
    assert ("budget_contributions", "296400", "") in got, got
    assert not {f for f in got if f[0] == "agency_contribution"}
    assert {(f.kpi, f.value) for f in extract_text("Contributions: Total £229,000", library)} == \
        {("budget_contributions", "229000")}


@pytest.mark.parametrize("text,want", [
    # "in the region of" is an approximation, not a comparator region
    ("The partnership budget for 2022/23 was in the region of £600,000.", ("budget_total", 600000.0)),
    # a remark after the figure's clause does not qualify the count
    ("At 31 March 2023, 612 children were subject to a child protection plan, which is not unusual for the borough.",
     ("cp_plans", 612.0)),
    # a partner named "National ..." is not a national comparator
    ("The National Probation Service contributed £6,500 in 2023/24.", ("agency_contribution", 6500.0)),
    # after a semicolon the opener no longer governs
    ("Nationally, the number of plans fell; in Bury 312 children were on a child protection plan at 30 June 2024.",
     ("cp_plans", 312.0)),
    # the balance named inside the total's aside is the balance
    ("Total funds available (including the balance brought forward of £22,450): £601,900",
     ("budget_carry_forward", 22450.0)),
    # a neighbourhood is no neighbour
    ("Neighbourhood teams held 1,312 children in need cases at 31 March 2024.", ("children_in_need", 1312.0)),
    # what was done to bring a number down is not an intention
    ("Early help has helped to bring the number of children in care down to 590 at 31 March 2024.",
     ("children_in_care", 590.0)),
])
def test_words_that_only_look_like_a_role(text, want, library):
    assert want in facts(text, library)


@pytest.mark.parametrize("before,planned", [
    ("Next year's programme plans for ", True),
    ("We are planning for around ", True),
    ("The review found that the planned ", True),
    # a child protection, care or safety plan "for" children is a plan of the KPI's own, not of work
    ("At 31 March 2024 there were child protection plans for ", False),
    ("Reviews of care plans for ", False),
    ("CP plans for ", False),
])
def test_what_is_planned_is_told_from_a_plan_for_children(before, planned):
    assert bool(roles._PLANNED_BEFORE.search(before)) is planned


@pytest.mark.parametrize("text,whole,part", [
    ("Of the 508 children on a child protection plan at 31 March 2024, 131 were under five.",
     ("cp_plans", 508.0, ""), ("cp_plans", 131.0, "under 5s")),
    ("At 31 March 2024 there were 2,870 children in need, of whom 344 were disabled children.",
     ("children_in_need", 2870.0, ""), ("children_in_need", 344.0, "disabled children")),
    ("Girls accounted for 260 of the 508 children on a child protection plan.",
     ("cp_plans", 508.0, ""), ("cp_plans", 260.0, "Girls")),
    # the count before "of them", in the next clause, when the library names what they are
    ("During 2023/24, 588 children became subject to a child protection plan; 97 of them were unborn.",
     ("cp_plans_started", 588.0, ""), ("cp_plans_started", 97.0, "unborn")),
])
def test_a_part_of_a_whole_is_read_with_its_subject(text, whole, part, library):
    got = {(f.kpi, float(f.value), f.subject) for f in extract_text(text, library)}
    assert whole in got and part in got, got


def test_some_of_them_in_a_state_the_library_does_not_name_are_no_part(library):
    got = {(f.kpi, float(f.value)) for f in extract_text(
        "The plan holds 42 actions at 30 November 2023; six of these are flagged red.", library)}
    assert ("plan_actions_total", 6.0) not in got, got


def test_a_second_figure_of_another_measure_is_not_a_part(library):
    got = {(f.kpi, float(f.value), f.subject) for f in extract_text(
        "At 31 March 2024 there were 611 children on a child protection plan and 45 were in care.", library)}
    assert not {g for g in got if g[1] == 45.0 and g[0] == "cp_plans"}, got


def test_a_titles_year_run_into_the_next_line_is_not_a_count(library):
    got = {(f.kpi, f.value) for f in extract_text("Children's Services Annual Review 2023 Referrals received: 5,480",
                                                   library)}
    assert ("referrals", "2023") not in got and ("referrals", "5480") in got


def test_a_service_names_its_budget_and_partners_together_are_the_contributions(library):
    got = {(f.kpi, f.value, f.subject) for f in extract_text(
        "The net budget of Children's Services for 2024/25 is £151.2m.", library)}
    assert ("budget_total", "151200000", "Children's Services") in got
    # or the service that spent it, as its clause's subject or after "by"
    got = {(f.kpi, f.value, f.subject) for f in extract_text(
        "In 2024/25 Children's Social Care spent £88.6m against a revised budget of £84.9m.", library)}
    assert got == {("expenditure_total", "88600000", "Children's Social Care"),
                   ("budget_total", "84900000", "Children's Social Care")}
    got = {(f.kpi, f.value, f.subject) for f in extract_text(
        "In 2024/25, £41.2m was spent by the early help service, against a budget of £39.8m.", library)}
    assert ("budget_total", "39800000", "early help service") in got
    # or the heading over a clause that calls it only "the directorate" or "the service"
    got = {(f.kpi, f.value, f.subject) for f in extract_text(
        "Budget Book 2025/26 - Adults and Health Directorate\nThe directorate's net budget for 2025/26 is £212.4m.", library)}
    assert got == {("budget_total", "212400000", "Adults and Health Directorate")}
    got = {(f.kpi, f.value, f.subject) for f in extract_text("Statutory partners contributed £388,000 in 2023/24.", library)}
    assert ("budget_contributions", "388000", "") in got and not {g for g in got if g[0] == "agency_contribution"}


def test_n_of_the_whole_is_a_part_with_its_name_or_nothing(library):
    text = "At 30 June 2024 there were 402 children in care: 31 of the 402 are under five."
    got = {(f.kpi, f.value, f.subject) for f in extract_text(text, library)}
    assert got == {("children_in_care", "402", ""), ("children_in_care", "31", "under 5s")}
    # the done part of a plan is its own KPI, not a part of the plan
    assert facts("At 30 June 2024, 41 of the plan's 55 actions were complete.", library) == {
        ("plan_actions_completed", 41.0), ("plan_actions_total", 55.0)}


def test_a_table_row_of_a_total_that_takes_the_balance_in_is_no_carry_forward(library):
    text = ("Table 2: Partnership income 2024/25 (£)\n\nIncome | £\nBorough Council | 150,000\nPolice | 40,000\n"
            "Balance brought forward from 2023/24 | 12,300\nTotal available including balance brought forward | 202,300\n")
    got = kpi_values(text, library)
    assert ("budget_carry_forward", "12300") in got and not {g for g in got if g[1] == "202300"}


def test_a_total_after_the_balance_brought_forward_is_no_carry_forward_but_the_balance_after_it_is(library):
    text = ("Sefton Safeguarding Partnership - income 2023/24\nPartner contributions plus balance brought forward | "
            "Total | £497,150\nof which balance brought forward | £21,800")
    assert kpi_values(text, library) == {("budget_carry_forward", "21800")}


def test_everyone_looked_after_in_a_year_is_not_the_number_in_care(library):
    assert not {f for f in extract_text("Children looked after at any time during 2024/25: 1,106", library)
                if f.kpi == "children_in_care"}


def _read(text: str, library) -> set[tuple[str, str, str, str]]:
    """What the extractor emits: (kpi, value, period, subject)."""
    return {(f.kpi, f.value, f.period, f.subject) for f in extract_text(text, library)}


def _facts(kpi: str, period: str, *pairs: tuple[str, str]) -> set[tuple[str, str, str, str]]:
    """The facts of one KPI and period: (value, subject) pairs."""
    return {(kpi, v, period, subject) for v, subject in pairs}


# (text, what it gives): each a rule of roles.py or of a matcher, on a sentence of our own
READ_CASES = [
    # a line led by a region's name is the region's; a place in apposition as "the other council" is
    # that council's; a hope is an aim; a trigger is a threshold; actions in a state are no part (a guard
    # of the parts read on after the first: "3 are rated red" is no part of the 44)
    pytest.param("East Midlands region | 9,410 children in care | rate 76 per 10,000 (31/03/2022)", set(),
                 id="region-led-line"),
    pytest.param("In Westbury, the other council in our joint safeguarding hub, 312 children were on protection "
                 "plans at 31 March 2023.", set(), id="the-other-council"),
    pytest.param("Partners are hoping to welcome 1,400 delegates to the training programme during 2025/26.", set(),
                 id="hope-to"),
    pytest.param("The partnership hopes to reach 1,400 delegates across its courses in 2025/26.", set(), id="hopes-to"),
    pytest.param("Referrals in 2022/23: 5,120. The front door's escalation trigger is 520 referrals in any one month.",
                 _facts("referrals", "2022-23", ("5120", "")), id="trigger"),
    pytest.param("Of the 44 actions in the 2022/23 business plan, 5 are delayed and 3 are rated red.",
                 _facts("plan_actions_total", "2022-23", ("44", "")), id="rated-red"),
    pytest.param("The business plan for 2023-25 sets out 30 actions; at 31 March 2024 twenty-two of them were complete "
                 "and the other eight were rated amber.",
                 _facts("plan_actions_total", "2024-03-31", ("30", "")) | _facts("plan_actions_completed", "2024-03-31",
                                                                                ("22", "")), id="rated-amber-beside-done"),
    # staff counted beside a population are staff
    pytest.param("At 30 June 2024 there were 2,450 open CIN cases (including children on plans), allocated to 88 "
                 "social workers.", _facts("children_in_need", "2024-06-30", ("2450", "")), id="staff-beside"),
    # a clause that opens with the rate's unit gives rates, its comparison following
    pytest.param("Per 10,000 children, 38 were on a child protection plan at 31 March 2024 (2023: 41).",
                 _facts("cp_plans_rate_per_10k", "2024-03-31", ("38", "")) |
                 _facts("cp_plans_rate_per_10k", "2023-03-31", ("41", "")), id="per-10000-opens"),
    # named items after a colon that follows the whole are its parts ...
    pytest.param("At 31 March 2025, 244 children were on a child protection plan: neglect 130, emotional abuse 80, "
                 "physical abuse 22, sexual abuse 12.",
                 _facts("cp_plans", "2025-03-31", ("244", ""), ("130", "neglect"), ("80", "emotional abuse"),
                        ("22", "physical abuse"), ("12", "sexual abuse")), id="parts-after-colon"),
    # ... but items named as periods (or summing to more than the whole) are no parts
    pytest.param("There were 244 children on a child protection plan: Q3 230, Q4 244.",
                 _facts("cp_plans", "", ("244", "")), id="periods-after-colon"),
    # a label cell may end with its date, and a rate's own cell follows the count's
    pytest.param("Sefton | Children in care, 30/09/2024 | 611 | rate per 10k 98.2 | England 70.0",
                 _facts("children_in_care", "2024-09-30", ("611", "")) |
                 _facts("children_in_care_rate_per_10k", "2024-09-30", ("98.2", "")), id="scorecard-line"),
    pytest.param("Child protection plans, rate per 10,000 (Sep-24): 41.7 | SN 44.0",
                 _facts("cp_plans_rate_per_10k", "2024-09", ("41.7", "")), id="rate-label-cell"),
    # a term whose own cell has its figure before it never takes the next cell's
    pytest.param("March 2025 at a glance: 310 referrals received | 38 new CP plans | 22 children came into care",
                 _facts("referrals", "2025-03", ("310", "")) | _facts("cp_plans_started", "2025-03", ("38", "")),
                 id="cell-has-its-figure"),
    # a change's amount in brackets after its noun is the change
    pytest.param("The partnership budget for 2025/26 is £512,000, including a 3% uplift (£14,900) on partner "
                 "contributions.", _facts("budget_total", "2025-26", ("512000", "")), id="uplift-in-brackets"),
    # "progress to 30 April" names no plural noun the actions qualify
    pytest.param("Early Help Improvement Plan — progress to 30 April 2025\nOf the 52 actions in the plan, 30 are now "
                 "complete.", _facts("plan_actions_total", "2025-04-30", ("52", "")) |
                 _facts("plan_actions_completed", "2025-04-30", ("30", "")), id="progress-to"),
    # a forecast's deadline and a baseline a year back leave a present count at the meeting
    pytest.param("Cabinet, 8 January 2025\nThe Director reported that 612 children were currently in care, 30 more "
                 "than a year ago, and that the forecast anticipates 640 by March.",
                 _facts("children_in_care", "2025-01-08", ("612", "")), id="currently-at-the-meeting"),
    # a breakdown set out in cells, with a numbered name ("Section 20 104")
    pytest.param("Children in care by legal status at 31 March 2025: Care orders 388 | Section 20 104 | Placement "
                 "orders 29 | Total 521", _facts("children_in_care", "2025-03-31", ("521", ""), ("388", "Care orders"),
                                                 ("104", "Section 20"), ("29", "Placement orders")), id="breakdown-cells"),
    pytest.param("Children with a CP plan (snapshot 31/03/2024) | 298 | Tolerance 280-320 | Green",
                 _facts("cp_plans", "2024-03-31", ("298", "")), id="snapshot-label-cell"),
    # a list's "Contributions and other income total" is no partner's
    pytest.param("Partner contributions 2023/24 | Police | £40,000 | ICB | £118,000 | Council | £205,000 | "
                 "Contributions and other income total | £391,500",
                 _facts("agency_contribution", "2023-24", ("40000", "Police"), ("118000", "ICB"), ("205000", "Council")),
                 id="contributions-and-other-income"),
    # a council's service names itself as the budget's subject (spec/kpis.md); a body's own budget has none
    pytest.param("Cabinet, 10 February 2025\nThe Children's Services net budget for 2025/26 is £104.2m.",
                 _facts("budget_total", "2025-26", ("104200000", "Children's Services")), id="service-budget-before"),
    pytest.param("In 2022/23 the budget for early help services was £6.3m.",
                 _facts("budget_total", "2022-23", ("6300000", "early help services")), id="service-budget-after"),
    pytest.param("The partnership's budget for 2022/23 was £418,000.",
                 _facts("budget_total", "2022-23", ("418000", "")), id="body-budget-no-subject"),
    # a monitoring table's unit caption is a heading: its quarter dates a budget's year
    pytest.param("Quarter 2 2023/24 revenue monitoring (£000)\nDirectorate | Budget | Forecast | Variance\n"
                 "Children's Services | 75,210 | 78,900 | 3,690",
                 _facts("budget_total", "2023-24", ("75210000", "Children's Services")), id="unit-caption"),
    # a caption's day of the year over bare year columns: each column that day
    pytest.param("Table 4: Children on child protection plans at 31 March\n | 2022 | 2023 | 2024\n"
                 "Children on a child protection plan | 290 | 305 | 318",
                 _facts("cp_plans", "2022-03-31", ("290", "")) | _facts("cp_plans", "2023-03-31", ("305", "")) |
                 _facts("cp_plans", "2024-03-31", ("318", "")), id="caption-day-over-years"),
    # "the year to date" dates its own figure, not the quarter's before it
    pytest.param("Quarter 3 2023/24 performance report\nThere were 2,214 children in need at 31 December 2023.\n"
                 "The service received 840 referrals in the quarter and 2,515 in the year to date.",
                 _facts("children_in_need", "2023-12-31", ("2214", "")) | _facts("referrals", "2023-Q4", ("840", "")),
                 id="year-to-date-its-own"),
    # "the same quarter of" a year is that quarter of that year
    pytest.param("Quarter 3 2023/24 performance report\nThere were 840 referrals in the quarter, against 901 in the "
                 "same quarter of 2022/23.", _facts("referrals", "2023-Q4", ("840", "")) |
                 _facts("referrals", "2022-Q4", ("901", "")), id="same-quarter-of"),
    # a short date alone in brackets; a date alone in a line's last cell; a date in a bracket after a percentage
    pytest.param("There were 198 children on child protection plans (30/6/24).",
                 _facts("cp_plans", "2024-06-30", ("198", "")), id="short-date-in-brackets"),
    pytest.param("Children looked after | 402 | of whom placed with parents | 19 | as at 31/12/2023",
                 _facts("children_in_care", "2023-12-31", ("402", "")), id="date-cell-last"),
    pytest.param("Re-referral rate: 19.2% (year to date, end of September 2023) | target 20%",
                 _facts("rereferral_rate", "2023-09", ("19.2", "")), id="date-in-bracket-after-percent"),
    # "Quarter 3 performance (October to December 2023)": a title whose quarter's year is in brackets
    pytest.param("Northtown Council - Quarter 3 performance (October to December 2023)\nAt the end of December, 287 "
                 "children were subject to a child protection plan.",
                 _facts("cp_plans", "2023-12-31", ("287", "")), id="quarter-title-bracket"),
    # a total that includes the balance carried forward is not the balance
    pytest.param("In 2023/24 partners paid in £610,400 and £22,600 was carried forward, giving total funds of "
                 "£633,000 including the balance carried forward.",
                 _facts("budget_carry_forward", "2023-24", ("22600", "")), id="total-including-balance"),
    # a change column's signed cells ("+25", "-3pp") neither break the table nor make a row's unit
    pytest.param("Indicator | Q3 2023/24 | Q3 2022/23 | Change\nChildren subject to a CP plan | 402 | 377 | +25\n"
                 "Re-referrals within 12 months (%) | 18% | 21% | -3pp",
                 _facts("cp_plans", "2023-Q4", ("402", "")) | _facts("cp_plans", "2022-Q4", ("377", "")) |
                 _facts("rereferral_rate", "2023-Q4", ("18", "")) | _facts("rereferral_rate", "2022-Q4", ("21", "")),
                 id="change-column"),
    # "Council" beside "England" under a label head naming the KPI: the area's own row
    pytest.param("Children looked after per 10,000 | 31 Mar 2023 | 31 Mar 2024 | Difference\nCouncil | 71.0 | 73.5 | "
                 "+2.5\nEngland | 70.0 | 71.0 | +1.0",
                 _facts("children_in_care_rate_per_10k", "2023-03-31", ("71", "")) |
                 _facts("children_in_care_rate_per_10k", "2024-03-31", ("73.5", "")), id="council-row"),
    # what the people did stands between them and their verb; the courses they attended are no head
    pytest.param("Delegates attending the partnership's safeguarding courses in 2022/23 numbered 1,884.",
                 _facts("training_delegates", "2022-23", ("1884", "")), id="delegates-attending"),
    # "2023 in numbers:" names its year in the sentence; a heading's bracketed "as at" day dates its list
    pytest.param("2023 in numbers: 512 children in our care on 31 December.",
                 _facts("children_in_care", "2023-12-31", ("512", "")), id="year-in-numbers-inline"),
    pytest.param("Sufficiency summary (as at 30 June 2024)\n- 344 children looked after",
                 _facts("children_in_care", "2024-06-30", ("344", "")), id="heading-as-at-bracket"),
    # an indicative year's column is a plan's; an adjective before "budget" names no service
    pytest.param("Partnership budget (£000) | 2023/24 | 2024/25 | 2025/26 indicative\nBudget | 512 | 530 | 545",
                 _facts("budget_total", "2023-24", ("512000", "")) | _facts("budget_total", "2024-25", ("530000", "")),
                 id="indicative-column"),
    pytest.param("Operating budget 2024-25: £640k | Projected overspend: £12k",
                 _facts("budget_total", "2024-25", ("640000", "")), id="operating-no-subject"),
    # a paragraph's number does not stop a standing statement; a comparator's date is the comparator's
    pytest.param("3.1  The figures in this section are at 30 September 2024 unless stated otherwise.\n\n3.2  Demand has "
                 "continued to rise. Staffing is stable. Caseloads are manageable.\n\n3.3  There were 1,019 open children "
                 "in need cases.", _facts("children_in_need", "2024-09-30", ("1019", "")), id="standing-numbered"),
    pytest.param("Figures are at 30 September 2024 unless stated otherwise.\n\n163 children were subject to a child "
                 "protection plan (45.3 per 10,000; England 41.6 at 31 March 2024), and there were 1,019 open children "
                 "in need cases.", _facts("cp_plans", "2024-09-30", ("163", "")) |
                 _facts("cp_plans_rate_per_10k", "2024-09-30", ("45.3", "")) |
                 _facts("children_in_need", "2024-09-30", ("1019", "")), id="comparators-date"),
    # a year-to-date row under a column of a day is the year to that day; a trajectory column is no figure
    pytest.param("Measure | Position at 31 Jan 2024 | Trajectory for Jan 2024\nReferrals to children's social care, "
                 "year to date (Apr-Jan) | 3,020 | 3,100", _facts("referrals", "2024-01", ("3020", "")),
                 id="year-to-date-row"),
    # the police's clause after a semicolon is the police's; the partnership's before it stays
    pytest.param("By 31 March 2025, 36 of the partnership's actions were complete; the police's own plan records 12 "
                 "complete.", _facts("plan_actions_completed", "2025-03-31", ("36", "")), id="police-clause"),
    # "It ran ..." goes on about the last sentence's subject, and takes its year
    pytest.param("Northtown Safeguarding Children Partnership reviewed its training in 2023/24. It ran 96 multi-agency "
                 "courses.", _facts("training_courses", "2023-24", ("96", "")), id="it-ran"),
    # "Jan-2026", "the 2023 calendar year"; a comparator's year in brackets after it is the comparator's
    pytest.param("Re-referral rate - Jan-2026: 21.7% (rolling 12 months)", _facts("rereferral_rate", "2026-01", ("21.7", "")),
                 id="month-hyphen-year"),
    pytest.param("Training utilisation reached 90 per cent in the 2023 calendar year.",
                 _facts("training_utilisation", "2023", ("90", "")), id="the-calendar-year"),
    pytest.param("At 31 March 2024 we looked after 288 children. This is a rate of 61 per 10,000 children, against 58 for "
                 "our statistical neighbours and 70 for England (2023).",
                 _facts("children_in_care", "2024-03-31", ("288", "")) |
                 _facts("children_in_care_rate_per_10k", "2024-03-31", ("61", "")), id="comparators-year"),
    # a total "with the £21,000 carried forward" is no budget
    pytest.param("With the £21,000 carried forward from 2022/23 total income was £402,500.",
                 _facts("budget_carry_forward", "2023-24", ("21000", "")), id="with-carried-forward"),
    # "for every 10,000" after the count's noun makes it the rate
    pytest.param("There are 88 children in care for every 10,000 children in Northtown.",
                 _facts("children_in_care_rate_per_10k", "", ("88", "")), id="for-every-10000-after"),
    # a column of assumptions is a plan's, never a place's
    pytest.param("Measure | Actual 30 Nov 2024 | Assumed 31 Mar 2025\nChildren in care | 1,214 | 1,230",
                 _facts("children_in_care", "2024-11-30", ("1214", "")), id="assumed-column"),
    # a row that names its own rate is not the rate of the row above it
    pytest.param("Indicator | Q3 2024/25 | Q2 2024/25\nLooked after children | 702 | 695\nCP rate per 10k | 44.1 | 43.0",
                 _facts("children_in_care", "2024-Q4", ("702", "")) | _facts("children_in_care", "2024-Q3", ("695", "")) |
                 _facts("cp_plans_rate_per_10k", "2024-Q4", ("44.1", "")) |
                 _facts("cp_plans_rate_per_10k", "2024-Q3", ("43", "")), id="own-rate-under-another-row"),
    # a caption that is the rates' makes every row's cells rates
    pytest.param("Rates per 10,000 under-18s by quarter (Northtown)\nMeasure | Q1 24/25 | Q2 24/25\nLAC | 71.0 | 72.5",
                 _facts("children_in_care_rate_per_10k", "2024-Q2", ("71", "")) |
                 _facts("children_in_care_rate_per_10k", "2024-Q3", ("72.5", "")), id="rates-caption"),
    # rows of year-less quarters take the caption's year; a row of the year so far is left alone
    pytest.param("Partnership training by quarter, 2023/24\nQuarter | Courses delivered | Delegates\nQ1 | 22 | 410\n"
                 "Q2 | 25 | 466\nYear to date | 47 | 876",
                 _facts("training_courses", "2023-Q2", ("22", "")) | _facts("training_courses", "2023-Q3", ("25", "")) |
                 _facts("training_delegates", "2023-Q2", ("410", "")) |
                 _facts("training_delegates", "2023-Q3", ("466", "")), id="quarter-rows-caption-year"),
    # a rolling year written as a label, with no article
    # sessions in some state are not the sessions run
    pytest.param("Our course utilisation rate for 2022/23 was 88%, and 12 sessions were oversubscribed.",
                 _facts("training_utilisation", "2022-23", ("88", "")), id="sessions-oversubscribed"),
    pytest.param("Course utilisation for 2020/21 was 80%, even though 31 sessions had to switch to online delivery.",
                 _facts("training_utilisation", "2020-21", ("80", "")), id="sessions-switched"),
    pytest.param("Re-referrals (12 months to end of June 2024): 19%",
                 _facts("rereferral_rate", "2024-06", ("19", "")), id="rolling-label"),
    # a year in a plan's name does not date what a later date does
    pytest.param("The partnership manager reported that 62% of the actions in the 2024-25 business plan had been completed "
                 "by the end of quarter three (31 December 2024).",
                 _facts("plan_actions_completed_pct", "2024-12-31", ("62", "")), id="plan-name-year"),
    # money carried forward from a year, hyphenated, is the next year's; funds that include it are no carry-forward
    pytest.param("Partnership budget 2024-25\n- Carry-forward from 2023-24: £12,900\n- Funds available including the "
                 "carry-forward: £301,400",
                 _facts("budget_carry_forward", "2024-25", ("12900", "")), id="carry-forward-hyphen"),
    # a budget named in a quarter's report is the year's; the day it was agreed, after a name, dates the agreeing
    pytest.param("Quarter 2 2024/25: Children's Services budget £121.5m; forecast outturn £126.0m.",
                 _facts("budget_total", "2024-25", ("121500000", "Children's Services")), id="budget-in-a-quarter"),
    pytest.param("2023-24 budget £298,400 (agreed by the Board, March 2023). Projected outturn at quarter 2: £290,000.",
                 _facts("budget_total", "2023-24", ("298400", "")), id="budget-agreed-by"),
    # ... but the document's own place is the writer's own
    pytest.param("Salford City Council\n\nSalford's partnership budget, which we agreed in March, was £300,000 in 2023/24.",
                 _facts("budget_total", "2023-24", ("300000", "")), id="own-places-body"),
    # a youth justice plan's staff training is the service's own; the children it names are the council's
    pytest.param("Northtown City Council\nCabinet, 14 July 2025\nReport title: Northtown Youth Justice Plan 2025/26\n\n"
                 "In 2024/25 trauma-informed practice training was delivered in eight sessions to 60 staff. At 31 March "
                 "2025 there were 412 children on child protection plans in the city.",
                 _facts("cp_plans", "2025-03-31", ("412", "")), id="youth-justice-plan"),
    # ... and so is a youth justice service's board paper's
    pytest.param("Northtown City Council\nNORTHTOWN YOUTH JUSTICE SERVICE MANAGEMENT BOARD\n14 July 2025\n\n"
                 "In 2024/25 trauma-informed practice training was delivered in eight sessions to 60 staff. At 31 March "
                 "2025 there were 412 children on child protection plans in the city.",
                 _facts("cp_plans", "2025-03-31", ("412", "")), id="youth-justice-service-board"),
    # a column of the latest local data is no place, and a count dated by a day is the year to that day (the one
    # place beside England, in a text that names no area, is the writer's: its whole figure, no subject)
    pytest.param('Key data. "Latest" is local data at 30 November 2022.\nMeasure | Northtown 2021-22 | England 2021-22 | '
                 "Latest\nReferrals in the year | 8,460 | 650,000 | 6,310",
                 _facts("referrals", "2022-11", ("6310", "")) | _facts("referrals", "2021-22", ("8460", "")),
                 id="latest-column"),
    pytest.param("Referrals at 30 September 2024: 2,210", _facts("referrals", "2024-09", ("2210", "")), id="count-to-a-day"),
    # a utilisation column is no place whose courses the row counts
    pytest.param("Training by course type 2024/25\nCourse type | Places offered | Places booked | Utilisation\n"
                 "All courses | 2,000 | 1,720 | 86%",
                 _facts("training_places_offered", "2024-25", ("2000", "")), id="utilisation-column"),
    # "the same year" takes the last sentence's year; a service that "has a budget" is the budget's subject
    pytest.param("Across England the grant totals £200m in 2023-24. Northtown's Early Help service has a budget of £4.1m "
                 "for the same year.", _facts("budget_total", "2023-24", ("4100000", "Early Help service")),
                 id="same-year-service-has"),
    # "aged under one" is an age (the library's age band `under 1s`, so a part); places booked are no
    # delegates; a provider in apposition after "while"
    pytest.param("Infants aged under one who became subject to a child protection plan in 2023/24: 38.",
                 _facts("cp_plans_started", "2023-24", ("38", "under 1s")), id="aged-under-one"),
    pytest.param("In 2022/23, 2,880 delegates attended partnership training, from 3,310 places booked.",
                 _facts("training_delegates", "2022-23", ("2880", "")), id="places-booked"),
    pytest.param("Northtown had 640 children in care at 31 March 2024, while Oakridge Homes, a private provider, said it "
                 "was looking after 44 children in the borough.",
                 _facts("children_in_care", "2024-03-31", ("640", "")), id="provider-after-while"),
    # a future event's month does not date the figure
    pytest.param("Northtown County Council Cabinet, 8 December 2022\n\nThe re-referral rate was 23.1% in the quarter; a "
                 "review will report in February.", _facts("rereferral_rate", "", ("23.1", "")), id="future-event"),
]


@pytest.mark.parametrize("text,want", READ_CASES)
def test_what_a_text_gives(text, want, library):
    assert _read(text, library) == want


def test_adults_safeguarding_and_housing_papers_give_no_childrens_measures(library):
    sab = ("Borsetshire Safeguarding Adults Board\nAnnual Report 2023/24\n\n"
           "The Board's budget for 2023/24 was £150,000. The Board ran 48 multi-agency courses in 2023/24, "
           "attended by 1,020 staff.")
    assert not extract_text(sab, library)
    housing = ("Communities Scrutiny Committee, 4 March 2024\nHomelessness and housing advice: annual update\n\n"
               "In 2023/24 the service received 512 referrals from public bodies.")
    assert not extract_text(housing, library)
    # nor an update on the region's economy and what its combined authority funds ...
    economy = ("Executive, 8 October 2025\nReport of the Director of Place\nGREATER MANCHESTER COMBINED AUTHORITY: "
               "ECONOMIC POSITION AND SKILLS\n\nIn 2024/25 the devolved skills budget paid for 940 courses in the "
               "borough, attended by 5,120 learners.")
    assert not extract_text(economy, library)
    # ... whose budget, by its initials, is the combined authority's
    assert not extract_text("For 2025/26 the GMCA budget is £2.9bn, revenue and capital together.", library)
    # nor a pension fund's committee: its contributions are its employers' and members' to the fund
    pensions = ("Wyvern Council\nPENSIONS COMMITTEE\n12 March 2025\nWYVERN PENSION FUND: ANNUAL REPORT 2023/24\n\n"
                "In 2023/24 the Fund's contributions received came to £88.4m, against benefits paid of £91.0m.")
    assert not extract_text(pensions, library)
    # nor a paper of the council's other services, whose referrals and sessions are theirs: planning enforcement,
    # elections, a street lighting programme
    for front, text in [("PLANNING ENFORCEMENT ANNUAL REPORT 2024/25", "Referrals to the team from other services numbered "
                         "214 in 2024/25."),
                        ("Polling District and Polling Places Review 2025", "Twelve training sessions were held for "
                         "presiding officers in March 2025."),
                        ("Street Lighting Replacement Programme: update", "Three engagement sessions in April 2025 were "
                         "attended by 41 residents and 19 officers.")]:
        assert not extract_text(f"Wyvern Council\nCabinet, 9 July 2025\n{front}\n\n{text}", library), front
    # a front that says a plan or policy was adopted names no children: "adopted" is no adoption of a child
    for front, text in [("Planning enforcement: annual report 2024/25\nThe Local Enforcement Plan, adopted in 2021, "
                         "sets the team's service standards.", "The team received 188 referrals from other services in "
                         "2024/25."),
                        ("Housing Adaptations Policy 2025-2028\nCabinet is asked to adopt the revised policy.",
                         "The adaptations service received 377 referrals from occupational therapists in 2024/25.")]:
        assert not extract_text(f"Wyvern Council\nCabinet, 9 July 2025\n{front}\n\f{text}", library), front
    # while a paper about adoption is about children: its referrals stay the front door's
    adoption = ("Wyvern Council\nCorporate Parenting Board, 9 July 2025\nAdoption and permanence: annual report\n\f"
                "Children's social care received 2,310 referrals in 2024/25.")
    assert [(f.kpi, f.value) for f in extract_text(adoption, library)] == [("referrals", "2310")]
    # a council's own directorate keeps its budget (spec/kpis.md: a service's or directorate's budget)
    council = ("Cabinet, 12 February 2024\nRevenue budget 2024/25\n\nThe budget for Adult Social Care in 2024/25 is "
               "£186.9m.")
    assert {f.kpi for f in extract_text(council, library)} == {"budget_total"}


@pytest.mark.parametrize("text", [
    "The number of children in care is to be brought down to 640 over the next year.",  # a plan, not the figure
    # what only might be: a model's figure under "could", "might" or "may" after it
    "On current trends, 310 children could become subject to a protection plan by the autumn.",
    "About 1,900 referrals may well reach the front door in the winter months.",
    "We want at least 25 actions closed by the spring.",
    # a charity's or a consortium's own work is theirs, not the partnership's
    "Safe Families, the local charity, ran 24 parenting courses in 2024/25 and trained 300 volunteers.",
    "The West Midlands training consortium, of which the partnership is one of five members, delivered 210 courses "
    "in 2024/25.",
    # a line of spend is not the total spent
    "By the end of September, £1.2m had been spent on bed and breakfast accommodation.",
    "The school nursing service received 980 referrals in 2024/25, most for emotional wellbeing.",  # health's referrals
    # (also as the verb's second object)
    "The council's Family Help service received 2,140 requests for support and 1,090 referrals from schools in 2024/25.",
    "Family hubs funding of £1.2m was received over 2023-26.",  # a grant received is no budget
    "Key decision: Yes (expenditure of more than £250,000)",  # a decision's rule
    "Adopters' panel report: 72% completed the preparation training within six months.",  # people, not actions
    "Milestone 2 (Placement sufficiency plan): reduce the number of looked after children to 580 by March 2026.",
    "The new contract requires the provider to deliver a minimum of 30 safeguarding courses a year, with no more "
    "than 20 delegates on any one course.",
    "Kinship Connect, which runs the family group conference service, received 860 referrals in 2023/24.",
    "The Royal Hospitals Trust reports that 2,100 staff completed Level 3 safeguarding children training in 2023/24.",
    "Riverside Housing Partnership's own safeguarding budget for the year was £84,000.",
    "In 2023-24, 37 children in care had their review held outside statutory timescales.",
    "Total income 2024/25, partner contributions plus the balance brought forward: £498,300",
    "Training places booked in 2024/25: 2,980 (places cancelled by delegates: 251)",
    "The North East rate of children looked after was 110 per 10,000 at 31 March 2024.",
    "Northshire Adoption ran 14 preparation courses for prospective adopters in 2023/24, attended by 190 people.",
    # (the people it was for counted: carers, adopters, parents)
    "Our fostering team ran 16 training sessions for 230 foster carers during 2024/25.",
    "The agency delivered 9 workshops for over 120 prospective adopters in 2024-25.",
    "Leeds Teaching Hospitals' named nurse delivered 9 lunchtime briefings during the year, attended by 210 clinicians.",
    "Cabinet, 8 January 2025\nIf current trends continue we project 655 looked after children by 31 March 2025.",
    "Members heard that 18 children in care of statutory school age were on reduced timetables.",
    # an adults' board named before the figure, whatever the sentence says of children after it
    "For information, the Safeguarding Adults Board set a budget of £176,000 for 2023/24; the children's partnership "
    "budget is in Appendix 2.",
    "The Household Support Fund contribution of £1.8m is fully committed.",  # a fund is money, not a partner
    "In 2023/24, 2,340 training places were booked.",  # places taken up, not offered
    "Youth Justice Plan 2025/26, 14 July 2025\nFourteen children open to the team were also subject to a child "
    "protection plan at some point in the year.",  # everyone on a plan in the year is no stock
    # an education service's referrals and training for schools' staff; developers' contributions
    "In the 2023/24 academic year the education welfare service received 1,204 referrals from schools.",
    "2.3 In 2024 the Attendance Team ran 19 training sessions on attendance codes, attended by 410 school staff.",
    "Section 106 contributions held or secured total £12.6m.",
    # an age band is no figure: the clause runs on past it to its condition
    "The visit found that 12 children in care aged 16 and 17 had pathway plans that were out of date.",
    # a bracket after a figure remarks on it; its words are not the figure's label
    "Training places booked on the 2023/24 programme: 2,360 (places offered are shown in the annual report).",
    # the condition stands in the label the figures follow
    "Since the last report, the number of children in care without an up-to-date health assessment has fallen from "
    "31 to 12.",
    # staff in a team named for the children it serves are staff; a column headed by a workforce word is no place
    "Table 2: Social work posts at 30 June 2023 (FTE)\nTeam | Establishment | Permanent | Agency\n"
    "Care Leavers | 12.0 | 9.0 | 3.0\nChildren in Care | 31.0 | 25.0 | 6.0",
    # a special needs service's training and a panel's referrals
    "The SEND outreach team delivered 15 training sessions to 280 teaching assistants in 2023/24.",
    "Referrals to the Resource Allocation Panel rose to 64 in the spring term.",
    # capital, a reserve's contribution, a police and crime commissioner's budget
    "Capital outturn 2023/24 | Budget £48.2m | Spent £41.7m | Slippage £6.5m",
    "Reserve movements 2024/25: £2.5m contribution to the Adolescent Services Transformation Reserve",
    "The Police and Crime Commissioner has set a net budget of £412.0m for 2024/25.",
    # a line led by targets, commitments or a forecast; an aim that bounds a figure; what will happen
    "Targets - March 2026: 320 children in care - March 2027: 300 children in care",
    "Our 2025 commitments: 150 training courses | 3,500 delegates",
    "Q4 2024/25 forecast - children in care: 655; child protection plans: 402",
    "Councillor Ahmed said: we want to see fewer than 320 children on child protection plans by the autumn of 2026.",
    "We estimate that about 1,150 children will become subject to a child protection plan over the coming year.",
    "A council of our size would typically have 300 to 340 children on a plan.",
    "The number of children in care is 14 above trajectory.",
    # or from another figure
    "Referrals in the quarter came to 77 below the 1,150 the service had planned for.",
    # another body opening its sentence; a place's own figure; a table of agencies' own budgets or of grants
    "Northshire Police trained 960 officers in child exploitation awareness in 2023/24.",
    "Our neighbours' partnership has completed 31 of the 40 actions in its plan.",
    "Adopt North, the regional adoption agency, set a budget of £5.1m for 2025/26.",
    "Northtown Council\n\nFor comparison, Lancashire's rate of children looked after was 92 per 10,000 at 31 March 2023.",
    "Agency | Safeguarding budget 2023/24\nNorthshire Police | £18.2m\nNorthshire NHS Trust | £2.9m",
    "4.1 The Council will continue grants to voluntary groups:\n\nOrganisation | 2024/25 (£)\n"
    "Citizens Advice Northtown | 98,000\nNorthtown Mediation | 9,500",
    # an item of a list under a lead of plans (the lead on the line above the list)
    "Improvement plan milestones\n- September 2025: 55% of actions complete\n- March 2026: 90% of actions complete",
    "Our targets for 2025/26\n\n- 160 multi-agency courses\n- 3,600 delegates",
    # another body as the agent, the holder, the sentence's subject, the line's lead or the last sentence's subject
    "Safeguarding training delivered by the trust's named doctor and named nurses reached 700 GP practice staff in "
    "2024/25.",
    "A budget of £2.2m, held by the integrated care board, funds the designated professionals.",
    "Northdale Safeguarding Ltd runs courses for churches: in 2022 it put on 28 sessions.",
    "Adopt@North, the regional adoption agency hosted by Northtown, reported a 2023/24 budget of £3.9m.",
    "Ofsted's own budget for 2023-24 was £151m.",
    "Northshire Health's named nurse team delivered 31 safeguarding courses during 2023.",
    # (whatever its verb: it gave, hosted or organised the events its figure attended)
    "The designated doctors gave 14 safeguarding briefings to dental practices, attended by 260 practice staff.",
    # a planning applicant's or a developer's money: "the applicant's ... development budget"
    "The developer's cost plan gives a construction budget of £41.2m for the scheme.",
    "The ICB's safeguarding budget, by contrast, is around £2.1m.",
    "Hillside Academy's safeguarding lead made 19 referrals to children's social care in 2023/24, and the school ran "
    "5 training sessions for staff.",
    "Our police colleagues' year in numbers 2024: 2,840 child protection referrals | 36 briefings | 810 officers trained",
    "Salford City Council\n\nNeighbouring Bolton had 301 children on child protection plans at 31 March 2023, a rate of "
    "49.2 per 10,000.",
    "Northshire Police has updated its exploitation training. It delivered 190 sessions in 2024.",
    # children in a state, referrals pending, delegates who left early, courses under-booked, a trigger point, an age
    "Members heard that 21 children we look after have experienced three or more moves of home this year.",
    "Screening snapshot, 4 March 2024: 52 referrals were pending a decision.",
    "Six delegates left early from the neglect course on 3 May 2023.",
    "Spring term 2024\n- 9 courses ran under-booked",
    "31 children subject to child protection plans were living in temporary accommodation.",
    "Of the 205 children looked after continuously for 12 months or more, 180 had an up-to-date health assessment.",
    "CIC rate trigger point: 95 per 10,000.",
    "In 2023/24, 48 unborn babies and infants under one became subject to a child protection plan.",
    # a provider's placement referrals; single-agency training
    "We received 121 placement referrals from councils in the quarter (Q1: 109).",
    "The council's safeguarding adviser ran single-agency training for 80 school staff in 7 sessions.",
    # a secure children's home or a company in apposition; a neighbouring place in apposition; forms returned late
    "Oakfield, the secure children's home run by a neighbouring county, has 12 beds and cared for 58 children in 2022/23.",
    "The report quotes Thrive for Children, the company run by two boroughs, which had 298 children in care on "
    "31 March 2023.",
    "Essex County Council\n\nNote on neighbouring areas\nThurrock, a separate unitary with its own partnership, reports "
    "that 180 children became subject to a child protection plan in 2022/23.",
    "Training update\n- feedback forms returned late for 4 sessions",
    "Data pack note 7: 35 children subject to a child protection plan had not been visited within ten working days.",
    # a dashboard of agencies' activity is no table of money; "every 10 children"; a service owned in brackets;
    # an audit committee's paper
    "Agency | Measure | Q1 24/25 | Q2 24/25\nNorthshire Police | Missing episodes (children) | 148 | 160\n"
    "Education | Suspensions | 612 | 547",
    "Every 10 children above the assumed number of children in care would add about £1.4m a year.",
    "5.2 Healthy Minds (Northtown CAMHS, Riverside NHS Foundation Trust) received 1,940 referrals in 2022/23.",
    "5.3 Four referrals relating to children's services were made to the counter fraud team during the quarter.",
    "In the year, 14 referrals were sent to the youth offending team.",
    "Northtown County Council\nAudit and Accounts Committee\n\nInternal Audit Progress Report: Children's Services, "
    "Quarter 1 2024/25\n\nOf the 28 actions, 15 have been implemented.",
    # places not taken up, events called off, carers' own learning
    "Forty delegates booked onto safeguarding courses failed to attend in 2024/25.",
    "Nine multi-agency training events were called off in the spring term of 2023.",
    "The carers' learning programme ran 24 sessions in 2023-24.",
    # sessions in some state; an age band's end; pupils reached by assemblies
    "In 2022/23 eleven courses were pulled for want of bookings.",
    "Open children in need cases in June 2023 included many teenagers aged 14 to 17.",
    "The healthy relationships assemblies reached 2,260 pupils in 2023/24.",
    # another body's people; a line led by a regional comparison
    "Pupils at the academy trust's 14 schools include 61 children on child protection plans.",
    "Regional L&D comparison (2023/24): across the partnerships in the region, average course utilisation 79% | "
    "highest 90%",
    # a share of an underspend paid back; a project's budget; savings items
    "The surplus is returned to the partners pro rata; the police's share for 2023/24 is £4,100.",
    "Cabinet approved the refurbishment of the Elm Road children's home, with a budget of £640,000, in 2024.",
    "Savings of £2.2m in 2024-25 come from a new residential home (£0.6m) and step-down to foster care for 9 young "
    "people (£0.8m).",
    # a group that meets, named after the people
    "Participation | 2024/25\nChildren in Care Council sessions | 14",
    # people who completed treatment are no plan's actions
    "Young people in substance misuse treatment, 2023/24: 140, of whom 58% completed treatment.",
    # a projection in the present continuous; a list under the capital programme; a scheme's budget
    "Month 7 position: Children's Services is projecting a year-end outturn of £96.2m.",
    "Capital programme 2025-2029\n- Family hub, Eastgate - £1.1m\n- Children's home extension, Mill Lane - approved scheme "
    "budget £2.2m",
    # a named academy trust's or school's money
    "Oakwood Academy Trust reported income of £31.2m and expenditure of £30.8m in its 2022/23 accounts.",
    "Millbrook Primary School's 2024-25 budget plan shows a deficit of £96,000 on a budget of £1.9m.",
    # a named place's partnership beside the writer's own
    "Kent's safeguarding children partnership, unlike ours, trained 4,000 delegates in 2023/24.",
    # referrals made to a drop-in or a nursing service are no referrals to children's social care
    "In 2023/24, 640 referrals were made to the school nursing wellbeing drop-in.",
    # a body that holds a contract; a firm that says; officers of a violence reduction unit, then "They"
    "Brightpath Care, which holds the family support contract, received 2,140 referrals during 2022-23.",
    "SafeLearn, the firm behind the council's e-learning, says 9,200 learners completed its neglect course in 2024.",
    "Officers from the Violence Reduction Unit ran their own knife crime conference in May 2023. They counted 360 "
    "attendees.",
    # out of date for some children; living far away; having been on a plan before coming into care
    "Care plans were out of date for 17 children in care at the end of June 2022.",
    "At 31 March 2024, 19 looked after children lived more than 20 miles from home.",
    "Corporate Parenting Annual Report 2022/23\n\n4.3 Of the 96 children who came into care during the year, 27 had "
    "been subject to a child protection plan immediately beforehand, and 14 came from other councils.",
    # a statement of how a council's budget is financed: no partner's contribution
    "The budget is financed as follows (£m):\nSource | 2024-25\nCouncil Tax | 301.2\nBusiness rates | 88.0\n"
    "Social care grant | 40.1",
])
def test_aims_other_bodies_and_services_rules_and_conditions_give_no_fact(text, library):
    assert not extract_text(text, library)


# another body's own figure, whatever the body and wherever the sentence names it (issue 7: "whose figure")
_BODIES = ["Avon and Somerset Police", "the ICB", "Northfield Hospitals NHS Foundation Trust", "the regional adoption agency",
           "Oakwood Academy Trust", "the CCG", "the probation service"]
_BODY_SHAPES = [
    "{B} trained 1,240 staff in safeguarding in 2023/24.",
    "In 2023/24, {b} trained 1,240 staff in safeguarding.",
    "Figures supplied by {b} show 1,240 staff trained in safeguarding in 2023/24.",
    "{B}'s safeguarding budget for 2023/24 was £2.1m.",
    "The report from {b} (received by the board in May 2024) records 1,240 staff trained in 2023/24.",
    "{B} reported that it had made 1,240 referrals to children's social care in 2023/24.",
    "Partner update - {b}: 1,240 staff trained; 42 courses run (2023/24).",
    "Of the partners, {b} ran the most courses: 42 in 2023/24.",
    "{B} | Courses 2023/24 | 42 | Delegates | 1,240",
    "A total of 42 safeguarding courses were run by {b} in 2023/24.",
    "The board heard from {b}, which looked after 312 children in care at 31 March 2024.",
    "Within {b}, 42 courses were delivered in 2023/24.",
    "{B}'s own figures show 312 children on child protection plans at 31 March 2024.",
]


@pytest.mark.parametrize("shape", _BODY_SHAPES)
@pytest.mark.parametrize("body", _BODIES)
def test_another_bodys_own_figure_gives_no_fact_whatever_the_shape(body, shape, library):
    text = shape.format(B=body[0].upper() + body[1:], b=body)
    assert facts(text, library) == set()


@pytest.mark.parametrize("text", [
    "The mentoring project, run by a local charity, worked with 64 children in care in 2022/23. Its budget for the "
    "year was £212,000.",
    "Kent Police has refreshed its safeguarding training. Over 2023/24 it trained 1,180 officers.",
    "Hospital trusts are key partners. Between them they trained 4,100 staff in 2023/24.",
    "Our colleagues in Surrey shared their data: 1,020 children in care at 31 March 2024.",
    "Northbrook Community Health reviewed its safeguarding offer in 2023. Its safeguarding budget for 2023/24 is £1.2m.",
])
def test_a_sentence_that_goes_on_about_another_body_gives_its_figures(text, library):
    # "Its", "Their", "It" after a sentence that opens with another body, by kind, by name or as what one runs
    assert facts(text, library) == set()


def test_a_label_with_a_state_is_no_part_of_the_population(library):
    # "with" names a part when it is a disability or a placement, not a state the children are in
    assert facts("Children in care with an up-to-date health assessment | 412 | 31/03/2024", library) == set()
    assert facts("Children in care with a disability | 41 | 31/03/2024", library) == {("children_in_care", 41.0)}


@pytest.mark.parametrize("text", [
    "Harbour Lights, the children's hospice, delivered 26 safeguarding courses in 2023/24, attended by 388 staff.",
    "Mindful Futures, our commissioned CAMHS provider, told the board that it ran 26 training sessions last year.",
    "Oakleaf Care, an independent fostering agency, spoke to the partnership in March. They now look after 143 "
    "children in care.",
    "Safe Haven (the domestic abuse charity) spent £1.2m on safeguarding in 2023/24.",
    # the kind may carry a long clause of what the body does for us
    "Brightwater Futures, the charity that delivers the county's missing-from-home interviews under contract, "
    "received 512 referrals in 2024/25.",
])
def test_a_body_named_with_its_kind_in_apposition_owns_what_it_did(text, library):
    # the kind in apposition says whose the name is; "It" and "They" in the next sentence go on about it
    assert facts(text, library) == set()


def test_our_own_body_named_with_a_kind_in_apposition_keeps_its_figures(library):
    assert facts("Kingsmere Safeguarding Children Partnership, a partnership of three agencies, trained 388 staff "
                 "on 26 courses in 2023/24.", library) == {("training_delegates", 388.0), ("training_courses", 26.0)}
    assert facts("The council, the lead agency for the partnership, spent £1.2m on safeguarding in 2023/24.",
                 library) == {("expenditure_total", 1200000.0)}


@pytest.mark.parametrize("text", [
    "Targets for 2026/27\nChildren on a child protection plan: 310\nRe-referral rate: 18%",
    "Improvement plan trajectory (agreed by the board)\nEnd of Q2 2025/26: 24 actions complete\n"
    "End of Q4 2025/26: 41 actions complete",
    "Projected demand 2026/27\nChildren in need: 3,120\nChildren in care: 744",
    "Statistical neighbours (latest published, 2024)\nRe-referrals within 12 months: 20.4%\n"
    "Children in care per 10,000: 79",
    "England average (2023/24)\nChildren on plans per 10,000: 41.6",
    "Police partners' figures (Wessex Constabulary, 2024/25)\nOfficers trained in child exploitation: 1,310\n"
    "Safeguarding unit budget: £1.4m",
])
def test_a_heading_line_says_what_the_short_lines_of_figures_under_it_are(text, library):
    # a target's, a forecast's, a comparator's or another body's heading, on a line of its own
    assert facts(text, library) == set()


def test_short_lines_under_a_heading_of_our_own_figures_stay_facts(library):
    assert facts("Performance against target, 2024/25\nChildren on a child protection plan: 288\n"
                 "Re-referral rate: 19.5%", library) == {("cp_plans", 288.0), ("rereferral_rate", 19.5)}
    # a heading over prose, not over short lines of figures, does not govern it
    assert facts("Targets\nThe partnership's work this year was shaped by the three priorities agreed in 2023, and by "
                 "the end of March 2025 there were 301 children on child protection plans across the county.",
                 library) == {("cp_plans", 301.0)}


@pytest.mark.parametrize("text", [
    "Safe staffing ratio: 1 IRO to 65 children in care",
    "Caseloads are kept to one social worker for every 18 children in need.",
])
def test_the_second_term_of_a_ratio_is_no_count(text, library):
    assert facts(text, library) == set()


def test_a_designated_officers_report_counts_its_own_referrals(library):
    # a LADO's referrals are allegations about adults who work with children, not referrals to children's
    # social care, even where a child is named; a referral to children's social care it names is one still
    text = ("Eastmoor Safeguarding Children Partnership\nLocal Authority Designated Officer (LADO) Annual Report "
            "2023-24\n\nIn 2023-24 the LADO received 402 referrals. In 19 referrals a child named in the allegation "
            "was subject to a child protection plan. Re-referrals within 12 months were 6.2%.")
    assert facts(text, library) == set()
    assert facts("Eastmoor Council\nChildren's Scrutiny Committee\nFront door report 2023-24\n\nIn 2023-24 the "
                 "service received 4,020 referrals.", library) == {("referrals", 4020.0)}


@pytest.mark.parametrize("text", [
    "We did joint planning with the two language schools before their summer 2024 courses.",
    "The partnership reviewed the 2023 conference programme with its delegates.",
])
def test_a_year_that_names_which_of_a_thing_is_no_count(text, library):
    assert facts(text, library) == set()


def test_people_who_completed_a_programme_are_no_plans_actions(library):
    assert facts("Parenting programmes: 47 groups ran, 596 parents started and 461 completed (77%).", library) == set()
    assert facts("Of the 40 actions in the plan, 31 are complete (77%).", library) == {
        ("plan_actions_total", 40.0), ("plan_actions_completed", 31.0), ("plan_actions_completed_pct", 77.0)}


@pytest.mark.parametrize("text", [
    # a table whose stub names a forecast holds no actuals, nor does a column headed as a target
    "Projected demand | 2026/27 | 2027/28\nChildren in need | 3,120 | 3,200\nChildren in care | 744 | 760",
    "Indicator | Target | Stretch | Tolerance\nChildren on child protection plans | 330 | 310 | 15",
])
def test_a_table_set_out_with_pipes_headed_as_plans_gives_no_fact(text, library):
    assert facts(text, library) == set()


def test_a_table_set_out_with_pipes_keeps_its_column_of_actuals(library):
    assert facts("Measure | Actual | Target | England\nChildren on child protection plans | 330 | 310 | 290",
                 library) == {("cp_plans", 330.0)}


@pytest.mark.parametrize("text", [
    # what is done for some of the children in care, or what some of them have, is no count of them
    "In addition, 46 children in care are taken to their school of origin so that they can stay at it when their "
    "placement moves.",
    "121 children looked after by the city council have an EHC plan and a further 96 receive SEN support.",
    # parts of a whole that is not the KPI's: a list under "Of the 112:", and the parts after "12 of the ..."
    "At 31 March the youth justice service was working with 112 children. Of the 112:\n"
    "- 27 were children in care;\n- 14 were subject to a child protection plan.",
    "31 children were assessed as at high risk of exploitation; 12 of the high-risk children were in care and 8 "
    "were subject to a child protection plan.",
    # the same when the part opens the sentence in words
    "Twelve of the high-risk children were in care and eight were subject to a child protection plan.",
    # repeat plans are qualified by their time since the last one
    "47 children became subject to a child protection plan within 12 months of their last plan.",
    # what a board asks for is a target
    "The board has asked for training utilisation of 90% in 2025/26.",
    # a region's figure in brackets after its name is a comparator
    "Rates of children looked after are higher across the North West (96 per 10,000 children) than here.",
    # the whole a part is taken from, when the KPI's words are said of the part after a verb: the 58 are the team's
    "At 30 September 2025, 9 of the 58 young people known to the exploitation team were looked after.",
    # referrals made under housing law are a housing service's
    "3.4 Duty to refer. Public bodies made 612 referrals to the council under section 213B of the Housing Act 1996 in "
    "2024/25: 148 came from the council's children's social care teams.",
])
def test_qualified_counts_parts_of_another_whole_targets_and_other_services_give_no_fact(text, library):
    assert facts(text, library) == set()


@pytest.mark.parametrize("text", [
    # spend on agency staff, or on rooms paid by the night, is one line of spending
    "Spend on agency social workers was £3.42m in 2018/19, against £2.96m in 2017/18.",
    "Gross spend on nightly-paid bed and breakfast and hotel rooms was £3.94m in 2024/25.",
    # the sum that is "of" a contribution, a saving or a pressure is that line, in a sentence about the budget
    "The budget makes a planned contribution of £3.0m in 2025/26, taking the general fund balance to £10.2m.",
    # health's share of the cost of placements is no contribution to a partnership
    "Contributions from health to joint placements are budgeted at £5.2m.",
    # or to packages it shares
    "The ICB's contributions to jointly funded packages came to £1.7m in 2024/25.",
    # an apprenticeship's places are no training places
    "A council-sponsored apprenticeship programme has offered 8 places, of which 5 have been taken up.",
])
def test_lines_of_spending_and_places_of_another_kind_give_no_fact(text, library):
    assert facts(text, library) == set()


def test_a_part_of_a_whole_counted_in_the_same_phrase_stays_the_kpis_own(library):
    # "Twenty-nine of the ..." at a sentence's start is a part, as "12 of the ..." is; but not when the
    # whole is counted too, for then it is the KPI's own whole and part
    assert facts("Twenty-nine of the plan's 40 actions are complete.", library) == {
        ("plan_actions_total", 40.0), ("plan_actions_completed", 29.0)}


def test_a_service_or_a_placement_lines_own_spend_stays_a_fact(library):
    assert facts("Spend on children's services was £95.2m in 2023/24.", library) == {("expenditure_total", 95200000.0)}
    assert facts("Spend on residential care placements reached £23.6m in 2022/23.", library) == {
        ("expenditure_total", 23600000.0)}
    assert facts("There were 640 children looked after by the council at 31 March 2025.", library) == {
        ("children_in_care", 640.0)}


def test_a_table_of_the_sources_that_fund_a_build_gives_no_contributions(library):
    text = ("Source of funding | Contribution (£)\nDfE Children's Home Capacity Fund | 992,000\n"
            "Prudential borrowing | 1,054,000\nTotal | 2,046,000")
    assert facts(text, library) == set()
    assert facts("Partner | Contribution (£)\nPolice | 52,000\nICB | 98,000\nCouncil | 150,000\nTotal | 300,000",
                 library) == {("agency_contribution", 52000.0), ("agency_contribution", 98000.0),
                              ("agency_contribution", 150000.0), ("budget_contributions", 300000.0)}


@pytest.mark.parametrize("text", [
    # a heading says whose the figures under it are: the nation's ...
    "Nationally (DfE statistical release, children looked after in England at 31 March 2024)\n"
    "Looked after children: 83,630\nRate per 10,000 children: 70",
    # ... another council's, set beside ours for a peer review ...
    "Peer comparison: Thornbury Metropolitan Borough Council (data shared for the peer challenge)\n"
    "Children on child protection plans: 377\nChildren looked after: 604",
    # ... a health trust's, named in full before what they are ...
    "Southvale Community Health NHS Trust - level 3 safeguarding training (Q3)\n"
    "Staff trained in the quarter: 388\nTraining sessions delivered: 41",
    # ... a body named by its kind in brackets, its own budget included ...
    "Adoption Westward (regional adoption agency) - 2024/25\nAdopters approved: 96\nAgency budget: £3.9m",
    # ... or plans, when it names a trajectory and who agreed it
    "Trajectory agreed with the improvement adviser\n"
    "              Mar-26   Sep-26   Mar-27\n"
    "CP plans         512      490      470\n"
    "CLA              705      690      672",
])
def test_a_heading_over_lines_of_figures_says_whose_they_are(text, library):
    assert facts(text, library) == set()


@pytest.mark.parametrize("text", [
    # money for one place, one item of spending, and a council's training of its own staff
    "Contributions are sought at £17,420 per primary place.",
    "Marketing spend on the fostering campaign in the half year was £38,500.",
    "The council's Organisational Development team ran 176 courses for council staff in the half year.",
    # actions at risk are a status of some of a plan's actions, not its size
    "The improvement plan is broadly on course. Seven actions are at risk and three are off track.",
])
def test_unit_sums_items_of_spending_own_staff_training_and_actions_at_risk_give_no_fact(text, library):
    assert facts(text, library) == set()


def test_a_date_before_a_bracketed_share_dates_the_count_too(library):
    # the plan's count and its completed count are at the sentence's own date, not the date of the
    # sentence before (the inspection's)
    text = ("The plan followed the inspection of 2-13 June 2024, which judged services inadequate. "
            "Of the plan's 40 actions, 22 were complete at 31 March 2025 (55%), up from 15 at the end of December.")
    got = {(f.kpi, f.value, f.period) for f in extract_text(text, library)}
    assert {("plan_actions_total", "40", "2025-03-31"), ("plan_actions_completed", "22", "2025-03-31"),
            ("plan_actions_completed_pct", "55", "2025-03-31")} <= got


@pytest.mark.parametrize("text", [
    # a GP practice's register, and the next figure of its list with it
    "The named GP told the group that Oakfield Medical Practice's register flags 22 children on a child protection "
    "plan and 35 children looked after.",
    # a force's budget in a bracket after its name, and a force's officers trained
    "The constabulary (budget £598m in 2024/25) sent 4,870 notifications to schools.",
    "Force-wide, 2,140 officers completed the domestic abuse training in 2024/25.",
])
def test_a_practices_register_a_forces_budget_and_its_officers_give_no_fact(text, library):
    assert facts(text, library) == set()


@pytest.mark.parametrize("text", [
    # referrals another service took, named as the clause's subject or as the line's label
    "The young carers' service (Carers Together) accepted 318 referrals in 2024/25.",
    "Substance misuse team: 146 referrals received during the year.",
    # referrals that went on somewhere: a part of them, not the count
    "During 2024/25, 2,905 referrals progressed to a single assessment.",
    # or that ended in no action
    "In 2024/25, 388 referrals ended with no further action.",
    # "an extra" beside a comparison is the difference
    "Referrals in the autumn term were 9% higher than in the summer, an extra 61 referrals.",
    # what a budget was built on is an assumption, not a count
    "This year's budget was set for 402 children in care.",
    "The budget had allowed for 402 children looked after.",
    # a part named by "of which" is said of its whole's clause, whose doer is another service
    "During the year the LADO dealt with 260 contacts, of which 74 were referrals.",
    # the KPI's own words as a carer's verb
    "Since 2009 the Hendersons have looked after 41 children in care.",
    # a line led by what is planned, and a bound named by the line's label
    "Planned for 2026/27: 120 training courses and 2,600 delegates.",
    "Minimum numbers: a workshop goes ahead with 8 delegates.",
    # a tolerance, said again in money
    "The board's budget tolerance is 3%, that is £9,300.",
    # training for those who are not practitioners, named by the label before the figure
    "Preparation groups for prospective adopters: 11 courses in the year.",
    "Induction for councillors: 3 training sessions after the election.",
    # a row of a statistical neighbours' average
    "SN average 2024/25 | CLA rate 74.0 | CP rate 44.1",
])
def test_another_services_referrals_a_part_a_difference_a_plan_a_bound_and_a_comparator_give_no_fact(text, library):
    assert facts(text, library) == set()


@pytest.mark.parametrize("text, want", [
    # our own front door, or the council's service, still receives the council's referrals
    ("The MASH received 4,210 referrals in 2024/25.", {("referrals", 4210.0)}),
    ("During 2024 the service took 5,920 referrals.", {("referrals", 5920.0)}),
    ("The referral and assessment team received 3,118 referrals in 2024/25.", {("referrals", 3118.0)}),
    # contacts that went on to be referrals are referrals
    ("In 2024/25, 2,400 contacts progressed to referrals.", {("referrals", 2400.0)}),
])
def test_the_councils_own_referrals_still_count(text, want, library):
    assert facts(text, library) == want


def test_a_target_column_for_the_year_to_date_is_a_target(library):
    text = ("2025/26 | Q1 | Q2 | YTD | Target (YTD)\n"
            "Referrals received | 1,210 | 1,190 | 2,400 | 2,300")
    got = {(f.kpi, f.value, f.period) for f in extract_text(text, library)}
    assert ("referrals", "2300", "2025-09") not in got
    assert ("referrals", "2400", "2025-09") in got


def test_a_table_set_out_with_leader_dots_gives_its_parts(library):
    text = ("Looked after children at 31 March 2025, by age\n"
            "Under 5 ........ 64\n5 to 15 ...... 212\n16 and 17 ...... 97\nAll ages ....... 373")
    got = {(f.kpi, f.value, f.period, f.subject) for f in extract_text(text, library)}
    assert {("children_in_care", "64", "2025-03-31", "Under 5"), ("children_in_care", "212", "2025-03-31", "5 to 15"),
            ("children_in_care", "97", "2025-03-31", "16 and 17"), ("children_in_care", "373", "2025-03-31", "")} == got


@pytest.mark.parametrize("text", [
    # a provider's households and the children they care for are the provider's
    "Brightside Fostering has 95 approved households caring for 130 children.",
    # with a verb before (carers that "were looking after"), and with the part read with them
    "At the year end the approved foster families were looking after 212 children.",
    "At 31 March 2025 the council's foster carers were caring for 190 children, including 14 under five.",
    # what was added to a plan, or done since the last report, is a movement of its actions
    "Improvement plan update\n\nIn June, 5 improvement actions were added to the plan.",
    "Eleven of the business plan's actions had been completed by March; the 4 completed since are set out below.",
    # some courses picked out by a superlative are no count of courses
    "Waiting lists were longest for the three busiest courses, each run once a month.",
    # which stage of a plan, not how many actions
    "The business plan expects 70% of its actions to be complete by the end of year two.",
    # another service's re-referral rate, its own referrals and the grants a partnership was awarded
    "Early help re-referral rate (families returning within 6 months): 11%",
    "Referrals to the children's mental health service: 1,240 in 2024/25.",
    "In 2024/25 the partnership was awarded these grants towards its work:\n\n"
    "Grant (awarding body)                                   2024/25\n"
    "Prevention Fund (Kent PCC)                              £64,500\n"
    "Serious Violence Duty grant (Home Office)               £52,880\n"
    "Total grants                                            £117,380",
    # developers' money under planning agreements, and a public occasion's crowd
    "£2.1m of education contributions was received in 2024/25 and a further £6.4m is secured.",
    "About 900 people attended the Armed Forces Day parade in June.",
])
def test_a_providers_children_a_plans_phase_another_services_rates_and_grants_give_no_fact(text, library):
    assert facts(text, library) == set()


def test_a_rate_after_a_count_and_its_prior_figure_in_brackets_is_the_counts_rate(library):
    text = "At 31 March 2025 we cared for 512 children (31 March 2024: 498), a rate of 66.2 per 10,000 children."
    assert ("children_in_care_rate_per_10k", 66.2) in facts(text, library)


def test_parts_listed_in_the_sentence_after_the_whole(library):
    text = ("At 30 September 2025, 402 children were on a child protection plan. "
            "Of these, 96 (24%) were under five and 140 were aged 5 to 11.")
    got = {(f.kpi, f.value, f.period, bool(f.subject)) for f in extract_text(text, library)}
    assert {("cp_plans", "402", "2025-09-30", False), ("cp_plans", "96", "2025-09-30", True),
            ("cp_plans", "140", "2025-09-30", True)} == got


@pytest.mark.parametrize("text", [
    # a heading naming others' figures anywhere in it governs the short lines under it
    "Context - neighbouring councils (31 March 2025)\n- Harlow: 233 children in care; 118 on child protection plans\n"
    "- Epping Forest: 301 children in care; 140 on child protection plans",
    "Benchmarks (South West regional averages, 2024/25)\n- Re-referral rate: 21.3%\n"
    "- Child protection plan rate per 10,000: 41.0",
    "Figures shared by our neighbouring council, North Somerset:\nChildren in care (30 Sept 2025): 288\n"
    "Children on CP plans (30 Sept 2025): 164",
    # a row of a region's figures, a table of neighbours' and a row of one agency's own training
    "Children becoming subject to a CP plan, 2024-25\nEngland                                63,900\n"
    "South West                              5,910\nStatistical neighbours (average)           398",
    "Referrals 2024/25 - statistical neighbours\nNeighbour        Referrals   Re-referral %\n"
    "Torbay             2,011        21.5\nPlymouth           3,402        24.1",
])
def test_others_figures_under_a_heading_a_region_row_or_a_neighbours_table_give_no_fact(text, library):
    assert facts(text, library) == set()


def test_a_single_agency_row_of_a_training_table_is_not_the_partnerships(library):
    text = ("Dorset Safeguarding Children Partnership - Annual Report 2024/25\nTraining\n"
            "                                            Courses    Delegates\n"
            "DSCP multi-agency programme                     74        1,640\n"
            "Dorset Police (single agency)                   38          702\n")
    got = kpi_values(text, library)
    assert ("training_courses", "38") not in got and ("training_delegates", "702") not in got
    assert ("training_courses", "74") in got


@pytest.mark.parametrize("text", [
    # another body's own report cited for the figure
    "There were 410 children on child protection plans at 31 March 2025, according to Dunmore's annual report.",
    "The service received 2,310 referrals in 2024/25, according to the trust's safeguarding report.",
    "Tarnley's children in care numbered 512 at 31 March 2025, according to its annual corporate parenting report.",
    # a doing said to be a body's own
    "In its own annual report, the Riverside Safeguarding Partnership says 76% of its business plan actions are complete.",
    "Marlow District Council spent £61,000 on its own community safety team in 2024/25.",
])
def test_a_figure_cited_from_another_bodys_own_report_or_said_to_be_its_own_gives_no_fact(text, library):
    assert facts(text, library) == set()


@pytest.mark.parametrize("text, kpi, value", [
    # the writer's own report cited, or the writer's own doing beside another body's
    ("According to the council's latest figures, 450 children were looked after at 31 March 2025.", "children_in_care", "450"),
    ("We spent £402,000 in 2024/25, while the police spent £60,000 of their own money on the coordinator's post.",
     "expenditure_total", "402000"),
])
def test_the_writers_own_figure_beside_a_citation_or_anothers_own_stays_a_fact(text, kpi, value, library):
    assert (kpi, value) in kpi_values(text, library)


@pytest.mark.parametrize("text", [
    # a caption that calls the table each agency's own, single-agency work: its rows of agencies
    "Single-agency safeguarding training returns, 2024/25\n| Agency | Courses | Delegates |\n"
    "| Northfield Constabulary | 27 | 512 |\n| Northfield Community Health NHS Trust | 41 | 1,377 |\n",
    # and its columns of agencies
    "Single-agency safeguarding training, 2023/24\n"
    "                  Acute trust   Constabulary   Fire service\n"
    "Courses run            150           47             11\n"
    "Staff trained        4,210        1,305            260\n",
])
def test_a_table_captioned_as_single_agency_work_gives_no_training_fact(text, library):
    assert facts(text, library) == set()


def test_it_after_a_sentence_that_names_a_body_in_apposition_is_that_bodys(library):
    text = ("For this report we asked Brightpath, the young carers' charity, for its figures. It ran 14 training "
            "courses for 230 school staff in 2024/25.")
    assert facts(text, library) == set()


def test_it_after_our_own_body_named_in_apposition_stays_ours(library):
    # the kind in apposition names the writer here, so "It" in the next sentence is the council
    text = ("The council, the lead agency for the partnership's training, commissioned the programme. It trained 900 "
            "practitioners on 40 multi-agency courses in 2024/25.")
    assert facts(text, library) == {("training_courses", 40.0), ("training_delegates", 900.0)}


@pytest.mark.parametrize("text", [
    # a distance from the national figure in points is a difference, not the rate
    "At 31 March 2025 the rate of children in care was 4.7 points lower than the national rate.",
    # what a programme or a body plans is not yet done
    "For 2025/26 the partnership plans 120 multi-agency courses.",
])
def test_points_from_a_comparator_and_what_a_body_plans_give_no_fact(text, library):
    assert facts(text, library) == set()


def test_an_average_contribution_across_the_region_is_a_comparator_not_a_partners(library):
    text = ("In 2024/25 the ICB contributed £95,000 to the partnership; the average ICB contribution across the "
            "region was £71,000.")
    assert facts(text, library) == {("agency_contribution", 95000.0)}


@pytest.mark.parametrize("text", [
    # a title that names the children's partnership runs into the adults' board's own sentence
    "Kingsmere Safeguarding Children Partnership - Annual Report 2024/25\n"
    "The adults' board ran 52 multi-agency courses in 2024/25.",
    # "It" after a sentence about the adults' board is the board
    "Kingsmere Safeguarding Children Partnership - Annual Report 2024/25\n"
    "The Safeguarding Adults Board met in May. It has 27 actions in its plan for 2024/25.",
    # "Their" after colleagues in another place who shared their data
    "Colleagues in Felsham shared their figures with us. Their rate of children on child protection plans was "
    "44.2 per 10,000 at 31 March 2025.",
])
def test_the_adults_board_and_colleagues_elsewhere_keep_their_own_figures(text, library):
    assert facts(text, library) == set()


def test_actions_completed_belong_to_the_nearest_plan_before_them(library):
    # the adults' board's plan comes after the board's own completed actions, so it does not own them
    text = ("Position at 30 June 2025: the partnership's plan holds 42 actions; 25 are complete, and the adults' "
            "board's plan, reported separately, has 31 actions.")
    assert facts(text, library) == {("plan_actions_total", 42.0), ("plan_actions_completed", 25.0)}


@pytest.mark.parametrize("text", [
    # a budget report's tables of unit costs and of what the budget assumes hold no body's count or budget
    "Table 5: Average weekly unit costs used in the budget\n\n"
    "Placement type                    2025/26 budget    2026/27 proposed\n"
    "In-house foster care                   £505              £525\n"
    "Independent fostering agency         £1,010            £1,060\n"
    "Residential children's home          £5,940            £6,230\n"
    "Supported lodgings                     £410              £430\n\n"
    "Table 6: Demand assumptions (average number in the year)\n\n"
    "                              2025/26 budget    2025/26 forecast    2026/27 budget\n"
    "Children in care                    702               716              731\n"
    "  in residential homes               61                64               58\n"
    "Children on CP plans                410               415              425\n",
    # a region's councils together
    "At 31 March 2025 North East authorities looked after 6,240 children between them.",
])
def test_assumptions_unit_costs_and_a_regions_councils_give_no_fact(text, library):
    assert facts(text, library) == set()


def test_the_quarter_row_under_months_is_the_captions_quarter(library):
    text = ("Table 2: Referrals by month, Q1 2025/26\n\n"
            "Month           Contacts    Referrals\n"
            "April 2025         1,610        342\n"
            "May 2025           1,702        365\n"
            "June 2025          1,544        330\n"
            "Quarter            4,856      1,037\n")
    got = {(f.kpi, float(f.value), f.period, f.subject) for f in extract_text(text, library)}
    assert got == {("referrals", 342.0, "2025-04", ""), ("referrals", 365.0, "2025-05", ""),
                   ("referrals", 330.0, "2025-06", ""), ("referrals", 1037.0, "2025-Q2", "")}


@pytest.mark.parametrize("text", [
    # savings carried from one year to the next are savings not yet made, not a balance carried forward
    "Of the £3.8m of savings planned for 2025/26, £1.4m are carried forward from 2024/25.",
    # a community safety partnership is another partnership than the children's
    "Knife crime awareness is led by the community safety partnership: the CSP ran 31 courses in 2024/25, "
    "attended by 615 people.",
])
def test_savings_carried_forward_and_a_community_safety_partnerships_courses_give_no_fact(text, library):
    assert facts(text, library) == set()


@pytest.mark.parametrize("text", [
    # another place than the paper's own, in the possessive
    "Northtown Borough Council\nChildren's Scrutiny Committee, 4 June 2025\n\nMembers were told that Medway's children "
    "in care numbered 430 at 31 March 2025.",
    "Westford Safeguarding Children Partnership - Annual Report 2024/25\n\nEastmoor's front door received 6,100 referrals "
    "in 2024/25.",
    # a body by its name, in a paper of any place: a charity's helpline, a trust's budget
    "The NSPCC's helpline made 2,400 referrals to local agencies in 2024/25.",
    "Hope Street Trust's budget for 2024/25 was £1.2m.",
    # a regional adoption agency is a body by its name, as a trust is
    "Adopt Northfield's running costs budget for 2025/26 is £2,940,000.",
    "Adoption South Vale's total budget for the year was £3.6m.",
])
def test_a_figure_owned_by_a_name_in_the_possessive_is_that_names(text, library):
    """A body's own figures are "our" or "the council's"; a figure a proper name owns ("Medway's
    children in care", "the NSPCC's helpline") is that name's, unless the name is the paper's own."""
    assert facts(text, library) == set()


@pytest.mark.parametrize("text, want", [
    # the paper's own place, or a place in a paper that names no writer, which may be the writer's own
    ("Westford Safeguarding Children Partnership - Annual Report 2024/25\n\nWestford's front door received 6,100 "
     "referrals in 2024/25.", {("referrals", 6100.0)}),
    ("Luton's rate of children in care was 61 per 10,000 at 31 March 2024.", {("children_in_care_rate_per_10k", 61.0)}),
    # the names the writer calls itself, a person's, and a named owner before the writer's own
    ("The Council's net revenue budget for 2025/26 is £312.4m.", {("budget_total", 312400000.0)}),
    ("Children's Services' net budget for 2025/26 is £96.4m.", {("budget_total", 96400000.0)}),
    ("In September 2024 the Partnership's annual conference was attended by 240 practitioners.",
     {("conference_delegates", 240.0)}),
    ("Cllr Shah's question was answered: at 31 March 2025, 412 children were on child protection plans.",
     {("cp_plans", 412.0)}),
    ("Alongside the Police and Crime Commissioner's grant, the partnership's budget for 2024/25 was £350,000.",
     {("budget_total", 350000.0)}),
])
def test_the_writers_own_names_in_the_possessive_keep_its_figures(text, want, library):
    assert facts(text, library) == want


@pytest.mark.parametrize("text", [
    # a service another body hosts for several: its figures are the host's
    "Eastmoor Safeguarding Children Partnership - Annual Report 2024/25\n\nThe regional child death overview panel is "
    "hosted by Northdale on behalf of four partnerships; the panel's budget for 2024/25 was £88,000.",
    # "their" and "it" after a sentence that sets a named body beside the writer's "we"
    "We benchmarked our front door against Ashworth's. Their MASH received 6,480 referrals in 2024/25.",
    # neighbours, as friends and colleagues are, are another body
    "Our neighbours in the Northdale Safeguarding Children Partnership ran 96 multi-agency courses in 2024/25, and "
    "their budget for the year was £640,000.",
])
def test_a_host_a_body_beside_us_and_our_neighbours_own_their_figures(text, library):
    assert facts(text, library) == set()


@pytest.mark.parametrize("text", [
    # a future perfect is a forecast
    "At the present pace, some 640 children will have become subject to a child protection plan by the year end.",
    # an opener of many words that names a region governs the figure
    "Across the East Midlands region as a whole, 5,420 children were on child protection plans at 31 March 2025.",
    # a mean among bodies is no body's budget
    "Of the twelve partnerships that replied, the mean budget was £540,000 in 2024/25.",
    # a draft's proposal is not yet the budget
    "The draft budget proposes a net revenue budget of £905.2m for 2026/27.",
    # an aim said with its bare verb
    "Priority 3: bring the rate of children on child protection plans down to 40 per 10,000.",
    # what inspectors or the writer read is a sample, not the year's referrals
    "This report draws on the 52 referrals that inspectors read in March 2025.",
    # spending in a year that has not begun at the meeting is a plan (a budget set for it is not)
    "Eastmoor Safeguarding Children Partnership\nExecutive Group, 14 January 2026\nSpending plan 2026/27\n\n"
    "Expenditure in 2026/27: £512,000",
])
def test_forecasts_openers_means_drafts_aims_samples_and_spending_ahead_give_no_fact(text, library):
    assert facts(text, library) == set()


@pytest.mark.parametrize("text, want", [
    ("The partnership's conference, hosted by the Council at the Civic Centre, was attended by 260 practitioners in "
     "May 2025.", {("conference_delegates", 260.0)}),
    ("We redesigned our front door in 2024. It received 5,120 referrals in 2024/25.", {("referrals", 5120.0)}),
    ("Council agreed the draft budget's net revenue budget of £905.2m for 2026/27.", {("budget_total", 905200000.0)}),
    ("We reduced the number of children in care to 412 at 31 March 2025.", {("children_in_care", 412.0)}),
    ("Eastmoor Safeguarding Children Partnership\nExecutive Group, 14 January 2026\nBudget 2026/27\n\n"
     "Budget 2026/27: £530,000", {("budget_total", 530000.0)}),
])
def test_the_writers_own_figures_beside_those_words_stay_facts(text, want, library):
    assert facts(text, library) == want


@pytest.mark.parametrize("text", [
    # the gap between a model and what happened is a difference, not a count
    "Our model has tracked the actual number of children in care closely (the largest error was 18 children).",
    # a table whose every column is a comparator ("Eng", "SN", "Reg") holds nothing of the writer's own
    "Indicator | Eng | SN | Reg\nChildren in care per 10,000 (31/3/25) | 70 | 88 | 94",
])
def test_a_models_error_and_a_table_of_comparators_give_no_fact(text, library):
    assert facts(text, library) == set()


@pytest.mark.parametrize("text", [
    # a figure in the same run of words as a planned one belongs to the plan
    "Next year's programme plans 90 multi-agency courses, offering 2,100 places.",
    # neighbours who ran something, and what another body told the writer
    "Our neighbours in Eastford and Millbrook ran a joint conference in March 2025, which 280 practitioners attended.",
    "Millbrook's front door took 4,900 referrals in 2024/25, they told us.",
    # counts narrowed by a rating, an observer's sample, or what affects them
    "Feedback was good: 205 delegates rating their course as good or better.",
    "An external observer observed 14 of the spring's courses.",
    "In the north locality, 37 children in care are thought to be affected by county lines.",
    # a proposal the sentence says is still to be agreed
    "The proposed board budget for 2026/27 is £410,000, subject to agreement by the three partners.",
])
def test_plans_neighbours_what_we_are_told_ratings_samples_and_pending_budgets_give_no_fact(text, library):
    assert facts(text, library) == set()


@pytest.mark.parametrize("text, want", [
    ("The partnership ran 142 courses in 2024/25, reaching 3,120 practitioners.",
     {("training_courses", 142.0), ("training_delegates", 3120.0)}),
    ("The Council's proposed net revenue budget for 2026/27 is £412.7m.", {("budget_total", 412700000.0)}),
])
def test_a_delivered_programme_and_a_cabinets_proposed_budget_stay_facts(text, want, library):
    assert facts(text, library) == want


def test_the_other_places_of_a_table_captioned_as_a_comparison_are_comparators(library):
    """A benchmark table of neighbouring partnerships: each other place's row is set beside ours, and only the
    writer's own row (marked as such, or the document's own area) gives facts."""
    text = ("Rutland Safeguarding Children Partnership - Annual Report 2024/25\n\n"
            "Table 2 - Neighbouring partnerships, 2024/25\n"
            "Partnership | Courses | Attendees\n"
            "Lincolnshire | 131 | 2,716\n"
            "Derby and Derbyshire | 212 | 4,975\n"
            "Rutland (this partnership) | 98 | 1,905\n")
    assert facts(text, library) == {("training_courses", 98.0), ("training_delegates", 1905.0)}
    from kpi_extract.explain import explain_page
    said = [ln for ln in explain_page([text], None, 1, library) if "role comparator" in ln]
    assert len(said) == 4 and all("rejected" in ln for ln in said)  # the four figures of the two other places
    assert any("compared-table" in ln for ln in said)  # (Derby and Derbyshire, two councils, by the caption)


def test_a_page_headed_by_another_council_is_that_councils(library):
    """A paper that reproduces a neighbour's return: the pages headed by the neighbour's name hold its figures,
    not the writer's; the writer's own page still gives its own."""
    text = ("DERBY CITY COUNCIL\nChildren's Scrutiny Board, 3 March 2026\n\n"
            "At 31 December 2025, 702 children were in our care.\f"
            "APPENDIX A - NOTTINGHAM CITY COUNCIL'S RETURN, REPRODUCED FOR COMPARISON\n\n"
            "At 31 December 2025, 1,108 children were in care.\n")
    assert facts(text, library) == {("children_in_care", 702.0)}




def test_a_person_or_an_officer_as_the_subject_is_no_other_place(library):
    text = ("Derby City Council – Children's Scrutiny Board\nShe reported that 598 children were in the council's care on "
            "31 December 2024.")
    assert facts(text, library) == {("children_in_care", 598.0)}


@pytest.mark.parametrize("text", [
    # a table row labelled "(budgeted)", "(modelled)" or "(assumed)" holds the numbers a budget is set on
    "Placements budget\n                      2025/26    2026/27\nLooked after children (budgeted)       690        700\n",
    # a column of a group's spread; a benchmarking table's "Q1 | Median | Q3", the quartiles of all councils
    "DERBY CITY COUNCIL\nBenchmarking group summary, 31 March 2025\n\n| Measure | Group median | Lowest | Highest |\n"
    "| CP plan rate per 10,000 | 44.1 | 28.6 | 71.0 |\n",
    "SALFORD CITY COUNCIL\nBenchmarking report, December 2025\n\nFlows during 2024/25\n\n"
    "| Measure | England | Q1 | Median | Q3 | Salford quartile |\n| Re-referrals within 12 months (%) | 22.4 | 17.6 | 21.9 "
    "| 25.8 | 2 |\n",
    # a budget still subject to the council's decision
    "The proposed net budget for 2026/27 is £412.6m, subject to the decision of Full Council on 24 February 2026.",
    # another place, in apposition (which may speak of us), as the subject whose verb leads to the figure; the place a
    # "where" clause is about
    "Reading Borough Council – Children's Performance Digest\nWokingham, the borough to our south, had 188 children in "
    "care at 30 June 2025.",
    "Harbury Council – Scrutiny report\nThe review was led by the Director of Children's Services at Wigan, where the "
    "number of children in care has fallen to 610.",
])
def test_whole_texts_whose_figures_are_none_of_the_writers(text, library):
    assert facts(text, library) == set()


def test_a_neighbours_column_in_one_councils_table_is_a_comparator_and_a_joint_papers_is_a_part(library):
    """Bolton's and Salford's columns in Wigan's scorecard are set beside Wigan's; in a joint paper of two councils
    (both named in its front page's heading lines, one as "St Helens" for the gazetteer's "St. Helens") each
    council's column is its own part."""
    own = ("Wigan Council – Children's Scorecard, Quarter 2 2025/26\n\n| Measure | Wigan | Bolton | Salford |\n"
           "| Children in care (30 September 2025) | 612 | 688 | 701 |\n")
    assert facts(own, library) == {("children_in_care", 612.0)}
    joint = ("Knowsley Council and St Helens Borough Council\nJoint Families First Report\n\n| Measure | Knowsley | St Helens |\n"
             "| Children in care (31 March 2025) | 590 | 512 |\n")
    assert facts(joint, library) == {("children_in_care", 590.0), ("children_in_care", 512.0)}


@pytest.mark.parametrize("text, want", [
    # "the county" in a borough's paper is the county council beside it; "the borough" there is the writer
    ("Ashby Borough Council\nCorporate Parenting Panel - 4 March 2026\nItem 5: Joint residential commissioning with "
     "Fenland County Council\n\nThe county recorded 918 children in care at 31 January 2026, and pays half the costs.",
     set()),
    ("Ashby Borough Council\nCorporate Parenting Panel - 4 March 2026\n\nThe borough, which joined the regional "
     "adoption agency in 2021, now cares for 306 children in care (31 January 2026).",
     {("children_in_care", 306.0)}),
    # a body by its kind opening the sentence, when no name on the front page is of that kind
    ("Marlow Council - Commissioning Sub-committee\nSupported accommodation providers\n\nBrightpath Homes runs "
     "four services in the county. The provider told our commissioning team it looks after 27 children in care "
     "from six councils.", set()),
    ("Northgate Children's Trust - Annual Report 2024/25\n\nThe trust looked after 1,208 children in care at "
     "31 March 2025.", {("children_in_care", 1208.0)}),
])
def test_a_council_or_body_named_by_its_kind(text, want, library):
    assert facts(text, library) == want


@pytest.mark.parametrize("text, want", [
    # the first or last of a set of bodies is one of the others, ranked
    ("Ashby Safeguarding Children Partnership - Budget 2025/26\n\nPartnerships across the region hold very "
     "different reserves. The smallest carried forward £9,000 into 2025/26.", set()),
    ("Ashby Safeguarding Children Partnership - Budget 2025/26\n\nThe police contributed £210,000 in 2025/26, the "
     "largest share.", {("agency_contribution", 210000.0)}),
    # a modal's clause running on through a "with" phrase is what is yet to be
    ("Ashby Safeguarding Children Partnership\n\nNext year's business plan will be slimmer than this one, with "
     "roughly 18 actions.", set()),
    ("Ashby Safeguarding Children Partnership\n\nThis year's business plan was ambitious, with 44 actions.",
     {("plan_actions_total", 44.0)}),
    # a sentence that opens on the nation, with or without its comma
    ("Ashby Council - Children's Services Annual Report 2024/25\n\nIn England as a whole there were 598,100 "
     "referrals in the year, with 22.6% of them re-referrals within a year.", set()),
    ("Ashby Council - Children's Services Annual Report 2024/25\n\nIn England as a whole the re-referral rate was "
     "22.6%, while our re-referral rate was 19.9%.", {("rereferral_rate", 19.9)}),
])
def test_ranked_bodies_modal_clauses_and_the_nation(text, want, library):
    assert facts(text, library) == want


def test_it_after_a_place_s_partnership_by_its_kind(library):
    text = ("Ashby Safeguarding Partnership - Learning Sub-group\n\nThe Coventry partnership hosted our peer review "
            "this year. It ran 140 multi-agency courses in 2024/25.")
    assert facts(text, library) == set()


@pytest.mark.parametrize("text, want", [
    # a minute's number is no count
    ("Ashby Borough Council\nChildren's Scrutiny Committee - 2 October 2025\n\nMinute 31: Children in care\n"
     "Members asked about placement stability.", set()),
    # a table whose caption names another council than the front page's first line is that council's
    ("Ashby Council - Sufficiency Review, Appendix B\n\nWestmere Borough Council - returns shared for the joint "
     "review\n                      Apr-25    Jul-25\nChildren in care       1,204     1,236\n", set()),
    ("Ashby Council - Sufficiency Review, Appendix B\n\nAshby Council - our own returns\n"
     "                      Apr-25    Jul-25\nChildren in care         402       411\n",
     {("children_in_care", 402.0), ("children_in_care", 411.0)}),
    # the cases a review read, each judged: "In 22 of the 26 ...", "... of the 24 referrals they read"
    ("Ashby Council - Front door peer review\n\nIn 17 of the 21 referrals (81%) the decision was recorded within "
     "one working day.", set()),
    ("Ashby Council - Front door peer review\n\nThe reviewers found that 15 of the 20 referrals they read showed "
     "the child's views.", set()),
    # an opening on "their" own event counts a cohort named before
    ("Ashby Youth Justice Plan 2025-26\n\nAt the start of their order 19 children were subject to a child "
     "protection plan.", set()),
])
def test_minutes_captions_reviews_and_cohorts(text, want, library):
    assert facts(text, library) == want


@pytest.mark.parametrize("text, want", [
    # children placed with the writer by other councils are those councils'
    ("Ashby Fostering Service - Annual Report 2024/25\n\nAt 31 March 2025 our carers looked after 164 children in "
     "care, placed with us by 21 local authorities.", set()),
    ("Ashby Fostering Service - Annual Report 2024/25\n\nTwo children became subject to child protection plans, "
     "made by their placing authorities, while living with our carers.", set()),
    # the list that "N of them" opens goes on breaking down a whole no KPI counts
    ("Ashby Borough Council\n\nThe exploitation panel discussed 36 young people in the year, 9 of them children in "
     "care and 14 on child protection plans.", set()),
    ("Ashby Borough Council\n\nAt 31 March 2025 there were 412 children in care, 40 of them unaccompanied, and 188 "
     "children on child protection plans.", {("children_in_care", 412.0), ("cp_plans", 188.0)}),
    # what a council spent with one supplier is that supplier's share of its spend
    ("Ashby Borough Council - Corporate Parenting Panel\n\nAshby Borough Council spent £2.7m with Brightwater "
     "Fostering in 2024-25.", set()),
])
def test_placed_by_others_parts_listed_and_spend_with_a_supplier(text, want, library):
    assert facts(text, library) == want


@pytest.mark.parametrize("text, want", [
    # referrals the writer's service or officers made are sent out, not the front door's
    ("Ashby Youth Justice Plan 2025-26\n\nThe service made 31 referrals to children's social care in 2024-25.", set()),
    ("Ashby Council - Licensing Committee\n\nIn 2024 enforcement officers made 9 referrals to the MASH about "
     "children.", set()),
    ("Ashby Council - Select Committee\n\nProbation practitioners made 402 referrals to children's social care in "
     "2024-25.", set()),
    # a partner's are a source's part of them (named in subject when the library knows the source)
    ("Ashby Borough Council - Children's Scrutiny\n\nReferrals made to children's social care numbered 3,120 in "
     "2024-25.", {("referrals", 3120.0)}),
])
def test_referrals_the_writer_made(text, want, library):
    assert facts(text, library) == want


def test_a_targets_phrase_governs_a_figure_of_a_kpi_read_before_it(library):
    # (courses are read before delegates, but stand after them in the text: the goal governs both)
    text = ("Ashby Safeguarding Children Partnership\n\nThe workforce development plan for 2026/27 sets an ambition of "
            "4,200 delegates across 170 courses.")
    assert facts(text, library) == set()


@pytest.mark.parametrize("text, want", [
    # what a plan says is to be done is planned
    ("Ashby Safeguarding Children Partnership\nTraining plan 2026-27\nCourses to be delivered: 150\n"
     "Places to be offered: 3,300\n", set()),
    # a provider that "our" describes in an aside is still the subject; its children come from several councils
    ("Ashby County Council - Corporate Parenting Panel\nThe county had 702 children in care at 31 March 2025. "
     "Larchfield Care Ltd, our biggest residential provider, looks after 41 children from eight authorities in "
     "its homes.", {("children_in_care", 702.0)}),
    # a service hosted for several councils, its sentence opening on when
    ("Ashby Borough Council - Children's Scrutiny\n\nThe regional safeguarding learning hub is hosted by Lowfield "
     "on behalf of Ashby, Lowfield and Marlow councils. Between April 2024 and March 2025 it delivered 74 "
     "multi-agency safeguarding courses.", set()),
    ("Ashby Borough Council - Children's Scrutiny\n\nThe out-of-hours service is hosted by Lowfield for the three "
     "councils. Since April it has taken 512 referrals.", set()),
    # another body's report a council's committee receives: the council's own cover words are the council's
    ("Ashby Borough Council\nChildren's Scrutiny Panel\nReport title: Ashby Hospitals NHS Foundation Trust - "
     "Safeguarding Children Annual Report 2024/25\n\nThe Trust's safeguarding team trained 1,420 staff in 2024/25. "
     "For context, at 31 March 2025 the Council looked after 402 children in care.", {("children_in_care", 402.0)}),
])
def test_planned_labels_asides_hosted_services_and_cover_words(text, want, library):
    assert facts(text, library) == want


@pytest.mark.parametrize("text, want", [
    # referrals that came from children's social care went to another service
    ("Ashby Council - Housing Committee\n\nThe housing options team received 912 referrals under the duty to refer; "
     "referrals from children's social care numbered 57.", set()),
    ("Ashby Council - Housing Committee\n\nOf the households owed a prevention duty, most came from the probation "
     "service; referrals from children's social care numbered 57.", set()),
    ("Ashby Council - Housing Committee\n\nIn 2024-25 there were 57 referrals from children's social care to the "
     "tenancy sustainment scheme.", set()),
    ("Ashby Council - Housing Committee\n\nHousing Options logged 57 referrals from children's services in 2024-25.",
     set()),
    # a council's corporate learning offer is its own staff's training, not the partnership's
    ("Ashby Council - Workforce Report 2024/25\n\nThe corporate learning offer ran 540 courses in 2024/25.", set()),
])
def test_referrals_from_the_front_door_and_corporate_learning(text, want, library):
    assert facts(text, library) == want


@pytest.mark.parametrize("text, want", [
    # a table of years to come under a heading that names a forecast, its column heads periods only
    ("Ashby Borough Council - Cabinet\n\nProjected demand\n              2026/27   2027/28\n"
     "Children in care       455       470\nCP plans               301       296\n", set()),
    # a row the abbreviation marks as a forecast
    ("Children in care (fcst) | 2026/27 | 455", set()),
    # the same table under a heading that is no forecast stays ours
    ("Ashby Borough Council - Cabinet\n\nDemand\n              2024/25\nChildren in care       441\n",
     {("children_in_care", 441.0)}),
    # a long label naming what is planned
    ("Ashby Safeguarding Children Partnership\n\nPlanned number of multi-agency safeguarding training places for "
     "2024/25: 3,900.", set()),
    # courses lost are not courses delivered
    ("Ashby Safeguarding Children Partnership\n\nIn 2024-25 nine training courses were lost to room closures.", set()),
])
def test_forecast_tables_planned_labels_and_lost_courses(text, want, library):
    assert facts(text, library) == want


@pytest.mark.parametrize("text, want", [
    # places a participle after a comma offers are its clause's subject's: a fostering household's
    ("Ashby Council - Corporate Parenting Panel\n\n4.1 Fostering: 96 approved fostering households, offering 151 "
     "places.", set()),
    ("Ashby Council - Corporate Parenting Panel\n\n- mainstream households approved in the year: 14 (9), between "
     "them offering 22 places", set()),
    # a partnership's courses offering places are training places
    ("Ashby Safeguarding Children Partnership\n\nIn 2024-25 the partnership ran 120 courses, offering 2,900 places.",
     {("training_courses", 120.0), ("training_places_offered", 2900.0)}),
])
def test_places_a_participle_offers_are_its_subjects(text, want, library):
    assert facts(text, library) == want


def test_a_council_named_inside_the_writers_longer_name_is_another(library):
    # "Lincolnshire" stands in "NORTH LINCOLNSHIRE COUNCIL" but is another council: its row gives nothing
    text = ("NORTH LINCOLNSHIRE COUNCIL\nCabinet Member decision - performance appendix\n\n"
            "                          CP plans at     Plans started\n"
            "                          31 Mar 2025     in 2024-25\n"
            "North Lincolnshire            176             214\n"
            "Lincolnshire                  492             640\n"
            "Hull                          405             522\n")
    assert not {v for _, v in facts(text, library)} & {492.0, 640.0, 405.0, 522.0}


@pytest.mark.parametrize("text, want", [
    # "The <name> partnership" opening the sentence is another partnership than the writer
    ("Ashby Safeguarding Children Partnership - Training Report 2024/25\n\nThe Lowfield partnership ran 52 courses "
     "in 2024/25.", set()),
    # the writer's own short name is still the writer
    ("Ashby Safeguarding Children Partnership - Training Report 2024/25\n\nThe Ashby partnership ran 52 courses "
     "in 2024/25.", {("training_courses", 52.0)}),
    # partners by their sector as the subject, opening the sentence or the clause after a semicolon
    ("Ashby Safeguarding Children Partnership - Scrutiny of partners\n\nHealth partners trained 1,320 staff in "
     "2024/25.", set()),
    ("Ashby Safeguarding Children Partnership - Scrutiny of partners\n\nThe partnership's budget was reviewed; "
     "health providers reported spend of £2.9m on named professionals in 2024/25.", set()),
])
def test_another_partnership_by_its_kind_and_partners_by_their_sector(text, want, library):
    assert facts(text, library) == want


@pytest.mark.parametrize("text, want", [
    # what some of the KPI's people do or are given: not the stock
    ("Ashby Council - Participation update\n\nForty-two children in care now come to the Saturday sports club.", set()),
    ("Ashby Council - Digital inclusion\n\nIn 2024-25, 310 children in care were given a laptop.", set()),
    ("Ashby Council - Public law outline\n\nAt 30 June 2025, 19 children in care were the subject of care "
     "proceedings.", set()),
    # a sentence opening on another group its figures are some of
    ("Ashby Council - Home education\n\nOf the pupils on the register on 1 July 2025, 21 were subject to a child "
     "protection plan and 4 were children in care.", set()),
    # the stock itself, and "Of note"
    ("Ashby Council - Scrutiny\n\nOf note, 405 children were in care at 31 March 2025.", {("children_in_care", 405.0)}),
    ("Ashby Council - Scrutiny\n\nAt 31 March 2025, 405 children were looked after by the council.",
     {("children_in_care", 405.0)}),
])
def test_some_of_the_kpis_people_by_what_they_do_or_the_group_they_sit_in(text, want, library):
    assert facts(text, library) == want


@pytest.mark.parametrize("text, want", [
    # the next number of a run of labels is a label too
    ("Ashby Safeguarding Children Partnership - Business Plan Progress 2024/25\n\n5. Implementation of agreed "
     "actions. 91% of priority 1 and 2 actions due in the year were implemented by their due date.", set()),
    # a part after a section number is still a part of the whole
    ("Ashby Council - Scrutiny\n\nOf the 540 children in care at 31 March 2025, 380 were on care orders, 90 were "
     "accommodated under section 20 and 41 were on placement orders.",
     {("children_in_care", 540.0), ("children_in_care", 380.0), ("children_in_care", 90.0),
      ("children_in_care", 41.0)}),
    # a selection, not a count
    ("Ashby Safeguarding Children Partnership\n\nIn 2024-25 the waiting lists for the three most popular courses "
     "grew.", set()),
])
def test_runs_of_label_numbers_and_selections(text, want, library):
    assert facts(text, library) == want


@pytest.mark.parametrize("text, want", [
    # rows of other places in a table where the writer marks its own row
    ("Ashby Safeguarding Children Partnership - Annual Report 2024-25\nHow our training compares\n\n"
     "Partnership          Courses\nAshby (us)             150\nLowfield               121\nMarlow                  97\n",
     {("training_courses", 150.0)}),
    ("Ashby Safeguarding Children Partnership - Annual Report 2024-25\nTraining across the county\n\n"
     "Partnership                    Delegates\nAshby (this partnership)           3,120\n"
     "Lowfield                           2,640\n", {("training_delegates", 3120.0)}),
])
def test_rows_beside_the_row_the_writer_marks_as_its_own(text, want, library):
    assert facts(text, library) == want


@pytest.mark.parametrize("text, want", [
    # a table row whose label narrows the KPI's people by a condition
    ("Ashby Council - Practice standards\n\n                                   Jun-25   Sep-25\n"
     "CIN cases awaiting allocation           12        8\nCIN plans overdue for review            40       37\n", set()),
    # a row of a breakdown whose group is not known is a part, not a condition
    ("Ashby Council - Corporate Parenting Board\n\nLooked after children by ethnicity, 31 March 2025\n"
     "White British | 301\nOther / not recorded | 12\n",
     {("children_in_care", 301.0), ("children_in_care", 12.0)}),
    # that there is any, not how many
    ("Ashby Community Safety Partnership\n\nMARAC heard 540 high-risk cases in 2024; in 160 of those households there "
     "was at least one child on a child protection plan.", set()),
])
def test_condition_labels_and_at_least_one(text, want, library):
    assert facts(text, library) == want


@pytest.mark.parametrize("text, want", [
    # a model's verb straight before the figure, its subject set off by an aside
    ("Ashby Council - Cabinet\n\nThe demand model (high case) projects 6,300 referrals a year by 2029.", set()),
    # what is looked for in the year to come
    ("Ashby Safeguarding Children Partnership\n\nEarly bookings point to some 140 courses running next year.", set()),
    # the year's own figure, said beside next year's plans, stays
    ("Ashby Safeguarding Children Partnership\n\nIn 2024-25 the partnership ran 131 courses.",
     {("training_courses", 131.0)}),
])
def test_a_models_verb_and_the_year_to_come(text, want, library):
    assert facts(text, library) == want


@pytest.mark.parametrize("text, want", [
    # those who answered a course's survey are not its delegates
    ("Ashby Safeguarding Children Partnership\n\nTraining feedback, 2024-25\n- 188 delegates completed the six-month "
     "impact follow-up\n", set()),
    ("Ashby Safeguarding Children Partnership - Annual Report 2024-25\n\nOf the 1,640 attendees who returned an "
     "evaluation, 92% rated their course good or better.", set()),
    # the KPI's noun in the possessive before what the figure counts
    ("Ashby Council - Health Scrutiny\n\nAshby has three looked after children's nurses in post.", set()),
])
def test_survey_respondents_and_a_possessive_head(text, want, library):
    assert facts(text, library) == want


@pytest.mark.parametrize("text, want", [
    # a paper about children out of school: its referrals went to the education service's team
    ("Ashby Council - Children's Scrutiny\nChildren Missing Education - Annual Report 2024/25\n\n"
     "Reason recorded at referral (2024/25)      Referrals\nMoved abroad                                   410\n"
     "Moved out of the area                          322\nTotal                                        1,530\n", set()),
    # unless it says they went to children's social care
    ("Ashby Council - Children's Scrutiny\nElective Home Education - update\n\nFor context, children's social care "
     "received 5,210 referrals in 2024/25.", {("referrals", 5210.0)}),
])
def test_referrals_in_a_paper_about_children_out_of_school(text, want, library):
    assert facts(text, library) == want


@pytest.mark.parametrize("text, want", [
    # what a figure was measured against: a plan's number is planned
    ("Ashby Safeguarding Children Partnership\n\nThe partnership ran 44 multi-agency courses in 2024/25 against a plan of "
     "52.", {("training_courses", 44.0)}),
    # plans a service closed are plans that ended, not those open; a day the quarter closed on is only a date
    ("Ashby Council - Children's Scrutiny\n\nIn the first half of 2025-26 the service closed 120 child protection plans.",
     set()),
    ("Ashby Council - Children's Scrutiny\n\nThere were 301 children on child protection plans when the year closed on "
     "31 March 2025.", {("cp_plans", 301.0)}),
    # a distance from the England figure, in the rate's own unit
    ("Ashby Council - Children's Scrutiny\n\nAshby's looked after rate is 4.8 per 10,000 above the regional figure.", set()),
    # a home's places filled are no course's
    ("Ashby Council - Corporate Parenting Board\n\nResidential home utilisation was 91% in 2024-25.", set()),
    # a sum paid each month is not a year's contribution
    ("Ashby Council - Cabinet\n\nThe ICB pays £12,500 a month towards the partnership's business unit.", set()),
    # an education service training schools' staff on special needs
    ("Ashby Council - Schools Forum\n\nInclusion: the school improvement team ran 9 training sessions for 140 SENCOs in "
     "2024/25.", set()),
])
def test_plans_measured_against_plans_closed_distances_and_monthly_sums(text, want, library):
    assert facts(text, library) == want


def test_places_named_with_what_they_are_said_to_be_are_still_other_places(library):
    text = ("Wirral Council - Children's Scrutiny\n\nSefton and Knowsley, the two boroughs we compare ourselves with "
            "most, had 71.5 and 88.2 children on plans per 10,000 respectively at 31 March 2024.")
    assert facts(text, library) == set()


@pytest.mark.parametrize("text, want", [
    # a sum paid in to another place's partnership is that partnership's
    ("Oldham Safeguarding Children Partnership\n\nGreater Manchester Police paid £48,000 towards the Rochdale partnership "
     "in 2024/25.", set()),
    # several councils together, or counted across places beside the writer's own: their sum
    ("Wigan Council - Children's Scrutiny\n\nBoth councils looked after 1,210 children at 31 March 2025.", set()),
    ("Sutton Council - Corporate Parenting Board\n\nAt 31 March 2025, 912 children were looked after across Kingston, "
     "Sutton and Merton.", set()),
    # another service's caseload
    ("Ashby Council - Corporate Parenting Board\n\nThe youth justice service had 41 children in care on its caseload at "
     "31 March 2025.", set()),
])
def test_another_places_partnership_several_councils_together_and_another_services_caseload(text, want, library):
    assert facts(text, library) == want


@pytest.mark.parametrize("text, want", [
    # a subject named by what it does, then, between commas, as a body of no area: its money
    ("Ashby Council - Health Scrutiny\n\nThe local commissioner, NHS Ashby Integrated Care Board, set a budget of £4.6m "
     "for children's mental health in 2025-26.", set()),
    # a service of the council's own, with an aside of who leads it, keeps its money
    ("Ashby Council - Cabinet\n\nThe children's services directorate, led by the Director of Children's Services, spent "
     "£141.2m in 2024-25.", {("expenditure_total", 141200000.0)}),
])
def test_money_of_a_body_of_no_area_named_between_commas(text, want, library):
    assert facts(text, library) == want


@pytest.mark.parametrize("text, want", [
    # a letterhead line over the sentence is not the sentence's start, so the sentence names only the other council
    ("Norfolk County Council - People and Communities Committee\nIn Suffolk there were 940 children looked after.",
     set()),
    ("Norfolk County Council - People and Communities Committee\nSuffolk looked after 940 children, a rate of 61 per "
     "10,000.", set()),
    # the writer's own figure under the same letterhead stays a fact
    ("Norfolk County Council - People and Communities Committee\nThere were 1,120 children looked after.",
     {("children_in_care", 1120.0)}),
])
def test_a_letterhead_over_a_sentence_does_not_make_another_councils_figure_the_writers(text, want, library):
    assert facts(text, library) == want


def test_a_letterhead_that_is_a_unit_of_a_body_of_no_area_makes_the_paper_that_bodys(library):
    # a police force's or a trust's unit heading its own paper: "the service's" budget is the force's, no council's
    text = ("Kent Police Protecting Vulnerable People Directorate\n\n"
            "The directorate's budget for 2024/25 is £9.8m, an increase on the year before.")
    assert facts(text, library) == set()


@pytest.mark.parametrize("text", [
    # foster carers' training, run by the council's own fostering team: no multi-agency course
    "Our 140 foster carers attended 88 training sessions run by the fostering team during 2024/25.",
    # children in a state: plans that drifted
    "Seven children in care have care plans that have drifted past their review date.",
    # some of another group, said to have the KPI's own status
    "The youth justice service worked with 98 children at 31 March 2025. Of them, 30 were known to children's social "
    "care: 12 were looked after, 7 were subject to a child protection plan and 11 were children in need.",
])
def test_a_service_of_our_own_that_trains_its_carers_drifted_plans_and_some_of_another_group(text, library):
    assert facts(text, library) == set()


def test_a_figure_listed_after_a_forecast_is_forecast_too(library):
    text = ("Projections from the sufficiency model suggest 710 referrals in 2027-28 and 390 children on plans at "
            "31 March 2028.")
    assert facts(text, library) == set()


def test_a_column_headed_by_the_stocks_abbreviation_beside_the_places_it_is_of(library):
    from kpi_extract.pipeline import extract_text
    text = "Children in care by district, 31 March 2025\nDistrict | CLA\nBreckland | 140\nNorwich | 260\n"
    assert {(f.kpi, f.value, f.period, f.subject) for f in extract_text(text, library)} == {
        ("children_in_care", "140", "2025-03-31", "Breckland"), ("children_in_care", "260", "2025-03-31", "Norwich")}


@pytest.mark.parametrize("text", [
    # a region's rate, the measure's words between the region and "rate"
    "The North East re-referral rate for 2024/25 was 23.1%.",
    # a service named by what it does, supporting some children on plans: its caseload
    "The young carers project currently supports 38 children who are subject to child protection plans.",
    # seen within a timescale, said with "the required"
    "In Q1 2025/26, 188 children subject to a plan were seen within the required ten working days.",
])
def test_a_regions_rate_a_services_caseload_and_a_timescale_the_required_one(text, library):
    assert facts(text, library) == set()


@pytest.mark.parametrize("text", [
    # a comparison another pattern read shares the role of the figure it follows: the probation officers' referrals
    "Probation officers made 212 referrals to children's social care in 2024-25 (2023-24: 198).",
    # some of another group, "of whom" in the sentence or "Twelve of them" opening it
    "The elective home education register held 512 children on 1 July 2025, of whom 38 were known to children's social "
    "care and 5 were on a child protection plan.",
    "The Preparing for Adulthood team works with 48 young people. Twelve of them are in care and 4 are on a child "
    "protection plan.",
])
def test_a_bracketed_comparison_shares_its_figures_role_and_of_whom_in_another_group(text, library):
    assert facts(text, library) == set()


@pytest.mark.parametrize("text", [
    # a table under a caption that calls it a forecast: every year of it is projected
    "Looked after children: modelled demand at 31 March\n"
    "                       2026     2027     2028\n"
    "Children in care        512      530      547\n",
    # a mean over the sessions just named is no total of people
    "The partnership held 22 evening webinars on exploitation in 2024/25, averaging 61 delegates.",
    # a plan's courses, the first person planning them
    "For 2026/27 we plan 140 multi-agency courses.",
    # actions a meeting agrees are its own log, no plan's
    "Minutes of the Safeguarding Partnership Executive, 3 June 2025\n"
    "Seven actions were agreed at the meeting and will be reported back in September.",
    # a transfer between budgets is no budget
    "Cabinet, 9 October 2025\nQuarter 2 budget monitoring 2025/26\n"
    "The revised budget includes a virement of £1.4 million from Corporate Services to Children's Services.",
    # answers to a survey are no audience, whoever runs the forum
    "Our practitioner forum's autumn survey had 315 responses.",
])
def test_a_forecasts_caption_a_mean_a_plan_a_meetings_actions_a_virement_and_a_survey(text, library):
    assert facts(text, library) == set()


def test_workshops_run_on_their_own_are_training(library):
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value, f.period) for f in extract_text(
        "In 2024/25 we delivered 38 multi-agency workshops on neglect, reaching 912 practitioners.", library)}
    assert ("training_delegates", "912", "2024-25") in got and not any(k == "conference_delegates" for k, _, _ in got)


def test_a_colon_after_a_figure_opens_its_breakdown_not_its_label(library):
    from kpi_extract.pipeline import extract_text
    money = {(f.kpi, f.value) for f in extract_text(
        "Partnership annual report 2024-25\nThe board's budget in 2024-25 was, in the end, £512,300: partner "
        "contributions of £480,000 and a carry forward of £32,300.", library)}
    assert ("budget_contributions", "512300") not in money and ("budget_contributions", "480000") in money


@pytest.mark.parametrize("text", [
    # actions still open are some in a state, no plan's total
    "Improvement plan: 2 actions still remain open after the review.",
    # an aim with words between it and its verb, after its paragraph's number
    "3.1 The ambition agreed in our sufficiency strategy is to lower, over three years, the number of children looked "
    "after to 410 by March 2028.",
    # a plan's actions at risk, as a row
    "Improvement plan\nActions at risk | 5\n",
    # a body's own training, named in the possessive: single-agency, no partnership course
    "The county council's own safeguarding training reached 1,480 staff in 2024/25.",
    # grants the council is awarded are no partner's contributions
    "Northcote Borough Council - Budget Strategy 2025/26\n\nIncome line | 2025/26 £000\nHousehold Support grant | 2,300\n"
    "Interest receivable | 1,900\nDomestic Abuse Safe Accommodation grant | 940\n",
])
def test_open_actions_an_aim_after_its_number_actions_at_risk_own_training_and_grants(text, library):
    assert facts(text, library) == set()


def test_a_grant_row_is_no_partners_payment_with_its_bracket_or_a_national_funders_name(library):
    # (the funder's name may hold a partner's word, "youth"; the bracket says which grant or year)
    text = ("Safeguarding partnership budget 2025/26: partner contributions\n\nPartner | Contribution\n"
            "County Council | £410,000\nPolice | £62,000\nHome Office grant (2025/26) | £38,500\n"
            "YJB grant (youth crime prevention) | £21,000\n")
    assert facts(text, library) == {("agency_contribution", 410000.0), ("agency_contribution", 62000.0)}


def test_a_youth_justice_services_partners_pay_into_its_budget_in_total_not_in_kind(library):
    # a youth justice plan is another service's paper, but its partners' contributions are that service's budget
    # (spec/kpis.md: a service's budget); what they give in kind, and the cash beside it, are parts of each total
    text = ("Youth Justice Plan 2025/26\n\nTable 2: Youth justice service budget 2025/26\n\n"
            "| Partner | Cash (£) | In kind (£) | Total (£) |\n|---|---|---|---|\n| Borough Council | 540,000 | 0 | 540,000 |\n"
            "| Police | 30,000 | 45,000 | 75,000 |\n| Probation | 10,000 | 52,000 | 62,000 |\n"
            "| Total partner contributions | 580,000 | 97,000 | 677,000 |\n")
    assert facts(text, library) == {("agency_contribution", 540000.0), ("agency_contribution", 75000.0),
                                    ("agency_contribution", 62000.0), ("budget_contributions", 677000.0)}


def test_referrals_still_open_are_a_backlog_not_a_flow(library):
    assert facts("In the quarter the front door received 1,020 referrals; 57 referrals were still open at the end of "
                 "June.", library) == {("referrals", 1020.0)}


def test_a_row_labels_bracket_of_what_is_counted_and_its_year_dates_it_and_the_one_place_is_the_writers(library):
    from kpi_extract.pipeline import extract_text
    text = ("Indicator                         Ashvale    England\n"
            "Referrals (number, 2023/24)          1,960          -\n"
            "Children in care (31.3.24)             402          -\n")
    assert {(f.kpi, f.value, f.period, f.subject) for f in extract_text(text, library)} == {
        ("referrals", "1960", "2023-24", ""), ("children_in_care", "402", "2024-03-31", "")}


@pytest.mark.parametrize("text", [
    # the actions a meeting agreed, the meeting named by its month
    "Corporate Parenting Board, 3 December 2025\nMatters arising\nNine actions were agreed at the September meeting.",
    # referrals for one service's assessment are that service's
    "Annual report 2024-25\nThe agency received 208 referrals for a therapeutic assessment.",
])
def test_a_meetings_actions_named_by_its_month_and_referrals_for_an_assessment(text, library):
    assert facts(text, library) == set()


@pytest.mark.parametrize("text", [
    # a section's number before its heading in capitals counts nothing
    "Scrutiny report, quarter 3\n5.0 CHILDREN IN NEED\nChildren in need were stable.",
    # a register of home education is no child protection register
    "7.3 Elective home education: 512 children were on the register at 31 August 2025.",
])
def test_a_sections_number_and_the_home_education_register(text, library):
    assert facts(text, library) == set()


def test_a_label_opening_on_its_unit_and_the_whole_a_share_is_of(library):
    # "% complete" under "Not yet started 4" is a label of its own: the 4 is no share
    got = facts("Improvement plan: progress at Q3 (31 December 2025)\nComplete        30\nNot yet started  4\n"
                "% complete      61\n", library)
    assert ("plan_actions_completed_pct", 4.0) not in got
    # the figure after "70% of the plan's" is the plan's whole, not the actions complete
    assert ("plan_actions_completed", 40.0) not in facts(
        "At the June 2025 board, 70% of the 2024-26 business plan's 40 actions were complete.", library)


def test_a_clause_set_against_a_conference_names_no_event_for_its_figure(library):
    assert facts("In May 2024 our conference was attended by 180 delegates, while multi-agency courses in 2024/25 had "
                 "2,400 attendees.", library) == {("conference_delegates", 180.0), ("training_delegates", 2400.0)}


@pytest.mark.parametrize("text", [
    # some given on terms of their own are some of them, not the whole
    "In 2024/25, 260 training places were offered free of charge to parish councils.",
    "In 2024/25, 12 multi-agency courses were held as twilight sessions for teachers.",
])
def test_places_given_free_and_courses_held_as_twilight_sessions_are_some_of_them(text, library):
    assert facts(text, library) == set()


@pytest.mark.parametrize("text", [
    "Northmoor Community HealthCare's looked after children's health team has a budget of £640,000 for 2025/26.",
    "3.2 Westvale Constabulary's Child Abuse Investigation Unit, which covers the county and the city, had a budget of "
    "£4.1m in 2024-25.",
    "4.6 Ashmoor Police's Child Protection Unit, which investigates abuse across the county and the two unitary areas "
    "beside it, had a budget of £3.9 million in 2024-25.",
])
def test_a_sentence_opening_on_a_named_bodys_own_team_gives_none_of_its_money(text, library):
    from kpi_extract.pipeline import extract_text
    assert extract_text(text, library) == []


@pytest.mark.parametrize("text", [
    "Decisions on 1,406 referrals were made within one working day.",
    "Visits for 312 children on child protection plans were in time.",
    "Reviews for 214 children in care were held on time in the quarter.",
])
def test_a_count_that_is_the_object_of_another_plural_noun_gives_no_fact(text, library):
    from kpi_extract.pipeline import extract_text
    assert extract_text(text, library) == []


def test_a_span_of_months_before_a_count_is_no_noun_it_qualifies(library):
    from kpi_extract.pipeline import extract_text
    got = {(f.kpi, f.value) for f in extract_text("In the twelve months to 31 March 2025, 3,400 referrals were received.\n", library)}
    assert got == {("referrals", "3400")}


@pytest.mark.parametrize("text,want", [
    ("The 9 children in care the project identified were offered mentoring.", set()),
    ("The 27 children in need it had referred on were offered early help.", set()),
    # the words that make them the KPI's are no such clause
    ("At 31 March 2025 there were 402 children in care we looked after.", {("children_in_care", "402")}),
])
def test_the_counted_as_the_object_of_a_relative_clause_are_a_condition(text, want, library):
    assert kpi_values(text, library) == want


@pytest.mark.parametrize("text,want", [
    # another place that holds the children, after the time it is said of, in another council's paper
    ("Ravensby Borough Council - Corporate Parenting Board\n\nAt the end of June 2025 Denholme had 512 children in "
     "care, while we looked after 430 children.", {("children_in_care", "430")}),
    ("Ravensby Borough Council - Scrutiny questions\n\nQuestion 2: Denholme now looks after 512 children. How do "
     "we compare?\nAnswer: Ravensby looked after 430 children at 30 June 2025.", {("children_in_care", "430")}),
    # the writer's own initials, after its name on the front page, are the writer
    ("Ravensby Borough Council\nCorporate Parenting Board - 9 July 2025\nRavensby Borough Council (RBC) is the "
     "corporate parent of every child in its care. At 30 June 2025 RBC was looking after 430 children.",
     {("children_in_care", "430")}),
    # the writer's own Full Council, after its meeting's date
    ("Ravensby Borough Council\nAt its meeting on 25 February 2026 Full Council approved a net revenue budget of "
     "£301.5m for 2026/27.", {("budget_total", "301500000")}),
])
def test_a_named_place_holding_children_after_a_time_phrase_is_another_and_the_writers_initials_are_its_own(
        text, want, library):
    assert kpi_values(text, library) == want


@pytest.mark.parametrize("text", [
    # a sentence that opens on another place it is in, under the heading it ran on from
    "Ravensby Borough Council - Scrutiny Panel\nIn Denholme, 96 of the 240 children on plans were on plans for neglect.",
    # a neighbour in apposition, its "In" after that heading
    "Ravensby Borough Council - front door review\nIn Calderside, our neighbouring authority, 1,210 referrals were "
    "received in the quarter.",
])
def test_a_sentence_opening_in_another_place_under_a_heading_gives_none_of_its_figures(text, library):
    from kpi_extract.pipeline import extract_text
    assert extract_text(text, library) == []


@pytest.mark.parametrize("text,want", [
    # a named body set apart from the writer by an aside about it, before the figure
    ("Denholme's safeguarding training team, which three of our trainers shadowed in May, ran 88 courses last "
     "year.", set()),
    # or as the other side of what it does, after the figure
    ("Calderside Council's cabinet agreed a children's services budget of £74.2m for 2026/27; its shared "
     "fostering service with us is unaffected.", set()),
    # the writer's own name beside its comparators stays the writer's
    ("Ravensby's rate of children in care was 64 per 10,000 at 31 March 2025, against 70 for England and 72 for "
     "our statistical neighbours.", {("children_in_care_rate_per_10k", "64")}),
])
def test_a_named_body_the_writer_sets_itself_apart_from_is_another(text, want, library):
    assert kpi_values(text, library) == want


@pytest.mark.parametrize("text,want", [
    # the events a clause after a semicolon says were attended are the clause before's: learning from reviews
    ("Five briefing sessions on the lessons from our rapid reviews were run in 2024/25; 612 practitioners "
     "attended.", set()),
    # the training programme's attendance after a semicolon stays its own
    ("The partnership ran 88 multi-agency courses in 2024/25; 1,960 practitioners attended.",
     {("training_courses", "88"), ("training_delegates", "1960")}),
])
def test_attendance_after_a_semicolon_is_of_the_events_before_it(text, want, library):
    assert kpi_values(text, library) == want


@pytest.mark.parametrize("text,want", [
    # a national children's charity by its name is another body
    ("The NSPCC ran 14 safeguarding courses for Ravensby sports clubs, reaching 260 coaches.", set()),
    ("Barnardo's, commissioned to run the council's family hubs outreach, received 840 referrals in 2024/25.", set()),
    # a neighbour the writer names as its own neighbour, by the writer's name
    ("Denholme, Ravensby's nearest statistical neighbour, had 214 children on child protection plans at the end of "
     "March 2025.", set()),
    # a body's clause does not govern a clause set against it
    ("Barnardo's delivered 19 parenting courses in 2024/25, while the partnership's own multi-agency programme ran "
     "97 courses.", {("training_courses", "97")}),
])
def test_a_national_charity_a_neighbour_by_the_writers_name_and_a_clause_set_against_a_body(text, want, library):
    assert kpi_values(text, library) == want


@pytest.mark.parametrize("text", [
    "The school nursing service reports that its nurses were involved with 188 children subject to a child "
    "protection plan during the year.",
    "The health visiting team was a core group member for 74 children on child protection plans at 31 March 2025.",
])
def test_the_children_a_services_staff_were_involved_with_are_its_caseload(text, library):
    from kpi_extract.pipeline import extract_text
    assert extract_text(text, library) == []


@pytest.mark.parametrize("text,want", [
    # placed or living somewhere is a condition of the count, not a kind of placement (the reference answers keep
    # "placed outside Birmingham" apart as a measure of its own)
    ("At 30 June 2025 we looked after 512 children, including 96 living in placements outside the county.",
     {("children_in_care", "512")}),
    ("Of our 430 looked after children, 61 are placed in homes more than 20 miles away.", {("children_in_care", "430")}),
    # a kind of placement stays a part
    ("Of our 430 looked after children, 298 are living in foster placements.",
     {("children_in_care", "430"), ("children_in_care", "298")}),
])
def test_where_children_are_placed_is_a_condition_not_a_kind_of_placement(text, want, library):
    assert kpi_values(text, library) == want


@pytest.mark.parametrize("text", [
    # an amount shared over all of a population is per head, however it is said
    "The Children's Services budget is 31% of the council's net budget for 2026/27, the equivalent of £1,420 for each "
    "of the borough's 69,300 children.",
    # a distance from the edge of a target range or a tolerance
    "Children in care numbered 18 below the lower end of the tolerance at the end of June.",
    # spend on one kind of cost is a line of the spend; spend in the first months is spend so far
    "In 2024/25 the directorate's placement spend was £41.6m.",
    "Spend in Children's Services was £7.3m in the first six months.",
])
def test_per_head_shares_distances_from_a_range_and_lines_of_spend_give_no_fact(text, library):
    from kpi_extract.pipeline import extract_text
    assert extract_text(text, library) == []


@pytest.mark.parametrize("text,want", [
    # a sister council is another council, whatever follows its name
    ("Our sister authority in Torbay recorded 190 children on child protection plans at 31 March 2025.", set()),
    # done outside the time allowed, for some of them: a condition of the count
    ("For 37 children in need the review was held beyond 20 working days.", set()),
    # actions that have stalled or been escalated are some of them in a state, not the plan's
    ("The plan holds 44 actions in all; 3 actions have stalled and 2 actions have been escalated to the executive.",
     {("plan_actions_total", "44")}),
])
def test_a_sister_council_a_count_outside_its_time_and_escalated_actions(text, want, library):
    assert kpi_values(text, library) == want


@pytest.mark.parametrize("text,want", [
    # absent, or living somewhere judged unfit: some of them in a state, not the stock
    ("During 2024/25, 44 children in care were severely absent from school.", set()),
    ("At 30 June, 16 looked after children were living in lodgings that the council's own checks rated unsafe.", set()),
    # a second count joined by "and" shares the first's verb, and so its condition
    ("By the autumn 33 looked after children and 9 care leavers were staying in housing judged unsuitable.", set()),
    # also when the second count is another KPI's: both are one subject of the verb after it
    ("At the spring census, 388 children in care and 126 children on child protection plans had an EHC plan.", set()),
    # (a first figure with its own verb and a comma before "and" is no part of the second's subject)
    ("Course utilisation for 2024-25 was 88%, and 12 sessions were oversubscribed.", {("training_utilisation", "88")}),
    # (not a list of figures each with a verb of its own)
    ("At 31 March 2025, 512 children were looked after and 288 children were on child protection plans.",
     {("children_in_care", "512"), ("cp_plans", "288")}),
])
def test_absent_or_unsuitably_housed_children_and_a_condition_shared_by_two_counts(text, want, library):
    assert kpi_values(text, library) == want


@pytest.mark.parametrize("text", [
    # a place whose verb calls it a neighbour or comparator, its figure in apposition
    "Derby, with 498 children in care, is one of our closest statistical neighbours.",
    "Rotherham, which had 412 children on child protection plans in March, remains our nearest comparator.",
])
def test_a_place_its_verb_calls_a_neighbour_gives_no_fact(text, library):
    assert extract_text(text, library) == []


@pytest.mark.parametrize("text,want", [
    # "one" with no noun after it is a pronoun, not a figure
    ("In 2024/25, 402 children became subject to a child protection plan and 377 children stopped being subject to one.",
     {("cp_plans_started", "402")}),
    # actions in a state before their noun are some of them, and so are the parts said of them
    ("Of the 14 open actions, 9 were signed off as complete.", set()),
    # children who answered a survey are its respondents, not the stock
    ("The care experience questionnaire had been filled in by 96 looked after children by the end of June.", set()),
])
def test_a_pronoun_one_actions_in_a_state_and_a_surveys_respondents(text, want, library):
    assert kpi_values(text, library) == want


@pytest.mark.parametrize("text,want", [
    # income from one source is a line of it, not the body's income for the year
    ("Income of £3,950 from fees for unfilled places went into the board's budget.", set()),
    # spend to the end of a quarter or a month that is not the year's last is spend so far
    ("Spend to the end of quarter 2 was £188,000.", set()),
    ("Actual spend at month 7 stood at £2.9m.", set()),
    # actions in a state after their noun: those left
    ("Of the 13 actions left, six were carried into the refreshed plan.", set()),
    # the share between commas is the same actions'
    ("By March 2025, 44 actions, or 88%, had been completed.", {("plan_actions_completed", "44")}),
    # a meeting about one child is no conference of learning
    ("Eleven professionals attended the initial child protection conference on 3 June.", set()),
])
def test_income_of_one_source_spend_so_far_actions_left_and_a_case_conference(text, want, library):
    assert kpi_values(text, library) == want


@pytest.mark.parametrize("text,want", [
    # a figure alone in a bracket straight after the measure's words is its figure
    ("Children in care (512) and children in need (1,930) both rose over the year.",
     {("children_in_care", "512"), ("children_in_need", "1930")}),
    ("The re-referral rate (18.4%) was lower than last year.", {("rereferral_rate", "18.4")}),
    # (not after the measure's own figure: the bracket then holds another one)
    ("There are 1,210 children in need (1,190).", {("children_in_need", "1210")}),
])
def test_a_figure_alone_in_a_bracket_after_the_measures_words(text, want, library):
    assert kpi_values(text, library) == want


def _parts(text: str, library) -> set[tuple[str, float, str, str]]:
    """Each fact's KPI, value, subject and area."""
    return {(f.kpi, float(f.value), f.subject, f.area) for f in extract_text(text, library)}


def test_a_caption_by_locality_over_a_column_of_the_noun_counted_gives_each_localitys_part(library):
    """A column headed by the noun a caption's KPI counts ("Children", "Cases") holds that KPI's
    figures: each row is a part, its label the subject."""
    text = ("Hampshire County Council - Children's Select Committee, 14 October 2025\n"
            "Children in need by area team, 31 August 2025\n"
            "| Area team | Children |\n| Coastal | 412 |\n| Forest | 288 |\n")
    assert _parts(text, library) == {("children_in_need", 412.0, "Coastal", "Hampshire"),
                                     ("children_in_need", 288.0, "Forest", "Hampshire")}


def test_a_countys_districts_are_parts_of_its_figure_not_neighbours(library):
    """A district council (ONS E07) in a county council's (E10) table is a part of the county's
    figure, named in `subject`; the fact stays the county's, not a neighbour set beside it."""
    text = ("Kent County Council - Children's Services Cabinet Committee, 3 December 2025\n"
            "Children on child protection plans by district, 30 September 2025\n"
            "| District | Children |\n| Ashford | 74 |\n| Thanet | 161 |\n")
    assert _parts(text, library) == {("cp_plans", 74.0, "Ashford", "Kent"), ("cp_plans", 161.0, "Thanet", "Kent")}


def test_former_councils_the_papers_council_replaced_are_its_localities_not_neighbours(library):
    """A district abolished when the paper's unitary council replaced it (the gazetteer's `replaced_by`:
    Mendip and Sedgemoor by Somerset in 2023) names a locality of the area now: its column is a part of
    the council's figure, not a neighbour's set beside it."""
    text = ("Somerset Council - Children and Families Scrutiny Committee, 9 October 2025\n"
            "Children in care by locality, 30 June 2025\n"
            "| Measure | Mendip | Sedgemoor | Somerset |\n| Children in care | 96 | 141 | 628 |\n")
    assert _parts(text, library) == {("children_in_care", 96.0, "Mendip", "Somerset"),
                                     ("children_in_care", 141.0, "Sedgemoor", "Somerset"),
                                     ("children_in_care", 628.0, "Somerset", "Somerset")}


def test_a_noun_column_beside_a_label_head_of_another_measure_counts_that_measure(library):
    """'Children' under a label column headed by another measure ("Children missing from education")
    counts that measure: a row named "children in care" there is no count of children in care."""
    text = ("Harbury Council - Education Committee, 2 June 2025\n\n"
            "| Children missing from education, 2024/25 | Episodes | Children |\n|---|---|---|\n"
            "| Children in care | 44 | 31 |\n| All other pupils | 611 | 502 |\n")
    assert facts(text, library) == set()


def test_a_label_head_that_names_a_rate_and_its_day_heads_a_row_that_only_says_rate(library):
    """A label column's head may name the KPI and its date together ("CP rate per 10k, 31 Mar 2025");
    under it a row that only says "Rate" reads that rate, the paper's own place's column its whole
    figure, the comparators' nothing."""
    text = ("Westvale Council - Children's Scrutiny Committee, 10 June 2025\n"
            "| CP rate per 10k, 31 Mar 2025 | Westvale | Stat. neighbours | England |\n| Rate | 36.2 | 40.3 | 41.6 |\n")
    assert facts(text, library) == {("cp_plans_rate_per_10k", 36.2)}


def test_parts_of_a_whole_after_a_title_line_and_places_listed_after_a_colon(library):
    """A whole broken down by where its parts came from, though the paper's title line runs on into the
    sentence ("Of the 1,870 delegates ..., 640 came from health and 402 from the police": the part's name
    without its preposition), and a whole's places listed after a colon ("...: 1,240 in the North area,
    980 in the South"), the first of them no whole of its own."""
    delegates = ("Eastmere Safeguarding Children Partnership - training report 2024/25\n"
                 "Of the 1,870 delegates on our courses in 2024/25, 640 came from health and 402 from the police.")
    assert _parts(delegates, library) == {("training_delegates", 1870.0, "", "Eastmere"),
                                          ("training_delegates", 640.0, "health", "Eastmere"),
                                          ("training_delegates", 402.0, "police", "Eastmere")}
    places = ("Eastmere Council - front door report 2024/25\n"
              "In 2024/25 the front door took 2,220 referrals: 1,240 in the North area and 980 in the South.")
    assert _parts(places, library) == {("referrals", 2220.0, "", "Eastmere"),
                                       ("referrals", 1240.0, "North area", "Eastmere"),
                                       ("referrals", 980.0, "South", "Eastmere")}


def test_a_figure_said_smaller_or_larger_than_before_is_a_change(library):
    """"57 smaller than at the same point last year" is the difference between two counts, as "57
    fewer" is: no count of its own."""
    text = ("Eastmere Council - Cabinet, 14 October 2025\n"
            "The number of children in need is 57 smaller than at the same point last year; the number in care "
            "is 12 larger than in June.")
    assert facts(text, library) == set()


def test_a_police_force_named_for_its_counties_is_no_other_council_in_the_clause(library):
    """A police force, a fire service or an NHS body named for the places it covers ("Avon and Somerset
    Police") names no council: the part listed after it ("and 388 from schools") stays the paper's own."""
    text = ("Bristol City Council - Children's Scrutiny Commission, 17 September 2025\n"
            "Of the 2,406 referrals received in 2024/25, 712 came from Avon and Somerset Police and 388 "
            "from schools.")
    assert _parts(text, library) == {("referrals", 2406.0, "", "Bristol"),
                                     ("referrals", 712.0, "Avon and Somerset Police", "Bristol"),
                                     ("referrals", 388.0, "schools", "Bristol")}


def test_a_column_header_that_joins_a_places_words_with_an_ampersand_names_that_place(library):
    """"Telford & Wrekin" over a column is the council Telford and Wrekin, as "Telford and Wrekin" is: in
    the two councils' joint partnership's report each council's column is its own area's part."""
    text = ("Shropshire Council\n\nPeople Overview and Scrutiny Committee, 12 November 2025\n\n"
            "SHROPSHIRE AND TELFORD & WREKIN SAFEGUARDING CHILDREN PARTNERSHIP: ANNUAL REPORT 2024/25\n\f"
            "The year in numbers\n\n"
            "                                                   Shropshire    Telford &\n"
            "                                                                 Wrekin\n"
            "Referrals to children's social care                    3,904        3,388\n"
            "Children in care at 31 March 2025                        668          291\n")
    assert _parts(text, library) == {("referrals", 3904.0, "Shropshire", "Shropshire"),
                                     ("children_in_care", 668.0, "Shropshire", "Shropshire"),
                                     ("referrals", 3388.0, "Telford & Wrekin", "Telford and Wrekin"),
                                     ("children_in_care", 291.0, "Telford & Wrekin", "Telford and Wrekin")}


def test_a_region_written_short_with_an_ampersand_heads_a_comparator_column(library):
    """"Yorks & Humber" beside "Stat neighbours" and "England" is a region, a comparator: none of its
    figures is a fact, though "&" now joins a place's words."""
    text = ("Wakefield Council - Children's Scrutiny, 16 December 2024\n"
            "| Rate per 10,000 | 2023/24 | Yorks & Humber | England |\n| Children in care | 84.0 | 81.0 | 70.0 |\n")
    assert ("children_in_care_rate_per_10k", 81.0) not in facts(text, library)


def test_a_body_opening_the_sentence_owns_its_verbs_figure_past_a_long_aside(library):
    """A trust opening the sentence, with an aside about what it does for the council ("which provides adult
    social care for Eastmere under the integrated care arrangement,"), owns the sum its own verb leads to."""
    text = ("Eastmere Council - Health Scrutiny Panel, 9 October 2025\n"
            "Eastmere and Westvale NHS Foundation Trust, which provides adult social care for Eastmere under the "
            "integrated care arrangement, spent £58.2m in 2024/25.")
    assert facts(text, library) == set()


def test_what_the_partners_will_contribute_to_a_years_budget_is_their_contributions(library):
    """A budget paper says what the partners will pay in for the year it sets ("Partners will contribute
    £261,400 in total"): the contributions set for that year, as "the budget for 2025/26 will be" is the
    budget, not a forecast."""
    text = ("Eastmere Safeguarding Children Partnership - Budget 2016/17\n"
            "Partners will contribute £261,400 in total, the same as last year.")
    assert kpi_values(text, library) == {("budget_contributions", "261400")}


def test_a_whole_named_in_the_possessive_of_its_place_has_its_parts(library):
    """"Of Eastmere's 512 children in care ..., 88 were aged 16 or 17" and "140 of Eastmere's 2,210 children in
    need were disabled children": the whole's place in the possessive before its count, as "the" or "our" is."""
    of = ("Eastmere Council - Corporate Parenting Board, 9 June 2016\n"
          "Of Eastmere's 512 children in care at 31 March 2016, 88 were aged 16 or 17.")
    assert _parts(of, library) == {("children_in_care", 512.0, "", "Eastmere"),
                                   ("children_in_care", 88.0, "aged 16-17", "Eastmere")}
    n_of = ("Eastmere Council - Children's Scrutiny Committee, 9 June 2016\n"
            "At 31 March 2016, 140 of Eastmere's 2,210 children in need were disabled children.")
    assert {(k, v) for k, v, _, _ in _parts(n_of, library)} == {("children_in_need", 2210.0), ("children_in_need", 140.0)}


def test_an_english_regions_rate_in_the_possessive_is_a_comparator(library):
    """"the North West's rate of children in care, 104 per 10,000": a region's figure, as "the North West rate"
    is, whatever the paper."""
    text = ("Councillor Hale asked why the South West's rate of children in care, 58 per 10,000, was so much lower "
            "than the national rate of 70.")
    assert facts(text, library) == set()


def test_the_items_of_a_list_a_comparator_opens_are_the_comparators(library):
    """"England, 2015-16 - 598,900 referrals; re-referral rate 22.3%": the list after England's name is
    England's, its second item too, though that item names no place of its own."""
    text = "Context (DfE census): England, 2015-16 - 598,900 referrals; re-referral rate 22.3%."
    assert facts(text, library) == set()


def test_a_clause_with_its_own_subject_after_the_figures_is_no_condition_of_it(library):
    """", and it was fully booked three weeks before the day" is said of the conference, in a clause of its own:
    no condition on the delegates who attended it."""
    text = ("Eastmere Safeguarding Children Partnership - Annual Report 2016-17\n"
            "Over 280 delegates attended our autumn conference on neglect in November 2016, and it was fully "
            "booked 3 weeks before the day.")
    assert kpi_values(text, library) == {("conference_delegates", "280")}


def test_a_part_made_or_categorised_out_of_a_whole_names_itself_and_leaves_the_whole(library):
    """"Looked after young people aged 16 or 17 accounted for 97 of the borough's 455 ...", "Neglect was the main
    category for 140 of the 260 children on plans", "Schools made 610 of the 2,480 referrals we received": the
    part says what it is, and the whole stays the paper's, the body that made the part owning only the part."""
    aged = ("Eastmere Council - Corporate Parenting Board, 9 June 2016\n"
            "Young people aged 16 and 17 accounted for 97 of the borough's 455 children in care at 31 March 2016.")
    assert _parts(aged, library) == {("children_in_care", 455.0, "", "Eastmere"),
                                     ("children_in_care", 97.0, "aged 16-17", "Eastmere")}
    category = "Neglect was the main category for 140 of the 260 children on child protection plans at 31 March 2016."
    assert {(k, v, s) for k, v, s, _ in _parts(category, library)} == {("cp_plans", 260.0, ""),
                                                                       ("cp_plans", 140.0, "Neglect")}
    made = ("Eastmere Council - Children's Scrutiny Committee, 9 June 2016\n"
            "Eastmere Constabulary made 610 of the 2,480 referrals we received in 2015/16.")
    assert ("referrals", 2480.0) in {(k, v) for k, v, _, _ in _parts(made, library)}


def test_a_determiner_or_a_participle_after_the_kpis_noun_opens_another_phrase(library):
    """"the 2,210 children in need the council was supporting" counts children in need, not councils, and
    "the 2,906 delegates attending partnership training" delegates, not partnerships."""
    text = ("Eastmere Safeguarding Children Partnership - Annual Report 2016-17\n"
            "In 2016/17, health staff made up 812 of the 2,906 delegates attending partnership training.")
    assert {(k, v, s) for k, v, s, _ in _parts(text, library)} == {("training_delegates", 2906.0, ""),
                                                                   ("training_delegates", 812.0, "health staff")}


def test_a_figure_a_service_was_resourced_for_is_its_capacity(library):
    """"compared with the 6,000 the service had been resourced for": what it was set up to take, no count."""
    text = "The front door received 5,310 referrals in 2016/17, compared with the 6,000 the service was staffed for."
    assert kpi_values(text, library) == {("referrals", "5310")}


def test_an_average_set_off_by_commas_before_the_figure_is_per_unit(library):
    """"the council sent, on average, 26 referrals before a home was found": a mean, not the year's referrals."""
    text = "For children with complex needs the council sent, on average, 31 referrals before a placement was found."
    assert facts(text, library) == set()


def test_a_footnote_mark_on_a_partner_tables_total_is_no_partners_name(library):
    # "Total¹ | 54,600" under the partners' rows is the contributions' total, not a partner called "Total¹"
    text = ("Eastmere Safeguarding Children Partnership - partner contributions\n"
            "| Partner | 2016/17 (£) |\n| Eastmere Council | 38,600 |\n| Eastmere Police | 16,000 |\n"
            "| Total\u00b9 | 54,600 |\n\u00b9 Excludes the balance brought forward.\n")
    assert ("budget_contributions", "54600") in kpi_values(text, library)
    assert ("agency_contribution", "54600") not in kpi_values(text, library)


def test_a_sum_below_or_over_a_named_budget_is_a_variance(library):
    # "Spending was £21,600 below the operating budget": how far the spend fell short, not the year's spend
    text = ("Eastmere Safeguarding Children Partnership - Annual Report 2016-17\n"
            "Spending was £21,600 below the operating budget, mainly because a review will be paid for next year.")
    assert facts(text, library) == set()


def test_a_named_partner_that_will_contribute_to_the_papers_budget_and_the_list_after_it(library):
    # a budget paper: "Eastmere Constabulary will contribute £61,000 and ..." is that partner's part of the year's
    # budget, and "Eastmere Council contributed £146,000, NHS Eastmere £92,500, ..." lists partners whose verb is the
    # first's; but a sum "to which" the council will contribute is another budget's (an agency's it named)
    budget = ("Eastmere Safeguarding Children Partnership - Budget 2017-18, Executive, 20 March 2017\n"
              "Eastmere Constabulary will contribute £61,000 to the partnership's 2017-18 budget.")
    assert kpi_values(budget, library) == {("agency_contribution", "61000")}
    listed = ("Eastmere Safeguarding Children Partnership - Annual Report 2016/17\n"
              "Eastmere Council contributed £146,000, NHS Eastmere £92,500, and Eastmere Police £61,000 to the budget.")
    assert {("agency_contribution", "146000"), ("agency_contribution", "92500")} <= kpi_values(listed, library)
    other = ("Eastmere Council - Cabinet - Regional adoption agency funding 2016/17\n"
             "Adopt Westshire, hosted by Westshire Council for five councils, has a budget of £4.2m in 2016/17, to which "
             "Eastmere will contribute £712,000.")
    assert ("agency_contribution", "712000") not in kpi_values(other, library)


def test_where_delegates_worked_names_their_parts_and_the_next_part_keeps_the_verb(library):
    # "Of the 1,980 practitioners who attended ..., 512 worked in health services and 401 in schools": two parts of the
    # delegates, the second's verb left to the first's
    text = ("Eastmere Safeguarding Children Partnership - Annual Report 2016-17\n"
            "Of the 1,980 practitioners who attended partnership training in 2016-17, 512 worked in health services "
            "and 401 in schools.")
    assert {(k, v) for k, v, _, _ in _parts(text, library)} == {("training_delegates", 1980.0),
                                                                ("training_delegates", 512.0),
                                                                ("training_delegates", 401.0)}


def test_a_bodys_own_budget_statement_names_its_partners_contributions(library):
    # "Partnership budget 2016-17" over "Balance brought forward | Partner contributions | Total available": the
    # contributions row is the year's contributions; its "Total available" takes the balance in and is none
    text = ("Eastmere Safeguarding Children Partnership - Budget report to the Executive, 6 March 2017\n"
            "Partnership budget 2016-17                 £\n"
            "Balance brought forward from 2015-16   21,400\n"
            "Partner contributions                 392,800\n"
            "Total available                       414,200\n")
    assert kpi_values(text, library) == {("budget_carry_forward", "21400"), ("budget_contributions", "392800")}


def test_the_sentence_after_a_service_hosted_on_behalf_of_named_councils_is_the_services(library):
    text = ("Norbury Council - Children's Scrutiny Committee\n"
            "The out-of-hours team is hosted by Ashvale on behalf of Ashvale, Norbury and Eastmere. Between April and "
            "September 2025 it passed 402 referrals to the three councils' front doors.")
    assert not [f for f in extract_text(text, library) if f.kpi == "referrals"]


def test_a_sum_paid_to_each_of_several_is_each_ones_not_a_contribution_to_the_writers(library):
    # "£61,500 to each borough's partnership": an amount per partnership, paid by a commissioner to several
    text = ("NHS North East ICB - Safeguarding Annual Report 2024-25\n"
            "The ICB contributed £61,500 to each borough's safeguarding children partnership in 2024-25.")
    assert not [f for f in extract_text(text, library) if f.kpi in ("agency_contribution", "budget_contributions")]


def test_a_paper_whose_front_names_no_children_and_no_paper_of_the_kpis_counts_its_own_subject(library):
    # a front page about something else entirely, that names no service of the list: its referrals and sessions
    # are its subject's; a front that names children keeps them, and so does a one-page text with no front
    from kpi_extract.pipeline import extract_pages
    body = "2. Activity in 2024/25\n\nReferrals received in 2024/25 numbered 318, most of them from parish councils.\n"
    other = "Wyvern Council\nExecutive, 4 June 2025\nDog Control Public Spaces Protection Order: consultation outcome\n"
    ours = "Wyvern Council\nExecutive, 4 June 2025\nChildren's Social Care: front door review\n"
    assert not [f for f in extract_pages([other, body], "pspo.txt", library) if f.kpi == "referrals"]
    assert [f.value for f in extract_pages([ours, body], "front-door.txt", library) if f.kpi == "referrals"] == ["318"]


def test_a_column_whose_header_says_it_holds_shares_gives_no_count(library):
    # "% of attendees" over bare numbers: each sector's share of the delegates, not a number of delegates
    text = ("Multi-agency training 2024-25: who attended (share of delegates)\n\n"
            "Sector                                   % of attendees\n"
            "Health (acute and community)                  33\n"
            "Schools and early years                       29\n"
            "Police                                         8\n"
            "Total                                        100\n")
    assert not [f for f in extract_text(text, library) if f.kpi == "training_delegates"]


def test_a_tables_rows_are_no_targets_for_a_target_column_in_its_header_of_periods(library):
    # the header names the columns ("Oct-25", the year so far and its target); the table reader has typed the
    # target's column and reads none of it, so the actuals beside it stay the rows' figures
    text = ("Monthly front door digest - October 2025\n"
            "                          Oct-25    YTD     YTD target\n"
            "Referrals                 412       2,655   2,700\n"
            "CP plans started          47        260     -\n")
    assert {(f.kpi, f.value, f.period) for f in extract_text(text, library)} == {
        ("referrals", "412", "2025-10"), ("referrals", "2655", "2025-10"),
        ("cp_plans_started", "47", "2025-10"), ("cp_plans_started", "260", "2025-10")}
    # (a label column headed by plans still makes every row a plan)
    projected = ("Demand projection | 2026/27 | 2027/28\n"
                 "Children in care | 590 | 612\n")
    assert not facts(projected, library)


def test_a_per_head_label_before_a_colon_and_a_sum_across_a_bodys_member_councils_give_no_fact(library):
    # the label before the colon says the sum is each resident's share; the count is a regional agency's, summed
    # over the councils that are its members
    assert not facts("Salford City Council - Budget Council, 5 March 2025\n"
                     "Net revenue budget per head of population, 2025/26: £1,488.\n", library)
    assert not facts("Trafford Council - Corporate Parenting Board, 9 July 2025\n"
                     "Adopt North East was family-finding for 187 children in care across its member councils at "
                     "31 March 2025.\n", library)


def test_a_regions_short_name_over_a_column_is_a_comparator_not_a_place_of_ours(library):
    text = ("Wolverhampton Council - Scrutiny Panel, 4 December 2025\n"
            "Measure                      Q2 2025/26   West Mids   England\n"
            "Referrals                    1,211        1,304       1,402\n"
            "Re-referral rate             19.6%        21.0%       22.4%\n")
    assert kpi_values(text, library) == {("referrals", "1211"), ("rereferral_rate", "19.6")}


def test_what_a_budget_is_left_at_after_savings_is_the_budget(library):
    # "after" (or "net of") opens another figure's clause: the savings are the £6.8m's, not the £187.4m's
    got = {(f.kpi, f.value, f.period) for f in extract_text(
        "Rochdale Council - Budget Council, 26 February 2025\n"
        "The council's net revenue budget for 2025/26 is set at £187.4m after savings of £6.8m.\n", library)}
    assert got == {("budget_total", "187400000", "2025-26")}
    got = {(f.kpi, f.value) for f in extract_text(
        "Oldham Council - Cabinet, 10 February 2025\n"
        "Our net revenue budget for 2025-26 will be £314.2m, net of efficiency savings of £9.1m.\n", library)}
    assert got == {("budget_total", "314200000")}


def test_money_moved_from_or_into_reserves_is_no_partners_contribution(library):
    for text in ("Bury Council - Cabinet, 12 February 2025\n"
                 "Next year's budget is balanced with £4.4m of savings and a £2.7m contribution from reserves.\n",
                 "Wigan Council - Cabinet, 4 March 2025\n"
                 "The plan leans on a £1.3m contribution from general reserves in 2025/26.\n"):
        assert not [f for f in extract_text(text, library) if f.kpi in ("budget_contributions", "agency_contribution")]


def test_an_additional_count_after_a_rise_in_per_cent_is_the_change(library):
    text = ("Oldham Council - Children's Scrutiny Board, 9 October 2024\n"
            "Referrals to children's social care were up by 6.2 per cent on the same period last year, an additional "
            "140 referrals.\n")
    assert not facts(text, library)


@pytest.mark.parametrize("text", [
    "Warrington Borough Council - Children's Scrutiny Committee, 8 July 2025\n"
    "The emergency duty team, shared between Halton, Warrington and St Helens, took 1,870 referrals in 2024/25.\n",
    "Solihull Council - Cabinet, 13 February 2025\n"
    "The sub-regional fostering framework, run jointly by Solihull, Coventry and Warwickshire, spent £21.4m on "
    "placements in 2024-25.\n"])
def test_a_service_shared_by_several_named_councils_is_none_of_theirs(text, library):
    assert not facts(text, library)


def test_contributions_and_other_income_with_a_footnotes_mark_are_no_contributions(library):
    text = ("Wirral Safeguarding Children Partnership - funding, 2025/26\n"
            "Contributions and other income² ............ £512,000\n"
            "² includes course charges.\n")
    assert not [f for f in extract_text(text, library) if f.kpi in ("budget_contributions", "budget_total")]


def test_a_number_of_families_beside_children_on_plans_counts_the_families(library):
    text = ("Oldham Council - Children's Scrutiny Board, 9 September 2025\n"
            "The 431 children on child protection plans at 30 June 2025 belong to 236 families.\n")
    assert {(f.kpi, f.value) for f in extract_text(text, library)} == {("cp_plans", "431")}


def test_a_change_said_as_a_labels_colon_is_the_change(library):
    assert not facts("Net growth in the number of children in care over 2024/25: 29 children.\n", library)
    assert not facts("Increase in referrals compared with 2023/24: 212\n", library)
