"""The clerks' laptops (issue 12), run by tools/screenshots.py --laptop in a child process per
screen: every tab and every dialog a clerk opens, on a township's demo database and on a city
database with three townships' packages merged, saved as <out>/<name>.png.

A dialog is shot as it opens on that screen (its own size, at most the screen), then closed
without saving. Dialogs are reached the way the window reaches them (a tab's action method, a
menu's), so a screenshot shows what the clerk gets."""
from __future__ import annotations

import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


class Shooter:
    def __init__(self, app, ops, out: Path):
        self.app, self.ops, self.out = app, ops, out
        self.names: list[str] = []

    def settle(self, rounds: int = 4) -> None:
        for _ in range(rounds):
            self.ops.wait()
            self.app.processEvents()

    def shot(self, widget, name: str) -> None:
        self.settle()
        screen = widget.screen().availableGeometry()
        if widget.isWindow() and (widget.width() > screen.width()
                                  or widget.height() > screen.height()):
            print(f"  {name}: {widget.width()}x{widget.height()} is larger than the screen "
                  f"{screen.width()}x{screen.height()}")
        widget.grab().save(str(self.out / f"{name}.png"))
        self.names.append(name)
        print(self.out / f"{name}.png", widget.width(), "x", widget.height())

    def dialog(self, opened, name: str) -> None:
        """Shoot a dialog a tab's or menu's action opened (its return value), then close it
        without saving."""
        dialog = opened() if callable(opened) else opened
        self.settle(6)
        if dialog is None:
            print(f"  {name}: nothing opened")
            return
        self.shot(dialog, name)
        if hasattr(dialog, "mark_clean"):
            dialog.mark_clean()
        dialog.reject() if hasattr(dialog, "reject") else dialog.close()
        self.settle()


def _window(ops):
    from union_desk.views.accounts.menu import AccountsMenu
    from union_desk.views.main_window import MainWindow

    window = MainWindow(ops)
    window.accounts_menu = AccountsMenu(window, ops)  # as app.Session adds it
    window.show()
    return window


def _tab(window, name: str):
    return next(window.tabs.widget(i) for i in range(window.tabs.count())
                if window.tabs.widget(i).objectName() == name)


def township_shots(app, folder: Path, out: Path) -> None:
    from union_desk.db import open_database
    from union_desk.services.demo.generate import make_demo
    from union_desk.views.ops import Ops

    db = open_database(folder / "demo.sqlite3")
    with db.session(write=True) as s:
        make_demo(s, size=300)
    db.load_context()
    ops = Ops(db)
    window = _window(ops)
    shots = Shooter(app, ops, out)
    shots.settle()
    for name in ("rosterTab", "hardshipTab", "tripsTab", "stationsTab", "overviewTab"):
        window.tabs.setCurrentWidget(_tab(window, name))
        shots.settle()
        shots.shot(window, "tab-" + name[:-3].replace("Tab", ""))
    _roster(window, shots, folder)
    _hardship(window, shots)
    _trips(window, shots)
    _stations(window, shots)
    _overview(window, shots)
    _menus(window, shots, folder, db)
    _accounts(window, shots, db)
    window.close()
    ops.wait()
    db.close()


def _roster(window, shots: Shooter, folder: Path) -> None:
    roster = _tab(window, "rosterTab")
    window.tabs.setCurrentWidget(roster)
    shots.settle()
    roster.table.selectRow(0)
    shots.dialog(roster.edit_member, "dialog-member")
    shots.dialog(roster.transfer_member, "dialog-member-transfer")
    shots.dialog(roster.change_status, "dialog-member-status")
    roster.union_table.selectRow(0)
    shots.dialog(roster.edit_union, "dialog-union")
    # the import check: the roster as exported, one phone changed and one ID number mistyped
    path = folder / "名册.xlsx"
    roster.ask_save_path = lambda: path
    roster.ask_reveal = lambda: False
    roster.inform = lambda text: None
    roster.export_excel()
    shots.settle(8)
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheet = book.active
    header = [c.value for c in sheet[1]]
    phone = next((i for i, h in enumerate(header, 1) if h and "手机" in str(h)), None)
    idno = next((i for i, h in enumerate(header, 1) if h and "身份证" in str(h)), None)
    if phone:
        sheet.cell(row=2, column=phone, value="13900139000")
    if idno:
        sheet.cell(row=3, column=idno, value="330182198001011234")
    book.save(path)
    roster.ask_open_path = lambda: path
    dialog = roster.import_excel()
    for _ in range(200):
        shots.settle(1)
        if getattr(dialog, "plan", None) is not None:
            break
    shots.dialog(dialog, "dialog-import-check")


def _hardship(window, shots: Shooter) -> None:
    hardship = _tab(window, "hardshipTab")
    window.tabs.setCurrentWidget(hardship)
    households = hardship.households
    hardship.pages.setCurrentWidget(households)
    shots.settle()
    households.table.selectRow(0)
    shots.settle()
    households.edit_household()  # opens once the page is read
    shots.settle(8)
    shots.dialog(households.opened, "dialog-household-file")
    shots.dialog(households.record_visit, "dialog-visit")
    shots.dialog(households.medical_aid, "dialog-medical-aid")
    shots.dialog(households.change_status, "dialog-household-status")
    shots.dialog(households.edit_policy, "dialog-hardship-policy")
    shots.dialog(households.pay_households, "dialog-pay-households")
    hardship.pages.setCurrentWidget(hardship.payments)
    shots.settle()
    shots.shot(window, "tab-hardship-payments")


def _trips(window, shots: Shooter) -> None:
    trips = _tab(window, "tripsTab")
    window.tabs.setCurrentWidget(trips)
    shots.settle()
    shots.dialog(trips.edit_campaign, "dialog-trip-campaign")
    trips.bus_table.selectRow(0) if hasattr(trips, "bus_table") else None
    shots.dialog(trips.add_bus, "dialog-bus")
    people = trips.registrations
    trips.pages.setCurrentWidget(people)
    shots.settle()
    shots.shot(window, "tab-trips-registrations")
    shots.dialog(people.new_registration, "dialog-registration")


def _stations(window, shots: Shooter) -> None:
    stations = _tab(window, "stationsTab")
    window.tabs.setCurrentWidget(stations)
    shots.settle()
    stations.table.selectRow(0)
    shots.settle()
    for method, name in ((stations.edit_station, "dialog-station"),
                         (stations.record_inspection, "dialog-station-inspection"),
                         (stations.enter_counts, "dialog-station-counts"),
                         (stations.show_photos, "dialog-station-photos"),
                         (stations.show_subsidies, "dialog-station-subsidies"),
                         (stations.edit_standard, "dialog-station-standard"),
                         (lambda: stations.show_figures(date.today().year),
                          "dialog-station-figures")):
        shots.dialog(method, name)


def _overview(window, shots: Shooter) -> None:
    overview = _tab(window, "overviewTab")
    window.tabs.setCurrentWidget(overview)
    shots.settle()
    bar = overview.page.verticalScrollBar()
    bar.setValue(bar.maximum())
    shots.shot(window, "tab-overview-charts")
    bar.setValue(0)
    overview.print_report()
    shots.settle(8)
    shots.dialog(overview.preview, "dialog-year-report-preview")


def _menus(window, shots: Shooter, folder: Path, db) -> None:
    from datetime import datetime, timedelta, timezone

    from union_desk.services.backups.auto import finish_auto_backup, start_auto_backup
    from union_desk.views.backups.restore_dialog import RestoreDialog
    from union_desk.views.settings_dialog import SettingsDialog
    from union_desk.views.setup_dialog import SetupDialog

    for make, name in ((window.help.show_guide, "dialog-guide"),
                       (window.help.show_shortcuts, "dialog-shortcuts"),
                       (window.help.show_where, "dialog-where"),
                       (window.help.show_about, "dialog-about")):
        shots.dialog(make, name)
    for days in (3, 1):  # the restore list with two backups in it (as views/backups/auto.py)
        with db.session(write=True) as s:
            pending = start_auto_backup(s, db_path=db.path, force=True,
                                        now=datetime.now(timezone.utc) - timedelta(days=days))
        finish_auto_backup(pending)
    for make, name in ((lambda: SettingsDialog(window.ops, window), "dialog-settings"),
                       (lambda: RestoreDialog(window.ops, window), "dialog-restore"),
                       (lambda: SetupDialog(window), "dialog-first-run-setup"),
                       (lambda: _damaged_dialog(folder, window), "dialog-damaged-file")):
        dialog = make()
        dialog.show()
        shots.dialog(dialog, name)


def _damaged_dialog(folder: Path, window):
    """The dialog as a start on a damaged file opens it: with the message opening it gave."""
    from union_desk.db import open_database
    from union_desk.dbfile import DatabaseFileError
    from union_desk.views.backups.damaged_dialog import DamagedFileDialog

    path = folder / "大洋镇.sqlite3"
    shutil.copyfile(folder / "demo.sqlite3", path)
    with open(path, "r+b") as f:  # the header intact, the first pages overwritten
        f.seek(100)
        f.write(b"\xff" * 8000)
    try:
        open_database(path).close()
        message = "?"
    except DatabaseFileError as err:
        message = str(err)
    return DamagedFileDialog(path, message, window)


def _accounts(window, shots: Shooter, db) -> None:
    """A 负责人 with a password, a 审核人 and a 经办人: the sign-in, the lock screen, the
    accounts, the rules and the audit log."""
    from union_desk.models.account import AccountRole
    from union_desk.services.accounts import accounts
    from union_desk.views.accounts.sign_in import SignInDialog

    with db.session(write=True) as s:
        accounts.add_account(s, name="李审", role=AccountRole.REVIEWER, password="li-shen-2025",
                             own_password="wang-2025-pw")
        accounts.add_account(s, name="张经", role=AccountRole.HANDLER, password="zhang-jing-25")
    with db.session() as s:
        names = accounts.active_names(s)
    dialog = SignInDialog(names, "大洋镇.sqlite3", window)
    dialog.show()
    shots.dialog(dialog, "dialog-sign-in")
    menu = window.accounts_menu
    menu.lock.reload()
    shots.settle(6)
    if menu.lock.lock():
        shots.settle()
        shots.shot(window, "window-locked")
        menu.lock._unlocked()
        shots.settle()
    shots.dialog(menu.manage_accounts, "dialog-accounts")
    shots.dialog(menu.edit_policy, "dialog-accounts-policy")
    shots.dialog(menu.change_own_password, "dialog-own-password")
    shots.dialog(menu.show_audit_log, "dialog-audit-log")


def city_shots(app, folder: Path, out: Path) -> None:
    """The city office: three townships' packages (and a damaged file) through the merge dialog,
    the overview (全市汇总), the voucher check, the review list, one township's roster."""
    sys.path.insert(0, str(ROOT / "tests" / "exchange"))
    from exchange_helpers import export, make_city, make_township, populate

    from union_desk.views.exchange.merge_dialog import MergeDialog
    from union_desk.views.ops import Ops

    city, key = make_city(folder / "city.sqlite3", folder / "city-key.json")
    paths = []
    for code, serial in (("DY", 1), ("QT", 3), ("SC", 400)):
        township = make_township(folder / f"{code}.sqlite3", code, key)
        populate(township, members=12, first_serial=serial)
        paths.append(export(township, folder / f"{code}.udx").path)
        township.close()
    (folder / "坏文件.udx").write_bytes(b"not a package")
    paths.append(folder / "坏文件.udx")
    ops = Ops(city)
    window = _window(ops)
    shots = Shooter(app, ops, out)
    shots.settle()
    dialog = MergeDialog(ops, paths, window)
    dialog.open()
    dialog.merge_button.click()
    for _ in range(600):
        shots.settle(1)
        if dialog.results is not None:
            break
    shots.dialog(dialog, "city-dialog-merge")
    for name in ("overviewTab", "voucherCheckTab", "reviewTab"):
        tab = _tab(window, name)
        window.tabs.setCurrentWidget(tab)
        if name == "overviewTab":
            tab.year.setValue(2025)
        shots.settle(6)
        shots.shot(window, "city-tab-" + name[:-3])
    overview = _tab(window, "overviewTab")
    window.tabs.setCurrentWidget(overview)
    bar = overview.page.verticalScrollBar()
    bar.setValue(bar.maximum())
    shots.shot(window, "city-tab-overview-charts")
    overview.print_report()
    shots.settle(8)
    shots.dialog(overview.preview, "city-dialog-year-report-preview")
    window.exchange.show_township("DY")
    window.tabs.setCurrentIndex(0)
    shots.settle(6)
    shots.shot(window, "city-window-one-township")
    window.close()
    ops.wait()
    city.close()


def laptop_shots(out: Path, lang: str) -> None:
    from PySide6.QtCore import QSettings

    from union_desk.app import make_app

    app = make_app(lang)
    with tempfile.TemporaryDirectory() as folder:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        township_shots(app, Path(folder), out)
        city_shots(app, Path(folder), out)
