"""Small HTML helpers on the standard library parser: markup to plain text, and the date a page declares."""

from __future__ import annotations

from html.parser import HTMLParser

from diplograph.ingest.dates import normalise_date

BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption footer h1 h2 h3 h4 h5 h6 header hr li main "
    "ol p pre section table td th tr ul".split()
)
HIDDEN_TAGS = frozenset({"script", "style", "noscript", "template"})
# meta names/properties that carry the publication date, most specific first (compared in lower case)
DATE_META = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "dc.date.issued",
    "dcterms.issued",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
)


class _TextCollector(HTMLParser):
    """Collects the visible text of a fragment, with a line break at every block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._mark(tag, +1)

    def handle_endtag(self, tag: str) -> None:
        self._mark(tag, -1)

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)

    def _mark(self, tag: str, step: int) -> None:
        if tag in HIDDEN_TAGS:
            self._hidden = max(0, self._hidden + step)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed summary): one paragraph a line, runs of spaces collapsed."""
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)


class _DateCollector(HTMLParser):
    """Collects candidate publication dates from <meta> tags and <time datetime> elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.times: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "meta":
            key = values.get("property") or values.get("name") or values.get("itemprop") or ""
            self.meta.setdefault(key.strip().lower(), values.get("content", ""))
        elif tag == "time" and values.get("datetime"):
            self.times.append(values["datetime"])


def declared_date(markup: str) -> str | None:
    """The publication date a page states in its meta tags (else its first <time datetime>) as YYYY-MM-DD."""
    collector = _DateCollector()
    collector.feed(markup)
    collector.close()
    candidates = [collector.meta.get(key, "") for key in DATE_META] + collector.times
    return next((day for day in map(normalise_date, candidates) if day), None)
