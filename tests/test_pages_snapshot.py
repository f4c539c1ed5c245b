"""A behaviour snapshot of every page of the web UI, to change how pages are built without changing what they show.

Each page is requested through FastAPI's TestClient from a store built like tests/test_api.py's (the seed
article, the hostile document and a few news stories, through the real extractor), plus filler documents without
facts so that the documents list has a second page. For each page the test compares with
tests/data/pages_snapshot.json:

- the status code and the headers that matter (content type, Content-Security-Policy, Cache-Control);
- the visible text, with the tags stripped and whitespace normalised (block elements count as a break, as in a
  browser, so that re-indented markup reads the same but two words that lose the space between them do not);
- the sorted link targets (every `href`) and each form's method, action and fields (name and value);
- the elements as a count of each tag with its classes and the hooks the UI tests and the stylesheet use
  (`role`, `data-chart`, `aria-*`, ...), so that a lost class, chart or `<details>` shows.

Markup that parses the same (quoting, attribute order, whitespace between tags) compares equal. Stylesheets and
other bodies that are not HTML are compared by their SHA-256.

To record the snapshot again after a deliberate change of the pages (then review the diff of the JSON file):

    DIPLOGRAPH_UPDATE_SNAPSHOT=1 .venv/bin/pytest -q tests/test_pages_snapshot.py
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from diplograph.confidence import passes
from diplograph.ingest import read_sources
from diplograph.model import Document, Extraction
from diplograph.query import facts as query_facts
from diplograph.query import incidents as query_incidents
from diplograph.store import Store
from diplograph.watch.alerts import Alert, add_alert, check_alerts, parse_query
from diplograph.web import create_app
from diplograph.web.pages import router
from diplograph.web.testing import build_store, hostile_document

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "seed" / "north-korea-new-diplomacy.txt"
NEWS = SHARED / "corpus" / "voa-stories.jsonl"
SNAPSHOT = Path(__file__).parent / "data" / "pages_snapshot.json"
UPDATE = os.environ.get("DIPLOGRAPH_UPDATE_SNAPSHOT") == "1"
NEWS_STORIES = 8
FILLER_DOCUMENTS = 45  # with the 10 real ones, more than the 50 a documents page shows

pytestmark = [
    pytest.mark.skipif(not SEED.exists(), reason=f"the seed article is not beside the repository ({SEED})"),
    pytest.mark.skipif(not NEWS.exists(), reason=f"the news corpus is not beside the repository ({NEWS})"),
    pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`"),
]

# label -> path; {placeholders} are filled from the store (content hashes, a fact, a cursor).
PAGES = {
    "home": "/",
    "search, no query": "/search",
    "search, blank query": "/search?q=%20%20",
    "search, a state code": "/search?q=PRK",
    "search, words": "/search?q=North",
    "search, hostile": "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "search, nothing found": "/search?q=zzzz-nothing-zzzz",
    "states": "/states",
    "state PRK": "/states/PRK",
    "state rus, lower case": "/states/rus",
    "state CHN": "/states/CHN",
    "state USA": "/states/USA",
    "state unknown": "/states/XYZ",
    "dyad RUS-PRK": "/dyads/RUS/PRK",
    "dyad CHN-PRK": "/dyads/CHN/PRK",
    "dyad USA-PRK": "/dyads/USA/PRK",
    "dyad unknown": "/dyads/XYZ/ABC",
    "documents": "/documents",
    "documents, second page": "/documents?offset=50",
    "documents, bad offset": "/documents?offset=-1",
    "document seed": "/documents/{seed}",
    "document seed by id": "/documents/north-korea-new-diplomacy",
    "document seed, a fact selected": "/documents/{seed}?fact={seed_fact}",
    "document seed, an unknown fact": "/documents/{seed}?fact=e-nothing",
    "document hostile": "/documents/{hostile}",
    "document with hidden candidates": "/documents/{hidden}",
    "document with hidden candidates, all": "/documents/{hidden}?all=true",
    "document filler": "/documents/filler-00",
    "document unknown": "/documents/no-such-document",
    "events": "/events",
    "events, measures": "/events?kind=measures",
    "events, filtered": "/events?state=PRK&type=AGREE,CONSULT&since=2014&until=2015-06&order=desc",
    "events, dyad": "/events?dyad=RUS,PRK",
    "events, hostile document": "/events?doc={hostile}",
    "events, hostile text": "/events?text=%3Cscript%3E",
    "events, every candidate": "/events?min_confidence=0",
    "events, every candidate, next page": "/events?min_confidence=0&cursor={cursor}",
    "events, bad date": "/events?since=2014-13",
    "events, bad dyad": "/events?dyad=RUS",
    "events, bad cursor": "/events?cursor=not-a-cursor",
    "events, bad kind": "/events?kind=people",
    "events, bad order": "/events?order=sideways",
    "events, where": "/events?country=RUS&near=55.75,37.62,50",
    "events, an incident's reports": "/events?incident={incident}&min_confidence=0",
    "events, bad near": "/events?near=55.75,37.62",
    "incidents": "/incidents",
    "incidents, filtered": "/incidents?state=PRK&type=AGREE,CONSULT&order=date",
    "incidents, every one": "/incidents?min_confidence=0",
    "incidents, bad near": "/incidents?near=here",
    "incidents, bad order": "/incidents?order=sideways",
    "incident": "/incidents/{incident}",
    "incident unknown": "/incidents/no-such-incident",
    "alerts": "/alerts",
    "alerts, one alert": "/alerts?alert=prk-agreements",
    "alerts, an alert without hits": "/alerts?alert=no-hits-yet",
    "watch": "/watch",
    "page unknown": "/no/such/page",
    "stylesheet": "/static/style.css",
    "favicon": "/favicon.ico",
}

HEADERS = ("content-type", "content-security-policy", "cache-control")
BLOCKS = frozenset(
    "address article aside blockquote br caption dd details div dl dt fieldset figcaption figure footer form h1 h2 "
    "h3 h4 h5 h6 head header hr html label legend li main nav ol option p pre section select summary table tbody td "
    "tfoot th thead title tr ul datalist body".split()
)
# Attributes whose values are part of an element's signature (the rest count by name only: ids, anchors and
# coordinates are covered by the text and links, or are too many to list).
SIGNATURE_VALUES = frozenset(
    "class role type rel scope data-chart data-list aria-label aria-labelledby aria-current aria-hidden method "
    "open selected download tabindex lang charset name for list maxlength placeholder title text-anchor".split()
)


class PageReader(HTMLParser):
    """What a page shows and links to, read back from its HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.links: list[str] = []
        self.forms: list[dict[str, Any]] = []
        self.elements: Counter[str] = Counter()
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self._break(tag)
        self.elements[signature(tag, values)] += 1
        if "href" in values:
            self.links.append(values["href"])
        if tag == "form":
            self.forms.append({"action": values.get("action", ""), "method": values.get("method", ""), "fields": []})
        elif tag in ("input", "button", "textarea") and self.forms and "name" in values:
            self.forms[-1]["fields"].append(f"{values['name']}={values.get('value', '')}")
        elif tag == "select" and self.forms:
            self._select = values.get("name", "")
            self.forms[-1]["fields"].append(f"{self._select}=")
        elif tag == "option" and self._select is not None and "selected" in values:
            self.forms[-1]["fields"][-1] = f"{self._select}={values.get('value', '')}"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self._break(tag)
        if tag == "select":
            self._select = None

    def handle_data(self, text: str) -> None:
        self.pieces.append(text)

    def _break(self, tag: str) -> None:
        if tag in BLOCKS:
            self.pieces.append(" ")

    def text(self) -> str:
        return " ".join("".join(self.pieces).split())


def signature(tag: str, attrs: dict[str, str]) -> str:
    """`tag` with its classes and hook attributes: `li.selected[data-fact,id]`, `svg[data-chart=timeline,...]`."""
    classes = "".join(f".{c}" for c in sorted(attrs.get("class", "").split()))
    named = sorted(
        name if name not in SIGNATURE_VALUES else f"{name}={attrs[name]}" for name in attrs if name != "class"
    )
    return f"{tag}{classes}[{','.join(named)}]" if named else f"{tag}{classes}"


def describe(status: int, headers: Any, body: bytes) -> dict[str, Any]:
    """The parts of a response the snapshot keeps."""
    shown: dict[str, Any] = {"status": status, "headers": {name: headers.get(name) for name in HEADERS}}
    if not str(headers.get("content-type", "")).startswith("text/html"):
        shown["body_sha256"] = hashlib.sha256(body).hexdigest()
        return shown
    reader = PageReader()
    reader.feed(body.decode("utf-8"))
    reader.close()
    for form in reader.forms:
        form["fields"].sort()
    shown |= {
        "text": reader.text(),
        "links": sorted(reader.links),
        "forms": sorted(reader.forms, key=lambda f: (f["action"], f["method"], f["fields"])),
        "elements": dict(sorted(reader.elements.items())),
    }
    return shown


def filler_documents() -> list[Extraction]:
    """Undated documents without facts (listed after the real ones): enough for a second page of documents."""
    return [
        Extraction(Document(id=f"filler-{i:02d}", text=f"Filler text number {i}.", title=f"Filler {i}"))
        for i in range(FILLER_DOCUMENTS)
    ]


def watched(store: Store) -> None:
    """Saved alerts with their hits, and a watched source, at fixed times (as `diplograph watch` leaves them)."""
    saved = datetime(2025, 5, 1, 8, 0)
    alerts = (("prk-agreements", "events", "state=PRK type=AGREE,CONSULT"), ("trade", "measures", "type=trade"),
              ("reported-twice", "incidents", "min_reports=2"), ("no-hits-yet", "events", "state=ISL type=ASSAULT"))
    for name, kind, query in alerts:
        add_alert(store, Alert(name, kind, parse_query(query, kind), created_at=saved))
    check_alerts(store, now=datetime(2025, 5, 2, 9, 30))
    store.connection.execute(
        "INSERT INTO watch_sources VALUES ('https://news.example/feed.xml', 'feed', NULL, NULL, "
        "'2025-05-02 09:29:00', '2025-05-02 09:29:00', '2025-05-02 09:44:00', 0, 10, 10, 1, ?)",
        ["<b>HTTP 503</b> on an earlier round"],
    )


def stored_values(path: Path) -> dict[str, str]:
    """The values the page paths name: content hashes, a fact of the seed, the cursor of a second page, the most
    reported incident."""
    with Store.open(path, read_only=True) as store:
        seed = query_facts.document_view(store, "north-korea-new-diplomacy")
        hostile = query_facts.document_view(store, hostile_document().id)
        assert seed is not None and hostile is not None and seed.facts
        listed = query_facts.list_documents(store, limit=100, offset=0)
        views = [query_facts.document_view(store, d["hash"]) for d in listed]
        hidden = next(v for v in views if v is not None and any(not passes(f.record, None) for f in v.facts))
        every = query_facts.page_facts(store, "events", query_facts.FactFilter(min_confidence=0.0), limit=100)
        assert every.next_cursor is not None
        (incident,) = query_incidents.incidents(store, query_facts.FactFilter(min_confidence=0.0), limit=1)
        return {
            "seed": seed.hash, "seed_fact": seed.facts[0].anchor, "hostile": hostile.hash, "hidden": hidden.hash,
            "cursor": every.next_cursor, "incident": incident.id,
        }  # fmt: skip


@pytest.fixture(scope="module")
def responses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    from fastapi.testclient import TestClient

    folder = tmp_path_factory.mktemp("pages")
    stories = folder / "news.jsonl"
    stories.write_text("\n".join(NEWS.read_text(encoding="utf-8").splitlines()[:NEWS_STORIES]) + "\n", "utf-8")
    seed = read_sources([SEED], published="2015-04-30")
    news = read_sources([stories])
    path = folder / "store.duckdb"
    build_store(path, [d for d in [*seed, hostile_document(), *news] if isinstance(d, Document)])
    with Store.open(path) as store:
        store.add(filler_documents())
        watched(store)
    values = stored_values(path)
    shown: dict[str, dict[str, Any]] = {}
    with TestClient(create_app(path)) as client:
        for label, template in PAGES.items():
            response = client.get(template.format(**values))
            shown[label] = {"path": template, **describe(response.status_code, response.headers, response.content)}
    return shown


@pytest.fixture(scope="module")
def snapshot(responses: dict[str, dict[str, Any]]) -> dict[str, Any]:
    if UPDATE:
        SNAPSHOT.parent.mkdir(parents=True, exist_ok=True)
        SNAPSHOT.write_text(json.dumps(responses, indent=1, ensure_ascii=False, sort_keys=True) + "\n", "utf-8")
        pytest.skip(f"snapshot written to {SNAPSHOT}; run again without DIPLOGRAPH_UPDATE_SNAPSHOT to compare")
    if not SNAPSHOT.exists():
        pytest.fail(f"no snapshot at {SNAPSHOT}: record it with DIPLOGRAPH_UPDATE_SNAPSHOT=1")
    loaded: dict[str, Any] = json.loads(SNAPSHOT.read_text("utf-8"))
    return loaded


@pytest.mark.parametrize("label", list(PAGES))
def test_page_matches_the_snapshot(label: str, responses: dict[str, Any], snapshot: dict[str, Any]) -> None:
    assert label in snapshot, f"{label!r} is not in the snapshot: record it with DIPLOGRAPH_UPDATE_SNAPSHOT=1"
    expected, actual = snapshot[label], responses[label]
    for part in ("path", "status", "headers", "body_sha256", "links", "forms", "text", "elements"):
        assert actual.get(part) == expected.get(part), f"{label}: {part} differs"


def test_the_snapshot_has_no_pages_the_test_does_not_request(snapshot: dict[str, Any]) -> None:
    assert sorted(snapshot) == sorted(PAGES)


def test_every_route_of_the_web_ui_is_requested() -> None:
    """A new page must join PAGES (and the snapshot)."""
    requested = [urlsplit(path).path for path in PAGES.values()]
    for route in router.routes:
        regex = getattr(route, "path_regex", None)
        assert regex is not None
        assert any(regex.match(path) for path in requested), f"no page in PAGES for {getattr(route, 'path', route)}"


def test_templates_autoescape_and_hold_no_script_or_inline_style() -> None:
    from diplograph.web.render import TEMPLATES

    names = TEMPLATES.list_templates()
    assert "base.html" in names and len(names) > 5
    for name in names:
        source = TEMPLATES.loader.get_source(TEMPLATES, name)[0].lower()  # type: ignore[union-attr]
        assert "<script" not in source and "style=" not in source and "|safe" not in source, name
    page = TEMPLATES.get_template("error.html").render(title="<b>", status=400, detail="\"x\" & 'y'")
    assert page.count("&lt;b&gt;") == 2 and "<b>" not in page  # the <title> and the <h1>
    assert "&quot;x&quot; &amp; &#x27;y&#x27;" in page  # escaped as html.escape does, like the pages always were


def test_the_reader_sees_text_links_and_forms() -> None:
    """The normalisation absorbs markup-only differences and keeps real ones."""
    one = describe(200, {"content-type": "text/html"}, b'<ul><li><a href="/x">A</a> b</li>\n<li>c</li></ul>')
    two = describe(200, {"content-type": "text/html"}, b"<ul>\n  <li><a href='/x'>A</a> b</li><li>c</li>\n</ul>")
    assert one == two and one["text"] == "A b c" and one["links"] == ["/x"]
    joined = describe(200, {"content-type": "text/html"}, b'<ul><li><a href="/x">A</a>b</li><li>c</li></ul>')
    assert joined["text"] != one["text"]
    form = describe(
        200,
        {"content-type": "text/html"},
        b'<form action="/s" method="get"><input name="q" value="v"><select name="k"><option value="a">'
        b'<option value="b" selected></select></form>',
    )
    assert form["forms"] == [{"action": "/s", "method": "get", "fields": ["k=b", "q=v"]}]
