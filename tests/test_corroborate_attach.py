"""Attach's reads of the store: the candidate search, its index, and a query count that does not grow
with the number of events in an article. Tests that use the `store` fixture run on SQLite and
PostgreSQL.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event as sql_event

from sitrep.corroborate import Corroborator
from sitrep.models import Actor, Location
from sitrep.store import Store
from sitrep.store.incidents import CandidateSearch, IncidentStore, candidate_query
from test_corroborate import KHARKIV, OWN_STORY, article, event, ingest

IDLIB = Location("Idlib", "Idlib", "SYR", 35.93, 36.63, None, 1)


def _one_incident(store: Store, corroborator: Corroborator, name: str, **fields: Any) -> str:
    """An article with one event that opens its own incident (its actor1 is from its own country)."""
    clean = article(name, f"{OWN_STORY} Report {name}.", f"Outlet {name}")
    fields.setdefault("actor1", Actor(f"Forces {name}", name.upper()[:3], "state_forces"))
    return ingest(store, corroborator, clean, event(clean, **fields))[0]


def test_candidate_search_reads_family_country_start_window_and_end(store: Store) -> None:
    corroborator = Corroborator(store)
    made = {
        "inside": _one_incident(store, corroborator, "aaa", location=IDLIB, date="2024-05-10"),
        "placeless": _one_incident(store, corroborator, "bbb", location=None, date="2024-05-11"),
        "other_country": _one_incident(store, corroborator, "ccc", date="2024-05-10"),
        "starts_early": _one_incident(store, corroborator, "ddd", location=IDLIB, date="2024-04-01"),
        "ends_early": _one_incident(store, corroborator, "eee", location=IDLIB, date="2024-05-01"),
        "other_family": _one_incident(
            store, corroborator, "fff", location=IDLIB, date="2024-05-10", plover="PROTEST",
            acled_event_type="Protests",
        ),
    }  # fmt: skip
    assert len(set(made.values())) == len(made)
    db = IncidentStore(store)
    window = ("2024-04-09", "2024-05-21", "2024-05-09")
    with db.read() as conn:
        in_syria = {r["id"] for r in db.candidate_rows(conn, [CandidateSearch("violence", "SYR", *window)])}
        anywhere = {r["id"] for r in db.candidate_rows(conn, [CandidateSearch("violence", None, *window)])}
        both = db.candidate_rows(
            conn, [CandidateSearch("violence", "SYR", *window), CandidateSearch("violence", None, *window)]
        )
    assert in_syria == {made["inside"], made["placeless"]}
    assert anywhere == {made["inside"], made["placeless"], made["other_country"]}
    assert sorted(r["id"] for r in both) == sorted(anywhere)  # overlapping searches: each incident once


def test_attach_reads_the_store_a_fixed_number_of_times_however_many_events(store: Store) -> None:
    corroborator = Corroborator(store)
    first = article("first", OWN_STORY, "Outlet A")
    ingest(store, corroborator, first, event(first))
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    def attach_counted(clean_id: str, outlet: str, events: int) -> int:
        clean = article(clean_id, f"{OWN_STORY} {clean_id} copy desk note.", outlet)
        made = [event(clean, 0)]  # joins the first article's incident
        made += [
            event(clean, n, date=f"2024-0{1 + n % 5}-1{n}", location=IDLIB if n % 2 else KHARKIV,
                  plover="PROTEST" if n % 3 == 0 else "ASSAULT")
            for n in range(1, events)
        ]  # fmt: skip
        assert store.save_article(clean, made) == "ingested"
        statements.clear()
        sql_event.listen(store.engine, "before_cursor_execute", count)
        try:
            incident_ids = corroborator.attach(clean, made)
        finally:
            sql_event.remove(store.engine, "before_cursor_execute", count)
        assert incident_ids[0] == corroborator.attach(first, [event(first)])[0]
        return len(statements)

    one = attach_counted("one", "Outlet B", 1)
    nine = attach_counted("nine", "Outlet C", 9)
    # Per article: sources, bands, candidates, their digests, members, taken ids, assignments,
    # incidents; never per event.
    assert nine <= one <= 19, statements


def test_candidate_search_reads_only_its_covering_index(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'plan.db'}") as store:
        query = candidate_query((True, False)).params(
            family_0="violence", country_0="SYR", first_from_0="2024-01-01", first_to_0="2024-02-01",
            last_from_0="2024-01-05", family_1="unrest", first_from_1="2024-01-01",
            first_to_1="2024-02-01", last_from_1="2024-01-05",
        )  # fmt: skip
        sql = str(query.compile(store.engine, compile_kwargs={"literal_binds": True}))
        with store.engine.connect() as conn:
            plan = [row[3] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}")]
    searches = [step for step in plan if step.startswith("SEARCH")]
    assert len(searches) == 4, plan
    assert all("USING COVERING INDEX ix_incidents_candidates" in step for step in searches), plan
