"""The store on SQLite and on a real PostgreSQL server: every test using `store` or `db_url` runs
once per backend (see conftest.py). The records saved come from store_records.py."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import delete, inspect, text

from sitrep.errors import AnalysisFailed, ConfigError, MalformedInput, StoreError
from sitrep.models import Actor, Event, Location, OffsetMap
from sitrep.store import Store
from sitrep.store.articles import article_row
from sitrep.store.schema import articles as articles_table
from sitrep.store.schema import metadata
from store_records import APPEAL, TEXT, bare_event, make_article, make_event

# ---------------------------------------------------------------------------------------------
# Schema and migrations
# ---------------------------------------------------------------------------------------------


def test_migrate_twice_and_reopen_is_harmless(store: Store, db_url: str) -> None:
    assert store.revision() == Store.head_revision()
    assert store.save_article(make_article(), [make_event("idlib-helicopter", 1)]) == "ingested"
    store.migrate()
    store.migrate()
    with Store(db_url) as reopened:
        assert reopened.revision() == Store.head_revision()
        assert reopened.count_articles() == 1
        assert reopened.count_events() == 1


def test_upgrade_from_first_revision_keeps_articles(db_url: str) -> None:
    first = make_article(dateline_place=None, dateline_agency=None)  # columns added after 0001
    with Store(db_url, migrate=False) as old:
        old.migrate("0001")
        assert old.revision() == "0001"
        with old.engine.begin() as conn:
            columns_then = {column["name"] for column in inspect(conn).get_columns("articles")}
            row = article_row(first, datetime.now(UTC))
            conn.execute(articles_table.insert().values({k: v for k, v in row.items() if k in columns_then}))
    with Store(db_url) as upgraded:
        assert upgraded.revision() == Store.head_revision()
        assert upgraded.clean_article(first.id) == first
        assert upgraded.save_article(make_article(), [make_event(first.id, 1)]) == "unchanged"


def test_database_from_a_newer_sitrep_is_a_store_error(store: Store, db_url: str) -> None:
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0999'"))
    with pytest.raises(StoreError, match="0999") as raised:
        Store(db_url)
    assert "\n" not in str(raised.value)


def test_migrated_schema_matches_schema_module(store: Store) -> None:
    def described_here(item: Any, name: str | None, type_: str, reflected: bool, _other: Any) -> bool:
        # Tables other stages keep (incidents, ...) are theirs to describe; these must match exactly.
        table = item if type_ == "table" else getattr(item, "table", None)
        return table is None or table.name in metadata.tables or name in metadata.tables

    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": described_here})
        assert compare_metadata(context, metadata) == []


def test_events_are_indexed_for_the_filters(store: Store) -> None:
    indexed = {tuple(ix["column_names"]) for ix in inspect(store.engine).get_indexes("events")}
    for column in ("date", "plover", "actor1_country", "actor2_country", "location_country", "article_id"):
        assert (column,) in indexed


def test_deleting_an_article_deletes_its_events(store: Store) -> None:
    store.save_article(make_article(), [make_event("idlib-helicopter", 1), make_event("idlib-helicopter", 2)])
    with store.engine.begin() as conn:
        conn.execute(delete(articles_table))
    assert store.count_events() == 0


def test_sqlite_runs_in_wal_mode_with_foreign_keys(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'wal.db'}") as store, store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar_one() >= 1000


@pytest.mark.parametrize(
    "url, says",
    [
        ("not a url", "not a database URL"),
        ("mysql://user@host/db", "unsupported database URL"),
        ("postgresql+psycopg2://user@host/db", "unsupported database URL"),
        ("postgresql://user@127.0.0.1:5", "names no database"),
        ("sqlite:////no/such/folder/sitrep.db", "does not exist"),
        ("postgresql://user:hunter2@127.0.0.1:1/sitrep", "127.0.0.1"),  # nothing listens on port 1
    ],
)
def test_unusable_urls_raise_one_line_store_error(url: str, says: str) -> None:
    with pytest.raises(StoreError) as raised:
        Store(url)
    message = str(raised.value)
    assert says in message
    assert "\n" not in message
    assert "hunter2" not in message


def test_in_memory_sqlite_keeps_one_database() -> None:
    with Store("sqlite://") as store:
        store.save_article(make_article())
        assert store.count_articles() == 1


# ---------------------------------------------------------------------------------------------
# Saving articles: ingested, unchanged, updated; one transaction per article
# ---------------------------------------------------------------------------------------------


def test_same_text_is_unchanged_under_any_id(store: Store) -> None:
    article = make_article()
    assert store.save_article(article, [make_event(article.id, 1)]) == "ingested"
    assert store.save_article(article, [make_event(article.id, 1), make_event(article.id, 2)]) == "unchanged"
    copy = make_article("copy-of-idlib-helicopter")
    assert store.save_article(copy, [make_event(copy.id, 1)]) == "unchanged"
    assert store.count_articles() == 1
    assert [e.event_id for e in store.events()] == ["idlib-helicopter:1"]


def test_new_text_under_same_id_replaces_article_and_events(store: Store) -> None:
    store.save_article(make_article(), [make_event("idlib-helicopter", 1), make_event("idlib-helicopter", 2)])
    revised = make_article(body=TEXT + " The toll later rose to 33.", title="Toll rises")
    assert store.save_article(revised, [make_event(revised.id, 3, killed=33)]) == "updated"
    stored = store.article(revised.id)
    assert stored is not None
    assert (stored["title"], stored["text"], stored["content_hash"]) == ("Toll rises", revised.text,
                                                                         revised.content_hash)
    assert [(e.event_id, e.killed) for e in store.events()] == [("idlib-helicopter:3", 33)]
    assert store.count_articles() == 1


def test_failing_event_insert_stores_nothing_of_the_article(store: Store) -> None:
    article = make_article()
    duplicate = [make_event(article.id, 1), make_event(article.id, 1, killed=5)]
    with pytest.raises(AnalysisFailed, match="idlib-helicopter:1 is given to 2 events"):
        store.save_article(article, duplicate)
    assert store.count_articles() == 0
    assert store.count_events() == 0
    assert store.save_article(article, [make_event(article.id, 1)]) == "ingested"


def test_failing_update_keeps_the_previous_version(store: Store) -> None:
    store.save_article(make_article(), [make_event("idlib-helicopter", 1)])
    revised = make_article(body=TEXT + " Updated.")
    with pytest.raises(AnalysisFailed):
        store.save_article(revised, [make_event(revised.id, 2), make_event(revised.id, 2)])
    stored = store.article("idlib-helicopter")
    assert stored is not None and stored["text"] == TEXT
    assert [e.event_id for e in store.events()] == ["idlib-helicopter:1"]


@pytest.mark.parametrize("bad", ["\x00", "\ud800"])
def test_text_no_database_holds_is_malformed_input_on_both_backends(store: Store, bad: str) -> None:
    with pytest.raises(MalformedInput):
        store.save_article(make_article(body=f"{TEXT}{bad}"))
    with pytest.raises(MalformedInput):
        store.save_article(make_article(), [make_event("idlib-helicopter", 1, attributed_to=bad)])
    assert store.count_articles() == 0


def test_figures_beyond_32_bits_are_stored(store: Store) -> None:
    event = make_event("idlib-helicopter", 1, killed=3_000_000_000, displaced=12_000_000_000)
    store.save_article(make_article(), [event])
    assert store.events() == [event]


def test_events_must_belong_to_the_article_saved(store: Store) -> None:
    with pytest.raises(ValueError, match="other-article"):
        store.save_article(make_article(), [make_event("other-article", 1)])
    assert store.count_articles() == 0


def test_concurrent_saves_of_one_article_store_it_once(db_url: str, store: Store) -> None:
    writers = [Store(db_url, migrate=False) for _ in range(4)]
    start = threading.Barrier(len(writers))
    statuses: list[str] = []

    def save(writer: Store) -> None:
        start.wait()
        statuses.append(writer.save_article(make_article(), [make_event("idlib-helicopter", 1)]))

    threads = [threading.Thread(target=save, args=(writer,)) for writer in writers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for writer in writers:
        writer.close()
    assert sorted(statuses) == ["ingested", "unchanged", "unchanged", "unchanged"]
    assert (store.count_articles(), store.count_events()) == (1, 1)


# ---------------------------------------------------------------------------------------------
# Reading back
# ---------------------------------------------------------------------------------------------


def test_article_round_trip(store: Store) -> None:
    article = make_article()
    before = datetime.now(UTC)
    store.save_article(article)
    stored = store.article(article.id)
    assert stored is not None
    assert stored["removed"] == [
        {"text": APPEAL, "rule": "donation_appeal", "start": len(TEXT) + 1, "end": len(article.original)}
    ]
    assert stored["offsets"] == [[0, 0, len(TEXT)]]
    assert stored["published"] == date(2020, 2, 13)
    assert before <= stored["ingested_at"] <= datetime.now(UTC)
    assert store.clean_article(article.id) == article
    assert store.article("missing") is None
    assert store.clean_article("missing") is None


def test_article_with_unknown_metadata_round_trips(store: Store) -> None:
    unknown = ("title", "byline", "published", "outlet", "url", "source_url", "republished_from", "language",
               "dateline_place", "dateline_agency")
    nones: dict[str, Any] = dict.fromkeys(unknown)
    article = make_article(**nones, removed=(), offsets=OffsetMap())
    store.save_article(article)
    assert store.clean_article(article.id) == article


def test_article_list_is_newest_first_with_lengths(store: Store) -> None:
    for number in range(3):
        store.save_article(make_article(f"article-{number}", body=f"{TEXT} Number {number}."))
    listed = store.articles()
    assert [row["id"] for row in listed] == ["article-2", "article-1", "article-0"]
    assert set(listed[0]) == {"id", "title", "outlet", "published", "ingested_at", "chars"}
    assert listed[0]["chars"] == len(f"{TEXT} Number 2.")
    assert [row["id"] for row in store.articles(limit=1, offset=1)] == ["article-1"]
    assert store.count_articles() == 3


def test_events_round_trip_every_field(store: Store) -> None:
    article = make_article()
    full = make_event(article.id, 1)
    assert full.location is not None
    unplaced = replace(full.location, admin1=None, lat=None, lon=None, geonames_id=None, precision=3)
    vague = make_event(article.id, 2, actor1=Actor("Hay'at Tahrir al-Sham", None, None), actor2=None,
                       location=unplaced, date="2020-03", date_precision="month", hedged=False)
    bare = bare_event(article.id, 3)
    store.save_article(article, [full, vague, bare])
    assert store.events(article_id=article.id) == [full, vague, bare]
    assert store.events(article_id=article.id)[1].actor1 == Actor("Hay'at Tahrir al-Sham", None, None, ())


def test_rejected_inputs_are_listed_newest_first(store: Store) -> None:
    store.record_rejected("inbox/photo.jpg", "binary input (NUL bytes)")
    store.record_rejected("feed.jsonl:7", "broken JSON line: Expecting ',' delimiter")
    rows = store.rejected()
    assert [(r["source"], r["reason"]) for r in rows] == [
        ("feed.jsonl:7", "broken JSON line: Expecting ',' delimiter"),
        ("inbox/photo.jpg", "binary input (NUL bytes)"),
    ]
    assert rows[0]["at"].tzinfo is not None
    assert store.count_rejected() == 2
    assert len(store.rejected(limit=1)) == 1


def test_rerun_lists_a_rejection_once_at_its_latest_time(store: Store) -> None:
    store.record_rejected("inbox/empty.txt", "empty input")
    store.record_rejected("inbox/photo.jpg", "binary input (NUL bytes)")
    store.record_rejected("inbox/empty.txt", "empty input")
    store.record_rejected("inbox/empty.txt", "not English (detected: fr)")
    assert [(r["source"], r["reason"]) for r in store.rejected()] == [
        ("inbox/empty.txt", "not English (detected: fr)"),
        ("inbox/empty.txt", "empty input"),
        ("inbox/photo.jpg", "binary input (NUL bytes)"),
    ]


def test_assign_incidents_sets_and_clears(store: Store) -> None:
    store.save_article(make_article(), [make_event("idlib-helicopter", 1), make_event("idlib-helicopter", 2)])
    store.assign_incidents({"idlib-helicopter:1": "incident-7", "idlib-helicopter:2": "incident-7"})
    store.assign_incidents({"idlib-helicopter:2": None})
    assert [e.incident_id for e in store.events()] == ["incident-7", None]


# ---------------------------------------------------------------------------------------------
# Filters of events()
# ---------------------------------------------------------------------------------------------


@pytest.fixture
def filter_store(store: Store) -> Store:
    """Events across Syria, Ukraine and Sudan, dated by day, by month, and not at all."""
    article = make_article()
    a = article.id
    ukraine = Location("Kharkiv", "Kharkivska", "UKR", 49.98, 36.25, 706483, 1)
    store.save_article(article, [
        make_event(a, 1, date="2020-01-30"),
        make_event(a, 2, date="2020-02", date_precision="month", plover="PROTEST", actor2=None,
                   actor1=Actor("Protesters (Syria)", "SYR", "protesters")),
        make_event(a, 3, date="2022-03-01", location=ukraine,
                   actor1=Actor("Military Forces of Russia", "RUS", "state_forces"),
                   actor2=Actor("Civilians (Ukraine)", "UKR", "civilians")),
        make_event(a, 4, date=None, date_precision=None, plover="AID", location=None,
                   actor1=Actor("UN_WFP 100%", None, "external_other"),
                   actor2=Actor("Civilians (Sudan)", "SDN", "civilians")),
    ])
    return store


def ids(events: list[Event]) -> list[int]:
    return [int(e.event_id.rsplit(":", 1)[1]) for e in events]


@pytest.mark.parametrize(
    "filters, expected",
    [
        ({}, [1, 2, 3, 4]),
        ({"country": "syr"}, [1, 2]),
        ({"country": "UKR"}, [3]),  # actor2 and location
        ({"country": "SDN"}, [4]),  # actor2 only
        ({"country": "RUS"}, [3]),  # actor1 only
        ({"actor": "military forces"}, [1, 3]),
        ({"actor": "CIVILIANS (s"}, [4]),
        ({"actor": "100%"}, [4]),
        ({"actor": "%"}, [4]),  # a wildcard typed by the user is a character
        ({"actor": "_"}, [4]),
        ({"plover": "assault"}, [1, 3]),
        ({"since": "2020-02-12"}, [2, 3]),  # the month-precision event overlaps
        ({"since": date(2020, 3, 1)}, [3]),
        ({"until": "2020-02-10"}, [1, 2]),  # so does the month-precision event
        ({"until": "2020-01-31"}, [1]),
        ({"until": "2020-01"}, [1]),
        ({"since": "2020-02", "until": "2020-02-28"}, [2]),
        ({"since": "2020-01-30", "until": "2020-01-30"}, [1]),
        ({"country": "SYR", "plover": "ASSAULT", "since": "2020-01-01"}, [1]),
        ({"article_id": "idlib-helicopter"}, [1, 2, 3, 4]),
        ({"article_id": "no-such-article"}, []),
    ],
)
def test_event_filters(filter_store: Store, filters: dict[str, Any], expected: list[int]) -> None:
    assert ids(filter_store.events(**filters)) == expected
    assert filter_store.count_events(**filters) == len(expected)


def test_streamed_events_equal_listed_events(filter_store: Store) -> None:
    assert list(filter_store.iter_events(batch_size=3)) == filter_store.events()
    assert list(filter_store.iter_events(country="SYR", batch_size=1)) == filter_store.events(country="SYR")


def test_event_pages(filter_store: Store) -> None:
    assert ids(filter_store.events(limit=2)) == [1, 2]
    assert ids(filter_store.events(limit=2, offset=2)) == [3, 4]
    assert ids(filter_store.events(offset=3)) == [4]


@pytest.mark.parametrize("bound", ["13/02/2020", "2020-13", "yesterday"])
def test_unreadable_date_bounds_are_config_errors(filter_store: Store, bound: str) -> None:
    with pytest.raises(ConfigError, match="YYYY-MM-DD"):
        filter_store.events(since=bound)


# ---------------------------------------------------------------------------------------------
# Untrusted text stays data
# ---------------------------------------------------------------------------------------------

HOSTILE = "O'Brien's \"report\"; DROP TABLE articles; -- ' OR '1'='1 \\ %_"


def test_hostile_text_is_stored_as_data(store: Store) -> None:
    article = make_article(f"id-{HOSTILE}", body=f"{TEXT} {HOSTILE}", title=HOSTILE, outlet=HOSTILE)
    event = make_event(article.id, 1, actor1=Actor(HOSTILE, "SYR", "rebels"), attributed_to=HOSTILE)
    assert store.save_article(article, [event]) == "ingested"
    store.record_rejected(HOSTILE, HOSTILE)
    stored = store.article(article.id)
    assert stored is not None and stored["title"] == HOSTILE and stored["outlet"] == HOSTILE
    assert store.events(actor=HOSTILE) == [event]
    assert store.events(country=HOSTILE) == []
    assert store.events(actor="DROP TABLE articles; --", plover="assault") == [event]
    assert store.events(article_id=article.id) == [event]
    assert store.rejected()[0]["reason"] == HOSTILE
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM articles")).scalar_one() == 1


def test_an_article_whose_record_the_store_refuses_is_rejected_and_the_batch_goes_on(db_url: str) -> None:
    from sitrep.app import Analysis, Sitrep
    from sitrep.settings import Settings

    app = Sitrep(Settings(db_url=db_url))
    broken, fine = make_article("broken"), make_article("fine", body=TEXT + " More.")
    analyses = [
        Analysis(broken.source, broken, (make_event("broken", 1), make_event("broken", 1))),
        Analysis(fine.source, fine, (make_event("fine", 1),)),
    ]
    summary = app.store_analyses(analyses)
    assert [r.reason for r in summary.rejected] == [
        "cannot store the events of 'broken': event id broken:1 is given to 2 events; "
        "a Sitrep defect, please report"
    ]
    assert not app.store.has_article("broken") and app.store.has_article("fine")
    assert [e.event_id for e in app.store.events()] == ["fine:1"]
    assert [r["source"] for r in app.store.rejected()] == [broken.source]
