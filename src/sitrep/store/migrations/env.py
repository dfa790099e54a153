"""Alembic's entry point, run by `sitrep.store.Store.migrate`, never from the command line.

The Store hands over an open connection inside a transaction (config.attributes["connection"]), so
migrations run on the same connection, lock and transaction as the caller and need no alembic.ini.
To change the schema, add a file to versions/ shaped like the last one (revision = the next
number, down_revision = the last), then mirror the change in store/schema.py.
"""

from __future__ import annotations

from alembic import context

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through sitrep.store.Store.migrate(), which supplies a connection")

context.configure(connection=connection, render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
