"""A real Sitrep server for the dashboard's browser and API tests: uvicorn on a free loopback port,
over a fresh SQLite store filled through the HTTP API itself (POST /api/articles with a token),
with the two example articles and a set of hostile articles whose text carries script payloads.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import uvicorn

from sitrep.app import Sitrep
from sitrep.serve import create_app
from sitrep.settings import Settings

EXAMPLES = Path(__file__).resolve().parents[2] / "shared" / "examples" / "articles"
TOKEN = "test-token-for-writes"

# Every way a text could try to run script if a page forgot to escape it. If any runs, it sets
# window.__pwned (or opens a dialog); the browser test checks that neither happened.
PAYLOADS = (
    '<script>window.__pwned = "script"; alert(1)</script>',
    '<img src="x" onerror="window.__pwned = \'img\'">',
    "<a href=\"javascript:window.__pwned='link'\">read more</a>",
    '<svg onload="window.__pwned = \'svg\'"><script>window.__pwned = "svg-script"</script></svg>',
    '<div onmouseover="window.__pwned = \'handler\'" style="position:fixed;inset:0">x</div>',
    '"><iframe src="javascript:parent.__pwned=\'iframe\'"></iframe>',
)


def hostile_articles() -> list[dict[str, object]]:
    """Articles reporting a plausible attack whose text, title and outlet carry the payloads."""
    body = " ".join(PAYLOADS)
    report = (
        "Gunmen attacked a police checkpoint near Kandahar on Tuesday, killing four officers, "
        "the provincial governor said. "
    )
    return [
        {
            "id": "hostile-text",
            "text": f"Checkpoint attack {PAYLOADS[0]}\n\n{report}{body}\n\nWitnesses said they fled. {body}",
            "kind": "text",
            "published": "2021-03-02",
            "outlet": "Daily <img src=x onerror=\"window.__pwned='outlet'\">",
        },
        {
            "id": "hostile-html",
            "text": (
                "<html><head><title>Market bombing <script>window.__pwned='title'</script></title></head>"
                f"<body><article><h1>Market bombing</h1><p>A car bomb exploded in a market in Mogadishu on "
                f"Friday, killing seven people, police said. {body}</p><p>Al-Shabaab claimed the attack, "
                f"according to a statement. <a href=\"javascript:window.__pwned='a'\">statement</a></p>"
                f"<script>window.__pwned='inline'</script></article></body></html>"
            ),
            "kind": "html",
            "published": "2021-04-09",
            "outlet": "Example Wire",
        },
    ]


def example_articles() -> list[dict[str, object]]:
    """The shared example articles as API payloads, with their sidecar metadata."""
    found = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        meta_path = path.with_suffix(".meta.json")
        meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
        found.append(
            {
                "id": path.stem,
                "text": path.read_text(encoding="utf-8"),
                "published": meta.get("published"),
                "outlet": meta.get("outlet"),
                "url": meta.get("url"),
            }
        )
    return found


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class RunningServer:
    url: str
    sitrep: Sitrep


@contextmanager
def running_server(db_path: Path, token: str | None = TOKEN) -> Iterator[RunningServer]:
    """uvicorn serving a fresh Sitrep in a thread; stopped (and the store closed) on exit."""
    sitrep = Sitrep(Settings(db_url=f"sqlite:///{db_path}", token=token))
    port = free_port()
    config = uvicorn.Config(create_app(sitrep), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield RunningServer(f"http://127.0.0.1:{port}", sitrep)
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sitrep.store.close()


def ingest_over_http(
    base_url: str, articles: list[dict[str, object]], token: str = TOKEN
) -> list[dict[str, object]]:
    """POST each article to /api/articles as a client would; the responses, in order."""
    results = []
    with httpx.Client(base_url=base_url, timeout=300) as client:
        for article in articles:
            response = client.post(
                "/api/articles", json=article, headers={"Authorization": f"Bearer {token}"}
            )
            if response.status_code >= 300:
                raise AssertionError(
                    f"POST /api/articles {article.get('id')}: {response.status_code} {response.text}"
                )
            results.append(response.json())
    return results
