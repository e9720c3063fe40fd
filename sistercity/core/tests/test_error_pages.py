"""Error pages of our own in the visitor's language, and API errors in it too (issue 10,
finding 12)."""

import pytest
from django.template.loader import render_to_string
from django.test import override_settings
from django.utils import translation

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=False)
@pytest.mark.parametrize("language", ["id", "ja", "en"])
def test_a_missing_page_gets_our_404_in_the_address_language(demo, client, language):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    page = response.content.decode()
    assert f'<html lang="{language}">' in page
    assert 'data-test="error-reason"' in page
    assert "The requested resource was not found" not in page  # Django's default


@pytest.mark.parametrize("language", ["id", "ja", "en"])
def test_the_500_page_is_ours_and_needs_no_database(language):
    with translation.override(language):
        page = render_to_string("500.html")
    assert f'<html lang="{language}">' in page and 'data-test="error-reason"' in page


@pytest.mark.parametrize("language, text", [("ja", "見つかりません"), ("id", "tidak ditemukan")])
def test_api_not_found_speaks_the_visitors_language(demo, client, sari, language, text):
    client.force_login(sari)
    response = client.get("/api/partnerships/no-such-partnership/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 404, response.content
    assert text in response.json()["detail"].lower(), response.json()
