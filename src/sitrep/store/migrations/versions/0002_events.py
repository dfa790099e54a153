"""Events: one row per resolved event, actors and location flattened, indexed for the filters.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None

JSONType = sa.JSON().with_variant(JSONB(), "postgresql")

# (index name, column): the columns `sitrep events` filters and joins on.
INDEXES = (
    ("ix_events_article_id", "article_id"),
    ("ix_events_incident_id", "incident_id"),
    ("ix_events_date", "date"),
    ("ix_events_plover", "plover"),
    ("ix_events_actor1_country", "actor1_country"),
    ("ix_events_actor2_country", "actor2_country"),
    ("ix_events_location_country", "location_country"),
)


def _actor_columns(prefix: str) -> list[sa.Column]:
    return [
        sa.Column(f"{prefix}_name", sa.Text),
        sa.Column(f"{prefix}_country", sa.Text),
        sa.Column(f"{prefix}_kind", sa.Text),
        sa.Column(f"{prefix}_backed_by", JSONType),
        sa.Column(f"{prefix}_text", sa.Text),
    ]


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("event_id", sa.Text, primary_key=True),
        sa.Column(
            "article_id",
            sa.Text,
            sa.ForeignKey("articles.id", ondelete="CASCADE", name="fk_events_article_id"),
            nullable=False,
        ),
        sa.Column("incident_id", sa.Text),
        sa.Column("plover", sa.Text, nullable=False),
        sa.Column("mode", sa.Text),
        sa.Column("acled_event_type", sa.Text),
        sa.Column("acled_sub_event_type", sa.Text),
        sa.Column("cameo_root", sa.Text),
        sa.Column("quad_class", sa.Integer),
        sa.Column("date", sa.Text),
        sa.Column("date_precision", sa.Text),
        *_actor_columns("actor1"),
        *_actor_columns("actor2"),
        sa.Column("location_name", sa.Text),
        sa.Column("location_admin1", sa.Text),
        sa.Column("location_country", sa.Text),
        sa.Column("location_lat", sa.Float),
        sa.Column("location_lon", sa.Float),
        sa.Column("location_geonames_id", sa.Integer),
        sa.Column("location_precision", sa.Integer),
        sa.Column("location_text", sa.Text),
        sa.Column("killed", sa.BigInteger),
        sa.Column("injured", sa.BigInteger),
        sa.Column("displaced", sa.BigInteger),
        sa.Column("figure_qualifier", sa.Text),
        sa.Column("attributed_to", sa.Text),
        sa.Column("hedged", sa.Boolean, nullable=False),
        sa.Column("evidence_text", sa.Text),
        sa.Column("evidence_start", sa.Integer),
        sa.Column("evidence_end", sa.Integer),
        sa.Column("outlet", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("published", sa.Text),
    )
    for name, column in INDEXES:
        op.create_index(name, "events", [column])


def downgrade() -> None:
    op.drop_table("events")
