"""Every string on the screens is in the window's language: Chinese with the shipped translation,
English without it — headers, buttons, labels and the overview's rows.

The member history once showed Date/Change/Reason/Union in the Chinese window: its headers were
translated as `dialog.tr(...)` in a module-level function, which lupdate files under the context
"dialog" while Qt looks them up under the class name "MemberDialog". The first test keeps every
`tr` call where the two agree; the others look at the screens themselves.
"""
import ast
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import (QAbstractButton, QGroupBox, QLabel, QTableView)

import union_desk
from union_desk.app import I18N_DIR
from union_desk.services.demo.generate import make_demo
from union_desk.views.main_window import MainWindow
from union_desk.views.ops import Ops

PACKAGE = Path(union_desk.__file__).parent
CJK = re.compile(r"[\u3400-\u9fff]")
WORD = re.compile(r"[A-Za-z]{3,}")


def _tr_calls_outside_their_class(path: Path) -> list[str]:
    problems = []

    def visit(node, in_class: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute) \
                    and child.func.attr == "tr":
                receiver = child.func.value
                if not (in_class and isinstance(receiver, ast.Name) and receiver.id == "self"):
                    problems.append(f"{path.relative_to(PACKAGE)}:{child.lineno}")
            visit(child, in_class or isinstance(child, ast.ClassDef))

    visit(ast.parse(path.read_text(encoding="utf-8")), False)
    return problems


def test_every_tr_call_is_self_tr_inside_a_class():
    """lupdate files `x.tr("…")` under the context "x" (the receiver's name, or the enclosing
    class for `self`); Qt looks strings up under the object's class and its bases. Only
    `self.tr` inside a class gives both the same context. Elsewhere use
    QCoreApplication.translate("ClassName", "…")."""
    files = [*PACKAGE.joinpath("views").rglob("*.py"), PACKAGE / "app.py"]
    problems = [p for f in files for p in _tr_calls_outside_their_class(f)]
    assert not problems, problems


@pytest.fixture
def chinese(qapp):
    translator = QTranslator()
    assert translator.load(str(I18N_DIR / "union_desk_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


@pytest.fixture
def window(db, qtbot):
    with db.session(write=True) as s:
        make_demo(s, size=60)
    ops = Ops(db)

    def make():
        win = MainWindow(ops)
        qtbot.addWidget(win)
        win.resize(1280, 800)
        win.show()
        for i in range(win.tabs.count()):  # every tab shown once: each loads its lists
            win.tabs.setCurrentIndex(i)
            for _ in range(3):
                ops.wait()
                qapp_process()
        return win

    yield make
    ops.wait()


def qapp_process():
    QCoreApplication.processEvents()


def screen_texts(root) -> list[str]:
    texts = []
    for view in root.findChildren(QTableView):
        model = view.model()
        if model is None:
            continue
        texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                  for c in range(model.columnCount())]
    texts += [b.text() for b in root.findChildren(QAbstractButton)]
    texts += [g.title() for g in root.findChildren(QGroupBox)]
    texts += [label.text() for label in root.findChildren(QLabel)]
    return [t for t in texts if t]


def english_only(text: str) -> bool:
    return bool(WORD.search(text)) and not CJK.search(text)


def test_the_chinese_window_has_no_english_left(chinese, window):
    win = window()
    texts = screen_texts(win) + [win.tabs.tabText(i) for i in range(win.tabs.count())]
    leftovers = sorted({t for t in texts if english_only(t)})
    assert not leftovers, leftovers
    overview = win.findChild(QTableView, "overviewTable")
    assert all(CJK.search(overview.item(r, 0).text()) for r in range(overview.rowCount()))


def test_the_member_history_is_chinese(chinese, window, qtbot):
    win = window()
    roster = win.tabs.widget(0)
    roster.table.selectRow(0)
    dialog = roster.edit_member()
    assert dialog is not None
    win.ops.wait()
    qapp_process()
    history = dialog.findChild(QTableView, "historyTable")
    headers = [history.model().headerData(c, Qt.Orientation.Horizontal)
               for c in range(history.model().columnCount())]
    assert headers == ["日期", "变动", "原因", "工会"]
    dialog.reject()


def test_the_english_window_shows_english_headers_and_overview_rows(window):
    win = window()
    headers = []
    for view in win.findChildren(QTableView):
        model = view.model()
        headers += [str(model.headerData(c, Qt.Orientation.Horizontal) or "")
                    for c in range(model.columnCount())]
    assert headers and not [h for h in headers if CJK.search(h)]
    overview = win.findChild(QTableView, "overviewTable")
    rows = [overview.item(r, 0).text() for r in range(overview.rowCount())]
    assert rows and not [r for r in rows if CJK.search(r)]
