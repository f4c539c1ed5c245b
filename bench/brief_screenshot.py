"""Render the seed brief to HTML and screenshot it with headless Chromium, to look at it as a person would.

    .venv/bin/python bench/brief_screenshot.py                 # -> artifacts/brief-PRK.html, artifacts/brief-PRK.png
    .venv/bin/python bench/brief_screenshot.py --height 6000   # a taller page

Ingests ../shared/seed/north-korea-new-diplomacy.txt (published 2015-04-30) into a fresh store under artifacts/,
builds `brief(store, "PRK")`, writes the HTML and Markdown, and runs Chromium (`chromium`, Debian package
`chromium`) with no network, no GPU and no first-run work. Exit code 1 when Chromium is missing or fails.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "north-korea-new-diplomacy.txt"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    """The path of a Chromium-like browser, or None ($CHROMIUM first)."""
    for name in (os.environ.get("CHROMIUM", ""), *BROWSERS):
        if name and (path := shutil.which(name)):
            return path
    return None


def build_seed_store(db: Path) -> None:
    from diplograph.ingest import read_sources
    from diplograph.model import Document
    from diplograph.pipeline import Extractor
    from diplograph.store import Store

    if db.exists():
        db.unlink()
    documents = [d for d in read_sources([str(SEED)], published="2015-04-30") if isinstance(d, Document)]
    with Store.open(db) as store:
        store.add(Extractor().extract_documents(documents))


def screenshot(html: Path, png: Path, *, width: int = 1280, height: int = 2400, timeout: float = 120) -> None:
    """Chromium headless: file:// page -> PNG. Raises RuntimeError when the browser is missing or fails."""
    browser = find_chromium()
    if browser is None:
        raise RuntimeError("no Chromium found (install the Debian package `chromium`, or set $CHROMIUM)")
    png.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="diplograph-chromium-") as profile:
        command = [
            browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--hide-scrollbars",
            f"--user-data-dir={profile}", f"--screenshot={png}", f"--window-size={width},{height}",
            html.resolve().as_uri(),
        ]  # fmt: skip
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    if done.returncode != 0 or not png.exists() or png.stat().st_size == 0:
        raise RuntimeError(f"chromium failed ({done.returncode}): {done.stderr.strip()[-800:]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "artifacts", help="output folder (default artifacts/)")
    parser.add_argument("--state", default="PRK")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=2400)
    args = parser.parse_args(argv)

    from diplograph.report import brief, render_html, render_markdown
    from diplograph.store import Store

    args.out.mkdir(parents=True, exist_ok=True)
    db = args.out / "brief-seed.duckdb"
    build_seed_store(db)
    with Store.open(db, read_only=True) as store:
        result = brief(store, args.state)
    html = args.out / f"brief-{args.state}.html"
    html.write_text(render_html(result), encoding="utf-8")
    (args.out / f"brief-{args.state}.md").write_text(render_markdown(result), encoding="utf-8")
    png = args.out / f"brief-{args.state}.png"
    try:
        screenshot(html, png, width=args.width, height=args.height)
    except (RuntimeError, subprocess.TimeoutExpired) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"{html}\n{png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
