"""Public pages: anyone reads the partnership, its cities, pillars and where the agreement is."""

import pytest

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
