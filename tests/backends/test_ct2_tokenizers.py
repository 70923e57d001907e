"""The CTranslate2 path's tokenizers read the converted folders as transformers does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.backends.ct2 import convert
from pipeline.backends.ct2_tokenizers import (
    FastTokenizer,
    MarianPieces,
    TransformersTokenizer,
    load_tokenizer,
)
from pipeline.manifests import resolve_model

pytest.importorskip("ctranslate2")

TEXTS = [
    "Le président a annoncé « une réforme » le 3 mars 2024, à Paris.",
    "L'entreprise Xiaomi vend 12,5 millions de téléphones… et puis ?",
    '  Espaces   multiples  et guillemets "droits" ; ponctuation !',
    ">>fr<< The minister said: it's a 50% rise (from €2.3bn).",
    "",
    "Ωmega ™ ½ — emoji 😀 and rare glyphs ꙮ",
]


ROLES = {
    "translate": "opus-mt-fr-en-tiny",
    "back_translate": "opus-mt-en-fr-tiny",
    "summarise": "distilbart-tiny",
}


@pytest.fixture(scope="module")
def tokenizer_dirs(
    _tiny_models_master: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("tok")
    out = {}
    for role, name in ROLES.items():
        source = resolve_model(str(_tiny_models_master / name))
        out[role] = convert(source, root / name) / "hf_tokenizer"
    return out


@pytest.mark.parametrize(
    ("role", "kind"),
    [("translate", MarianPieces), ("back_translate", MarianPieces), ("summarise", FastTokenizer)],
)
def test_light_tokenizer_matches_transformers(
    tokenizer_dirs: dict[str, Path], role: str, kind: type
) -> None:
    folder = tokenizer_dirs[role]
    light = load_tokenizer(folder)
    reference = TransformersTokenizer(folder)
    assert isinstance(light, kind)
    assert light.encode(TEXTS) == reference.encode(TEXTS)
    # Decoding what a model could emit: the pieces of real text, special tokens included.
    for tokens in reference.encode(TEXTS):
        assert light.decode(tokens) == reference.decode(tokens)


def test_ct2_backend_does_not_import_transformers(tokenizer_dirs: dict[str, Path]) -> None:
    folder = tokenizer_dirs["translate"].parent
    code = (
        "import sys\n"
        "from pipeline.backends.base import GenerationSettings\n"
        "from pipeline.backends.ct2 import CT2Seq2Seq\n"
        f"b = CT2Seq2Seq({str(folder)!r}, GenerationSettings(max_new_tokens=4))\n"
        "print(b.translate(['Bonjour.']), b.count_tokens(['Bonjour.']))\n"
        "assert 'transformers' not in sys.modules, 'transformers was imported'\n"
        "assert 'torch' not in sys.modules, 'torch was imported'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
