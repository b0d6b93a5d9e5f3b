r"""The cue words of claim types per language: one regular expression of alternatives per kind and language.

Every alternative is matched at the start of a word of the case-folded sentence (where "ß" is "ss"), so
inflected forms match; alternatives with a space or hyphen span words. How they are matched, and the rules that
combine kinds (attribution, relations, negated alternatives ...), live in :mod:`geo.claims.cues`.
"""

from __future__ import annotations

# Cue patterns, matched on the case-folded sentence (where "ß" is "ss"); word starts only, so inflections match.
CUES: dict[str, dict[str, str]] = {
    # Words that by themselves speak of oil or gas.
    "energy": {
        "en": r"\b(?:oil|crude|gas\b|pipeline|tanker|barrel|refiner|lng|condensate)",
        # ("gas" opens no guest's or alley's word: "gastierte", "Gastspiel", "Gastgeber", "Gasse"; a gas word in "gast" does:
        # "Gastransit", "Gasturbine", "Gastanker", "Gasterminal")
        "de": r"\b(?:öl|roh[öo]l|erd[öo]l|gas(?!t(?!rans|urbin|ank|erminal)|sen?\b)|pipeline|leitung|tanker|kesselwagen|raffinerie|"
        r"[a-zäöü]*(?:öl|gas)(?:terminal|leitung|lieferung|export|pipeline|umschlag))",
        "ru": r"\b(?:нефт|газ|трубопровод|нефтепровод|газопровод|танкер|нпз|баррел|прокачк)",
    },
    # Trade words: they speak of energy unless the sentence names other goods ("grain exports", «перевалка удобрений»).
    "trade": {
        # amounts shipped ("1.1 million tonnes", "die Mengen", «объёмы») too: of oil unless other goods are named
        "en": r"\b(?:export|shipment|shipped|cargo|terminal|transit|loading|mooring|throughput|capacit|tonnes?\b|volumes?\b)",
        # moorings as "mooring" in English: "Boje", "Einpunktverankerung", «ВПУ» (выносное причальное устройство)
        "de": r"\b(?:export|ausfuhr|liefer|terminal|transit|verschifft|verlad|durchsatz|[a-zäöü]*kapazität|tonnen\b|mengen?\b|"
        r"bojen?\b|[a-zäöü]*verankerung)",
        "ru": r"\b(?:экспорт|поставк|поставок|отгруз|терминал|транзит|пропускн|мощност|тонн(?!ел)|объ[её]м|впу\b|причальн)",
    },
    "goods": {
        # and lorries (what a ro-ro ferry carries): "trucks", "Lkw", «фуры», «грузовики»
        # and food ("Das Essen liefert das Restaurant ...": a delivery of meals is no oil trade)
        "en": r"\b(?:grain|wheat|barley|fertili[sz]|container|coal\b|cars\b|steel|metals?\b|ore\b|cotton|passenger|trucks?\b|lorr(?:y|ies)\b|"
        r"food\b|foodstuffs?\b|meals?\b)",
        "de": r"\b(?:getreide|weizen|gerste|dünge|container|kohle|autos?\b|stahl|metall|erz\b|erze\b|baumwolle|passagier|lkws?\b|lastwagen|"
        r"lebensmittel|nahrungsmittel|essen\b|speisen\b|mahlzeit)",
        "ru": r"\b(?:зерн|пшениц|ячмен|удобрен|контейнер|уголь|угля|углём|углем|автомобил|стал[иь]\b|металл|руд[аыу]\b|хлоп|пассажир|"
        r"фур(?:а|ы|у|ой|ами|ах)?\b|грузовик|продовольств|продукт\w* питани)",
    },
    # Edible oils: "a tanker carrying vegetable oil" speaks of no oil or gas (German and Russian name them in other words).
    "edible": {
        "en": r"\b(?:(?:vegetable|sunflower|palm|cooking|olive|edible|rapeseed|soybean) oil)",
        "de": r"\b(?:speiseöl|pflanzenöl|sonnenblumenöl|palmöl|rapsöl)",
        "ru": r"\b(?:подсолнечн|растительн(?:ое|ого|ым) масл|пальмов)",
    },
    # Lessening ("reduce its dependence"): with a named route that avoids Russia, a reliance being cut is a rerouting.
    "lessen": {
        "en": r"\b(?:reduc|cut\b|cuts\b|cutting|lower|lessen|ease|easing|less\b|rid\b)",
        "de": r"\b(?:verringer|senk|reduzier|minder|vermindern|verkleiner|weniger\b|unabhängig|befrei)",
        "ru": r"\b(?:сниз|сниж|уменьш|сократ|ослаб|менее\b|избав)",
    },
    # An outage or disruption: it reports a stop, not a reliance; a new flow on another route after it is a rerouting.
    "outage": {
        "en": r"\b(?:outage|halt|suspend|suspension|shut|disrupt|delay|storm|damage|leak|accident|stoppage|blackout|repair)",
        "de": r"\b(?:[a-zäöü]*ausfall|[a-zäöü]*ausfäll|sturm|stürm|unterbroch|unterbrech|gestoppt|stillstand|stillgelegt|lahm|störung|"
        r"leck|unfall|havarie|repar|eingestellt|ausgesetzt)",
        "ru": r"\b(?:авари|останов|приостанов|шторм|перебо|ремонт|утечк|сбо[йея])",
    },
    "rerouting": {
        "en": r"\b(?:rerout|re-rout|bypass|avoid|divert|alternativ|instead|replac|redirect|diversif|hedge|shift|switch|without crossing|"
        r"without touching|new (?:route|outlet)|new export (?:route|outlet)|(?:way|ways|route|routes) around)",
        "de": r"\b(?:umleit|umzuleit|umgeh|umgangen|umgehung|ausweich|alternativ(?!los)|ersetz|"
        r"statt [abcdefghijklmnopqrstuvwxyzäöüß]|stattdessen|diversifi|umlenk|umgelenkt|verlager|umgestellt|umstell|"
        r"ohne russisch|an russland vorbei|neuen? (?:weg|route|exportroute|transportroute))",
        "ru": r"\b(?:обход|минуя|перенаправ|перебро[сш]|альтернатив|вместо|замен|диверсифи|переориент|переключ|не заходя|"
        r"нов(?:ые|ых|ым|ыми|ого|ый|ой|ую) (?:маршрут|пут))",
    },
    "dependency": {
        "en": r"(?:\balmost all|\bnearly all|\bvirtually all|\b(?:little|no) choice|\bdepend|\bexposure|\btied to|\blifeline|\barter(?:y|ies)\b|"
        r"\bmain\b|\breliant|\brel(?:y|ies|ying)\b|"
        r"\bcontinu|\bshare\b|"
        r"\bmost\b|\bstill\b|"
        r"\bbulk\b|\bmajority|\bsubstitute|"
        r"\bvulnerab|\bmainly|\bhostage|\b(?:keeps?|kept) (?:flowing|moving|going|paying|running))",
        "de": r"(?:\bfast das gesamte|\bnahezu das gesamte|\bnahezu alle|\b(?:fast|nahezu) (?:vollständig|ganz)|\blebensader|\bhaupt(?:route|weg|"
        r"abnehmer|transitweg)|\balternativlos|\bkeine wahl|\bfortsetz|"
        r"\bfortgesetzt|\babhängig|"
        r"\bunabhängig|\bangewiesen|\banteil|\bgrossteil|\bweiterhin|\bmehrheit|"
        r"\bbisher|\beinzige|\bverwundbar|"
        r"\bnach wie vor|\bhängt\b|\bhängen\b|\büberwiegend|\bhauptsächlich|\bgrössten teil|\bausschliesslich|\btropf)",
        "ru": r"(?:\bпочти (?:весь|вся|все|всё)\b|\bартери|\bпрактически (?:весь|вся|все|всё)\b|\bбезальтернатив|\bнет выбора|\bзавис|\bдол[яию]\b|"
        r"\bбольшая часть|\bосновн|\bпродолжа(?:ет|ют)\b|\bпо-прежнему|\bисключительно|\bзаложник|"
        r"\bединствен|\bуязвим|\bпреимущественно|\bглавным образом)",
    },
    # A percentage: a share ("80% of its exports") is a reliance, a change ("rose by 12%") is not (see claim_kinds).
    "share": {
        "en": r"(?:\bpercent|%)",
        "de": r"(?:\bprozent|%)",
        "ru": r"(?:\bпроцент|%)",
    },
    # A stop or outage being over: what flows after it is no shift to another route.
    "restored": {
        "en": r"\b(?:resum|restor|finished)",
        "de": r"\b(?:wieder aufgenommen|wieder angelaufen|abgeschlossen)",
        "ru": r"\b(?:возобнов|заверш)",
    },
    # Russia's own oil or gas: where it flows says nothing about avoiding Russia or relying on it.
    "russian_goods": {
        "en": r"\b(?:russian (?:oil|crude|gas|barrels|urals))",
        "de": r"\b(?:russische[snm]? (?:öl|rohöl|erdöl|gas|erdgas))",
        "ru": r"\b(?:российск(?:ой|ая|ую|ого|ий|ие|их) (?:нефт|газ))",
    },
    # A comparison with a year before: growth it reports is a statistic, not a plan or a shift (see extract.analyse).
    "year_on_year": {
        "en": r"\b(?:year-on-year|year (?:earlier|ago|before))",
        "de": r"\b(?:vorjahr|jahresvergleich)",
        "ru": r"\b(?:годом ранее|прошлого года|аналогичным периодом)",
    },
    # Places of a route that avoids Russia: the Caspian, the Caucasus, Turkey. With a transit word before them ("via
    # Azerbaijan", «через Каспий», "nach Aserbaidschan", see _CORRIDOR) they name such a route ("corridor" in claim_kinds).
    "corridor_place": {
        "en": r"\b(?:azerbaijan|georgia\b|turkey|caspian|china\b)",
        "de": r"\b(?:aserbaidschan|georgien|türkei|kaspische|transkaspi|china\b)",
        "ru": r"\b(?:азербайджан|грузи[юия]\b|турци|каспи|транскаспи|китай\b)",
    },
    # Cost: "an alternative via Rostock is more expensive" speaks of a reliance on the cheaper route (see claim_kinds).
    "costly": {
        "en": r"\b(?:costl|expensive)",
        "de": r"\b(?:teuer)",
        "ru": r"\b(?:дорож|дороже|дорог(?:ой|ая|ие|о)\b)",
    },
    # Confirmation: denied or missing ("did not confirm", «не подтверждают», "nicht bestätigt"), the report is unverified.
    "confirm": {
        "en": r"\b(?:confirm|named\b)",
        "de": r"\b(?:bestätig|genannt\b)",
        "ru": r"\b(?:подтвер|называть\b)",
    },
    # A negation: only a sentence with one is searched for a negated alternative (see claim_kinds).
    "negation": {
        "en": r"\b(?:no\b|not\b|without\b|doesn\b|don\b|cannot\b|nowhere\b|never\b)",
        "de": r"\b(?:kein|nicht\b|nie\b|niemals\b|kaum\b)",
        "ru": r"\b(?:нет\b|не\b|никогда\b)",
    },
    # An agreement is alignment only outside energy talk (a transit or supply agreement is commerce).
    "accord": {
        "en": r"\b(?:agreement|memorandum)",
        "de": r"\b(?:abkommen|memorandum|absichtserklärung)",
        "ru": r"\b(?:соглашени|меморандум)",
    },
    # A change or plan in a flow; with a route that avoids Russia named, that is a rerouting claim.
    "change": {
        # (a first cargo or shipment is a new flow; a proposal is a plan; "larger volumes" a change of amount)
        "en": r"\b(?:will|would|plans?|planned|began|begin|start|increas|more\b|expand|rais|new\b|grow|aims?\b|consider|propos|"
        r"larger\b|bigger\b|extra\b|additional|(?:first|second|third|another) (?:cargo|tanker|shipment|batch|oil|crude|time))",
        "de": r"\b(?:will|soll|plan|künftig|begann|beginn|seit\b|mehr\b|erhöh|ausbau|steiger|zusätzlich|zunehmend|verstärkt|erwäg|neu|"
        r"erstmals|vorschlag|vorgeschlag|grössere[nmrs]?\b|(?:erste|zweite|dritte|weitere)[nrs]? (?:ladung|tanker|lieferung))",
        "ru": r"\b(?:увелич|больше|начал|планир|будет|нарасти|наращ|рассчитыва|рассматрива|нов[аыо]|рост|всё чаще|все чаще|впервые|"
        r"предлага|предлож|дополнительн|(?:перв|втор|трет)(?:ый|ий|ая|ья|ую|ью|ой|ого|ьего|ые|ьи|ых) (?:танкер|парти|отгрузк|поставк))",
    },
    "military_symbolic": {
        # armed forces and their shows: parades, troops (also compounds: "Friedenstruppen"), joint drills and manoeuvres
        "en": r"\b(?:parade|military|army\b|troops|victory day|intervention|armed|drills\b|manoeuvres|maneuvers|peacekeep|defen[cs]e\b|airspace)",
        "de": r"\b(?:parade|militär|armee|streitkräft|bundeswehr|[a-zäöü]*truppen|tag des sieges|eingreifen|eingriff|soldaten|[a-zäöü]*manöver|"
        r"[a-zäöü]*übung(?:en)?\b|grenzschütz|marine\b|"
        r"friedens(?:mission|einsatz)|verteidigung|"
        r"rüstung|luftraum|[a-zäöü]*abwehr)",
        "ru": r"\b(?:парад|военн|вооружённ|вооруженн|арми[яиюей]\b|войск|дн[яюе] победы|вмешательств|учени(?:я|й|ях|ями)\b|манёвр|маневр|миротвор|"
        r"(?:мин)?оборон|пво\b|"
        r"противовоздушн)",
    },
    "alignment": {
        # "the West" as a camp, not a direction or a region ("flow west", "western Kazakhstan", «на западе страны»)
        "en": r"\b(?:the west\b|western (?:countries|governments|partners|sanctions|capitals|powers|allies|leaders|nations|states|"
        r"world|pressure|allian|interest|values|orientation|camp|bloc|institution)|alliance|partnership|distanc|"
        r"turn away|away from (?:moscow|russia)|turkic|pivot|ally|allies|referend|rapprochement|multi-vector|eaeu\b|csto\b|cis\b|brics|sco\b|"
        r"eurasian economic union)",
        "de": r"\b(?:westens\b|(?:den|dem|vom|zum) westen\b|westliche[nrms]? (?:partner|staat|sanktion|regierung|länder|verbündet|"
        r"mächt|welt|druck|führer|allianz|interesse|werte|orientierung|lager|institution)|[a-zäöü]*partnerschaft|distanz|"
        r"distanzier|verbündet|annäherung|abkehr|referend|ausrichtung|bündnis|multivektor|eawu\b|ovks\b|gus\b|brics|soz\b|turkstaaten|"
        r"eurasische[nr]? wirtschaftsunion)",
        "ru": r"\b(?:запад(?!е\b|н)|западн(?:ые|ых|ым|ыми|ой|ого|ому|ая|ую|ый) (?:стран|партн|санкц|правительств|держав|союзник|"
        r"давлен|мир|лидер|альянс|интерес|ценност|блок|институт)|партн[её]рств|дистанц|союзник|референдум|сближени|многовектор|еаэс\b|одкб\b|снг\b|тюркск|"
        r"брикс|шос\b)",
    },
    "opinion": {
        # a view, a perception ("seen as", «расценили»), hedged wording, or a source kept anonymous ("on condition of
        # anonymity", «пожелавший остаться неизвестным», «по неподтверждённым данным»). Attribution to an unnamed source
        # by a reporting verb ("traders said", «сообщили источники») is the rule "speech" + "unnamed" (settle_kinds).
        "en": r"\b(?:according to (?:analysts|traders|sources|people|experts|observers|insiders|estimates|industry|market)|"
        r"analysts?|believes?|claims?|seems?|allegedly|argues?|reportedly|critics|observers|(?:a|one) (?:trader|source|analyst)\b|"
        r"in (?:my|our) view|anonym|unnamed|unidentified|not to be named|media reports|apparently|appears? to|judging by|"
        r"widely believed|unlikely|(?:seen|viewed|regarded|interpreted|"
        r"perceived) as|said to (?:be|have))",
        "de": r"\b(?:laut|zufolge|meinen|glaubt|angeblich|scheint|analysten|berichten|argumentieren|nach angaben|kritiker|"
        r"experten|beobachter|[a-zäöü]+kenner|nach einschätzung|[a-zäöü]*kreisen\b|anonym|ungenannt|namentlich genannt|medienbericht|bekannt wurde|"
        r"vernehmen\b|offenbar|anscheinend|vermutlich|mutmasslich|"
        r"nach darstellung)",
        "ru": r"\b(?:по мнению|счита|якобы|по словам|аналитик|полагают|эксперт|наблюдател|по оценк|отмечают|на (?:мой|наш) взгляд|"
        r"анонимн|неназванн|пожелавш|неподтвержд|расцен|восприня|стало известно|судя по всему|видимо|по-видимому|неофициальн|по некоторым данным|"
        r"как (?:утверждают|говорят|пишут|сообщают))",
    },
    # Verbs of saying, and the German mood of reported speech (Konjunktiv I: "sei", "werde", "könne"; "hätten" where
    # Konjunktiv I would look like the indicative). With an unnamed source in the same sentence this is an opinion.
    "speech": {
        "en": r"\b(?:said\b|say\b|says\b|saying\b|told\b|tell\b|warn|note[sd]?\b|concede|expect|estimate|insist|suggest|"
        r"report(?:ed|s)?\b|describ|predict|fear|worr|writes\b|wrote\b|according\b|call(?:ed|s)?\b|doubt|hail|denounc|condemn)",
        "de": r"\b(?:sagt|sagen\b|erklärt|berichtet|warnt|warnen\b|erwart|rechne[nt]\b|hiess\b|heisst\b|werte[nt]\b|betont|"
        r"befürcht|verlautet|sprach|schreibt|schrieb|informationen\b|nannte|nennen|bezeichne|bezweifel|verurteil|kritisier|sei\b|seien\b|habe\b|"
        r"werde\b|könne\b|müsse\b|solle\b|"
        r"wolle\b|dürfe\b|hätten\b)",
        "ru": r"\b(?:сообщ|заяв|сказал|рассказал|пишет|писал|говор|отмеча|расцен|назыв|оценива|предупрежд|ожида|утвержда|"
        r"опасают|допуска|данным\b|ссылк|информации\b|сведениям\b|назвал|сомнева|признал|признался|осуд)",
    },
    # A source not named: market people, insiders, diplomats, "sources", "people familiar with ...", «собеседник», «в кругах».
    "unnamed": {
        "en": r"\b(?:traders?\b|sources?\b|insiders?\b|diplomats?\b|bankers?\b|brokers?\b|analysts?\b|observers?\b|"
        r"critics?\b|commentators?\b|experts?\b|participants\b|advis[eo]rs?\b|aides?\b|columnists?\b|think-tanks?\b|think tanks?\b|media\b|"
        r"politicians\b|consultants?\b|consultanc|shippers\b|managers?\b|bloggers?\b|(?:people|"
        r"person|persons) (?:familiar|briefed|"
        r"involved|close|with))",
        "de": r"\b(?:händler|insider|diplomat|branchenvertreter|[a-zäöü]*teilnehmer|beobachter|kritiker|[a-zäöü]*analyst|[a-zäöü]*experte|fachleute|"
        r"kommentator|quellen?\b|umfeld\b|[a-zäöü]*kreise|eingeweiht|informiert|berater|kolumnist|denkfabrik|medien\b|politiker|verlader|manager\b|blogger|"
        r"beratungsfirm|analysehaus)",
        "ru": r"\b(?:источник|собеседник|трейдер|аналитик|эксперт|наблюдател|инсайдер|дипломат|осведомл|участник(?:и|ов)? рынка|"
        r"кругах\b|кругов\b|советник|обозревател|колумнист|сми\b|аналитическ(?:ий|ого|ом|ое) (?:центр|агентств)|грузоотправител|менеджер|блогер|"
        r"политик(?:и|ов)\b|консультант)",
    },
    # Words of relations between states: with actors and no energy words, a sentence about them is about alignment.
    "relations": {
        "en": r"\b(?:ties\b|relations\b|relationship|cooperation|co-operation|partners?\b|sovereign|recogni[sz]|nato\b|sanction|"
        r"influence|friendship|pressure\b|contacts\b|abstain|vote[ds]?\b|voting|membership|engagement|war\b)",
        "de": r"\b(?:beziehung|zusammenarbeit|kooperation|bindung|partner\b|partnern?\b|souverän|anerkenn|anerkann|nato\b|sanktion|einfluss|"
        r"freundschaft|druck\b|kontakte\b|abstimmung|stimmenthaltung|enthielt|mitgliedschaft|[a-zäöü]*krieg)",
        "ru": r"\b(?:отношени(?:я|й|ях|ям|ями)\b|сотрудничеств|партн[её]р|суверен|непризнан|нато\b|санкци|влияни|дружб|давлени|контакт(?:ы|ов|ах)\b|"
        r"голосовани|воздерж(?:ался|алась|ались|алось|ится|атся) при|членств|войн[аыуе]\b|войной\b)",
    },
    # "without the CPC", "ohne die Druschba", «без КТК»: with a named thing after it and a negation or conditional, a reliance.
    "without": {
        "en": r"\b(?:without\b)",
        "de": r"\b(?:ohne\b)",
        "ru": r"\b(?:без\b)",
    },
    # "other", "andere", «других»: with a negation, "no other outlet", «других маршрутов нет» is a reliance.
    "other": {
        "en": r"\b(?:other\b|another\b|nowhere\b)",
        "de": r"\b(?:andere[nmrs]?\b)",
        "ru": r"\b(?:друг(?:их|ой|ого|ие|ому|им)\b|ин(?:ых|ого|ой|ые)\b)",
    },
    # Impersonal reporting ("hieß es", «сообщается») and German "soll ... haben" (allegedly): read with the words after them.
    "impersonal": {
        "en": r"\b(?:reportedly)",
        "de": r"\b(?:hiess\b|heisst\b|soll\b|sollen\b)",
        "ru": r"\b(?:сообщается\b|говорят\b)",
    },
    # Kazakhstan itself, and the powers it aligns with or away from: a military act of both is a stance (alignment).
    "home": {
        "en": r"\b(?:kazakh|astana|tokayev)",
        "de": r"\b(?:kasach|astana|tokajew)",
        "ru": r"\b(?:казах|астан|токаев)",
    },
    "foreign": {
        "en": r"\b(?:russia|moscow|putin|kremlin|china|chinese|beijing|west|brussels|europe|nato\b|turk|washington)",
        "de": r"\b(?:russ|moskau|putin|kreml|china|chines|peking|westen|westlich|brüssel|europ|nato\b|türk|washington)",
        "ru": r"\b(?:росси|москв|путин|кремл|кита|пекин|запад|брюссел|европ|нато\b|турц|турецк|вашингтон)",
    },
    "actors": {
        "en": r"\b(?:kazakh|russia|moscow|astana|tokayev|putin|china|west|kremlin|brussels|europe|beijing|turkmen|ashgabat|azerbaijan|uzbek|"
        r"ukrain|washington)",
        "de": r"\b(?:kasach|russ|moskau|astana|tokajew|putin|china|chines|westen|westlich|kreml|brüssel|peking|turkmen|aschgabat|aserbaidschan|"
        r"usbek|ukrain|washington)",
        "ru": r"\b(?:казах|росси|москв|астан|токаев|путин|кита|запад|кремл|пекин|туркмен|ашхабад|азербайджан|узбек|украин|вашингтон)",
    },
}
