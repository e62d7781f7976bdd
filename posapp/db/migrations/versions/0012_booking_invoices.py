"""tax-invoice requests for class and meeting-room bookings not paid at the till: the
booking a request is for (``booking_uuid``; ``sale_uuid`` then empty) and its 품목

Revision ID: 0012_bookinv
Revises: 0011_floorb
Create Date: 2026-12-03 07:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012_bookinv"
down_revision: str | Sequence[str] | None = "0011_floorb"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("tax_invoices") as batch:
        batch.alter_column("sale_uuid", existing_type=sa.String(length=36), nullable=True)
        batch.add_column(sa.Column("booking_uuid", sa.String(length=36), nullable=True))
        batch.add_column(
            sa.Column("item", sa.String(length=200), nullable=False, server_default="")
        )
        batch.create_index("ix_tax_invoices_booking_uuid", ["booking_uuid"])


def downgrade() -> None:
    op.execute("DELETE FROM tax_invoices WHERE sale_uuid IS NULL")
    with op.batch_alter_table("tax_invoices") as batch:
        batch.drop_index("ix_tax_invoices_booking_uuid")
        batch.drop_column("item")
        batch.drop_column("booking_uuid")
        batch.alter_column("sale_uuid", existing_type=sa.String(length=36), nullable=False)
