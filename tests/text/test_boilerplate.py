from __future__ import annotations

import pytest

from pipeline.text.blocks import Block, parse_blocks
from pipeline.text.boilerplate import Boilerplate
from pipeline.text.byline import parse_byline

# Lines taken from the OrangeSum pages in pipeline/data/eval/orangesum_html, then common ones from
# other French news sites; each is removed by the rule named.
FURNITURE = [
    ("A la une / France / Monde / Politique / Société / Finance / Auto / Météo", "navigation"),
    ("ACCUEIL / MONDE / ÉCONOMIE / SPORT", "navigation"),
    ("Accueil > Monde > Europe", "navigation"),
    ("Liste des articles archivés", "navigation"),
    ("ALERTE INFO", "navigation"),
    ("Se connecter", "navigation"),
    ("A lire aussi", "related"),
    ("Toutes les news Politique", "related"),
    ("Lire aussi : Les transports en commun gratuits pour les moins de 18 ans", "related"),
    ("À LIRE ÉGALEMENT >> Le gouvernement démissionne", "related"),
    ("Sur le même sujet", "related"),
    ("Publicité", "advert"),
    ("PUBLICITÉ", "advert"),
    ("Liens commerciaux", "advert"),
    ("La suite après cette publicité", "advert"),
    ("Contenu sponsorisé", "advert"),
    ("Réagir", "share"),
    ("Partager sur Facebook", "share"),
    ("Facebook Twitter LinkedIn E-mail", "share"),
    ("retrouvez Actualités sur facebooktwitter", "subscribe"),
    ("Abonnez-vous à notre newsletter pour recevoir l'essentiel de l'actualité.", "subscribe"),
    ("Cet article est réservé aux abonnés. Déjà abonné ? Connectez-vous.", "subscribe"),
    ("Suivez-nous sur Instagram", "subscribe"),
    ("©KENZO TRIBOUILLARD / AFP", "credit"),
    ("© AFP, MICHAEL DANTAS", "credit"),
    ("Crédit photo : Reuters", "credit"),
    ("(Photo d'illustration : AFP)", "credit"),
    ("AFP/Archives - Ludovic MARIN", "credit"),
    ("Vos réactions doivent respecter nos CGU.", "comments"),
    ("12 commentaires", "comments"),
    (
        "Nous utilisons des cookies pour améliorer votre expérience. En poursuivant votre "
        "navigation, vous acceptez leur utilisation.",
        "cookies",
    ),
    ("Ce site utilise des traceurs : cliquez sur Accepter pour consentir.", "cookies"),
    ("Nous utilisons des cookies pour améliorer votre expérience sur notre site.", "cookies"),
    ("(Avec AFP)", "signoff"),
    ("Source : Reuters", "signoff"),
    ("Tous droits réservés", "signoff"),
    ("jmt/ial/sw", "signoff"),
    ("12:39", "timestamps"),
    ("27°", "timestamps"),
    ("Orange avec Media Services, publié le lundi 03 février 2020 à 20h15", "byline"),
    ("Par Claire Martin, publié le mardi 14 mars 2023 à 10h05", "byline"),
    ("Publié le 03/02/2020 à 10:15 | Mis à jour le 04/02/2020 à 11h", "byline"),
    ("Par Jean Dupont et Marie Martin", "byline"),
    ("03 juillet 2020", "byline"),
]

# Sentences that mention the same words and must stay.
ARTICLE = [
    "La publicité en ligne a rapporté 5 milliards d'euros aux plateformes en 2020.",
    "La CNIL a sanctionné Google pour ses cookies publicitaires déposés sans consentement.",
    "Le site du journal utilise des cookies pour améliorer la publicité, selon la CNIL.",
    "Le ministre a partagé sa vision sur Twitter dès lundi matin.",
    "Il faut lire aussi le rapport de la Cour des comptes, publié en mars.",
    "Photos de la manifestation ont circulé sur les réseaux sociaux toute la nuit.",
    "Les abonnés au service paient désormais 10 euros par mois.",
    "Par ailleurs, le gouvernement a publié le 3 mars 2020 un décret sur les loyers.",
    "Monde",
    "Suivez le guide : la réforme entre en vigueur le 1er janvier.",
    "Lire, écrire et compter restent les priorités du ministère.",
    "Le journal a perdu 10 % de ses abonnés en un an, selon son directeur.",
    "« Vous acceptez de payer plus ? », a demandé la journaliste au ministre.",
]


@pytest.mark.parametrize(("unit", "rule"), FURNITURE)
def test_furniture_lines_are_removed_by_their_rule(unit: str, rule: str) -> None:
    remover = Boilerplate()
    assert remover.filter_blocks([Block("text", unit)]) == []
    assert [r.rule for r in remover.removed] == [rule]
    assert remover.removed[0].text == unit


@pytest.mark.parametrize("unit", ARTICLE)
def test_article_sentences_that_mention_the_same_words_stay(unit: str) -> None:
    remover = Boilerplate()
    assert [b.text for b in remover.filter_blocks([Block("text", unit)])] == [unit]
    assert remover.removed == []


@pytest.mark.parametrize("unit", ARTICLE)
def test_article_sentences_stay_as_lines_too(unit: str) -> None:
    remover = Boilerplate()
    assert remover.filter_lines(unit) == unit
    assert remover.removed == []


def texts(blocks: list[Block]) -> list[str]:
    return [b.text for b in blocks]


def test_a_run_of_section_names_is_a_menu_but_one_alone_is_not() -> None:
    remover = Boilerplate()
    kept = remover.filter_lines("Accueil\nMonde\nÉconomie\nSport\nLe texte commence ici.")
    assert kept == "Le texte commence ici."
    assert remover.counts()["navigation"] == 4
    assert Boilerplate().filter_lines("Monde\nLe texte commence ici.") == (
        "Monde\nLe texte commence ici."
    )


def test_links_under_a_bare_read_also_go_with_it() -> None:
    remover = Boilerplate()
    blocks = parse_blocks(
        "A lire aussi\n\nLe gouvernement démissionne\n\nMacron nomme Castex\n\n"
        "Le ministre a présenté mercredi son projet de loi au conseil des ministres."
    )
    assert texts(remover.filter_blocks(blocks)) == [
        "Le ministre a présenté mercredi son projet de loi au conseil des ministres."
    ]
    assert remover.counts() == {"related": 3}


def test_headline_lists_go_but_the_title_above_the_byline_stays() -> None:
    text = "\n\n".join(
        [
            "Marseille : règles du jeu pour le troisième tour",
            "Le gouvernement démissionne, Macron se sépare de Philippe",
            "Édouard Philippe va quitter Matignon après trois ans",
            "La ville de Lyon inaugure un nouveau tramway",
            "Par Claire Martin, publié le mardi 14 mars 2023 à 10h05",
            "La métropole de Lyon a inauguré mardi la ligne T10 de son tramway.",
        ]
    )
    remover = Boilerplate()
    kept = remover.filter_blocks(parse_blocks(remover.filter_lines(text)))
    assert texts(kept) == [
        "La ville de Lyon inaugure un nouveau tramway",
        "La métropole de Lyon a inauguré mardi la ligne T10 de son tramway.",
    ]
    assert remover.counts() == {"headlines": 3, "byline": 1}
    assert remover.bylines[0].author == "Claire Martin"


def test_without_a_byline_the_first_block_is_spared_as_the_title() -> None:
    blocks = [
        Block("text", "Le télescope livre ses premières images"),
        Block("text", "Une galaxie vue telle qu'elle était il y a 13 milliards d'années"),
        Block("text", "Ce que montrent les images"),
        Block("text", "Les astronomes ont présenté lundi les premières images du télescope."),
    ]
    remover = Boilerplate()
    assert remover.filter_blocks(blocks) == blocks


def test_short_lines_after_a_colon_are_a_list_not_headlines() -> None:
    blocks = [
        Block("text", "Les lauréats de cette année sont :"),
        Block("text", "Marie Curie"),
        Block("text", "Paul Langevin"),
        Block("text", "Jean Perrin"),
    ]
    remover = Boilerplate()
    assert remover.filter_blocks(blocks) == blocks
    assert remover.removed == []


def test_a_caption_above_a_credit_goes_with_it() -> None:
    remover = Boilerplate()
    blocks = [
        Block("text", "Thierry Gaubert, en 2013, à Paris"),
        Block("text", "©KENZO TRIBOUILLARD / AFP"),
        Block("text", "Thierry Gaubert a été mis en examen vendredi."),
    ]
    assert texts(remover.filter_blocks(blocks)) == ["Thierry Gaubert a été mis en examen vendredi."]
    assert remover.counts() == {"credit": 2}


def test_repeated_paragraphs_and_furniture_lines_are_removed_but_list_items_stay() -> None:
    long = "Le gouvernement a présenté mercredi un projet de loi sur les retraites."
    blocks = [
        Block("text", long),
        Block("text", "News"),
        Block("list_item", "une épreuve écrite de 4 heures"),
        Block("text", long),
        Block("text", "News"),
        Block("list_item", "une épreuve écrite de 4 heures"),
        Block("text", "News"),
        Block("list_item", "une épreuve écrite de 4 heures"),
    ]
    remover = Boilerplate()
    kept = remover.filter_blocks(blocks)
    assert texts(kept) == [long] + ["une épreuve écrite de 4 heures"] * 3
    assert remover.counts() == {"repeated": 4}


def test_a_removed_line_inside_a_wrapped_paragraph_leaves_it_whole() -> None:
    text = (
        "Le chantier, commencé en 2020, a coûté 260 millions d'euros, financés\n"
        "Publicité\n"
        "pour moitié par la métropole, et a été retardé de six mois par la crise.\n"
    )
    remover = Boilerplate()
    blocks = parse_blocks(remover.filter_lines(text))
    assert texts(blocks) == [
        "Le chantier, commencé en 2020, a coûté 260 millions d'euros, financés pour moitié "
        "par la métropole, et a été retardé de six mois par la crise."
    ]


@pytest.mark.parametrize(
    ("text", "author", "date"),
    [
        (
            "Orange avec Media Services, publié le lundi 03 février 2020 à 20h15",
            "Orange avec Media Services",
            "2020-02-03",
        ),
        (
            "Source Huffington Post, publié le vendredi 27 avril 2018 à 11h21",
            "Huffington Post",
            "2018-04-27",
        ),
        ("Publié le 3 mars 2020 par Jean Dupont", "Jean Dupont", "2020-03-03"),
        ("Publié le 03/02/2020 à 10:15 | Mis à jour le 04/02/2020", None, "2020-02-03"),
        ("Par Jean Dupont.", "Jean Dupont", None),
        ("Le 1er mars 2021", None, "2021-03-01"),
    ],
)
def test_bylines_give_author_and_iso_date(text: str, author: str | None, date: str | None) -> None:
    byline = parse_byline(text)
    assert byline is not None
    assert (byline.author, byline.date) == (author, date)


@pytest.mark.parametrize(
    "text", ["Par ailleurs", "par la suite", "Par exemple Le Monde", "Le 35 mars 2020 à Paris."]
)
def test_sentences_are_not_bylines(text: str) -> None:
    assert parse_byline(text) is None
