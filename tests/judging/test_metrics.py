"""Agreement figures on vectors worked out by hand."""

from __future__ import annotations

import pytest

from assay.judging.metrics import average_ranks, mean_abs_error, share, spearman


def test_tied_values_share_the_mean_of_their_ranks() -> None:
    assert average_ranks([0.5, 1.0, 0.5, 0.0, 0.5]) == [3.0, 5.0, 3.0, 1.0, 3.0]
    assert average_ranks([]) == []


def test_spearman_with_ties_on_one_side() -> None:
    # ranks (1, 2.5, 2.5, 4) against (1, 3, 2, 4): 4.5 / sqrt(4.5 * 5) = sqrt(0.9)
    rho = spearman([1.0, 2.0, 2.0, 3.0], [1.0, 3.0, 2.0, 4.0])

    assert rho is not None
    assert round(rho, 12) == 0.948683298051


def test_spearman_of_reversed_tied_orders_is_minus_one() -> None:
    assert spearman([0.0, 0.0, 1.0, 1.0], [1.0, 1.0, 0.0, 0.0]) == -1.0


def test_spearman_is_undefined_when_a_side_is_constant_or_too_short() -> None:
    assert spearman([1.0, 1.0, 1.0], [0.0, 0.5, 1.0]) is None
    assert spearman([0.0, 0.5, 1.0], [0.25, 0.25, 0.25]) is None
    assert spearman([0.5], [0.5]) is None


def test_spearman_refuses_vectors_of_different_lengths() -> None:
    with pytest.raises(ValueError, match="2 scores against 3 labels"):
        spearman([0.0, 1.0], [0.0, 0.5, 1.0])


def test_mean_abs_error_and_share() -> None:
    assert mean_abs_error([1.0, 1.0, 0.0, 0.5], [0.75, 1.0, 0.5, 0.5]) == 0.1875
    assert share([True, False, True, True]) == 0.75
    assert share([]) == 0.0
