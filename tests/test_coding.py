"""The event and measure coders, one group of tests per rule family, on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

import diplograph
from diplograph.model import Event, Extraction, Measure
from diplograph.nlp.quantities import find_quantities
from diplograph.pipeline import Extractor


def run(text: str, published: str | None = "2024-07-10") -> Extraction:
    return diplograph.extract(text, published=published)


def events(text: str, published: str | None = "2024-07-10") -> list[Event]:
    """The sentence's own events: what it mentions as cause or circumstance ('after X attacked Y') is a candidate
    too, marked as background for the confidence model (test_cause_clause_is_a_background_candidate)."""
    x = run(text, published)
    return [e for e in x.events if not x.features[e.id].get("background")]


def one_event(text: str, published: str | None = "2024-07-10") -> Event:
    found = events(text, published)
    assert len(found) == 1, [(e.event, e.actor, e.recipient, e.rule) for e in found]
    return found[0]


def measures(text: str, published: str | None = "2024-07-10") -> list[Measure]:
    return list(run(text, published).measures)


def assert_evidence_exact(result: Extraction) -> None:
    for record in result.records:
        assert record.evidence, record
        for ev in record.evidence:
            assert result.document.text[ev.start:ev.end] == ev.text


# ------------------------------------------------------------------ verbs: subject, object, prepositions

@pytest.mark.parametrize(("text", "event", "actor", "recipient"), [
    ("Germany expelled two Russian diplomats on Tuesday.", "SANCTION", ("DEU",), ("RUS",)),
    ("The United States accused North Korea of supplying shells to Russia.", "ACCUSE", ("USA",), ("PRK",)),
    ("Egypt rejected Ethiopia's plan to fill the dam.", "REJECT", ("EGY",), ("ETH",)),
    ("Kenya deployed 400 police officers to Haiti in June 2024.", "MOBILIZE", ("KEN",), ("HTI",)),
    ("Israel launched air strikes on Gaza early on Saturday.", "ASSAULT", ("ISR",), ("PSE",)),
    ("Russian Foreign Minister Sergei Lavrov met his Turkish counterpart in Ankara.", "CONSULT", ("RUS",),
     ("TUR",)),
    ("Japan condemned China's missile launches near its islands.", "ACCUSE", ("JPN",), ("CHN",)),
    ("Brazil recalled its ambassador from Israel.", "SANCTION", ("BRA",), ("ISR",)),
])
def test_verb_reads_subject_and_object(text: str, event: str, actor: tuple, recipient: tuple) -> None:
    e = one_event(text)
    assert (e.event, e.actor, e.recipient) == (event, actor, recipient)
    assert e.rule.startswith("verb:")


def test_passive_with_agent_reads_agent_as_actor() -> None:
    e = one_event("Three Indian soldiers were attacked by Pakistani troops near the border.")
    assert (e.event, e.actor, e.recipient) == ("ASSAULT", ("PAK",), ("IND",))


def test_lift_with_sanctions_is_concede_not_sanction() -> None:
    e = one_event("Washington lifted sanctions on Venezuela's oil sector in October.", "2023-11-01")
    assert (e.event, e.actor, e.recipient) == ("CONCEDE", ("USA",), ("VEN",))


# ------------------------------------------------------------------ event nouns

def test_noun_takes_possessor_as_actor() -> None:
    e = one_event("Experts said Pakistan's nuclear test in May 1998 changed the region.", "2020-01-01")
    assert (e.event, e.mode, e.actor, e.date) == ("MOBILIZE", "weapons", ("PAK",), "1998-05")


def test_noun_takes_subject_of_light_verb() -> None:
    e = one_event("Vietnam held talks with Laos on border demarcation.")
    assert (e.event, e.actor, e.recipient, e.rule) == ("CONSULT", ("VNM",), ("LAO",), "noun:talk")


def test_demonym_modifier_is_actor_of_aid() -> None:
    result = run("Canada sent 20,000 tons of Canadian wheat aid to Sudan.")
    aid = [e for e in result.events if e.event == "AID"]
    assert aid and aid[0].actor == ("CAN",) and aid[0].recipient == ("SDN",)


# ------------------------------------------------------------------ frames: agree / threaten / demand

def test_agree_to_absorbs_its_complement() -> None:
    e = one_event("Chile and Peru agreed to hold joint naval exercises next year.")
    # a joint agreement is written as the pair: first party -> the other
    assert e.event == "AGREE" and (e.actor, e.recipient) == (("CHL",), ("PER",))


def test_threaten_takes_recipient_from_complement() -> None:
    e = one_event("Hungary threatened to cut off gas supplies to Ukraine.")
    assert (e.event, e.actor, e.recipient) == ("THREATEN", ("HUN",), ("UKR",))


def test_demand_recipient_is_who_must_act() -> None:
    e = one_event("Norway said that Eritrea must release the detained journalists.")
    assert (e.event, e.actor, e.recipient) == ("REQUEST", ("NOR",), ("ERI",))


def test_call_on_is_request() -> None:
    e = one_event("France called on Algeria to take back migrants.")
    assert (e.event, e.actor, e.recipient) == ("REQUEST", ("FRA",), ("DZA",))


# ------------------------------------------------------------------ modality

def test_announced_future_visit_is_agree_future() -> None:
    e = one_event("Indian Prime Minister Narendra Modi will visit Austria next week.")
    assert (e.event, e.aux, e.actor, e.recipient) == ("AGREE", "future", ("IND",), ("AUT",))
    assert e.date == "2024-07-15/2024-07-21"


def test_intent_marks_future() -> None:
    e = one_event("Spain is ready to send firefighters to Greece.")
    assert (e.event, e.aux) == ("AGREE", "future")


def test_conditional_harm_is_threaten() -> None:
    e = one_event("Turkey will close its airspace to Armenia unless the talks resume.")
    assert e.event == "THREATEN" and e.actor == ("TUR",)


def test_negation_is_marked() -> None:
    e = one_event("Argentina's president did not criticize Venezuela's election result.")
    assert (e.event, e.aux) == ("ACCUSE", "negation")
    # force that was not used is no event at all (guidelines: events reported as happening, ...)
    assert events("Argentina's president did not attack Venezuela's election result.") == []


def test_negated_cooperation_is_rejection() -> None:
    e = one_event("Argentina did not recognize Venezuela's election result.")
    assert (e.event, e.aux, e.actor, e.recipient) == ("REJECT", None, ("ARG",), ("VEN",))


def test_vow_to_fight_is_threat() -> None:
    e = one_event("Ethiopian rebels vowed to attack Eritrean positions.")
    assert (e.event, e.actor, e.recipient) == ("THREATEN", ("ETH",), ("ERI",))


def test_hypothetical_would_without_report() -> None:
    e = one_event("Under the plan, Oman could mediate between Iran and the United States.")
    assert (e.event, e.aux) == ("CONSULT", "hypothetical")


# ------------------------------------------------------------------ lists

def test_visits_in_a_list_are_one_event_per_state() -> None:
    result = run("In the past month, Qatar's foreign minister held meetings in Kenya (where he also met "
                 "students), Rwanda, Uganda and, finally, Ethiopia.")
    visited = sorted(r for e in result.events if e.event == "CONSULT" for r in e.recipient)
    assert visited == ["ETH", "KEN", "RWA", "UGA"]
    assert all(e.actor == ("QAT",) for e in result.events if e.event == "CONSULT")
    assert_evidence_exact(result)


def test_object_list_is_one_event() -> None:
    e = one_event("The US Congress agreed to lift embargoes on Iran, Libya and Sudan.")
    assert e.event == "AGREE" and set(e.recipient) == {"IRN", "LBY", "SDN"}


def test_cooperation_list_items_without_triggers() -> None:
    result = run("Morocco's ties with Nigeria are strong. Bilateral cooperation between Morocco and Nigeria "
                 "includes building a gas pipeline along the coast, training engineers, and joint naval drills "
                 "with the Nigerian Navy.")
    listed = [e for e in result.events if e.rule == "list:cooperation"]
    assert listed and all({*e.actor, *e.recipient} == {"MAR", "NGA"} for e in listed)


# ------------------------------------------------------------------ context across sentences

def test_actor_carried_from_previous_sentence() -> None:
    result = run("Singapore's foreign minister toured the region last month. Talks were held in Malaysia "
                 "and Thailand.")
    talks = sorted((e.actor, e.recipient) for e in result.events if e.rule == "noun:talk")
    assert talks == [(("SGP",), ("MYS",)), (("SGP",), ("THA",))]


def test_pronoun_subject_is_earlier_subject() -> None:
    result = run("In 2019, Japan decided to cut its budget and said it would invest $2 billion in Kenyan "
                 "railways.", "2020-01-01")
    agree = [e for e in result.events if e.event == "AGREE"]
    assert agree and agree[0].actor == ("JPN",) and agree[0].recipient == ("KEN",) and agree[0].date == "2019"


def test_context_date_when_sentence_has_none() -> None:
    result = run("In March 2021, Chile tightened its border rules. Peru criticized Chile's decision.",
                 "2021-06-01")
    accuse = [e for e in result.events if e.event == "ACCUSE"][0]
    assert (accuse.date, accuse.date_source) == ("2021-03", "context")


def test_no_date_is_said_so() -> None:
    e = one_event("Ghana condemned the coup in Niger.", None)
    assert e.date is None and e.date_source == "none"


# ------------------------------------------------------------------ background and domestic readings

def test_cause_clause_does_not_make_second_event() -> None:
    e = one_event("Italy suspended flights to Libya after militias attacked the airport in Tripoli.")
    assert (e.event, e.actor, e.recipient) == ("SANCTION", ("ITA",), ("LBY",))


def test_cause_clause_is_a_background_candidate_below_the_sentences_own_event() -> None:
    x = run("Italy suspended flights to Libya after militias attacked the airport in Tripoli.")
    own, cause = sorted(x.events, key=lambda e: e.event == "ASSAULT")
    assert (own.event, cause.event) == ("SANCTION", "ASSAULT")
    assert x.features[cause.id].get("background") and not x.features[own.id].get("background")
    assert cause.actor == ()  # militias are no state's forces: Libya is where they attacked, not who
    assert cause.confidence is not None and own.confidence is not None and cause.confidence < own.confidence


def test_domestic_event_has_own_state_as_recipient() -> None:
    e = one_event("Peruvian police arrested dozens of protesters in Lima.")
    assert (e.event, e.actor, e.recipient) == ("COERCE", ("PER",), ("PER",))


def test_victim_of_a_noun_event_is_recipient() -> None:
    e = one_event("A Syrian journalist died as a result of torture in Turkish custody.")
    assert (e.event, e.actor, e.recipient) == ("ASSAULT", ("TUR",), ("SYR",))


def test_ethnic_group_is_not_the_state() -> None:
    result = run("Hundreds of ethnic Serbs marched in Pristina to protest against Kosovo's new law.")
    assert all("SRB" not in e.actor for e in result.events)


# ------------------------------------------------------------------ one record per real event

def test_mentions_of_one_event_merge() -> None:
    result = run("Kenya's nuclear-free pledge was praised. Iran's February 2012 missile test alarmed Israel. "
                 "Analysts say Iran's missile test in February 2012 changed the debate.", "2012-06-01")
    tests = [e for e in result.events if e.event == "MOBILIZE"]
    assert len(tests) == 1 and len(tests[0].evidence) == 2
    assert_evidence_exact(result)


def test_participle_result_merges_into_attack() -> None:
    e = one_event("Ethiopian forces shelled Eritrean positions on Monday, killing 12 soldiers.")
    assert (e.event, e.actor, e.recipient) == ("ASSAULT", ("ETH",), ("ERI",))


# ------------------------------------------------------------------ measures


def test_an_amount_in_a_currency_word_says_what_it_is_in_its_in_phrase() -> None:
    """Bug: '$500 million in military aid' was aid, '500 million euros in military aid' nothing (the amount's
    head is the noun 'euros', and only a number's 'in' phrase was read)."""
    [m] = measures("Germany provided Ukraine with 500 million euros in military aid.")
    assert (m.measure, m.actor, m.recipient, m.value, m.unit) == ("aid", ("DEU",), ("UKR",), 500e6, "EUR")
    [given] = measures("The EU gave €3bn in aid to Turkey.")  # 'in aid' hangs from the verb, the amount its object
    assert (given.measure, given.actor, given.recipient, given.value) == ("aid", ("EU",), ("TUR",), 3e9)



def test_exports_with_change_and_period() -> None:
    [m] = measures("Brazil's exports to China rose 12% to $89 billion in 2023.")
    assert (m.measure, m.actor, m.recipient, m.value, m.unit, m.period, m.change_pct) == (
        "exports", ("BRA",), ("CHN",), 89e9, "USD", "2023", 12.0)


def test_bilateral_trade_takes_pair_from_previous_sentence() -> None:
    found = measures("In 2022, 60% of Mongolia's exports went to China. In 2023, bilateral trade fell by 3.1% "
                     "to US$12.4 billion.")
    share, trade = found
    assert (share.measure, share.value, share.unit, share.recipient) == ("export_share", 60.0, "%", ("CHN",))
    assert (trade.measure, set(trade.actor + trade.recipient), trade.change_pct) == ("trade", {"MNG", "CHN"}, -3.1)


def test_tonnage_rate_and_commodity() -> None:
    [m] = measures("In 2020, Indonesia shipped about 2 million tons of coal a month to India.")
    assert (m.measure, m.value, m.unit, m.per, m.commodity, m.recipient) == (
        "exports", 2e6, "t", "month", "coal", ("IND",))


def test_debt_relief_reads_whose_debt() -> None:
    found = measures("In 2019, China agreed to forgive 40% of Cuba's debt (US$6 billion).")
    relief = [m for m in found if m.measure == "debt_relief"]
    assert relief and (relief[0].actor, relief[0].recipient, relief[0].value) == (("CHN",), ("CUB",), 6e9)


def test_aid_in_money() -> None:
    found = measures("Japan will provide $500 million in emergency aid to Ukraine.")
    assert [(m.measure, m.actor, m.recipient, m.value) for m in found] == [("aid", ("JPN",), ("UKR",), 5e8)]


def test_quantity_without_a_flow_is_not_a_measure() -> None:
    assert measures("Vietnam rebuilt a 1,700 km railway line with Laos in 2021.") == []


def test_trade_flow_with_volume_is_measure_not_event() -> None:
    result = run("In 2021, Norway shipped 3 million tons of salmon to Japan.")
    assert [m.measure for m in result.measures] == ["exports"]
    assert [e for e in result.events if e.event == "COOPERATE"] == []


# ------------------------------------------------------------------ evidence and rules

def test_every_record_quotes_the_text_exactly() -> None:
    result = run("Poland and Ukraine signed a security agreement in Warsaw on 8 July. Polish exports to Ukraine "
                 "reached €8 billion in 2023, up 10% from a year earlier.")
    assert result.records
    assert_evidence_exact(result)
    assert all(r.rule and r.id for r in result.records)


def test_user_lexicon_adds_a_trigger(tmp_path: Path) -> None:
    extra = tmp_path / "lexicon.toml"
    extra.write_text('[verbs.stonewall]\nevent = "REJECT"\n', encoding="utf-8")
    text = "Mexico stonewalled Peru at the summit."
    default = Extractor()
    assert not [e for e in _extract_with(default, text).events if e.event == "REJECT"]
    custom = Extractor(lexicon_file=extra)
    found = [e for e in _extract_with(custom, text).events if e.event == "REJECT"]
    assert found and found[0].actor == ("MEX",) and found[0].rule == "verb:stonewall"


def _extract_with(extractor: Extractor, text: str) -> Extraction:
    from diplograph.model import Document

    return next(extractor.extract_documents([Document(id="t", text=text, published="2024-01-01")]))


def test_repeated_ids_in_one_document_are_made_distinct() -> None:
    """Regression: two events with one id made the store refuse a whole ingest batch."""
    from diplograph.coding.merge import unique_ids
    from diplograph.model import Evidence

    twin = Event(doc="d", event="CONSULT", actor=("RUS",), recipient=("CHN",),
                 evidence=(Evidence(0, 4, "talk"),), id="abc")
    ids = [e.id for e in unique_ids([twin, twin, twin])]
    assert ids == ["abc", "abc-2", "abc-3"]


def test_particle_changes_the_reading() -> None:
    e = one_event("Kenyan teachers called off their strike after Kenya's government raised pay.")
    assert e.event == "CONCEDE" and e.actor == ("KEN",)


def test_obligation_in_reported_speech_is_a_demand() -> None:
    e = one_event("Canada's prime minister told reporters that India needs to cooperate with the inquiry.")
    assert (e.event, e.actor, e.recipient) == ("REQUEST", ("CAN",), ("IND",))


def test_promise_keeps_agree_when_its_content_is_not_harm() -> None:
    e = one_event("Armenian opposition leaders agreed to postpone the protest in Yerevan.")
    assert e.event == "AGREE"


def test_not_only_is_no_negation() -> None:
    result = run("Lawmakers are not only angry with Ankara but also with a Turkish offensive against Syria.")
    assault = [e for e in result.events if e.event == "ASSAULT"]
    assert assault and assault[0].aux is None


def test_figurative_fight_and_meet_are_no_events() -> None:
    found = events("Spain pledged to fight the rise of greenhouse gases and to meet its climate targets.")
    assert [e.event for e in found] == ["AGREE"]  # the pledge itself; no attack, no meeting, no threat


def test_preposition_whose_object_the_parse_lost() -> None:
    e = one_event("Chile has granted asylum to three Bolivian politicians holed up in its embassy in La Paz.")
    assert (e.event, e.actor, e.recipient) == ("AID", ("CHL",), ("BOL",))


def test_unnamed_office_holder_told_to_act_is_domestic() -> None:
    e = one_event("A Brazilian judge ordered former president Fernando Collor to appear for questioning.")
    assert (e.event, e.actor, e.recipient) == ("REQUEST", ("BRA",), ("BRA",))


def test_person_with_party_adjective_takes_the_state_of_the_sentence() -> None:
    e = one_event("Former Socialist leader Carlos Mesa demanded new elections after a court ruling in Bolivia.")
    assert (e.event, e.actor) == ("REQUEST", ("BOL",))


def test_the_two_leaders_are_the_pair_under_discussion() -> None:
    result = run("Narendra Modi arrived in Tokyo on Monday for a state visit to Japan. The two leaders held talks on "
                 "Tuesday and signed a defence agreement.", "2024-07-10")
    talks = [e for e in result.events if e.rule == "noun:talk"]
    assert talks and {*talks[0].actor, *talks[0].recipient} == {"IND", "JPN"} and talks[0].mode is None


def test_no_place_named_means_no_visit_and_no_self_talks() -> None:
    """Regression: a CONSULT without a location was marked a visit, and took the actor's own state."""
    result = run("Kenya's foreign minister toured the region. He also held talks with the chairperson of the "
                 "African Union Commission.", "2024-07-10")
    talks = [e for e in result.events if e.rule == "noun:talk"]
    assert all(e.recipient != e.actor and e.mode != "visit" for e in talks)


@pytest.mark.parametrize(("text", "event", "actor", "recipient"), [
    ("Thousands of people protested in Lima against the new mining law.", "PROTEST", ("PER",), ("PER",)),
    ("Germany protested to Russia over the arrest of a German journalist.", "ACCUSE", ("DEU",), ("RUS",)),
    ("The United States imposed tariffs on steel imports from Canada and Mexico.", "SANCTION", ("USA",),
     ("CAN", "MEX")),
    ("Hungary's parliament approved Finland's bid to join NATO.", "SUPPORT", ("HUN",), ("FIN",)),
    ("Beijing warned Manila against further provocations.", "ACCUSE", ("CHN",), ("PHL",)),
])
def test_readings_by_subject_and_object(text: str, event: str, actor: tuple, recipient: tuple) -> None:
    e = one_event(text)
    assert (e.event, e.actor, e.recipient) == (event, actor, recipient)


def test_money_pledged_in_support_is_aid_to_the_partner_named_after_it() -> None:
    found = measures("Japan pledged 3 billion dollars in support for Jordan.")
    assert [(m.measure, m.actor, m.recipient, m.value) for m in found] == [("aid", ("JPN",), ("JOR",), 3e9)]


@pytest.mark.parametrize(("text", "event", "actor", "recipient"), [
    ("Japan expressed condolences to Turkey for the victims of the earthquake.", "SUPPORT", ("JPN",), ("TUR",)),
    ("Poland voiced solidarity with Lithuania.", "SUPPORT", ("POL",), ("LTU",)),
    ("Germany issued a stern reminder to Hungary that it must respect the court's ruling.", "REQUEST", ("DEU",),
     ("HUN",)),
    # a state on alert mobilises against no one named, never against itself (ontology: MOBILIZE domestic=never)
    ("Indian troops remained on alert after the attack in Kashmir.", "MOBILIZE", ("IND",), ()),
])
def test_event_nouns_of_support_demand_and_readiness(text: str, event: str, actor: tuple, recipient: tuple) -> None:
    e = one_event(text)
    assert (e.event, e.actor, e.recipient) == (event, actor, recipient)


@pytest.mark.parametrize(("text", "event", "mode", "actor", "recipient"), [
    ("Chinese warships conducted live-fire drills near Taiwan on Saturday.", "MOBILIZE", "troops", ("CHN",),
     ("TWN",)),
    ("Russia held military exercises with Belarus.", "COOPERATE", None, ("RUS",), ("BLR",)),
    ("Zimbabwean police fired tear gas at opposition supporters in Harare.", "ASSAULT", "crowd-control", ("ZWE",),
     ("ZWE",)),
    ("Rebels in eastern Congo released 20 hostages on Friday.", "RETREAT", "release", ("COD",), ("COD",)),
    ("Ghana received a $3 billion loan from Japan in May 2023.", "AID", None, ("JPN",), ("GHA",)),
])
def test_drills_force_and_receiving(text: str, event: str, mode: str | None, actor: tuple, recipient: tuple) -> None:
    e = one_event(text)
    assert (e.event, e.mode, e.actor, e.recipient) == (event, mode, actor, recipient)


def test_a_loan_received_is_measured_from_lender_to_borrower() -> None:
    [m] = measures("Ghana received a $3 billion loan from Japan in May 2023.")
    assert (m.measure, m.actor, m.recipient, m.value, m.period) == ("loan", ("JPN",), ("GHA",), 3e9, "2023-05")


@pytest.mark.parametrize(("text", "kind", "actor", "recipient", "value"), [
    # a debt is the contract's loan, from the creditor to the debtor, whichever side the sentence starts from
    ("Laos owes China about $10.5 billion.", "loan", ("CHN",), ("LAO",), 10.5e9),
    ("Sri Lanka's debt to China stood at $7 billion in 2022.", "loan", ("CHN",), ("LKA",), 7e9),
    ("Japan is owed about $2.7 billion by Sri Lanka.", "loan", ("JPN",), ("LKA",), 2.7e9),
    ("China is owed about $4.1 billion, the Zambian finance ministry said.", "loan", ("CHN",), ("ZMB",), 4.1e9),
    ("Qatar supplied 12 million tonnes of gas to Pakistan in 2023.", "exports", ("QAT",), ("PAK",), 12e6),
    ("China wrote off $1.5 billion of Zambia's debt in 2023.", "debt_relief", ("CHN",), ("ZMB",), 1.5e9),
    # a flow named only by the word before a deal noun; goods sent 'as aid'; a loan 'from' a lender whoever
    # revives it; the IMF lends whatever side of the sentence it is on
    ("Japan agreed to provide a $500 million aid package to Sri Lanka.", "aid", ("JPN",), ("LKA",), 5e8),
    ("India extended a 1 billion dollar credit line to Sri Lanka on Thursday.", "loan", ("IND",), ("LKA",), 1e9),
    ("India has sent 20,000 tonnes of wheat to Afghanistan as humanitarian aid.", "aid", ("IND",), ("AFG",), 2e4),
    ("Pakistan tries to revive a $6 billion loan from Saudi Arabia.", "loan", ("SAU",), ("PAK",), 6e9),
    ("Egypt signed a $3 billion loan agreement with the IMF on Friday.", "loan", ("IMF",), ("EGY",), 3e9),
])
def test_debt_supply_and_deal_measures(text: str, kind: str, actor: tuple, recipient: tuple, value: float) -> None:
    found = [(m.measure, m.actor, m.recipient, m.value) for m in measures(text)]
    assert found == [(kind, actor, recipient, value)]


def test_crowns_are_the_currency_of_the_state_that_pays_and_worth_measures_the_object() -> None:
    found = [(m.measure, m.actor, m.recipient, m.value, m.unit) for m in
             measures("Sweden announced military aid to Ukraine worth 13.3 billion crowns.")]
    assert found == [("aid", ("SWE",), ("UKR",), 13.3e9, "SEK")]
    assert [m.unit for m in measures("The Czech government gave Ukraine 2 billion crowns in aid.")] == ["CZK"]
    assert measures("Britain gave Ukraine 2 billion crowns.") == []  # no crown of its own: the unit is unknown


def test_food_a_un_agency_delivers_is_aid() -> None:
    found = [(m.measure, m.actor, m.recipient, m.value) for m in
             measures("The WFP said it had delivered 12,000 tonnes of food to Haiti since January.")]
    assert found == [("aid", ("UN",), ("HTI",), 12000.0)]


def test_a_trade_deals_figure_is_no_trade_flow() -> None:
    assert measures("Washington would stop negotiations on a $100 billion trade deal with Turkey.") == []


def test_group_without_a_state_is_no_state_actor() -> None:
    e = one_event("The al-Qaeda network threatened to attack Kenya and Uganda, a Somali radio station reported.")
    assert e.event == "THREATEN" and e.actor == () and set(e.recipient) == {"KEN", "UGA"}


def test_titled_person_tagged_as_organisation_is_still_a_person() -> None:
    e = one_event("Vice-President Tendai Moyo has declined to resign despite pressure from Zimbabwe's parliament.")
    assert e.event == "REJECT" and e.actor == ("ZWE",)


def test_blocking_a_decision_is_rejection_blocking_a_road_is_protest() -> None:
    assert one_event("Hungary blocked a European Union statement on China.").event == "REJECT"
    assert one_event("Kenyan protesters blocked the main highway to Nairobi.").event == "PROTEST"


def test_a_place_named_with_an_agreement_is_not_a_party() -> None:
    e = one_event("Ethiopia and Eritrea agreed to a ceasefire in Jeddah.")
    assert (e.actor, e.recipient) == (("ETH",), ("ERI",))  # Jeddah, the venue, is no party


def test_aid_needs_a_recipient_even_when_its_object_names_an_army() -> None:
    """Regression: 'People's Liberation Army soldiers' counted as an organisation recipient."""
    assert events("China sent 3,200 People's Liberation Army soldiers to the exercise.") == []
    e = one_event("North Korea expelled inspectors of the International Atomic Energy Agency from its reactors.")
    assert (e.event, e.actor, e.recipient) == ("SANCTION", ("PRK",), ("UN",))  # the IAEA, a UN agency: UN


def test_commentary_with_partners_named_on_one_side() -> None:
    text = ("Commentary\nIn 2023, trade between Vietnam and the United States reached US$124 billion, while "
            "bilateral trade with China rose 2.1% to US$171 billion. Chinese President Xi Jinping travelled to Hanoi "
            "in December. Japan remains Vietnam's largest donor: it provided US$1.6 billion in development aid.")
    result = run(text, "2024-03-01")
    trade = {(m.actor, m.recipient, m.value) for m in result.measures if m.measure == "trade"}
    assert trade == {(("VNM",), ("USA",), 124e9), (("VNM",), ("CHN",), 171e9)}
    assert any(e.event == "CONSULT" and e.mode == "visit" and e.actor == ("CHN",) and e.recipient == ("VNM",)
               for e in result.events)
    assert any(e.event == "AID" and e.actor == ("JPN",) and e.recipient == ("VNM",) for e in result.events)
    assert_evidence_exact(result)
    china = next(m for m in result.measures if m.recipient == ("CHN",))
    assert china.evidence[0].text == "bilateral trade with China rose 2.1% to US$171 billion"


def test_dollars_of_another_state_keep_its_currency() -> None:
    [m] = measures("Canberra provided Solomon Islands with about 200 million Australian dollars in development "
                   "assistance last year.", published="2019-03-01")
    assert (m.measure, m.actor, m.recipient, m.value, m.unit) == ("aid", ("AUS",), ("SLB",), 2e8, "AUD")
    assert [(q.value, q.unit) for q in find_quantities("5 billion Hong Kong dollars and 3 million U.S. dollars")] \
        == [(5e9, "HKD"), (3e6, "USD")]


def test_the_period_of_a_figure_is_not_the_baseline_of_its_change() -> None:
    [m] = measures("Chinese exports to North Korea rose 4.8 percent in March from a year earlier, to $238 million.",
                   published="2016-04-13")
    assert (m.measure, m.value, m.period, m.change_pct) == ("exports", 238e6, "2016-03", 4.8)
    [m] = measures("Trade between China and North Korea totaled $1.18 billion between January and March, down 6.1 "
                   "percent from the same period of 2015.", published="2016-04-13")
    assert (m.measure, m.value, m.period, m.change_pct) == ("trade", 1.18e9, "2016-01/2016-03", -6.1)


def test_the_countrys_exports_are_those_of_the_state_told_of_before() -> None:
    found = measures("Chinese loans have paid for roads in Zambia, and Zambia depends heavily on Chinese buyers. "
                     "The country's exports to China, mostly copper, were worth $2.3 billion last year, second only "
                     "to its sales to Switzerland.",
                     published="2020-11-08")
    assert [(m.measure, m.actor, m.recipient, m.value, m.period) for m in found] == \
        [("exports", ("ZMB",), ("CHN",), 2.3e9, "2019")]


def test_a_figure_for_the_year_to_a_month_covers_the_twelve_months_before() -> None:
    [m] = measures("Australian wine exports to China were worth 1.2 billion Australian dollars in the year to "
                   "September.", published="2020-11-28")
    assert (m.measure, m.actor, m.recipient, m.value, m.unit, m.period) == \
        ("exports", ("AUS",), ("CHN",), 1.2e9, "AUD", "2019-10/2020-09")


@pytest.mark.parametrize(("text", "kind", "actor", "recipient", "value"), [
    ("The IMF approved a $3 billion bailout for Sri Lanka.", "loan", ("IMF",), ("LKA",), 3e9),
    ("Saudi Arabia deposited $1 billion in the Sudanese central bank in 2015.", "loan", ("SAU",), ("SDN",), 1e9),
    ("Japan announced a $10 million contribution to feed refugees in Chad.", "aid", ("JPN",), ("TCD",), 1e7),
])
def test_bailouts_deposits_and_contributions_are_measured(text: str, kind: str, actor: tuple, recipient: tuple,
                                                          value: float) -> None:
    assert [(m.measure, m.actor, m.recipient, m.value) for m in measures(text)] == [(kind, actor, recipient, value)]


def test_a_figure_told_in_a_relative_clause_and_money_in_support_are_measured() -> None:
    [m] = measures("Hanoi wants to expand trade with Russia, which totaled about $3.6 billion last year.",
                   published="2024-03-01")
    assert (m.measure, set(m.actor + m.recipient), m.value, m.period) == ("trade", {"VNM", "RUS"}, 3.6e9, "2023")
    [m] = measures("Riyadh gave Yemen's government $500 million in economic support in January.",
                   published="2024-03-01")
    assert (m.measure, m.actor, m.recipient, m.value) == ("aid", ("SAU",), ("YEM",), 5e8)


def test_aid_for_a_region_abroad_goes_to_its_state_and_it_stands_for_the_lender_told_of() -> None:
    [m] = measures("The United States has provided nearly $306 million in humanitarian assistance for Tigray.",
                   published="2021-05-20")
    assert (m.measure, m.actor, m.recipient, m.value) == ("aid", ("USA",), ("ETH",), 3.06e8)
    [m] = measures("The World Bank has stepped in. It approved a $250 million loan for Lebanon's emergency "
                   "reconstruction last year.", published="2021-05-20")
    assert (m.measure, m.actor, m.recipient, m.value) == ("loan", ("WB",), ("LBN",), 2.5e8)


def test_a_figure_since_a_dated_clause_runs_to_publication_and_the_country_is_not_the_partner() -> None:
    [m] = measures("Washington has given Sudan more than $1.6 billion in aid since the war began in April 2023.",
                   published="2024-08-20")
    assert (m.measure, m.actor, m.recipient, m.period) == ("aid", ("USA",), ("SDN",), "2023-04/2024-08-20")
    [m] = measures("Iraq depends on its neighbour. The country's non-oil exports to Iraq reached about $9 billion "
                   "last year, Iranian officials said.", published="2020-02-01")
    assert m.measure == "exports" and m.recipient == ("IRQ",) and "IRQ" not in m.actor


def test_a_fraction_of_a_states_exports_is_an_export_share() -> None:
    [m] = measures("The United States bought about a quarter of Sri Lanka's merchandise exports last year.",
                   published="2023-03-01")
    assert (m.measure, m.actor, m.recipient, m.value, m.unit, m.period) == \
        ("export_share", ("LKA",), ("USA",), 25.0, "%", "2022")
    assert find_quantities("in the first half of the year") == []
    assert find_quantities("trade was barely a quarter of that two years earlier") == []


def test_a_figure_stated_without_a_period_takes_the_period_of_the_figures_before_it() -> None:
    found = measures("Trade between Germany and China reached 170 billion euros in 2016. German exports to China rose "
                     "2.9 percent to 76 billion euros.", published="2017-02-24")
    assert [(m.measure, m.value, m.period) for m in found] == [("trade", 1.7e11, "2016"), ("exports", 7.6e10, "2016")]


def test_a_deal_worth_an_amount_names_its_flow_and_a_named_crown_its_currency() -> None:
    """Gap: 'approved a ... aid package for Sudan worth 500 million Norwegian crowns' had no measure ('worth' hangs
    on the verb, whose object is the package, not the aid), and Norwegian or Danish crowns were no currency."""
    [m] = measures("Norway approved a humanitarian aid package for Sudan worth 500 million Norwegian crowns on "
                   "Friday.", published="2025-06-02")
    assert (m.measure, m.actor, m.recipient, m.value, m.unit) == ("aid", ("NOR",), ("SDN",), 5e8, "NOK")


def test_repayments_deferred_are_debt_relief() -> None:
    [m] = measures("Beijing has deferred roughly $1.2 billion of Lao repayments since 2020.", published="2023-09-14")
    assert (m.measure, m.actor, m.recipient, m.value, m.period) == \
        ("debt_relief", ("CHN",), ("LAO",), 1.2e9, "2020/2023-09-14")


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("10 billion Egyptian pounds", 1e10, "EGP"),
    ("2 billion Swiss francs", 2e9, "CHF"),
    ("3 billion Turkish lira", 3e9, "TRY"),
    ("15 billion Nigerian naira", 1.5e10, "NGN"),
    ("500 million pounds", 5e8, "GBP"),
    ("$5.5-billion", 5.5e9, "USD"),
    ("half a billion dollars", 5e8, "USD"),
    ("two million tons", 2e6, "t"),
])
def test_quantities_in_the_forms_news_writes_them(text: str, value: float, unit: str) -> None:
    assert [(q.value, q.unit) for q in find_quantities(text)] == [(value, unit)]


def test_a_figure_dated_on_a_day_keeps_that_day_and_its_baseline_is_no_period() -> None:
    found = measures("On March 5, Japan signed a $300 million loan to Kenya, up from $200 million in 2022.",
                     published="2024-03-20")
    assert [(m.measure, m.value, m.period) for m in found if m.value == 3e8] == [("loan", 3e8, "2024-03-05")]
