"""Every page answers for the people who use it, in three languages, and outsiders get 404."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _pages(partnership, leads):
    slug = partnership.slug
    return [
        reverse("investment:pipeline", args=[slug]),
        reverse("investment:lead", args=[slug, leads["resin"].reference]),
        reverse("investment:companies", args=[slug]),
        reverse("investment:delegations", args=[slug]),
        reverse("investment:opportunities", args=[slug]),
        reverse("investment:realised", args=[slug]),
        reverse("investment:tech", args=[slug]),
        reverse("investment:tech_project", args=[slug, "pet-recycling-line"]),
    ]


@pytest.mark.parametrize("language", ["id", "ja", "en"])
def test_the_investment_office_sees_every_page(client_for, andi, partnership, leads, language):
    client = client_for(andi)
    for url in _pages(partnership, leads):
        response = client.get(url.replace("/id/", f"/{language}/", 1))
        assert response.status_code == 200, url


def test_outsider_gets_404_everywhere(client_for, otto, partnership, leads):
    client = client_for(otto)
    for url in _pages(partnership, leads):
        assert client.get(url).status_code == 404, url


def test_the_prospectus_is_public_in_three_languages(client, partnership):
    for language, text in (
        ("id", "Kavling industri C1-A07"),
        ("ja", "工業用区画 C1-A07"),
        ("en", "Industrial plot C1-A07"),
    ):
        page = client.get(f"/{language}/investment/{partnership.slug}/prospectus/")
        assert page.status_code == 200
        assert text in page.content.decode()
