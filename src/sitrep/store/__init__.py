"""The store: Sitrep's database (SQLite by default, PostgreSQL by URL), behind one `Store` object.

    from sitrep.store import Store
    with Store("sqlite:///sitrep.db") as store:       # migrated to the current schema on open
        store.save_article(clean, events)             # "ingested" | "unchanged" | "updated"
        store.events(country="SYR", since="2020-02")

Modules: database.py (Store, connections, transactions, migrations), schema.py (the tables),
articles.py, events.py, incidents.py and digests.py (rows and queries), migrations/ (Alembic
revisions, shipped as data).
"""

from sitrep.store import digests as _digests  # noqa: F401  (declares its tables on schema.metadata)
from sitrep.store import incidents as _incidents  # noqa: F401
from sitrep.store.articles import SaveStatus
from sitrep.store.database import Store, engine_url
from sitrep.store.events import EventFilter

__all__ = ["EventFilter", "SaveStatus", "Store", "engine_url"]
