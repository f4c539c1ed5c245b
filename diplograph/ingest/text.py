"""Plain text files (.txt, .text, .md): the whole file is one document, kept exactly as written."""

from __future__ import annotations

from collections.abc import Iterator

from diplograph.ingest.base import Source
from diplograph.ingest.decoding import check_not_empty, decode_text
from diplograph.model import Document


def read_text(data: bytes, source: Source) -> Iterator[Document]:
    """One document whose text is the file's, so evidence offsets can be checked against the file itself.

    Only a UTF-8 BOM is dropped and CRLF becomes LF; the first line is not taken as a title, because plain
    text has no convention that says it is one.
    """
    text = decode_text(data)
    check_not_empty(text)
    yield Document(id=source.name, text=text, published=source.published, origin=source.origin)
