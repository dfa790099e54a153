"""Article metadata stated by the input itself: a `NAME.meta.json` sidecar or a JSONL record.

Both carry the same fields (`published`, `outlet`, `url`, `language`), checked the same way, so a
sidecar and a JSONL line with the same mistake get the same reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sitrep.errors import MalformedInput
from sitrep.ingest.checks import one_line
from sitrep.models import Article, ArticleKind

# The string fields both formats may carry, besides `published`.
TEXT_FIELDS = ("outlet", "url", "language")


@dataclass(frozen=True, slots=True)
class Metadata:
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None

    def article(
        self, source: str, name: str | None, body: str, kind: ArticleKind, *, given_id: bool = False
    ) -> Article:
        """The Article these fields describe: every reader that has a sidecar or a record builds it here."""
        return Article(
            source=source,
            name=name,
            body=body,
            kind=kind,
            published=self.published,
            outlet=self.outlet,
            url=self.url,
            language=self.language,
            given_id=given_id,
        )


def parse_published(value: Any) -> date | None:
    """An ISO 8601 date or date-time to its calendar date; the date the outlet printed is kept,
    not shifted to UTC, because relative dates in the text ("on Thursday") count from it."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"published must be an ISO date string, not {type(value).__name__}")
    text = value.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text).date()
    except ValueError:
        raise ValueError(f"published {one_line(text, 40)!r} is not an ISO date (YYYY-MM-DD)") from None


def read_metadata(record: dict[str, Any], where: str) -> Metadata:
    """Take the metadata fields out of a decoded JSON object; `where` starts the reason."""
    try:
        published = parse_published(record.get("published"))
    except ValueError as error:
        raise MalformedInput(f"{where}: {error}") from None
    values: dict[str, str | None] = {}
    for name in TEXT_FIELDS:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise MalformedInput(f"{where}: {name} must be a string, not {type(value).__name__}")
        values[name] = (value.strip() or None) if isinstance(value, str) else None
    return Metadata(published=published, **values)
