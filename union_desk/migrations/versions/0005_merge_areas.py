"""merge the working areas' branches: one head from here on

Revision ID: 0005
Revises: 0002, 0003, 0004
"""
from typing import Sequence, Union

revision: str = "0005"
down_revision: Union[str, Sequence[str], None] = ("0002", "0003", "0004")
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
