"""Sentence vectors: text in capitals reads as the same words in lower case."""

import pytest

from factcheck.embed import similarity, unshout


@pytest.mark.parametrize("shouted, plain", [
    ("THREE PEOPLE HAVE DIED IN A BLAZE that broke out at a bank in the city centre.",
     "Three people have died in a blaze that broke out at a bank in the city centre."),
    ("FLOODWATERS CUT OFF TWO VILLAGES near Galway on Sunday, the council said.",
     "Floodwaters cut off two villages near Galway on Sunday, the council said."),
])
def test_a_sentence_in_capitals_reads_as_the_same_words(shouted, plain):
    assert similarity(shouted, plain) > 0.9


@pytest.mark.parametrize("text", [
    "The NFL and the AP said US troops left.",
    "GALWAY, Ireland (AP) — Two villages were cut off.",
])
def test_acronyms_and_datelines_keep_their_capitals(text):
    assert unshout(text) == text
