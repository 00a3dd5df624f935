"""The fuzzy matcher skips word windows that no alias can reach by length: never one RapidFuzz
would have scored at the floor."""
from hypothesis import given, strategies as st
from rapidfuzz import fuzz

from kpi_extract.matchers.fuzzy import Aliases

_TEXT = st.text(alphabet="abcde ", min_size=1, max_size=30)


@given(_TEXT, st.lists(_TEXT, min_size=1, max_size=5), st.sampled_from([60.0, 85.0, 90.0]))
def test_a_label_no_alias_can_reach_is_one_rapidfuzz_scores_under_the_floor(label, aliases, floor):
    choices = list(dict.fromkeys(aliases))
    table = Aliases({a: "k" for a in choices}, choices, floor, tuple(sorted(len(a) for a in choices)))
    if any(fuzz.ratio(label, a) >= floor for a in choices):
        assert table.reachable(label)


def test_a_label_far_shorter_than_every_alias_is_not_reachable():
    aliases = ["children subject to a child protection plan", "children on protection plans"]
    table = Aliases({a: "cp_plans" for a in aliases}, aliases, 90.0, tuple(sorted(map(len, aliases))))
    assert not table.reachable("plans") and table.reachable("children on protection plan")


@given(st.text(alphabet="0123456789.,£/-% approxvenrlyc.mbkAPPROX", max_size=60))
def test_figures_searched_from_each_digit_are_those_found_at_every_position(text):
    """The prose figures are searched for from just before each digit: exactly `finditer`'s."""
    from kpi_extract.matchers.fuzzy import _PROSE_FIGURE, _prose_figures
    assert [m.span() for m in _prose_figures(text)] == [m.span() for m in _PROSE_FIGURE.finditer(text)]
