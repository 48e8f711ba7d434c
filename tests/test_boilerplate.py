import pytest

from factcheck.boilerplate import find_excluded_spans
from tests.conftest import SEEDS, ecbplus_topic


def excluded(text):
    return [(e.kind, text[e.start : e.end]) for e in find_excluded_spans(text)]


@pytest.mark.parametrize(
    "text, kind, piece",
    [
        ("source: www.x.com\nurl: http://x\nTitle Here\nBody sentence one.", "header", "source: www.x.com\nurl: http://x\n"),
        ("Skip to content\nA real sentence is here.", "boilerplate", "Skip to content"),
        ("Headline Without A Period\nA real sentence is here.", "title", "Headline Without A Period"),
        ("A real sentence is here.\nSection heading\nAnother real sentence.", "heading", "Section heading"),
        ("A sentence.\nFlood waters rise in the town, March 3, 2021. /AFP\nMore text here.", "caption",
         "Flood waters rise in the town, March 3, 2021. /AFP"),
        ("A sentence.\nWe use cookies to improve your experience on our site.\nMore.", "boilerplate",
         "We use cookies to improve your experience on our site."),
        ("Body text is here.\nMore body text here.\nRelated articles\nOther story one.\nOther story two.",
         "page_tail", "Related articles\nOther story one.\nOther story two."),
        ("A sentence is here.\nReporters John Doe contributed to this report.", "credit",
         "Reporters John Doe contributed to this report."),
        ("Posted: 08 / 02 / 2013 11:10 am EDT\nBody sentence one.", "dateline", "Posted: 08 / 02 / 2013 11:10 am EDT"),
        # many figures, few words: still a date line
        ("Title Line\nFirst Posted: 10 / 25 / 11 06:44 PM ET Updated: 12 / 25 / 11 05:12 AM ET\nBody sentence one.",
         "dateline", "First Posted: 10 / 25 / 11 06:44 PM ET Updated: 12 / 25 / 11 05:12 AM ET"),
        ("A sentence.\non April 30, 2008 at 4:31 AM, updated April 30, 2008 at 8:33 AM\nMore text here.", "dateline",
         "on April 30, 2008 at 4:31 AM, updated April 30, 2008 at 8:33 AM"),
    ],
)
def test_furniture_is_marked(text, kind, piece):
    assert (kind, piece) in excluded(text)


def test_prose_is_not_marked():
    text = "A strong quake hit on Monday.\nShe survived the attack.\n“Nothing bad is going to happen.”\n"
    assert excluded(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The museum was founded in 1934", []),  # one line without a full stop is the article, not its title
        ("Fire kills 12 in Springfield\nOfficials say 40 injured\nCause unknown", []),  # no sentence punctuation
        ("source: AP\nThe museum was founded in 1934", [("header", "source: AP\n")]),
        ("A fire killed 12 people on Monday. x\nCrews fought the blaze for hours.", []),  # stray token on line 1
        ("Officials said 40 were injured. ''\nCrews fought the blaze for hours.", []),
        ("U.S. Sen. Smith dies at 80\nThe senator died on Monday.", [("title", "U.S. Sen. Smith dies at 80")]),
        ("Fire kills 12. Officials blame wiring\nThe fire broke out on Monday.",
         [("title", "Fire kills 12. Officials blame wiring")]),
    ],
)
def test_short_and_unpunctuated_text_is_prose(text, expected):
    assert excluded(text) == expected


def test_repeated_captions_all_marked():
    cap = "Residents walk past a damaged building in the city center on Monday"
    text = f"Body sentence one is here.\n{cap}\n{cap}\n{cap}\nBody sentence two is here."
    assert [k for k, p in excluded(text) if p == cap] == ["repeated"] * 3


def test_seed_furniture():
    text = (SEEDS / "003_7ff8e0f61f2ca11e.txt").read_text()
    found = excluded(text)
    assert sum(1 for k, p in found if p.startswith("A handout picture released")) == 3
    assert ("boilerplate", "Our Privacy Statement & Cookie Policy") in found
    assert ("heading", "Fighting continues") in found
    text0 = (SEEDS / "000_6c998b99b74eb829.txt").read_text()
    tail = [p for k, p in excluded(text0) if k == "page_tail"]
    assert tail and "Jump to comments" in tail[0] and tail[0].endswith("Skip to content")


def test_ecbplus_header_title_and_dateline_marked():
    for path in ecbplus_topic("1")[:8]:
        text = path.read_text()
        kinds = [k for k, _ in excluded(text)]
        assert kinds[0] == "header", path.name
