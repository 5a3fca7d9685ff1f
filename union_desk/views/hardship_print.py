"""Printing vouchers and sign-off sheets: the PDF is made off the GUI thread (each voucher
counted as printed, so the next print of it says 补打), previewed in the window, then printed
through Qt's print dialog — page by page off the GUI thread, with progress and cancel — or
saved as a PDF."""
from __future__ import annotations

import io
from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QWidget

from union_desk.services.vouchers import PrintResult, print_signoff, print_vouchers
from union_desk.views.ops import Ops
from union_desk.views.pdf_preview import PdfPreviewDialog


class VoucherPreviewDialog(PdfPreviewDialog):
    """The form preview, with what was printed (vouchers, reprints, voided) above it."""

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
