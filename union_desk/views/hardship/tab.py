"""困难帮扶: household files with their pages (members, visits, payments), and the payments list
with its totals, campaigns and printed vouchers."""
from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from union_desk.services.hardship import payments
from union_desk.views.hardship.households import HouseholdsPanel
from union_desk.views.hardship.payments import PaymentsPanel
from union_desk.views.hardship.printing import VoucherPrinting
from union_desk.views.ops import Ops
from union_desk.views.tab_titles import tab_title


class HardshipTab(QWidget):
    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.setObjectName("hardshipTab")
        self.printing = VoucherPrinting(ops, self)
        self.households = HouseholdsPanel(ops, self)
        self.payments = PaymentsPanel(ops, self.printing, self)
        self.pages = QTabWidget(self)
        self.pages.setObjectName("hardshipPages")
        self.pages.addTab(self.households, self.tr("Household files"))
        self.pages.addTab(self.payments, self.tr("Payments"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        self.households.print_requested.connect(self._on_households_print_requested)
        self.households.campaign_print_requested.connect(self.payments.print_numbers)

    def title(self) -> str:
        return tab_title("hardshipTab")

    def _on_households_print_requested(self, numbers: list[str]) -> None:
        self.printing.vouchers(lambda s: payments.payments_by_numbers(s, voucher_nos=numbers),
                               signoff=False, title=self.tr("Vouchers"),
                               filename="慰问金发放凭证.pdf")
