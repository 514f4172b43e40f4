"""Take screenshots of pages of a running server with the system's headless Chromium.

    python scripts/screenshot.py --base http://127.0.0.1:8000 --user reviewer \
        --password kinerja-demo --out var/screens / /satker/1/

Used to look at what we build; the end-to-end tests use the same browser setup.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--user")
    parser.add_argument("--password")
    parser.add_argument("--out", type=Path, default=Path("var/screens"))
    parser.add_argument("--width", type=int, default=1366)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": args.width, "height": 900})
        if args.user:
            page.goto(f"{args.base}/masuk/")
            page.fill("#id_username", args.user)
            page.fill("#id_password", args.password)
            page.click("button[type=submit]")
        for path in args.paths:
            page.goto(f"{args.base}{path}")
            name = re.sub(r"[^a-zA-Z0-9]+", "_", path).strip("_") or "index"
            target = args.out / f"{args.user or 'anon'}_{name}.png"
            page.screenshot(path=str(target), full_page=True)
            print(target)
        browser.close()


if __name__ == "__main__":
    main()
