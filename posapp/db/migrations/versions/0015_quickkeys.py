"""quick_key_pages, quick_keys: the checkout's quick keys as a manager lays them out (pages,
order, labels, colours), and the ``quick_keys`` permission for managers and admins

Revision ID: 0015_quickkeys
Revises: 0013_floor
Create Date: 2026-12-06 01:30:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015_quickkeys"
down_revision: str | Sequence[str] | None = "0013_floor"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "quick_key_pages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_quick_key_pages"),
    )
    op.create_table(
        "quick_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("page_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=40), nullable=False),
        sa.Column("colour", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["page_id"],
            ["quick_key_pages.id"],
            name="fk_quick_keys_page_id_quick_key_pages",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["products.id"],
            name="fk_quick_keys_product_id_products",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_quick_keys"),
    )
    op.create_index("ix_quick_keys_page_id", "quick_keys", ["page_id"])
    grants = sa.table("role_permissions", sa.column("role"), sa.column("permission"))
    op.bulk_insert(
        grants,
        [
            {"role": "manager", "permission": "quick_keys"},
            {"role": "admin", "permission": "quick_keys"},
        ],
    )


def downgrade() -> None:
    op.execute("DELETE FROM role_permissions WHERE permission = 'quick_keys'")
    op.drop_index("ix_quick_keys_page_id", table_name="quick_keys")
    op.drop_table("quick_keys")
    op.drop_table("quick_key_pages")
