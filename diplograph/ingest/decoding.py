"""Bytes to text: refuse binary files, decode UTF-8 (or the charset a page declares), normalise line ends."""

from __future__ import annotations

import codecs
import re

from diplograph.ingest.base import Unreadable

SNIFF_BYTES = 8192
UTF8_BOM = codecs.BOM_UTF8
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
BINARY_MAGIC = {
    b"%PDF": "PDF",
    b"PK\x03\x04": "ZIP",
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF8": "GIF",
    b"\x1f\x8b": "gzip",
    b"\x7fELF": "an executable",
    b"\xd0\xcf\x11\xe0": "an old MS Office file",
    b"SQLite format 3\x00": "SQLite",
    b"7z\xbc\xaf\x27\x1c": "7-Zip",
    b"Rar!": "RAR",
}
_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


def check_not_binary(head: bytes) -> None:
    """Refuse PDFs, images, archives and other binary files: read as text they would give garbage documents."""
    for magic, kind in BINARY_MAGIC.items():
        if head.startswith(magic):
            raise Unreadable(f"binary file (looks like {kind})")
    if not head.startswith(UTF16_BOMS) and b"\x00" in head[:SNIFF_BYTES]:
        raise Unreadable("binary file (contains NUL bytes)")


def check_not_empty(data: bytes | str) -> None:
    """An empty or blank file is almost always a failed download or export: say so rather than skip it."""
    if not data.strip():
        raise Unreadable("empty file")


def decode_text(data: bytes) -> str:
    """The text of a plain-text file: UTF-8 (or UTF-16 with a BOM), BOM dropped, CRLF turned into LF."""
    check_not_binary(data[:SNIFF_BYTES])
    text = _decode_utf16(data) if data.startswith(UTF16_BOMS) else decode_utf8(data)
    return text.replace("\r\n", "\n")


def decode_utf8(data: bytes) -> str:
    """UTF-8 with its BOM dropped; the error names the first bad byte so the user can find it."""
    body = data.removeprefix(UTF8_BOM)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as e:
        offset = e.start + len(data) - len(body)
        raise Unreadable(f"not valid UTF-8 at byte {offset} (save the file as UTF-8)") from None


def decode_markup(data: bytes) -> str:
    """An HTML page: UTF-8 first, then the charset its <meta> declares (older sites often use windows-1252)."""
    check_not_binary(data[:SNIFF_BYTES])
    if data.startswith(UTF16_BOMS):
        return _decode_utf16(data)
    try:
        return decode_utf8(data)
    except Unreadable as utf8_problem:
        charset = declared_charset(data)
        if charset is None:
            raise
        return _decode_declared(data, charset, utf8_problem)


def declared_charset(data: bytes) -> str | None:
    """The charset named by a <meta charset> or http-equiv tag near the top of the page, if Python knows it."""
    match = _CHARSET_RE.search(data[:SNIFF_BYTES])
    if match is None:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _decode_declared(data: bytes, charset: str, utf8_problem: Unreadable) -> str:
    """Decode with the declared charset; when that fails too, report both failures."""
    try:
        return data.decode(charset)
    except UnicodeDecodeError as e:
        raise Unreadable(f"{utf8_problem}, nor valid {charset} as the page declares (byte {e.start})") from None


def _decode_utf16(data: bytes) -> str:
    """UTF-16 with a BOM (what Windows Notepad calls 'Unicode'): the codec reads and drops the BOM."""
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError as e:
        raise Unreadable(f"not valid UTF-16 at byte {e.start}") from None
