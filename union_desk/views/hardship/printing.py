"""Printing vouchers and sign-off sheets: the PDF is made off the GUI thread (counting nothing;
vouchers printed before say 补打), previewed in the window, then printed through Qt's print
dialog — page by page off the GUI thread, with progress and cancel — or saved as a PDF.

Vouchers count as printed only when they are printed: the preview's first successful print records
that rendering as one output (`record_printed`); printing it again adds nothing, since it is the
same document with the same marks. Saving the preview as a PDF counts nothing (a file to keep
or send is not the paper original: the first real print is not stamped 补打); closing the
preview counts nothing."""
from __future__ import annotations

import io
from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QWidget

from union_desk.services.changes import Change
from union_desk.services.hardship.vouchers import (
    PrintResult, print_signoff, record_printed, render_vouchers_pdf,
)
from union_desk.views.ops import Ops, show_error
from union_desk.views.pdf_preview import PdfPreviewDialog


class VoucherPreviewDialog(PdfPreviewDialog):
    """The form preview, with what it holds (vouchers, reprints, voided) above it; its first
    print counts its vouchers as printed (saving a PDF does not)."""

    recorded = Signal(int)  # the vouchers just counted as printed

    def __init__(self, ops: Ops, pdf: bytes, result: PrintResult, title: str, filename: str,
                 parent=None):
        super().__init__(ops, pdf, title, filename, parent)
        self.setObjectName("voucherPreviewDialog")
        self.result = result
        self.counted = not result.payment_ids  # a sign-off sheet alone counts nothing
        self.summary = QLabel(self._summary(result), self)
        self.summary.setObjectName("printSummary")
        self.summary.setWordWrap(True)
        self.layout().insertWidget(0, self.summary)
        self.printed.connect(self._on_self_printed)

    def record_output(self) -> None:
        """This rendering left the app: count its vouchers once (a write, off the GUI thread)."""
        if self.counted:
            return
        self.counted = True
        ids = list(self.result.payment_ids)
        self.ops.write(lambda s: record_printed(s, payment_ids=ids), changes={Change.PAYMENTS},
                       parent=self).success(self._recorded).failure(self._record_failed).run()

    def _recorded(self, count: int) -> None:
        self.summary.setText(self._summary(self.result))
        self.recorded.emit(count)

    def _record_failed(self, err: BaseException) -> None:
        self.counted = False  # the next print tries again
        show_error(self, err)

    def _on_self_printed(self, _pages: int) -> None:
        self.record_output()

    def _summary(self, r: PrintResult) -> str:
        parts = [self.tr("{0} pages").format(r.pages)]
        if r.vouchers:
            parts.append(self.tr("{0} vouchers").format(len(r.vouchers)))
        if r.reprinted:
            parts.append(self.tr("{0} marked as reprints (补打)").format(len(r.reprinted)))
        if r.voided:
            parts.append(self.tr("{0} voided (作废)").format(len(r.voided)))
        if r.drafts:
            parts.append(self.tr("{0} drafts marked 未审核, waiting for review: not vouchers, "
                                 "not counted as printed").format(len(r.drafts)))
        if r.signoff_lines:
            parts.append(self.tr("sign-off sheet of {0} recipients").format(r.signoff_lines))
        if r.vouchers:
            parts.append(self.tr("counted as printed") if self.counted else
                         self.tr("counted as printed once printed (saving a PDF does not count)"))
        return self.tr("; ").join(parts)


class VoucherPrinting(QObject):
    """Makes the PDF of chosen payments and opens its preview (which counts the printing)."""

    preview_opened = Signal(object)  # the VoucherPreviewDialog

    def __init__(self, ops: Ops, parent: QWidget):
        super().__init__(parent)
        self.ops, self.widget = ops, parent
        self.last_preview: VoucherPreviewDialog | None = None

    def vouchers(self, select: Callable, *, signoff: bool, title: str, filename: str) -> None:
        """`select(session)` gives the payments to print, in order."""
        def make(s, progress, cancelled):
            buffer = io.BytesIO()
            result = render_vouchers_pdf(s, target=buffer, payments=select(s), signoff=signoff,
                                         progress=progress, cancelled=cancelled)
            return buffer.getvalue(), result

        # a write only because the first voucher ever made creates the QR key; nothing changes
        self.ops.write(make, changes=set(), parent=self.widget) \
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
