"""Worker processes die with the run that started them.

spaCy's `n_process` forks workers that wait on a queue; if the run is killed outright
(`kill -9`, an out-of-memory kill) nothing tells them, and they stay alive holding memory.
On Linux a forked child can ask the kernel for a signal when its parent dies
(`prctl(PR_SET_PDEATHSIG)`); `guard_workers` makes every child forked from now on ask for
SIGTERM. Elsewhere it does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys

_PR_SET_PDEATHSIG = 1
_installed = False


_forking_parent = 0


def _note_parent() -> None:
    global _forking_parent
    _forking_parent = os.getpid()


def _die_with_parent() -> None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError):
        return  # no prctl here: the child lives as it did before
    if os.getppid() != _forking_parent:
        os._exit(1)  # the parent died before the request was made: no signal will come


def guard_workers() -> None:
    """From now on, every process this one forks is stopped when this one dies (Linux)."""
    global _installed
    if _installed or not sys.platform.startswith("linux"):
        return
    os.register_at_fork(before=_note_parent, after_in_child=_die_with_parent)
    _installed = True
