"""Which signing keys the city trusts: the first package of a township registers its key (trust
on first use, fingerprint shown); another key for that township is refused until a person at the
city office accepts it (a replaced laptop), and that decision is recorded and audited.

A township's signers change only under that township's lock (`township_lock`: its merges, and
the acceptance of a new key), and their rows are read FOR UPDATE, so a key retired at one desk is
never used by a merge running at another."""
from __future__ import annotations

import sqlalchemy as sa
from sqlmodel import Session

from union_desk.db import hold_lock
from union_desk.domain.townships import township_by_code
from union_desk.models.base import utcnow
from union_desk.models.exchange import ExchangeSigner, SignerRow, SignerStatus
from union_desk.services.errors import UserError
from union_desk.services.exchange.package import Manifest


class NewKeyForTownship(UserError):
    """A package of a known township signed by a key the city has not accepted yet."""


def township_lock(township: str) -> str:
    """The name of the lock a township's merges and signer decisions hold."""
    return f"exchange-township:{township}"


def _signer(session: Session, public_key: str) -> ExchangeSigner | None:
    return session.execute(sa.select(ExchangeSigner).where(
        ExchangeSigner.public_key == public_key).with_for_update()).scalars().first()


def check_signer(session: Session, *, manifest: Manifest, package: str) -> tuple[ExchangeSigner, bool]:
    """The trusted signer of this package (registered now if it is the township's first key:
    second value True). Raises UserError when the key is not (or no longer) trusted."""
    m = manifest
    town = township_by_code(m.township).name
    signer = _signer(session, m.signing_key)
    if signer is None:
        trusted = session.execute(sa.select(ExchangeSigner.fingerprint).where(
            ExchangeSigner.source_township == m.township,
            ExchangeSigner.status == SignerStatus.TRUSTED)).scalars().all()
        if trusted:
            raise NewKeyForTownship(
                f"{package}：{town}的数据包由另一个签名密钥签名（指纹 {m.signing_fingerprint}，"
                f"已登记 {'、'.join(trusted)}）。如确是换了电脑，请电话核对指纹后运行 "
                f"union-desk exchange accept-key {m.signing_fingerprint} --reason 说明，再合并")
        signer = ExchangeSigner(installation_id=m.installation_id, source_township=m.township,
                                public_key=m.signing_key, fingerprint=m.signing_fingerprint,
                                status=SignerStatus.TRUSTED, decided_at=utcnow(),
                                decided_by=session.info.get("actor", ""),
                                decision="首次收到该乡镇数据包，自动登记（首次信任）")
        session.add(signer)
        session.flush()
        return signer, True
    if signer.source_township != m.township:
        raise UserError(f"{package}：该签名密钥登记属于 {township_by_code(signer.source_township).name}，"
                        f"不能签署{town}的数据包")
    if signer.status == SignerStatus.PENDING:
        raise UserError(f"{package}：签名密钥（指纹 {signer.fingerprint}）尚待确认：请电话核对后运行 "
                        f"union-desk exchange accept-key {signer.fingerprint} --reason 说明")
    if signer.status == SignerStatus.RETIRED:
        raise UserError(f"{package}：签名密钥（指纹 {signer.fingerprint}）已于更换电脑时停用")
    return signer, False


def record_pending(session: Session, *, manifest: Manifest) -> None:
    """A refused package signed by a new key for a known township: keep the key as pending, so a
    person can accept it by its fingerprint."""
    m = manifest
    if _signer(session, m.signing_key) is None:
        session.add(ExchangeSigner(installation_id=m.installation_id, source_township=m.township,
                                   public_key=m.signing_key, fingerprint=m.signing_fingerprint,
                                   status=SignerStatus.PENDING))
        session.flush()


def accept_key(session: Session, *, fingerprint: str, reason: str) -> SignerRow:
    """Accept a pending key (the township's earlier keys are retired): a recorded decision."""
    reason = reason.strip()
    if not reason:
        raise UserError("请写明接受新签名密钥的理由（例如：电话核对指纹，乡镇更换了电脑）")
    fp = fingerprint.strip().upper()
    found = session.execute(sa.select(ExchangeSigner.source_township).where(
        ExchangeSigner.fingerprint == fp)).scalars().first()
    if found is None:
        raise UserError(f"没有指纹为 {fp} 的签名密钥（先合并一次该乡镇的新数据包，它会被记为待确认）")
    hold_lock(session, township_lock(found))  # no merge of that township runs meanwhile
    signer = session.execute(sa.select(ExchangeSigner).where(
        ExchangeSigner.fingerprint == fp).with_for_update()).scalars().first()
    if signer.status != SignerStatus.PENDING:
        raise UserError(f"指纹为 {fp} 的签名密钥状态为{signer.status.value}，无需确认")
    now, actor = utcnow(), session.info.get("actor", "")
    for old in session.execute(sa.select(ExchangeSigner).where(
            ExchangeSigner.source_township == signer.source_township,
            ExchangeSigner.status == SignerStatus.TRUSTED).with_for_update()).scalars():
        old.status, old.decided_by, old.decided_at = SignerStatus.RETIRED, actor, now
        old.decision = f"由新密钥 {fp} 取代：{reason}"
    signer.status, signer.decided_by, signer.decided_at = SignerStatus.TRUSTED, actor, now
    signer.decision = reason
    session.flush()
    return _row(signer)


def list_signers(session: Session) -> list[SignerRow]:
    rows = session.execute(sa.select(ExchangeSigner).order_by(
        ExchangeSigner.source_township, ExchangeSigner.created_at)).scalars()
    return [_row(s) for s in rows]


def _row(s: ExchangeSigner) -> SignerRow:
    return SignerRow(id=s.id, installation_id=s.installation_id,
                     source_township=s.source_township, fingerprint=s.fingerprint,
                     status=s.status, last_sequence=s.last_sequence, decided_by=s.decided_by,
                     decided_at=s.decided_at, decision=s.decision)
