"""station subsidies are paid as payments: station_subsidy.payment_id

Subsidies recorded before this revision keep payment_id NULL (no voucher was issued for them).

Revision ID: 0006
Revises: 0005
"""
from typing import Sequence, Union

import sqlalchemy as sa
import sqlmodel  # noqa: F401  (autogenerate writes sqlmodel.sql.sqltypes.AutoString)
from alembic import op

revision: str = "0006"
down_revision: Union[str, Sequence[str], None] = "0005"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("station_subsidy", schema=None) as batch_op:
        batch_op.add_column(sa.Column("payment_id", sqlmodel.sql.sqltypes.AutoString(length=32),
                                      nullable=True))
        batch_op.create_index(batch_op.f("ix_station_subsidy_payment_id"), ["payment_id"],
                              unique=False)
        batch_op.create_foreign_key("fk_station_subsidy_payment_id_payment", "payment",
                                    ["payment_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("station_subsidy", schema=None) as batch_op:
        batch_op.drop_constraint("fk_station_subsidy_payment_id_payment", type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_station_subsidy_payment_id"))
        batch_op.drop_column("payment_id")
