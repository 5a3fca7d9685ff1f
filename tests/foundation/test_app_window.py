"""The main window, the op runner, translations and first run, as a clerk meets them."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from union_desk.app import ensure_set_up, install_translation
from union_desk.db import open_database
from union_desk.services.changes import Change
from union_desk.services.errors import UserError
from union_desk.views.main_window import MainWindow
from union_desk.views.ops import Ops


@pytest.fixture
def window(db, qtbot):
    ops = Ops(db)
    win = MainWindow(ops)
    qtbot.addWidget(win)
    yield win
    ops.wait()


def test_status_bar_names_township_clerk_and_database(window, db, qtbot):
    # the window asks a service (services/database_file.py), never the database object
    qtbot.waitUntil(lambda: "大洋镇" in window.status_label.text(), timeout=5000)
    text = window.status_label.text()
    assert "王晓燕" in text and str(db.path) in text
    assert window.workplace.backup_name() == str(db.path.with_name("union_desk-backup.sqlite3"))


def test_every_tab_is_a_working_area_with_a_title(window):
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles and all(titles)
    assert window.tabs.widget(0).objectName() == "rosterTab"


def test_backup_action_writes_a_snapshot_that_opens(window, qtbot, tmp_path):
    dest = tmp_path / "备份.sqlite3"
    window.ask_backup_path = lambda: dest
    messages = []
    window.inform = messages.append
    action = window.findChild(type(window.menuBar().actions()[0]), "backupAction")
    qtbot.waitUntil(action.isEnabled, timeout=10_000)  # once the workplace shows a file
    action.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    copy = open_database(dest)
    assert copy.check() == [] and copy.context.clerk == "王晓燕"
    copy.close()


def test_op_runner_reports_user_errors_and_keeps_data(db, qtbot):
    ops = Ops(db)
    failures, changes = [], []
    ops.changed.connect(changes.append)

    def bad_write(session):
        raise UserError("金额不能为负")

    ops.write(bad_write, changes={Change.MEMBERS}).failure(failures.append).run()
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    assert str(failures[0]) == "金额不能为负" and changes == []
    results = []
    ops.read(lambda s: 42).success(results.append).run()
    qtbot.waitUntil(lambda: results == [42], timeout=5000)
    ops.wait()


def test_op_with_progress_can_be_cancelled(db, qtbot):
    import threading

    ops = Ops(db)
    started, outcome = threading.Event(), []

    def long_work(session, progress, cancelled):
        started.set()
        for i in range(500):
            if cancelled():
                raise UserError("已取消")
            progress(i, 500)
            threading.Event().wait(0.01)
        return "done"

    ops.read(long_work).with_progress("working").success(outcome.append) \
        .failure(outcome.append).run()
    assert started.wait(5)
    from PySide6.QtWidgets import QPushButton

    def visible_dialogs():
        return [w for w in QApplication.topLevelWidgets()
                if w.objectName() == "progressDialog" and w.isVisible()]

    qtbot.waitUntil(lambda: bool(visible_dialogs()), timeout=5000)  # shown after ~0.5 s
    qtbot.mouseClick(visible_dialogs()[0].findChild(QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(outcome), timeout=10_000)
    assert isinstance(outcome[0], UserError)
    ops.wait()


def test_chinese_is_the_default_language_and_english_on_request(db, qtbot):
    from PySide6.QtCore import QCoreApplication, QTranslator

    app = QApplication.instance()

    def remove_translators():
        for translator in app.findChildren(QTranslator):
            app.removeTranslator(translator)
            translator.deleteLater()

    try:
        install_translation(app, None)
        assert QCoreApplication.translate("TabTitles", "Member roster") == "会员名册"
        remove_translators()
        install_translation(app, "en")
        assert QCoreApplication.translate("TabTitles", "Member roster") == "Member roster"
    finally:
        remove_translators()  # other tests read the English source strings


def test_first_run_asks_for_township_and_clerk(tmp_path, qtbot, monkeypatch):
    from union_desk.views import setup_dialog

    db = open_database(tmp_path / "new.sqlite3")
    answers = iter([("DY", ""), ("SC", "陈静")])

    class FakeDialog:
        errors = []

        def __init__(self, parent=None):
            pass

        def exec(self):
            return 1

        def values(self):
            return next(answers)

        def show_error(self, text):
            FakeDialog.errors.append(text)

    monkeypatch.setattr(setup_dialog, "SetupDialog", FakeDialog)
    assert ensure_set_up(db)
    assert FakeDialog.errors == ["请填写经办人姓名"]
    assert (db.context.township, db.context.clerk) == ("SC", "陈静")
    db.close()


def test_an_older_answer_never_overwrites_a_newer_one(db, qtbot):
    """Reads run on two threads: with .latest(tag) only the newest op of that tag reports."""
    import threading

    ops = Ops(db)
    release, shown = threading.Event(), []

    def slow(_session):
        release.wait(5)
        return "old"

    ops.read(slow).latest("list").success(shown.append).run()
    ops.read(lambda _s: "new").latest("list").success(shown.append).run()
    qtbot.waitUntil(lambda: shown == ["new"], timeout=5000)
    release.set()
    ops.wait()
    qtbot.wait(50)
    assert shown == ["new"]


def test_a_change_name_that_is_not_a_change_is_refused_at_once(db):
    # Given the op runner; When a write names what it changes with a bare string (a typo of
    # Change.MEMBERS would be an AttributeError already) Then it is refused before it runs
    ops = Ops(db)
    ran = []
    with pytest.raises(TypeError, match="not a Change"):
        ops.write(lambda s: ran.append(1), changes={"members"})
    ops.wait()
    assert ran == []


@pytest.mark.parametrize("key, modifiers, step", [
    (Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier, 1),
    (Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier, 1),
    (Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier, -1),
])
def test_ctrl_tab_and_ctrl_page_keys_switch_tabs(window, qtbot, key, modifiers, step):
    window.show()
    qtbot.waitExposed(window)
    count = window.tabs.count()
    search = window.tabs.widget(0).search
    search.setFocus()
    window.activateWindow()
    qtbot.keyClick(search, key, modifiers)
    assert window.tabs.currentIndex() == step % count


def test_first_run_preselects_no_township(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from union_desk.views.setup_dialog import SetupDialog

    dialog = SetupDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.township.currentIndex() == -1 and dialog.township.currentData() is None
    dialog.clerk.setText("王晓燕")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and "township" in dialog.error.text()  # not accepted
    dialog.township.setCurrentIndex(dialog.township.findText("大洋镇"))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible() and dialog.values() == ("DY", "王晓燕")
