"""Parse only what can hold a fact: split and tokenize every document, tag and parse the sentences the relevance
pass keeps (diplograph.nlp.relevance), and put each document back together with its character offsets intact.

    parser = Parser(nlp, gazetteer)
    for doc, decisions in parser.parse(texts, batch_size=64):
        ...

The kept sentences of a document go through the model's tagger, parser, attribute ruler and lemmatizer as runs of
consecutive sentences (each run one small Doc, so the parser still sees a sentence's neighbours); the skipped
ones are split by punctuation and line breaks and carry no tags: each is a flat tree under its first word, so
`doc.sents` still knows where it ends. spaCy's statistical NER is not run at all: the actors come from
diplograph's dictionaries, and the few entity labels the rules read are set from them (diplograph.nlp.entities).

`every_sentence=True` (setting `parse = all`) parses whole documents as the model would, for comparison.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import numpy

from diplograph.nlp.attributes import CachedLemmatizer, FastAttributeRuler
from diplograph.nlp.relevance import Decision, decide

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

    from diplograph.actors.gazetteer import Gazetteer

NOT_RUN = frozenset({"ner", "senter"})  # the entity labels come from the dictionaries instead


class Parser:
    """The selective parse of one process: the model's components, a punctuation splitter, the dictionaries."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer, *, every_sentence: bool = False) -> None:
        from spacy.pipeline import Sentencizer

        self.nlp = nlp
        self.gazetteer = gazetteer
        self.every_sentence = every_sentence
        self.splitter = Sentencizer()
        for label in ("ROOT", "dep"):  # the flat trees of skipped sentences
            nlp.vocab.strings.add(label)
        # the labels as spaCy stores them ('dep' is one of its symbols, not a string hash)
        self.flat_labels = tuple(numpy.uint64(nlp.vocab.strings[label]) for label in ("ROOT", "dep"))
        self.line_breaks = nlp.get_pipe("diplograph_line_breaks")
        self.components = [(name, _faster(name, proc)) for name, proc in nlp.pipeline if name not in NOT_RUN]
        # the runs get their line breaks marked before they go in
        self.run_components = [(name, proc) for name, proc in self.components if proc is not self.line_breaks]

    def parse(self, texts: Iterable[str], *, batch_size: int = 64,
              published: Sequence[dt.date | None] | None = None) -> list[tuple[Doc, list[Decision]]]:
        """Each text's Doc (sentences, and tags and parse where kept) and the decision for each sentence.
        `published` (one per text) is each document's date: a lone surname counts as a party's when someone of
        that name held an office on it."""
        from diplograph.nlp.entities import set_entities

        if self.every_sentence:
            docs = list(self._run((self.nlp.make_doc(t) for t in texts), batch_size))
            days = published or [None] * len(docs)
            out = [(doc, self._every_sentence(doc.text, day)) for doc, day in zip(docs, days, strict=True)]
        else:
            texts = list(texts)
            out = self._selective(texts, batch_size, published or [None] * len(texts))
        for doc, _ in out:
            set_entities(doc, self.gazetteer)
        return out

    def sentence_count(self, text: str) -> int:
        """How many sentences the relevance pass splits `text` into (what `Extraction.sentence_count` holds)."""
        return sum(1 for _ in self.line_breaks(self.splitter(self.nlp.make_doc(text))).sents)

    def _every_sentence(self, text: str, day: dt.date | None) -> list[Decision]:
        """Every sentence kept, split as the relevance pass splits them (punctuation and line breaks), with whether
        the pass would have kept it: what the confidence model reads about a record's document (its sentences,
        the records around it) is then the same in both modes."""
        split = self.line_breaks(self.splitter(self.nlp.make_doc(text)))
        return [Decision(d.start, d.end, True, "every sentence", d.parsed)
                for _, d in decide(split, self.gazetteer, day)]

    def _selective(self, texts: list[str], batch_size: int,
                   published: Sequence[dt.date | None]) -> list[tuple[Doc, list[Decision]]]:
        plans = []
        kept: list[Doc] = []
        for text, day in zip(texts, published, strict=True):
            doc = self.line_breaks(self.splitter(self.nlp.make_doc(text)))
            runs = _runs(decide(doc, self.gazetteer, day))
            plans.append((doc, runs))
            words = _words_table(doc) if any(parsed for _, parsed, _ in runs) else None
            kept += [self.line_breaks(_for_parser(span, words)) for span, parsed, _ in runs if parsed]
        parsed_runs = iter(self._run(kept, batch_size, self.run_components))
        out = []
        for doc, runs in plans:
            starts = _sent_starts(doc)
            tables = [next(parsed_runs).to_array(JOINED) if parsed
                      else _flat(starts[span.start:span.end], self.flat_labels) for span, parsed, _ in runs]
            if tables:
                joined: Any = numpy.concatenate(tables)
                doc.from_array(JOINED, joined)
            out.append((doc, [d for _, _, ds in runs for d in ds]))
        return out

    def _run(self, docs: Iterable[Doc], batch_size: int, components: list[tuple[str, Any]] | None = None) \
            -> Iterator[Doc]:
        stream: Iterable[Doc] = docs
        for _, proc in components if components is not None else self.components:
            stream = proc.pipe(stream, batch_size=batch_size) if hasattr(proc, "pipe") else map(proc, stream)
        return iter(stream)


def _faster(name: str, proc: Any) -> Any:
    """The model's component, or diplograph's quicker equivalent of it (diplograph.nlp.attributes)."""
    if name == "attribute_ruler":
        return FastAttributeRuler(proc)
    if name == "lemmatizer" and getattr(proc, "mode", None) == "rule":
        return CachedLemmatizer(proc)
    return proc


def _runs(decisions: list[tuple[Span, Decision]]) -> list[tuple[Span, bool, list[Decision]]]:
    """Consecutive sentences with the same decision, as one span each."""
    runs: list[tuple[Span, bool, list[Decision]]] = []
    for sent, decision in decisions:
        if runs and runs[-1][1] == decision.parsed:
            span, parsed, ds = runs[-1]
            runs[-1] = (span.doc[span.start:sent.end], parsed, [*ds, decision])
        else:
            runs.append((sent, decision.parsed, [decision]))
    return runs


def _sent_starts(doc: Doc) -> Any:
    from spacy.attrs import SENT_START

    return doc.to_array([SENT_START]).astype("int64")


def _words_table(doc: Doc) -> Any:
    """What a run's own Doc is made of, for the whole document at once: each token's text, trailing space and
    norm (the tokenizer's exceptions set norms the tagger reads)."""
    from spacy.attrs import NORM, ORTH, SPACY

    return doc.to_array([ORTH, SPACY, NORM])


def _for_parser(span: Span, words: Any) -> Doc:
    """A run to parse, as its own Doc with no sentence boundaries set: inside it the parser decides them, as it
    would in the whole document (the caller marks the line breaks again). Built from the document's arrays
    (`_words_table`): `Span.as_doc` gave the same Doc ten times slower, looking up a vector for every token."""
    from spacy.attrs import NORM, SENT_START
    from spacy.tokens import Doc

    part = words[span.start:span.end]
    strings = span.doc.vocab.strings
    doc = Doc(span.doc.vocab, words=[strings[orth] for orth in part[:, 0].tolist()],
              spaces=part[:, 1].astype(bool).tolist())
    table: Any = numpy.zeros((len(doc), 2), dtype="uint64")
    table[:, 0] = part[:, 2]
    table[0, 1] = 1  # the run's first token starts a sentence; the others: 0, not decided
    doc.from_array([NORM, SENT_START], table)
    return doc


def _flat(starts: Any, labels: tuple[Any, ...]) -> Any:
    """The JOINED columns of a skipped run: no tags, and each sentence a flat tree under its first word (dependency
    'dep'), so that the sentence boundaries survive."""
    n = len(starts)
    table = numpy.zeros((n, len(JOINED)), dtype="uint64")
    starts = starts.copy()
    starts[0] = 1
    firsts = numpy.maximum.accumulate(numpy.where(starts == 1, numpy.arange(n), 0))
    table[:, JOINED.index("HEAD")] = (firsts - numpy.arange(n)).astype("int64").astype("uint64")
    table[:, JOINED.index("DEP")] = numpy.where(firsts == numpy.arange(n), *labels)
    return table


# what the parsed and flat runs give the document
JOINED: list[int | str] = ["TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD"]


