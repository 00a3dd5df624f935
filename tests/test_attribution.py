"""Which period each figure of a sentence describes (see kpi_extract/attribution.py)."""
import pytest

from kpi_extract.attribution import Context, attribute
from kpi_extract.periods import as_at, financial_year, month
from datetime import date

REPORT_2016_17 = Context(financial_year(2016), "title")


def periods(text, figures, ctx=REPORT_2016_17):
    spans = [(text.index(f), text.index(f) + len(f)) for f in figures]
    got = attribute(text, spans, ctx)
    return [(got[s][0].label, got[s][1]) for s in spans]


@pytest.mark.parametrize("text,figures,expected", [
    ("The number of children with a Child in Need Plan has increased in 2016/17 to 2,347 at 31st March 2017 "
     "from 2088 at 31st March 2016.", ["2,347", "2088"],
     [("2017-03-31", "sentence"), ("2016-03-31", "sentence")]),
    ("Course utilisation remains high 95% during 2016/17 compared to 90% during the previous year.",
     ["95%", "90%"], [("2016-17", "sentence"), ("2015-16", "sentence")]),
    ("There were 341 (321 2015/16, 428 2014/15) Police Protections.", ["341", "321", "428"],
     [("2016-17", "title"), ("2015-16", "sentence"), ("2014-15", "sentence")]),
    ("At the end of March 2017 Birmingham had 8,414 open children in need cases compared to the previous "
     "year which was 9,083.", ["8,414", "9,083"], [("2017-03-31", "sentence"), ("2016-03-31", "sentence")]),
    ("This year 1,608 children became the subject of a CP plan, compared to 1,339 children last year.",
     ["1,608", "1,339"], [("2016-17", "title"), ("2015-16", "title")]),
    ("The number of training events commissioned during 2017/18 was up from 168 to 172.", ["168", "172"],
     [("2016-17", "sentence"), ("2017-18", "sentence")]),
    ("This is a reduction from 581 (34 per 10,000 children) at 31 March 2017.", ["581", "34"],
     [("2017-03-31", "sentence"), ("2017-03-31", "sentence")]),
    ("The population has increased by 25% from 1469 to 1831 (as of March 2013), since 2010.",
     ["1469", "1831"], [("2010", "sentence"), ("2013-03-31", "sentence")]),
    ("There were 983 children subject to a CP plan at 31st March.", ["983"], [("2017-03-31", "sentence")]),
    ("In Q3 2018/19 there were 1,096 referrals, compared with 4,036 referrals in 2017/18 as a whole.",
     ["1,096", "4,036"], [("2018-Q4", "sentence"), ("2017-18", "sentence")]),
    ("By the end of March 2018, 31 actions have been completed and the rest moved to the 2018/19 plan, "
     "so 78% of the actions have been completed.", ["31", "78%"],
     [("2018-03-31", "sentence"), ("2018-03-31", "sentence")]),
    ("The budget for 2016/17 was £708,580, with a carry forward of £22,722 from the previous year.",
     ["£708,580", "£22,722"], [("2016-17", "sentence"), ("2016-17", "sentence")]),
    ("Course utilisation was 84%, a little lower than in 2015/16.", ["84%"], [("2016-17", "title")]),
])
def test_attribution(text, figures, expected):
    assert periods(text, figures) == expected


def test_carried_date_and_event_date():
    ctx = Context(financial_year(2016), "title", carried=as_at(date(2017, 3, 31)), event=month(2013, 7))
    assert periods("This broke down into: 983 on a CP plan.", ["983"], ctx) == [("2017-03-31", "carried")]
    assert periods("At the time of the inspection there were 1834 looked after children.", ["1834"], ctx) == \
        [("2013-07", "sentence")]


def test_no_period_anywhere_is_unknown():
    assert periods("There are 2000 children in care.", ["2000"], Context()) == [("", "")]
