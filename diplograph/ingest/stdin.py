"""Standard input ("-"): the format is sniffed from the first non-blank line, since there is no file suffix."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable, Iterator
from typing import BinaryIO, TextIO

from diplograph.ingest.base import ReadProblem, Source
from diplograph.ingest.corpus import read_jsonl
from diplograph.ingest.decoding import SNIFF_BYTES, UTF8_BOM
from diplograph.ingest.feeds import read_feed
from diplograph.ingest.text import read_text
from diplograph.ingest.webpage import read_html
from diplograph.model import Document

_FEED_RE = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]")
_HTML_RE = re.compile(rb"<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE)


def read_stdin(stream: TextIO | BinaryIO, source: Source) -> Iterator[Document | ReadProblem]:
    """JSON object lines stream as corpus JSONL; markup is read as a feed or a page; anything else as plain text."""
    lines = _byte_lines(stream)
    leading = _leading_lines(lines)
    content = itertools.chain(leading, lines)
    kind = _sniff(leading[-1] if leading else b"")
    if kind == "jsonl":
        yield from read_jsonl(content, source)
        return
    data = b"".join(content)
    if kind == "text":
        yield from read_text(data, source)
    elif _looks_like_feed(data):
        yield from read_feed(data, source)
    else:
        yield from read_html(data, source)


def _byte_lines(stream: TextIO | BinaryIO) -> Iterator[bytes]:
    """Lines as bytes, whether the caller passed a text or a binary stream, so one decoder handles both."""
    for line in stream:
        yield line.encode("utf-8", "surrogateescape") if isinstance(line, str) else line


def _leading_lines(lines: Iterable[bytes]) -> list[bytes]:
    """The lines up to and including the first non-blank one (the one the format is sniffed from)."""
    leading = []
    for line in lines:
        leading.append(line)
        if line.strip():
            break
    return leading


def _sniff(first: bytes) -> str:
    """'jsonl' when the first line is a JSON object, 'markup' when it starts with '<', else 'text'."""
    head = first.removeprefix(UTF8_BOM).strip()
    if head.startswith(b"<"):
        return "markup"
    if head.startswith(b"{") and _is_json_object(head):
        return "jsonl"
    return "text"


def _is_json_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):
        return False


def _looks_like_feed(data: bytes) -> bool:
    """An RSS, RDF or Atom root element near the top, and no HTML root before it."""
    head = data[:SNIFF_BYTES]
    return _FEED_RE.search(head) is not None and _HTML_RE.search(head) is None
