"""The error tree. Library code raises these; only cli.py turns them into exit codes.

    SitrepError                 base: every error Sitrep raises on purpose, with a stable `code`
    +-- InputError              an input cannot be used; it is recorded as rejected, the batch goes on
    |   +-- EmptyInput          nothing but whitespace, or nothing left after cleaning
    |   +-- BinaryInput         not text (NUL bytes, an image)
    |   +-- EncodingError       not valid UTF-8 (or the declared encoding)
    |   +-- TooLarge            over Settings.max_input_bytes
    |   +-- NotEnglish          (kept for callers; other languages are now stored, not analysed)
    |   +-- MalformedInput      broken JSON line, HTML with no main text, unreadable feed
    |   +-- UnreadableInput     the operating system refused to read it
    |   +-- AnalysisFailed      a defect in Sitrep met this article (its record could not be made or kept)
    +-- PipelineError           stages in an order where one lacks what it requires (start-up)
    +-- StoreError              the database URL or schema is unusable
    +-- ConfigError             a setting or option has an unusable value
"""

from __future__ import annotations


class SitrepError(Exception):
    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(SitrepError):
    code = "E100"


class EmptyInput(InputError):
    code = "E101"


class BinaryInput(InputError):
    code = "E102"


class EncodingError(InputError):
    code = "E103"


class TooLarge(InputError):
    code = "E104"


class NotEnglish(InputError):
    code = "E105"


class MalformedInput(InputError):
    code = "E106"


class UnreadableInput(InputError):
    code = "E107"


class AnalysisFailed(InputError):
    """Sitrep failed on this one article: an unexpected error while extracting its events, or a
    record the store's constraints refuse. The article is rejected with the cause; the batch goes on."""

    code = "E108"


class PipelineError(SitrepError):
    code = "E200"


class StoreError(SitrepError):
    code = "E300"


class ConfigError(SitrepError):
    code = "E400"
