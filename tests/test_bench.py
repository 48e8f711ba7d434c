"""`make bench` says each figure's target, and what it could not measure and how to get the corpus it needs."""

from __future__ import annotations

import pytest

from benchmarks.__main__ import against, corpus_bench


@pytest.mark.parametrize(
    "value, target, unit, shown",
    [(0.15, 2.0, "s", "(target ≤ 2 s: met)"), (4.2, 4.0, "s", "(target ≤ 4 s: MISSED)"),
     (1.26, 1.5, "x", "(target ≤ 1.5 x: met)")],
)
def test_figures_are_printed_against_their_targets(value, target, unit, shown):
    assert against(value, target, unit) == shown


def test_without_the_corpus_the_figures_are_not_measured_and_it_says_how_to_get_it(tmp_path, settings, capsys):
    corpus_bench(settings, ecbplus=tmp_path / "ecbplus")
    out = capsys.readouterr().out
    assert f"ECB+ corpus not found at {tmp_path / 'ecbplus'}" in out and "NOT MEASURED" in out
    assert "target ≤ 4 s" in out and "near-linear" in out
    assert "make bench ECBPLUS=/path/to/ecbplus" in out and "shared/corpora/ecbplus" in out
