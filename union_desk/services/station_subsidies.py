"""Station subsidies: the one-off build grant and running subsidies, as amounts and dates.

They are recorded here on their own; joining them to the payment/voucher machinery of the
hardship area is a later step (the rows carry everything a payment needs: kind, amount, date).
"""
from __future__ import annotations

from datetime import date

from sqlmodel import Session, select

from union_desk.domain.money import MAX_FEN
from union_desk.models.base import utcnow
from union_desk.models.stations import Station, StationSubsidy, SubsidyKind, SubsidyRow
from union_desk.services.errors import UserError


def _row(s: StationSubsidy) -> SubsidyRow:
    return SubsidyRow(id=s.id, station_id=s.station_id, kind=s.kind, amount_fen=s.amount_fen,
                      paid_on=s.paid_on, note=s.note)


def add_subsidy(session: Session, *, station_id: str, kind: SubsidyKind, amount_fen: int,
                paid_on: date, note: str = "", today: date | None = None) -> SubsidyRow:
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
    if kind == SubsidyKind.BUILD and any(r.kind == SubsidyKind.BUILD
                                         for r in _live(session, station_id)):
        raise UserError("该驿家已有建设补助（一次性），如需更正请先作废原记录", field="kind")
    note = " ".join((note or "").split())
    if len(note) > 200:
        raise UserError("备注不能超过200个字", field="note")
    subsidy = StationSubsidy(station_id=station_id, kind=kind, amount_fen=amount_fen,
                             paid_on=paid_on, note=note)
    session.add(subsidy)
    session.flush()
    return _row(subsidy)


def _live(session: Session, station_id: str) -> list[StationSubsidy]:
    return list(session.exec(select(StationSubsidy)
                             .where(StationSubsidy.station_id == station_id,
                                    StationSubsidy.deleted_at.is_(None))
                             .order_by(StationSubsidy.paid_on, StationSubsidy.created_at)).all())


def list_subsidies(session: Session, *, station_id: str) -> list[SubsidyRow]:
    return [_row(s) for s in _live(session, station_id)]


def void_subsidy(session: Session, *, subsidy_id: str) -> None:
    """Withdraw a wrongly entered subsidy (tombstoned: it stays in the audit trail)."""
    subsidy = session.get(StationSubsidy, subsidy_id)
    if subsidy is None or subsidy.deleted_at is not None:
        raise UserError("找不到该补助记录", field="subsidy_id")
    subsidy.deleted_at = utcnow()
    session.flush()

