"""Rules for single units of a news page that are not the article: one line, or one block.

Each rule fires only when the *whole* unit is furniture ("Publicité", "A lire aussi : …", "©
AFP", a cookie banner), so that a sentence that merely mentions "publicité" or "cookies" stays.
Written against the furniture of real French news pages (the OrangeSum pages in
``pipeline/data/eval/orangesum_html``) and the usual suspects elsewhere. The rules that look across
units (menus, headline lists, repeats) are in :mod:`pipeline.text.boilerplate`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from pipeline.text.blocks import Block

# What each rule removes, for the warning shown in the brief.
LABELS = {
    "navigation": "navigation and menu lines",
    "related": '"read also" and related-article links',
    "advert": "advertising labels",
    "share": "share prompts",
    "subscribe": "subscription and newsletter prompts",
    "credit": "photo captions and credits",
    "cookies": "cookie notices",
    "comments": "comment prompts",
    "signoff": "sign-offs",
    "byline": "bylines and datelines (kept in the metadata)",
    "headlines": "lists of other headlines",
    "repeated": "repeated lines",
    "timestamps": "orphan times and temperatures",
}

# fmt: off
SECTIONS = {
    "accueil", "a la une", "à la une", "actualites", "actualités", "actu", "france", "monde",
    "international", "europe", "politique", "societe", "société", "economie", "économie",
    "finance", "finances", "auto", "automobile", "meteo", "météo", "sport", "sports", "culture",
    "sante", "santé", "sciences", "science", "planete", "planète", "environnement", "tech",
    "high-tech", "medias", "médias", "media", "people", "faits divers", "fait-divers",
    "regions", "régions", "opinions", "idees", "idées", "education", "éducation", "videos",
    "vidéos", "video", "vidéo", "podcasts", "immobilier", "emploi", "argent", "lifestyle",
    "insolite", "tele", "télé", "cinema", "cinéma", "musique", "livres", "jeux", "horoscope",
    "services", "newsletters", "newsletter", "direct", "en direct", "en ce moment", "fil info",
    "news", "styles", "mode", "voyage", "cuisine", "bien-etre", "bien-être", "famille",
    "histoire", "religion", "justice", "defense", "défense", "guerre", "elections", "élections",
    "municipales", "presidentielle", "présidentielle", "remaniement", "coronavirus", "covid-19",
    "paris", "idf", "ile-de-france", "île-de-france", "local", "replay", "menu", "rubriques",
    "toutes les rubriques", "edition", "édition", "abonnes", "abonnés", "le mag", "magazine",
    "photos", "diaporamas", "infographies", "tribunes", "editos", "éditos", "debats", "débats",
}
_UI = {
    "accueil", "menu", "rechercher", "recherche", "se connecter", "connexion", "deconnexion",
    "déconnexion", "mon compte", "s'inscrire", "fermer", "retour", "retour en haut", "haut de page",
    "aller au contenu", "aller au contenu principal", "passer au contenu", "plan du site",
    "voir plus", "afficher plus", "charger plus", "lire la suite", "suite", "suivant", "précédent",
    "page suivante", "page précédente", "mentions légales", "cgu", "cgv", "contact",
    "nous contacter", "liste des articles archivés", "alerte info", "dernières news",
    "dernieres news", "toutes les news", "tous les articles", "accessibilité",
    "politique de confidentialité", "gérer mes cookies", "paramètres des cookies",
    "tout accepter", "tout refuser", "accepter", "refuser", "continuer sans accepter", "ok",
    "agree", "close", "skip to content", "search", "sign in", "log in", "home",
}
_SOCIAL = {
    "facebook", "twitter", "x", "linkedin", "whatsapp", "messenger", "pinterest", "instagram",
    "tiktok", "youtube", "snapchat", "telegram", "email", "e-mail", "mail", "flipboard", "rss",
    "imprimer", "partager", "copier", "lien",
}
# fmt: on

_MENU_SPLIT = re.compile(r"\s*(?:[|•·›»>/]|\s{2,}|\t)\s*")
TERMINAL = re.compile(r"[.!?…:;][\"»')\]]*$")
WORD = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")

_RELATED = re.compile(
    r"^(?:>+\s*)?(?:[àa]\s+)?(?:lire|relire|voir|revoir|regarder|écouter|ecouter|découvrir|"
    r"decouvrir)\s+(?:aussi|également|egalement|notre|nos|plus|la suite|"
    r"en vidéo|en video|sur le même sujet)\b"
    r"|^(?:sur le même (?:sujet|thème)|à (?:lire|voir|découvrir)|a (?:lire|voir|découvrir)|"
    r"articles? (?:similaires|liés|associés|recommandés)|les plus (?:lus|partagés|commentés)|"
    r"dans la même rubrique|vous aimerez (?:aussi|peut-être)|nos lecteurs ont aimé|"
    r"sélectionné pour vous|recommandé pour vous|ailleurs sur le web|plus d'actualités|"
    r"toutes les news|nos (?:derniers|autres) articles|read (?:more|also)|related)\b",
    re.I,
)
# The bare headers of a list of links ("A lire aussi", "Sur le même sujet :").
RELATED_HEADER = re.compile(
    r"^(?:[àa]\s+)?(?:lire|voir|regarder|écouter|découvrir)(?:\s+(?:aussi|également))?\s*:?$|"
    r"^(?:sur le même (?:sujet|thème)|articles? (?:similaires|liés|associés|recommandés)|"
    r"les plus (?:lus|partagés|commentés)|dans la même rubrique|vous aimerez (?:aussi|peut-être)|"
    r"nos lecteurs ont aimé|sélectionné pour vous|recommandé pour vous|read (?:more|also)|"
    r"related)\s*:?$",
    re.I,
)
_ADVERT = re.compile(
    r"^(?:publicité|publicite|pub|annonces?|sponsorisé|contenus? sponsorisés?|"
    r"articles? sponsorisés?|contenus? partenaires?|en partenariat avec [^.]{1,40}|"
    r"liens? commerciaux|liens? sponsorisés|advertisement|ad|"
    r"(?:la )?suite (?:de l'article |du contenu )?après (?:cette|la) (?:publicité|annonce)|"
    r"(?:publicité, )?votre contenu continue ci-dessous)$",
    re.I,
)
_SHARE = re.compile(
    r"^(?:partager|partagez|partage|tweeter|tweet|envoyer(?: par e-?mail| à un ami)?|"
    r"imprimer|copier(?: le)? lien|lien copié|réagir|reagir)"
    r"(?:\s+(?:sur|par|via|cet article|l'article|cette page|ce contenu)\b.{0,40})?$",
    re.I,
)
_SUBSCRIBE = re.compile(
    r"\b(?:abonnez-vous|je m'abonne|inscrivez-vous|déjà abonné|réservé aux abonnés|"
    r"recevez (?:gratuitement |chaque [a-z]+ )?(?:notre|nos|la|les) (?:newsletter|lettre|alerte)|"
    r"suivez[- ]nous|retrouvez(?:-nous)? [^.]{0,40}\bsur (?:facebook|twitter|x|instagram)|"
    r"téléchargez (?:notre|l') ?appli|il vous reste \d+ ?% de cet article|"
    r"offre d'essai|essai gratuit|sans engagement|subscribe|sign up for)",
    re.I,
)
_READER = re.compile(
    r"\b(?:vous|votre|vos|nous|notre|nos|je|j'|suivez|retrouvez|rejoignez|recevez|"
    r"téléchargez|abonnez|inscrivez)\b|\b\w+-vous\b",
    re.I,
)
_CREDIT = re.compile(
    r"^[(\[]?\s*(?:©|\(c\)|copyright\b|crédits?(?: photos?)?\s*[:/]|photos?\s*(?:[:/©]|afp\b|"
    r"reuters\b|d'illustration\b)|illustration\s*[:/]|capture d'écran\b|image\s*[:/])",
    re.I,
)
_AGENCY = re.compile(
    r"^[(\[]?(?:©\s*)?(?:AFP|Reuters|AP|Getty(?: Images)?|Sipa(?: Press)?|MaxPPP|Abaca(?:press)?|"
    r"Hans Lucas|iStock|Shutterstock|Belga|EPA|DPA|Xinhua|Archives)"
    r"(?:\s*[/-]\s*[\w.' -]{1,40}){0,3}[)\]]?$"
)
_TIMESTAMP = re.compile(
    r"^(?:\d{1,2}\s?[:h]\s?\d{2}|\d{1,3}\s?°\s?[CF]?|\d{1,2}/\d{1,2}(?:/\d{2,4})?|"
    r"(?:il y a|depuis)\s+\d+\s+(?:min|minutes?|h|heures?|jours?))$",
    re.I,
)
_COOKIE = re.compile(r"\bcookies?\b|\btraceurs\b", re.I)
_COOKIE_ACTION = re.compile(
    r"accept|consent|navigation|paramétr|paramètr|refus|gérer|cliqu|en poursuivant|en continuant"
    r"|nous utilisons|utilise des|améliorer votre|votre expérience|mesure d'audience",
    re.I,
)
# A cookie banner speaks to the reader or about "this site"; an article about cookies does not.
_SITE = re.compile(r"\b(?:ce site|notre site|nos partenaires|cliquez|acceptez|refusez)\b", re.I)
_COMMENTS = re.compile(
    r"^(?:vos réactions doivent respecter|réagissez|\d+ (?:commentaires?|réactions?)$|"
    r"commentaires?$|laisser un commentaire|ajouter un commentaire|"
    r"connectez-vous pour (?:commenter|réagir)|les commentaires sont fermés)",
    re.I,
)
_SIGNOFF = re.compile(
    r"^[(\[]?\s*(?:avec|source|sources|d'après)\s*:?\s*(?:l')?(?:afp|reuters|ap|agences?|"
    r"media services|afp-services|la rédaction)\b[^.]{0,40}[)\]]?\.?$"
    r"|^(?:tous droits réservés|toute reproduction interdite|reproduction interdite|"
    r"propos recueillis par [^.]{2,60}|la rédaction)\.?$"
    r"|^[a-z]{2,4}(?:-[a-z]{2,4})?(?:/[a-z]{2,4})+$",
    re.I,
)


def key(text: str) -> str:
    """Lower-cased words only: what two copies of a line have in common."""
    text = unicodedata.normalize("NFC", text.lower())
    return " ".join(WORD.findall(text))


def title_like(block: Block) -> bool:
    """A one-line text block that reads like a headline (or a teaser cut with "...")."""
    return block.kind == "text" and block.lines == 1 and title_like_text(block.text)


def title_like_text(text: str) -> bool:
    words = len(WORD.findall(text))
    if not 1 <= words <= 20 or len(text) > 150:
        return False
    # Headlines end without a full stop, or in a question, or cut short with "...".
    return not TERMINAL.search(text) or text.endswith(("...", "…", "?", "!"))


def _is_menu(unit: str) -> bool:
    """Short items separated by | / • › » or wide gaps: "ACCUEIL / MONDE / ÉCONOMIE"."""
    if len(unit) > 200:
        return False
    parts = [p for p in _MENU_SPLIT.split(unit) if p]
    if len(parts) < 3:
        return key(unit) in _UI
    if any(len(p) > 30 or len(p.split()) > 4 or TERMINAL.search(p) for p in parts):
        return False
    sections = sum(key(p) in SECTIONS or key(p) in _UI for p in parts)
    capitalised = all(p[:1].isupper() for p in parts)
    return sections * 2 >= len(parts) or (capitalised and unit.upper() == unit)


def _is_share(unit: str) -> bool:
    if _SHARE.match(unit):
        return True
    words = key(unit).split()
    return bool(words) and len(words) <= 8 and all(w in _SOCIAL for w in words)


def _is_subscribe(unit: str) -> bool:
    return len(unit) <= 400 and bool(_SUBSCRIBE.search(unit)) and bool(_READER.search(unit))


def _is_credit(unit: str) -> bool:
    if len(unit) > 160:
        return False
    return bool(_CREDIT.match(unit) or _AGENCY.match(unit)) or ("©" in unit and len(unit) <= 120)


def _is_cookie_notice(unit: str) -> bool:
    return (
        bool(_COOKIE.search(unit))
        and bool(_COOKIE_ACTION.search(unit))
        and bool(_READER.search(unit) or _SITE.search(unit))
    )


RULES: list[tuple[str, Callable[[str], bool]]] = [
    ("navigation", _is_menu),
    ("related", lambda u: len(u) <= 300 and bool(_RELATED.match(u))),
    ("advert", lambda u: bool(_ADVERT.match(u.strip(" .:!-–—()[]")))),
    ("share", _is_share),
    ("subscribe", _is_subscribe),
    ("credit", _is_credit),
    ("cookies", _is_cookie_notice),
    ("comments", lambda u: len(u) <= 150 and bool(_COMMENTS.match(u))),
    ("signoff", lambda u: len(u) <= 120 and bool(_SIGNOFF.match(u))),
    ("timestamps", lambda u: bool(_TIMESTAMP.match(u))),
]


def rule_for(unit: str) -> str | None:
    """The name of the first rule by which ``unit`` is furniture, or None."""
    for rule, test in RULES:
        if test(unit):
            return rule
    return None
