"""The exchange between townships and the city office: key material, the city's trusted signing
keys, merge history and review queue (复核清单).

Private keys live only in `exchange_key` and are written there through Core (never through the
ORM, whose audit hook would copy every column into the audit trail). A package snapshot drops
this table's rows before it leaves the township (services/exchange/snapshot.py).
"""
from __future__ import annotations

from datetime import datetime
from enum import Enum

import sqlalchemy as sa
from pydantic import BaseModel
from sqlmodel import Field

from union_desk.models.base import RecordBase, UTCDateTime, enum_type


class KeyPurpose(str, Enum):
    SIGNING = "签名"  # a township installation's Ed25519 key pair (private part kept here)
    CITY = "市总解密"  # the city office's X25519 key pair (private part kept here)
    CITY_RECIPIENT = "市总公钥"  # at a township: the city office's public key, imported by hand
    VOUCHER = "凭证校验"  # at the city: a township's voucher QR secret, carried in its package


class ExchangeKey(RecordBase, table=True):
    __tablename__ = "exchange_key"
    __table_args__ = (sa.Index("ix_exchange_key_purpose", "purpose", "owner"),)

    purpose: KeyPurpose = Field(sa_type=enum_type(KeyPurpose))
    owner: str = Field(default="", max_length=100)  # city name, or township code for VOUCHER
    public_key: str = Field(default="", max_length=128)  # hex
    secret: str | None = Field(default=None, max_length=128)  # hex private key / voucher secret
    fingerprint: str = Field(default="", max_length=32)


class SignerStatus(str, Enum):
    TRUSTED = "已信任"
    PENDING = "待确认"  # another key for a township that already has one: a person decides
    RETIRED = "已停用"  # replaced by a key accepted later


class ExchangeSigner(RecordBase, table=True):
    """A township installation's signing key as the city knows it (trust on first use)."""

    __tablename__ = "exchange_signer"
    __table_args__ = (sa.Index("ux_exchange_signer_key", "public_key", unique=True),)

    installation_id: str = Field(max_length=32)
    source_township: str = Field(max_length=8, index=True)
    public_key: str = Field(max_length=64)
    fingerprint: str = Field(max_length=32)
    status: SignerStatus = Field(sa_type=enum_type(SignerStatus))
    last_sequence: int = 0
    decided_by: str = Field(default="", max_length=40)
    decided_at: datetime | None = Field(default=None, sa_type=UTCDateTime(), nullable=True)
    decision: str = Field(default="", max_length=200)


class MergeOutcome(str, Enum):
    MERGED = "已合并"
    OLDER = "较旧未覆盖"  # an older package of an installation after a newer one
    REFUSED = "已拒收"


class MergeRecord(RecordBase, table=True):
    """One package offered to the city database, merged or refused (merge history)."""

    __tablename__ = "exchange_merge"

    file_name: str = Field(max_length=260)
    package_sha256: str = Field(default="", max_length=64)
    installation_id: str = Field(default="", max_length=32)
    source_township: str = Field(default="", max_length=8, index=True)
    sequence: int = 0
    made_at: datetime | None = Field(default=None, sa_type=UTCDateTime(), nullable=True)
    outcome: MergeOutcome = Field(sa_type=enum_type(MergeOutcome))
    reason: str = Field(default="", max_length=500)
    counts: str = Field(default="{}", description="JSON {table: {new, updated, unchanged, tombstoned}}")
    signer_fingerprint: str = Field(default="", max_length=32)
    merged_by: str = Field(default="", max_length=40)


class ReviewKind(str, Enum):
    MEMBER_TWO_TOWNSHIPS = "两地在册"  # same ID number active in two townships
    HOUSEHOLD_TWO_TOWNSHIPS = "两地帮扶"  # one household paid by two townships in one year
    VOUCHER_AMOUNT = "凭证金额不符"  # one voucher number, different amounts


class ReviewStatus(str, Enum):
    OPEN = "待复核"
    RESOLVED = "已处理"


class ReviewItem(RecordBase, table=True):
    __tablename__ = "review_item"
    __table_args__ = (sa.Index("ux_review_item_key", "kind", "subject", unique=True),
                      sa.Index("ix_review_item_status", "status"))

    kind: ReviewKind = Field(sa_type=enum_type(ReviewKind))
    subject: str = Field(max_length=200)  # what the item is about (ID number, voucher no., …)
    townships: str = Field(default="", max_length=100)  # codes, comma separated
    summary: str = Field(max_length=500)
    status: ReviewStatus = Field(default=ReviewStatus.OPEN, sa_type=enum_type(ReviewStatus))
    resolution: str = Field(default="", max_length=500)
    resolved_by: str = Field(default="", max_length=40)
    resolved_at: datetime | None = Field(default=None, sa_type=UTCDateTime(), nullable=True)


class ReviewRow(BaseModel):
    id: str
    kind: ReviewKind
    subject: str
    townships: str       # codes, comma separated (as stored)
    township_names: str  # the same townships by name, for people
    summary: str
    status: ReviewStatus
    resolution: str
    resolved_by: str
    resolved_at: datetime | None
    created_at: datetime


class MergeRow(BaseModel):
    id: str
    file_name: str
    installation_id: str
    source_township: str  # its code
    source_name: str      # its name, for people
    sequence: int
    made_at: datetime | None
    merged_at: datetime
    outcome: MergeOutcome
    reason: str
    counts: dict[str, dict[str, int]]
    signer_fingerprint: str
    merged_by: str


class SignerRow(BaseModel):
    id: str
    installation_id: str
    source_township: str
    fingerprint: str
    status: SignerStatus
    last_sequence: int
    decided_by: str
    decided_at: datetime | None
    decision: str


# Tables of the exchange itself: never sent in a package, never merged.
EXCHANGE_TABLES = ("exchange_key", "exchange_signer", "exchange_merge", "review_item")
