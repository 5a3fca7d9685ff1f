"""Printing vouchers and sign-off sheets: the PDF is made off the GUI thread (each voucher
counted as printed, so the next print of it says 补打), previewed in the window, then printed
through Qt's print dialog — page by page off the GUI thread, with progress and cancel — or
saved as a PDF."""
from __future__ import annotations

import io
from typing import Callable

from PySide6.QtCore import (QBuffer, QByteArray, QCoreApplication, QIODevice, QObject, QRect,
                            QSize, QSizeF, Qt, Signal)
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from union_desk.services.errors import UserError
from union_desk.services.vouchers import PrintResult, print_signoff, print_vouchers
from union_desk.views.ops import Ops
from union_desk.views.stations_preview import PdfPreviewDialog

PRINT_DPI = 300  # enough for text and the QR code; 1200 dpi pages would take ~0.5 GB each


def render_to_printer(pdf: bytes, printer: QPrinter, progress: Callable[[int, int], None],
                      cancelled: Callable[[], bool]) -> int:
    """Every page of `pdf` onto `printer`, drawn on white (QtPdf renders transparent images).
    Runs in a worker thread: QPainter may paint on a QPrinter outside the GUI thread."""
    data = QByteArray(pdf)
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    pages = document.pageCount()
    if pages == 0:
        raise UserError(QCoreApplication.translate("VoucherPreviewDialog",
                                                   "The PDF to print cannot be read."))
    painter = QPainter(printer)
    try:
        for page in range(pages):
            if cancelled():
                printer.abort()
                raise UserError(QCoreApplication.translate("VoucherPreviewDialog",
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
            target = QRect(area.x(), area.y(), int(points.width() * fit),
                           int(points.height() * fit))
            painter.drawImage(target, sheet)
            progress(page + 1, pages)
    finally:
        painter.end()
        document.close()
    return pages


class VoucherPreviewDialog(PdfPreviewDialog):
    """The stations' QtPdf preview, printing off the GUI thread, with what was printed above."""

    printed = Signal(int)  # pages sent to the printer

    def __init__(self, ops: Ops, pdf: bytes, result: PrintResult, title: str, filename: str,
                 parent=None):
        super().__init__(ops, pdf, title, filename, parent)
        self.setObjectName("voucherPreviewDialog")
        self.result = result
        self.summary = QLabel(self._summary(result), self)
        self.summary.setObjectName("printSummary")
        self.summary.setWordWrap(True)
        self.layout().insertWidget(0, self.summary)

    def _summary(self, r: PrintResult) -> str:
        parts = [self.tr("{0} pages").format(r.pages)]
        if r.vouchers:
            parts.append(self.tr("{0} vouchers").format(len(r.vouchers)))
        if r.reprinted:
            parts.append(self.tr("{0} marked as reprints (补打)").format(len(r.reprinted)))
        if r.voided:
            parts.append(self.tr("{0} voided (作废)").format(len(r.voided)))
        if r.signoff_lines:
            parts.append(self.tr("sign-off sheet of {0} recipients").format(r.signoff_lines))
        return self.tr("; ").join(parts)

    def ask_printer(self) -> QPrinter | None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        points = self.document.pagePointSize(0)
        printer.setPageSize(QPageSize(QSizeF(points), QPageSize.Unit.Point))
        printer.setPageOrientation(QPageLayout.Orientation.Landscape
                                   if points.width() > points.height()
                                   else QPageLayout.Orientation.Portrait)
        dialog = QPrintDialog(printer, self)
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None

    def print_to(self, printer: QPrinter) -> None:
        pdf = self.pdf
        self.print_button.setEnabled(False)
        self.ops.read(lambda _s, progress, cancelled: render_to_printer(
            pdf, printer, progress, cancelled), parent=self) \
            .with_progress(self.tr("Printing…"), self) \
            .success(self._printed).failure(self._print_failed).run()

    def _printed(self, pages: int) -> None:
        self.print_button.setEnabled(True)
        self.printed.emit(pages)

    def _print_failed(self, err: BaseException) -> None:
        from union_desk.views.ops import show_error

        self.print_button.setEnabled(True)
        show_error(self, err)


class VoucherPrinting(QObject):
    """Makes the PDF of chosen payments (a write: printing is counted) and opens its preview."""

    preview_opened = Signal(object)  # the VoucherPreviewDialog

    def __init__(self, ops: Ops, parent: QWidget):
        super().__init__(parent)
        self.ops, self.widget = ops, parent
        self.last_preview: VoucherPreviewDialog | None = None

    def vouchers(self, select: Callable, *, signoff: bool, title: str, filename: str) -> None:
        """`select(session)` gives the payments to print, in order."""
        def make(s, progress, cancelled):
            buffer = io.BytesIO()
            result = print_vouchers(s, target=buffer, payments=select(s), signoff=signoff,
                                    progress=progress, cancelled=cancelled)
            return buffer.getvalue(), result

        self.ops.write(make, changes={"payments"}, parent=self.widget) \
            .with_progress(self.tr("Preparing the vouchers…"), self.widget) \
            .success(lambda done: self._preview(*done, title, filename)).run()

    def signoff(self, select: Callable, *, title: str, filename: str) -> None:
        def make(s, progress, cancelled):
            buffer = io.BytesIO()
            result = print_signoff(s, target=buffer, payments=select(s), progress=progress,
                                   cancelled=cancelled)
            return buffer.getvalue(), result

        self.ops.read(make, parent=self.widget) \
            .with_progress(self.tr("Preparing the sign-off sheet…"), self.widget) \
            .success(lambda done: self._preview(*done, title, filename)).run()

    def _preview(self, pdf: bytes, result: PrintResult, title: str, filename: str) -> None:
        if self.last_preview is not None:
            self.last_preview.deleteLater()
        self.last_preview = VoucherPreviewDialog(self.ops, pdf, result, title, filename,
                                                 self.widget)
        self.last_preview.open()
        self.preview_opened.emit(self.last_preview)
