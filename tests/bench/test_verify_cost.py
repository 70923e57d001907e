from __future__ import annotations

import pytest

from pipeline.bench.verify_cost import format_verify_cost, measure_verify_cost


def test_verify_cost_is_measured_run_by_run() -> None:
    report = measure_verify_cost(runs=2, limit=20)
    assert report["pairs"] == 20
    assert len(report["ms_per_sentence"]) == 2 and all(x > 0 for x in report["ms_per_sentence"])
    assert report["ms_per_article"][1] == pytest.approx(30 * report["ms_per_sentence"][1], abs=0.1)
    assert "30-sentence article" in format_verify_cost(report)
