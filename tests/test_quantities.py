import pytest

from factcheck.quantities import compatible, find_quantities, parse_figure


@pytest.mark.parametrize(
    "text, figure, normalized",
    [
        ("killing at least 74 Palestinians", "at least 74", ">=74"),
        ("with more than 28,000 people killed", "more than 28,000", ">28,000"),
        ("taking roughly 250 people captive", "roughly 250", "~250 [225-275]"),
        ("where some 1.4 million Palestinians", "some 1.4 million", "~1,400,000 [1,260,000-1,540,000]"),
        ("Sixty-seven people died", "Sixty-seven", "=67"),
        ("just the second and third captives to be freed", "the second and third captives to be freed", ">=3"),
        ("only two hostages were freed", "only two", "=2"),
        ("nearly 23,000 refugees", "nearly 23,000", "~23,000 [19,550-23,000]"),
        ("fewer than 40 votes", "fewer than 40", "<40"),
        ("more than 70 percent of them", "more than 70 percent", ">70%"),
    ],
)
def test_hedged_figures(text, figure, normalized):
    [q] = find_quantities(text)
    assert (q.text, q.normalized()) == (figure, normalized)


@pytest.mark.parametrize(
    "text",
    ["on Oct. 7, militants", "a six-week truce", "Fernando Marman, 60, and", "built in 1978, the bridge",
     "with 4:43 left in the half", "won 20-13 at home", "a 12-gauge shotgun", "the one on Monday", "for 45 days"],
)
def test_not_counts(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    "a, b, ok",
    [
        ("28,473", "more than 28,000", True),
        ("roughly 250", "more than 250", True),
        ("at least 74", "at least 67", False),
        ("74", "at least 67", False),
        ("about 1,200", "1,200", True),
        ("over 100", "approximately 100", True),
        ("only two", "the second and third captives to be freed", False),
        ("about 20,000", "over 24,000", False),
        ("12", "18", False),
        ("50%", "50", True),  # a share and a count are not comparable
    ],
)
def test_compatible(a, b, ok):
    assert compatible(parse_figure(a), parse_figure(b)) is ok
