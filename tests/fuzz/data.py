"""What reports look like, copied into the fuzzer so that nothing outside the project is read at run time.

Area names and their printed variants per edition, title-page and comparison wordings, as published
reports and municipal pages print them. The sub-questions of the 2002 tool are the Umeå 2007 report's
(corpus/umea_2007.txt); the later editions' sub-areas are not public, so those below are invented
(plausible headings, never claimed to be the tool's).
"""

from __future__ import annotations

# Municipalities (official name, SCB code) whose names are not ordinary words or first names, so
# every mention the fuzzer plants is unambiguous.
MUNICIPALITIES: tuple[tuple[str, str], ...] = (
    ("Upplands Väsby", "0114"),
    ("Vallentuna", "0115"),
    ("Södertälje", "0181"),
    ("Nacka", "0182"),
    ("Solna", "0184"),
    ("Lidingö", "0186"),
    ("Norrtälje", "0188"),
    ("Knivsta", "0330"),
    ("Uppsala", "0380"),
    ("Enköping", "0381"),
    ("Eskilstuna", "0484"),
    ("Linköping", "0580"),
    ("Norrköping", "0581"),
    ("Motala", "0583"),
    ("Jönköping", "0680"),
    ("Nässjö", "0682"),
    ("Växjö", "0780"),
    ("Kalmar", "0880"),
    ("Karlskrona", "1080"),
    ("Lund", "1281"),
    ("Landskrona", "1282"),
    ("Halmstad", "1380"),
    ("Falkenberg", "1382"),
    ("Lysekil", "1484"),
    ("Strömstad", "1486"),
    ("Vänersborg", "1487"),
    ("Borås", "1490"),
    ("Karlstad", "1780"),
    ("Örebro", "1880"),
    ("Västerås", "1980"),
    ("Falun", "2080"),
    ("Gävle", "2180"),
    ("Härnösand", "2280"),
    ("Sundsvall", "2281"),
    ("Östersund", "2380"),
    ("Umeå", "2480"),
    ("Luleå", "2580"),
    ("Piteå", "2581"),
    ("Skövde", "1496"),
    ("Tranemo", "1452"),
    ("Kramfors", "2282"),
    ("Grästorp", "1444"),
    ("Sollentuna", "0163"),
    ("Huddinge", "0126"),
    ("Tyresö", "0138"),
    ("Sigtuna", "0191"),
    ("Kungälv", "1482"),
    ("Uddevalla", "1485"),
    ("Trollhättan", "1488"),
    ("Kalix", "2514"),
    ("Lycksele", "2481"),
    ("Skellefteå", "2482"),
    ("Kiruna", "2584"),
    ("Ljungby", "0781"),
    ("Tomelilla", "1270"),
    ("Höganäs", "1284"),
    ("Helsingborg", "1283"),
    ("Ängelholm", "1292"),
    ("Strängnäs", "0486"),
    ("Karlskoga", "1883"),
    ("Lomma", "1262"),
    ("Botkyrka", "0127"),
    ("Hammarö", "1761"),
    ("Örnsköldsvik", "2284"),
    ("Tranås", "0687"),
    ("Vårgårda", "1442"),
    ("Järfälla", "0123"),
    ("Kinda", "0513"),
)

# Each edition: the years it was used, and per area (1-8) the wordings reports print, the
# edition's own name first.
EDITION_YEARS: dict[str, tuple[int, int]] = {"2002": (2003, 2009), "2010": (2011, 2019), "2020": (2020, 2024)}

AREA_NAMES: dict[str, tuple[tuple[str, ...], ...]] = {
    "2002": (
        ("Offentlighet och demokratisk kontroll",),
        ("Tillgänglighet och brukarorientering", "Tillgänglighet och medborgar-/brukarorientering"),
        ("Tydlighet i samspelet mellan politiker och tjänstemän",),
        ("Ledning, decentralisering och delegering",),
        ("Kontroll och rapportering",),
        ("Personalpolitik",),
        ("Verksamhetsutveckling",),
        ("Kommunen som samhällsbyggare", "Samhällsbyggnad", "Kommun som samhällsbyggare"),
    ),
    "2010": (
        ("Offentlighet och demokrati",),
        ("Tillgänglighet och brukarorientering", "Brukarfokus, tillgänglighet och bemötande"),
        ("Politisk styrning och kontroll",),
        ("Ledarskap, ansvar och delegation",),
        ("Resultat och effektivitet",),
        (
            "Kommunen som arbetsgivare – personalpolitik",
            "Kommunen som arbetsgivare, personalpolitik",
            "Kommunen som arbetsgivare",
        ),
        ("Verksamhetsutveckling", "Ständiga förbättringar"),
        ("Kommunen som samhällsbyggare", "Kommun som samhällsbyggare"),
    ),
    "2020": (
        ("Samspel mellan förtroendevalda och medborgare", "Offentlighet och demokrati"),
        ("Samhällsutveckling",),
        ("Styrning och kontroll",),
        ("Effektivitet",),
        ("Brukarens fokus",),
        ("Kvalitetsutveckling",),
        ("Arbetsliv",),
        ("Chefs- och ledarskap samt medarbetarskap",),
    ),
}

# The 2002 tool's sub-questions with their max points, as the Umeå 2007 score table prints them.
QUESTIONS_2002: tuple[tuple[tuple[str, int], ...], ...] = (
    (
        ("Hur informeras medborgarna?", 40),
        ("Hur främjas medborgarnas engagemang?", 40),
        ("Hur informeras medborgarna om resultat?", 20),
    ),
    (
        ("Har kommunen en brukarorienterad förvaltningsfilosofi?", 10),
        ("Vilka åtgärder har satts i verket för att förbättra överskådligheten för medborgarna?", 20),
        ("Kan brukarna själva påverka serviceutbudet?", 20),
        ("Genomförs brukar-/medborgarundersökningar?", 20),
        ("Hur är systemet för synpunkts- och klagomålshantering organiserat?", 20),
        ("Bedrivs utbildning i att bemöta allmänheten?", 10),
    ),
    (
        ("Hur är kvaliteten på målformuleringsarbetet?", 30),
        ("Hur är delegation och ansvarsfördelning mellan politisk och tjänstemannanivå?", 20),
        ("Hur rapporterar tjänstemännen till den politiska nivån?", 30),
        ("Hur främjas den ömsesidiga förståelsen av uppgifter och roller?", 20),
    ),
    (
        ("Vilken frihet har resultatenheterna i sin resursdisponering?", 30),
        ("Hur utnyttjas möjligheter till samarbete över sektorsgränserna?", 20),
        ("Lokala initiativ för att stärka serviceutbudet?", 20),
        ("Hur beskrivs förvaltningsledningen?", 20),
        ("Hur utövas den centrala ledningen över underställda enheter?", 10),
    ),
    (
        ("Hur detaljerat är rapporteringssystemet?", 40),
        ("Hur sker rapporteringen från tvärsektoriella projekt och program?", 20),
        ("Strategier för att synliggöra kostnader.", 20),
        ("Kontroll- och uppföljningsrutiner.", 20),
    ),
    (
        ("Hur stor vikt läggs vid personalutvecklingsåtgärder?", 20),
        ("Förekommer prestationslönesystem?", 20),
        ("Förekommer arbetsmiljöundersökningar?", 10),
        ("Förekommer medarbetarsamtal?", 20),
        ("Genomförs ledarutvecklingsprogram?", 20),
        ("Hur systematisk är budgetering och uppföljning av kompetensutveckling?", 10),
    ),
    (
        ("Hur metodiskt sker utveckling av kvalitetssystem?", 20),
        ("Strategisk serviceutveckling.", 20),
        ("Tillvaratas de anställdas erfarenheter och kreativitet?", 20),
        ("Användning av Internet och intranät i ärendehantering.", 20),
        ("Hur aktivt används jämförelser i organisationsutvecklingen?", 20),
    ),
    (
        ("Vad gör kommunen för att stötta föreningslivet?", 40),
        ("Kommunens samverkan med kulturlivet.", 20),
        ("Kommunen som partner för näringslivet.", 20),
        ("Kommunens internationella kontakter.", 20),
    ),
)

# Sub-area headings for the later editions (invented; the tool's own are not public).
SUB_AREA_WORDS: tuple[str, ...] = (
    "Information",
    "Medborgardialog",
    "Delaktighet",
    "Resultatredovisning",
    "Målstyrning",
    "Uppföljning",
    "Brukarundersökningar",
    "Synpunktshantering",
    "Bemötande",
    "Valfrihet",
    "Delegation",
    "Samverkan",
    "Ledarutveckling",
    "Kompetensförsörjning",
    "Medarbetarsamtal",
    "Arbetsmiljö",
    "Jämförelser",
    "Innovation",
    "Digitalisering",
    "Näringsliv",
    "Kulturliv",
    "Internationellt arbete",
    "Kostnadsmedvetenhet",
    "Kvalitetssystem",
    "Hållbar utveckling",
    "Förtroendevaldas roll",
    "Intern kontroll",
    "Lönepolitik",
)

MONTHS = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)

SKL = {
    "2002": "Sveriges Kommuner och Landsting",
    "2010": "Sveriges Kommuner och Landsting",
    "2020": "Sveriges Kommuner och Regioner",
}
EVALUATORS = (
    "Leif Eldås",
    "Lena Tegenfeldt",
    "Ingmar Kärrsten",
    "Märit Melbi",
    "Lars Strid",
    "Anders Dryselius",
    "Josephine Härdin",
    "Britt-Marie Hedlund",
    "Anna Marnell",
)

# Comparison columns of the summary table, per edition (section 3.4 and 4.2 of the research notes).
AVERAGE_LABELS: dict[str, tuple[str, ...]] = {
    "2002": ("Genomsnitt",),
    "2010": ("40 kommuner i genomsnitt", "Nationellt medelvärde"),
    "2020": ("Sverigesnitt", "Genomsnitt"),
}

STRENGTHS = (
    "Tydlig och innehållsrik hemsida",
    "Framgångsrik presstrategi",
    "Etablerad styrmodell med tydliga mål",
    "Systematiska brukarundersökningar",
    "Väl utvecklade e-tjänster",
    "Aktivt arbete med medborgardialog",
    "Tydlig rollfördelning mellan politiker och tjänstemän",
    "Starkt och levande föreningsliv",
    "Genomarbetat ledarutvecklingsprogram",
    "Kvalitetsdeklarationer inom flera verksamheter",
    "Regional samverkan kring näringslivsfrågor",
    "Jämförelser med andra kommuner i nätverk",
    "Medarbetarsamtal med tydlig koppling till mål",
    "Synpunktshantering via webben",
)
IMPROVEMENTS = (
    "Handlingar tillgängliga på hemsidan",
    "Utveckla avvikelserapporteringen av verksamhet",
    "Jämföra resultat från brukarundersökningar med andra kommuner",
    "Inför medborgarförslag",
    "Samla resultatredovisningen på ett ställe",
    "Följa upp kompetensutvecklingen systematiskt",
    "Synliggöra kostnader per verksamhet",
    "Utveckla den interna kontrollen",
    "Sammanställ arbetet på den internationella arenan",
    "Premiera gott bemötande",
    "Tydligare koppling mellan budget och mål",
    "Utveckla uppföljningen av tvärsektoriella projekt",
)
STRENGTH_HEADINGS = ("Styrkor", "Starka sidor", "Styrkor inom området")
IMPROVEMENT_HEADINGS = ("Förbättringsområden", "Utvecklingsområden", "Förbättringsförslag")

PARTIES = ("M", "C", "L", "KD", "MP", "S", "V", "SD")
