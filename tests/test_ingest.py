"""Readers: every format, folders, standard input, dates, and one ReadProblem per bad input."""

from __future__ import annotations

import gzip
import io
import itertools
import json
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from diplograph.errors import ConfigError, InputError
from diplograph.ingest import SUPPORTED_SUFFIXES, ReadProblem, read_sources
from diplograph.ingest.dates import normalise_date
from diplograph.ingest.markup import declared_date, html_to_text
from diplograph.ingest.sources import LINE_SUFFIXES, WHOLE_FILE_READERS
from diplograph.model import Document

DATA = Path(__file__).resolve().parent / "data" / "ingest"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "north-korea-new-diplomacy.txt"

SUMMIT = (
    "Leaders of Russia, Ukraine, France and Germany met in Minsk.\n"
    "They agreed on a ceasefire in eastern Ukraine from 15 February 2015."
)


def read(*sources: str | Path, **options: object) -> list[Document | ReadProblem]:
    return list(read_sources(list(sources), **options))  # type: ignore[arg-type]


def documents(results: list[Document | ReadProblem]) -> list[Document]:
    return [r for r in results if isinstance(r, Document)]


def problems(results: list[Document | ReadProblem]) -> list[ReadProblem]:
    return [r for r in results if isinstance(r, ReadProblem)]


def only_document(results: Sequence[Document | ReadProblem]) -> Document:
    assert len(results) == 1 and isinstance(results[0], Document), results
    return results[0]


def only_problem(results: Sequence[Document | ReadProblem]) -> ReadProblem:
    assert len(results) == 1 and isinstance(results[0], ReadProblem), results
    return results[0]


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- the public API ------------------------------------------------------------------------------------------


def test_supported_suffixes_each_have_a_reader() -> None:
    assert set(SUPPORTED_SUFFIXES) == set(WHOLE_FILE_READERS) | set(LINE_SUFFIXES)


def test_read_problem_text_and_error() -> None:
    problem = ReadProblem("corpus.jsonl", "line 7: not valid JSON")
    assert str(problem) == "corpus.jsonl: line 7: not valid JSON"
    error = problem.error()
    assert isinstance(error, InputError)
    assert (error.origin, error.problem, str(error)) == ("corpus.jsonl", "line 7: not valid JSON", str(problem))


def test_a_single_path_string_is_one_source(tmp_path: Path) -> None:
    path = write(tmp_path / "minsk.txt", SUMMIT)
    assert only_document(list(read_sources(str(path)))).id == "minsk"


# --- plain text -----------------------------------------------------------------------------------------------


def test_seed_file_reads_whole_with_its_stem_as_id() -> None:
    doc = only_document(read(SEED))
    assert doc.id == "north-korea-new-diplomacy"
    assert doc.text == SEED.read_text(encoding="utf-8")
    assert doc.origin == str(SEED)
    assert doc.title is None and doc.published is None


@pytest.mark.parametrize("suffix", [".txt", ".text", ".md", ".TXT"])
def test_plain_text_drops_bom_and_crlf_only(tmp_path: Path, suffix: str) -> None:
    raw = "\ufeffMinsk talks\r\n\r\n  Leaders met in Minsk.\rA lone CR stays.\n"
    doc = only_document(read(write(tmp_path / f"minsk{suffix}", raw)))
    assert doc.text == "Minsk talks\n\n  Leaders met in Minsk.\rA lone CR stays.\n"
    assert doc.title is None


def test_utf16_text_with_bom_is_read(tmp_path: Path) -> None:
    path = write(tmp_path / "notepad.txt", SUMMIT.encode("utf-16"))
    assert only_document(read(path)).text == SUMMIT


def test_gzipped_text_is_read(tmp_path: Path) -> None:
    path = write(tmp_path / "minsk.txt.gz", gzip.compress(SUMMIT.encode("utf-8")))
    doc = only_document(read(path))
    assert (doc.id, doc.text) == ("minsk", SUMMIT)


# --- corpus JSONL and JSON ------------------------------------------------------------------------------------


def test_jsonl_fixture() -> None:
    path = DATA / "corpus.jsonl"
    camp_david, asean, minsk = (only_document([r]) for r in read(path))
    assert camp_david.id == "camp-david-1978"
    assert (camp_david.published, camp_david.title, camp_david.source) == (
        "1978-09-17",
        "Camp David Accords signed",
        "Archive Desk",
    )
    assert camp_david.url == "https://example.org/1978/camp-david"
    assert camp_david.origin == f"{path}:1"
    assert (asean.id, asean.published, asean.origin) == ("corpus:2", "2015-08-04", f"{path}:2")
    assert minsk.published is None


def test_jsonl_streams_line_by_line() -> None:
    """An endless input still gives its first documents: nothing waits for the end of the stream."""

    def endless() -> Iterator[bytes]:
        for n in itertools.count(1):
            yield json.dumps({"id": f"d{n}", "text": f"Talks, round {n}."}).encode() + b"\n"

    class Stream:
        def __iter__(self) -> Iterator[bytes]:
            return endless()

    first = list(itertools.islice(read_sources(["-"], stdin=Stream()), 3))  # type: ignore[arg-type]
    assert [d.id for d in first if isinstance(d, Document)] == ["d1", "d2", "d3"]


def test_gzipped_jsonl_and_ndjson(tmp_path: Path) -> None:
    line = json.dumps({"id": "x", "text": SUMMIT}) + "\n"
    gz = write(tmp_path / "c.jsonl.gz", gzip.compress(line.encode()))
    nd = write(tmp_path / "c.ndjson", line)
    assert [d.text for d in documents(read(gz, nd))] == [SUMMIT, SUMMIT]


def test_broken_gzip_is_one_problem(tmp_path: Path) -> None:
    path = write(tmp_path / "c.jsonl.gz", b"not gzip at all")
    assert "not a valid gzip file" in only_problem(read(path)).problem


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "a", "text": "x"', "line 2: not valid JSON: "),
        ('["a list"]', "line 2: expected a JSON object with a 'text' field, not a list"),
        ('{"id": "a"}', "line 2: 'text' is missing"),
        ('{"id": "a", "text": "  "}', "line 2: 'text' is empty"),
        ('{"id": "a", "text": 42}', "line 2: 'text' must be a string, not a number"),
        ('{"text": "x", "published": "30/04/2015"}', "line 2: 'published' is not a date: '30/04/2015'"),
        ('{"text": "x", "published": 2015}', "line 2: 'published' must be a string or null, not a number"),
        ('{"text": "x", "title": ["a"]}', "line 2: 'title' must be a string or null, not a list"),
    ],
)
def test_bad_jsonl_line_is_one_problem_and_reading_goes_on(tmp_path: Path, line: str, message: str) -> None:
    good = json.dumps({"id": "good", "text": SUMMIT})
    path = write(tmp_path / "corpus.jsonl", f"{good}\n{line}\n\n{good}\n")
    results = read(path)
    assert [type(r).__name__ for r in results] == ["Document", "ReadProblem", "Document"]
    problem = problems(results)[0]
    assert problem.origin == str(path)
    assert problem.problem.startswith(message)


def test_jsonl_id_that_is_not_a_string_gets_a_generated_one(tmp_path: Path) -> None:
    path = write(tmp_path / "wire.jsonl", '{"id": 7, "text": "Talks resumed."}\n')
    assert only_document(read(path)).id == "wire:1"


def test_jsonl_bad_utf8_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path / "c.jsonl", b'{"text": "ok"}\n{"text": "Sa\xefd"}\n')
    assert only_problem(problems(read(path))).problem == "line 2: not valid UTF-8 at byte 12 (save the file as UTF-8)"


def test_json_list_and_single_object(tmp_path: Path) -> None:
    inf, basic = documents(read(DATA / "treaties.json"))
    assert (inf.id, inf.published) == ("inf-1987", "1987-12-08")
    assert (basic.id, basic.title, basic.published) == ("treaties:2", "Treaty on Basic Relations", "1965-06-22")
    single = write(tmp_path / "one.json", json.dumps({"id": "one", "text": SUMMIT}))
    assert only_document(read(single)).id == "one"


def test_json_that_is_not_a_corpus_is_one_problem(tmp_path: Path) -> None:
    path = write(tmp_path / "n.json", "42")
    assert only_problem(read(path)).problem == "expected a JSON object or a list of objects, not a number"


# --- HTML -----------------------------------------------------------------------------------------------------


def test_html_gives_the_article_body_without_boilerplate() -> None:
    doc = only_document(read(DATA / "lausanne-framework.html"))
    assert doc.id == "lausanne-framework"
    assert "Iran and six world powers agreed on Thursday in Lausanne" in doc.text
    assert "Zarif said Iran would honour its commitments" in doc.text
    for boilerplate in ("cookies", "Home", "Business", "Privacy policy", "All rights reserved"):
        assert boilerplate not in doc.text
    assert doc.published == "2015-04-02"
    assert doc.title == "Negotiators agree framework on Iran's nuclear programme"
    assert doc.url == "https://example.org/2015/04/lausanne-framework"


def article_page(head: str = "", body_extra: str = "") -> str:
    paragraphs = "".join(
        f"<p>{sentence} The delegations met again on the next day to continue the discussion of the text.</p>"
        for sentence in SUMMIT.split("\n")
    )
    return (
        f"<html><head>{head}<title>Minsk</title></head><body><article>{paragraphs}{body_extra}</article></body></html>"
    )


@pytest.mark.parametrize(
    "head",
    [
        '<meta name="pubdate" content="2015-02-12">',
        '<meta name="DC.date.issued" content="2015-02-12T08:00:00Z">',
        '<meta property="og:published_time" content="2015-02-12">',
    ],
)
def test_html_date_from_meta_tags(tmp_path: Path, head: str) -> None:
    path = write(tmp_path / "minsk.html", article_page(head))
    assert only_document(read(path, published="2000-01-01")).published == "2015-02-12"


def test_declared_date_falls_back_to_time_element() -> None:
    assert declared_date('<p>Posted <time datetime="2015-02-12T09:30:00+03:00">12 Feb</time></p>') == "2015-02-12"
    assert declared_date('<meta name="date" content="not a date"><p>No date</p>') is None


def test_html_without_a_date_takes_the_fallback(tmp_path: Path) -> None:
    path = write(tmp_path / "minsk.htm", article_page())
    assert only_document(read(path, published="2015-02-13")).published == "2015-02-13"


def test_html_in_a_declared_legacy_charset(tmp_path: Path) -> None:
    page = article_page('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', "<p>Café.</p>")
    doc = only_document(read(write(tmp_path / "legacy.html", page.encode("cp1252"))))
    assert "Café." in doc.text


def test_html_with_no_text_is_one_problem(tmp_path: Path) -> None:
    path = write(
        tmp_path / "empty-page.html",
        "<html><head><title>t</title></head><body><script>x()</script><img src='a.png'></body></html>",
    )
    assert only_problem(read(path)).problem == "no article text found in the HTML"


def test_html_to_text_keeps_paragraphs() -> None:
    fragment = "<p>One &amp; two</p><script>x()</script><p>Three<br>four   five</p>"
    assert html_to_text(fragment) == "One & two\nThree\nfour five"


# --- feeds ----------------------------------------------------------------------------------------------------


def test_rss_entries() -> None:
    singapore, paris = documents(read(DATA / "summits.rss"))
    assert singapore.id == "summit-watch-2018-06-12"
    assert singapore.published == "2018-06-12"
    assert singapore.title == "Trump and Kim meet in Singapore"
    assert singapore.url == "https://example.org/2018/06/singapore-summit"
    assert singapore.source == "Summit Watch"
    assert "<" not in singapore.text and "complete denuclearisation of the Korean peninsula" in singapore.text
    assert (paris.id, paris.published) == ("https://example.org/2015/12/paris-agreement", "2015-12-12")


def test_atom_entries() -> None:
    hanoi, new_start = documents(read(DATA / "talks.atom"))
    assert (hanoi.id, hanoi.published, hanoi.url) == (
        "urn:example:hanoi-2019",
        "2019-02-28",
        "https://example.org/2019/02/hanoi",
    )
    assert hanoi.text.startswith("The second summit between Donald Trump and Kim Jong-un in Hanoi")
    assert (new_start.published, new_start.title) == ("2021-02-03", "New START extended for five years")


def test_feed_entry_without_id_or_link_gets_a_numbered_id(tmp_path: Path) -> None:
    rss = "<rss version='2.0'><channel><item><description>Talks began.</description></item></channel></rss>"
    assert only_document(read(write(tmp_path / "bare.rss", rss))).id == "bare#1"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("<rss version='2.0'><channel><title>Empty</title></channel></rss>", "the feed has no entries"),
        ("<rss><channel><title>broken", "not a valid RSS or Atom feed (at 2:"),
    ],
)
def test_feed_without_entries_is_one_problem(tmp_path: Path, content: str, message: str) -> None:
    assert only_problem(read(write(tmp_path / "news.xml", content))).problem.startswith(message)


# --- dates ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("2015-04-30", "2015-04-30"),
        (" 2015-04-30T23:30:00-05:00 ", "2015-04-30"),
        ("2015-04-30T10:00:00Z", "2015-04-30"),
        ("Thu, 30 Apr 2015 10:00:00 GMT", "2015-04-30"),
        ("30 Apr 2015 10:00 +0200", "2015-04-30"),
        ("30/04/2015", None),
        ("2015-13-01", None),
        ("", None),
    ],
)
def test_normalise_date(value: str, day: str | None) -> None:
    assert normalise_date(value) == day


def test_the_documents_own_date_wins_over_the_fallback(tmp_path: Path) -> None:
    lines = [{"id": "dated", "text": "x", "published": "2015-04-30"}, {"id": "undated", "text": "y"}]
    path = write(tmp_path / "c.jsonl", "".join(json.dumps(line) + "\n" for line in lines))
    dated, undated = documents(read(path, published="Fri, 01 May 2015 00:00:00 +0000"))
    assert (dated.published, undated.published) == ("2015-04-30", "2015-05-01")
    assert only_document(read(SEED, published="2015-04-30T12:00:00")).published == "2015-04-30"


def test_a_bad_fallback_date_is_refused_before_reading() -> None:
    with pytest.raises(ConfigError, match="not a date"):
        read_sources([SEED], published="last spring")


# --- bad files and folders ------------------------------------------------------------------------------------


def test_folder_reads_good_files_and_reports_each_bad_one_once(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    write(folder / "good.txt", SUMMIT)
    write(folder / "sub" / "nested.md", "Ministers met in Geneva.")
    good = json.dumps({"id": "line-one", "text": SUMMIT})
    jsonl = write(folder / "corpus.jsonl", good + '\n{"id": "broken", "text": \n')
    binary = write(folder / "scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    nul = write(folder / "photo.html", b"\x00\x01\x02 not text")
    empty = write(folder / "empty.txt", " \n\t\n")
    latin1 = write(folder / "latin1.txt", "Déclaration de Paris".encode("latin-1"))
    unknown = write(folder / "data.xyz", "whatever")
    write(folder / ".hidden.xyz", "skipped")
    write(folder / ".git" / "config", "skipped")

    results = read(folder)

    assert sorted(d.id for d in documents(results)) == ["good", "line-one", "sub/nested"]
    found = {p.origin: p.problem for p in problems(results)}
    assert len(found) == len(problems(results)) == 6
    assert found[str(jsonl)].startswith("line 2: not valid JSON")
    assert found[str(binary)] == "binary file (looks like PDF)"
    assert found[str(nul)] == "binary file (contains NUL bytes)"
    assert found[str(empty)] == "empty file"
    assert found[str(latin1)] == "not valid UTF-8 at byte 1 (save the file as UTF-8)"
    assert found[str(unknown)].startswith("unknown format '.xyz' (supported: .txt, ")


def test_folder_is_read_in_name_order(tmp_path: Path) -> None:
    for name in ("b.txt", "a/z.txt", "c.txt"):
        write(tmp_path / name, f"Text of {name}.")
    assert [d.id for d in documents(read(tmp_path))] == ["a/z", "b", "c"]


def test_missing_path_is_one_problem(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    assert only_problem(read(missing)) == ReadProblem(str(missing), "no such file or folder")


def test_file_without_suffix_is_one_problem(tmp_path: Path) -> None:
    path = write(tmp_path / "README", "x")
    assert only_problem(read(path)).problem.startswith("unknown format (the file name has no suffix)")


def test_unreadable_file_is_one_problem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Simulated, since tests often run as root, whom permissions do not stop."""
    path = write(tmp_path / "secret.txt", SUMMIT)

    def denied(path: Path, compressed: bool) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("diplograph.ingest.sources._open", denied)
    assert only_problem(read(path)) == ReadProblem(str(path), "cannot read: permission denied")


def test_reading_goes_on_after_a_bad_source(tmp_path: Path) -> None:
    results = read(tmp_path / "missing.txt", SEED)
    assert [type(r).__name__ for r in results] == ["ReadProblem", "Document"]


# --- standard input -------------------------------------------------------------------------------------------


def test_stdin_plain_text_binary_and_text_streams() -> None:
    doc = only_document(read("-", stdin=io.BytesIO(b"\xef\xbb\xbf" + SUMMIT.encode().replace(b"\n", b"\r\n"))))
    assert (doc.id, doc.text, doc.origin) == ("stdin", SUMMIT, "stdin")
    assert only_document(read("-", stdin=io.StringIO(SUMMIT))).text == SUMMIT


def test_stdin_jsonl() -> None:
    lines = ["", json.dumps({"id": "a", "text": "One."}), json.dumps({"text": "Two.", "published": "2015-04-30"})]
    results = read("-", stdin=io.StringIO("\n".join(lines) + "\n"), published="2015-01-01")
    one, two = documents(results)
    assert (one.id, one.published) == ("a", "2015-01-01")
    assert (two.id, two.published, two.origin) == ("stdin:3", "2015-04-30", "stdin:3")


def test_stdin_markup_is_sniffed_as_feed_or_page() -> None:
    rss = (DATA / "summits.rss").read_bytes()
    assert len(documents(read("-", stdin=io.BytesIO(rss)))) == 2
    page = (DATA / "lausanne-framework.html").read_bytes()
    assert only_document(read("-", stdin=io.BytesIO(page))).published == "2015-04-02"


def test_empty_stdin_is_one_problem() -> None:
    assert only_problem(read("-", stdin=io.BytesIO(b""))) == ReadProblem("stdin", "empty file")


# --- property -------------------------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(text=st.text())
def test_any_text_file_reads_back_or_is_a_problem(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    path = tmp_path_factory.mktemp("prop") / "article.txt"
    path.write_bytes(text.encode("utf-8"))
    (result,) = read(path)
    if isinstance(result, Document):
        assert result.text == text.removeprefix("\ufeff").replace("\r\n", "\n")
    else:
        head = text.encode("utf-8")[:8192]
        empty = not text.removeprefix("\ufeff").strip()  # a file holding only a byte-order mark is empty
        assert empty or b"\x00" in head or head[:2] in {b"%P", b"PK", b"\x1f\x8b", b"GI", b"7z", b"Ra"}
