"""records you can prove: the audit trail chained, the store's identity, the chain scheme

Revision ID: 0011_records
Revises: 0010
Create Date: 2026-12-02 01:30:00

The store gets its identity (``store_meta.store_id``, a random UUID; ``store_meta`` also keeps
the chain scheme in force). The audit events get the columns of a keyed chain (``chain``,
``seq``, ``prev_hash``, ``hash``) and a head per chain. Rows written before stay unchained
(NULL) here: the migration cannot read the key, which is kept outside the database. The first
start after it (``posapp.bootstrap.open_database``) re-keys the journal and chains these rows,
once; the rule is in ``posapp.sales.journal``.
"""

import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_records"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("audit_events") as batch:
        batch.add_column(sa.Column("chain", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
        batch.create_unique_constraint("uq_audit_events_chain_seq", ["chain", "seq"])
    op.create_table(
        "audit_heads",
        sa.Column("chain", sa.String(length=16), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("chain"),
    )
    meta = op.create_table(
        "store_meta",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("key"),
    )
    # the store's identity, in the database and so in every backup of it (a restore compares)
    op.bulk_insert(meta, [{"key": "store_id", "value": str(uuid.uuid4())}])


def downgrade() -> None:
    op.drop_table("store_meta")
    op.drop_table("audit_heads")
    with op.batch_alter_table("audit_events") as batch:
        batch.drop_constraint("uq_audit_events_chain_seq", type_="unique")
        batch.drop_column("hash")
        batch.drop_column("prev_hash")
        batch.drop_column("seq")
        batch.drop_column("chain")
