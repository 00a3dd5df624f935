"""What extraction does to text, and how it is repaired before any pattern sees it."""
from kpi_extract.normalise import damage_count, dot_leaders, field_rows, figure_grids, label_strips, normalise_text, strip_running_lines


def test_ligatures_and_unmapped_glyphs():
    assert normalise_text("ﬁnancial ﬂow") == "financial flow"
    assert normalise_text("(cid:127) item one") == "\u2022 item one"
    # a lost "ti" ligature and a "tt" ligature mapped to "J" are repaired inside words
    assert normalise_text("contribu(cid:415)ons from partners") == "contributions from partners"
    assert normalise_text("2,512 delegates aJended") == "2,512 delegates attended"
    assert normalise_text("JUNE and John") == "JUNE and John"
    assert damage_count(normalise_text("Total (cid:99) 412")) == 1


def test_symbol_font_bullets():
    assert normalise_text("\uf06e At 31 March") == "\u2022 At 31 March"


def test_broken_numbers_are_joined():
    assert normalise_text("an operating budget of £533, 410 in") == "an operating budget of £533,410 in"
    assert normalise_text("delivered to 2,\n618 delegates") == "delivered to 2,618 delegates"
    assert normalise_text("the budget is £23 m") == "the budget is £23m"
    assert normalise_text("E104,500 from the council") == "£104,500 from the council"


def test_commas_between_separate_figures_are_kept():
    assert normalise_text("During 2016/17, 612 children") == "During 2016/17, 612 children"
    assert normalise_text("In March 2016, 123 children") == "In March 2016, 123 children"


def test_hyphenation_only_for_words():
    assert normalise_text("safe-\nguarding") == "safeguarding"
    assert normalise_text("2016-\n17") == "2016-\n17"
    assert normalise_text("Multi-\nAgency") == "Multi-\nAgency"


def test_running_headers_footers_and_page_numbers_go():
    bodies = ["Budget figures", "Training", "Child protection", "Children in care", "Plans"]
    pages = [f"Northmoor Borough Council - Scrutiny\n{b}\n{i + 4}" for i, b in enumerate(bodies, start=1)]
    pages[2] += "\nPage 3 of 5"
    assert strip_running_lines(pages) == bodies


def test_lone_figures_of_an_infographic_stay():
    pages = ["Key facts\n338\nChildren with a plan", "Intro\n513\nChildren in care", "More\ntext here"]
    assert strip_running_lines(pages)[:2] == pages[:2]


def test_leader_dots_set_out_cells_but_not_a_list_of_contents():
    rows = ["Looked after children at 31 March 2025, by age", "Under 5 ........ 64", "5 to 15 ...... 212",
            "16 and 17 ...... 97"]
    assert dot_leaders(rows) == [rows[0], "Under 5 | 64", "5 to 15 | 212", "16 and 17 | 97"]
    contents = ["Contents", "Foreword ........ 3", "Our children in care ........ 7", "Finance ........ 12"]
    assert dot_leaders(contents) == contents


def test_an_infographic_grid_reads_each_figures_label_down_its_column():
    page = ["Our year at a glance",
            "",
            "      4,118                     27.5%                        1,642",
            "   Referrals to              Re-referrals within          practitioners attended",
            "   children's social care    12 months (England 22.4%)    partnership training",
            "",
            "Referrals rose in the spring."]
    assert figure_grids(page) == [
        "Our year at a glance",
        "",
        "Referrals to children's social care: 4,118. Re-referrals within 12 months: 27.5% (England 22.4%). "
        "1,642 practitioners attended partnership training.",
        "", "", "",
        "Referrals rose in the spring."]
    # a table's header of years, a row of figures under a row of figures, or one line of prose under
    # them, is no grid
    table = ["      2023        2024", "   Referrals      4,010       4,118"]
    assert figure_grids(table) == table
    prose = ["   412        398", "Both figures are lower than the year before.", ""]
    assert figure_grids(prose) == prose


def test_a_strip_of_names_over_their_figures_reads_as_one_sentence_each():
    # names over figures, set out with spaces or with pipes; the caption's period goes with each figure
    page = ["Table 3 - Multi-agency training, autumn term 2025",
            "Courses run    Delegates    Places offered",
            "   36            802           910",
            "",
            "Front door | Children in need | Looked after children",
            "1,204 | 2,311 | 603"]
    assert label_strips(page) == [
        "Table 3 - Multi-agency training, autumn term 2025",
        "",
        "Courses run (autumn term 2025): 36. Delegates (autumn term 2025): 802. Places offered (autumn term 2025): 910.",
        "",
        "",
        "Front door: 1,204. Children in need: 2,311. Looked after children: 603."]
    # months or quarters over figures are a period's row (a table's), a header's units no figures, and rows of
    # figures under one line of names a table's rows: none is a strip
    for lines in (["Sep   Oct   Nov", "41    37    52"], ["Q1 | Q2 | Q3", "88 | 91 | 79"],
                  ["Budget    Forecast", "£000      £000", "Children  12,400  12,950"],
                  ["Courses   Delegates", "36        802", "41        866"]):
        assert label_strips(lines) == lines


def test_a_leader_to_a_sum_of_money_sets_out_cells_even_on_its_own():
    # no list of contents has "£12.6m" or "41%" for a page, so one row is enough
    assert dot_leaders(["Early Help net budget 2025/26 ......... £12.6m"]) == ["Early Help net budget 2025/26 | £12.6m"]
    assert dot_leaders(["Plans reviewed on time ...... 41%"]) == ["Plans reviewed on time | 41%"]
    assert dot_leaders(["Our children in care ........ 7"]) == ["Our children in care ........ 7"]


def test_a_line_of_named_figures_set_apart_by_wide_gaps_becomes_one_sentence_each():
    # run together, "24 Delegates" would read as 24 delegates
    line = "Courses run: 24     Delegates: 517     Places offered: 600"
    assert field_rows([line]) == ["Courses run: 24. Delegates: 517. Places offered: 600."]
    assert field_rows(["Sessions: 12 | Attendees: 340"]) == ["Sessions: 12. Attendees: 340."]
    # (periods' names are a row's columns, and one field alone is a sentence already)
    assert field_rows(["Q1: 38     Q2: 41"]) == ["Q1: 38     Q2: 41"]
    assert field_rows(["Delegates: 517"]) == ["Delegates: 517"]
