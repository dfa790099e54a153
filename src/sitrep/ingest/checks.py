"""Checks every input body passes before it becomes an Article.

Ingest is the one place raw bytes enter Sitrep, so it is where binary files, empty files, wrong
encodings and oversized files are turned into InputErrors with one clear line of reason. Later
stages can then assume a non-empty `str` of reasonable size.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat

from sitrep.errors import BinaryInput, EmptyInput, EncodingError, TooLarge, UnreadableInput
from sitrep.escaping import for_terminal

# File signatures ("magic numbers") of formats people drop into an input folder by mistake.
# (offset, leading bytes, what to call it). Text never starts with these bytes.
SIGNATURES: tuple[tuple[int, bytes, str], ...] = (
    # images
    (0, b"\x89PNG\r\n\x1a\n", "PNG image"),
    (0, b"\xff\xd8\xff", "JPEG image"),
    (0, b"GIF87a", "GIF image"),
    (0, b"GIF89a", "GIF image"),
    (0, b"II*\x00", "TIFF image"),
    (0, b"MM\x00*", "TIFF image"),
    (8, b"WEBP", "WebP image"),
    # documents
    (0, b"%PDF-", "PDF document"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document"),
    (0, b"{\\rtf", "RTF document"),
    (0, b"SQLite format 3\x00", "SQLite database"),
    # archives and compressed data (gzip only where a .gz name does not announce it)
    (0, b"PK\x03\x04", "ZIP archive"),
    (0, b"PK\x05\x06", "ZIP archive"),
    (0, b"\x1f\x8b", "gzip data"),
    (0, b"BZh", "bzip2 data"),
    (0, b"\xfd7zXZ\x00", "xz data"),
    (0, b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (0, b"\x28\xb5\x2f\xfd", "Zstandard data"),
    # executables and media
    (0, b"\x7fELF", "ELF executable"),
    (0, b"MZ", "Windows executable"),
    (0, b"ID3", "MP3 audio"),
    (0, b"OggS", "Ogg media"),
    (4, b"ftyp", "MP4 media"),
)

# A file starting with these decodes as UTF-16; without a BOM, UTF-16 is indistinguishable from binary.
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)

# Where an HTML page (or an XML declaration) states its charset; only the first bytes are searched.
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})"""
    rb"""|<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})""",
    re.IGNORECASE,
)
_CHARSET_SNIFF_BYTES = 4096
# Labels that browsers read as windows-1252 (WHATWG Encoding Standard), so pages declaring them are too.
_WINDOWS_1252_LABELS = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "us-ascii", "ascii", "l1"})


def one_line(text: str, limit: int = 200) -> str:
    """A reason is shown in a table row and a log line: no newlines, no control characters (a
    parser's message may quote raw bytes of the input), bounded length."""
    flat = for_terminal(" ".join(text.split()))
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def too_large(size: int, limit: int, *, decompressed: bool = False) -> TooLarge:
    if decompressed:
        return TooLarge(f"too large: over {limit:,} bytes once decompressed (limit {limit:,})")
    return TooLarge(f"too large: {size:,} bytes (limit {limit:,})")


def binary_kind(data: bytes, *, gzip_expected: bool = False) -> str | None:
    """Name the binary format of `data` from its first bytes, or None when it may be text."""
    for offset, magic, label in SIGNATURES:
        if data[offset : offset + len(magic)] == magic:
            if label == "gzip data" and gzip_expected:
                continue
            if label == "bzip2 data" and not data[3:4].isdigit():
                continue  # "BZh" alone is an ordinary word
            if label == "Windows executable" and b"\x00" not in data[:64]:
                continue  # "MZ" alone may start a line of text
            return label
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a meta tag or XML declaration, if Python knows it."""
    match = _DECLARED_CHARSET.search(data[:_CHARSET_SNIFF_BYTES])
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii").lower()
    if label in _WINDOWS_1252_LABELS:
        label = "windows-1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_body(data: bytes, *, charset: str | None = None, sniff_html: bool = False) -> str:
    """Bytes to text, or the InputError saying why they are not usable text.

    UTF-8 is tried first (with or without BOM) because pages declaring latin-1 are often UTF-8 in
    fact; only when that fails is the declared charset used: `charset` (an HTTP header) or, with
    `sniff_html`, the page's own meta tag.
    """
    if not data.strip():
        raise EmptyInput("empty file")
    if data.startswith(_UTF16_BOMS):
        text = data.decode("utf-16", errors="replace")
        return check_text(text)
    label = binary_kind(data)
    if label:
        raise BinaryInput(f"binary file ({label}), not text")
    if b"\x00" in data:
        raise BinaryInput("binary file (contains NUL bytes), not text")
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        text = data[bom:].decode("utf-8")
    except UnicodeDecodeError as error:
        fallback = charset or (declared_charset(data) if sniff_html else None)
        if fallback and codecs.lookup(fallback).name != "utf-8":
            try:
                text = data.decode(fallback)
            except (UnicodeDecodeError, LookupError):
                raise EncodingError(f"not valid {fallback} (the declared charset)") from None
        else:
            raise EncodingError(f"not valid UTF-8 at byte {error.start + bom}") from None
    return check_text(text)


def check_text(text: str, empty_reason: str = "empty file") -> str:
    """Checks for text that arrived already decoded (a JSONL field, a feed item, an API call)."""
    if not text.strip():
        raise EmptyInput(empty_reason)
    if "\x00" in text:
        raise BinaryInput("binary content (contains NUL characters), not text")
    return text


def stat_regular_file(path: str | os.PathLike[str]) -> os.stat_result:
    """stat() a path that is about to be opened, refusing anything but a regular file.

    Opening a named pipe blocks forever and a device may never end, so the type is checked before
    any open(). Root reads files whatever their mode, so this is also where unreadable things that
    root cannot read either (dangling symlinks, pipes, sockets) are caught.
    """
    try:
        info = os.stat(path)
    except OSError as error:
        if isinstance(error, FileNotFoundError) and os.path.islink(path):
            raise UnreadableInput("unreadable: broken symbolic link (its target does not exist)") from None
        raise UnreadableInput(describe_os_error(error)) from None
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableInput(f"unreadable: not a regular file ({_file_type(info.st_mode)})")
    return info


def _file_type(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def describe_os_error(error: OSError) -> str:
    """One line for the user: what the OS refused, without Python's '[Errno 13]' noise."""
    reasons = {
        errno.ENOENT: "no such file or directory",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EISDIR: "is a directory",
        errno.ELOOP: "too many levels of symbolic links",
        errno.ENAMETOOLONG: "file name too long",
        errno.EIO: "input/output error",
    }
    reason = reasons.get(error.errno or -1) or error.strerror or str(error) or type(error).__name__
    return one_line(f"unreadable: {reason}")
