"""A signature a person can read, next to the config hash, as sacreBLEU's ``Signature`` does.

``brief:0.1.0|cfg:3f2a9c1d0b7e|tr:opus-mt-fr-en@b4a9a384c2ec|tr.beams:4|sum:distilbart-cnn-12-6@a4f8f3ea906e|…|dev:cpu|dtype:fp32``

Two briefs that differ show why: another model revision, beam width, backend, device or config.
The structured signature (the JSON's ``signature`` object) stays the source of truth; this line is
derived from it.
"""

from __future__ import annotations

from typing import Any

# Short names of the model roles, in the order they appear.
ROLE_KEYS = {"translate": "tr", "summarise": "sum", "summarise.french": "sum.fr"}


def role_key(role: str) -> str:
    """``translate`` → ``tr``; an unknown role keeps its own name."""
    return ROLE_KEYS.get(role, role)


def model_label(model: dict[str, Any]) -> str:
    """``opus-mt-fr-en@b4a9a384c2ec``: the id's last part and the revision's first 12 characters."""
    name = str(model.get("id") or "?").rstrip("/").rsplit("/", 1)[-1]
    revision = model.get("revision")
    return f"{name}@{str(revision)[:12] if revision else '-'}"


def readable(signature: dict[str, Any], beams: dict[str, int] | None = None) -> str:
    """The one-line form of a structured signature.

    Args:
        signature: ``package``, ``version``, ``config_hash``, ``device``, ``dtype`` and
            ``models`` {role: {id, revision, backend, dtype}}.
        beams: Beam width per model role, where known.

    Returns:
        ``key:value`` fields joined by ``|``.
    """
    beams = beams or {}
    fields = [
        f"{signature.get('package', 'brief')}:{signature.get('version', '?')}",
        f"cfg:{str(signature.get('config_hash', '?'))[:12]}",
    ]
    for role, model in signature.get("models", {}).items():
        key = role_key(role)
        fields.append(f"{key}:{model_label(model)}")
        if model.get("backend"):
            fields.append(f"{key}.backend:{model['backend']}")
        if model.get("dtype") and model.get("dtype") != signature.get("dtype"):
            fields.append(f"{key}.dtype:{model['dtype']}")
        if role in beams:
            fields.append(f"{key}.beams:{beams[role]}")
    fields.append(f"dev:{signature.get('device', '?')}")
    if signature.get("dtype"):
        fields.append(f"dtype:{signature['dtype']}")
    return "|".join(fields)
