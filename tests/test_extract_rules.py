"""Claim-type rules of geo.claims.cues read as a linguist would: attribution, reported speech, relations between states,
negated alternatives and routes that avoid Russia. Every sentence is labelled by hand; each case fails if its rule is removed.

The sentences were written for these tests; none is taken from the dev, hold-out or frozen sets.
"""

from __future__ import annotations

import pytest

from geo.claims.cues import claim_cues
from geo.claims.extract import analyse, default_matcher
from tests.conftest import DATA

MATCHER = default_matcher(DATA)


def types(text: str, language: str) -> set[str]:
    return {t for c in analyse(text, language=language, matcher=MATCHER).claims for t in c.claim_types}


# --- attribution: a verb of saying (or the mood of reported speech) with a source that is not named ----------------------


@pytest.mark.parametrize(
    ("sentence", "language", "opinion"),
    [
        # "people familiar" is an unnamed source, "said" a verb of saying: both, so an opinion
        ("Loadings will fall in May, two people familiar with the plan said.", "en", True),
        ("Shipments could double, diplomats in Baku told reporters.", "en", True),
        ("KazTransOil said loadings would fall in May.", "en", False),  # a named company: a statement, no opinion
        ("Diplomats met in Vienna on Monday.", "en", False),  # an unnamed group that says nothing
        ("Die Mengen würden gekürzt, sagte ein Diplomat.", "de", True),
        # Konjunktiv I "werde" is the verb of reported speech here; "Insider" the unnamed source
        ("Die Menge werde sich verdoppeln, so Insider.", "de", True),
        ("Die Menge werde sich verdoppeln, so der Konzern.", "de", False),  # reported speech of a named source
        ("Отгрузки сократятся, рассказал собеседник агентства.", "ru", True),
        ("По данным источников, отгрузки сократятся.", "ru", True),
        ("По данным Росстата, отгрузки сократились.", "ru", False),  # a named statistics office
        ("Как сообщили в пресс-службе компании, отгрузки сократились.", "ru", False),  # a named press office
    ],
)
def test_a_verb_of_saying_with_an_unnamed_source_is_an_opinion(sentence, language, opinion):
    assert ("opinion" in claim_cues(sentence, language)) is opinion


@pytest.mark.parametrize(
    ("sentence", "language", "opinion"),
    [
        ("Die Menge solle sich verdoppeln, hieß es.", "de", True),  # "hieß es" closing the sentence: no source named
        ("Die Lieferungen würden fortgesetzt, hieß es aus Branchenkreisen.", "de", True),
        ("Das Projekt sei beschlossen, hieß es im Energieministerium.", "de", False),  # a named ministry after it
        ("Kasachstan soll im November Öl über Aktau verschifft haben.", "de", True),  # "soll ... haben": allegedly
        ("Über Aktau soll mehr Öl fließen.", "de", False),  # "soll" of a plan
        ("Der Ausbau soll bis 2027 abgeschlossen sein.", "de", False),  # a plan, "sein" without "worden"
        ("Сообщается, что отгрузки нефти сократятся.", "ru", True),
        ("Как сообщается в пресс-релизе компании, отгрузки нефти сократятся.", "ru", False),  # the source follows
    ],
)
def test_an_impersonal_report_or_an_alleged_act_is_an_opinion(sentence, language, opinion):
    assert ("opinion" in claim_cues(sentence, language)) is opinion


@pytest.mark.parametrize(
    ("sentence", "language"),
    [("Kazakh exports fell, an official said on condition of anonymity.", "en"),
     ("Kazakhstan's move is seen as a snub to Moscow.", "en"),
     ("Экспорт снизился, сообщил пожелавший остаться неизвестным чиновник.", "ru"),
     ("В Москве решение расценили как недружественное.", "ru"),
     ("Nach Darstellung von Marktteilnehmern sanken die Mengen.", "de")],
)
def test_anonymity_and_perception_are_opinion_words(sentence, language):
    assert "opinion" in claim_cues(sentence, language)


def test_a_view_on_a_named_asset_in_energy_talk_is_a_claim_without_actors():
    # "Traders expect" (speech + unnamed) in a sentence naming Kuryk and oil, but no state or leader:
    # the view is about a route, so it is an opinion claim; the same view on nothing named is none.
    assert types("Traders expect oil loadings at Kuryk to rise.", "en") == {"opinion"}
    assert types("Traders expect oil prices to rise.", "en") == set()


# --- relations between states -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "language", "aligned"),
    [
        ("Astana and Washington agreed to deepen cooperation on minerals.", "en", True),
        ("Astana resisted Russian pressure over the summit.", "en", True),
        ("Kazakhstan signed an oil cooperation deal with China.", "en", False),  # energy talk: commerce, not a stance
        ("Kasachstan baut die Beziehungen zu Brüssel aus.", "de", True),
        ("Kasachstan und Aserbaidschan bekräftigten ihre Freundschaft.", "de", True),
        ("Казахстан и Китай договорились о расширении сотрудничества.", "ru", True),
        ("Казахстан сократил импорт по отношению к прошлому году.", "ru", False),  # «по отношению» (compared with) is no relation
        ("Die Beziehungen zwischen Händlern und Banken sind eng.", "de", False),  # no state or leader named
    ],
)
def test_relations_between_states_outside_energy_talk_are_alignment(sentence, language, aligned):
    assert ("alignment" in claim_cues(sentence, language)) is aligned


@pytest.mark.parametrize(
    ("sentence", "language"),
    [("Kazakh and Russian forces held joint drills near the border.", "en"),
     ("Kasachische Friedenstruppen übten mit Partnern.", "de"),
     ("Армии Казахстана и России провели совместные учения.", "ru")],
)
def test_joint_drills_and_peacekeepers_are_military(sentence, language):
    assert "military_symbolic" in claim_cues(sentence, language)


# --- reliance: no other route, or a loss without a named route ------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "language", "reliance"),
    [
        ("Kazakhstan has no other outlet for that crude.", "en", True),
        ("Producers have nowhere else to send their oil.", "en", True),
        ("Other outlets for the crude are being built.", "en", False),  # "other" without a negation
        ("Andere Lieferwege für das Öl gibt es derzeit nicht.", "de", True),
        ("Andere Lieferwege für das Öl werden geprüft.", "de", False),
        ("Других маршрутов для этой нефти нет.", "ru", True),
        ("Другие маршруты для нефти уже готовы.", "ru", False),
    ],
)
def test_no_other_route_is_a_reliance(sentence, language, reliance):
    assert ("dependency" in claim_cues(sentence, language)) is reliance


@pytest.mark.parametrize(
    ("sentence", "language", "reliance"),
    [
        ("Without the CPC, Kazakh oil exports would collapse.", "en", True),
        ("Without Russian transit, Kazakh oil could reach Europe.", "en", False),  # avoiding Russia is no reliance
        ("Kazakh oil flowed without interruption and would rise.", "en", False),  # no name after "without"
        ("Ohne die Druschba käme die Raffinerie beim Öl zum Stillstand.", "de", True),
        ("Без КТК экспорт нефти не сможет расти.", "ru", True),
    ],
)
def test_a_loss_without_a_named_route_is_a_reliance(sentence, language, reliance):
    assert ("dependency" in claim_cues(sentence, language)) is reliance


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        # a route avoiding Russia: rerouting; "depend" inside the negation is no reliance
        ("KazMunayGas sought an oil outlet that does not cross Russia.", "en", {"rerouting"}),
        ("Kazakh oil exports no longer depend on Russia.", "en", {"rerouting"}),
        ("Das Öl fließt nicht mehr über Russland.", "de", {"rerouting"}),
        ("Нефть не проходит через Россию.", "ru", {"rerouting"}),
        ("Kazakh oil output does not grow in Russia.", "en", set()),
    ],
)
def test_a_route_that_does_not_touch_russia_is_a_rerouting(sentence, language, expected):
    got = claim_cues(sentence, language) & {"rerouting", "dependency"}
    assert got == expected


# --- a route named by its geography ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language", "rerouting"),
    [
        # "across the Caspian" names a route that avoids Russia; "will send more" is a plan: a rerouting, though no asset is named
        ("Kazakhstan will send more crude across the Caspian next year.", "en", True),
        ("Kazakhstan will send more crude to Europe next year.", "en", False),  # no route named at all
        ("Kasachstan will mehr Öl nach Aserbaidschan verschiffen.", "de", True),
        ("Казахстан планирует увеличить экспорт нефти через Каспий.", "ru", True),
        ("Россия планирует увеличить экспорт российской нефти через Азербайджан.", "ru", False),  # Russia's own oil
    ],
)
def test_a_plan_on_a_route_named_by_its_geography_is_a_rerouting(text, language, rerouting):
    assert ("rerouting" in types(text, language)) is rerouting


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # "first cargo" marks a new flow on the named Batumi terminal (avoids Russia): a rerouting
        ("The first cargo of Kazakh crude left Batumi on Monday.", "en", {"rerouting"}),
        ("Erstmals wurde kasachisches Öl über Batumi verschifft.", "de", {"rerouting"}),
        ("Впервые казахстанская нефть отгружена через Батуми.", "ru", {"rerouting"}),
        ("Kazakh crude left Batumi on Monday.", "en", set()),  # a plain flow: no claim
        # a proposal is a plan: the proposed Trans-Caspian pipeline avoids Russia
        ("Ashgabat proposed the Trans-Caspian Gas Pipeline to Brussels again.", "en", {"rerouting"}),
    ],
)
def test_a_first_flow_or_a_proposal_on_a_route_avoiding_russia_is_a_rerouting(text, language, expected):
    assert types(text, language) & {"rerouting", "dependency"} == expected


def test_a_reliance_lessened_right_after_a_route_avoiding_russia_is_a_rerouting_and_a_dependency():
    # sentence 1 names Batumi (avoids Russia), sentence 2 names nothing but lessens a reliance ("damit ... verringern")
    text = "KazMunayGas lieferte Rohöl per Bahn nach Batumi. Der Konzern will damit die Abhängigkeit von Russland verringern."
    claims = analyse(text, language="de", matcher=MATCHER).claims
    assert [c.claim_types for c in claims] == [["rerouting", "dependency"]]
    # without the route before it, the same sentence is a reliance only
    alone = "KazMunayGas lieferte Rohöl per Bahn. Der Konzern will damit die Abhängigkeit von Russland verringern."
    assert [c.claim_types for c in analyse(alone, language="de", matcher=MATCHER).claims] == [["dependency"]]


@pytest.mark.parametrize(
    ("sentence", "language"),
    [("Tokayev skipped the CIS summit in Minsk.", "en"), ("Tokajew blieb dem GUS-Gipfel fern.", "de"),
     ("Токаев не поехал на саммит СНГ.", "ru"), ("Astana stepped up contacts with Washington.", "en"),
     ("Астана расширила контакты с Вашингтоном и Москвой.", "ru")],
)
def test_blocs_and_diplomatic_contacts_are_alignment(sentence, language):
    assert "alignment" in claim_cues(sentence, language)


def test_a_route_that_does_not_touch_russia_after_an_energy_sentence():
    # sentence 2 has no energy word of its own ("outlet"), but "another" and "does not depend on Russia" say the route avoids it
    text = "SOCAR took Kazakh crude at Kulevi. The deal gives Kazakhstan another outlet that does not depend on Russia."
    assert [c.claim_types for c in analyse(text, language="en", matcher=MATCHER).claims] == [["rerouting"]]


def test_an_alternative_that_will_not_appear_is_a_reliance():
    assert "dependency" in claim_cues("Альтернативы этому маршруту в ближайшие годы не появится.", "ru")


def test_the_untouched_hold_out_batch_is_balanced_and_disjoint_from_the_dev_set():
    # hold-out batch 8 is the final measure (python -m tests.score_holdout); it must never share a text with the dev set
    from tests.extract_eval import load_set

    batch, dev = load_set("extraction_dev_holdout8.yaml"), load_set("extraction_dev.yaml")
    assert {a["language"] for a in batch} == {"de", "en", "ru"} and len(batch) >= 30
    assert not {a["text"] for a in batch} & {a["text"] for a in dev}


# --- round 2 (tuned on the folded hold-out batch 2) ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "language", "kind"),
    [
        # an unnamed adviser or columnist with a verb of saying or writing
        ("Exports will rise, an adviser to the minister told reporters.", "en", "opinion"),
        ("Astana is courting Brussels, writes a columnist.", "en", "opinion"),
        ("Nach Medienberichten prüft Astana neue Routen.", "de", "opinion"),  # media reports: no source named
        ("Как стало известно газете, Астана готовит новый маршрут.", "ru", "opinion"),  # a leak
        ("По информации собеседников, Астана готовит новый маршрут.", "ru", "opinion"),
        # votes, membership and blocs between states
        ("Kazakhstan abstained in the vote on Russia.", "en", "alignment"),
        ("Kasachstan schließt eine Mitgliedschaft in der BRICS-Gruppe aus.", "de", "alignment"),
        ("Казахстан воздержался при голосовании по резолюции о России.", "ru", "alignment"),
        ("Turkmenistan and Azerbaijan signed a memorandum on a joint field.", "en", "alignment"),  # an accord outside energy talk
        # defence and airspace are military
        ("Kazakhstan and Turkey signed a defence pact.", "en", "military_symbolic"),
        ("Moskau und Astana wollen den Luftraum gemeinsam schützen.", "de", "military_symbolic"),
        ("Минобороны Казахстана отказалось от учений с Россией.", "ru", "military_symbolic"),
    ],
)
def test_round_two_words(sentence, language, kind):
    assert kind in claim_cues(sentence, language)


@pytest.mark.parametrize(
    ("sentence", "language", "aligned"),
    [
        # Kazakhstan ("kasach") and another power ("russischen") in a military act: a stance, so alignment too
        ("Kasachstan lehnt die russische Militärbasis ab.", "de", True),
        ("Kazakh troops held drills with Chinese units.", "en", True),
        ("Kazakh troops held drills near Almaty.", "en", False),  # Kazakhstan alone: no other power
    ],
)
def test_a_military_act_of_kazakhstan_and_another_power_is_alignment(sentence, language, aligned):
    assert ("alignment" in claim_cues(sentence, language)) is aligned


@pytest.mark.parametrize(
    ("sentence", "language", "shift"),
    [
        ("Schwedt bezieht kein russisches Öl mehr.", "de", True),  # "kein ... mehr": a flow stopped on one route
        ("Die Raffinerie erhält nicht mehr als zehn Prozent ihres Öls aus Kasachstan.", "de", False),  # "nicht mehr als": an amount
        ("Turkmen gas no longer flows north to Russia.", "en", True),
        ("Туркменский газ больше не идёт в Россию.", "ru", True),
    ],
)
def test_a_flow_that_no_longer_takes_a_route_is_a_rerouting(sentence, language, shift):
    assert ("rerouting" in claim_cues(sentence, language)) is shift


def test_an_ordinal_cargo_is_a_new_flow_and_continuing_supplies_are_a_reliance():
    # "A second cargo ... from Batumi" (avoids Russia): a new flow, so a rerouting
    assert "rerouting" in types("A second cargo of Kazakh crude was shipped from Batumi.", "en")
    assert "dependency" in claim_cues("Berlin will die Öllieferungen über die Druschba fortsetzen.", "de")
    # «не избавит от зависимости»: a reliance not lessened is still claimed next to the reorientation
    assert types("Переориентация экспорта нефти на Китай не избавит Казахстан от зависимости от России.", "ru") >= {
        "rerouting", "dependency"}


# --- round 3 (tuned on the folded hold-out batch 3) ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        # an alternative said to cost more names why the reliance holds: dependency, and no rerouting
        ("Alternative supplies of oil via Rostock are more expensive.", "en", {"dependency"}),
        ("Eine Alternative über Danzig gilt beim Öl als zu teuer.", "de", {"dependency"}),
        ("Альтернативные поставки нефти через Росток обходятся дороже.", "ru", {"dependency"}),
        ("Alternative oil supplies via Rostock began in May.", "en", {"rerouting"}),  # no cost: a rerouting
        # "alternativlos" (without alternative) is no alternative
        ("Der Weg über Russland bleibt für das Öl alternativlos.", "de", {"dependency"}),
    ],
)
def test_a_costly_alternative_or_none_at_all_is_a_reliance(sentence, language, expected):
    assert claim_cues(sentence, language) & {"rerouting", "dependency"} == expected


def test_an_attribution_right_after_a_claim_goes_on_with_it():
    # sentence 2 has no actor and no route word, only an attribution to unnamed company circles: it goes on with sentence 1
    text = ("Die Raffinerie in Schwedt soll künftig mehr Öl über Danzig beziehen, um weniger auf die Druschba angewiesen zu sein. "
            "Das berichtet eine Zeitung unter Berufung auf Unternehmenskreise.")
    assert "opinion" in types(text, "de")
    alone = "Das berichtet eine Zeitung unter Berufung auf Unternehmenskreise."
    assert types(alone, "de") == set()


def test_vegetable_oil_is_no_energy():
    # "tanker" and "oil" would make the sentence speak of energy; "vegetable oil" is food, so Aktau is not linked
    from geo.claims.cues import sentence_cues

    assert "energy" not in sentence_cues("A tanker carrying vegetable oil ran aground near Aktau.", "en")
    assert "energy" in sentence_cues("A tanker carrying crude oil ran aground near Aktau.", "en")


@pytest.mark.parametrize(
    ("sentence", "language", "kind"),
    [("Nearly all Kazakh crude goes via the CPC.", "en", "dependency"),
     ("Producers have little choice but to cut output.", "en", "dependency"),
     ("Nahezu das gesamte Gas geht nach Orenburg.", "de", "dependency"),
     ("Практически вся нефть идёт через КТК.", "ru", "dependency"),
     ("Exports will rise, a think-tank in Almaty estimates.", "en", "opinion")],
)
def test_round_three_words(sentence, language, kind):
    assert kind in claim_cues(sentence, language)


# --- round 4 (tuned on the folded hold-out batch 4) ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "language", "opinion"),
    [
        # a report nobody confirms is unverified: a confirmation word with a negation
        ("The ministry did not confirm the shipments.", "en", True),
        ("The ministry confirmed the shipments.", "en", False),
        ("Offiziell bestätigt wurde das nicht.", "de", True),
        ("В компании эту информацию не подтверждают.", "ru", True),
        # evidential markers: the source is withheld or the claim hedged
        ("Kasachstan will dem Vernehmen nach mehr Öl verschiffen.", "de", True),
        ("In Moskau wurde der Besuch offenbar mit Argwohn verfolgt.", "de", True),
        ("Судя по всему, Астана стремится к самостоятельности.", "ru", True),
        ("Как утверждают в отрасли, нефть пойдёт через Курык.", "ru", True),
        ("Нефть пойдёт через Курык.", "ru", False),
        # an unnamed group with a verb of saying or doubting
        ("Experts doubt that Uzbekistan can keep relying on Russian gas.", "en", True),
        ("Оппозиционные политики назвали решение шагом назад.", "ru", True),
    ],
)
def test_unconfirmed_hedged_or_unnamed_reports_are_opinions(sentence, language, opinion):
    assert ("opinion" in claim_cues(sentence, language)) is opinion


@pytest.mark.parametrize(
    ("sentence", "language", "kind"),
    [("Astana wants closer engagement with Brussels.", "en", "alignment"),
     ("Kasachstan und Deutschland vereinbarten eine Rohstoffpartnerschaft.", "de", "alignment"),  # a compound of "Partnerschaft"
     ("Astana lehnte gemeinsame Marineübungen mit Russland ab.", "de", "military_symbolic"),  # a compound of "Übungen"
     ("Uzbekistan keeps relying on Russian gas.", "en", "dependency"),
     ("Druzhba deliveries of oil will continue.", "en", "dependency")],
)
def test_round_four_words(sentence, language, kind):
    assert kind in claim_cues(sentence, language)


# --- round 5 (tuned on the folded hold-out batch 5) ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "language", "expected"),
    [
        # a loss without Russia's routes is a reliance on them, and "ohne russische" is then no bypass
        ("Ohne russische Pipelines käme kaum ein Barrel Öl auf den Weltmarkt.", "de", {"dependency"}),
        ("Without Russian ports, Kazakh oil exports would collapse.", "en", {"dependency"}),
        ("Kasachstan will Öl ohne russische Häfen exportieren.", "de", {"rerouting"}),  # no loss: a bypass
        # a line word may stand between "without" and the name
        ("Без трубопровода «Дружба» НПЗ не сможет работать на нефти.", "ru", {"dependency"}),
    ],
)
def test_a_loss_without_russian_routes_is_a_reliance(sentence, language, expected):
    assert claim_cues(sentence, language) & {"rerouting", "dependency"} == expected


@pytest.mark.parametrize(
    ("sentence", "language", "kind"),
    [("Kazakhstan apparently ships more crude east.", "en", "opinion"),
     ("Oil majors are unlikely to fund the pipeline.", "en", "opinion"),
     ("Kasachstan will vermutlich mehr Öl verschiffen.", "de", "opinion"),
     ("Видимо, компания решила переключить экспорт.", "ru", "opinion"),
     ("Говорят, что в Минэнерго готовят новый план.", "ru", "opinion"),  # "they say": no subject, no source
     ("Exports will fall, an energy consultant said.", "en", "opinion"),
     ("Die kasachische Armee kauft Ausrüstung in der Türkei statt in Russland.", "de", "alignment"),  # army + two powers
     ("Kasachstan hat die Wahl in Georgien anerkannt.", "de", "alignment")],
)
def test_round_five_words(sentence, language, kind):
    assert kind in claim_cues(sentence, language)


def test_a_reliance_word_next_to_a_named_asset_is_a_route_reliance_without_energy_words():
    # no oil or gas word, but "Novorossiysk" is a named terminal and "fast vollständig" a reliance: a dependency claim
    text = "Kasachische Förderer setzen fast vollständig auf die Route über Noworossijsk."
    assert types(text, "de") == {"dependency"}
    assert types("Kasachische Förderer setzen auf die Route über Noworossijsk.", "de") == set()


# --- round 6 (tuned on the folded hold-out batch 6) ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "language", "kind"),
    [("Kazakhstan wants to cut its exposure to Russian transit.", "en", "dependency"),
     ("Kazakhstan will remain tied to Russian ports.", "en", "dependency"),
     ("Exports will rise, shippers say.", "en", "opinion"),
     ("Russian commentators hailed the visit as a return to old ties.", "en", "opinion"),
     ("В Астане растёт недовольство войной России.", "ru", "alignment"),  # a stance on the war
     ("In Astana wächst der Unmut über die russische Kriegsführung.", "de", "alignment"),
     ("Die kasachischen Streitkräfte üben mit der Bundeswehr.", "de", "military_symbolic"),
     ("Нефть идёт всё активнее через Актау, говорится в обзоре аналитического агентства.", "ru", "opinion")],
)
def test_round_six_words(sentence, language, kind):
    assert kind in claim_cues(sentence, language)


@pytest.mark.parametrize(
    ("text", "language", "rerouting"),
    [("Kasachstan hat erstmals Flüssiggas per Bahn über China exportiert.", "de", True),  # transit through China avoids Russia
     ("Kasachstan hat erstmals Flüssiggas nach China exportiert.", "de", False)],  # to China: a buyer, no transit route
)
def test_transit_through_china_is_a_route_avoiding_russia(text, language, rerouting):
    assert ("rerouting" in types(text, language)) is rerouting


# --- round 7 (tuned on the folded hold-out batch 7) ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "language", "kind"),
    [("The CPC is our lifeline, a manager said.", "en", "dependency"),
     ("Russia remains the main transit route for Kazakh oil.", "en", "dependency"),
     ("Turkmenistan setzt beim Gasexport fast ganz auf China.", "de", "dependency"),
     ("The manager spoke on condition that he not be named.", "en", "opinion"),  # a name withheld
     ("Ein Manager, der nicht genannt werden wollte, bestätigte das.", "de", "opinion"),
     ("Топ-менеджер попросил не называть его имени.", "ru", "opinion"),
     ("Russian bloggers denounced the step as a drift away from Moscow.", "en", "alignment"),
     ("Kasachische und chinesische Grenzschützer hielten eine gemeinsame Übung ab.", "de", "military_symbolic")],
)
def test_round_seven_words(sentence, language, kind):
    assert kind in claim_cues(sentence, language)


@pytest.mark.parametrize(
    ("sentence", "language", "kind"),
    [("Refiners sought Kazakh oil barrels that never touch Russian infrastructure.", "en", "rerouting"),  # "never" negates
     ("Russland spielt beim Gas als Abnehmer kaum noch eine Rolle.", "de", "rerouting")],  # "kaum noch": a flow that stopped
)
def test_never_and_hardly_any_more_are_negations_of_a_route(sentence, language, kind):
    assert kind in claim_cues(sentence, language)


def test_the_publicly_named_company_is_no_withheld_name():
    assert "opinion" not in claim_cues("The company, named KazMunayGas, loaded oil.", "en")  # "named" without a negation
