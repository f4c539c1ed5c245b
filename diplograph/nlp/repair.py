"""Repairs of the small parser's commonest misreadings that cost a record, made on the parsed Doc before coding.

    from diplograph.nlp.repair import repair_parse
    repair_parse(doc)   # in place; sentence boundaries are left as they are

- An object read as the compound of a time noun ('summoned a senior Chinese diplomat days after the incident':
  the parser makes 'diplomat' a compound of 'days'): the noun becomes the verb's object again when the verb has
  none, so that 'summoned ... diplomat' is the summons it says.
- A journey set off by commas after a noun ('India's foreign minister, on a visit to Mauritius, said'), which the
  parser hangs on the clause's verb: it tells of the noun before it again.
- A naming clause as a verb's object ('struck what Ankara called militant targets in Hasakah'): the named thing
  is the object again, the naming an aside.
- A noun phrase split into a noun and an apposition with no comma between ('signed a phase one trade deal': the
  parser makes 'phase' the object and 'deal' its apposition): the last noun heads the phrase again.
- A naming read as one noun phrase ('called the step blackmail': 'step' a compound of 'blackmail'): the named
  thing is the object again and the name the verb's predicate ('called the move a provocation').
- A noun phrase after a comma that sums up the clause ('met on the sidelines of a summit in Kazan, their first
  formal talks in five years'), which the parser makes the verb's object: an aside, so the verb keeps no object.
- A participle after its noun read as the main verb ('an employee detained in Dalian was released': the parser
  makes 'detained' the root and 'was released' its conjunct, so the employee detains): the participle tells of
  the noun, which is the subject of the passive that follows.
- The subject of a second clause read as a second object of the first ('ECOWAS suspended Guinea, and
  Guinea-Bissau's president, Umaro Sissoco Embalo, urged the junta ...': the parser makes 'president' an object
  of 'suspended' and 'urged' a conjunct with no subject, so ECOWAS urged): the noun after 'and' is the subject of
  the conjunct again.
- A main clause's second verb joined to a time clause set off between them ('Blinken arrived in Tel Aviv, five
  days after Hamas gunmen attacked southern Israel, and flew on to Amman': the parser joins 'flew' to
  'attacked', so the gunmen flew): the verb is the main verb's conjunct again.
- An 'of' left without an object while the noun after it was joined to the verb as a conjunct ('struck hideouts
  of Baloch separatists near ...'): the noun is the preposition's object again.
- A time phrase that opens the sentence read as its subject ('Days after a Ukrainian drone attack on the terminal
  at Novorossiysk, Russia's foreign ministry accused Britain ...': the parser leaves 'after' without an object,
  makes 'attack' the subject and the ministry an apposition of the port, so Ukraine accuses): the noun is the
  preposition's object again and the apposition after the comma the verb's subject.
- 'off' before a place read as the verb's particle and the place as a second object ('began a joint drill off
  Aktau', or hung on the noun: 'held a joint rescue drill off Hopa'): 'off' is a preposition again and the place
  its object, where the drill was held.
- A sentence's verb read as an adjective of its object ('A Jamaican navy ship unloaded water, tarpaulins and
  generators in Hillsborough': the parser makes 'water' the root, 'unloaded' its modifier and the ship an adverb
  of that): the participle is the verb again, the ship its subject and 'water' its object.
- Troops sent somewhere read as the senders ('Ethiopian soldiers sent to Bure earlier this week were digging
  trenches', 'Troops sent to the region this week have set up posts': the parser makes the soldiers the subject
  of an active 'sent' with no object): the soldiers are what was sent, the subject of a passive.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

TIME_NOUNS = frozenset({"day", "week", "month", "hour", "year", "minute"})
JOURNEY_NOUNS = frozenset({"visit", "trip", "tour", "mission", "stopover"})


def repair_parse(doc: Doc) -> None:
    _join_appositions_without_commas(doc)
    _split_what_was_called(doc)
    _rehang_time_compounds(doc)
    _rehang_journeys_set_off(doc)
    _give_stranded_prepositions_their_object(doc)
    _see_through_what_they_called(doc)
    _unhang_summaries_set_off(doc)
    _undo_garden_path_participles(doc)
    _give_conjuncts_their_subjects(doc)
    _rehang_conjuncts_after_asides(doc)
    _read_visiting_as_a_modifier(doc)
    _rehang_that_clauses_after_asides(doc)
    _find_the_verb_after_a_participle_phrase(doc)
    _hang_infinitives_on_their_nouns(doc)
    _subjects_hung_from_auxiliaries(doc)
    _rehang_appeals_after_reported_clauses(doc)
    _end_time_phrases_at_their_comma(doc)
    _read_off_before_a_place_as_a_preposition(doc)
    _read_troops_sent_as_sent(doc)
    _read_participles_before_the_root_as_the_verb(doc)
    _read_what_someone_made_as_a_relative_clause(doc)
    _read_a_made_thing_before_its_modal_verb(doc)
    _read_a_modifier_with_a_subject_as_the_verb(doc)
    _read_touching_down_as_landing(doc)
    _read_goods_put_ashore_as_unloaded(doc)
    _read_switching_on_as_opening(doc)
    _read_an_object_before_its_participle(doc)
    _join_possessives_before_their_noun(doc)
    _rehang_particles_after_asides(doc)


# what a speaker goes on to do in the same breath ('said ... and called on Washington to open a dialogue')
APPEAL_VERBS = frozenset({"call", "urge", "appeal", "demand", "ask", "invite", "warn", "vow", "pledge", "offer",
                          "thank"})
# who can do what a speaker does ('said Russian officials met ... and urged'): a reported subject of these is no thing
DOERS = frozenset({"troop", "soldier", "force", "official", "minister", "police", "officer", "diplomat", "leader",
                   "government", "army", "navy", "authority", "delegation", "envoy", "president", "team"})
SAYING_VERBS = frozenset({"say", "tell", "state", "declare", "add", "insist", "argue"})


def _rehang_appeals_after_reported_clauses(doc: Doc) -> None:
    """'he said no difference between the two countries justified a conflict and called on Washington to open a
    dialogue': the parser joins 'called' to the reported clause, whose subject (a thing, not anyone who could call)
    it then shares; the speaker called, so the verb is joined to the saying."""
    for verb in doc:
        reported = verb.head
        if verb.dep_ != "conj" or verb.lemma_.lower() not in APPEAL_VERBS or verb.tag_ != "VBD" \
                or reported.dep_ != "ccomp" or reported.head.lemma_.lower() not in SAYING_VERBS \
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        subj = next((c for c in reported.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        clause = next((c for c in reported.children if c.dep_ == "csubj"), None)
        if subj is None and clause is None:
            verb.head = reported.head  # a reported clause with no subject of its own to share
            continue
        if subj is None and clause is not None:  # 'said the Peruvian food and tents landed in ... had reached'
            subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.pos_ != "NOUN" or subj.lemma_.lower() in DOERS or any(
                (t.ent_type_ and t.ent_type_ != "NORP") or t.pos_ in ("PROPN", "PRON") for t in subj.subtree):
            continue  # 'said Russia attacked Kyiv and killed ten': the reported subject did both
        verb.head = reported.head


def _subjects_hung_from_auxiliaries(doc: Doc) -> None:
    """'Egypt and Qatar are mediating between Israel and Hamas': the parser may hang the subject from the auxiliary
    instead of the verb it helps; the verb's subject it is."""
    for subj in doc:
        aux = subj.head
        if subj.dep_ in ("nsubj", "nsubjpass") and aux.dep_ in ("aux", "auxpass") and aux.i != aux.head.i \
                and aux.head.pos_ == "VERB" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in aux.head.children):
            subj.head = aux.head


NAMING_LEMMAS = frozenset({"call", "describe", "term", "label", "dub"})


def _see_through_what_they_called(doc: Doc) -> None:
    """'Turkish drones struck what Ankara called militant targets in Syria's Hasakah province': what was struck is
    the targets (the verb's object, with their place), and 'Ankara called' an aside; the parser makes the naming
    clause the verb's complement and the targets its predicate."""
    for called in doc:
        verb = called.head
        if called.lemma_.lower() not in NAMING_LEMMAS or called.dep_ != "ccomp" or verb.pos_ != "VERB" \
                or any(c.dep_ == "dobj" for c in verb.children):
            continue
        what = next((c for c in called.children if c.lower_ == "what" and c.dep_ == "dobj" and c.i < called.i), None)
        named = next((c for c in called.children if c.dep_ in ("oprd", "dobj") and c.i > called.i), None)
        if what is None or named is None:
            continue
        named.head, named.dep_ = verb, "dobj"
        for c in [c for c in called.children if c.dep_ == "prep" and c.i > named.i]:
            c.head = verb  # 'on Friday', 'on hideouts in Iran': of the act, not of the naming
        called.dep_ = "parataxis"


def _give_stranded_prepositions_their_object(doc: Doc) -> None:
    """'struck hideouts of Baloch separatists near ...': the parser left 'of' without an object and joined
    'separatists' to the verb as a conjunct; the noun right after the stranded preposition is its object."""
    for t in doc:
        if t.dep_ != "conj" or t.pos_ not in ("NOUN", "PROPN", "VERB") or t.head.pos_ != "VERB" or t.head.i > t.i:
            continue
        before = doc[t.left_edge.i - 1] if t.left_edge.i > 0 else None
        if before is not None and before.dep_ == "prep" and before.lower_ == "of" \
                and not any(c.dep_ == "pobj" for c in before.children) and not any(
                    c.dep_ == "cc" for c in t.head.children if c.i < t.i):
            t.head = before
            t.dep_ = "pobj"
            if t.pos_ == "VERB":  # the tagger read the noun as a verb ('separatists' as VBZ) to make it a conjunct
                t.pos_, t.tag_ = "NOUN", "NNS" if t.lower_.endswith("s") else "NN"


def _rehang_journeys_set_off(doc: Doc) -> None:
    """'India's foreign minister, on a visit to Mauritius, said ...': the phrase between commas tells of the noun
    before it (the parser hangs it on the clause's verb, whose subject then makes the visit)."""
    for t in doc:
        if t.lower_ != "on" or t.dep_ != "prep" or t.i < 2 or doc[t.i - 1].text != ",":
            continue
        noun, journey = doc[t.i - 2], next((c for c in t.children if c.dep_ == "pobj"), None)
        if journey is None or journey.lemma_.lower() not in JOURNEY_NOUNS or noun.pos_ not in ("NOUN", "PROPN") \
                or t.head.i == noun.i or noun.dep_ not in ("nsubj", "nsubjpass", "advcl", "appos", "conj"):
            continue
        after = t.right_edge.i + 1
        if after < len(doc) and doc[after].text == ",":  # set off by commas
            t.head = noun


# Words a state calls another's act by ('called the step blackmail')
VERDICT_NOUNS = frozenset({"blackmail", "provocation", "violation", "farce", "disgrace", "mistake", "sham", "lie",
                           "interference", "aggression", "terrorism", "piracy", "theft", "hypocrisy", "propaganda",
                           "nonsense", "outrage", "insult", "betrayal", "crime", "escalation", "bullying", "coercion",
                           "madness", "robbery", "extortion", "banditry"})


def _split_what_was_called(doc: Doc) -> None:
    for t in doc:
        if t.dep_ != "dobj" or t.lemma_.lower() not in VERDICT_NOUNS or t.head.lemma_.lower() not in NAMING_LEMMAS:
            continue
        named = [c for c in t.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < t.i]
        if not named or any(c.dep_ == "oprd" for c in t.head.children):
            continue
        thing, verb = named[-1], t.head
        for c in list(t.children):
            if c.dep_ in ("det", "poss", "amod") and c.i < thing.i:
                c.head = thing  # 'the step': the article goes with the thing named
        thing.head, thing.dep_ = verb, "dobj"
        t.dep_ = "oprd"


def _join_appositions_without_commas(doc: Doc) -> None:
    for t in doc:
        head = t.head
        if t.dep_ != "appos" or t.pos_ != "NOUN" or head.pos_ != "NOUN" or not head.i < t.i <= head.i + 4 \
                or head.head.i == head.i:
            continue
        if any(doc[j].is_punct for j in range(head.i + 1, t.i)):
            continue  # 'the deal, a truce': a real apposition
        t.head, t.dep_ = head.head, head.dep_
        head.head, head.dep_ = t, "compound"


def _rehang_time_compounds(doc: Doc) -> None:
    for t in doc:
        if t.dep_ != "npadvmod" or t.lemma_.lower() not in TIME_NOUNS or t.head.dep_ != "prep":
            continue
        verb = t.head.head
        if verb.pos_ != "VERB" or any(c.dep_ == "dobj" for c in verb.children):
            continue
        nouns = [c for c in t.children if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") and c.i < t.i]
        if nouns and verb.i < nouns[-1].i:
            nouns[-1].head = verb
            nouns[-1].dep_ = "dobj"


def _unhang_summaries_set_off(doc: Doc) -> None:
    """'Modi and Xi met on the sidelines of a summit in Kazan, their first formal talks in five years': the phrase
    after the comma names the meeting the clause told; the parser makes it the verb's object, and 'met' then
    reads as meeting talks. An object set off by a comma after the verb's other words is such an aside (a real
    object moved behind a phrase of the verb's is set off on both sides: 'signed, in Doha, a deal')."""
    for obj in doc:
        verb = obj.head
        if obj.dep_ != "dobj" or obj.pos_ not in ("NOUN", "PROPN") or verb.pos_ != "VERB" or verb.i > obj.i:
            continue
        comma = obj.left_edge.i - 1
        if comma <= verb.i + 1 or doc[comma].text != "," or doc[verb.i + 1].text == ",":
            continue
        between = [c for c in verb.children if verb.i < c.i < comma and not c.is_punct]
        if between and all(c.dep_ in ("prep", "npadvmod", "advmod") for c in between):
            obj.dep_ = "npadvmod"


def _undo_garden_path_participles(doc: Doc) -> None:
    """'A Japanese employee detained in Dalian was released on Friday': the parser reads 'detained' as the main
    verb with the employee its subject, and 'was released' as its conjunct with no 'and' and no subject. The
    participle modifies the noun; the passive after it is the clause's verb, the noun its subject."""
    for verb in doc:
        if verb.tag_ != "VBD" or verb.pos_ != "VERB" or any(c.dep_ in ("aux", "auxpass", "cc") for c in verb.children):
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        main = next((c for c in verb.children if c.dep_ == "conj" and c.tag_ == "VBN"), None)
        if subj is None or subj.pos_ not in ("NOUN", "PROPN") or main is None or subj.i + 1 != verb.i:
            continue
        helper = next((c for c in main.children if c.dep_ == "auxpass" and c.i < main.i), None)
        if helper is None or any(c.dep_ in ("nsubj", "nsubjpass") for c in main.children) \
                or any(doc[j].is_punct for j in range(verb.i + 1, helper.i)):
            continue
        if verb.dep_ == "ROOT":
            main.head, main.dep_ = main, "ROOT"
        else:
            main.head, main.dep_ = verb.head, verb.dep_
        subj.head, subj.dep_ = main, "nsubjpass"
        verb.head, verb.dep_, verb.tag_ = subj, "acl", "VBN"


GUEST_WORDS = frozenset({"minister", "president", "premier", "chancellor", "leader", "delegation", "envoy",
                         "counterpart", "king", "queen", "prince", "emir", "secretary", "official", "diplomat",
                         "ambassador", "team", "delegate", "lawmaker", "general", "commander"})


def _read_visiting_as_a_modifier(doc: Doc) -> None:
    """'Blinken assured visiting Australian Foreign Minister Marise Payne that ...', 'Modi told visiting Japanese
    Prime Minister Fumio Kishida': the parser makes 'visiting' a verb with the guest its object, as if the speaker
    visited the guest. Right after a verb that has no object of its own, 'visiting' describes a guest named by a
    person's name or a nationality: the guest is the verb's object."""
    for word in doc:
        verb = word.head
        if word.lower_ != "visiting" or word.dep_ != "xcomp" or verb.pos_ != "VERB" or verb.i + 1 != word.i \
                or any(c.dep_ in ("dobj", "dative") for c in verb.children):
            continue
        guest = next((c for c in word.children if c.dep_ == "dobj"), None)
        if guest is None or min(t.i for t in guest.subtree) != word.i + 1:
            continue
        if guest.ent_type_ != "PERSON" and guest.lemma_.lower() not in GUEST_WORDS:
            continue  # 'began visiting Chinese factories'
        guest.head, guest.dep_ = verb, "dobj"
        for c in [c for c in word.children if c.i > guest.i]:
            c.head = verb  # 'that the United States will not leave Australia alone': what the verb says
        word.head, word.dep_, word.pos_, word.tag_ = guest, "amod", "ADJ", "JJ"


def _rehang_that_clauses_after_asides(doc: Doc) -> None:
    """'Rwanda rejected the accusation, made by Burundi's president a day earlier, that Rwandan officers were
    arming rebels': after an aside set off by commas, the parser makes the that-clause the sentence's root and the
    main clause its complement. The main clause is the root; the that-clause says what its object says (or what
    its verb says, when the object is no noun)."""
    for root in [t for t in doc if t.dep_ == "ROOT"]:
        mark = next((c for c in root.children if c.dep_ == "mark" and c.lower_ == "that"), None)
        main = next((c for c in root.children if c.dep_ == "ccomp" and c.i < root.i), None)
        if mark is None or main is None or mark.i == 0 or doc[mark.i - 1].text != "," or main.i > mark.i \
                or not any(c.dep_ in ("nsubj", "nsubjpass") for c in main.children):
            continue
        said = next((c for c in main.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN"), None)
        for c in [c for c in root.children if c.i < mark.i and c.dep_ == "punct"]:
            c.head = main
        main.head, main.dep_ = main, "ROOT"
        root.head, root.dep_ = (said, "acl") if said is not None else (main, "ccomp")


def _find_the_verb_after_a_participle_phrase(doc: Doc) -> None:
    """'Crowds waving Korean flags massed in front of Japan's mission': the parser made the subject the root, and
    the sentence's verb a participle describing the participle phrase's object ('flags massed'). A root noun with
    no verb of its own, described by a phrase in '-ing', has its verb after that phrase."""
    for root in [t for t in doc if t.pos_ in ("NOUN", "PROPN") and (t.dep_ == "ROOT" or _a_second_subject(t))]:
        phrase = next((c for c in root.children if c.dep_ == "acl" and c.tag_ == "VBG" and c.i == root.i + 1), None)
        if phrase is None or any(c.pos_ in ("VERB", "AUX") and c.dep_ not in ("acl", "relcl") for c in root.children):
            continue
        verb = next((t for t in phrase.subtree if t.dep_ == "acl" and t.tag_ in ("VBN", "VBD") and t.i > phrase.i
                     and t.head.i != root.i and not any(c.dep_ in ("agent", "aux", "auxpass") for c in t.children)),
                    None)
        if verb is None:
            continue
        if root.dep_ == "ROOT":
            verb.head, verb.dep_ = verb, "ROOT"
        else:  # 'Crowds waving flags massed outside ..., police said': what the police said
            verb.head, verb.dep_ = root.head, "ccomp"
        verb.tag_ = "VBD"
        root.head, root.dep_ = verb, "nsubj"
        for c in [c for c in phrase.children if c.i > verb.i]:
            c.head = verb  # what follows the verb is the verb's ('chanting slogans')
        for c in [c for c in root.children if c.i > verb.i]:
            c.head = verb


def _a_second_subject(noun: Token) -> bool:
    """A subject of a verb that has another subject after it ('Crowds ... massed ..., police said')."""
    return noun.dep_ == "nsubj" and any(c.dep_ == "nsubj" and c.i > noun.i for c in noun.head.children)


# nouns an infinitive says the content of ('a ruling to continue to imprison him', 'a decision to expel')
INFINITIVE_NOUNS = frozenset({"ruling", "decision", "order", "move", "plan", "bid", "vote", "verdict", "attempt",
                              "refusal", "threat", "promise", "pledge", "offer", "request", "call", "proposal"})


def _hang_infinitives_on_their_nouns(doc: Doc) -> None:
    """'angered by a Turkish court ruling on Wednesday to continue to imprison Metin Topuz': the parser hangs the
    infinitive from the main verb, as its purpose; right after a noun of deciding or asking (and the noun's time or
    place phrase) it says what was decided or asked, as 'the ruling to imprison him' does."""
    for verb in doc:
        to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to" and c.i == verb.i - 1), None)
        if verb.dep_ != "advcl" or verb.tag_ != "VB" or to is None or to.i == 0:
            continue
        before = doc[to.i - 1]
        noun = before
        while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "PROPN") \
                and noun.head.lower_ in ("on", "in", "at", "last", "this"):
            noun = noun.head.head  # 'a ruling on Wednesday to ...': past the time or place phrase
        if noun.lemma_.lower() not in INFINITIVE_NOUNS or noun.i >= verb.i or before.is_punct \
                or verb.head.i == noun.i or not any(t.i == noun.i for t in verb.head.subtree):
            continue
        verb.head, verb.dep_ = noun, "acl"


def _give_conjuncts_their_subjects(doc: Doc) -> None:
    """'ECOWAS suspended Guinea on Wednesday, and Guinea-Bissau's president, Umaro Sissoco Embalo, urged the junta
    to free him': a verb with a second object after 'and', and a conjunct verb after that object with no subject
    of its own, has misread the conjunct's subject as its object."""
    for verb in doc:
        if verb.pos_ != "VERB":
            continue
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        conj = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"), None)
        if len(objects) < 2 or conj is None or any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
            continue
        second = objects[-1]
        cc = next((c for c in verb.children if c.dep_ == "cc" and objects[0].i < c.i < second.i), None)
        if cc is None or not second.i < conj.i or second.pos_ not in ("NOUN", "PROPN"):
            continue
        second.head, second.dep_ = conj, "nsubj"


SUBORDINATORS = frozenset({"after", "before", "since", "when", "as", "while", "until", "once", "because", "though",
                           "although"})


def _rehang_conjuncts_after_asides(doc: Doc) -> None:
    """'Antony Blinken arrived in Tel Aviv on Thursday, five days after Hamas gunmen attacked southern Israel, and
    flew on to Amman': a clause of time set off by commas is an aside of the main clause; a subjectless verb
    joined by ', and' right after it continues the main clause (the parser joins it to the aside's verb)."""
    for verb in doc:
        aside = verb.head
        if verb.dep_ != "conj" or verb.pos_ != "VERB" or aside.dep_ != "advcl" or aside.i > verb.i \
                or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            continue
        if not any(c.dep_ == "mark" and c.lower_ in SUBORDINATORS for c in aside.children):
            continue
        opening = aside.left_edge.i - 1
        cc = next((c for c in aside.children if c.dep_ == "cc" and c.i < verb.i), None)
        if opening < 0 or doc[opening].text != "," or cc is None or doc[cc.i - 1].text != ",":
            continue  # 'left after they attacked the town and burned houses': both verbs are the aside's
        main = aside.head
        verb.head = main
        cc.head = main
        doc[cc.i - 1].head = main


TIME_PREPOSITIONS = frozenset({"after", "before", "since", "following"})


def _end_time_phrases_at_their_comma(doc: Doc) -> None:
    """'Days after a Ukrainian drone attack on the oil terminal at Novorossiysk, Russia's foreign ministry on
    Tuesday accused Britain': the subject the parser found opens right after a time preposition left without an
    object, and an apposition set off by a comma inside it, before the verb, is the verb's real subject."""
    for prep in doc:
        if prep.lower_ not in TIME_PREPOSITIONS or prep.dep_ != "prep" \
                or any(c.dep_ in ("pobj", "pcomp") for c in prep.children):
            continue
        noun = next((t for t in prep.sent if t.dep_ == "nsubj" and t.left_edge.i == prep.i + 1), None)
        if noun is None or noun.head.pos_ not in ("VERB", "AUX"):
            continue
        verb = noun.head
        real = next((t for t in noun.subtree if t.dep_ == "appos" and t.i < verb.i and t.left_edge.i > 0
                     and doc[t.left_edge.i - 1].text == "," and t.pos_ in ("NOUN", "PROPN")), None)
        if real is None:
            continue
        noun.head, noun.dep_ = prep, "pobj"
        real.head, real.dep_ = verb, "nsubj"


def _read_off_before_a_place_as_a_preposition(doc: Doc) -> None:
    """'Russian and Kazakh navy ships began a joint drill off Aktau on Monday': the parser reads 'off' as the
    verb's particle and 'Aktau' as a second object; a verb with an object before 'off' and a name right after it
    has the name as the preposition's object ('sealed off the town' keeps its particle: its object follows)."""
    for off in doc:
        if off.lower_ != "off" or off.dep_ != "prt" or off.i + 1 >= len(doc):
            continue
        verb, place = off.head, doc[off.i + 1]
        if place.pos_ != "PROPN":
            continue
        # a noun has no particle: 'held a joint rescue drill off Hopa' ('off' hung on 'drill', the town left
        # hanging from the verb)
        on_a_noun = verb.pos_ in ("NOUN", "PROPN") and place.dep_ in ("dobj", "npadvmod")
        if not on_a_noun and (place.head != verb or place.dep_ != "dobj"
                              or not any(c.dep_ == "dobj" and c.i < off.i for c in verb.children)):
            continue
        off.dep_, off.pos_, off.tag_ = "prep", "ADP", "IN"
        place.head, place.dep_ = off, "pobj"


SENDING_VERBS = frozenset({"send", "dispatch", "deploy", "redeploy", "rush", "fly", "airlift"})
SENT_PEOPLE = frozenset({"troop", "soldier", "force", "marine", "paratrooper", "peacekeeper", "reinforcement",
                         "commando", "sailor", "guardsman", "policeman", "officer"})


def _read_troops_sent_as_sent(doc: Doc) -> None:
    """'Ethiopian soldiers sent to Bure earlier this week were digging trenches': soldiers right before a sending
    verb that has no object, no auxiliary and a destination ('to', 'into') were sent; they did not send."""
    for verb in doc:
        if verb.lemma_.lower() not in SENDING_VERBS or verb.tag_ not in ("VBN", "VBD") \
                or any(c.dep_ in ("dobj", "aux", "auxpass", "nsubjpass", "dative") and c.lower_ not in ("to", "into")
                       for c in verb.children):
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i + 1 == verb.i), None)
        goes = any(c.lower_ in ("to", "into") and c.dep_ in ("prep", "dative") for c in verb.children)
        if subj is None or not goes or subj.lemma_.lower() not in SENT_PEOPLE:
            continue
        subj.dep_, verb.tag_ = "nsubjpass", "VBN"


def _read_participles_before_the_root_as_the_verb(doc: Doc) -> None:
    """'A Jamaican navy ship unloaded water ... in Hillsborough': a participle between a noun and the root noun it
    modifies, with the noun before hung on it, is the sentence's verb."""
    for verb in doc:
        obj = verb.head
        # the object stands for a whole clause: the root, or what the one reporting it said
        reported = obj.dep_ in ("dep", "ccomp") and obj.head.lemma_.lower() in SAYING_VERBS
        if verb.dep_ != "amod" or verb.tag_ not in ("VBN", "VBD") or not (obj.dep_ == "ROOT" or reported) \
                or obj.pos_ != "NOUN" or verb.i + 1 != obj.i:
            continue
        subj = next((c for c in verb.children if c.dep_ in ("npadvmod", "nsubj") and c.i + 1 == verb.i
                     and c.pos_ in ("NOUN", "PROPN")), None)
        if subj is None or any(c.pos_ in ("VERB", "AUX") and c.i != verb.i for c in obj.children):
            continue
        if reported:
            verb.head, verb.dep_ = obj.head, "ccomp"
        else:
            verb.head, verb.dep_ = verb, "ROOT"
        verb.tag_, verb.pos_ = "VBD", "VERB"
        obj.head, obj.dep_ = verb, "dobj"
        subj.head, subj.dep_ = verb, "nsubj"
        for c in [c for c in obj.children if c.i > obj.i and c.dep_ in ("prep", "punct", "npadvmod", "advmod")]:
            c.head = verb  # where and when it was done, and the full stop, are the verb's


# what one makes, reaches or signs, told by a relative clause: 'a request that Jordan's interior minister made'
MADE_THINGS = frozenset({"request", "appeal", "plea", "demand", "offer", "proposal", "pledge", "promise",
                         "deal", "accord", "agreement", "pact", "commitment", "bid", "complaint", "protest"})
MAKING_VERBS = frozenset({"make", "reach", "sign", "issue", "lodge", "file", "submit", "send", "deliver", "strike",
                          "conclude", "agree", "broker", "voice", "put"})


def _read_what_someone_made_as_a_relative_clause(doc: Doc) -> None:
    """'replying to a request that Jordan's interior minister made in Jerash', 'the bridge deal the two governments
    reached this week': the parser hangs the maker on the noun as a modifier and the verb on the maker; the verb is
    a relative clause of the noun, the maker its subject."""
    for verb in doc:
        if verb.lemma_.lower() not in MAKING_VERBS or verb.tag_ not in ("VBN", "VBD") or verb.dep_ not in ("acl",
                                                                                                        "relcl"):
            continue
        maker = verb.head
        if maker.pos_ in ("NOUN", "PROPN") and maker.i < verb.i and (thing := _made_thing_hung_on(maker)):
            # 'responding to a request Lesotho's prime minister made': the thing hangs on the maker as a compound
            thing.head, thing.dep_ = maker.head, maker.dep_
            for word in [d for d in thing.doc[thing.left_edge.i:thing.i] if d.head == maker and d.dep_ == "det"]:
                word.head = thing
            maker.head, maker.dep_ = thing, "relcl"  # for a moment: the lines below hang it on the verb
        if maker.pos_ not in ("NOUN", "PROPN") or maker.i >= verb.i or maker.dep_ not in ("acl", "relcl", "compound",
                                                                                           "nmod", "appos"):
            continue
        thing = maker.head
        if thing.lemma_.lower() not in MADE_THINGS or thing.i >= maker.i:
            continue
        between = doc[thing.i + 1:maker.left_edge.i]
        if any(t.lower_ not in ("that", "which") for t in between) or any(
                c.dep_.startswith("nsubj") for c in verb.children):
            continue
        verb.head, verb.dep_, verb.tag_, verb.pos_ = thing, "relcl", "VBD", "VERB"
        maker.head, maker.dep_ = verb, "nsubj"
        for word in between:
            word.head, word.dep_ = verb, "dobj"


def _made_thing_hung_on(maker: Token) -> Token | None:
    """The thing made, when the parser hangs it on its maker as the first of its compounds, before the maker's
    possessive ('a request Lesotho's prime minister made')."""
    first = next((c for c in maker.children if c.i < maker.i and c.dep_ not in ("det", "punct")), None)
    if first is None or first.dep_ != "compound" or first.lemma_.lower() not in MADE_THINGS:
        return None
    after = [c for c in maker.children if first.i < c.i < maker.i]
    return first if any(c.dep_ == "poss" for c in after) else None


def _read_a_made_thing_before_its_modal_verb(doc: Doc) -> None:
    """'said that the Itaipu accord reached with Brazil this week should bring down prices': the parser makes the
    accord the subject of 'reached' and 'should bring' a clause of its own; 'reached' with no auxiliary describes
    the accord (a reduced relative clause), whose verb is the one with the modal."""
    for verb in doc:
        if verb.lemma_.lower() not in MAKING_VERBS or verb.tag_ != "VBN" or verb.dep_ not in ("ccomp", "conj") \
                or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
            continue
        thing = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if thing is None or thing.lemma_.lower() not in MADE_THINGS:
            continue
        modal_verb = next((t for t in doc[verb.right_edge.i + 1:verb.sent.end] if t.pos_ in ("VERB", "AUX")
                           and t.dep_ != "aux"), None) if verb.right_edge.i + 1 < verb.sent.end else None
        if modal_verb is None or modal_verb.head != verb.head or modal_verb.dep_ not in ("ccomp", "conj") \
                or not any(c.dep_ == "aux" and c.tag_ == "MD" and c.i == verb.right_edge.i + 1 for c in
                           modal_verb.children) or any(c.dep_.startswith("nsubj") for c in modal_verb.children):
            continue
        thing.head, thing.dep_ = modal_verb, "nsubj"
        verb.head, verb.dep_ = thing, "acl"


def _read_a_modifier_with_a_subject_as_the_verb(doc: Doc) -> None:
    """'A Canadian navy ship unloaded generators, tarpaulins and water units at Lucea on Wednesday ..., Jamaican
    officials said': the parser reads 'unloaded' as an adjective of 'generators' that has a subject of its own; a
    word with a subject is the clause's verb, and the noun it hung on its object (with the phrases after it)."""
    for verb in doc:
        if verb.dep_ != "amod" or verb.tag_ not in ("VBN", "VBD") or verb.head.i != verb.i + 1:
            continue
        thing = verb.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        if subj is None or thing.pos_ not in ("NOUN", "PROPN") or thing.dep_ not in ("npadvmod", "dobj", "nsubj",
                                                                                      "ROOT", "dep", "attr"):
            continue
        if thing.dep_ == "ROOT":
            verb.head, verb.dep_ = verb, "ROOT"
        else:
            verb.head, verb.dep_ = thing.head, "ccomp"
        verb.tag_, verb.pos_ = "VBD", "VERB"
        thing.head, thing.dep_ = verb, "dobj"
        for phrase in [c for c in thing.children if c.dep_ == "prep" and c.i > thing.i]:
            phrase.head = verb


def _read_touching_down_as_landing(doc: Doc) -> None:
    """'a transport plane touched down in Ormoc carrying tents': to touch down is to land (every rule of landing
    reads it so)."""
    for verb in doc:
        if verb.lemma_.lower() == "touch" and verb.pos_ == "VERB" and any(
                c.dep_ == "prt" and c.lower_ == "down" for c in verb.children):
            verb.lemma_ = "land"


PEOPLE_PUT_ASHORE = frozenset({"soldier", "troop", "marine", "force", "commando", "sailor", "infantry", "migrant",
                               "passenger", "crew"})


def _read_goods_put_ashore_as_unloaded(doc: Doc) -> None:
    """'a landing ship put water tanks, tents and chainsaws ashore at Lenakel', 'pumped 300 tonnes of fresh water
    ashore': goods put or pumped ashore are unloaded (people put ashore are landed, which other words tell)."""
    for verb in doc:
        if verb.lemma_.lower() not in ("put", "pump") or verb.pos_ != "VERB" or not any(
                c.lower_ == "ashore" for c in verb.children):
            continue
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is not None and not any(t.lemma_.lower() in PEOPLE_PUT_ASHORE for t in obj.subtree):
            verb.lemma_ = "unload"


def _read_switching_on_as_opening(doc: Doc) -> None:
    """'switched on a solar farm at Alofi', 'a power line was switched on': a plant or link switched on is opened
    (every rule of opening reads it so). The parser may take 'on' for a preposition with the thing as its object."""
    for verb in doc:
        if verb.lemma_.lower() != "switch" or verb.pos_ != "VERB":
            continue
        on = next((c for c in verb.children if c.lower_ == "on" and c.dep_ in ("prt", "prep")), None)
        if on is None:
            continue
        thing = next((c for c in on.children if c.dep_ == "pobj"), None)
        if on.dep_ == "prep" and on.i == verb.i + 1 and thing is not None and thing.ent_type_ not in ("DATE", "TIME"):
            on.dep_ = "prt"
            thing.head = verb
            thing.dep_ = "dobj"
        elif on.dep_ == "prep":
            continue  # 'switched on Monday': a day, not a thing switched on
        verb.lemma_ = "open"


# where a vessel or vehicle lies ('a fishing vessel anchored off ...', 'a tanker moored at ...')
LYING_PARTICIPLES = frozenset({"anchor", "moor", "dock", "berth", "park", "station", "base", "ground", "strand",
                               "beach"})


def _read_an_object_before_its_participle(doc: Doc) -> None:
    """'seized a Chinese fishing vessel anchored off Puerto Baquerizo Moreno and detained its crew': the parser reads
    the vessel as the subject of a clause 'anchored off ...', leaving the seizing with no object. The vessel is the
    object; the participle describes it; a verb joined to the participle by 'and' is joined to the seizing."""
    for lying in doc:
        verb = lying.head
        subj = next((c for c in lying.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if lying.dep_ != "ccomp" or lying.lemma_.lower() not in LYING_PARTICIPLES or lying.tag_ not in ("VBN", "VBD") \
                or verb.pos_ != "VERB" or verb.i > lying.i or subj is None or subj.pos_ != "NOUN" \
                or any(c.dep_ == "dobj" for c in verb.children) \
                or any(c.dep_ in ("dobj", "aux", "auxpass") for c in lying.children) \
                or max(t.i for t in subj.subtree) + 1 != lying.i:
            continue
        subj.head, subj.dep_ = verb, "dobj"
        # the verbs joined to it ('and detained its crew') and the day ('on Wednesday') are the seizing's
        for moved in [c for c in lying.children if c.dep_ in ("conj", "cc") or (c.dep_ == "prep" and any(
                g.ent_type_ == "DATE" for g in c.children))]:
            moved.head = verb
        lying.head, lying.dep_, lying.tag_ = subj, "acl", "VBN"


def _join_possessives_before_their_noun(doc: Doc) -> None:
    """"Mexico's and Guatemala's foreign ministers held talks": the parser makes the first possessor the subject and
    only the second the ministers' owner. Both own the noun: the first is its possessor, the second joined to it."""
    for first in doc:
        if first.dep_ == "poss" or first.pos_ != "PROPN" or not any(c.dep_ == "case" and c.lower_ in ("'s", "’s")
                                                                    for c in first.children):
            continue
        if not any(c.dep_ == "cc" and c.i == first.i + 2 for c in first.children) and not (
                first.i + 2 < len(doc) and doc[first.i + 2].lower_ == "and"):
            continue
        second = next((t for t in doc[first.i + 3:first.i + 8] if t.dep_ == "poss"), None)
        if second is None or second.head.pos_ != "NOUN" or second.head.i <= second.i:
            continue
        owned = second.head
        if owned.head.i == first.i:  # the parser joined the noun to the first possessor: it takes its place
            owned.head, owned.dep_ = (owned, "ROOT") if first.dep_ == "ROOT" else (first.head, first.dep_)
        first.head, first.dep_ = owned, "poss"
        second.head, second.dep_ = first, "conj"
        conj = doc[first.i + 2]
        conj.head, conj.dep_ = first, "cc"


HANDED_BACK_VERBS = frozenset({"hand", "send", "return", "give", "turn", "bring", "fly", "ship"})


def _rehang_particles_after_asides(doc: Doc) -> None:
    """'Venezuela handed 14 Colombian soldiers, captured after they crossed the border by mistake, back to Colombian
    officials': the parser hangs 'back to ...' on the participle set off by commas; it is the handing's particle,
    and what follows it the handing's."""
    for particle in doc:
        aside = particle.head
        verb = aside.head
        if particle.lower_ not in ("back", "over") or particle.dep_ not in ("advmod", "prt") or particle.i == 0 \
                or doc[particle.i - 1].text != "," or aside.tag_ != "VBN" or aside.dep_ not in ("advcl", "acl") \
                or verb.lemma_.lower() not in HANDED_BACK_VERBS or verb.pos_ != "VERB" or aside.i > particle.i:
            continue
        for moved in [c for c in particle.children if c.dep_ == "prep"]:
            moved.head = verb
        for moved in [c for c in aside.children if c.dep_ == "prep" and c.i > particle.i]:
            moved.head = verb
        particle.head, particle.dep_ = verb, "prt"
