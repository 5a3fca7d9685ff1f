"""Guard against a reference-count bug of PySide6 6.12.0 on Python 3.11.

Measured here: every `Signal.emit()` made from Python drops one reference to `True` and never
takes it back. After some hundreds of emits `True` itself is freed and the interpreter aborts
("Fatal Python error: bool_dealloc"), or memory is corrupted and a later step crashes. Python
3.12+ makes `True` immortal, so there the bug is harmless. On older Pythons, if a probe shows the
leak, `True` and `False` get 2**40 extra references: immortal in effect, as in Python 3.12.
"""
from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, Signal

_EXTRA = 1 << 40
_applied = False


class _Probe(QObject):
    fired = Signal(int)


def emit_leaks_true() -> bool:
    """Whether emitting a signal loses references to True (a few emits, no event loop needed)."""
    probe = _Probe()
    probe.fired.connect(lambda _value: None)
    before = sys.getrefcount(True)
    for i in range(8):
        probe.fired.emit(i)
    return sys.getrefcount(True) < before - 4


def install() -> bool:
    """Apply the guard once if this Python and PySide6 need it; True if it is in place."""
    global _applied
    if _applied:
        return True
    if sys.version_info >= (3, 12) or not emit_leaks_true():
        return False
    for value in (True, False):
        ctypes.c_ssize_t.from_address(id(value)).value += _EXTRA
    _applied = True
    return True
