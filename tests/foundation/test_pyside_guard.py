"""PySide6 6.12.0 on Python 3.11 loses a reference to True on every signal emit, and one to None
on every call of a method that returns nothing (pyside_guard)."""
import subprocess
import sys

import pytest

SCRIPT = """
from PySide6.QtCore import QCoreApplication, QObject, Signal
from union_desk.views import pyside_guard
GUARD
app = QCoreApplication([])
class A(QObject):
    s = Signal(int)
a = A()
a.s.connect(lambda v: None)
for i in range(20000):
    a.s.emit(i)
print("survived")
"""


def emits(guard: bool) -> subprocess.CompletedProcess:
    script = SCRIPT.replace("GUARD", "pyside_guard.install()" if guard else "")
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120)


def test_twenty_thousand_emits_do_not_free_true():
    done = emits(guard=True)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "survived"


def test_without_the_guard_the_same_emits_abort_the_interpreter():
    from union_desk.views import pyside_guard

    if sys.version_info >= (3, 12) or not pyside_guard.emit_leaks_true():
        pytest.skip("True is immortal here, or this PySide6 no longer leaks it")
    done = emits(guard=False)
    assert done.returncode != 0 and "survived" not in done.stdout
    assert "bool_dealloc" in done.stderr


def test_the_guard_gives_true_a_reserve_only_where_the_leak_is():
    from union_desk.views import pyside_guard

    if pyside_guard.install():
        assert sys.version_info < (3, 12) and sys.getrefcount(True) > 2 ** 39
    else:
        assert sys.version_info >= (3, 12) or not pyside_guard.emit_leaks_true()


VOID_SCRIPT = """
from PySide6.QtCore import QCoreApplication, QObject
from union_desk.views import pyside_guard
GUARD
app = QCoreApplication([])
o = QObject()
for i in range(200000):
    o.setObjectName("x")
print("survived")
"""


def void_calls(guard: bool) -> subprocess.CompletedProcess:
    script = VOID_SCRIPT.replace("GUARD", "pyside_guard.install()" if guard else "")
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120)


def test_two_hundred_thousand_void_calls_do_not_free_none():
    done = void_calls(guard=True)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "survived"


def test_without_the_guard_the_same_calls_abort_the_interpreter():
    from union_desk.views import pyside_guard

    if sys.version_info >= (3, 12) or not pyside_guard.void_call_leaks_none():
        pytest.skip("None is immortal here, or this PySide6 no longer leaks it")
    done = void_calls(guard=False)
    assert done.returncode != 0 and "survived" not in done.stdout
    assert "none_dealloc" in done.stderr
