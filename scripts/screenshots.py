"""Make the README's pictures of the demo report: `python scripts/screenshots.py`.

Needs Debian's chromium (`apt-get install chromium`) and Pillow (`pip install pillow`); it
runs `newsprism demo`, renders the report headless and crops two views into docs/.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--hide-scrollbars",
]
WIDTH, HEIGHT = 1400, 5200


def main() -> None:
    out = Path(tempfile.mkdtemp())
    subprocess.run([sys.executable, "-m", "newsprism", "demo", "--out", str(out), "-q"], check=True)
    shot = out / "full.png"
    subprocess.run(
        [
            "chromium",
            *CHROMIUM_FLAGS,
            f"--user-data-dir={out / 'profile'}",
            f"--window-size={WIDTH},{HEIGHT}",
            f"--screenshot={shot}",
            (out / "report.html").as_uri(),
        ],
        check=True,
        capture_output=True,
    )
    full = Image.open(shot)
    full.crop((0, 0, WIDTH, 1500)).save(ROOT / "docs" / "report.png")
    # The accusation graph, timeline and outlet profiles follow the verdict table.
    top = int(sys.argv[1]) if len(sys.argv) > 1 else 2470
    full.crop((0, top, WIDTH, min(HEIGHT, top + 1250))).save(ROOT / "docs" / "graphs.png")
    print(f"pictures in {ROOT / 'docs'}; full page at {shot}")


if __name__ == "__main__":
    main()
