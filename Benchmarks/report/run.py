#!/usr/bin/env python3
"""How fast a large case report is written, opens and answers a click.

    python3 Benchmarks/report/run.py [--entities 5000] [--relations 20000] [--runs 5]

Builds linkgraph in release mode, writes the seeded case of generate_case.py, times
`linkgraph report` on it (median of 3), then opens the page in headless Chromium through
WebDriver and reads the browser's own clocks (median of --runs fresh loads):
  - ready: from navigation start to the end of the page script's start-up;
  - first paint: Chromium's first-contentful-paint;
  - load: the load event's end;
  - click: from a click on a drawn entity to the second animation frame after it, by when
    the panel has been laid out and painted.
"""
import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
import generate_case  # noqa: E402

CLICK = """
const node = document.querySelector('#drawing g.node[id^=entity-]');
const start = performance.now();
node.dispatchEvent(new MouseEvent('click', {bubbles: true}));
return new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - start))));
"""
TIMES = """
const nav = performance.getEntriesByType('navigation')[0];
const paint = performance.getEntriesByName('first-contentful-paint')[0];
return {ready: Number(document.documentElement.dataset.ready), load: nav.loadEventEnd,
        paint: paint ? paint.startTime : null};
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entities", type=int, default=5000)
    parser.add_argument("--relations", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    subprocess.run(["swift", "build", "-c", "release", "--product", "linkgraph"], cwd=ROOT, check=True)
    binary = ROOT / ".build" / "release" / "linkgraph"
    scratch = Path(tempfile.mkdtemp(prefix="linkgraph-report-bench-"))
    case = scratch / "case.json"
    case.write_text(json.dumps(generate_case.generate(args.entities, args.relations)), encoding="utf-8")
    page = scratch / "report.html"
    writes = []
    for _ in range(3):
        start = time.monotonic()
        subprocess.run([binary, "report", case, "-o", page], check=True, capture_output=True)
        writes.append(time.monotonic() - start)

    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.support.ui import WebDriverWait

    options = Options()
    options.binary_location = "/usr/bin/chromium"
    flags = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1600,1000"]
    for flag in flags:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
    rows = []
    try:
        for _ in range(args.runs):
            driver.get("about:blank")
            driver.get(page.as_uri())
            WebDriverWait(driver, 60).until(lambda d: d.execute_script("return document.documentElement.dataset.ready"))
            WebDriverWait(driver, 60).until(lambda d: d.execute_script(TIMES)["load"] > 0)
            times = driver.execute_script(TIMES)
            times["click"] = driver.execute_script(CLICK)
            rows.append(times)
    finally:
        driver.quit()
    median = lambda key: statistics.median(r[key] for r in rows if r[key] is not None)
    best = lambda key: min(r[key] for r in rows if r[key] is not None)
    print(f"case: {args.entities} entities, {args.relations} relations ({case.stat().st_size / 1e6:.1f} MB JSON)")
    print(f"linkgraph report (release, median of 3): {statistics.median(writes):.2f} s, "
          f"page {page.stat().st_size / 1e6:.1f} MB")
    print(f"in Chromium (median of {args.runs}): ready {median('ready'):.0f} ms, first paint {median('paint'):.0f} ms, "
          f"load {median('load'):.0f} ms, click to painted panel {median('click'):.0f} ms")
    print(f"best of {args.runs}: ready {best('ready'):.0f} ms, first paint {best('paint'):.0f} ms, "
          f"load {best('load'):.0f} ms, click {best('click'):.0f} ms")
    print(f"load average while measuring: {open('/proc/loadavg').read().split()[0]}")


if __name__ == "__main__":
    main()
