"""Known English forms of places that CLDR's countries and time-zone cities do not give: regions
and nations ("Angleterre" ↔ "English"), former and short state names ("URSS" ↔ "USSR",
"Tchéquie" ↔ "Czech Republic"), US states and big cities written short ("New York" ↔ "NYC"),
and exonyms of cities ("Cologne" ↔ "Köln", "Gênes" ↔ "Genoa").

Written for this project from general knowledge of the names (names and their translations are
facts), under the project's licence; some entries were added after reading development-set
flags (never a test set's).
:mod:`pipeline.lang.names` merges it into its table of known forms.
"""

from __future__ import annotations

# French form (folded, one word) → English forms (words).
PLACES: dict[str, tuple[str, ...]] = {
    # Nations and regions of states.
    "angleterre": ("England", "English", "Englishman", "Englishmen", "Britain", "British"),
    "anglais": ("English", "England", "British", "Britain", "Englishman", "Englishmen"),
    "ecosse": ("Scotland", "Scottish", "Scots", "Scot"),
    "galles": ("Wales", "Welsh"),
    "gallois": ("Welsh", "Wales"),
    "irlande": ("Ireland", "Irish", "Eire"),
    "bretagne": ("Brittany", "Breton", "Britain", "British", "UK"),  # Grande-Bretagne
    "baviere": ("Bavaria", "Bavarian"),
    "catalogne": ("Catalonia", "Catalan"),
    "andalousie": ("Andalusia", "Andalucia"),
    "flandre": ("Flanders", "Flemish"),
    "wallonie": ("Wallonia", "Walloon"),
    "sicile": ("Sicily", "Sicilian"),
    "sardaigne": ("Sardinia",),
    "corse": ("Corsica", "Corsican"),
    "boheme": ("Bohemia", "Czech"),
    "moravie": ("Moravia",),
    "transylvanie": ("Transylvania",),
    # Regions of Germany, Austria, Spain and Italy, and islands, whose French name is short of
    # the English one or spelt apart ("Saxe" ↔ "Saxony", "Majorque" ↔ "Mallorca").
    "saxe": ("Saxony", "Saxon"),
    "thuringe": ("Thuringia", "Thuringian"),
    "rhenanie": ("Rhineland",),
    "westphalie": ("Westphalia",),
    "souabe": ("Swabia", "Swabian"),
    "franconie": ("Franconia",),
    "pomeranie": ("Pomerania",),
    "silesie": ("Silesia", "Silesian"),
    "frise": ("Frisia", "Frisian", "Friesland"),
    "carinthie": ("Carinthia",),
    "styrie": ("Styria",),
    "majorque": ("Majorca", "Mallorca"),
    "minorque": ("Minorca", "Menorca"),
    "baleares": ("Balearic", "Balearics", "Baleares"),
    "canaries": ("Canary", "Canaries"),
    "castille": ("Castile", "Castilla"),
    "galice": ("Galicia", "Galician"),
    "asturies": ("Asturias",),
    "lombardie": ("Lombardy",),
    "toscane": ("Tuscany", "Tuscan"),
    "piemont": ("Piedmont",),
    "venetie": ("Veneto",),
    "pouilles": ("Apulia", "Puglia"),
    "calabre": ("Calabria",),
    "dalmatie": ("Dalmatia",),
    "bourgogne": ("Burgundy",),
    "laponie": ("Lapland",),
    "tchetchenie": ("Chechnya", "Chechen"),
    "crimee": ("Crimea", "Crimean"),
    "cachemire": ("Kashmir",),
    "tibet": ("Tibet", "Tibetan"),
    "europe": ("Europe", "European", "EU", "Eurozone"),
    "asie": ("Asia", "Asian"),
    "afrique": ("Africa", "African"),
    "occident": ("West", "Western"),
    "orient": ("East", "Eastern", "Orient"),
    "zelande": ("Zealand", "Zealander", "Zealanders"),
    # Former and short state names, and their acronyms.
    "tchequie": ("Czech", "Czechia", "Republic"),
    "tcheque": ("Czech", "Czechia"),
    "tchecoslovaquie": ("Czechoslovakia", "Czechoslovak"),
    "urss": ("USSR", "Soviet"),
    # "outre-Manche", "outre-Rhin", "outre-Atlantique": the country across
    "manche": ("Channel", "English", "Britain", "British", "UK"),
    "rhin": ("Rhine", "Germany", "German"),
    "atlantique": ("Atlantic", "America", "American", "US", "U.S."),
    "sovietique": ("Soviet", "USSR"),
    "yougoslavie": ("Yugoslavia", "Yugoslav"),
    "rda": ("GDR", "East", "Germany", "German"),
    "rfa": ("FRG", "West", "Germany", "German"),
    "birmanie": ("Burma", "Myanmar", "Burmese"),
    "perse": ("Persia", "Persian", "Iran"),
    "ceylan": ("Ceylon", "Sri", "Lanka"),
    "hollande": ("Holland", "Netherlands", "Dutch"),
    "pays": ("Dutch", "Netherlands", "Holland"),  # Pays-Bas
    "emirats": ("Emirates", "UAE"),
    "americain": ("American", "USA", "US", "America"),
    "americaine": ("American", "USA", "US", "America"),
    "amerique": ("America", "American", "USA", "US"),
    "unis": ("United", "USA", "US", "UK", "UAE"),
    "britannique": ("British", "Britain", "UK", "English"),
    "congo": ("Congo", "DRC"),
    "unies": ("United", "UN", "Nations"),
    "eurozone": ("Eurozone", "euro", "zone"),
    "asiatique": ("Asian", "Asia"),
    "africain": ("African", "Africa"),
    "africaine": ("African", "Africa"),
    # A country's own name inside a name ("Financial Times Deutschland").
    "deutschland": ("Germany", "German"),
    "osterreich": ("Austria", "Austrian"),
    "schweiz": ("Switzerland", "Swiss"),
    "espana": ("Spain", "Spanish"),
    "italia": ("Italy", "Italian"),
    "polska": ("Poland", "Polish"),
    "nederland": ("Netherlands", "Dutch"),
    # The German word of names ("Deutsche Bank", "Deutsche Welle").
    "allemand": ("German", "Deutsche", "Deutsch"),
    "allemande": ("German", "Deutsche", "Deutsch"),
    "musulman": ("Muslim", "Muslims", "Moslem", "Moslems", "Islamic"),
    "musulmane": ("Muslim", "Muslims", "Moslem", "Moslems", "Islamic"),
    # US states whose French name differs.
    "californie": ("California", "Californian", "Calif"),
    "floride": ("Florida", "Fla"),
    "georgie": ("Georgia", "Ga"),
    "louisiane": ("Louisiana", "La"),
    "pennsylvanie": ("Pennsylvania", "Pa"),
    "virginie": ("Virginia", "Va"),
    "caroline": ("Carolina",),
    "hawai": ("Hawaii", "Hawaiian"),
    "nouveau": ("New",),
    "new": ("New", "NY", "NYC", "NJ", "NH", "NM", "NZ"),
    "eu": ("US", "USA", "EU"),  # "les EU" (États-Unis), and the English's "EU"
    "ru": ("UK",),  # Royaume-Uni
    "magyar": ("Hungarian", "Hungary", "Magyar"),
    "magyars": ("Hungarians", "Hungary", "Magyars"),
    # Big cities written short.
    "york": ("York", "NY", "NYC", "Yorker", "Yorkers"),
    "angeles": ("Angeles", "LA"),
    "washington": ("Washington", "DC"),
    "francisco": ("Francisco", "SF", "Frisco"),
    # Exonyms of cities.
    "philadelphie": ("Philadelphia",),
    "orleans": ("Orleans",),
    "munich": ("Munich", "München", "Muenchen"),
    "cologne": ("Cologne", "Köln", "Koeln"),
    "geneve": ("Geneva",),
    "bale": ("Basel", "Basle"),
    "florence": ("Florence", "Firenze"),
    "naples": ("Naples", "Napoli"),
    "milan": ("Milan", "Milano"),
    "turin": ("Turin", "Torino"),
    "genes": ("Genoa", "Genova"),
    "seville": ("Seville", "Sevilla"),
    "saragosse": ("Zaragoza", "Saragossa"),
    "gand": ("Ghent", "Gent"),
    "bruges": ("Bruges", "Brugge"),
    "cracovie": ("Krakow", "Cracow", "Kraków"),
    "dantzig": ("Gdansk", "Danzig"),
    "mayence": ("Mainz",),
    "treves": ("Trier",),
    "ratisbonne": ("Regensburg",),
    "salonique": ("Thessaloniki", "Salonika"),
    "mecque": ("Mecca", "Makkah"),
    "canton": ("Guangzhou", "Canton"),
    "bombay": ("Mumbai", "Bombay"),
    "calcutta": ("Kolkata", "Calcutta"),
    "petersbourg": ("Petersburg",),
    "kiev": ("Kyiv", "Kiev"),
    "belgrade": ("Belgrade", "Beograd"),
    "bucarest": ("Bucharest",),
    "tripoli": ("Tripoli",),
}

# A capital or seat of power that news writes for its state or body ("Paris et Berlin" ↔
# "France and Germany", "Bruxelles" ↔ "the EU", "Matignon" ↔ "the Prime Minister"): the city's
# French name → the English forms of what it stands for, and the city's own English name where
# neither CLDR's time-zone cities nor names.KNOWN give it ("Londres" ↔ "London" is there).
SEATS: dict[str, tuple[str, ...]] = {
    "paris": ("Paris", "France", "French"),
    "berlin": ("Berlin", "Germany", "German"),
    "londres": ("Britain", "British", "UK", "England"),
    "moscou": ("Russia", "Russian", "Kremlin"),
    "kremlin": ("Kremlin", "Moscow", "Russia", "Russian"),
    "pekin": ("China", "Chinese"),
    "bruxelles": ("EU", "European", "Commission", "Belgium", "Belgian"),
    "athenes": ("Greece", "Greek"),
    "rome": ("Rome", "Italy", "Italian"),
    "madrid": ("Madrid", "Spain", "Spanish"),
    "lisbonne": ("Portugal", "Portuguese"),
    "kiev": ("Ukraine", "Ukrainian"),
    "varsovie": ("Poland", "Polish"),
    "vienne": ("Austria", "Austrian"),
    "prague": ("Prague", "Czech"),
    "budapest": ("Budapest", "Hungary", "Hungarian"),
    "dublin": ("Dublin", "Ireland", "Irish"),
    "tokyo": ("Tokyo", "Japan", "Japanese"),
    "seoul": ("South", "Korea", "Korean"),
    "pyongyang": ("Pyongyang", "North", "Korea", "Korean"),
    "ankara": ("Ankara", "Turkey", "Turkish"),
    "teheran": ("Teheran", "Iran", "Iranian"),
    "damas": ("Syria", "Syrian"),
    "bagdad": ("Iraq", "Iraqi"),
    "caire": ("Egypt", "Egyptian"),
    "jerusalem": ("Israel", "Israeli"),
    "riyad": ("Saudi", "Arabia"),
    "kaboul": ("Afghanistan", "Afghan"),
    "islamabad": ("Islamabad", "Pakistan", "Pakistani"),
    "alger": ("Algeria", "Algerian"),
    "tunis": ("Tunis", "Tunisia", "Tunisian"),
    "rabat": ("Rabat", "Morocco", "Moroccan"),
    "ottawa": ("Ottawa", "Canada", "Canadian"),
    "washington": ("US", "USA", "America", "American", "White"),  # the White House
    "elysee": ("President", "presidency", "presidential", "French"),
    "matignon": ("Matignon", "Prime", "Minister", "PM", "government"),
    "bercy": ("Bercy", "Finance", "Economy", "Ministry", "Treasury"),
}

# French acronyms of common nouns, which English says with words or its own acronym, and French
# spellings of people's names transliterated from other alphabets.
COMMON_AND_PEOPLE: dict[str, tuple[str, ...]] = {
    "ong": ("NGO", "NGOs"),
    "pme": ("SME", "SMEs", "SMB", "SMBs"),
    "ied": ("FDI", "investment"),
    "basd": ("ADB",),
    "bad": ("AfDB",),
    "bei": ("EIB",),
    "berd": ("EBRD",),
    "bid": ("IDB",),
    "oit": ("ILO",),
    "oim": ("IOM",),
    "pnud": ("UNDP",),
    "pam": ("WFP",),
    "hcr": ("UNHCR",),
    "cpi": ("ICC",),
    "cij": ("ICJ",),
    "opep": ("OPEC",),
    "alena": ("NAFTA",),
    "cedh": ("ECHR",),
    "ua": ("AU",),
    "oua": ("OAU",),
    "qg": ("HQ", "headquarters"),
    "tpe": ("small", "business", "businesses", "SME", "SMEs", "SMB", "VSB", "VSBs"),
    "pma": ("IVF", "assisted", "ART"),
    "gpa": ("surrogacy", "surrogate", "surrogates"),
    "sdf": ("homeless",),
    "cdi": ("permanent",),
    "cdd": ("fixed-term", "temporary"),
    "wc": ("toilet", "toilets", "loo"),
    "rv": ("appointment", "date", "meeting"),
    "ttc": ("inclusive", "including"),
    "daech": ("Daesh", "ISIS", "ISIL", "IS", "Islamic"),
    "ei": ("IS", "ISIS", "ISIL", "Daesh", "Islamic"),
    "orsay": ("Foreign", "Ministry", "Office", "French"),  # the Quai d'Orsay
    "poutine": ("Putin",),
    "eltsine": ("Yeltsin",),
    "gorbatchev": ("Gorbachev",),
    "khrouchtchev": ("Khrushchev",),
    "netanyahou": ("Netanyahu",),
    "kadhafi": ("Gaddafi", "Qaddafi", "Qadhafi"),
    "mahomet": ("Muhammad", "Mohammed", "Prophet"),
    "coran": ("Koran", "Quran", "Qur"),
}

# US states (their French names are the English ones, those above aside) → the abbreviations
# of AP style and of the postal service, which English news writes after a name ("D-Ill.").
_US_STATES = """
alabama Ala AL|arizona Ariz AZ|arkansas Ark AR|colorado Colo CO|connecticut Conn CT|delaware Del
DE|idaho ID|illinois Ill IL|indiana Ind IN|iowa IA|kansas Kan Kans KS|kentucky Ky KY|maine ME|
maryland Md MD|massachusetts Mass MA|michigan Mich MI|minnesota Minn MN|mississippi Miss MS|
missouri Mo MO|montana Mont MT|nebraska Neb Nebr NE|nevada Nev NV|ohio OH|oklahoma Okla OK|
oregon Ore OR|tennessee Tenn TN|texas Tex TX|utah UT|vermont Vt VT|wisconsin Wis Wisc WI|
wyoming Wyo WY|californie Calif CA|floride Fla FL|georgie Ga GA|louisiane La LA|
pennsylvanie Pa Penn PA|virginie Va VA|washington Wash WA"""
for _entry in _US_STATES.replace("\n", " ").split("|"):
    _state, *_short = _entry.split()
    PLACES[_state] = tuple(dict.fromkeys(PLACES.get(_state, ()) + tuple(_short)))
