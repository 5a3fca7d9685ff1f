"""the exchange with the city office: key material, trusted signing keys, merge history, review
queue; what is unique within a township is unique per township (the indexes carry the township
code), so the city database can hold the 16 townships' rows side by side

Revision ID: 0009
Revises: 0008
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

from union_desk.models.base import UTCDateTime

revision: str = "0009"
down_revision: Union[str, Sequence[str], None] = "0008"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

# (index, table, columns before, columns after, partial WHERE)
_PER_TOWNSHIP = [
    ("ux_member_id_number", "member", ["id_number"], "deleted_at IS NULL"),
    ("ux_member_card_no", "member", ["card_no"], "card_no IS NOT NULL AND deleted_at IS NULL"),
    ("ux_payment_voucher_no", "payment", ["voucher_no"], None),
    ("ux_station_code", "station", ["code"], None),
    ("ux_trip_campaign_name", "trip_campaign", ["name"], "deleted_at IS NULL"),
]


def _record_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(length=32), nullable=False),
        sa.Column("township", sa.String(length=8), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
    ]


def _enum(*values: str) -> sa.Enum:
    return sa.Enum(*values, native_enum=False, length=16)


def upgrade() -> None:
    op.create_table(
        "exchange_key", *_record_columns(),
        sa.Column("purpose", _enum("签名", "市总解密", "市总公钥", "凭证校验"), nullable=False),
        sa.Column("owner", sa.String(length=100), nullable=False),
        sa.Column("public_key", sa.String(length=128), nullable=False),
        sa.Column("secret", sa.String(length=128), nullable=True),
        sa.Column("fingerprint", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id"))
    op.create_index("ix_exchange_key_township", "exchange_key", ["township"])
    op.create_index("ix_exchange_key_purpose", "exchange_key", ["purpose", "owner"])

    op.create_table(
        "exchange_signer", *_record_columns(),
        sa.Column("installation_id", sa.String(length=32), nullable=False),
        sa.Column("source_township", sa.String(length=8), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(length=32), nullable=False),
        sa.Column("status", _enum("已信任", "待确认", "已停用"), nullable=False),
        sa.Column("last_sequence", sa.Integer(), nullable=False),
        sa.Column("decided_by", sa.String(length=40), nullable=False),
        sa.Column("decided_at", UTCDateTime(), nullable=True),
        sa.Column("decision", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id"))
    op.create_index("ix_exchange_signer_township", "exchange_signer", ["township"])
    op.create_index("ix_exchange_signer_source_township", "exchange_signer", ["source_township"])
    op.create_index("ux_exchange_signer_key", "exchange_signer", ["public_key"], unique=True)

    op.create_table(
        "exchange_merge", *_record_columns(),
        sa.Column("file_name", sa.String(length=260), nullable=False),
        sa.Column("package_sha256", sa.String(length=64), nullable=False),
        sa.Column("installation_id", sa.String(length=32), nullable=False),
        sa.Column("source_township", sa.String(length=8), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("made_at", UTCDateTime(), nullable=True),
        sa.Column("outcome", _enum("已合并", "较旧未覆盖", "已拒收"), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("counts", sa.String(), nullable=False),
        sa.Column("signer_fingerprint", sa.String(length=32), nullable=False),
        sa.Column("merged_by", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id"))
    op.create_index("ix_exchange_merge_township", "exchange_merge", ["township"])
    op.create_index("ix_exchange_merge_source_township", "exchange_merge", ["source_township"])

    op.create_table(
        "review_item", *_record_columns(),
        sa.Column("kind", _enum("两地在册", "两地帮扶", "凭证金额不符"), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("townships", sa.String(length=100), nullable=False),
        sa.Column("summary", sa.String(length=500), nullable=False),
        sa.Column("status", _enum("待复核", "已处理"), nullable=False),
        sa.Column("resolution", sa.String(length=500), nullable=False),
        sa.Column("resolved_by", sa.String(length=40), nullable=False),
        sa.Column("resolved_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id"))
    op.create_index("ix_review_item_township", "review_item", ["township"])
    op.create_index("ix_review_item_status", "review_item", ["status"])
    op.create_index("ux_review_item_key", "review_item", ["kind", "subject"], unique=True)

    for name, table, columns, where in _PER_TOWNSHIP:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, [*columns, "township"], unique=True,
                        sqlite_where=sa.text(where) if where else None,
                        postgresql_where=sa.text(where) if where else None)

    # at the city, one township's payments of a year (the per-township figures)
    op.create_index("ix_payment_township_paid_on", "payment", ["township", "paid_on"])

    # station_counter.prefix was an unnamed UNIQUE constraint: rebuild the table without it
    op.create_table(
        "_station_counter_new", *_record_columns(),
        sa.Column("prefix", sa.String(length=16), nullable=False),
        sa.Column("last_seq", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"))
    op.execute("INSERT INTO _station_counter_new (id, township, created_at, updated_at, "
               "deleted_at, prefix, last_seq) SELECT id, township, created_at, updated_at, "
               "deleted_at, prefix, last_seq FROM station_counter")
    op.drop_table("station_counter")
    op.rename_table("_station_counter_new", "station_counter")
    op.create_index("ix_station_counter_township", "station_counter", ["township"])
    op.create_index("ux_station_counter_prefix", "station_counter", ["prefix", "township"],
                    unique=True)


def downgrade() -> None:
    op.drop_index("ix_payment_township_paid_on", table_name="payment")
    op.drop_index("ux_station_counter_prefix", table_name="station_counter")
    for name, table, columns, where in _PER_TOWNSHIP:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, columns, unique=True,
                        sqlite_where=sa.text(where) if where else None,
                        postgresql_where=sa.text(where) if where else None)
    op.create_index("ux_station_counter_prefix", "station_counter", ["prefix"], unique=True)
    for table in ("review_item", "exchange_merge", "exchange_signer", "exchange_key"):
        op.drop_table(table)
