"""The review page: facts that need a look first, each on its page; decisions in the ledger at once,
and applied by the next run's series."""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from kpi_extract.cli import main
from kpi_extract.ledger import Ledger, default_path
from kpi_extract.review import Queue, ReviewServer
from kpi_extract.series import read_facts

from conftest import FIXTURES

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
PACK_2016 = "Children and Families Scrutiny Committee 14 September 2016 - reports pack.pdf"
PACK_2017 = "Children and Families Scrutiny Committee 20 September 2017 - reports pack.pdf"


def _rows(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def served(tmp_path):
    """The fixtures' facts served for review, with their ledger beside them."""
    facts = tmp_path / "kpis.csv"
    result = CliRunner().invoke(main, ["extract", str(FIXTURES), "-o", str(facts), "--no-cache", "-q"])
    assert result.exit_code == 0, result.output
    ledger = Ledger(default_path(facts))
    queue = Queue.build(read_facts(facts), FIXTURES, ledger, "Ana Analyst")
    server = ReviewServer(queue)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server, facts
    finally:
        server.shutdown()
        server.server_close()
        ledger.close()


def _fact(facts: Path, kpi: str, value: str, document: str) -> dict:
    [row] = [r for r in _rows(facts.read_text(encoding="utf-8"))
             if (r["kpi"], r["value"], r["document"]) == (kpi, value, document)]
    return row


def _get(url: str):
    with urllib.request.urlopen(url, timeout=30) as r:
        return r.status, r.headers.get("Content-Type"), r.read()


def _post(url: str, data: dict, headers: dict | None = None) -> tuple[int, dict]:
    req = urllib.request.Request(url, data=json.dumps(data).encode(), method="POST",
                                 headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def test_conflicts_come_first_then_low_confidence(served):
    server, _ = served
    _, kind, body = _get(server.url + "api/facts")
    facts = json.loads(body)["facts"]
    reasons = [f["reason"] for f in facts]
    assert kind.startswith("application/json")
    assert reasons == sorted(reasons, key=["conflict", "low confidence", ""].index)
    assert reasons.count("conflict") >= 2 and "low confidence" in reasons and "" in reasons
    assert all(float(f["confidence"]) < 0.8 for f in facts if f["reason"] == "low confidence")
    first = {f["value"] for f in facts if f["reason"] == "conflict" and f["kpi"] == "cp_plans"}
    assert first == {"317", "322"}
    # a text file has no page image; a PDF in --documents has
    assert {f["has_image"] for f in facts if f["document"].endswith(".txt")} == {False}
    assert {f["has_image"] for f in facts if f["document"].endswith(".pdf")} == {True}


def test_the_page_image_and_the_figures_box(served):
    server, facts = served
    f = _fact(facts, "cp_plans", "317", PACK_2017)
    status, kind, png = _get(server.url + f"api/page.png?fact={f['fact_id']}")
    assert (status, kind) == (200, "image/png") and png.startswith(b"\x89PNG") and len(png) > 20_000
    box = json.loads(_get(server.url + f"api/box?fact={f['fact_id']}")[2])["box"]
    x0, y0, x1, y1 = box
    assert 0 <= x0 < x1 <= 1 and 0 <= y0 < y1 <= 1 and x1 - x0 < 0.2 and y1 - y0 < 0.05


def test_decisions_only_from_the_page_itself(served, tmp_path):
    server, facts = served
    f = _fact(facts, "cp_plans", "317", PACK_2017)
    status, body = _post(server.url + "api/decision", {"fact_id": f["fact_id"], "action": "reject"},
                         {"Origin": "http://example.org"})
    assert status == 403
    status, body = _post(server.url + "api/decision", {"fact_id": f["fact_id"], "action": "reject"},
                         {"Host": "attacker.example:80"})
    assert status == 403
    req = urllib.request.Request(server.url + "api/facts", headers={"Host": "attacker.example"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(req, timeout=30)
    assert refused.value.code == 403
    status, body = _post(server.url + "api/decision", {"fact_id": f["fact_id"], "action": "correct", "value": "x"})
    assert status == 400 and "not a number" in body["error"]
    status, body = _post(server.url + "api/decision", {"fact_id": "ffffffffffff", "action": "accept"})
    assert status == 400
    assert server.queue.ledger.history() == []
    status, body = _post(server.url + "api/decision", {"fact_id": f["fact_id"], "action": "accept", "note": "checked"})
    assert status == 200 and body["who"] == "Ana Analyst"
    with Ledger(default_path(facts)) as other:  # committed at once: another connection sees it
        assert [(d.fact_id, d.action, d.note) for d in other.history()] == [(f["fact_id"], "accept", "checked")]


def test_only_documents_inside_the_folder_are_shown(tmp_path):
    facts = tmp_path / "kpis.csv"
    assert CliRunner().invoke(main, ["extract", str(FIXTURES), "-o", str(facts), "--no-cache", "-q"]).exit_code == 0
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(FIXTURES / PACK_2017, docs / PACK_2017)
    shutil.copy(FIXTURES / PACK_2017, tmp_path / "outside.pdf")
    table = read_facts(facts)
    inside = table.index[table["document"] == PACK_2017]
    table.loc[inside[0], "document"] = "../outside.pdf"
    table.loc[inside[1], "document"] = str(tmp_path / "outside.pdf")
    with Ledger(tmp_path / "l.sqlite") as ledger:
        queue = Queue.build(table, docs, ledger, "x")
        shown = {f["fact_id"]: queue.pdf(f) for f in queue.facts}
    assert shown[table.loc[inside[0], "fact_id"]] is None and shown[table.loc[inside[1], "fact_id"]] is None
    assert shown[table.loc[inside[2], "fact_id"]] == (docs / PACK_2017).resolve()
    assert all(shown[i] is None for i in table.loc[table["document"] == PACK_2016, "fact_id"])


def test_review_lists_orphans_and_refuses_a_missing_folder(tmp_path):
    facts = tmp_path / "kpis.csv"
    runner = CliRunner()
    assert runner.invoke(main, ["extract", str(FIXTURES), "-o", str(facts), "--no-cache", "-q"]).exit_code == 0
    with Ledger(default_path(facts)) as ledger:
        ledger.record("0123456789ab", "reject", fact={"kpi": "cp_plans", "value": "9", "document": "old.pdf", "page": 2})
    result = runner.invoke(main, ["review", str(facts), "--orphans"])
    assert result.exit_code == 0 and "0123456789ab: reject by" in result.stdout and "old.pdf#2" in result.stdout
    result = runner.invoke(main, ["review", str(facts), "--documents", str(tmp_path / "nowhere"), "--no-browser"])
    assert result.exit_code == 2 and "no such folder" in result.stderr


@pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                    reason="needs Debian's chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver); "
                           ".ci/run installs them: apt-get install chromium chromium-driver")
def test_reject_correct_and_accept_in_chromium_then_the_next_run_applies_them(served, tmp_path):
    pytest.importorskip("selenium", reason="selenium is a test dependency: pip install '.[test]'")
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    server, facts = served
    reject = _fact(facts, "cp_plans", "317", PACK_2017)  # the sentence beside the table's 322: a conflict
    correct = _fact(facts, "cp_plans", "301", PACK_2016)
    accept = _fact(facts, "children_in_care", "476", PACK_2016)
    ledger = default_path(facts)

    options = Options()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--window-size=1400,1000", "--hide-scrollbars",
                f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    wait = WebDriverWait(driver, 60)  # generous: the machine running the tests may be busy
    book = Ledger(ledger)

    def current(fact_id: str) -> None:
        wait.until(lambda d: d.execute_script("return document.body.dataset.current") == fact_id)

    def saved(n: int) -> None:
        wait.until(lambda d: d.execute_script("return document.body.dataset.saved || ''") != "" and
                   len(book.history()) == n)

    def press(key: str) -> None:
        driver.find_element(By.TAG_NAME, "body").send_keys(key)

    try:
        driver.get(server.url)
        wait.until(lambda d: d.execute_script("return document.body.dataset.ready") == "true")
        # the first fact shown is a conflict, on its page with the figure's box drawn
        first = driver.execute_script("return document.body.dataset.current")
        assert driver.find_element(By.ID, "why").text.startswith("conflict")
        wait.until(lambda d: d.execute_script("return document.body.dataset.boxed") == first)
        assert driver.execute_script("return document.getElementById('pageimg').naturalWidth") > 500
        assert driver.find_element(By.ID, "highlight").is_displayed()

        driver.execute_script("location.hash = arguments[0]", reject["fact_id"])
        current(reject["fact_id"])
        assert driver.find_element(By.CSS_SELECTOR, "#snippet mark").text == "317"
        press("r")
        saved(1)
        assert "reject by Ana Analyst" in driver.find_element(By.ID, "decision").text

        driver.execute_script("location.hash = arguments[0]", correct["fact_id"])
        current(correct["fact_id"])
        press("c")
        field = driver.find_element(By.ID, "c-value")
        wait.until(lambda d: field.is_displayed())
        field.send_keys(Keys.CONTROL, "a")
        field.send_keys("305")
        driver.find_element(By.ID, "c-note").send_keys("the table on page 4 of the next pack says 305")
        driver.find_element(By.ID, "c-note").send_keys(Keys.ENTER)
        saved(2)

        driver.execute_script("location.hash = arguments[0]", accept["fact_id"])
        current(accept["fact_id"])
        press("a")
        saved(3)
        # j and k walk the list
        index = driver.execute_script("return Number(document.getElementById('item-' + arguments[0]).dataset.index)",
                                      accept["fact_id"])
        press("j")
        wait.until(lambda d: d.execute_script("return document.querySelector('#list li.current').dataset.index")
                   == str(index + 1))
        press("k")
        current(accept["fact_id"])
        assert "3 of" in driver.find_element(By.ID, "progress").text

        shot = Path(os.environ.get("KPI_EXTRACT_REVIEW_SCREENSHOT") or tmp_path / "review.png")
        driver.execute_script("location.hash = arguments[0]", correct["fact_id"])
        current(correct["fact_id"])
        wait.until(lambda d: d.execute_script("return document.body.dataset.boxed") == correct["fact_id"])
        driver.execute_script("document.querySelector('main').scrollTo(0, 0)")
        driver.save_screenshot(str(shot))
        assert shot.stat().st_size > 10_000
    finally:
        driver.quit()
        book.close()

    history = Ledger(ledger).history()
    assert [(d.fact_id, d.action, d.changes, d.who) for d in history] == [
        (reject["fact_id"], "reject", {}, "Ana Analyst"),
        (correct["fact_id"], "correct", {"value": "305"}, "Ana Analyst"),
        (accept["fact_id"], "accept", {}, "Ana Analyst")]

    # the next night: a fresh extract of the same folder, then its series with the ledger
    runner = CliRunner()
    fresh = tmp_path / "fresh.csv"
    assert runner.invoke(main, ["extract", str(FIXTURES), "-o", str(fresh), "--no-cache", "-q"]).exit_code == 0
    outs = []
    for n in range(2):
        out = tmp_path / f"series{n}.csv"
        result = runner.invoke(main, ["series", str(fresh), "--ledger", str(ledger), "-o", str(out)])
        assert result.exit_code == 0 and result.stderr == ""
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    series = _rows(outs[0].decode("utf-8"))
    cp = {r["period"]: r for r in series if r["kpi"] == "cp_plans" and not r["subject"]}
    # the rejected 317 is gone: March 2017 is the table's 322 alone, no longer a conflict
    assert "2017-03-31" not in cp and (cp["2017-03"]["value"], cp["2017-03"]["conflict"]) == ("322", "false")
    assert "317" not in cp["2017-03"]["alternatives"]
    # the correction is in place and marked (it outranks the later pack's table, now a conflict)
    assert (cp["2016-03-31"]["value"], cp["2016-03-31"]["reviewed"]) == ("305", "corrected")
    cic = next(r for r in series if r["kpi"] == "children_in_care" and r["period"] == "2016-05-31")
    assert (cic["value"], cic["reviewed"]) == ("476", "accepted")
    assert sum(1 for r in series if r["reviewed"]) == 2
    # extract --series applies the same ledger to the same bytes
    both = tmp_path / "both.csv"
    assert runner.invoke(main, ["extract", str(FIXTURES), "-o", str(tmp_path / "f2.csv"), "--series", str(both),
                                "--ledger", str(ledger), "-q"]).exit_code == 0
    assert both.read_bytes() == outs[0]


def test_the_served_report_links_each_figure_to_its_entry_and_marks_reviewed_ones(served):
    server, facts = served
    f = _fact(facts, "children_in_care", "476", PACK_2016)
    assert _post(server.url + "api/decision", {"fact_id": f["fact_id"], "action": "accept"})[0] == 200
    status, kind, body = _get(server.url + "report")
    html = body.decode("utf-8")
    assert status == 200 and kind.startswith("text/html")
    assert html.count('class="review" href="/#') == len(_rows(facts.read_text(encoding="utf-8")))
    row = html.split(f'href="/#{f["fact_id"]}"', 1)[0].rsplit("<tr ", 1)[1]
    assert '<span class="reviewed"' in row and "accepted" in row


def test_report_marks_reviewed_figures_from_the_ledger(tmp_path):
    facts = tmp_path / "kpis.csv"
    runner = CliRunner()
    assert runner.invoke(main, ["extract", str(FIXTURES), "-o", str(facts), "--no-cache", "-q"]).exit_code == 0
    f = _fact(facts, "cp_plans", "301", PACK_2016)
    with Ledger(default_path(facts)) as ledger:
        ledger.record(f["fact_id"], "correct", changes={"value": "305"})
    out = tmp_path / "report.html"
    assert runner.invoke(main, ["report", str(facts), "-o", str(out)]).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert html.count('<span class="reviewed"') == 1 and '>305</td>' in html and 'class="review"' not in html


def test_the_command_serves_until_stopped_and_says_where(tmp_path):
    import re
    import signal
    import subprocess
    import sys
    facts = tmp_path / "kpis.csv"
    assert CliRunner().invoke(main, ["extract", str(FIXTURES), "-o", str(facts), "--no-cache", "-q"]).exit_code == 0
    proc = subprocess.Popen([sys.executable, "-m", "kpi_extract", "review", str(facts), "--documents", str(FIXTURES),
                             "--no-browser", "--who", "Ben"], stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stderr.readline()
        url = re.match(r"review: (http://127\.0\.0\.1:\d+/) \((\d+) facts; decisions go to (.+?); Ctrl-C to stop\)",
                       line)
        assert url, line
        assert Path(url[3]) == default_path(facts) and default_path(facts).is_file()
        data = json.loads(_get(url[1] + "api/facts")[2])
        assert data["who"] == "Ben" and len(data["facts"]) == int(url[2])
        assert _post(url[1] + "api/decision", {"fact_id": data["facts"][0]["fact_id"], "action": "accept"})[0] == 200
        assert b'class="review" href="/#' in _get(url[1] + "report")[2]
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
        assert "review stopped: 1 fact(s) decided" in proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert [d.who for d in Ledger(default_path(facts)).history()] == ["Ben"]


def test_the_command_serves_on_the_port_asked_for(tmp_path):
    import re
    import signal
    import socket
    import subprocess
    import sys
    facts = tmp_path / "kpis.csv"
    assert CliRunner().invoke(main, ["extract", str(FIXTURES), "-o", str(facts), "--no-cache", "-q"]).exit_code == 0
    with socket.socket() as s:  # a port free just now
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "kpi_extract", "review", str(facts), "--documents", str(FIXTURES),
                             "--no-browser", "--port", str(port)], stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stderr.readline()
        assert re.match(rf"review: http://127\.0\.0\.1:{port}/ ", line), line
        assert _get(f"http://127.0.0.1:{port}/api/facts")[0] == 200
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
