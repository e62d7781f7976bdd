"""sale_lines.shelf_price: the shelf price a lot's markdown (마감할인) lowered a line's price from,
so the receipt (and a reprint) shows the regular price and the markdown

Revision ID: 0013_floor
Revises: 0012_bookinv
Create Date: 2026-12-04 19:30:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_floor"
down_revision: str | Sequence[str] | None = "0012_bookinv"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("sale_lines", sa.Column("shelf_price", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sale_lines") as batch_op:
        batch_op.drop_column("shelf_price")
