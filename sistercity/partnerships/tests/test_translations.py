"""Content translations: each language's text with its status, editable by the partnership."""

import pytest
from django.urls import reverse
from django.utils import translation

from sistercity.core.templatetags.sistercity import tr
from sistercity.partnerships.models import Document
from sistercity.testing import db_snapshot

pytestmark = pytest.mark.django_db


def test_partner_officer_reviews_the_japanese_name(partnership, yamada, client):
    client.force_login(yamada)
    url = reverse("partnerships:translations", args=[partnership.slug])
    response = client.post(
        url, {"language": "ja", "status": "reviewed", "name": "バタン県・富山市 姉妹都市提携"}
    )
    assert response.status_code == 302
    row = partnership.translations.get(language_code="ja")
    assert (row.name, row.translation_status) == ("バタン県・富山市 姉妹都市提携", "reviewed")


def test_a_machine_translated_document_title_is_marked(partnership, sari, client):
    document = Document.objects.filter(partnership=partnership).first()
    client.force_login(sari)
    url = reverse("partnerships:document_translations", args=[partnership.slug, document.pk])
    client.post(url, {"language": "en", "status": "machine", "title": "Exploration minutes"})
    with translation.override("en"):
        assert "machine translation" in tr(Document.objects.get(pk=document.pk), "title")


def test_markup_and_unknown_status_are_refused(partnership, sari, client):
    client.force_login(sari)
    url = reverse("partnerships:translations", args=[partnership.slug])
    before = db_snapshot()
    client.post(url, {"language": "ja", "status": "reviewed", "name": "<b>富山</b>"})
    client.post(url, {"language": "ja", "status": "invented", "name": "富山"})
    assert db_snapshot() == before


def test_readers_cannot_edit_translations(partnership, budi, observer, dewi, client):
    url = reverse("partnerships:translations", args=[partnership.slug])
    for user in (budi, observer, dewi):
        client.force_login(user)
        assert client.get(url).status_code == 404
