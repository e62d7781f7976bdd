"""price override at the till (issue 10): the sale line keeps the catalogue price it replaced,
the reason and who allowed it

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23 13:20:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # nullable columns without constraints: a plain ALTER TABLE ADD COLUMN on both backends
    # (no batch copy of a large sale_lines table)
    op.add_column("sale_lines", sa.Column("regular_price", sa.Integer(), nullable=True))
    op.add_column(
        "sale_lines", sa.Column("price_override_reason", sa.String(length=200), nullable=True)
    )
    op.add_column("sale_lines", sa.Column("price_override_by", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sale_lines", schema=None) as batch_op:
        batch_op.drop_column("price_override_by")
        batch_op.drop_column("price_override_reason")
        batch_op.drop_column("regular_price")
