"""Corpus JSON: one object a line (.jsonl, .ndjson) or a list of objects (.json), fields as in the eval README."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from diplograph.ingest.base import ReadProblem, Source, Unreadable
from diplograph.ingest.dates import DATE_FORMATS, normalise_date
from diplograph.ingest.decoding import UTF8_BOM, check_not_empty, decode_utf8
from diplograph.model import Document


def read_jsonl(lines: Iterable[bytes], source: Source) -> Iterator[Document | ReadProblem]:
    """One document a line, read one line at a time so a file of any size streams in little memory.

    A bad line becomes a problem naming its number, and reading goes on with the next one.
    """
    seen = False
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        seen = True
        yield _line_document(raw.removeprefix(UTF8_BOM) if number == 1 else raw, number, source)
    if not seen:
        raise Unreadable("empty file")


def read_json(data: bytes, source: Source) -> Iterator[Document | ReadProblem]:
    """A JSON file holding one corpus object or a list of them (read whole: such files are small)."""
    text = decode_utf8(data)
    check_not_empty(text)
    for number, item in enumerate(_json_items(_parse(text)), 1):
        try:
            yield corpus_document(_as_object(item), number, source)
        except Unreadable as e:
            yield ReadProblem(source.origin, f"item {number}: {e}")


def corpus_document(record: dict[str, Any], number: int, source: Source) -> Document:
    """The Document a corpus object describes; `number` (line or item) makes the id of one that has none."""
    given_id = record.get("id")
    return Document(
        id=given_id if isinstance(given_id, str) and given_id.strip() else f"{source.name}:{number}",
        text=_text_field(record),
        published=_published_field(record) or source.published,
        title=_optional_string(record, "title"),
        url=_optional_string(record, "url"),
        source=_optional_string(record, "source"),
        origin=f"{source.origin}:{number}",
    )


def _line_document(raw: bytes, number: int, source: Source) -> Document | ReadProblem:
    """The document on one line, or the problem that line has (prefixed with its number)."""
    try:
        return corpus_document(_as_object(_parse(decode_utf8(raw))), number, source)
    except Unreadable as e:
        return ReadProblem(source.origin, f"line {number}: {e}")


def _parse(text: str) -> Any:
    """json.loads, with the parser's complaint and its column in the message."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise Unreadable(f"not valid JSON: {e.msg} (line {e.lineno}, column {e.colno})") from None
    except RecursionError:
        raise Unreadable("not valid JSON: nested too deeply") from None


def _json_items(value: Any) -> list[Any]:
    """A .json file may hold one object or a list of them."""
    if isinstance(value, dict):
        return [value]
    if not isinstance(value, list):
        raise Unreadable(f"expected a JSON object or a list of objects, not {_json_type(value)}")
    if not value:
        raise Unreadable("no documents (the list is empty)")
    return value


def _as_object(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Unreadable(f"expected a JSON object with a 'text' field, not {_json_type(value)}")
    return value


def _text_field(record: dict[str, Any]) -> str:
    """The text, exactly as given (offsets refer to it); it must be a non-blank string."""
    text = record.get("text")
    if "text" not in record:
        raise Unreadable("'text' is missing")
    if not isinstance(text, str):
        raise Unreadable(f"'text' must be a string, not {_json_type(text)}")
    if not text.strip():
        raise Unreadable("'text' is empty")
    return text


def _published_field(record: dict[str, Any]) -> str | None:
    """The document's own date as YYYY-MM-DD; null or blank means unknown, anything else unparsable is an error."""
    value = _optional_string(record, "published")
    if value is None or not value.strip():
        return None
    day = normalise_date(value)
    if day is None:
        raise Unreadable(f"'published' is not a date: {value!r} (expected {DATE_FORMATS})")
    return day


def _optional_string(record: dict[str, Any], name: str) -> str | None:
    value = record.get(name)
    if value is not None and not isinstance(value, str):
        raise Unreadable(f"'{name}' must be a string or null, not {_json_type(value)}")
    return value


def _json_type(value: Any) -> str:
    """The JSON name of a value's type, for messages the user can match against their file."""
    if value is None:
        return "null"
    names = {bool: "a boolean", int: "a number", float: "a number", str: "a string", list: "a list", dict: "an object"}
    return names.get(type(value), type(value).__name__)
