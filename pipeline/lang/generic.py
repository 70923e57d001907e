"""English words that English capitalises without their being names: titles, the generic words
of institutions' names, points of the compass, feasts, and the function words that open a
title or a name ("The", "Of").

A French text writes most of these in lower case ("le président", "le ministère de la Santé",
"l'armée de l'air", "Noël" aside), so an English capitalised word among them has no capitalised
counterpart in the French and says nothing about whether a name was changed. The name check
(:mod:`pipeline.verify.names`) leaves them out when it looks for English names that the French
does not have.

The list was written for this project from general knowledge of English news style (the
capitalisation rules of the AP and Guardian style guides: titles before a name, the words of
institutions' and organisations' names, holidays, compass points in region names); it is under
the project's licence. Nationalities and languages are not listed: they come from CLDR
(:func:`pipeline.lang.names.french_counterparts`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.lang.lexicon import fold
from pipeline.lang.wordsets import english_lower_words

_GENERIC_WORDS = """
The A An Of Of And For To In On At By With From Into Upon Over Under Not No Is Are Was Be
This That These Those It Its He She They We You I His Her Their Our My Your Who What Why How
Mr Mrs Ms Miss Mx Dr Prof Sir Dame Lord Lady Madam Madame Mister Monsieur Mademoiselle St Rev
President Presidents Vice Prime Minister Ministers Premier Secretary Chancellor Commissioner
King Queen Prince Princess Duke Duchess Count Countess Baron Emperor Empress Crown Royal
Pope Cardinal Archbishop Bishop Father Reverend Saint Sister Brother Imam Rabbi Sheikh Emir
Ayatollah Patriarch Pastor
General Colonel Major Captain Lieutenant Sergeant Corporal Private Commander Admiral Marshal
Officer Inspector Detective Constable Superintendent Agent
Governor Mayor Senator Congressman Congresswoman Representative Deputy Delegate Councillor
Councilor Speaker Ambassador Consul Envoy Attorney Prosecutor Judge Justice Magistrate Chief
Director Chairman Chairwoman Chair Executive Officer Head Leader Founder Professor Doctor
Master Maitre Champion Coach Manager
Ministry Department Office Agency Authority Bureau Commission Committee Council Board Court
Courts Tribunal Parliament Assembly Senate House Chamber Congress Government Administration
Cabinet State States Republic Kingdom Union Federation Confederation Empire Province Region
County District Municipality City Town Village Metropolitan Prefecture Canton Commune
National Federal Central Supreme High Constitutional Civil Criminal Appeal Appeals Public
Party Front Movement Alliance League Coalition Bloc Group Association Society Institute
Institution Foundation Fund Trust Bank Company Corporation Enterprise Network Channel Station
University College School Academy Hospital Centre Center Clinic Laboratory Observatory
Museum Library Gallery Theatre Theater Opera Orchestra Festival Prize Award Awards Cup
Championship Championships Tournament Games Olympic Olympics World International Global
European Continental Organisation Organization Programme Program Project Plan Treaty Accord
Agreement Convention Charter Act Law Code Declaration Constitution Pact Summit Conference
Police Army Navy Air Force Forces Guard Guards Corps Brigade Division Regiment Battalion
Service Services Security Intelligence Defence Defense Interior Foreign Affairs Finance
Economy Economic Health Education Labour Labor Employment Environment Culture Transport
Transportation Agriculture Energy Trade Industry Home Works Social Welfare Housing Justice
Human Rights Development Research Science Sciences Technology Communications Information
Treasury Budget Revenue Customs Immigration Border Emergency Fire Rescue Civil Protection
Church Cathedral Mosque Temple Synagogue Chapel Abbey Palace Castle Tower Hall Hotel Stadium
Arena Airport Station Port Harbour Street Avenue Boulevard Square Road Lane Place Bridge Park
Garden Gardens Beach Island Islands Lake River Sea Ocean Mount Mountain Mountains Valley Bay
Gulf Coast Cape Desert Forest Strait Canal Peninsula
North South East West Northern Southern Eastern Western Central Middle Far Near Upper Lower
Great Greater Little New Old Grand Holy Sacred Red White Black Green Blue Golden
Democratic Socialist Socialists Republican Republicans Conservative Conservatives Liberal
Liberals Communist Communists Green Greens Labour Progressive Popular People Peoples Workers
Christmas Easter Eve Day Days Year Years Week Month Day Holiday Lent Advent Ramadan Passover
Hanukkah Diwali Halloween Thanksgiving Independence Armistice Remembrance Victory Liberation
Internet Web Net Earth Moon Sun Heaven Hell God Lord Bible Koran Quran Gospel Mass
Catholic Catholics Protestant Protestants Orthodox Christian Christians Muslim Muslims Jewish
Jews Jew Islamic Islamist Islamists Sunni Sunnis Shia Shiite Shiites Buddhist Hindu Sikh
Anglican Evangelical Jesuit
Senior Junior Jr Sr First Second Third Fourth Fifth
Euro Euros Celsius Fahrenheit
Govt Gov Dept Depts Dems Dem Reps Adm Gen Sen Sens Rep Lt Sgt Capt Col Cmdr Supt Insp Det
Assn Corp Inc Ltd Co Bros Intl Natl Univ Ave Blvd Rd Mt Ft
GmbH SpA Plc
"""

GENERIC_EN: frozenset[str] = frozenset(fold(w) for w in _GENERIC_WORDS.split())

# Acronyms that English uses as common nouns, not names ("the CEO", "a PIN", "GDP"), and the
# shorthand of informal writing ("BTW", "FYI"): written for this project from general
# knowledge, under its licence.
_COMMON_ACRONYMS = """
CEO CFO COO CTO PIN GDP GNP VAT DNA RNA HIV AIDS ATM SUV CCTV UFO MBA FAQ PDF URL USB GPS LED
LCD DVD IVF ICU MRI CPR ADHD PTSD OCD IPO LGBT SMS MMS WIFI RSVP ASAP DIY ETA AWOL GMO PPE
BTW WTF FYI IMO IMHO LOL OMG AFAIK TBH IIRC FWIW ROFL LMAO AKA RIP TBA TBC PTO VHS SIM SOS HDTV
"""
COMMON_ACRONYMS_EN = frozenset(_COMMON_ACRONYMS.split())

# The legal forms of companies, written after a company's name ("Airbus SAS", "Siemens AG"):
# no name of their own there.
LEGAL_FORMS = frozenset(["SA", "SAS", "SARL", "AG", "NV", "BV", "PLC", "LLC", "LLP", "ASA", "OYJ"])


def _bases(word: str) -> list[str]:
    """The word and the bases it may be inflected from ("dies" → "die", "troops" → "troop",
    "released" → "release", "travelling" → "travel", "largest" → "large"): the dictionary
    lists base forms only."""
    out = [word, _IRREGULAR.get(word, word)]
    for suffix, replacements in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)]
            out += [stem + r for r in replacements if len(stem + r) >= 3]  # "sued" → "sue"
            if len(stem) > 2 and stem[-1] == stem[-2]:
                out.append(stem[:-1])  # "travelling", "biggest"
    return out


# British spellings that the (American) dictionary lists the other way: "Neighbours",
# "Centre", "Organised".
_BRITISH = (
    (re.compile(r"our(?=s?$|ed$|ing$|ite|hood)"), "or"),
    (re.compile(r"(?<=[bt])re(?=s?$)"), "er"),
    (re.compile(r"(?<=[^aeiou])is(?=e[sd]?$|ing$|ation)"), "iz"),
    (re.compile(r"ys(?=e[sd]?$|ing$)"), "yz"),
)


def _spellings(word: str) -> list[str]:
    """The word and its American spelling ("neighbours" → "neighbors")."""
    out = [word]
    for pattern, american in _BRITISH:
        out += [pattern.sub(american, w) for w in out if pattern.search(w)]
    return out


# Plurals that no suffix rule undoes ("Women", "Children" inside a name or a headline).
_IRREGULAR = {
    "children": "child",
    "people": "person",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
}
_SUFFIXES = (
    ("men", ("man",)),  # "women", "chairmen"
    ("ves", ("f", "fe")),  # "wives", "halves"
    ("ies", ("y",)),
    ("es", ("", "e")),
    ("s", ("",)),
    ("ied", ("y",)),
    ("ed", ("", "e")),
    ("ing", ("", "e")),
    ("iest", ("y",)),
    ("est", ("", "e")),
    ("ier", ("y",)),
    ("er", ("", "e")),
    ("ers", ("", "e", "er")),
)


@lru_cache(maxsize=1 << 14)
def common_english(word: str) -> bool:
    """Whether a capitalised English word is also a common word ("Care", "Exchange", "Dies"),
    or a compound of two ("Chairperson"): capitalised inside a name or a headline, it is the
    translation of a French common word, not a name. Names that the dictionary has only
    capitalised ("Paris", "Christmas") are not common words."""
    lower = word.lower()
    listed = english_lower_words()
    if any(base in listed for spelt in _spellings(lower) for base in _bases(spelt)):
        return True
    return any(
        lower[:i] in listed and any(b in listed for b in _bases(lower[i:]))
        for i in range(4, len(lower) - 3)
    )
