"""The HTML report: self-contained, a chart per KPI, every plotted number two clicks from its source."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kpi_extract.cli import main

from conftest import FIXTURES

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report")
    runner = CliRunner()
    assert runner.invoke(main, ["extract", str(FIXTURES), "-o", str(folder / "kpis.csv"), "--no-cache"]).exit_code == 0
    out = folder / "report.html"
    result = runner.invoke(main, ["report", str(folder / "kpis.csv"), "-o", str(out), "--documents", str(FIXTURES),
                                  "--title", "Northmoor KPIs"])
    assert result.exit_code == 0, result.stderr
    return out


def kpis_with_periods(report_path: Path) -> set[str]:
    import csv
    with open(report_path.parent / "kpis.csv", newline="", encoding="utf-8") as f:
        return {r["kpi"] for r in csv.DictReader(f) if r["period"]}


def test_report_is_one_file_that_needs_no_network(report):
    html = report.read_text(encoding="utf-8")
    assert "<title>Northmoor KPIs</title>" in html
    assert not re.search(r"""<(?:script|link|img)[^>]+(?:src|href)=["']?(?:https?:)?//""", html)
    charts = re.findall(r'<div id="chart-([a-z0-9_]+)" class="plotly-graph-div"', html)
    assert set(charts) == kpis_with_periods(report)
    # every figure is in a table row that names its document and page, linked to the PDF page
    assert html.count('<tr id="f') == len(open(report.parent / "kpis.csv", encoding="utf-8").read().splitlines()) - 1
    assert "Children%20and%20Families%20Scrutiny%20Committee%2020%20September%202017%20-%20reports%20pack.pdf#page=4" in html


def test_report_marks_the_conflict(report):
    html = report.read_text(encoding="utf-8")
    section = html.split('id="kpi-cp_plans"', 1)[1].split("</section>", 1)[0]
    assert '<span class="badge">1 conflict</span>' in section
    assert section.count('class="alternative"') == 1 and "conflicting figure" in section


@pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                    reason="needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver); "
                           ".ci/run installs them: apt-get install chromium chromium-driver")
def test_report_renders_in_a_real_browser(report, tmp_path):
    pytest.importorskip("selenium", reason="selenium is a test dependency: pip install '.[test]'")
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    options = Options()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--window-size=1400,1100", f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        driver.get(report.as_uri())
        expected = kpis_with_periods(report)
        WebDriverWait(driver, 30).until(lambda d: d.execute_script(
            "return document.querySelectorAll('.plotly-graph-div .main-svg').length") >= 2 * len(expected))
        drawn = driver.execute_script("""
            var out = {};
            document.querySelectorAll('.plotly-graph-div').forEach(function (div) {
              out[div.id] = div.querySelectorAll('.scatterlayer .point').length; });
            return out;""")
        assert {k[len("chart-"):] for k, n in drawn.items() if n > 0} == expected

        # click the conflicting point of cp_plans: its figures light up, each naming its page
        chart = driver.find_element(By.ID, "chart-cp_plans")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", chart)
        points = chart.find_elements(By.CSS_SELECTOR, ".scatterlayer .trace:first-child .point")
        target = next(p for p in points if p.get_attribute("style") and "stroke-width: 3" in p.get_attribute("style"))
        ActionChains(driver).move_to_element(target).pause(0.3).click().perform()
        WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "tr.hit"))
        hits = driver.find_elements(By.CSS_SELECTOR, "tr.hit")
        assert sorted(h.find_elements(By.CSS_SELECTOR, "td.num")[0].text for h in hits) == ["317", "322"]
        assert all("page 4" in h.text for h in hits)
        links = [h.find_element(By.CSS_SELECTOR, "a.source").get_attribute("href") for h in hits]
        assert all(link.endswith("reports%20pack.pdf#page=4") for link in links)

        shot = tmp_path / "report.png"
        driver.execute_script("window.scrollTo(0, 0);")
        driver.save_screenshot(str(shot))
        assert shot.stat().st_size > 10_000
    finally:
        driver.quit()
