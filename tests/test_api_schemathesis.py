"""Property-based API tests: schemathesis generates requests from the app's own OpenAPI description
and drives the app in-process (ASGI). Whatever it sends, no answer may be a server error, and
every answer must match what the OpenAPI description promises.

Writes are exercised too (a token is configured and sent), against a throw-away SQLite store
holding realistic articles, events and incidents (the fixture of test_api.py).
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from schemathesis.checks import allow_header_conformance, positive_data_acceptance

from sitrep.app import Sitrep
from sitrep.corroborate import Corroborator
from sitrep.serve import create_app
from sitrep.settings import Settings
from test_api import REPORTS, TOKEN, _article

pytestmark = pytest.mark.slow

# Every default check runs (no server error, documented status codes, content types and response
# schemas, invalid input refused) except two that do not apply: a schema-valid text can still be
# unusable as an article (too short, not English: 422 with the reason), and Starlette's 405 answer
# lists the methods of one route, not of every route on the path.
NOT_APPLICABLE = [positive_data_acceptance, allow_header_conformance]


def _fuzzed_app() -> FastAPI:
    """The app over a throw-away store with two reports of one incident (closed at exit)."""
    folder = Path(tempfile.mkdtemp(prefix="sitrep-fuzz-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    sitrep = Sitrep(Settings(db_url=f"sqlite:///{folder / 'sitrep.db'}", token=TOKEN))
    atexit.register(sitrep.store.close)
    corroborator = Corroborator(sitrep.store)
    for article_id, report in REPORTS.items():
        clean, events = _article(article_id, *report)
        sitrep.store.save_article(clean, events)
        corroborator.attach(clean, events)
    return create_app(sitrep)


# Loaded when the module is collected: schemathesis makes one test per operation from it.
schema = schemathesis.openapi.from_asgi("/openapi.json", _fuzzed_app())


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_error_and_answers_match_the_description(case: schemathesis.Case) -> None:
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, excluded_checks=NOT_APPLICABLE)
