"""The selective parse (issue 17): what the relevance pass keeps, that skipping changes no fact a user sees, and that
the quicker stand-ins for the model's attribute ruler and lemmatizer give exactly the model's result.

All with the real model and the real dictionaries; the evaluation sets are read from ../shared beside the checkout.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from diplograph.confidence import passes
from diplograph.errors import ConfigError
from diplograph.evaluate import load_gold, score
from diplograph.model import Document
from diplograph.nlp.attributes import CachedLemmatizer, FastAttributeRuler
from diplograph.nlp.model import load_nlp
from diplograph.output import record_dict
from diplograph.pipeline import Extractor

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "eval" / "gold"
CORPUS = ROOT.parent / "shared" / "corpus" / "voa-stories.jsonl"
GOLD_SETS = ("seed", "voa-dev", "plover-dev")

# Written to reach every kind of attribute-ruler pattern: contractions, pronouns in each case, auxiliaries,
# modals, expletives, whitespace tokens.
TRICKY = [
    "I ain't gonna do it, y'all. Let's go. We gotta leave. C'mon, it's nothin'.  He's been there.\n\nThere are two.",
    "She gets what she got. I'd have done it. They'd done it. You can't. It won't. Somethin' 'bout 'em, ol' pal.",
    "Do you have it? Did he? It has been said that those who were there had left, but this is what we'd done.",
    "Whether or not anyone knew, nobody said anything; everybody went home once it was over.\n   \nIt is.",
]


@pytest.fixture(scope="module")
def extractors() -> tuple[Extractor, Extractor]:
    return Extractor(every_sentence=False), Extractor(every_sentence=True)


def _model_without_ner():  # type: ignore[no-untyped-def]
    import spacy

    from diplograph.nlp.model import MODEL_NAMES

    for name in MODEL_NAMES:
        try:
            return spacy.load(name, exclude=["ner"])
        except OSError:
            continue
    raise AssertionError("no spaCy model")


def _texts() -> list[str]:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [row["text"] for row in rows] + TRICKY


def test_attribute_ruler_and_lemmatizer_stand_ins_equal_the_model() -> None:
    nlp = _model_without_ner()
    texts = _texts()
    expected = list(nlp.pipe(texts))
    ruler = FastAttributeRuler(nlp.get_pipe("attribute_ruler"))
    lemmatizer = CachedLemmatizer(nlp.get_pipe("lemmatizer"))
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        ours = [lemmatizer(ruler(doc)) for doc in nlp.pipe(texts)]
    compared = 0
    for theirs, mine in zip(expected, ours, strict=True):
        for a, b in zip(theirs, mine, strict=True):
            where = f"{a.text!r} in {theirs.text[:60]!r}"
            theirs_attrs = (a.tag_, a.pos_, str(a.morph), a.lemma_, a.dep_)
            assert theirs_attrs == (b.tag_, b.pos_, str(b.morph), b.lemma_, b.dep_), where
            compared += 1
    assert compared > 40_000
    assert {t.lemma_ for d in ours[-len(TRICKY):] for t in d} >= {"be", "go", "will", "can", "nothing", "them"}


def test_offsets_and_sentences_survive_the_split(extractors: tuple[Extractor, Extractor]) -> None:
    selective, every = extractors
    text = ("Russia sent food aid to North Korea on Monday. The weather was nice. Very nice.\n"
            "Kim Jong Un thanked Putin for it. He said so.")
    [(doc, decisions)] = selective.parser.parse([text])
    [(whole, _)] = every.parser.parse([text])
    assert doc.text == text
    assert [s.text for s in doc.sents] == [s.text for s in whole.sents] == [
        "Russia sent food aid to North Korea on Monday.", "The weather was nice.", "Very nice.", "\n",
        "Kim Jong Un thanked Putin for it.", "He said so."]
    # "He said so.": a pronoun in a story that names a person (the relevance pass's `pronoun` cue)
    assert [d.parsed for d in decisions] == [True, False, False, False, True, True]
    parsed = {t.text: (t.pos_, t.dep_) for t in doc if t.pos_}
    assert parsed["sent"] == ("VERB", "ROOT") and parsed["thanked"] == ("VERB", "ROOT")
    assert not any(t.pos_ for t in doc[10:18])  # the skipped sentences carry no tags
    assert [(e.text, e.label_) for e in doc.ents if e.label_ != "DATE"] == [
        ("Russia", "GPE"), ("North Korea", "GPE"), ("Kim Jong Un", "PERSON"), ("Putin", "PERSON")]


def test_a_parsed_run_reads_each_word_as_the_whole_parse(extractors: tuple[Extractor, Extractor]) -> None:
    """A run of sentences is parsed as a Doc of its own, made from the document's words: what the tokenizer
    decided (a contraction's norm, whitespace) reaches the tagger and parser as in the whole document."""
    selective, every = extractors
    texts = ["Russia won't send aid, y'all said. China's envoy didn't say it's over; Japan ain't gonna wait.",
             "Iran'd have rejected it, Tehran's envoy said. The U.S. can't.  Beijing's done, Putin said."]
    compared = 0
    for text in texts:
        [(doc, decisions)] = selective.parser.parse([text])
        [(whole, _)] = every.parser.parse([text])
        assert all(d.parsed for d in decisions)  # one run: the same context as the whole document
        for decision in (d for d in decisions if d.parsed):
            span = doc.char_span(decision.start, decision.end)
            for a in span:
                b = whole[a.i]
                assert (a.norm_, a.tag_, a.lemma_, a.dep_, a.head.i, a.is_sent_start) == \
                    (b.norm_, b.tag_, b.lemma_, b.dep_, b.head.i, b.is_sent_start), (a.text, text)
                compared += 1
    assert compared > 30


@pytest.mark.parametrize(("sentence", "parsed", "cue"), [
    ("Russia and China held talks.", True, "dictionary 'Russia'"),
    ("The two sides agreed to meet again.", True, "reference 'The two sides'"),
    ("The foreign minister left early.", True, "reference 'The foreign minister'"),
    ("Bilateral trade fell 10%.", True, "pair 'bilateral'"),
    ("The two agreed to meet again.", True, "pair 'the two'"),
    ("The deal is worth $4 billion.", True, "quantity '$'"),
    ("Putin said so.", True, "surname 'Putin'"),
    ("Gunmen kidnapped two oil workers in the eastern province of Arauca.", True,
     "place 'in the eastern province of Arauca'"),
    # armed men named by a plural in -men that is no word plus 's'
    ("Militiamen burned a camp for displaced people in Ituri province.", True, "place 'in Ituri'"),
    ("Suspected herdsmen killed 20 villagers in Benue state.", True, "place 'in Benue'"),
    ("He rejected the idea.", False, ""),
    ("It was a cold morning.", False, ""),
])
def test_what_the_relevance_pass_keeps(extractors: tuple[Extractor, Extractor], sentence: str, parsed: bool,
                                       cue: str) -> None:
    [(_, [decision])] = extractors[0].parser.parse([sentence], published=[dt.date(2024, 5, 1)])
    assert (decision.parsed, decision.cue) == (parsed, cue)


def test_a_lone_surname_counts_only_on_a_day_its_bearer_held_office(extractors: tuple[Extractor, Extractor]) -> None:
    parser = extractors[0].parser
    assert [ds[0].parsed for _, ds in parser.parse(["Putin said so."] * 2, published=[None, dt.date(2024, 5, 1)])] \
        == [False, True]


def test_a_surname_after_a_full_name_is_kept(extractors: tuple[Extractor, Extractor]) -> None:
    text = "U.N. special envoy Geir Pedersen arrived in Damascus. Pedersen called for calm."
    [(_, decisions)] = extractors[0].parser.parse([text])
    assert [(d.parsed, d.cue) for d in decisions] == [(True, "dictionary 'U.N.'"), (True, "surname 'Pedersen'")]


def test_extraction_reports_which_sentences_were_parsed(extractors: tuple[Extractor, Extractor]) -> None:
    text = "China signed a trade deal with Vietnam on Tuesday. Nobody expected it. Both countries welcomed it."
    document = Document(id="d", text=text, published="2025-03-05")
    [extraction] = extractors[0].extract_documents([document])
    [whole] = extractors[1].extract_documents([document])
    assert [(s.parsed, s.cue.split(" ")[0]) for s in extraction.sentences] == [
        (True, "dictionary"), (False, ""), (True, "pair")]
    assert [s.parsed for s in whole.sentences] == [True, True, True]
    # 'both countries' takes its states from the first sentence, across the skipped one
    assert [(e.event, e.actor, e.recipient) for e in extraction.events] == [("SUPPORT", ("CHN",), ("VNM",))]
    assert extraction.events == whole.events


def _records_by_sentence(extractor: Extractor, documents: list[Document]) -> tuple[list[dict], dict]:  # type: ignore[type-arg]
    """Every record (as contract dicts) and, per document, the start offsets of the sentences the pass skips."""
    records, skipped = [], {}
    for extraction in extractor.extract_documents(documents):
        records += [record_dict(r) for r in extraction.records]
        skipped[extraction.document.id] = [(s.start, s.end) for s in extraction.sentences if not s.parsed]
    return records, skipped


@pytest.fixture(scope="module")
def both_ways(extractors: tuple[Extractor, Extractor]) -> dict[str, tuple]:  # type: ignore[type-arg]
    out = {}
    selective, every = extractors
    for name in GOLD_SETS:
        gold = load_gold(GOLD / f"{name}.jsonl")
        documents = list(gold.documents.values())
        ours, skipped = _records_by_sentence(selective, documents)
        full, _ = _records_by_sentence(every, documents)
        out[name] = (gold, ours, full, skipped)
    return out


@pytest.mark.parametrize("name", GOLD_SETS)
def test_no_record_a_user_sees_comes_from_a_skipped_sentence(both_ways: dict, name: str) -> None:  # type: ignore[type-arg]
    _, _, full, skipped = both_ways[name]
    shown = [r for r in full if passes(r, None)]
    assert shown
    lost = [r for r in shown
            if any(start <= r["evidence"][0]["start"] < end for start, end in skipped[r["doc"]])]
    assert lost == [], [r["evidence"][0]["text"] for r in lost]


@pytest.mark.parametrize("name", GOLD_SETS)
def test_scores_within_a_hundredth_of_the_full_parse(both_ways: dict, name: str) -> None:  # type: ignore[type-arg]
    gold, ours, full, _ = both_ways[name]
    selective = score(gold, [r for r in ours if passes(r, None)]).to_dict()
    every = score(gold, [r for r in full if passes(r, None)]).to_dict()
    for level in ("event.dyad", "event.type", "event.full", "measure.full"):
        for what in ("precision", "recall", "f1"):
            assert abs(selective[level][what] - every[level][what]) <= 0.01 + 1e-9, (level, what)


def test_an_empty_and_a_blank_document(extractors: tuple[Extractor, Extractor]) -> None:
    for extractor in extractors:
        parsed = extractor.parser.parse(["", "   \n\n  "])
        assert [doc.text for doc, _ in parsed] == ["", "   \n\n  "]


def test_the_pass_is_the_default_and_the_setting_turns_it_off(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Extractor().parser.every_sentence is False
    monkeypatch.setenv("DIPLOGRAPH_PARSE", "all")
    assert Extractor().parser.every_sentence is True
    assert load_nlp().has_pipe("ner")  # the model is untouched: only the extractor leaves NER out
    monkeypatch.setenv("DIPLOGRAPH_PARSE", "some")
    with pytest.raises(ConfigError, match="DIPLOGRAPH_PARSE: 'some' is not one of relevant, all"):
        Extractor()


def test_a_span_of_months_is_one_date_range() -> None:
    import datetime as dt

    from diplograph.nlp.dates import find_dates

    published = dt.date(2016, 4, 13)
    found = {d.text: d.value for d in find_dates("between January and March, from May to July 2023, the "
                                                 "November-February season", published)}
    assert found == {"between January and March": "2016-01/2016-03", "from May to July 2023": "2023-05/2023-07",
                     "November-February": "2015-11/2016-02"}


def test_the_half_of_the_year_is_the_half_of_the_publication_year() -> None:
    import datetime as dt

    from diplograph.nlp.dates import find_dates

    assert [d.value for d in find_dates("in the first half of the year", dt.date(2023, 7, 20))] == ["2023-01/2023-06"]


def test_earlier_this_year_runs_to_publication_and_recent_days_and_decades_ago_are_dates() -> None:
    import datetime as dt

    from diplograph.nlp.dates import find_dates

    published = dt.date(2025, 3, 13)
    found = {d.text: d.value for d in find_dates("earlier this year, later this month, in recent days, a decade ago",
                                                 published)}
    assert found == {"earlier this year": "2025-01-01/2025-03-13", "later this month": "2025-03-13/2025-03-31",
                     "in recent days": "2025-03-06/2025-03-13", "a decade ago": "2015"}
    assert [d.text for d in find_dates("in the coming days", published)] == []  # dated to the announcement


def test_that_month_that_year_and_days_later_count_from_the_date_named_before() -> None:
    from diplograph.nlp.dates import find_dates

    published = dt.date(2025, 5, 26)
    march = find_dates("Tensions flared in March.", published)[0]
    told = {d.text: d.value for text in ("Later that month, the envoy visited.", "Days later, the two met.",
                                         "The same year, they signed a pact.")
            for d in find_dates(text, published, anchor=march)}
    assert told == {"Later that month": "2025-03", "Days later": "2025-03", "The same year": "2025"}
    day = find_dates("on December 3, 2023", published)[0]
    assert [(d.value, d.granularity) for d in find_dates("A few days later they met.", published, anchor=day)] \
        == [("2023-12-04/2023-12-17", "range")]
    assert find_dates("Later that month, the envoy visited.", published) == []  # nothing named before: no date
