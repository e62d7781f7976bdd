"""fewer index entries per sale; posapp_abort() for the one-round-trip sale (PostgreSQL)

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-23 13:30:00

``posapp_abort(what)`` raises SQLSTATE ``PA001`` with ``what`` as the message. The one-round-trip
sale (posapp/sales/fastpath.py) calls it when a hint was stale or no shift is open, so the
statements queued after it and the COMMIT in the same pipeline are skipped and nothing is kept.
Nothing on SQLite (the fast path is PostgreSQL's).

Indexes every sale wrote an entry to but no query needs in that form: the refund links
(``sales.original_sale_id``, ``sale_lines.original_line_id``) become partial (only refunds, the
rows that have one; the lookups by them still use them), and ``journal.doc_uuid`` goes (nothing
looks a journal entry up by its document; verify walks each register's chain by seq). On
PostgreSQL ``ix_lots_expiring`` loses its ``qty_on_hand > 0`` predicate: a column read by an
index predicate makes every update of it non-HOT, and a sale updates its lots' quantities.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


_PARTIAL = (("sales", "original_sale_id"), ("sale_lines", "original_line_id"))


def upgrade() -> None:
    for table, column in _PARTIAL:
        where = sa.text(f"{column} IS NOT NULL")
        op.drop_index(f"ix_{table}_{column}", table_name=table)
        op.create_index(
            f"ix_{table}_{column}",
            table,
            [column],
            postgresql_where=where,
            sqlite_where=where,
        )
    op.drop_index("ix_journal_doc_uuid", table_name="journal")
    if op.get_bind().dialect.name != "postgresql":
        return
    # lots' qty_on_hand in no index on PostgreSQL: a sale's lot decrement is a HOT update
    op.drop_index("ix_lots_expiring", table_name="lots")
    op.create_index("ix_lots_expiring", "lots", ["expiry_date", "product_id"])
    op.execute(
        "CREATE OR REPLACE FUNCTION posapp_abort(what text) RETURNS int"
        " LANGUAGE plpgsql VOLATILE AS"
        " $$BEGIN RAISE EXCEPTION USING ERRCODE = 'PA001', MESSAGE = what; END$$"
    )


def downgrade() -> None:
    op.create_index("ix_journal_doc_uuid", "journal", ["doc_uuid"])
    for table, column in _PARTIAL:
        op.drop_index(f"ix_{table}_{column}", table_name=table)
        op.create_index(f"ix_{table}_{column}", table, [column])
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS posapp_abort(text)")
        op.drop_index("ix_lots_expiring", table_name="lots")
        op.create_index(
            "ix_lots_expiring",
            "lots",
            ["expiry_date", "product_id"],
            postgresql_where=sa.text("qty_on_hand > 0"),
        )
