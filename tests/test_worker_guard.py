"""A killed run leaves no worker process behind (Linux)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

PARENT = """
import os, sys, time
from newsprism.worker_guard import guard_workers
guard_workers()
child = os.fork()
if child == 0:
    time.sleep(60)  # a worker waiting on its queue
    os._exit(0)
print(child, flush=True)
time.sleep(60)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_a_worker_dies_with_a_killed_parent(tmp_path: Path) -> None:
    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    parent.kill()  # kill -9: no cleanup code runs
    parent.wait()
    deadline = time.monotonic() + 10
    alive = True
    while alive and time.monotonic() < deadline:
        try:
            os.kill(child, 0)
            with open(f"/proc/{child}/stat") as stat:
                alive = stat.read().split()[2] != "Z"  # a zombie is dead, awaiting its reaper
        except (ProcessLookupError, FileNotFoundError):
            alive = False
        time.sleep(0.1)
    assert not alive
