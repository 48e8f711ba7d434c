"""Outlet names inferred from what an article carries, each with where it came from."""

from __future__ import annotations

import pytest

from factcheck.outlets import Outlet, infer_outlet, outlet_in_text, page_outlet, plausible_name, url_domain


@pytest.mark.parametrize(
    "text, expected",
    [
        # Datelines: a wire service's abbreviation is spelled out; another agency is kept as written.
        ("Title\n\nCAIRO (AP) — Talks went on Tuesday.", Outlet("Associated Press", "dateline")),
        ("GAZA CITY, Gaza Strip (Reuters) - Talks went on.", Outlet("Reuters", "dateline")),
        ("(CNN) — Talks went on.", Outlet("CNN", "dateline")),
        ("NEW DELHI (Hindustan Times) — Talks.", Outlet("Hindustan Times", "dateline")),
        ("CAIRO — Talks went on Tuesday.", None),  # a dateline without an agency names no outlet
        # Bylines: the organisation after the names, not a job title.
        ("By JOSEPH KRAUSS and SAMY MAGDY, Associated Press\nCAIRO — Talks.", Outlet("Associated Press", "byline")),
        ("By Jane Doe | The Springfield Herald\nA fire broke out.", Outlet("The Springfield Herald", "byline")),
        ("By Jane Doe, Staff Writer\nA fire broke out.", None),
        ("By Jane Doe, Special to the Herald\nA fire broke out.", None),
        # A line of its own naming a news organisation, at the top or the bottom of the article.
        ("Headline\n\nAssociated Press\n\nA fire broke out.", Outlet("Associated Press", "credit")),
        ("Headline\nCGTN\nA fire broke out.", Outlet("CGTN", "credit")),
        ("A fire broke out.\n\nDaily True News", Outlet("Daily True News", "credit")),
        ("A fire broke out.\nThe New York Times News Service", Outlet("The New York Times", "credit")),
        ("A fire broke out in the city.\nOfficials said. / AP", Outlet("Associated Press", "credit")),
        # Section labels, headlines and photo credits are not outlets.
        ("Breaking News\nA fire broke out.", None),
        ("The Daily\nA fire broke out.", None),
        ("Press Release\nA fire broke out.", None),
        ("Times Square Celebrates New Year\nCrowds gathered.", None),
        ("NATO\nAllies met on Monday.", None),
        ("Talks in Cairo\nA picture shows the talks. /CFP", None),  # an unknown agency after a caption
        ("Israel, Hamas Making Progress in Cease-Fire, Hostage Talks\nTalks went on.", None),
    ],
)
def test_outlet_named_in_text(text, expected):
    assert outlet_in_text(text) == expected


def test_a_credit_line_in_the_middle_of_a_long_article_is_not_read():
    prose = [f"Paragraph {n} of the article says something." for n in range(30)]
    text = "\n".join(prose[:15] + ["Chicago Tribune"] + prose[15:])
    assert outlet_in_text(text) is None
    assert outlet_in_text("\n".join(prose + ["Chicago Tribune"])) == Outlet("Chicago Tribune", "credit")


@pytest.mark.parametrize(
    "kwargs, expected",
    [
        ({"header": "www.example.com", "page": "Example Daily"}, Outlet("www.example.com", "header")),
        ({"header": "Officials said the talks went on.", "url": "https://www.ex.org/a"}, Outlet("ex.org", "url")),
        ({"page": "Example Daily", "text": "CAIRO (AP) — Talks."}, Outlet("Example Daily", "html")),
        ({"text": "CAIRO (AP) — Talks.", "url": "https://www.ex.org/a"}, Outlet("Associated Press", "dateline")),
        ({"url": "https://news.ex.org/a/b?c=d"}, Outlet("news.ex.org", "url")),
        ({"url": "javascript:alert(1)"}, Outlet("stem", "file")),
        ({}, Outlet("stem", "file")),
    ],
)
def test_infer_outlet_prefers_the_most_specific_evidence(kwargs, expected):
    text = kwargs.pop("text", "A fire broke out on Monday.")
    assert infer_outlet(text, fallback="stem", **kwargs) == expected


@pytest.mark.parametrize(
    "value, plausible",
    [
        ("Associated Press", True),
        ("www.nydailynews.com", True),
        # ECB+ files whose header holds a sentence with its spaces lost
        ("PerennialpartygirlTaraReidcheckedherselfintoPromisesTreatmentCenter,herreptoldPeople.", False),
        ("Officials said the talks went on.", False),
        ("", False),
    ],
)
def test_plausible_header_name(value, plausible):
    assert plausible_name(value) is plausible


@pytest.mark.parametrize(
    "url, domain",
    [
        ("http://www.nydailynews.com/entertainment/a", "nydailynews.com"),
        ("https://articles.latimes.com/2013/may/03", "articles.latimes.com"),
        ("example.org/a", "example.org"),
        ("ftp://example.org/a", None),
        ("not a url", None),
        (None, None),
    ],
)
def test_url_domain(url, domain):
    assert url_domain(url) == domain


LD = '<script type="application/ld+json">{}</script>'


@pytest.mark.parametrize(
    "head, outlet",
    [
        ('<meta property="og:site_name" content="Example Daily">', "Example Daily"),
        (LD.format('{"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "Springfield Post"}}'),
         "Springfield Post"),
        (LD.format('{"@graph": [{"@type": "WebSite"}, {"publisher": [{"name": "Graph News"}]}]}'), "Graph News"),
        # a domain in og:site_name gives way to a publisher's name, and is kept when there is none
        ('<meta property="og:site_name" content="example.org">' + LD.format('{"publisher": {"name": "Ex"}}'), "Ex"),
        ('<meta property="og:site_name" content="example.org">', "example.org"),
        (LD.format("{not json"), None),
        ("<title>No metadata</title>", None),
    ],
)
def test_page_outlet_reads_html_metadata(head, outlet):
    assert page_outlet(f"<html><head>{head}</head><body><p>Text.</p></body></html>") == outlet
