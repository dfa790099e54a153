"""One escaping of untrusted names and reasons, for the terminal and for the store.

File names, feed guids, JSONL ids and the messages of third-party parsers are untrusted: a file
name may hold a newline (forging a second "rejected" line), terminal escape sequences, or bytes
that are not UTF-8 (Python carries them as lone surrogates, which no database and no UTF-8
terminal accepts). Every such string passes through here before it is printed or stored.

    path_text(path)       a path as text: undecodable bytes as \\xNN, never a lone surrogate
    storable(text)        no NUL, no lone surrogate: any database can hold it
    for_terminal(text)    no control character, no bidi override: one visible line
"""

from __future__ import annotations

import os
import re

# C0 and C1 controls, DEL, and the bidirectional overrides that can make text read backwards.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def path_text(path: str | os.PathLike[str]) -> str:
    """A path as valid Unicode text: bytes of a non-UTF-8 name become \\xNN escapes."""
    return os.fsencode(path).decode("utf-8", errors="backslashreplace")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte Python could not decode (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def storable(text: str) -> str:
    """Text any database can hold: NUL and lone surrogates written as visible escapes."""
    if "\x00" in text:
        text = text.replace("\x00", "\\x00")
    return _SURROGATE.sub(_escape, text)


def for_terminal(text: str, *, keep_newlines: bool = False) -> str:
    """Text safe to print: control characters, bidi overrides and lone surrogates as escapes.

    With `keep_newlines`, line breaks and tabs stay (an article's body); otherwise the result is
    one line, so a name can never start a line of its own.
    """
    text = _SURROGATE.sub(_escape, text)
    if keep_newlines:
        return "\n".join(
            _UNPRINTABLE.sub(_escape, line.replace("\t", "    ")) for line in text.split("\n")
        )
    return _UNPRINTABLE.sub(_escape, text)

