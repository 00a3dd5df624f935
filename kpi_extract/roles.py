"""What kind of figure a candidate is, before it may become a fact (issue 7).

A matcher finds a number beside a KPI's words; it does not know whether the number is the
KPI's own level or something said about it: a change ("an increase of 14"), a target, a
forecast, a comparator (England, the region, statistical neighbours), a threshold ("contracts
above £214,904"), a per-capita amount, a number of another noun ("five children in need
teams"), a count qualified by a condition ("24 looked after children had no up-to-date care
plan"), a part of a whole, or another body's or another finance line's money. Every candidate
gets one role here, decided by general rules over the clause around the figure (the words
just before it, the noun phrase and predicate after it) or over a table row's label, and the
name of the rule that decided, so `explain` can show why. The rules are written once for every
KPI: the library's own `exclude`/`redirect` phrases stay per KPI, these hold for all.

Only levels, flows, rates and shares of the KPI's own measure become facts, and parts when they
name their part in `subject` (spec/kpis.md, "Whose figure it is").
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from itertools import chain, islice
from typing import TYPE_CHECKING, Callable, Iterator

from .areas import gazetteer, key
from .docarea import (CHILDREN, COUNCIL_NAME, FIRST_PERSON, a_part_of_the_area, a_host, a_named_owner, a_named_places_body,
                      a_place_against_ours, a_place_after_ours, another_beside_us, another_councils, another_place, last_match, mentions,
                      others_name, OTHERS_TOGETHER, NO_OWNER_WORDS)
from .layout import CAPTION_NUMBER
from .library import KpiEntry, Library
from .model import Candidate
from .periods import MONTH_NAME, find_mentions
from .values import GROWTH_LINE, figure_spans, parse_value

if TYPE_CHECKING:
    from .context import DocumentContext
    from .layout import PageLayout

FACT_ROLES = frozenset({"level", "flow", "rate", "share", "amount"})
ROLES = ("level", "flow", "rate", "share", "amount", "part", "change", "target", "forecast", "comparator",
         "threshold", "per-capita", "other-noun", "conditional", "other-body", "finance-line", "look-alike")

# -- the clause around a figure ---------------------------------------------------------------
# before the figure, a clause starts after punctuation, a conjunction or a comparison word
_BEFORE_STOP = re.compile(r"[.;:()\[\]|]|,\s|\s-\s|\b(?:and|but|while|whilst|whereas|which|who|compared|"
                          r"compares|against|than|versus|vs)\b", re.I)
# after it, at punctuation, a conjunction or a comparison word; commas end it too
_AFTER_STOP = re.compile(r"[.;:()\[\]|]|,\s|\s-\s|\b(?:and|but|while|whilst|whereas|which|compared|compares|"
                         r"against|than|versus|vs|above|below|higher|lower|similar|in line|better|worse|exceed\w*)\b",
                         re.I)
# the predicate of the figure, for conditions: it runs past commas ("nine courses of the year,
# scheduled for March, had to be cancelled") but not past a full stop or a semicolon
_PREDICATE_STOP = re.compile(r"[.;]\s|[.;]$|\b(?:but|whereas|while|whilst|compared|against|of whom|of which)\b"
                             r"|,\s*(?:which|this|that|an?|the|compared|up|down|representing|equivalent)\b"
                             # (or a clause with a subject of its own: ", and it was fully booked three weeks before")
                             r"|,\s*and\s+(?:it|they|this|these|we|our)\b", re.I)
# a phrase of up to nine words before a comma, that opens a sentence or a clause: "Nationally, ..."
_OPENING = r"((?:[A-Za-z'-]+ ){0,8}[A-Za-z'-]+),\s"
_OPENER = re.compile(r"^\W*" + _OPENING, re.I)
# the same opening phrase after a colon: "Ofsted shared the national data: across England, the rate ... was 41.6"
_OPENER_AFTER_COLON = re.compile(r":\s+" + _OPENING, re.I)

# -- rules: each a compiled regex, searched in one short piece of text ------------------------
# a small count written as a word: "Nine of the courses", "twelve of them" (with digits: `_N`)
_NUMBER_WORDS = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|twenty|thirty|forty|fifty)"
_N = r"(?:\d[\d,]*|" + _NUMBER_WORDS + r")"
# a number that names an item of a report: "Measure 8:", "Table 3", "Priority 2", "Action 14", "Minute 23:"
_LABEL_NUMBER = re.compile(r"(?:^|[\s(])(?:measure|indicator|kpi|pi|ref|item|minute|min|resolution|priority|action|appendix|annex|table|"
                           r"figure|chart|section|paragraph|para|page|recommendation|objective|standard|note|footnote|question|step)s?\s+(?:no\.?\s*)?"
                           # (the next of a run: "priority 1 and 2 actions", "sections 3, 4 and 5")
                           r"(?:(?P<run>\d{1,2})\s*(?:,|and|&|or)\s*)?$", re.I)
# the KPI's noun in the possessive before the noun the figure counts: "two looked after children's nurses"
_POSSESSIVE_HEAD = re.compile(r"['’]s?\s+(?!(?:own|first|second|third|last)\b)(?-i:[a-z])", re.I)
# that there is any, not how many: "at least one child on a plan", "one or more referrals"
_AT_LEAST_BEFORE = re.compile(r"\b(?:at least|more than|over|fewer than|less than)\s+$", re.I)
_OR_MORE_AFTER = re.compile(r"\s+or\s+more\b", re.I)
# a selection, not a count: "the two most popular courses", "its three largest providers"
_SELECTION_AFTER = re.compile(r"\s+(?:most|least|best|worst|largest|biggest|smallest|highest|lowest|main|top)\b", re.I)
_SELECTION_BEFORE = re.compile(r"\b(?:the|its|their|our)\s+$", re.I)
# the stage of a plan a small number names: "by the end of year two", "in phase 3"
_STAGE_BEFORE = re.compile(r"(?<!previous )(?<!last )(?<!prior )\b(?:year|phase|stage|tranche|wave|tier)\s+$", re.I)
_STAGE_NUMBER = re.compile(r"[1-9]|one|two|three|four|five|six|seven|eight|nine|ten", re.I)
_CHANGE_BEFORE = re.compile(
    r"(?:\b(?:increases?|decreases?|rises?|falls?|reductions?|drops?|growth|changes?|difference|swing|"
    r"uplift|cut|variation|movements?|improvements?|deteriorations?|worsening)\s+(?:of|by|in\s+\w+\s+of)\s+"
    r"|\b(?:increas\w*|decreas\w*|reduc\w*|rose|rise|rising|risen|fell|fall|falling|fallen|dropp?\w*|grow\w*|grew|"
    r"declin\w*|climb\w*|jump\w*|add(?:s|ed|ing)?)\s+(?:by\s+)?"
    r"|\b(?:went|gone|goes|go|is|was|are|were|been|numbers?)\s+(?:up|down)\s+(?:by\s+)?|^\s*(?:up|down)\s+(?:by\s+)?"
    # a gap between two figures: "the largest error was 18 children", "a shortfall of 30"
    r"|\b(?:errors?|gaps?|shortfalls?|discrepanc(?:y|ies)|margins?(?: of error)?)\s+(?:was|were|is|are|of|stood at|came to)\s+)"
    r"(?:(?:only|just|a further|an additional|another|around|about|approximately|some|over|almost|nearly|a)\s+)?£?$",
    re.I)
# a change as the subject the figure is said of: "The difference between the number of children in care at 30
# September and the number at 31 March is 19", "The net increase in referrals over the year was 312"
_CHANGE_SUBJECT = re.compile(r"^\W*(?:\d+(?:\.\d+)*\s+)?(?:(?:the|this|that|a|an|our|its|their)\s+)?(?:[\w-]+\s+){0,2}?"
                             r"(?-i:difference|change|increase|decrease|rise|fall|reduction|growth|movement|variance|"
                             r"variation|gap|drop|shortfall|uplift|swing)\b"
                             r"(?!\s+(?:programme|project|fund|grant|team|board|plan|strategy|budget|service|partnership)s?\b)"
                             r"(?:(?!\b(?:which|who|but|while|whereas|is|was|are|were|has|had)\b)[^.;:]){0,160}?"  # (its first verb)
                             r"(?:\b(?:is|was|are|were|has been|had been|came to|stood at|amounted to|totalled|totaled|equals|"
                             r"equalled)\s+|:\s*)"  # (or a label's colon: "Net growth in the number of children in care: 29")
                             r"(?:(?:just|only|some|about|around|approximately|roughly|a net|an?)\s+)?£?$", re.I)
# the change's amount in brackets after its noun: "a 4% inflationary uplift (£18,700)"
# the same change said again in a bracket: "grew by 9% (48 children)", "fell by a quarter (110)"
_CHANGE_RESTATED = re.compile(r"\bby\s+(?:[\d.,]+\s?(?:%|per ?cent|percentage points?)|a (?:third|quarter|fifth|tenth|half)|"
                              r"(?:one|two|three)[- ](?:thirds?|quarters?|fifths?))\s*\(\s*$", re.I)
_CHANGE_BRACKET = re.compile(r"\b(?:increases?|decreases?|rises?|falls?|reductions?|growth|uplift|cut|variation)\s*\(\s*£?$",
                             re.I)
# (an aside in brackets may stand between: "£51.6m (9.9%) higher")
_CHANGE_AFTER = re.compile(r"^\s*(?:%|per ?cent|percentage points?|pp|m|bn|k|per 10,?000(?: children)?)?\s*(?:\([^()]{1,20}\)\s*)?(?:more|fewer|less|additional|extra|"
                           r"increase|decrease|rise|fall|reduction|higher|lower|up on|down on|(?:smaller|larger|greater|bigger) than\b|"
                           # a distance from an aim: "22 above trajectory", "14 below target"
                           # (or from its range's edge: "27 above the top of the target range")
                           # (the budget may say which: "£33,250 below the operating budget", "under the revised budget")
                           r"(?:above|below|over|under|ahead of|behind|short of) (?:the |our |its )?(?:(?:top|bottom|upper end|lower end|"
                           r"upper limit|lower limit|edge) of (?:the |our |its )?)?(?:(?:operating|revised|agreed|approved|original|"
                           r"annual|net|current|latest|set|partnership|year's|full[- ]year) )?(?:target|trajectory|plan|"
                           r"forecast|profile|budget|tolerance)|"
                           # or from another figure: "104 above the 3,000 the service plan said", "12 below the 424"
                           r"(?:above|below|ahead of|behind|short of) (?:the |our |its )?£?\d[\d,.]*(?![\d,.])|"
                           # "9.4 per 10,000 above the England figure"
                           r"(?:above|below) (?:the |our )?(?:England|English|national|regional|region's|statistical neighbours?|"
                           r"comparators?|similar (?:authorities|councils|areas))|"
                           # a distance from a comparator: "3.2 points above the England average"
                           r"points? (?:above|below|higher|lower|better|worse|ahead of|behind|short of))\b", re.I)
# what was added, or done since the last report: a movement of a stock, not the stock ("6 actions were added",
# "the 6 completed since"; not since a plan began, which is all of them)
_ADDED_SINCE = re.compile(r"\s*(?:[\w-]+\s+){0,3}?(?:(?:were|was|have been|has been|had been)\s+(?:newly\s+)?added\b|"
                          r"(?:(?:have|has|had|were|was)\s+(?:been\s+)?)?(?:completed|closed|signed off|achieved)\s+since\b"
                          r"(?=\s*(?:[,.;)]|$|are\b|is\b|were\b|have\b|then\b|(?:the|our|its)\s+(?:last|previous)\b)))", re.I)
_TARGET_LIST = re.compile(r"\b(?:targets?|aims?|ambitions?|goals?)\s+(?:of|to|for)\s+[^.;:]{0,80}?(?:,|\band)\s+"
                          r"(?:(?:a|an)\s+)?(?:(?:minimum|maximum|further|total)\s+of\s+)?£?$", re.I)
# (not a service named for what it answers: "Climate Change, Environment and Transport")
_CHANGE_LABEL = re.compile(r"(?<!\bclimate )\b(?:change|difference|variance|increase|decrease|movement|\+/-|trend)\b", re.I)

_TARGET = re.compile(r"\b(?:targets?|targeted|aims? to|aiming to|aimed to|ambitions?|goals?|trajectory|aspir\w+|milestones?|"
                     r"no more than|no fewer than|plans? to|(?:the|an?|our|its) aim of|aim(?:s|ing)? for|want(?:s|ed)? (?:no|to|at least|at most|fewer|more|all|every)\b|"
                     # the figure is what is wanted: "The partnership wants 95 per cent of places filled"
                     r"(?:wants?|wanted|would like(?: to see)?)(?=\s+(?:around\s+|about\s+|some\s+)?$)|tolerance|intend(?:s|ed)? to|"
                     # what a board asks of the service: "The board has asked for utilisation of 90% in 2025/26"
                     r"(?:asked|asks|ask|called|calls) for|"
                     r"seek(?:s|ing)? to|hop(?:e|es|ed|ing) to|committed to|(?:requir(?:es|ed|ing)|asks?|asked) (?:\w+ ){0,3}?to (?:deliver|run|provide|offer|train|achieve|reach|hold)|"
                     r"commits? (?:\w+ ){0,3}?to|work(?:s|ing)? towards|(?<!\bhelped )(?<!\bmanaged )(?<!\bworked )(?<!\bable )(?<!\bsucceeded )(?:will|to) (?:[a-z]+ly )?(?:be )?(?:reduced?|increased?|bring|brought|lower(?:ed)?|raised?|cut|grown?|get)\b[^.;]{0,60}\bto|"
                     # "The board's aim was to have 35 completed", "our intention is to run 150 courses"
                     r"(?:aim|ambition|goal|intention|objective|priority|aspiration|plan)s? (?:is|was|are|were|will be) to)\b",
                     re.I)
# a place named after "For context," is set beside the writer, not the writer: "For context, Calderdale recorded 389
# children subject to a plan" (the writer's own figure "for context" names no place: "For context, 171 children ...")
_CONTEXT_NAMED = re.compile(r"^\W*(?:for|by way of|as) (?:context|reference|illustration)\s*,?\s+(?:in\s+)?"
                            r"(?-i:[A-Z])(?!(?:we|our|us|this|these|the|there|it|its|in)\b)[\w'’&-]+", re.I)
# a place named as a neighbour or comparator in apposition to the sentence's subject
# (its "In" may follow the heading the sentence ran on from: "Torbay Council - front door review In Devon, our
# neighbouring authority, ...")
_NEIGHBOUR_APPOSITION = re.compile(r"(?:^\W*(?:In\s+)?|(?<=\s)In\s+)[A-Z][\w'&-]*(?:\s+(?:and\s+)?[A-Z][\w'&-]*){0,3},\s+(?:(?:our|its|their|a|"
                                   # (or the writer by name: "Stockport, Bolton's nearest statistical neighbour, had 322")
                                   r"(?-i:[A-Z][\w&-]*)(?:\s+(?-i:[A-Z][\w&-]*)){0,2}['’]s|"
                                   r"one of our|one of its)\s+[^,;.]{0,40}?\b(?:neighbou?r\w*|comparators?|partners?)\b|"
                                   # "In Eastmere, the other council in our shared front door, 287 children ..."
                                   r"(?:the|an?)\s+(?:other|partner|fellow|adjoining|sister)\s+(?:council|authority|borough|county|"
                                   r"local authority|area|partnership)\b)[^,;.]{0,40},")
# a place that opens the sentence and is called a neighbour or comparator by its verb, with its figure in
# apposition: "Nottingham, with 701 children in care, is the closest of our neighbours in size"
_NEIGHBOUR_PREDICATE = re.compile(r"^\W*(?!(?:We|Our|This|These|That|The|It|Its|There|Here)\b)[A-Z][\w'&-]*"
                                  r"(?:\s+(?:and\s+|upon\s+|on\s+)?[A-Z][\w'&-]*){0,3}\s*,[^,;.]{0,80},\s*"
                                  r"(?:is|was|are|were|remains?|remained)\s+(?:(?:now|still|also)\s+)?"
                                  r"(?:(?:the|a)\s+(?:\w+\s+){0,2}?of\s+|one of\s+)?(?:our|its|their|(?-i:[A-Z][\w&-]*)['’]s)\s+"
                                  r"(?:[\w-]+\s+){0,2}?(?:neighbou?rs?|comparators?)\b")
# a sentence whose subject is a scenario: every figure of it is modelled ("Scenario B (no further investment) would
# see 270 children on child protection plans")
_SCENARIO_SUBJECT = re.compile(r"^\W*(?:under\s+)?(?:the\s+|a\s+|our\s+)?(?:[\w'-]+\s+){0,2}?scenarios?\b", re.I)
# a sentence whose subject is an aim (after its paragraph's number): every figure of it, up to a semicolon, is aimed at
_TARGET_SUBJECT = re.compile(r"^\W*(?:\d+(?:\.\d+)*\s+)?(?:(?:our|the|its|their|this|a|an|one)\s+)?(?:[\w'-]+\s+){0,3}?(?:aims?|ambitions?|"
                             r"aspirations?|targets?|goals?|objectives?|intentions?|trajectory|trajectories)\s+"
                             r"(?:(?:is|are|was|were|for\b[^.;]{0,40}?\b(?:is|are))\b|"
                             # words between the aim and its verb, the verb's infinitive after: "The ambition set out in
                             # the refreshed strategy is to reduce, ..., the number of children in care to 650"
                             r"(?:[\w'-]+\s+){1,6}?(?:is|are|was|were)\s+to\b)", re.I)
# an aim said as what to do, its verb bare and opening its clause: "Outcome measure 2: reduce the rate of
# children in care to 75" ("Early help has helped to bring the number down to 590" is done)
_AIM_TO = re.compile(r"(?:^\W*|[:;(]\s*)(?:reduce|increase|lower|raise|cut|bring|halve|double|grow|get|keep|hold|"
                     r"maintain|improve)\b[^.;:]{0,80}?\b(?:to|at)\s+(?:(?:below|under|above|over|at least|no more than|"
                     r"fewer than|less than|around|about)\s+)?$", re.I)
# the aim's verb goes on through its first figure to the next: "We aim to train 2,500 practitioners through 120
# courses", "we will reach 900 families across 30 sessions"
_AIM_GOES_ON = re.compile(r"\b(?:aim(?:s|ing)? to|plan(?:s|ning)? to|intend(?:s|ing)? to|expect(?:s|ing)? to|will)\s+"
                          r"(?:[a-z]+\s+){1,2}[\d,.]+\s+(?:[\w-]+\s+){1,3}(?:through|via|across|in|over|on|at|from)\s+$"
                          # or to a second aim joined to the first: "aims to deliver 150 courses and to reach 3,500", or
                          # with the second verb bare: "we aim to run 120 courses and reach 2,800 delegates"
                          r"|\b(?:aim(?:s|ing|ed)?|plan(?:s|ning)?|intend(?:s|ing)?|expect(?:s|ing)?|seek(?:s|ing)?|want(?:s|ing)?|"
                          r"hop(?:es|ing)|commit(?:s|ted)?(?:\s+(?!to\b)[\w']+){0,3}?|ambition is|target is)\s+to\s+[^.;:]{0,120}?\b(?:and|or|as well as)\s+"
                          r"(?:also\s+)?(?:to\s+[a-z]+|(?!(?:had|has|have|was|were|is|are|saw|did|does|got|made|ran|met)\b)[a-z]+(?<!ed))\s+"
                          r"(?:(?:at least|around|about|some|over|more than|a further)\s+)?$", re.I)
# the words that set one figure against another: the rules below share them
_AGAINST = r"(?:against|versus|vs\.?|compared (?:with|to))"
# "The 2025/26 offer plans for 180 courses", "the planned 24 sessions": what is planned is not done
# (a child protection, care or safety plan "for 56 children" is a plan of the KPI's own)
_PLANNED_BEFORE = re.compile(r"(?<!\bprotection )(?<!\bcare )(?<!\bCP )(?<!\bCPP )(?<!\bsafety )(?<!\bsupport )"
                             r"(?<!\bpathway )\b(?:planned|planning for|plans? for)\s+(?:a total of\s+|some\s+|around\s+|"
                             r"about\s+|up to\s+)?£?$|"
                             # what a programme or a body plans: "The 2026/27 programme plans 160 courses", "we plan 125"
                             r"\b(?:we|it|they|programme|offer|calendar|service|partnership|board|council|team|unit|hub)\s+"
                             r"(?:now\s+|also\s+|currently\s+)?plans?\s+(?:a total of\s+|some\s+|around\s+|about\s+|up to\s+)?£?$",
                             re.I)
# what a budget or a forecast was built on: "The budget was built for 430 children in care", "the MTFS assumes 612"
_BUILT_ON = r"\b(?:budgets?|forecasts?|estimates?|models?|(?-i:MTFS|MTFP)|projections?|business case)\s+"
_ASSUMED_BEFORE = re.compile(_BUILT_ON + r"(?:(?:(?:was|were|is|are|has been|had been)\s+)?(?:(?:originally|initially|only)\s+)?"
                             r"(?:built|based|set|modelled|predicated|costed|planned)\s+(?:for|on|around|at)|"
                             r"(?:(?:had|has)\s+)?(?:assumed|assumes|assuming|allowed for|allows for|provided for|provides for))\s+"
                             r"(?:(?:some|around|about|an assumed|a total of)\s+)?$", re.I)
# what the figure before it was measured against: "58 courses against a plan of 64"
_AGAINST_A_PLAN_OF = re.compile(r"\b" + _AGAINST + r"\s+(?:a|an|the|our|its|their)\s+(?:[\w-]+\s+)?(?:plan|profile|"
                                r"trajectory|planned (?:figure|number|total|level))\s+of\s+(?:around\s+|about\s+|some\s+)?£?$",
                                re.I)
# "Priorities for 2023-24: 150 courses, utilisation of at least 90%": a list of what is planned
# a bound on a figure ("fewer than 300"), whose clause stops at it: an aim before it makes it a target
_BOUND_BEFORE = re.compile(r"\b(?:fewer|less|no more|not more|more|no fewer) than\s*$|\b(?:under|below|at least|at most|"
                           r"a maximum of|a minimum of)\s*$", re.I)
# a condition a bound is set in: "A course runs only with at least 12 delegates booked", "must have a minimum of 8"
_BOUND_CONDITION = re.compile(r"\b(?:only (?:with|if|when|where)|unless|provided|must|needs? to|requires?|required|"
                              r"so long as|as long as)\b", re.I)
# a label of what is planned straight before the figure: "milestone: 75%", "Target - 250"
_PLAN_LABEL_BEFORE = re.compile(r"\b(?:milestones?|targets?|aims?|ambitions?|goals?|pledges?|commitments?|trajector(?:y|ies))"
                                r"\s*(?::|-|\u2013)\s*$", re.I)
# what a label of plans is the object of, when the figure is measured against it: "Performance against the trajectory: 431"
_MEASURED_AGAINST = re.compile(r"\b(?:" + _AGAINST + r"|relative to)\s+(?:the\s+|our\s+|its\s+|this\s+)?$", re.I)
_AGAINST_A_PLAN = re.compile(r"\b(?:" + _AGAINST + r"|relative to)\s+(?:the\s+|our\s+|its\s+|this\s+)?"
                             r"(?:[\w'-]+\s+){0,2}?(?:targets?|trajector(?:y|ies)|plans?|milestones?|ambitions?|goals?|aims?)\b",
                             re.I)
_SET_AT = re.compile(r"\b(?:has been|have been|is|are|was|were|be|been)\s+(?:re-?)?set\s+at\s+(?:(?:around|about|no more than|"
                     r"at least|below|under)\s+)?$", re.I)
# a figure set beside ours, then placed somewhere else: "compared with 455 in Eastvale", "compared with 44 in the
# South Tees partnership's plan" (not "in March", "in Q1")
_COMPARED_BEFORE = re.compile(r"\b(?:" + _AGAINST + r"|than)\s+(?:the\s+|a\s+)?(?:[a-z]+\s+){0,2}?£?$", re.I)
_IN_A_PLACE_AFTER = re.compile(r"^\s*(?:[a-z-]+\s+){0,3}?in\s+(?:the\s+)?(?!(?:" + MONTH_NAME + r"|Spring|Summer|Autumn|Winter|Year|"
                               r"Quarter|Week|Month|Term|Period)\b)(?-i:[A-Z][a-z'’-]+)\b(?!\s+\d)")
# a sentence about savings or proposals: each of its figures is a planned item
_SAVINGS_LEAD = re.compile(r"\W*(?:\d+(?:\.\d+)*\s+)?(?:the\s+|our\s+|these\s+)?(?:proposed\s+|planned\s+|further\s+)?"
                           r"(?:savings|efficiencies|savings proposals|budget proposals|cost reductions)\b", re.I)
# a line of what is promised or looked forward to, whatever its figures say
_PLEDGE = re.compile(r"\b(?:pledges?|commitments?|milestones?|looking ahead|looking forward|the year ahead|the coming year|promises?)\b", re.I)
_AHEAD_LEAD = re.compile(r"\b(?:priorities|ambitions?|aims?|objectives?|targets?|goals?|commitments?|plans?)\s+for\b"
                         r"[^.:;]{0,30}:[^.;]*$", re.I)
# a line led by what is planned or proposed: "Planned for next year: 3,200 training places and 140 sessions"
# (not the plan's own tracking: "Plan tracker: 58% of actions complete", "Plan progress - 31 of 40 actions")
# (a provisional outturn or provisional figures are what happened, before audit: "Provisional outturn: the Council's
# total net expenditure in 2024/25 was £301.7m")
_PLANNED_LINE = re.compile(r"\W*(?:planned|proposed|provisional|plans?)\b(?!\s+(?:actions?|actions completed|tracker|tracking|"
                           r"progress|update|monitoring|status|dashboard|delivery|RAG|summary|review)\b)"
                           r"(?<!provisional)|\W*provisional\b(?!\s+(?:outturns?|out-turns?|figures?|data|results?|"
                           r"accounts|statistics|position|returns?|year[- ]end)\b)", re.I)
# an action of a plan or log, still to be done: "Action 7: deliver 40 courses by March 2025"
_ACTION_ITEM = re.compile(r"\b(?:actions?|objectives?|priority|priorities|next steps?|recommendations?|milestones?)\s*(?:\d+[a-z]?)?"
                          r"\s*(?:\([^)]{0,40}\))?\s*:\s*(?:to\s+)?(?:deliver|achieve|reach|reduce|increase|recruit|train|"
                          r"complete|ensure|provide|offer|run|hold)\b[^.;:]*$", re.I)
_FORECAST = re.compile(r"\b(?:forecasts?|fcsts?|forecasting|forecasted|projected|projecting|projections?|predicted|predicting|predictions?|"
                       # a scenario's figure, what a budget or model is built on, a row of assumed numbers: "Scenario B would
                       # see 270 children on plans", "the draft budget is built on 1,050 looked after children", "CiC (budgeted)"
                       r"scenarios?|(?:budget|plan|model|forecast|estimate)s?\s+(?:is|are|was|were|has been|have been)\s+"
                       r"(?:built|based|predicated|set)\s+on|(?<=\()(?:budgeted|modelled|assumed|planned)(?=\))|"
                       r"(?:model|modelling|forecast|trajectory|analysis|strategy)(?:\s*\([^()]{0,40}\))?\s+(?:projects|predicts)|"
                       # the verb straight before the figure, its subject set off by an aside: "... (central case) projects 5,900"
                       r"(?:projects|predicts)(?=\s+(?:about|around|some|roughly|approximately|nearly|up to|over)?\s*$)|"
                       r"(?:we|they|officers|the service|the council) (?:now )?(?:project|predict|estimate)|if (?:current )?(?:trends|demand) continues?|"
                       r"expect(?:s|ed)? (?:(?:the|our|its|their|all)\s+)?(?:[\w'-]+\s+){0,2}?to|anticipat\w+|indicative|on (?:track|course) (?:for|to)|set to (?:reach|exceed|hit|top)|(?:we|they|partners|officers|members) (?:now )?expect|(?:is|are) expecting|assum(?:es|ed|ing|ptions?)|estimated to|likely to|"
                       r"modelled|modelling|is expected|predicated on|based on (?:an? )?(?:assum\w+|estimates?|forecasts?)|"
                       # a figure under a modal of what is yet to be, in its own clause: "Luton will have
                       # around 300 children on plans by the spring", "We will deliver 150 courses next year"
                       r"(?:will|would|shall|could|might|should)(?: not)?(?! (?:report|say|show|confirm|note|tell|explain|set out|describe|see)\b)"
                       r"(?: \w+){0,4}?(?=\s+\S*$)|"
                       r"(?:will|would) (?:have|reach|be|rise to|fall to|total|exceed|need|stand at))\b", re.I)
# a year's budget is what will be spent: "The directorate's net budget for 2025/26 will be £61.3 million" is the budget
# set, not a forecast (one said of what is to come, "is expected to", is still a forecast)
# (and so are what the partners will pay into it: "Partners will contribute £248,600 in total")
_BUDGET_WILL_BE = re.compile(r"\bbudget\s+(?:for|in)\s+(?:the\s+(?:financial\s+)?year\s+)?(?:20\d\d\s*[/-]\s*\d{2,4})\s+"
                             r"will\s+be\s+(?:(?:about|around|approximately|some)\s+)?$|"
                             r"\b(?:partners|agencies|organisations)\s+will\s+(?:contribute|provide|pay)\s+(?:a\s+total\s+of\s+)?$|"
                             # (or one named partner: "Lancashire Constabulary will contribute £96,000")
                             r"(?-i:\b[A-Z][\w&'-]*)(?:\s+(?:and\s+|of\s+|&\s+)?(?-i:[A-Z][\w&'-]*)){0,6}\s+will\s+"
                             r"(?:contribute|provide|pay)\s+$", re.I)
# a modal's clause running on through a "with" phrase: "The 2026-27 plan will be shorter than this one, with about 20 actions"
_MODAL_WITH = re.compile(r"\b(?:will|would|shall)(?: not)? be\b[^.;:]{0,60}?,?\s+with(?:\s+(?:about|around|some|only|just|"
                         r"up to|fewer than|more than|roughly|approximately))?\s*$", re.I)
# a sum only put forward in a draft, not yet agreed: "the draft budget proposes a net revenue budget of £1.12bn"
# (a cabinet's "proposed net revenue budget" is the budget it recommends, and a fact)
_PROPOSED = re.compile(r"\b(?:proposes|proposing|proposals?|draft)\b", re.I)
# a proposal the sentence says is still to be agreed: "The proposed partnership budget for 2026/27 is £644,000, to be
# agreed by the statutory partners in March"
_PROPOSED_PENDING = re.compile(r"\bproposed\b", re.I)
_PENDING = re.compile(r"\bto be (?:agreed|approved|set|confirmed|ratified|signed off|considered)\b|\bfor (?:agreement|approval|"
                      r"consultation|decision)\b|\bsubject to (?:the\s+|full\s+)?(?:agreement|approval|ratification|consultation|"
                      r"decisions?|vote|resolution)\b|"
                      r"\bnot yet (?:agreed|approved|set)\b", re.I)
_AGREED = re.compile(r"(?<!\bbe )\b(?:agreed|approved|adopted|ratified|endorsed|signed off|confirmed|was set|were set)\b", re.I)
# or the label before the figure says so: "Courses to be delivered: 160", "Places to be offered | 3,400"
_TO_BE_LABEL = re.compile(r"\b(?:still |yet )?to be (?:[a-z]+ed|run|held|delivered|offered|given|made|put on|built)\s*[:|]?\s*£?$",
                          re.I)
# what is yet to be done to the figure's things: "10 courses to be redesigned", "12 sessions still to be run"
_TO_BE_DONE = re.compile(r"\s+(?:[\w'-]+\s+){0,3}?(?:still |yet )?to be (?:re)?(?:[a-z]+ed|run|held|built|done|made|set up|taken|given|written|drawn up|chosen|sent|put on|brought)\b",
                         re.I)
_FORECAST_AFTER = re.compile(r"^[^.;]{0,40}?\b(?:is|are|was|were) (?:forecast|projected|expected|anticipated|"
                             r"estimated|predicted)\b|"
                             # what is yet to happen to them: "1,300 children will become the subject of a plan"
                             r"^[^.;,]{0,40}?\bwill (?:(?:probably|likely|then|each) )?(?:have )?(?:become|enter|start|come into|need|"
                             r"require|rise|fall|reach|grow)\b|"
                             # or only might be: "around 350 children could be subject to a plan by the end of 2025-26"
                             r"^[^.;,]{0,40}?\b(?:could|might|may) (?:well |yet |possibly |then )?(?:be|have|become|enter|"
                             r"need|require|rise|fall|reach|grow)\b|"
                             # what is looked for in the year to come: "around 150 courses running next year"
                             # (not what was put off to it: "12 actions were deferred to next year")
                             r"^[^.;,]{0,40}?(?<!\bto )(?<!\binto )(?<!\buntil )\b(?:next|the coming|the following) "
                             r"(?:year|financial year)\b|"
                             # "against 380 assumed when the budget was set"
                             r"^\s*(?:assumed|budgeted|planned|forecast|projected|expected|estimated|modelled)\b", re.I)

# England, the nation, a region, statistical neighbours, other councils: never the body's own
# an English region, by name
_ENGLISH_REGION = (r"(?:north[- ]west|north[- ]east|south[- ]west|south[- ]east|east midlands|west midlands|east of england|"
                   r"yorkshire and (?:the )?humber)")
_COMPARATOR = re.compile(
    r"\b(?:england(?:'s)?|english|nationally|national(?!\s+(?-i:[A-Z]))|nationwide|across the country|regional(?:ly)?|"
    r"(?<!in the )region(?:'s)?(?! of\b)|"
    r"statistical neighbours?|stat neighbours?|(?-i:SNs?)|comparators?|comparator group|family group|core cities|"
    r"(?:top|bottom|upper|lower|first|second|third|fourth)[- ]quartile|"
    r"benchmark\w*|neighbouring|(?:our |its |their |a )?(?:nearest |closest |near )?neighbou?rs?\b(?! (?:of|to)\b)|"
    r"(?:inner|outer) london|london (?:boroughs|councils|authorities)|"
    r"(?:shire|metropolitan|unitary|county) (?:boroughs|councils|authorities|areas)|"
    r"(?:for|by|in) comparison|by way of comparison|by contrast|in contrast|other (?:[\w-]+ ){0,2}?(?:councils|authorities|local authorities|areas|LAs|boroughs|districts|counties|"
    r"unitaries|cities|shires)|next[- ]door|all (?:councils|"
    r"local authorities|LAs)|UK|peers|median|(?:a|the) mean\b|average (?:[\w-]+ )?(?:budgets?|spend|expenditure)\b|(?:similar|comparable) (?:partnerships|boards|councils|authorities|areas)|"
    # an English region as a place: "Across the North West, the rate ... stood at 101"
    r"(?:across|in|for|throughout|taking) the " + _ENGLISH_REGION + r"(?! \w+ (?:police|ambulance|fire))|"
    # London as the region: "made 2,860 referrals to children's services across London", "pan-London", "London-wide"
    r"(?:across|throughout) (?:the whole of |all of )?London\b|pan-London|London-wide|"
    r"average (?:among|across|for|of) (?:similar|comparable|other|all|our)\b|"
    # "the average partnership delivered 118 courses": a mean of many bodies, no body
    r"(?:the|an?) (?:average|typical|median) (?:[\w-]+ )?(?:partnership|council|authority|local authority|board|LA|LSCP)\b|"
    # a figure of many bodies together: "across the nine partnerships in the region"
    r"across (?:the |all |)(?:[\w-]+ )?(?:partnerships|councils|authorities|local authorities|boards|LSCPs|areas|LAs)\b|"
    # or among them: "Among West Midlands partnerships, course utilisation averaged 84%"
    r"among(?:st)? (?:the |all )?(?:[\w-]+ ){0,2}?(?:partnerships|councils|authorities|local authorities|boards|LSCPs|areas|LAs)\b|"
    # "The North West rate of children looked after was 97", "North West authorities looked after 15,880"
    # (or with the measure's words between: "The North West re-referral rate for 2024/25 was 21.0%")
    # (or in the possessive: "the North West's rate of children in care, 104 per 10,000")
    r"(?:the )?" + _ENGLISH_REGION + r"(?:['’]s)? (?:[\w-]+ ){0,3}?(?:rate|average|figure|total|position|councils|authorities|local authorities|LAs|"
    r"boroughs)s?)\b", re.I)
# (a paid-in sum is compared only with an average: a partner may be "NHS England" or "the regional adoption agency")
_AVERAGE = re.compile(r"\b(?:average|median|mean|typical)\b", re.I)

# a figure the writer holds up to compare with: "Luton's rate, 71 per 10,000, was quoted ... as a point of reference"
_QUOTED_AS_COMPARISON = re.compile(r"^[^.;]{0,60}?\b(?:quoted|cited|used|given|offered|shown|included|taken)\b[^.;]{0,60}?"
                                   r"\b(?:as|for) (?:a |an |the )?(?:point of reference|reference point|benchmark|comparison|"
                                   r"comparator|yardstick)\b", re.I)

# a level of money above or below which something happens
_THRESHOLD_BEFORE = re.compile(
    # (a sum's floor or ceiling: "against the minimum of £18m the Director considers prudent")
    r"(?:\b(?:thresholds?|limits?|de minimis|ceiling|cap|allowance|minimum|maximum)\b[^£\d]{0,30}$"
    r"|(?<!\bis )(?<!\bwas )(?<!\bare )(?<!\bwere )(?<!\bbe )(?<!\bbeen )\b(?:above|below|exceeding|exceeds?|"
    r"not exceed(?:ing)?|in excess of|under)\s+(?:the\s+)?(?:\w+\s+){0,2}$)", re.I)
# a decision's rule: "Key decision: Yes (expenditure of more than £500,000)"
# a sum bounded, of whatever it is: "savings of more than £1m", "partner contributions of more than £50,000 are
# invoiced quarterly", "grants of over £10,000"
_MORE_THAN_SUM = re.compile(r"\b[a-z]+s? (?:of|worth|totalling|valued at) "
                            r"(?:(?:more|less|fewer) than\s*£?|(?:over|under|above|below|in excess of)\s*£)$", re.I)
_THRESHOLD_AFTER = re.compile(r"^\s*(?:or|and) (?:more|above|over|less|below|under|greater|higher)\b", re.I)
# "spend of more than £5,000 on a single item needs the approval of ...": a level that triggers a rule
_RULE_AFTER = re.compile(r"^\s*(?:on (?:a|any|one) single\b|[^.;]{0,30}?\bin (?:any|a) (?:single |one )?(?:day|week|month|quarter|year)\b|per (?:item|transaction|invoice|order)\b|"
                         r"[^.;]{0,50}?\b(?:needs?|requires?|must (?:be|have)|is subject to)\b[^.;]{0,30}?\b(?:approv|authoris|sign|"
                         r"agree|consent))", re.I)
_ABOVE = r"(?:more than|over|above|in excess of|less than|under|below)"
_ABOVE_QUALIFIER = re.compile(_ABOVE + r"\b", re.I)
# "a named nurse in every provider caring for more than 50 looked after children"
_EVERY_BEFORE = re.compile(r"\b(?:every|each|any|all)\b[^.;]{0,50}$", re.I)
_ABOVE_BEFORE = re.compile(r"\b" + _ABOVE + r"\s*$", re.I)
# a set of bodies picked out by a bound: "Local authorities with more than 50 children in care per 10,000 are flagged"
_SET_WITH_ABOVE = re.compile(r"\b(?:authorities|councils|areas|partnerships|boroughs|counties|places|those|teams|schools|"
                             r"services|providers|families|households)\s+(?:with|having|that have|which have|recording|"
                             r"reporting)\s+(?:a\s+(?:rate|number)\s+of\s+)?" + _ABOVE + r"\s*$", re.I)
# "The maximum capacity of the conference venue is 250 delegates", "caseloads are capped at 18"
_LIMIT_BEFORE = re.compile(r"\b(?:maximum|capacity|max\.?|limit(?:ed|s)?|cap(?:ped|s)?|ceiling|threshold|trigger(?: point| level)?)\b[^.;\d]{0,40}?"
                           r"\b(?:is|was|of|at|are|were|to)\s+$|"
                           r"\b(?:maximum|limit|ceiling|threshold|trigger(?: point)?)\s*:\s*$|"
                           # a label naming a bound over its line: "Minimum viable numbers: a course runs with 10 delegates"
                           r"^\W*(?:[\w'-]+\s+){0,2}?(?:minimum|maximum|min\.|max\.)\s+[^.;:\d]{0,30}:[^.;:\d]{0,30}$", re.I)
# a bound written as a sign after its label, on the figure's line: "Children looked after (number) > 480",
# "re-referrals <= 20%", "| ≥ 90% |" (a sign that opens a line is a bullet: "> 1,240 referrals in the year")
_SIGN_BEFORE = re.compile(r"\S\s*(?:[\s|(:])(?:>|<|>=|<=|=>|=<|\u2265|\u2264|\u2a7e|\u2a7d)\s*£?$")
# a limit, not a count: "up to 120", "no more than 450 children on plans"
_UP_TO = re.compile(r"\b(?:(?<!gone )(?<!went )(?<!go )(?<!goes )(?<!come )(?<!came )(?<!crept )(?<!moved )(?<!edged )up to|no more than|not more than|at most|a maximum of|no fewer than|not to exceed)\s+(?:\w+\s+)?$|"
                    # room, not a count: "there are beds for 12 children in care"
                    r"\b(?:beds?|places?|room|spaces?|capacity|vacanc(?:y|ies)) for\s+$|"
                    # what a home or a service could take: "the borough's 14 homes can care for 56 children"
                    r"\b(?:can|could|is able to|are able to|registered to|approved to) (?:care for|look after|accommodate|"
                    r"support|take|house|place)\s+$", re.I)

# what a service was set up to take, in a clause after the figure: "the 6,000 the service had been resourced for"
_PROVIDED_FOR = re.compile(r"\s*(?:[\w'-]+\s+){0,3}?(?:that|which|the|our|its)\s+(?:[\w'-]+\s+){0,3}?(?:(?:is|was|are|were|has been|"
                           r"had been|have been)\s+)?(?:resourced|funded|commissioned|staffed|designed|budgeted|built|sized)\s+"
                           r"(?:for|to (?:handle|take|manage|deal with))\b", re.I)

# a bound a rule sets, said with a modal: "no social worker should hold more than 18 children in need cases",
# "courses may take fewer than 12 delegates"
_MODAL_BOUND = re.compile(r"\b(?:should|must|shall|may|can|could|ought to|(?:is|are) (?:expected|allowed|permitted) to)\s+"
                          r"(?:not\s+)?(?:(?!that\b)[a-z]+\s+){0,2}(?:more|fewer|less) than\s*$", re.I)
# "no more than 450": the matcher read "more than 450" as the figure
_NO_BEFORE = re.compile(r"\b(?:no|not)\s*$", re.I)
_MORE_THAN = re.compile(r"(?:more|fewer|less) than\b", re.I)

# an amount for one head, one property, one week
# (a word may say which: "£18,950 per primary place", "per additional pupil")
_PER_AFTER = re.compile(r"^\s*(?:(?:per|each)\s+(?:[a-z-]+\s+)?|a\s+|an\s+|every\s+|/\s*)(?:head|child|pupil|resident|person|capita|household|"
                        r"property|dwelling|young person|family|learner|delegate|place|placement|bed|week|fortnight|month|day|"
                        r"night|hour|session|case|worker)\b", re.I)
# or shared over all of them: "the equivalent of £1,152 for each of the county's 131,800 children"
_EACH_OF_AFTER = re.compile(r"^\s*(?:for|to)\s+(?:each|every)\s+(?:one\s+)?of\s+(?:the|its|our|their)\s+(?:[\w'’-]+['’]s\s+)?"
                            r"(?:[\d,.]+\s+)?(?:[a-z-]+\s+)?(?:children|pupils|residents|people|households|families|young people|"
                            r"learners|properties|dwellings)\b", re.I)
# the second term of a ratio: "1 IRO to 70 children", "one social worker for every 18 children"
_RATIO_BEFORE = re.compile(r"(?:(?<!\bby )(?<!\bfrom )\b(?:1|one|each)\s+(?:[A-Za-z][\w'’-]*\s+){1,3}?(?:to|for|per|for every)|\bfor every|"
                           r"(?<![\d.,])(?<!under )(?<!aged )\b1:$)\s*$", re.I)
# the first term of a proportion: "three courses in every four were online", "one child out of every five"
_IN_EVERY_AFTER = re.compile(r"^\s*(?:[A-Za-z][\w'’-]*\s+){0,3}?(?:in|out of)\s+(?:every|each)\s+(?:\d+|two|three|four|five|six|"
                             r"seven|eight|nine|ten|hundred)\b", re.I)
_PER_BEFORE = re.compile(r"\bper (?:head|child|pupil|resident|person|capita|household|property|dwelling|young person|"
                         r"family)\b"
                         r"|\bband [a-h]\b|\b(?:weekly|daily|hourly|unit|average|mean)\s+(?:[\w-]+\s+)?"
                         r"(?:costs?|fees?|prices?|charges?|salary|salaries|wages?|allowances?)\b"
                         r"|\beach (?:partner|agency|child|pupil|school|household|course|session|event|team|worker|"
                         r"social worker|practitioner|officer|panel|meeting)\b", re.I)
# a count for one worker, one child, one week, said after the figure's noun: "18 children in need
# per social worker", "3.2 visits per child"
_PER_UNIT_AFTER = re.compile(r"^\s*(?:[a-z'-]+\s+){1,4}?per\s+(?:head|child|pupil|resident|person|capita|household|family|"
                             r"(?:qualified\s+|allocated\s+)?(?:social\s+)?worker|practitioner|caseworker|officer|"
                             r"team|school|place|week|month|day|"
                             # any other one thing the count is shared over: "46 practitioners per event", "per
                             # session", "per panel" (not a year, a per cent or a population: "per 10,000")
                             r"(?!(?:cent|centum|annum|year|financial|calendar|academic|quarter|the|a|an)\b)[a-z]+)\b", re.I)
# a label that opens by naming a target ("Stretch target agreed with ...:"), not one that measures
# against it ("Performance against target:")
_TARGET_LEAD = re.compile(r"\W*(?:(?:stretch|our|the|agreed|revised|annual|local|new|key|improvement|"
                          r"plan|partnership)\s+)*(?:targets?|ambitions?|aims?|goals?|trajector(?:y|ies))\b", re.I)
# a label opening by naming a forecast, an assumption or an indicative figure
_FORECAST_LEAD = re.compile(r"\W*(?:[\w'-]+\s+){0,2}?(?:forecasts?|projections?|projected|predicted|expected|anticipated|assumptions?|assumed|indicative|"
                            r"estimates?|estimated|modelled)\b", re.I)
_SET_AGAINST = re.compile(r"\b(?:" + _AGAINST + r"|than)\b", re.I)
# the label before a colon, back to a cell's bar or a sentence's end: "... | Target contributions from partners: £540,000"
_CELL_LABEL = re.compile(r"(?:^|\|\s*|[.;]\s+)([^|.;:]{1,70}):\s*£?$")
# the label just before a figure and its colon: "similar authorities: 45.8"
_LABEL_COLON = re.compile(r"([^.;:\u2013(]{1,40}):\s*$")
# a label before a colon whose items, up to the sentence's end, it names
_LIST_LABEL = re.compile(r"(?:^|[.]\s)([^.:]{1,60}):(?:[^:.]|\.(?=\d))*$")  # (a decimal point ends nothing)
# a rule's condition, not a count: "red if more than 450 children are subject to a plan"
_IF_ABOVE = re.compile(r"\b(?:if|when|where|whenever|once|unless)\s+(?:[\w'-]+\s+){0,5}?(?:" + _ABOVE +
                       r"|fewer than|exceeding|at least)\s*$"
                       # "23 courses ran with fewer than ten people": the ten is the rule's
                       r"|\bwith\s+(?:fewer|less)\s+than\s*$", re.I)
# a verb that shares its subject with the clause before: "The ICB commissions around 1,900 packages
# and spent £38.2m on them"
_AND_VERB = re.compile(r"\band\s+(?:also\s+)?(?:spent|spends|received|receives|holds|held|manages|managed|allocated|"
                       r"invested|paid|has a budget of|had a budget of|an?(?: annual| total| [\w-]+)? budget of)\s+(?:(?:around|about|approximately|some|over|"
                       r"nearly|almost|a total of)\s+)?£?$", re.I)
# a clause with no subject of its own, which the sentence's opening noun phrase governs:
# "The NHS trust's team ran 96 sessions in 2023/24, reaching 2,140 staff"
_PARTICIPLE = re.compile(r"^\s*(?:[a-z]+ing|with)\s+(?:a total of\s+|some\s+|around\s+|about\s+|over\s+|"
                         r"more than\s+|almost\s+|nearly\s+)?$", re.I)
# "Each of the 28 social workers holds around 17 children", "the four teams each hold 90 cases": per unit
_EACH_HOLDS = re.compile(r"\beach\b[^.;]{0,40}?\b(?:holds?|carr(?:y|ies)|manages?|has|have|works? with|supports?|"
                         r"is allocated|are allocated)\s+(?:(?:around|about|approximately|an average of|some|up to|over|"
                         r"nearly|almost|roughly)\s+)?$", re.I)
# a body that is an average of many as the figure's subject or owner: "the average partnership delivered", "the
# median council spent", "the average police contribution was" (not the writer's own average: "average utilisation")
_BODIES_OF_A_SET = r"partnerships?|councils?|authorit(?:y|ies)|(?:local )?areas?|boards?|count(?:y|ies)|boroughs?|forces?"
_AVERAGE_BODY = re.compile(r"(?:^|[,;:]\s+|\b(?:and|but|while|whilst|whereas|that)\s+)\W*(?:the|a|an)\s+(?:average|typical|median|mean)\s+"
                           r"(?:[\w-]+\s+){0,2}?(?:" + _BODIES_OF_A_SET + r"|(?-i:LAs?|LSCPs?|SCPs?)|police|ICBs?|members?|"
                           r"respondents?|participants?)\b"
                           r"(?:(?!\b(?:we|our|us)\b)[^.;:]){0,80}$", re.I)
# a sentence that opens on the nation, with or without its comma, and sets no figure of ours against it
_NATION_OPENS = re.compile(r"^\W*(?:(?:for|in|across|throughout)\s+(?:England|the\s+country|England\s+and\s+Wales)"
                           r"(?:\s+as\s+a\s+whole)?|nationally)\b(?:(?!\b(?:we|our|us|ours|compared|against|while|whilst|"
                           r"whereas|but|than|versus|vs|locally)\b)[^;])*$", re.I)
# the first or last of a set of bodies, as the clause's subject: "The largest carried forward £131,000", "the highest
# of the eight councils had 1,240 children in care" (not "the largest share, £200,000, came from the ICB": a part)
_SUPERLATIVE_BODY = re.compile(r"(?:^|[,;:.]\s+|\b(?:and|but|while|whilst|whereas|that)\s+)\W*the\s+"
                               r"(?:largest|smallest|biggest|highest|lowest)(?:\s+(?:of\s+(?:them|these|those|the\s+[\w-]+"
                               r"(?:\s+[\w-]+)?)|(?:[\w-]+\s+)?(?:" + _BODIES_OF_A_SET + r"|ones?)))?(?:,[^,;.]{3,60},)?\s+"
                               r"(?:had|has|have|was|is|were|are|saw|sees|ran|runs|spent|held|(?-i:[a-z]+ed))\b"
                               r"(?:(?!\b(?:we|our|us)\b)[^.;:]){0,80}$", re.I)
_ON_AVERAGE = re.compile(r"\bon average\b", re.I)  # "On average each course had 19 delegates": not a total
# (or set off by commas just before the figure: "the council sent, on average, 26 referrals")
_ON_AVERAGE_ASIDE = re.compile(r"\bon average\s*,\s*$", re.I)
# a mean over the events or places just named: "14 online learning bites, averaging 48 participants each"
_AVERAGING_BEFORE = re.compile(r"\baverag(?:ing|ed)\s+(?:about\s+|around\s+|approximately\s+|some\s+|just over\s+|over\s+)?$", re.I)

# the number counts another noun the KPI's words only describe: "six children in need teams"
_OTHER_HEADS = (r"teams?|councils?|hubs?|posts?|chairs?|panels?|forums?|boards?|units?|homes?|centres?|"
                r"settings?|wards?|localities|services?|partnerships?|priorities|appendices|workstreams?|"
                r"trainers|vacancies|roles|sites|providers|beds|meetings|groups?|pathways?|strategies|"
                r"audits?|reviews|reports|case studies|cohorts?|assessments?|visits|enquiries|investigations")
# it follows the words the match read at once, or after a word or two that are no verb and no preposition
# ("vacant ... posts"; but "42 actions across five priorities" counts actions)
# (nor a determiner or a participle, which open another phrase: "the 4,906 children in need the county council
# was supporting", "the 2,906 delegates attending partnership training")
_OTHER_HEAD = re.compile(rf"(?:\s+(?!(?:were|was|are|is|be|been|have|has|had|who|which|that|with|on|at|to|by|from|"
                         rf"for|subject|of|across|in|into|within|under|over|between|among|against|through|throughout|during|"
                         rf"per|and|or|plus|each|every|than|the|a|an|its|their|our|this|these|those)\b)(?![\w'&-]+(?<!e)ed\b)"
                         rf"(?!(?:attend|access|receiv|complet|undertak|us|join|support|liv|open)ing\b)[\w'&-]+){{0,2}}?\s+"
                         rf"(?:{_OTHER_HEADS})\b", re.I)
# a population counted is children: a number of staff beside it counts the staff
_WORKER_HEAD = re.compile(r"\s+(?:qualified |agency |permanent |locum |full-time )?(?:social |case|key |family support |"
                          r"personal )?(?:workers|staff|practitioners|managers|officers|FTE)\b", re.I)
# a number of families or households beside a count of children counts the families (unless the KPI counts them)
_FAMILY_HEAD = re.compile(r"\s*(?:separate |different |individual )?(?:famil(?:y|ies)|households?|sibling groups?)\b", re.I)
# a match that runs on past a verb has read the clause's object, not the number's noun phrase
_VERB = re.compile(r"\b(?:were|was|are|is|be|been|have|has|had|[a-z]+(?<!e)ed|attend\w*|receiv\w*|took|delivered)\b", re.I)
_EXCEPT = re.compile(r"\b(?:except|excluding|other than|apart from|all but|bar|besides|save)\s+(?:for\s+)?$", re.I)
# a figure with no noun of its own that comes from or is made by the KPI's children counts what
# came from them, the sentence's earlier noun: "212 complaints ... 9 from children subject to a plan"
_FROM_THEM = re.compile(r"\s*(?:(?:came|come|were|was|are|is)\s+)?(?:from|about|on behalf of|made by|raised by)\s+(?:the\s+|our\s+)?"
                        r"(?:[a-z-]+\s+)?(?:children|child|young people|care leavers|families|parents|carers|pupils|babies|"
                        r"teenagers|girls|boys)\b", re.I)

# a count the clause qualifies: it is not the population's size but the part in some state
_CONDITION = re.compile(
    # (referrals about some children only: "612 referrals concerned children who already had an open case")
    r"\bconcern(?:ed|s|ing)\s+(?:a\s+|the\s+)?(?:child|children|young people|families|babies|siblings)\b|"
    r"\b(?:without|no longer|not|n't|never|no (?:up-to-date|up to date|allocated|current|named|recorded|"
    r"permanent|suitable|plan|social worker|completed|specialist|recent|valid|statutory|annual|initial|review|"
    r"assessment|visit)|missing|out of (?:school|education|area|county|borough)|"
    r"awaiting|waiting|waited|overdue|outstanding|delayed|cancell?ed|postponed|withdrawn|backlog|unallocated|"
    # "have permanence plans that have drifted", "whose care plans were out of date"
    r"drift(?:ed|ing)?\b|out[- ]of[- ]date|"
    r"excluded|exclusions?|suspended|suspensions?|unregistered|unregulated|also known to|also open to|"
    r"placed (?:more than|over|outside|out of)|miles from|"
    r"within (?:the (?:required |statutory |agreed |expected )?)?(?:one|two|three|four|five|six|seven|eight|ten|twelve|fifteen|twenty) (?:working )?(?:days|weeks|months)|"
    # what some of them are besides: "nine children in care are themselves parents"
    r"(?:are|were|is|was) (?:themselves |also )?(?:parents|young parents|mothers|fathers|young carers)\b|"
    # (the predicate ends at the next figure: "had a visit within [5 working days]")
    r"(?:had|has|have|were|was|seen|visited|held|completed|reviewed|done|made|became|become)\b[^|.;]{0,40}\bwithin(?=\s*$)|"
    r"missed|(?:were|was|had been) lost\b|"
    r"booked but|sampled|audited|tracked|paused|(?:had|have|has) no|failed to attend|called off|"
    # "have experienced three or more moves", "were pending a screening decision", "left early",
    # "ran under-booked", "were living in temporary accommodation", "had kept the same social worker"
    r"(?:have|has|had) experienced|(?:had|have|has) (?:previously )?been (?:subject to|on)|pending|left early|leaving early|(?:left|leaving) before the end|"
    r"under-?booked|(?:at |run at )?(?:less than|under|below) half (?:capacity|full)|returned late|"
    r"living in (?:temporary|bed and breakfast|B&B|unsuitable|overcrowded)|(?:had )?kept the same|(?:living|lives?|lived) (?:more than|over|outside|out of)|on hold|deferred|under half full|undersubscribed|poorly attended|"
    # where some of them are placed, not what kind of placement: "living in placements outside the county
    # boundary", "placed in homes more than 20 miles away" (not "living in residential homes")
    r"(?:living|lives?|lived|placed|accommodated)\s+in\s+(?:[\w'’-]+\s+){0,2}?(?:placements?|homes?|provision|settings?|accommodation)\s+(?:outside|out of|beyond|more than|over)\b|"
    # some given on terms of their own: "420 training places were offered free of charge to voluntary groups",
    # "19 courses ... were run as evening sessions"
    r"free of charge|at no (?:charge|cost)|(?:run|held|delivered) as (?:evening|weekend|twilight|lunchtime)\b|"
    # a state some are still in: "64 referrals were still open at the screening stage"
    r"(?:were|was|are|is|remain(?:s|ed)?) still open\b|"
    # "were known to the youth justice service", "subject to the pre-proceedings process", "in custody",
    # "on the edge of care"
    r"known to (?:the )?(?:youth (?:justice|offending)|(?-i:YJS|YOS)|police|(?-i:CAMHS)|probation|courts?|substance|drug)|"
    # the children another service worked with: "58 children in care were supported by the YJS"
    r"(?:supported|worked with|seen|supervised|assessed) by (?:the )?(?:youth (?:justice|offending)|(?-i:YJS|YOS)|(?-i:CAMHS)|probation)|"
    r"pre-proceedings|public law outline|(?-i:PLO)|in custody|on the edge of care|"
    # another service's caseload: "had 164 looked after children on its caseload"
    r"on (?:its|their|(?:the|that) [\w-]+['’]s) caseloads?|"
    r"(?:will|to) (?:carry|roll|be carried|be rolled) (?:forward|over)|carried (?:forward|over) (?:to|into)|(?:also )?open to (?:the )?(?:youth (?:justice|offending)|YJS|YOS|CAMHS|"
    r"probation|substance|drug|mental health)|for (?:more|longer|less|fewer) than|"
    # "had three or more social workers", "had moved placement twice or more"
    r"had (?:(?:two|three|four|five|\d+) or more|more than (?:one|two|three|\d+))|"
    # "had moved placement three or more times"
    r"(?:two|three|four|five|\d+) or more times\b|"
    r"for (?:two|2|three|3) years or (?:more|longer)|ran with (?:fewer|less|more) than|"
    # "the 187 children who had been looked after continuously for 12 months or more"
    r"continuously|for (?:\d+|twelve|six|eighteen) (?:months|years|weeks) or (?:more|longer)|"
    # "had their review held outside statutory timescales"
    r"(?:outside|out of|beyond|within) (?:(?:their|its|the)\s+)?(?:statutory |agreed |original |target )?timescales?|"
    r"had their \w+ (?:held|completed|done|carried out)|"
    # "were on reduced timetables", "had pathway plans that were out of date"
    r"(?:reduced|part-time) timetables?|out of date|out-of-date|not up to date|"
    # sessions in some state: "14 courses were pulled", "were oversubscribed", "had to switch to virtual delivery"
    r"pulled|over-?subscribed|fully booked|rescheduled|re-arranged|rearranged|"
    r"had to (?:switch|move|transfer|be moved|be switched|change|go|run)|"
    # "were seen on their own at their last visit"
    r"seen (?:on (?:their|his|her) own|alone)|"
    # absent, or in a home judged unfit: "were persistently absent from school", "living in accommodation that
    # inspectors judged unsuitable"
    r"(?:persistently |severely )?absent|unsuitable|unsafe)\b",
    re.I)
# the children a stock's noun names, narrowed by a clause of who they are: "41 children in need who are at risk
# of care", "17 looked after children whose health assessments were late" (the KPI's own words are matched before it)
# (not a breakdown that clause opens: "There are 1789 Children in Care who are aged: ...")
# or by what they have: "41 children in care with a disability" (not the KPI's own plan: "children with a CP plan")
_WITH_AFTER = re.compile(r"\s*\b(?:with|without)\s+(?:a|an|no|any)\s+(?!(?:current\s+)?(?:child protection|CP|CPP|protection|"
                         r"child in need|children in need|CIN)\b)[\w-]", re.I)
# a relative clause whose object the counted are, its subject a pronoun or a short noun phrase, then its
# verb: "the 12 children in care it had identified", "41 children in need the team worked with" (not what
# makes them the KPI's: "children we care for", "children we look after")
_WHOM_AFTER = re.compile(r"\s+(?:that\s+|whom\s+)?(?:it|they|we|the\s+(?:team|service|panel|school|unit|project|partnership))\s+"
                         r"(?:had\s+|has\s+|have\s+)?(?!(?:look|care|cared|looks|looked|cares|support|supported|supports)\b)"
                         r"(?:[a-z]+ed|knew|saw|met|took|found|worked\s+with|spoke\s+to)\b", re.I)
# those of them who answered a survey, whatever they count: "the 310 delegates who replied", "who completed the
# evaluation form"
_RESPONDENTS_AFTER = re.compile(r"\s*(?:who|that)\s+(?:(?:also|later)\s+)?(?:replied|responded|answered\b|(?:returned|completed|"
                                r"filled in|took part in)\s+(?:(?:the|a|an|our|their)\s+)?(?:[\w-]+\s+){0,2}?(?:survey|evaluation|"
                                r"questionnaire|feedback|form|poll)s?\b)", re.I)
_WHO_AFTER = re.compile(r"\s*(?:who|whose)\b(?![^.;:]{0,30}:)(?!\s+(?:are|were|is)\s+(?:aged|broken down|split)\b)", re.I)
# or in a label before the figure: "the number of children in care who are teenagers rose to 310" (not the
# stock's own words: "children who were looked after numbered 512")
_WHO_IN_LABEL = re.compile(r"\b(?:who|whose)\b(?!\s+(?:are|were|is|was)\s+(?:looked after|subject|the subject|on|in care|"
                           r"in need|being looked after|cared for)\b)", re.I)
# what happened to some of a stock's children, the verb straight after the KPI's words: "41 children in care
# received a suspension", "11 children on plans had not been seen" (being, becoming, staying or living where
# they are is the stock itself or its part)
# (the council's own words may come between: "121 children looked after by the city council have an EHC plan")
_BY_US = r"(?:\s+by\s+(?:the|our|this)\s+(?:[\w-]+\s+)?(?:council|authority)|\s+by\s+us)?"
_EVENT_AFTER = re.compile(_BY_US + r"\s+(?!(?:lived|stayed|remained|entered|left|ceased|started|numbered|totalled|totaled|"
                          r"stood|rose|fell|increased|decreased|dropped|grew|reached|accounted|represented|included|"
                          r"comprised|placed|aged|looked|cared|supported|recorded|reported|counted|allocated|"
                          r"registered|known|open|listed|identified|shown|compared)\b)(?:had|received|experienced|went|saw|took|"
                          r"(?:became|become)\s+(?!(?:subject|the subject|looked|a child|children)\b)\w+|"
                          r"attended|missed|achieved|waited|[a-z]{3,}ed|"
                          # what some of them do or are given: "now come to the youth club", "were given a laptop",
                          # "were the subject of care proceedings" (not their own plan: "were given a CP plan")
                          r"(?:(?:now|regularly|also|still|often)\s+)?(?:(?:come|comes|go|goes)\s+to|attend|attends|"
                          r"use|uses|join|joins|take part|belong to)|"
                          r"(?:were|was|are|is|have been|had been)\s+(?:given|offered|provided with|issued with|lent|loaned|awarded)"
                          r"\s+(?!(?:a|an|their)\s+(?:child protection|CP|protection|care|plan)\b)|"
                          r"(?:were|was|are|is)\s+(?:the\s+)?subject\s+(?:of|to)\s+(?:care\s+|court\s+|legal\s+)?proceedings|"
                          # what some of them have: "have an EHC plan", "has a disability" (not "have risen")
                          r"(?:have|has)\s+(?:a|an|no|their|one|two|some|special|additional)\s)\b", re.I)
# or the state some of them are in, said after "were" or "are": "41 children in care were arrested", "are
# electively home educated", "were identified as at risk of exploitation" (not the stock's own words, its
# parts' words or how it was counted: "were looked after", "were living with foster carers", "were aged 16")
_STATE_AFTER = re.compile(_BY_US + r"\s+(?:were|are|was|is|have been|had been|has been)\s+(?:(?:now|still|currently|also)\s+)?"
                          r"(?!(?:looked|subject|the|a|an|on|in|at|with|recorded|counted|reported|open|known|allocated|"
                          r"living|lived|accommodated|placed|aged|age|male|female|boys|girls|white|black|asian|mixed|of|"
                          r"from|under|over|disabled|unaccompanied|cared|supported|being|resident|new|newly|all|both|"
                          r"either|more|fewer|less|up|down|made|taken\s+into|received|referred|seen|there|here|then|"
                          r"children|young|care|looked-after|british|born|male|female|registered|listed|included|"
                          r"counted|shown|given|identified as (?:a |being )?(?:child|children) (?:in need|looked)|"
                          r"previously|already|first)\b)"
                          r"(?:[a-z]+ly\s+)?(?:[a-z]{4,}ed|taken|driven|brought|sent|kept|identified|missing|excluded|suspended|"
                          r"arrested|detained|remanded|charged|convicted|pregnant|parents|homeless)\b", re.I)
# the state the figure's own verb gives it, not a population: "4 are rated red", "3 were off track"
_STATUS_AFTER = re.compile(r"^\s*(?:[\w-]+\s+)?(?:are|were|is|was|have been|had been|being)\s+(?:(?:now|currently|still)\s+)?"
                           r"(?:(?:rated|flagged|marked|reported|RAG[- ]rated)\s+(?:as\s+)?(?:red|amber|green)\b|"
                           r"off[- ]track\b|behind (?:schedule|plan)\b)", re.I)
# children counted in two states at once, the figure's own verb leading to "both ... and": "Sixteen children in
# Kingston were both in care and subject to a child protection plan"
_BOTH_STATES = re.compile(r"[^.;:]{0,60}?\b(?:were|are|was|is|had been|have been)\s+(?:also\s+)?both\s+[^.;:]{2,60}?\s+and\s+", re.I)
# what a label leaves out is no condition of its count: "looked after children not including UASC was 1,210"
_NOT_COUNTING = re.compile(r"\b(?:not including|not counting|excluding)\b", re.I)
# the children something was done for or found in: "an assessment had been completed for 58 children on
# plans", "domestic abuse was recorded as a factor for 301 children" (not "plans were in place for 412")
_DONE_FOR = re.compile(r"\b(?:completed|done|carried out|undertaken|held|offered|arranged|recorded|identified|written|"
                       r"updated|reviewed|a factor|a concern|a feature)\b[^.;,]{0,30}?\bfor\s+(?:(?:some|around|about|"
                       r"almost|nearly|over|a further)\s+)?$|"
                       # what some of them did themselves: "the survey had been completed by 118 children in care"
                       r"\b(?:survey|questionnaire|consultation|poll|feedback form)s?\b[^.;]{0,60}?\b(?:completed|"
                       r"answered|returned|filled in|done|taken)\s+by\s+(?:(?:some|around|about|almost|nearly|over)\s+)?$",
                       re.I)
# the children an event or a change touches, a part of the stock that no figure of it says: "affecting 29 children
# in care", "complaints involving 14 children on plans", "the new rule applies to 60 care leavers"
_AFFECTING = re.compile(r"\b(?:affect(?:ing|ed|s)?|involv(?:ing|ed|es)|concern(?:ing|ed|s)|relat(?:ing|ed|es) to|"
                        r"impact(?:ing|ed|s)? (?:on|upon)|appl(?:ying|ied|ies|y) to)\s+(?:(?:a total of|some|around|about|"
                        r"over|nearly|almost|up to|at least|more than|only|just)\s+)?$", re.I)
# "For 32 children in need, the plan lacked ...": the count is those the main clause finds wanting
_FOR_OPENING = re.compile(r"(?:^|[.;:]\s+)\W*for\s+(?:(?:some|around|about|almost|nearly|over)\s+)?$", re.I)
_DEFICIENT = re.compile(r"\b(?:lack(?:ed|s|ing)?|poor|weak|inadequate|insufficient|unclear|late|overdue|"
                        # done outside the time allowed: "the assessment was completed outside 45 working days"
                        r"(?:outside|beyond|after) (?:the )?(?:\d+|[a-z]+) (?:working )?(?:days|weeks|months)|not (?:clear|seen|visited|"
                        r"reviewed|updated|recorded)|did not|had not|was not|were not|no evidence|too slow|drift|delay)\b", re.I)
# what an audit or a sample is called ("a dip sample of", "a case audit of"); a review's, a backlog's or
# a waiting list's count is qualified too
_AUDIT = r"(?:(?:dip[- ])?sample|(?:case |file |practice |thematic |multi-agency )?audits?)"
_SAMPLED = rf"(?:{_AUDIT}|review|backlog|waiting list|records|case files|files)"
_CONDITION_BEFORE = re.compile(rf"(?:\b(?:inspectors?|auditors?|reviewers?|assurers?|observers?|{_AUDIT}) (?:found|sampled|saw|reviewed|audited|looked at|observed|"
                               rf"tracked|considered|identified|examined|met|covered|checked)|\b{_SAMPLED} of)\s+(?:\w+\s+)?$|^\s*in\s+$|\ba further\s+$|"
                               # whoever audits or samples them: "The Head of Service is auditing 40 plans started since April"
                               rf"\b(?:auditing|audited|dip[- ]sampl(?:ing|ed)|sampling|sampled)\s+(?:(?:a|an|the)\s+)?(?:sample\s+of\s+)?$|"
                               # "feedback forms returned late for 3 sessions"
                               rf"\b(?:late|missing|outstanding|overdue|incomplete|out of date|out-of-date|not up to date|"
                               rf"not in place)\s+(?:for|from|on)\s+$|"
                               # a factor in some of them: "Domestic abuse was identified as a factor at assessment in 1,388"
                               rf"\ba (?:contributory |contributing |key |significant |risk )?factor\b[^.;]{{0,40}}\bin\s+$", re.I)

# the figure's things as rated or as affected, which narrows them: "418 delegates rating their course good",
# "58 children in care are known to be affected by criminal exploitation"
_RATED_AFTER = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?(?:who\s+)?(?:(?:rating|rated|scoring|scored|grading|graded|judging|judged)\s+"
                          r"(?:the\s+|their\s+|its\s+|it\s+|them\s+)|"
                          # those who answered its survey: "1,046 delegates returned an evaluation form", "212 completed
                          # the three-month follow-up"
                          r"(?:returned|completed|submitted|filled in|responded to|answered)\s+(?:an?\s+|the\s+|their\s+)?"
                          r"(?:[\w-]+\s+){0,2}?(?:evaluations?|surveys?|follow-ups?|feedback|questionnaires?)\b)", re.I)
_AFFECTED_AFTER = re.compile(r"\s+(?:were|are|was|is|had been|have been)\s+(?:(?:known|thought|believed|likely)\s+to\s+be\s+|"
                             r"being\s+)?(?:affected|involved|at risk)\b", re.I)
# what the writer or an inspector read of them: "26 referrals we read", "the 30 plans inspectors looked at"
_READ_BY = re.compile(r"^\s*(?:[\w-]+\s+){0,3}?(?:that |which )?(?:we|they|inspectors|auditors|reviewers|the (?:panel|auditors?|"
                      r"inspectors|review team|reviewers))\s+(?:then\s+|had\s+|have\s+)?(?:read|reviewed|sampled|audited|looked at|"
                      r"examined|tracked|tested|dip-sampled|scrutinised)\b", re.I)
# a sentence that opens on an event of "their" own: the figures count a cohort named before ("At the start of
# their order 26 children were subject to a plan", "When they entered care, 14 were on a plan")
_THEIR_OPENER = re.compile(r"^\W*(?:at|by|on|during|before|after|within|when|by the time)\s+(?:the\s+(?:start|end|time|point|"
                           r"beginning|date)\s+of\s+)?(?:their|they)\b", re.I)
# the whole of a finding: "In 22 of the 26 referrals (85%) the child was seen", "in 18 of 25 plans the child's voice
# was clear": the cases a review read, each judged, not the year's count
_FINDINGS_IN = re.compile(r"(?:^|[\s(,;:])(?-i:[Ii])n\s+(?:" + _N + r"|all but \w+)\s+(?:out\s+)?of\s+(?:the\s+)?$", re.I)
# "a further 64 joining online": more of the same measure, a part when the matcher named it
_FURTHER_BEFORE = re.compile(r"\ba further\s+£?$", re.I)

# a bare year after the name of a report or a month: a date, not a count
_YEAR = re.compile(r"(?:19[89]\d|20[0-4]\d)")
# a year after a word of time ("to 2028", "by 2026", "since 2019"), unless a verb moved a count to it
_YEAR_AFTER = re.compile(r"\b(?:to|by|until|till|from|since|before|after|during|in|through|beyond)\s+$|"
                         r"\b(?:summer|spring|autumn|winter|end|start|beginning|middle|close|course) of\s+$|"
                         r"\bbetween\s+(?:19|20)\d\d\s+and\s+$", re.I)
# referrals made to another team than children's social care's front door
_REFERRED_ELSEWHERE = re.compile(r"[^.;]{0,60}?\b(?:were|was)\s+(?:made|sent|passed)\s+to\s+(?:the\s+|a\s+|an\s+)?"
                                 r"(?!(?:children's\s+)?social care|MASH|multi-agency safeguarding|front door|children's services|"
                                 r"early help)(?:[\w'-]+\s+){0,3}(?:team|service|panel|unit|officer|hub|drop-in|clinic|"
                                 r"programme|project|scheme|helpline|nurses?|nursing|practice|charity|provider|CAMHS)\b", re.I)
# referrals that came from children's social care went elsewhere (to housing, to a provider): the front door's are
# made to it ("referrals from children's social care numbered 41", "received 57 referrals from children's services")
_FROM_OUR_FRONT_DOOR = re.compile(r"\s*\breferrals?\s+(?:received\s+)?from\s+(?:the\s+)?(?:children's\s+social\s+care|"
                                  r"(?-i:CSC|MASH)|children's\s+services|front\s+door)\b", re.I)
# referrals the writer, its service or its officers made, the verb active before the count: sent out, not the
# front door's ("The service made 23 referrals to children's social care", "In 2024 licensing officers made 7
# referrals to the MASH"); a partner's ("Schools made 1,146 referrals") is a source's part, named in subject
_MADE_BY_US = re.compile(r"^\W*(?:(?:in|during|over|by)\s+[^,;.]{1,30}?,?\s+)?(?:we|the\s+service|(?:our|the|its)\s+"
                         r"(?:[\w-]+\s+){0,2}?(?:officers|staff|teams?|service)|(?:[\w-]+\s+){0,2}?(?:officers|practitioners))\s+"
                         r"(?:also\s+|then\s+)?(?:made|make|makes|submitted|raised)\s+(?:a total of\s+|some\s+|about\s+|"
                         r"around\s+|over\s+|nearly\s+|almost\s+)?$", re.I)
# referrals another service took: "The domestic abuse service for children (Safe Steps) took 430 referrals",
# "Youth Justice Service: 212 referrals received" (not children's social care's, its front door's or ours)
_SERVICE_TOOK = re.compile(r"^\W*(?:(?:the|our|a|an|its|their)\s+)?(?P<svc>(?:[\w'’&-]+\s+){0,8}?(?:service|team|hub|unit|"
                           r"clinic|programme|project|helpline|pathway|partnership))\b(?:\s+(?:for|in|of|at)\s+[^.;()]{1,50}?)?"
                           r"(?:\s*\([^()]{1,80}\))?"
                           r"(?:\s+(?:has|have|had|also|then|alone))*\s+(?:received|receives|took|takes|accepted|accepts|"
                           r"handled|handles|dealt with|deals with|processed|processes|had|has|logged|logs)\s+"
                           # (or as the verb's second object: "received 2,960 requests for support and 1,411 referrals")
                           r"(?:\d[\d,]*\s+(?:[\w'’-]+\s+){1,6}?(?:and|as well as)\s+)?"
                           r"(?:(?:some|around|about|over|nearly|almost|a total of|more than)\s+)?$"
                           r"|^\W*(?P<head>(?:[\w'’&-]+\s+){0,5}?(?:service|team|hub|unit|clinic|programme|project|helpline))\s*:\s*$",
                           re.I)
_OWN_FRONT_DOOR = re.compile(r"\b(?:social care|social work|(?-i:CSC|MASH|MACH|SPA)|front door|children's services|multi-agency|"
                             r"safeguarding hub|referral and assessment|assessment|duty|first response|contact|single point|"
                             r"children's (?:advice|help|services))\b", re.I)
# referrals that led somewhere, a part of them: "3,640 referrals progressed to a Child and Family Assessment"
_LED_TO_AFTER = re.compile(r"\s+(?:(?:had|have|has|then|subsequently)\s+)?(?:progressed|proceeded|led|resulted|went on|moved on|"
                           r"converted|stepped (?:up|down)|escalated|were (?:progressed|converted|escalated|stepped up|stepped down))"
                           r"\s+(?:in)?to\b"
                           # or ended in no action: "214 referrals ended with no further action"
                           r"|\s+(?:were\s+|had\s+been\s+)?(?:ended|closed|concluded|finished|resulted)\s+(?:with|as|at|in)\s+"
                           r"(?:no further action|(?-i:NFA))\b", re.I)
# the KPI's own words as a verb of someone's: "over 26 years Pat and Derek have looked after 63 children"
# (or a carer's, a home's or a provider's now: "186 approved fostering households caring for 241 children")
_CARED_FOR_BY = re.compile(r"(?:\b(?:have|has|had|having)\s+(?:(?:now|also|between them|together|already)\s+)?"
                           r"(?:looked after|cared for|fostered)|"
                           r"\b(?:households?|carers?|families|homes?|agenc(?:y|ies)|providers?|units?)\s+(?:(?:currently|now|then|"
                           r"together|between them|were|are|was|is)\s+){0,2}(?:(?:who|which|that)\s+(?:care|cared|look|looked)\s+(?:for|after)|"
                           r"caring for|looking after))\s+(?:(?:some|around|about|over|more than|nearly|almost)\s+)?$", re.I)
# "an extra 82 referrals" beside a comparison: the difference, not the count
_EXTRA_BEFORE = re.compile(r"\ban?\s+(?:extra|additional)\s+$", re.I)
_COMPARED_WORDS = re.compile(r"\b(?:higher|lower|more|fewer|less|than|increase[sd]?|decrease[sd]?|rise|rose|fell|up on|down on|"
                             r"compared|previous)\b|\b(?:up|down)\s+(?:by\s+)?[\d.,]+\s?(?:%|per\s?cent\b)", re.I)
# the whole after "N of" is not the part done
_DONE_KPIS = frozenset({"plan_actions_completed"})
_WHOLE_OF_N = re.compile(r"\b\d[\d,]*\s+(?:out\s+)?of\s+(?:the\s+|its\s+|our\s+|their\s+)?$", re.I)
# the whole a part or a share is of, its noun straight after it: "61 of the 520 children in care had not had a health
# assessment", "81% of the 37 actions in the plan": what follows is said of the part, not of the whole
_WHOLE_BEFORE = re.compile(r"(?:(?<![\d.,])\d[\d,]*(?:(?:\.\d+)?\s*(?:%|per\s?cent))?|\bevery\s+one)\s+(?:out\s+)?of\s+"
                           r"(?:the|its|our|their)\s+$", re.I)
# the verb between a whole and the KPI's words said of its part: "17 of the 64 children open to the service were
# in care" (the 17 are in care; the 64 are the service's)
_PREDICATE = re.compile(r"\b(?:were|was|are|is|had been|have been|has been|became|become|remained|remain)\b", re.I)
# those who come to training and conferences are practitioners; pupils, parents or residents reached
# by an assembly, a campaign or a drop-in are another audience
_PRACTITIONER_KPIS = frozenset({"training_delegates", "conference_delegates"})
_PLACES_AFTER = re.compile(r"\s*(?:training\s+)?(?:places|bookings|seats|registrations|sign-ups|applications)\b", re.I)
# (or of the public a council's other services meet: "attended by 58 plot holders", "representatives and tenants")
_NOT_PRACTITIONERS = re.compile(r"\s*(?:[a-z-]+\s+)?(?:[a-z-]+\s+(?:and|or|&)\s+)?(?:pupils|children|young people|teenagers|"
                                r"parents|families|residents|members of the public|people in the community|tenants|"
                                r"leaseholders|plot ?holders|allotment holders|traders|stallholders|businesses|voters|electors|"
                                r"customers|householders|landlords|passengers|spectators|visitors)\b", re.I)
# money going back out to those who paid it in: a share of an underspend returned, a refund
_PAID_OUT = re.compile(r"\b(?:returned|refunded|repaid|reimbursed|paid back|given back|distributed)\s+to\b", re.I)
_EVERY_N = re.compile(r"\b(?:every|each|per)\s+(?:additional\s+|extra\s+)?$", re.I)  # "every 10 children"
# an age after the people it bounds: "infants under one", "children aged five"
# or the end of an age band: "teenagers aged 13 to 17", "aged 10-17"
_AGE_BEFORE = re.compile(r"\b(?:infants?|babies|children|child|young people|people|pupils|teenagers|adolescents)\s+"
                         r"(?:aged\s+)?(?:under|over|aged|below|above)\s+$|\b(?:aged|ages)\s+\d{1,2}\s*(?:to|-|\u2013|and)\s*$", re.I)
_NOUN_AFTER = re.compile(r"^\s*(?:%|per cent)?\s*(?:[a-z]+ )?(?:children|child|young|people|babies|infants|pupils|"
                         r"families|cases|plans|referrals|delegates|courses)\b", re.I)
_MOVED_TO = re.compile(r"\b(?:rose|fell|increased|decreased|grew|dropped|reduced|risen|fallen|climbed|went up|went down)"
                       r"\s+to\s+$", re.I)
_TITLE_BEFORE = re.compile(r"\b(?:report|review|plan|strategy|update|statement|accounts|budget|profile|summary|"
                           r"january|february|march|april|may|june|july|august|september|october|november|december|"
                           r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|Q[1-4])\s+$", re.I)

# a part of the figure before: "of which £31,940 was spent", "of whom 96 were under five"
# some of a set named, not counted: "Twelve of the courses", "14 of our children in care" (not "of the time")
_SOME_OF_THE = re.compile(r"\s+(?:out\s+)?of\s+(?:the|these|those|our|its|their|all(?:\s+the)?)\s+(?![\d,.]+\b)"
                          r"(?!(?:time|year|month|week|quarter|period|day)s?\b)[a-z]", re.I)
# some picked out by a superlative: "the two busiest courses", "the three most popular sessions"
_THE_BEFORE = re.compile(r"\b(?:the|our|its|their)\s+$", re.I)
_SUPERLATIVE_AFTER = re.compile(r"\s+(?:(?:most|least)\s+[a-z]+|(?!(?:interest|request|harvest|protest|contest|honest|modest|"
                                r"manifest|arrest|west)\b)[a-z]{2,}est|best|worst|top)\b")
_N_OF_M = re.compile(r"\s+of\s+(?:the|these|those|our|all)\s+[\d,]+\b", re.I)
# a programme's spend, set against the programme: capital or project money, not the body's own budget
_SHARE_OF_PROGRAMME = re.compile(r"\s*\(\s*\d+(?:\.\d+)?\s*(?:%|per ?cent)\s+of\s+(?:the|its|our)\s+(?:[\w-]+\s+)?programme\b", re.I)
# the KPI's words begin a name: "63 young people contributed through the Children in Care Council"
_NAME_HEAD = re.compile(r"\s+(?:Council|Forum|Panel|Board|Team|Service|Partnership|Hub|Committee|Strategy|Awards?)s?\b")
# "three actions of which have slipped": the part of a whole named before, in inverted order
_OF_WHICH_AFTER = re.compile(r"^\s*(?:[\w'-]+\s+){0,3}?(?:of|among) (?:which|whom)\s+(?:have|has|had|are|were|is|was)\b", re.I)
_PART_OF = re.compile(r"\b(?:of (?:which|whom|these|them|those|this number|this total))\s*(?:,\s*)?(?:\w+\s+)?$"
                      r"|(?:^|[.;:]\s+)\W*(?:of|among|amongst) (?:the|these|those|all|our) [^,;.]{2,80},\s*$", re.I)
# what a part is, as its clause says: "96 were under five", "1,312 were on child in need plans"
_PART_PREDICATE = re.compile(r"\s*(?:(?:children|young people|of them|of these)\s+)?(?:were|are|was|is|had|have|has)\s+"
                             # "118 were on plans for neglect": the part is named by what follows "for"
                             r"(?:(?:on|subject to|with) (?:a |an )?(?:[\w-]+ ){0,2}?plans? (?:for|under the category of) )?"
                             r"(?P<what>(?!(?:not|no|also|still|being|been|the|a|an)\b)[\w'-]+(?: [\w'-]+){0,5}?)"
                             r"\s*(?=$|[,.;:()]|\b(?:and|but|at|in \d|as at|by|during|compared|which|who)\b)", re.I)

# money that is not a body's own budget or spend
_FINANCE_LINE = re.compile(
    r"\b(?:savings?|" + GROWTH_LINE + r"|pressures?|variances?|overspends?|underspends?|over-spend|under-spend|provisions?|"
    r"reserves?|balances?|contingenc(?:y|ies)|surplus|deficit|shortfall|gap|slippage|grants?|receipts?|"
    r"agency (?:staff |staffing |worker )?(?:spend|costs?)|overtime|consultancy|"
    r"fees|charges|interest|investments?|borrowing|debt|precept|council tax|business rates|pay award|inflation|"
    r"income from|(?:and|&|plus) (?:other )?income|(?<!')\b(?!(?:total|overall|annual|its|the|our|their|combined|gross|"
    r"net|in|was|year)\b)[a-z]+ income|"
    r"capital|one-off|allocations?|top-?up|transfers?|funding gap|funding of|efficienc(?:y|ies)|cost of|costs?|spending power|"
    r"settlement)\b", re.I)
# the noun a figure is "of" names it, whatever the clause began with: "The 2024/25 budget includes efficiencies of
# £52.6m", "The budget depends on exceptional financial support of £10.0m" (a line within, or beside, the budget)
_HEAD_LINE_OF = re.compile(r"(?:" + _FINANCE_LINE.pattern + r"|\b(?:financial|government|exceptional|transitional) support|"
                           r"\bloans?|\b(?:additional |extra |one-off )?income (?:from|of)\b[^.;£]{0,60}?)\s+(?:of|totalling|worth|"
                           r"valued at|amounting to)\s+(?:about\s+|around\s+|some\s+|"
                           r"over\s+|up to\s+|nearly\s+|almost\s+)?£?\s*$", re.I)
# a subject named by what it is, then, between commas, as a body of no area: "The CAMHS provider, Westshire
# Partnership NHS Foundation Trust, spent £14.8m", "The local commissioner, NHS Ashby ICB, set a budget of £4.6m"
_ROLE_THEN_BODY = re.compile(r"^\W*(?:the\s+)?[\w' -]{0,40}?,\s+[^,;]{0,60}?\b(?:NHS|(?:Foundation )?Trust|ICB|Integrated "
                             r"Care Board|Constabulary|Police)\b[^,;]{0,20},\s+(?:\w+\s+){0,2}?(?:spent|spends|set|sets|had|"
                             r"has|holds|held|received|receives|agreed|approved|allocated|allocates)\b[^.;]*$")
# another body's money or count: a health commissioner, the police force, schools, a trust, government
_OTHER_BODY = re.compile(
    r"\b(?:ICB|CCG|NHS|integrated care (?:board|system)|clinical commissioning group|police force|constabulary|"
    r"police and crime commissioner|PCC|(?:the )?force's|fire (?:and rescue )?(?:service|authority)|hospital|(?:health|NHS|"
    r"foundation) trust|hospitals|housing (?:partnership|association|trust|provider)s?|trust's|schools'|school's|provider's|providers'|home's|academy's|charity's|notional|"
    r"(?:independent )?fostering agenc(?:y|ies)|agency's|IFAs?|(?:private|independent) (?:[\w-]+ )?providers?|"
    r"academ(?:y|ies)|government|DfE|department for education|"
    r"home office|commissioner's|neighbouring|neighbours(?=')|neighbour's|health commissioner|crime commissioner|combined authority|"
    r"(?-i:[A-Z]{2,4}CA)|mayoral|mayor's|we visited|the force|(?:regional )?adoption agenc(?:y|ies)|(?-i:RAAs?)|diocesan|diocese|"
    r"Ofsted's|the inspectorate|police's|(?:primary|academy|college|high school)'s|"
    r"peer review(?:ed)?|another (?:partnership|council|authority|local authority|board|(?-i:LSCP|SCP))|"
    # "Our sister council in Plymouth had 148 children on plans"
    r"sister (?:council|authority|local authority|borough|county|city|partnership|board)|"
    # a GP practice's own register: "Moorside Medical Practice's register flags 27 children on a plan"
    r"(?:medical|(?-i:GP)|general) practice['’]s|surgery['’]s|"
    # another statutory partnership than the safeguarding children partnership
    r"community safety partnership|(?-i:CSP)|"
    # the force as a whole: "Force-wide, 2,318 officers completed ... training"
    r"force[- ]wide|"
    # a planning applicant, a developer or a contractor: "the applicant's ... total development budget of £96.4m"
    r"(?:applicant|developer|contractor|operator|landlord)['’]s)\b", re.I)
_OF_WHICH = re.compile(r"\bof which\b", re.I)
_BODY_WHICH = re.compile(_OTHER_BODY.pattern + r"[^.;]{0,40}?,?\s+(?:which|that|who)\s+(?:has|had|holds|manages|"
                         r"controls|receives|received|spends|spent|looks after|looked after|runs|ran|trained|trains|"
                         r"delivered|delivers|supported|supports|made|makes|recorded|records|reported|reports)\b[^.;]{0,40}$",
                         re.I)
_WHOSE = re.compile(r"\bwhose\b", re.I)
_SHARE_OF_BUDGET = re.compile(r"\d(?:\.\d+)?\s?(?:%|per cent) of (?:the |its |our )?(?:year['’]s |net |gross |total |revenue |annual )*"
                              r"(?:revenue )?budget\s*(?:\(|,|of|was|is|=)?\s*$", re.I)
# money the police spend or hold is the force's ("Sussex Police spent £2.1m"); its share of a
# partnership's funding is a contribution, and police referrals are still referrals
_POLICE = re.compile(r"\bpolice\b(?! (?:contribution|share|funding))", re.I)
# "contributions and income totalled": the clause stop at "and" must not hide the first noun
_JOINED_INCOME = re.compile(r"\b(?:and|&|plus) (?:other )?income\b", re.I)
# another body the writer greets as a peer: "our friends at the Essex Safeguarding Children Partnership, who trained"
_FRIENDS_AT = re.compile(r"\b(?:friends|counterparts|colleagues|peers|neighbours)\s+(?:at|in|from)\s+(?:the\s+)?(?-i:[A-Z])[\w'’&-]*"
                         r"(?:\s+(?:(?-i:[A-Z])[\w'’&-]*|and|of|for)){0,6}?(?:\s+(?:Partnership|Council|Board|Trust|Service)\b|"
                         # or a place alone, then what they did: "Our colleagues in Surrey shared their data: 1,020"
                         r"(?=\s+(?:shared|shares?|told|tells?|reported|reports?|said|says?|sent|sends?|gave|gives?|provided|"
                         r"provides?|have|had|has|who|ran|runs?|held|holds?|delivered|delivers?|trained|trains?|received|"
                         r"receives?|handled|handles?|spent|spends?|supported|supports?)\b))", re.I)
# a figure for several areas at once is no one area's: "a re-referral rate of 23% across its three councils", "the
# three boroughs it serves", "the whole force area"; and children "from four local authorities" are a provider's
# (people "from eight partnerships" at an event are its organiser's, whoever that is)
_N_AREAS = (r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|a number of|\d+)\s+"
            r"(?:(?-i:[A-Z][\w-]+)\s+){0,2}(?:other\s+|client\s+|member\s+|constituent\s+|partner\s+)?"
            r"(?:local authorities|councils|boroughs|authorities|areas|partnerships|counties|districts|LAs|unitaries|contracts)\b")
# three or more names in a list: "Harbury, Lowfield, Eastvale and Ashby"
_CAPITALISED = r"(?-i:[A-Z])[\w'’&-]*"  # one capitalised word
_CAPITALISED_WORDS = _CAPITALISED + r"(?:\s+" + _CAPITALISED + r")*"
_NAMES_LIST = r"(?:" + _CAPITALISED_WORDS + r",\s+){1,8}" + _CAPITALISED_WORDS + r",?\s+and\s+" + _CAPITALISED
_SEVERAL_AREAS = re.compile(
    r"\b(?:across|for|in|covering|covers|covered|serving|serves|served|spanning|polices|takes in)\s+"
    r"(?:(?:its|their|the|all|both|some)\s+)?(?:other\s+)?" + _N_AREAS +
    r"|\b(?:of|to|by|from)\s+(?:all|both)\s+(?:the\s+|of\s+the\s+)?" + _N_AREAS +
    r"|\b(?:for|across|throughout|covering) the whole of the (?:UK|United Kingdom|country)\b|\bthe whole force area\b"
    # a body's whole area: "across the ICB area", "throughout the force footprint"
    r"|\b(?:across|throughout|for|in) the (?:whole\s+)?(?:ICB|CCG|integrated care (?:board|system)|force|police force|"
    r"constabulary|trust(?:'s)?) (?:area|footprint|patch)\b"
    # the areas together as the subject: "the four local authorities looked after 5,480 children"
    r"|\b(?:the|all|both|its|their)\s+" + _N_AREAS + r"\s+(?:together\s+|between them\s+|combined\s+)?"
    r"(?:looked after|had|have|recorded|made|received|supported|held|reported|saw|ran|trained|cared for|"
    r"(?:were|are) (?:looking after|caring for|supporting|working with))\b"
    # the areas by name, three or more: "on behalf of Harbury, Lowfield, Eastvale and Ashby councils", "screens
    # contacts for the county council, Eastvale and Ashby"
    # (a list of capitals alone may be a portfolio: "for Children, Families and Lifelong Learning")
    r"|\b(?:on behalf of|for|serving|serves|covering|covers|across)\s+(?:the\s+)?(?:" + _NAMES_LIST +
    r"\s+(?:councils|authorities|local authorities|boroughs|districts)\b|(?:county|city|borough) council,\s+"
    r"(?:" + _CAPITALISED + r",\s+){0,8}" + _CAPITALISED + r",?\s+and\s+" + _CAPITALISED + r")", re.I)
# children placed with the writer (a provider, a home) by other councils are theirs, whoever cares for them: "287
# children in care, placed with us by 34 local authorities", "38 children placed here by other councils", "three
# became subject to plans, made by their placing authorities"
_PLACED_BY_OTHERS = re.compile(r"[^.;:]{0,60}?\bplaced\s+(?:with\s+(?:us|them|it|the\s+\w+)\s+|here\s+|in\s+[^.;:,]{1,30}?\s+)?"
                               r"(?:by|from)\s+(?:(?:the|their)\s+)?(?:other\s+|placing\s+)?(?:" + _N_AREAS +
                               r"|(?:local\s+)?authorities\b|councils\b)"
                               # or done by the councils that placed them: "plans, made by their placing authorities"
                               r"|[^.;:]{0,60}?\bby\s+(?:their|the|its)\s+(?:placing|home|responsible)\s+(?:local\s+)?"
                               r"(?:authorit(?:y|ies)|councils?)\b", re.I)
_FROM_SEVERAL_AREAS = re.compile(r"\bfrom\s+(?:(?:the|all|some)\s+)?(?:other\s+)?" + _N_AREAS, re.I)
# the areas by name alone, two or more, each a council the gazetteer knows: "Across Lambeth, Southwark and
# Lewisham, 1,284 children were looked after" (a list of capitals that are not places is no list of areas:
# "for Children, Families and Lifelong Learning")
# (or a body they share: "The emergency duty service, shared by Devon, Plymouth and Torbay, received 2,460 referrals")
_NAMED_AREAS = re.compile(r"\b(?:across|for|in|covering|throughout|serving|shared\s+(?:by|between)|(?:run|funded|commissioned|"
                          r"hosted|used)\s+(?:jointly\s+)?by|jointly\s+by)\s+(?P<list>(?:" + _CAPITALISED_WORDS + r",\s+){0,8}"
                          + _CAPITALISED_WORDS + r",?\s+and\s+" + _CAPITALISED_WORDS + r")", re.I)
_LIST_SEPARATOR = re.compile(r",\s+(?:and\s+)?|\s+and\s+")


def _named_areas(sentence: str) -> Iterator[re.Match]:
    """The lists of areas named one by one in `sentence`: only where every name is a UK council."""
    for m in _NAMED_AREAS.finditer(sentence):
        names = [n.strip() for n in _LIST_SEPARATOR.split(m.group("list")) if n.strip()]
        if len(names) >= 2 and all(gazetteer().lookup(n) is not None for n in names):
            yield m
# what keeps the several areas from the figure: the writer among them ("across our three boroughs"), or a
# comparison ("our budget of £498,000 compares with an average of £610,000 across the seven councils")
# the writer, as it speaks of itself
_WRITER = re.compile(r"\b(?:we|our|ours|us|(?:this|the) (?:partnership|board)|this (?:council|committee|service))\b", re.I)
_SEVERAL_KEPT_APART = re.compile(_WRITER.pattern + r"|\b(?:compar\w*|against|average|than|close to|similar to|in line with)\b",
                                 re.I)
# "children in need of extra help" need something; they are not children in need by status, which is need of a
# service ("formally in need of a specialist children's service", "in need of help and protection")
_IN_NEED_OF = re.compile(r"\bin need\s+of\s+(?!wh|(?:a\s+|an\s+)?(?:specialist\s+|statutory\s+)?(?:children['’]?s\s+)?"
                         r"(?:social care\s+)?(?:services?|help and protection|protection)\b)", re.I)
# money paid to several partnerships or boards is no one partnership's income: "The ICB's contributions to the four
# safeguarding children partnerships came to £412,000"
_TO_SEVERAL = re.compile(r"\b(?:to|between|among|across)\s+(?:the\s+|its\s+|their\s+|all\s+|each of the\s+)?"
                         r"(?:two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+(?:[\w-]+\s+){0,3}?"
                         r"(?:partnerships|boards|councils|local authorities|authorities|LSCPs|SCPs)\b", re.I)
# an amount paid to each of several: "£58,000 to each borough's partnership", "£12,500 for each of the three boards"
_TO_EACH_AFTER = re.compile(r"^\s*(?:a year\s+|per year\s+|annually\s+)?(?:to|for|from)\s+each\b(?!\s+of\s+(?:us|you)\b)", re.I)
# a body the writer visits, reviews or reads is another, and so is what it did: "three Board members visited the
# Calderdale partnership, which delivered 118 courses", "The Vale partnership's business plan, which we read as part
# of a peer challenge, has 56 actions"
_VISITED_WHICH = re.compile(r"\b(?:visited|visiting|a visit to|shadowed|shadowing|peer[- ]reviewed|reviewed)\s+(?:the\s+)?"
                            r"(?-i:[A-Z])[\w'’&-]*(?:\s+(?:(?-i:[A-Z])[\w'’&-]*|partnership|board|council|service|team|hub)){0,4}"
                            r",?\s+(?:which|who)\s+[^.;]{0,120}$", re.I)
_EXAMINED_BY_US = re.compile(r"^\W*(?!(?:our|we|this|the (?:council|partnership|board))\b)(?:the\s+)?(?!the\b)(?-i:[A-Z])[^,;.]{0,60}?,\s*which\s+(?:we|our\s+[\w\s]{0,20}?)\s+"
                             r"(?:read|reviewed|visited|saw|looked at|examined|studied|shadowed|benchmarked)\b[^,;.]{0,60},\s+"
                             r"[^,;.]{0,40}$", re.I)
# the writer's own set apart later in the sentence: "the three statutory partners contributed £520,000 between them;
# our own funding is set out in Section 6", "..., while ours was 47"
_OURS_APART_AFTER = re.compile(r"[^.]*?(?:[;,]|\b(?:while|whilst|whereas|but))\s*(?:and\s+|but\s+|while\s+|whereas\s+)?"
                               r"(?:our own|ours)\b", re.I)
# a team's whole staff is that team's own, trained or not: "refresher training for all 15 staff", "All 46 members of
# staff completed trauma-informed practice training", "2 of the 3 staff had completed the diploma" (multi-agency
# delegates are never "all" of a number; "420 of the 450 delegates" are the delegates)
_WHOLE_TEAM = re.compile(r"\b(?:all|all of the|each of the|every one of the|both)\s+$", re.I)
_STAFF_AFTER = re.compile(r"^\s+(?:(?:[\w-]+\s+){0,2}?(?:members of staff|staff|employees|workers|carers|officers|managers))\b", re.I)
# a comparator's noun phrase, then the figure in apposition after its comma: "the East Midlands rate of children
# subject to plans, 45.2 per 10,000, had been rising"
_APPOSED_TO = re.compile(r"([^.;,:()]{3,120}\b(?:rate|figure|average|total|number|count)\b[^.;,:()]{0,60}),\s*$", re.I)
# a ward's figure is a part of the area no breakdown publishes: "the ward with the most children on plans is Eastfield (47)"
_WARD = re.compile(r"\bwards?\b[^.;]{0,80}$", re.I)
# other partnerships, several of them, as the sentence's subject: "Three partnerships (D, E and J) show a police
# contribution of exactly £118,000" (the writer is one partnership; "the three councils contributed" are its funders)
_PARTNERSHIPS_SUBJECT = re.compile(r"^\W*(?:\d+(?:\.\d+)*\s+)?(?:(?:the|all|both|some|most|many|several|other)\s+)?"
                                   r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|many|\d+)?\s*"
                                   r"(?:other\s+|neighbouring\s+|comparator\s+|similar\s+)?(?:safeguarding\s+)?(?:children\s+)?"
                                   r"(?:partnerships|boards|LSCPs|SCPs)\b", re.I)
# a sentence that says what it is about is not the writer's: "it reports to the Community Safety Partnership, not to
# this board", "run by the community safety partnership, not by this partnership", "is not part of this budget"
_NOT_OURS_SAID = re.compile(r"\bnot\s+(?:\w+\s+)?(?:by|to|for|from|of|part of|funded by|run by|through)\s+(?:this|our)\s+"
                            r"(?:partnership|board|council|committee|service|budget)\b|\bnot (?:ours|our own)\b", re.I)
# a clause after a semicolon goes on about the same subject when a pronoun opens it: "...; it reports to ..."
_SAME_SUBJECT_GOES_ON = re.compile(r"\s*(?:and\s+)?(?:it|they|this|these|which|its|their)\b", re.I)
# a service another council hosts, in apposition to the sentence's subject
_HOSTED = re.compile(r",\s*hosted by [^,;.]{3,60},\s*(?:[\w'-]+\s+){0,2}$", re.I)
# a sentence whose subject is a charity, a voluntary-sector provider or a consortium: what it ran,
# spent or counted is that body's ("Family Lines, the voluntary-sector provider, ran 38 parenting
# courses", "The training consortium, of which we are one of six members, delivered 121 courses")
_BODY_KIND = (r"(?:consorti(?:um|a)|charit(?:y|ies)|"
              # the national children's charities, by name: "The NSPCC ran 22 courses", "Barnardo's ... received 1,130"
              r"(?-i:NSPCC|Barnardo['’]s|Action for Children|Catch22|Home-Start|Family Action|Place2Be|Coram|"
              r"The Children['’]s Society|Kooth|Women['’]s Aid|St Giles Trust)|(?:voluntary|third|community)(?:[- ]and[- ]community)?[- ]sector "
              r"(?:[\w-]+ ){0,2}(?:providers?|organisations?|partners?|groups?|services?|projects?)|community interest company|"
              # a health body's safeguarding professional: "Salford Royal's named doctor delivered 12 briefings"
              r"(?:named|designated) (?:doctors?|nurses?|professionals?)|"
              # an education service training schools' staff: "the Inclusion Team ran 28 ... sessions, attended by 612"
              r"(?-i:EWS)|education welfare (?:service|team)|attendance (?:service|team)|virtual school|inclusion (?:service|team)|"
              # or a service for children with special needs: "The SEND outreach service ran 22 training sessions"
              r"(?:(?-i:SEND|SEN)|special educational needs|educational psychology|speech and language|autism|"
              r"specialist teaching|learning support|behaviour support|portage)(?: [\w-]+)? (?:service|team)|"
              # a police force, a diocese's board: "Thames Valley Police trained 1,420 officers and staff"
              r"police|constabulary|probation(?: service)?|ambulance (?:service|trust)|diocesan board(?: of education)?|(?:regional )?adoption agenc(?:y|ies)|"
              # a company: "Brightwell Safeguarding Ltd runs courses", "Achieving for Children, the company run by ..."
              r"(?-i:Ltd|Limited|plc|LLP)|compan(?:y|ies)|firms?|secure children's homes?|"
              # a violence reduction unit: "Officers from the Violence Reduction Unit held their own summit"
              r"violence reduction (?:unit|partnership)s?|(?-i:VRU)|"
              # a community safety partnership, the district's or the borough's: "the CSP ran 26 courses"
              r"community safety partnerships?|(?-i:CSPs?)|"
              # a trust of schools: "Schools within the Marshfield Learning Trust delivered 38 sessions"
              r"(?:learning|academy|multi-academy|schools?|education|teaching school) trusts?|(?-i:MATs?)|"
              # partners by their sector, as a clause's subject: "health providers reported spend of £3.4m"
              r"(?:health|NHS|police|education|housing|probation) (?:providers|partners|colleagues)|(?-i:GP) practices)")
_BODY_DOES = (r"(?:\s+(?:team|teams|service|unit|staff))?\s+(?:[a-z]+ly\s+)?(?:ran|runs|delivered|delivers|trained|trains|"
              r"provided|provides|held|holds|spent|set|sets|reported|reports|recorded|records|put on|puts on|"
              r"spends|received|receives|supported|supports|worked|works|had|has|reached|reaches|offered|offers|"
              r"says|said|counted|counts|took|takes|handled|handles|helped|helps|looks after|looked after|cares for|"
              r"cared for|gave|gives|hosted|hosts|organised|organises|organized|organizes|"
              r"(?:is|was|are|were) (?:carrying|holding|working with|supporting))\b")
# another body, by its name's kind or by its own kind: the alternation the rules below share
_ANY_BODY = r"(?:" + _OTHER_BODY.pattern + r"|" + _BODY_KIND + r")"
_ANY_BODY_RX = re.compile(r"\b" + _ANY_BODY + r"\b", re.I)
# a body named by its kind, in the possessive: "The probation service's safeguarding budget"
_KIND_POSSESSIVE = re.compile(r"\b" + _BODY_KIND + r"['’]s?\b", re.I)
_BODY_SUBJECT = re.compile(r"^\W*(?:\d+(?:\.\d+)*\s+)?(?:(?:in|during|over|across|for|of|by|at)\s+[^,;.]{1,40},\s+)?"
                           r"(?:[\w'&-]+\s+){0,6}?" + _ANY_BODY + r"\b(?:,[^;.]{0,80}?,)?" + _BODY_DOES, re.I)
# a body named by its kind, then what it has: "the company run by Kingston and Richmond, which had 312 children"
_BODY_KIND_WHICH = re.compile(r"\b" + _BODY_KIND + r"\b[^.;]{0,60}?,?\s+(?:which|that|who)\s+(?:has|had|holds|held|manages|"
                              r"managed|looks? after|looked after|cares? for|cared for|runs|ran|supports|supported)\b[^.;]{0,40}$",
                              re.I)
# a line whose lead opens with another body: "Our police partners' year in numbers 2024: ..."
_BODY_LEAD = re.compile(r"^\W*(?:our\s+|the\s+|their\s+)?(?:(?:[\w'’-]+\s+){0,2}?|(?:(?:(?-i:[A-Z])[\w'’-]*|and|of|&)\s+){0,6}?)" + _ANY_BODY + r"\b",
                        re.I)
# a name of five words at most, then its comma, opening the sentence (or after the date of a meeting line
# run into it: "Walsall Corporate Parenting Board, 11 July 2023 Adoption@Heart, the regional adoption agency ...")
_NAMED_THEN = r"(?:^\W*|(?<=[12]\d\d\d)\s+|\b(?:while|whilst|whereas)\s+)[\w'&@.-]+(?:\s+[\w'&@.-]+){0,4},\s+"
_BODY_RUNS = re.compile(_NAMED_THEN + r"which\s+(?:runs|ran|provides|provided|delivers|delivered|operates|"
                        r"hosts|manages|is commissioned|holds|held|has held|won)\b[^.;]{0,80}?,", re.I)
# a name, then what kind of body it is in apposition, then what it did or told us: "Kinder Minds, the
# CAMHS provider, told the board that it ran 26 sessions", "Safe Steps (the domestic abuse charity) spent"
_APPOSITIVE_HEAD = (r"(?:" + _ANY_BODY + r"|schools|colleges|hospitals|trusts|providers?|charities|hospices?|agenc(?:y|ies)|"
                    r"organisations?|(?:housing )?associations?|social enterprises?)")
_TELLS = (r"\s+(?:told|tells|informed|informs|advised|advises|shared|shares|presented|presents|gave|gives|spoke|speaks|"
          r"updated|updates|explained|explains|wrote|writes)\b")
# what kind of body a name is, in apposition after its comma: "the domestic abuse charity,"
_KIND_IN_APPOSITION = r"(?:the|a|an|our|their|one)\s+[^,;.]{0,40}?" + _APPOSITIVE_HEAD + r"\b[^,;.]{0,80},"
_BODY_APPOSITION = re.compile(r"(?:" + _NAMED_THEN + _KIND_IN_APPOSITION + r"|(?:^\W*|(?<=[12]\d\d\d)\s+)(?-i:[A-Z])[\w'&@.-]*(?:\s+[\w'&@.-]+){0,4}\s+\("
                              r"(?:the|a|an|our|their|one)\s+[^();.]{0,40}?" + _APPOSITIVE_HEAD + r"\b[^();.]{0,50}\))"
                              r"(?:" + _BODY_DOES + r"|" + _TELLS + r")", re.I)
# ... unless the name is ours: "The council, the lead agency for the partnership, spent £1.2m"
_OUR_NAME = re.compile(r"^\W*(?:(?:in|during|over|across|for|by|at)\s+[^,;.]{1,40},\s+)?(?:(?:the|our|this)\s+"
                       r"(?:[\w'’-]+\s+){0,3}?(?:council|partnership|board|authority|service|directorate|department|team)\b|"
                       r"(?:[\w'’-]+\s+){0,3}?(?:(?-i:[A-Z]*SCP|LSCB|MASH)|safeguarding (?:children )?partnership|"
                       r"(?:county|city|borough|district) council)\b|we\b)", re.I)


def _body_apposition(text: str) -> re.Match | None:
    """Another body named with its kind in apposition, opening the text, and what it did or told."""
    m = _BODY_APPOSITION.search(text)
    return None if m is None or _OUR_NAME.match(text, m.start()) else m
# adults' safeguarding named in a sentence: its board's budget, training and referrals are theirs
_ADULTS_BOARD = re.compile(r"\b(?:safeguarding adults|adults? safeguarding|adults'? board|(?-i:SAB)|(?-i:SARs?))\b", re.I)
# the spend on one thing is a line of spending, not the total: "£3.4m had been spent on nightly-paid accommodation"
_SPENT_ON_ITEM = re.compile(r"^\s*(?:m|k|bn|million)?\s*(?:(?:had|has|have|was|were) )?(?:been )?spent on (?!(?:its|the|our|their) "
                            r"(?:work|business plan|priorities|activities|functions)\b)", re.I)
# or the verb before the sum and a supplier after it: "spent £5.9m with Hearthstone" is that supplier's share of the
# spend (spend "on" placements or a service is that line's own spend, named in subject)
_SPENT_BEFORE = re.compile(r"\b(?:spent|spends|spend|spending)\s+(?:a total of\s+|some\s+|about\s+|around\s+|over\s+)?£?$", re.I)
_SPENT_ITEM_AFTER = re.compile(r"^\s*(?:m|k|bn|million)?\s*with\s+(?!(?:us|it|them)\b)", re.I)
# or said before it, on staff not on the establishment or on rooms paid by the night: "Spend on agency social
# workers was £3.42m in 2018/19, against £2.96m in 2017/18" (spend on placements or a service is that line's
# own spend, named in subject)
_SPEND_ON_ITEM = re.compile(r"\b(?:spend|spending|expenditure)\s+on\s+(?:(?:agency|interim|locum|temporary|contract|"
                            r"off-payroll)\s+(?:[\w-]+\s+)?(?:staff|staffing|workers|social workers|managers|posts)|"
                            r"consultan\w+|overtime|(?:[\w-]+\s+){0,2}?(?:bed and breakfast|B&B|hotels?|nightly[- ]paid|"
                            r"temporary accommodation))\b"
                            # or the item named first: "Marketing spend in the half year was £43,000"
                            r"|\b(?:marketing|advertising|publicity|printing|postage|travel|mileage|software|licen[cs]es?|"
                            r"hospitality|catering)\s+(?:spend|spending|expenditure|costs?)\b", re.I)
# the ends of a range, "between 390 and 420"
# (or a range's label before its colon: "Tolerance range for children subject to a plan: 380 to 440")
_RANGE_OPENS = re.compile(r"\b(?:between|range of|ranging from|(?:range|ranges|ranged|run|runs|ran|vary|varies|varied) from)\s+£?$|\brange\b[^.;:]{0,80}:\s*£?$", re.I)
_RANGE_END = re.compile(r"\bbetween\s+£?\d[\d,.]*\s*(?:%|m|k|bn)?\s+and\s+£?$|"
                        # "rates run from 38 to 94", "ranged from 12 to 30" (not "rose from 350 to 380")
                        r"\b(?:ranging|range[sd]?|runs?|ran|var(?:y|ies|ied))\s+from\s+£?\d[\d,.]*\s*(?:%|m|k|bn)?\s*(?:to|-|\u2013)\s*£?$|"
                        # "would typically have 350 to 380 children" (not "rose from 350 to 380")
                        r"(?<!\bfrom )(?<!\bfrom £)(?:\b(?:have|has|had|of|be|is|are|was|were|around|about|approximately|"
                        r"some|typically|usually|normally)\s+)£?\d[\d,.]*\s*(?:%|m|k|bn)?\s*(?:to|-|\u2013)\s*£?$", re.I)
_RANGE_START = re.compile(r"^\s*(?:%|m|k|bn)?\s+(?:and|to|-|\u2013)\s+£?\d[\d,.]*\s*(?:%|m|k|bn)?(?:\s+(?!(?:19|20)\d\d)|\s*(?:[.,;)]|$))",
                          re.I)
# money taken from a balance is its use, not the balance: "£7,000 drawn from the balance brought forward"
_DRAWN_FROM = re.compile(r"^\s*(?:was |were |is |will be |to be )?(?:drawn|taken|used|released|applied|met)\s+"
                         r"(?:down\s+)?from\b", re.I)
# a total said to include something after its figure: "total funds of £731,900 including the balance"
_OF_RESERVES_AFTER = re.compile(r"\s*(?:m|k|bn|million)?\s*(?:of|from)\s+(?:the\s+|its\s+|our\s+|their\s+)?(?:[\w-]+\s+)?"
                                r"(?:reserves?|balances?|underspends?)\b", re.I)
_INCLUDING_AFTER = re.compile(r"^\s*(?:m|k|bn|million)?\s*,?\s*\(?(?:including|includes|inclusive of|which includes|incl\.?)\s", re.I)
# a project's or a scheme's money: what it will cost, not a body's budget for a year
_PROJECT_MONEY = re.compile(r"\b(?:schemes?|projects?|construction|build(?:ing)?|refurbish\w*|works|extension|new[- ]build|"
                            r"(?:children's )?home|site|premises|facility)\b[^.;£|]{0,60}?\b(?:with|has|had|at|for)\s+"
                            r"(?:a|an|the|its|their)?\s*(?:combined|total|approved|overall|capital|estimated|agreed)?\s*"
                            r"(?:budget|cost|value)\s+of\s+(?:£\s*)?$|"
                            # "approved scheme budget £3.4m", "a capital allocation of £2m"; a list under "Capital programme"
                            r"\b(?:scheme|project|capital)\s+(?:budget|cost|allocation|estimate)\s*(?:of\s*)?[:=-]?\s*(?:£\s*)?$",
                            re.I)
# a text led by the capital programme: every sum in it is a scheme's ("Capital programme 2024-2028 • New
# children's home - £3.4m • Family hub refurbishment - £780,000")
_CAPITAL_LEAD = re.compile(r"\W*(?:(?:approved|proposed|draft|revised|the|our)\s+)?capital\s+(?:programme|projects|schemes|budget)\b",
                           re.I)
_CAPITAL = re.compile(r"\bcapital\b(?!\s+(?:and|&)\s+revenue)", re.I)  # (a line's label cell)
# money paid into a reserve or balances is a reserve movement, not partners' contributions
_TO_RESERVE = re.compile(r"^\s*(?:[\w'-]+\s+){0,2}?(?:contribution|contributions|contributed|transfer|transferred|paid)\s+"
                         r"(?:to|into)\s+(?:the\s+|a\s+|its\s+|our\s+)?(?:[\w'-]+\s+){0,3}?(?:reserves?|balances|"
                         r"contingency)\b", re.I)
# a year as written, a financial year's two parts or a calendar year ("2023/24", "2024-2025", "2025")
_YEAR_WORD = r"(?:19|20)\d\d(?:\s?[/-]\s?\d{2,4})?"
# money over several years is no year's: "the Department will pay £100.0m between 2022/23 and 2026/27", "£4.2m over
# the next three years" (a year's own figure is read where the paper gives it)
_SEVERAL_YEARS_AFTER = re.compile(r"^\s*(?:m|k|bn|million|billion)?\b\s*,?\s*(?:in total\s+|in all\s+)?(?:between\s+"
                                  + _YEAR_WORD + r"\s+and\s+" + _YEAR_WORD + r"|from\s+" + _YEAR_WORD +
                                  r"\s+(?:to|until)\s+" + _YEAR_WORD + r"|over\s+(?:the\s+(?:next\s+|coming\s+)?)?"
                                  r"(?:two|three|four|five|six|seven|ten|\d+)\s+(?:financial\s+)?years)\b", re.I)
# referrals made under housing law are a housing service's: "612 referrals to the council under section 213B
# of the Housing Act 1996", "referrals under the duty to refer"
_HOUSING_REFERRALS = re.compile(r"\b(?:Housing Act|section 213B|s\.?\s?213B|duty to refer|homelessness (?:service|team|"
                                r"duty|duties|prevention)|housing options)\b", re.I)
# a figure in brackets straight after the comparator it is: "across the North West (96 per 10,000)"
_BRACKET_AFTER = re.compile(r"\s*\(\s*$")
# the noun the sum is "of" is a line of the budget, not the budget: "a planned contribution of £3.0m",
# "includes savings of £2.1m" (a sentence that names the budget as well)
_LINE_OF = re.compile(r"\b(?:contributions?|savings?|pressures?|variances?|overspends?|underspends?|provisions?|"
                      r"contingenc(?:y|ies)|surplus|deficit|shortfall|gap|grants?|top-?ups?|transfers?|drawdowns?|"
                      r"draw-downs?|uplifts?|growth)\s+of\s+(?:about\s+|around\s+|some\s+|over\s+|nearly\s+)?£?\s*$",
                      re.I)
# savings, not money, carried from one year to the next: the part of a plan of savings not yet delivered
_SAVINGS_CARRIED = re.compile(r"\b(?:savings?|efficienc(?:y|ies)|cuts?)\b(?:(?!\b(?:balance|underspend|surplus|reserves?)\b)(?:[^.;]|\.(?=\d))){0,80}?"
                              r"\b(?:carried|brought|rolled|carry|carries|roll|rolls)[- ](?:forward|over)\b", re.I)
_ANAPHORIC_BUDGET = re.compile(r"^\s*(?:the|its|their) (?:[\w-]+ )?(?:budget|spend|expenditure)\b", re.I)
_OWN_BUDGET = re.compile(r"\bbudget\b", re.I)
_INCLUDES_CARRY = re.compile(r"\b(?:including|includes|inclusive of|plus)\s+(?:the\s+)?(?:\w+\s+){0,2}"
                             r"(?:brought|carried)[- ]forward\b|"
                             # "With the £18,450 carried forward from 2021/22 total income was £383,750"
                             r"\bwith\s+(?:the\s+)?(?:£[\d,.]+[mk]?\s+)?(?:balance\s+|underspend\s+)?(?:brought|carried)[- ]forward\b",
                             re.I)
# (not "Total funds (including the balance brought forward of £36,210)": that figure is the balance's)
_TOTAL_INCLUDING = re.compile(r"\b(?:total|funds|resources|monies)\b[^.;:£\d(]{0,30}?\b(?:including|includes|incl\.?|"
                              r"inclusive of|with|plus)\s+(?:the\s+)?(?:\w+\s+){0,2}(?:(?:brought|carried)[- ]forward|"
                              r"carry[- ]?forward|b/f)\b(?!\s+of\b)"
                              # the year it came from may stand before the colon: "...brought forward from 2023/24: £553,300"
                              r"(?:\s+from\s+(?:the\s+)?(?:" + _YEAR_WORD + r"|previous year|last year))?"
                              r"[^.;£\d(]{0,20}$", re.I)
# the same total written the other way round: "contributions plus balance brought forward | Total | £588,900"
_CARRY_THEN_TOTAL = re.compile(r"\bbrought forward\b[^£\d]{0,15}\btotal\b[^£\d]{0,10}$|"
                               # "Total income 2024/25, partner contributions plus the balance brought forward: £566,900"
                               r"\b(?:contributions|income)\s+(?:plus|and|with|including)\s+(?:the\s+)?(?:balance|carry|amount)\s+"
                               r"(?:brought|carried)\s+forward\b[^£\d]{0,10}$|"
                               # the balance as the last of the things a verb sums: "Income from partner contributions,
                               # training charges and the balance brought forward totalled £431,600"
                               r"\b(?:and|plus|&)\s+(?:the\s+|a\s+)?(?:balance|carry|amount|surplus|underspend)\s+"
                               r"(?:brought|carried)\s+forward\s+(?:from\s+(?:the\s+)?(?:previous|last|prior)\s+year\s+|"
                               r"from\s+" + _YEAR_WORD + r"\s+)?(?:totall?ed|totals|came to|comes to|"
                               r"amounted to|amounts to|added up to|made|make|gave|give)\b[^£\d]{0,10}$", re.I)
# a body's share of the cost of care is no contribution to a partnership: "Contributions from health to joint
# placements", "the ICB's contribution towards continuing care packages"
_TO_PLACEMENTS = re.compile(r"\bcontributions?\s+(?:from\s+[^.;£]{1,40}?\s+)?(?:to|towards)\s+(?:the\s+costs?\s+of\s+)?"
                            r"(?:(?:joint(?:ly)?[- ]funded|joint|individual|residential|external)\s+)?(?:placements?|"
                            r"care packages?|packages\s+of\s+care|continuing (?:health )?care)\b|"
                            # or to packages said to be shared or one child's: "health contributions to joint packages"
                            r"\bcontributions?\s+(?:to|towards)\s+(?:the\s+costs?\s+of\s+)?(?:joint(?:ly)?[- ]funded|joint|"
                            r"individual)\s+packages?\b", re.I)
# developers' contributions under planning agreements are no partner's
_DEVELOPERS = re.compile(r"\b(?:section 106|s\.?106|developers?'?|community infrastructure levy|(?-i:CIL)|"
                         r"(?:education|highways?|infrastructure|planning|transport|affordable housing) contributions?)\b", re.I)
_MIXED_INCOME = re.compile(r"\b(?:and|&) (?:other|misc\w*|sundry) (?:sources|income|receipts)\b|\bother (?:sources|income)\b",
                           re.I)
_MONEY_KPI_GROUPS = {"own": ("budget_total", "expenditure_total"), "paid-in": ("budget_contributions",
                                                                               "agency_contribution")}

_NOUN_OF_VALUE = re.compile(r"^\s*[\w'-]+")


# the KPI's words only qualify another counted noun, whose figure the verb gives: "Places booked on
# safeguarding courses rose to 3,410", "Referrals of children in need numbered 2,104"
# (not a word ending in -ss: "progress to 31 January", "business of the board" name no counted noun)
# a plural noun that may head the noun a figure counts (not the figure's own: "numbers of", "totals of")
_PLURAL_HEAD = r"(?!(?:numbers|totals|figures|levels|counts|rates)\b)[a-z]{3,}(?<!s)s"
# (not a span of time: "In the 12 months to January 2025 the re-referral rate was 21.4%")
_OF_ANOTHER = re.compile(r"\b(?!(?:months|weeks|years|quarters)\s+(?:to|ending|ended|up\s+to)\b)" + _PLURAL_HEAD + r"\s+(?:[a-z]+ed\s+)?"
                         r"(?:on|of|for|at|to)\s+(?:(?:the|our|its|their)\s+)?(?:[\w'-]+\s+){0,3}$", re.I)


# a plural noun whose object the counted noun is, straight before the figure: "Decisions on 1,318 referrals",
# "Audits of 40 referrals" (not a span of time: "in the twelve months to 31 March, 3,400 referrals")
# (nor a change, "increases of", nor a span of time, "months of")
_HEAD_BEFORE = re.compile(r"(?:^|[^\w\s]\s*|\d\s+|\b(?:the|and|but|while|whereas)\s+)(?P<noun>(?!(?:increases|decreases|rises|falls|"
                          r"reductions|months|weeks|days|years|quarters|hours)\b)" + _PLURAL_HEAD + r")\s+(?:on|of|for|about|into)\s+$",
                          re.I)


def _clause_start(text: str, pos: int) -> str:
    """The words of the clause before `pos` (where a label starts)."""
    head = text[max(0, pos - 60):pos]
    cut = 0
    for m in _BEFORE_STOP.finditer(head):
        cut = m.end()
    return head[cut:]


def _base_role(entry: KpiEntry) -> str:
    if entry.unit == "rate_per_10k":
        return "rate"
    if entry.unit == "percent":
        return "share"
    if entry.unit == "GBP":
        return "amount"
    return "flow" if entry.measure in ("flow", "event") else "level"


def clause(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> tuple[str, str, str]:
    """The figure's clause: the words before it (back to punctuation, a conjunction or another
    figure that is not part of a date), after it (to the same), and its predicate (past commas,
    to the end of the sentence)."""
    lo = max(0, start - 90)
    head = text[lo:start]
    dates = [(lo + m.start, lo + m.end) for m in find_mentions(head)] if any(ch.isdigit() for ch in head) else []
    cut = 0
    for m in _BEFORE_STOP.finditer(head):
        cut = m.end()
    for a, b in spans:
        if lo <= a and b <= start and b - lo > cut and not any(x <= a < y for x, y in dates):
            cut = b - lo
    before = head[cut:]
    if cut and head[:cut].rstrip().endswith(",") and lo == 0:
        opener = _OPENER.match(text[:start])
        if opener and opener.end() == cut:  # "Nationally, 50,010 children ...": the opener governs
            before = opener.group(1) + " " + before
    tail = text[end:end + 90]
    stop = _AFTER_STOP.search(tail)
    after = tail[:stop.start()] if stop else tail
    predicate, nxt = _predicate_from(text, end, spans)
    if nxt is not None and _CO_SUBJECT_GAP.match(predicate):  # the next figure's noun shares the verb: "21 children
        # ... and 12 care leavers were living in ..."; the predicate is theirs together
        predicate += _predicate_from(text, nxt[1], spans)[0]
    return before, after, predicate


def _predicate_from(text: str, pos: int, spans: list[tuple[int, int]]) -> tuple[str, tuple[int, int] | None]:
    """The words after `pos` past commas to the end of the sentence, up to the next figure; and that figure's span."""
    tail = text[pos:pos + 140]
    stop = _PREDICATE_STOP.search(tail)
    words = tail[:stop.start()] if stop else tail
    nxt = min(((a, b) for a, b in spans if pos < a < pos + len(words)), default=None)
    return (words[:nxt[0] - pos] if nxt else words), nxt


# between two figures that are subjects of one verb: the first's noun and "and", no verb of its own
_CO_SUBJECT_GAP = re.compile(r"^(?![^,;:.]*\b(?:is|are|was|were|had|has|have|been|be|will|would|did|do|does)\b)"
                             r"[^,;:.()]{0,60}\band\s*$", re.I)


# what another body did, named as its agent: "delivered by the ICB's named GP", "run on behalf of the diocese",
# and money another body holds: "A budget of £1.86m, held by the integrated care board"
_BY_OTHER = re.compile(r"\b(?:run|delivered|provided|organised|hosted|commissioned|held|made|funded|paid for|led|given|"
                       r"reported|recorded|managed|spent)\s+(?:by|on behalf of)\s+(?:[\w'’-]+\s+){0,3}?" + _ANY_BODY, re.I)
_HELD_BY_OTHER = re.compile(r"^\s*(?:m|k|bn|million)?\s*,?\s*(?:held|managed|spent|controlled|run)\s+by\s+(?:[\w'’-]+\s+){0,3}?"
                            + _ANY_BODY, re.I)
# a body's own words in quotation marks, with the speaker after or before them: '"We delivered 42 courses,"
# the trust's named nurse told the board', 'The force's lead said: "we made 2,310 referrals"'
_QUOTE = re.compile(r"[\"“](?P<q>[^\"”]{5,300})[\"”]")
_SPEAKER_AFTER = re.compile(r"\s*,?\s*(?P<who>[^.;\"“]{0,80})")
_SPEAKER_BEFORE = re.compile(r"(?P<who>[^.;\"”]{0,80})\b(?:said|says|told|tells|added|adds|reported|explained|noted)\b[^\"“]{0,30}$",
                             re.I)


def _quoted_body(text: str, at: int) -> bool:
    """Is the figure at `at` inside a quotation whose speaker is another body's?"""
    for m in _QUOTE.finditer(text):
        if m.start("q") <= at < m.end("q"):
            after = _SPEAKER_AFTER.match(text, m.end()).group("who")
            before = _SPEAKER_BEFORE.search(text, 0, m.start())
            who = after + " " + (before.group("who") if before else "")
            return bool(_ANY_BODY_RX.search(who) or _NAME_OF_BODY.search(who))
    return False


# what another body ran, said after the figure: "42 safeguarding courses were run by the probation service"
# (or straight after the figure's noun: "attended 96 training sessions run by the fostering service")
_RUN_BY_AFTER = re.compile(r"(?:[^.;]{0,50}?\b(?:were|was|had been|have been|has been)\s+(?:run|delivered|provided|organised|hosted|"
                           r"held|commissioned|funded|given|made|put on|recorded|reported)|(?:\s+[\w-]+){0,3}?\s+(?:run|delivered|"
                           r"organised|hosted|put on))\s+by\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?(?:" + _ANY_BODY
                           # (or the council's own service that trains its carers: no multi-agency course)
                           + r"|fostering (?:service|team))\b", re.I)
# a line headed by a body, alone or after a label: "Partner update - Avon and Somerset Police: 1,240 staff trained"
_BODY_HEADING = re.compile(r"(?:^|\n|[.]\s)\s*(?:[^:\n\d|]{0,40}?\s[-\u2013]\s)?(?:the\s+)?(?:[\w'’&-]+\s+){0,5}?(?:" + _ANY_BODY
                           + r"|health|schools|education|academies|colleges|(?-i:GPs))\s*:[^:\n]*$", re.I)
# a body that reports the figure, after it: "2,310 staff were trained in 2023/24, the ICB reported"
# (the sentence ends on it: "..., though the police said its own ... rose" is a clause of the body's own)
_REPORTED_BY_AFTER = re.compile(r"[^.;]{0,80}?,\s*(?:the\s+|our\s+)?(?:(?!(?:though|although|while|whilst|whereas|but|and)\b)"
                                r"[\w'’&-]+\s+){0,4}?" + _ANY_BODY
                                + r"\s+(?:reported|reports|said|says|told us|noted|confirmed|stated|added)\s*(?:[.;]|$)", re.I)
# a clause opened by the body it happens in: "Within Avon and Somerset Police, 42 courses were delivered"
_WITHIN_BODY = re.compile(r"(?:^|[.;]\s+)\W*(?:within|inside|across|at|in)\s+(?:the\s+)?(?:[\w'’&-]+\s+){0,4}?" + _ANY_BODY
                          + r"\b[^,;.]{0,20},\s*[^;.]*$", re.I)
_SINGLE_AGENCY = re.compile(r"\bsingle[- ]agency\b|\b(?:partners|agencies|organisations)['’] own\b|"
                            r"\bcorporate (?:learning|training|development)\b", re.I)
# a council's training of its own workforce: "ran 194 courses for council staff" (not the partnership's)
_OWN_WORKFORCE_AFTER = re.compile(r"[^.;]{0,40}?\b(?:for|to)\s+(?:the\s+)?(?:council|county council|city council|"
                                  r"corporate|its own|our own|internal)\s+(?:staff|employees|workforce)\b", re.I)
# a sentence whose figures a health body, a force or a school gives as its source: "According to Essex
# Police, officers made 2,140 referrals", "(source: NHS Bedfordshire ICB annual report)"
_SOURCE_BODY = (r"(?:neighbouring|neighbour's|police|constabulary|(?-i:ICB|CCG|NHS)|integrated care board|hospitals?|(?:health|NHS|foundation) trust|"
                r"academy|academies|schools?|college|probation|ambulance|fire (?:and rescue )?service|(?:regional )?adoption agency|(?-i:RAA))")
_ACCORDING_TO = re.compile(r"(?:\b(?:according to|figures (?:from|supplied by|provided by)|data (?:from|supplied by|provided by)|"
                           r"as reported by|as supplied by|(?:report|return|update|submission|briefing|presentation)s? "
                           r"(?:from|by|submitted by|provided by))|(?:^|[(\[]\s*)source:)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?" + _SOURCE_BODY + r"\b", re.I)
# "(ICB figures, 2023/24)": a body's own figures, named in brackets
_BRACKETED_SOURCE = re.compile(r"[(\[]\s*(?:the\s+)?(?:[\w'’-]+\s+){0,3}?" + _SOURCE_BODY + r"(?:['’]s)?\s+(?:own\s+)?"
                               r"(?:figures|data|returns?)\b", re.I)
_CELL_BREAK = re.compile(r"\s\|+\s")
# a clause whose subject is a body named by its kind: "and the school ran 6 safeguarding training sessions"
_THE_BODY_DOES = re.compile(r"(?:^|[;,]\s*(?:and\s+)?|\band\s+)(?:the|its|their)\s+(?:school|academy|college|trust|hospital|"
                            r"force|provider|charity|company|organisation|agency)\s+(?:[a-z]+ly\s+)?(?:ran|runs|delivered|"
                            r"delivers|trained|trains|made|makes|held|holds|had|has|put on|puts on|reported|recorded)\s+"
                            r"(?:a total of\s+|some\s+|around\s+|about\s+|over\s+)?$", re.I)
# a body's money in a bracket straight after its name: "The constabulary (budget £612m in 2024/25)"
_BRACKETED_BUDGET = re.compile(r"\b" + _ANY_BODY + r"['’]?s?\s*\(\s*(?:its\s+|an?\s+)?(?:(?:annual|net|gross|revenue|total)\s+)*"
                               r"(?:budget|spend|expenditure)\s*(?:of|:|=)?\s*£?$", re.I)
_BODY_IN_BRACKETS = re.compile(r"^\W*(?:\d+(?:\.\d+)*\s+)?[^().;]{1,60}\([^()]*" + _OTHER_BODY.pattern + r"[^()]*\)\s+"
                               r"(?:[a-z]+ly\s+)?(?:received|receives|made|makes|ran|runs|delivered|delivers|had|has|trained|"
                               r"trains|saw|sees|held|holds)\b", re.I)
_BODY_VERB = re.compile(r"^[^;]{0,140}?\b(?:made|makes|ran|runs|trained|trains|delivered|delivers|had|has|have|completed|"
                        r"(?:carried|carries|brought|brings) forward|attracted|attracts|drew|draws|reached|reaches|saw|sees|"
                        r"welcomed|welcomes|"
                        r"is|was|are|were|"
                        r"completes|received|receives|spent|spends|set|sets|held|holds|reported|reports|recorded|"
                        r"records|looked after|looks after|supported|supports|include|includes|included|numbered|"
                        r"comprise|comprised|shows|showed|show)\b[^;]{0,80}$", re.I)
_PROPER_NAME = re.compile(r"(?-i:[A-Z][\w'&-]*)(?:\s+(?:(?:and|of|&)\s+)?(?-i:[A-Z][\w'&-]*)){1,4}")
# a proper name whose last word says it is a provider, a school or a force, not a council's service:
# "Solent Community Health", "Riverside Academy", "Northbrook Constabulary" (a children's services
# trust runs the council's own services: "Doncaster Children's Services Trust" is no other body)
# (not a name of the council's own services: "Children's Trust", "Public Health", "Children's Services Trust")
_NOT_OWN_SERVICE = r"(?<!Children's )(?<!Services )(?<!Public )"
_NAME_OF_BODY = re.compile(r"(?-i:[A-Z][\w'&-]*\s+(?:(?:and|of|&)\s+)?){1,4}?" + _NOT_OWN_SERVICE + r"(?-i:Health|Healthcare|Hospitals?|Trust|"
                           r"Academy|School|College|Constabulary|Police|Society|Foundation|Charity)\b")
# a sentence that opens on a named body's own unit or team, in the possessive: "Dorset HealthCare's children's
# safeguarding team has a budget of £1.9m", "Fellshire Police's Public Protection Unit, which ..., had a budget of"
_BODY_POSSESSIVE_OPENS = re.compile(r"^\W*(?:\d+(?:\.\d+)*\s+)?(?:the\s+)?(?-i:[A-Z][\w&-]*\s+(?:(?:and|of|&)\s+)?){0,4}?"
                                    + _NOT_OWN_SERVICE + r"(?-i:Health|Health[Cc]are|Hospitals?|Trust|"
                                    r"Constabulary|Police|ICB|CCG|Foundation Trust|Fire and Rescue Service)['’]s?\s")
_OURS = re.compile(r"\b(?:we|our|us|the partnership|the board|the council)\b", re.I)
# the reporting body as the object a body tells or shares with: not the owner of what it tells
# ("St Aidan's Academy Trust told the partnership that its schools had trained 1,140 staff")
_TOLD_US = re.compile(r"\b(?:told|tells|informed|informs|assured|assures|advised|advises|briefed|briefs|updated|updates|"
                      r"(?:reported|reports|presented|presents|submitted|submits|wrote|writes|explained|explains) to|"
                      r"(?:shared|shares) with)\s+(?:the\s+)?(?:us|partnership|board|council|panel|committee|executive)\b", re.I)
# a body's own people as the subject: "Pupils at the trust's 21 academies ... include 96 children on plans"
_POPULATION_OF_BODY = re.compile(r"\b(?:pupils|students|learners|patients|service users|staff|members|officers|colleagues|"
                                 r"representatives|health visitors|(?:school )?nurses|doctors|(?-i:GPs)|clinicians|teachers|"
                                 r"paramedics|practitioners|midwives)\s+(?:at|in|of|from|attending|"
                                 r"registered (?:with|at)|on (?:the )?roll (?:at|of))\s+(?:the\s+|its\s+|their\s+)?"
                                 r"(?:[\w'’-]+\s+){0,3}?(?:" + _ANY_BODY + r"|(?<!children's )trusts?\b)(?:\s+\d[\d,]*)?(?:\s+[\w'’-]+){0,2}?", re.I)


# where a clause with its own subject opens inside a sentence
_CLAUSE_OPENS = re.compile(r";\s*|,?\s+\b(?:while|whilst|whereas)\s+", re.I)


def _sentence_at(text: str, start: int, end: int) -> str:
    """The sentence of a text that holds the span from `start` to `end`."""
    a, b = _sentence_span(text, start, end)
    return text[a:b]


def _sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence of a text that holds the span from `start` to `end` begins and ends."""
    opens = text.rfind(". ", 0, start)
    closes = text.find(". ", end)
    return (opens + 1 if opens >= 0 else 0), (closes if closes >= 0 else len(text))


def _said_not_ours(text: str, c: Candidate) -> bool:
    """The figure's sentence says that what it is about is not the writer's, and the writer is not
    the subject before the figure (outside that disclaimer)."""
    sentence = _sentence_at(text, c.value_start, c.value_end)
    said = _NOT_OURS_SAID.search(sentence)
    if said is None:
        return False
    at = c.value_start - text.find(sentence)
    if said.start() > at and ";" in sentence[at:said.start()] \
            and not _SAME_SUBJECT_GOES_ON.match(sentence, sentence.rfind(";", at, said.start()) + 1):
        return False  # "Our budget is £412,000; the ICB's team is not part of this budget": another subject
    return not _WRITER.search(_NOT_OURS_SAID.sub(" ", sentence[:max(0, at)]))


_ASIDE = re.compile(r",[^,;.()]{3,80},|\([^()]{3,80}\)")


def _for_several_areas(text: str, c: Candidate,
                       phrase: Callable[[str], Iterator[re.Match]] = _SEVERAL_AREAS.finditer) -> bool:
    """The figure's sentence says it covers several areas, the writer is not its subject ("The
    partnership trained 1,200 across the three boroughs" is the joint partnership's own), and
    neither the writer nor a comparison stands between: its owner is no one area (issue 7)."""
    sentence = _sentence_at(text, c.value_start, c.value_end)
    at = text.find(sentence)
    # (the writer in an aside is not the subject: "Orchard Homes Ltd, our largest provider, looks after 46 children")
    if _WRITER.search(_ASIDE.sub(" ", sentence[:max(0, c.value_start - at)])):
        return False
    for m in phrase(sentence):
        lo, hi = (m.start() + at, c.value_start) if m.start() + at < c.value_start else (c.value_end, m.start() + at)
        if not _SEVERAL_KEPT_APART.search(text, lo, hi) and not _SEVERAL_KEPT_APART.search(m.group(0)):
            return True
    return False


def _body_does(text: str, at: int) -> bool:
    """Another body opens the sentence and its own verb leads to the figure: "Our neighbours'
    partnership has completed 27 of the 33 actions in its plan"; or a body's own people do ("Pupils
    at the trust's 21 academies include 96 children on plans"). A semicolon or "while" opens a clause
    with a subject of its own: "19 actions were complete; the hospital trust's own plan had 12"."""
    opens = [m.end() for m in _CLAUSE_OPENS.finditer(text, 0, at)]
    if opens:
        text, at = text[opens[-1]:], at - opens[-1]
    subject = _subject_of(text)
    opening = _OTHER_BODY.match(subject)
    if opening is None and (named := _PROPER_NAME.match(subject)):
        # a body's own name before its kind: "Heathfield Academy Trust reported ...", "Riverside Primary School's budget"
        opening = next((o for w in re.finditer(r"[\s-]+", subject[:named.end() + 1])
                        if (o := _OTHER_BODY.match(subject, w.end()))), None)
    if opening is None and (named := _NAME_OF_BODY.match(subject)) \
            and _verb_leads_to(text, len(text) - len(subject) + named.end(), at):
        return True  # "Solent Community Health spent £1.1m on its safeguarding team"
    if opening is not None:
        end = len(text) - len(subject) + opening.end()
    elif (people := _POPULATION_OF_BODY.search(text, 0, at)) is not None:
        end = people.end()  # (a heading run into the sentence may come before it)
    else:
        return False
    return _verb_leads_to(text, end, at)


def _verb_leads_to(text: str, end: int, at: int) -> bool:
    """The body's own verb runs from `end` to the figure at `at`, and we are not its subject again
    (we may be whom it tells: "the trust told the partnership that its schools had trained 1,140")."""
    return end <= at and bool(_BODY_VERB.match(text[end:at])) and not _OURS.search(_TOLD_US.sub(" ", text[end:at]))


def _subject_of(text: str) -> str:
    """The sentence's opening noun phrase with its determiner dropped ("The ICB commissions ...":
    "ICB commissions ..."), for a later verb that shares its subject."""
    return re.sub(r"^\W*(?:\d+(?:\.\d+)*\s+)?(?:the|our|local|its)\s+", "", text, flags=re.I)  # (after a paragraph's number)


def named_part(c: Candidate) -> str:
    """What a part says it is, from the words after it ("96 were under five": "under five")."""
    named = _PART_PREDICATE.match(c.snippet, c.value_end)
    return named.group("what") if named else ""


# a clause set against the one before it, with its own subject: ", while the partnership's own programme ran"
_SET_AGAINST_CLAUSE = re.compile(r",\s*(?:while|whilst|whereas|but)\b", re.I)


def _governs(opening: re.Match | None, c: Candidate) -> bool:
    """Does the sentence's opening phrase (a comparator, an aim) govern the figure: it ends before
    the figure, and no semicolon stands between?"""
    return opening is not None and opening.end() <= c.value_start and ";" not in c.snippet[opening.end():c.value_start]


# an audit's or a sample's findings, and the sample itself: "Audit of 60 child protection plans (Oct
# 2025): 41 good or better", "Of the 40 cases sampled, 31 ...", "In a dip sample of 25 plans"
_AUDITED = re.compile(rf"\b(?:{_AUDIT} of|"
                      r"(?:audited|sampled|reviewed by (?:inspectors|auditors))\b[^.;:]{0,20}?[,:]|"
                      r"of the \d[\d,]* (?:[\w-]+ ){0,4}?(?:audited|sampled|tracked|reviewed by inspectors)\b|"
                      # the whole its graders rated some of: "Auditors graded 9 of the 60 referrals as inadequate"
                      r"\b(?:graded|rated|judged|scored)\s+(?:\w+\s+)?\d[\d,]*\s+of\s+(?:the|these|those)\s+$)", re.I)

# "298 children in care and 211", "looked after 512 children and had 287": the list goes on, with no
# subject of its own
_CONJUNCT_BEFORE = re.compile(r"[^\W\d]\s+and\s*$", re.I)
_BARE_PREDICATE = re.compile(r"\s*(?:(?:had|has|have|was|were|is|are|recorded|reported|saw|held|ran|delivered|"
                             r"received|looked after|supported|also|a further|another)\s+)*", re.I)
# ", equivalent to a rate of 95 per 10,000": the rate of the count just before, said again
_RESTATES = re.compile(r"^\s*(?:equivalent to|equating to|which (?:is|equates to|represents)|representing|or)\s+"
                       r"(?:a\s+)?(?:rate\s+of\s+)?$", re.I)


def _another_service_took(text: str, c: Candidate) -> str:
    """The service or team other than children's social care's front door that took the referrals
    counted at `c`, as its clause's subject or its line's label ("Youth Justice Service: 212 referrals
    received"); "" when there is none, or it is only "the service" or ours."""
    took = _SERVICE_TOOK.search(re.split(r"[.;]\s|\n", text[:c.value_start])[-1])
    if took is None:
        return ""
    service = took.group("svc") or took.group("head")
    named = re.split(r"\b(?:the|our|a|an|its|their|this|that)\s+", service, flags=re.I)[-1]
    if len(named.split()) <= 1 or _OWN_FRONT_DOOR.search(service + text[c.value_end:c.value_end + 60]):
        return ""
    return service


# the figure before, said again in other terms: "The variance tolerance is ±2%, that is £8,200"
_THAT_IS = re.compile(r"^\s*(?:that is|that's|i\.e\.?|namely)\s+(?:(?:some|about|around)\s+)?£?$", re.I)


def _restated_count(c: Candidate, entry: KpiEntry, before: str, spans: list[tuple[int, int]]) -> str:
    """The clause before the count that a rate restates ("The model projects 720 children in care
    by 2028/29, equivalent to a rate of 95 per 10,000": "The model projects"), or that a bare
    conjunct continues ("Thurrock Council show that it had 298 children in care and 211 children on
    plans": "show that it had"), whose target, forecast or comparator words are this figure's too;
    "" for any other figure."""
    restates = (entry.unit == "rate_per_10k" and _RESTATES.match(before)) or _THAT_IS.match(before)
    if not restates and not (_BARE_PREDICATE.fullmatch(before)
                             and _CONJUNCT_BEFORE.search(c.snippet, 0, c.value_start - len(before))):
        return ""
    earlier = [(a, b) for a, b in spans if b <= c.value_start - len(before)]
    if not earlier:
        return ""
    a, b = earlier[-1]
    return clause(c.snippet, a, b, spans)[0]


# people who completed a programme or a course, not a plan's actions
_PEOPLE_DONE = re.compile(r"\b(?:parents|carers|families|young people|participants|learners|delegates|practitioners|"
                          r"attendees|students|pupils|staff)\b[^.;]{0,60}?\b(?:completed|finished)\b[^.;]{0,12}$", re.I)
# a year that names which of a thing it is, straight before it: "their summer 2024 courses", "the 2023
# inspection" (the match ends on the year's noun, so it must reach the figure)
_YEAR_AS_NAME = re.compile(r"\b(?:spring|summer|autumn|winter|the|their|its|our|this|that)\s+(?:19|20)\d\d\s+"
                           r"(?:[a-z-]+\s+){0,2}?(?:courses?|sessions?|programmes?|conferences?|reviews?|reports?|plans?|"
                           r"inspections?|census|returns?|data|figures|budgets?|cohorts?|events?|campaigns?|intake|round|"
                           r"audits?|strategy)\b", re.I)


# what a list after a colon sets out as aimed at: "The improvement plan sets a trajectory for children on plans:"
# (not what is measured against one: "Performance against the trajectory:")
_AIMED_LEAD = re.compile(r"^(?![^:]*\b(?:against|vs\.?|versus|actuals?|performance|progress|achieved|outturn)\b)"
                         r"[^:]*\b(?:targets?|trajector(?:y|ies)|milestones?|ambitions?|goals?)\b[^:]*$", re.I)


def _aimed_list(text: str, c: Candidate) -> bool:
    """The figure is an item of a list after a colon, in its own sentence, whose lead names a target."""
    colon = text.rfind(":", 0, c.value_start)
    if colon < 0 or re.search(r"[.;]\s", text[colon:c.value_start]):
        return False
    start = max(text.rfind(". ", 0, colon), text.rfind("; ", 0, colon)) + 1
    return len(text) - start > 0 and colon - start <= 160 and bool(_AIMED_LEAD.match(text, start, colon))


# a sentence opening on a group its figures are some of: "Of the children on the register on 31 August, 27 were
# subject to a plan" ("Among ..." is left alone: the batteries' writers read it both ways)
_OF_A_GROUP_OPENS = re.compile(r"^\W*of\s+(?P<group>[^,;:.]{0,60}?\b(?:children|young people|pupils|students|"
                               r"learners|families|households|parents|carers|adults|people|cases|babies|girls|boys)\b"
                               r"[^,;:.]{0,60}),", re.I)
# a service that supports or works with children, some of whom have the KPI's status: its caseload, not the stock
# ("The young carers service currently supports 46 children who are subject to child protection plans")
_SERVICE_NOUN = r"(?:service|team|project|programme|scheme|hub|charity|clinic)"
_SERVICE_SUPPORTS = re.compile(r"(?P<who>\b(?:[\w'’-]+\s+){0,4}?" + _SERVICE_NOUN + r")\s+"
                               r"(?:[a-z]+ly\s+)?(?:supports|supported|is supporting|was supporting|works with|worked with|"
                               r"is working with|was working with|helps|helped)\s+$", re.I)
# the children a service's staff took part in the plans or care of: their caseload, not the stock ("its health
# visitors were involved with 412 children subject to a child protection plan", "was a core group member for 96")
_INVOLVED_WITH = re.compile(r"\b(?:involved with|involved in the (?:care|plans?|cases?) of|(?:a\s+)?core group members?\s+for|"
                            r"in the core groups?\s+(?:of|for)|contributed to the plans?\s+(?:of|for))\s+"
                            r"(?:(?:some|around|about|over|nearly|almost)\s+)?$", re.I)
# (a service named by what it does, not "the service": the writer's own)
_NAMED_SERVICE = re.compile(r"\b(?!(?:the|our|this|its|their|a|an|that)\b)[\w'’-]+\s+" + _SERVICE_NOUN + r"$", re.I)
_CHILDRENS_OWN_SERVICE = re.compile(r"\b(?:children['’]s (?:social care|services?)|social care|social work|(?-i:CSC)|"
                                    r"safeguarding|child protection|looked after|children in care)\b", re.I)
# a sentence opened on the people the one before counted, its figure saying which of them have the KPI's
# status ("Of them, 41 were known to children's social care: 19 were looked after, 9 were subject to a child
# protection plan"): some of another group, for the KPI's own people are not said to have their own status
_OF_THEM_OPENS = re.compile(r"(?:^|[,;:]\s*|\band\s+)\W*(?:(?:[\w-]+|\d[\d,]*)\s+)?(?:of|among|amongst)\s+(?:them|these|those|whom)\b",
                            re.I)  # (or "Nineteen of them are ... and 11 are on a plan", "571 children ..., of whom ... 6 were on a plan")
# (a child's status, not a plan's actions': "Of these, 31 have been completed" is the plan's completion)
_A_CHILDS_STATUS = re.compile(r"\b(?:child|children|young people|looked[- ]after|in care|in need)\b", re.I)
# the KPI's own people: a group of them is the whole a part is of, not another group
_KPI_PEOPLE = re.compile(r"\b(?:in care|looked[- ]after|protection|plans?|in need|(?-i:CIN|CP|CPP|LAC|CLA|CiC)|referrals?|"
                         r"contacts?|delegates|courses|places|actions)\b", re.I)


def _of_another_group(lead: str) -> bool:
    """The figure's sentence opens on a group of other people its figures are some of ("Of the children
    on the register on 31 August 2024, 27 were subject to a child protection plan"): a count of those in
    some state, not the stock. A group with a count of its own, or of the KPI's own people, is the whole of
    a part ("Of the 402 children in care, 96 ...") and left to the rules of parts."""
    m = _OF_A_GROUP_OPENS.match(lead)
    if m is None:
        return False
    group = _PERIOD_WORDS.sub(" ", m.group("group"))
    return not re.search(r"\d", group) and not _KPI_PEOPLE.search(group)


# a share "done" of a whole the sentence counts in another noun: "A deep dive into the 131 re-referrals ... found
# that 38% had been closed" (closed referrals, not a plan's actions)
_COUNTED_WHOLE = re.compile(r"\b(?:the|these|those|all|of)\s+\d[\d,]*\s+(?:[\w'-]+\s+){0,2}?[a-z][\w-]*s\b", re.I)
_ACTION_WORDS = re.compile(r"\b(?:actions?|objectives?|workstreams?|recommendations?|milestones?|deliverables?|"
                           r"priorit(?:y|ies)|plans?|tasks?)\b", re.I)
# children of one school year or key stage are a cohort of the stock: "of the 26 children in care in Year 6",
# "48 young people in care were in Year 11", "children in care in reception"
_SCHOOL_YEAR_AFTER = re.compile(r"\s*(?:(?:who\s+)?(?:were|was|are|is)\s+)?(?:in|of)\s+(?:school\s+)?(?:(?:year|yr)\s?(?:\d{1,2}|R)\b|"
                                r"reception\b|key stage\s?\d\b|KS\s?\d\b)", re.I)
# the children some other counted thing was given to: "Schools issued 118 suspensions to 63 children in care", "made
# 41 health passports for 39 children on plans"
_OBJECT_OF_EVENTS = re.compile(r"\b\d[\d,]*\s+(?:[\w'-]+\s+){0,2}?(?:suspensions|exclusions|penalty notices|fines|warnings|"
                               r"cautions|sanctions|passports|awards|grants|vouchers|offers|placements|moves|episodes|incidents|"
                               r"missing episodes|absences|sessions|visits|days)\s+(?:to|for|against|involving|affecting|among|"
                               r"across)\s+$", re.I)
# a sentence whose writer forecasts what follows, the figure in its object with no verb of its own between: "On
# present trends we expect about 4,950 referrals in 2025-26, ..., and a year-end re-referral rate of 20.5%", "The
# service projects that 1,120 children will be on plans in March 2026, with a re-referral rate of 22%"
_FORECASTER_LEADS = re.compile(r"\b(?:we|they|officers|(?:the|our)\s+(?:service|council|partnership|model|modelling|"
                               r"directorate|department))\s+(?:now\s+|currently\s+|also\s+)?(?:forecasts?|projects?|"
                               r"expects?|anticipates?|predicts?)\b(?P<rest>[^.;]*)$", re.I)
# (a verb of its own, or a figure set against the forecast: "forecasts total expenditure of £598,000 for 2025-26
# against a budget of £612,450")
_OWN_FINITE = re.compile(r"\b(?:was|were|had|has|have|is|are|did|stood|fell|rose|reached|against|compared|versus|vs|"
                         r"while|whilst|whereas|but)\b", re.I)
# a figure of a case supposed, not counted: "imagine a scenario in which 450 children were on plans", "Suppose
# referrals rose to 6,000", "in a hypothetical year of 900 children in care"
_SUPPOSED = re.compile(r"\b(?:imagine|imagined|imagining|suppose|supposing|what if|hypothetical(?:ly)?|"
                       r"(?:a|the|one|any) (?:[\w-]+ )?scenario (?:in which|where|of)|in the event (?:that|of))\b[^.;]*$", re.I)
# actions done by their deadline, or after it: some of those done ("58% had been completed on time")
_ON_TIME_AFTER = re.compile(r"^\s*(?:%|per cent)?\s*(?:(?:had|have|has)\s+been\s+|were\s+|was\s+)?(?:completed?|delivered|"
                            r"closed|achieved|implemented|signed off)?\s*(?:on time|on schedule|to (?:time|schedule)|late|"
                            r"early|ahead of (?:schedule|time)|behind schedule|within (?:the |their |its )?(?:deadline|"
                            r"timescales?|target date))\b", re.I)
# a state before the actions' noun: "12 open actions", "the 5 overdue recommendations", "9 remaining actions"
_ACTION_NOUNS = r"(?:actions|recommendations|objectives|milestones|deliverables)"
_STATE_BEFORE_NOUN = (r"\s+(?:open|overdue|remaining|incomplete|live|closed|completed|delayed|slipped|late|red|amber|green|"
                      r"RAG[- ]rated [a-z]+)\s+(?:[\w-]+\s+){0,2}?" + _ACTION_NOUNS + r"\b")
_STATE_ADJECTIVE = re.compile(_STATE_BEFORE_NOUN, re.I)
# or after it: "Of the 7 actions left, four have been carried into the new plan", "the 5 actions still open"
_STATE_AFTER_NOUN = re.compile(r"\s+(?:left|remaining|outstanding|still (?:open|outstanding|live|to (?:do|complete|be completed))|"
                               r"not (?:yet )?(?:complete|completed|started|due)|"
                               # "the five actions now running late", "the 3 actions currently off track"
                               r"(?:(?:now|currently|still)\s+)?(?:running (?:late|behind)|overdue|delayed|off[- ]track|"
                               r"behind (?:schedule|plan)|at risk|rated (?:red|amber)))\b", re.I)
# (and the whole that a part is "of": "Of the 14 open actions, 9 were signed off")
_OF_A_STATE = re.compile(r"\bof\s+(?:the|its|our|these)\s+\d[\d,]*(?:" + _STATE_BEFORE_NOUN + r"|\s+(?:[\w-]+\s+){0,2}?"
                         + _ACTION_NOUNS + _STATE_AFTER_NOUN.pattern + ")", re.I)
# "one" with no noun after it stands for one said before it ("subject to one.", "a new one, and"): no figure
_PRONOUN_ONE = re.compile(r"\s*(?:[.,;:!?)]|$|(?:and|or|but|each|too|instead|either)\b)", re.I)


def _sentence_role(c: Candidate, entry: KpiEntry, spans: list[tuple[int, int]],
                   earlier: frozenset[str] = frozenset(), done_part: bool = False) -> tuple[str, str]:
    text = c.snippet
    before, after, predicate = clause(text, c.value_start, c.value_end, spans)
    money = entry.unit == "GBP"
    paid_in = entry.id in _MONEY_KPI_GROUPS["paid-in"]  # a partner's name may be "NHS England"
    raw_before = text[max(0, c.value_start - 90):c.value_start]
    raw_after = text[c.value_end:c.value_end + 60]  # for the words straight after the figure
    sentence_lead = _sentence_before(c)  # the sentence's words before the figure, past semicolons
    if c.value_start > 0 and text[c.value_start - 1].isalpha():
        return "other-noun", "code"  # "CS16", "M9": a number inside an indicator's code
    if (label := _LABEL_NUMBER.search(raw_before)) and (label.group("run") is None or c.raw == str(int(label.group("run")) + 1)):
        return "other-noun", "code"  # "Measure 8: Referrals to children's social care": the measure's number
    if entry.unit == "count" and c.raw.lower() in ("one", "1") and (_AT_LEAST_BEFORE.search(raw_before)
                                                              or _OR_MORE_AFTER.match(text, c.value_end)):
        return "other-noun", "at-least-one"  # "in 187 households there was at least one child on a plan": there was some
    if _BOUND_BEFORE.search(raw_before) and _BOUND_CONDITION.search(raw_before.rsplit(". ", 1)[-1]):
        return "threshold", "bound-of-a-condition"  # "A course runs only with at least 12 delegates booked"
    if entry.id.startswith("plan_actions_completed") and _ON_TIME_AFTER.match(raw_after):
        return "conditional", "done-in-time"  # "74% were complete, and 58% had been completed on time": some of them
    if entry.id == "plan_actions_completed_pct" and _COUNTED_WHOLE.search(sentence_lead) \
            and not _ACTION_WORDS.search(sentence_lead + " " + text[c.match_start:c.match_end]):
        return "other-noun", "done-of-another-whole"  # "into the 131 re-referrals ... found that 38% had been closed"
    if entry.unit == "count" and c.raw.lower() == "one" and _PRONOUN_ONE.match(text, c.value_end):
        return "other-noun", "pronoun-one"  # "316 children stopped being subject to one": a noun said before it
    if entry.unit == "count" and c.match_end > c.value_end and _POSSESSIVE_HEAD.match(text, c.match_end):
        return "other-noun", "possessive-head"  # "two looked after children's nurses": it counts the nurses
    if entry.unit == "count" and _SELECTION_BEFORE.search(raw_before) and _SELECTION_AFTER.match(text, c.value_end):
        return "other-noun", "selection"  # "the waiting lists for the two most popular courses": which ones
    if c.match_end <= c.value_end and _STAGE_NUMBER.fullmatch(c.raw) and _STAGE_BEFORE.search(raw_before):
        return "other-noun", "code"  # "complete by the end of year two": which year of a plan, after its label
    if _YEAR.fullmatch(c.raw) and _TITLE_BEFORE.search(raw_before):
        return "other-noun", "year"  # "Annual Report 2022 Referrals received: 6,130": a title's year
    if entry.id.startswith("plan_actions") and _PEOPLE_DONE.search(raw_before.rsplit(". ", 1)[-1]):
        return "other-noun", "people-done"  # "596 parents started and 461 completed (77%)": a programme's
    if _YEAR.fullmatch(c.raw) and any(m.start() < c.value_start < m.end() for m in
                                      _YEAR_AS_NAME.finditer(text, max(0, c.value_start - 90), c.value_end + 40)):
        return "other-noun", "year"  # "before their summer 2024 courses": which courses, not how many
    if entry.id == "referrals" and (_FROM_OUR_FRONT_DOOR.search(text, c.match_start, c.value_start)
                                    or _FROM_OUR_FRONT_DOOR.match(text, c.value_end)):
        return "look-alike", "from-the-front-door"  # "referrals from children's social care numbered 41": sent by it
    if entry.id == "referrals" and _MADE_BY_US.match(sentence_lead) and not c.subject:
        return "look-alike", "made-by-us"  # "The service made 23 referrals", "licensing officers made 7 referrals to the MAST"
    if entry.id == "referrals" and _REFERRED_ELSEWHERE.match(text, c.value_end):
        return "look-alike", "referred-elsewhere"  # "Two referrals ... were made to the counter fraud team"
    if entry.id == "referrals" and (service := _another_service_took(text, c)):
        # (a body's own team is that body's: "The force's child abuse investigation team received ...")
        return ("other-body" if _ANY_BODY_RX.search(service) else "look-alike",
                "another-service-took")  # "The domestic abuse service ... took 430 referrals"
    if entry.unit == "count" and c.match_end > c.value_end and _LED_TO_AFTER.match(text, c.match_end):
        return "conditional", "led-to"  # "3,640 referrals progressed to a Child and Family Assessment"
    if entry.id in _DONE_KPIS and _WHOLE_OF_N.search(raw_before):
        return "other-noun", "whole-of-the-done"  # "27 of 35 actions completed": 35 is the plan's, not the done
    if entry.unit == "count" and c.match_end > c.value_end and _WHOLE_OF_N.search(raw_before) \
            and _PREDICATE.search(text, c.value_end, c.match_end):
        return "other-noun", "whole-of-the-part"  # "17 of the 64 children open to the service were in care"
    if entry.id in _PRACTITIONER_KPIS and _PLACES_AFTER.match(raw_after):
        return "other-noun", "places"  # "3,002 delegates attended, from 3,540 places booked"
    if entry.id in _PRACTITIONER_KPIS and _NOT_PRACTITIONERS.match(raw_after):
        return "other-noun", "not-practitioners"  # "assemblies reached 3,140 pupils": no delegates of training
    if money and _TO_EACH_AFTER.match(raw_after):
        return "per-capita", "to-each"  # "The ICB contributed £58,000 to each borough's partnership": each one's
    if paid_in and _TO_SEVERAL.search(sentence_lead):
        return "other-body", "to-several"  # "The ICB's contributions to the four partnerships came to £412,000"
    if _PARTNERSHIPS_SUBJECT.match(sentence_lead) and ";" not in sentence_lead:
        return "other-body", "partnerships-subject"  # "Three partnerships (D, E and J) show a police contribution of £118,000"
    if paid_in and _PAID_OUT.search(text, 0, c.value_start):
        return "finance-line", "paid-out"  # "the underspend is returned to the councils ...; Bucks' share is £32,034"
    if _EVERY_N.search(raw_before):
        return "per-capita", "every-n"  # "Every 10 children above the assumed number would add £1.4m"
    if not paid_in and _BRACKETED_BUDGET.search(raw_before):
        return "other-body", "body-bracket-budget"  # "The constabulary (budget £612m in 2024/25) sent 5,240 ..."
    if not paid_in and (owned := _BODY_IN_BRACKETS.match(text)) and owned.end() <= c.value_start:
        return "other-body", "body-in-brackets"  # "Healthy Young Minds (Bury CAMHS, Pennine Care NHS Foundation Trust) received"
    if _AGE_BEFORE.search(raw_before) and not _NOUN_AFTER.match(raw_after):
        return "other-noun", "age"  # "infants under one became subject to a plan": an age, no count
    if _YEAR.fullmatch(c.raw) and _YEAR_AFTER.search(raw_before) and not _MOVED_TO.search(raw_before):
        return "other-noun", "year"  # "projects the number of children in care to 2028": a year
    if _RANGE_END.search(raw_before) or (_RANGE_OPENS.search(raw_before) and _RANGE_START.match(raw_after)):
        if _FORECAST.search(sentence_lead):  # (what a figure listed after it is too: "forecasts between 600 and 605
            return "forecast", "forecast-range"  # children in care, and around 375 children on a plan")
        return "other-noun", "range"  # "between 390 and 420 children": an estimate's range, no one figure
    if not paid_in and _COMPARED_BEFORE.search(raw_before) and _IN_A_PLACE_AFTER.match(raw_after):
        return "comparator", "compared-with-a-place"  # "402 ..., compared with 455 in Eastvale, a council of similar size"
    if _CHANGE_BEFORE.search(before):
        return "change", "change-before"
    if _CHANGE_AFTER.match(raw_after):
        return "change", "change-after"
    if _ADDED_SINCE.match(text, c.value_end):
        return "change", "added-since"  # "6 actions were added to strengthen area 3", "The 6 completed since are listed"
    if _CHANGE_SUBJECT.search(sentence_lead):
        return "change", "change-subject"  # "The difference between the number at 30 September and at 31 March is 19"
    if _EXTRA_BEFORE.search(raw_before) and _COMPARED_WORDS.search(_sentence_at(text, c.value_start, c.value_end)):
        return "change", "extra"  # "7% higher in Q2 than in Q1, an extra 82 referrals"
    if _CHANGE_BRACKET.search(raw_before) or _CHANGE_RESTATED.search(raw_before):
        return "change", "change-in-brackets"
    if _UP_TO.search(raw_before) or (_NO_BEFORE.search(before) and _MORE_THAN.match(c.raw)):
        return "conditional", "up-to"
    if _LIMIT_BEFORE.search(before) or _LIMIT_BEFORE.search(raw_before) or _MODAL_BOUND.search(raw_before) \
            or _PROVIDED_FOR.match(raw_after):
        return "threshold", "limit-words"
    if ((_ABOVE_QUALIFIER.match(c.raw) or _ABOVE_BEFORE.search(raw_before))
            and (_RULE_AFTER.match(raw_after) or _EVERY_BEFORE.search(raw_before))) or _IF_ABOVE.search(raw_before) \
            or _SET_WITH_ABOVE.search(raw_before):
        return "threshold", "rule-words"
    if _EXCEPT.search(raw_before):
        return "other-noun", "except"
    if entry.unit == "count" and _CARED_FOR_BY.search(raw_before):
        return "other-noun", "cared-for-by"  # "Pat and Derek have looked after 63 children in care"
    if not money and entry.unit == "count" and c.match_start >= c.value_start and _FROM_THEM.match(raw_after):
        return "other-noun", "from-them"
    if entry.id in ("referrals", "rereferral_rate") and (_HOUSING_REFERRALS.search(raw_before) or _HOUSING_REFERRALS.search(
            re.split(r"[.;]\s", text[c.value_end:c.value_end + 120], maxsplit=1)[0])):
        return "other-body", "housing-referrals"  # "612 referrals to the council under section 213B of the Housing Act"
    if _TARGET.search(before) or _TARGET.search(after) or _PLANNED_BEFORE.search(before):
        return "target", "target-words"
    if _AGAINST_A_PLAN_OF.search(raw_before):
        return "target", "against-a-plan-of"
    if not money and _ASSUMED_BEFORE.search(raw_before):
        return "forecast", "assumed"  # "The budget was built for 430 children in care": what it assumed, not counted
    if not money and _SET_AT.search(raw_before):
        return "target", "set-at"  # "The local KPI for re-referrals has been set at 21%" (a budget "set at" is agreed)
    if _SAVINGS_LEAD.match(text):  # "Savings of £3.1m come from ... step-down ... for 12 young people": plans
        return ("finance-line", "savings-items") if money else ("target", "savings-items")
    if _AIM_TO.search(raw_before) or _AIM_GOES_ON.search(raw_before):
        return "target", "aim-to"
    if (plan_label := _PLAN_LABEL_BEFORE.search(raw_before)) and not _MEASURED_AGAINST.search(raw_before, 0, plan_label.start()):
        return "target", "plan-label"  # "- milestone: 75% of improvement plan actions signed off by December 2025"
    if _TARGET_LIST.search(raw_before):  # "a target of 150 courses and 3,000 delegates": each item
        return "target", "target-list"
    if _AHEAD_LEAD.search(raw_before):
        return "target", "priorities-for"
    if _ACTION_ITEM.search(raw_before):
        return "target", "action-item"
    if (_FORECAST.search(before) or _FORECAST_AFTER.match(after)) and not (money and _BUDGET_WILL_BE.search(before)):
        return "forecast", "forecast-words"
    if _MODAL_WITH.search(sentence_lead):
        return "forecast", "modal-with"  # "The 2026-27 plan will be shorter, with about 20 actions"
    if (lead := _FORECASTER_LEADS.search(sentence_lead)) is not None and not _OWN_FINITE.search(lead.group("rest")):
        return "forecast", "forecaster-leads"  # "We forecast 640 children in care by March 2026 and a rate of 71"
    if _SUPPOSED.search(sentence_lead):
        return "forecast", "supposed"  # "asked members to imagine a scenario in which 450 children were on plans at once"
    if money and (_PROPOSED.search(before) or _PROPOSED_PENDING.search(before)):
        sentence = _sentence_at(text, c.value_start, c.value_end)
        if _PROPOSED.search(before) and not _AGREED.search(sentence) \
                or _PROPOSED_PENDING.search(before) and _PENDING.search(sentence):
            return "forecast", "proposed"
    if _TO_BE_DONE.match(text, c.value_end) or _TO_BE_LABEL.search(raw_before):
        return "target", "to-be-done"  # "with 10 courses to be redesigned", "Courses to be delivered: 160": planned
    if (bound := _BOUND_BEFORE.search(raw_before)) \
            and _TARGET.search(text[:c.value_start - len(raw_before) + bound.start()]):
        return "target", "aimed-bound"  # "We want to see fewer than 300 children on protection plans"
    lead_cell = _lead_cell(text, c.value_start)  # "Q3 projection (not actuals) | CP plans 455 | CLA 510"
    if lead_cell and _FORECAST.search(lead_cell):
        return "forecast", "forecast-line"
    if lead_cell and _COMPARATOR_LEAD.match(lead_cell):
        return "comparator", "comparator-lead"  # "Regional L&D benchmarking (2024/25): ... average utilisation 84%"
    if lead_cell and (_TARGET.search(lead_cell) or _PLEDGE.search(lead_cell) or _PLANNED_LINE.match(lead_cell)) \
            and not _AGAINST_A_PLAN.search(lead_cell):
        return "target", "target-line"
    if not paid_in and not c.subject and (_BODY_HEADING.search(text, 0, c.value_start)
                                          or _REPORTED_BY_AFTER.match(text, c.value_end)):
        return "other-body", "body-heading"  # "Partner update - the ICB: 1,240 staff trained"
    if lead_cell and not paid_in and _BODY_LEAD.match(lead_cell):
        return "other-body", "body-line"  # "Our police partners' year in numbers 2024: ... | 920 officers trained"
    restated = _restated_count(c, entry, before, spans)
    if restated and (_TARGET.search(restated) or _PLANNED_BEFORE.search(restated)):
        return "target", "rate-of-a-target"
    if restated and _FORECAST.search(restated):
        return "forecast", "rate-of-a-forecast"
    label = _LABEL_COLON.search(raw_before)  # "... - similar authorities: 45.8; all English LAs: 43.2"
    if label and _TARGET.search(label.group(1)) and not _AGAINST_A_PLAN.search(label.group(1)):  # "Stretch target: 4,000 delegates"
        return "target", "target-label"
    if label and _FORECAST.search(label.group(1)):  # "Forecast outturn: £12.4m"
        return "forecast", "forecast-label"
    if label and _COMPARATOR.search(label.group(1)) and not paid_in:
        return "comparator", "comparator-label"
    if _aimed_list(text, c):
        return "target", "aimed-list"  # "The plan sets a trajectory for children on plans: 420 by December, 390 by March"
    lead = _LIST_LABEL.search(raw_before)  # "Comparator (England, 2022/23): children in care rate 71",
    if lead and _COMPARATOR.search(lead.group(1)) and not paid_in:
        return "comparator", "comparator-label"  # "Statistical neighbour averages: CP rate 47.9; CLA rate 69.0"
    own = _CELL_LABEL.search(raw_before)  # the label's own cell, of a line set out in cells too
    # (a figure set against the label's item is not what the label names: "Expected outturn: £1.28m against the
    # £1.31m partnership budget")
    cell = own.group(1) if own else (lead.group(1) if lead and not _SET_AGAINST.search(raw_before, lead.end(1)) else "")
    if cell and _TARGET_LEAD.match(cell):  # "Stretch target agreed with the DfE adviser: 65 per 10,000"
        return "target", "target-label"
    if cell and _FORECAST_LEAD.match(cell):  # "Budget assumption for 2025/26: partner contributions of £520,000"
        return "forecast", "forecast-label"
    if not paid_in and (_COMPARATOR.search(before) or _COMPARATOR.search(after)):
        return "comparator", "comparator-words"
    if paid_in and _AVERAGE.search(before) and (_COMPARATOR.search(before) or _COMPARATOR.search(after)):
        return "comparator", "average-of-others"  # "The average police contribution across the region is £48,000"
    if _AVERAGE_BODY.search(sentence_lead):
        return "comparator", "average-body"  # "the average partnership delivered 118 courses": no one body's figure
    if not paid_in and _SUPERLATIVE_BODY.search(sentence_lead):
        return "comparator", "superlative-body"  # "The largest carried forward £131,000": one of the others, ranked
    if not paid_in and any(_BRACKET_AFTER.match(raw_before, m.end()) for m in _COMPARATOR.finditer(raw_before)):
        return "comparator", "comparator-bracketed"  # "higher across the North West (96 per 10,000) than in England"
    if not paid_in and (apposed := _APPOSED_TO.search(raw_before)) and _COMPARATOR.search(apposed.group(1)):
        return "comparator", "comparator-apposed"  # "the East Midlands rate of children on plans, 45.2 per 10,000,"
    if entry.unit == "count" and not money and _WARD.search(raw_before):
        return "conditional", "ward"  # "the ward with the most children on child protection plans is Eastfield (47)"
    if not paid_in and _QUOTED_AS_COMPARISON.match(predicate):
        return "comparator", "quoted-as-comparison"  # "Luton's rate, 71 per 10,000, was quoted as a point of reference"
    if not paid_in and restated and _COMPARATOR.search(restated):
        return "comparator", "list-of-a-comparator"  # "neighbouring Thurrock had 298 ... and 211 ..."
    # what opens the sentence governs each of its clauses, up to a semicolon
    if not paid_in and _governs(_NEIGHBOUR_APPOSITION.search(text), c):
        return "comparator", "neighbour-named"  # "Shropshire, our nearest neighbour, had 612 children in care"
    if not paid_in and _NEIGHBOUR_PREDICATE.match(text) and ";" not in text[:c.value_start]:
        return "comparator", "neighbour-predicate"  # "Nottingham, with 701 children in care, is the closest of our neighbours"
    if not paid_in and _governs(_CONTEXT_NAMED.match(text), c):
        return "comparator", "context-named"  # "For context, Calderdale recorded 389 children subject to a plan"
    if _governs(_SCENARIO_SUBJECT.match(text), c):
        return "forecast", "scenario-subject"  # "Scenario B (no further investment) would see 270 children on plans"
    if _governs(_TARGET_SUBJECT.match(text), c):
        return "target", "target-subject"  # "Our aspiration is 95% of audits ..., with a re-referral rate of 18%"
    if not paid_in and _NATION_OPENS.match(sentence_lead):
        return "comparator", "nation-opens"  # "For England as a whole the published totals were these: 615,300 ..."
    opener = _OPENER.match(text)
    if not paid_in and _governs(opener, c) and _COMPARATOR.search(opener.group(1)):  # type: ignore[union-attr]
        return "comparator", "comparator-opener"  # "Nationally, 52,120 children were on a plan and 83,630 were in care"
    if not paid_in and any(_governs(m, c) and _COMPARATOR.search(m.group(1))
                           for m in _OPENER_AFTER_COLON.finditer(text, 0, c.value_start)):
        return "comparator", "comparator-opener"  # "The DfE's data: across England, the rate ... was 41.6"
    if money and (_THRESHOLD_BEFORE.search(before) or _THRESHOLD_AFTER.match(raw_after) or _MORE_THAN_SUM.search(raw_before)):
        return "threshold", "threshold-words"
    if not money and _THRESHOLD_AFTER.match(raw_after):
        return "threshold", "or-more"
    if entry.unit == "count" and (_RATIO_BEFORE.search(raw_before) or _IN_EVERY_AFTER.match(raw_after)):
        return "per-capita", "ratio"  # "Safe staffing ratio: 1 IRO to 70 children in care", "three courses in every four"
    if entry.unit != "rate_per_10k" and (_PER_AFTER.match(raw_after) or _EACH_OF_AFTER.match(raw_after) or _PER_BEFORE.search(before)
                                         or _PER_BEFORE.search(_label_before_colon(raw_before))
                                         or (entry.unit == "count" and _PER_UNIT_AFTER.match(raw_after))
                                         or (entry.unit in ("count", "GBP") and (_ON_AVERAGE.search(before)
                                                                                 or _ON_AVERAGE_ASIDE.search(raw_before)
                                                                                 or _AVERAGING_BEFORE.search(raw_before)))
                                         or (entry.unit == "count" and _EACH_HOLDS.search(raw_before))):
        return "per-capita", "per-unit"
    read_after = text[c.value_end:c.match_end].split()  # the words the match read after the figure
    if not money and entry.unit == "count" and read_after and read_after[-1][:1].isupper() \
            and _NAME_HEAD.match(text, c.match_end):  # "... Care Council": a capitalised name
        return "other-noun", "name"
    if not money and entry.unit == "count" and not _VERB.search(text, c.value_end, max(c.value_end, c.match_end)) \
            and _OTHER_HEAD.match(text, max(c.value_end, c.match_end)):
        return "other-noun", "head-noun"
    if entry.unit == "count" and (need := _IN_NEED_OF.search(text, c.value_end)) \
            and need.start() < c.match_end:
        return "other-noun", "in-need-of"  # "its service supported 310 children in need of extra help"
    if entry.measure == "stock" and entry.unit == "count" and _WORKER_HEAD.match(text, max(c.value_end, c.match_end)):
        return "other-noun", "workers"  # "2,975 open CIN cases, allocated to 112 social workers"
    if entry.unit == "count" and _FAMILY_HEAD.match(text, max(c.value_end, c.match_end)) \
            and not _FAMILY_HEAD.search(" ".join((entry.label, *entry.aliases))):
        return "other-noun", "families"  # "The 512 children on a plan ... come from 281 families"
    if c.match_start < c.value_start and not _VERB.match(text, c.match_start) \
            and not re.match(r"(?:reach|ran|run|held|provid|offer|train(?:ed|s)\b)", text[c.match_start:], re.I) \
            and _OF_ANOTHER.search(_clause_start(text, c.match_start)):
        return "other-noun", "qualifies-another"
    if c.subject and _FURTHER_BEFORE.search(before):  # "with a further 85 watching online": that part
        return "part", "further-named"
    whole = c.match_end > c.value_end and _WHOLE_BEFORE.search(raw_before) \
        and not _PREDICATE.search(text, c.value_end, c.match_end)
    if not money and entry.unit == "count" and ((_CONDITION.search(predicate) and not whole) or _CONDITION_BEFORE.search(before)):
        return "conditional", "condition"
    if entry.unit == "count" and c.match_start >= c.value_start and _HEAD_BEFORE.search(before):
        return "other-noun", "qualifies-another"  # "Decisions on 1,318 referrals were made within one working day"
    if not money and entry.unit == "count" and c.match_end > c.value_end and _RESPONDENTS_AFTER.match(text, c.match_end):
        return "conditional", "respondents"  # "71% of the 310 delegates who replied said ...": those who answered
    if not money and entry.unit == "count" and entry.measure == "stock" and not c.subject and (
            c.match_end > c.value_end and _WHO_AFTER.match(text, c.match_end)
            or c.match_start < c.value_start and _WHO_IN_LABEL.search(text, c.match_start, c.value_start)):
        return "conditional", "who-clause"  # "working with 41 children in need who are at risk of coming into care"
    if not money and entry.unit == "count" and entry.measure == "stock" and not c.subject \
            and c.match_end > c.value_end and _WHOM_AFTER.match(text, c.match_end):
        return "conditional", "whom-clause"  # "the 12 children in care it had identified were all known to the school"
    if not money and entry.unit == "count" and entry.measure == "stock" and not c.subject and (
            c.match_end > c.value_end and _WITH_AFTER.match(text, c.match_end)
            or c.match_start < c.value_start and _WITH_AFTER.search(text, c.match_start, c.value_start)):
        return "conditional", "with-clause"  # "41 children in care with a disability", "... with a parent in prison: 38"
    if not money and entry.unit == "count" and entry.measure == "stock" and c.match_end > c.value_end \
            and _SCHOOL_YEAR_AFTER.match(text, c.match_end) and CHILDREN.search(text, c.match_start, c.match_end):
        return "conditional", "school-year"  # "of the 26 children in care in Year 6, 8 met the expected standard"
    if not money and entry.unit == "count" and entry.measure == "stock" and _OBJECT_OF_EVENTS.search(raw_before) \
            and CHILDREN.search(text, c.match_start, max(c.match_end, c.value_end + 40)):
        return "conditional", "event-recipients"  # "Schools issued 118 suspensions to 63 children in care"
    if not money and entry.unit == "count" and entry.measure == "stock" and c.match_end > c.value_end \
            and (_EVENT_AFTER.match(text, c.match_end) or _STATE_AFTER.match(text, c.match_end)) and not c.subject \
            and CHILDREN.search(text, c.match_start, c.match_end) and not whole:
        return "conditional", "event-verb"  # "35 looked after children missed more than 10 days of school"
    if entry.id.startswith("plan_actions") and (c.match_end > c.value_end and (_STATE_ADJECTIVE.match(text, c.value_end)
                                                                           or _STATE_AFTER_NOUN.match(text, c.match_end))
                                                or _OF_A_STATE.search(text, c.match_start, c.value_start)):
        return "conditional", "state-adjective"  # "Of the 12 open actions, 8 were ...": some of them, in a state
    if not money and entry.unit == "count" and _STATUS_AFTER.match(raw_after):
        return "conditional", "status"  # "6 are overdue and 4 are rated red": actions in a state
    if not money and entry.unit == "count" and _BOTH_STATES.match(text, c.value_end):
        return "conditional", "both-states"  # "16 children were both in care and subject to a plan": those in both
    if not money and entry.unit == "count" and c.match_start < c.value_start \
            and _CONDITION.search(_NOT_COUNTING.sub(" ", text[c.match_start:c.value_start])):
        return "conditional", "condition-in-label"  # "the number of children in care without a reviewed plan ... 8"
    if not money and entry.unit == "count" and (_RATED_AFTER.match(raw_after) or (
            entry.measure == "stock" and _AFFECTED_AFTER.match(text, max(c.value_end, c.match_end)))):
        return "conditional", "rated-or-affected"  # "418 delegates rating their course good"
    if not money and entry.unit == "count" and _READ_BY.match(raw_after):
        return "conditional", "sample-read"  # "the 40 contacts and 26 referrals we read": a sample, not the year's
    if not money and entry.unit == "count" and entry.measure == "stock" and _of_another_group(sentence_lead):
        return "conditional", "of-a-group"  # "Of the children on the EHE register, 27 were on plans": some of them
    if not money and entry.unit == "count" and entry.measure == "stock" and not c.subject and c.match_end > c.value_end \
            and (them := _OF_THEM_OPENS.search(sentence_lead)) and not _KPI_PEOPLE.search(sentence_lead, 0, them.start()) \
            and _A_CHILDS_STATUS.search(text, c.value_end, c.match_end):
        return "conditional", "of-them"  # "The service worked with 126 children. Of them, ... 9 were subject to a CP plan"
    if not money and entry.unit == "count" and entry.measure == "stock" and _INVOLVED_WITH.search(sentence_lead):
        return "conditional", "involved-with"  # "its health visitors were involved with 412 children subject to a plan"
    if not money and entry.unit == "count" and entry.measure == "stock" and not c.subject \
            and (sup := _SERVICE_SUPPORTS.search(sentence_lead)) and _NAMED_SERVICE.search(sup.group("who")) \
            and not _CHILDRENS_OWN_SERVICE.search(sup.group("who")):
        # (a named body's scheme, "Brightstart's mentoring scheme supported 140 children in care", is that body's)
        if re.search(r"['’]s?\s", sup.group("who")):
            return "other-body", "a-services-caseload"
        return "conditional", "a-services-caseload"  # "The young carers service currently supports 46 children who are on plans"
    if not money and entry.unit == "count" and _THEIR_OPENER.match(sentence_lead):
        return "conditional", "cohort-opener"  # "At the start of their order 26 children were on a plan": a cohort's
    if not money and entry.unit == "count" and _FINDINGS_IN.search(raw_before):
        return "conditional", "findings-in"  # "In 22 of the 26 referrals (85%) the child was seen in time": cases read
    if not money and entry.unit == "count" and _AUDITED.search(text[:c.value_start]):
        return "conditional", "audit-sample"  # "Audit of 60 child protection plans: 41 good or better"
    if not money and entry.unit == "count" and _AFFECTING.search(raw_before):
        return "conditional", "affected"  # "33 reviews were held late, affecting 29 children in care"
    if not money and entry.unit == "count" and _DONE_FOR.search(raw_before):
        return "conditional", "done-for"  # "Graded Care Profile 2 had been completed for 58 children subject to a plan"
    if not money and entry.unit == "count" and _FOR_OPENING.search(raw_before) \
            and (_CONDITION.search(rest := text[c.value_end:c.value_end + 160].split(". ")[0]) or _DEFICIENT.search(rest)):
        return "conditional", "for-whom"  # "For 32 children in need, the plan lacked clear outcomes"
    if not c.subject and entry.unit == "count" and _OF_WHICH_AFTER.match(raw_after):
        return "part", "of-which-after"
    if not done_part and not c.subject and entry.unit == "count" and _N_OF_M.match(raw_after):
        return "part", "n-of-m"  # "29 of the 391 are unaccompanied ...": a part, named or not at all
    if not done_part and not c.subject and entry.unit == "count" and _SOME_OF_THE.match(raw_after):
        return "part", "n-of-the"  # "Twelve of the courses now include a module on ...": some of them
    if entry.unit == "count" and _THE_BEFORE.search(raw_before) and _SUPERLATIVE_AFTER.match(raw_after):
        return "part", "the-n-most"  # "waiting lists for the two busiest courses": some picked out of them
    part_of = _PART_OF.search(raw_before)
    # "412 children on a plan, of whom 96 were under five" and "£38,500, of which £31,940 was
    # spent" are parts; "20 actions, of which 15 were completed" is the completed actions' own figure
    relative = part_of is not None and part_of.group(0).lower().startswith(("of which", "of whom"))
    if money and _WHOSE.search(before):  # "the regional panel, whose own budget is £164,000"
        return "other-body", "whose"
    if _BODY_WHICH.search(raw_before) or _BODY_KIND_WHICH.search(raw_before):  # "NHS Northshire ICB, which has a budget of £2.5 billion", "the provider's
        # action plan, which has 9 actions"
        return "other-body", "owner-which"
    if money and _SHARE_OF_BUDGET.search(raw_before):  # "the minimum of 2.5% of net budget (£14.8m)"
        return "threshold", "share-of-budget"
    whole = _OF_WHICH.search(raw_before) if money else None
    if whole is not None and _OTHER_BODY.search(raw_before[:whole.start()]):
        return "other-body", "owner-of-whole"  # "The ICB's allocation is £1.6bn, of which mental health spend is £180m"
    if part_of and not c.subject and not done_part and (money or c.kpi in earlier or not (relative or earlier)):
        if not money and named_part(c):  # the part names itself: it becomes a fact with that subject
            return "part", "of-which-named"
        return "part", "of-which"
    # "BSOL CCG looks after 1.3 million people and the budget is ...": "the budget" is the owner's named before
    owner_before = _OTHER_BODY.search(before) or _KIND_POSSESSIVE.search(before) \
        or (_ANAPHORIC_BUDGET.match(before) and _OTHER_BODY.search(raw_before)) \
        or (money and _POLICE.search(before)) \
        or (money and _AND_VERB.search(raw_before) and _OTHER_BODY.match(_subject_of(text))) \
        or (money and _governs(_BODY_POSSESSIVE_OPENS.match(text), c)) \
        or (money and _ROLE_THEN_BODY.search(sentence_lead))
    if money and not paid_in and entry.measure == "amount" \
            and entry.id not in ("budget_carry_forward",) and owner_before:
        return "other-body", "owner-words"
    if not paid_in and (_BY_OTHER.search(re.split(r"[;.]\s", raw_before)[-1]) or _HELD_BY_OTHER.match(raw_after)
                        or _RUN_BY_AFTER.match(text, c.value_end) or _WITHIN_BODY.search(text, 0, c.value_start)):
        return "other-body", "by-another"  # "Training delivered by the ICB's named GP ... reached 846 practice staff"
    if not paid_in and (_ACCORDING_TO.search(sentence := _sentence_at(text, c.value_start, c.value_end))
                        or _BRACKETED_SOURCE.search(sentence) or _quoted_body(text, c.value_start)):
        return "other-body", "according-to"
    if entry.id in _PRACTITIONER_KPIS and (_WHOLE_TEAM.search(raw_before) or _WHOLE_OF_N.search(raw_before)) \
            and _STAFF_AFTER.match(raw_after):
        return "other-noun", "whole-team"  # "training for all 15 staff", "2 of the 3 staff had completed the diploma"
    if entry.id.startswith("training") and (_SINGLE_AGENCY.search(text[:c.value_start].rsplit(";", 1)[-1][-160:])
                                             or _SINGLE_AGENCY.search(_CELL_BREAK.split(predicate)[0])
                                             # "Partners' own activity: ...; health ran 38 sessions"
                                             or ((listed := _LIST_LABEL.search(text, 0, c.value_start)) is not None
                                                 and _SINGLE_AGENCY.search(listed.group(1)))
                                             or _OWN_WORKFORCE_AFTER.match(text, c.value_end)):
        return "other-noun", "single-agency"  # "ran single-agency DSL training ... in 9 sessions": not multi-agency
    if not paid_in and _THE_BODY_DOES.search(raw_before):
        return "other-body", "the-body-does"  # "... made 23 referrals, and the school ran 6 safeguarding sessions"
    if not paid_in and (_VISITED_WHICH.search(sentence_lead) or _EXAMINED_BY_US.search(sentence_lead)):
        return "other-body", "visited-by-us"  # "Board members visited the Calderdale partnership, which delivered 118"
    if _OURS_APART_AFTER.match(text, c.value_end) and not _WRITER.search(sentence_lead):
        return "other-body", "ours-apart"  # "the partners contributed £520,000 between them; our own funding is ..."
    if not paid_in and _said_not_ours(text, c):
        return "other-body", "said-not-ours"  # "Eastleigh's community safety budget is £412,000; it reports ..., not to this board"
    if not paid_in and entry.unit == "count" and _PLACED_BY_OTHERS.match(text, c.value_end):
        return "other-body", "placed-by-others"  # "we were caring for 287 children, placed with us by 34 local authorities"
    if not paid_in and (_for_several_areas(text, c) or _for_several_areas(text, c, _named_areas)
                        or (entry.id not in _PRACTITIONER_KPIS and _for_several_areas(text, c, _FROM_SEVERAL_AREAS.finditer))):
        return "other-body", "several-areas"  # "Kids Matter's project supported 85 children in care from four local authorities"
    if not paid_in and _body_does(text, c.value_start) and not _WHOLE_OF_A_PART.search(raw_before) \
            and not (c.subject and c.pattern.endswith("+part")):  # (the body made the part it names, of our whole)
        return "other-body", "body-opens"  # "The regional adoption agency ... had a 2025/26 budget of £5.82m"
    if not paid_in and _governs(_FRIENDS_AT.search(text, 0, c.value_start), c):
        return "other-body", "friends-at"  # "our friends at the Essex Safeguarding Children Partnership, who trained 5,600"
    if _HOSTED.search(raw_before):
        return "other-body", "hosted-by"  # "The joint Youth Justice Service, hosted by Bristol City Council, spent £2.8m"
    if not paid_in and _governs(opening := _BODY_SUBJECT.match(text) or _body_apposition(text) or _BODY_RUNS.match(text), c) \
            and not _SET_AGAINST_CLAUSE.search(text, opening.end(), c.value_start):  # type: ignore[union-attr]
        # (not past a clause set against it: "Barnardo's delivered 27 parenting courses, while the partnership's own
        # programme ran 126 courses")
        return "other-body", "body-subject"  # "Family Lines, the voluntary-sector provider, ran 38 courses"
    if not paid_in and (semi := text.rfind("; ", 0, c.value_start)) >= 0 \
            and _BODY_SUBJECT.match(text[semi + 2:c.value_start]):
        return "other-body", "body-subject"  # "...; health providers reported spend of £3.4m": its clause's subject
    if not money and entry.unit == "count" and (_OTHER_BODY.search(before) or _KIND_POSSESSIVE.search(before) or (
            _PARTICIPLE.match(before) and _OTHER_BODY.match(_subject_of(text)))):
        return "other-body", "owner-words"
    if entry.id in _MONEY_KPI_GROUPS["own"]:
        if _SHARE_OF_PROGRAMME.match(raw_after):  # "Expenditure to 30 September was £79.4m (37% of the programme)"
            return "finance-line", "programme"
        if entry.id == "expenditure_total" and (_SPENT_ON_ITEM.match(raw_after)
                                                or _SPEND_ON_ITEM.search(re.split(r"[.;]\s", raw_before)[-1])
                                                or (_SPENT_BEFORE.search(raw_before) and _SPENT_ITEM_AFTER.match(raw_after))):
            return "finance-line", "spent-on-item"  # "£3.4m had been spent on nightly-paid accommodation": one line
        if (_FINANCE_LINE.search(before) or _JOINED_INCOME.search(raw_before)) and not _OWN_BUDGET.search(before):
            return "finance-line", "finance-noun"
        if _HEAD_LINE_OF.search(raw_before):
            return "finance-line", "head-noun"  # "The 2024/25 budget includes efficiencies of £52.6m": the efficiencies'
        if _LINE_OF.search(raw_before):
            return "finance-line", "line-of"  # "The budget makes a planned contribution of £3.0m" to reserves
        if _PROJECT_MONEY.search(raw_before) or _CAPITAL_LEAD.match(text):
            return "finance-line", "project"  # "a four-bedroom children's home ..., with a budget of £1.90m"
        if " | " in text[:c.value_start] and _CAPITAL.search(text.split(" | ", 1)[0]):
            return "finance-line", "capital"  # "Capital outturn 2020/21 | Programme £171.0m | Spent £143.6m"
        if _INCLUDES_CARRY.search(text) and not _OWN_BUDGET.search(before):
            return "look-alike", "total-with-carry-forward"
    if paid_in and _MIXED_INCOME.search(before + after):
        return "look-alike", "mixed-income"
    if paid_in and _TO_PLACEMENTS.search(raw_before):
        return "finance-line", "to-placements"  # "Contributions from health to joint placements are budgeted at £5.2m"
    if paid_in and _DEVELOPERS.search(raw_before):
        return "finance-line", "developers"  # "Section 106 contributions held or secured total £19.4m"
    if money and entry.id != "budget_carry_forward" and _SEVERAL_YEARS_AFTER.match(raw_after):
        return "finance-line", "several-years"  # "will pay £100.0m between 2022/23 and 2026/27"
    if money and _TO_RESERVE.match(text[c.value_end:c.value_end + 120]):
        return "finance-line", "to-reserve"  # "a £2.5m contribution to the Transformation Reserve", "£2.0m is transferred to"
    if entry.id == "budget_carry_forward" and _TOTAL_INCLUDING.search(raw_before):
        return "look-alike", "total-with-carry-forward"  # "total including balance brought forward £512,300"
    if entry.id == "budget_carry_forward" and _CARRY_THEN_TOTAL.search(raw_before):
        return "look-alike", "total-with-carry-forward"  # "contributions plus balance brought forward | Total | £588,900"
    if entry.id == "budget_carry_forward" and _INCLUDING_AFTER.match(raw_after):
        return "look-alike", "total-with-carry-forward"  # "total funds of £731,900 including the balance brought forward"
    if money and _OF_RESERVES_AFTER.match(raw_after):
        return "finance-line", "of-reserves"  # "the use of £25,000 of reserves": a drawing on the balance
    if entry.id == "budget_carry_forward" and _DRAWN_FROM.match(raw_after):
        return "finance-line", "drawn-from-balance"  # "£7,000 drawn from the balance brought forward": its use
    if entry.id == "budget_carry_forward" and _SAVINGS_CARRIED.search(_sentence_at(text, c.value_start, c.value_end)):
        return "finance-line", "savings-carried"  # "Of the £4.6m of savings, £2.1m are carried forward": undelivered
    return ("part", "subject") if c.subject else (_base_role(entry), "default")


# money shared over a number of people: "Contribution per 1,000 children", "£ per child 0-17"
_PER_POPULATION = re.compile(r"\bper\s+(?:[\d,]+\s+)?(?:children|child|young people|pupils?|residents?|people|persons?|"
                             r"heads?|households?|population|capita)\b", re.I)


def _column_head(c: Candidate) -> str:
    """The head of the table column a figure stands in, when the row read ("label | heads | values") pairs
    each head with one value; else ""."""
    cells = c.snippet.split(" | ")
    heads, values = cells[1:-1], cells[-1]
    start = len(c.snippet) - len(values)
    if not heads or c.value_start < start:
        return ""
    tokens = values.split()
    at = len(c.snippet[start:c.value_start].split())  # (the values before it)
    return heads[at] if len(tokens) == len(heads) and at < len(heads) else ""


_LABEL_BEFORE_COLON = re.compile(r"([^.;:|]{3,120}):\s*[£$€]?\s*$")


def _label_before_colon(raw_before: str) -> str:
    """The label a figure straight after a colon has, back to the sentence's start: "Net revenue budget per head of
    population, 2025/26" before ": £1,564"; "" when no colon stands just before the figure."""
    m = _LABEL_BEFORE_COLON.search(raw_before)
    return m.group(1) if m else ""


_TABLE_LABEL_RULES = (
    ("comparator", "comparator-label", _COMPARATOR),
    ("target", "target-label", _TARGET),
    ("forecast", "forecast-label", _FORECAST),
    ("change", "change-label", _CHANGE_LABEL),
    ("per-capita", "per-unit-label", _PER_BEFORE),
)


# a column of a group's spread, not any one member's: "Group median | Lowest | Highest"
_SPREAD_COLUMN = re.compile(r"^\W*(?:lowest|highest|min(?:imum)?|max(?:imum)?|best|worst|range|(?:group |peer |cohort )?"
                            r"(?:median|mean|average))\b", re.I)
# an audit's or a test's columns: "Test | Sample | Met | Not met | % met", "Files tested | Compliant | Exceptions"
_AUDIT_COLUMN = re.compile(r"^\W*(?:(?:sample|test|files?|cases?)(?: size)?|(?:number |no\.? )?(?:tested|sampled|audited)|"
                           r"(?:not |% |per ?cent )?(?:met|compliant|achieved)|non-compliant|exceptions?|pass(?:ed)?|fail(?:ed)?)\W*$",
                           re.I)


# a benchmark table's quartile columns, not quarters: "Q1 | Median | Q3" with "quartile" or a median between
_QUARTILE_HEAD = re.compile(r"\bquartiles?\b|\bQ1\b.*\bmedian\b.*\bQ3\b", re.I)


# a part whose group is unknown, not a condition: "Other / not recorded", "Not stated"
_UNKNOWN_GROUP = re.compile(r"\bnot (?:recorded|known|stated|specified|given|disclosed|available|applicable|obtained)\b", re.I)


def _table_role(c: Candidate, entry: KpiEntry) -> tuple[str, str]:
    label = c.snippet.split(" | ", 1)[0]
    if c.period is not None and c.period.kind == "quarter" and _QUARTILE_HEAD.search(c.snippet, 0, c.value_start):
        return "comparator", "quartile-columns"  # "England | North West | Q1 | Median | Q3 | Oldham quartile"
    if c.subject and _SPREAD_COLUMN.match(c.subject) and entry.id not in _MONEY_KPI_GROUPS["paid-in"]:
        return "comparator", "spread-column"  # "Measure | Group median | Lowest | Highest" over "CP plan rate | 44.1 | 28.6 | 71.0"
    if c.subject and _AUDIT_COLUMN.match(c.subject):
        return "conditional", "audit-column"  # "Test | Sample | Met | Not met" over "Children in need | 20 | 16 | 4"
    for role, rule, rx in () if entry.id in _MONEY_KPI_GROUPS["paid-in"] else _TABLE_LABEL_RULES:
        if rx.search(label):
            return role, rule
    if entry.unit == "count" and _CONDITION.search(_UNKNOWN_GROUP.sub(" ", re.sub(r"\([^()]*\)", " ", label))):
        return "conditional", "condition-label"  # "CIN cases awaiting allocation | 17", "CIN plans overdue for review | 63"
    if entry.id in _MONEY_KPI_GROUPS["own"] and _FINANCE_LINE.search(label) and not _OWN_BUDGET.search(label):
        return "finance-line", "finance-label"
    if entry.unit == "GBP" and (_PER_BEFORE.search(head := _column_head(c)) or _PER_POPULATION.search(head)):
        return "per-capita", "per-unit-column"  # "Agency | Contribution per 1,000 children" over "Police | £480"
    if entry.unit == "GBP" and _TOTAL_INCLUDING.search(label):
        return "look-alike", "total-with-carry-forward"  # "Total available including balance brought forward | 316,750"
    return ("part", "subject") if c.subject else (_base_role(entry), "default")


# a partner's name straight before an amount, after a list's colon or semicolon: "Partner
# contributions 2022/23: County Council £210,000; Police £52,000"
_LIST_NAME = re.compile(r"[:;]\s*(?!(?i:total|overall|grand|sub-?total|in total|in|of|from|was|were)\b)(?P<name>(?-i:(?:the )?[A-Z][\w&'.-]*(?: (?:and |of |for |& )?[A-Z][\w&'.-]*){0,6}))"
                        r"\s*[-:]?\s*$")


_TOTAL_NAME = re.compile(r"\btotal\b", re.I)
# "Partners contributed £420,000": all the partners together, not one of them
_COLLECTIVE = re.compile(r"^(?:the )?(?:(?:three|four|five|six|all|statutory|key|safeguarding|relevant|other|member|"
                         r"partner|contributing|funding)\s+)*(?:partners|agencies|organisations|organizations|"
                         r"partner agencies|members|funders|contributors)$", re.I)


# a clause that opens with the rate's unit counts per 10,000: "Per 10,000 children, 44 were on a plan"
_PER_10K_OPENS = re.compile(r"(?:^|[.;:]\s+)\W*(?:per|for every)\s+10,?000(?:\s+(?:children|under[- ]18s|of the (?:child )?population|"
                            r"(?:children and )?young people))?\s*,?\s*(?:there were\s+|we had\s+)?$", re.I)


# or names it after the count's noun: "There are 94 children in care for every 10,000 children in Salford"
_PER_10K_AFTER = re.compile(r"[^.;,:|\d]{0,50}?\b(?:for every|per|in every)\s+10,?000\b", re.I)


def _route(c: Candidate, library: Library) -> Candidate:
    """A table row or a line labelled as a look-alike measure ("CP plans started" under the stock
    KPI) goes where the KPI's own `redirect` phrases send a sentence; a total of contributions
    read from one partner's entry in a list is that partner's."""
    if c.kpi == "agency_contribution" and _TOTAL_NAME.search(c.subject) and _MIXED_INCOME.search(c.subject):
        return replace(c, role="look-alike", role_rule="mixed-income")  # "Contributions and other income total"
    if c.kpi == "agency_contribution" and (_COLLECTIVE.match(c.subject.strip()) or _TOTAL_NAME.search(c.subject)) \
            and "budget_contributions" in library.kpis:  # (a total is no partner's)
        return replace(c, kpi="budget_contributions", subject="", pattern=f"{c.pattern}>budget_contributions")
    if c.kpi == "budget_contributions" and "agency_contribution" in library.kpis and c.method != "table":
        named = _LIST_NAME.search(c.snippet, 0, c.value_start)
        if named and named.end() == c.value_start:
            return replace(c, kpi="agency_contribution", subject=named.group("name"),
                           pattern=f"{c.pattern}>agency_contribution")
    rate = library.rates().get(c.kpi)
    if rate and c.method != "table" and (_PER_10K_OPENS.search(c.snippet, 0, c.value_start)
                                         or _PER_10K_AFTER.match(c.snippet, c.value_end)):
        return replace(c, kpi=rate, pattern=f"{c.pattern}>{rate}")  # "Per 10,000 children, 44 were on a plan"
    if c.method == "regex" or c.sentence >= 0 and c.method != "table":
        return c  # sentences were routed by the matcher's clause rules already
    label = c.snippet.split(" | ", 1)[0] if c.method == "table" else c.snippet
    for rx, target in library.kpis[c.kpi].redirect:
        if rx.search(label):
            if not target:
                return replace(c, role="look-alike", role_rule="redirect-label")
            if target in library.kpis and library.kpis[target].unit == library.kpis[c.kpi].unit:
                return replace(c, kpi=target, pattern=f"{c.pattern}>{target}")
    return c


def role_of(c: Candidate, library: Library, spans: list[tuple[int, int]] | None = None,
            earlier: frozenset[str] = frozenset()) -> tuple[str, str]:
    """The role of one candidate and the rule that decided it; `earlier` holds the KPIs read
    before it in the same sentence (a part is a part of its own KPI's whole)."""
    entry = library.kpis[c.kpi]
    if c.raw.startswith(("+", "\u00b1")) or c.snippet[c.value_start - 1:c.value_start] in ("+", "\u00b1"):
        return "change", "signed"  # "Children becoming subject to a CP plan +46": no count is written with a plus
    if c.method == "table":
        return _table_role(c, entry)
    # a KPI that counts the done part of another's whole ("Of these, 31 have been completed") is a
    # part by its definition: "of these" does not make it a part of itself
    done = library.memo(("completed-parts",), lambda: frozenset(
        e.lexicon.completed for e in library.kpis.values() if e.lexicon and e.lexicon.completed))
    return _sentence_role(c, entry, figure_spans(c.snippet) if spans is None else spans, earlier, c.kpi in done)


def subject_of(c: Candidate, library: Library) -> str:
    """The sub-population a candidate's match names (the library's `[subject]` table), if the
    matcher did not name one."""
    if c.subject:
        return c.subject
    start = min(c.match_start, c.value_start)
    text = c.snippet[start:max(c.match_end, c.value_end)]
    if c.method == "table":  # a row's label names its part; the header's cells are other columns' ("Under 1 | Total")
        text = text.split(" | ", 1)[0]
    # the words that modify the match's noun from before it: "Unaccompanied asylum-seeking
    # [children in care: 57]" (no figure, punctuation or conjunction between)
    lead = _NOUN_LEAD.search(c.snippet, max(0, start - 60), start)
    led = c.snippet[lead.start():start + len(text)] if lead else ""
    own = set(library.kpis[c.kpi].part_of.values()) if c.kpi in library.kpis else set()
    for s in library.subjects:
        if s.name in own:
            continue  # the KPI is that part's own measure: it names no part of itself
        m = s.regex.search(text)
        if m and not _EXCLUDING.search(text, 0, m.start()):
            return s.name
        m = s.regex.search(led) if led else None
        if m and m.start() < start - lead.start() and not _EXCLUDING.search(led, 0, m.start()):
            return s.name  # it starts in the words before the match
    return ""


# The service a council's budget or spend is for (spec/kpis.md: "a service's or directorate's,
# naming it in `subject`"), said before the money's noun ("The Children's Services revenue budget
# for 2022/23", "the 2023/24 children's services net budget", "Children's Social Care: net
# budget") or after it ("the budget for children's social care"): its words are a service's
# vocabulary, and it ends with a service's head word.
_SERVICE_WORD = re.compile(
    r"(?:children|childrens|adults?|young|people|family|families|early|help|social|care|health|public|education|"
    r"inclusion|send|learning|skills|youth|justice|disabilit(?:y|ies)|with|schools?|fostering|adoption|"
    r"residential|placements?|commissioning|housing|highways|transport|waste|environment|communities|community|"
    r"wellbeing|leisure|culture|libraries|corporate|resources|place|and|&|services?|directorate|department)", re.I)
_SERVICE_HEAD = re.compile(r"(?:services?|care|education|inclusion|directorate|department|families|help|placements|"
                           r"send|skills|learning|justice)", re.I)
_GENERIC_SERVICE = re.compile(r"(?:services?|directorate|department|care|help|social care)", re.I)
_MONEY_NOUN = r"(?:budget|spend|spending|expenditure|outturn)"
_MONEY_MODIFIER = r"(?:(?:net|gross|revenue|controllable|cash[- ]limited|base|approved|original|revised|annual|total|" \
                  r"overall|operating|final)\s+)*"
_SERVICE_BEFORE = re.compile(rf"(?P<run>(?:[\w'’&]+,?\s+){{1,6}}?){_MONEY_MODIFIER}{_MONEY_NOUN}\b", re.I)
# "Salford's Early Help service has a budget of £6.3m"
_SERVICE_HAS = re.compile(rf"(?P<run>(?:[\w'’&]+,?\s+){{1,6}}?)(?:has|had|holds|held|is given|was given)\s+(?:a|an|its)\s+"
                          rf"{_MONEY_MODIFIER}{_MONEY_NOUN}\b", re.I)
_SERVICE_AFTER = re.compile(rf"\b{_MONEY_NOUN}\s+(?:for|on|of)\s+(?:the\s+)?(?P<run>[^£]+)$", re.I)


def _bare(word: str) -> str:
    """A word without its comma or possessive ending, lower case: "Services'," -> "services"."""
    return re.sub(r"['’]s?$", "", word.rstrip(",")).lower()


def _service_run(words: list[str], forward: bool = False) -> str:
    """The service a run of words ends with (or, `forward`, begins with): its longest tail (head)
    of a service's words that ends with a head word (a lone generic word, "the service's
    budget", names none)."""
    tail: list[str] = []
    for w in words if forward else reversed(words):
        if not _SERVICE_WORD.fullmatch(_bare(w)):
            break
        tail.append(w)
    if not forward:
        tail.reverse()
    while tail and tail[0].rstrip(",").lower() in ("and", "&", "with"):
        tail.pop(0)
    while forward and tail and not _SERVICE_HEAD.fullmatch(_bare(tail[-1])):
        tail.pop()
    if not tail or not _SERVICE_HEAD.fullmatch(_bare(tail[-1])):
        return ""
    name = re.sub(r"['’]s?$", "", " ".join(tail)).rstrip(",")
    return "" if _GENERIC_SERVICE.fullmatch(name) else name


def service_subject(c: Candidate) -> str:
    """The council's service a budget or spend figure is for, when its sentence names one."""
    before = c.snippet[:c.value_start]
    clause = re.split(r"[.;](?:\s|$)|\|", before)[-1]
    label = re.match(rf"\s*(?P<run>[^:]{{3,60}}?)\s*(?:{_MONEY_NOUN}\s*)?(?:(?:19|20)\d\d\S*\s*)?:", clause, re.I)
    after = _SERVICE_AFTER.search(clause)
    if after is not None and (name := _service_run(after.group("run").split(), forward=True)):
        return name
    for m in (*reversed(list(_SERVICE_BEFORE.finditer(clause))), _SERVICE_HAS.search(clause), label):
        if m is not None and (name := _service_run(m.group("run").split())):
            return name
    # the service that spent it, as the clause's subject or after "by": "Children's services spent £148.2m ...
    # against a net budget of £141.0m", "£96.1m was spent by the council's children's social care service"
    by = _SPENT_BY.search(clause)
    if by is not None and (name := _service_run(by.group("run").split(), forward=True)):
        return name
    doer = _SERVICE_SPENT.match(clause)
    if doer is not None and (name := _service_run(doer.group("run").split())):
        return name
    return ""


# the service itself, named by a generic word as its clause's subject: "The directorate's net budget", "The service spent"
_GENERIC_DOER = re.compile(r"(?:^\W*(?:\d+(?:\.\d+)*\s+)?(?:in\s+[\w/-]+,?\s+)?|\s)the\s+(?:directorate|service|department)(?:['’]s|\s+(?:spent|overspent|"
                           r"underspent|has|had|holds))\b", re.I)


def _headed_service(c: Candidate, lines: list[str]) -> str:
    """The service a heading just above names, when the clause calls it only "the directorate" or "the
    service" ("Revenue Budget 2025/26 – Children and Families Directorate" over "The directorate's net revenue
    budget for 2025/26 is £142.6m")."""
    clause = re.split(r"[.;](?:\s|$)|\n", c.snippet[:c.value_start])[-1]
    doer = _GENERIC_DOER.search(clause)
    if doer is None or c.line is None:
        return ""
    # (a heading run into the sentence stands before its doer: "Children's Services - 2024/25 outturn The directorate spent")
    for line in [clause[:doer.start()]] + list(reversed(lines[max(0, c.line - 3):c.line])):
        for part in re.split(r"\s[-\u2013\u2014:]\s|:", line.strip()):
            words = re.sub(r"\(?(?:19|20)\d\d(?:[/-]\d\d)?\)?", " ", part).split()
            if words and (name := _service_run(words)) and len(name.split()) == len(words):
                return name
    return ""


_SPENT_BY = re.compile(r"\bspent\s+by\s+(?:the\s+)?(?:council['’]s\s+|county['’]s\s+|our\s+)?(?P<run>[^£,;]+?)\s*(?:\bin\b|\bagainst\b|,|$)",
                       re.I)
_SERVICE_SPENT = re.compile(r"^\W*(?:the\s+)?(?P<run>(?:[\w'’&/-]+,?\s+){1,8}?)(?:spent|overspent|underspent|spends)\b", re.I)


# a noun's modifiers straight before it, back to a figure, punctuation or a conjunction
_NOUN_LEAD = re.compile(r"(?:(?!(?:and|or|but|than|with|from|versus|vs|compared|plus|by)\b)[A-Za-z][\w'-]*\s+){1,4}$", re.I)
# "children in care (excluding UASC)": the part is left out, so it names no part
_EXCLUDING = re.compile(r"\b(?:excluding|excl\.?|exc\.|not including|other than|apart from|except(?: for)?|"
                        r"without|less|minus)\s+(?:the\s+|those\s+|any\s+)?(?:[\w-]+\s+){0,2}$", re.I)


# the council whose care the children a figure counts are in, named after it: "1,071 children were in the care of
# Essex County Council"
_IN_THE_CARE_OF = re.compile(r"[^.;:]{0,60}?\bin the care of (?:the )?(?P<name>(?:(?-i:[A-Z])[\w'’-]*\s+(?:(?:and|upon|on)\s+)?){1,4})"
                             r"(?:(?:city|county|borough|metropolitan borough|district)\s+)?council\b", re.I)


def assign(cands: list[Candidate], library: Library, doc: DocumentContext | None = None,
           layout: PageLayout | None = None) -> list[Candidate]:
    """Every candidate with its subject, role and rule set (look-alike labels routed first).

    From the document (`doc`): its council (`area_code`) makes another named council's figures
    that council's; a body that is no area whose paper this is (`owner`, docarea.document_owner)
    makes every figure that body's; another service than children's that the paper is about
    (`service`, docarea.document_service) makes every figure whose text names no children that
    service's. From the page (`layout`): an item of a list under a lead of plans ("Milestones",
    "Our targets for 2025/26:") is a target or a forecast, and a sentence that goes on about
    another body named by the one before ("Essex Police has refreshed its training. It delivered
    212 sessions") is that body's."""
    area, area_code, owner, service, front = (doc.area, doc.area_code, doc.owner, doc.service, doc.front) \
        if doc is not None else ("", "", "", "", "")
    lines = layout.lines if layout is not None else None
    out = []
    spans_of: dict[str, list[tuple[int, int]]] = {}
    read: dict[str, list[tuple[int, str]]] = {}  # per sentence or row: where each figure ends, and its KPI
    for c in cands:
        read.setdefault(c.snippet, []).append((c.value_end, c.kpi))
    page_owner = _page_of_another(lines, area_code) if lines is not None else ""
    blocks = _place_blocks(lines) if lines is not None else {}
    # (the writers the front names, the blocks' own heading lines aside: a one-page paper's front is its page)
    named = {key(b.name) for b in blocks.values()}
    front_of_writers = "\n".join(ln for ln in front.split("\n") if key(ln.strip()) not in named) if blocks else front
    block_writers = {b.code for b in set(blocks.values()) if _a_writer(b.name, front_of_writers)}
    for c in cands:
        c = _route(c, library)
        c = replace(c, subject=subject_of(c, library))
        if (block := blocks.get(c.line)) is not None and c.method != "table" and not c.subject \
                and c.kpi not in _MONEY_KPI_GROUPS["paid-in"]:
            # a page set out in blocks under places' names ("NORTHUMBERLAND" over its figures, then "NORTH
            # TYNESIDE" over its own): a writer's block is that council's part of a joint paper, another's is theirs
            if block.code == area_code and not block_writers - {block.code}:
                pass  # (our own block beside a neighbour's, in our own paper: our whole figures)
            elif block.code == area_code or block.code in block_writers:
                c = replace(c, subject=block.name)
            else:
                out.append(replace(c, role="other-body", role_rule="block-of-another"))
                continue
        if c.role:
            out.append(c)
            continue
        spans = None
        if c.method != "table":
            spans = spans_of.get(c.snippet)
            if spans is None:
                spans = spans_of[c.snippet] = _without_ages(c.snippet, figure_spans(c.snippet))
        earlier = frozenset(k for end, k in read.get(c.snippet, ()) if end <= c.value_start)
        role, rule = role_of(c, library, spans, earlier)
        lead = _sentence_before(c)  # (the sentence's words before the figure, for the rules of owners below)
        if role in FACT_ROLES | {"part"} and _another_councils(c, library, area_code):
            role, rule = "other-body", "another-council"
        elif role in FACT_ROLES | {"part"} and area_code and c.method != "table" \
                and (cared := _IN_THE_CARE_OF.match(c.snippet, c.value_end)) is not None \
                and another_place(cared.group("name"), area_code):
            role, rule = "other-body", "in-anothers-care"  # "460 children were in the care of Medway Council" in Kent's paper
        elif role in FACT_ROLES | {"part"} and c.kpi not in _MONEY_KPI_GROUPS["paid-in"] \
                and _another_place_in_clause(c, area_code, front):
            role, rule = "other-body", "another-place"  # "In Medway there were 455 children in care" in Kent's paper
        elif role in FACT_ROLES | {"part"} and c.kpi in _MONEY_KPI_GROUPS["paid-in"] and c.method != "table" \
                and _paid_to_another_place(c, area_code, front):
            role, rule = "other-body", "paid-to-another"  # "The ICB's contribution to the Tameside partnership was £160,000"
        elif role in FACT_ROLES | {"part"} and c.method != "table" and area_code and _several_areas_together(c, area_code, front):
            role, rule = "other-body", "several-areas"  # "Taken together, the three east Berkshire authorities looked after 612"
        elif role in FACT_ROLES | {"part"} and c.kpi not in _MONEY_KPI_GROUPS["paid-in"] \
                and a_named_places_body(c.snippet[:c.value_start], area_code, area):
            role, rule = "other-body", "named-places-body"  # "Bedford Borough's partnership, which shares our ..., has"
        elif role in FACT_ROLES | {"part"} and c.method != "table" \
                and a_place_against_ours(c.snippet[:c.value_start], c.snippet[c.value_end:], area_code):
            role, rule = "other-body", "place-against-ours"  # "Salford's rate stands at 55, while ours was 47"
        elif role in FACT_ROLES | {"part"} and c.method != "table" and a_place_after_ours(c.snippet[:c.value_start], area_code):
            role, rule = "other-body", "place-after-ours"  # "Our budget is £214.6m, while Nottingham City's is £96.1m"
        elif role in FACT_ROLES | {"part"} and c.method != "table" and c.kpi not in _MONEY_KPI_GROUPS["paid-in"] \
                and a_named_owner(_clause_before(c), area):
            role, rule = "other-body", "named-owner"  # "Members were told that Medway's children in care numbered 432"
        elif role in FACT_ROLES | {"part"} and c.kpi not in _MONEY_KPI_GROUPS["paid-in"] \
                and _named_subject(c, area, lines, front):
            role, rule = "other-body", "named-subject"  # "Essex, the county that surrounds the city, had 1,062 children"
        elif role in FACT_ROLES | {"part"} and c.method != "table" and c.kpi not in _MONEY_KPI_GROUPS["paid-in"] \
                and _named_beside_us(c, area, front):
            role, rule = "other-body", "named-beside-us"  # "Leeds's training pool, which our trainers shadowed, ran 96"
        elif role in FACT_ROLES | {"part"} and c.method != "table" and c.kpi not in _MONEY_KPI_GROUPS["paid-in"] \
                and _a_kind_the_writer_is_not(lead, front):
            role, rule = "other-body", "kind-subject"  # "The provider told our quality team it looks after 38 children"
        elif role in FACT_ROLES | {"part"} and c.method != "table" and c.kpi not in _MONEY_KPI_GROUPS["paid-in"] \
                and _another_kind_of_council(lead, front):
            role, rule = "other-body", "another-kind"  # "The county reported 734 children looked after" in a borough's paper
        elif role in FACT_ROLES | {"part"} and c.method != "table" and c.kpi not in _MONEY_KPI_GROUPS["paid-in"] \
                and a_host(lead, area):
            role, rule = "other-body", "hosted"  # "The panel is hosted by Westbridge ...; the panel's budget was £96,000"
        elif role in FACT_ROLES | {"part"} and c.kpi not in _MONEY_KPI_GROUPS["paid-in"] and _hosted_for_several(layout, c):
            role, rule = "other-body", "hosted-for-several"  # "hosted by Calder Vale Council on behalf of both authorities"
        elif role in FACT_ROLES | {"part"} and c.method == "table" and lines is not None \
                and _table_of_another(lines, c, front, area_code):
            role, rule = "other-body", "table-of-another"  # "Eastmoor County Council - figures supplied" over its table
        elif role in FACT_ROLES | {"part"} and page_owner:
            role, rule = "other-body", "page-of-another"  # "APPENDIX A - TORBAY COUNCIL'S RETURN" in a Plymouth pack
        elif role in FACT_ROLES | {"part"} and owner and not _the_council_says(c, area):
            role, rule = "other-body", "document-owner"
        elif role in FACT_ROLES | {"part"} and area_code and c.kpi not in _MONEY_KPI_GROUPS["paid-in"] \
                and _reviews_another(front, area_code) and not _ours_named(c, area):
            role, rule = "other-body", "paper-about-another"  # "Learning from Ofsted's inspection of Leicestershire ..."
        elif role in FACT_ROLES | {"part"} and _another_service(c, service):
            role, rule = "other-body", "another-service"  # "the safeguarding adults training programme ran 22 courses"
        elif role in FACT_ROLES | {"part"} and c.method != "table" and _cited_from_another(c, area):
            role, rule = "other-body", "cited-from-another"  # "..., according to the trust's latest board papers"
        elif role in FACT_ROLES | {"part"} and lines is not None \
                and (planned := _planned_list(lines, c.line, _table_head_of(layout, c))):
            role, rule = planned, "list-lead"  # "Milestones" over "- June 2025: 60% of actions complete"
        elif role in FACT_ROLES | {"part"} and c.method == "table" \
                and _another_councils_column(c, area_code, front):
            role, rule = "comparator", "another-council-column"  # "Measure | Stockport | Trafford" in Stockport's scorecard
        elif role in FACT_ROLES | {"part"} and lines is not None and c.method == "table" \
                and _a_compared_row(lines, c, area_code):
            role, rule = "comparator", "compared-table"  # "Table 3 - Neighbouring partnerships" over "Lincolnshire | 131"
        elif role in FACT_ROLES | {"part"} and lines is not None and c.method == "table" \
                and c.kpi not in _MONEY_KPI_GROUPS["paid-in"] and _beside_a_row_marked_ours(lines, c):
            role, rule = "comparator", "beside-our-row"  # "Harbury (us) | 164" over "Westshire | 131"
        elif role in FACT_ROLES | {"part"} and lines is not None and c.method != "table" \
                and (headed := _piped_column_role(lines, c.line, c.raw)):
            role, rule = headed, "column-head"  # "KPI | Target | Stretch" over "Children on CP plans | 330 | 310"
        elif role in FACT_ROLES | {"part"} and layout is not None and c.kpi in _MONEY_KPI_GROUPS["paid-in"] \
                and c.method == "table" and _funds_a_scheme(layout, c):
            role, rule = "finance-line", "scheme-funding"  # "Prudential borrowing | 1,054": how a build is paid for
        elif role in FACT_ROLES | {"part"} and front and c.method != "table" \
                and c.kpi not in _MONEY_KPI_GROUPS["paid-in"] and _compared_after_the_title(c, front):
            role, rule = "comparator", "comparator-opener"  # "... Board, sufficiency update In neighbouring Northfold, 1,012"
        elif role in FACT_ROLES | {"part"} and lines is not None and c.kpi.startswith("cp_plans") \
                and _under_an_ehc_caption(lines, c.line):
            role, rule = "other-noun", "ehc-plans"  # "Table 1: EHC plans by primary need" over "... Plans | 1,295"
        elif role in FACT_ROLES | {"part"} and lines is not None and _bound_by_a_sign(lines, c):
            role, rule = "threshold", "sign"  # "Open CIN cases > 2,300": a trigger, not the count
        elif role in FACT_ROLES | {"part"} and lines is not None and c.method != "table" and _labelled_on_its_line(lines, c):
            role, rule = "other-noun", "line-label"  # "LAC at 30 November 2024: 1,014" over "CIN at ...": not 1,014 CIN
        elif role in FACT_ROLES | {"part"} and layout is not None and c.kpi not in _MONEY_KPI_GROUPS["paid-in"] \
                and _goes_on_about_a_body(layout, c, area, front):
            role, rule = "other-body", "body-before"  # "Essex Police has refreshed ... It delivered 212 sessions"
        subject = named_part(c) if rule == "of-which-named" else c.subject
        if not subject and role in FACT_ROLES and c.kpi in _MONEY_KPI_GROUPS["own"]:
            subject = service_subject(c) or (_headed_service(c, lines) if lines is not None else "")
        place = _writers_place_in_clause(c, area_code, front) if role in FACT_ROLES and library.kpis[c.kpi].unit != "GBP" else ""
        c = replace(c, role=role, role_rule=rule, subject=subject, place_code=place)
        out.append(_own_measure(c, library))
    read_together = _comparisons_share_roles(_plans_go_on(_coordinated_aims(_listed_after_a_comparator(
        _coordinated_share_owners(_shared_condition(_parts_of_another_whole(out)))))))
    return _rates_follow_counts(_owned_with_the_whole(_shares_of_another_bodys_whole(read_together), library), library)


# the words between two figures of one list: "27 children on a child protection plan and 41 ..."
_COORDINATED_GAP = re.compile(r"[^.;:()]{0,80}?(?:,\s*(?:and\s+)?|\s+and\s+)(?:a further\s+|another\s+)?"
                              r"(?:(?:around|about|some|approximately|roughly|nearly|almost|over|just over|just under)\s+)?£?")
_GAP_BREAKS = re.compile(r"\b(?:we|our|us|while|whilst|whereas|but|compared|against|than|versus|vs|whose|which|who|"
                         r"were|was|is|are|had|has|have|council|partnership|board)\b|'s\b", re.I)


# the figure's clause, cut where one body is set against another, and a place it is "in" straight after it
_CONTRAST = re.compile(r"[.;:](?:\s|$)|,?\s+\b(?:while|whilst|whereas|but|although|though|than|compared (?:with|to)|"
                       r"against|versus|vs\.?)\s+", re.I)
# a sum paid in "to the Tameside partnership", "to the Oldham Safeguarding Children Partnership"
_PAID_TO = re.compile(r"\b(?:to|towards|into)\s+(?:the\s+)?(?P<name>(?-i:[A-Z][\w'’-]*)(?:\s+(?:and\s+)?(?-i:[A-Z][\w'’-]*)){0,3})"
                      r"\s+(?:(?:local\s+)?safeguarding\s+)?(?:children(?:'s)?\s+)?(?:partnership|board|arrangements|pooled budget)\b",
                      re.I)
# several councils as the clause's subject: "Taken together, the three east Berkshire authorities looked after"
_SEVERAL_AREAS_SUBJECT = re.compile(r"(?:^|[.;:]\s+|,\s+)(?:(?:taken\s+)?together,?\s+|combined,?\s+|between them,?\s+)?"
                                    r"(?:the|all|both)\s+(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?"
                                    r"(?:[\w-]+\s+){0,3}?(?:authorities|councils|boroughs|local authorities)\s+"
                                    r"(?:together\s+|combined\s+|between them\s+)?(?:[a-z]+\s+){0,3}?$", re.I)
# the places a figure is counted across, straight after it: "498 children across Kingston, Richmond and Windsor"
_ACROSS_PLACES = re.compile(r"[^.;:()|]{0,60}?\bacross\s+(?:the\s+)?(?P<names>(?-i:[A-Z])[^.;:()|]{0,80})")
# an aside about a name, between it and its verb: its "we" is no subject of the figure ("North East Lincolnshire,
# which has its own partnership and with which we share a protocol, had 214 children on plans")
_RELATIVE_ASIDE = re.compile(r"((?-i:[A-Z])[\w'’-]+),\s+(?:which|who|whose|with which|with whom|where)\b[^;.:()|]{1,140}?,"
                             r"(?=\s+(?:had|has|have|was|were|is|are|reported|recorded|received|saw|ran|delivered|looked|cared)\b)")
# what a name is said to be, between commas, the sentence going on past it: "Sefton and Knowsley, the two
# councils we benchmark against most closely, had 71.5 and 88.2" (its "we" and "against" are not the clause's)
_APPOSITION = re.compile(r"((?-i:[A-Z])[\w'’-]+),\s+(?:the|our|its|their|one of (?:the|our|its))\s+[^,;.:()|]{1,70},\s+")
_IN_PLACE_AFTER = re.compile(r"[^,;.:()|]{0,40}?\b(?:in|for|across)\s+(?:the\s+)?(?P<name>(?-i:[A-Z][\w'’-]*)"
                             r"(?:\s+(?-i:[A-Z][\w'’-]*)){0,3})")
_CAPITAL_RUN = re.compile(r"(?<![\w'’-])(?-i:[A-Z][\w'’.-]*)(?:\s+(?:(?:and|upon|on|under|with|le|in|by)\s+)?"
                          r"(?-i:[A-Z][\w'’.-]*)){0,4}")


# a police force, fire service or NHS body named for the places it covers: no council ("Devon and Cornwall Police")
_BODY_OF_PLACES = re.compile(r"^NHS\b|\b(?:Police|Constabulary|Fire|Rescue|ICB|CCG|Trust|Hospitals?|Healthcare)$")


def _places_named(text: str) -> list:
    """The UK local authorities a text names by their bare names ("Medway", "Brighton and Hove"), in order."""
    found = []
    for m in _CAPITAL_RUN.finditer(text):
        if _BODY_OF_PLACES.search(m.group(0)):
            continue
        words, i = m.group(0).split(), 0
        while i < len(words):
            for k in range(len(words), i, -1):  # (the longest name from here)
                place = gazetteer().lookup(re.sub(r"['’]s?$", "", " ".join(words[i:k])))
                if place is not None:
                    found.append(place)
                    i = k
                    break
            else:
                i += 1
    return found


def _places_in_clause(c: Candidate, area_code: str) -> tuple:
    """The councils the gazetteer knows that the figure's clause names, before the figure or as the
    place it is "in" straight after; none when the clause is the writer's ("we", "our")."""
    if not area_code or c.method == "table":
        return ()
    return _clause_places(c.snippet, c.value_start, c.value_end)


@lru_cache(maxsize=4096)
def _clause_places(snippet: str, value_start: int, value_end: int) -> tuple:
    """(`_places_in_clause`, read once for a figure that both the other place's rule and the joint paper's
    writer's rule look at)"""
    before = _CONTRAST.split(_APPOSITION.sub(r"\1 ", _RELATIVE_ASIDE.sub(r"\1 ", snippet[:value_start])))[-1]
    if FIRST_PERSON.search(before):
        return ()
    tail = _IN_PLACE_AFTER.match(snippet, value_end)
    return tuple(_places_named(before + (" in " + tail.group("name") if tail else "")))


def _another_place_in_clause(c: Candidate, area_code: str, front: str) -> str:
    """Another council than the paper's own that the figure's clause names ("In Medway there were 455
    children in care", "The Medway partnership delivered 74 courses", "455 children in care in
    Medway"), where the clause names neither the writer ("we", "our") nor the paper's own area: the
    figure is that council's. Only names the gazetteer knows; a council the front page names writes
    the paper too."""
    places = _places_in_clause(c, area_code)
    if not places or any(p.code == area_code for p in places):
        return ""
    return "" if _a_writer(places[-1].name, front) else places[-1].name


def _writers_place_in_clause(c: Candidate, area_code: str, front: str) -> str:
    """In a joint paper, the code of the other writer's place that the figure's clause names ("In
    Stoke-on-Trent the number of children on a plan fell ... to 498" in the Staffordshire and
    Stoke-on-Trent partnership's report): the figure is that place's, not the document's area. ""
    when the clause names none, more than one, or the document's own."""
    places = _places_in_clause(c, area_code)
    if len({p.code for p in places}) != 1 or places[0].code == area_code or not _a_writer(places[0].name, front):
        return ""
    return places[0].code


def _paid_to_another_place(c: Candidate, area_code: str, front: str) -> bool:
    """A sum paid in to another place's partnership or board ("The ICB's contribution to the Tameside
    partnership was £160,000" in Stockport's paper): that partnership's budget, not the writer's."""
    if not area_code:
        return False
    sentence = _sentence_at(c.snippet, c.value_start, c.value_end)
    for m in _PAID_TO.finditer(sentence):
        places = _places_named(m.group("name"))
        if places and all(p.code != area_code for p in places) and not _a_writer(places[-1].name, front):
            return True
    return False


def _several_areas_together(c: Candidate, area_code: str, front: str) -> bool:
    """A figure whose clause's subject is several councils together ("the three east Berkshire
    authorities looked after 612 children") or that is counted across places other than the
    writer's alone ("498 children across Kingston, Richmond and Windsor and Maidenhead"), in a
    paper of one council: their sum, or another's, not the writer's. (A council the front page
    names writes a joint paper too: counted across it and the writer, the figure is theirs.)"""
    if _SEVERAL_AREAS_SUBJECT.search(_sentence_before(c)):
        return True
    across = _ACROSS_PLACES.match(c.snippet, c.value_end)
    return across is not None and any(p.code != area_code and not _a_writer(p.name, front)
                                      for p in _places_named(across.group("names")))


def _take_role_of_the_figure_before(cands: list[Candidate], roles: frozenset[str], gap_rx: re.Pattern,
                                    rule: str, takers: frozenset[str] = FACT_ROLES,
                                    breaks: re.Pattern | None = _GAP_BREAKS) -> list[Candidate]:
    """Each fact (or each figure of `takers`) whose sentence's figure just before it has one of
    `roles`, the words between them (`gap_rx`) running on with no verb, subject or stop of their own
    (`breaks`), takes that figure's role."""
    out: list[Candidate] = []
    for i, c in enumerate(cands):
        if c.role in takers and c.method != "table":
            # (the figures before it in the text, as decided so far: a KPI read later may stand earlier in the text)
            before = [o for o in chain(out, islice(cands, i + 1, None))
                      if o.snippet == c.snippet and o.value_end <= c.value_start]
            prev = max(before, key=lambda o: o.value_end, default=None)
            if prev is not None and prev.role in roles and prev.method != "table":
                gap = c.snippet[prev.value_end:c.value_start]
                if gap_rx.fullmatch(gap) and not (breaks and breaks.search(gap)):
                    c = replace(c, role=prev.role, role_rule=rule)
        out.append(c)
    return out


# the next item of a list after a semicolon, a label and its figure with no verb of their own: "England, 2023-24 -
# 621,880 referrals; re-referral rate 22.4%"
_NEXT_LIST_ITEM = re.compile(r"[^.;:()\d]{0,40};\s*[^.;:()\d]{1,40}?\s")


def _listed_after_a_comparator(cands: list[Candidate]) -> list[Candidate]:
    """The items of a list that a comparator opens ("Context (DfE CIN census): England, 2023-24 - 621,880
    referrals; re-referral rate 22.4%") are that comparator's figures: the list has one place."""
    return _take_role_of_the_figure_before(cands, frozenset({"comparator"}), _NEXT_LIST_ITEM, "listed-after-a-comparator")


def _coordinated_share_owners(cands: list[Candidate]) -> list[Candidate]:
    """A figure listed straight after another body's ("Moorside Medical Practice's register flags 27
    children on a plan and 41 children looked after") is that body's too: the list has one owner."""
    return _take_role_of_the_figure_before(cands, frozenset({"other-body"}), _COORDINATED_GAP, "listed-with-another-bodys")


# the words from one count's figure to the next count's, when the two are one subject of the verb after the
# second: "412 children in care and 141 ..." (a noun phrase, then "and", no verb or stop of its own)
_SUBJECT_AND = re.compile(r"\s+[A-Za-z][^.;:(),\d%]{0,60}?\s+(?:and|as well as)\s+")


def _shared_condition(cands: list[Candidate]) -> list[Candidate]:
    """'At the January census, 412 children in care and 141 children on child protection plans had an
    EHC plan': two counts that are one subject of the verb after the second share what it says of
    them, so the first is as conditional as the second."""
    out = list(cands)
    in_sentence: dict[str, list[int]] = {}  # each sentence's figures (not a table row's), by index into `out`
    for i, c in enumerate(out):
        if c.method != "table":
            in_sentence.setdefault(c.snippet, []).append(i)
    for i, c in enumerate(out):
        if c.role not in FACT_ROLES or c.method == "table":
            continue
        after = [out[j] for j in in_sentence[c.snippet] if out[j].value_start > c.value_end]
        nxt = min(after, key=lambda o: o.value_start, default=None)
        if nxt is None or nxt.role != "conditional" or nxt.role_rule not in ("event-verb", "condition"):
            continue
        gap = c.snippet[c.value_end:nxt.value_start]
        if _SUBJECT_AND.fullmatch(gap) and not _GAP_BREAKS.search(gap):
            out[i] = replace(c, role=nxt.role, role_rule="one-subject-with-a-condition")
    return out


def _coordinated_aims(cands: list[Candidate]) -> list[Candidate]:
    """A figure listed straight after a forecast or a target ("Modelling suggests 6,300 referrals in 2026-27
    and 480 children on plans at 31 March 2027") is forecast or aimed at too: the list has one verb."""
    return _take_role_of_the_figure_before(cands, frozenset({"forecast", "target"}), _COORDINATED_GAP, "listed-with-an-aim")


# the words from a planned figure to the next one of the same aim: "plans 160 courses, offering 3,800 places",
# "aim to train 2,500 practitioners through 120 courses" (no verb in the past, subject or stop of their own between)
_PLAN_GOES_ON = re.compile(r"(?![^.;:|()\n\d]*?\b(?!(?:estimated|expected|projected)\b)[a-z]+ed\b)[^.;:|()\n\d]{1,60}?(?:,\s*)?(?:offering|providing|reaching|through|via|across|in|over|with|"
                           r"for|totalling|involving|delivering)\s+(?:(?:some|about|around|over|up to|a total of|an estimated|"
                           r"an expected|a projected)\s+)?£?")


def _plans_go_on(cands: list[Candidate]) -> list[Candidate]:
    """A figure in the same stretch of words as a target or a forecast before it ("The 2026/27
    programme plans 160 courses, offering 3,800 places") is part of that plan: the aim governs
    the whole phrase, not only its first figure."""
    return _take_role_of_the_figure_before(cands, frozenset({"target", "forecast"}), _PLAN_GOES_ON, "plan-goes-on")


# the sources that pay for a capital scheme: a table with one of them in it is no table of partners' shares
_SCHEME_SOURCE = re.compile(r"\b(?:borrowing|capital (?:receipts?|grants?|funds?|programme)|capacity fund|"
                            r"revenue contributions? to capital|(?-i:RCCO)|section 106|s106)\b", re.I)


def _funds_a_scheme(layout: PageLayout, c: Candidate) -> bool:
    """Is the candidate's table one of the sources that fund a capital scheme (borrowing, capital
    receipts, a capital grant), not of partners' contributions?"""
    return any(c.line in t.lines and any(_SCHEME_SOURCE.search(r.label) for r in t.rows) for t in layout.tables)


# a phrase of time or place that may open a sentence before its subject: "In 2024-25, it ran ..."
_WHEN_OPENS = r"(?:in|over|during|by|across|for|at)\s+[^,.;]{1,30}?,?\s+"
_GOES_ON = re.compile(r"^\W*(?:" + _WHEN_OPENS + r"|(?:last|this|that|each|every|in the)\s+"
                      r"(?:past\s+|last\s+)?(?:year|quarter|month|period),?\s+)?(?:Between them,?\s+)?"
                      r"(?:It|Its|They|Their|The (?:organisation|provider|company|charity|trust|force|agency|school|academy|"
                      r"college|hospital))\s+", re.I)


# another body's own report cited for a figure ("according to its cabinet report", "according to the trust's latest
# board papers"), or a doing said to be a body's own ("In its own annual report, the Felsham partnership says",
# "Ashby District Council spent £54,000 on its own safeguarding post")
_CITED = re.compile(r"\baccording to (?:its|their|(?:the\s+)?(?P<source>(?:[\w-]+\s+){0,3}?[\w-]+)['’]s?(?<=['’]s|s['’]))\s|"
                    r"\b(?:its|their) own\b|\bfrom (?:its|their) (?:own\s+)?(?:published\s+|latest\s+)?(?:annual\s+)?"
                    r"(?:report|return|accounts)\b|"
                    # what another told the writer: "Eastbridge's MASH handled 5,600 referrals in 2024, they told us"
                    r"\b(?:they|it|he|she) (?:told|tells|informed|informs|reported to|wrote to) us\b", re.I)
# a named body's own report given as the figure's source: "Westshire's annual report shows that 3,100 delegates",
# "the 1,200 delegates quoted in the Westshire board's annual report"
_NAMED_REPORT = (r"(?-i:[A-Z])[\w&-]*(?:\s+(?:(?-i:[A-Z])[\w&-]*|board|partnership|council|trust)){0,4}")
_REPORT = (r"['’]s?\s+(?:own\s+)?(?:latest\s+|published\s+)?(?:annual\s+|yearly\s+|quarterly\s+)?(?:report|return|data|"
           r"figures|accounts|dashboard|scorecard)")
_CITED_REPORT = re.compile(r"(?P<source>" + _NAMED_REPORT + r")" + _REPORT + r"\s+(?:for\s+[\w/-]+\s+)?(?:shows?|showed|says|"
                           r"said|records?|recorded|reports?|reported|states?|stated|gives?|gave)\b|\b(?:quoted|cited|given|"
                           r"published|reported|shown|set out)\s+in\s+(?:the\s+)?(?P<within>" + _NAMED_REPORT + r")" + _REPORT, re.I)
# where a sentence ends
_SENTENCE_BOUND = re.compile(r"[.?!](?:\s|$)")
# where a clause ends: a sentence's or a semicolon's stop, or a conjunction that sets one body against another
_CLAUSE_BOUND = re.compile(r"[.;](?:\s|$)|,?\s+\b(?:while|whilst|whereas|but|and|although|though|than|ahead of|behind|"
                           r"compared (?:with|to)|against)\b\s+")
# the writer's own names for itself, which cite or own nothing of another's ("according to the council's figures",
# "the partnership ran 45 courses of its own")
_SELF = re.compile(r"^\W*(?:(?:in|during|over|across|by|at)\s+[^,]{1,40},\s+)?(?:the\s+|our\s+|this\s+)?(?:(?-i:[a-z])[\w-]*\s+){0,2}?"
                   r"(?:council|local authority|authority|partnership|board|(?-i:LSCP|SCP|LSCB|MASH|CSC)|"
                   r"children's (?:social care|services)|social care|service|directorate|department|panel|committee|cabinet)\b"
                   r"(?![\w'’-]*\s+(?-i:[A-Z]))", re.I)


def _clause_before(c: Candidate) -> str:
    """The words of the figure's own clause before it: what another body's name there owns."""
    return _CLAUSE_BOUND.split(c.snippet[:c.value_start])[-1]


def _sentence_before(c: Candidate) -> str:
    """The words of the figure's own sentence before it, past semicolons: what a host named there hosts."""
    return _SENTENCE_BOUND.split(c.snippet[:c.value_start])[-1]


def _cited_from_another(c: Candidate, area: str = "") -> bool:
    """The figure's clause cites another body's own report for it, or says the doing was a body's
    own, and that body is not the writer ("our", "we", "the council", "the partnership"): the
    writer's own figures need no such words, and "its own" sets a body apart from the writer. A
    named body's report that the figure's sentence gives as its source is another's too, unless
    the name is the document's own area."""
    cited = _CITED_REPORT.search(_sentence_at(c.snippet, c.value_start, c.value_end))
    source = cited.group("source") or cited.group("within") if cited is not None else ""
    if source and not _SELF.match(source) and others_name(source, area):
        return True
    before = _clause_before(c)
    after = _CLAUSE_BOUND.split(c.snippet[c.value_end:])[0]
    m = _CITED.search(before + " # " + after)
    if m is None or FIRST_PERSON.search(before):
        return False
    if m.group("source") is not None:
        return not _SELF.match(m.group("source"))
    return not _SELF.match(before)


# a body named anywhere in a sentence with what kind of body it is in apposition: "We asked Safe Steps, the
# domestic abuse charity, for an update" (the sentence after, "It supported 1,130 children", is the charity's)
_APPOSED_BODY = re.compile(r"(?-i:[A-Z])[\w'&@.-]*(?:\s+[\w'&@.-]+){0,4},\s+" + _KIND_IN_APPOSITION, re.I)


def _names_another_body(text: str) -> bool:
    """Some name in the text has another body's kind in apposition; "The council, the lead agency
    for the partnership's training," names the writer, whose next sentence stays its own."""
    m = _APPOSED_BODY.search(text)
    while m is not None:
        # (each capital may open the name: "We asked Safe Steps, the domestic abuse charity," names the charity)
        if not _OUR_NAME.match(text[m.start():]):
            return True
        m = _APPOSED_BODY.search(text, m.start() + 1)
    return False


# a service hosted by one body for several is no one member's, the host's own area included: "hosted by Calder Vale
# Council on behalf of both authorities", "a shared service that Harbury Borough Council hosts", "the regional adoption
# agency, is hosted by Morrowby County Council" (a partnership's business unit "hosted by the council" is its own)
# names listed, up to the last one's first capital: "Calder Vale, Eastmoor and N..."
_NAMED_LIST = (r"(?-i:[A-Z])[\w'’&-]*(?:\s+(?-i:[A-Z])[\w'’&-]*)*(?:,\s+(?-i:[A-Z])[\w'’&-]*(?:\s+(?-i:[A-Z])[\w'’&-]*)*)*"
               r",?\s+and\s+(?-i:[A-Z])")
_HOSTED_FOR_SEVERAL = re.compile(
    r"\bhost(?:ed|s|ing)\b[^.;]{0,80}?\b(?:on behalf of|for)\s+(?:itself|both|all|each|(?:the\s+)?(?:two|three|four|five|six|"
    r"seven|eight|nine|ten|\d+|other|member|partner)\b)"
    r"|\b(?:shared|joint|pooled|regional|sub-regional|multi-authority|cross-border)\s+(?:[\w-]+\s+){0,3}?(?:service|agency|"
    r"team|hub|unit|arrangement)\b[^.;]{0,60}?\bhost(?:ed|s)\b"
    r"|\bhost(?:ed|s)\b[^.;]{0,80}?\bfunded by (?:its|their|the) (?:two|three|four|five|six|seven|eight|member|partner)"
    # (or on behalf of councils it names: "hosted by Calder Vale on behalf of Calder Vale, Eastmoor and Northwold")
    r"|\bhost(?:ed|s)\b[^.;]{0,80}?\bon behalf of\s+" + _NAMED_LIST +
    # nor one several share, hosted or not: "The out-of-hours service, which the two councils share,", "a shared
    # service of the three Sussex partnerships", "the shared LADO service for Calderby, Lowmoor and Sedgefield Vale"
    r"|\b(?:service|agency|team|hub|unit|panel|arrangement)s?,?\s+(?:which|that)\s+(?:the\s+|our\s+)?(?:two|three|four|five|"
    r"six|seven|eight|\d+)\s+(?:[\w-]+\s+)?(?:councils|authorities|boroughs|partnerships|boards|areas)\s+(?:jointly\s+)?share\b"
    r"|\bshared\s+(?:[\w-]+\s+){0,3}?(?:service|agency|team|hub|unit|panel|arrangement)\s+(?:of|for|between|across)\s+"
    r"(?:(?:the|its|our)\s+)?(?:(?:two|three|four|five|six|seven|eight|\d+|both|all)\b|" + _NAMED_LIST + ")"
    # or said to be shared by so many: "The South East London Child Death Overview Panel, shared by six boroughs,"
    r"|\b(?:service|agency|team|hub|unit|panel|arrangement|board|programme)s?,?\s+(?:(?:which|that)\s+(?:is|are)\s+)?"
    r"(?:jointly\s+)?shared\s+(?:by|between|across)\s+(?:the\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|\d+|all)\s+"
    r"(?:[\w-]+\s+)?(?:councils|authorities|boroughs|partnerships|boards|areas|counties)\b"
    # or counted across another body's members: "Adopt East was family-finding for 212 children in care across its member
    # councils" (a regional agency's sum, no one council's)
    r"|\b(?:across|among|for|in)\s+(?:all\s+)?(?:its|their)\s+(?:(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?"
    r"(?:member|partner|constituent)\s+(?:councils|authorities|local authorities|boroughs|LAs|areas)\b", re.I)
# a sentence that goes on about the service the one before named: "The service's budget for 2025/26 is ..."
_SERVICE_GOES_ON = re.compile(r"^\W*(?:(?:in|over|during|between|by|across|from|since)\s+[^,.;]{1,40}?,?\s+)?"
                              r"(?:It|Its|The (?:service|agency|hub|team|unit|arrangement)(?:['’]s)?)\b", re.I)


def _hosted_for_several(layout: PageLayout | None, c: Candidate) -> bool:
    """The figure's sentence, or the one before when this one goes on about its service, tells of a
    service one body hosts for several: its figures are that service's, no member's."""
    if c.method == "table":
        return False
    if _HOSTED_FOR_SEVERAL.search(_sentence_at(c.snippet, c.value_start, c.value_end)):
        return True
    return layout is not None and 0 < c.sentence < len(layout.sentences) and bool(_SERVICE_GOES_ON.match(c.snippet)) \
        and bool(_HOSTED_FOR_SEVERAL.search(layout.sentences[c.sentence - 1].text))


# a page headed by another council's name, alone or as the owner of what the page reproduces: "TORBAY COUNCIL",
# "APPENDIX A - TORBAY COUNCIL'S RETURN, REPRODUCED IN FULL"
_COUNCIL_HEAD = re.compile(r"^\W*(?:(?:appendix|annex|annexe)\s+[a-z0-9]+\s*[-–—:.]\s*)?(?P<name>" + COUNCIL_NAME + r")"
                           r"(?:(?:['’]s)\s+(?:[\w-]+\s+){0,3}?(?:return|report|figures|data|performance|scorecard|dashboard)\b.*)?$",
                           re.I)
_PAGE_HEAD_LINES = 6


# a line that names a place alone, as the heading of a block of figures: "NORTHUMBERLAND", "North Tyneside"
_BLOCK_HEAD = re.compile(r"^(?-i:[A-Z])[A-Za-z'’&.-]*(?:[ \t]+(?:(?:and|of|upon|on|&)[ \t]+)?(?-i:[A-Z])[A-Za-z'’&.-]*){0,4}$", re.I)


def _place_blocks(lines: list[str]) -> dict:
    """The place whose block each line is in, on a page set out in two or more blocks of figures, each under a
    line that names a place alone ("NORTHUMBERLAND" over "3,412 / referrals ...", then "NORTH TYNESIDE"); a line in
    capitals that names no place ("ACROSS THE PARTNERSHIP") ends a block. {} on a page not set out so."""
    heads = []
    for i, line in enumerate(lines):
        text = line.strip()
        if not text or len(text) > 40 or not _BLOCK_HEAD.match(text):
            continue
        place = gazetteer().lookup(text)
        if place is not None and key(place.name) == key(text):
            heads.append((i, place))
        elif text.isupper():
            heads.append((i, None))
    if len({p.code for _, p in heads if p is not None}) < 2:
        return {}
    out = {}
    for k, (i, place) in enumerate(heads):
        end = heads[k + 1][0] if k + 1 < len(heads) else len(lines)
        if place is not None:
            out.update(dict.fromkeys(range(i + 1, end), place))
    return out


def _page_of_another(lines: list[str], area_code: str) -> str:
    """The council whose name heads the page, when it is not the document's own: a page reproducing
    another council's return is that council's ("APPENDIX A - TORBAY COUNCIL'S RETURN" in a Plymouth
    pack). "" when the page is headed by no council, by the document's own, or the document has no area."""
    if not area_code:
        return ""
    for line in [ln for ln in lines if ln.strip()][:_PAGE_HEAD_LINES]:
        m = _COUNCIL_HEAD.match(line.strip())
        place = gazetteer().lookup(m.group("name")) if m else None
        if place is not None:
            return place.name if place.code != area_code else ""
    return ""


def _the_council_says(c: Candidate, area: str) -> bool:
    """In another body's report that a council's committee receives, the council's own cover words
    ("at 31 March 2025 the Council was corporate parent to 611 children", "Telford and Wrekin's
    children in care") give the council's figure, not the body's."""
    if c.method == "table" or not area:
        return False
    sentence = _sentence_at(c.snippet, c.value_start, c.value_end)
    return bool(re.search(r"\b(?:the|our)\s+council\b|\b" + re.escape(area) + r"(?:['’]s?\b|\s+(?:(?:county|city|borough|"
                          r"district|metropolitan borough)\s+)?council\b)", sentence, re.I))


_CAPTION_COUNCIL = re.compile(rf"^\W*(?P<name>{COUNCIL_NAME})\b(?!['’])", re.I)


# a place named first in a caption, then what is shown of it: "Stockton-on-Tees - trend over the last four quarters"
_CAPTION_PLACE = re.compile(r"^(?P<name>(?-i:[A-Z][\w'’&-]*)(?:\s+(?:(?-i:[A-Z][\w'’&-]*)|and|of|upon|on)){0,4})\s*(?:[-\u2013\u2014:,]\s|['’]s\s|$)")


def _table_of_another(lines: list[str], c: Candidate, front: str, area_code: str = "") -> bool:
    """The caption that opens the figure's table block names a council, and not the one the front
    page's first line names: "Eastmoor County Council - figures supplied for the joint review" over
    a table in Harbury's paper is Eastmoor's table (a joint paper names its councils first). A
    caption set a blank line above its table, after its number, may name the place alone:
    "Appendix B: Stockton-on-Tees - trend over the last four quarters" in Darlington's paper."""
    i = c.line
    while i > 0 and lines[i - 1].strip():
        i -= 1  # (up to the blank line above the block: the caption opens it)
    writer = _CAPTION_COUNCIL.match(front.split("\n", 1)[0])
    caption = _CAPTION_COUNCIL.match(lines[i]) if 0 < i < c.line else None
    if caption is not None:
        if writer is None or FIRST_PERSON.search(lines[i]):
            return False
        if caption.group("name").strip().lower() in {h.strip().lower() for h in c.snippet.split(" | ")[1:]}:
            return False  # (the table's header of area columns, "BCP Council  Dorset Council  England": no caption)
        name, own = caption.group("name").lower(), writer.group("name").lower()
        place, own_place = gazetteer().lookup(name), gazetteer().lookup(own)
        return place != own_place if place is not None else name != own
    above = i - 2 if i >= 2 and not lines[i - 1].strip() else i if 0 < i < c.line else -1
    if above < 0 or "|" in lines[above] or len(lines[above].strip()) > 100 or FIRST_PERSON.search(lines[above]):
        return False
    named = _CAPTION_PLACE.match(CAPTION_NUMBER.sub("", lines[above].strip()))
    place = gazetteer().lookup(named.group("name")) if named is not None else None
    writers = gazetteer().lookup(writer.group("name")) if writer is not None and not area_code else None
    own = area_code or (writers.code if writers is not None else "")
    return place is not None and bool(own) and place.code != own


# another named place or body as the subject of the figure's clause, its verb leading to the figure: "Essex, the
# county that surrounds the city, had 1,062 children in care", "Ashcombe now has 302 looked after children",
# "Westshire, whose county surrounds the city, looks after 1,104"; or the place a "where" clause is about: "the
# Director of Children's Services at Doncaster, where the number of children in care has fallen to 560"
_NAME = r"(?-i:[A-Z][\w'’&-]*)(?:\s+(?:(?-i:[A-Z][\w'’&-]*)|and|of|upon|on)){0,4}"
# (after a time it is said of: "at the last count Westshire had 1,204", "In 2024/25 Eastvale looked after")
_NAMED_SUBJECT = re.compile(r"(?:^|[.;:?]\s+|\b(?:while|whilst|whereas|but)\s+)"
                            r"(?:(?:[Aa]t|[Ii]n|[Bb]y|[Oo]n|[Dd]uring|[Oo]ver|[Ff]or)\s+(?:[^,.;:A-Z]|" + MONTH_NAME + r"|(?-i:Q)[1-4]\b){1,30}?"
                            r"(?<!\bthe)(?<!\bour)(?<!\bits)(?<!\btheir)(?<!\bthis),?\s+"
                            # (or an opener a comma closes, whatever names it holds: "In the London benchmarking club
                            # return for Q3 2024/25, Bexley reported 472")
                            r"|(?:[Aa]t|[Ii]n|[Dd]uring|[Ff]or)\s+(?:the|its|their|a)\s+[^,.;:]{1,60}?,\s+)?(?P<name>" + _NAME + r")"
                            r"(?:\s+(?P<kind>(?-i:partnership|council|board|force)))?(?P<aside>,[^,;.]{3,80},|\s+\([^)]{3,60}\))?\s+(?:now\s+|also\s+|still\s+|currently\s+)?"
                            r"(?P<holds>(?:had|has|have|looks? after|looked after|cares? for|cared for|(?:is|was) (?:looking after|caring for))\b)?"
                            r"(?(holds)|(?:recorded|records|reported|reports|"
                            r"ran|runs|spent|spends|received|receives|supported|supports|trained|trains|delivered|delivers|"
                            r"saw|sees|held|holds|(?:is|was|are|were) (?:looking after|caring for|supporting|working with|"
                            r"holding)|"
                            # any verb in the past a body does ("carried forward", "allocated", "set", "took")
                            r"(?-i:[a-z]+ed)(?:\s+(?:forward|back|out|up|in|over))?|set|put|took|made|gave|paid|spent|won|"
                            r"kept|sets|puts|takes|makes|gives|pays|keeps)\b)[^.;:]{0,60}$")
# what opens a sentence without naming anyone ("Each had", "Both have", "It had")
_NOBODY = r"This|Each|Every|Everyone|Both|All|Many|Most|Some"
_NO_NAME = re.compile(r"(?:It|Its|That|These|Those|There|He|She|They|We|I|You|" + _NOBODY + r"|"
                      r"Few|None|Nobody|Several|Others?|Another|One|Overall|Together|Between|Only|Just|Now)$")
# a name that says it is a body, or an aside that says the name is a place
_A_PLACE_OR_BODY = re.compile(r"\b(?:Council|County|Borough|City|District|Partnership|Board|Trust|Police|Constabulary|ICB)$")
_PLACE_ASIDE = re.compile(r"\b(?:county|city|borough|district|council|authority|partnership|neighbou?r\w*|area)\b", re.I)
# a sentence that opens on the place it is in: "In Castlemere, 140 of the 388 children on plans ..."
_PLACE_IN_OPENS = re.compile(r"(?:^|[.;:?]\s+)(?-i:In)\s+(?!(?-i:Summary|Total|Addition|Particular|Practice|Response|Short|"
                             r"Brief|Contrast|Comparison|Future|General|Conclusion|Part|Turn|Fact|Light|Line|Year|Quarter|"
                             r"Q[1-4]|Spring|Summer|Autumn|Winter|Term)\b)(?P<name>" + _NAME + r"),\s+[^;:]{0,120}$")
_PLACE_WHERE = re.compile(r"\b(?:in|at)\s+(?P<name>" + _NAME + r"),\s+where\b[^.;]{0,80}$")


# the figure is the whole a part was counted out of: "... made 2,105 of the 8,830"
_WHOLE_OF_A_PART = re.compile(r"\b(?:made|make|makes|making|made up|make up|makes up|accounted for|account for|accounts for)\s+"
                              r"[\d,]+\s+of(?:\s+(?:the|all|our|[\w-]+['’]s))?\s*$", re.I)


def _named_subject(c: Candidate, area: str, lines: list[str] | None, front: str = "") -> str:
    """The name of another place or body that is the subject of the figure's clause (or that a "where"
    clause is about), in a paper whose own area is known and is not that name: the figure is that
    place's or body's, for a paper speaks of its own area as "we", "the council" or its own name. The
    clause may open the figure's line, after a title the sentence ran on from. In a paper that does not
    name its own area, only a name whose aside sets the writer apart ("Lowmoor Partnership, with whom we
    share a scrutineer, carried forward") is another's."""
    if c.method == "table":
        return ""
    before = _sentence_before(c)
    line = lines[c.line] if lines is not None and 0 <= c.line < len(lines) else ""
    opening = line[:line.find(c.raw)] if c.raw in line else ""
    for text in (before, opening.strip()):
        m = _NAMED_SUBJECT.search(text)
        aside = m.group("aside") or "" if m is not None else ""
        apart = bool(FIRST_PERSON.search(aside))  # ("X, with whom we share a scrutineer,": X is not the writer)
        if not area and not apart:
            continue
        if aside:  # (an aside may speak of us: "Wakefield, the largest of the councils in our partnership,")
            text = text[:m.start("aside")] + text[m.end("aside"):]  # type: ignore[union-attr]
            m = _NAMED_SUBJECT.search(text)
        if m is not None and not _A_PLACE_OR_BODY.search(m.group("name")) and gazetteer().lookup(m.group("name")) is None \
                and not _PLACE_ASIDE.search(aside) and not m.group("kind") \
                and not (m.group("holds") and not _NO_NAME.match(m.group("name"))):  # (but "The Westshire partnership ran")
            # (a name that is no place nor body: "She reported", "The Assistant Director reported"; but one that has
            # or looks after the children is a place, not a person: "Ashcombe now has 302 looked after children")
            m = None
        m = m or _PLACE_WHERE.search(text) or _PLACE_IN_OPENS.search(text)
        if m is not None and not FIRST_PERSON.search(text, m.start("name")):
            name = others_name(m.group("name"), "" if apart else area)
            if name and _WHOLE_OF_A_PART.search(text) and gazetteer().lookup(name) is None:
                return ""  # a body that made a part owns the part: "West Yorkshire Police made 2,105 of the 8,830 referrals"
            # (a council the front page names writes a joint paper too: its figures are no other body's)
            # (or the writer under its initials: "WCC" in "Westshire County Council"'s paper)
            return "" if name and (_a_writer(re.sub(r"['’]s?$", "", name), front) or _writers_initials(name, front)) \
                else name  # ("Harbury's partnership")
    return ""


_CAPITALISED_NAME = re.compile(r"(?-i:[A-Z])[\w'’-]*(?:[ \t]+(?:(?:of|and|&|the|for)[ \t]+)?(?-i:[A-Z])[\w'’-]*)+")


def _writers_initials(name: str, front: str) -> bool:
    """Whether `name` is the initials of a name the front page's heading lines give ("WCC" for
    "Westshire County Council", "LBS" for "London Borough of Sutton"): a paper calls itself by its
    initials once it has said its name."""
    if not re.fullmatch(r"[A-Z]{2,6}", name):
        return False
    return any("".join(w[0] for w in m.group(0).split() if w[0].isupper()) == name
               for m in _CAPITALISED_NAME.finditer(front))


# a named body or place that opens the sentence as its subject, in the possessive or by its body's word: "Leeds's
# in-house training pool", "The Eastbrook partnership's business plan", "Tamesford Council's cabinet" (matched
# where the sentence starts)
_NAMED_OPENS = re.compile(r"\W*(?:\d+(?:\.\d+)*\s+)?(?:(?:In|By|At|During|Over|For)\s+[^,;]{1,30},\s+)?(?:(?-i:[Tt]he)\s+)?"
                          r"(?P<name>(?-i:[A-Z][\w&-]*)(?:\s+(?-i:[A-Z][\w&-]*)){0,3}?)"
                          r"(?:['’]s?\s|\s+(?:(?:[Ss]afeguarding|[Cc]hildren['’]s)\s+)*(?:(?-i:[Pp]artnership|[Cc]ouncil|[Bb]oard))['’]s?\s)")
# the writer set apart from a body: in an aside about it ("..., which two of our trainers shadowed in the
# autumn,", "..., with whom we share a scrutineer,") or as the other side of what it does ("with us", "to us")
# ("Derbyshire's rate ..., against 77 for our statistical neighbours" is the writer's own, compared)
_US_APART = re.compile(r"\b(?:we|us|ourselves)\b|\bour\b(?!\s+(?:(?:statistical|nearest|closest|regional|geographical)\s+)?"
                       r"(?:neighbou?rs?|comparators?|peers?|region|own\b))", re.I)
_WITH_US = re.compile(r"\b(?:with|to|from|for|by)\s+us\b", re.I)
# words that open a sentence in the possessive without naming a body: "Schools' take-up", "Partners' contributions"
_NO_BODY_OPENS = re.compile(r"(?:Schools|Partners|Agencies|Inspectors|Practitioners|Staff|Parents|Carers|Families|Today|"
                            r"Last|Next|Other|Last Year|This Year|" + _NOBODY + r")$")


def _named_beside_us(c: Candidate, area: str, front: str) -> bool:
    """The figure's sentence opens on a named body or place as its subject ("Leeds's in-house
    training pool, which two of our trainers shadowed, ran 96 courses", "Tamesford Council's cabinet
    agreed a budget of £88.4m; the arrangement with us is unaffected") and sets the writer apart from
    it, in an aside about it or as the other side of what it does: the name is another's, whether or
    not the paper names its own area."""
    at, ends = _sentence_span(c.snippet, c.value_start, c.value_end)
    m = _NAMED_OPENS.match(c.snippet, at, ends)
    if m is None or _NO_BODY_OPENS.match(m.group("name")) or m.group("name").split()[-1].lower() in NO_OWNER_WORDS:
        return False  # (nor a name that ends on a word of the writer's: "Dorset Council Children's Scrutiny")
    if m.end() > c.value_start:
        return False  # (the name must stand before the figure)
    # (the writer before the figure, or as the other side of what the body does after it: "... with us")
    if not _US_APART.search(c.snippet, m.end(), c.value_start) and not _WITH_US.search(c.snippet, c.value_end, ends):
        return False
    # (an area the paper's headings do not name was guessed from its body: this very name, maybe)
    name = others_name(m.group("name"), area if area and _a_writer(area, front) else "")
    return bool(name) and not _a_writer(name, front) and not _writers_initials(name, front)


# a body by its kind, opening the sentence as its subject: "The provider told our quality team ...", "The trust's
# action plan lists 26 actions", "The parent group, which owns four of the homes we use, reported ..."
_KIND_OPENS = re.compile(r"^\W*(?:" + _WHEN_OPENS + r")?(?-i:The)\s+"
                         r"(?:(?:parent|provider|care|holding)\s+)?(?P<kind>provider|company|group|charity|force|school|academy|"
                         r"college|hospital|hospice|trust)(?:['’]s)?\b(?!\s+(?:of|for|to|in|on)\b)")


def _a_kind_the_writer_is_not(before: str, front: str) -> bool:
    """The figure's sentence opens with "The provider", "The trust" ... and the writer is no body of
    that kind (no name on its front page ends in the word, as "Birmingham Children's Trust" does): a
    council's or partnership's paper never calls itself the provider, the force or the school, so the
    sentence is about one it named before."""
    m = _KIND_OPENS.match(before)
    return m is not None and not re.search(r"\b" + m.group("kind").capitalize() + r"s?\b", front)  # (a name's word)


# "the county", "the borough" as the subject of the figure's clause: the council of that kind
_KIND_SUBJECT = re.compile(r".*(?:^\W*|[.;:]\s+|\b(?:and|but|while|whilst|whereas)\s+)(?-i:[Tt])he\s+"
                           r"(?P<kind>county|city|borough|district)(?:\s+council)?(?:['’]s\b|(?:,[^,;.]{3,80},)?\s+"
                           r"(?:(?-i:[a-z]+ly)\s+|now\s+|also\s+|still\s+)?(?:had|has|have|is|was|looks?\s+after|cares?\s+for|"
                           r"(?-i:[a-z]+ed|[a-z]+s)))\b[^.;:]{0,80}$")
# the kinds of council a front page names: "Kingsmere Borough Council", "London Borough of Sutton", "City of York"
_COUNCIL_KIND = re.compile(r"\b(?:(?P<kind>county|city|borough|district)\s+council|(?P<of>borough|city)\s+of\s+(?-i:[A-Z]))",
                           re.I)


def _another_kind_of_council(before: str, front: str) -> bool:
    """The figure's clause is about "the county" (or city, borough, district) and the writer is a
    council of another kind (the first council its front page names): a borough's paper calls itself
    "the borough" or "the council", so "the county" there is the county council beside it (a shared
    hub's partner, a neighbour)."""
    m = _KIND_SUBJECT.match(before)  # (the last such subject before the figure: ".*" is greedy)
    writer = _COUNCIL_KIND.search(front)  # (the first council the front names; an item may name its partner)
    return m is not None and writer is not None and \
        m.group("kind").lower() != (writer.group("kind") or writer.group("of")).lower()


# a line that is a label and its figure: "LAC at 30 November 2024: 1,014", "Courses run | 84"
_LINE_LABEL = re.compile(r"[^\W\d][^:|]{1,80}?(?::|\s\|)\s*£?$")


# a title that reviews another council: "LEARNING FROM OFSTED'S INSPECTION OF LEICESTERSHIRE COUNTY COUNCIL'S
# CHILDREN'S SERVICES", "Peer challenge of Tameside's front door: findings"
_REVIEW_WORDS = re.compile(r"\b(?:inspection|inspected|peer (?:challenge|review)|review|focused visit|monitoring visit|"
                           r"(?-i:ILACS|JTAI)|findings|learning from)\b", re.I)
_OF_BEFORE = re.compile(r"\b(?:of|into|at|from)\s+(?:the\s+)?$", re.I)
_A_NEIGHBOUR = re.compile(r"\b(?:of|into|at|from)\s+(?:a|an|the)\s+(?:neighbouring|nearby|another|other)\s+(?:local\s+)?"
                          r"(?:authority|council|borough|county|area)\b", re.I)
_POSSESSIVE_AFTER = re.compile(r"(?:\s+(?:county|city|borough|district|metropolitan borough))?(?:\s+council)?['’]s?\b", re.I)


@lru_cache(maxsize=64)
def _reviews_another(front: str, area_code: str) -> bool:
    """The front page's title is a review or inspection of another council than the paper's own: the
    paper is about that council, whose figures fill it."""
    for line in front.split("\n")[1:]:  # (the first line is the letterhead)
        if not _REVIEW_WORDS.search(line):
            continue
        if _A_NEIGHBOUR.search(line):
            return True  # "LEARNING FROM THE INSPECTION OF A NEIGHBOURING AUTHORITY: SLOUGH CHILDREN FIRST"
        for _, place, area, _, _ in mentions(line):
            named = re.search(re.escape(place), line, re.I) if area is not None and area.code != area_code else None
            if named and (_OF_BEFORE.search(line[:named.start()]) or _POSSESSIVE_AFTER.match(line, named.end())):
                return True
    return False


def _ours_named(c: Candidate, area: str) -> bool:
    """The figure's sentence or row speaks of the writer: "we", "our", or its own area's name."""
    return bool(FIRST_PERSON.search(c.snippet) or (area and re.search(r"\b" + re.escape(area) + r"\b", c.snippet, re.I)))


@lru_cache(maxsize=64)
def _heading_lines(front: str) -> tuple[str, ...]:
    """The front page's heading lines as the page's text has them (spaces and dashes normalised), read
    once per document rather than once per figure."""
    lines = (re.sub(r"[\u2012-\u2015]", "-", " ".join(line.split())) for line in front.split("\n"))
    return tuple(line for line in lines if len(line) >= 8)


def _compared_after_the_title(c: Candidate, front: str) -> bool:
    """The sentence runs on from a heading line of the front page, and the phrase opening it after
    the heading is a comparator's ("Corporate Parenting Board, sufficiency update In neighbouring
    Northfold, 1,012 children ..."), as it would be opening the sentence."""
    for line in _heading_lines(front):
        if not c.snippet.startswith(line):
            continue
        rest = c.snippet[len(line):]
        at = len(line) + len(rest) - len(rest.lstrip())
        m = _OPENER.match(c.snippet[at:])
        if m and at + m.end() <= c.value_start and ";" not in c.snippet[at + m.end():c.value_start] \
                and _COMPARATOR.search(m.group(1)):
            return True
    return False


_CP_NAMED = re.compile(r"\b(?:child protection|(?-i:CP|CPP)s?\b)", re.I)
# education, health and care plans: another kind of plan than a child protection plan
_EHC = re.compile(r"\b(?:EHC ?Ps?|EHC plans?|education,? health and care (?:needs )?plans?)\b", re.I)


def _under_an_ehc_caption(lines: list[str], at: int) -> bool:
    """The figure's line, or the caption or heading a few lines above it, names EHC plans: its "Plans"
    column counts those, not child protection plans."""
    for k in range(at, max(-1, at - 8), -1):
        if _CP_NAMED.search(lines[k]):
            return False  # (a caption of child protection plans nearer the figure is its own)
        if _EHC.search(lines[k]):
            return True
    return False


def _bound_by_a_sign(lines: list[str], c: Candidate) -> bool:
    """A comparison sign stands straight before the figure on its own line, after the line's label."""
    if not 0 <= c.line < len(lines) or (at := lines[c.line].find(c.raw)) < 0:
        return False
    return bool(_SIGN_BEFORE.search(lines[c.line][:at]))


def _labelled_on_its_line(lines: list[str], c: Candidate) -> bool:
    """The figure ends a line that labels it ("LAC at 30 November 2024: 1,014"), and the KPI's words
    the match read after it stand on the next line: they are the next line's label, not this
    figure's."""
    if c.match_start < c.value_start or c.match_end <= c.value_end or not 0 <= c.line < len(lines):
        return False
    line = lines[c.line].rstrip()
    return line.endswith(c.raw) and bool(_LINE_LABEL.search(line[:len(line) - len(c.raw)]))


# a council as a sentence's subject, at its start or after the title it runs on from: "Eastvale Council joined the item"
_COUNCIL_OPENS = re.compile(r"(?:^\W*|[.;:]\s+|(?:19|20)\d\d\s+)(?P<name>(?-i:[A-Z])[\w'’&-]*(?:\s+(?-i:[A-Z])[\w'’&-]*){0,3}?"
                            r"\s+(?:County\s+|City\s+|Borough\s+|District\s+)?Council)\s+(?:has\s+|had\s+|have\s+)?[a-z]+ed\b")


def _another_council_opens(sentence: str, area: str, front: str) -> bool:
    """The sentence's subject is a council that is not the paper's own (its area's, or, where the area
    is no council the gazetteer knows, one its front page names): the "it" after it is that council."""
    m = _COUNCIL_OPENS.search(sentence)
    if m is None or FIRST_PERSON.search(sentence, 0, m.start("name")):
        return False
    name = m.group("name")
    if area:
        return bool(others_name(name, area))
    return bool(front) and not _a_writer(name, front) and not _a_writer(name.split()[0], front)


def _goes_on_about_a_body(layout: PageLayout, c: Candidate, area: str, front: str = "") -> bool:
    """The candidate's sentence opens with "It", "They" or "The organisation", and the sentence
    before opens with another body, or names one beside the writer's "we"."""
    if c.method == "table" or not 0 < c.sentence < len(layout.sentences) or not _GOES_ON.match(c.snippet):
        return False
    before = layout.sentences[c.sentence - 1].text
    # (the body may open it by kind, by name, as a service another body runs, or in an opening clause)
    return bool(_BODY_LEAD.match(before) or _POPULATION_OF_BODY.match(before.lstrip()) or _BODY_SUBJECT.match(before)
                or _body_apposition(before) or _names_another_body(before)
                or _adults_board_leads(before)
                or _FRIENDS_AT.search(before)
                or _NAME_OF_BODY.match(before.lstrip()) or _BY_OTHER.search(before) or _SEVERAL_AREAS.search(before)
                or another_beside_us(before, area) or _another_council_opens(before, area, front)
                or bool(_another_named_subject(before, area, front)))


# the name a sentence opens with as its subject, then the verb: "The Children's Society again ran ...",
# "Eastvale Council joined the item ...", "Harbury Foodbank, a registered charity, supported ..."
_OPENING_SUBJECT = re.compile(r"^\W*(?:(?-i:The)\s+(?=(?-i:[A-Z])[\w'’&-]*\s+(?:partnership|council|board|force)\b))?"
                              r"(?P<name>" + _NAME + r")(?:\s+(?P<kind>partnership|council|board|force))?"
                              r"(?:,[^,;.]{3,80},|\s+\([^)]{3,60}\))?\s+"
                              r"(?:(?:again|now|also|still|currently|already|[a-z]+ly)\s+)?"
                              r"(?-i:(?:[a-z]+ed|[a-z]+s|ran|had|has|have|is|was|are|were|holds|held|took|made|gave|"
                              r"set|spent|runs|won|saw|met|led|kept|put|sent|began|grew|fell|rose))\b")
# what makes a name a body's or a place's: "Council", "Trust", "Society", "Constabulary" ...
_BODY_WORD = re.compile(r"\b(?:Council|County|Borough|City|District|Partnership|Board|Trust|Police|Constabulary|ICB|"
                        r"NHS|CCG|Society|Charity|Foundation|Association|Network|Forum|Hospital|Hospice|College|School|"
                        r"Academy|University|Diocese|Church|Ltd|Limited|Commissioner|Service|Agency)\b")


def _another_named_subject(sentence: str, area: str, front: str) -> str:
    """The name of another body or place that opens the sentence as its subject (not the writer's own,
    nor a word the writer calls itself): what "It" and "Its" of the next sentence go on about."""
    m = _OPENING_SUBJECT.match(sentence)
    if m is None or FIRST_PERSON.search(m.group("name")):
        return ""
    name = others_name(m.group("name"), area)
    if not name or _a_writer(name, front):
        return ""
    return name if _BODY_WORD.search(name) or gazetteer().lookup(name) is not None else ""  # ("The Dudley partnership")


# a bulleted item or "(a)", not a numbered paragraph ("3. The County Council approved ...")
_LIST_ITEM_LINE = re.compile(r"^\s*(?:[-\u2022\u25aa\u25cf\u2013*>\uf0b7]|\([a-z]{1,3}\))\s")


# a list's lead that opens a breakdown of a whole: "Of the 112:", "Of these children:", "Among them:"
_OF_WHOLE_LEAD = re.compile(r"(?:^\W*(?:\d+(?:\.\d+)*\s+)?|[.;]\s+|,\s*)(?:of|among|amongst)\s+(?:the|these|those|them|this group|this cohort)(?:\s+[\d,]+)?"
                            r"(?:\s+[\w'-]+){0,4}\s*:\s*$", re.I)


def _table_head_of(layout: PageLayout | None, c: Candidate) -> tuple[int, str]:
    """The header line of the table of periods a table cell `c` was read from, and its label column's head;
    (-1, "") for a figure of prose or of a table of no period's columns."""
    if layout is None or c.method != "table":
        return -1, ""
    for t in layout.tables:
        if any(c.line in r.lines for r in t.rows):
            dated = "period" in t.kinds if t.kinds is not None else any(p is not None for p in t.periods)
            return (t.header_line, t.label_head) if dated else (-1, "")
    return -1, ""


def _planned_list(lines: list[str], at: int, head: tuple[int, str] = (-1, "")) -> str:
    """The role the lead of a list gives the line `at` when it is one of its items: "part" under a lead
    that breaks down a whole ("Of the 112:"), "target" or "forecast" under one that names plans
    ("Milestones", "Targets for 2025/26:", "Forecast"); "" otherwise. Items
    that are short lines of a label and its figure, bulleted or not, follow a heading of their own:
    "Target 2025/26" over "Children in care per 10,000: 65.0" (`_under_a_heading`)."""
    if not 0 <= at < len(lines):
        return ""
    if not _LIST_ITEM_LINE.match(lines[at]):
        return _under_a_heading(lines, at, head)
    k = at - 1
    # (an item wrapped over lines: its second line, in lower case, is no lead: "- Bring the proportion ..." /
    # "time below 20%.")
    while k >= 0 and at - k <= 12 and (_LIST_ITEM_LINE.match(lines[k]) or not lines[k].strip()
                                       or lines[k].strip()[:1].islower() and not lines[k].rstrip().endswith(":")):
        k -= 1
    lead = lines[k] if k >= 0 and at - k <= 12 else ""
    lead = re.split(r"(?<=[.!?])\s+(?=[A-Z])", lead.strip())[-1]  # (its last sentence: "... social care. In Plymouth:")
    if _OF_WHOLE_LEAD.search(lead):
        return "part"  # "Of the 112:" over "- 27 were children in care": parts of that whole, not our counts
    if not lead.strip() or len(lead) > 90:
        return _under_a_heading(lines, at, head)
    if _FORECAST.search(lead):
        return "forecast"
    if _TARGET.search(lead) or _PLEDGE.search(lead) or _AHEAD_LEAD.search(lead):
        return "target"
    # a heading of aims over the list ("PRIORITIES FOR 2025/26"), its items wrapped over lines
    planned = _heading_role(lead.strip())
    return planned if planned in ("target", "forecast", "threshold") else _under_a_heading(lines, at, head)


# a heading line alone, its period or source in brackets at most: what the short lines under it are
_HEAD_TAIL = r"(?:\s+(?:for|to|by|in|at)\b)?(?:(?:\s+|\s*\|\s*)(?:(?:19|20)\d\d(?:[/-]\d\d(?:\d\d)?)?|Q[1-4]|[A-Z][a-z]{2,8}))*" \
             r"\s*(?:\([^()]{0,80}\))?\s*:?\s*$"
# (nor a table's row of column heads: "Budget Forecast Variance")
_HEAD_NOT = r"(?![^:]*\b(?:against|vs\.?|versus|actuals?|performance|progress|achieved|outturn|budget|variance)\b)"
# who agreed or set the plans a heading names: "Trajectory agreed with the DfE improvement adviser"
_SET_BY = r"(?:\s+(?:agreed|set|proposed|approved|submitted)\s+(?:with|by|for)\b[^:()\d]{0,60}?)?"
# a body named in full, then what its figures are: "Midshire Community Health NHS Trust - training compliance"
# or "Adopt North Coast (regional adoption agency) - 2024/25"
_NAMED_BODY_HEAD = (r"(?:" + _NAME_OF_BODY.pattern + r"|(?-i:[A-Z][\w'’&-]*)(?:\s+(?-i:[A-Z][\w'’&-]*)){0,5}\s*\((?:the\s+|a\s+)?"
                    r"(?:[\w'’-]+\s+){0,2}?" + _ANY_BODY + r"\))(?:\s+[-\u2013:]\s+(?:[\w'’/-]+\s+){0,5}?[\w'’/-]+)?")
_HEADINGS = (
    ("target", re.compile(r"^\W*" + _HEAD_NOT + r"(?:our\s+|the\s+)?(?:[\w'’-]+\s+){0,3}?(?:targets?|milestones?|"
                          r"ambitions?|trajector(?:y|ies)|pledges?|goals?|"
                          # what is meant for a year named: "PRIORITIES FOR 2025/26", "Our plans for the year ahead"
                          r"(?:priorities|objectives|aims|plans|commitments)(?=\s+for\s+(?:the\s+years?\s+ahead|next\s+year|"
                          r"(?:19|20)\d\d)))" + _SET_BY + _HEAD_TAIL, re.I)),
    # levels that set something off: "Sufficiency trigger points (placements commissioning)"
    ("threshold", re.compile(r"^\W*" + _HEAD_NOT + r"(?:our\s+|the\s+)?(?:[\w'’-]+\s+){0,3}?(?:thresholds?|trigger\s+"
                             r"(?:points?|levels?)|escalation\s+(?:points?|levels?)|tolerances?)" + _HEAD_TAIL, re.I)),
    ("forecast", re.compile(r"^\W*" + _HEAD_NOT + r"(?:our\s+|the\s+)?(?:[\w'’-]+\s+){0,3}?(?:forecasts?|projections?|"
                            r"projected|predicted|modelled)(?:\s+(?:demand|figures|numbers|activity))?" + _HEAD_TAIL, re.I)),
    # (a group that owns the figures, not "Benchmarking", under which our own figures sit beside theirs)
    ("comparator", re.compile(r"^\W*(?:the\s+)?(?:regional|national(?:ly)?|england|english|statistical neighbours?|"
                              r"(?:nearest |closest )?neighbours?|"
                              # another council's figures set beside ours: "Peer comparison: Calderbridge MBC"
                              r"(?:peer|comparator|neighbour)\s+(?:comparison|council|authority)s?(?:\s*:\s*[^:]{3,60}?)?|"
                              r"(?:north[- ]?(?:east|west)|south[- ]?(?:east|west)|east midlands|west midlands|"
                              r"east of england|yorkshire and (?:the )?humber)(?:\s+region)?)"
                              r"(?:\s+(?:average|averages|figures|data|rates?))?" + _HEAD_TAIL, re.I)),
    ("other-body", re.compile(r"^\W*(?:(?:our|the|their)\s+)?(?:(?:[\w'’&-]+\s+){0,4}?(?:" + _ANY_BODY + r")|"
                              r"(?:health|police|schools?|education)\s+(?:partners?['’]?s?|colleagues))['’]?s?"
                              # (its own figures, not a section that only bears its name: "Police" over
                              # "Referrals from police: 1,488" is a part of ours)
                              r"(?:\s+(?:own\s+)?(?:figures|data|update|return|statistics|activity|summary)|(?=\s*\())"
                              + _HEAD_TAIL + "|^\\W*" + _NAMED_BODY_HEAD + _HEAD_TAIL, re.I)),
)


_PERIOD_WORDS = re.compile(r"\b(?:(?:19|20)\d\d(?:[/-]\d\d(?:\d\d)?)?|Q[1-4]|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}|"
                           r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\b")


# a period, a rate's base or a span of time in a row's label: no value of the row
_NOT_A_VALUE = re.compile(_PERIOD_WORDS.pattern + r"|\bper\s+10(?:,?000|k)\b|\b\d+\s+(?:months|weeks|days|years|hours)\b", re.I)


def _piped_cells(line: str) -> list[str]:
    """The cells of a line set out with pipes, outer pipes dropped."""
    return [x.strip() for x in line.strip().strip("|").split("|")]


# a column head of a change since an earlier time: "Since Q2", "Change on last year", "vs 2023"
_SINCE_HEAD = re.compile(r"^(?:(?:change|movement)\s+)?(?:since|on last|from last|vs\.?|versus)\b", re.I)


def _head_role(head: str) -> str:
    return next((role for role, _, rx in _TABLE_LABEL_RULES if rx.search(head)),
                "change" if _SINCE_HEAD.match(head) else "")


# the periods a head row may name, which make it no row of figures: "2025/26 | Q1 | Q2 | Target (YTD)"
_PERIOD_HEADS = re.compile(r"\b(?:Q[1-4]|(?:19|20)\d\d(?:[/-]\d\d(?:\d\d)?)?|\d\d/\d\d|[A-Z][a-z]{2}[- ]\d\d)\b")


def _holds_figures(line: str) -> bool:
    """Does a line set out with pipes hold figures other than the periods a head row names?"""
    return re.search(r"\d", _PERIOD_HEADS.sub(" ", line)) is not None


def _piped_column_role(lines: list[str], at: int, raw: str) -> str:
    """The role the column head of a table set out with pipes gives the cell holding `raw` in line
    `at`, read as prose: "KPI | Target | Stretch | Tolerance" over "Children on CP plans | 330 | 310"."""
    if not 0 <= at < len(lines) or lines[at].count("|") < 2:
        return ""
    cells = _piped_cells(lines[at])
    where = [k for k, x in enumerate(cells) if x == raw.strip()]
    if len(where) != 1 or where[0] == 0:
        return ""
    k = at - 1
    while k >= 0 and at - k <= 12 and lines[k].count("|") >= 2 and _holds_figures(lines[k]):
        k -= 1
    if k < 0 or lines[k].count("|") < 2 or _holds_figures(lines[k]):
        return ""
    heads = _piped_cells(lines[k])
    if len(heads) != len(cells):
        return ""
    return _head_role(heads[where[0]])


# the figure of an item, its value: after a colon, at the line's end, or a row of cells ("388  391  -")
_ITEM_VALUE = re.compile(r"\d[\d,.]*\s*(?:%|k|m|bn|pts?|pp)?\s*(?:\([^()]*\))?\s*[;.]?\s*$|[:=]\s*(?:£|-)?\s*\d|"
                         r"\d\s+(?:[-\u2013]|\d)", re.I)


def _item_line(line: str) -> bool:
    """A short line of a label and its figure, as a list or a small table sets them out."""
    figures = _PERIOD_WORDS.sub(" ", line)
    bulleted = bool(_LIST_ITEM_LINE.match(line))
    # (its figure is its value: a heading's "level 3" or "(Q3)" is none)
    valued = _ITEM_VALUE.search(figures) or bulleted and re.search(r"\d", figures)
    return bool(valued) and (len(line) <= 100 and len(line.split()) <= 14 or bulleted)


# a table's row of column heads that are periods only: "   2025/26    2026/27    2027/28"
_PERIODS_ROW = re.compile(r"^(?:\s*\|?\s*(?:(?:19|20)\d\d(?:[/-]\d\d(?:\d\d)?)?|Q[1-4](?:\s+(?:19|20)\d\d(?:[/-]\d\d)?)?|"
                          r"[A-Z][a-z]{2}[- ]\d\d))+\s*\|?\s*$")


def _heading_role(head: str) -> str:
    """The role a heading gives what it heads, by the first of `_HEADINGS` it matches ("" for none)."""
    return next((role for role, rx in _HEADINGS if rx.match(head)), "")


def _under_a_heading(lines: list[str], at: int, table_head: tuple[int, str] = (-1, "")) -> str:
    """The role a heading line gives the short lines of figures straight under it: "target",
    "forecast", "comparator" or "other-body" (a line alone: "Statistical neighbours (2023/24)",
    "Health partners' figures (Northshire ICB, 2024/25)"); "" when the line `at` is no such item."""
    k = at
    while k >= 0 and at - k <= 12 and lines[k].strip() and (_item_line(lines[k]) or k < at and _PERIODS_ROW.match(lines[k])):
        k -= 1
    if k < 0 or k == at or at - k > 12 or not lines[k].strip() or len(lines[k]) > 120:
        return ""
    # (a table's row under its own header line of periods is an item by its label column's head alone: "Aug-24  YTD
    # YTD target" names each column, which the table reader has typed; "Demand forecast | 2025/26" names every row)
    head = lines[k].strip() if k != table_head[0] else table_head[1].strip()
    if not head:
        return ""
    r = _heading_role(head)
    named = all(_PLACE_ITEM.match(ln) for ln in lines[k + 1:at + 1])  # "- Rotherham: 655 children in care; 412 ..."
    if not r and _COMPARATORS_HEAD.search(head) and not _OURS_HEAD.search(head):
        r = "comparator"  # "Context - neighbouring councils (31 March 2024)", "Benchmarks (East Midlands regional averages)"
    if r == "comparator" and not named \
            and any(len(figure_spans(_NOT_A_VALUE.sub(" ", ln))) > 1 for ln in lines[k + 1:at + 1]):
        return ""  # a row of figures under it may hold ours beside theirs
    return r


def _another_councils_column(c: Candidate, area_code: str, front: str = "") -> bool:
    """A table cell whose column (or row) is named by another UK council than the document's own, in a
    paper of one council: a neighbour set beside it ("Measure | Stockport | Trafford | Tameside" in
    Stockport's scorecard). A joint paper of several councils (no one code, or each council named in
    its front page's heading lines) keeps each council's column as a part of its own area."""
    if not area_code or not c.subject or c.kpi in _MONEY_KPI_GROUPS["paid-in"]:
        return False
    name = re.sub(r"\s*\(.*", "", c.subject).strip()
    return bool(another_place(name, area_code)) and not _a_writer(name, front) and not a_part_of_the_area(name, area_code)


_COMPASS_BEFORE = re.compile(r"\b(?:north|south|east|west|central|mid|greater)[\s-]+$", re.I)


def _a_writer(name: str, front: str) -> bool:
    """Whether the front page's heading lines name `name`, as written or as the same council ("St Helens
    Borough Council" for the gazetteer's "St. Helens"): a joint paper's councils are each its writer."""
    # (not as the tail of a longer place's name: "Lincolnshire" in "NORTH LINCOLNSHIRE COUNCIL")
    if any(not _COMPASS_BEFORE.search(front, 0, m.start())
           for m in re.finditer(r"\b" + re.escape(name) + r"\b", front, re.I)):
        return True
    place = gazetteer().lookup(name)
    return place is not None and place.code in _councils_named(front)


@lru_cache(maxsize=64)
def _councils_named(front: str) -> frozenset[str]:
    """The codes of the councils a document's front names (asked for each of its figures, read once)."""
    return frozenset(a.code for _, _, a, _, _ in mentions(front) if a is not None)


def _a_compared_row(lines: list[str], c: Candidate, area_code: str) -> bool:
    """A row of a table whose caption, just above its rows, names others to compare with ("Table 3 -
    Neighbouring partnerships, 2024/25"), and whose label names other places only ("Derby and
    Derbyshire"; not "Nottinghamshire (this partnership)", the document's own area): that row is
    another body's, set beside ours. A row labelled by what it counts is left to its columns."""
    if c.line is None or not c.subject or c.snippet.split(" | ", 1)[0].strip() != c.subject.strip():
        return False
    places = [p for p in re.split(r",\s*|\s+(?:and|&)\s+", c.subject) if p.strip()]
    if not places or not all(another_place(p, area_code) for p in places):
        return False
    k = c.line
    while k >= 0 and "|" in lines[k]:
        k -= 1
    captions = [ln for ln in lines[max(0, k - 3):k + 1] if ln.strip()][-2:]
    return any(_COMPARATORS_HEAD.search(ln) and not _OURS_HEAD.search(ln) for ln in captions)


# a row label the writer marks as its own: "Harbury (us)", "Redcar (this council)", "Us"
_OUR_ROW_MARK = re.compile(r"\((?:us|ours|we|this (?:council|authority|partnership|board|borough|county|city|area|service))\)|"
                           r"^\W*(?:us|ours)\W*$", re.I)
# a place's or body's proper name: "Westshire", "North Fellbridge", "Stockton-on-Tees" (also the name that opens an
# item, `_PLACE_ITEM`); a row label that is one and nothing more
_PLACE_NAME = r"(?-i:[A-Z])[\w'’&.-]*(?:\s+(?:(?-i:[A-Z])[\w'’&.-]*|and|of|upon|on|the)){0,4}"
_PROPER_NAME_LABEL = re.compile(_PLACE_NAME)


def _beside_a_row_marked_ours(lines: list[str], c: Candidate) -> bool:
    """A row named by a place or body only, in a table one of whose rows the writer marks as its own
    ("Harbury (us) | 164" above "Westshire | 131"): that row is another's, set beside ours."""
    label = (c.subject or "").strip()
    if c.line is None or not label or _OUR_ROW_MARK.search(label) or not _PROPER_NAME_LABEL.fullmatch(label) \
            or c.snippet.split(" | ", 1)[0].strip() != label:
        return False  # (a row's label, not a column's head)
    lo = hi = c.line
    while lo > 0 and c.line - lo < 15 and lines[lo - 1].strip():
        lo -= 1
    while hi + 1 < len(lines) and hi - c.line < 15 and lines[hi + 1].strip():
        hi += 1
    return any(_OUR_ROW_MARK.search(re.split(r"\s{2,}|\s*\|\s*|\s\d", ln.strip(), maxsplit=1)[0])
               for k, ln in enumerate(lines[lo:hi + 1], lo) if k != c.line)


# a heading that names others' figures anywhere in it, not only as its first words
_COMPARATORS_HEAD = re.compile(r"\b(?:neighbou?ring (?:councils?|authorit(?:y|ies)|partnerships?|areas?)|statistical neighbours?|"
                               r"nearest neighbours?|(?:regional|national|england|english|sn) averages?|"
                               r"peer (?:partnerships|councils|authorities|areas)|comparators?|benchmarks|"
                               r",\s*England\b|\((?:DfE|ONS|Ofsted)\b)|" + OTHERS_TOGETHER.pattern, re.I)
_OURS_HEAD = re.compile(r"\bour\b(?!\s+(?:neighbou?ring|neighbours?|peer|partner|comparator))|\b(?:ours|us|we|own)\b|\bvs\.?\b|\bversus\b|\bagainst\b|\bcompared\b", re.I)
# an item that names its place first: "- Derby: 74 courses, 1,630 delegates"
_PLACE_ITEM = re.compile(r"^\W*" + _PLACE_NAME + r"\s*:\s*\S")


_COMPARED = re.compile(r"\b(?:compared (?:with|to)|against|while|whilst|whereas|than|unlike|versus|vs)\b|;", re.I)


_SOCIAL_CARE = re.compile(r"\b(?:social care|(?-i:CSC|MASH)|front door|children's services)\b", re.I)


def _adults_board_leads(before: str) -> bool:
    """The last words before a figure (or before "It" opens the next sentence) name an adults'
    board, and nothing after them names children, the writer or a comparison: a title that names
    the children's partnership may run into the board's own sentence ("... Children Partnership -
    Annual Report The adults' board delivered 64 courses"). ("Unlike the SAB, we ran 40 courses"
    passes this test, but `_another_service` tries the older one first, which any text naming the
    board and no children fails.)"""
    last = last_match(_ADULTS_BOARD, before)
    if last is None:
        return False
    since = before[last.end():]
    return not (CHILDREN.search(since) or FIRST_PERSON.search(since) or _COMPARED.search(since))


def _another_service(c: Candidate, service: str) -> bool:
    """A figure of another service than children's: its text names no children, and it is in a
    paper about that service (`service`) or names an adults' safeguarding board. A council's
    budget or spend for one of its services stays that service's budget (spec/kpis.md), unless
    the paper is an adults' board's own."""
    before = c.snippet[:c.value_start]
    if _ADULTS_BOARD.search(before) and not CHILDREN.search(before):
        return True  # "the Safeguarding Adults Board set a budget of £198,000; the children's partnership's ..."
    if _adults_board_leads(before):
        return True  # "Northcote Safeguarding Children Partnership - Annual Report The adults' board delivered 64"
    if service in ("LADO", "children out of school") and c.kpi in ("referrals", "rereferral_rate") \
            and not _SOCIAL_CARE.search(c.snippet):
        return True  # a designated officer's report: "Of the 52 referrals, 38 concerned homes ..."; the CME team's
    if CHILDREN.search(c.snippet):
        return False
    # (not a board the figure is only compared with: "£512,900, compared with £301,000 spent by the SAB")
    # (nor one in a clause of its own after it: "25 are complete, and the adults' board's plan has 31 actions")
    own_part = _CLAUSE_BOUND.split(_COMPARED.split(c.snippet[c.value_end:], 1)[0], 1)[0]
    board = _ADULTS_BOARD.search(before) or _ADULTS_BOARD.search(own_part) or _ADULTS_BOARD.search(service)
    # (a youth justice service's own partners pay into its budget, a service's)
    if c.kpi in _MONEY_KPI_GROUPS["own"] or (service == "youth justice" and c.kpi in _MONEY_KPI_GROUPS["paid-in"]):
        return bool(board)
    return bool(service or board)


# an age band names who is counted, it is no figure: "15 children in care aged 16 and 17 had ..."
_AGES = re.compile(r"\baged?\s+(?:under\s+|over\s+|between\s+)?\d{1,2}(?:\s*(?:-|\u2013|to|and|or)\s*\d{1,2})?\+?", re.I)


def _without_ages(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The figure spans of a text less the numbers of its age bands, so that a clause runs on past them."""
    ages = [m.span() for m in _AGES.finditer(text)]
    return [s for s in spans if not any(a <= s[0] < b for a, b in ages)]


def _own_measure(c: Candidate, library: Library) -> Candidate:
    """A part that the library counts as a measure of its own (a KPI's `part_of`: "of whom 87
    were UASC") is that measure's figure, with no subject, instead of a part of the whole."""
    if c.role != "part" or not c.subject:
        return c
    measures = library.measures_of_parts()
    # the part as its clause names it ("102 were unaccompanied") or as `[subject]` names it
    kpi = measures.get((c.kpi, c.subject)) or next(
        (measures[c.kpi, s.name] for s in library.subjects if (c.kpi, s.name) in measures and s.regex.search(c.subject)), None)
    if kpi is None:
        return c
    return replace(c, kpi=kpi, subject="", role=_base_role(library.kpis[kpi]), role_rule="own-measure",
                   pattern=f"{c.pattern}>{kpi}")


def _lead_cell(text: str, at: int) -> str:
    """The first cell of a line set out in cells (" | "), when the figure is in a later one: it
    labels the whole line, as a table's row label does; so does a short lead before the line's
    first colon or dash ("Milestones - June 2025: 60% ...", "Our 2026 pledges: 200 training
    events | 4,000 delegates", "Q3 2025/26 forecast - children in need: 2,950")."""
    start = max(text.rfind("\n", 0, at), text.rfind(". ", 0, at)) + 1
    first = text.find(" | ", start, at)
    if first >= 0:
        return text[start:first].strip()
    lead = _LEAD_LABEL.match(text, start, at)
    return lead.group(1).strip() if lead else ""


# a line's label before its first colon or dash, with no figure of its own but a period's
# (a word may open or close a bracket: "Regional benchmarking (Y&H, 2023-24):")
_LEAD_LABEL = re.compile(r"\s*((?:[A-Za-z][\w'’&]*|\(?(?:19|20)\d\d(?:[/-]\d\d)?\)?|Q[1-4])(?:[ ,]+\(?(?:[A-Za-z][\w'’&-]*|"
                         r"(?:19|20)\d\d(?:[/-]\d\d)?|Q[1-4])\)?){0,9})\s*(?::|\s[-\u2013]\s)")
# a line led by what others do: "Regional L&D benchmarking (2024/25): ...", "National average - ..."
_COMPARATOR_LEAD = re.compile(r"\W*(?:the\s+)?(?:regional|national|england|english|statistical neighbours?|benchmark\w*|"
                              r"(?-i:SNs?)\b|stat\.? neighbours?|similar (?:authorities|councils)|family group|"
                              r"comparators?|peer|(?:north[- ]?(?:east|west)|south[- ]?(?:east|west)|east midlands|"
                              r"west midlands|east of england|yorkshire and (?:the )?humber)(?:\s+region)?\s*$)", re.I)


def _another_councils(c: Candidate, library: Library, area_code: str) -> bool:
    """A count or rate in a clause about another named council ("Nottingham City Council ... looked
    after 721 children" in a Nottinghamshire paper); not money, which partner councils pay."""
    return c.method != "table" and library.kpis[c.kpi].unit != "GBP" and \
        bool(another_councils(c.snippet[:c.value_start], area_code))


# "Of the 64 children identified as at risk of exploitation, 21 were looked after and 9 were on a plan":
# a whole that no KPI counts, broken down
_OF_OTHER_WHOLE = re.compile(r"^\W*(?:of|among|amongst) (?:the|these|those) (?P<n>[\d,]+) [^,;.]{2,80},", re.I)


# a clause that counts a part of a group it names without its count, and the parts after it: "12 of the
# high-risk children were in care and 8 were subject to a plan" (not "41 of them", which may be the KPI's own
# whole told before, nor "29 of the plan's 40 actions", whose whole is counted)
_N_OF_THE = re.compile(r"\W*(?P<n>\d[\d,]*|" + _NUMBER_WORDS + r"(?:-[a-z]+)?) (?:of|among) the\b[^;.:\d]{0,80}?"
                       r"\b(?:were|are|was|is|had|have)\b", re.I)


# "12 of them", "nine of whom": a part of a whole just counted, opening a list of its parts
_N_OF_THEM = re.compile(r"\b" + _N + r"\s+of\s+(?:them|whom)\b", re.I)
# the list going on after it: its part's words, then "and" or a comma, and no verb, stop or owner of its own
_LISTED_AFTER = re.compile(r"[^.;:()\d]{0,60}?(?:,\s*(?:and\s+)?|\s+and\s+)(?:a further\s+|another\s+)?")
_A_NUMBER = re.compile(r"\b\d[\d,]*\b")


def _parts_of_another_whole(cands: list[Candidate]) -> list[Candidate]:
    """The figures of a sentence that breaks down a whole no candidate reads are parts of that
    whole, not the KPIs' own counts (a part is a fact only of its own KPI's whole)."""
    out = []
    for c in cands:
        m = _OF_OTHER_WHOLE.match(c.snippet) if c.method != "table" else None
        if m is None and c.method != "table":
            semicolon = c.snippet.rfind("; ", 0, c.value_start)
            clause_start = semicolon + 2 if semicolon >= 0 else 0
            n_of = _N_OF_THE.match(c.snippet, clause_start)
            if n_of and n_of.start("n") <= c.value_start and c.role in FACT_ROLES and "+part" not in c.pattern:
                c = replace(c, role="part", role_rule="of-another-whole", subject="")
        if m and c.value_start > m.end() and c.role in FACT_ROLES | {"part"} and "+part" not in c.pattern \
                and not any(o.snippet == c.snippet and o.value_start == m.start("n") for o in cands):
            c = replace(c, role="part", role_rule="of-another-whole", subject="")
        elif c.method != "table" and c.role in FACT_ROLES and not c.subject and "+part" not in c.pattern:
            of_them = last_match(_N_OF_THEM, c.snippet[:c.value_start])
            whole = last_match(_A_NUMBER, c.snippet[:of_them.start()]) if of_them is not None else None
            if of_them is not None and whole is not None and _LISTED_AFTER.fullmatch(c.snippet, of_them.end(), c.value_start) \
                    and not any(o.snippet == c.snippet and o.value_start == whole.start() for o in cands):
                # "41 young people at risk, 12 of them children in care and 17 on child in need plans": the list
                # that "12 of them" opens goes on breaking down the same whole, one that no KPI counts
                c = replace(c, role="part", role_rule="listed-with-a-part")
        out.append(c)
    return out


def _comparisons_share_roles(cands: list[Candidate]) -> list[Candidate]:
    """A comparison read beside a figure ("£9.8 million ... (2024/25: £11.2 million)") is the same
    kind of figure: the last year's investment income is no more a budget than this year's. So is a
    part read with its whole ("including 23 young adults")."""
    out = []
    for c in cands:
        head_pattern, plus, how = c.pattern.rpartition("+")
        if plus and how == "comparison" and c.role in FACT_ROLES:
            head = _head_read_with(c, cands, head_pattern, routed=True)
            if head is not None and head.kpi != c.kpi:  # the head was routed ("Per 10,000 children, 44 ... (2020: 49)")
                c = replace(c, kpi=head.kpi, pattern=f"{c.pattern}>{head.kpi}")
            if _gives_no_fact(head):
                c = replace(c, role=head.role, role_rule="compares-to")  # type: ignore[union-attr]
        elif plus and how == "part" and c.role == "part":
            # a part read with its whole is of the same kind: the children that carers "were looking after,
            # including 23 young adults", are no more the council's than the whole
            head = _head_read_with(c, cands, head_pattern, routed=False)
            if _gives_no_fact(head):
                c = replace(c, role=head.role, role_rule="part-of-the-whole")  # type: ignore[union-attr]
        elif c.role in FACT_ROLES and c.method != "table":
            # (a comparison another pattern read: "made 618 referrals to children's social care in 2024-25 (2023-24:
            # 574)", its bracket straight after the figure of the same KPI, whose role it shares)
            heads = [h for h in cands if h.snippet == c.snippet and h.kpi == c.kpi and h.value_end <= c.value_start]
            head = max(heads, key=lambda h: h.value_end, default=None)
            if _gives_no_fact(head) and _BRACKETED_COMPARISON.fullmatch(c.snippet, head.value_end, c.value_start):  # type: ignore[union-attr]
                c = replace(c, role=head.role, role_rule="compares-to")  # type: ignore[union-attr]
        out.append(c)
    return out


def _head_read_with(c: Candidate, cands: list[Candidate], head_pattern: str, routed: bool) -> Candidate | None:
    """The nearest figure before `c` in its sentence that the pattern `c` was read with read (`routed`: or
    that pattern sent to another KPI): the figure a comparison or a part was read beside."""
    heads = [h for h in cands if h.snippet == c.snippet and h.value_start < c.value_start and (
        h.kpi == c.kpi and h.pattern == head_pattern or routed and h.pattern.startswith(head_pattern + ">"))]
    return max(heads, key=lambda h: h.value_start, default=None)


def _gives_no_fact(head: Candidate | None) -> bool:
    """A head whose role is none of a fact's, nor a part's, which its comparisons and parts share."""
    return head is not None and head.role not in FACT_ROLES and head.role != "part"


_BRACKETED_COMPARISON = re.compile(r"[^.;()]{0,80}\(\s*[^():]{1,30}:\s*£?")


def _rates_follow_counts(cands: list[Candidate], library: Library) -> list[Candidate]:
    """A rate in apposition to another body's or a comparator's count is that one's too:
    "neighbouring Bury had 274 children on plans at 31 March 2020, a rate of 58.6 per 10,000"; and
    so is the rate of a count no one body could have, England's ("49,870 children were on a plan
    (41.3 per 10,000)")."""
    count_of = {rate: count for count, rate in library.rates().items()}
    out = []
    for c in cands:
        count = count_of.get(c.kpi)
        if count and c.role in FACT_ROLES:
            heads = [h for h in cands if h.snippet == c.snippet and h.kpi == count and h.value_end <= c.value_start
                     and (h.role in _NOT_OURS or _beyond_one_body(h, library))
                     and _APPOSED_RATE.match(c.snippet, h.value_end, c.value_start)]
            if heads:
                role = heads[-1].role if heads[-1].role in _NOT_OURS else "comparator"
                c = replace(c, role=role, role_rule="rate-of-theirs")
        out.append(c)
    return out


_NOT_OURS = frozenset({"other-body", "comparator", "target", "forecast"})


def _beyond_one_body(c: Candidate, library: Library) -> bool:
    """Is the count above what one council or partnership could have (its KPI's range)?"""
    value, entry = parse_value(c.raw), library.kpis.get(c.kpi)
    return value is not None and entry is not None and value > entry.range[1]
_APPOSED_RATE = re.compile(r"[^.;]{0,80}?(?:,\s*|\(\s*)(?:a|the|or)?\s*(?:rate\s+of\s+|rate\s+)?$", re.I)


def _owned_with_the_whole(cands: list[Candidate], library: Library) -> list[Candidate]:
    """A figure dated with a whole (the actions completed, with the plan's actions: a KPI's
    `dated_with`) after another body's whole in the same sentence is that body's too: "the
    provider's action plan, which has 9 actions; 3 were completed"."""
    wholes = [(w, k) for w in cands for k in getattr(library.kpis.get(w.kpi), "dated_with", ())]
    if not any(w.role == "other-body" for w, _ in wholes):
        return cands

    def owner_is_another(c: Candidate) -> bool:
        # (the nearest whole before the figure is its own: "the board's plan holds 38 actions; 21 are complete,
        # and the adults' board's plan has 30 actions")
        before = [w for w, k in wholes if k == c.kpi and w.snippet == c.snippet and w.value_start < c.value_start]
        return bool(before) and max(before, key=lambda w: w.value_start).role == "other-body"
    return [replace(c, role="other-body", role_rule="owner-of-whole")
            if c.role in FACT_ROLES and owner_is_another(c) else c for c in cands]


# the words between a whole and a part of it the same clause goes on to: "... had an operating budget of £3.9m in
# 2024-25, of which Dorset's share was £612,000", "had a budget of £5.2m, to which Bolton contributed £610,000"
_OF_WHICH_BETWEEN = re.compile(r"[^.;:()]{0,40}?,?\s+(?:of which|of this|of that|(?:to|towards) which)\b[^.;:()]{0,60}$", re.I)


def _shares_of_another_bodys_whole(cands: list[Candidate]) -> list[Candidate]:
    """A part of another body's whole is that body's too: a council's share of a regional agency's
    budget is the agency's income, no contribution to the writer's own partnership. (The part names
    its owner, "Dorset's share", so no possessive breaks the words between.)"""
    return _take_role_of_the_figure_before(cands, frozenset({"other-body"}), _OF_WHICH_BETWEEN, "part-of-anothers-whole",
                                           takers=frozenset({"part"}), breaks=None)


def is_fact(c: Candidate) -> bool:
    """Levels, flows, rates, shares and amounts of the KPI's own measure, and parts that name
    their part; nothing else becomes a fact."""
    return c.role in FACT_ROLES or (c.role == "part" and bool(c.subject))
