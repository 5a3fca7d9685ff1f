"""grassroots unions sorted by pinyin: a py_full column, filled for the unions already on file

Revision ID: 0007
Revises: 0006
"""
from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

from union_desk.domain.pinyin import pinyin_full

revision: str = "0007"
down_revision: Union[str, Sequence[str], None] = "0006"
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    with op.batch_alter_table("grassroots_union", schema=None) as batch_op:
        batch_op.add_column(sa.Column("py_full", sa.String(length=200), nullable=False,
                                      server_default=""))
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, name FROM grassroots_union")).all()
    for union_id, name in rows:
        conn.execute(sa.text("UPDATE grassroots_union SET py_full = :p WHERE id = :i"),
                     {"p": pinyin_full(name), "i": union_id})


def downgrade() -> None:
    with op.batch_alter_table("grassroots_union", schema=None) as batch_op:
        batch_op.drop_column("py_full")
