"""Paged table models of the hardship tab: household files and payments (SQL-side filter,
sort and paging through the services; ID numbers masked)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from union_desk.domain.money import format_fen
from union_desk.models.payment import PaymentReview, PaymentStatus
from union_desk.services.hardship.household_search import (HouseholdFilter, count_households,
                                                  search_households, unreviewed_households)
from union_desk.services.hardship.payment_search import PaymentFilter, count_payments, list_payments
from union_desk.views.ops import Ops
from union_desk.views.paged_model import Column, PagedTableModel

_VOID_COLOR = QColor("#9a9a9a")


def _day(value) -> str:
    return f"{value:%Y-%m-%d}" if value else ""


def fetch_households(session, query: dict, offset: int, limit: int, sort, descending: bool):
    """One page of household files; `unreviewed` lists the files due for their yearly review
    (in 在档/返困, oldest review first) instead of the filtered list."""
    query = dict(query)
    if query.pop("unreviewed", False):
        return unreviewed_households(session, limit=offset + limit)[offset:]
    return search_households(session, flt=HouseholdFilter(**query), sort=sort or "name",
                             descending=descending, offset=offset, limit=limit)


def count_household_rows(session, query: dict) -> int:
    query = dict(query)
    if query.pop("unreviewed", False):
        return len(unreviewed_households(session))
    return count_households(session, flt=HouseholdFilter(**query))


def _review_text(r) -> str:
    if r.review == PaymentReview.APPROVED:
        return f"{r.review.value} {r.approved_by}"
    if r.review == PaymentReview.PENDING:  # who entered it: nobody approves their own
        return f"{r.review.value}（{r.entered_by}录入）" if r.entered_by else r.review.value
    return ""


def fetch_payments(session, query: dict, offset: int, limit: int, sort, descending: bool):
    return list_payments(session, flt=PaymentFilter(**query), sort=sort or "voucher_no",
                         descending=descending, offset=offset, limit=limit)


def count_payment_rows(session, query: dict) -> int:
    return count_payments(session, flt=PaymentFilter(**query))


class HouseholdsModel(PagedTableModel):
    # the figures the clerk weighs first, the long union name towards the end
    (COL_NAME, COL_ID, COL_CATEGORY, COL_STATUS, COL_PERSONS, COL_INCOME, COL_CAUSE, COL_UNION,
     COL_REVIEWED) = range(9)

    def __init__(self, ops: Ops, parent=None):
        columns = [
            Column(self.tr("Name"), lambda r: r.member_name, "name"),
            Column(self.tr("ID number"), lambda r: str(r.member_id_number)),
            Column(self.tr("Category"), lambda r: r.category.value, "category"),
            Column(self.tr("Status"), lambda r: r.status.value, "status"),
            Column(self.tr("Persons"), lambda r: str(r.person_count), "persons",
                   value=lambda r: r.person_count, align_right=True),
            Column(self.tr("Income per head"), lambda r: format_fen(r.income_per_head_fen),
                   "income", value=lambda r: r.income_per_head_fen, align_right=True),
            Column(self.tr("Main cause"), lambda r: r.main_cause),
            Column(self.tr("Union"), lambda r: r.union_name, "union"),
            Column(self.tr("Last review"), lambda r: _day(r.reviewed_on), "reviewed_on"),
        ]
        super().__init__(ops, columns, fetch_households, parent=parent)


class PaymentsModel(PagedTableModel):
    """Voided payments stay in the list, greyed, marked 作废; the column beside the status says
    who approved a payment, or that it waits for review and who entered it (凭证须经审核)."""

    (COL_VOUCHER, COL_PAID_ON, COL_RECIPIENT, COL_ID, COL_UNIT, COL_OCCASION, COL_AMOUNT,
     COL_METHOD, COL_STATUS, COL_REVIEW, COL_PRINTED, COL_NOTE) = range(12)

    def __init__(self, ops: Ops, parent=None):
        columns = [
            Column(self.tr("Voucher no."), lambda r: r.voucher_no, "voucher_no"),
            Column(self.tr("Paid on"), lambda r: _day(r.paid_on), "paid_on"),
            Column(self.tr("Recipient"), lambda r: r.recipient_name, "recipient"),
            Column(self.tr("ID number"), lambda r: r.recipient_credit_code or str(r.recipient_id_number)),
            Column(self.tr("Unit"), lambda r: r.recipient_unit),
            Column(self.tr("Occasion"), lambda r: r.occasion, "occasion"),
            Column(self.tr("Amount"), lambda r: format_fen(r.amount_fen), "amount",
                   value=lambda r: r.amount_fen, align_right=True),
            Column(self.tr("Method"), lambda r: r.method.value),
            Column(self.tr("Status"), lambda r: r.status.value, "status"),
            Column(self.tr("Review"), _review_text),
            Column(self.tr("Printed"), lambda r: str(r.printed_count) if r.printed_count else "",
                   value=lambda r: r.printed_count, align_right=True),
            Column(self.tr("Void reason / note"), lambda r: r.void_reason or r.note),
        ]
        super().__init__(ops, columns, fetch_payments, parent=parent)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            if self.row_at(index.row()).status == PaymentStatus.VOID:
                return _VOID_COLOR
            return None
        return super().data(index, role)
