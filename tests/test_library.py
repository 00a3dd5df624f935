"""The pattern library is data; a broken file is reported as file:line, like a compiler would."""
from pathlib import Path

from kpi_extract.examples import run_examples
from kpi_extract.library import load_library

from conftest import SPEC_KPIS, facts_of

GOOD = '''
[[kpi]]
id = "foster_carers"
label = "Approved foster carer households"
unit = "count"
range = [1, 5000]
aliases = ["fostering households"]
[kpi.regex]
count-households = '{count} (?:approved )?foster(?:ing)? (?:carer )?households'
[[kpi.examples]]
text = "At 31 March 2018 there were 214 approved foster carer households."
value = 214
period = "2018-03-31"
'''


def write(tmp_path: Path, name: str, text: str) -> str:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return str(p)


def test_bundled_library_is_clean_and_covers_the_spec(library):
    spec_ids = SPEC_KPIS
    assert spec_ids <= set(library.kpis)
    assert all(library.kpis[k].examples for k in spec_ids)


def test_bundled_examples_all_pass(library):
    failures, total = run_examples(library)
    assert failures == [] and total >= 50


def test_a_new_kpi_is_a_file(tmp_path):
    lib = load_library([write(tmp_path, "fostering.toml", GOOD)])
    assert lib.problems == []
    assert facts_of("At 31 March 2018 there were 214 approved foster carer households.", lib, "foster_carers") == \
        [("foster_carers", "214", "2018-03-31", "")]
    assert run_examples(lib, {"foster_carers"}) == ([], 1)


def test_a_user_entry_replaces_a_bundled_one(tmp_path):
    text = GOOD.replace('id = "foster_carers"', 'id = "cp_plans"').replace("[[kpi.examples]]", "[[ignored]]")
    lib = load_library([write(tmp_path, "mine.toml", text.split("[[ignored]]")[0])])
    assert [n for n, _ in lib.kpis["cp_plans"].regexes] == ["count-households"]


def test_problems_name_file_and_line(tmp_path):
    bad = GOOD.replace("unit = \"count\"", "unit = \"children\"").replace(
        "'{count} (?:approved", "'(?:approved").replace(
        "[kpi.regex]", "exclude = ['(unclosed']\n[kpi.regex]")
    path = write(tmp_path, "bad.toml", bad)
    problems = load_library([path]).problems
    assert [p.split(" (")[0] for p in problems] == [
        f"{path}:5: unknown unit 'children' in kpi foster_carers",
        f"{path}:10: regex has no `value` group: use {{count}}, {{money}}, {{percent}}, {{number}} or",
        f"{path}:8: bad regex: missing ), unterminated subpattern",
    ]


def test_bad_toml_is_one_line(tmp_path):
    path = write(tmp_path, "broken.toml", "[[kpi]]\nid = 'x\n")
    (problem,) = load_library([path]).problems
    assert problem.startswith(f"{path}:2: bad TOML")


def test_unknown_macro_and_missing_path(tmp_path):
    path = write(tmp_path, "m.toml", GOOD.replace("{count}", "{cuont}"))
    problems = load_library([path, str(tmp_path / "nope.toml")]).problems
    assert any("unknown name {cuont}" in p and p.startswith(f"{path}:9:") for p in problems)
    assert any(p.startswith(f"{tmp_path / 'nope.toml'}:1: no such pattern file") for p in problems)


def test_the_readme_example_is_a_working_library(tmp_path):
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    example = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    lib = load_library([write(tmp_path, "readme.toml", example)])
    assert lib.problems == []
    assert run_examples(lib, {"foster_carers"}) == ([], 1)


def test_nested_defines_are_bounded_and_named(tmp_path):
    """A 1 KB file of defines each using the one before ten times once took `check` to 3 GB."""
    lines = ["[define]", 'd0 = "ab"'] + [f'd{i} = "' + f"{{d{i - 1}}}" * 10 + '"' for i in range(1, 12)]
    lines += ["", "[[kpi]]", 'id = "bomb"', 'unit = "count"', "[kpi.regex]", 'r = "{d11} {count}"']
    bomb = tmp_path / "bomb.toml"
    bomb.write_text("\n".join(lines) + "\n")
    assert bomb.stat().st_size < 1500
    import resource
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    lib = load_library([str(bomb)], bundled=False)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 200_000  # KB
    assert any("define d5 expands to over 50,000 characters" in p for p in lib.problems)
    assert "bomb" not in lib.kpis


def test_a_define_cycle_is_a_problem(tmp_path):
    f = tmp_path / "cycle.toml"
    f.write_text('[define]\na = "x{b}"\nb = "y{a}"\n\n[[kpi]]\nid = "k"\nunit = "count"\n[kpi.regex]\nr = "{a} {count}"\n')
    lib = load_library([str(f)], bundled=False)
    assert any("define a uses itself (through a -> b -> a)" in p for p in lib.problems)


def test_nested_defines_expand(tmp_path):
    f = tmp_path / "ok.toml"
    f.write_text('[define]\nplan = "plans?"\ncp = "child protection {plan}"\n\n[[kpi]]\nid = "k"\nunit = "count"\n'
                 '[kpi.regex]\nr = "{count} children on {cp}"\n')
    lib = load_library([str(f)], bundled=False)
    assert not lib.problems
    assert lib.kpis["k"].regexes[0][1].search("317 children on child protection plans").group("value") == "317"


def test_loading_is_linear_in_the_number_of_kpis(tmp_path):
    import time

    def load(n: int) -> float:
        f = tmp_path / f"many{n}.toml"
        f.write_text("".join(f'[[kpi]]\nid = "k{i}"\nunit = "count"\naliases = ["label {i}"]\n'
                             f'[[kpi.examples]]\ntext = "label {i} 5"\nvalue = 5\n\n' for i in range(n)))
        started = time.perf_counter()
        lib = load_library([str(f)], bundled=False)
        assert len(lib.kpis) == n and not lib.problems
        return time.perf_counter() - started

    load(200)
    small, big = min(load(500) for _ in range(2)), min(load(2000) for _ in range(2))
    assert big < small * 4 * 2.5  # 4 times the KPIs: linear, with room for noise; quadratic would be ~16


def test_dated_with_names_kpis_that_are_there(tmp_path):
    wrong_shape = write(tmp_path, "a.toml", GOOD.replace("[kpi.regex]", "dated_with = 'cp_plans'\n[kpi.regex]"))
    assert any(p.startswith(f"{wrong_shape}:8: `dated_with` must be a list of KPI ids in kpi foster_carers")
               for p in load_library([wrong_shape]).problems)
    unknown = write(tmp_path, "b.toml", GOOD.replace("[kpi.regex]", "dated_with = ['no_such_kpi']\n[kpi.regex]"))
    assert any("kpi foster_carers refers to unknown kpi 'no_such_kpi'" in p for p in load_library([unknown]).problems)


def test_part_of_names_a_whole_of_the_same_unit_and_a_known_subject(tmp_path):
    def problems(part_of: str) -> list[str]:
        path = write(tmp_path, "p.toml", GOOD.replace("[kpi.regex]", f"part_of = {part_of}\n[kpi.regex]"))
        return load_library([path]).problems
    assert problems('{ children_in_care = "disabled children" }') == []
    assert any("`part_of` must be a table of whole_kpi = \"subject name\" in kpi foster_carers" in p
               for p in problems('"children_in_care"'))
    assert any("kpi foster_carers is `part_of` unknown kpi 'no_such_kpi'" in p
               for p in problems('{ no_such_kpi = "disabled children" }'))
    assert any("kpi foster_carers is `part_of` rereferral_rate, whose unit is percent, not count" in p
               for p in problems('{ rereferral_rate = "disabled children" }'))
    assert any("`part_of` subject 'left-handed children' is in no [subject] table" in p
               for p in problems('{ children_in_care = "left-handed children" }'))
    # the bundled uasc_in_care claims that part already
    assert any("the part 'unaccompanied asylum-seeking children' of children_in_care is already kpi uasc_in_care's" in p
               for p in problems('{ children_in_care = "unaccompanied asylum-seeking children" }'))


def test_a_part_of_measure_takes_the_wholes_parts_that_name_it(tmp_path):
    path = write(tmp_path, "p.toml", GOOD.replace("[kpi.regex]", 'part_of = { children_in_care = "disabled children" }\n[kpi.regex]'))
    lib = load_library([path])
    got = facts_of("At 31 March 2024, 612 children were looked after, of whom 58 were disabled children.", lib)
    assert {(k, v, s) for k, v, _, s in got} == {("children_in_care", "612", ""), ("foster_carers", "58", "")}
