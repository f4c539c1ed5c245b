"""What the confidence model sees of a candidate record: the rule that proposed it, how its parties, modality
and date were read, and where it sits in the text (quoted, reported, background, opinion).

Features are sparse: a dict of names to values (1.0 for a present indicator, or a small number). They are read
while the parse is alive (`event_features`, `measure_features`) and completed once mentions are merged
(`record_features`). Names are stable strings, so a trained model (`diplograph.confidence`) stays readable.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from diplograph.coding import args as A
from diplograph.nlp.dates import iter_bounds

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from diplograph.model import DateRef
    from diplograph.nlp.resolve import ActorSpan, Resolution

Features = dict[str, float]

SAYING = frozenset({"say", "tell", "add", "note", "state", "write", "tweet", "post", "explain", "argue", "believe",
                    "think", "suggest", "predict", "expect", "estimate", "according"})
COMMENTATORS = frozenset({"analyst", "expert", "professor", "scholar", "researcher", "observer", "commentator",
                          "economist", "critic", "fellow", "director", "lecturer", "strategist", "journalist"})
HEDGES = frozenset({"if", "could", "would", "might", "may", "possibly", "likely", "unlikely", "whether", "should"})
NEGATIONS = frozenset({"not", "n't", "no", "never", "neither", "nor", "without"})
QUOTES = frozenset({'"', "“", "”", "«", "»"})


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if value <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


def _in_quote(token: Token, sent: Span) -> bool:
    """An odd number of quotation marks before the token in its sentence: it is inside a quotation."""
    words = token.doc[sent.start:token.i]
    marks = sum(1 for t in words if t.text in QUOTES)
    return marks % 2 == 1


def _reporting_verb(token: Token) -> Token | None:
    """The verb of saying the trigger's clause is reported under ('X said that ...', '..., X said')."""
    for anc in list(token.ancestors)[:6]:
        if anc.pos_ in ("VERB", "AUX") and anc.lemma_.lower() in SAYING:
            return anc
    head = A.clause_head(token)
    for c in head.children:  # '"...," the minister said' parses the verb of saying as a dependent
        if c.dep_ in ("parataxis", "advcl", "ccomp") and c.lemma_.lower() in SAYING:
            return c
    return None


def _span_type(spans: list[ActorSpan]) -> str:
    if not spans:
        return "none"
    first = spans[0]
    return first.type if first.method != "context" else "context"


def _kind(spans: list[ActorSpan]) -> str:
    return spans[0].kind if spans else "none"


def _distance(token: Token, spans: list[ActorSpan], sent: Span) -> str:
    near = [min(abs(s.start - token.i), abs(s.end - 1 - token.i)) for s in spans if sent.start <= s.start < sent.end
            and s.method != "context"]
    return _bucket(min(near), (0, 3, 8, 15)) if near else "outside"


def date_age(date: DateRef | None, published: dt.date | None) -> str:
    """How long before publication the event's date interval ends (future, days, weeks, months, years)."""
    if date is None:
        return "none"
    if published is None:
        return "unknown"
    try:
        first, last = iter_bounds(date.value)
    except (ValueError, IndexError):
        return "unreadable"
    if first > published:
        return "future"
    days = (published - last).days
    return "current" if days <= 0 else _bucket(days, (7, 31, 365))


def _codes(spans: list[ActorSpan]) -> set[str]:
    return {c for s in spans for c in s.states}


def event_features(*, event: str, mode: str | None, rule: str, pos: str, token: Token, sent: Span, res: Resolution,
                   actor: list[ActorSpan], recipient: list[ActorSpan], actor_method: str, from_location: bool,
                   aux: str | None, conditional: bool, date: DateRef | None, date_source: str, background: bool,
                   sentence_index: int, evidence: tuple[int, int]) -> Features:
    """The features of one event as read from one sentence."""
    f: Features = {}

    def on(name: str) -> None:
        f[name] = 1.0

    age = date_age(date, res.published)
    actor_codes, recipient_codes = _codes(actor), _codes(recipient)
    parties = res.states_in(sent)
    clause = A.clause_tokens(A.clause_head(token))
    words = {t.lower_ for t in clause} | {t.lemma_.lower() for t in clause}
    sent_words = set(res.lemmas[sent.start:sent.end])
    reporter = _reporting_verb(token)
    for name in (f"type={event}", f"rule={rule}", f"pos={pos}", f"mode={mode}", f"type={event}|pos={pos}",
                 f"aux={aux}", f"type={event}|aux={aux}", f"actor_method={actor_method}",
                 f"type={event}|actor_method={actor_method}", f"actor_type={_span_type(actor)}",
                 f"actor_kind={_kind(actor)}", f"n_actor={min(len(actor_codes), 3)}",
                 f"n_recipient={min(len(recipient_codes), 3)}", f"date_source={date_source}",
                 f"date_gran={date.granularity if date else 'none'}", f"date_age={age}",
                 f"date_source={date_source}|date_age={age}", f"trigger_dep={token.dep_}", f"trigger_tag={token.tag_}",
                 f"sentence={_bucket(sentence_index, (0, 1, 3, 6, 12))}", f"sentence_parties={min(len(parties), 4)}",
                 f"actor_distance={_distance(token, actor, sent)}",
                 f"evidence_chars={_bucket(evidence[1] - evidence[0], (15, 40, 90, 180))}"):
        on(name)
    if recipient:
        on(f"recipient_type={_span_type(recipient)}")
        on(f"recipient_kind={_kind(recipient)}")
        on(f"recipient_distance={_distance(token, recipient, sent)}")
    if conditional:
        on("conditional")
    if from_location:
        on("recipient_from_location")
    if not actor_codes:
        on("no_actor")
    if not recipient_codes:
        on(f"type={event}|no_recipient")
    if actor_codes and actor_codes == recipient_codes:
        on("self_pair")
        on(f"type={event}|self_pair")
    elif actor_codes and recipient_codes and recipient_codes <= actor_codes:
        on("recipient_within_actor")
    if background:
        on("background")
    if _in_quote(token, sent):
        on("in_quote")
    if reporter is not None:
        on("reported")
        speaker, _ = A.subject(reporter)
        if speaker is not None:
            speaker_words = {t.lemma_.lower() for t in A.walk(speaker, A.NP_CORE)}
            if speaker_words & COMMENTATORS:
                on("reported_by_commentator")
            elif any(s.states for s in A.np_actors(speaker, res)):
                on("reported_by_party")
    if sent_words & COMMENTATORS:
        on("commentator_in_sentence")
    if words & HEDGES:
        on("hedge_in_clause")
    if words & NEGATIONS:
        on("negation_in_clause")
    if any(c.dep_ == "neg" for c in token.children):
        on("negated_trigger")
    for side, spans in (("actor", actor), ("recipient", recipient)):
        if not spans:
            continue  # one feature says a side is missing (n_actor / n_recipient), not seven
        inside = [s for s in spans if s.method != "context" and evidence[0] <= res.doc[s.start].idx < evidence[1]]
        on(f"{side}_in_evidence" if inside else f"{side}_not_in_evidence")
        for m in {s.method for s in spans}:
            on(f"{side}_span={m}")
        on(f"{side}_sector={spans[0].sector}")  # companies, militaries, courts, ...
    if len(actor_codes) >= 2 and not recipient_codes:
        on("joint_actors")  # 'Jordan and Britain have agreed to ...': several parties acting together
    subject = A.subject(token)[0] if token.pos_ in ("VERB", "AUX", "ADJ") else None
    if subject is not None and not any(s.states for s in A.np_actors(subject, res, deep=True)):
        on("subject_names_no_party")
        if subject.pos_ in ("PROPN", "NOUN") and subject.ent_type_ in ("PERSON", "ORG", "NORP", ""):
            on(f"subject_no_party_{subject.ent_type_ or 'noun'}")
    if token.dep_ == "ROOT" or token.head.i == token.i:
        on("trigger_is_root")
    rank = res.party_ranks()
    for side, codes in (("actor", actor_codes), ("recipient", recipient_codes)):
        best = min((rank.get(c, 99) for c in codes), default=None)
        if best is not None:
            on(f"{side}_doc_rank={_bucket(best, (1, 2, 3))}")
    return f


def document_features(sentences: int, dated: bool) -> Features:
    """What kind of document an event was read from: a lone sentence (a wire lead, a coded sentence set) states
    its event plainly, a long story buries most candidates in background and commentary."""
    f = {f"doc_sentences={_bucket(sentences, (1, 3, 10, 25))}": 1.0}
    if not dated:
        f["undated_document"] = 1.0
    return f


def list_item_features(*, pair: tuple[str, ...], named_in_sentence: bool, sent: Span, res: Resolution,
                       date: DateRef | None, date_source: str, sentence_index: int,
                       evidence: tuple[int, int]) -> Features:
    """The features of one item of a cooperation list: what the list rule knows (the pair, where it was named, the
    date) under the same names as a triggered event's."""
    parties = res.states_in(sent)
    rank = res.party_ranks()
    best = min((rank.get(c, 99) for c in pair), default=99)
    age = date_age(date, res.published)
    names = ("rule=list:cooperation", "type=COOPERATE", "pos=list", "type=COOPERATE|pos=list", "actor_kind=state",
             "recipient_kind=state", "n_actor=1", "n_recipient=1", f"date_source={date_source}",
             f"date_gran={date.granularity if date else 'none'}", f"date_age={age}",
             f"date_source={date_source}|date_age={age}", f"sentence={_bucket(sentence_index, (0, 1, 3, 6, 12))}",
             f"sentence_parties={min(len(parties), 4)}", f"actor_doc_rank={_bucket(best, (1, 2, 3))}",
             f"evidence_chars={_bucket(evidence[1] - evidence[0], (15, 40, 90, 180))}",
             "list_pair_in_sentence" if named_in_sentence else "list_pair_from_context")
    return {name: 1.0 for name in names}


def record_features(first: Features, mentions: int, sources: list[str]) -> Features:
    """A merged record's features: those of its best mention, how many mentions it has and where its date came
    from across them."""
    f = dict(first)
    f[f"mentions={min(mentions, 3)}"] = 1.0
    if "clause" in sources and f.get("date_source=clause") is None:
        f["date_from_other_mention"] = 1.0
    return f


def measure_features(*, measure: str, rule: str, unit: str, actor: list[ActorSpan], recipient: list[ActorSpan],
                     period: DateRef | None, change: bool, commodity: bool, keyword: Token, sent: Span,
                     res: Resolution) -> Features:
    """The features of one measure: its kind and rule, the unit, which sides were found, the period."""
    f: Features = {}
    actor_codes, recipient_codes = _codes(actor), _codes(recipient)
    parties = res.states_in(sent)
    for name in (f"measure={measure}", f"rule={rule}", f"unit={unit}", f"measure={measure}|unit={unit}",
                 f"n_actor={min(len(actor_codes), 3)}", f"n_recipient={min(len(recipient_codes), 3)}",
                 f"period={period.granularity if period else 'none'}", f"period_age={date_age(period, res.published)}",
                 f"actor_type={_span_type(actor)}", f"recipient_type={_span_type(recipient)}",
                 f"sentence_parties={min(len(parties), 4)}", f"keyword_dep={keyword.dep_}"):
        f[name] = 1.0
    if change:
        f["change"] = 1.0
    if commodity:
        f["commodity"] = 1.0
    if actor_codes and actor_codes == recipient_codes:
        f["self_pair"] = 1.0
    if _in_quote(keyword, sent):
        f["in_quote"] = 1.0
    if {t.lemma_.lower() for t in sent} & HEDGES:
        f["hedge_in_sentence"] = 1.0
    clause = {t.lemma_.lower() for t in A.clause_tokens(A.clause_head(keyword))} | {t.lemma_.lower()
                                                                                    for t in keyword.ancestors}
    if clause & PLEDGES:
        f["pledged_or_planned"] = 1.0  # 'would invest $11 million', 'pledged $500 million': not yet a flow
    if clause & NEEDS:
        f["needed_or_sought"] = 1.0  # 'the agency needs a billion dollars'
    for side, spans in (("actor", actor), ("recipient", recipient)):
        if any(s.method == "context" for s in spans):
            f[f"{side}_from_context"] = 1.0
    return f


PLEDGES = frozenset({"will", "would", "pledge", "promise", "plan", "propose", "offer", "announce", "commit", "vow",
                     "expect", "aim", "intend", "could", "may", "might", "should"})
NEEDS = frozenset({"need", "seek", "request", "ask", "appeal", "require", "want"})
