"""核验凭证 (city office): where a scanner types a paper voucher's QR code, and the verdict —
genuine, altered, voided or unknown — against the townships' merged payments.

The city's figures and township table are the overview tab's (全市汇总 at the city office,
views/overview_tab.py), with its year report PDF and Excel: one place, not two."""
from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from union_desk.domain.money import format_fen
from union_desk.services.exchange.vouchers import Verdict, VoucherCheck, verify_voucher
from union_desk.views.ops import Ops
from union_desk.views.panel import Panel

_VERDICT_COLOURS = {Verdict.GENUINE: "#1b7f3b", Verdict.ALTERED: "#b3261e",
                    Verdict.VOIDED: "#b3261e", Verdict.UNKNOWN: "#8a6d00"}


class VoucherCheckTab(Panel):
    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(ops, "voucherCheckTab", parent)
        self.qr = QLineEdit(self)
        self.qr.setObjectName("voucherQr")
        self.qr.setPlaceholderText(self.tr("Scan a voucher's QR code here (or type it), then Enter"))
        self.verdict = QLabel(self)
        self.verdict.setObjectName("voucherVerdict")
        self.verdict.setWordWrap(True)
        check = QGroupBox(self.tr("Check a paper voucher"), self)
        box = QVBoxLayout(check)
        box.addWidget(QLabel(self.tr(
            "A township's voucher carries a QR code with its number, amount and a check code. "
            "The check tells whether the paper matches the payment the township sent."), check))
        box.addWidget(self.qr)
        box.addWidget(self.verdict)
        layout = QVBoxLayout(self)
        layout.addWidget(check)
        layout.addStretch(1)
        self.qr.returnPressed.connect(self._on_qr_return_pressed)

    def title(self) -> str:
        return self.tr("Check vouchers")

    def _on_qr_return_pressed(self) -> None:
        text = self.qr.text()
        if not text.strip():
            return
        self.ops.read(lambda s: verify_voucher(s, text=text)) \
            .latest((id(self), "qr")).success(self._show_check).run()

    def _show_check(self, check: VoucherCheck) -> None:
        parts = [f"{check.verdict.value}：{check.message}"]
        if check.voucher_no:
            parts.append(self.tr("Voucher {0}, {1}").format(check.voucher_no, check.township))
        if check.recipient:
            parts.append(self.tr("Recipient {0}, amount on file {1}, paid on {2}").format(
                check.recipient, format_fen(check.amount_on_file_fen or 0), check.paid_on))
        if check.amount_fen is not None:
            parts.append(self.tr("Amount in the QR code {0}").format(format_fen(check.amount_fen)))
        self.verdict.setText("\n".join(parts))
        self.verdict.setStyleSheet(f"color: {_VERDICT_COLOURS[check.verdict]}; font-weight: bold")
        self.qr.selectAll()
