"""Bad input, fuzzed: every reader and extraction on random and hostile input never crash, hang or run away.

Properties (Hypothesis, bounded so the file runs in well under a minute; the long coverage-guided runs are the
atheris targets in fuzz/):

- every reader (text, HTML, JSON, JSONL, feeds, standard input, gzipped files) on random bytes, invalid UTF-8,
  control characters, broken or deeply nested markup and JSON of the wrong types yields only Documents and
  one-line ReadProblems naming the file, and never raises;
- `diplograph.extract` and `guard.extract_with_limits` on random text (control characters, every script) never
  raise, and every evidence span quotes the text;
- `extract_with_limits` turns each over-long, slow or failing document into exactly one problem, in input
  order, and extracts the rest;
- a 50 MB single line (plain text and JSONL) becomes one clear problem in bounded time and memory.

Each property prints how many inputs it tried (`pytest -s`); bench/RESULTS.md records the totals.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplograph.guard import DEFAULT_MAX_CHARS, extract_with_limits, time_limit_available
from diplograph.ingest import SUPPORTED_SUFFIXES, ReadProblem, read_sources
from diplograph.ingest.base import Source, guarded
from diplograph.ingest.stdin import read_stdin
from diplograph.model import Document, Extraction

REPO = Path(__file__).resolve().parents[1]
# The suite replays the same inputs on every run, so a red CI always points at a change; searching for new inputs
# is the job of the fuzz targets in fuzz/ (see bench/RESULTS.md), whose finds become regression tests here.
FAST = settings(deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
TRIED: dict[str, int] = {}


def tried(name: str) -> None:
    TRIED[name] = TRIED.get(name, 0) + 1


@pytest.fixture(scope="module", autouse=True)
def report_counts() -> Iterator[None]:
    yield
    print("\nfuzz inputs tried:", dict(sorted(TRIED.items())), "total", sum(TRIED.values()))


# --- strategies ---------------------------------------------------------------------------------------------------

CONTROL = st.characters(min_codepoint=0, max_codepoint=0x1F) | st.sampled_from("\x7f\x85\u2028\u2029\ufeff\ufffe")
ANY_TEXT = st.text(st.characters(codec="utf-8") | CONTROL, max_size=300)
INVALID_UTF8 = st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf", b"\x80\x80"])
JSON_LEAF = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | ANY_TEXT
JSON_VALUE = st.recursive(JSON_LEAF, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ANY_TEXT, inner,
                                                                                                 max_size=4),
                          max_leaves=12)  # fmt: skip
FIELDS = ["id", "text", "published", "title", "url", "source"]
CORPUS_OBJECT = st.dictionaries(st.sampled_from(FIELDS) | ANY_TEXT, JSON_VALUE | ANY_TEXT, max_size=7)
# "&#99999999;" and "&#xD800;" made feedparser raise (test_invalid_character_reference_in_a_feed): kept as a regression.
ENTITIES = ["&amp;", "&#0;", "&bogus;", "&", "&#65;", "&nbsp", "&#;", "&#99999999;", "&#xD800;"]
TAGS = ["html", "body", "p", "div", "script", "style", "article", "title", "meta", "time", "br", "a", "!--", "![CDATA["]


@st.composite
def markup(draw: st.DrawFn) -> str:
    """Broken, unbalanced and nested HTML or XML with random text and attributes."""
    parts = []
    for _ in range(draw(st.integers(0, 30))):
        tag = draw(st.sampled_from(TAGS))
        kind = draw(st.sampled_from(["open", "close", "text", "attr", "entity"]))
        if kind == "open":
            parts.append(f"<{tag}>")
        elif kind == "close":
            parts.append(f"</{tag}>")
        elif kind == "attr":
            charset = draw(st.sampled_from(["utf-8", "x", "latin1"]))
            parts.append(f'<{tag} content="{draw(ANY_TEXT)}" charset={charset}>')
        elif kind == "entity":
            parts.append(draw(st.sampled_from(ENTITIES)))
        else:
            parts.append(draw(ANY_TEXT))
    return "".join(parts)


@st.composite
def feed(draw: st.DrawFn) -> str:
    items = "".join(
        f"<item><title>{draw(ANY_TEXT)}</title><description>{draw(markup())}</description>"
        f"<pubDate>{draw(ANY_TEXT)}</pubDate></item>"
        for _ in range(draw(st.integers(0, 3)))
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{draw(ANY_TEXT)}</title>{items}'


def spoil(data: bytes, bad: list[tuple[int, bytes]]) -> bytes:
    """Insert invalid UTF-8 sequences at the given positions."""
    for where, chunk in bad:
        at = where % (len(data) + 1)
        data = data[:at] + chunk + data[at:]
    return data


@st.composite
def payload(draw: st.DrawFn, suffix: str) -> bytes:
    """Bytes for a file of `suffix`: mostly plausible content of that format, spoiled in random ways."""
    if suffix in (".jsonl", ".ndjson"):
        lines = draw(st.lists(CORPUS_OBJECT.map(lambda o: json.dumps(o)) | JSON_VALUE.map(json.dumps) | ANY_TEXT,
                              max_size=6))  # fmt: skip
        text = "\n".join(lines)
    elif suffix == ".json":
        text = json.dumps(draw(st.lists(CORPUS_OBJECT, max_size=3) | CORPUS_OBJECT | JSON_VALUE))
    elif suffix in (".html", ".htm"):
        text = draw(markup())
    elif suffix in (".xml", ".rss", ".atom"):
        text = draw(feed())
    else:
        text = draw(ANY_TEXT)
    data = text.encode("utf-8", "surrogatepass")
    if draw(st.booleans()):
        data = spoil(data, draw(st.lists(st.tuples(st.integers(0, 10_000), INVALID_UTF8), max_size=3)))
    if draw(st.integers(0, 9)) == 0:
        data = draw(st.binary(max_size=400))
    return data


def check_outputs(items: Iterable[Document | ReadProblem], origin: str) -> list[Document | ReadProblem]:
    out = list(items)
    for item in out:
        if isinstance(item, ReadProblem):
            assert item.origin.startswith(origin), item
            assert item.problem.strip() and "\n" not in str(item), f"not one line: {item!r}"
            assert "Traceback" not in item.problem
        else:
            assert isinstance(item, Document), item
            assert isinstance(item.text, str) and item.text.strip(), item
            assert item.published is None or len(item.published) == 10, item
    return out


# --- every reader ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", SUPPORTED_SUFFIXES)
@settings(FAST, max_examples=60)
@given(data=st.data())
def test_every_reader_survives_bad_files(tmp_path_factory: pytest.TempPathFactory, suffix: str, data: Any) -> None:
    content = data.draw(payload(suffix))
    gzipped = data.draw(st.integers(0, 5)) == 0
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / f"input{suffix}{'.gz' if gzipped else ''}"
    path.write_bytes(gzip.compress(content) if gzipped else content)
    check_outputs(read_sources([path]), str(path))
    tried(f"reader {suffix}")


@settings(FAST, max_examples=120)
@given(content=st.sampled_from(["", ".jsonl", ".html", ".xml", ".txt"]).flatmap(payload))
def test_stdin_survives_anything(content: bytes) -> None:
    check_outputs(guarded("stdin", read_stdin(io.BytesIO(content), Source("stdin", "stdin"))), "stdin")
    tried("reader stdin")


@settings(FAST, max_examples=60)
@given(objects=st.lists(CORPUS_OBJECT, min_size=1, max_size=8))
def test_jsonl_with_wrong_types_gives_one_problem_per_bad_line(objects: list[dict[str, Any]]) -> None:
    lines = [json.dumps(o).encode() for o in objects]
    source = Source("c.jsonl", "c")
    from diplograph.ingest.corpus import read_jsonl

    out = check_outputs(read_jsonl(iter(lines), source), "c.jsonl")
    assert len(out) == len(lines)  # one outcome a line: a document or the problem of that line
    for number, (obj, item) in enumerate(zip(objects, out, strict=True), 1):
        good_text = isinstance(obj.get("text"), str) and obj["text"].strip()
        if not good_text:
            assert isinstance(item, ReadProblem) and item.problem.startswith(f"line {number}: "), item
    tried("reader jsonl types")


def test_hostile_structures_give_clear_problems(tmp_path: Path) -> None:
    """Deep nesting, NUL bytes, BOMs, lone surrogates, binary files disguised by suffix."""
    cases = {
        "deep.json": b"[" * 100_000 + b"]" * 100_000,
        "deep.jsonl": b'{"text": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n" + b'{"text": "Japan sent aid."}\n',
        "nested.html": b"<div>" * 50_000 + b"<p>Japan sent food aid to India.</p>" + b"</div>" * 50_000,
        "nested.xml": b"<rss><channel><item><description>" + b"&lt;div&gt;" * 50_000 + b"</description></item>"
        + b"</channel></rss>",
        "nul.txt": b"Japan\x00sent aid",
        "bom16.txt": "\ufeffJapan sent aid.".encode("utf-16"),
        "surrogate.jsonl": b'{"text": "\\ud800 lone surrogate"}\n',
        "pdf.txt": b"%PDF-1.7 binary",
        "ctrl.txt": bytes(range(1, 32)) * 10,
        "latin.html": b'<html><head><meta charset="latin-1"></head><body><p>Caf\xe9 talks</p></body></html>',
        "empty.jsonl": b"\n\n\n",
        "bomb.xml": b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;'
        b'&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
        b"<rss><channel><item><description>&d;&d;&d;&d;&d;</description></item></channel></rss>",
    }
    for name, content in cases.items():
        (tmp_path / name).write_bytes(content)
    began = time.monotonic()
    out = check_outputs(read_sources([tmp_path]), str(tmp_path))
    assert time.monotonic() - began < 30
    by_origin = {o.origin.split(":")[0] if isinstance(o, Document) and o.origin else getattr(o, "origin", ""): o
                 for o in out}  # fmt: skip
    problems = [o for o in out if isinstance(o, ReadProblem)]
    assert any("nested too deeply" in p.problem for p in problems), problems
    assert any("NUL" in p.problem for p in problems) and any("PDF" in p.problem for p in problems)
    assert by_origin  # and the readable ones were read
    assert any(isinstance(o, Document) and "Japan sent aid." in o.text for o in out)
    tried("hostile structures")


@pytest.mark.parametrize("reference", ["&#99999999;", "&#xD800;"])
def test_invalid_character_reference_in_a_feed(tmp_path: Path, reference: str) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text(f'<rss version="2.0"><channel><item><description>{reference}<p>x</p></description></item>'
                   "</channel></rss>")  # fmt: skip
    (tmp_path / "good.txt").write_text("Japan sent food aid to India.")
    out = check_outputs(read_sources([bad, tmp_path / "good.txt"]), str(tmp_path))
    assert isinstance(out[0], ReadProblem) and isinstance(out[-1], Document)


# --- extraction -----------------------------------------------------------------------------------------------------

SENTENCES = [
    "Russia's foreign minister visited Beijing on Monday for talks.",
    "Japan sent $2 billion in food aid to India in 2022.",
    "North Korea threatened South Korea.",
    "China's exports to Brazil rose 12% to $89 billion last year.",
]


def assert_quotes(extraction: Extraction) -> None:
    text = extraction.document.text
    for record in extraction.records:
        for ev in record.evidence:
            assert 0 <= ev.start <= ev.end <= len(text) and text[ev.start : ev.end] == ev.text, record


@st.composite
def hostile_text(draw: st.DrawFn) -> str:
    """Real sentences cut up and interleaved with random text, control characters and odd spacing."""
    pieces = draw(st.lists(st.sampled_from(SENTENCES) | ANY_TEXT | CONTROL.map(lambda c: c * 3), min_size=1,
                           max_size=6))  # fmt: skip
    text = draw(st.sampled_from([" ", "\n", "\r\n", "\t", "", "\u00a0", "\n\n\n"])).join(pieces)
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(text)))
        text = text[:cut] + draw(ANY_TEXT) + text[cut:]
    return text


@settings(FAST, max_examples=200)
@given(text=hostile_text(), published=st.none() | st.sampled_from(["2015-04-30", "2023-03-20"]))
def test_extract_never_crashes_and_evidence_quotes_the_text(text: str, published: str | None) -> None:
    import diplograph

    extraction = diplograph.extract(text, published=published)
    assert_quotes(extraction)
    tried("extract")


@settings(FAST, max_examples=30)
@given(texts=st.lists(hostile_text(), min_size=1, max_size=5))
def test_extract_with_limits_on_random_batches(texts: list[str]) -> None:
    from diplograph.pipeline import default_extractor

    documents = [Document(id=f"d{i}", text=t) for i, t in enumerate(texts)]
    out = list(extract_with_limits(default_extractor(), documents, max_chars=200, seconds=30, batch_size=2))
    assert len(out) == len(documents)
    for document, item in zip(documents, out, strict=True):
        if len(document.text) > 200:
            assert isinstance(item, ReadProblem) and "over the limit of 200" in item.problem
        else:
            assert isinstance(item, Extraction) and item.document == document
            assert_quotes(item)
    tried("extract_with_limits")


# --- the guard: size, time, errors ------------------------------------------------------------------------------------


class FakeExtractor:
    """Extracts instantly, except for texts that say SLOW (sleeps) or BOOM (raises), as a bad document might."""

    def __init__(self) -> None:
        self.calls = 0

    def extract_documents(self, documents: Iterable[Document], *, batch_size: int = 64) -> Iterator[Extraction]:
        self.calls += 1
        for document in documents:
            if "SLOW" in document.text:
                time.sleep(30)
            if "BOOM" in document.text:
                raise ValueError("boom\nsecond line")
            yield Extraction(document)


KINDS = st.sampled_from(["ok", "ok", "ok", "long", "slow", "boom"])


@pytest.mark.skipif(not time_limit_available(), reason="the time limit needs SIGALRM in the main thread")
@settings(FAST, max_examples=25)
@given(kinds=st.lists(KINDS, max_size=8), batch_size=st.integers(1, 4))
def test_guard_turns_each_bad_document_into_one_problem(kinds: list[str], batch_size: int) -> None:
    text = {"ok": "fine", "long": "x" * 50, "slow": "SLOW", "boom": "BOOM"}
    documents = [Document(id=f"d{i}", text=f"{text[k]} {i}", origin=f"f.jsonl:{i + 1}") for i, k in enumerate(kinds)]
    began = time.monotonic()
    out = list(extract_with_limits(FakeExtractor(), documents, max_chars=20, seconds=0.05, batch_size=batch_size))  # type: ignore[arg-type]
    assert time.monotonic() - began < 0.05 * 2 * len(kinds) + 2
    assert len(out) == len(documents)
    for kind, document, item in zip(kinds, documents, out, strict=True):
        if kind == "ok":
            assert isinstance(item, Extraction) and item.document == document
            continue
        assert isinstance(item, ReadProblem) and item.origin == document.origin
        assert "\n" not in str(item)
        expected = {"long": "over the limit of 20 (--max-chars)", "slow": "took longer than 0.05 s (--timeout)",
                    "boom": "extraction failed (ValueError: boom)"}  # fmt: skip
        assert item.problem.startswith(f"document {document.id!r}") and expected[kind] in item.problem, item
    tried("guard")


def test_guard_refuses_bad_limits_and_knows_spacys() -> None:
    from diplograph.errors import ConfigError

    for bad in ({"max_chars": 0}, {"max_chars": 2_000_000}, {"seconds": 0}, {"seconds": -1}, {"batch_size": 0}):
        with pytest.raises(ConfigError):
            list(extract_with_limits(FakeExtractor(), [], **bad))  # type: ignore[arg-type]
    assert DEFAULT_MAX_CHARS <= 1_000_000


def test_guard_in_a_thread_applies_the_size_limit_only() -> None:
    import threading

    found: list[Any] = []
    documents = [Document("a", "fine"), Document("b", "x" * 50)]

    def run() -> None:
        assert not time_limit_available()
        found.extend(extract_with_limits(FakeExtractor(), documents, max_chars=20, seconds=1))  # type: ignore[arg-type]

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert isinstance(found[0], Extraction) and isinstance(found[1], ReadProblem)


HUGE = textwrap.dedent(
    """
    import resource, sys, time
    from pathlib import Path
    from diplograph.guard import extract_with_limits
    from diplograph.ingest import read_sources, ReadProblem
    from diplograph.model import Document
    from diplograph.pipeline import Extractor
    extractor = Extractor()
    began = time.monotonic()
    base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    problems, documents, extracted = [], [], []
    read = [x for x in read_sources(sys.argv[1:])]
    for item in read:
        (problems if isinstance(item, ReadProblem) else documents).append(item)
    for item in extract_with_limits(extractor, documents, seconds=60):
        (problems if isinstance(item, ReadProblem) else extracted).append(item)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(len(extracted), round(time.monotonic() - began, 1), (peak - base) // 1024)
    for p in problems:
        print(p)
    """
)


@pytest.mark.slow
def test_a_50_mb_single_line_is_one_clear_problem_in_bounded_time_and_memory(tmp_path: Path) -> None:
    size = 50 * 1024 * 1024
    line = "Russia sent food aid to China. " * (size // 31)
    (tmp_path / "huge.txt").write_text(line, encoding="utf-8")
    with open(tmp_path / "huge.jsonl", "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "small-1", "text": "Japan sent food aid to India in 2022."}) + "\n")
        f.write(json.dumps({"id": "huge", "text": line}) + "\n")
        f.write(json.dumps({"id": "small-2", "text": "North Korea threatened South Korea."}) + "\n")
    del line
    script = tmp_path / "huge.py"
    script.write_text(HUGE)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "huge.txt"), str(tmp_path / "huge.jsonl")],
        capture_output=True, text=True, env=env, timeout=180,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    first, *problems = done.stdout.splitlines()
    extracted, seconds, extra_mib = first.split()
    print(f"50 MB lines: {extracted} documents extracted, {seconds} s, {extra_mib} MiB over the model;", problems)
    assert int(extracted) == 2  # the two small documents of the JSONL
    assert len(problems) == 2 and all("over the limit of 100,000 (--max-chars)" in p for p in problems)
    assert problems[0].startswith(f"{tmp_path / 'huge.txt'}: document 'huge' is 52,428,") or "huge.txt" in problems[0]
    assert f"{tmp_path / 'huge.jsonl'}:2: document 'huge'" in problems[1]
    assert float(seconds) < 60 and int(extra_mib) < 1024  # the texts themselves (2 x 50 MB) and no parse of them


def test_html_that_trips_the_extractor_is_one_problem(tmp_path: Path) -> None:
    """Regression (found by the fuzz test in CI): a malformed tree made trafilatura/htmldate raise AssertionError."""
    bad = tmp_path / "bad.htm"
    bad.write_bytes(b"</html><html><html><body><script>")
    (tmp_path / "good.txt").write_text("Japan sent food aid to India.")
    out = check_outputs(read_sources([bad, tmp_path / "good.txt"]), str(tmp_path))
    assert isinstance(out[0], ReadProblem) and isinstance(out[-1], Document)
