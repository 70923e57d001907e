from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from pipeline.backends.cache import CachedBackend
from pipeline.cli.app import app
from tests.conftest import SEED
from tests.doubles import Counting

runner = CliRunner()


def _config(tmp_path: Path) -> tuple[Path, Path]:
    cache = tmp_path / "cache" / "t.sqlite"
    config = tmp_path / "c.toml"
    config.write_text(f'[stages.translate.cache]\npath = "{cache.as_posix()}"\n', encoding="utf-8")
    return config, cache


def test_info_and_clear(tmp_path: Path) -> None:
    config, cache = _config(tmp_path)
    result = runner.invoke(app, ["cache", "info", "-c", str(config)])
    assert result.exit_code == 0 and "empty (no file yet)" in result.output
    CachedBackend(Counting(), cache).translate(["Un.", "Deux."])
    result = runner.invoke(app, ["cache", "info", "-c", str(config)])
    assert result.exit_code == 0, result.output
    assert f"path: {cache}" in result.output and "entries: 2" in result.output
    assert "counting: 2" in result.output
    result = runner.invoke(app, ["cache", "clear", "-c", str(config)])
    assert result.exit_code == 0 and f"removed {cache}" in result.output
    assert not cache.exists()


def test_default_location_is_under_xdg_cache_home(_private_cache_home: Path) -> None:
    result = runner.invoke(app, ["cache", "info"])
    assert result.exit_code == 0
    assert str(_private_cache_home / "brief" / "translations.sqlite") in result.output


def test_articles_not_in_french_are_skipped_with_the_reason(
    tmp_path: Path, fake_overrides: list[str]
) -> None:
    german = tmp_path / "de.txt"
    german.write_text(
        "Die Regierung hat am Dienstag einen neuen Plan angekündigt.\n\n"
        "Die Maßnahmen sollen kleinen Unternehmen durch den Winter helfen.\n",
        encoding="utf-8",
    )
    args = [str(SEED), str(german)]
    for item in fake_overrides:
        args += ["--set", item]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert "skipped" in result.output and "not French: detected German (de" in result.output
    assert "1 briefed, 0 failed, 1 skipped" in result.output
