"""Events as acts, not sentences: every mention of an event, how its date was obtained, confidence.

An event is now one act per article (EVENTS.md); `mentions` keeps every sentence that tells it
(offsets, claimant, hedge, figures) as JSON. `date_source` says whether the date was stated,
taken from the article's scene or dateline, or inferred from the publication date; `confidence`
is the learned typing's. Rows written before this revision have no mentions: readers fall back to
the evidence sentence.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0007"
down_revision: str | None = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("date_source", sa.Text(), nullable=True))
        batch.add_column(sa.Column("confidence", sa.Float(), nullable=True))
        batch.add_column(sa.Column("mentions", sa.JSON().with_variant(JSONB(), "postgresql"), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("mentions")
        batch.drop_column("confidence")
        batch.drop_column("date_source")
