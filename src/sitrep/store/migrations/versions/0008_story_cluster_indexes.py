"""Story cluster indexes: attaching an article reads a few rows of its story, not all of them.

Attach asks each story cluster it joins for its first member (by attach order) and its earliest
report (by publication day, dated before undated, then attach order), with and without a stated
wire origin. (cluster, seq), (cluster, published, seq) and the same over stated origins only answer
those with a short index scan however many reports the story has; before, the whole cluster was
read on every attach, which made a surge of one story quadratic. The (cluster) index is a prefix of
(cluster, seq), so it goes.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision: str | None = "0007"
branch_labels = None
depends_on = None

CREATED = (
    ("ix_article_sources_cluster_seq", ["cluster", "seq"]),
    ("ix_article_sources_cluster_published", ["cluster", "published", "seq"]),
)
DROPPED = (("ix_article_sources_cluster", ["cluster"]),)
STATED = "ix_article_sources_cluster_stated"
STATED_WHERE = sa.text("explicit_key IS NOT NULL")


def upgrade() -> None:
    for name, columns in CREATED:
        op.create_index(name, "article_sources", columns)
    op.create_index(
        STATED, "article_sources", ["cluster", "published", "seq"], sqlite_where=STATED_WHERE,
        postgresql_where=STATED_WHERE,
    )  # fmt: skip
    for name, _columns in DROPPED:
        op.drop_index(name, table_name="article_sources")


def downgrade() -> None:
    op.drop_index(STATED, table_name="article_sources")
    for name, columns in DROPPED:
        op.create_index(name, "article_sources", columns)
    for name, _columns in CREATED:
        op.drop_index(name, table_name="article_sources")
