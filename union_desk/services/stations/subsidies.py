"""Station subsidies: the one-off build grant and running subsidies, paid to the host unit.

Recording a subsidy records, in the same transaction, a payment to the station's host unit
(services/unit_payments): it takes the next voucher number, appears in the payments list and
prints on the same voucher. Withdrawing a subsidy voids its payment with the reason (the
payment stays, marked 作废) and tombstones the subsidy row. Subsidies recorded before the
join have no payment.
"""
from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from union_desk.domain.money import MAX_FEN
from union_desk.models.base import utcnow
from union_desk.models.payment import Payment, PaymentMethod, PaymentStatus
from union_desk.models.stations import (Inspection, Station, StationStatus, StationSubsidy,
                                        SubsidyKind, SubsidyRow)
from union_desk.services.errors import UserError
from union_desk.services.hardship.payments import void_payment
from union_desk.services.hardship.unit_payments import record_unit_payment

OCCASIONS = {SubsidyKind.BUILD: "爱心驿家建设补助", SubsidyKind.RUNNING: "爱心驿家运行补助"}


def _row(s: StationSubsidy, voucher_no: str = "") -> SubsidyRow:
    return SubsidyRow(id=s.id, station_id=s.station_id, kind=s.kind, amount_fen=s.amount_fen,
                      paid_on=s.paid_on, note=s.note, payment_id=s.payment_id,
                      voucher_no=voucher_no)


def add_subsidy(session: Session, *, station_id: str, kind: SubsidyKind, amount_fen: int,
                paid_on: date, note: str = "", method: PaymentMethod = PaymentMethod.BANK,
                handler: str = "", reviewer: str = "", approver: str = "",
                today: date | None = None) -> SubsidyRow:
    station = session.get(Station, station_id)
    if station is None or station.deleted_at is not None:
        raise UserError("找不到该驿家", field="station_id")
    kind = SubsidyKind(kind)
    if isinstance(amount_fen, bool) or not isinstance(amount_fen, int):
        raise UserError("金额格式错误", field="amount")
    if not 0 < amount_fen <= MAX_FEN:
        raise UserError("补助金额应大于0", field="amount")
    if paid_on > (today or date.today()):
        raise UserError("发放日期不能晚于今天", field="paid_on")
    if kind == SubsidyKind.RUNNING:
        _check_running(session, station, paid_on)
    if kind == SubsidyKind.BUILD and any(r.kind == SubsidyKind.BUILD
                                         for r in _live(session, station_id)):
        raise UserError("该驿家已有建设补助（一次性），如需更正请先作废原记录", field="kind")
    note = " ".join((note or "").split())
    if len(note) > 200:
        raise UserError("备注不能超过200个字", field="note")
    payment = record_unit_payment(
        session, unit_name=station.host_unit or station.name,
        credit_code=station.host_credit_code if station.host_unit else "",
        unit=f"{station.name}（{station.code}）", occasion=OCCASIONS[kind],
        amount_fen=amount_fen, paid_on=paid_on, method=method, handler=handler,
        reviewer=reviewer, approver=approver, note=note)
    subsidy = StationSubsidy(station_id=station_id, kind=kind, amount_fen=amount_fen,
                             paid_on=paid_on, note=note, payment_id=payment.id)
    session.add(subsidy)
    session.flush()
    return _row(subsidy, payment.voucher_no)


def _check_running(session: Session, station: Station, paid_on: date) -> None:
    """A running subsidy keeps an open station running: not for a closed one, nor for one
    whose latest inspection (by the payment date) failed, until a re-inspection passes."""
    if station.status == StationStatus.CLOSED:
        raise UserError(f"驿家 {station.code} 已于 {station.status_date:%Y-%m-%d} 关闭，"
                        "不能再发放运行补助", field="kind")
    latest = session.exec(select(Inspection).where(
        Inspection.station_id == station.id, Inspection.deleted_at.is_(None),
        Inspection.on <= paid_on).order_by(Inspection.on.desc(),
                                           Inspection.created_at.desc())).first()
    if latest is not None and not latest.passed:
        due = f"，整改期限 {latest.fix_by:%Y-%m-%d}" if latest.fix_by else ""
        raise UserError(f"驿家 {station.code} 最近一次{latest.kind.value}（{latest.on:%Y-%m-%d}）"
                        f"不合格{due}：复验合格后才能发放运行补助", field="kind")


def _live(session: Session, station_id: str) -> list[StationSubsidy]:
    return list(session.exec(select(StationSubsidy)
                             .where(StationSubsidy.station_id == station_id,
                                    StationSubsidy.deleted_at.is_(None))
                             .order_by(StationSubsidy.paid_on, StationSubsidy.created_at)).all())


def list_subsidies(session: Session, *, station_id: str) -> list[SubsidyRow]:
    rows = _live(session, station_id)
    ids = [r.payment_id for r in rows if r.payment_id]
    numbers = dict(session.exec(select(Payment.id, Payment.voucher_no)
                                .where(Payment.id.in_(ids))).all()) if ids else {}
    return [_row(s, numbers.get(s.payment_id, "")) for s in rows]


def void_subsidy(session: Session, *, subsidy_id: str, reason: str,
                 today: date | None = None) -> None:
    """Withdraw a wrongly entered subsidy: its payment is voided with the reason (kept, marked
    作废) and the subsidy row is tombstoned (it stays in the audit trail)."""
    subsidy = session.get(StationSubsidy, subsidy_id)
    if subsidy is None or subsidy.deleted_at is not None:
        raise UserError("找不到该补助记录", field="subsidy_id")
    reason = " ".join((reason or "").split())
    if not reason:
        raise UserError("请填写作废原因", field="reason")
    if subsidy.payment_id:
        payment = session.get(Payment, subsidy.payment_id)
        if payment is not None and payment.status != PaymentStatus.VOID:
            void_payment(session, voucher_no=payment.voucher_no, reason=reason,
                         on=today or date.today())
    subsidy.deleted_at = utcnow()
    session.flush()
