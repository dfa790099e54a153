"""Articles keep their dateline: the place a report was filed from and the wire agency named in it.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision: str | None = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("dateline_place", sa.Text))
        batch.add_column(sa.Column("dateline_agency", sa.Text))


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("dateline_agency")
        batch.drop_column("dateline_place")
