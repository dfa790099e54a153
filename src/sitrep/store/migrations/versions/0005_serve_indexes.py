"""Indexes for the dashboard's incident list and map: newest first, alone or within a country or status.

The list pages 50 incidents at a time in date order; with these, a page is read in index order
instead of sorting every matching incident (250,000 incidents: a sort per request).

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision: str | None = "0004"
branch_labels = None
depends_on = None

# (index name, columns): each ends in (date_first, id), the incident list's order and tie-break.
INDEXES = (
    ("ix_incidents_date_first_id", ["date_first", "id"]),
    ("ix_incidents_country_date_first_id", ["country", "date_first", "id"]),
    ("ix_incidents_status_date_first_id", ["status", "date_first", "id"]),
)


def upgrade() -> None:
    for name, columns in INDEXES:
        op.create_index(name, "incidents", columns)


def downgrade() -> None:
    for name, _columns in INDEXES:
        op.drop_index(name, table_name="incidents")
