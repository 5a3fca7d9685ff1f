"""sign-in pause after wrong passwords (issue 10)

`account.failed_sign_ins` (wrong passwords in a row) and `account.blocked_until` (no sign-in
is tried before then): kept in the file, so restarting the app or a script does not reset
them (services/accounts/sign_in.py). Existing accounts start with no failures and no pause.

Revision ID: 0015
Revises: 0014
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

import union_desk.models.base

revision: str = "0015"
down_revision: Union[str, Sequence[str], None] = "0014"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.add_column(sa.Column("failed_sign_ins", sa.Integer(), nullable=False,
                                      server_default="0"))
        batch_op.add_column(sa.Column("blocked_until", union_desk.models.base.UTCDateTime(),
                                      nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("account", schema=None) as batch_op:
        batch_op.drop_column("blocked_until")
        batch_op.drop_column("failed_sign_ins")
