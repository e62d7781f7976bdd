"""several registers, permissions and audit: one open shift per register, HOT lot updates

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


MANAGER = [
    "void",
    "refund",
    "discount_over_limit",
    "price_override",
    "no_sale_drawer",
    "stock_adjustment",
]
ADMIN = [*MANAGER, "settings", "user_admin"]


def upgrade() -> None:
    # lots.qty_on_hand out of the FEFO index: a sale's lot update can then be HOT on PostgreSQL
    with op.batch_alter_table("lots", schema=None) as batch_op:
        batch_op.drop_index("ix_lots_fefo")
        batch_op.create_index("ix_lots_fefo", ["product_id", "expiry_date"], unique=False)
    table = op.create_table(
        "role_permissions",
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("permission", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("role", "permission", name=op.f("pk_role_permissions")),
    )
    op.bulk_insert(
        table,
        [{"role": "manager", "permission": p} for p in MANAGER]
        + [{"role": "admin", "permission": p} for p in ADMIN],
    )
    with op.batch_alter_table("shifts", schema=None) as batch_op:
        batch_op.create_index(
            "uq_shifts_one_open_per_register",
            ["register_id"],
            unique=True,
            sqlite_where=sa.text("status = 'open'"),
            postgresql_where=sa.text("status = 'open'"),
        )


def downgrade() -> None:
    with op.batch_alter_table("lots", schema=None) as batch_op:
        batch_op.drop_index("ix_lots_fefo")
        batch_op.create_index(
            "ix_lots_fefo", ["product_id", "qty_on_hand", "expiry_date"], unique=False
        )
    with op.batch_alter_table("shifts", schema=None) as batch_op:
        batch_op.drop_index("uq_shifts_one_open_per_register")
    op.drop_table("role_permissions")
