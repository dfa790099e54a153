"""Incident digests: attaching a report to an incident of thousands reads a few rows, not all of them.

`incident_digests` holds one JSON digest per incident (sitrep.corroborate.digest): counts, ranges,
claim groups and a bounded sample of its events. The (incident_id, source_key) index of
incident_claims answers "is this source new to the incident?" with one probe; the (incident_id)
index is its prefix, so it goes. Incidents stored before this revision have no digest: the next
report attached to one summarises it whole, as before, and writes its digest.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision = "0009"
down_revision: str | None = "0008"
branch_labels = None
depends_on = None

JSONType = sa.JSON().with_variant(JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "incident_digests",
        sa.Column("incident_id", sa.Text, primary_key=True),
        sa.Column("digest", JSONType, nullable=False),
    )
    op.create_index("ix_incident_claims_incident_source", "incident_claims", ["incident_id", "source_key"])
    op.drop_index("ix_incident_claims_incident_id", table_name="incident_claims")


def downgrade() -> None:
    op.create_index("ix_incident_claims_incident_id", "incident_claims", ["incident_id"])
    op.drop_index("ix_incident_claims_incident_source", table_name="incident_claims")
    op.drop_table("incident_digests")
