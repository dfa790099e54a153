"""Incident indexes for attach: a covering index for the candidate search, and no redundant ones.

Attaching an event scans the incidents of its type family and country over a window of start
dates and keeps those ending late enough. With date_last and id in the index, the scan reads
index pages only; before, every incident in the window cost a look-up of its table row, a cost
that grows with the number of incidents per day. It replaces the (family, country, date_first)
index. The single-column indexes on date_first, country and status are prefixes of the
(..., date_first, id) indexes of 0005, which serve every query they served; each index is
written on every attach, so the three go.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision: str | None = "0005"
branch_labels = None
depends_on = None

CREATED = (("ix_incidents_candidates", ["family", "country", "date_first", "date_last", "id"]),)
DROPPED = (
    ("ix_incidents_family_country_date_first", ["family", "country", "date_first"]),
    ("ix_incidents_date_first", ["date_first"]),
    ("ix_incidents_country", ["country"]),
    ("ix_incidents_status", ["status"]),
)


def upgrade() -> None:
    for name, columns in CREATED:
        op.create_index(name, "incidents", columns)
    for name, _columns in DROPPED:
        op.drop_index(name, table_name="incidents")


def downgrade() -> None:
    for name, columns in DROPPED:
        op.create_index(name, "incidents", columns)
    for name, _columns in CREATED:
        op.drop_index(name, table_name="incidents")
