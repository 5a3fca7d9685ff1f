"""QApplication: translations, the CJK font, the single-instance lock, first run, main window."""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from union_desk.views import main_thread_gc, pyside_guard
from union_desk.db import Database, InstanceLock, default_db_path, open_database
from union_desk.services.errors import UserError
from union_desk.services.settings import is_set_up, set_up

I18N_DIR = Path(__file__).with_name("i18n")
log = logging.getLogger(__name__)


def install_translation(app: QApplication, lang: str | None) -> None:
    """Simplified Chinese by default; `en` shows the English source strings."""
    lang = lang or os.environ.get("UNION_DESK_LANG", "zh")
    if lang.startswith("en"):
        return
    translator = QTranslator(app)
    if translator.load(str(I18N_DIR / "union_desk_zh_CN.qm")):
        app.installTranslator(translator)
    qt_translator = QTranslator(app)
    if qt_translator.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_",
                          _qt_translations_dir()):
        app.installTranslator(qt_translator)


def _qt_translations_dir() -> str:
    from PySide6.QtCore import QLibraryInfo

    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def install_font(app: QApplication) -> None:
    """Use the same TrueType CJK font the printed forms embed, when one is found."""
    from union_desk.reports.fonts import FontNotFound, find_cjk_font

    try:
        path, _index = find_cjk_font()
    except FontNotFound as err:
        log.warning("%s", err)
        return
    font_id = QFontDatabase.addApplicationFont(path)
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if families:
        app.setFont(QFont(families[0], 10))


def make_app(lang: str | None = None) -> QApplication:
    pyside_guard.install()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("union_desk")
    main_thread_gc.install(app)
    install_translation(app, lang)
    install_font(app)
    return app


def ensure_set_up(db: Database, parent=None) -> bool:
    """Ask for township and clerk on first run. False if the clerk cancelled."""
    with db.session() as s:
        if is_set_up(s):
            return True
    from union_desk.views.setup_dialog import SetupDialog

    dialog = SetupDialog(parent)
    while dialog.exec():
        township, clerk = dialog.values()
        try:
            with db.session(write=True) as s:
                set_up(s, township=township, clerk=clerk)
        except UserError as err:
            dialog.show_error(str(err))
            continue
        db.load_context()
        return True
    return False


def ensure_signed_in(db: Database, parent=None) -> bool:
    """Who is working: with one active account, that one (as before accounts existed); with
    several, ask for name and password. False if the clerk cancelled."""
    from union_desk.services.accounts.accounts import active_names, sign_in, startup_account, work_as

    with db.session() as s:
        only = startup_account(s)
        if only is not None:
            work_as(s, only)
            return True
        names = active_names(s)
    from union_desk.views.accounts.sign_in import SignInDialog

    dialog = SignInDialog(names, db.path.name, parent)
    while dialog.exec():
        name, password = dialog.values()
        try:
            with db.session() as s:
                sign_in(s, name=name, password=password)
        except UserError as err:
            dialog.show_error(str(err))
            continue
        return True
    return False


class Session:
    """One open database in the GUI: its lock, its worker pools, its window."""

    def __init__(self, app: QApplication):
        self.app = app
        self.window = None
        self.lock: InstanceLock | None = None
        self.db: Database | None = None

    def open(self, path: Path) -> bool:
        from union_desk.views.accounts.menu import AccountsMenu
        from union_desk.views.main_window import MainWindow
        from union_desk.views.ops import Ops

        lock = InstanceLock(path)
        if not lock.acquire():
            QMessageBox.critical(None, "union_desk", self.app.translate(
                "app", "This database is already open in another union_desk window:\n{0}")
                .format(path))
            return False
        try:
            db = open_database(path)
        except Exception as err:  # noqa: BLE001 - tell the clerk, touch nothing
            lock.release()
            QMessageBox.critical(None, "union_desk", self.app.translate(
                "app", "Cannot open the database {0}:\n{1}").format(path, err))
            return False
        if not ensure_set_up(db) or not ensure_signed_in(db):
            db.close()
            lock.release()
            return False
        self.close()
        self.lock, self.db = lock, db
        self.window = MainWindow(Ops(db))
        self.window.accounts_menu = AccountsMenu(self.window, self.window.ops)
        self.window.open_requested.connect(self.open)
        self.window.show()
        return True

    def close(self) -> None:
        if self.window is not None:
            self.window.ops.wait()
            self.window.close()
            self.window.deleteLater()
            self.window = None
        if self.db is not None:
            self.db.close()
            self.db = None
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def run_gui(db_path: Path | None = None, lang: str | None = None,
            smoke_quit: bool = False) -> int:
    app = make_app(lang)
    session = Session(app)
    if not session.open(Path(db_path) if db_path else default_db_path()):
        return 1
    if smoke_quit:
        QTimer.singleShot(0, lambda: _smoke_quit(session))
    code = app.exec()
    session.close()
    return code


def _smoke_quit(session: Session) -> None:
    """Check that a built program really runs: wait for the first loads, name the tabs, quit."""
    window = session.window
    for _ in range(3):  # pages arriving start more loads (second pages, counts)
        window.ops.wait()
        session.app.processEvents()
    tabs = " | ".join(window.tabs.tabText(i) for i in range(window.tabs.count()))
    sys.stdout.write(f"window opened, tabs loaded: {tabs}\n")
    sys.stdout.flush()
    session.app.quit()
