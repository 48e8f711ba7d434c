import pytest

from factcheck.boilerplate import find_excluded_spans
from factcheck.pipeline import prepare_article
from factcheck.segment import segment
from factcheck.types import ArticleIn


def sentences(text):
    return [text[s.start : s.end] for s in segment(text, article_id="a", excluded=[])]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The U.S. and Israel met on Feb. 14. Talks went on.", ["The U.S. and Israel met on Feb. 14.", "Talks went on."]),
        ("Lt. Col. Peter Lerner spoke on Oct. 7, officials said. Gen. Smith agreed.",
         ["Lt. Col. Peter Lerner spoke on Oct. 7, officials said.", "Gen. Smith agreed."]),
        ("“Nothing is done,” he told reporters at the White House.Negotiators in Cairo were hoping.",
         ["“Nothing is done,” he told reporters at the White House.", "Negotiators in Cairo were hoping."]),
        ('He said: "We will go." Then he left.', ['He said: "We will go."', "Then he left."]),
        ("At 9 a.m. Monday he fled. Police followed.", ["At 9 a.m. Monday he fled.", "Police followed."]),
        # a title or place abbreviation glued to the word before by a hyphen or slash stands before a name
        ("Two climbers died in the Aoraki-Mt. Cook park, police said. Both were roped.",
         ["Two climbers died in the Aoraki-Mt. Cook park, police said.", "Both were roped."]),
        ("The St. Louis-St. Paul flight was late. It landed at noon.",
         ["The St. Louis-St. Paul flight was late.", "It landed at noon."]),
        ("The Kell/Gen. Ross barracks were shut. Troops left.", ["The Kell/Gen. Ross barracks were shut.", "Troops left."]),
        ("The report said it was\n\nin captivity. Next one.", ["The report said it was\n\nin captivity.", "Next one."]),
        ("First paragraph ends here.\n\nSecond starts Here.", ["First paragraph ends here.", "Second starts Here."]),
    ],
)
def test_news_sentences(text, expected):
    assert sentences(text) == expected


def test_ids_are_stable_and_ordered():
    ids = [s.id for s in segment("One is here. Two is here. Three is here.", article_id="x", excluded=[])]
    assert ids == ["x:s1", "x:s2", "x:s3"]


def test_every_seed_sentence_span_round_trips(seed_articles):
    for raw in seed_articles:
        article = prepare_article(raw)
        assert article.text == raw.text  # nothing altered
        assert len(article.sentences) >= 20
        prev_end = 0
        for s in article.sentences:
            piece = article.text[s.start : s.end]
            assert piece == piece.strip() and piece, s.id
            assert s.start >= prev_end, "sentences overlap"
            prev_end = s.end
            for ex in article.excluded_spans:
                assert s.end <= ex.start or s.start >= ex.end, f"{s.id} overlaps excluded {ex.kind}"


def test_excluded_text_is_not_in_sentences():
    text = "Skip to Content\n\nQuake Kills 12 in Chile\n\nA quake struck on Monday.\n\nJump to comments ↓\n\nPost a reply."
    article = prepare_article(ArticleIn(id="q", source="s", text=text))
    assert [article.text[s.start:s.end] for s in article.sentences] == ["A quake struck on Monday."]
    kinds = {ex.kind for ex in find_excluded_spans(text)}
    assert {"boilerplate", "title"} <= kinds


def test_segmentation_is_the_same_under_concurrent_requests(seed_articles):
    """The API serves requests in threads; sentence spans must not depend on what else is running."""
    from concurrent.futures import ThreadPoolExecutor

    expected = [prepare_article(a).sentences for a in seed_articles]
    with ThreadPoolExecutor(4) as pool:
        runs = list(pool.map(lambda i: [prepare_article(a).sentences for a in seed_articles], range(12)))
    assert all(run == expected for run in runs)
