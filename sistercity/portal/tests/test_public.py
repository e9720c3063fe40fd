"""Public pages: anyone reads the partnership, its cities, pillars and where the agreement is."""

import lxml.html
import pytest
from django.urls import reverse
from django.utils import translation

from sistercity.testing import sector_registered, template_dir

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "language, city, pillar, stage",
    [
        ("id", "Kota Toyama", "Budaya &amp; pariwisata", "Penjajakan"),
        ("ja", "富山市", "文化・観光", "予備協議"),
        ("en", "Toyama City", "Culture &amp; tourism", "Exploration"),
    ],
)
def test_public_page_in_three_languages(demo, client, language, city, pillar, stage):
    page = client.get(f"/{language}/p/batang-toyama/").content.decode()
    assert city in page and pillar in page
    assert f'aria-current="step">{stage}' in page


def test_public_page_does_not_show_people_or_documents(demo, client):
    page = client.get("/en/p/batang-toyama/").content.decode()
    assert "Sari Wulandari" not in page
    assert "Notulen" not in page


def test_private_partnership_has_no_public_page(other_partnership, client):
    assert client.get("/en/p/kendal-kitakyushu/").status_code == 404


def test_municipality_profiles_are_public(demo, client):
    page = client.get("/ja/municipalities/toyama/")
    text = page.content.decode()
    assert "富山市" in text and "406.000" not in text and "406,000" in text
    assert "ごみ発電" in text  # a strength tag, in Japanese


@pytest.fixture
def public_section(settings, tmp_path):
    """A sector's public section, registered for one test, beside one with nothing to show.
    The registry and the template settings are restored after."""
    from sistercity.core.registry import Panel, Sector

    template_dir(
        settings,
        tmp_path,
        **{
            "section_test.html": '<section id="section-test">{{ panel.events }} events of '
            "{{ partnership.slug }}</section>"
        },
    )
    sections = [
        Panel("section_test.html", lambda request, p: {"events": 3}),
        Panel("missing.html", lambda request, p: None),  # nothing to show: not included
    ]
    with sector_registered(Sector(app_label="culture_test", public_sections=sections)):
        yield


def test_public_page_shows_the_sectors_public_sections(demo, client, public_section):
    page = client.get("/en/p/batang-toyama/").content.decode()
    assert '<section id="section-test">3 events of batang-toyama</section>' in page


@pytest.mark.parametrize("path", ["/ja/", "/ja/p/batang-toyama/"])
def test_visitors_find_the_accountability_page_and_open_data(demo, client, path):
    """An anonymous visitor reaches the public accountability page and open data from the home
    page and the public partnership page (and from the footer on every page)."""
    tree = lxml.html.fromstring(client.get(path).content)
    links = {a.get("href") for a in tree.iter("a")}
    assert "/ja/accountability/batang-toyama/" in links
    assert "/ja/open-data/" in links
    for href in ("/ja/accountability/batang-toyama/", "/ja/open-data/"):
        assert client.get(href).status_code == 200


def test_every_page_names_its_icon(demo, client):
    """No favicon 404 on a first visit: the page names the icon shipped in static files."""
    from django.contrib.staticfiles import finders

    tree = lxml.html.fromstring(client.get("/en/").content)
    icon = tree.xpath('//link[@rel="icon"]')[0].get("href")
    assert icon.endswith("favicon.svg") and finders.find("favicon.svg")


def test_the_home_page_lists_partnerships_a_page_at_a_time(demo, client):
    """A national registry holds hundreds of partnerships: the home page shows them in pages,
    each reached by a link, and none is left out."""
    from sistercity.partnerships.models import Partnership
    from sistercity.portal.views import HOME_PAGE_SIZE
    from sistercity.programs import synthetic

    synthetic.seed(HOME_PAGE_SIZE + 5)
    public = Partnership.objects.filter(is_public=True).count()
    assert public > HOME_PAGE_SIZE
    with translation.override("en"):
        home = reverse("portal:home")
    first = client.get(home).content.decode()
    assert first.count('class="card"') == HOME_PAGE_SIZE
    assert f"({public})" in first and "Page 1 of 2" in first and "?page=2" in first
    second = client.get(home, {"page": 2}).content.decode()
    assert second.count('class="card"') == public - HOME_PAGE_SIZE
    assert "?page=1" in second and "?page=3" not in second
    # A page past the end or not a number shows the last or first page, not an error.
    assert client.get(home, {"page": 99}).status_code == 200
    assert client.get(home, {"page": "abc"}).status_code == 200
