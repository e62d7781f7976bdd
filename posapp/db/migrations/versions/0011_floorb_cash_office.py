"""cash movements of a shift (paid in, paid out, pickups) and products.updated_at indexed for
the tills' live catalogue

Revision ID: 0011_floorb
Revises: 0011_pay
Create Date: 2026-12-02 02:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_floorb"
down_revision: str | Sequence[str] | None = "0011_pay"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "cash_movements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("register_id", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("approved_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["shift_id"], ["shifts.id"]),
        sa.ForeignKeyConstraint(["register_id"], ["registers.id"]),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"]),
        sa.ForeignKeyConstraint(["approved_by"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("uuid"),
    )
    op.create_index("ix_cash_movements_shift_id", "cash_movements", ["shift_id"])
    op.create_index("ix_products_updated_at", "products", ["updated_at"])


def downgrade() -> None:
    op.drop_index("ix_products_updated_at", table_name="products")
    op.drop_index("ix_cash_movements_shift_id", table_name="cash_movements")
    op.drop_table("cash_movements")
