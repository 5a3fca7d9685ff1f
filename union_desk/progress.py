"""Progress and cancellation of long work: the one pair of types every long service and every
report job takes, so the views' runner can hand the same two callables to any of them.

    def long_job(session, *, progress: Progress = None, cancelled: Cancelled = None): ...

`progress(done, total)` is called now and then; `cancelled()` returns True once the clerk has
pressed Cancel, and the job then raises (services: `UserError`, reports: `RenderCancelled`) so the
caller's transaction rolls back and nothing is half-written.  No imports from the app: every
layer may use this module.
"""
from __future__ import annotations

from typing import Callable

Progress = Callable[[int, int], None] | None
Cancelled = Callable[[], bool] | None


def is_cancelled(cancelled: Cancelled) -> bool:
    return cancelled is not None and bool(cancelled())


def report(progress: Progress, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)
