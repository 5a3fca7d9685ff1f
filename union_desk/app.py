"""QApplication: translations, the CJK font, the single-instance lock, first run, main window."""
from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QTimer, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from union_desk import logs
from union_desk.views import main_thread_gc, pyside_guard
from union_desk.db_url import PasswordNeeded, ServerError, is_server
from union_desk.dbfile import DatabaseFileError
from union_desk.dbhome import InstanceLock, default_db_path
from union_desk.services.errors import UserError

if TYPE_CHECKING:
    from union_desk.db import Database

# Start-up (issue 13): this module and what it imports at the top load without SQLAlchemy, the
# models or the services, so that `Session.open_fast` shows the window with the roster's first
# page (read by first_page.py with the bare sqlite3 module) before they are imported; every
# function that needs them imports them itself.

I18N_DIR = Path(__file__).with_name("i18n")
FIRST_PAINT_WAIT_MS = 1000  # open the file then at the latest, painted or not
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


def report_unexpected(err: BaseException, where: str) -> str:
    """The window's one handler for an unexpected error: details (masked) to the log file, a
    short message for the clerk naming it."""
    path = logs.log_unexpected(err, where)
    return QApplication.translate(
        "app", "union_desk met an unexpected problem; what you were doing was not completed.\n"
               "The details were written to the log file {0}").format(str(path))


def _excepthook(kind, err, tb) -> None:
    """An exception escaping a slot: logged, and one message box instead of a traceback."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, err, tb)
        return
    err.__traceback__ = tb
    text = report_unexpected(err, "window")
    if QApplication.instance() is not None:
        QMessageBox.critical(None, "union_desk", text)


def make_app(lang: str | None = None) -> QApplication:
    pyside_guard.install()
    logs.install()
    sys.excepthook = _excepthook
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("union_desk")
    main_thread_gc.install(app)
    install_translation(app, lang)
    install_font(app)
    return app


def ensure_set_up(db: Database, parent=None) -> bool:
    """Ask for township and clerk on first run. False if the clerk cancelled."""
    from union_desk.services.settings import is_set_up, set_up

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
    from union_desk.services.accounts.accounts import active_names, startup_account, work_as
    from union_desk.services.accounts.sign_in import SignInPlace, attempt_sign_in

    with db.session() as s:
        only = startup_account(s)
        if only is not None:
            work_as(s, only)
            return True
        names = active_names(s)
    from union_desk.views.accounts.sign_in import SignInDialog

    dialog = SignInDialog(names, db.path.name if db.path else str(db.location), parent)
    while dialog.exec():
        name, password = dialog.values()
        try:  # a write: a wrong password is counted (and may pause the account) and audited
            with db.session(write=True) as s:
                result = attempt_sign_in(s, name=name, password=password,
                                         place=SignInPlace.START)
        except UserError as err:
            dialog.show_error(str(err))
            continue
        if result.account is None:
            dialog.show_error(result.refusal)
            continue
        return True
    return False


class Session:
    """One open database in the GUI: its lock, its worker pools, its window."""

    def __init__(self, app: QApplication):
        self.app = app
        self.window = None
        self.lock: InstanceLock | _NoLock | None = None
        self.db: Database | None = None
        self.frame = None  # the window shown before the file is open (open_fast), meanwhile

    def open(self, path) -> bool:  # a file or a db_url.ServerURL
        lock = _NoLock() if is_server(path) else InstanceLock(path)
        if not lock.acquire():
            self._already_open(path)
            return False
        return self._open_locked(path, lock)

    def open_fast(self, path) -> bool:
        """Start-up: the window with the roster's first page as soon as possible, then the file
        opened for real. A SQLite file that is set up, at this program's schema and has no
        clerk accounts (first_page.quick_look) shows its first page — read with the bare
        sqlite3 module, masked — in the window's frame before SQLAlchemy, the models and the
        services are imported; right after that first paint `_open_locked` opens it as `open`
        does (checks, migrations — none pending —, backups, the city's guard) and the window's
        panels take over. Anything else (a server, a file that is new or fails dbfile.probe, a
        migration, accounts: sign-in comes before any member is shown) takes `open` at once; a
        damaged file found only while opening gets the damaged-file dialog as with `open`."""
        from union_desk.first_page import first_page, quick_look
        from union_desk.views.paged_model import PAGE_SIZE

        look = None if is_server(path) else quick_look(path)
        if look is None:
            return self.open(path)
        lock = InstanceLock(path)
        if not lock.acquire():
            self._already_open(path)
            return False
        try:
            rows = first_page(path, limit=PAGE_SIZE)
        except Exception:  # noqa: BLE001 - the normal path opens it and names the problem
            return self._open_locked(path, lock)
        from union_desk.views.main_window import MainWindow

        frame = MainWindow.frame(city=look.city, first_page=rows)
        self.frame = frame
        finish = lambda: self._finish_fast(path, lock, frame)  # noqa: E731
        frame.first_page.painted.connect(lambda: QTimer.singleShot(0, finish))
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, finish)  # (a window started minimised paints late)
        frame.show()
        return True

    def _finish_fast(self, path, lock, frame) -> None:
        if self.frame is not frame:  # (already finished)
            return
        self.frame = None
        if not self._open_locked(path, lock, frame=frame):
            self.app.exit(1)
            return
        main_thread_gc.freeze_startup()  # the program has started: see there

    def _already_open(self, path) -> None:
        self.show_problem(self.app.translate(
            "app", "This database is already open in another union_desk window:\n{0}")
            .format(path))

    def _open_locked(self, path, lock, *, frame=None) -> bool:
        """Open `path` (its lock held) and show it: in `frame`, the window already shown at
        start-up, or in a new window. False (the lock released, `frame` closed) if it cannot."""
        server = is_server(path)
        new = not server and not Path(path).exists()
        db = self._open_db(path if server else Path(path))
        if db is None or not ensure_set_up(db) or not ensure_signed_in(db):
            if db is not None:
                db.close()
                if new:  # first run cancelled: leave no empty database behind
                    for suffix in ("", "-wal", "-shm"):
                        Path(f"{db.path}{suffix}").unlink(missing_ok=True)
            lock.release()
            if frame is not None:
                frame.close()
                frame.deleteLater()
            return False
        from union_desk.services.city.readonly import protect_township_records

        protect_township_records(db)  # at the city office, township records are read-only
        self.close()
        self._show(lock, db, frame)
        return True

    def _open_db(self, path: Path) -> Database | None:
        """The database, or None after telling the clerk why not (touching nothing). A damaged
        file offers the newest backup and salvage; after a restore it opens the restored file.
        A server that wants a password libpq could not find asks for it (again when refused)."""
        while True:
            from union_desk.db import open_database

            try:
                return open_database(path)
            except PasswordNeeded as err:
                password = self.ask_password(path, err)
                if password is None:
                    return None
                path = path.with_password(password)
            except ServerError as err:
                self.show_problem(str(err))
                return None
            except DatabaseFileError as err:
                if err.kind == "damaged":
                    if self.ask_damaged(path, str(err)):
                        continue
                else:
                    self.show_problem(str(err))
                return None
            except Exception as err:  # noqa: BLE001 - the one handler: log, tell, touch nothing
                self.show_problem(report_unexpected(err, f"opening {getattr(path, 'name', path)}"))
                return None

    def _show(self, lock: InstanceLock, db: Database, frame=None) -> None:
        from union_desk.views.accounts.menu import AccountsMenu
        from union_desk.views.main_window import MainWindow
        from union_desk.views.ops import Ops

        self.lock, self.db = lock, db
        if frame is not None:
            self.window = frame
            frame.attach(Ops(db))
        else:
            self.window = MainWindow(Ops(db))
        self.window.accounts_menu = AccountsMenu(self.window, self.window.ops)
        self.window.open_requested.connect(self.open)
        # after the menu's slot has returned: the window is replaced
        self.window.restore_requested.connect(
            lambda backup: QTimer.singleShot(0, lambda: self.restore(backup)))
        self.window.show()

    def restore(self, backup: Path) -> bool:
        """Put a backup in place of the open file (kept aside first) and reopen the window."""
        from union_desk.services.backups.restore import (
            missing_text, require_may_restore, restore_backup,
        )

        try:
            with self.db.session() as s:
                require_may_restore(s)
        except UserError as err:
            self.inform(str(err))
            return False
        path, lock = self.db.path, self.lock
        self.lock = None  # keep holding it: no other window may open the file meanwhile
        self.close()
        try:
            result = restore_backup(path, backup)
            note = self.app.translate("app", "Restored from {0}.\nThe file before the restore "
                                             "was kept as {1}.\n{2}").format(
                result.restored_from.name, str(result.set_aside), missing_text(result.missing, damaged=result.damaged))
        except (UserError, OSError) as err:
            note = str(err)
        db = self._open_db(path)
        if db is not None and not ensure_signed_in(db):  # the restored file's own accounts
            db.close()
            db = None
        if db is None:
            lock.release()
            return False
        from union_desk.services.city.readonly import protect_township_records

        protect_township_records(db)
        self._show(lock, db)
        self.inform(note)
        return True

    # -- dialogs (methods, so tests can replace them) -----------------------------------------
    def show_problem(self, text: str) -> None:
        QMessageBox.critical(None, "union_desk", text)

    def inform(self, text: str) -> None:
        QMessageBox.information(self.window, "union_desk", text)

    def ask_password(self, location, problem: PasswordNeeded) -> str | None:
        """The password for a server database (None: cancelled)."""
        from union_desk.views.password_dialog import PasswordDialog

        dialog = PasswordDialog(str(location), problem.user, refused=problem.refused)
        return dialog.value() if dialog.exec() else None

    def ask_damaged(self, path: Path, message: str) -> bool:
        """True when the clerk restored a backup in place of the damaged file."""
        from union_desk.views.backups.damaged_dialog import DamagedFileDialog

        return bool(DamagedFileDialog(path, message).exec())

    def close(self) -> None:
        if self.window is not None:
            self.window.auto_backup.run_at_close()  # (at most hourly, as ever)
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


class _NoLock:
    """A server database is shared by many desks at once: no instance lock."""

    def acquire(self) -> bool:
        return True

    def release(self) -> None:
        pass


def run_gui(db_path=None, lang: str | None = None, smoke_quit: bool = False) -> int:
    """`db_path`: a file, a db_url.ServerURL, or None for the default file."""
    app = make_app(lang)
    session = Session(app)
    if not session.open_fast(db_path or default_db_path()):
        return 1
    if session.frame is None:  # opened the normal way (else once the frame is attached)
        main_thread_gc.freeze_startup()
    if smoke_quit:
        QTimer.singleShot(0, lambda: _smoke_quit(session))
    code = app.exec()
    session.close()
    return code


def _smoke_quit(session: Session) -> None:
    """Check that a built program really runs: wait for the first loads, name the tabs, quit."""
    window = session.window
    if window is None or window.first_page is not None:  # the first page shown; the rest soon
        QTimer.singleShot(20, lambda: _smoke_quit(session))
        return
    for _ in range(3):  # pages arriving start more loads (second pages, counts)
        window.ops.wait()
        session.app.processEvents()
    tabs = " | ".join(window.tabs.tabText(i) for i in range(window.tabs.count()))
    sys.stdout.write(f"window opened, tabs loaded: {tabs}\n")
    sys.stdout.flush()
    session.app.quit()
