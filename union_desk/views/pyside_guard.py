"""Guard against a reference-count bug of PySide6 6.12.0 on Python 3.11.

Measured here: every `Signal.emit()` made from Python drops one reference to `True` and never
takes it back. After some hundreds of emits `True` itself is freed and the interpreter aborts
("Fatal Python error: bool_dealloc"), or memory is corrupted and a later step crashes. Python
3.12+ makes `True` immortal, so there the bug is harmless. On older Pythons, if a probe shows the
leak, `True` and `False` get 2**40 extra references: immortal in effect, as in Python 3.12.

The same release also drops one reference to `None` on every call from Python of a method that
returns nothing (`label.setText(...)`, `widget.update()`, `app.processEvents()`; measured: 200
calls, 200 references). A window holds some 80,000 references to None, so a long working session
would free None itself ("Fatal Python error: none_dealloc"). Where a probe shows that leak, `None`
gets the same reserve.
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


def void_call_leaks_none() -> bool:
    """Whether calling a Qt method that returns nothing loses references to None."""
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(8):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 4


def install() -> bool:
    """Apply the guard once if this Python and PySide6 need it; True if it is in place."""
    global _applied
    if _applied:
        return True
    if sys.version_info >= (3, 12):
        return False
    leaking = ((True, False) if emit_leaks_true() else ()) + \
        ((None,) if void_call_leaks_none() else ())
    if not leaking:
        return False
    for value in leaking:
        ctypes.c_ssize_t.from_address(id(value)).value += _EXTRA
    _applied = True
    return True
