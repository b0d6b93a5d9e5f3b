"""Asset links on hand-written sentences, one group per linking fix of issue 11's held-out batches (branch h/links).

Each fix has a sentence it changes and a counterpart it must leave alone; the expected links are worked out by
reading the sentence as an analyst would (labelling rules of tests/fixtures/extraction_dev.yaml).
"""

from __future__ import annotations

import pytest

from geo.claims.extract import analyse, default_matcher
from geo.claims.text import name_key, split_sentences
from tests.conftest import DATA
from tests.extract_eval import load_set
from tests.links_eval import link_counts

MATCHER = default_matcher(DATA)


def links(text: str, language: str) -> set[str]:
    return analyse(text, language=language, matcher=MATCHER).linked_assets()


def test_an_abbreviated_german_amount_ends_no_sentence():
    text = "Aus dem Hafen Aktau wurden 2,1 Mio. Tonnen Rohöl nach Baku verschifft. Danach kamen 3 Mrd. Kubikmeter Gas."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Aus dem Hafen Aktau wurden 2,1 Mio. Tonnen Rohöl nach Baku verschifft.", "Danach kamen 3 Mrd. Kubikmeter Gas."]
    # both ends of the Aktau-Baku tanker lane in one sentence: the lane and its two end points
    assert links(text, "de") == {"aktau", "sangachal", "lane-aktau-baku"}


def test_a_plural_kind_word_does_not_refer_back_to_one_asset():
    # "the Baltic terminals" is several places: it takes up no one asset (sentence 1 names no cargo and no port business)
    assert links("A storm hit Novorossiysk on Monday. Car imports through the Baltic terminals doubled.", "en") == set()
    assert links("A storm hit Novorossiysk on Monday. The terminal also loaded more crude.", "en") == {"sheskharis"}


@pytest.mark.parametrize(
    ("text", "language"),
    [("QazaqGaz supplied more gas to Shymkent households this winter.", "en"),
     ("QazaqGaz подключил к газу ещё 3 тыс. частных домов в Шымкенте.", "ru"),
     ("Mehr Haushalte in Schymkent erhalten Gas über das städtische Netz, teilte QazaqGaz mit.", "de")],
)
def test_a_town_named_with_gas_consumers_is_the_town(text, language):
    assert links(text, language) == set()


def test_a_junction_named_with_a_gas_flow_is_still_the_junction():
    assert links("Gas reaches the Shymkent junction from Bozoi.", "en") == {"shymkent", "bozoi"}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [("In der Hafenstadt Aktau berieten die Minister über die Transkaspische Pipeline.", "de", {"tcgp"}),
     ("Ministers met in Aktau to discuss the Trans-Caspian pipeline.", "en", {"tcgp"}),
     ("В Баку прошла встреча министров энергетики о поставках газа в Европу.", "ru", set())],
)
def test_a_town_that_hosts_a_meeting_is_the_town(text, language, expected):
    assert links(text, language) == expected


def test_russian_v_without_a_meeting_is_still_a_destination():
    # «в Баку» is "to Baku" here: the tanker lane from Aktau and both its ends
    assert links("Танкеры с нефтью из Актау идут в Баку.", "ru") == {"aktau", "sangachal", "lane-aktau-baku"}


@pytest.mark.parametrize(
    ("text", "language"),
    [("Атырауский НПЗ переработал 5 млн тонн нефти.", "ru"), ("The Shymkent refinery processed more crude.", "en"),
     ("Das Aktau-Kraftwerk verbrennt Gas aus dem Netz.", "de")],
)
def test_a_plant_named_after_a_town_is_not_the_towns_asset(text, language):
    assert links(text, language) == set()


def test_a_refinery_asset_keeps_its_own_name():
    assert links("The Schwedt refinery received Kazakh oil via Druzhba.", "en") == {"schwedt", "druzhba-samara-schwedt"}


def test_evidence_in_the_names_own_clause_comes_first():
    # "CPC" in the first clause would make Novorossiysk the CPC terminal; Transneft in its own clause makes it Sheskharis
    text = "The CPC's terminal halted loadings, while Transneft kept pumping to its berths in Novorossiysk."
    assert links(text, "en") == {"cpc", "cpc-marine-terminal", "sheskharis"}
    # without a clause of contrast the whole sentence is one clause: the line named there wins
    assert links("The CPC pumped oil to its terminal near Novorossiysk.", "en") == {"cpc", "cpc-marine-terminal"}


def test_primorsky_krai_is_no_primorsk():
    assert links("Нефть отгружается через порт Козьмино в Приморском крае.", "ru") == set()
    assert links("Нефть отгружается через порт Приморск.", "ru") == {"primorsk"}


def test_a_lower_case_common_word_is_no_proper_name():
    assert links("Лидеры заявили, что дружба в нефтегазовой сфере важна.", "ru") == set()
    assert links("По нефтепроводу «Дружба» в Германию идёт казахстанская нефть.", "ru") == {"druzhba-samara-schwedt"}


def test_british_centre_is_center():
    assert name_key("Centre") == name_key("Center")
    assert links("Russian gas transits Kazakhstan via the Central Asia-Centre pipeline.", "en") == {"cac"}


def test_a_company_seat_is_no_facility():
    assert links("Atyrau-based KazTransOil said oil flows were stable.", "en") == set()
    assert links("The Baku-based SOCAR plans to ship more oil via Supsa.", "en") == {"supsa"}


def test_two_capitals_paired_are_governments():
    assert "sangachal" not in links("Baku and Astana agreed to ship more oil across the Caspian.", "en")
    # Aktau is no capital: "Aktau and Baku" are the two ends of the tanker lane
    assert links("Oil moves via Aktau and Baku to the BTC.", "en") == {"aktau", "sangachal", "lane-aktau-baku", "btc"}


def test_a_port_word_yields_to_the_line_named_in_the_same_sentence():
    text = "The Black Sea port of Novorossiysk was closed by a storm, halting CPC loadings."
    assert links(text, "en") == {"cpc", "cpc-marine-terminal"}


def test_held_out_link_batch_one_meets_the_issue_goal():
    """Batch 1 was tuned on after its first scoring (before: de P 0.95 R 0.91, en P 0.92 R 0.96, ru P 0.90 R 1.00)."""
    by_lang, _ = link_counts(load_set("extraction_links_holdout.yaml"), MATCHER)
    for lang, c in by_lang.items():
        assert c["tp"] / (c["tp"] + c["fp"]) >= 0.95 and c["tp"] / (c["tp"] + c["fn"]) >= 0.95, lang


def test_official_before_a_capital_names_the_government():
    assert links("Official Baku welcomed the decision on oil transit.", "en") == set()
    assert links("Официальный Баку приветствовал решение о транзите нефти.", "ru") == set()
    assert links("Oil from Aktau is shipped to Baku.", "en") == {"aktau", "sangachal", "lane-aktau-baku"}


def test_a_german_line_word_stands_for_another_of_its_commodity():
    assert links("Das Gas aus Turkmenistan fließt über die Zentralasien-China-Leitung nach China.", "de") == {"cagp"}
    # an oil line's word does not turn a gas line's name into the oil line, nor the reverse
    assert links("Öl fließt über die Kasachstan-China-Ölleitung.", "de") == {"kcp-atasu-alashankou"}


def test_a_state_budget_is_no_household():
    # "Staatshaushalt" (state budget) holds "haushalt" (household) inside a word: the terminal stays the CPC's
    text = "Das meiste Öl geht über das CPC. Ein Ausfall am Terminal bei Noworossijsk träfe den Staatshaushalt."
    assert links(text, "de") == {"cpc", "cpc-marine-terminal"}


# --- fixes after batch 2's single scoring (batch 3 is the held-out check of these) -------------------------------


def test_v_rayone_is_near_a_place_not_a_district():
    # «в районе Новороссийска» is "near Novorossiysk"; the CPC named in the sentence makes it the CPC terminal
    assert links("Отгрузки КТК сократились из-за шторма в районе Новороссийска.", "ru") == {"cpc", "cpc-marine-terminal"}
    # «Атырауский район» after the name is still the district
    assert links("В Атырауском районе идут дожди, нефтяники работают.", "ru") == set()


def test_a_lower_case_kind_word_makes_a_description_not_a_company_name():
    # "Black Sea Terminal" (capital T) is Kulevi's operator; "its Black Sea terminal" is the line's own terminal
    text = "The Caspian Pipeline Consortium cut oil flows to its Black Sea terminal."
    assert links(text, "en") == {"cpc", "cpc-marine-terminal"}
    assert links("SOCAR loaded more oil at the Black Sea Terminal in Georgia.", "en") == {"kulevi"}


def test_its_terminal_is_the_terminal_of_the_line_named_before_it():
    assert links("The CPC said oil loadings at its terminal were halted.", "en") == {"cpc", "cpc-marine-terminal"}
    # another name between the line and the pronoun: "its" may be that one's, so no terminal is guessed
    assert links("The CPC said Tengizchevroil cut oil loadings at its terminal.", "en") == {"cpc", "tengiz"}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [("Deliveries to Russia via the Central Asia-Centre system remained small.", "en", {"cac"}),
     ("Über die Südkaukasus-Pipeline fließen wieder 20 Mrd. Kubikmeter.", "de", {"scp"}),
     ("Прокачка по БТД возобновлена.", "ru", {"btc"}),
     # other goods: no flow of oil or gas, but the port that handles them (h/links9)
     ("Grain deliveries through Aktau rose.", "en", {"aktau"})],
)
def test_a_flow_word_makes_a_sentence_speak_of_energy_for_links(text, language, expected):
    assert links(text, language) == expected


# --- fixes after batch 3's single scoring ------------------------------------------------------------------------


def test_feminine_and_neuter_adjective_endings_meet_the_other_cases():
    # -ая / -ой / -ую and -ое / -ого are one adjective: «Балтийская трубопроводная система» in the genitive
    assert len({name_key(w) for w in ("Балтийская", "Балтийской", "Балтийскую")}) == 1
    assert name_key("Каспийское") == name_key("Каспийского")
    text = "Отгрузки нефти сократятся из-за ремонта Балтийской трубопроводной системы."
    assert links(text, "ru") == {"transneft-samara-primorsk"}


def test_an_abbreviation_ending_a_name_must_be_the_aliases_own():
    # НПЗ (refinery) and НПС (pump station) fold to one key; «Атырауская НПС» is an alias of the Atyrau junction
    assert links("Атырауский НПЗ переработал 5 млн тонн нефти.", "ru") == set()
    assert links("Нефть поступает на Атыраускую НПС и далее в Самару.", "ru") >= {"atyrau"}


def test_an_alias_added_to_the_asset_file_rebuilds_the_cached_matcher(tmp_path):
    import json
    import shutil

    for name in ("assets.geojson", "routes.yaml", "waypoints.csv"):
        shutil.copy(DATA / name, tmp_path / name)
    text = "Oil flows through the Fantasia pipeline."  # a made-up name, in no alias
    before = default_matcher(tmp_path)
    assert analyse(text, language="en", matcher=before).linked_assets() == set()
    assets = json.loads((tmp_path / "assets.geojson").read_text(encoding="utf-8"))
    btc = next(f for f in assets["features"] if f["properties"]["id"] == "btc")
    btc["properties"]["aliases"].append("Fantasia pipeline")
    (tmp_path / "assets.geojson").write_text(json.dumps(assets), encoding="utf-8")  # size changes: a new cache key
    after = default_matcher(tmp_path)
    assert after is not before
    assert analyse(text, language="en", matcher=after).linked_assets() == {"btc"}


@pytest.mark.parametrize(("name", "floor_p", "floor_r"), [("extraction_links_holdout2.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout3.yaml", 0.9, 0.85),
                                                          ("extraction_links_holdout4.yaml", 0.9, 0.85),
                                                          ("extraction_links_holdout6.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout7.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout8.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout9.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout10.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout11.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout12.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout13.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout14.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout15.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout16.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout17.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout18.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout19.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout20.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout21.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout22.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout23.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout24.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout25.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout26.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout27.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout28.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout29.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout30.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout31.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout32.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout33.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout34.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout35.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout36.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout37.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout38.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout40.yaml", 0.94, 0.9),
                                                          ("extraction_links_holdout39.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout41.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout43.yaml", 0.95, 0.9),
                                                          ("extraction_links_holdout42.yaml", 0.95, 0.9)])
def test_later_link_batches_do_not_regress(name, floor_p, floor_r, capsys):
    """Batches 2-4 and 6-20 were each scored blind once (their headers; 4, 6, 8-20 are tuned on since); this guards their level, no target."""
    by_lang, errors = link_counts(load_set(name), MATCHER)
    with capsys.disabled():
        print(f"\n{name}: " + ", ".join(f"{lang} P {c['tp'] / (c['tp'] + c['fp']):.2f} R {c['tp'] / (c['tp'] + c['fn']):.2f}"
                                        for lang, c in sorted(by_lang.items())) + f"; misses {errors}")
    for lang, c in by_lang.items():
        assert c["tp"] / (c["tp"] + c["fp"]) >= floor_p and c["tp"] / (c["tp"] + c["fn"]) >= floor_r, lang


# --- branch h/links2: every mention (issue 11), with or without a cue word --------------------------------------------

@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [("The Karachaganak consortium hired a new chief executive.", "en", {"karachaganak"}),  # a field's own name
     ("Der Vorstand von Tengizchevroil wird im Januar neu besetzt.", "de", {"tengiz"}),
     ("Кашаган посетила делегация из Италии.", "ru", {"kashagan"}),
     ("The Druzhba pipeline turned sixty this year.", "en", {"druzhba-samara-schwedt"}),  # a line's own name, many words
     ("At Unecha the Druzhba system splits into two branches.", "en", {"unecha", "druzhba-samara-schwedt"})],
)
def test_an_assets_own_name_is_a_mention_without_a_cue(text, language, expected):
    assert links(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [("BTC fell 4% against the dollar on Monday.", "en"),  # an abbreviation outside any energy story: Bitcoin
     ("The Hotel Druzhba reopened after renovation.", "en"),  # a line's one-word name is also a common word
     ("Tengizchevroil declined to comment.", "en"),  # the operator speaking is no field
     ("Samara's mayor opened a new park on Saturday.", "en")],  # a town's name needs its facility's business
)
def test_an_ambiguous_name_without_energy_is_no_mention(text, language):
    assert links(text, language) == set()


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [("Trucks waited two days at Khorgos as customs checks slowed.", "en", {"khorgos"}),  # a crossing's business
     ("Der Grenzübergang Chorgos liegt an der Seidenstraße.", "de", {"khorgos"}),  # the kind word next to the name
     ("Погранпереход Хоргос будет работать в праздники.", "ru", {"khorgos"}),
     # the crossing named by its two sides after the crossing word is the crossing, as «Погранпереход Хоргос» (h/links8;
     # this sentence was a no-mention case while the chain could only be read as the pipeline)
     ("Железнодорожный переход Достык — Алашанькоу работает круглосуточно.", "ru", {"alashankou"}),
     ("A ferry with 200 passengers left the port of Aktau for Baku.", "en", set()),  # passengers: the town's harbour
     ("Grain exports through the port of Aktau rose by a tenth.", "en", {"aktau"}),  # other goods: still the port (h/links9)
     ("A tanker carrying sunflower oil left the port of Kuryk.", "en", set()),  # an oil that is food
     ("Atyrau region officials inspected a pumping station.", "en", set())],  # the region, not the junction
)
def test_a_town_named_facility_needs_its_business(text, language, expected):
    assert links(text, language) == expected


def test_a_port_before_a_lines_chain_leaves_the_line():
    # «Актау — Баку» is the tanker lane's own name; «Баку — Тбилиси — Джейхан» after it is the BTC's chain of places
    got = links("Нефть идёт по маршруту Актау — Баку — Тбилиси — Джейхан.", "ru")
    assert {"btc", "lane-aktau-baku"} <= got and "ceyhan" not in got


def test_a_capital_after_a_decision_word_is_its_government():
    # «решение Баку»: Azerbaijan's government, not the terminal that stands for Baku in oil talk
    assert links("Астана поддержала решение Баку о новом тарифе на прокачку нефти.", "ru") == set()
    assert links("Танкеры с нефтью из Актау идут в Баку.", "ru") == {"aktau", "sangachal", "lane-aktau-baku"}


def test_the_baltic_pipeline_in_german_short_form_and_case():
    assert links("Arbeiten an der Baltischen Pipeline verzögern die Verladung.", "de") == {"transneft-samara-primorsk"}


def test_a_field_and_its_lines_far_end_name_the_line():
    # Karachaganak-Orenburg is an alias of the line: the field and the far end in one sentence of sending on
    assert links("Condensate from Karachaganak is piped to Orenburg for treatment.", "en") == {
        "karachaganak", "karachaganak-orenburg"}
    assert links("Karachaganak lies about 150 km from Orenburg.", "en") == {"karachaganak"}  # no flow between them
    # German "fließt": the words are searched case-folded, where "ß" is "ss" (the pattern once held "fließ" and never matched)
    assert links("Das Kondensat aus Karatschaganak fließt weiter nach Orenburg.", "de") == {
        "karachaganak", "karachaganak-orenburg"}
    assert links("Karatschaganak liegt rund 150 km von Orenburg entfernt.", "de") == {"karachaganak"}


@pytest.mark.parametrize(
    ("text", "language"),
    [("Oil exports rose; Atyrau and Aktobe led the regions in investment.", "en"),
     ("Die Ölexporte stiegen; Atyrau und Aktobe lagen bei den Regionen vorn.", "de")],
)
def test_a_name_among_regions_is_the_region(text, language):
    assert links(text, language) == set()


def test_an_assets_own_name_inside_a_claim_of_no_route_is_still_a_mention():
    # an alignment claim with no energy word: Kashagan is named by its own name, so it is a linked mention in that claim
    x = analyse("Kazakhstan and Azerbaijan signed a strategic partnership, and the Kashagan partners welcomed it.",
                language="en", matcher=MATCHER)
    assert [c.claim_type for c in x.claims] == ["alignment"]
    assert [(m.id, m.linked, m.claim) for m in x.mentions] == [("kashagan", True, 0)]


def test_an_abbreviation_inside_a_claim_is_the_assets_even_without_energy_words():
    # an opinion claim with no energy word anywhere: КТК is the consortium's line there (outside a claim it would wait for
    # energy words, as "BTC fell 4% against the dollar" shows)
    x = analyse("Аналитики считают, что без КТК Казахстан лишится трети доходов бюджета.", language="ru", matcher=MATCHER)
    assert [c.claim_type for c in x.claims] == ["opinion"]
    assert [(m.id, m.linked, m.claim) for m in x.mentions] == [("cpc", True, 0)]


@pytest.mark.parametrize(
    ("text", "language"),
    [("The Baku–Tbilisi–Kars railway carried 1 million tonnes of oil.", "en"),  # a railway the data does not hold
     ("По железной дороге Баку — Тбилиси — Карс перевезено 1 млн тонн нефти.", "ru")],
)
def test_a_town_in_the_name_of_a_railway_is_not_its_port(text, language):
    assert links(text, language) == set()


@pytest.mark.parametrize(
    "route_word",
    ["railway",
     "RAİLWAY",  # capitals of a Turkish keyboard: "İ" lowers to "i" and a combining dot, yet a case-blind pattern reads "i"
     "raılway"],  # a dotless "ı", which a case-blind pattern also reads as "i"
)
def test_a_town_after_a_railway_word_is_not_its_port_in_any_case(route_word):
    # the railway word before the chain names a route the data does not hold: Baku is a place in its name, no facility
    assert links(f"Oil moved by the {route_word} Kars–Tbilisi–Baku.", "en") == set()
    # with a bridge the chain is no railway name: Baku (the end of the chain) is the oil terminal at Sangachal
    assert links("Oil moved by the bridge Kars–Tbilisi–Baku.", "en") == {"sangachal"}


def test_the_letters_whose_case_blind_match_lowering_misses_are_all_known():
    # _may_hold lowers a window and looks for stems before a case-blind (re.IGNORECASE) pattern is searched: every letter
    # such a pattern matches to a Latin, German or Russian letter must lower to that letter, or be one of _ODD_CASE
    # (then the pattern itself is searched). Every character of Unicode is tried.
    import re

    from geo.claims.extract import _ODD_CASE

    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    missed = {c for x in "abcdefghijklmnopqrstuvwxyzäöüßабвгдеёжзийклмнопрстуфхцчшщъыьэюя"
              for c in re.findall(x, every, re.IGNORECASE) if c.lower() != x}
    # by hand: Turkish İ (U+0130) and ı (U+0131) for "i", the long ſ (U+017F) for "s", old Cyrillic forms (U+1C80-U+1C86)
    # for в, д, о, с, т (two), ъ
    assert missed == set("\u0130\u0131\u017f\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86") == set(_ODD_CASE.findall(every))


def test_a_town_ending_a_rail_leg_of_the_data_still_counts():
    assert links("Oil is railed from Baku to Batumi.", "en") == {"batumi", "rail-baku-batumi"}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [("Georgian director Tengiz Abuladze's film was shown in Tbilisi.", "en", set()),  # a given name and its surname
     ("Tengiz Kitovani led the National Guard in the early 1990s.", "en", set()),
     ("Тенгиз Китовани возглавлял Национальную гвардию.", "ru", set()),
     ("The Tengiz hotel in Atyrau reopened after renovation.", "en", set()),  # a venue named after the field
     ("The football club Kairat beat Tengiz FC 2-1 on Sunday.", "en", set()),
     # a lake of the same name (Lake Tengiz in the Korgalzhyn reserve, 350 km from the field)
     ("Thousands of flamingos returned to Lake Tengiz this spring.", "en", set()),
     ("The Tengiz lake is a UNESCO site.", "en", set()),
     ("На озеро Тенгиз вернулись фламинго.", "ru", set()),
     ("Am Tengis-See brüten Flamingos.", "de", set()),
     ("Das Tengis-Feld liefert mehr Öl.", "de", {"tengiz"}),
     # the oil business's own capitalised words keep the field
     ("Chevron said the Tengiz Expansion Project would add output next year.", "en", {"tengiz"}),
     ("Kashagan Phase 2 is under study.", "en", {"kashagan"}),
     ("На Тенгизе возобновили добычу.", "ru", {"tengiz"})],
)
def test_a_field_name_that_is_a_person_or_a_venue_is_no_field(text, language, expected):
    assert links(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [  # h/links3: a town-named facility in a sentence of the town's civic life is the town
     ("Мэрия Новороссийска объявила о ремонте набережной.", "ru", set()),
     ("В Усть-Луге построят новую школу для детей нефтяников.", "ru", set()),
     ("Акимат Актау сообщил об отключении газа в микрорайоне.", "ru", set()),
     ("Зарплаты нефтяников Атырау выросли на 10%.", "ru", set()),
     ("В Самаре прошел суд над директором НПЗ.", "ru", set()),
     ("Laut Statistikamt meldete die Region für Atyrau ein Lohnwachstum von acht Prozent.", "de", set()),
     ("A court in Aktau sentenced two officials for fraud in the oil sector.", "en", set()),
     # its workers, offices and other plants, the town as a "capital"
     ("В Шымкенте остановили НПЗ на ремонт.", "ru", set()),
     ("Нефтяная компания открыла офис в Актау.", "ru", set()),
     ("Атырау — нефтяная столица Казахстана.", "ru", set()),
     ("Нефтяники Атырау получили премии.", "ru", set()),
     ("Отгрузка нефти в порту Актау выросла, сообщил офис компании.", "ru", {"aktau"}),
     # a route preposition before the name: where the oil goes, whatever else the sentence says
     ("Chinese refineries take Kazakh oil via Alashankou.", "en", {"alashankou"}),
     ("Нефть идет через Приморск, сообщил губернатор.", "ru", {"primorsk"}),
     # its governor, the events it hosts
     ("Novorossiysk's governor declared an emergency after the oil spill.", "en", set()),
     ("Atyrau hosted the annual KIOGE oil and gas exhibition.", "en", set()),
     # the facility's own business in the same sentence keeps it: loading at a port, a tanker, a pipeline
     ("Губернатор заявил, что отгрузка нефти через Приморск выросла.", "ru", {"primorsk"}),
     ("Суд Усть-Луги оштрафовал капитана танкера.", "ru", {"ust-luga"}),
     ("The mayor of Samara said pumping at the Samara station of the pipeline was normal.", "en", {"samara"})],
)
def test_a_town_in_its_civic_life_is_not_its_facility(text, language, expected):
    assert links(text, language) == expected


def test_the_stems_of_a_link_pattern_are_read_from_its_parse_tree():

    from geo.claims.extract import _sre_parse, _word_stems

    def stems(pattern: str) -> set[str] | None:
        got = _word_stems(_sre_parse.parse(pattern))
        return None if got is None else set(got)

    # every match holds one of: "city" (then a space and council or hall), "court", "суд" (an optional ending after it)
    assert stems(r"\b(?:city (?:council|hall)|courts?\b|суд(?:е|ом)?(?![а-яё]))") == {"city", "court", "суд"}
    # a look-ahead is no part of the match; "hafen" is
    assert stems(r"hafen(?!stadt)|port\b") == {"hafen", "port"}
    # letters of a word after a non-letter: "штаб-квартир" holds "штаб" and "квартир", the longer is kept; "ß" ends a run
    assert stems(r"штаб-квартир|fließ") == {"квартир", "flie"}
    # an optional word holds nothing for sure, nor does a class of characters: no stems, the pattern is always searched
    assert stems(r"rail(?:way)?|\d+") is None
    assert stems(r"[a-z]+ oil") == {"oil"}
    # a case-blind group may match letters a case-folded word does not hold ("ı" for "i"): no stems from it
    assert stems(r"(?i:hafen)|port") is None
    assert stems(r"(?i:öl)hafen") == {"hafen"}


def test_no_character_outside_a_word_lowers_or_folds_to_a_stem_letter():
    # _said screens a sentence by its words (runs of \w) case-folded: that holds a stem wherever the sentence
    # lower-cased or case-folded does, if no character outside a word (white space, punctuation) lower-cases or
    # case-folds to a stem letter, and every character that lower-cases to one case-folds to the same. Every character
    # of Unicode is tried.
    import re

    from geo.claims.extract import _STEM_LETTERS

    word = re.compile(r"\w")
    outside, unlike = [], []
    for i in range(0x110000):
        c = chr(i)
        if 0xD800 <= i < 0xE000:
            continue
        low = c.lower()
        if not _STEM_LETTERS.isdisjoint(low) and c.casefold() != low:
            unlike.append(c)
        if not word.match(c) and not (_STEM_LETTERS.isdisjoint(low) and _STEM_LETTERS.isdisjoint(c.casefold())):
            outside.append(c)
    assert outside == [] and unlike == []


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [("В Баку открылась международная выставка «Нефть и газ Каспия».", "ru", set()),  # the town hosts an exhibition
     ("Die Messe in Baku zeigte neue Technik für Ölterminals.", "de", set()),
     ("Из Баку нефть отправлена танкером в Актау.", "ru", {"aktau", "sangachal", "lane-aktau-baku"})],
)
def test_a_town_hosting_an_exhibition_is_not_its_terminal(text, language, expected):
    assert links(text, language) == expected


def test_a_field_and_the_far_end_its_output_is_sent_to_name_the_line():
    # "send ... to Orenburg" as "sent to Orenburg": the Karachaganak-Orenburg line (dev rule for sending on)
    assert links("Karachaganak's operator will send more condensate to Orenburg next year.", "en") == {
        "karachaganak", "karachaganak-orenburg"}
    assert links("Karachaganak's operator has an office in Orenburg.", "en") == {"karachaganak"}  # no sending: no line


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Police dispersed protesters in Zhanaozen.", set()),  # the town built for the Uzen field
     ("Oil workers in Zhanaozen held a rally.", set()),
     ("Output at the Zhanaozen field fell 3%.", {"uzen"}),  # with the word "field": the field
     ("Output at Uzen fell 3%.", {"uzen"})],
)
def test_the_town_of_a_field_is_not_the_field(text, expected):
    assert links(text, "en") == expected


def test_the_german_one_word_consortium_name_is_the_cpc():
    # "Kaspisches Pipelinekonsortium" written as one compound (orf-2022-07-cpc), in any case form
    assert links("Ein Gericht hatte das Kaspische Pipelinekonsortium angewiesen, die Lieferungen einzustellen.", "de") == {"cpc"}
    assert links("Die Lieferungen des Kaspischen Pipelinekonsortiums stiegen.", "de") == {"cpc"}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [  # a line named by its destination, its start a few words before and the commodity moved in between
     ("Kasachstan exportiert Öl durch die Leitung nach China.", "de", {"kcp-atasu-alashankou"}),
     ("Turkmenistan sends gas through the pipeline to China.", "en", {"cagp"}),
     ("Казахстан прокачивает нефть по трубопроводу в Китай.", "ru", {"kcp-atasu-alashankou"}),
     ("Azerbaijan sends oil through the pipeline to Turkey.", "en", {"btc"}),
     # no commodity said, or two lines of that commodity between the places (SCP and TANAP): no line
     ("Kasachstan ist durch die Leitung nach China verbunden.", "de", set()),
     ("Azerbaijan sends gas through the pipeline to Turkey.", "en", set()),
     ("Russia sends gas through the pipeline to China.", "en", set())],  # a line the data does not hold
)
def test_a_line_named_by_its_start_and_destination_around_the_line_word(text, language, expected):
    assert links(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [  # a capital that speaks, or whose envoys travel, is its government (Baku stands for Sangachal only by context)
     ("Baku said it was ready to carry more Kazakh oil.", "en", set()),
     ("Баку заявил о готовности увеличить транзит казахстанской нефти.", "ru", set()),
     ("Baku erklärte sich bereit, mehr kasachisches Öl zu transportieren.", "de", set()),
     ("A delegation from Baku arrived in Astana for oil talks.", "en", set()),
     ("Делегация из Баку прибыла в Астану для переговоров по нефти.", "ru", set()),
     # oil from Baku is the terminal's
     ("Танкеры из Баку везут нефть.", "ru", {"sangachal"}),
     # experts from a town are its people
     ("Эксперты из Самары оценили перспективы нефтедобычи.", "ru", set())],
)
def test_a_capital_speaking_or_sending_envoys_is_its_government(text, language, expected):
    assert links(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [  # an abbreviation in a story of no energy word counts beside words of loading oil
     ("Die Verladungen des CPC wurden gestoppt.", "de", {"cpc"}),
     ("CPC loadings were halted.", "en", {"cpc"}),
     # not without them (KTK is also a TV channel, BTC a coin)
     ("Телеканал КТК показал репортаж из Новороссийска.", "ru", set()),
     ("BTC fell 5% as crypto traders sold.", "en", set())],
)
def test_an_abbreviation_beside_loading_words_is_the_line(text, language, expected):
    assert links(text, language) == expected


# --- branch h/links8: fixes after batch 8's single scoring (sentences written for these tests, none from the batch) -----

@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [  # cruise ships carry passengers: the town's harbour
     ("Im Hafen Aktau legte das erste Kreuzfahrtschiff der Saison an.", "de", set()),
     ("Three cruise ships called at Batumi port this week.", "en", set()),
     # crude loaded at the same harbour is the port's business
     ("Im Hafen Aktau wurden zwei Tanker mit Rohöl beladen.", "de", {"aktau"})],
)
def test_cruise_ships_are_passengers(text, language, expected):
    assert links(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [  # a person in a town (and what he works for): where the person is, though loadings or pumps are spoken of
     ("\u201cLoadings are on schedule,\u201d a trader in Novorossiysk said.", "en", set()),
     ("«Отгрузки идут по графику», — сообщил источник в Новороссийске.", "ru", set()),
     ("Die Pumpen laufen normal, sagte ein Sprecher des Betreibers in Atyrau.", "de", set()),
     # the same words with the place as where the loading or pumping happens
     ("Loadings in Novorossiysk are on schedule, a trader said.", "en", {"sheskharis"}),
     ("Die Pumpen in Atyrau laufen normal, sagte ein Sprecher.", "de", {"atyrau"})],
)
def test_a_person_in_a_town_names_the_town(text, language, expected):
    assert links(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [  # an abbreviation the story spells out as something else, or followed by a party's organs
     ("The Communist Party of China (CPC) set new targets for oil imports.", "en", set()),
     ("Xi told the CPC Central Committee that oil imports must be secured.", "en", set()),
     # spelled out as the consortium, or among words of oil: the line
     ("The Caspian Pipeline Consortium (CPC) raised oil exports.", "en", {"cpc"}),
     ("CPC loadings of oil rose.", "en", {"cpc"})],
)
def test_an_abbreviation_with_another_meaning_in_the_story_is_no_mention(text, language, expected):
    assert links(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [  # a line's one-word name after a word of a venue or a town's part: the hotel, the street
     ("Das Hotel Druschba in Schymkent bekommt eine neue Gasheizung.", "de", set()),
     ("На улице Дружбы в Актобе заменили газовые трубы.", "ru", set()),
     ("Oil via Druzhba reached Schwedt.", "en", {"druzhba-samara-schwedt", "schwedt"})],
)
def test_a_line_name_after_a_venue_word_is_the_venue(text, language, expected):
    assert links(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [  # a story of no energy word that calls the abbreviation a consortium: the CPC
     ("Мэр Тихорецка встретился с руководством КТК. Консорциум построит в городе школу.", "ru", {"cpc"}),
     ("Der Bürgermeister von Tuapse traf die Spitze des CPC. Das Konsortium finanziert eine Schule.", "de", {"cpc"}),
     # without the word: KTK the TV channel
     ("Телеканал КТК показал новый сериал. Съемки шли в Москве.", "ru", set())],
)
def test_a_consortium_word_in_the_story_makes_the_abbreviation_the_line(text, language, expected):
    assert links(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [  # a terminal's alias that is the village's name, in a sentence of the village's civic life
     ("В Южной Озереевке завершили благоустройство сквера.", "ru", set()),
     ("Танкер загрузился нефтью в Южной Озереевке.", "ru", {"cpc-marine-terminal"})],
)
def test_a_terminal_named_after_a_village_in_civic_talk_is_the_village(text, language, expected):
    assert links(text, language) == expected


def test_tank_cars_carry_oil_in_an_energy_story():
    # the leg from Baku to Batumi (both ends in one sentence of tank cars) and the Batumi oil terminal
    text = "Azerbaijan exported more diesel this year. The cargo goes in tank cars from Baku to Batumi."
    assert links(text, "en") == {"rail-baku-batumi", "batumi"}
    # a story of no oil: tank cars of chemicals run on no oil rail leg; Batumi, where they go, is still the port (h/links9)
    assert links("Chemicals travel in tank cars from Baku to Batumi.", "en") == {"batumi"}


def test_a_sentence_that_makes_its_own_lane_is_not_paired_with_the_next():
    # Baku-Kulevi is complete in the first sentence: Batumi in the next is the terminal only, no Baku-Batumi leg
    text = "Oil goes by rail in tank cars from Baku to Kulevi. Fuel loadings at the Batumi oil terminal also rose."
    assert links(text, "en") == {"rail-baku-kulevi", "kulevi", "batumi"}
    # a sentence without a lane of its own still pairs with the next ("... from Baku. ... at the Batumi oil terminal.")
    assert "rail-baku-batumi" in links("SOCAR ships oil products from Baku. They arrive by rail at the Batumi oil terminal.", "en")


@pytest.mark.parametrize(
    ("text", "language"),
    [("Über den Grenzübergang Dostyk–Alashankou rollen Kesselwagen mit Öl nach China.", "de"),
     ("Нефть идет в Китай через пункт пропуска Достык — Алашанькоу.", "ru")],
)
def test_a_chain_after_a_crossing_word_is_the_crossing(text, language):
    # both places name the one crossing (the asset "Dostyk - Alashankou crossing"), not the Atasu-Alashankou pipeline
    assert links(text, language) == {"alashankou"}


@pytest.mark.parametrize("name", ["extraction_links_holdout8.yaml", "extraction_links_holdout9.yaml", "extraction_links_holdout10.yaml",
                                  "extraction_links_holdout11.yaml", "extraction_links_holdout12.yaml",
                                  "extraction_links_holdout13.yaml", "extraction_links_holdout14.yaml",
                                  "extraction_links_holdout15.yaml", "extraction_links_holdout16.yaml",
                                  "extraction_links_holdout17.yaml", "extraction_links_holdout18.yaml",
                                  "extraction_links_holdout19.yaml", "extraction_links_holdout20.yaml",
                                  "extraction_links_holdout21.yaml",
                                  "extraction_links_holdout22.yaml", "extraction_links_holdout23.yaml",
                                  "extraction_links_holdout24.yaml",
                                  "extraction_links_holdout25.yaml",
                                  "extraction_links_holdout26.yaml",
                                  "extraction_links_holdout27.yaml",
                                  "extraction_links_holdout28.yaml",
                                  "extraction_links_holdout29.yaml",
                                  "extraction_links_holdout30.yaml",
                                  "extraction_links_holdout31.yaml",
                                  "extraction_links_holdout32.yaml",
                                  "extraction_links_holdout33.yaml",
                                  "extraction_links_holdout34.yaml",
                                  "extraction_links_holdout35.yaml",
                                  "extraction_links_holdout36.yaml",
                                  "extraction_links_holdout37.yaml",
                                  "extraction_links_holdout38.yaml",
                                  "extraction_links_holdout40.yaml",
                                  "extraction_links_holdout39.yaml",
                                  "extraction_links_holdout41.yaml",
                                  "extraction_links_holdout43.yaml",
                                  "extraction_links_holdout42.yaml"])
def test_batch_mention_offsets_point_at_their_names(name):
    # the labels' offsets were computed by a script; each must cut its surface out of the text and name a labelled asset
    for a in load_set(name):
        for start, end, asset, surface in a["expected_mentions"]:
            assert a["text"][start:end] == surface and asset in a["expected_assets"], (a["id"], surface)


def test_an_abbreviation_after_its_assets_name_and_a_company_suffix_stays():
    # the operator's name with a legal suffix before the bracket spells out the same asset: both mentions are kept
    result = analyse("Tengizchevroil LLP (TCO) raised oil output.", language="en", matcher=MATCHER)
    assert [(m.text, m.id) for m in result.mentions if m.linked] == [("Tengizchevroil", "tengiz"), ("TCO", "tengiz")]
    # another long form before the bracket: no mention of the abbreviation anywhere in the story
    result = analyse("The Communist Party of China (CPC) set oil import targets. CPC officials said so.", language="en", matcher=MATCHER)
    assert [m for m in result.mentions if m.id == "cpc"] == []


# --- branch h/links9: a port or a crossing is the asset whatever it handles (lead's decision for issue 11) -------------

@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [("Steel coils piled up on the quay at Kuryk after the ferry was delayed.", "en", {"kuryk"}),  # other goods at a port
     ("In Machatschkala wurden im Mai mehr Düngemittel verladen.", "de", {"makhachkala"}),
     ("Через Курык отправили первую партию казахстанского ячменя в Иран.", "ru", {"kuryk"}),
     ("Container trains now wait less than a day at Alashankou.", "en", {"alashankou"}),  # a crossing and its trains
     ("Am Übergang Chorgos stehen Güterzüge mit Autoteilen.", "de", {"khorgos"}),
     ("На станции Достык простаивают вагоны с металлом.", "ru", {"alashankou"}),
     # a terminal named by its town after a port word is the port ("Hafen", «порт»), whatever goes through it
     ("Über den Hafen Noworossijsk laufen nun auch Düngemittel.", "de", {"sheskharis"}),
     ("Через порт Новороссийск вывезли два миллиона тонн ячменя.", "ru", {"sheskharis"})],
)
def test_a_port_or_crossing_with_other_goods_is_the_asset(text, language, expected):
    assert links(text, language) == expected


def test_other_goods_to_baku_go_to_its_port_and_run_on_no_tanker_lane():
    # "Baku" in a sentence of other goods is the Port of Baku (Alat), not the Sangachal oil terminal; a ferry of
    # containers between Aktau and Baku runs on no tanker lane, a tanker of crude does (to Sangachal, the dev set's rule)
    assert links("Containers of cotton go from Aktau to Baku by ferry.", "en") == {"aktau", "alat"}
    assert links("Tankers take crude from Aktau to Baku.", "en") == {"aktau", "sangachal", "lane-aktau-baku"}


@pytest.mark.parametrize(
    ("text", "language"),
    [("Grain prices at the bazaar in Aktau rose, the mayor said.", "en"),  # the town's civic life, goods or not
     ("Die Passagierfähre mit Containern an Bord legte in Aktau an.", "de"),  # passengers: the town's harbour, as before
     ("Steel pipes for Tengiz arrived by train.", "en")],  # a field in a story of other goods: unchanged, no link
)
def test_other_goods_leave_towns_passengers_and_fields_as_they_were(text, language):
    assert links(text, language) == set()


def test_a_list_of_ports_after_their_cargo_sentence_names_the_ports():
    # sentence 1 speaks of the ports' cargo; sentence 2 lists them with no word of their business
    text = "Container and grain throughput of the Caspian ports rose by 6%. Aktau gained most, while Makhachkala lost a little."
    assert links(text, "en") == {"aktau", "makhachkala"}
    # ports that a route avoids are no cargo statistic: the town of the next sentence stays the town
    assert links("The route avoids Russian ports. Leaders met in Baku on Monday.", "en") == set()


@pytest.mark.parametrize(("sentence", "lang", "expected"), [
    # the data spell these joined ("Transanatolische Pipeline", "Südkaukasus-Pipeline"); the press also hyphenates them
    ("Über die Trans-Anatolische Pipeline fließt seit 2018 Gas in die Türkei.", "de", {"tanap"}),
    ("Die Süd-Kaukasus-Pipeline wird bis 2027 erweitert.", "de", {"scp"}),
    ("Die Trans-Adriatische Pipeline bringt aserbaidschanisches Gas nach Apulien.", "de", {"tap"}),
    # "Kaspische Pipeline" is a German name of the CPC: inside "Trans-Kaspische Pipeline" it is the other line
    ("Eine Trans-Kaspische Pipeline wird seit Jahren geplant.", "de", {"tcgp"}),
    # and the other way round: the data hyphenate "Trans-Caspian pipeline", a text may not
    ("Turkmenistan revived talk of a Transcaspian pipeline to Azerbaijan.", "en", {"tcgp"}),
])
def test_a_compound_prefix_is_written_joined_or_hyphenated(sentence: str, lang: str, expected: set[str]) -> None:
    assert links(sentence, lang) == expected


# --- branch h/links10: long real-style pages (batch 10): lists, borders, ferries, plural and case forms of "port" ---------

@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [("Schlagworte: Öl, Gas, Turkmenistan, China, Pipelines", "de", set()),  # a tag list: two countries, no line
     ("Метки: нефть, Казахстан, Китай, экспорт", "ru", set()),
     ("Topics: oil, Kazakhstan, China, pipelines", "en", set()),
     # the same countries joined by a dash are the line's name, as before
     ("Газ поступает по газопроводу Туркменистан — Китай.", "ru", {"cagp"})],
)
def test_a_name_does_not_run_across_a_lists_comma(text, language, expected):
    assert links(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [("Oil trucks were stuck at the Kazakhstan-China border for a week.", "en", set()),  # the frontier, no line
     ("Tanker trucks with crude queued on the Russian-Kazakh border.", "en", set()),
     ("An der kasachisch-chinesischen Grenze stauen sich Kesselwagen mit Öl.", "de", set()),
     ("Цистерны с нефтью простаивают на казахстанско-китайской границе.", "ru", set()),
     # the crossing named beside the border keeps its link; a line word after the countries keeps the line
     ("Oil wagons cross the Kazakh-Chinese border at Dostyk.", "en", {"alashankou"}),
     ("Crude flows through the Kazakh-Chinese pipeline.", "en", {"kcp-atasu-alashankou"}),
     # a crossing word after a chain of the crossing's two sides: the crossing (as a word before it already did)
     ("Oil tank cars pass the Dostyk-Alashankou border crossing.", "en", {"alashankou"})],
)
def test_two_countries_before_a_border_word_are_the_border(text, language, expected):
    assert links(text, language) == expected


def test_a_ferry_of_cargo_runs_on_no_tanker_lane():
    # an oil story (sentence 1); sentence 2 ferries general cargo between the two ends of the Kuryk-Alat tanker lane:
    # the two ports are linked (a port is the asset whatever it handles), the tanker lane is not ("cargo" alone would
    # be read as oil: a trade word without other goods)
    assert links("Kazakhstan exports crude by tanker. From Kuryk, ferries carry trucks and cargo to Alat.", "en") == {"kuryk", "alat"}
    assert links("Казахстан экспортирует нефть. Из Курыка грузы доставляют паромом в Алят.", "ru") == {"kuryk", "alat"}
    # oil on the ferry is oil on the lane
    assert links("Kazakhstan exports crude. From Kuryk, ferries carry oil to Alat.", "en") == {"kuryk", "alat", "lane-kuryk-alat"}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [("Der Zug fährt weiter zu den Häfen Batumi und Poti.", "de", {"batumi"}),  # the plural port word
     ("Груз отправят через порты Батуми и Поти.", "ru", {"batumi"}),
     ("Товары идут в грузинских портах Батуми и Поти на экспорт.", "ru", {"batumi"}),
     ("Dredging at Makhachkala will cost $20mn this year.", "en", {"makhachkala"}),  # dredging keeps a port open
     ("Дноуглубление в Махачкале завершат в мае.", "ru", {"makhachkala"}),
     # «грузинский» (Georgian) is no cargo word: Georgian fans in Batumi are in the town
     ("Грузинские болельщики встретили команду в Батуми.", "ru", set())],
)
def test_plural_and_case_forms_of_port_and_dredging_name_the_port(text, language, expected):
    assert links(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [("Oil wells outside Samara produced 3% less crude in May.", "en", set()),  # the town as a landmark of wells
     ("Нефтяные скважины под Самарой дали меньше нефти.", "ru", set()),
     ("Pump jacks near Atyrau stood still during the oil strike.", "en", set()),  # a pump jack is a well's, no pump station
     # the junction's own business in the sentence keeps it: a pump station or a pipeline near the town
     ("Oil is pumped through the station near Atyrau.", "en", {"atyrau"}),
     ("Нефть перекачивают через НПС под Самарой.", "ru", {"samara"})],
)
def test_a_junction_town_as_a_landmark_is_the_town(text, language, expected):
    assert links(text, language) == expected


def test_hafen_von_is_a_port_word_and_near_of_the_sentence_before_does_not_count():
    # "Hafen von X" is German for "the port of X": Novorossiysk's port is Sheskharis, though the story names the CPC
    # (whose terminal the first sentence's "bei Noworossijsk" is); "bei" of that sentence does not make the port "near"
    text = "Das CPC verlud im Oktober mehr Öl bei Noworossijsk. Der Hafen von Noworossijsk schlug auch mehr Weizen um."
    assert links(text, "de") == {"cpc", "cpc-marine-terminal", "sheskharis"}
    # "near the port of" in its own sentence is still a place near the port: the CPC terminal
    assert links("Der Tanker lag nahe dem Hafen von Noworossijsk, sagte das CPC.", "de") == {"cpc", "cpc-marine-terminal"}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [("Two container trains a day now leave Altynkol for Europe.", "en", {"khorgos"}),  # the crossing's Kazakh rail station
     ("На станции Алтынколь простаивают вагоны с зерном.", "ru", {"khorgos"}),
     ("The akim of Altynkol opened a new kindergarten.", "en", set()),  # the settlement's civic life
     ("Der Hafen von Baku hat ein neues Containerterminal.", "de", {"alat"}),  # German for "Port of Baku"
     ("Бакинский порт принял первый паром из Туркменбаши.", "ru", {"alat", "turkmenbashi"})],
)
def test_altynkol_and_the_port_of_baku_in_german_and_russian(text, language, expected):
    # aliases with their sources in data/alias_reasons.yaml (ktz-2023-altynkol-khorgos; the operator's English name)
    assert links(text, language) == expected


def test_a_dateline_after_a_headline_links_nothing_but_the_headline_does():
    # pages put the headline (and a byline) before the wire's dateline: the dateline's town is where the story was
    # filed, the headline's names are mentions as before
    text = "Atyrau refinery halts crude intake\nBy A. Writer\nATYRAU, Nov 4 (Reuters) - Repairs began on Monday."
    result = analyse(text, language="en", matcher=MATCHER)
    assert [(m.text, m.linked) for m in result.mentions if m.id == "atyrau"] == [("ATYRAU", False)]
    text = "Порт Актау нарастил перевалку нефти\nАКТАУ, 4 ноября. /Интерфакс/. Погрузка танкеров выросла на 5%."
    result = analyse(text, language="ru", matcher=MATCHER)
    assert [(m.text, m.linked) for m in result.mentions if m.id == "aktau"] == [("Актау", True), ("АКТАУ", False)]


def test_bakus_second_reading_ends_a_lane_only_beside_a_list_of_origins():
    # Baku is Sangachal for Aktau's crude; a Kuryk named apart in the same sentence (its own terminal plans) does not make
    # Baku the Port of Baku too: one lane, not two
    text = "Tankers carry crude from Aktau to Baku, and the state firm will build a new oil berth at Kuryk."
    assert links(text, "en") == {"aktau", "sangachal", "lane-aktau-baku", "kuryk"}
    # two origins listed together: Baku ends both tanker lanes (Sangachal for Aktau's, the port of Baku for Kuryk's)
    text = "Tankers carry crude from Aktau and from Kuryk to Baku."
    assert links(text, "en") == {"aktau", "kuryk", "sangachal", "alat", "lane-aktau-baku", "lane-kuryk-alat"}
    # one origin alone: Baku's reading that makes its lane (Kuryk's lane ends at the port of Baku)
    assert links("Танкеры везут нефть из Курыка в Баку.", "ru") == {"kuryk", "alat", "lane-kuryk-alat"}


# --- branch h/links11: grades, venues after a name, compass names in lower case, a lane's own name ---------------------

@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [("CPC Blend loadings were steady. Urals cargoes from Novorossiysk were delayed by storms.", "en", {"cpc", "sheskharis"}),
     ("Отгрузки КТК идут по графику. Отгрузки Urals из Новороссийска сократились из-за шторма.", "ru", {"cpc", "sheskharis"}),
     ("Die Verladungen des CPC laufen normal. Die Sorte Urals wird in Noworossijsk mit Verspätung verladen.", "de",
      {"cpc", "sheskharis"}),
     # no grade in the sentence: the CPC named elsewhere in the story settles Novorossiysk as before
     ("CPC Blend loadings were steady. Cargoes from Novorossiysk were delayed by storms.", "en", {"cpc", "cpc-marine-terminal"}),
     ("Отгрузки КТК идут по графику. Отгрузки из Новороссийска сократились из-за шторма.", "ru", {"cpc", "cpc-marine-terminal"})],
)
def test_a_russian_grade_at_novorossiysk_is_transnefts_terminal(text, language, expected):
    # Urals is Russia's export blend, loaded at Transneft's Sheskharis berths: its sentence speaks of them, like "Transneft"
    assert links(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [("Oil exports rose in May. Delegates stayed at the Druzhba Hotel.", "en", set()),  # the venue word after the name
     ("Die Ölexporte stiegen im Mai. Die Delegation wohnte im Druschba-Hotel.", "de", set()),
     ("Oil exports rose in May. The festival on Druzhba Street drew crowds.", "en", set()),
     # a line word after it, or a verb: the line
     ("Oil exports rose in May. The Druzhba pipeline ran at full capacity.", "en", {"druzhba-samara-schwedt"}),
     ("Oil exports rose in May. Druzhba was running at full capacity, the operator said.", "en", {"druzhba-samara-schwedt"})],
)
def test_a_venue_word_after_a_lines_one_word_name_is_the_venue(text, language, expected):
    assert links(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [("Казахстан экспортирует нефть. А северный маршрут остаётся загруженным.", "ru", set()),  # a direction
     ("Kazakh crude also takes the northern route through Russia.", "en", set()),
     # capitalised, the Baku-Novorossiysk line's name (alias «Северный маршрут», "Northern Route")
     ("Азербайджан сократил прокачку нефти по Северному маршруту.", "ru", {"baku-novorossiysk"}),
     ("Azerbaijan pumped less oil through the Northern Route to Russia.", "en", {"baku-novorossiysk"}),
     # a region's name in lower case is still the line: no compass word
     ("Газ идёт в Турцию по южнокавказскому газопроводу.", "ru", {"scp"})],
)
def test_a_compass_name_in_lower_case_is_a_direction(text, language, expected):
    assert links(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [("Нефть отгружают по маршруту Актау — Баку.", "ru", {"lane-aktau-baku", "aktau", "sangachal"}),
     ("Crude moves on the Aktau–Baku tanker route.", "en", {"lane-aktau-baku", "aktau", "sangachal"}),
     ("Kazakh oil is shipped on the Kuryk–Baku route.", "en", {"lane-kuryk-alat", "kuryk", "alat"}),
     # a pipeline named by its ends keeps them unlabelled (labelling rule 12): BTC alone, no Baku or Ceyhan point
     ("Kazakh oil is pumped through the Baku-Tbilisi-Ceyhan pipeline.", "en", {"btc"}),
     # a lane named by no port ("Bosporus" names the straits lane): no end point from its name
     ("Der Tankerverkehr mit Öl durch den Bosporus stockte wegen Nebels.", "de", {"lane-black-sea-bosphorus"})],
)
def test_a_tanker_lane_named_by_its_ports_names_both_ports(text, language, expected):
    # labelling rule 13: a tanker shipment naming both ends of a lane labels the lane and both end points; the lane's
    # own name is the chain of its two ports, where the loading and the unloading happen
    assert links(text, language) == expected


# --- branch h/links12: where oil is brought by rail; a crossing's place in a railway's name -----------------------------

@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [("Small volumes of crude are railed to Baku.", "en", {"sangachal"}),  # Baku the goal: its oil terminal (rule 11)
     ("Das Öl kommt per Bahn bis Baku und fließt dann durch die BTC.", "de", {"sangachal", "btc"}),
     ("Нефть из Казахстана везут по железной дороге до Баку и далее по БТД.", "ru", {"sangachal", "btc"}),
     # the rail legs start at Baku: from there the tank cars are the leg (unchanged)
     ("Tank cars take the oil from Baku to Kulevi.", "en", {"kulevi", "rail-baku-kulevi"}),
     ("Von Baku rollen Kesselwagen mit Öl nach Batumi.", "de", {"batumi", "rail-baku-batumi"})],
)
def test_a_rail_legs_start_named_as_the_goal_is_no_rail_leg(text, language, expected):
    # the legs of the data run Baku -> Batumi and Baku -> Kulevi; "railed to Baku" cannot be either, so the rail word does
    # not pull Baku to the port of Baku (the legs' start), and oil brought to Baku is the Sangachal terminal
    assert links(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [("Контейнерные поезда идут по железнодорожной линии Достык — Мойынты.", "ru", set()),  # a railway the data lacks
     ("Containerzüge fahren über die Bahnstrecke Dostyk–Moiynty.", "de", set()),
     ("Container trains use the Dostyk–Moiynty railway line.", "en", set()),
     # the crossing itself in a sentence of transit stays the crossing (rule 18)
     ("Контейнерные поезда идут через железнодорожный переход Достык.", "ru", {"alashankou"}),
     ("Container trains from China cross the border at Dostyk.", "en", {"alashankou"})],
)
def test_a_crossing_in_the_name_of_a_railway_is_no_crossing(text, language, expected):
    # as a port in "the Baku–Tbilisi–Kars railway": a place that names a railway or road is a place of that name
    assert links(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [("In Kuryk standen unsere Container im Oktober zehn Tage.", "de", {"kuryk"}),  # other goods: the port at work (rule 18)
     ("In Aktau, containers piled up waiting for the ferry.", "en", {"aktau"}),
     ("In Aktau, grain was loaded onto ships.", "en", {"aktau"}),
     # passengers and a town's own life stay the town
     ("In Aktau stiegen die Passagiere auf die Fähre um.", "de", set()),
     ("Oil workers in Aktau went on strike.", "en", set())],
)
def test_a_port_after_in_in_a_sentence_of_other_goods_is_the_port(text, language, expected):
    # "In Aktau" in a sentence of no trade or carrier word was the town only; containers or grain are a port's business
    mentions = analyse(text, language=language, matcher=MATCHER).mentions
    assert {m.id for m in mentions if m.linked} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Перевалка нефти в Махачкалинском порту выросла вдвое.", {"makhachkala"}),  # the port's short name, any case
     ("Отгрузки нефти из Махачкалинского порта сократились.", {"makhachkala"}),
     # the spelled-out «ГПЗ» (газоперерабатывающий завод): the Karachaganak gas line's processing end
     ("На Оренбургском газоперерабатывающем заводе прекратили приём газа с Карачаганака.", {"karachaganak", "karachaganak-orenburg"})],
)
def test_russian_short_and_spelled_out_names_of_a_port_and_a_gas_plant(text, expected):
    assert links(text, "ru") == expected


@pytest.mark.parametrize(("text", "span"), [
    ("Нефть по нефтепроводу «Дружба» идет в Германию.", "нефтепроводу «Дружба»"),
    ("Транзит по газопроводу «Средняя Азия — Центр» вырос.", "газопроводу «Средняя Азия — Центр»"),
    ("Поставки по «Дружбе» выросли.", "Дружбе"),  # a one-word name inside quotes stays the word
])
def test_a_name_that_runs_into_a_quote_ends_with_its_closing_quote(text: str, span: str) -> None:
    got = [m.text for m in analyse(text, language="ru", matcher=MATCHER).mentions if m.linked]
    assert got == [span]


# --- branch h/links13: a bare list of ports makes no tanker lane ------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [# ports listed as the objects of an upgrade: each port is the asset (rule 18), no tanker runs between them (rule 13)
     ("Oil exports rely on the CPC. The EU will fund upgrades of the ports of Aktau and Kuryk and the Port of Baku.", "en",
      {"cpc", "aktau", "kuryk", "alat"}),
     ("Das Öl fließt über das CPC. Die Regierung modernisiert die Häfen Kuryk und Alat bis 2028.", "de", {"cpc", "kuryk", "alat"}),
     ("Нефть идет через КТК. ЕС поддержит модернизацию портов Актау, Курык и Алят.", "ru", {"cpc", "aktau", "kuryk", "alat"}),
     # a shipment between the same ports is a lane with both ends (rule 13), listed or not
     ("Oil exports rely on the CPC. Tankers shuttle between Aktau and Baku.", "en", {"cpc", "aktau", "sangachal", "lane-aktau-baku"}),
     ("Oil exports rely on the CPC. Crude from Aktau and Kuryk goes to Baku by tanker.", "en",
      {"cpc", "aktau", "kuryk", "sangachal", "alat", "lane-aktau-baku", "lane-kuryk-alat"})],
)
def test_a_bare_list_of_ports_in_a_sentence_of_no_shipment_is_no_lane(text, language, expected):
    assert links(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [("Crude moves through the Baku-Tbilisi-Ceyhan (BTC) pipeline.", "en", [("Baku-Tbilisi-Ceyhan", "btc"), ("BTC", "btc")]),
     ("Das Öl fließt durch die Baku-Tiflis-Ceyhan (BTC) Pipeline.", "de", [("Baku-Tiflis-Ceyhan", "btc"), ("BTC", "btc")]),
     # a name spelled in full after the bracket is still one name ("the BTC pipeline" outside brackets)
     ("Crude moves through the BTC pipeline.", "en", [("BTC pipeline", "btc")])],
)
def test_a_name_does_not_run_out_of_brackets(text, language, expected):
    # the alias "BTC pipeline" matched "BTC) pipeline" across the closing bracket; the abbreviation in brackets is the name
    got = [(m.text, m.id) for m in analyse(text, language=language, matcher=MATCHER).mentions if m.linked]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [("Seit 2018 fliesst Gas durch die Tanap in die Türkei.", "de"),  # the abbreviation written as a word (Swiss/German press)
     ("7 Milliarden Euro hat die Tanap gekostet, die Gas aus Aserbaidschan nach Europa bringt.", "de"),
     ("Gas from Shah Deniz reaches Europe through Tanap and the Trans Adriatic Pipeline.", "en")],
)
def test_tanap_written_as_a_word_is_the_pipeline(text, language):
    assert "tanap" in links(text, language)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [# a paper's place sentence before the story ("Schwedt/Oder. Seit ..."), under a headline: where it was written
     ("Öl für die Uckermark\nSchwedt/Oder. Die Raffinerie in Schwedt bekommt mehr Öl über die Druschba.", "de",
      [("Schwedt", "schwedt"), ("Druschba", "druzhba-samara-schwedt")]),
     ("Aqtau. Über den Hafen Aktau wurde mehr Öl nach Baku verschifft.", "de",
      [("Aktau", "aktau"), ("Baku", "sangachal")]),
     # a place in the story's first sentence is no dateline ("Aktau port ..." has no full stop after the name)
     ("Aktau port shipped more oil to Baku.", "en", [("Aktau port", "aktau"), ("Baku", "sangachal")])],
)
def test_a_one_word_place_sentence_at_the_head_is_a_dateline(text, language, expected):
    got = [(m.text, m.id) for m in analyse(text, language=language, matcher=MATCHER).mentions if m.linked]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [# the commodity before "pipeline" in a Southern Gas Corridor line's name (as officials and wires write it)
     ("Shah Deniz gas flows to Turkey through the South Caucasus gas pipeline.", {"scp"}),
     ("Turkey opened the Trans-Anatolian gas pipeline, which bypasses Russia.", {"tanap"}),
     ("Italy backs the Trans Adriatic gas pipeline that brings Azerbaijani gas to Apulia.", {"tap"})],
)
def test_a_gas_corridor_lines_name_with_gas_before_pipeline(text, expected):
    assert links(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [# a town as the landmark of another place: a compass point or a distance before it
     ("Kazakhstan ships oil via the CPC. A new oil terminal is going up at Kuryk, some 70 km south of Aktau.", "en", {"cpc", "kuryk"}),
     ("Kasachstan exportiert Öl über das CPC. Im Hafen Kuryk, südlich von Aktau, entsteht ein Ölterminal.", "de", {"cpc", "kuryk"}),
     ("Казахстан экспортирует нефть через КТК. В порту Курык, в 70 км от Актау, строят нефтяной терминал.", "ru", {"cpc", "kuryk"}),
     ("Казахстан экспортирует нефть через КТК. Порт Курык расположен к югу от Актау.", "ru", {"cpc", "kuryk"}),
     # the same town as a shipment's origin stays the port
     ("Kazakhstan ships oil via the CPC. Tankers carry oil from Aktau to Baku.", "en", {"cpc", "aktau", "sangachal", "lane-aktau-baku"})],
)
def test_a_town_named_as_a_landmark_is_the_town(text, language, expected):
    assert links(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [# an event named after the town: the town, not its oil terminal or port
     ("Kazakhstan ships oil via the CPC. Opening the Baku Energy Week, SOCAR's head said BTC exports would rise.", "en",
      {"cpc", "btc"}),
     ("Kasachstan exportiert Öl über das CPC. Auf der Baku Energy Week sprach der Minister über Ölexporte.", "de", {"cpc"}),
     ("Kazakhstan ships oil via the CPC. The Atyrau Oil and Gas Exhibition opened with talks on exports.", "en", {"cpc"}),
     # the town's name followed by a sentence that starts with such a word is still the terminal
     ("Kazakhstan ships oil via the CPC. Tankers take oil from Aktau to Baku. Energy exports rose.", "en",
      {"cpc", "aktau", "sangachal", "lane-aktau-baku"})],
)
def test_an_event_named_after_a_town_is_the_town(text, language, expected):
    assert links(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [# a person's trip to the capital, or talks held there: the town, not the Sangachal terminal
     ("Kazakhstan ships oil via the CPC. During his visit to Baku, the minister discussed oil shipments.", "en", {"cpc"}),
     ("Kazakhstan ships oil via the CPC. The premier visited Baku to promote oil transit.", "en", {"cpc"}),
     ("Kasachstan exportiert Öl über das CPC. Tokajew reiste nach Baku, um über Ölexporte zu sprechen.", "de", {"cpc"}),
     ("Kazakhstan ships oil via the CPC. In Baku, the two presidents discussed oil exports.", "en", {"cpc"}),
     ("Казахстан экспортирует нефть через КТК. Министр прибыл в Баку, чтобы обсудить экспорт нефти.", "ru", {"cpc"}),
     # tankers travel and arrive too: their Baku stays the terminal
     ("Kazakhstan ships oil via the CPC. Tankers travel to Baku with Kazakh oil.", "en", {"cpc", "sangachal"}),
     ("Казахстан экспортирует нефть через КТК. Танкер с нефтью прибыл в Баку.", "ru", {"cpc", "sangachal"})],
)
def test_a_trip_to_the_capital_or_talks_there_is_the_town(text, language, expected):
    assert links(text, language) == expected


@pytest.mark.parametrize(("sentence", "lang", "expected"), [
    # the line's commodity inside the German compound or before "pipeline", though no alias is written so
    ("Die Südkaukasus-Gaspipeline soll bis 2027 mehr Gas liefern.", "de", {"scp"}),
    ("Die Transadriatische Gaspipeline bringt Gas nach Italien.", "de", {"tap"}),
    ("Über die Baku-Supsa-Ölpipeline fließt wieder Öl.", "de", {"wrep"}),
    ("The Kenkiyak–Kumkol oil pipeline is being expanded.", "en", {"kcp-kenkiyak-kumkol"}),
    # a one-word sea name gets no commodity form: "a Caspian oil pipeline" is any line under the sea
    ("Turkmenistan wants a Caspian oil pipeline of its own.", "en", set()),
])
def test_a_lines_name_with_its_commodity_word(sentence: str, lang: str, expected: set[str]) -> None:
    assert links(sentence, lang) == expected


# --- branch h/links14: fixes tuned on batch 14 (extraction_links_holdout14.yaml); sentences of their own ---------------
# One table of cases, by the rule each one checks (its name is part of the test id: ``-k vessel_word`` runs that rule's cases).
_LINKS14: dict[str, list[tuple[str, str, set[str]]]] = {
    "a_clause_does_not_reach_into_earlier_sentences": [
        # a clause of contrast in one sentence must not reach back into earlier sentences: the CPC of sentences 1-2 is no
        # evidence for the clause "Urals via Novorossiysk ..." of sentence 3, whose own grade (Urals) is Transneft's
        ("The CPC line was hit by drones. CPC Blend loadings fell. Urals cargoes via Novorossiysk kept moving; the Transneft "
         "berths are further east.", "en", {"cpc", "sheskharis"}),
        ("Das CPC meldete Schäden. Die Sorte CPC Blend wurde teurer. Rohöl der Sorte Urals wurde über Noworossijsk weiter "
         "verladen, während die Bojen repariert wurden.", "de", {"cpc", "sheskharis"}),
        # the counterpart: the CPC in the clause itself still makes the town the CPC terminal
        ("The CPC line was hit by drones. Loadings of CPC Blend at Novorossiysk fell; Urals prices rose.", "en",
         {"cpc", "cpc-marine-terminal"}),
    ],
    "an_abbreviation_followed_by_an_amount_is_the_asset": [
        # an abbreviation followed by an amount with its unit is the asset's volume (statistics written as lists)
        ("Kazakh crude exports in October by grade: CPC 4.9 million tonnes, KEBCO 0.3 million tonnes.", "en", {"cpc", "uas"}),
        ("Rohöleinfuhren aus Kasachstan: KEBCO 0,4 Mio. t, CPC Blend 0,8 Mio. t.", "de", {"uas", "cpc"}),
        # a number without a unit after it stays part of another name: the stock index, in an oil story too
        ("The CAC 40 fell 1.2% as Brent crude rose.", "en", set()),
        ("Der CAC 40 schloss im Minus, Rohöl wurde teurer.", "de", set()),
    ],
    "georgia_is_no_cargo": [
        # «Грузии» (Georgia's) is no «груз» (cargo): the sentence is of no port's business
        ("Тренер сборной Грузии объявил состав на сборы в Батуми.", "ru", set()),
        ("Премьер-министр Грузии открыл в Батуми новый университет.", "ru", set()),
        # cargo itself still is
        ("Через Батуми идут грузы в Армению.", "ru", {"batumi"}),
        ("В порту Батуми грузили зерно.", "ru", {"batumi"}),
    ],
    "a_fields_name_that_is_a_persons_makes_no_oil_sentence": [
        # a field's name that is a person's here makes no oil sentence of the towns beside it
        ("Kazakhstan ships oil via the CPC. Tengiz Gabunia, the coach, took his squad to Batumi.", "en", {"cpc"}),
        ("Казахстан экспортирует нефть через КТК. Тренер Тенгиз Габуния провёл с командой сборы в Батуми.", "ru", {"cpc"}),
        # the field itself does: its oil and the port it goes to
        ("Kazakhstan ships oil via the CPC. Tengiz crude also goes by rail to Batumi.", "en", {"cpc", "tengiz", "batumi"}),
    ],
    "a_name_after_a_vessel_word_is_a_ship": [
        # a vessel word right before a name: the ship's name (ships are named after towns, fields and lines)
        ("The crude tanker Atyrau ran aground off Makhachkala port with 5,000 tonnes of oil.", "en", {"makhachkala"}),
        ("Der Tanker „Kashagan“ hat im Hafen Aktau Rohöl geladen.", "de", {"aktau"}),
        ("Танкер «Самара» с дизельным топливом задержан в Босфоре у Стамбула.", "ru", {"lane-black-sea-bosphorus"}),
        ("A chemical carrier named Druzhba collided with a barge on the Danube.", "en", set()),
        # no vessel word, or a plural, or a route after it: the place
        ("Tankers carried Kazakh crude from Aktau to Makhachkala port.", "en", {"aktau", "makhachkala", "lane-aktau-makhachkala"}),
        ("The tanker Aktau–Makhachkala service carried more crude.", "en", {"aktau", "makhachkala", "lane-aktau-makhachkala"}),
    ],
    "ncoc_in_russian_is_kashagan": [
        # NCOC in Russian: «НКОК», «Норт Каспиан Оперейтинг Компани» (mgorod-kashagan-ncoc), the Kashagan operator
        ("Казахстан экспортирует нефть через КТК. НКОК планирует увеличить добычу на море.", "ru", {"cpc", "kashagan"}),
        ("«Норт Каспиан Оперейтинг Компани» нарастила добычу нефти на 4%.", "ru", {"kashagan"}),
        # an abbreviation in a story of no energy stays unlinked, as «КТК» does
        ("В НКОК сменился директор по персоналу.", "ru", set()),
    ],
    "a_junctions_town_with_a_refinery_word_is_the_towns_refinery": [
        # a junction's town named with a refinery word is the town's refinery, not the pipeline node
        ("Kazakhstan ships oil via the CPC. Pipeline deliveries of crude to the refineries of Pavlodar and Shymkent rose 3%.", "en",
         {"cpc"}),
        ("Kasachstan exportiert Öl über das CPC. Per Pipeline erhielt die Raffinerie in Atyrau mehr Rohöl.", "de", {"cpc"}),
        ("Казахстан экспортирует нефть через КТК. По трубопроводу нефть на НПЗ в Шымкенте поступала по графику.", "ru", {"cpc"}),
        ("Казахстан экспортирует нефть через КТК. Отгрузки нефти в Атырау и Павлодар на нефтеперерабатывающие заводы выросли.",
         "ru", {"cpc"}),
        # a pipeline's node in the same story stays the junction (the refinery word names another town's plant)
        ("Kazakhstan ships oil via the CPC. Crude is pumped from Atyrau to Samara and on to the Schwedt refinery.", "en",
         {"cpc", "atyrau", "samara", "schwedt"}),
        ("Казахстан экспортирует нефть через КТК. Нефть по трубопроводу идёт из Атырау в Самару.", "ru", {"cpc", "atyrau", "samara"}),
    ],
    "a_name_ends_with_its_sentence": [
        # a name ends with its sentence: an abbreviation before a sentence that opens with "Pipeline" keeps its own match
        # (the longer alias "CPC pipeline" ran across the full stop and was dropped whole, losing "CPC" too)
        ("Oil goes west via the BTC. Pipeline repairs in Georgia end next week.", "en", {"btc"}),
        ("Kasachstan exportiert Öl über das CPC. Pipeline-Reparaturen dauern an.", "de", {"cpc"}),
        # within one sentence the longer alias still wins
        ("Repairs on the CPC pipeline end next week.", "en", {"cpc"}),
    ],
    "carrying_goods_to_a_port_is_its_business": [
        # carrying goods to a port by sea is the port's business, though no cargo word is written
        ("Мы возим в Актау всё, что закажут клиенты.", "ru", {"aktau"}),
        ("Часть партии перевезли в Курык на баржах.", "ru", {"kuryk"}),
        # as "shipped to" and "verschifft" were already
        ("Most of it was shipped to Kuryk last week.", "en", {"kuryk"}),
        ("Der Rest wurde nach Aktau verschifft.", "de", {"aktau"}),
        # people carried there stay the town's visitors
        ("Туристов возили в Актау на автобусах.", "ru", set()),
    ],
    "a_rail_word_counts_in_its_own_list_item": [
        # a rail item of a list split by semicolons makes no rail leg of a Baku in another item: the tanker lane stays
        ("Oil exports by route: CPC 4.1 mln t; tankers from Aktau to Baku 0.2 mln t; by rail 0.3 mln t.", "en",
         {"cpc", "aktau", "sangachal", "lane-aktau-baku"}),
        ("Экспорт нефти: КТК – 4,1 млн т; танкерами из Актау в Баку – 0,2 млн т; по железной дороге – 0,3 млн т.", "ru",
         {"cpc", "aktau", "sangachal", "lane-aktau-baku"}),
        # the rail word in Baku's own item still makes Baku the start of the rail leg
        ("Экспорт нефти: КТК – 4,1 млн т; цистернами из Баку в Батуми – 0,3 млн т.", "ru", {"cpc", "batumi", "rail-baku-batumi"}),
    ],
    "a_chain_in_a_list_of_lines_and_figures": [
        # a figure after a dash ends no chain of places («Казахстан — Китай – 1,4 млн т»)
        ("Нефть: экспорт в направлении Казахстан — Китай – 1,4 млн т за квартал.", "ru", {"kcp-atasu-alashankou"}),
        # a chain that fits an oil and a gas line, in a sentence of no commodity word, takes the commodity of the other lines
        # named in that sentence
        ("Транзит за год: БТД – 2,1 млн т; Казахстан — Китай – 1,0 млн т; КТК – 5,0 млн т.", "ru",
         {"btc", "kcp-atasu-alashankou", "cpc"}),
        ("Транзит за год: САЦ – 20 млрд; Казахстан — Китай – 9 млрд; ББШ – 4 млрд.", "ru", {"cac", "cagp", "bbs"}),
        # lines of both commodities settle nothing
        ("Транзит за год: БТД – 2,1 млн; ББШ – 4 млрд; Казахстан — Китай – 9 млрд.", "ru", {"btc", "bbs"}),
    ],
    "a_mixed_case_dateline_with_a_date_is_no_mention": [
        # a dateline in mixed case with a written date and a dash (press releases): where the text was issued, no asset
        ("SOCAR reports October volumes\nBaku, November 5 – SOCAR exported more crude via the CPC in October.", "en", {"cpc"}),
        ("Baku, 5. November – Aserbaidschan hat im Oktober mehr Rohöl über das CPC exportiert.", "de", {"cpc"}),
        # the town in the text itself still names the terminal
        ("SOCAR exported more crude from Baku via BTC, the company said on November 5.", "en", {"sangachal", "btc"}),
    ],
    "a_german_adjective_on_a_place_name_of_several_words": [
        # a German adjective on the last word of a place name of several words, as on one-word names ("Schwedter Raffinerie")
        ("Der Ust-Lugaer Ölhafen hat im Oktober mehr Rohöl verladen.", "de", {"ust-luga"}),
        # the town's civic life stays the town
        ("Der Ust-Lugaer Bürgermeister eröffnete ein Stadtfest.", "de", set()),
    ],
    "the_pck_refinery_by_its_short_name": [
        # the refinery by its company's short name (PCK Raffinerie GmbH), as German papers write it
        ("Die PCK bekommt im Dezember mehr Rohöl über den Hafen Rostock.", "de", {"schwedt"}),
        ("Die PCK Raffinerie GmbH hat 2025 rund 11 Mio. t Rohöl verarbeitet.", "de", {"schwedt"}),
        # an abbreviation in a story of no energy is no refinery (PCK is also the Polish Red Cross)
        ("Das PCK schickte Helfer in das Hochwassergebiet.", "de", set()),
    ],
    "a_places_exonym_in_a_chain": [
        # a place's German exonym passes the same places as its own name: Baku-Tiflis-Erzurum is the South Caucasus line
        ("Aserbaidschanisches Gas fließt über die Leitung Baku-Tiflis-Erzurum in die Türkei.", "de", {"scp"}),
        # the oil line by the same exonym stays BTC
        ("Aserbaidschanisches Öl fließt über die Leitung Baku – Tiflis – Ceyhan ans Mittelmeer.", "de", {"btc"}),
    ],
    "german_loadings_are_a_trade_word": [
        # German "Verladung(en)" is a trade word as English "loadings" is ("verlade" matched "verladen" only): the CPC story's
        # Novorossiysk in a sentence of loadings is the CPC terminal
        ("Kasachstan exportiert Öl über das CPC. Die Verladungen bei Noworossijsk liefen weiter.", "de", {"cpc", "cpc-marine-terminal"}),
        ("Kazakhstan exports oil via the CPC. Loadings at Novorossiysk continued.", "en", {"cpc", "cpc-marine-terminal"}),
        # the town's own life stays the town
        ("Kasachstan exportiert Öl über das CPC. In Noworossijsk feierte die Stadt ihr Jubiläum.", "de", {"cpc"}),
    ],
    "freight_across_a_crossing_in_each_language": [
        # freight across a crossing in German and Russian, as "freight" in English: the crossing's business
        ("Die Fracht über Chorgos legte im Herbst zu.", "de", {"khorgos"}),
        ("Грузы через Хоргос за год выросли на 9%.", "ru", {"khorgos"}),
        ("Freight via Khorgos grew 9% in the autumn.", "en", {"khorgos"}),
        # Georgia's delegation is no cargo
        ("Делегация из Грузии посетила Хоргос.", "ru", set()),
    ],
    "a_venue_or_street_named_after_an_asset": [
        # a hotel, a street or a town's part named after a field or a line (found by probing traps of real pages)
        ("Kazakhstan exports oil via the CPC. The Hotel Tengiz in Atyrau was renovated.", "en", {"cpc"}),
        ("Казахстан экспортирует нефть через КТК. На улице Тенгизской открыли школу.", "ru", {"cpc"}),
        ("Kasachstan exportiert Öl über das CPC. Die Druschba-Siedlung in Eisenhüttenstadt wird saniert.", "de", {"cpc"}),
        # the field and the line themselves
        ("Kazakhstan exports oil via the CPC. Tengiz output rose 3%.", "en", {"cpc", "tengiz"}),
        ("Kasachstan exportiert Öl über das CPC. Die Druschba-Leitung ist wieder in Betrieb.", "de",
         {"cpc", "druzhba-samara-schwedt"}),
    ],
    "a_mooring_is_a_trade_word_in_each_language": [
        # a mooring ("Boje", "Einpunktverankerung", «ВПУ», «причальное устройство») speaks of loading, as "mooring" does
        ("Der CPC-Betreiber meldete eine Reparatur an einer Boje vor Noworossijsk.", "de", {"cpc", "cpc-marine-terminal"}),
        ("Das CPC meldete Schäden an einer Einpunktverankerung vor Noworossijsk.", "de", {"cpc", "cpc-marine-terminal"}),
        ("КТК сообщил о ремонте ВПУ у Новороссийска.", "ru", {"cpc", "cpc-marine-terminal"}),
        ("The CPC operator reported a repair at a mooring off Novorossiysk.", "en", {"cpc", "cpc-marine-terminal"}),
        # a buoy of a beach is no mooring of oil: no asset named there
        ("Am Strand von Sotschi wurde eine neue Boje verankert.", "de", set()),
    ],
}


def test_a_name_does_not_run_over_a_colon():
    # "CPC: Marine Terminal ..." (a release's title: subject, colon, text) names the consortium, not "CPC Marine Terminal"
    ex = analyse("CPC: Marine Terminal loaded 5.2 mln t of oil in November.", language="en", matcher=MATCHER)
    assert [(m.text, m.id) for m in ex.mentions] == [("CPC", "cpc")]


# --- branch h/links15: fixes tuned on batch 15 (extraction_links_holdout15.yaml); sentences of their own ---------------
# As _LINKS14: one table by rule (``-k list_of_ships`` runs that rule's cases); each rule has a counterpart that must stay.
_LINKS15: dict[str, list[tuple[str, str, set[str]]]] = {
    "a_russian_abbreviation_of_the_karachaganak_operator": [
        ("Конденсат КПО идет на экспорт по системе КТК.", "ru", {"karachaganak", "cpc"}),
        ("«Карачаганак Петролиум Оперейтинг» сдает нефть в систему КТК.", "ru", {"karachaganak", "cpc"}),
        ("В КПО прошла ярмарка вакансий для студентов.", "ru", set()),
    ],
    "an_accusative_noun_keeps_its_stem": [
        ("Казахстанская нефть идет в Балтийскую трубопроводную систему.", "ru", {"transneft-samara-primorsk"}),
        ("Весь объем закачали в Балтийскую трубопроводную систему-2.", "ru", {"transneft-samara-ust-luga"}),
    ],
    "a_lower_case_town_adjective_before_a_facility_word": [
        ("На тихорецком узле вновь запустили прокачку нефти.", "ru", {"tikhoretsk"}),
        ("Объем новороссийского экспорта нефти вырос на 5%.", "ru", {"sheskharis"}),
        ("Через приморский порт за месяц отгрузили 3 млн т нефти.", "ru", {"primorsk"}),
        ("В приморских городах нефтяники отдыхают летом.", "ru", set()),
        ("Приморский бульвар закрыли, нефтебаза работает.", "ru", set()),
    ],
    "an_institution_named_after_a_town": [
        ("Atyrau University hosted a course on pipeline engineering.", "en", set()),
        ("Новороссийский городской суд рассмотрел дело о разливе нефти с танкера.", "ru", set()),
        ("Das Aktau Museum zeigt Modelle von Öltankern.", "de", set()),
        ("Новороссийский морской порт отгрузил 2 млн т нефти.", "ru", {"sheskharis"}),
    ],
    "a_list_of_ships": [
        ("Sanctions hit the tankers Samara, Unecha and Primorsk, which carried Russian crude.", "en", set()),
        ("Под санкции попали танкеры «Усть-Луга» и «Унеча», перевозившие нефть.", "ru", set()),
        ("The Suezmaxes Atyrau and Tengiz Star loaded crude in the Black Sea.", "en", set()),
        ("Tankers loaded crude at Primorsk and Ust-Luga.", "en", {"primorsk", "ust-luga"}),
        ("Aframax CPC Blend rates rose.", "en", {"cpc"}),
    ],
    "a_terminal_town_with_russian_loading_words": [
        ("В Новороссийске за неделю погрузили 1,2 млн т нефти.", "ru", {"sheskharis"}),
        # no oil word, no tanker word: the loading verb alone makes the town's terminal
        ("Суда из санкционного списка чаще всего грузятся в Новороссийске.", "ru", {"sheskharis"}),
        ("Делегация Грузии посетила Новороссийск.", "ru", set()),
    ],
    "a_junction_in_a_sentence_of_transneft": [
        ("Kasachisches Rohöl gelangt in Samara ins Transneft-System.", "de", {"samara"}),
        ("In Samara the crude enters the Transneft network.", "en", {"samara"}),
        ("In Samara eröffnete ein neues Eisstadion.", "de", set()),
    ],
    "a_person_from_a_town_is_the_town": [
        ("Ein Ingenieur aus Aktau erzählte von seiner Arbeit auf Öltankern.", "de", set()),
        ("An engineer from Atyrau recalled his years at a pipeline company.", "en", set()),
        ("Öl aus Atyrau fließt über die Leitung nach Samara.", "de", {"atyrau", "samara"}),
    ],
    "a_venue_or_a_gloss_of_druzhba": [
        ("Im Café Druschba in Leipzig gibt es Soljanka; der Wirt war früher Ölarbeiter.", "de", set()),
        ('Officials named the exchange programme "Friendship" (Druzhba) and discussed oil supplies.', "en", set()),
        ('Oil flows through the Friendship ("Druzhba") pipeline to Poland.', "en", {"druzhba-samara-schwedt"}),
        # «Дружба народов» (friendship of peoples: an order, a university, a magazine) in a story of oil workers
        ("Выпускники Университета Дружбы народов пришли работать к нефтяникам КМГ.", "ru", set()),
        ("Директору нефтепроводной компании вручили орден Дружбы народов.", "ru", set()),
        ("Нефть из Казахстана идет по «Дружбе» народным предприятиям Германии.", "ru", {"druzhba-samara-schwedt"}),
    ],
    "a_club_named_after_a_town": [
        ("FC Aktobe beat FK Atyrau at a stadium built by an oil company.", "en", set()),
        ("The stadium of FC Caspiy Aktau was paid for by an oil company.", "en", set()),
    ],
    "a_shipment_to_another_place_runs_on_no_lane": [
        ("Oil went by tanker from Aktau to Astrakhan, and the rest through the port of Makhachkala.", "en", {"aktau", "makhachkala"}),
        ("Tankers from Aktau to Astrakhan and Makhachkala carried oil.", "en", {"aktau", "makhachkala", "lane-aktau-makhachkala"}),
        ("Нефть возили танкерами из Актау в Махачкалу.", "ru", {"aktau", "makhachkala", "lane-aktau-makhachkala"}),
    ],
    "a_facility_named_with_its_kind_word_is_no_region": [
        # the kind word right after the name: the facility, though a region word follows for where it lies
        ("Fire broke out at the Unecha pumping station in the Bryansk region, officials said.", "en", {"unecha"}),
        ("Drohnen trafen die Pumpstation Tichorezk, ein Knoten im Gebiet Krasnodar.", "de", {"tikhoretsk"}),
        # without it, a list of places before a region word stays the regions of statistics
        ("Atyrau and Mangistau led the regions in oil output.", "en", set()),
    ],
    "two_assets_abbreviated_in_one_sentence_are_the_assets": [
        # a story of abbreviations only (no energy cue anywhere): two assets' abbreviations in one sentence are both
        ("Минэнерго: ТШО и КПО сократили добычу.", "ru", {"tengiz", "karachaganak"}),
        ("TCO and KPO trimmed output on CPC limits.", "en", {"tengiz", "karachaganak", "cpc"}),
        ("Laut Ministerium drosselten NCOC und TCO die Förderung.", "de", {"kashagan", "tengiz"}),
        # one abbreviation alone stays unlinked in such a story (a TV channel, a party)
        ("Телеканал КТК сменил сетку вещания.", "ru", set()),
    ],
    "a_kind_word_picks_the_kind_of_a_shared_name": [
        # "Kumkol" names a field and a pump station: the kind word right before it picks one
        ("Добыча на месторождении Кумколь снизилась, нефть идет в Китай.", "ru", {"kumkol-field"}),
        ("Через НПС «Кумколь» прокачали больше нефти.", "ru", {"kumkol"}),
        ("Das Öl wird über die Pumpstation Kumkol nach China gepumpt.", "de", {"kumkol"}),
    ],
    "a_port_listed_after_ports": [
        ("Нефть грузили в портах Усть-Луга и Новороссийск. Смесь CPC Blend подорожала.", "ru", {"ust-luga", "sheskharis", "cpc"}),
        ("Rohöl wurde in den Häfen Primorsk und Noworossijsk verladen. CPC Blend legte zu.", "de", {"primorsk", "sheskharis", "cpc"}),
    ],
}


# --- branch h/batch16: fixes tuned on batch 16 (extraction_links_holdout16.yaml); sentences of their own ---------------
# As _LINKS14 and _LINKS15: one table by rule, each rule with a counterpart that must stay.
_LINKS16: dict[str, list[tuple[str, str, set[str]]]] = {
    "a_strait_tells_no_terminal_of_its_sea": [
        # the Bosporus lane's one end in the data is Sheskharis; it carries every Black Sea terminal's cargoes alike
        ("Die Sorte CPC Blend wird nahe Noworossijsk auf Tanker verladen und durch den Bosporus gebracht.", "de",
         {"cpc", "cpc-marine-terminal", "lane-black-sea-bosphorus"}),
        ("CPC Blend cargoes loaded near Novorossiysk queue for the Bosphorus.", "en", {"cpc", "cpc-marine-terminal", "lane-black-sea-bosphorus"}),
        # with no line named the town's own oil harbour stays
        ("Urals loaded at Novorossiysk queued for the Bosphorus.", "en", {"sheskharis", "lane-black-sea-bosphorus"}),
        ("Танкеры с нефтью из Новороссийска ждут прохода через Босфор.", "ru", {"sheskharis", "lane-black-sea-bosphorus"}),
    ],
    "a_line_name_given_as_a_name": [
        ("Das Seebad, das früher Druschba hieß, liegt neben einer Ölraffinerie.", "de", set()),
        ("The resort, once called Druzhba, sits next to an oil refinery.", "en", set()),
        ("Курорт, который в советское время назывался «Дружба», соседствует с нефтебазой.", "ru", set()),
        # a line word before the naming: the line
        ("A pipeline known as Druzhba carries Kazakh oil to Germany.", "en", {"druzhba-samara-schwedt"}),
        ("Нефть идет в Германию по нефтепроводу под названием «Дружба».", "ru", {"druzhba-samara-schwedt"}),
        # the name opening its clause is the subject of the verb: it is named, not given as a name
        ("Druschba heißt auf Deutsch Freundschaft; die Leitung bringt Öl nach Schwedt.", "de", {"druzhba-samara-schwedt", "schwedt"}),
        ("The station, then named Druzhba, handled oil wagons to China.", "en", set()),
        # "heißt das" / "heißt es" is "this means", no naming
        ("Für Druschba heißt das, dass weniger Öl nach Schwedt fließt.", "de", {"druzhba-samara-schwedt", "schwedt"}),
    ],
    "a_long_abbreviation_in_title_case": [
        ("Pipeline deliveries of Kazakh Kebco through the northern leg of Druzhba averaged 150,000 t a month.", "en",
         {"uas", "druzhba-samara-schwedt"}),
        ("Die Ölsorte Kebco wurde mit einem Abschlag zu Brent gehandelt.", "de", {"uas"}),
        # three letters stay case-exact: "tap" and "Tap" are words
        ("A new Tap Room bar opened, and the gas price rose.", "en", set()),
    ],
    "a_field_name_before_a_surname_is_a_person": [
        ('"Exports via the CPC are at risk," said Tengiz Abenov.', "en", {"cpc"}),
        ("«Экспорт через КТК под угрозой», – сказал Тенгиз Жакупов.", "ru", {"cpc"}),
        ("Der Export über das CPC sei gefährdet, sagte Tengis Beridse.", "de", {"cpc"}),
        ("Exports of Tengiz crude via the CPC are at risk, said Aidar Abenov.", "en", {"tengiz", "cpc"}),
        ("Output at Kashagan Phase 1 rose; exports via the CPC rose too.", "en", {"kashagan", "cpc"}),
    ],
    "a_town_word_in_apposition": [
        ("I set off from Schwedt, a town better known for its oil refinery than for its river, on a grey morning.", "en", set()),
        ("Wir starteten in Schwedt, einer Stadt mit Raffinerie, zur Kanutour.", "de", set()),
        ("Die Tour beginnt in Schwedt, eine Kleinstadt, die für ihre Ölraffinerie bekannt ist.", "de", set()),
        # the facility's business outside the apposition keeps the facility; a port city is the port's town
        ("Oil is loaded at Primorsk, a small town on the Gulf of Finland.", "en", {"primorsk"}),
        ("Die Raffinerie in Schwedt, einer Stadt an der Oder, erhält Öl über die Druschba.", "de", {"schwedt", "druzhba-samara-schwedt"}),
        ("Crude exports through Aktau, a port city on the Caspian, rose 5%.", "en", {"aktau"}),
        # after "via", or with oil named outside the apposition: the facility
        ("Oil exports through Novorossiysk, a city on the Black Sea, fell.", "en", {"sheskharis"}),
        ("Экспорт нефти через Новороссийск, город на Черном море, снизился.", "ru", {"sheskharis"}),
        ("Kazakh oil reached Schwedt, a town on the Oder, in record volumes.", "en", {"schwedt"}),
        ("Exports through Novorossiysk, a city on the Black Sea, fell.", "en", {"sheskharis"}),
    ],
    "a_price_at_a_terminal_town": [
        ("Дисконт Urals к Brent в портах Балтики составил $11,2, следует из данных Argus. В Новороссийске дисконт составил $10,4.",
         "ru", {"sheskharis"}),
        ("Urals traded at a discount in the Baltic. In Novorossiysk the discount was 10 dollars.", "en", {"sheskharis"}),
        ("Der Abschlag für Urals lag in Primorsk bei 12 Dollar.", "de", {"primorsk"}),
        # no price, no terminal: the town
        ("Скидки в магазинах Новороссийска выросли.", "ru", set()),
        ("Urals traded at a discount in the Baltic. In Novorossiysk a new school opened.", "en", set()),
        # a price of no grade, benchmark or barrel is no oil price
        ("A discount airline now flies to Aktau.", "en", set()),
        ("Ein Discounter eröffnete in Aktau.", "de", set()),
        ("In a letter dated 5 May, the airline offered a discount on flights to Aktau.", "en", set()),
        # a price with no grade right after a Urals sentence is the Urals price, though the story names the CPC later
        ("Дисконт Urals к Brent в портах Балтики сократился, следует из данных Argus. В Новороссийске дисконт составил $10,4.\n"
         "Смесь CPC Blend торговалась с дисконтом около $3.", "ru", {"sheskharis", "cpc"}),
        ("Urals traded at a wide discount to Brent in the Baltic, traders said. In Novorossiysk the discount was 10 dollars.\n"
         "CPC Blend traded 3 dollars under Brent.", "en", {"sheskharis", "cpc"}),
        # the CPC named in the price's own sentence: its terminal
        ("Urals traded at a wide discount in the Baltic, traders said. In Novorossiysk, the CPC terminal quoted a discount of 3 dollars.",
         "en", {"cpc-marine-terminal"}),
    ],
    "a_facility_after_its_kind_word_is_no_region": [
        # batch 15's rule with the kind word before the name (Russian order); «ЛПДС» (a line's pumping station) is a kind word
        ("Беспилотники атаковали ЛПДС «Унеча» в Брянской области.", "ru", {"unecha"}),
        ("Ночью атаке подверглась станция «Унеча» в Брянской области.", "ru", {"unecha"}),
        ("Унеча и Клинцы лидируют среди городов Брянской области по зарплатам.", "ru", set()),
    ],
    "a_place_in_the_name_of_a_line_the_data_does_not_hold": [
        # labelling rule 12 for lines outside the data: the places name the line, not points (h16-de-07's "Leitung Rostock–Schwedt")
        ("Die Ölleitung Rostock–Schwedt soll mehr Öl transportieren.", "de", set()),
        ("Die Ölleitung Schwedt–Rostock soll mehr Öl transportieren.", "de", set()),
        ("The Kenkiyak–Orsk oil pipeline was repaired.", "en", set()),
        ("Нефтепровод Тихорецк – Туапсе остановлен после атаки.", "ru", set()),
        # a line of the data by its places, a place beside a line word with no chain, the refinery by its name: kept
        ("Oil flows through the Kenkiyak–Atyrau pipeline.", "en", {"kcp-atyrau-kenkiyak"}),
        ("Die Pipeline nach Schwedt wurde repariert.", "de", {"schwedt"}),
        ("Die Leitung Rostock–Schwedt versorgt die PCK-Raffinerie.", "de", {"schwedt"}),
    ],
    "a_german_town_hall_is_the_towns_life": [
        # "Rathaus" and "Stadtverordnete" as "city hall" and «мэрия»: the town's civic life (h16-de-08's "Schwedter Rathaus")
        ("Im Schwedter Rathaus hofft man auf mehr Öl aus Kasachstan.", "de", set()),
        ("Die Stadtverordneten in Schwedt beraten über Öl aus Kasachstan.", "de", set()),
        ("Im Rathaus hieß es, die Raffinerie in Schwedt erhalte Rohöl über die Druschba.", "de", {"schwedt", "druzhba-samara-schwedt"}),
    ],
}


# --- branch h/batch17: fixes tuned on batch 17 (extraction_links_holdout17.yaml); sentences of their own ---------------
# As _LINKS14-16: one table by rule, each rule with a counterpart that must stay.
_LINKS17: dict[str, list[tuple[str, str, set[str]]]] = {
    "cyrillic_tells_z_from_s": [
        # the key folds З and С alike (German "Tengis"); in Cyrillic «осень» (autumn) is no «Озен» (h17-ru-08's «Осенняя»)
        ("Осенняя путина в дельте Волги начнется позже.", "ru", set()),
        ("Осенью прокачка нефти по КТК снизилась.", "ru", {"cpc"}),
        ("Осень выдалась штормовой, отгрузки нефти в Новороссийске срывались.", "ru", {"sheskharis"}),
        # the field's own spellings, in any case, and a place adjective with an "s" after the name's "z"
        ("Добыча нефти на месторождении Озен упала.", "ru", {"uzen"}),
        ("Нефть с месторождения Узень поступает в Атырау.", "ru", {"uzen", "atyrau"}),
        ("Экспорт нефти Тенгизского месторождения по КТК вырос.", "ru", {"tengiz", "cpc"}),
        ("Газ идет в Китай через Хоргос, часть закачивают в хранилище Бозой.", "ru", {"khorgos", "bozoi"}),
    ],
    "a_coast_is_a_landmark": [
        # "the coast of X", «у побережья X и Y»: where the shore is, in a sentence of no business of the facility (h17-ru-08)
        ("Уровень Каспийского моря продолжает снижаться: у побережья Атырау и Актау отмель отступила на сотни метров.", "ru", set()),
        ("The Caspian keeps shrinking: the shore near Atyrau has moved by a kilometre, and oil exports continue.", "en", set()),
        ("Der Kaspische See schrumpft, die Küste vor Aqtau ist um Hunderte Meter zurückgewichen; der Ölexport geht weiter.", "de",
         set()),
        # the facility's business in the sentence keeps it
        ("Tankers anchored off the coast of Novorossiysk waited to load CPC Blend.", "en", {"cpc", "cpc-marine-terminal"}),
        ("Танкеры у побережья Новороссийска ждут погрузки нефти.", "ru", {"sheskharis"}),
        ("Öl wird weiterhin über den Hafen an der Küste bei Aqtau exportiert.", "de", {"aktau"}),
        ("Oil exports through Aktau, on the Caspian coast, continue to grow.", "en", {"aktau"}),
    ],
    "freight_rides_no_oil_leg": [
        # general freight ("Fracht", "Güter", "freight", «грузы») by rail from Alat is no oil rail leg, as a ferry of
        # containers runs on no tanker lane (h17-de-04); the ports stay (labelling rule 18)
        ("Der Hafen Kuryk baut ein Terminal. Von Alat aus geht die Fracht per Bahn weiter nach Batumi.", "de",
         {"kuryk", "alat", "batumi"}),
        ("Der Hafen Kuryk baut ein Terminal. Ab Alat rollen Güterzüge nach Batumi.", "de", {"kuryk", "alat", "batumi"}),
        ("The Kuryk terminal grew. From the Port of Baku, freight moves by rail to Batumi.", "en", {"kuryk", "alat", "batumi"}),
        ("Терминал в Курыке растет. Из Алята грузы идут по железной дороге в Батуми.", "ru", {"kuryk", "alat", "batumi"}),
        # freight is a port's business: the port, not the town
        ("Von Alat aus geht die Fracht per Bahn weiter nach Batumi.", "de", {"alat", "batumi"}),
        # oil or a tanker named with the freight keeps the leg or the lane ("freight brokers" of a tanker market)
        ("Der Hafen Kuryk baut ein Terminal. Die Fracht, Rohöl in Kesselwagen, geht von Baku per Bahn nach Batumi.", "de",
         {"kuryk", "batumi", "rail-baku-batumi"}),
        ("Shippers booked tankers at Aktau for cargoes to Baku, freight brokers said.", "en", {"aktau", "sangachal", "lane-aktau-baku"}),
        ("Нефтеналивные грузы из Актау в Баку идут танкерами.", "ru", {"aktau", "sangachal", "lane-aktau-baku"}),
    ],
    "lorries_are_cargo": [
        # what a ro-ro ferry carries: "trucks", "Lkw", «фуры» make a sentence of cargo, and its ports the ports (rule 18)
        ("Ferries from Kuryk carry trucks and wagons to Alat.", "en", {"kuryk", "alat"}),
        ("Fähren bringen Lkw von Kuryk nach Alat.", "de", {"kuryk", "alat"}),
        ("Паромы из Курыка перевозят фуры в Алят.", "ru", {"kuryk", "alat"}),
        # no cargo named: a ferry between towns
        ("Ferries from Kuryk sail to Alat.", "en", set()),
        # trucks of crude are oil: the junctions of an oil sentence stay
        ("Tanker trucks bring crude from Kumkol to the Atasu pumping station.", "en", {"kumkol", "atasu"}),
    ],
    "a_route_word_names_a_route_only_in_a_chain": [
        # (probing beyond the batch) a place right after a rail word ("Grenzbahnhof", "per Bahn") with no dash chain is the
        # station or where the goods go, not a railway the data does not hold; a border station's chain is its crossing
        ("Im Grenzbahnhof Dostyk stauen sich die Containerzüge.", "de", {"alashankou"}),
        ("Am Grenzbahnhof Dostyk–Alaschankou stauen sich die Containerzüge.", "de", {"alashankou"}),
        ("На пограничной станции Достык — Алашанькоу скопились контейнерные поезда.", "ru", {"alashankou"}),
        ("Die Container erreichen per Bahn Aktau und gehen dort auf Fähren.", "de", {"aktau"}),
        # the railway named by its places stays no point (batch 12's «Достык — Мойынты», the Baku–Tbilisi–Kars railway)
        ("Die Eisenbahn Dostyk–Moiynty entlastet den Grenzübergang.", "de", set()),
        ("Строительство железнодорожной линии Достык — Мойынты завершено, контейнеры идут быстрее.", "ru", set()),
        ("The railway Baku–Tbilisi–Kars carries containers.", "en", set()),
    ],
}


# --- branch h/batch18: fixes tuned on batch 18 (extraction_links_holdout18.yaml); sentences of their own ---------------
# As _LINKS14-17: one table by rule, each rule with a counterpart that must stay. Expected sets by hand: a work's, a venue's
# or a person's name gives nothing; the asset named beside it in a sentence of its business is linked as before.
_LINKS18: dict[str, list[tuple[str, str, set[str]]]] = {
    "a_work_or_camp_is_named_so": [
        # a line's one-word name right after a word of a book, film, song, chapter or camp (h18-de-07's chapter „Druschba“)
        ("Der Film „Druschba“ erzählt von Ölarbeitern an der Wolga.", "de", set()),
        ("Das Lied „Druschba“ sangen die Ölarbeiter.", "de", set()),
        ("В кинотеатре показали фильм «Дружба» о строителях нефтепровода.", "ru", set()),
        # the refinery named in the other clause stays (oil reaches it)
        ("The novel Druzhba follows a pipeline welder's family; oil from Russia still reaches Schwedt.", "en", {"schwedt"}),
        # the line named in its own words stays, beside a work or after one
        ("Роман «Дружба» вышел в издательстве; нефть по «Дружбе» в Германию идет по-прежнему.", "ru", {"druzhba-samara-schwedt"}),
        ("По нефтепроводу «Дружба» в Германию прошло 1,5 млн тонн нефти, говорится в книге.", "ru", {"druzhba-samara-schwedt"}),
    ],
    "a_venue_is_named_after_its_town": [
        # a town's name right after a word of a hotel, cinema, café, sanatorium (h18-de-06's Hotel „Aktau“): the venue
        ("В гостинице «Актау» поселили экипажи танкеров, которые ждут погрузки нефти.", "ru", set()),
        ("Traders met at the Hotel Samara, where crude loading schedules were discussed.", "en", set()),
        ("Im Kino „Schwedt“ lief ein Film über Öl.", "de", set()),
        # the port or junction named as such stays, also next to a hotel
        ("Экипажи танкеров ждут погрузки нефти в порту Актау.", "ru", {"aktau"}),
        ("Das Hotel liegt am Hafen Aktau, wo Tanker Rohöl laden.", "de", {"aktau"}),
        ("В гостинице «Атырау» прошла встреча нефтяников; нефть по-прежнему идет через Атырау в Самару.", "ru", {"atyrau"}),
    ],
    "a_guide_is_a_person": [
        # a field's one-word name after a guide's or driver's word, or with a person's word in apposition (h18-de-06)
        ("Our driver Tengiz, a former oil worker, took us to the coast.", "en", set()),
        ("Наш гид Тенгиз, бывший нефтяник, показал дорогу к морю.", "ru", set()),
        ("Der Fahrer Tengis erzählt von den Ölfeldern am Kaspischen Meer.", "de", set()),
        ("Tengiz, a retired engineer, says oil exports will grow.", "en", set()),
        # an apposition of the field, or a person's word that is no apposition, keeps it
        ("Tengis, das größte Ölfeld Kasachstans, liefert über die CPC-Leitung.", "de", {"tengiz", "cpc"}),
        ("Kashagan, a field that engineers call the most expensive in the world, exports oil via CPC.", "en", {"kashagan", "cpc"}),
        ("Oil from Tengiz, the workers said, flows to Novorossiysk via the CPC.", "en", {"tengiz", "cpc", "cpc-marine-terminal"}),
        ("Месторождение Тенгиз, крупнейшее в стране, дает треть нефти, идущей по КТК.", "ru", {"tengiz", "cpc"}),
        # a relative clause about workers is no apposition of a person; a growth driver is no person
        ("На Тенгизе, где бастуют нефтяники, добыча нефти упала.", "ru", {"tengiz"}),
        ("At Tengiz, where striking workers walked out, oil output fell.", "en", {"tengiz"}),
        ("Kazakhstan's main growth driver Tengiz raised oil output.", "en", {"tengiz"}),
        ("Tengiz Kazakhstani crude output rose.", "en", {"tengiz"}),
        ('"Exports via the CPC will grow," said Tengiz Chikovani.', "en", {"cpc"}),
    ],
    "an_abbreviation_spelled_after_it": [
        # words right after an abbreviation whose initials it is, with no word of oil, gas or a line and no asset's name
        # (h18-en-06's "CPC, the cost-per-click measure"): the story's other meaning, for every "CPC" in it
        ("CPC (cost per click) for oil brands rose 5%.", "en", set()),
        ("Kaspi's CPC, the cost-per-click rate of its ads, fell as oil-sector wages rose in Atyrau.", "en", set()),
        ("CPC – Cost per Click – ist für Ölkonzerne teurer geworden.", "de", set()),
        # spelled out as the asset, by an asset's name or with an energy word: kept
        ("The CPC (Caspian Pipeline Consortium) exported more oil.", "en", {"cpc"}),
        ("CPC, the Caspian Pipeline Consortium, shipped oil from Tengiz.", "en", {"cpc", "tengiz"}),
        ("NCOC (North Caspian Operating Company) raised output at Kashagan.", "en", {"kashagan"}),
        ("KEBCO (Kazakhstan Export Blend Crude Oil) is loaded at Ust-Luga.", "en", {"uas", "ust-luga"}),
        # another meaning of one spelling leaves the asset's longer name alone
        ("BTC (Business Tax Credit) claims fell, while oil via the BTC pipeline rose.", "en", {"btc"}),
    ],
    # (probing beyond the batch with Russian false friends, the batch's weakest language of late)
    "two_countries_affairs_are_no_line": [
        # a two countries' compound qualifying another noun is their affairs, no line (not a rule for the batch: its
        # «казахстанско-китайскому нефтепроводу» is a name with its line word)
        ("The Kazakhstan-China business council discussed oil supplies.", "en", set()),
        ("Казахстанско-китайские переговоры о поставках нефти продолжатся.", "ru", set()),
        ("В казахстанско-китайском торговом доме обсудили поставки нефти.", "ru", set()),
        ("Der kasachisch-chinesische Wirtschaftsrat sprach über Öllieferungen.", "de", set()),
        # with a word of a line or route after it (a commodity or two between) or before it: the line
        ("Oil flows via the Kazakhstan-China oil pipeline.", "en", {"kcp-atasu-alashankou"}),
        ("The Kazakhstan–China crude oil pipeline pumped more.", "en", {"kcp-atasu-alashankou"}),
        ("Öl fließt durch die Leitung Kasachstan–China.", "de", {"kcp-atasu-alashankou"}),
        ("По нефтепроводу Казахстан-Китай прокачано 10 млн тонн.", "ru", {"kcp-atasu-alashankou"}),
        ("Нефть идет по маршруту Казахстан — Китай.", "ru", {"kcp-atasu-alashankou"}),
        # a commodity's flows right after it: the line's flows (review)
        ("Kazakhstan-China crude flows rose in 2023.", "en", {"kcp-atasu-alashankou"}),
        ("Die Kasachstan-China Öllieferungen stiegen.", "de", {"kcp-atasu-alashankou"}),
        ("The Kazakhstan-China trade flows rose in 2023.", "en", set()),
    ],
    "a_quoted_company_opens_with_a_town": [
        # a town's name opening a quoted name of more capitalised words: a company («Достык Ойл»), not the crossing or port
        ("Компания «Достык Ойл» поставляет нефтепродукты на АЗС.", "ru", set()),
        ("ТОО «Атырау Транс Сервис» перевозит нефть в цистернах.", "ru", set()),
        # a kind word in the quote, or the quoted name alone, stays the facility
        ("АО «Актау Морской Торговый Порт» отгрузил нефть танкерами в Баку.", "ru", {"aktau", "sangachal", "lane-aktau-baku"}),
        ("Нефть сдается на ГНПС «Атырау» и идет в Самару.", "ru", {"atyrau", "samara"}),
        ("Нефть прошла через «Атырау» и «Самару».", "ru", {"atyrau", "samara"}),
        ('The "Aktau Port" terminal loaded oil tankers.', "en", {"aktau"}),
        # a kind word anywhere in the quote, a compound too ("Seaport", «Морпорт»): the facility (review of batch 18's rule)
        ('"Aktau Seaport" loaded oil tankers.', "en", {"aktau"}),
        ('"Novorossiysk Commercial Sea Port" loaded oil tankers.', "en", {"sheskharis"}),
        ("«Актау Морпорт» отгрузил нефть танкерами в Баку.", "ru", {"aktau", "sangachal", "lane-aktau-baku"}),
    ],
    "a_company_from_a_town": [
        # a company's word before "from" / «из» and a town: the company's seat, as a person's home town
        ("Каспи Банк выдал кредит нефтяной компании из Атырау.", "ru", set()),
        ("An oil company from Aktau won the tender.", "en", set()),
        ("Ein Unternehmen aus Atyrau liefert Pumpen.", "de", set()),
        # oil shipped from the town by a company: the port or junction
        ("The company ships oil from Aktau to Baku.", "en", {"aktau", "sangachal", "lane-aktau-baku"}),
        ("Компания отгружает нефть из Актау в Баку.", "ru", {"aktau", "sangachal", "lane-aktau-baku"}),
        ("KazTransOil pumped oil from Atyrau to Samara.", "en", {"atyrau", "samara"}),
        # "firm" the adjective is no company
        ("Crude loadings held firm from Aktau to Baku.", "en", {"aktau", "sangachal", "lane-aktau-baku"}),
    ],
    "a_town_adjective_names_its_facility": [
        # «атырауский узел»: the town's adjective before a word of the facility, though its key also opens a longer name
        # («Атырауская НПС»), is the facility, as «самарский узел» and «актауский порт» were (found by main's matcher, ae72811)
        ("Атырауский узел принял нефть.", "ru", {"atyrau"}),
        ("На атырауском узле нефть смешивают с казахстанской.", "ru", {"atyrau"}),
        # the longer name stays; the region, the refinery and a hub of another trade are no junction
        ("Атырауская НПС приняла нефть.", "ru", {"atyrau"}),
        ("Атырауская область нарастила добычу нефти.", "ru", set()),
        ("Атырауский НПЗ переработал нефть.", "ru", set()),
        ("Атырауский узел связи переехал.", "ru", set()),
    ],
}


# --- branch h/batch19: fixes tuned on batch 19 (extraction_links_holdout19.yaml); sentences of their own ---------------
# As _LINKS14-18: one table by rule, each rule with a counterpart that must stay. Expected sets by hand (the labelling
# rules of extraction_dev.yaml): a town of water pipes, roads, flights, museums or novels gives nothing; a port named in a
# sentence of oil products or of a grade's discount is the port; a gas store's word names the junction.
_LINKS19: dict[str, list[tuple[str, str, set[str]]]] = {
    "oil_products_speak_of_oil": [
        # a fuel moved through a port is oil business (h19-de-02's diesel "aus Primorsk und später aus Ust-Luga")
        ("Früher kam Diesel aus Ust-Luga nach Rostock.", "de", {"ust-luga"}),
        ("Gasoline came in from Primorsk all winter.", "en", {"primorsk"}),
        ("Мазут из Махачкалы отправили морем.", "ru", {"makhachkala"}),
        # an engine or a generator is no fuel; a town of them stays the town
        ("Der Dieselmotor wurde in Atyrau repariert.", "de", set()),
        ("A diesel generator from Samara was exhibited.", "en", set()),
        ("Дизельный генератор в Актау сломался.", "ru", set()),
    ],
    "a_discount_in_russian": [
        # «скидка» is a price word of a grade as «дисконт» (h19-ru-05's «Скидки на Urals в ...»)
        ("Скидка на Urals в Усть-Луге выросла до $13.", "ru", {"ust-luga"}),
        ("Abschläge für Urals in Primorsk stiegen.", "de", {"primorsk"}),
        # a discount of tickets or flats names no grade: the town
        ("Скидки на билеты в Приморске для туристов выросли.", "ru", set()),
        ("Скидка на жилье в Усть-Луге для молодых семей сохранится.", "ru", set()),
    ],
    "a_society_or_market_is_named_so": [
        # a line's one-word name after a word of a society, a bazaar or a mall (h19-de-09's Verein „Druschba e. V.“,
        # h19-ru-07's «рынка «Дружба»»)
        ("Beim Verein „Druschba“ diskutierten Ölhändler.", "de", set()),
        ("Der Verein „Druschba e. V.“ sammelt Spenden für Ölarbeiter.", "de", set()),
        ("Нефтяники закупаются на рынке «Дружба».", "ru", set()),
        ("У рынка «Дружба» поставили бочки с нефтью.", "ru", set()),
        ("Oil workers crowded the mall Druzhba.", "en", set()),
        # the line named in its own words stays beside them
        ("Общество дружбы обсудило поставки нефти по «Дружбе».", "ru", {"druzhba-samara-schwedt"}),
        ("Der Verein sprach über die Druschba-Leitung nach Schwedt.", "de", {"druzhba-samara-schwedt", "schwedt"}),
    ],
    "a_flight_or_bus_by_a_lines_places": [
        # a flight's or a bus's route by the places of a line is the trip (h19-ru-06's «прямой рейс Атырау — Самара»)
        ("Открылся прямой рейс Атырау — Самара.", "ru", set()),
        ("Flüge Atyrau–Samara sind ausgebucht.", "de", set()),
        ("The bus Atyrau–Samara leaves daily.", "en", set()),
        # an airline from a town, once the flight is no line (h19-ru-06's «авиакомпания из Баку» went with its «рейс»)
        ("Авиакомпания из Баку открыла рейсы в Актау.", "ru", set()),
        ("An airline from Aktau ordered new jets.", "en", set()),
        ("Direct flights Atyrau–Samara carry oil workers home.", "en", set()),
        # the line of those places stays, and a tanker's «рейс» is its voyage on the lane
        ("Нефть по трубопроводу Атырау — Самара прокачивают круглосуточно.", "ru", {"uas"}),
        ("Танкер совершил рейс Актау — Баку с нефтью.", "ru", {"aktau", "sangachal", "lane-aktau-baku"}),
        ("Oil via Atyrau–Samara rose.", "en", {"uas"}),
    ],
    "a_road_leads_to_a_town": [
        # a road's goal is the town (h19-ru-07's «вдоль трассы на Бейнеу»)
        ("Вдоль трассы на Бейнеу появятся базовые станции связи.", "ru", set()),
        ("New stations will go up along the highway to Beineu.", "en", set()),
        ("An der Straße nach Atyrau entstehen neue Tankstellen für Ölarbeiter.", "de", set()),
        # the port named with its kind word, or a junction of a line, stays
        ("Trucks on the road carry grain to the port of Aktau.", "en", {"aktau"}),
        ("Газ по газопроводу идет на Бейнеу.", "ru", {"beineu"}),
    ],
    "a_long_form_before_a_bracket": [
        # lower-case words before "(ABBR)" whose initials it is, naming no oil, gas or line (h19-ru-07's «базовых
        # трансиверных станций (БТС)»): every such abbreviation of the story is that other thing
        ("Нефтяники получат связь: операторы построят 500 базовых трансиверных станций (БТС).", "ru", set()),
        ("Операторы построят 500 базовых трансиверных станций (БТС). Каждая БТС стоит 40 млн тенге.", "ru", set()),
        ("Oil firms claimed business tax credits (BTC) last year.", "en", set()),
        # the line's own long form, or one with a line word, stays
        ("Балтийская трубопроводная система (БТС) загружена нефтью.", "ru", {"transneft-samara-primorsk"}),
        ("Oil flows through the Baku-Tbilisi-Ceyhan pipeline (BTC).", "en", {"btc"}),
    ],
    "a_firm_after_an_abbreviation": [
        # an abbreviation opening an airline's, a bank's or a holding's name (h19-de-08's TAP Air Portugal)
        ("Der Ölpreis stieg, TAP Air Portugal wird verkauft; TAP fliegt nach Brasilien.", "de", set()),
        ("Oil prices rose as BTC Capital raised a new fund.", "en", set()),
        # the pipeline's company and the pipeline stay
        ("TAP AG erweitert die Pipeline.", "de", {"tap"}),
        ("Gas via TAP reached Italy.", "en", {"tap"}),
    ],
    "towns_joined_after_in": [
        # a name joined by "and" to a town read after "in" (h19-en-07's "In Atyrau and Aktau, two cities ...")
        ("New bank branches opened in Atyrau and Aktau, whose economies live on oil.", "en", set()),
        ("Das Festival findet in Aktau und Atyrau statt, den Städten des Öls.", "de", set()),
        # loading in the ports stays
        ("Oil is loaded in Aktau and Kuryk.", "en", {"aktau", "kuryk"}),
    ],
    "town_utilities_and_museums_are_civic": [
        # a town's water pipes, heating and museums are its civic life (h19-ru-06's «сетей водоснабжения в Атырау»)
        ("Износ сетей водоснабжения в Актау превышает 60%.", "ru", set()),
        ("A museum in Baku displays the first oil tank car.", "en", set()),
        ("В музее Актау показали первую нефтяную цистерну.", "ru", set()),
        ("Die Fernwärme in Schwedt wird teurer.", "de", set()),
        # the facility's own business beside them stays
        ("Oil is loaded at the port of Aktau, next to the city museum.", "en", {"aktau"}),
        ("Нефть идет через Атырау, где чинят водопровод.", "ru", {"atyrau"}),
    ],
    "a_town_in_an_era": [
        # an article before a town's bare name and a genitive or "of" after it (h19-de-09's "im Baku der Jahrhundertwende")
        ("Der Roman spielt im Atyrau der Sowjetzeit, als das Öl noch floss.", "de", set()),
        ("The Baku of the oil boom lives on in old photographs.", "en", set()),
        # the port with its kind word stays
        ("Das Öl wird im Hafen Aktau der KMG verladen.", "de", {"aktau"}),
    ],
    "a_gas_store_is_a_junction": [
        # a gas store's word before the junction's name (h19-ru-04's «Подземное хранилище «Бозой» в Актюбинской области»)
        ("Газ закачали в ПХГ «Бозой».", "ru", {"bozoi"}),
        ("Подземное хранилище «Бозой» в Актюбинской области заполнено.", "ru", {"bozoi"}),
        ("Der Gasspeicher Bozoi ist voll.", "de", {"bozoi"}),
        # a store of other goods, or a region, is no junction
        ("Хранилище зерна в Самаре заполнено.", "ru", set()),
        ("Овощехранилище в Самарской области открыли.", "ru", set()),
    ],
}


# --- branch h/tune20: fixes tuned on batch 20 (extraction_links_holdout20.yaml); sentences of their own -----------------
# As _LINKS14-19: one table by rule, each rule with a counterpart that must stay. Expected sets by hand (the labelling
# rules of extraction_dev.yaml; tanker shipments Aktau -> Baku are Sangachal and lane-aktau-baku, Kuryk -> Baku the port of
# Baku (Alat) and lane-kuryk-alat; a crossing's chain is marked per place and gives the crossing).
_LINKS20: dict[str, list[tuple[str, str, set[str]]]] = {
    "an_operator_beside_its_own_asset": [
        # an operator named beside one of its own assets speaks of that asset, not of its others (h20-de-05: KazTransOil
        # beside "Atyrau–Samara" no longer counts its Batumi terminal, which made "nach Baku" the Port of Baku)
        ("KMG exportiert Öl über die Pipeline Atyrau–Samara der Tochter KazTransOil und per Tanker nach Baku.", "de",
         {"uas", "sangachal"}),
        ("KMG ships oil through the Atyrau–Samara pipeline of its unit KazTransOil and by tanker to Baku.", "en", {"uas", "sangachal"}),
        ("КМГ поставляет нефть по нефтепроводу Атырау — Самара своей «дочки» КазТрансОйл и танкерами в Баку.", "ru",
         {"uas", "sangachal"}),
        # named alone, the operator still counts for all its assets (its Batumi terminal: Baku is the rail leg's end, the port)
        ("KazTransOil ships crude to Baku.", "en", {"alat"}),
        ("KazTransOil verschifft Öl nach Baku.", "de", {"alat"}),
    ],
    "crossing_chains_plural_and_listed": [
        # a plural crossing word, and chains listed after it or before a crossing word (h20-de-09's "Bahnübergänge
        # Dostyk–Alaschankou und Altynkol–Chorgos", h20-en-03, h20-ru-05): the crossings, not the pipelines
        ("Über die Bahnübergänge Dostyk–Alaschankou und Altynkol–Chorgos rollten Güter.", "de", {"alashankou", "khorgos"}),
        ("Freight through the Dostyk-Alashankou and Altynkol-Khorgos rail crossings grew.", "en", {"alashankou", "khorgos"}),
        ("Нагрузка приходится на переходы Достык — Алашанькоу и Алтынколь — Хоргос.", "ru", {"alashankou", "khorgos"}),
        ("Crossings Dostyk–Alashankou and Altynkol–Khorgos were busy.", "en", {"alashankou", "khorgos"}),
        # a line word before the list, or a crossing word in another sentence: the lines
        ("Öl fließt über die Leitung Dostyk–Alaschankou und Kenkijak–Atyrau nach China.", "de",
         {"kcp-atasu-alashankou", "kcp-atyrau-kenkiyak"}),
        ("Die Grenzübergänge sind voll. Öl fließt durch Dostyk–Alaschankou.", "de", {"kcp-atasu-alashankou"}),
    ],
    "a_pronoun_goes_on_with_the_line": [
        # a pronoun and a verb of the line's course right after the sentence naming it: its stations (h20-de-09's "Sie
        # verläuft von Atyrau über Kenkijak und Kumkol bis nach Alaschankou")
        ("Wichtig ist die Ölleitung Kasachstan–China. Sie verläuft von Atyrau über Kenkijak und Kumkol bis nach Alaschankou.", "de",
         {"kcp-atasu-alashankou", "atyrau", "kenkiyak", "kumkol", "alashankou"}),
        ("The Kazakhstan-China oil pipeline matters. It runs from Atyrau via Kenkiyak and Kumkol to Alashankou.", "en",
         {"kcp-atasu-alashankou", "atyrau", "kenkiyak", "kumkol", "alashankou"}),
        ("Важен нефтепровод Казахстан — Китай. Он проходит от Атырау через Кенкияк и Кумколь до Алашанькоу.", "ru",
         {"kcp-atasu-alashankou", "atyrau", "kenkiyak", "kumkol", "alashankou"}),
        # no verb of a course, or no line before: the towns
        ("Die Ölleitung Kasachstan–China ist wichtig. Sie wird in Samara gefeiert.", "de", {"kcp-atasu-alashankou"}),
        ("Die Autobahn ist neu. Sie verläuft von Atyrau bis nach Samara.", "de", set()),
    ],
    "a_latin_word_cut_to_an_alias_must_end_as_a_name": [
        # a word whose key less its last letter is an alias's must end as the language ends a name (h20-de-09's
        # "Dschungarischen Alatau", the mountains, is no Alat; «Алатау» is no case form of «Алят»)
        # (in sentences of cargo, the port's business: a word read as the port would be linked)
        ("Güterzüge mit Öl fahren am Fuß des Dschungarischen Alatau.", "de", set()),
        ("Oil cargo trains pass the foot of the Alatau range.", "en", set()),
        ("Грузовые поезда с нефтью идут у подножия Алатау.", "ru", set()),
        # the port's own forms stay
        ("Öl aus Kuryk geht nach Alats Hafen.", "de", {"kuryk", "alat", "lane-kuryk-alat"}),
        ("Нефть из Курыка идет в Алят.", "ru", {"kuryk", "alat", "lane-kuryk-alat"}),
    ],
    "a_former_or_given_name": [
        # a naming verb earlier in the name's clause, or a bracket of a former name (h20-de-09's "hieß die Siedlung am Fuß
        # des Dschungarischen Alatau Druschba", h20-ru-05's «Станция Достык (в советское время — Дружба)»)
        ("Zu sowjetischer Zeit hieß die Siedlung am Fuß der Berge Druschba, sagt ein Ölarbeiter.", "de", set()),
        ("Станция Достык (в советское время — Дружба) принимает нефть.", "ru", {"alashankou"}),
        ("Dostyk station (formerly Druzhba) handles oil trains.", "en", {"alashankou"}),
        ("Der Bahnhof Dostyk (früher Druschba) fertigt Ölzüge ab.", "de", {"alashankou"}),
        # the line named with a line word, or a bracket after the line's name, stays
        ("Früher hieß die Leitung nach Schwedt Druschba.", "de", {"druzhba-samara-schwedt", "schwedt"}),
        ("Нефть идет по «Дружбе» (в советское время — крупнейшему нефтепроводу) в Европу.", "ru", {"druzhba-samara-schwedt"}),
    ],
    "a_passenger_train_by_a_lines_places": [
        # a train's word before a line's places, no goods near: the train's route (h20-ru-06's «Поезд Атырау — Самара»)
        ("Поезд Атырау — Самара снова в расписании.", "ru", set()),
        ("Der Zug Atyrau–Samara fährt wieder täglich.", "de", set()),
        ("The night train Atyrau–Samara is back on the timetable.", "en", set()),
        # trains with oil, or a train word elsewhere in the sentence: the line
        ("Поезда с нефтью Атырау — Самара идут в цистернах.", "ru", {"uas"}),
        ("Oil via Atyrau–Samara rose as trains were cancelled.", "en", {"uas"}),
    ],
    "a_facility_word_or_an_origin_before_in": [
        # «из X в Y» names Y as where the goods go, and a facility's word before "in" / «в» the facility, talks or not
        # (h20-ru-04's «перевозками из Курыка в Алят» in a sentence of «Обсуждается», «терминала в Курыке»)
        ("Обсуждается вариант перевозок нефти из Курыка в Алят.", "ru", {"kuryk", "alat", "lane-kuryk-alat"}),
        ("Обсуждают строительство нефтеналивного терминала в Курыке.", "ru", {"kuryk"}),
        ("Ministers discussed oil at the oil terminal in Kuryk.", "en", {"kuryk"}),
        # a meeting in the town stays the town
        ("Министры обсудили нефть в Актау.", "ru", set()),
        ("Ministers met in Aktau to discuss oil.", "en", set()),
    ],
    "leitung_as_management": [
        # German "Leitung" as management is no pipe (h20-de-11's title "Schwedt: Neue Leitung für die Uckermärkischen Bühnen")
        ("Schwedt: Neue Leitung für die Uckermärkischen Bühnen.", "de", set()),
        ("Unter der Leitung von Anna Roth spielt das Orchester in Schwedt.", "de", set()),
        # with an energy word beside it, or a pipe's "Leitung nach": the refinery
        ("Die Raffinerie in Schwedt bekommt eine neue Leitung nach Rostock.", "de", {"schwedt"}),
        ("Unter der Leitung von Transneft fließt Öl nach Schwedt.", "de", {"schwedt"}),
        ("Schwedt: Neue Leitung nach Rostock.", "de", {"schwedt"}),
    ],
    "food_and_a_family": [
        # food is other goods, and a family's town its home (h20-de-11's "Das Essen liefert das Restaurant ..., das von
        # einer Familie aus Samara betrieben wird und in Schwedt ... eine Institution ist")
        ("Das Essen liefert ein Restaurant aus Schwedt.", "de", set()),
        ("Das Restaurant wird von einer Familie aus Samara betrieben, die Öl handelt.", "de", set()),
        ("A family from Aktau runs the oil-town cafe.", "en", set()),
        ("Семья из Атырау открыла кафе для нефтяников.", "ru", set()),
        # a port with food is the port at work (other goods, h/links9); oil from Samara is the junction
        ("Food deliveries to Aktau rose in the port.", "en", {"aktau"}),
        ("Поставки продуктов питания в Актау выросли.", "ru", {"aktau"}),
        ("Öl aus Samara fließt nach Schwedt.", "de", {"samara", "schwedt"}),
    ],
    "the_sentence_before_settles_a_name": [
        # the assets of the sentence before count before the document's (the benchmark's joined articles: Kuryk or Aktau
        # before "crude to Baku" names the end of its own lane, whatever the rest of the story names)
        ("Oil reaches Ceyhan via the BTC. Port capacity at Kuryk will double. The expansion is meant to carry more crude to Baku.",
         "en", {"btc", "ceyhan", "kuryk", "alat", "lane-kuryk-alat"}),
        ("SOCAR loads oil at its Kulevi terminal. Port capacity at Aktau will double. The expansion is meant to carry more crude to Baku.",
         "en", {"kulevi", "aktau", "sangachal", "lane-aktau-baku"}),
        # a port named by its town with other goods is the port (no rail in the sentence: then the town starts the leg)
        ("Тенгиз в западном Казахстане. Контейнеры отправлены в Баку.", "ru", {"tengiz", "alat"}),
        ("В порту Курык построили паромный комплекс. Контейнеры отправлены в Баку.", "ru", {"kuryk", "alat"}),
        ("A ferry terminal opened at the port of Kuryk. Containers were shipped to Baku.", "en", {"kuryk", "alat"}),
        ("Chemicals travel in tank cars from Baku to Batumi.", "en", {"batumi"}),
    ],
    # (the batch's mention findings: names, not only links)
    "a_pipe_word_roehre": [
        # German "Röhre" is a pipe as "Leitung" (h20-de-01's "die BTC-Röhre"): a line's abbreviation before it is the line
        ("Die BTC-Röhre ist 1768 Kilometer lang.", "de", {"btc"}),
        ("Das Rohr im Keller ist kaputt, sagt Herr Rohr.", "de", set()),
    ],
    "a_facilitys_abbreviation_in_an_energy_story": [
        # a facility's abbreviation (no town's name) in a story of energy (h20-de-02's "stünde die PCK deutlich schlechter da")
        ("Der Ölpreis sinkt. Ohne Kasachstan stünde die PCK deutlich schlechter da.", "de", {"schwedt"}),
        ("Die PCK feiert ein Sommerfest.", "de", set()),
    ],
    "a_zone_named_by_a_crossing_and_a_dash": [
        # a crossing's town opening a quoted name that goes on after a spaced dash: the zone, not the crossing (h20-en-03's
        # "Khorgos – Eastern Gate" special economic zone, h20-de-09's „Chorgos – Ostor“)
        ('Trucks take their loads to the nearby "Khorgos – Eastern Gate" special economic zone, where goods are transferred.',
         "en", set()),
        ("Die Sonderwirtschaftszone „Chorgos – Ostor“ an der Grenze lockt Lkw und Güter an.", "de", set()),
        # a quoted lane of two places, or the crossing quoted alone, stays
        ('Tankers on the "Aktau – Baku" route carry oil.', "en", {"aktau", "sangachal", "lane-aktau-baku"}),
        ("Танкеры на маршруте «Актау — Баку» везут нефть.", "ru", {"aktau", "sangachal", "lane-aktau-baku"}),
        ('Trucks queue at "Khorgos" crossing with goods.', "en", {"khorgos"}),
    ],
    "the_khorgos_road_checkpoint": [
        # the Kazakh road checkpoint at Khorgos, "Nur Zholy" (an alias with its sources, data/alias_reasons.yaml; h20-ru-05's
        # «пункте пропуска «Нур Жолы» у Хоргоса»)
        ("Грузовики стоят на пункте пропуска «Нур Жолы».", "ru", {"khorgos"}),
        ("Trucks queued at the Nur Zholy checkpoint for four days.", "en", {"khorgos"}),
        # the state programme «Нурлы жол» is another name
        ("Программа «Нурлы жол» профинансирует дороги к нефтяным месторождениям.", "ru", set()),
    ],
    "a_drivers_home_town": [
        # a driver's word before "from" / "aus" and a town: his home town (h20-en-03's "a driver from Shymkent")
        ("Ein Fahrer aus Atyrau erzählt vom Ölboom.", "de", set()),
        ("A driver said tankers were loaded at Aktau.", "en", {"aktau"}),
    ],
}


def test_a_regions_adjective_opens_a_chains_first_place():
    # «магистралью Центральная Азия — Китай» (h20-ru-05): the chain's name is the region's two words, not «Азия — Китай»
    result = analyse("Газопровод соединяется с магистралью Центральная Азия — Китай.", language="ru", matcher=MATCHER)
    assert [(m.text, m.id) for m in result.mentions] == [("Центральная Азия — Китай", "cagp")]
    result = analyse("Газ идет по магистрали Казахстан — Китай.", language="ru", matcher=MATCHER)
    assert [m.text for m in result.mentions] == ["Казахстан — Китай"]


def test_an_agency_place_and_date_before_a_full_stop_is_a_dateline():
    # "Trend, Baku, December 4. Oil ..." (h20-en-04): the agency's dateline, after a headline line; its place is no mention
    result = analyse("Rail and oil news\nTrend, Baku, December 4. Oil transportation via the BTC rose.", language="en", matcher=MATCHER)
    assert [(m.text, m.linked) for m in result.mentions] == [("Baku", False), ("BTC", True)]
    # a shipment's end before a date inside a sentence stays
    assert links("Oil goes from Aktau to Baku, December 4. More oil follows.", "en") == {"aktau", "sangachal", "lane-aktau-baku"}


def test_a_refinerys_town_by_its_inhabitants_is_the_town():
    # "Schwedt hat gut 32.000 Einwohner" (h20-de-02): the town of its people, though the next sentence takes up "die Raffinerie"
    text = "Der Ölpreis fällt. Schwedt hat gut 32.000 Einwohner und eine Gewissheit. Rund 1.200 Menschen arbeiten in der Raffinerie."
    assert links(text, "de") == set()
    # with the refinery's business in its sentence, or without its people, the refinery
    assert links("Schwedt hat 32.000 Einwohner und verarbeitet Rohöl aus Kasachstan.", "de") == {"schwedt"}
    assert links("Der Ölpreis fällt. Schwedt liegt an der Oder. Die Raffinerie verarbeitet Rohöl.", "de") == {"schwedt"}


@pytest.mark.parametrize(("text", "language", "expected"), [
    pytest.param(*case, id=f"{batch}-{rule}-{k}")
    for batch, table in (("links14", _LINKS14), ("links15", _LINKS15), ("links16", _LINKS16), ("links17", _LINKS17),
                         ("links18", _LINKS18), ("links19", _LINKS19), ("links20", _LINKS20))
    for rule, cases in table.items() for k, case in enumerate(cases)])
def test_link_batch_rule(text, language, expected):
    """The cases of the rules tuned on batches 14-20 (``-k vessel_word`` still runs one rule)."""
    assert links(text, language) == expected


# --- branch h/tune21: fixes tuned on batch 21 (extraction_links_holdout21.yaml); sentences of their own ---------------
# As _LINKS14-19: one table by rule, each rule with a counterpart that must stay. Expected sets by hand (the labelling
# rules of extraction_dev.yaml): a terminal's village named for rents or beaches is the village; a town's embankment or
# the villages near it are the town; a line's one-word name inside a firm's, a programme's or a society's quoted name, or
# in a proverb, is no line.
_LINKS21: dict[str, list[tuple[str, str, set[str]]]] = {
    "south_caucasus_pipeline_in_russian": [
        # the Russian name with the generic «трубопровод» (haqqin-2026-03-06-bp-btc-operatorship), in any case form
        ("Южнокавказский трубопровод прокачал больше газа в Турцию.", "ru", {"scp"}),
        ("По Южнокавказскому трубопроводу газ идет в Грузию.", "ru", {"scp"}),
        # the older form stays; another Caucasus line word is no scp
        ("Южнокавказский газопровод загружен.", "ru", {"scp"}),
        ("Северокавказский трубопровод отремонтировали.", "ru", set()),
    ],
    "a_terminals_village_needs_its_business": [
        # a terminal named by its village's name of several words needs the terminal's words, as a town's name does
        ("Аренда жилья в Южной Озереевке подорожала на 30%.", "ru", set()),
        ("Holiday rents in Yuzhnaya Ozereyevka rose by a third.", "en", set()),
        # tankers loading there, or the village named with the terminal, stay the terminal
        ("Танкеры грузятся у поселка Южная Озереевка.", "ru", {"cpc-marine-terminal"}),
        ("Crude is loaded at Yuzhnaya Ozereyevka.", "en", {"cpc-marine-terminal"}),
    ],
    "a_towns_embankment_or_villages_near_it": [
        # the town as a place to live: its embankment, the villages near it (whatever else the sentence carries)
        ("Курьеры возили еду из кафе на набережной Актау.", "ru", set()),
        ("Цены на жилье в поселках под Новороссийском выросли на 30%.", "ru", set()),
        ("Rents on the promenade of Aktau doubled.", "en", set()),
        # the facility's own words before the name keep it
        ("Нефть грузят на морском терминале под Новороссийском.", "ru", {"sheskharis"}),
        ("Танкеры грузятся в порту Актау.", "ru", {"aktau"}),
    ],
    "a_lines_name_in_a_quoted_name_of_more_words": [
        # a firm's, a programme's, a society's quoted name that opens with the line's one-word name
        ("Агрохолдинг «Дружба-Агро» закупил дизельное топливо.", "ru", set()),
        ("Нефтяники поддержали программу «Дружба поколений».", "ru", set()),
        ("Die Partnervereine „Druschba e. V.“ sammeln Spenden für Ölarbeiter.", "de", set()),
        # a line word, a branch word or a string's number keeps the line
        ("Öl kommt über die „Druschba-Leitung“ nach Schwedt.", "de", {"druzhba-samara-schwedt", "schwedt"}),
        ("Нефть идет по «Дружбе-2» в Польшу.", "ru", {"druzhba-samara-schwedt"}),
        ("Нефть идет по «Дружбе» в Германию.", "ru", {"druzhba-samara-schwedt"}),
    ],
    "a_proverb_on_a_lines_name": [
        # «Дружба дружбой, а ...»: the word repeated in another case form is the proverb on friendship
        ("Дружба дружбой, а за нефть платить надо.", "ru", set()),
        # the line's name followed by other words stays
        ("Дружба прокачала меньше нефти.", "ru", {"druzhba-samara-schwedt"}),
    ],
    "a_broadcaster_before_an_abbreviation": [
        # a TV channel's or a paper's word before the abbreviation names the outlet, in a sentence of oil too
        ("Совладелец телеканала КТК продал нефтяной бизнес.", "ru", set()),
        ("The oil tycoon bought the TV channel KTK.", "en", set()),
        # the consortium's abbreviation after a paper's report stays
        ("Газета сообщила, что КТК отгрузил нефть.", "ru", {"cpc"}),
    ],
    "german_spellings_of_a_surname_after_a_fields_name": [
        # "-ow", "-ew" are German spellings of "-ov", "-ev": a person's given name, in a sentence of oil too
        ("Die Ölbranche wächst, sagte Finanzchef Tengis Ualiew.", "de", set()),
        ("Tengis Abenow leitet eine Ölfirma.", "de", set()),
        # the field before a capitalised word of another ending stays
        ("Das Öl aus Tengis fließt über den CPC.", "de", {"tengiz", "cpc"}),
    ],
    "a_towns_theatre_or_its_culture": [
        # a theatre named after its town, a German town adjective before its ensemble or its people
        ("Das Ensemble gastiert in den Uckermärkischen Bühnen Schwedt, der Stadt der Ölraffinerie.", "de", set()),
        ("Das Gastspiel des Atyrauer Folkloreensembles begeistert Ölarbeiter.", "de", set()),
        ("Atyrauer Schüler besuchten eine Ölpumpe.", "de", set()),
        # the adjective before a facility's word stays
        ("Die Atyrauer Pumpstation speist Öl ein.", "de", {"atyrau"}),
        ("Die Schwedter Raffinerie verarbeitet Öl.", "de", {"schwedt"}),
    ],
    "a_crossings_name_given_to_something_else": [
        # a naming verb before a crossing's one-word name, with no word of a crossing or a border before it
        ("Amid the oil boom, a volunteer group called Dostyk delivered food.", "en", set()),
        ("Волонтерская группа под названием «Достык» раздала еду нефтяникам.", "ru", set()),
        # the crossing named so, or with its business, stays
        ("Oil trains pass the border station known as Dostyk.", "en", {"alashankou"}),
        ("Oil goes by rail through Dostyk.", "en", {"alashankou"}),
    ],
    "the_end_of_a_route_of_places_the_data_does_not_hold": [
        # a route word, then two places that name no asset, then a junction's town: the waypoints of another line
        ("Российская нефть идет в Китай по маршруту Омск — Павлодар — Шымкент.", "ru", set()),
        ("Russian crude transits along the route Omsk–Pavlodar–Shymkent.", "en", set()),
        # a route of assets (a tanker lane, then BTC to Ceyhan), or a line's own chain, stays
        ("Нефть идет по маршруту Актау — Баку — Джейхан.", "ru", {"aktau", "sangachal", "lane-aktau-baku", "ceyhan"}),
        ("Нефть качают по маршруту Узень — Атырау — Самара.", "ru", {"uas"}),
    ],
    "a_roads_goal_after_its_start": [
        # «по дороге из A в B», "the road from A to B": B is the road's goal, the town (past oil scenery too)
        ("По дороге из Жанаозена в Актау автобус проезжает мимо факелов попутного газа.", "ru", set()),
        ("On the road from Zhanaozen to Aktau the bus passes gas flares.", "en", set()),
        # a railway's goal with oil is the port (rail legs are no road)
        ("Нефть везут по железной дороге в порт Актау.", "ru", {"aktau"}),
    ],
    "ends_in_two_sentences_pair_only_for_a_shipment": [
        # a port named as built or defined, then terminals that take oil by tank car: no rail leg from it (no origin named)
        ("Azerbaijan built a port at Alat. The terminals at Batumi and Kulevi receive oil in tank cars.", "en",
         {"alat", "batumi", "kulevi"}),
        ("Aserbaidschan hat in Alat einen Hafen gebaut. Die Terminals in Batumi und Kulevi schlagen Öl aus Kesselwagen um.", "de",
         {"alat", "batumi", "kulevi"}),
        # the start named as the shipment's ("from Baku"), or the goal by its port word, pairs the two sentences
        ("Танкер загрузили нефтью в порту Курык. Он идет в порт Алят.", "ru", {"kuryk", "alat", "lane-kuryk-alat"}),
        ("Der Tanker hat im Hafen Kuryk Rohöl geladen. Ziel ist der Hafen Alat.", "de", {"kuryk", "alat", "lane-kuryk-alat"}),
    ],
    "carried_out_through_a_port": [
        # «вывозить» (carry out, export) through a port is its business, as «перевозить»
        ("Железной дорогой и через Актау много не вывезешь.", "ru", {"aktau"}),
        ("Зерно вывозят через Курык.", "ru", {"kuryk"}),
        # what tourists take home from the town is no port's
        ("Туристы вывезли из Актау сувениры.", "ru", set()),
    ],
    "by_pipe_is_a_junctions_business": [
        # a distance or a flow "by pipe" from a junction's town: the junction (a fact-box line)
        ("- Distance from Atyrau to Samara by pipe: about 700 km", "en", {"atyrau", "samara"}),
        # by road, or a town's water pipe, is the town
        ("Distance from Atyrau to Aktau by road: 900 km.", "en", set()),
        ("A water pipe burst in Atyrau.", "en", set()),
    ],
    "an_operator_speaking_of_its_field": [
        # the operator speaks, and what it says names "the field": the field (in a sentence of no energy cue)
        ("Ein Sprecher des Betreibers Tengizchevroil sagte, das Feld arbeite stabil.", "de", {"tengiz"}),
        ("Представитель Тенгизшевройл заявил, что месторождение работает стабильно.", "ru", {"tengiz"}),
        # the operator speaking of something else is no field
        ("Tengizchevroil sagte, die Gespräche gingen weiter.", "de", set()),
        ("Tengizchevroil declined to comment.", "en", set()),
    ],
}


#: Rules tuned on batch 22 (gas routes; tests/fixtures/extraction_links_holdout22.yaml): positive cases and false friends,
#: sentences of this file's own (not the batch's).
_LINKS22: dict[str, list[tuple[str, str, set[str]]]] = {
    "a_venue_named_after_a_field": [
        # a venue's word before or after a field's one-word name (h22-de-07's "Theater Galkynysch", h22-en-08's festival)
        ("Abends spielte das Ensemble im Theater Tengis.", "de", set()),
        ("Die Gruppe trat in einem Kino namens Kaschagan auf.", "de", set()),
        ("The Kashagan National Theater reopened after repairs.", "en", set()),
        ("Crowds gathered for the \"Galkynysh\" festival downtown.", "en", set()),
        ("Премьера прошла в театре «Кашаган».", "ru", set()),
        # the name again, with no energy word, after the story made it a venue («Помимо «Галкыныша», спектакли шли ...»)
        ("Der Abend im Theater Tengis war ausverkauft. Neben Tengis spielten zwei Bühnen in Atyrau.", "de", set()),
        # the field with its gas stays, also beside a venue elsewhere in the story
        ("Gas from Galkynysh fills the Central Asia-China pipeline.", "en", {"galkynysh", "cagp"}),
        ("Der Empfang fand im Theater Tengis statt. Das Öl aus Tengis fließt durch die CPC-Leitung.", "de", {"tengiz", "cpc"}),
        ("В районе Карачаганака добывают газ.", "ru", {"karachaganak"}),
    ],
    "shoppers_at_a_crossing_town": [
        # a crossing's town in a sentence of shoppers and duty-free trade, no crossing word next to it (h22-de-07)
        ("Am Wochenende fahren viele zum Einkaufen nach Chorgos, wo es zollfreie Elektronik gibt.", "de", set()),
        ("Shoppers from Almaty flock to Khorgos for duty-free clothes near the border.", "en", set()),
        ("Покупатели едут в Хоргос за беспошлинными товарами у границы.", "ru", set()),
        # the crossing named as such stays, shoppers or not; freight at the crossing stays
        ("They drove via the Khorgos border crossing, where a duty-free zone draws shoppers.", "en", {"khorgos"}),
        ("Trucks queued at Khorgos as customs checks slowed.", "en", {"khorgos"}),
    ],
    "a_signing_venue_is_the_town": [
        # a treaty signed in a town, in a sentence that speaks of pipelines (h22-de-03's and h22-en-04's Aktau convention)
        ("The accord, signed in Aktau, lets states build pipelines on the seabed.", "en", set()),
        ("2019 wurde in Atyrau ein Abkommen unterzeichnet, das neue Leitungen erlaubt.", "de", set()),
        ("Конвенцию, разрешающую трубопроводы по дну, подписали в Актау.", "ru", set()),
        # oil moved there stays the port
        ("Oil is loaded in Aktau onto tankers for Baku.", "en", {"aktau", "lane-aktau-baku", "sangachal"}),
        ("In Aktau wird Öl auf Tanker verladen.", "de", {"aktau"}),
        # "conventional" is no convention
        ("In Aktau, conventional crude is loaded onto tankers.", "en", {"aktau"}),
    ],
    "a_town_word_before_a_lines_end_in_russian": [
        # «города» before the name in a sentence of a gas line: the line's end, as "the city of Turkmenbashi" (h22-ru-05)
        ("Газопровод пройдет от побережья в районе города Туркменбаши до Баку.", "ru", {"turkmenbashi", "sangachal"}),
        ("Нефтепровод дойдет до города Атырау.", "ru", {"atyrau"}),
        # the town word in a sentence of no line or tanker stays the town
        ("В городе Туркменбаши открыли новый театр.", "ru", set()),
        ("Жители города Атырау жалуются на жару.", "ru", set()),
    ],
    "an_expansion_x_in_lower_case": [
        # an abbreviation with the expansion's "X", written "SCPx" (h22's four articles): the asset holds "SCP" and "SCPX"
        ("The SCPx expansion doubled the line's capacity.", "en", {"scp"}),
        ("Nach dem Ausbau (SCPx) fließen 25 Mrd. m³ Gas.", "de", {"scp"}),
        # the mixed case of another word is no alias; the firm INPEX has no "INPE" beside it
        ("Inpex raised its gas output.", "en", set()),
    ],
    "a_stretch_from_a_place_is_no_landmark": [
        # "km from A to B" is a stretch of the line, not a distance from a landmark (h22-en-05's "from Beineu to the Bozoi")
        ("The loop runs 800 km from Beineu to the Bozoi compressor station.", "en", {"beineu", "bozoi"}),
        ("Вторая нитка газопровода пройдет 800 км от Бейнеу до Бозоя.", "ru", {"beineu", "bozoi"}),
        # a distance from a town stays a landmark
        ("The gas well lies 30 km from Beineu, in the steppe.", "en", set()),
        ("Kuryk, 70 km south of Aktau, ships oil.", "en", {"kuryk"}),
    ],
    "sourced_gas_line_names": [
        # aliases with their sources in data/alias_reasons.yaml: «ТКГ» (vpoanalytics-tkg), the Kazakh operator of the
        # Central Asia-China line (interfax-2009-12-15-asian-gas-pipeline-llp, prime-2023-02-24-qazaqgaz-asian-gas-pipeline)
        ("ТКГ позволит поставлять туркменский газ в Европу.", "ru", {"tcgp"}),
        ("Asian Gas Pipeline LLP shipped 40 bcm of Turkmen gas to China.", "en", {"cagp"}),
        ("Оператор казахстанского участка, ТОО «Азиатский газопровод», прокачал 40 млрд кубометров газа.", "ru", {"cagp"}),
        # another ТКГ (the Trilateral Contact Group), spelled out or in a story of no energy, is none
        ("Трехсторонняя контактная группа (ТКГ) обсудила транзит газа через Украину.", "ru", set()),
        ("Заседание ТКГ в Минске перенесли на четверг.", "ru", set()),
    ],
    "a_field_taken_up_in_the_next_sentence": [
        # the field named in the sentence before and taken up by its kind word, its gas processed at the line's far end
        # (h22-de-02's "Das Rohgas des Feldes wird ... zur Gasaufbereitungsanlage Orenburg gebracht und dort verarbeitet")
        ("Karachaganak lies in the north-west. The field's raw gas is processed in Orenburg across the border.", "en",
         {"karachaganak", "karachaganak-orenburg"}),
        ("Das Feld Karatschaganak liegt im Nordwesten. Das Rohgas des Feldes wird in Orenburg verarbeitet.", "de",
         {"karachaganak", "karachaganak-orenburg"}),
        # no kind word taking the field up, or no flow: the town
        ("Karachaganak lies in the north-west. Orenburg's theatre is famous for its ballet.", "en", {"karachaganak"}),
        ("Karachaganak lies in the north-west. The field's workers fly home to Orenburg.", "en", {"karachaganak"}),
    ],
}


@pytest.mark.parametrize(("text", "language", "expected"), [
    pytest.param(*case, id=f"links21-{rule}-{k}") for rule, cases in _LINKS21.items() for k, case in enumerate(cases)])
def test_link_batch21_rule(text, language, expected):
    """The cases of the rules tuned on batch 21 (``-k a_proverb`` still runs one rule)."""
    assert links(text, language) == expected


def test_an_abbreviation_defined_after_a_lines_name_is_that_line():
    # «Южнокавказский трубопровод (ЮКТ)» defines ЮКТ (no alias of its own): both of its uses are mentions of the line
    text = "Южнокавказский трубопровод (ЮКТ) загружен. ЮКТ прокачал 12 млрд кубометров газа."
    result = analyse(text, language="ru", matcher=MATCHER)
    assert [(m.start, m.text, m.id) for m in result.mentions if m.linked] == [
        (0, "Южнокавказский трубопровод", "scp"), (28, "ЮКТ", "scp"), (43, "ЮКТ", "scp")]  # 26 letters + " (" = 28
    # a town's name in a dateline with its agency in brackets defines nothing; nor a line's name with another letter first
    result = analyse("BAKU (AFP) - Oil flows through the South Caucasus Pipeline. AFP reports.", language="en", matcher=MATCHER)
    assert [m.text for m in result.mentions if m.text == "AFP"] == []
    result = analyse("The South Caucasus Pipeline (BP) pumped gas. BP said so.", language="en", matcher=MATCHER)
    assert [m.text for m in result.mentions if m.text == "BP"] == []


def test_a_facilitys_alias_in_the_plural_is_several_places():
    # "Black Sea Terminal" is Kulevi's alias; "the Black Sea terminals at Batumi, Kulevi and Supsa" are three of them
    result = analyse("The Georgian Black Sea terminals at Batumi, Kulevi and Supsa handle oil.", language="en", matcher=MATCHER)
    assert [(m.text, m.id) for m in result.mentions if m.linked] == [("Batumi", "batumi"), ("Kulevi", "kulevi"), ("Supsa", "supsa")]
    # the singular stays; a German genitive "-s" (des CPC-Terminals) is no plural
    assert links("Oil is loaded at the Black Sea Terminal.", "en") == {"kulevi"}
    assert links("Ein Tanker liegt an einer Boje des CPC-Terminals im Schwarzen Meer.", "de") == {"cpc-marine-terminal"}


def test_an_abbreviation_with_a_country_letter_is_spanned_whole():
    # «КТК-Р» and «КТК-К» are the consortium's Russian and Kazakh companies: the mention takes the letter (5 characters)
    text = "Нефть КТК отгружают танкерами. Трубы принадлежат АО «КТК-Р» и АО «КТК-К»."
    result = analyse(text, language="ru", matcher=MATCHER)
    assert [(m.text, m.id) for m in result.mentions if m.linked] == [("КТК", "cpc"), ("КТК-Р", "cpc"), ("КТК-К", "cpc")]
    # a compound with a word after the hyphen, or a number, is not that letter
    result = analyse("Нефть КТК отгружают через ВПУ. Отдел КТК-Логистик работает.", language="ru", matcher=MATCHER)
    assert [m.text for m in result.mentions if m.id == "cpc"] == ["КТК", "КТК"]  # «КТК-Логистик»: no «КТК-Л»


def test_a_chain_glossing_its_lines_name_gives_its_points():
    # "Tanap (Ardahan – Kipi)" in a table (h22-de-01): the line is named, the bracket glosses its ends; Kipi is the Kipoi
    # junction (a point of its own), Ardahan no asset, and the chain no second mention of Tanap
    text = "Die Tanap (Ardahan – Kipi) ist 1850 km lang und transportiert Gas."
    got = [(text[m.start : m.end], m.id) for m in analyse(text, language="de", matcher=MATCHER).mentions if m.linked]
    assert got == [("Tanap", "tanap"), ("Kipi", "kipoi")]
    # a chain that is one of the line's own names stays the line ("Südkaukasus-Pipeline (Baku–Tiflis–Erzurum)")
    text = "Die Südkaukasus-Pipeline (Baku–Tiflis–Erzurum) transportiert Gas."
    got = [(text[m.start : m.end], m.id) for m in analyse(text, language="de", matcher=MATCHER).mentions if m.linked]
    assert got == [("Südkaukasus-Pipeline", "scp"), ("Baku–Tiflis–Erzurum", "scp")]
    # the same for TAP's row (h22-de-01's "(Kipoi – Melendugno)"): Melendugno is no asset
    text = "Die TAP (Kipoi – Melendugno) ist 878 km lang und transportiert Gas."
    got = [(text[m.start : m.end], m.id) for m in analyse(text, language="de", matcher=MATCHER).mentions if m.linked]
    assert got == [("TAP", "tap"), ("Kipoi", "kipoi")]


@pytest.mark.parametrize(("text", "language", "expected"), [
    pytest.param(*case, id=f"links22-{rule}-{k}") for rule, cases in _LINKS22.items() for k, case in enumerate(cases)])
def test_link_batch22_rule(text, language, expected):
    """The cases of the rules tuned on batch 22 (``-k venue_named_after_a_field`` runs one rule)."""
    assert links(text, language) == expected


_LINKS23: dict[str, list[tuple[str, str, set[str]]]] = {
    "a_transneft_grade_points_to_sheskharis": [
        # KEBCO, the Kazakh grade kept apart in Transneft's system, loads at Transneft's berths: in a story that names the
        # CPC elsewhere, Novorossiysk in a KEBCO sentence (or one that takes KEBCO up: "Dieses Öl") is Sheskharis (h23-de-02)
        # (KEBCO is an alias of the Atyrau-Samara line, uas, in data/alias_reasons.yaml: it links uas itself)
        ("Der CPC lud mehr Öl. KEBCO wird ebenfalls über Noworossijsk exportiert.", "de", {"cpc", "uas", "sheskharis"}),
        ("The CPC loaded more crude. KEBCO barrels also leave via Novorossiysk.", "en", {"cpc", "uas", "sheskharis"}),
        ("Komplizierter ist es bei KEBCO. Dieses Öl wird ebenfalls über Noworossijsk exportiert. Der CPC lud mehr.", "de",
         {"cpc", "uas", "sheskharis"}),
        ("КТК нарастил отгрузки. KEBCO также экспортируется через Новороссийск.", "ru", {"cpc", "uas", "sheskharis"}),
        # without the grade the story's CPC still makes Novorossiysk the CPC's terminal; a demonstrative after a sentence
        # of CPC Blend takes up no Transneft grade
        ("Der CPC lud mehr Öl. Es wird über Noworossijsk exportiert.", "de", {"cpc", "cpc-marine-terminal"}),
        ("Demand for CPC Blend rose. This crude also leaves via Novorossiysk.", "en", {"cpc", "cpc-marine-terminal"}),
    ],
    "a_naval_base_named_after_its_town": [
        # "Novorossiysk naval base", «Новороссийская военно-морская база»: the navy's base, no oil facility (h23-en-03)
        ("Nov. 17: Novorossiysk naval base, a frigate damaged (no oil facilities hit).", "en", set()),
        ("Drones hit the Novorossiysk naval base overnight, the oil port said.", "en", set()),
        ("Удар пришелся по Новороссийской военно-морской базе, сообщили в порту.", "ru", set()),
        # the oil port in the same sentence stays
        ("Drones hit the Novorossiysk naval base; oil loadings at Novorossiysk went on.", "en", {"sheskharis"}),
        ("Oil exports via Novorossiysk rose.", "en", {"sheskharis"}),
    ],
    "a_funeral_in_a_port_town": [
        # a funeral or mourning in the town: the town, though the dead man's ship is named (h23-ru-06's «сухогруза»)
        ("В Махачкале в воскресенье прошли похороны капитана сухогруза «Кропоткин».", "ru", set()),
        ("The funeral of a tanker captain was held in Aktau on Sunday.", "en", set()),
        ("In Aktau wurde der Kapitän des Frachters beigesetzt.", "de", set()),
        # the port named with its kind word stays; cargo without mourning stays
        ("Mourners gathered at the port of Aktau on Sunday.", "en", {"aktau"}),
        ("В Махачкале сухогруз выгрузил зерно.", "ru", {"makhachkala"}),
    ],
    "a_row_under_a_heading_of_oil": [
        # a verbless row of a list or a table ("- Курык — 0,9", "Azeri Light via Supsa: 60") under a heading line of oil
        # moved (h23-ru-04's port list, h23-en-02's grade table): the heading's figure for the name
        ("Crude exports by port, 2025 (Mt)\n- Kuryk — 0.9\n- Aktau — 3.1", "en", {"kuryk", "aktau"}),
        ("Отгрузки нефти по портам, млн т\n- Курык — 0,9\n- Туркменбаши — 1,6", "ru", {"kuryk", "turkmenbashi"}),
        ("Rohölexporte nach Route (Mio. t)\nAzeri Light via Supsa: 2,9\n| Batumi | 2,4 |", "de", {"supsa", "batumi"}),
        # a heading of no oil (a league table, hotels), a blank line between heading and rows, a row that is no figure
        ("Oil exports rose in May.\n\nLeague table, round 20\n- Aktau — 31\n- Kuryk — 28", "en", set()),
        ("Oil exports rose in May.\n\nHotels by city\n- Aktau: 12\n- Batumi: 40", "en", set()),
        ("Crude exports by port, 2025 (Mt)\n\n- Kuryk — 0.9\n- Aktau — 3.1", "en", set()),
        ("Crude exports by port, 2025 (Mt)\n- Kuryk, a small town — visited by 900 tourists", "en", set()),
    ],
    "a_headline_follows_its_story": [
        # a headline's Novorossiysk with no evidence of its own takes what the story's own Novorossiysk is by evidence
        # (h23-en-03: Transneft's line in the body), not the document's lean to the CPC named further down
        ("Drones hit oil pumping station feeding Novorossiysk\n\nThe Caspian Pipeline Consortium said its CPC stations "
         "worked. The station pumps crude on the Transneft line to Novorossiysk.", "en", {"cpc", "sheskharis"}),
        ("Drohnen treffen Pumpstation für Noworossijsk\n\nDas CPC meldete keinen Schaden. Die Station pumpt Rohöl über die "
         "Transneft-Leitung nach Noworossijsk.", "de", {"cpc", "sheskharis"}),
        ("Дроны атаковали станцию, питающую Новороссийск\n\nВ КТК сообщили, что станции работают. Станция качает нефть по "
         "трубе «Транснефти» в Новороссийск.", "ru", {"cpc", "sheskharis"}),
        # no headline (a full stop ends the first line): the document's lean stays; a story whose own Novorossiysk is the
        # CPC's terminal gives the headline the same
        ("Drones hit oil pumping station feeding Novorossiysk.\n\nThe Caspian Pipeline Consortium said its CPC stations "
         "worked. The station pumps crude on the Transneft line to Novorossiysk.", "en",
         {"cpc", "cpc-marine-terminal", "sheskharis"}),
        ("Drones hit oil pumping station feeding Novorossiysk\n\nThe CPC said its stations worked. The CPC terminal near "
         "Novorossiysk loaded oil as usual.", "en", {"cpc", "cpc-marine-terminal"}),
    ],
    "an_amount_via_the_name": [
        # a cargo's amount going via the name in an oil story, no oil word in the sentence (h23-de-04's quote)
        ("Kasachstan exportiert sein Öl an Russland vorbei. Georgien verdient an jeder Tonne, die nicht über Noworossijsk "
         "läuft.", "de", {"sheskharis"}),
        ("Kazakhstan exports its oil around Russia. Every tonne that does not go through Aktau is lost to the port.", "en",
         {"aktau"}),
        ("Казахстан экспортирует нефть в обход России. Каждая тонна, идущая не через Актау, — потеря.", "ru", {"aktau"}),
        # no oil story, a measure of a thing ("20-ton"), no amount
        ("Georgien verdient an jeder Tonne, die nicht über Noworossijsk läuft.", "de", set()),
        ("Kazakhstan exports its oil around Russia. The 20-ton statue was carried through Aktau on Sunday.", "en", set()),
        ("Kazakhstan exports its oil around Russia. A film about Aktau won a prize.", "en", set()),
    ],
}


@pytest.mark.parametrize(("text", "language", "leg"), [
    # a rail leg's two ends in consecutive sentences pair up only inside one paragraph (h23-de-04: "aus Baku" said of
    # Kulevi's cargoes, Batumi's tank cars in the next paragraph)
    ("Das Öl kam per Kesselwagen aus Baku.\n\nAuch im Ölterminal Batumi steigt der Umschlag per Bahn.", "de", False),
    ("SOCAR ships oil products from Baku.\n\nThey arrive by rail at the Batumi oil terminal.", "en", False),
    # the same two sentences in one paragraph make the leg
    ("SOCAR ships oil products from Baku. They arrive by rail at the Batumi oil terminal.", "en", True),
    ("Das Öl kam per Kesselwagen aus Baku. Im Ölterminal Batumi wird es auf Tanker umgeladen.", "de", True),
])
def test_no_rail_leg_across_a_paragraph(text, language, leg):
    assert ("rail-baku-batumi" in links(text, language)) is leg


@pytest.mark.parametrize(("text", "language", "expected"), [
    pytest.param(*case, id=f"links23-{rule}-{k}") for rule, cases in _LINKS23.items() for k, case in enumerate(cases)])
def test_link_batch23_rule(text, language, expected):
    """The cases of the rules tuned on batch 23 (``-k naval_base`` runs one rule)."""
    assert links(text, language) == expected


#: Rules tuned on batch 24 (analysis and opinion pages; tests/fixtures/extraction_links_holdout24.yaml): positive cases and
#: false friends, written for the rules, in each language where the rule applies.
_LINKS24: dict[str, list[tuple[str, str, set[str]]]] = {
    "a_person_named_after_a_field": [
        # a person's word and a naming verb before a field's name: the person (h24-de-06's "Der Held heisst Tengis")
        ("Der Held heisst Tengis, er ist Mitte vierzig und Fischer am Uralfluss.", "de", set()),
        ("The hero is named Tengiz and fishes on the Ural river.", "en", set()),
        ("Его зовут Тенгиз, он рыбак с Урала.", "ru", set()),
        # the field named so, no person's word: the field
        ("Das größte Feld heißt Tengis und liefert Öl an das CPC.", "de", {"tengiz", "cpc"}),
        ("The largest field is called Tengiz and ships its oil via the CPC.", "en", {"tengiz", "cpc"}),
        ("Месторождение называется Тенгиз, его нефть идёт по КТК.", "ru", {"tengiz", "cpc"}),
    ],
    "a_person_addressed": [
        # a field's name opening a line, a quote or a question, then a comma and "you": an interviewer speaks to a person
        # (h24-ru-06's «— Тенгиз, ваш новый проект снимался на Каспии.»)
        ("— Тенгиз, ваш новый проект снимался на Каспии.", "ru", set()),
        ("Q: Tengiz, you grew up in Atyrau. Was oil always around?", "en", set()),
        ("„Tengis, Sie haben lange in Aktau gelebt.“", "de", set()),
        # "your" before a field word: the field in apposition, not a person
        ("Tengiz, your country's largest field, keeps growing.", "en", {"tengiz"}),
        ("Тенгиз, ваше крупнейшее месторождение, растёт.", "ru", {"tengiz"}),
    ],
    "a_persons_name_again": [
        # once the story gives the field's name a person, the name again in a sentence of no energy word is the person,
        # though the story speaks of oil elsewhere (h24-de-06's "Wenn Tengis seine Tochter in Baku besucht")
        ("Der Vater arbeitete auf einem Ölfeld. Der Held heisst Tengis. Wenn Tengis seine Tochter besucht, wird der Roman "
         "leiser.", "de", set()),
        ("His father worked on an oil rig. The hero is named Tengiz. Tengiz visits his daughter every summer.", "en", set()),
        ("Его отец работал на нефтяном промысле. Героя зовут Тенгиз. Тенгиз навещает дочь каждое лето.", "ru", set()),
        # the name in a sentence of oil stays the field
        ("The interview was with Tengiz Abenov, an actor. Oil output at Tengiz rose by 5%.", "en", {"tengiz"}),
        ("Актёр Тенгиз Сарсенбаев сыграл нефтяника. Добыча нефти на Тенгизе выросла.", "ru", {"tengiz"}),
    ],
    "a_broadcasters_name_again": [
        # a broadcaster's abbreviation («телеканал КТК») named again in a sentence of no energy word is the broadcaster,
        # though the story speaks of oil elsewhere (h24-ru-06's closing «Премьера ... — 28 ноября на КТК.»)
        ("Актёр сыграл нефтяника. Его новый сериал выходит на телеканале КТК. Премьера — 28 ноября на КТК.", "ru", set()),
        ("The actor once played an oil worker. His new series airs on TV channel KTK. The premiere is on KTK on 28 November.",
         "en", set()),
        ("Der Schauspieler spielte einen Ölarbeiter. Die Serie läuft auf dem Sender KTK. Premiere ist am 28. November auf KTK.",
         "de", set()),
        # the abbreviation in a sentence of oil stays the consortium
        ("Телеканал КТК показал репортаж. Отгрузки нефти через КТК выросли.", "ru", {"cpc"}),
    ],
    "students_from_a_town": [
        # students from a town: their home town, whatever terminal they work on (h24-en-06's "students from Atyrau who
        # designed a booking tool for the city's new ferry terminal")
        ("The winning app came from a group of students from Atyrau who designed a booking tool for the city's new ferry "
         "terminal.", "en", set()),
        ("Den zweiten Platz holten Studenten aus Atyrau, die eine App für das neue Terminal entwarfen.", "de", set()),
        ("Второе место заняли студенты из Атырау, которые сделали приложение для нового терминала города.", "ru", set()),
        # crude from the town is the junction's
        ("Crude from Atyrau goes to the new terminal.", "en", {"atyrau"}),
    ],
    "a_terminals_cargoes": [
        # cargoes are a terminal's business: the terminal named by its coast's place in a sentence of cargoes (h24-en-02's
        # "From the Turkish Mediterranean coast at Ceyhan, cargoes are sold ..."); Russian «груз» is left out (it is also
        # read for a line's bare name)
        ("From the Turkish Mediterranean coast at Ceyhan, cargoes are sold as part of the BTC blend.", "en", {"ceyhan", "btc"}),
        ("Von der Küste bei Ceyhan gehen die Ladungen nach Italien.", "de", {"ceyhan"}),
        # a beach of tourists, a coast in a sentence of oil exports but no cargoes: the place
        ("The beach at Ceyhan is popular with tourists.", "en", set()),
        ("The coast at Ceyhan keeps shrinking, and the oil exports continue.", "en", set()),
        ("Die Küste bei Ceyhan schrumpft, der Ölexport geht weiter.", "de", set()),
    ],
    "a_line_named_near_a_junction": [
        # a line named in the sentence by a name of its own is a pipeline word: the junction near which gas moves is the
        # junction (h24-en-05's "BBS was built to carry ... gas ...; gas could move between our systems near Shymkent")
        ("BBS was built to carry western Kazakh gas south and east; in principle, gas could move between our systems near "
         "Shymkent.", "en", {"bbs", "shymkent"}),
        ("Die BBS bringt Gas nach Süden; nahe Shymkent könnte Gas zwischen den Systemen getauscht werden.", "de",
         {"bbs", "shymkent"}),
        ("По ББШ газ идёт на юг, а под Шымкентом газ можно передавать между системами.", "ru", {"bbs", "shymkent"}),
        # the line in another sentence only, or none: wells near the town, the town
        ("The BBS carries gas south. Gas wells near Shymkent dried up.", "en", {"bbs"}),
        ("Газовые скважины под Шымкентом истощились.", "ru", set()),
    ],
    "a_route_named_by_its_way": [
        # a route word or a direction standing for one right before "via" and the name, in a story of oil, verb or oil word
        # or not (h24-ru-03's «Все остальные — китайский, каспийский, северный через Самару — это подушки безопасности.»)
        ("Kazakhstan exports most of its oil through the CPC. The others — Chinese, Caspian, the northern one via Samara — "
         "are insurance.", "en", {"cpc", "samara"}),
        ("Kasachstan exportiert fast sein ganzes Öl über das CPC. Die übrigen Wege – der chinesische, der kaspische, der "
         "nördliche über Samara – sind Reserven.", "de", {"cpc", "samara"}),
        ("Казахстан экспортирует нефть через КТК. Все остальные — китайский, каспийский, северный через Самару — это подушки "
         "безопасности.", "ru", {"cpc", "samara"}),
        # tourists or cyclists on the route, or no story of oil: the town
        ("Kazakhstan exports most of its oil through the CPC. The northern route via Samara is popular with tourists.", "en",
         {"cpc"}),
        ("Kasachstan exportiert Öl. Die nördliche Route über Samara ist bei Radfahrern beliebt.", "de", set()),
        ("The northern route via Samara is popular with cyclists.", "en", set()),
    ],
    "a_dash_for_the_verb_before": [
        # a dash standing for the verb of the sentence before, which speaks of oil moving, then "via" and the name
        # (h24-ru-05's «Ещё немного — через «Шесхарис» в Новороссийске.»)
        ("Около семи миллионов тонн отгружаются в Усть-Луге. Ещё немного — через «Шесхарис».", "ru", {"ust-luga", "sheskharis"}),
        ("Most crude leaves via the CPC. A little more — via Sheskharis.", "en", {"cpc", "sheskharis"}),
        ("Der größte Teil des Öls läuft über das CPC. Ein kleiner Rest – über Sheskharis.", "de", {"cpc", "sheskharis"}),
        # the sentence before speaks of no oil: the dash leaves the town a town
        ("Kazakhstan exports its oil around Russia. The actors arrived on Monday. The rest — via Aktau, a day later.", "en",
         set()),
        ("Казахстан экспортирует нефть. Актёры приехали в понедельник. Остальные — через Актау, днём позже.", "ru", set()),
    ],
}


@pytest.mark.parametrize(("text", "language", "expected"), [
    pytest.param(*case, id=f"links24-{rule}-{k}") for rule, cases in _LINKS24.items() for k, case in enumerate(cases)])
def test_link_batch24_rule(text, language, expected):
    """The cases of the rules tuned on batch 24 (``-k a_person_addressed`` runs one rule)."""
    assert links(text, language) == expected


#: Rules tuned on batch 26 (official and corporate documents and explainers; tests/fixtures/extraction_links_holdout26.yaml):
#: positive cases and false friends, written for the rules (not taken from the batch's texts).
_LINKS26: dict[str, list[tuple[str, str, set[str]]]] = {
    "a_footnote_mark_ends_no_sentence_early": [
        # a footnote's superscript after the full stop ("south.¹ QazaqGaz ..."): the next sentence is one of its own, so the
        # pipeline before the mark is no carrier word of the town named after it (h26-en-03)
        ("The BBS gas pipeline carries gas south.¹ Officials say gas shortages in Shymkent will return.", "en", {"bbs"}),
        ("Die BBS-Leitung führt Gas nach Süden.² Die Menschen in Schymkent klagen über kalte Wohnungen.", "de", {"bbs"}),
        # the town's own sentence of pumping keeps it
        ("The BBS gas pipeline carries gas south.¹ Gas is pumped on at Shymkent.", "en", {"bbs", "shymkent"}),
    ],
    "a_figurative_pipeline": [
        # a pipeline of projects, applicants or young staff, a "Projektpipeline": no pipe, so no carrier, no junction's
        # business and no energy word (h26-de-01, h26-de-11, h26-en-05)
        ("KMG baut seine Projektpipeline aus; eine Polyethylen-Anlage bei Atyrau ist geplant.", "de", set()),
        ("Our pipeline of applicants is long, and the campus near Atyrau is growing.", "en", set()),
        ("Wir brauchen eine Pipeline für Nachwuchs. Die Druschba ist Geschichte.", "de", set()),
        # an oil pipeline near the town, a pipeline of a company: the pipe
        ("KMG baut die Ölpipeline bei Atyrau aus.", "de", {"atyrau"}),
        ("The pipeline of KazTransOil near Atyrau was repaired.", "en", {"atyrau"}),
    ],
    "a_firms_leitung_is_no_pipe": [
        # "Geschäftsleitung", "Konzernleitung": a firm's management, no carrier or junction word (h26-de-05)
        ("Die Geschäftsleitung sitzt in Astana, die Zentrale der Töchter befindet sich in Atyrau.", "de", set()),
        ("Die Konzernleitung hat ihren Sitz in Atyrau.", "de", set()),
        # an oil line ending there is the junction
        ("Die Ölleitung endet in Atyrau.", "de", {"atyrau"}),
    ],
    "a_terminal_for_people": [
        # an airport's or a hospital's terminal is no energy word: with it alone a story speaks of no oil (h26-de-11's
        # PCK as an employer, h26-de-12's "nach Baku (Terminal 3)", h26-ru-05)
        ("Das Klinikum hat ein neues Terminal für die Patientenaufnahme. Nach der PCK ist es der größte Arbeitgeber.", "de", set()),
        ("Im Terminal 1 des Flughafens ist es ruhig. Die Druschba ist Geschichte.", "de", set()),
        ("The new passenger terminal opened in March. Druzhba is history.", "en", set()),
        ("Открыт новый пассажирский терминал аэропорта. Дружба важнее всего.", "ru", set()),
        # a terminal of the port or for oil still is
        ("Der neue Terminal im Hafen ist fertig. Nach der PCK ist es der größte Arbeitgeber.", "de", {"schwedt"}),
        ("Открыт новый терминал в порту. Дружба важнее всего.", "ru", {"druzhba-samara-schwedt"}),
    ],
    "a_renamed_towns_present_name": [
        # "Gurjew (heute Atyrau)": the town's name today, in its history (h26-de-06)
        ("Die erste Ölquelle lag bei der Stadt Gurjew (heute Atyrau).", "de", set()),
        ("The first oil well was drilled near Guryev (now Atyrau) in 1899.", "en", set()),
        ("Первую нефть добыли у Гурьева (ныне Атырау).", "ru", set()),
        # "heute" outside a bracket is the time of the flow
        ("Das Öl wird heute in Atyrau eingespeist.", "de", {"atyrau"}),
    ],
    "a_dateline_of_two_places": [
        # "Moscow / Atyrau, 28 November 2026 —": a release's two places, where it was issued (h26-en-02)
        ("Moscow / Atyrau, 28 November 2026 — The CPC loaded more oil.", "en", {"cpc"}),
        ("Moskau/Atyrau, 28. November 2026 – Der CPC verlud mehr Öl.", "de", {"cpc"}),
        # the town in the body is read as ever
        ("Moscow / Astana, 28 November 2026 — Oil is pumped on at Atyrau.", "en", {"atyrau"}),
    ],
    "a_venue_named_druzhba": [
        # a club, a cinema, a sports complex, a students' home named "Friendship", in compounds too (h26-de-10, h26-de-12,
        # h26-ru-05, h26-en-05)
        ("Der Freundschaftsklub „Druschba“ feiert; das Öl fließt weiter.", "de", set()),
        ("Das alte Sowjetkino „Druschba“ zeigt Filme über Öl.", "de", set()),
        ("В Бейнеу открыт спортивный комплекс «Дружба» для нефтяников.", "ru", set()),
        ("Students live in the Druzhba residence hall next to the oil institute.", "en", set()),
        # the line after its own line word
        ("Der Klub liegt an der Druschba-Leitung.", "de", {"druzhba-samara-schwedt"}),
    ],
    "a_names_other_meaning_again": [
        # once the story gives a line's or a field's one-word name another meaning (a club, a person), the name again in a
        # sentence with no energy word is that meaning (h26-de-10: "Die Druschba-Jugend", "„Tengis ist unser Herz“")
        ("Der Freundschaftsklub „Druschba“ lädt ein. Die Druschba-Jugend reist nach Thüringen. Öl ist teuer.", "de", set()),
        ("Den Chor leitet Tengis Achmetow. „Tengis ist unser Herz“, sagte eine Sängerin. Öl ist teuer.", "de", set()),
        ("The choir is led by Tengiz Abenov. Tengiz is our heart, a singer said. Oil prices rose.", "en", set()),
        # the name again in a sentence of oil is the asset
        ("Der Freundschaftsklub „Druschba“ lädt ein. Über die Druschba fließt weiter Öl nach Schwedt.", "de",
         {"druzhba-samara-schwedt", "schwedt"}),
        ("Den Chor leitet Tengis Achmetow. Das Öl aus Tengis fließt über den CPC.", "de", {"tengiz", "cpc"}),
    ],
    "a_facility_named_near_its_residents": [
        # residents near the facility named by its kind word: the facility, not the town of consumers (h26-en-03)
        ("Residents near the compressor station at Beineu complain about flaring.", "en", {"beineu"}),
        ("Жители у компрессорной станции в Бейнеу жалуются на факелы.", "ru", {"beineu"}),
        # residents of the town: the town
        ("Residents of Beineu complain about flaring.", "en", set()),
        ("Жители Бейнеу жалуются на факелы.", "ru", set()),
    ],
    "a_list_of_flight_routes": [
        # the chains after a flights' word, listed, are each a flight's route (h26-ru-05)
        ("С января открываются прямые рейсы Актау — Стамбул, Актау — Дубай и Актау — Баку.", "ru", set()),
        ("New flights Aktau–Istanbul, Aktau–Dubai and Aktau–Baku start in January.", "en", set()),
        # the tanker lane by its name
        ("Танкеры с нефтью ходят по маршруту Актау — Баку.", "ru", {"lane-aktau-baku", "aktau", "sangachal"}),
    ],
    "air_travel_is_the_towns": [
        # trips by air, flights to a port town, with no port business, carrier or oil: the town (h26-en-06)
        ("Most trips were made by air, to and from Tbilisi, Kutaisi and Batumi.", "en", set()),
        ("Die Mehrheit der Flüge geht weiterhin nach Batumi.", "de", set()),
        ("Большинство авиарейсов по-прежнему выполняется в Батуми.", "ru", set()),
        # oil or the port in the sentence: the facility
        ("Most oil still goes by tanker to Batumi, though flights are full.", "en", {"batumi"}),
        ("Most exports still go through the port of Batumi, near the airport.", "en", {"batumi"}),
    ],
}


@pytest.mark.parametrize(("text", "language", "expected"), [
    pytest.param(*case, id=f"links26-{rule}-{k}") for rule, cases in _LINKS26.items() for k, case in enumerate(cases)])
def test_link_batch26_rule(text, language, expected):
    """The cases of the rules tuned on batch 26 (``-k figurative_pipeline`` runs one rule)."""
    assert links(text, language) == expected


#: Rules tuned on batch 25 (market and wire copy, neighbour press; tests/fixtures/extraction_links_holdout25.yaml): positive
#: cases and false friends, written for the rules (not taken from the batch's texts), in each language where the rule applies.
_LINKS25: dict[str, list[tuple[str, str, set[str]]]] = {
    "a_german_port_compound": [
        # a compound of "-hafen" before a town-named terminal is a port word, as "Hafen" alone (h25-de-03's
        # "Mittelmeerhafen Dschayhan")
        ("Günstiger ist die Route ab dem türkischen Mittelmeerhafen Dschayhan.", "de", {"ceyhan"}),
        ("Der Schwarzmeerhafen Noworossijsk war wegen Sturm gesperrt.", "de", {"sheskharis"}),
        # an airport or a club's home port is no port word
        ("Der Flughafen Dschayhan meldet mehr Passagiere.", "de", set()),
        ("Im Heimathafen Baku feierte die Mannschaft den Sieg.", "de", set()),
    ],
    "a_coast_as_a_lines_end": [
        # a from or to word before the coast of a place, the line named in the sentence: the line's start or goal there,
        # not the shore as a landmark (h25-de-06's "von der Küste bei Turkmenbaschi nach Baku")
        ("Die Transkaspische Pipeline soll Gas von der Küste bei Turkmenbaschi nach Baku bringen.", "de",
         {"tcgp", "turkmenbashi", "sangachal"}),
        ("The Trans-Caspian Gas Pipeline would run from the coast near Turkmenbashi to Baku.", "en",
         {"tcgp", "turkmenbashi", "sangachal"}),
        ("Транскаспийский газопровод должен пройти от побережья у Туркменбаши до Баку.", "ru",
         {"tcgp", "turkmenbashi", "sangachal"}),
        # the shore as a place of tourists, or with no from or to word: the town's coast
        ("Die Transkaspische Pipeline ist ein altes Projekt; Urlauber baden an der Küste bei Turkmenbaschi.", "de", {"tcgp"}),
        ("The Trans-Caspian Gas Pipeline is an old plan; hotels line the coast near Turkmenbashi.", "en", {"tcgp"}),
        ("Транскаспийский газопровод обсуждают давно, а туристы едут от побережья у Туркменбаши к морю.", "ru", {"tcgp"}),
    ],
    "in_the_area_of": [
        # «в районе» unquoted is "in the area of", no district named so (h25-ru-01's «в районе Босфора»)
        ("Танкеры ждут в районе Босфора три дня.", "ru", {"lane-black-sea-bosphorus"}),
        # a district named so: quoted after «в районе», or «района» without «в»
        ("В районе «Дружба» открыли школу, а нефть идёт по КТК.", "ru", {"cpc"}),
        ("Жители района Дружба жалуются на шум, а нефть идёт по КТК.", "ru", {"cpc"}),
    ],
    "a_term_glossed_by_an_abbreviation": [
        # an abbreviation in brackets right after a term, in a clause of no oil, gas, line or trade word, is the term's,
        # though the term (a translation) does not spell it (h25-de-07's "Kosten pro Klick (CPC)", h25-ru-07's «стоимость
        # клика (CPC)»)
        ("Kasachstan exportiert Öl über die BTC-Leitung. Start-ups messen die Kosten pro Klick (CPC).", "de", {"btc"}),
        ("Казахстан экспортирует нефть по БТД. Стартапы считают стоимость клика (CPC).", "ru", {"btc"}),
        ("Kazakhstan ships oil via the BTC pipeline. Startups watch the price of a click (CPC).", "en", {"btc"}),
        # the consortium's name or an export word before the bracket: the asset
        ("Kasachstan exportiert Öl über das Kaspische Pipeline-Konsortium (CPC).", "de", {"cpc"}),
        ("Kasachstan exportiert viel. Der wichtigste Exportweg (CPC) bleibt offen.", "de", {"cpc"}),
        ("Нефть идёт через Каспийский трубопроводный консорциум (КТК).", "ru", {"cpc"}),
        ("Kazakhstan ships most of its oil through its main export outlet (CPC).", "en", {"cpc"}),
    ],
    "a_venues_name_names_no_line": [
        # a line's name the story gives a venue (a sports complex «Дружба») names no line where it stands again: the junction
        # in its sentence is the town (h25-ru-08's «турнир «Кубок Дружбы» в Шымкенте»)
        ("Спортивный комплекс «Дружба» открылся после ремонта. Казахстан экспортирует нефть через КТК. 13 декабря – турнир "
         "«Кубок Дружбы» в Шымкенте.", "ru", {"cpc"}),
        ("The Hotel Druzhba reopened in May. Kazakhstan exports its oil via the CPC. Next week: the Druzhba Cup in Shymkent.",
         "en", {"cpc"}),
        # the line named by its own words beside the venue's story: the line and its junction
        ("Спортивный комплекс «Дружба» открылся после ремонта. По нефтепроводу «Дружба» нефть идёт через Самару.", "ru",
         {"druzhba-samara-schwedt", "samara"}),
        ("The Hotel Druzhba reopened in May. Kazakh oil flows through the Druzhba pipeline via Samara.", "en",
         {"druzhba-samara-schwedt", "samara"}),
    ],
    "an_amount_after_a_grades_price": [
        # an amount of money alone right after a sentence of a Russian grade's price is that price at the place named: the
        # Transneft berths, though the story names the CPC (h25-de-01's "Bei Verladungen in Noworossijsk lag er bei 11,90 Dollar")
        ("CPC Blend loadings at Novorossiysk rose. The Urals discount to Brent widened to $12.40 in Primorsk. In Novorossiysk "
         "it stood at $11.90.", "en", {"cpc", "cpc-marine-terminal", "primorsk", "sheskharis"}),
        ("Das CPC verlädt mehr Öl in Noworossijsk. Der Abschlag der Sorte Urals zu Brent weitete sich in Primorsk auf 12,40 "
         "Dollar aus. Bei Verladungen in Noworossijsk lag er bei 11,90 Dollar.", "de", {"cpc", "primorsk", "sheskharis"}),
        ("КТК увеличил отгрузки в Новороссийске. Дисконт Urals к Brent в Приморске вырос до 12,4 доллара. В Новороссийске он "
         "составил 11,9 доллара.", "ru", {"cpc", "cpc-marine-terminal", "primorsk", "sheskharis"}),
        # the CPC's grade priced there, or no price in the sentence before: no Transneft berth
        ("CPC Blend loadings at Novorossiysk rose. The Urals discount to Brent widened to $12.40 in Primorsk. In Novorossiysk "
         "CPC Blend stood at $1.60.", "en", {"cpc", "cpc-marine-terminal", "primorsk"}),
        ("Das CPC verlädt mehr Öl in Noworossijsk. Die Sorte Urals wurde in Primorsk weniger verladen. In Noworossijsk "
         "kostete die Fracht 11,90 Dollar.", "de", {"cpc", "primorsk"}),
    ],
    "a_tanker_lanes_shipment_goes_on": [
        # a tanker lane's two ports as a shipment's start and goal, with a word of lots sent, right after a sentence of oil
        # moving: the lane and its ports (h25-ru-02's «небольшие партии из Актау отправляются в Махачкалу»)
        ("Из порта Курык нефть доставляется в Алят. Кроме того, небольшие партии из Актау отправляются в Махачкалу.", "ru",
         {"kuryk", "alat", "lane-kuryk-alat", "aktau", "makhachkala", "lane-aktau-makhachkala"}),
        ("Aus Kuryk geht das Rohöl per Tanker nach Alat. Kleinere Partien gehen von Aktau nach Machatschkala.", "de",
         {"kuryk", "alat", "lane-kuryk-alat", "aktau", "makhachkala", "lane-aktau-makhachkala"}),
        ("Tankers carry Kuryk crude to Alat. Smaller lots also go from Aktau to Makhachkala.", "en",
         {"kuryk", "alat", "lane-kuryk-alat", "aktau", "makhachkala", "lane-aktau-makhachkala"}),
        # passengers, planes, a person's flight, or a new paragraph: no oil goes on
        ("Tankers carry Kuryk crude to Alat. Passenger ferries also run from Aktau to Makhachkala.", "en",
         {"kuryk", "alat", "lane-kuryk-alat"}),
        ("Из порта Курык нефть доставляется в Алят. Кроме того, из Актау в Махачкалу летают самолёты.", "ru",
         {"kuryk", "alat", "lane-kuryk-alat"}),
        ("Tankers carry Kuryk crude to Alat. The minister flew from Aktau to Makhachkala.", "en", {"kuryk", "alat", "lane-kuryk-alat"}),
        ("Aus Kuryk geht das Rohöl per Tanker nach Alat.\n\nKleinere Partien gehen von Aktau nach Machatschkala.", "de",
         {"kuryk", "alat", "lane-kuryk-alat"}),
    ],
}


@pytest.mark.parametrize(("text", "language", "expected"), [
    pytest.param(*case, id=f"links25-{rule}-{k}") for rule, cases in _LINKS25.items() for k, case in enumerate(cases)])
def test_link_batch25_rule(text, language, expected):
    """The cases of the rules tuned on batch 25 (``-k in_the_area_of`` runs one rule)."""
    assert links(text, language) == expected


#: Rules tuned on batch 27 (local impact and incidents along the routes, ratings and bank notes;
#: tests/fixtures/extraction_links_holdout27.yaml): positive cases and false friends, written for the rules (not taken from
#: the batch's texts), in each language where the rule applies.
_LINKS27: dict[str, list[tuple[str, str, set[str]]]] = {
    "a_given_name_with_a_surnames_initial": [
        # a field's one-word name with a surname cut to its initial, as court, police and sports reports shorten a person's
        # name: the person, and the name again in a sentence of no energy is the person too (h27-en-08)
        ("The team's coach, Tengiz K., said the players need more rest.", "en", set()),
        ("Its coach, Tengiz K., spoke to the fans. Tengiz is a calm man, a player said.", "en", set()),
        ("Der Angeklagte Tengis B. bestreitet, Kupferkabel gestohlen zu haben.", "de", set()),
        ("Пострадавший Тенгиз М. доставлен в больницу.", "ru", set()),
        # the field in a sentence of oil stays, the person beside it or not
        ("Oil from Tengiz goes through the CPC. Its coach, Tengiz K., spoke after the match.", "en", {"tengiz", "cpc"}),
        ("Нефть Тенгиза идёт по трубопроводу КТК.", "ru", {"tengiz", "cpc"}),
        # no initial: an abbreviation of more letters ("U.S."), the name ending a sentence, a page's reference ("S. 4")
        ("Tengiz U.S. partner Chevron pumped more oil in May.", "en", {"tengiz"}),
        ("Most of the oil comes from Tengiz. A second field, Kashagan, adds more.", "en", {"tengiz", "kashagan"}),
        ("Mehr zum Öl aus Tengis S. 4.", "de", {"tengiz"}),
    ],
    "a_football_clubs_town_by_its_refinery": [
        # a refinery named by its town, in a football club's name, is the town, as a port's or junction's town is ("FK
        # Atyrau"): not taken up by "die Raffinerie" of the next sentence either (h27-de-07)
        ("Die Jugend des FC Schwedt 02 spielte am Sonntag. Ein Stand der Raffinerie verteilte Eis.", "de", set()),
        ("Young players of FC Schwedt 02 played on Sunday. The refinery's stand gave out balloons.", "en", set()),
        # the refinery by its own name, or the town as the oil's goal, beside the club
        ("Der FC Schwedt 02 spielte. Die Raffinerie Schwedt verarbeitet Rohöl aus Kasachstan.", "de", {"schwedt"}),
        ("Fans of FC Schwedt 02 gathered; oil still flows through the Druzhba to Schwedt.", "en",
         {"druzhba-samara-schwedt", "schwedt"}),
    ],
}


@pytest.mark.parametrize(("text", "language", "expected"), [
    pytest.param(*case, id=f"links27-{rule}-{k}") for rule, cases in _LINKS27.items() for k, case in enumerate(cases)])
def test_link_batch27_rule(text, language, expected):
    """The cases of the rules tuned on batch 27 (``-k surnames_initial`` runs one rule)."""
    assert links(text, language) == expected


#: Rules tuned on batch 28 (live blogs, tickers and digests; tests/fixtures/extraction_links_holdout28.yaml): positive cases
#: and false friends, written for the rules (not taken from the batch's texts), in each language where the rule applies.
_LINKS28: dict[str, list[tuple[str, str, set[str]]]] = {
    "a_lines_start_or_end_in_the_next_sentence": [
        # the sentence after a line's own name gives where it starts or ends, planned too, by a pronoun and a verb of its
        # start or end, or by a verb that starts or brings the pipe somewhere (h28-de-06, h28-ru-04)
        ("Über die Transkaspische Gaspipeline wird wieder verhandelt. Sie würde vor Turkmenbaschi starten.", "de",
         {"tcgp", "turkmenbashi"}),
        ("Der Bau der Transkaspischen Gaspipeline ist beschlossen. Sie beginnt bei Turkmenbaschi.", "de", {"tcgp", "turkmenbashi"}),
        ("Talks on the Trans-Caspian Gas Pipeline resumed. It would start at Turkmenbashi and come ashore near Baku.", "en",
         {"tcgp", "turkmenbashi", "sangachal"}),
        ("В Ашхабаде вспомнили о Транскаспийском газопроводе. Туркмения хочет протянуть трубу от Туркменбаши до Баку.", "ru",
         {"tcgp", "turkmenbashi", "sangachal"}),
        ("Про Транскаспийский газопровод снова говорят. Он должен начинаться у Туркменбаши.", "ru", {"tcgp", "turkmenbashi"}),
        # a meeting or talks that start there, or no line named in the sentence before: the town
        ("Talks on the Trans-Caspian Gas Pipeline resumed. The next round will start in Turkmenbashi.", "en", {"tcgp"}),
        ("Über die Transkaspische Gaspipeline wird verhandelt. Die Konferenz soll in Turkmenbaschi beginnen.", "de", {"tcgp"}),
        ("На форуме обсуждали Транскаспийский газопровод. Делегаты предлагают начать переговоры в Туркменбаши.", "ru", {"tcgp"}),
        ("The talks resumed. It would start at Turkmenbashi.", "en", set()),
    ],
    "loading_in_the_zh_stem": [
        # «отгружают», «отгружено» (the stem's з turns ж) load at a port or terminal, as «отгрузка» does (h28-ru-05)
        ("Часть партий отгружают в Усть-Луге.", "ru", {"ust-luga"}),
        ("Остальное отгружено в Новороссийске.", "ru", {"sheskharis"}),
        # a junction loads nothing; a concert is the town's
        ("В Самаре отгружают зерно.", "ru", set()),
        ("В Усть-Луге прошёл концерт.", "ru", set()),
    ],
    "an_abbreviation_glossed_after_or": [
        # "CPC, or cost per click,": an abbreviation spelled out after "or" / "also" / «или» as something else (h28-en-06)
        ("Oil prices rose. Marketers watch CPC, or cost per click, more than reach.", "en", set()),
        ("Öl wurde teurer. Werbetreibende achten auf den CPC, also Cost per Click.", "de", set()),
        ("Нефть подорожала. Рейтинги КТК, или Коммерческого телевизионного канала, выросли.", "ru", set()),
        # spelled out as the consortium: the asset
        ("Oil moves through the CPC, or Caspian Pipeline Consortium.", "en", {"cpc"}),
        ("Нефть идёт через КТК, или Каспийский трубопроводный консорциум.", "ru", {"cpc"}),
        ("Über den CPC, also das Kaspische Pipeline-Konsortium, fließt Öl.", "de", {"cpc"}),
    ],
    "a_towns_name_given_to_something_else": [
        # a naming verb right before a town's name, no facility's kind word before it: a firm's or a brand's name, though
        # its sentence names other goods (h28-en-06's restaurant chain)
        ("Oil prices rose. A food delivery start-up named Aktau raised money in Leeds.", "en", set()),
        ("Öl wurde teurer. Ein Lieferdienst für Lebensmittel namens Batumi sammelt Geld ein.", "de", set()),
        ("Нефть подорожала. Сервис доставки продуктов питания под названием «Актау» привлёк инвестиции.", "ru", set()),
        # the facility's kind word before the naming verb: the facility
        ("Crude is loaded at the terminal called Ceyhan.", "en", {"ceyhan"}),
        ("Нефть отгружают через порт под названием Актау.", "ru", {"aktau"}),
        # "heißt" says what a thing is, no name given: the facility
        ("Die Tanker fahren los. Das Ziel heißt Baku, wo das Öl in die Leitung geht.", "de", {"sangachal"}),
    ],
    "a_terminal_to_pay_at": [
        # card and payment terminals are no energy word: a sentence with them alone speaks of no oil (h28-ru-01; h28-de-03,
        # h28-de-04, h28-en-06 name such terminals too)
        ("Oil prices rose. The bank said card terminals failed in shops in Samara.", "en", set()),
        ("Öl wurde teurer. In Schwedt fielen die EC-Terminals der Sparkasse aus.", "de", set()),
        ("Нефть подорожала. В магазинах Самары не работали платёжные терминалы.", "ru", set()),
        # a terminal of a port
        ("The terminal at Novorossiysk resumed loading.", "en", {"sheskharis"}),
        ("Терминал в Приморске возобновил работу.", "ru", {"primorsk"}),
    ],
    "a_venue_named_in_the_next_sentence": [
        # the next sentence says what a line's one-word name is, a cafe, a bar, a shop (h28-ru-03's «Это кафе в Алматы»)
        ("Oil prices rose. Everyone asks about Druzhba. It is a shop near the station.", "en", set()),
        ("Öl wird teurer. Alle reden über die Druschba. Das ist eine Kneipe am Markt.", "de", set()),
        ("Нефть дорожает. Все спрашивают про «Дружбу». Это ресторан у вокзала.", "ru", set()),
        # the next sentence calls it a route or a pipeline: the line
        ("Oil flows through Druzhba. It is the main pipeline to Germany.", "en", {"druzhba-samara-schwedt"}),
        ("Нефть идёт по «Дружбе». Это главный маршрут в Германию.", "ru", {"druzhba-samara-schwedt"}),
    ],
}


@pytest.mark.parametrize(("text", "language", "expected"), [
    pytest.param(*case, id=f"links28-{rule}-{k}") for rule, cases in _LINKS28.items() for k, case in enumerate(cases)])
def test_link_batch28_rule(text, language, expected):
    """The cases of the rules tuned on batch 28 (``-k a_terminal_to_pay_at`` runs one rule)."""
    assert links(text, language) == expected


#: Rules tuned on batch 30 (regional press along the routes and company results and filings, Russian-weighted;
#: tests/fixtures/extraction_links_holdout30.yaml): positive cases and false friends, written for the rules (not taken from
#: the batch's texts), in each language where the rule applies.
_LINKS30: dict[str, list[tuple[str, str, set[str]]]] = {
    "a_region_adjective_before_plural_oblasts": [
        # a town's adjective before «областях», «областям» (the plural's other cases): the region, not the junction (h30-ru-12)
        ("Нефтепровод проходит по Атырауской и Актюбинской областям.", "ru", set()),
        ("Компания обслуживает терминалы в Атырауской и Мангистауской областях.", "ru", set()),
        # the junction by its station's name beside a region word stays
        ("На НПС «Атырау» нефть закачивают в трубу на Самару; станции есть в Атырауской и Западно-Казахстанской областях.", "ru",
         {"atyrau", "samara"}),
    ],
    "a_shop_or_partnership_named_like_a_line": [
        # a supermarket, a shop or a partnership named Druzhba is no pipeline (h30-ru-12, h30-en-06)
        ("Нефтяники подписали договор с сетью супермаркетов «Дружба».", "ru", set()),
        ("The oil firm's \"Druzhba\" partnership with a bank signed up 5,000 members.", "en", set()),
        ("The refinery's staff get discounts at the Druzhba supermarket.", "en", set()),
        ("Die Raffinerie sponsert den Supermarkt „Druschba“ am Stadtrand.", "de", set()),
        # the line by its name, a shop's word elsewhere in the sentence
        ("Der Supermarkt liegt an der Druschba-Leitung, durch die Rohöl nach Schwedt fließt.", "de",
         {"druzhba-samara-schwedt", "schwedt"}),
        ("Нефть по «Дружбе» идёт в Шведт, а не в магазины.", "ru", {"druzhba-samara-schwedt", "schwedt"}),
    ],
    "a_pipeline_of_qualified_or_compound_projects": [
        # a figurative pipeline of projects or deals with words before them or as a compound: no pipe word, so a junction's
        # town after "in" is the town (h30-de-04)
        ("Analysten kritisieren die „Pipeline an Prestigeprojekten“, etwa die Gaschemie in Atyrau.", "de", set()),
        ("Die Firma hat eine Pipeline von Infrastrukturprojekten, etwa in Atyrau.", "de", set()),
        ("The region has a pipeline of tourism projects, mostly in Atyrau.", "en", set()),
        ("The company has a pipeline of three storage deals in Atyrau.", "en", set()),
        # a determiner first: the pipe itself
        ("Die Pipeline an der Station Atyrau pumpt mehr Öl.", "de", {"atyrau"}),
        ("Die Pipeline für das Projekt endet in Atyrau.", "de", {"atyrau"}),
    ],
    "a_traders_parcel_at_a_port": [
        # a traders' parcel (a cargo lot) from a port is the port's business (h30-en-01)
        ("We also took our first parcel from Kuryk.", "en", {"kuryk"}),
        ("The trader lifted a parcel of CPC Blend from Aktau last week.", "en", {"aktau", "cpc"}),
        # a plot of land, a parcel locker: the town
        ("A parcel of land near Aktau was sold to a hotel developer.", "en", set()),
        ("Kazpost opened a parcel locker in Aktau.", "en", set()),
    ],
    "travellers_home_towns": [
        # tourists, visitors, guests from or to a facility's town, in a sentence of no business of the facility, no carrier and
        # no oil or gas: the town, in a claim's sentence too (h30-en-03)
        ("Oil exports rose.\n\nTourists from Almaty, Astana and Atyrau make up most of the visitors.", "en", set()),
        ("Tourists from Almaty and Aktau now depend on the new ferry.", "en", set()),
        ("Туристы из Астаны и Атырау теперь зависят от новых паромов.", "ru", set()),
        ("Touristen aus Atyrau und Aktau sind jetzt auf die neue Fähre angewiesen.", "de", set()),
        # tankers and crude in the sentence: the port
        ("Tourists watched tankers load crude at Aktau, which depends on Kazakh oil.", "en", {"aktau"}),
    ],
    "an_airlines_story_names_towns": [
        # a story whose headline names an airline: the towns it flies to, bases crews in, fills seats for, its terminals and
        # loads an airport's and a plane's, oil workers on board or not (h30-en-06)
        ("Steppe Airlines: nine-month results\n\nThe airline added a daily flight to Atyrau, where oil workers fill most seats. "
         "Growth came from Batumi, with Batumi loads reaching 88% in July.", "en", set()),
        ("Steppe Airlines: nine-month results\n\nThe Atyrau base moves into the new terminal, and the crew hotel in Aktau has a "
         "new operator.", "en", set()),
        ("Fluggesellschaft meldet Rekord\n\nDie Flüge nach Aktau waren voll, vor allem mit Ölarbeitern. Die Crew zieht in ein "
         "Hotel in Atyrau, die Basis in das neue Terminal dort.", "de", set()),
        ("Авиакомпания подвела итоги года\n\nРейсы в Атырау заполнены нефтяниками. Рост дал Батуми, где загрузка достигла 90%.",
         "ru", set()),
        # tankers, crude or a sea port in the sentence keep the facility; no airline in the headline, no such story
        ("Steppe Airlines: nine-month results\n\nThe airline flies to Aktau, where crude is loaded onto tankers for Baku.", "en",
         {"aktau", "sangachal", "lane-aktau-baku"}),
        ("Steppe Airlines: nine-month results\n\nThe airline's fuel comes through the port of Batumi.", "en", {"batumi"}),
        ("Oil exports rise\n\nAn airline added flights to Atyrau. Loadings at Batumi rose 8%.", "en", {"batumi"}),
    ],
    "a_payment_terminal_story_names_towns": [
        # a story of payment terminals that speaks of no oil, gas, pipe, tanker or sea port: the towns where its terminals stand
        # (h30-ru-12)
        ("Итоги квартала\n\nКомпания обслуживает платёжные терминалы. Сеть насчитывала 900 терминалов, из них 120 — в Атырау "
         "и 90 — в Актау.", "ru", set()),
        ("Card firm results\n\nThe firm runs 500 payment terminals, 200 of them in Aktau and 100 in Batumi.", "en", set()),
        ("Zahlen des Anbieters\n\nDie Firma betreibt 500 Kartenterminals, davon 200 in Aktau.", "de", set()),
        # oil, tankers or a sea port in the story: read as any other
        ("Банк отчитался\n\nПлатёжные терминалы поставили и в порту Актау, где грузят нефть на танкеры.", "ru", {"aktau"}),
        ("Card firm results\n\nThe firm runs payment terminals in Aktau, where tankers load crude for Baku.", "en",
         {"aktau", "sangachal", "lane-aktau-baku"}),
    ],
}


@pytest.mark.parametrize(("text", "language", "expected"), [
    pytest.param(*case, id=f"links30-{rule}-{k}") for rule, cases in _LINKS30.items() for k, case in enumerate(cases)])
def test_link_batch30_rule(text, language, expected):
    """The cases of the rules tuned on batch 30 (``-k airlines_story`` runs one rule)."""
    assert links(text, language) == expected


#: Rules tuned on batch 29 (academic, think-tank and reference text with scraped-page noise;
#: tests/fixtures/extraction_links_holdout29.yaml): positive cases and false friends, written for the rules (not taken from
#: the batch's texts), in each language where the rule applies.
_LINKS29: dict[str, list[tuple[str, str, set[str]]]] = {
    "a_room_team_society_or_tool_named_druzhba": [
        # a room, a hall, a team, a band, a society or a chainsaw named Druzhba is no line (h29-de-07, h29-en-07, h29-en-08,
        # h29-ru-08)
        ("Oil prices rose. The seminar meets in Room Druzhba on the third floor.", "en", set()),
        ("Oil prices rose. She chairs the Druzhba Society at the university.", "en", set()),
        ("Oil prices rose. He revved an old Druzhba chainsaw on stage.", "en", set()),
        ("Der Ölpreis stieg. Die Sprechstunde findet im Raum Druschba statt.", "de", set()),
        ("Der Ölpreis stieg. Die Vorlesung ist im Hörsaal Druschba.", "de", set()),
        ("Нефть подорожала. Наша команда «Дружба» выиграла хакатон.", "ru", set()),
        ("Нефть подорожала. Заседание прошло в зале «Дружба».", "ru", set()),
        # the line, with a pipe or oil word
        ("Kazakh oil reaches Schwedt through the Druzhba pipeline.", "en", {"druzhba-samara-schwedt", "schwedt"}),
        ("Über die Druschba fließt kasachisches Öl nach Schwedt.", "de", {"druzhba-samara-schwedt", "schwedt"}),
        ("Нефть идёт по «Дружбе» в Германию.", "ru", {"druzhba-samara-schwedt"}),
    ],
    "a_field_name_after_a_naming_word": [
        # a field's one-word name after "named", "namens", «по прозвищу»: a person's or a thing's name (h29-de-08, h29-ru-07)
        ("Oil prices rose. She met an old photographer named Tengiz in the port.", "en", set()),
        ("Der Ölpreis stieg. Sie lernt einen Fischer namens Tengis kennen.", "de", set()),
        ("Нефть подорожала. Клад нашёл сторож по прозвищу Тенгиз.", "ru", set()),
        ("Нефть подорожала. Собаку по кличке Тенгиз знали все.", "ru", set()),
        # a field's word before the naming word, or no naming word: the field
        ("Most of the oil comes from a giant field named Tengiz and goes through the CPC.", "en", {"tengiz", "cpc"}),
        ("Das Öl kommt vom Feld Tengis und fließt durch das CPC.", "de", {"tengiz", "cpc"}),
        ("Нефть с месторождения под названием Тенгиз идёт по КТК.", "ru", {"tengiz", "cpc"}),
    ],
    "a_persons_title_before_a_name": [
        # a title right before a one-word name: a person's surname, not the town's facility (h29-en-08)
        ("Professor Samara said oil exports through the pipeline would grow.", "en", set()),
        ("Prof. Schwedt sagte, die Ölexporte über die Pipeline würden wachsen.", "de", set()),
        ("Профессор Самара считает, что экспорт нефти по трубопроводу вырастет.", "ru", set()),
        # the junction, with no title
        ("Oil pipelines were discussed. Crude is pumped via Samara to Unecha.", "en", {"samara", "unecha"}),
        ("Нефть перекачивают через Самару.", "ru", {"samara"}),
    ],
    "a_terminal_or_pipeline_among_computing_words": [
        # a terminal or a pipeline in a sentence of computing words (CI/CD, shell, git, DevOps) is a command window or a
        # build's steps, no energy word (h29-ru-08's tag line)
        ("Tags: #CI/CD #terminal #DevOps #Samara", "en", set()),
        ("Our team in Samara opens a terminal and runs git pull.", "en", set()),
        ("Теги: #CI/CD #терминал #DevOps #Самара", "ru", set()),
        ("Die Build-Pipeline läuft in der Shell, auch in Schwedt.", "de", set()),
        # an oil terminal or a line keeps its energy
        ("Tags: #oil #terminal #Novorossiysk", "en", {"sheskharis"}),
        ("The terminal at Novorossiysk resumed loading.", "en", {"sheskharis"}),
    ],
}


@pytest.mark.parametrize(("text", "language", "expected"), [
    pytest.param(*case, id=f"links29-{rule}-{k}") for rule, cases in _LINKS29.items() for k, case in enumerate(cases)])
def test_link_batch29_rule(text, language, expected):
    """The cases of the rules tuned on batch 29 (``-k a_persons_title_before_a_name`` runs one rule)."""
    assert links(text, language) == expected


#: Rules tuned on batch 31 (ordinary-day news on Kazakh, Azerbaijani and Turkmen oil and gas avoiding Russia, with a travel
#: story and two fintech stories as negatives; tests/fixtures/extraction_links_holdout31.yaml): positive cases and false
#: friends, written for the rules (not taken from the batch's texts), in each language where the rule applies.
_LINKS31: dict[str, list[tuple[str, str, set[str]]]] = {
    "point_of_sale_terminals_in_a_payment_story": [
        # point-of-sale terminals are payment terminals: a story of them (no oil, gas, pipe, tanker or sea port) names the
        # towns where they stand (h31-en-08)
        ("Retail tech\n\nThe bank installed 3,000 point-of-sale terminals in cafes in Aktau and Batumi.", "en", set()),
        ("Retail tech\n\nA lender rolls out point of sale terminals in Atyrau. Merchants in Atyrau like them.", "en", set()),
        # oil in the story: read as any other
        ("Retail tech\n\nPoint-of-sale terminals went up in Aktau, where tankers load crude for Baku.", "en",
         {"aktau", "sangachal", "lane-aktau-baku"}),
    ],
    "a_software_pipeline_in_a_payment_story": [
        # a data, payments or CI/CD pipeline is software: it keeps no facility in a story of payment terminals (h31-en-08)
        ("Payments start-up\n\nIts data pipeline links banks; its payment terminals stand in Aktau and Atyrau.", "en", set()),
        ("Fintech\n\nThe team ships code through a CI/CD pipeline. Card terminals in Batumi run its app.", "en", set()),
        ("Fintech\n\nThe team deploys code through a CI/CD pipeline and sells card terminals. Its kiosks stand at the terminal in "
         "Batumi.", "en", set()),
        ("Fintech\n\nDie Datenpipeline läuft in der Cloud; Kartenterminals stehen in Aktau.", "de", set()),
        # a pipe of oil keeps the facility
        ("Payments firm\n\nIts card terminals stand in Aktau, near the pipeline that carries crude.", "en", {"aktau"}),
    ],
    "a_shop_word_holds_no_gas": [
        # «магазин» holds the letters of «газ» but is no gas: a payment story in shops names towns (h31-ru-08)
        ("Финтех\n\nПлатёжные терминалы стоят в магазинах Актау и Атырау.", "ru", set()),
        ("Финтех\n\nСеть магазинов в Актау подключила платёжные терминалы.", "ru", set()),
        # gas itself keeps the facility
        ("Финтех\n\nПлатёжные терминалы стоят в Актау, откуда газ и нефть идут танкерами.", "ru", {"aktau"}),
    ],
    "a_bus_airport_or_card_terminal_is_no_facility_business": [
        # a terminal of buses, planes, passengers or cards, as a compound or a phrase, is no oil terminal's or port's
        # business (h31-de-08, h31-en-08)
        ("Travel notes\n\nA minibus takes visitors to the bus terminal in Aktau.", "en", set()),
        ("Travel notes\n\nThe airport terminal in Baku has a good café.", "en", set()),
        ("Reisetipps\n\nIm Busterminal von Aktau gibt es Kaffee.", "de", set()),
        ("Reisetipps\n\nAm Flughafenterminal in Baku gibt es Wechselstuben.", "de", set()),
        ("Reisetipps\n\nDas Passagierterminal von Aktau wurde renoviert.", "de", set()),
        # an oil terminal or a port's terminal stays the facility
        ("Oil news\n\nThe terminal in Baku loaded two tankers.", "en", {"sangachal"}),
        ("Ölnachrichten\n\nDas Ölterminal in Aktau wurde erweitert.", "de", {"aktau"}),
    ],
}


@pytest.mark.parametrize(("text", "language", "expected"), [
    pytest.param(*case, id=f"links31-{rule}-{k}") for rule, cases in _LINKS31.items() for k, case in enumerate(cases)])
def test_link_batch31_rule(text, language, expected):
    """The cases of the rules tuned on batch 31 (``-k a_shop_word_holds_no_gas`` runs one rule)."""
    assert links(text, language) == expected


#: Rules tuned on batch 32 (German-weighted news on Kazakh oil via Druzhba and the CPC, the Caspian routes and Azerbaijani
#: and Turkmen gas, with sports, theatre, start-up and ferry stories as negatives; tests/fixtures/extraction_links_holdout32.yaml):
#: positive cases and false friends, written for the rules (not taken from the batch's texts), in each language where the
#: rule applies.
_LINKS32: dict[str, list[tuple[str, str, set[str]]]] = {
    "speisen_with_its_particle_ein_is_the_feed_in_verb": [
        # "speisen ... ein" (einspeisen split by its sentence) or "speisen in das Netz" feeds oil into a line: no meal, so the
        # fields named there are the oil's sources (h32-de-02)
        ("Kasachstans Felder\n\nAuch Karatschaganak und Kaschagan speisen seit Jahren in den CPC-Strang ein.", "de",
         {"karachaganak", "kashagan"}),
        ("Exportwege\n\nAb Juli speisen Kaschagan und Karatschaganak mehr ein, sagt der Minister.", "de",
         {"karachaganak", "kashagan"}),
        ("Exportwege\n\nKünftig speisen Tengis und Kaschagan zusätzlich in das Netz von KazTransOil.", "de", {"kashagan", "tengiz"}),
        # a meal stays a meal: no particle closing the sentence part ("ein Chor", "ein und dasselbe Menü"), no net
        ("Gipfel\n\nIn Atyrau speisen die Delegierten von Kaschagan und Karatschaganak gemeinsam zu Abend.", "de", set()),
        ("Gipfel\n\nDie Gäste speisen in einem Lokal, und ein Chor singt über Tengis und Kaschagan.", "de", set()),
        ("Gipfel\n\nAm Abend speisen die Gäste von Kaschagan ein und dasselbe Menü.", "de", set()),
    ],
    "a_plural_field_word_before_or_after_a_list_of_names": [
        # a plural field word before a list of names, or after it, makes each name a field: Kumkol the field, not the pump
        # station of that name (h32-de-07)
        ("Öl aus den Feldern Schanaschol und Kumkol fließt nach Atasu.", "de", {"atasu", "kumkol-field", "zhanazhol"}),
        ("Crude from the fields of Akshabulak, Kumkol and Zhanazhol is pumped east to Atasu.", "en",
         {"atasu", "kumkol-field", "zhanazhol"}),
        ("Oil output\n\nKumkol and Zhanazhol fields send crude to Atasu.", "en", {"atasu", "kumkol-field", "zhanazhol"}),
        ("Нефть месторождений Жанажол и Кумколь поступает на узел Атасу.", "ru", {"atasu", "kumkol-field", "zhanazhol"}),
        # a field word not next to the list, or a station's word: the pump station
        ("Oil from three fields reaches Kumkol, a pumping hub, and goes on to Atasu.", "en", {"atasu", "kumkol"}),
        ("Oil from the fields flows through the Kumkol pumping station to Atasu.", "en", {"atasu", "kumkol"}),
        ("Öl aus mehreren Feldern erreicht die Station Kumkol und fließt weiter nach Atasu.", "de", {"atasu", "kumkol"}),
    ],
    "a_match_result_verb_before_a_fields_name_names_a_team": [
        # a team defeated, beaten or drawn with is a club named after the field (h32-ru-05)
        ("Футбол\n\n«Актобе» разгромил «Тенгиз» в гостях.", "ru", set()),
        ("Футбол\n\n«Ордабасы» сыграл вничью с «Тенгизом» — 1:1.", "ru", set()),
        ("Handball\n\nDer HC Aktobe besiegte Tengis mit 31:27.", "de", set()),
        ("Football\n\nOrdabasy defeated Tengiz 3-1 on Saturday.", "en", set()),
        # fields compared by output keep their names ("beat", «уступает» are no match verbs here); a verb not right before
        ("Oil output\n\nKashagan beat Tengiz on output growth last quarter.", "en", {"kashagan", "tengiz"}),
        ("Добыча\n\nКашаган уступает Тенгизу по объёму добычи.", "ru", {"kashagan", "tengiz"}),
        ("Oil output\n\nKashagan defeated expectations while Tengiz stayed flat.", "en", {"kashagan", "tengiz"}),
    ],
    "a_stadiums_terminal_is_for_people": [
        # a stadium's terminal (or one of football fans) is no oil terminal: neither the sentence's energy cue nor a
        # facility's business (h32-en-05)
        ("Football\n\nSupporters came from Baku and queued at the stadium terminal.", "en", set()),
        ("Football\n\nThe team from Baku arrived at the terminal of the stadium.", "en", set()),
        ("Fußball\n\nDie Anhänger aus Baku warteten am Terminal des Stadions.", "de", set()),
        ("Fußball\n\nDie Mannschaft aus Baku kam am Stadionterminal an.", "de", set()),
        ("Футбол\n\nКоманда из Баку прибыла к терминалу стадиона.", "ru", set()),
        # an oil terminal near a stadium, or cooling fans at a terminal, stay the facility
        ("Oil news\n\nNew cooling fans were installed at the terminal in Baku.", "en", {"sangachal"}),
        ("Oil news\n\nThe terminal in Baku, near the new stadium, was expanded.", "en", {"sangachal"}),
        ("Ölnachrichten\n\nDas Terminal in Baku neben dem Stadion hat zwei Tanker beladen.", "de", {"sangachal"}),
        ("Нефть\n\nТерминал в Баку у нового стадиона отгрузил два танкера.", "ru", {"sangachal"}),
    ],
}


@pytest.mark.parametrize(("text", "language", "expected"), [
    pytest.param(*case, id=f"links32-{rule}-{k}") for rule, cases in _LINKS32.items() for k, case in enumerate(cases)])
def test_link_batch32_rule(text, language, expected):
    """The cases of the rules tuned on batch 32 (``-k a_stadiums_terminal_is_for_people`` runs one rule)."""
    assert links(text, language) == expected


@pytest.mark.parametrize(("text", "language", "expected"), [
    # one description of a terminal to pay at (geo/claims/extract.py, _PAY_WORDS_BEFORE ...) read by the sentence's cue, the
    # payment story and the facility's business alike: forms that only one or two of the three readers knew before
    ("Retail\n\nNew terminals for card payments stand in Aktau and Atyrau.", "en", set()),
    ("Retail\n\nThe bank put self-service terminals in Aktau.", "en", set()),
    ("Финтех\n\nБанковские терминалы установили в Актау.", "ru", set()),
    ("Финтех\n\nТерминалы эквайринга в Актау обновили.", "ru", set()),
    ("Handel\n\nNeue Kassenterminals stehen in Aktau.", "de", set()),
    # a whole word before the terminal's word: a wholesale terminal is no point of sale; an oil port keeps its business
    ("Oil news\n\nA wholesale terminal in Aktau stores diesel.", "en", {"aktau"}),
    ("Oil news\n\nThe card terminal at the port of Aktau failed; tankers kept loading.", "en", {"aktau"}),
])
def test_one_payment_terminal_description_is_read_three_ways(text, language, expected):
    assert links(text, language) == expected


#: Rules tuned on batch 33 (German-weighted regional and Alpine press, Kazakh and Azerbaijani state media, Kazakh business
#: press, with a local news page, a travel and food page and a restaurant guide as negatives;
#: tests/fixtures/extraction_links_holdout33.yaml): positive cases and false friends, written for the rules (not taken from
#: the batch's texts), in each language where the rule applies.
_LINKS33: dict[str, list[tuple[str, str, set[str]]]] = {
    "an_ensemble_or_choir_named_after_a_line": [
        # a dance or folk ensemble, a choir named so (German compounds too) is no line, in a story of energy too
        # (h33-de-11, h34-de-08)
        ("Stadtleben\n\nDas Terminal am Hafen lädt Öl. Das Folkloreensemble „Druschba“ probt jeden Dienstag im Gemeindesaal.",
         "de", set()),
        ("Stadtleben\n\nDie Gasleitung wird verlegt. Der Kinderchor „Druschba“ singt am Sonntag in der Marienkirche.", "de", set()),
        ("Town life\n\nThe new gas pipeline reached the town. The choir Druzhba from Leipzig sang at the town hall.", "en", set()),
        ("Афиша\n\nНефтепровод ремонтируют. Выступит хор «Дружба» из Самары.", "ru", set()),
        # the line with a pipe word, or its oil, stays the line
        ("Ölmarkt\n\nÜber die Druschba strömt wieder Rohöl nach Schwedt.", "de", {"druzhba-samara-schwedt", "schwedt"}),
        ("Oil news\n\nThe Druzhba pipeline carried less crude in May.", "en", {"druzhba-samara-schwedt"}),
    ],
    "a_coffee_house_named_after_a_line": [
        # «кофейня» named so is a venue, like «кафе», in a story of energy too (h33-ru-06)
        ("Город\n\nНефтяной терминал расширяют. Кофейня «Дружба» открылась на углу улицы Абая.", "ru", set()),
        ("Город\n\nГазопровод дошёл до села. В кофейне «Дружба» теперь подают пироги.", "ru", set()),
        # the line named with its oil stays the line
        ("Нефть\n\nКофейни закрыты, а по нефтепроводу «Дружба» нефть снова идёт в Германию.", "ru", {"druzhba-samara-schwedt"}),
    ],
    "a_cafe_or_bar_named_after_a_field": [
        # a café, a coffee house or a bar named after the field is the venue (h33-de-12, h33-ru-06)
        ("Ausgehen\n\nIm Café „Tengis“ am Boulevard gibt es Kuchen.", "de", set()),
        ("Going out\n\nThe cafe Tengiz near the bazaar serves strong tea.", "en", set()),
        ("Вечер\n\nВ баре «Тенгиз» играют блюз.", "ru", set()),
        ("Вечер\n\nГастробар «Кашаган» открылся у реки.", "ru", set()),
        # the field, with its oil, after a word that holds the letters of «бар» («баррель»): still the field
        ("Нефть\n\nДобыча выросла на 10 тысяч баррелей Тенгиза в сутки.", "ru", {"tengiz"}),
        ("Oil news\n\nOutput at Tengiz rose by 20,000 barrels a day.", "en", {"tengiz"}),
    ],
    "a_firm_named_after_a_town": [
        # a town's name before a firm's word is the firm's name, though the firm deals in oil or gas (h33-de-12)
        ("Finanzen\n\nDer Fonds Samara Capital kauft Anteile an einer Ölpipeline.", "de", set()),
        ("Markets\n\nAktau Holding bought a stake in an oil terminal.", "en", set()),
        ("Markets\n\nAtyrau Invest will finance a new gas pipeline.", "en", set()),
        # the junction in a sentence of oil, no firm's word after it
        ("Ölmarkt\n\nIn Samara wird das Öl in die Druschba eingespeist.", "de", {"samara", "druzhba-samara-schwedt"}),
    ],
    "a_role_before_a_given_name_and_surname": [
        # a person's role right before a place's one-word name with a capitalised word after it: a given name and a
        # surname (h33-de-12)
        ("Märkte\n\nDie Ölpipeline-Aktien steigen, sagt Analystin Samara Kühn.", "de", set()),
        ("Markets\n\nShares in pipeline operators rose, says fund manager Ceyhan Aksoy.", "en", set()),
        ("Рынки\n\nАкции трубопроводных компаний растут, говорит аналитик Самара Ильина.", "ru", set()),
        # the place after a role word, no surname: the place
        ("Oil news\n\nCrude reached Ceyhan on Monday, a manager at Ceyhan said.", "en", {"ceyhan"}),
        ("Ölmarkt\n\nDas Öl wird in Ceyhan verladen, sagt ein Manager.", "de", {"ceyhan"}),
    ],
    "a_persons_full_name_before_from": [
        # a given name and a surname right before "aus" / "from" / «из»: the person's home town (h33-de-11)
        ("Campus\n\nGastdozent Marat Ospanow aus Aktau spricht über Vögel.", "de", set()),
        ("Campus\n\nVisiting scholar Aida Seitkaliyeva from Atyrau gave a talk on pipeline history.", "en", set()),
        ("Кампус\n\nЛекцию о трубопроводах прочитал Нурлан Абенов из Атырау.", "ru", set()),
        # oil shipped from the port stays the port
        ("Ölmarkt\n\nTanker bringen Öl aus Aktau nach Baku.", "de", {"aktau", "sangachal", "lane-aktau-baku"}),
    ],
}


@pytest.mark.parametrize(("text", "language", "expected"), [
    pytest.param(*case, id=f"links33-{rule}-{k}") for rule, cases in _LINKS33.items() for k, case in enumerate(cases)])
def test_link_batch33_rule(text, language, expected):
    """The cases of the rules tuned on batch 33 (``-k a_firm_named_after_a_town`` runs one rule)."""
    assert links(text, language) == expected


#: Rules tuned on batch 34 (long-form and conversational pages: interviews, op-eds, FAQ explainers, long reads, letters,
#: reader comments, with start-up interviews, letters, a travel column and a football interview as negatives;
#: tests/fixtures/extraction_links_holdout34.yaml): positive cases and false friends, written for the rules (not taken from
#: the batch's texts), in each language where the rule applies.
_LINKS34: dict[str, list[tuple[str, str, set[str]]]] = {
    "a_mingrelian_surname_after_a_field": [
        # a field's name before a Georgian surname in -ia / -ua is a person's given name (h34-en-07)
        ("Start-ups\n\n'We ship code daily': a talk with Tengiz Gamsakhurdia about pipelines of data.", "en", set()),
        ("Gespräch\n\nTengis Schengelia über Öl, Kunst und Tiflis.", "de", set()),
        ("Интервью\n\nТенгиз Данелия рассказал о новом фильме про нефтяников.", "ru", set()),
        # the field before a word in -ia that is no surname (too short, or a vowel before it)
        ("Oil news\n\nTengiz Asia sales rose as the field pumped more oil.", "en", {"tengiz"}),
    ],
    "a_till_or_payment_terminal_is_no_port_business": [
        # a till's or a payment's terminal compound is no port's business (h34-de-07)
        ("Start-up\n\nUnsere Pipeline ist voll. Wir betreuen Kassenterminals in Aktau.", "de", set()),
        ("Start-up\n\nUnsere Pipeline ist voll. Neue Zahlungsterminals stehen in Aktau.", "de", set()),
        ("Start-up\n\nOur pipeline is full. We run POS terminals across Aktau.", "en", set()),
        # an oil terminal in the port stays the port
        ("Ölmarkt\n\nDas Ölterminal in Aktau hat zwei Tanker beladen.", "de", {"aktau"}),
    ],
    "a_town_then_a_venue_after_a_colon": [
        # "in <town>: the <name> hotel": the town a venue stands in, though the sentence speaks of pipelines (h34-en-04)
        ("History\n\nA relic survives in Aktau: the Neftchi hotel, where pipeline welders once slept.", "en", set()),
        ("Geschichte\n\nEin Rest überlebt in Atyrau – das Museum, in dem Pipeline-Bauer geehrt werden.", "de", set()),
        # a colon before a pipeline fact keeps the junction
        ("History\n\nThe line ends in Samara: the crude goes on by pipeline to the west.", "en", {"samara"}),
    ],
    "german_berths_are_port_business": [
        # "Liegeplätze" (berths) are a port's business (h34-de-01)
        ("Häfen\n\nUnd Kurik? Kurik ist klein, aber seine Liegeplätze sind frei.", "de", {"kuryk"}),
        ("Häfen\n\nIn Aktau fehlen Liegeplätze für größere Schiffe.", "de", {"aktau"}),
        # no port word: the town
        ("Reisen\n\nIn Aktau sind die Strände leer.", "de", set()),
    ],
    "gh_spells_a_hard_g": [
        # "gh" for a hard г ("Tenghiz") is the same key as "g" (h34-en-01)
        ("Oil news\n\nCrude from Tenghiz fills the line to the Black Sea.", "en", {"tengiz"}),
        ("Oil news\n\nThe Tenghiz field pumped more oil.", "en", {"tengiz"}),
        # a word with "gh" that folds to no name stays nothing
        ("Oil news\n\nThe Ghent office sent oil traders to Houston.", "en", set()),
    ],
    "a_lanes_start_settles_its_goal": [
        # "from <port> to Baku": the lane from that port decides which Baku (h34-en-01)
        ("Caspian\n\nTankers from Aktau to Baku carry crude, and the run from Kuryk to Alat adds a little.", "en",
         {"aktau", "sangachal", "lane-aktau-baku", "kuryk", "alat", "lane-kuryk-alat"}),
        ("Caspian\n\nCrude goes by tanker from Kuryk to Baku, and from Aktau to Makhachkala.", "en",
         {"kuryk", "alat", "lane-kuryk-alat", "aktau", "makhachkala", "lane-aktau-makhachkala"}),
        # other goods to Baku: the Port of Baku, as before
        ("Caspian\n\nContainers go from Aktau to Baku every week.", "en", {"aktau", "alat"}),
    ],
}


@pytest.mark.parametrize(("text", "language", "expected"), [
    pytest.param(*case, id=f"links34-{rule}-{k}") for rule, cases in _LINKS34.items() for k, case in enumerate(cases)])
def test_link_batch34_rule(text, language, expected):
    """The cases of the rules tuned on batch 34 (``-k gh_spells_a_hard_g`` runs one rule)."""
    assert links(text, language) == expected


#: Rules tuned on batch 36 (messy real-world pages: SEO rewrites, machine translations, non-native English, ALL-CAPS tickers,
#: forum and social posts, misspellings and Latin-script Kazakh / Azerbaijani names; tests/fixtures/extraction_links_holdout36.yaml):
#: positive cases and false friends, written for the rules (not taken from the batch's texts), in each language where the
#: rule applies.
_LINKS36: dict[str, list[tuple[str, str, set[str]]]] = {
    "gh_is_a_g": [
        # Latin transliterations write Kazakh ғ / Azeri ğ as "gh": "Tenghiz", "Qashaghan" are Tengiz and Kashagan
        ("Crude from the Tenghiz field is pumped to Novorossiysk.", "en", {"tengiz", "sheskharis"}),
        ("Die Partner von Qashaghan exportieren Öl über das CPC-Terminal.", "de", {"kashagan", "cpc-marine-terminal"}),
        # common words with "gh" stay words
        ("Enough high-sulphur oil reached Rotterdam through the night.", "en", set()),
        ("The Aghdam stadium hosted a concert for tanker crews.", "en", set()),
    ],
    "a_dj_onset_spelt_another_way": [
        # the sound /dʒ/ opening «Джейхан» / "Dschayhan" written as English j, Turkish c or, by a Russian machine, ч
        ("Tankers loaded Azeri crude at Jeyhan on Monday.", "en", {"ceyhan"}),
        ("Oil flows through the Baku-Tbilisi-Jeyhan pipeline to the Mediterranean.", "en", {"btc"}),
        ("Танкеры грузят азербайджанскую нефть в Чейхане.", "ru", {"ceyhan"}),
        ("Нефть идёт по нефтепроводу Баку-Тбилиси-Чейхан в Турцию.", "ru", {"btc"}),
        ("Die Ölleitung Baku-Tiflis-Dscheihan pumpte mehr Öl.", "de", {"btc"}),
        # another rest after the onset is another word: the name Jeyhun, a tea house («Чайхана»: ч stands for дж only
        # before a Cyrillic alias's rest, and "Dschayhan"'s is Latin), Chelsea, Jakarta
        ("Jeyhun Bayramov spoke about oil exports and tanker freight.", "en", set()),
        ("После смены танкеристы пошли в Чайхану у порта, где грузят нефть.", "ru", set()),
        ("Chelsea fans flew to Jakarta; the club's sponsor ships crude oil.", "en", set()),
    ],
    "a_names_capital_last_word_in_an_all_caps_line": [
        # in an ALL-CAPS headline a name's last word is in capitals like the rest: "PIPELINE" ends "Trans-Caspian Gas Pipeline"
        ("TURKMENISTAN PUSHES TRANS-CASPIAN GAS PIPELINE TO CARRY GAS TO EUROPE", "en", {"tcgp"}),
        ("KAZAKHSTAN-CHINA OIL PIPELINE PUMPED A RECORD 1.2 MILLION TONNES IN MAY", "en", {"kcp-atasu-alashankou"}),
        # a run of capitals before a comma that is longer than a place's name is a headline, no dateline
        ("KAZAKHSTAN-CHINA OIL PIPELINE SETS MONTHLY RECORD, KAZTRANSOIL SAYS", "en", {"kcp-atasu-alashankou"}),
        # an abbreviation ending a name is still compared letter by letter: a refinery (НПЗ) is no pump station (НПС)
        ("АТЫРАУСКИЙ НПЗ ОСТАНОВЛЕН НА РЕМОНТ", "ru", set()),
        ("Атырауский НПЗ остановлен на ремонт, нефть идёт в обход.", "ru", set()),
    ],
    "a_post_typed_in_lower_case": [
        # a line of six words or more with no capitalised word (handles and shouting aside) writes names in lower case
        ("@crude_watch: loadings of tengiz grade slow again this week ngl", "en", {"tengiz"}),
        ("@kz_trader: more kashagan crude wants to go via btc now, tankers full", "en", {"kashagan"}),
        # a lower-case name in a capitalised line, a short line, or Cyrillic (where «дружба» is friendship) stays a word
        ("We drank tengiz wine with oil traders at a dinner in Paris.", "en", set()),
        ("tengiz lol", "en", set()),
        ("дружба народов крепнет, нефть течёт, всё хорошо у нас тут", "ru", set()),
    ],
    "an_abbreviation_in_an_all_caps_line_of_no_energy": [
        # case tells "TAP" from "tap" only in mixed case: in an ALL-CAPS headline the line must speak of energy or name
        # another asset
        ("TAP GAS FLOWS TO ITALY RISE 8% IN NOVEMBER", "en", {"tap"}),
        ("CPC STOPS LOADING AFTER STORM AT SEA", "en", {"cpc"}),
        ("TAP WATER BILLS CLIMB AGAIN IN DURRES", "en", set()),
        ("TAP WATER IS FREE AGAIN IN ALBANIA, TAP SAYS", "en", set()),
        # a digest of energy lines: each line is read on its own (the story's energy gives no line's abbreviation a pipe)
        # (a route's word is energy: "VIA BTC")
        ("ENERGY WIRE\n\nAZERI LIGHT VOLUMES VIA BTC HIT RECORD\n\nTAP WATER BILLS CLIMB AGAIN IN DURRES", "en", {"btc"}),
        ("ENERGY WIRE\n\nAZERI LIGHT VOLUMES VIA BTC HIT RECORD\n\nTAP GAS FLOWS TO ITALY RISE IN NOVEMBER", "en", {"btc", "tap"}),
        # in mixed case the capitals are the abbreviation's
        ("Tap water prices in Tirana rise. TAP gas flows to Italy.", "en", {"tap"}),
    ],
    "a_field_name_after_a_cafe_spa_colleague_or_animal": [
        # a café, a spa, a workmate or a horse named after a field is no field, even beside oil words
        ("We had lunch at Café Tengiz near the Aktau embankment.", "en", set()),
        ("Вечером ужинали в кафе «Тенгиз», из окна видно танкеры.", "ru", set()),
        ("Отдыхали в санатории «Кашаган» у моря, видели танкеры с нефтью.", "ru", set()),
        ("Heute hat unser Kollege Tengis den Bericht über die Ölpreise vorgestellt.", "de", set()),
        ("An oil trader bought the racehorse Kashagan at auction.", "en", set()),
        # the same words elsewhere in the sentence leave the field
        ("Our colleague reports that Tengiz oil output rose.", "en", {"tengiz"}),
        ("Die Förderung in Tengis stieg, sagte ein Kollege.", "de", {"tengiz"}),
    ],
    "english_pipe_is_a_line_word": [
        # forums and posts call a line a "pipe": it ends a line's name as "pipeline" does
        ("Nobody in Ashgabat believes the Trans Caspian pipe will get funding soon.", "en", {"tcgp"}),
        ("Kazakh barrels keep flowing through the BTC pipe.", "en", {"btc"}),
        # a water pipe or a pipe organ in a town is no line
        ("A water pipe burst in Atyrau.", "en", set()),
        ("Pipe organ concerts in Samara draw crowds.", "en", set()),
    ],
    "a_field_word_in_the_plural_before_a_name": [
        # «месторождений», "Feldern" before the first name of a list choose the field as the singular does
        ("С месторождений Кумколь и Акшабулак нефть идёт в Атасу.", "ru", {"kumkol-field", "atasu"}),
        ("Aus den Feldern Kumkol und Akschabulak fließt Rohöl zur Station Atasu.", "de", {"kumkol-field", "atasu"}),
        # a junction's word chooses the junction
        ("Через узел Кумколь прокачали больше нефти в сторону Атасу.", "ru", {"kumkol", "atasu"}),
    ],
    "a_russian_compass_prefix_hyphenated": [
        # machine translations hyphenate «Южнокавказский», «Транскаспийский»: the same names
        ("Прокачка по Южно-Кавказскому трубопроводу выросла на 5%.", "ru", {"scp"}),
        ("Транс-Каспийский газопровод снова обсуждают в Ашхабаде.", "ru", {"tcgp"}),
        # the region or a province so written is no line
        ("Южно-Кавказский регион ждёт инвестиций в туризм.", "ru", set()),
        ("Южно-Казахстанская область собрала рекордный урожай.", "ru", set()),
    ],
    "an_azerbaijani_schwa_written_e": [
        # Səngəçal's ə written e (Russian and machine transliterations): «Сенгечальский терминал», "Sengechal"
        ("Сенгечальский терминал принял нефть с морских платформ.", "ru", {"sangachal"}),
        ("Oil left the Sengechal terminal for Supsa.", "en", {"sangachal", "supsa"}),
        # a town whose letters only open alike is another place
        ("В Сенгилее открыли новый причал для барж с зерном.", "ru", set()),
    ],
    "an_aside_between_a_naming_verb_and_the_name": [
        # "heißt übrigens „Druschba“", «называется, кстати, «Дружба»»: a name given to something else
        ("Die Messenger-App der Firma heißt eigentlich „Druschba“ und läuft auf einem Server.", "de", set()),
        ("Die Kantine der Raffinerie heißt übrigens „Druschba“, dort reden alle über Öl.", "de", set()),
        ("Наш чат называется, кстати, «Дружба», в нём обсуждают нефть.", "ru", set()),
        # a line's word before the verb: the line's own name
        ("Die Leitung heißt übrigens „Druschba“ und bringt Öl nach Schwedt.", "de", {"druzhba-samara-schwedt", "schwedt"}),
        ("Нефтепровод называется, кстати, «Дружба» и идёт до Шведта.", "ru", {"druzhba-samara-schwedt", "schwedt"}),
    ],
    "a_pipeline_of_songs_is_figurative": [
        # a pipeline of hits, songs or videos is a label's, not a pipe: the towns in the sentence are towns
        ("Listeners in Samara and Atyrau can hear the song in the 'Pipeline of Summer Hits' show.", "en", set()),
        ("The label's pipeline of new songs from Samara is full.", "en", set()),
        ("Die Pipeline an neuen Songs aus Samara ist voll, sagt das Label.", "de", set()),
        # a pipeline of a company, or one between two towns, is a pipe
        ("Oil from Samara and Atyrau flows through the pipeline of the CPC.", "en", {"atyrau", "samara", "cpc"}),
        ("The pipeline from Samara to Atyrau is full.", "en", {"uas"}),
    ],
    "a_german_isch_adjective_of_a_place_in_us": [
        # "Südkaukasische Pipeline" is the "Südkaukasus-Pipeline": the adjective's stem with "-us" opens the name
        ("Das Gas fließt durch die Südkaukasische Pipeline bis zur türkischen Grenze.", "de", {"scp"}),
        ("Die Südkaukasische Gaspipeline lieferte mehr Gas in die Türkei.", "de", {"scp"}),
        # the adjective before another noun names no line
        ("Die südkaukasische Küche ist berühmt für Gewürze und Öl.", "de", set()),
        ("Die Südkaukasische Küche ist berühmt, sagt ein Koch aus Baku.", "de", set()),
    ],
    "the_supply_valve_shut_at_a_junction": [
        # "den Hahn zudrehen", "den Ölhahn", «нефтяной кран»: the supply cut at a junction is the junction's business
        ("Sollte man in Unecha den Hahn zudrehen, wird der Winter in der Uckermark lang.", "de", {"unecha"}),
        ("Dreht Moskau in Samara den Ölhahn zu, steht die Raffinerie in Schwedt still.", "de", {"samara", "schwedt"}),
        ("Если в Унече перекроют нефтяной кран, Шведт останется без сырья.", "ru", {"unecha", "schwedt"}),
        # a tap of beer or water in the town is no supply's valve
        ("Der Wirt in Samara will um Mitternacht den Bierhahn zudrehen.", "de", set()),
        ("In Atyrau hat der Vermieter den Wasserhahn abgedreht.", "de", set()),
        ("В Самаре отключили горячую воду, кран сухой.", "ru", set()),
    ],
    "latin_turkic_vowels_in_a_short_name": [
        # "Bakı" is Baku in Azerbaijani: its ı is no Russian case ending in Latin letters
        ("Rail tank cars left Bakı for Kulevi with fuel oil.", "en", {"kulevi", "rail-baku-kulevi"}),
        ("Tankers from Aqtau discharge at Bakı.", "en", {"aktau", "sangachal", "lane-aktau-baku"}),
        # without the Turkic letter the short stem is refused as before ("Baki" is no spelling of Baku)
        ("Rail tank cars left Baki for Kulevi with fuel oil.", "en", {"kulevi"}),
    ],
}


@pytest.mark.parametrize(("text", "language", "expected"), [
    pytest.param(*case, id=f"links36-{rule}-{k}") for rule, cases in _LINKS36.items() for k, case in enumerate(cases)])
def test_link_batch36_rule(text, language, expected):
    """The cases of the rules tuned on batch 36 (``-k a_post_typed_in_lower_case`` runs one rule)."""
    assert links(text, language) == expected


def test_links36_no_alias_holds_a_gh_of_its_own():
    # the fold reads "gh" as "g" (geo.claims.text): no alias word may spell a "gh" of its own, or its key would change
    import json

    features = json.loads((DATA / "assets.geojson").read_text(encoding="utf-8"))["features"]
    aliases = [a for f in features for a in [f["properties"]["name"], *(f["properties"].get("aliases") or [])]]
    assert [a for a in aliases if "gh" in a.casefold()] == []
    assert name_key("Tenghiz") == name_key("Tengiz") and name_key("Qashaghan") == name_key("Kashagan")


def test_links36_dj_onset_index_holds_only_written_out_onsets():
    # the index of /dʒ/ onsets holds the rests of «Джейхан» and "Dschayhan" (and «Джейхан»'s under "ч"), nothing of "Ceyhan"
    # or "Chimkent", whose c and ch are not told from other sounds by their letters
    keys = MATCHER.onset_keys
    assert keys[name_key("eyhan")] == keys["ч" + name_key("eyhan")] and keys[name_key("ayhan")]
    assert "ч" + name_key("ayhan") not in keys and name_key("imkent") not in keys


#: Rules tuned on batch 35 (market, shipping and legal text: price reports, freight reports, sanctions notices, parliamentary
#: questions; tests/fixtures/extraction_links_holdout35.yaml): positive cases and false friends, written for the rules (not
#: taken from the batch's texts), in each language where the rule applies.
_LINKS35: dict[str, list[tuple[str, str, set[str]]]] = {
    "german_loading_verbs_are_carrier_words": [
        # "luden", "geladen", "verluden" load as "load" and "verlad" do: "in Primorsk" is the port at work, not the town
        # (h35-de-03)
        ("Die Käufer luden im Mai Rohöl in Primorsk.", "de", {"primorsk"}),
        ("Im Herbst wurde das Öl in Ust-Luga geladen.", "de", {"ust-luga"}),
        ("Die Händler verluden das Rohöl zuletzt in Primorsk.", "de", {"primorsk"}),
        # invited there ("eingeladen", "lud ... ein"): the town
        ("Ölmanager wurden in Primorsk zu einem Fest eingeladen.", "de", set()),
        ("Der Minister lud in Primorsk zu Gesprächen über Öl ein.", "de", set()),
    ],
    "a_terminals_berths_and_a_tanker_markets_liftings": [
        # a terminal's berths and a tanker market's liftings are the facility's business, with no energy word (h35-en-04)
        ("Two ships waited at the Sheskharis berths for a week.", "en", {"sheskharis"}),
        ("Liftings from Primorsk fell to nine this month.", "en", {"primorsk"}),
        ("One lifting at Ust-Luga was cancelled.", "en", {"ust-luga"}),
        ("Причалы Шесхариса простаивали неделю.", "ru", {"sheskharis"}),
        # the lifting of a rule, a berth in a final: no cargo
        ("The lifting of the curfew in Primorsk pleased the fishermen.", "en", set()),
        ("The club from Novorossiysk earned a berth in the final.", "en", set()),
    ],
    "russian_crude_is_loaded_at_transnefts_berths": [
        # Russia's own crude named in a sentence that names no CPC is loaded at Transneft's berths, as Urals is: Novorossiysk
        # there is Sheskharis, though the story names the CPC elsewhere (h35-en-05)
        ("CPC Blend was steady.\n\nTraders shipped Russian crude from Novorossiysk to India.", "en", {"cpc", "sheskharis"}),
        ("Das CPC meldete Rekorde. Russisches Rohöl ging über Noworossijsk nach Indien.", "de", {"cpc", "sheskharis"}),
        ("КТК увеличил отгрузки. Российская нефть уходила из Новороссийска в Индию.", "ru", {"cpc", "sheskharis"}),
        # the CPC in the same sentence, or crude that is not Russian: the CPC's terminal
        ("Kazakh CPC Blend and Russian crude both left Novorossiysk.", "en", {"cpc", "cpc-marine-terminal"}),
        ("The CPC loaded more. Kazakh crude left Novorossiysk for India.", "en", {"cpc", "cpc-marine-terminal"}),
    ],
    "other_goods_go_through_the_towns_own_port": [
        # other goods in the sentence, or in the one before it in its paragraph, and nothing of the CPC in the sentence: the
        # port of Novorossiysk is Sheskharis (the ports rule), not the terminal the story names elsewhere (h35-de-02)
        ("CPC Blend firmed.\n\nGrain exports through Novorossiysk rose.", "en", {"cpc", "sheskharis"}),
        ("CPC Blend legte zu.\n\nAgrar: Gerste gibt nach. Händler verschifften Rekordmengen über Noworossijsk.", "de",
         {"cpc", "sheskharis"}),
        ("Котировки CPC Blend выросли.\n\nЭкспорт зерна через Новороссийск вырос.", "ru", {"cpc", "sheskharis"}),
        # the CPC in the sentence, goods across a paragraph's end, or oil in the sentence after the goods: the CPC's terminal
        ("Grain ships waited while CPC Blend tankers left Novorossiysk.", "en", {"cpc", "cpc-marine-terminal"}),
        ("CPC Blend firmed. Wheat fell.\n\nLoadings at Novorossiysk were delayed by storms.", "en", {"cpc", "cpc-marine-terminal"}),
        ("CPC Blend firmed. Wheat fell. Oil loadings at Novorossiysk rose.", "en", {"cpc", "cpc-marine-terminal"}),
    ],
    "a_firms_word_after_a_name": [
        # a firm's trade or legal word right after a line's or a town's one-word name: the firm (h35-en-07)
        ("Sanctions hit Druzhba Components LLC, a seller of oil pumps.", "en", set()),
        ("The buyer, Samara Trade House, paid for the crude.", "en", set()),
        ("Die Atyrau Trading GmbH handelt mit Öl.", "de", set()),
        # a kind word before the legal word, or a trade word in lower case: the facility
        ("Aktau Port LLP raised oil cargo volumes.", "en", {"aktau"}),
        ("Tankers loaded crude at Kuryk Terminal JSC.", "en", {"kuryk"}),
        ("The Druzhba pipeline carried oil to Schwedt for a trading house.", "en", {"druzhba-samara-schwedt", "schwedt"}),
        ("Kazakh crude sent via Druzhba trading at a discount reached Schwedt.", "en", {"druzhba-samara-schwedt", "schwedt"}),
    ],
    "reefers_and_bulkers_are_ships": [
        # a reefer or a bulker named after a port is the ship (h35-en-07)
        ("The reefer Aktau left with frozen fish and diesel.", "en", set()),
        ("Der Bulker Kuryk lief mit Öl-Ausrüstung aus.", "de", set()),
        # the port named apart from the ship word
        ("A reefer loaded fruit at the port of Aktau.", "en", {"aktau"}),
    ],
}


@pytest.mark.parametrize(("text", "language", "expected"), [
    pytest.param(*case, id=f"links35-{rule}-{k}") for rule, cases in _LINKS35.items() for k, case in enumerate(cases)])
def test_link_batch35_rule(text, language, expected):
    """The cases of the rules tuned on batch 35 (``-k a_firms_word_after_a_name`` runs one rule)."""
    assert links(text, language) == expected


#: Rules tuned on batch 37 (long pages: full-length features with background paragraphs, quotes and side topics;
#: tests/fixtures/extraction_links_holdout37.yaml): positive cases and false friends, written for the rules (not taken from
#: the batch's texts), in each language where the rule applies.
_LINKS37: dict[str, list[tuple[str, str, set[str]]]] = {
    "an_office_or_shopping_block_named_like_a_line": [
        # a business or shopping centre named after a line's one-word name is the building (h37-en-04)
        ("An oil trader rents offices in the Druzhba business centre in Astana.", "en", set()),
        ("Ein Ölhändler mietet Büros im Druschba-Geschäftszentrum in Minsk.", "de", set()),
        ("Нефтетрейдер снял офис в бизнес-центре «Дружба» в Минске.", "ru", set()),
        # the line, a business centre elsewhere in the sentence
        ("Kazakh oil moved through Druzhba to Schwedt, next to a new business centre.", "en", {"druzhba-samara-schwedt", "schwedt"}),
        ("Нефть по «Дружбе» идет в Польшу, рядом с новым бизнес-центром.", "ru", {"druzhba-samara-schwedt"}),
    ],
    "our_driver_for_the_trip_is_a_person": [
        # "our driver for ..." in apposition after a field's one-word name: a person, and the name again in a sentence of no
        # energy (h37-de-04)
        ("Draußen wartet Tengis, unser Fahrer für die ganze Reise, neben dem Geländewagen.", "de", set()),
        ("Tengiz, our guide for the week, met us at the gate. Tengiz laughed.", "en", set()),
        ("Нас встретил Тенгиз, наш водитель на всю поездку, у ворот.", "ru", set()),
        # no possessive: a field may be a driver for growth
        ("Tengiz, the driver for growth in Kazakh oil output, pumped more crude.", "en", {"tengiz"}),
        ("Tengiz, a driver for growth, pumped more crude this year.", "en", {"tengiz"}),
    ],
    "a_german_conference_compound_is_the_towns_civic_life": [
        # „Fachkonferenz“, „Pressekonferenz“ as „Konferenz“: a venue in the town (h37-de-01)
        ("Auf einer Branchenkonferenz in Atyrau sagte ein Vertreter, man wolle mehr Öl nach Deutschland liefern.", "de", set()),
        ("Auf einer Investorenkonferenz in Atyrau sagte der Chef, man wolle mehr Öl liefern.", "de", set()),
        # the port's own business in the sentence keeps the port
        ("Nach der Branchenkonferenz wurde Rohöl im Hafen Aktau auf Tanker verladen.", "de", {"aktau"}),
    ],
    "an_airport_word_before_a_town": [
        # the town's airport, its terminal and oil workers notwithstanding (h37-de-04, h37-en-04)
        ("At the airport in Aktau, a bank opened a lounge in the new terminal for oil workers.", "en", set()),
        ("Das neue Terminal des Flughafens Aktau ist hell, am Band warten Ölarbeiter.", "de", set()),
        ("Новый терминал аэропорта Актау открыли весной, там много нефтяников.", "ru", set()),
        # the port and the airport, or the airport elsewhere in the sentence
        ("The port and airport of Aktau handled more oil cargo this year.", "en", {"aktau"}),
        ("Tankers loaded crude at the port of Aktau, not far from the airport.", "en", {"aktau"}),
    ],
    "crypto_words_beside_an_abbreviation": [
        # a crypto-currency's words within 60 characters: the coin, in an oil story too (h37-en-04)
        ("The bank lends to oil firms.\n\nClients can trade BTC and other digital assets on a licensed exchange.", "en", set()),
        ("Die Bank finanziert Ölfirmen.\n\nKunden handeln BTC und andere Kryptowährungen über eine App.", "de", set()),
        ("Банк кредитует нефтяные компании.\n\nКлиенты покупают BTC и другие цифровые активы на бирже.", "ru", set()),
        # an exchange alone is no crypto word: oil traders have one
        ("Azeri crude through BTC rose, traders on the oil exchange said.", "en", {"btc"}),
    ],
    "a_country_then_a_dash_framed_list_is_no_chain": [
        # a country, a spaced dash and a list of its fields closed by another dash: examples, no line from the country to the
        # first of them (h37-ru-03)
        ("Крупнейшие месторождения Казахстана — Тенгиз, Кашаган и Карачаганак — экспортируют нефть через КТК.", "ru",
         {"cpc", "karachaganak", "kashagan", "tengiz"}),
        ("The largest fields of Kazakhstan — Tengiz, Kashagan and Karachaganak — ship crude through the CPC.", "en",
         {"cpc", "karachaganak", "kashagan", "tengiz"}),
        # two places before the list: the chain stays
        ("Нефтепровод Атырау — Самара, Дружба и БТД — главные маршруты экспорта нефти.", "ru",
         {"btc", "druzhba-samara-schwedt", "uas"}),
    ],
    "a_compressor_is_a_junctions_business": [
        # gas passing a compressor, reaching a junction "near" its town: the junction (h37-en-03)
        ("Gas passes a compressor at Bozoi and reaches the south near Shymkent.", "en", {"bozoi", "shymkent"}),
        ("Das Gas durchläuft einen Verdichter in Bosoi und erreicht den Süden nahe Schymkent.", "de", {"bozoi", "shymkent"}),
        # an air compressor's maker near the town: the town
        ("An air compressor maker near Samara hired 200 oil workers.", "en", set()),
        ("Ein Hersteller von Luftverdichtern nahe Samara stellt Ölarbeiter ein.", "de", set()),
    ],
}


@pytest.mark.parametrize(("text", "language", "expected"), [
    pytest.param(*case, id=f"links37-{rule}-{k}") for rule, cases in _LINKS37.items() for k, case in enumerate(cases)])
def test_link_batch37_rule(text, language, expected):
    """The cases of the rules tuned on batch 37 (``-k crypto_words_beside_an_abbreviation`` runs one rule)."""
    assert links(text, language) == expected


#: Rules tuned on batch 38 (long pages, unfamiliar: features with side topics of culture, sport and industry;
#: tests/fixtures/extraction_links_holdout38.yaml): positive cases and false friends, written for the rules (not taken from
#: the batch's texts), in each language where the rule applies.
_LINKS38: dict[str, list[tuple[str, str, set[str]]]] = {
    "a_person_of_the_arts_press_or_sport_from_a_town": [
        # a photographer, musician, journalist or footballer "from" a port's town: the person's home town, though the
        # sentence speaks of a port, tankers or oil money (h38-de-03)
        ("Ein Fotograf aus Batumi zeigt Bilder vom Hafen.", "de", set()),
        ("Musicians from Batumi played at the opening of the new port.", "en", set()),
        ("Футболист из Актау перешел в клуб, который спонсирует нефтяная компания.", "ru", set()),
        ("Журналисты из Батуми снимали нефтяные танкеры у берегов Турции.", "ru", set()),
        # the person elsewhere in the sentence, the name after the cargo's carrier: the port
        ("A photographer filmed tankers from Batumi unloading crude.", "en", {"batumi"}),
        ("Ein Journalist sah, wie Tanker aus Aktau Rohöl nach Baku brachten.", "de", {"aktau", "lane-aktau-baku", "sangachal"}),
    ],
    "a_town_adjective_before_a_factory_word": [
        # a town's name or (Russian, German) adjective right before a factory's word: the town's factory, no facility of
        # the data, though the sentence speaks of a market share, gas or oil (h38-ru-03)
        ("Доля самарского завода на рынке упала до 5%.", "ru", set()),
        ("Актауский завод пластмасс закупает газ и нефть.", "ru", set()),
        ("The Aktau factory buys gas and ships plastic pipes by rail.", "en", set()),
        ("Das Samaraer Werk kauft Gas und liefert Autos per Bahn nach Kasachstan.", "de", set()),
        # the junction's adjective before its own kind word, a Russian noun before «завод» in another phrase, a factory
        # named elsewhere in the sentence: the facility
        ("Самарский узел принимает казахстанскую нефть.", "ru", {"samara"}),
        ("Из Атырау в Самару завод получает меньше нефти.", "ru", {"atyrau", "samara"}),
        ("Oil from Samara reaches the factory gate by truck.", "en", {"samara"}),
    ],
}


@pytest.mark.parametrize(("text", "language", "expected"), [
    pytest.param(*case, id=f"links38-{rule}-{k}") for rule, cases in _LINKS38.items() for k, case in enumerate(cases)])
def test_link_batch38_rule(text, language, expected):
    """The cases of the rules tuned on batch 38 (``-k a_town_adjective_before_a_factory_word`` runs one rule)."""
    assert links(text, language) == expected


#: Rules tuned on batch 40 (Russian-weighted wires and business press; tests/fixtures/extraction_links_holdout40.yaml):
#: positive cases and false friends, written for the rules (not taken from the batch's texts), in each language where the
#: rule applies.
_LINKS40: dict[str, list[tuple[str, str, set[str]]]] = {
    "a_port_city_is_the_town": [
        # "port city", "port town" describe the town, as „Hafenstadt“ does: no port's business (h40-en-06)
        ("Aktau, the Caspian port city, wants to become a beach resort.", "en", set()),
        ("Kuryk, a small port town on the Caspian, is famous for its camels and oil workers.", "en", set()),
        # and the next sentence taking the town up as a port city, a „Hafenstadt“ or a «портовый город» refers back to no port
        ("Aktau has a new theatre. The Caspian port city is home to many oil workers.", "en", set()),
        ("Batumi hat ein neues Theater. Die Hafenstadt ist die Heimat vieler Ölarbeiter.", "de", set()),
        ("Актау построил новую набережную. Портовый город живет за счет нефти.", "ru", set()),
        # the port's own business keeps it, and the port taken up by its own word
        ("Aktau, the Caspian port city, loaded two million tonnes of crude onto tankers.", "en", {"aktau"}),
        ("Aktau has a new theatre. The port is loading more crude than ever.", "en", {"aktau"}),
        ("Aktau hat ein neues Theater. Der Hafen verlädt mehr Öl als je zuvor.", "de", {"aktau"}),
    ],
    "a_mall_or_shop_named_after_a_field": [
        # a shopping centre, a mall or a shop named after a field's one-word name is the venue (h40-ru-13)
        ("В торговом центре «Кашаган» в Атырау открылся новый кинозал.", "ru", set()),
        ("ТЦ «Тенгиз» закрыли на ремонт, сообщили нефтяники.", "ru", set()),
        ("Das Einkaufszentrum „Tengis“ in Atyrau öffnet wieder.", "de", set()),
        # ... and right after the name
        ("The Tengiz shopping center in Atyrau reopened, oil workers said.", "en", set()),
        ("Ölarbeiter kaufen im Tengis-Supermarkt ein.", "de", set()),
        # the field, a shopping centre elsewhere in the sentence
        ("Нефть Кашагана идет по КТК, рядом с новым торговым центром.", "ru", {"cpc", "kashagan"}),
        ("Oil from Tengiz feeds the CPC; a new mall opened in Atyrau.", "en", {"cpc", "tengiz"}),
    ],
    "a_market_named_after_a_line": [
        # a grocer's chain or a market named with a line's one-word name is the business (h40-de-06)
        ("Druschba Markt setzte 212 Millionen Euro um, ein Plus von neun Prozent.", "de", set()),
        ("Kasachisches Öl fließt über Aktau. Im vergangenen Jahr setzte Druschba Markt 212 Millionen Euro um.", "de", {"aktau"}),
        ("Kazakh oil flows through Aktau. Last year Druzhba Market had sales of 212 million euros.", "en", {"aktau"}),
        ("Казахстанская нефть идет через Актау. В прошлом году «Дружба Маркет» увеличила выручку.", "ru", {"aktau"}),
        # the line finding a market
        ("Kazakh crude via Druzhba found a new market in Germany.", "en", {"druzhba-samara-schwedt"}),
        ("Kasachisches Öl über die Druschba fand in Schwedt einen Markt.", "de", {"druzhba-samara-schwedt", "schwedt"}),
    ],
    "the_tills_word_is_no_demonym": [
        # "Kassen-" (tills) folds as "Kazakh" does: no "Kazakh terminal" chain, no CPC (h40-de-06)
        ("Kasachisches Öl fließt über Aktau. Neue Kassen-Terminals stehen bald in allen Filialen.", "de", {"aktau"}),
        ("Kazakh oil flows via Aktau. New Kassen-Terminals arrive in our Berlin shops.", "en", {"aktau"}),
        # the demonym itself still opens a line's chain
        ("Kazakh-Chinese pipeline flows rose in May.", "en", {"kcp-atasu-alashankou"}),
    ],
    "a_port_near_which_something_lies_is_the_town": [
        # a port's town after "near" / „nahe“ / «под», in a sentence of no port, terminal, tanker or cargo (h40-en-05)
        ("The leak on the pipeline near Makhachkala was fixed on Monday.", "en", set()),
        ("Ein Leck an der Leitung nahe Machatschkala wurde am Montag repariert.", "de", set()),
        ("Утечку на трубопроводе под Махачкалой устранили в понедельник.", "ru", set()),
        # the port's own business keeps it
        ("Tankers loaded crude at the terminal near Makhachkala.", "en", {"makhachkala"}),
        ("Crude oil is shipped through the port near Makhachkala.", "en", {"makhachkala"}),
        # "from near X to ...", «из-под X»: the start of a route, not where something lies (with batch 42's "a pipe")
        ("Oil will flow by pipeline from near Makhachkala to Novorossiysk.", "en", {"makhachkala", "sheskharis"}),
        ("Нефть по трубопроводу из-под Махачкалы пойдёт до Новороссийска.", "ru", {"makhachkala", "sheskharis"}),
    ],
}


@pytest.mark.parametrize(("text", "language", "expected"), [
    pytest.param(*case, id=f"links40-{rule}-{k}") for rule, cases in _LINKS40.items() for k, case in enumerate(cases)])
def test_link_batch40_rule(text, language, expected):
    """The cases of the rules tuned on batch 40 (``-k a_port_city_is_the_town`` runs one rule)."""
    assert links(text, language) == expected


#: Rules tuned on batch 39 (German-weighted wire and business press; tests/fixtures/extraction_links_holdout39.yaml):
#: positive cases and false friends, written for the rules (not taken from the batch's texts), in each language where the
#: rule applies.
_LINKS39: dict[str, list[tuple[str, str, set[str]]]] = {
    "a_genitive_s_after_em_keeps_a_names_last_word": [
        # the genitive "-s" of a word in "-em", which the word without it loses as a case ending (h39-de-08)
        ("Russland verlädt mehr Öl über die Leitung des Baltischen Pipelinesystems nach Primorsk.", "de",
         {"transneft-samara-primorsk", "primorsk"}),
        ("Nach einem Drohnenangriff auf eine Pumpstation des Baltischen Pipelinesystems sanken die Ölexporte.", "de",
         {"transneft-samara-primorsk"}),
        # another system in the genitive: no line's name
        ("Die Reform des Baltischen Rentensystems in Lettland kommt voran, sagte ein Ölhändler.", "de", set()),
        ("Die Probleme des lettischen Stromsystems halten an.", "de", set()),
    ],
    "a_place_in_a_named_region_is_where_it_lies": [
        # "in" and a region's name with its region word after a port's or junction's name: where it lies, not a region of
        # statistics (h39-en-05)
        ("Crude is loaded onto tankers at the port of Aktau and shipped to Makhachkala in Russia's Dagestan region.", "en",
         {"aktau", "makhachkala", "lane-aktau-makhachkala"}),
        ("Das Öl wird im Hafen Aktau auf Tanker verladen und nach Machatschkala in der russischen Region Dagestan gebracht.", "de",
         {"aktau", "makhachkala", "lane-aktau-makhachkala"}),
        ("Нефть по трубопроводу поступает в Самару в Самарской области, а оттуда идёт на запад.", "ru", {"samara"}),
        # regions of statistics, the plural, and the region named by the town: the town
        ("Atyrau and Aktau led the regions in wage growth, helped by oil money.", "en", set()),
        ("Bei den Löhnen lagen Atyrau und Aktau in der Rangliste der Regionen vorn, dank des Öls.", "de", set()),
        ("Oil output rose in the Atyrau region this year.", "en", set()),
    ],
    "a_line_taken_up_by_a_pronoun_after_a_fronted_start": [
        # a line's word in the sentence before, a line named by its own name in the story, and a sentence that puts the
        # start first and the pronoun after its verb (German) or after a comma (English, Russian): the line's course (h39-de-11)
        ("Die Pipeline Atyrau–Samara wird saniert. Die alte Leitung ist mehr als 40 Jahre alt. Ab Atyrau verläuft sie entlang "
         "des Flusses bis nach Samara.", "de", {"uas", "atyrau", "samara"}),
        ("The BBS pipeline was built in 2013. The line carries gas to the south. From Beineu, it runs via Bozoi to Shymkent.", "en",
         {"bbs", "beineu", "bozoi", "shymkent"}),
        ("Газопровод Бейнеу — Бозой — Шымкент расширят. Трубопровод был построен в 2013 году. От Бейнеу он идёт через Бозой до "
         "Шымкента.", "ru", {"bbs", "beineu", "bozoi", "shymkent"}),
        # no line's word before the pronoun (a management, a manager), or no line named by its own name: someone else's way
        ("Die BBS-Pipeline wird ausgebaut. Die Geschäftsleitung tagte in Astana. Von Beineu aus führt sie die Gespräche mit "
         "Schymkent.", "de", {"bbs"}),
        ("The BBS pipeline was built in 2013. The manager knows the region well. From Beineu, it runs a bus to Shymkent.", "en",
         {"bbs"}),
        ("Die neue Leitung ist fertig. Vom Bahnhof Beineu führt sie eine Straße bis nach Schymkent.", "de", set()),
    ],
    "a_band_or_a_house_of_culture_named_like_a_line": [
        # a quartet, an orchestra, a house of culture named after a line's one-word name: the band or the hall (h39-de-14,
        # h39-en-06), and the name again in a sentence of no energy word
        ("Das Druschba-Quartett gab ein Konzert für Ölarbeiter in Atyrau.", "de", set()),
        ("A jazz night at the Druzhba cultural centre drew oil workers from Aktau.", "en", set()),
        ("Концерт в Доме культуры «Дружба» собрал нефтяников Атырау.", "ru", set()),
        ("Квартет «Дружба» выступил перед нефтяниками.", "ru", set()),
        ("Das Druschba-Quartett tourt durch Europa. Druschba heißt Freundschaft, sagt die Cellistin.", "de", set()),
        # the line, and a quartet elsewhere in the sentence
        ("Kazakh oil flowed through Druzhba to Schwedt, where a string quartet played that night.", "en",
         {"druzhba-samara-schwedt", "schwedt"}),
        ("Öl floss über die Druschba-Leitung nach Schwedt; abends spielte dort ein Quartett.", "de",
         {"druzhba-samara-schwedt", "schwedt"}),
    ],
    "a_broadcasters_abbreviation_again_beside_oil_money": [
        # the story calls the abbreviation a TV channel; again in a sentence of an oil region's money, with no line or
        # loading word, it is the channel still (h39-ru-05)
        ("Телеканал КТК открыл бюро в Атырау. Нефтяной регион богат рекламой, сказал директор КТК.", "ru", set()),
        ("Der Sender KTK startet Nachrichten aus Atyrau. Die Ölregion sei reich an Werbung, sagte der Chef von KTK.", "de", set()),
        # the consortium's line or loadings in that sentence: the consortium
        ("Телеканал КТК открыл бюро в Атырау. Прокачка нефти по системе КТК выросла.", "ru", {"cpc"}),
        ("Телеканал КТК показал сюжет. Отгрузки нефти через КТК выросли.", "ru", {"cpc"}),
    ],
    "gas_opens_no_guests_word": [
        # German "gastieren", "Gastspiel", "Gastgeber" are a guest's words, no gas (h39-de-14)
        ("Das Quartett aus Baku gastierte am Dienstag in Wien.", "de", set()),
        ("Das Ensemble aus Aktau gastiert heuer in Graz.", "de", set()),
        # gas words that open so: the gas
        ("Der Gastransit über Bosoi stieg im Herbst.", "de", {"bozoi"}),
        ("Gasturbinen in Beineu treiben die Verdichter an.", "de", {"beineu"}),
    ],
}


@pytest.mark.parametrize(("text", "language", "expected"), [
    pytest.param(*case, id=f"links39-{rule}-{k}") for rule, cases in _LINKS39.items() for k, case in enumerate(cases)])
def test_link_batch39_rule(text, language, expected):
    """The cases of the rules tuned on batch 39 (``-k gas_opens_no_guests_word`` runs one rule)."""
    assert links(text, language) == expected


#: Rules tuned on batch 41 (English-weighted trade and wire pages; tests/fixtures/extraction_links_holdout41.yaml): positive
#: cases and false friends, written for the rules (not taken from the batch's texts), in each language where the rule applies.
_LINKS41: dict[str, list[tuple[str, str, set[str]]]] = {
    "a_name_listed_beside_a_field_is_the_field": [
        # a name of two kinds ("Kumkol": the field and the pump station) in a bare list beside a name of one kind is that
        # kind (h41-en-09: "crude from Kumkol and Zhanazhol")
        ("Crude from Kumkol and Zhanazhol is pumped east to Atasu.", "en", {"atasu", "kumkol-field", "zhanazhol"}),
        ("Crude from Zhanazhol, Kumkol and other western deposits is pumped east to Atasu.", "en", {"atasu", "kumkol-field", "zhanazhol"}),
        ("Öl aus Schanaschol und Kumkol fließt nach Atasu.", "de", {"atasu", "kumkol-field", "zhanazhol"}),
        ("Нефть Жанажола и Кумколя идет на узел Атасу.", "ru", {"atasu", "kumkol-field", "zhanazhol"}),
        ("Oil is pumped through Atasu and Kumkol before it reaches China.", "en", {"atasu", "kumkol"}),
        ("Crude from Kumkol reaches the Atasu pumping station.", "en", {"atasu", "kumkol"}),
    ],
    "a_headline_abbreviation_takes_its_storys_coin": [
        # a headline's abbreviation with no crypto word near it, over a story whose every other "BTC" is the coin, in a story
        # of terminals and exports (h41-en-12)
        ("BTC slips below $80,000 as fund outflows deepen\n\nData on the Bloomberg Terminal showed outflows from spot "
         "bitcoin funds. Traders said BTC could test $75,000 on crypto exchanges.", "en", set()),
        ("BTC fällt, Abflüsse aus Fonds halten an\n\nKasachische Miner sagen, sie exportierten Rechenleistung statt Strom. "
         "Händler sehen BTC an Kryptobörsen bald bei 75.000 Dollar.", "de", set()),
        ("BTC дешевеет на фоне оттока из фондов\n\nДанные терминала Bloomberg показали отток из биткоин-фондов. Трейдеры "
         "ждут, что BTC на криптобиржах опустится до $75 тыс.", "ru", set()),
        # the story keeps a "BTC" as the line: the headline's stays the line
        ("BTC flows rise\n\nAzeri crude through BTC rose in May. Clients can also trade BTC and other digital assets.", "en", {"btc"}),
        # no coin "BTC" in the story: the headline's stays the line
        ("BTC pumps more Azeri crude\n\nAzeri exports via the pipeline rose; Bitcoin fell on crypto exchanges.", "en", {"btc"}),
    ],
    "a_heads_role_word_before_a_given_name": [
        # a head's role ("Werkleiter", "Abteilungsleiterin", «руководитель») before a one-word name and a capitalised word:
        # a person's given name and surname (h41-de-06)
        ("Die Raffinerie braucht mehr Rohöl aus Kasachstan, sagte Werkleiter Tengis Bauer.", "de", set()),
        ("Abteilungsleiterin Ceyhan Demir sagte, die Ölexporte seien gestiegen.", "de", set()),
        ("Поставки нефти растут, сообщил руководитель Тенгиз Бауэр.", "ru", set()),
        ("Das sagte der Werkleiter. Tengis liefert mehr Öl über CPC.", "de", {"cpc", "tengiz"}),
    ],
    "a_genitive_ensemble_named_like_a_line": [
        # an ensemble named like a line, in the genitive too (h41-de-06: "des Moskauer Ensembles „Druschba“")
        ("Zum Ölforum gab es ein Gastspiel des Moskauer Ensembles „Druschba“.", "de", set()),
        ("Die Bühne zeigt nach der Ölkonferenz ein Gastspiel des Tanzensembles „Druschba“.", "de", set()),
        ("Ein ganzes Ensemble von Raffinerien hängt an der Druschba, so auch Schwedt.", "de", {"druzhba-samara-schwedt", "schwedt"}),
    ],
    "beaches_are_the_towns": [
        # beaches are the town's, as its tourists are (h41-ru-06: «пляжи в ... Южной Озереевке»); a tanker in the sentence
        # keeps the facility
        ("Через КТК экспортировали больше нефти. Основной поток пришелся на пляжи в Южной Озереевке.", "ru", {"cpc"}),
        ("CPC exported more oil. Kuryk's beaches drew the main flow this summer.", "en", {"cpc"}),
        ("Das CPC exportierte mehr Öl. Die Strände von Kurik zogen im Sommer den Hauptstrom an.", "de", {"cpc"}),
        ("Oil spilled by a tanker loading at Kuryk washed up on nearby beaches.", "en", {"kuryk"}),
        ("Танкеры КТК грузятся у Южной Озереевки, рядом с пляжами.", "ru", {"cpc-marine-terminal"}),
    ],
    "a_persons_employer_is_no_route": [
        # a person's employer by career words before the name, or "former" and a role around it (h41-en-14); a tanker's
        # days at a port, an operator shipping crude, dredging works stay
        ("She spent 11 years at Tengizchevroil before joining a bank in Almaty to finance oil traders.", "en", set()),
        ("A former CPC engineer now advises oil traders in London.", "en", set()),
        ("Sie arbeitete zehn Jahre bei Tengizchevroil und berät nun Ölhändler.", "de", set()),
        ("Она проработала 11 лет в «Тенгизшевройле», а теперь консультирует нефтетрейдеров.", "ru", set()),
        ("Бывший сотрудник КТК теперь консультирует нефтетрейдеров.", "ru", set()),
        ("The tanker spent three days at Ceyhan waiting to load Azeri crude.", "en", {"ceyhan"}),
        ("Tengizchevroil sends most of its crude through CPC.", "en", {"cpc", "tengiz"}),
        ("Dredging works at Kuryk let bigger tankers load Kashagan crude.", "en", {"kashagan", "kuryk"}),
    ],
}


@pytest.mark.parametrize(("text", "language", "expected"), [
    pytest.param(*case, id=f"links41-{rule}-{k}") for rule, cases in _LINKS41.items() for k, case in enumerate(cases)])
def test_link_batch41_rule(text, language, expected):
    """The cases of the rules tuned on batch 41 (``-k a_persons_employer_is_no_route`` runs one rule)."""
    assert links(text, language) == expected


#: Rules tuned on batch 43 (harder language: negation, reported speech, history, lists and tables, names split across line
#: breaks; tests/fixtures/extraction_links_holdout43.yaml): positive cases and false friends, written for the rules (not
#: taken from the batch's texts), in each language where the rule applies.
_LINKS43: dict[str, list[tuple[str, str, set[str]]]] = {
    "a_palace_or_guest_house_named_like_a_line": [
        # a sports or culture palace, a guest house named after a line's one-word name is the building (h43-de-10, h43-en-07,
        # h43-ru-08)
        ("Das Turnier im Sportpalast „Druschba“ sahen Ölarbeiter aus der Region.", "de", set()),
        ("Oil workers stay at the Guesthouse Druzhba near the pumping station.", "en", set()),
        ("The final was held in the Palace of Sports Druzhba, sponsored by an oil firm.", "en", set()),
        ("The Druzhba Sports Palace hosted the oil workers' tournament.", "en", set()),
        ("Нефтяники собрались во Дворце спорта «Дружба» на турнир.", "ru", set()),
        ("Гостевой дом «Дружба» принимает нефтяников.", "ru", set()),
        # the line, a palace elsewhere in the sentence
        ("Kasachisches Öl fließt über die Druschba nach Schwedt, am Sportpalast vorbei.", "de", {"druzhba-samara-schwedt", "schwedt"}),
        ("Kazakh crude flows through Druzhba to Schwedt; a new sports palace opened nearby.", "en", {"druzhba-samara-schwedt", "schwedt"}),
        ("Казахстанская нефть идет по «Дружбе» в Шведт, а во дворце спорта прошел турнир.", "ru", {"druzhba-samara-schwedt", "schwedt"}),
    ],
    "a_place_and_a_dash_under_the_headline_is_a_dateline": [
        # a regional paper's dateline in mixed case under the headline, the story's first sentence going on in the line
        # (h43-de-06, h43-de-09)
        ("Tanker am Kaspischen Meer\n\nAktau – Die Betreiber verladen mehr Rohöl auf Tanker, sagte der Sprecher des Ministeriums.",
         "de", set()),
        ("Tanker am Kaspischen Meer\n\nBerlin/Aktau – Die Betreiber verladen mehr Rohöl auf Tanker, sagte der Sprecher.", "de", set()),
        ("Caspian tankers\n\nAktau – The operators loaded more crude onto tankers, a ministry spokesman said on Monday.", "en", set()),
        # a line's two ends, a Russian copula (lower case after the dash), a short line: no dateline
        ("Tanker am Kaspischen Meer\n\nAktau – Baku: Die Betreiber verladen mehr Rohöl auf Tanker, sagte der Sprecher des Ministeriums.",
         "de", {"aktau", "lane-aktau-baku", "sangachal"}),
        ("Танкеры на Каспии\n\nАктау — главный порт, откуда нефть отгружают на танкеры, сообщил представитель министерства.", "ru",
         {"aktau"}),
        ("Tanker am Kaspischen Meer\n\nAktau – Rohöl auf Tanker.", "de", {"aktau"}),
    ],
    "terminal_as_a_diseases_last_stage": [
        # "terminal" of a disease: no oil terminal, neither as the sentence's energy word nor as a port's business (h43-de-09)
        ("Partnerschaft mit Aktau: terminale Niereninsuffizienz wird früher erkannt.", "de", set()),
        ("Terminale Niereninsuffizienz: Ärzte aus Aktau lernen in Jena.", "de", set()),
        ("Viele Patienten aus Atyrau kommen erst im Terminalstadium in die Klinik.", "de", set()),
        ("Terminal illness: doctors from Aktau train in Germany.", "en", set()),
        ("Партнерство с Актау: больные в терминальной стадии получат помощь.", "ru", set()),
        # an oil terminal, and the Russian adjective of a terminal complex
        ("Das Terminal in Aktau verlädt Rohöl auf Tanker.", "de", {"aktau"}),
        ("Партнерство с Актау: терминальный комплекс отгрузит нефть.", "ru", {"aktau"}),
    ],
    "medicines_in_the_pipeline": [
        # a pipeline with a drug's word near it: medicines in the making, no energy word (h43-de-09)
        ("Partnerschaft mit Aktau: Neue Medikamente sind in der Pipeline.", "de", set()),
        ("Partnership with Aktau: new drugs are in the pipeline.", "en", set()),
        # oil in the pipeline
        ("Partnerschaft mit Aktau: Neue Ölmengen sind in der Pipeline.", "de", {"aktau"}),
        ("Partnership with Aktau: new oil volumes are in the pipeline.", "en", {"aktau"}),
    ],
    "an_airports_terminal_and_hafen": [
        # „Flughafen“ is no port word, an airport's numbered terminal no oil terminal (h43-de-09)
        ("Ein Ärzteteam aus Aktau landete im Terminal 2 des Flughafens Frankfurt.", "de", set()),
        ("Die Besucher aus Aktau kamen über den Flughafen Istanbul.", "de", set()),
        # the port beside the airport
        ("Im Hafen Aktau und am Flughafen wurde Rohöl verladen.", "de", {"aktau"}),
    ],
    "a_line_wrapped_at_a_dash_goes_on": [
        # a name wrapped after a word's hyphen or a spaced dash is one name (h43-de-06, h43-en-06, h43-ru-05)
        ("Das Öl soll in die Baku-Tiflis-\nCeyhan-Leitung eingespeist werden.", "de", {"btc"}),
        ("Rohöl fließt über Atyrau –\nSamara – Unetscha nach Schwedt.", "de", {"schwedt", "uas", "unecha"}),
        ("Urals crude comes down the Samara-Tikhoretsk-\nNovorossiysk line.", "en", {"transneft-samara-novorossiysk"}),
        ("Газ идет в Китай по газопроводу Центральная Азия —\nКитай.", "ru", {"cagp"}),
        # a line break after a word (no dash), or a dash before a figure: two lines
        ("Rohöl fließt über Atyrau\nSamara feiert am Wochenende das Stadtfest.", "de", {"atyrau"}),
        ("Crude reached the BTC line at the Sangachal terminal near Baku –\n2,000 tonnes a day.", "en", {"btc", "sangachal"}),
    ],
    "a_name_wrapped_between_its_words_goes_on": [
        # a line break between two words that follow each other in a name: hard-wrapped prose, one name (h43-en-04)
        ("Gas travelled through the Trans Adriatic\nPipeline (TAP) to Italy. TAP could be expanded.", "en", {"tap"}),
        ("Das meiste Öl fließt durch das Kaspische\nPipeline-Konsortium ans Schwarze Meer.", "de", {"cpc"}),
        ("Нефть идет через Каспийский трубопроводный\nконсорциум к Черному морю.", "ru", {"cpc"}),
        # a line that ends with a whole name, or a table's row: two lines
        ("Routes:\nWestern Route Export Pipeline\nBaku–Novorossiysk pipeline", "en", {"baku-novorossiysk", "wrep"}),
    ],
    "experts_quoted_are_no_civic_word": [
        # experts as the source of reported speech: the crossing or port named in the claim stays (h43-ru-03)
        ("Как отмечают эксперты, нефть экспортируется через КТК: путь до Алашанькоу длиннее.", "ru", {"alashankou", "cpc"}),
        ("Experts say Kazakh crude goes through the CPC; the way to Alashankou is longer.", "en", {"alashankou", "cpc"}),
        ("Experten zufolge fließt das Öl durch das CPC; der Weg nach Alashankou ist länger.", "de", {"alashankou", "cpc"}),
        # experts of a town right before its name: the town
        ("Эксперт из Атырау считает, что нефть пойдет через Актау.", "ru", {"aktau"}),
        ("Experts in Atyrau said oil exports rose.", "en", set()),
        ("Experten aus Aktau beraten über Öl.", "de", set()),
    ],
    "a_lines_ends_after_its_name_and_from": [
        # "from A to B" right after the line's own name: its two ends as places of their own, a town settled by the line's
        # ends (h43-en-02)
        ("A Trans-Caspian Gas Pipeline from Turkmenbashi to Baku was agreed in principle.", "en", {"sangachal", "tcgp", "turkmenbashi"}),
        ("Die Transkaspische Pipeline von Turkmenbaschi nach Baku wurde nie gebaut.", "de", {"sangachal", "tcgp", "turkmenbashi"}),
        ("Транскаспийский газопровод от Туркменбаши до Баку так и не построили.", "ru", {"sangachal", "tcgp", "turkmenbashi"}),
        # a plain line word before the chain: the chain is the line
        ("Crude moves through the pipeline from Atyrau to Samara.", "en", {"uas"}),
    ],
    "a_paragraphs_own_evidence_before_the_documents": [
        # an ambiguous name with nothing connected in its sentence or the one before: what its paragraph names settles it
        # before the document's counts (the CPC named paragraphs later) (h43-de-01)
        ("Rohöl für Schwedt\n\nEine Verschiffung des Rohöls über Noworossijsk wurde geprüft. Später sagte der Minister etwas. Das Öl "
         "fließt über Samara.\n\nDas meiste Öl fließt durch das CPC ans Schwarze Meer. Das CPC ist voll.", "de", {"cpc", "samara", "schwedt", "sheskharis"}),
        ("Oil for Schwedt\n\nShipping the oil via Novorossiysk was considered. The minister said so later. The oil goes through "
         "Samara.\n\nMost Kazakh crude flows through the CPC to the Black Sea. The CPC is full.", "en", {"cpc", "samara", "schwedt", "sheskharis"}),
        ("Нефть для Шведта\n\nОтгрузку нефти через Новороссийск рассматривали. Позже министр это подтвердил. Нефть идет через "
         "Самару.\n\nБольшая часть нефти идет через КТК к Черному морю. КТК загружен.", "ru", {"cpc", "samara", "schwedt", "sheskharis"}),
        # the CPC in the name's own paragraph
        ("Oil for Schwedt\n\nShipping the oil via Novorossiysk was considered. The minister said so later. The CPC is full.\n\n"
         "The oil goes through Samara.", "en", {"cpc", "cpc-marine-terminal", "samara", "schwedt"}),
    ],
    "a_headline_asset_connected_to_nothing_is_no_evidence": [
        # the refinery beside the port in the headline: the headline's port follows the story's (h43-de-01)
        ("Öl für Schwedt: „Nicht über Noworossijsk“\n\nEine Verschiffung des Rohöls über Noworossijsk wurde geprüft. Später sagte "
         "der Minister etwas. Das Öl fließt über Samara.\n\nDas meiste Öl fließt durch das CPC ans Schwarze Meer. Das CPC ist voll.",
         "de", {"cpc", "samara", "schwedt", "sheskharis"}),
        ("Oil for Schwedt: not via Novorossiysk\n\nShipping the oil via Novorossiysk was considered. The minister said so later. "
         "The oil goes through Samara.\n\nMost Kazakh crude flows through the CPC to the Black Sea. The CPC is full.", "en",
         {"cpc", "samara", "schwedt", "sheskharis"}),
        # the CPC in the headline itself
        ("CPC or Novorossiysk?\n\nShipping the oil via Novorossiysk was considered. The minister said so later. The oil goes "
         "through Samara.", "en", {"cpc", "cpc-marine-terminal", "samara"}),
    ],
}


@pytest.mark.parametrize(("text", "language", "expected"), [
    pytest.param(*case, id=f"links43-{rule}-{k}") for rule, cases in _LINKS43.items() for k, case in enumerate(cases)])
def test_link_batch43_rule(text, language, expected):
    """The cases of the rules tuned on batch 43 (``-k a_palace_or_guest_house_named_like_a_line`` runs one rule)."""
    assert links(text, language) == expected


# --- branch h/tune42: batch 42 (whole web pages as scraped: menus, captions, link lines, tags, footers) ----------------

_LINKS42: dict[str, list[tuple[str, str, set[str]]]] = {
    "a_junctions_word_before_its_name_or_a_list": [
        # a junction named by its kind word before it, or before a list of junctions, in a story of oil: the junction, no cue
        # needed (h42-ru-03); a railway's or a road's hub, and a story of no oil, stay the town
        ("Kazakh crude is pumped into the Transneft system. The route then passes the junctions of Samara and Unecha.", "en",
         {"samara", "unecha"}),
        ("Казахстанская нефть закачана в систему «Транснефти». Далее маршрут проходит через узлы Самара и Унеча.", "ru",
         {"samara", "unecha"}),
        ("Das kasachische Öl kommt per Tanker. Danach geht es über den Knotenpunkt Samara weiter.", "de", {"samara"}),
        ("Кроме того, нефть с Тенгиза идёт через КТК. Остальное проходит через узел Самара.", "ru", {"cpc", "samara", "tengiz"}),
        ("Kazakh crude is pumped west. The train stopped at the rail junction Samara.", "en", set()),
        ("Нефть идёт на запад. Поезд прошёл железнодорожный узел Самара.", "ru", set()),
        ("Das Öl fließt nach Westen. Der Zug hielt am Eisenbahnknoten Samara.", "de", set()),
        ("The bus passed the junctions of Samara and Unecha.", "en", set()),
    ],
    "a_band_a_match_or_a_transfer_before_a_lines_name": [
        # a band, a team met in a match or a club a player joins, named like the line (h42-ru-07, h42-de-06, h42-ru-06); a match
        # word or a group of people elsewhere in the sentence keeps the line
        ("Нефть по трубопроводу идёт в Германию. Вечером показали фильм о группе «Дружба» и её гастролях.", "ru", set()),
        ("Das Öl fließt weiter nach Schwedt. Das Rückspiel gegen Druschba Minsk findet im Dezember statt.", "de", {"schwedt"}),
        ("Oil exports rose again. The match against Druzhba ended 2-1 after extra time.", "en", set()),
        ("Нефть идёт в Европу. Защитник «Шахтера» переходит в «Дружбу» из Майкопа.", "ru", set()),
        ("Die Partie gegen Schwedts Raffinerie ist verloren: Öl über die Druschba bleibt aus.", "de", {"druzhba-samara-schwedt", "schwedt"}),
        ("Часть нефти пошла в «Дружбу» вместо портов.", "ru", {"druzhba-samara-schwedt"}),
        ("A group of traders said oil through Druzhba fell.", "en", {"druzhba-samara-schwedt"}),
    ],
    "a_guest_house_named_after_a_field": [
        # a guest house named after a field (h42-de-07); the field named for its oil stays
        ("Das Öl kommt aus Kasachstan. Wir wohnten in der Pension „Tengis“ am Strand.", "de", set()),
        ("Crude comes from Kazakhstan. We stayed at the guesthouse Tengiz by the sea.", "en", set()),
        ("Нефть идёт из Казахстана. Мы жили в пансионате «Тенгиз» у моря.", "ru", set()),
        ("Öl aus Tengis geht über das CPC nach Westen.", "de", {"cpc", "tengiz"}),
    ],
    "a_towns_bus_station": [
        # the town's bus station and its "terminal" (h42-de-07); the town's port keeps the port
        ("Tanker laden dort Öl. Der Busbahnhof von Noworossijsk ist ein modernes Terminal mit Cafés.", "de", set()),
        ("Tankers load crude there. The bus station in Aktau is a modern terminal with shops.", "en", set()),
        ("Танкеры грузят там нефть. Автовокзал Актау — современный терминал с кафе.", "ru", set()),
        ("Der Hafen von Noworossijsk ist ein modernes Terminal für Öl.", "de", {"sheskharis"}),
    ],
    "a_list_of_home_towns": [
        # the names listed after a person's home town are home towns too (h42-ru-07); oil from the same list of places keeps them
        ("Engineers from Atyrau, Aktau and Samara discussed oil pumping.", "en", set()),
        ("Инженеры из Атырау, Актау и Самары обсудили прокачку нефти.", "ru", set()),
        ("Oil flows from Atyrau and Samara to Novorossiysk.", "en", {"atyrau", "samara", "sheskharis"}),
        ("Нефть идёт из Атырау, Актау и Самары в Новороссийск.", "ru", {"aktau", "atyrau", "samara", "sheskharis"}),
    ],
    "a_field_in_a_link_line_to_another_page": [
        # a field named in a link to another page with no word of oil, gas or their trade in that line (h42-de-04); a link that
        # speaks of a route, or the field in the story's own text, keeps it
        ("Gas moves north through the Central Asia-Center pipeline.\nWeiterlesen:\n→ Turkmenistan: Präsident besucht neue "
         "Bohrungen in Galkynysch\n→ Kommentar: Der Winter\nDer Rest des Textes folgt hier.", "de", {"cac"}),
        ("Crude flows through the CPC.\nRELATED\nTengiz: new school opens for workers' children\nThe rest of the story.", "en",
         {"cpc"}),
        ("Нефть идёт через КТК.\nЧитайте также: Тенгиз: открыта новая школа\nДалее текст.", "ru", {"cpc"}),
        ("Crude flows through the CPC.\nRELATED\nTengiz oil to flow via CPC in spring\nThe rest of the story.", "en",
         {"cpc", "tengiz"}),
        ("Crude flows through the CPC.\nRELATED\nCPC shareholders meet\nMost crude from Tengiz goes west.", "en",
         {"cpc", "tengiz"}),
    ],
    "a_towns_embankment_or_villages_near_it_in_english_and_german": [
        # the town-part window's English and German branch opened with a backspace, not \b, so it never matched (found in
        # review of batch 42's branch; the Russian branch worked): the town's embankment, villages near it, are the town's
        ("Oil exports rose. Cafés line the embankment of Aktau, where tankers load crude.", "en", set()),
        ("Oil exports rose. Villages near Novorossiysk were flooded after the oil spill.", "en", set()),
        ("Die Ölexporte stiegen. Auf der Uferpromenade von Aktau, wo Tanker Rohöl laden, flanieren Touristen.", "de", set()),
        # the port's own business without such a word keeps it
        ("Tankers load crude in Aktau for export to Baku.", "en", {"aktau", "sangachal", "lane-aktau-baku"}),
    ],
    "a_pipe_in_a_story_of_oil_or_gas": [
        # "a pipe" in a story of oil or gas is the line: its start is a route's end (h42-en-06); a pipe dream, or a burst pipe
        # in a town's flats, is none
        ("Gas from Shah Deniz feeds the pipeline. A pipe across the seabed from near Turkmenbashi to the coast would connect "
         "the two.", "en", {"turkmenbashi"}),
        ("Oil prices rose. Building anything from Turkmenbashi was a pipe dream.", "en", set()),
        ("A pipe burst in Aktau, leaving homes without heating.", "en", set()),
        ("Oil prices rose. A pipe burst in a block of flats in Aktau, residents said.", "en", set()),
    ],
    "a_plural_town_word_before_a_list_of_names": [
        # towns listed as towns by a plural town word (h42-de-04); a junction named as one keeps it
        ("Der Süden mit den Millionenstädten Almaty und Schymkent hängt am Gas, das über die Beineu-Bosoi-Schymkent-Pipeline "
         "kommt.", "de", {"bbs"}),
        ("The cities of Almaty and Shymkent get their gas through the Beineu-Bozoi-Shymkent pipeline.", "en", {"bbs"}),
        ("В городах Алматы и Шымкенте газ получают по газопроводу Бейнеу — Бозой — Шымкент.", "ru", {"bbs"}),
        ("В городах Атырау и Актау обсуждали экспорт нефти через КТК.", "ru", {"cpc"}),
        ("Gas reaches the Shymkent junction from Beineu through the pipeline.", "en", {"beineu", "shymkent"}),
    ],
    "a_lines_section_known_as_a_name": [
        # a section of a line "known as" a name of the line keeps it (h42-en-04); a restaurant "known as" a line's name does not
        ("Oil moves east to China. The western section, known as MunaiTas, is fully used.", "en", {"kcp-atyrau-kenkiyak"}),
        ("Oil moves east to China. A restaurant known as Druzhba opened nearby.", "en", set()),
    ],
}


@pytest.mark.parametrize(("text", "language", "expected"), [
    pytest.param(*case, id=f"links42-{rule}-{k}") for rule, cases in _LINKS42.items() for k, case in enumerate(cases)])
def test_link_batch42_rule(text, language, expected):
    """The cases of the rules tuned on batch 42 (``-k a_towns_bus_station`` runs one rule)."""
    assert links(text, language) == expected
