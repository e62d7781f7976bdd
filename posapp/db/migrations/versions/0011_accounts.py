"""the accountant and the partners: scheduled tax-class changes, commission rules, tax invoices

Revision ID: 0011_accounts
Revises: 0011_records
Create Date: 2026-12-02 01:20:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_accounts"
down_revision: str | Sequence[str] | None = "0011_records"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "tax_class_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("tax_class", sa.String(length=8), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("applied_at", sa.DateTime(), nullable=True),
        sa.Column("cancelled_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name="fk_tax_class_changes_product_id_products"
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name="fk_tax_class_changes_created_by_users"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_tax_class_changes"),
    )
    op.create_index(
        "ix_tax_class_changes_product", "tax_class_changes", ["product_id", "effective_from"]
    )
    op.create_table(
        "commission_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("producer_id", sa.Integer(), nullable=True),
        sa.Column("category_id", sa.Integer(), nullable=True),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("threshold", sa.Integer(), nullable=False),
        sa.Column("rate_bp", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["producer_id"], ["producers.id"], name="fk_commission_rules_producer_id_producers"
        ),
        sa.ForeignKeyConstraint(
            ["category_id"], ["categories.id"], name="fk_commission_rules_category_id_categories"
        ),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name="fk_commission_rules_created_by_users"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_commission_rules"),
    )
    op.create_index("ix_commission_rules_producer_id", "commission_rules", ["producer_id"])
    op.create_table(
        "tax_invoices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sale_uuid", sa.String(length=36), nullable=False),
        sa.Column("receipt_no", sa.String(length=32), nullable=False),
        sa.Column("business_date", sa.Date(), nullable=False),
        sa.Column("buyer_business_no", sa.String(length=10), nullable=False),
        sa.Column("buyer_name", sa.String(length=120), nullable=False),
        sa.Column("buyer_ceo", sa.String(length=60), nullable=False),
        sa.Column("buyer_email", sa.String(length=120), nullable=False),
        sa.Column("buyer_address", sa.String(length=200), nullable=False),
        sa.Column("buyer_business_type", sa.String(length=60), nullable=False),
        sa.Column("buyer_business_item", sa.String(length=60), nullable=False),
        sa.Column("supply_value", sa.Integer(), nullable=False),
        sa.Column("vat", sa.Integer(), nullable=False),
        sa.Column("exempt_total", sa.Integer(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("nts_approval_no", sa.String(length=32), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("issued_at", sa.DateTime(), nullable=True),
        sa.Column("cancelled_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name="fk_tax_invoices_created_by_users"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_tax_invoices"),
        sa.UniqueConstraint("sale_uuid", name="uq_tax_invoices_sale_uuid"),
    )
    op.create_index("ix_tax_invoices_business_date", "tax_invoices", ["business_date"])
    op.create_table(
        "supplier_returns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uuid", sa.String(length=36), nullable=False),
        sa.Column("producer_id", sa.Integer(), nullable=True),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("lot_id", sa.Integer(), nullable=True),
        sa.Column("qty", sa.Integer(), nullable=False),
        sa.Column("unit_cost", sa.Integer(), nullable=True),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["producer_id"], ["producers.id"], name="fk_supplier_returns_producer_id_producers"
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name="fk_supplier_returns_product_id_products"
        ),
        sa.ForeignKeyConstraint(["lot_id"], ["lots.id"], name="fk_supplier_returns_lot_id_lots"),
        sa.ForeignKeyConstraint(
            ["created_by"], ["users.id"], name="fk_supplier_returns_created_by_users"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_supplier_returns"),
        sa.UniqueConstraint("uuid", name="uq_supplier_returns_uuid"),
    )
    op.create_index("ix_supplier_returns_producer_id", "supplier_returns", ["producer_id"])
    with op.batch_alter_table("categories") as batch:
        batch.add_column(sa.Column("shelf_days", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("categories") as batch:
        batch.drop_column("shelf_days")
    op.drop_index("ix_supplier_returns_producer_id", table_name="supplier_returns")
    op.drop_table("supplier_returns")
    op.drop_index("ix_tax_invoices_business_date", table_name="tax_invoices")
    op.drop_table("tax_invoices")
    op.drop_index("ix_commission_rules_producer_id", table_name="commission_rules")
    op.drop_table("commission_rules")
    op.drop_index("ix_tax_class_changes_product", table_name="tax_class_changes")
    op.drop_table("tax_class_changes")
