"""Regenerate docs/report.png, the screenshot of the report the README shows.

Builds the report of fixtures/ and photographs it in headless Chromium (Debian's chromium and
chromium-driver), after clicking the conflicting point of the child protection chart so that
the figures behind it are highlighted. Run by hand:  python docs/screenshot.py
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    work = Path(tempfile.mkdtemp())
    cli = [sys.executable, "-m", "kpi_extract"]
    subprocess.run(cli + ["extract", str(ROOT / "fixtures"), "-o", str(work / "kpis.csv"), "--no-cache"], check=True)
    subprocess.run(cli + ["report", str(work / "kpis.csv"), "-o", str(work / "report.html"),
                          "--documents", str(ROOT / "fixtures"), "--title", "Northmoor: children's safeguarding KPIs"],
                   check=True)
    options = Options()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,1350", "--hide-scrollbars", f"--user-data-dir={work / 'profile'}"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"),
                              options=options)
    try:
        driver.get((work / "report.html").as_uri())
        time.sleep(2)
        chart = driver.find_element(By.ID, "chart-cp_plans")
        driver.execute_script("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -60);", chart)
        point = next(p for p in chart.find_elements(By.CSS_SELECTOR, ".scatterlayer .trace:first-child .point")
                     if "stroke-width: 3" in (p.get_attribute("style") or ""))
        ActionChains(driver).move_to_element(point).pause(0.3).click().perform()
        time.sleep(0.5)
        driver.execute_script("window.scrollTo(0, 0);")
        time.sleep(0.5)
        driver.save_screenshot(str(ROOT / "docs" / "report.png"))
    finally:
        driver.quit()
    print(ROOT / "docs" / "report.png")


if __name__ == "__main__":
    main()
