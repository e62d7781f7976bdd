"""card refunds through the terminal: each refund payment keeps the approval it cancels, and a
card (or 현금영수증) cancel the terminal could not make waits in ``card_cancels_pending``

Revision ID: 0011_pay
Revises: 0011_control
Create Date: 2026-12-02 01:10:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_pay"
down_revision: str | Sequence[str] | None = "0011_control"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("payments") as batch:
        batch.add_column(sa.Column("original_approval_no", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("original_approved_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("card_acquirer", sa.String(length=40), nullable=True))
        batch.add_column(sa.Column("merchant_no", sa.String(length=20), nullable=True))
    op.create_table(
        "card_cancels_pending",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("refund_uuid", sa.String(length=36), nullable=False),
        sa.Column("receipt_no", sa.String(length=32), nullable=False),
        sa.Column("register_id", sa.String(length=16), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("payment_seq", sa.Integer(), nullable=False),
        sa.Column("original_approval_no", sa.String(length=40), nullable=False),
        sa.Column("original_approved_at", sa.DateTime(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("approval_no", sa.String(length=40), nullable=True),
        sa.Column("done_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["register_id"], ["registers.id"]),
        sa.ForeignKeyConstraint(["done_by"], ["users.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("refund_uuid", "payment_seq"),
    )
    op.create_index("ix_card_cancels_pending_register_id", "card_cancels_pending", ["register_id"])


def downgrade() -> None:
    op.drop_index("ix_card_cancels_pending_register_id", table_name="card_cancels_pending")
    op.drop_table("card_cancels_pending")
    with op.batch_alter_table("payments") as batch:
        batch.drop_column("merchant_no")
        batch.drop_column("card_acquirer")
        batch.drop_column("original_approved_at")
        batch.drop_column("original_approval_no")
