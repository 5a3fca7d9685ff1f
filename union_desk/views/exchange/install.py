"""What the exchange adds to the main window, by the database's role:
- a township's: 文件 ▸ 导出给市总工会…, 设置 ▸ 市总工会公钥…;
- the city office's: 文件 ▸ 导入乡镇数据包…, and the tabs 核验凭证 and 复核清单 (the overview tab is
  全市汇总 there: views/overview_tab.py)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QMenu, QMessageBox, QToolBar

from union_desk.domain.townships import TOWNSHIPS
from union_desk.services.changes import Change
from union_desk.services.exchange.package import SUFFIX
from union_desk.views.ops import Ops, show_error
from union_desk.views.widgets import filter_combo

if TYPE_CHECKING:
    from union_desk.services.exchange.export import ExportResult
    from union_desk.services.exchange.keys import CityKey

# Start-up (issue 13): the city's tabs and the exchange's services are imported where they are
# used — a township's window opens without them (≈ 0.2 s).


def install_exchange(window: QMainWindow, ops: Ops, file_menu: QMenu) -> "ExchangeActions":
    """`window` has `tabs` and `settings_menu` (views/main_window.py)."""
    actions = ExchangeActions(window, ops)
    actions.install(file_menu)
    return actions


class ExchangeActions(QObject):  # a child of the window, for tr() and the dialogs
    def __init__(self, window: QMainWindow, ops: Ops):
        super().__init__(window)
        self.window, self.ops = window, ops
        self.setObjectName("exchangeActions")

    def install(self, file_menu: QMenu) -> None:
        before = file_menu.actions()[-2] if len(file_menu.actions()) >= 2 else None
        if self.ops.context.city:
            merge = QAction(self.tr("Import township packages…"), self.window)
            merge.setObjectName("mergeAction")
            merge.triggered.connect(self._on_merge_triggered)
            file_menu.insertAction(before, merge)
            from union_desk.views.exchange.review_panel import ReviewTab
            from union_desk.views.exchange.voucher_check import VoucherCheckTab

            for cls in (VoucherCheckTab, ReviewTab):
                tab = cls(self.ops, self.window)
                self.window.tabs.addTab(tab, tab.title())
            self._install_township_choice()
            return
        export = QAction(self.tr("Export for the city office…"), self.window)
        export.setObjectName("exportPackageAction")
        export.triggered.connect(self._on_export_triggered)
        file_menu.insertAction(before, export)
        settings = self.window.settings_menu  # 设置, beside the backup settings
        trust = QAction(self.tr("City office public key…"), self.window)
        trust.setObjectName("trustCityAction")
        trust.triggered.connect(self._on_trust_triggered)
        settings.addAction(trust)

    def _install_township_choice(self) -> None:
        """At the city: which township the working tabs show (every ORM read is scoped)."""
        from union_desk.services.city.view import township_view

        self.view = None  # the filter on the city's sessions, once installed
        self.ops.read(township_view).success(self._on_view_installed).run()
        bar = QToolBar(self.tr("Township"), self.window)
        bar.setObjectName("townshipBar")
        bar.setMovable(False)
        bar.addWidget(QLabel(self.tr("Show township:"), bar))
        self.township_combo = filter_combo(bar, "townshipView", self.tr("All townships"),
                                           [(t.name, t.code) for t in TOWNSHIPS])
        bar.addWidget(self.township_combo)
        bar.addWidget(QLabel(self.tr("  (township records are read-only here)"), bar))
        self.window.addToolBar(bar)
        self.township_combo.currentIndexChanged.connect(self._on_township_changed)

    def show_township(self, code: str | None) -> None:
        """At the city: the working tabs show one township (None: all) — the overview's
        click-through on a township's bar."""
        combo = getattr(self, "township_combo", None)
        if combo is not None:
            combo.setCurrentIndex(max(0, combo.findData(code)) if code else 0)

    def _on_view_installed(self, view) -> None:
        """A township chosen before the filter was in place (the choice comes first when the
        read pool is busy at start-up) is applied now."""
        self.view = view
        if view is not None and self.township_combo.currentData() is not None:
            self._on_township_changed(self.township_combo.currentIndex())

    def _on_township_changed(self, _index: int) -> None:
        if self.view is None:
            return
        from union_desk.views.exchange.merge_dialog import ALL_RECORDS

        self.view.township = self.township_combo.currentData()
        self.ops.changed.emit(ALL_RECORDS)

    # -- dialogs (methods, so tests can replace them) -----------------------------------------
    def ask_package_paths(self) -> list[Path]:
        paths, _ = QFileDialog.getOpenFileNames(
            self.window, self.tr("Township packages"), "",
            self.tr("Township packages (*{0});;All files (*)").format(SUFFIX))
        return [Path(p) for p in paths]

    def ask_export_path(self) -> Path | None:
        folder = self.ops.file_path.parent if self.ops.file_path else Path.home()
        suggested = str(folder / f"{self.ops.context.township}-{_today()}{SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export for the city office"),
                                              suggested, self.tr("Package (*{0})").format(SUFFIX))
        return Path(path) if path else None

    def ask_key_path(self) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("City office public key"), "",
                                              self.tr("Key file (*.json);;All files (*)"))
        return Path(path) if path else None

    def confirm_key(self, key: CityKey) -> bool:
        text = self.tr("Public key of {0}\n\nFingerprint: {1}\n\nRead the fingerprint to the city "
                       "office by phone. Do they see the same?").format(key.name, key.fingerprint)
        return QMessageBox.question(self.window, self.tr("City office public key"), text) \
            == QMessageBox.StandardButton.Yes

    def inform(self, text: str) -> None:
        QMessageBox.information(self.window, self.window.windowTitle(), text)

    # -- slots ---------------------------------------------------------------------------------
    def _on_merge_triggered(self) -> None:
        paths = self.ask_package_paths()
        if paths:
            from union_desk.views.exchange.merge_dialog import MergeDialog

            dialog = MergeDialog(self.ops, paths, self.window)
            dialog.open()
            self.last_dialog = dialog

    def _on_export_triggered(self) -> None:
        out = self.ask_export_path()
        if out is None:
            return
        from union_desk.services.exchange.export import export_this_database

        # the export keeps its own short write and reads a snapshot: it runs beside the window
        self.ops.read(lambda s, progress, cancelled: export_this_database(
                          s, out=out, progress=progress), parent=self.window) \
            .with_progress(self.tr("Exporting for the city office…"), self.window) \
            .success(self._exported).failure(lambda err: show_error(self.window, err)).run()

    def _exported(self, result: ExportResult) -> None:
        self.inform(self.tr(
            "Package No. {0} saved to {1}\n{2} records, encrypted to the city office's key {3}.\n"
            "Carry this file to the city office (USB stick or e-mail); it cannot be read without "
            "the city office's key.").format(result.sequence, result.path,
                                              sum(result.row_counts.values()),
                                              result.recipient_fingerprint))

    def _on_trust_triggered(self) -> None:
        path = self.ask_key_path()
        if path is None:
            return
        from union_desk.services.exchange.keys import read_city_key_file, trust_city_key

        try:
            key = read_city_key_file(path)
        except Exception as err:  # noqa: BLE001 - UserError: shown as is
            show_error(self.window, err)
            return
        if not self.confirm_key(key):
            return
        self.ops.write(lambda s: trust_city_key(s, key=key), changes={Change.EXCHANGE},
                       parent=self.window) \
            .success(lambda k: self.inform(self.tr("The city office's key {0} is kept; exports "
                                                   "are encrypted to it.").format(k.fingerprint))) \
            .failure(lambda err: show_error(self.window, err)).run()


def _today() -> str:
    from datetime import date

    return date.today().strftime("%Y%m%d")
