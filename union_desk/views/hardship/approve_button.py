"""The payments list's 审核 (Approve) button: shown to a 审核人 or 负责人 while reviewing is on
(or payments entered under it still wait), enabled only for payments they may approve, and its
tooltip says why not — by the rule the approving service refuses by
(`services.accounts.policy.approval_refusal`), never a copy of it."""
from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget

from union_desk.models.payment import PaymentRow
from union_desk.services.accounts.policy import (
    AccountsPolicy, approval_offered, approval_refusal,
)

NAMED = 5  # refusals named in the tooltip


class ApproveButton(QPushButton):
    def __init__(self, parent: QWidget, slot):
        super().__init__(self.tr("Approve"), parent)
        self.setObjectName("approveButton")
        self.clicked.connect(lambda _checked=False: slot())
        self.hide()  # until who works and the review setting are known

    def follow(self, policy: AccountsPolicy | None, waiting: int,
               chosen: list[PaymentRow]) -> None:
        """Show, enable and explain the button for the account working and the chosen rows."""
        offered = policy is not None and approval_offered(policy, waiting=waiting)
        self.setVisible(offered)
        if not offered:
            return
        refusals = [(p.voucher_no, why) for p in chosen
                    if (why := approval_refusal(policy.current, p))]
        if not chosen:
            tip = self.tr("Choose the payments waiting for review (status 待审核), then approve "
                          "them.")
        elif refusals:
            tip = "\n".join(f"{number}：{why}" for number, why in refusals[:NAMED])
            if len(refusals) > NAMED:
                tip += "\n" + self.tr("… and {0} more").format(len(refusals) - NAMED)
        else:
            tip = self.tr("Approve the {0} chosen payments: your name and today's date go on "
                          "their vouchers").format(len(chosen))
        self.setEnabled(bool(chosen) and not refusals)
        self.setToolTip(tip)
