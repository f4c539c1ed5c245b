"""Measures between states: a quantity read together with the words that say what it measures.

From each money, tonnage or share quantity the coder walks up the dependency tree to the word that names the
flow ("exports", "trade", "shipped", "aid", "forgive ... debt", "invest", "reserves"), then reads the states
around that word: who exports to whom, whose debt, bilateral meaning the pair under discussion.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from diplograph.coding import args as A
from diplograph.coding.context import DocContext
from diplograph.coding.events import main_clause_dates, sentence_pair
from diplograph.coding.features import measure_features
from diplograph.model import DateRef, Quantity
from diplograph.nlp.quantities import CROWN, signed_change
from diplograph.nlp.resolve import ActorSpan, Resolution

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# lemma -> measure kind; checked on the quantity's ancestors, their subjects/objects and "of" phrases.
KEYWORDS = {"trade": "trade", "commerce": "trade", "turnover": "trade", "export": "exports", "ship": "exports",
            "sell": "exports", "sale": "exports", "shipment": "exports", "import": "imports", "buy": "imports",
            "purchase": "imports", "aid": "aid", "assistance": "aid", "donation": "aid", "grant": "aid",
            "donate": "aid", "pledge": "aid", "invest": "investment", "investment": "investment", "loan": "loan",
            "lend": "loan", "credit": "loan", "reserve": "reserves", "reserves": "reserves", "forgive": "debt_relief",
            "supply": "exports", "deliver": "exports", "owe": "debt", "debt": "debt",
            "write": "debt_relief", "cancel": "debt_relief", "relief": "debt_relief",
            # money lent as a rescue or parked in a central bank counts as a loan; funding and contributions as aid
            "bailout": "loan", "financing": "loan", "deposit": "loan", "funding": "aid", "contribution": "aid",
            "support": "aid"}
DEBT_WORDS = frozenset({"debt", "debts", "loan", "loans", "arrears"})
DEFERRING = frozenset({"defer", "postpone", "reschedule"})
RELIEF_VERBS = frozenset({"forgive", "write", "cancel", "relieve", "restructure", "reduce", "waive"})
DIRECTION = {"outbound": "exports", "outgoing": "exports", "inbound": "imports", "incoming": "imports"}
TO_PREPS = ("to", "for", "into", "toward", "towards", "in")
FROM_PREPS = ("from",)
SHARE_KINDS = {"exports": "export_share", "imports": "import_share", "trade": "trade_share"}
UNITS = frozenset({"USD", "t", "bbl", "m3", "%"})
CROWN_OF = {"SWE": "SEK", "NOR": "NOK", "DNK": "DKK", "CZE": "CZK", "ISL": "ISK"}
RECEIVERS = frozenset({"receive", "obtain", "get", "secure", "win", "accept", "take"})
FROM_A_LENDER = frozenset({"loan", "aid", "investment"})  # '... a $6 billion loan from Saudi Arabia': the lender
LENDERS = frozenset({"IMF", "WB"})  # organisations that only ever lend to states


@dataclass
class FoundMeasure:
    measure: str
    actor: list[ActorSpan]
    recipient: list[ActorSpan]
    quantity: Quantity
    change_pct: float | None
    commodity: str | None
    period: DateRef | None
    evidence: tuple[int, int]
    rule: str
    keyword: int
    features: dict[str, float] = field(default_factory=dict)  # what the confidence model sees


def code_measures(sent: Span, res: Resolution, ctx: DocContext) -> list[FoundMeasure]:
    quantities = [q for q in res.quantities if sent.start_char <= q.start < sent.end_char]
    changes = [q for q in quantities if signed_change(q) is not None]
    out = []
    for q in quantities:
        if q in changes or (q.unit == "km"):
            continue
        found = _measure_for(q, sent, res, ctx, changes)
        if found is not None:
            out.append(found)
            if found.period is not None and found.period is not ctx.measure_period:
                ctx.measure_period, ctx.measure_period_at = found.period, ctx.sentence_index
            if found.actor and found.recipient:
                ctx.note_pair(found.actor[0].code, found.recipient[0].code)
    return _drop_shares_beside_money(out)


def _given_as_relief(head: Token) -> bool:
    """A quantity of goods called relief or humanitarian ('delivered 40 tonnes of relief goods'): `_kind_of` reads
    the same words on a keyword noun ('relief supplies'); this, on the goods of a keyword verb ('deliver')."""
    return any(t.dep_ in ("compound", "amod") and t.lemma_.lower() in RELIEF_WORDS for t in head.subtree)


def _drop_shares_beside_money(found: list[FoundMeasure]) -> list[FoundMeasure]:
    """'forgive 90% of the debt (US$10 billion)': the money is the measure, the share only qualifies it."""
    money_keywords = {f.keyword for f in found if f.quantity.unit != "%"}
    return [f for f in found if f.quantity.unit != "%" or f.keyword not in money_keywords]


def _quantity_head(q: Quantity, res: Resolution) -> Token | None:
    span = res.doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None:
        return None
    return span.root


def _measure_for(q: Quantity, sent: Span, res: Resolution, ctx: DocContext,
                 changes: list[Quantity]) -> FoundMeasure | None:
    head = _quantity_head(q, res)
    if head is None:
        return None
    hit = _keyword(head, q)
    if hit is None:
        return None
    kind, word = hit
    if q.unit == "%":
        if kind not in SHARE_KINDS or not _is_share(head):
            return None
        kind = SHARE_KINDS[kind]
    actor, recipient = _states(kind, word, res, head)
    if kind == "debt":  # the contract's 'loan': what a creditor has lent a debtor, lender first
        kind, (actor, recipient) = "loan", _lender_first(word, actor, recipient)
    if kind == "exports" and actor and {c for s in actor for c in s.states} == {"UN"}:
        kind = "aid"  # 'the WFP delivered 12,000 tonnes of food to Haiti': the UN's agencies sell nothing
    if kind == "exports" and _given_as_relief(head):
        kind = "aid"  # 'India delivered 40 tonnes of relief goods to Nepal': given, not sold
    if kind == "aid" and actor and not recipient:
        recipient = _region_aided(word, res, {c for s in actor for c in s.states})
    if not actor and (_owned_by_a_generic(word) or _pronoun_subject(word)) and (told := [
            s for s in ctx.last_clause_subject if s.code not in {r.code for r in recipient}]):
        # 'The country's exports to China were worth $2.3 billion': the state the previous sentences were about
        actor = [ActorSpan.from_context(word.i, told[0].code, "the country told of before")]
    if kind == "trade" or (not (actor and recipient) and kind not in ("reserves",)):
        actor, recipient = _complete_pair(kind, actor, recipient, sent, res, ctx)
    if not actor and not recipient:
        return None
    if q.unit == CROWN:  # '13.3 billion crowns' paid by Sweden are kronor; by a state of no crown, unknown
        unit = CROWN_OF.get(actor[0].code) if actor else None
        if unit is None:
            return None
        q = replace(q, unit=unit)
    change = _change_for(head, changes, res)
    period = _period(head, word, sent, res, ctx)
    quoted = [s for s in actor + recipient if sent.start <= s.start < sent.end and s.method != "context"]
    lead = word.left_edge.i if word.pos_ in ("NOUN", "PROPN") else word.i  # 'bilateral trade', not 'trade'
    first = min([lead, head.i] + [s.start for s in quoted])
    last = max([word.i, head.i] + [s.end - 1 for s in quoted])
    evidence = (min(res.doc[first].idx, q.start), max(res.doc[last].idx + len(res.doc[last].text), q.end))
    commodity = _commodity(q, head, word, kind)
    rule = f"measure:{word.lemma_.lower()}"
    features = measure_features(measure=kind, rule=rule, unit=q.unit, actor=actor, recipient=recipient,
                                period=period, change=change is not None, commodity=commodity is not None,
                                keyword=word, sent=sent, res=res)
    return FoundMeasure(kind, actor, recipient, q, change, commodity, period, evidence, rule, word.i, features)


def _keyword(head: Token, q: Quantity) -> tuple[str, Token] | None:
    """Walk up from the quantity to the word naming what it measures."""
    t = head
    for _ in range(7):
        # the amount itself, or a verb whose object it is ('gave €3bn in aid': 'in aid' hangs from the verb)
        amount = t.i == head.i or (t.pos_ == "VERB" and head.dep_ == "dobj" and head.head.i == t.i)
        for cand in _candidates(t, amount=amount):
            kind = _kind_of(cand)
            if kind is not None:
                return kind, cand
        if t.dep_ == "relcl" and _relative_subject(t):
            t = t.head  # 'trade with Vietnam, which totaled about $3.6 billion': what 'which' stands for
            continue
        if t.head.i == t.i or t.dep_ in ("relcl", "ccomp") or (t.dep_ == "advcl" and t.tag_ != "VBG"):
            return None
        t = t.head
    return None


def _relative_subject(clause: Token) -> bool:
    """A relative clause whose subject is its relative pronoun ('which totaled $3.6 billion')."""
    subj = A.child(clause, "nsubj", "nsubjpass")
    return subj is not None and subj.lower_ in ("which", "that")


def _candidates(t: Token, *, amount: bool = False) -> list[Token]:
    """`t` and the words that may name what it measures. `amount`: `t` is the quantity's own head ('$2 billion',
    '500 million euros') or the verb it is the object of, whose 'in' phrase says what the money is ('in loans',
    'in military aid')."""
    out = [t]
    if t.lower_ == "worth" and t.head.pos_ == "VERB":  # 'announced military aid to Ukraine worth ...', misattached
        objects = [c for c in t.head.children if c.dep_ == "dobj"]
        out.extend(objects)  # and the word before a deal's head: 'approved a military aid package for Ukraine worth'
        out.extend(c for o in objects if o.lemma_.lower() in DEAL_HEADS for c in _deal_words(o))
    if t.lemma_.lower() in DEAL_HEADS:  # 'a $500 million aid package', 'a US$300m loan agreement', 'a credit line'
        out.extend(_deal_words(t))
    for c in t.children:
        if c.dep_ == "prep" and (c.lower_ == "of" or (c.lower_ == "in" and (t.pos_ == "NUM" or amount))
                                 or (c.lower_ == "as" and amount and t.pos_ == "VERB")):  # 'sent ... as aid'
            out.extend(g for g in c.children if g.dep_ == "pobj")  # 'tons of food aid', '$2 billion in loans'
        if c.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("VERB", "AUX"):
            out.append(c)
    return out


def _deal_words(deal: Token) -> list[Token]:
    """The words before a deal's head that say what flows ('aid package', 'loan agreement', 'arms sales deal'; not
    'a $100 billion trade deal': a trade agreement's figure is a target, no flow)."""
    return [c for c in deal.lefts if (c.dep_ in ("compound", "amod", "nmod") and KEYWORDS.get(
        c.lemma_.lower()) not in ("trade", None)) or c.lemma_.lower() in ("sale", "sales")]


# Nouns that name a flow only through the word before them ('aid package', 'loan agreement', 'arms sales deal')
DEAL_HEADS = frozenset({"package", "line", "agreement", "deal", "programme", "program", "facility", "tranche",
                        "contract", "pact", "scheme", "fund", "commitment"})
RELIEF_WORDS = frozenset({"relief", "humanitarian", "medical", "emergency", "aid"})


def _kind_of(t: Token) -> str | None:
    lemma = t.lemma_.lower()
    if lemma in ("forgive", "write", "cancel", "defer", "postpone", "reschedule"):
        obj = A.child(t, "dobj")
        obj_words = {obj.lemma_.lower(), *(x.lemma_.lower() for x in obj.subtree)} if obj is not None else set()
        # 'deferred roughly $1.2 billion of Lao repayments': repayments put off are relief too
        owed = DEBT_WORDS | ({"repayment", "payment", "service"} if lemma in DEFERRING else set())
        return "debt_relief" if obj_words & owed else None
    if lemma == "relief":
        return "debt_relief" if any(c.lemma_.lower() == "debt" for c in t.children) else None
    if lemma == "debt" and any(a.lemma_.lower() in RELIEF_VERBS for a in list(t.ancestors)[:3]):
        return None  # 'forgive 90% of the debt (US$10 billion)': the amount forgiven, read at the verb
    kind = KEYWORDS.get(lemma)
    if kind == "exports" and any(c.dep_ in ("amod", "compound") and c.lemma_.lower() in RELIEF_WORDS
                                 for c in t.children):
        return "aid"  # 'flew 15 tonnes of relief supplies to Mandalay': help, not a sale
    if kind == "trade":
        for c in t.children:
            if c.dep_ in ("amod", "compound", "nmod") and c.lower_ in DIRECTION:
                return DIRECTION[c.lower_]
    return kind


def _is_share(head: Token) -> bool:
    """'90% of North Korea's exports'."""
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)


def _states(kind: str, word: Token, res: Resolution,
            head: Token | None = None) -> tuple[list[ActorSpan], list[ActorSpan]]:
    """(actor, recipient) around the keyword: possessors and subjects give the actor; preps the partner."""
    noun_side = A.spans_in(A.walk(word, frozenset({"poss", "amod", "compound", "nmod", "case"})), res)
    noun_side = [s for s in noun_side if s.states and s.start < word.i]
    verb = word if word.pos_ in ("VERB", "AUX") else (A.governing_verb(word) or A.clause_head(word))
    subj, passive = A.subject(verb) if verb is not None else (None, False)
    subj_states = [s for s in A.np_actors(subj, res) if s.states] if subj is not None and subj.i != word.i else []
    if subj is not None and not subj_states and subj.lower_ in ("it", "they"):
        subj_states = _earlier_subject(subj, res)
    partner = _partner(word, verb, kind, res) or (_partner(head, None, kind, res) if head is not None else [])
    if kind == "debt" and word.lemma_.lower() == "owe":  # 'Laos owes China $10 billion': the creditor is the object
        creditor = [s for c in word.children if c.dep_ in ("dobj", "dative")
                    for s in A.np_actors(c, res) if s.states]
        partner = creditor or partner
    if kind == "debt_relief":
        debt = A.child(word, "dobj")
        owner = [s for s in A.np_actors(debt, res, deep=True) if s.states] if debt is not None else []
        return subj_states, owner or partner
    if verb is not None and subj_states and not noun_side and (
            verb.lemma_.lower() in RECEIVERS or kind in FROM_A_LENDER):
        givers = [s for _, obj in A.prep_objects(verb, ("from",)) + A.prep_objects(word, ("from",))
                  for s in A.np_actors(obj, res) if s.states]
        if givers or verb.lemma_.lower() in RECEIVERS:
            return givers, subj_states  # 'Ghana received a $3 billion loan from Japan', 'revived a loan from X'
    actor = noun_side or subj_states
    if not actor and len(partner) >= 2:  # 'trade between China and Russia'
        return partner[:1], partner[1:]
    if kind == "loan" and any(p.code in LENDERS for p in partner) and not any(a.code in LENDERS for a in actor):
        return partner[:1], actor  # 'Egypt signed a loan agreement with the IMF': the fund lends
    return actor, [p for p in partner if p.code not in {a.code for a in actor}]


GENERIC_OWNERS = frozenset({"country", "nation", "kingdom", "republic", "state", "government"})


def _owned_by_a_generic(word: Token) -> bool:
    """'the country's exports', 'its exports': the flow's owner is a state named before, not here."""
    return any(c.dep_ == "poss" and (c.lower_ == "its" or c.lemma_.lower() in GENERIC_OWNERS) for c in word.children)


def _pronoun_subject(word: Token) -> bool:
    """'It approved a $250 million loan': the subject of the flow's verb is a pronoun for a state told of before."""
    verb = word if word.pos_ in ("VERB", "AUX") else A.governing_verb(word)
    subj = A.child(verb, "nsubj") if verb is not None else None
    return subj is not None and subj.lower_ in ("it", "they")


def _region_aided(word: Token, res: Resolution, donors: set[str]) -> list[ActorSpan]:
    """'$306 million in humanitarian assistance for Tigray': aid for a city or region abroad goes to its state."""
    from diplograph.geo.locate import place_named_by

    verb = A.governing_verb(word)
    for t in (word, verb):
        if t is None:
            continue
        for _p, obj in A.prep_objects(t, ("for", "to", "in")):
            place = place_named_by(obj, res, (tuple(sorted(donors)),))
            if place is not None and place.kind in ("city", "region") and place.country \
                    and place.country not in donors:
                return [ActorSpan.from_context(obj.i, place.country, f"the state of {place.name}, aided")]
    return []


HOLDING_VERBS = frozenset({"hold", "own", "have"})


def _lender_first(word: Token, actor: list[ActorSpan],
                  recipient: list[ActorSpan]) -> tuple[list[ActorSpan], list[ActorSpan]]:
    """A debt told from either side, as a loan from the creditor to the debtor: 'Laos owes China $10 billion' and
    'Sri Lanka's debt to China' name the debtor first; 'China is owed $4 billion' and 'Chinese banks hold $3
    billion of Zambia's debt' the creditor."""
    if word.lemma_.lower() == "owe":
        return (actor, recipient) if A.is_passive(word) else (recipient, actor)
    verb = A.governing_verb(word)
    if verb is not None and verb.lemma_.lower() in HOLDING_VERBS:
        return actor, recipient
    return recipient, actor


def _earlier_subject(subj: Token, res: Resolution) -> list[ActorSpan]:
    for t in subj.sent:
        if t.i >= subj.i:
            break
        if t.dep_ == "nsubj":
            found = [s for s in A.np_actors(t, res) if s.states]
            if found:
                return found
    return []


def _partner(word: Token, verb: Token | None, kind: str, res: Resolution) -> list[ActorSpan]:
    preps = FROM_PREPS if kind == "imports" else TO_PREPS + ("with", "between")
    heads = [word]
    if word.dep_ in ("compound", "amod", "nmod") and word.head.lemma_.lower() in DEAL_HEADS:
        heads.append(word.head)  # 'a loan agreement with China': the agreement's partner
    heads += [c for h in list(heads) for c in h.children if c.dep_ == "acl"]  # "a loan programme agreed with"
    for t in (*heads, verb):
        if t is None:
            continue
        for _, obj in A.prep_objects(t, preps):
            found = [s for s in A.np_actors(obj, res, deep=True) if s.states]
            if found:
                return found
    return []


# bodies a story's pair may include that buy, sell and lend nothing ('took its case to the WTO')
NO_COUNTERPARTS = frozenset({"WTO", "ICC", "INTERPOL", "OSCE", "IAEA", "ICRC", "IFRC"})


def _complete_pair(kind: str, actor: list[ActorSpan], recipient: list[ActorSpan], sent: Span, res: Resolution,
                   ctx: DocContext) -> tuple[list[ActorSpan], list[ActorSpan]]:
    """'bilateral trade', or an aid figure without a recipient: the pair of states under discussion."""
    pair = sentence_pair(sent, res) or ctx.current_pair()
    if pair is None or set(pair) & NO_COUNTERPARTS:
        return actor, recipient  # 'could take its case to the World Trade Organization': no trading partner
    have = {s.code for s in actor + recipient}
    if have and not have & set(pair):
        if recipient and not actor and pair[0] not in have:  # 'bilateral trade with China': the state discussed
            return [_context_span(sent[0].i, pair[0])], recipient
        return actor, recipient
    anchor = sent[0].i
    spans = {code: _context_span(anchor, code) for code in pair}
    if not actor and not recipient:
        return [spans[pair[0]]], [spans[pair[1]]]
    if actor and not recipient:
        other = pair[1] if actor[0].code == pair[0] else pair[0]
        return actor, [spans[other]]
    if recipient and not actor:
        other = pair[1] if recipient[0].code == pair[0] else pair[0]
        return [spans[other]], recipient
    return actor, recipient


def _context_span(anchor: int, code: str) -> ActorSpan:
    return ActorSpan.from_context(anchor, code, "pair under discussion")


def _change_for(head: Token, changes: list[Quantity], res: Resolution) -> float | None:
    """A percentage change in the same clause: 'fell by 2.4% to US$6.39 billion'."""
    clause = A.clause_head(head)
    for q in changes:
        qh = _quantity_head(q, res)
        if qh is not None and A.clause_head(qh) == clause:
            return signed_change(q)
    return None


def _commodity(q: Quantity, head: Token, word: Token, kind: str) -> str | None:
    """'tons of coal' -> coal; 'food aid' -> food; revenue from shipping coal -> coal."""
    inner = _of_noun(head)
    if inner is not None and inner.lemma_.lower() not in KEYWORDS and q.unit != "%":
        return inner.lemma_.lower()
    for c in word.children:
        if c.dep_ == "compound" and c.pos_ == "NOUN":
            return c.lemma_.lower()
    if word.pos_ == "VERB":
        obj = A.child(word, "dobj")
        if obj is not None and obj.i != head.i:
            of = _of_noun(obj)
            return (of or obj).lemma_.lower()
        if obj is not None:
            of = _of_noun(obj)
            return of.lemma_.lower() if of is not None else None
    return None


def _of_noun(t: Token) -> Token | None:
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ == "of":
            return A.child(c, "pobj")
    return None


def _since_a_dated_clause(head: Token, res: Resolution) -> DateRef | None:
    """'$1.6 billion in aid since the war began in April 2023': from the date of the 'since' clause to publication."""
    verb = A.governing_verb(head)
    for clause in (c for c in (verb.children if verb is not None else ()) if c.dep_ == "advcl"):
        if not any(m.dep_ == "mark" and m.lower_ == "since" for m in clause.children):
            continue
        dated = [res.date_at[t.i] for t in clause.subtree if t.i in res.date_at]
        if dated and res.published is not None:
            start = dated[0].value.split("/")[0]
            end = res.published.isoformat()
            if start <= end:
                return DateRef(dated[0].start, dated[0].end, dated[0].text, f"{start}/{end}", "range", "rule",
                               "since a dated clause")
    return None


def _close_since(date: DateRef, sent: Span, res: Resolution) -> DateRef:
    """'nearly US$5 billion since 2011' in a sentence about 2014 runs from 2011 to 2014, not to publication."""
    if date.reason != "since":
        return date
    years = [d for d in res.dates if sent.start_char <= d.start < sent.end_char and d.granularity == "year"]
    start = date.value.split("/")[0]
    later = [d.value for d in years if d.value > start[:4]]
    if not later:
        return date
    return DateRef(date.start, date.end, date.text, f"{start}/{max(later)}", "range", date.method, date.reason)


# What a change is measured from: 'rose 4.8 percent in March from a year earlier', 'down 6.1 percent from the same
# period of 2015', '13 percent less than in February', 'compared with 2019'. Such a date is no period of the figure.
_BASELINE_BEFORE = re.compile(
    r"\b(?:(?:from|than|compared\s+(?:with|to)|against|versus|vs\.?)\s+(?:in\s+)?(?:the\s+)?"
    r"(?:same\s+(?:period|month|quarter|time|week|months)\s+(?:of|in|last)\s+)?"
    r"|(?:over|on)\s+the\s+same\s+(?:period|month|quarter|time|week|months)\s+(?:of|in|last)\s+)$", re.I)
# ('on 5 March', 'over 2020' are the figure's own dates: 'over' and 'on' are baselines only of 'the same period')


def _baseline(date: DateRef, text: str) -> bool:
    """Whether a date is the baseline a change is measured from (_BASELINE_BEFORE, just before it)."""
    return _BASELINE_BEFORE.search(text[max(0, date.start - 60):date.start]) is not None


def _period(head: Token, word: Token, sent: Span, res: Resolution, ctx: DocContext) -> DateRef | None:
    """The date nearest the quantity in its clause, else the sentence's, else the context's time frame."""
    own = [t for t in head.subtree]
    clause = own + A.clause_tokens(A.clause_head(head))
    dates = {res.date_at[t.i].start: res.date_at[t.i] for t in clause if t.i in res.date_at}
    dates = {start: d for start, d in dates.items() if not _baseline(d, res.doc.text)}
    if not dates and (since := _since_a_dated_clause(head, res)) is not None:
        return since
    if dates:
        return _close_since(min(dates.values(), key=lambda d: abs(d.start - head.idx)), sent, res)
    main = main_clause_dates(sent, res)
    if main:
        return main[0]
    if ctx.measure_period is not None and ctx.sentence_index - ctx.measure_period_at <= MEASURE_PERIOD_REACH:
        return ctx.measure_period  # 'Trade reached a record in 2016. German exports to China rose 2.9 percent ...'
    return ctx.frame_date


MEASURE_PERIOD_REACH = 2  # sentences a figure's stated period carries to figures stated without one
