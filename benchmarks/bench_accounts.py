"""What accounts cost the clerk: one password check (scrypt at the shipped cost), and the idle
watch of the lock (an application-wide event filter in Python) per event delivered.

    python benchmarks/bench_accounts.py [--runs 5] [--events 100000]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def password_check(runs: int) -> list[float]:
    from union_desk.services.accounts.passwords import hash_password, verify_password

    stored = hash_password("wang-2025-pw")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        assert verify_password("wang-2025-pw", stored)
        times.append(time.perf_counter() - start)
    return times


def events(count: int, with_lock: bool) -> float:
    """Seconds to deliver `count` key presses to a plain widget (the lock's filter sees each;
    the widget does nothing with them, so the difference is the filter's own cost)."""
    from PySide6.QtCore import QCoreApplication, QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

    from union_desk.views import pyside_guard

    pyside_guard.install()
    app = QApplication.instance() or QApplication([])
    window = QMainWindow()
    edit = QWidget(window)
    window.setCentralWidget(edit)
    lock = None
    if with_lock:
        from union_desk.views.accounts.lock import WindowLock

        class NoOps:  # the lock only needs ops for its policy; none here
            class _Signal:
                def connect(self, _slot):
                    pass

            changed = _Signal()

            def read(self, _fn):
                class _Op:
                    def latest(self, _tag):
                        return self

                    def success(self, _cb):
                        return self

                    def failure(self, _cb):
                        return self

                    def run(self):
                        pass
                return _Op()

        lock = WindowLock(window, NoOps())
        lock.timer.setInterval(600_000)
        lock.timer.start()
    key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    start = time.perf_counter()
    for _ in range(count):
        QCoreApplication.sendEvent(edit, key)
    elapsed = time.perf_counter() - start
    if lock is not None:
        app.removeEventFilter(lock)
    window.deleteLater()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--events", type=int, default=100_000)
    args = parser.parse_args()
    checks = password_check(args.runs)
    print(f"password check (scrypt N=2**17, r=8, p=1): median {statistics.median(checks):.3f} s,"
          f" max {max(checks):.3f} s over {args.runs}")
    bare = events(args.events, with_lock=False)
    watched = events(args.events, with_lock=True)
    print(f"{args.events} key presses: {bare:.3f} s bare, {watched:.3f} s with the idle watch "
          f"(+{(watched - bare) / args.events * 1e6:.2f} µs an event)")


if __name__ == "__main__":
    main()
