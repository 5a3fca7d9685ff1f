"""PySide6 6.12.0 on Python 3.11 loses a reference to True on every signal emit (pyside_guard)."""
import subprocess
import sys

SCRIPT = """
from PySide6.QtCore import QCoreApplication, QObject, Signal
from union_desk.views import pyside_guard
pyside_guard.install()
app = QCoreApplication([])
class A(QObject):
    s = Signal(int)
a = A()
a.s.connect(lambda v: None)
for i in range(20000):
    a.s.emit(i)
print("survived")
"""


def test_twenty_thousand_emits_do_not_free_true():
    """Without the guard this process aborts after a few hundred emits (bool_dealloc)."""
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "survived"


def test_the_guard_gives_true_a_reserve_only_where_the_leak_is():
    from union_desk.views import pyside_guard

    if pyside_guard.install():
        assert sys.version_info < (3, 12) and sys.getrefcount(True) > 2 ** 39
    else:
        assert sys.version_info >= (3, 12) or not pyside_guard.emit_leaks_true()
