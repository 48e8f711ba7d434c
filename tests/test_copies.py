from factcheck.copies import independent_sources, mark_copies
from factcheck.pipeline import prepare, prepare_article
from factcheck.types import ArticleIn
from tests.conftest import ecbplus_topic

STORY = (
    "A strong earthquake struck the northern coast on Monday, killing at least 12 people, officials said. "
    "Rescue teams searched collapsed buildings through the night in three coastal towns. "
    "The quake had a magnitude of 6.1 and was centred 20 kilometres offshore, the geological survey said. "
    "Hospitals in the region reported more than 80 injured residents by Tuesday morning. "
    "The prime minister declared a state of emergency and promised rebuilding funds for the towns."
)
OTHER = (
    "Farmers in the western valley say this year's harvest was the best in a decade after heavy spring rains. "
    "Wheat prices fell sharply at the regional market as supply rose above forecasts by analysts. "
    "Local co-operatives plan to build two new storage silos before the next planting season begins. "
    "Exporters expect shipments to neighbouring countries to rise by a third this year. "
    "The agriculture ministry will publish its final estimate of the crop next month."
)


def test_exact_wire_copy_is_marked(settings):
    arts = prepare([ArticleIn(id="orig", source="Wire", text=STORY),
                    ArticleIn(id="copy", source="Paper", text="Updated on Tuesday.\n\n" + STORY.rsplit(". ", 1)[0] + "."),
                    ArticleIn(id="other", source="Other", text=OTHER)], settings=settings)
    by_id = {a.id: a for a in arts}
    assert by_id["orig"].copy_of is None and by_id["other"].copy_of is None
    assert by_id["copy"].copy_of == "orig" and by_id["copy"].copy_kind == "copy"
    assert independent_sources(arts) == 2


def test_earlier_publication_is_the_original(settings):
    arts = prepare([ArticleIn(id="late", source="Wire", text=STORY, published="2024-02-15"),
                    ArticleIn(id="early", source="Paper", text=STORY.rsplit(". ", 1)[0] + ".", published="2024-02-13")],
                   settings=settings)
    assert [a.copy_of for a in arts] == ["early", None]


def test_a_day_apart_is_time_zones_and_the_fuller_text_is_the_original(settings):
    # a Moscow-dated story (the 12th) and its New York retelling (the 11th) may have gone out hours apart: the
    # dates do not say which came first, the retelling's trimmed text does
    for text, retold in ((STORY, STORY.rsplit(". ", 1)[0] + "."), (OTHER, OTHER.split(". ", 1)[1])):
        arts = prepare([ArticleIn(id="original", source="Wire", text=text, published="2013-03-12"),
                        ArticleIn(id="retelling", source="Blog", text=retold, published="2013-03-11")],
                       settings=settings)
        assert [a.copy_of for a in arts] == [None, "original"]
        undated = prepare([ArticleIn(id="original", source="Wire", text=text, published="2013-03-12"),
                           ArticleIn(id="retelling", source="Blog", text=retold, published="2013-3-1x")],
                          settings=settings)
        assert [a.copy_of for a in undated] == [None, "original"]


def test_unrelated_articles_are_independent():
    arts = mark_copies([prepare_article(ArticleIn(id="a", source="A", text=STORY)),
                        prepare_article(ArticleIn(id="b", source="B", text=OTHER))])
    assert [a.copy_of for a in arts] == [None, None]


def test_seed_copies(seed_articles, settings):
    arts = {a.id: a for a in prepare(seed_articles, settings=settings)}
    assert arts["002_c062f87ad51a8b64"].copy_of == "000_6c998b99b74eb829"
    assert arts["001_ab0ced552b81b7bf"].copy_of == "000_6c998b99b74eb829"
    assert arts["003_7ff8e0f61f2ca11e"].copy_of is None  # reuses some agency text but reports its own
    assert arts["004_71e9c51bfe0bbdae"].copy_of is None
    assert independent_sources(list(arts.values())) == 3


def test_no_copy_cycles_on_real_topic(settings):
    from factcheck.ingest import load_paths

    arts = prepare(load_paths(ecbplus_topic("12")), settings=settings)
    ids = {a.id for a in arts}
    for a in arts:
        assert a.copy_of != a.id and (a.copy_of is None or a.copy_of in ids)
        if a.copy_of:
            assert next(b for b in arts if b.id == a.copy_of).copy_of is None  # points at a root
