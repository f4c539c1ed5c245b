"""From documents to extractions: the one place where the NLP model, resolution and coding are put together.

    extractor = Extractor()
    for extraction in extractor.extract_documents(documents):
        ...

The spaCy model is loaded once per process (`load_nlp`) and documents go through `nlp.pipe` in batches.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from diplograph.coding.context import FRAME_OPENING, OPENING_PLACE_PREPS
from diplograph.model import Document, Event, Extraction, Measure, Sentence
from diplograph.nlp.dates import parse_iso
from diplograph.nlp.model import load_nlp
from diplograph.nlp.parse import Parser
from diplograph.nlp.relevance import Decision

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from diplograph.coding.events import Found
    from diplograph.model import DateRef

ZONE_BATCHES = 4  # batches parsed in one spaCy memory zone


class Extractor:
    """Extracts events, measures and resolved mentions from documents."""

    def __init__(self, *, actors_file: Path | None = None, lexicon_file: Path | None = None,
                 scored: bool = True, every_sentence: bool | None = None) -> None:
        """`scored=False` leaves every record's confidence unset (what training reads). `every_sentence` parses
        every sentence, not only those the relevance pass keeps (default: the `parse` setting)."""
        from diplograph.actors.gazetteer import build, default_gazetteer
        from diplograph.coding.lexicon import default_lexicon, load
        from diplograph.confidence import default_model

        self.model = default_model() if scored else None
        self.nlp = load_nlp()
        self.gazetteer = default_gazetteer()
        if actors_file is not None:
            tokenizer = self.nlp.tokenizer
            self.gazetteer = build(lambda s: [t.text for t in tokenizer(s)], extra=(actors_file,))
        self.lexicon = load(lexicon_file) if lexicon_file is not None else default_lexicon()
        if every_sentence is None:
            every_sentence = _parse_setting() == "all"
        self.parser = Parser(self.nlp, self.gazetteer, every_sentence=every_sentence)

    def extract_documents(self, documents: Iterable[Document], *, batch_size: int = 64) -> Iterator[Extraction]:
        """Extract from each document, in order, streaming: memory does not grow with the corpus.

        Documents go through spaCy a few batches at a time inside `nlp.memory_zone()`, which forgets the
        strings the texts added to the vocabulary (every new number, name and typo would stay otherwise). An
        Extraction holds no spaCy object, so nothing outlives the zone; a chunk is finished before it is yielded,
        so no zone is left open in a paused generator.
        """
        docs = iter(documents)
        while chunk := list(islice(docs, batch_size * ZONE_BATCHES)):
            with self.nlp.memory_zone():
                days = [parse_iso(d.published) for d in chunk]
                parsed = self.parser.parse((d.text for d in chunk), batch_size=batch_size, published=days)
                extractions = [self.extract_parsed(document, doc, decisions)
                               for document, (doc, decisions) in zip(chunk, parsed, strict=True)]
            yield from extractions

    def extract_parsed(self, document: Document, parsed: Doc, decisions: list[Decision] | None = None) -> Extraction:
        """Code one parsed document. `decisions` say which sentences were parsed (None: all of them)."""
        from diplograph.coding.context import DocContext
        from diplograph.coding.events import code_sentence, dates_told_later, main_clause_dates, sentence_pair
        from diplograph.coding.measures import code_measures
        from diplograph.coding.merge import (
            add_document_features,
            drop_flows_with_measures,
            group_features,
            merge_mentions,
            to_event,
            to_measure,
            unique_ids,
        )
        from diplograph.nlp.repair import repair_parse
        from diplograph.nlp.resolve import resolve

        published = parse_iso(document.published)
        repair_parse(parsed)
        res = resolve(parsed, self.gazetteer, published, document.text)
        ctx = DocContext()
        found: list[Found] = []
        measures = []
        unparsed = {d.start for d in decisions or () if not d.parsed}
        starts = [d.start for d in decisions or ()]
        for n, sent in enumerate(parsed.sents):
            # the position among the punctuation-split sentences, whichever way the parser split them
            ctx.sentence_index = max(0, bisect_right(starts, sent.start_char) - 1) if starts else n
            if sent.start_char in unparsed:
                continue
            place = _opening_place(sent)
            if place is not None:
                ctx.move_to(place)
            pair = sentence_pair(sent, res)
            if pair is not None:
                ctx.note_pair(*pair)
            sentence_measures = code_measures(sent, res, ctx)
            sentence_events = drop_flows_with_measures(code_sentence(sent, res, self.lexicon, ctx),
                                                       sentence_measures)
            found = _dated_later(found, dates_told_later(sent, res, self.lexicon), sent.start)
            found += sentence_events
            measures += sentence_measures
            _remember(ctx, sent, res, sentence_events, main_clause_dates(sent, res), place)
        text = document.text
        groups = merge_mentions(found)
        events: list[Event] = unique_ids([to_event(document.id, text, g, published) for g in groups])
        events = _with_locations(parsed, res, events, groups)
        records: list[Measure] = unique_ids([to_measure(document.id, text, m) for m in measures])
        features = {e.id: group_features(g) for e, g in zip(events, groups, strict=True)}
        sentences = _sentences(parsed, decisions, text)
        sentence_count = len(decisions) if decisions else len(sentences)
        add_document_features(events, features, sentence_count,
                              dated=published is not None, counted=_from_relevant(events, decisions))
        features.update({r.id: m.features for r, m in zip(records, measures, strict=True)})
        if self.model is not None:
            events = [replace(e, confidence=self.model.event_confidence(features[e.id])) for e in events]
            records = [replace(r, confidence=self.model.measure_confidence(features[r.id])) for r in records]
        return Extraction(document=document, events=tuple(events), measures=tuple(records),
                          mentions=tuple(res.mentions()), dates=tuple(res.dates), quantities=tuple(res.quantities),
                          sentences=sentences, sentence_count=sentence_count, features=features)


PARSE_CHOICES = ("relevant", "all")


def _parse_setting() -> str:
    from diplograph import config
    from diplograph.errors import ConfigError

    value = config.get("parse").strip().lower() or "relevant"
    if value not in PARSE_CHOICES:
        raise ConfigError(f"DIPLOGRAPH_PARSE: {value!r} is not one of {', '.join(PARSE_CHOICES)}")
    return value


def _from_relevant(events: list[Event], decisions: list[Decision] | None) -> list[Event]:
    """The events of sentences the relevance pass keeps (all of them, unless every sentence was parsed): the
    neighbours a record's features count, so that the full parse scores a record as the pass does."""
    outside = [(d.start, d.end) for d in decisions or () if not d.relevant]
    if not outside:
        return events
    return [e for e in events
            if not (e.evidence and any(a <= e.evidence[0].start < b for a, b in outside))]


def _sentences(parsed: Doc, decisions: list[Decision] | None, text: str) -> tuple[Sentence, ...]:
    """The document's sentences, each with the relevance pass's decision about the sentence it lies in (the
    parser may split a kept sentence further)."""
    out, pending = [], list(decisions or ())
    for s in parsed.sents:
        while len(pending) > 1 and pending[1].start <= s.start_char:
            pending.pop(0)
        decision = pending[0] if pending else None
        parsed_, cue = (decision.parsed, decision.cue) if decision is not None else (True, "")
        out.append(Sentence(s.start_char, s.end_char, text[s.start_char:s.end_char], parsed_, cue))
    return tuple(out)


UNREAL = frozenset({"future", "hypothetical", "planned"})  # acts told as not (yet) done have no place


def _dated_later(found: list[Found], told: list[tuple[str, DateRef]], sentence_start: int) -> list[Found]:
    """The mentions so far, the last of each type `told` (type, date) names by a definite noun now dated ('The
    withdrawal, completed on Thursday') taking that date, when its own came from no clause of its own (the day a
    report of it was made: 'Uganda has pulled its soldiers out ..., the two governments said on Saturday') and the
    new date is not after it."""
    from diplograph.nlp.dates import iter_bounds

    for event, date in told:
        for k in range(len(found) - 1, -1, -1):
            f = found[k]
            if f.reading.event != event or f.evidence[0] >= sentence_start:
                continue
            if f.date_source == "clause" or f.date is None:
                break
            try:
                (new_start, _), (_, old_end) = iter_bounds(date.value), iter_bounds(f.date.value)
            except (ValueError, IndexError):
                break
            if new_start <= old_end:
                found[k] = replace(f, date=date, date_source="clause")
            break
    return found


def _with_locations(parsed, res, events, groups):  # type: ignore[no-untyped-def]
    """Each event with the place its clause names (diplograph.geo): the first of its mentions that names one.
    Ambiguous names are settled by the event's states, then by the states the document names most."""
    from diplograph.geo.locate import locate_reported, sole_venue

    ranks = res.party_ranks()
    named = sorted(ranks, key=ranks.__getitem__)
    out = []
    for event, group in zip(events, groups, strict=True):
        if event.aux in UNREAL:
            out.append(event)  # 'would deploy three jets to Poland': nothing has happened anywhere yet
            continue
        if all(f.features.get("background_beside_foreground") and _told_in_another_time(parsed[f.trigger])
               for f in group):
            out.append(event)  # '..., two days after jets shot down drones over Lublin province': where an earlier
            continue  # act told in passing happened is not where the sentence's news did, and is told loosely
        context = (tuple(dict.fromkeys([*event.actor, *event.recipient])), tuple(named))
        location = next((loc for f in group
                         if (loc := locate_reported(parsed, f.trigger, res, event.event, context))), None) \
            or next((loc for f in group if (loc := sole_venue(parsed, f.trigger, res, event.event, context))), None)
        location = _on_the_side_of_the_act(event, location) if location is not None else None
        out.append(replace(event, location=location) if location is not None else event)
    return out


TIME_SHIFTING = frozenset({"after", "before", "since"})


def _told_in_another_time(trigger) -> bool:  # type: ignore[no-untyped-def]
    """Whether the trigger stands in an 'after' or 'before' phrase or clause ('two days after Polish jets shot
    down drones', 'a month after their first meeting in Paris'): another time than the sentence's news."""
    for t in (trigger, *list(trigger.ancestors)[:6]):
        if t.dep_ == "prep" and t.lower_ in TIME_SHIFTING:
            return True
        if any(c.dep_ == "mark" and c.lower_ in TIME_SHIFTING for c in t.children):
            return True
    return False


# Where a place name is found in both parties' states (Busia in Uganda and in Kenya, St. John's in Canada and in
# Antigua), whose state the act happens in: aid and attacks reach the recipient's; arrests, expulsions and
# deployments are done at home ('arrested by Ugandan police in Busia').
VENUE_OF_RECIPIENT = frozenset({"AID", "ASSAULT"})
VENUE_OF_ACTOR = frozenset({"COERCE", "MOBILIZE", "SANCTION"})
DEFENCES = frozenset({"verb:shoot", "verb:intercept", "verb:down"})  # what intrudes is shot down over one's own land
CHOSEN_AMONG_NAMESAKES = frozenset({"gazetteer+context", "gazetteer+population"})
ARRIVALS = frozenset({"verb:dock", "verb:arrive", "verb:land", "verb:visit", "verb:reach"})  # at the one reached


def _unlisted_on_the_side_of_the_act(event, location, actor, recipient, at_home):  # type: ignore[no-untyped-def]
    """A village the gazetteer lacks, in the state its kind of act happens in: an arrest or a deployment at home, an
    attack or aid where it reached; anything else in the state of the party named first ('Salvadoran and
    Guatemalan customs officers ... at La Hachadura', 'Rwandan and Congolese intelligence chiefs met in ...'), as
    news names the host first. An attack or aid that reaches no other state named gets no such place (the
    attacker's own state is seldom where it landed)."""
    if set(event.actor) & set(event.recipient) or (event.event in VENUE_OF_RECIPIENT and not recipient):
        return None
    if event.rule in ARRIVALS and recipient:  # 'an Indian frigate docked in Duqm': where it arrived
        side = recipient
    else:
        side = actor if at_home else recipient if event.event in VENUE_OF_RECIPIENT else [*actor, *recipient]
    return replace(location, country=side[0]) if side and location.country != side[0] else location


def _on_the_side_of_the_act(event, location):  # type: ignore[no-untyped-def]
    """The location moved to the namesake city in the state its kind of act happens in, when the gazetteer chose
    the other party's (for talks, agreements and the rest either party's may be meant, and the choice stands)."""
    from diplograph.geo.gazetteer import places
    from diplograph.geo.locate import UNLISTED, place_location

    actor = [c for c in event.actor if c not in event.recipient]
    recipient = list(event.recipient)
    at_home = event.event in VENUE_OF_ACTOR or event.rule in DEFENCES  # 'shot down a Pakistani drone over Punjab'
    side, other = (actor, recipient) if at_home else (recipient, actor)
    if location.method == UNLISTED:
        return _unlisted_on_the_side_of_the_act(event, location, actor, recipient, at_home)
    if not at_home and event.event not in VENUE_OF_RECIPIENT:
        return location  # talks, agreements and the rest: either party's place may be meant
    if not side or location.method not in CHOSEN_AMONG_NAMESAKES or location.country not in other \
            or location.kind not in ("city", "region") or location.evidence is None:
        return location  # not a choice among namesakes: the text said which ('Nogales, Sonora')
    namesake = next((p for p in places().lookup(location.name) if p.country in side), None)
    if namesake is None:
        return location
    return place_location(namesake, location.name, location.evidence, "gazetteer+context")


def _remember(ctx, sent, res, events, dates, place) -> None:  # type: ignore[no-untyped-def]
    """Carry the sentence's subject, time frame (with the `place` it opens in), possessor and state pairs over to
    the next sentences."""
    from diplograph.coding import args as A

    subj = A.child(sent.root, "nsubj", "nsubjpass")
    if subj is not None:
        states = [s for s in A.np_actors(subj, res) if s.states]
        if states:
            ctx.last_subject = states
    # the subject of the sentence's last main clause that names a state ('Chinese loans have paid for roads, and
    # Zambia depends on Chinese buyers. The country's exports ...': Zambia)
    for verb in (sent.root, *(c for c in sent.root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))):
        subj = A.child(verb, "nsubj", "nsubjpass")
        states = [s for s in A.np_actors(subj, res) if s.states] if subj is not None else []
        if states:
            ctx.last_clause_subject = states
    framing = [d for d in dates if _opens(sent, d)]
    if framing:
        ctx.set_frame(framing[0], place)
    for a in res.actors_in(sent):
        if res.doc[a.end - 1].dep_ == "poss" and a.states:
            ctx.last_possessor = a
    ctx.note_people([a for a in res.actors_in(sent) if a.person and a.kind == "state" and a.states])
    for e in events:
        doers = [c for s in e.actor for c in s.states]
        addressed = [c for s in e.recipient for c in s.states]
        if len(set(addressed)) >= 2:  # 'the UN urged both sides ...': the pair addressed stays the pair
            ctx.note_pair(addressed[0], addressed[1])
        elif e.actor and e.recipient:
            ctx.note_pair(e.actor[0].code, e.recipient[0].code)
        told_of = any(s.method == "context" for s in e.recipient)  # 'welcomed the deal' names no new one
        if e.actor and not told_of:
            ctx.note_doers(e.reading.event, doers)
            ctx.note_lead(e.reading.event, doers, addressed)
        if not told_of and (e.reading.event == "AGREE" or (e.trigger >= 0 and _names_a_deal(res.doc[e.trigger]))):
            ctx.note_deal(doers + addressed)




def _names_a_deal(trigger) -> bool:  # type: ignore[no-untyped-def]
    """'signed a peace accord', 'the agreement': an event that is, or is about, an agreement."""
    from diplograph.coding.events import DEAL_NOUNS

    return trigger.lemma_.lower() in DEAL_NOUNS or any(
        c.dep_ == "dobj" and c.lemma_.lower() in DEAL_NOUNS for c in trigger.children)


def _opens(sent, date) -> bool:  # type: ignore[no-untyped-def]
    """Whether a date opens its sentence ('In 2014, ...', 'Last year, ...'): a frame for what follows. A date inside
    a sentence belongs to its own clause (a figure 'in 2022', 'since the war began in 2022') and sets none."""
    first = sent[: FRAME_OPENING + 1]
    return bool(first) and first[0].idx <= date.start < first[-1].idx + len(first[-1].text)




def _opening_place(sent) -> str | None:  # type: ignore[no-untyped-def]
    """The place a sentence opens with ('In Libreville, ...', 'At the Kremlin ...'), lower-cased, or None."""
    first = sent[0]
    if first.lower_ not in OPENING_PLACE_PREPS:
        return None
    obj = next((c for c in first.children if c.dep_ == "pobj"), None)
    if obj is None or obj.ent_type_ not in ("GPE", "LOC", "FAC"):
        return None
    return " ".join(t.lower_ for t in obj.subtree if t.ent_type_ == obj.ent_type_) or None


@lru_cache(maxsize=1)
def default_extractor() -> Extractor:
    return Extractor()


def extract(text: str, *, published: str | None = None, doc_id: str = "doc") -> Extraction:
    """Extract events and measures from one text. `published` (YYYY-MM-DD) anchors relative dates."""
    document = Document(id=doc_id, text=text, published=published)
    return next(default_extractor().extract_documents([document]))
