"""clerk accounts (经办人 / 审核人 / 负责人) and four eyes on payments (凭证须经审核)

- `account`: one row per clerk account; it stays on the laptop (info synchronised=False: the
  city exchange leaves it out — it holds password hashes). An existing database gets no row
  here: its first-run clerk (setting "clerk") is the installation's 负责人 without a password
  until a second account is made (services/accounts/accounts.py), exactly as a new one.
- `payment.review`: 无需审核 for every payment already on file (entered before the setting
  existed, so they stay as they were), `entered_by` (the account that entered it; unknown for
  old rows), `approved_by` / `approved_at`.

Revision ID: 0014
Revises: 0009
"""
from typing import Sequence, Union

import sqlalchemy as sa
import sqlmodel  # noqa: F401  (autogenerate writes sqlmodel.sql.sqltypes.AutoString)
from alembic import op

import union_desk.models.base

revision: str = "0014"
down_revision: Union[str, Sequence[str], None] = "0009"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

UTC = union_desk.models.base.UTCDateTime
TEXT = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    op.create_table(
        "account",
        sa.Column("id", TEXT(length=32), nullable=False),
        sa.Column("township", TEXT(length=8), nullable=False),
        sa.Column("created_at", UTC(), nullable=False),
        sa.Column("updated_at", UTC(), nullable=False),
        sa.Column("deleted_at", UTC(), nullable=True),
        sa.Column("name", TEXT(length=40), nullable=False),
        sa.Column("role", sa.Enum("经办人", "审核人", "负责人", name="accountrole",
                                  native_enum=False, length=16), nullable=False),
        sa.Column("password_hash", TEXT(length=200), nullable=False),
        sa.Column("password_set_at", UTC(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("deactivated_at", UTC(), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        info={"synchronised": False},
    )
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_account_township"), ["township"], unique=False)
        batch_op.create_index("ux_account_name", ["name"], unique=True)

    with op.batch_alter_table("payment", schema=None) as batch_op:
        batch_op.add_column(sa.Column(
            "review", sa.Enum("无需审核", "待审核", "已审核", name="paymentreview",
                              native_enum=False, length=16),
            nullable=False, server_default="无需审核"))
        batch_op.add_column(sa.Column("entered_by", TEXT(length=40), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("approved_by", TEXT(length=40), nullable=False,
                                      server_default=""))
        batch_op.add_column(sa.Column("approved_at", UTC(), nullable=True))
        batch_op.create_index("ix_payment_review", ["review"], unique=False)


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN (SQLite 3.35+), not a batch copy of the table: station_subsidy
    # refers to payment, and with foreign keys on the copy's DROP TABLE payment is refused
    op.drop_index("ix_payment_review", table_name="payment")
    for column in ("approved_at", "approved_by", "entered_by", "review"):
        op.execute(f"ALTER TABLE payment DROP COLUMN {column}")
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.drop_index("ux_account_name")
        batch_op.drop_index(batch_op.f("ix_account_township"))
    op.drop_table("account")
