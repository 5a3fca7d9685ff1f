"""In-window preview of any printed form (QtPdf), with zoom, Save as PDF and Print.

Printing sends page after page to Qt's printer off the GUI thread, with progress and cancel:
QtPdf renders transparent images, so each page is drawn on white first, at no more than
PRINT_DPI (a 1200 dpi A4 page would take about 0.5 GB).
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import (QBuffer, QByteArray, QCoreApplication, QIODevice, QRect, QSize,
                            QSizeF, Qt, Signal)
from PySide6.QtGui import QImage, QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel,
                               QMessageBox, QPushButton, QVBoxLayout)

from union_desk.files import atomic_write_bytes
from union_desk.services.errors import UserError
from union_desk.views.ops import Ops, show_error
from union_desk.views.widgets import make_button
from union_desk.views.window_state import fit_to_screen

PRINT_DPI = 300  # enough for text and QR codes
ZOOM_STEP, MIN_ZOOM, MAX_ZOOM = 1.25, 0.25, 4.0


def write_file(path: Path, data: bytes) -> Path:
    """Write next to the target, then rename: a reader never sees half a PDF."""
    try:
        atomic_write_bytes(path, data)
    except OSError as err:
        raise UserError(QCoreApplication.translate(
            "PdfPreviewDialog", "Cannot write {0}: {1}").format(path.name, err.strerror or err))
    return path


def render_to_printer(pdf: bytes, printer: QPrinter, progress: Callable[[int, int], None],
                      cancelled: Callable[[], bool]) -> int:
    """Every page of `pdf` onto `printer`, drawn on white. Runs on a worker thread (QPainter may
    paint on a QPrinter outside the GUI thread); the document is made and freed there too."""
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    pages = document.pageCount()
    if pages == 0:
        raise UserError(QCoreApplication.translate("PdfPreviewDialog",
                                                   "The PDF to print cannot be read."))
    painter = QPainter(printer)
    try:
        for page in range(pages):
            if cancelled():
                printer.abort()
                raise UserError(QCoreApplication.translate("PdfPreviewDialog",
                                                           "Printing cancelled."))
            if page:
                printer.newPage()
            area = painter.viewport()
            points = document.pagePointSize(page)
            fit = min(area.width() / points.width(), area.height() / points.height())
            dpi = min(printer.resolution(), PRINT_DPI)
            size = QSize(int(points.width() * dpi / 72), int(points.height() * dpi / 72))
            sheet = QImage(size, QImage.Format.Format_RGB32)
            sheet.fill(Qt.GlobalColor.white)
            sheet_painter = QPainter(sheet)
            sheet_painter.drawImage(0, 0, document.render(page, size))
            sheet_painter.end()
            painter.drawImage(QRect(area.x(), area.y(), int(points.width() * fit),
                                    int(points.height() * fit)), sheet)
            progress(page + 1, pages)
    finally:
        painter.end()
        document.close()
    return pages


class PdfPreviewDialog(QDialog):
    printed = Signal(int)  # pages sent to the printer
    saved = Signal(object)  # the Path the PDF was saved to

    def __init__(self, ops: Ops, pdf: bytes, title: str, filename: str, parent=None):
        super().__init__(parent)
        self.ops, self.pdf, self.filename = ops, pdf, filename
        self.setObjectName("pdfPreviewDialog")
        self.setWindowTitle(title)
        fit_to_screen(self, 900, 760)  # smaller on a laptop screen
        self._bytes = QByteArray(pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        zoom = QHBoxLayout()
        for name, text, slot in (
                ("zoomOutButton", self.tr("Zoom out (Ctrl+-)"), lambda: self.zoom_by(1 / ZOOM_STEP)),
                ("zoomInButton", self.tr("Zoom in (Ctrl++)"), lambda: self.zoom_by(ZOOM_STEP)),
                ("zoomFitButton", self.tr("Whole page (Ctrl+0)"), self.zoom_fit)):
            zoom.addWidget(make_button(self, name, text, slot))
        self.zoom_label = QLabel(self)
        self.zoom_label.setObjectName("zoomLabel")
        zoom.addWidget(self.zoom_label)
        zoom.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = QPushButton(self.tr("Save as PDF…"), self)
        self.save_button.setObjectName("savePdfButton")
        self.print_button = QPushButton(self.tr("Print… (Ctrl+P)"), self)
        self.print_button.setObjectName("printPdfButton")
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        QShortcut(QKeySequence.StandardKey.Print, self, self._on_print_button_clicked)
        layout = QVBoxLayout(self)
        layout.addLayout(zoom)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self._show_zoom()

    # -- zoom -----------------------------------------------------------------------------------------
    def _fit_factor(self) -> float:
        """The zoom factor at which a whole page fits the view (QPdfView's 1.0 is 100 %)."""
        points = self.document.pagePointSize(0)
        if points.width() <= 0 or points.height() <= 0:
            return 1.0
        scale = self.view.logicalDpiX() / 72
        area = self.view.viewport().size()
        return min(area.width() / (points.width() * scale),
                   area.height() / (points.height() * scale))

    def zoom_by(self, step: float) -> None:
        current = (self.view.zoomFactor() if self.view.zoomMode() == QPdfView.ZoomMode.Custom
                   else self._fit_factor())
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(MAX_ZOOM, max(MIN_ZOOM, current * step)))
        self._show_zoom()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Ctrl++ (or Ctrl+=), Ctrl+- and Ctrl+0, wherever the focus is in the preview."""
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            key = event.key()
            if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
                return self.zoom_by(ZOOM_STEP)
            if key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
                return self.zoom_by(1 / ZOOM_STEP)
            if key == Qt.Key.Key_0:
                return self.zoom_fit()
        super().keyPressEvent(event)

    def zoom_fit(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self._show_zoom()

    def _show_zoom(self) -> None:
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom:
            self.zoom_label.setText(f"{self.view.zoomFactor():.0%}")
        else:
            self.zoom_label.setText(self.tr("whole page"))

    # -- dialogs (methods, so tests can replace them) ---------------------------------------------
    def ask_save_path(self) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), self.filename,
                                              self.tr("PDF (*.pdf)"))
        return Path(path) if path else None

    def ask_printer(self) -> QPrinter | None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        points = self.document.pagePointSize(0)
        printer.setPageSize(QPageSize(QSizeF(points), QPageSize.Unit.Point))
        printer.setPageOrientation(QPageLayout.Orientation.Landscape
                                   if points.width() > points.height()
                                   else QPageLayout.Orientation.Portrait)
        dialog = QPrintDialog(printer, self)
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None

    def inform(self, text: str) -> None:
        QMessageBox.information(self, self.windowTitle(), text)

    # -- work ---------------------------------------------------------------------------------------
    def save_to(self, path: Path) -> None:
        data = self.pdf
        self.ops.read(lambda _s: write_file(path, data), parent=self) \
            .success(self._saved).run()

    def print_to(self, printer: QPrinter) -> None:
        pdf = self.pdf
        self.print_button.setEnabled(False)
        self.ops.read(lambda _s, progress, cancelled: render_to_printer(
            pdf, printer, progress, cancelled), parent=self) \
            .with_progress(self.tr("Printing…"), self) \
            .success(self._printed).failure(self._print_failed).run()

    def _saved(self, path: Path) -> None:
        self.saved.emit(path)
        self.inform(self.tr("Saved to {0}").format(path))

    def _printed(self, pages: int) -> None:
        self.print_button.setEnabled(True)
        self.printed.emit(pages)

    def _print_failed(self, err: BaseException) -> None:
        self.print_button.setEnabled(True)
        show_error(self, err)

    # -- slots ----------------------------------------------------------------------------------------
    def _on_save_button_clicked(self) -> None:
        path = self.ask_save_path()
        if path is not None:
            self.save_to(path)

    def _on_print_button_clicked(self) -> None:
        printer = self.ask_printer()
        if printer is not None:
            self.print_to(printer)
