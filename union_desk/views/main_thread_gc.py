"""Python's cyclic garbage collector, run on the GUI thread only.

Left automatic, the collector runs in whichever thread happens to allocate when a threshold is
crossed, worker threads included. If it then frees a cycle that holds Qt objects (a dialog and the
lambdas connected to its buttons), Qt objects are destroyed on a worker thread and the process
crashes. So automatic collection is switched off and a timer on the GUI thread collects instead,
generation by generation, at the thresholds Python would have used.
"""
from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 250


class MainThreadGC(QObject):
    def __init__(self, parent: QObject):
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> None:
        collect_due(self._thresholds)


def collect_due(thresholds: tuple[int, int, int]) -> None:
    """The collections Python would have run by now, at its own thresholds, oldest last."""
    young, middle, old = gc.get_count()
    t0, t1, t2 = thresholds
    if young > t0:
        gc.collect(0)
        if middle > t1:
            gc.collect(1)
            if old > t2:
                gc.collect(2)


def freeze_startup() -> None:
    """What exists once the window is up — modules, classes, the models' schemas, the panels —
    lives as long as the program: moved out of the collector's scans (`gc.freeze`), so the first
    full collection after start-up does not hold up the window for 0.1–0.3 s (it fell on the
    clerk's first keystroke: 296 ms instead of 20, issue 13). Collections still free what is
    made from now on."""
    gc.freeze()


def install(app: QObject) -> MainThreadGC:
    """Once per application; the collector object lives as the application's child."""
    existing = app.findChild(MainThreadGC)
    return existing if existing is not None else MainThreadGC(app)
