"""Three languages: complete catalogues, formatted dates and money, marked fallbacks, zones."""

from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from sistercity.core.models import TranslationStatus
from sistercity.core.templatetags.sistercity import money, tr

LOCALE = Path(settings.BASE_DIR) / "locale"
# The project catalogue, plus one per sector app (``sistercity/<sector>/locale``: each sector
# owns its strings, see docs/conventions.md).
CATALOGUES = sorted(
    path.relative_to(settings.BASE_DIR)
    for path in Path(settings.BASE_DIR).glob("**/locale/*/LC_MESSAGES/django.po")
)


def test_every_app_catalogue_has_both_languages():
    folders = {path.parents[2] for path in CATALOGUES}
    assert {(folder / lang) for folder in folders for lang in ("id", "ja")} == {
        path.parents[1] for path in CATALOGUES
    }


@pytest.mark.parametrize("path", CATALOGUES, ids=str)
def test_catalogue_is_complete_with_nothing_fuzzy(path):
    with open(Path(settings.BASE_DIR) / path, "rb") as handle:
        catalogue = read_po(handle)
    empty = [
        m.id
        for m in catalogue
        if m.id and not all(m.string if isinstance(m.string, tuple) else [m.string])
    ]
    fuzzy = [m.id for m in catalogue if m.id and m.fuzzy]
    assert len(catalogue) > (100 if path.parts[0] == "locale" else 0)
    assert empty == [] and fuzzy == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "language, text",
    [("id", "Kerja sama"), ("ja", "提携"), ("en", "Partnerships")],
)
def test_pages_speak_the_language_of_their_address(demo, client, language, text):
    page = client.get(f"/{language}/").content.decode()
    assert f'<html lang="{language}">' in page
    assert text in page


@pytest.mark.django_db
def test_language_switcher_keeps_the_page(demo, client):
    response = client.post(
        reverse("set_language"), {"language": "ja", "next": "/id/municipalities/"}
    )
    assert response["Location"] == "/ja/municipalities/"


def test_money_is_formatted_per_language():
    with translation.override("id"):
        assert money(Decimal("1500000"), "IDR") == "Rp1.500.000"
    with translation.override("ja"):
        assert money(Decimal("250000"), "JPY") == "￥250,000"
    with translation.override("en"):
        assert money(Decimal("250000"), "JPY") == "¥250,000"


@pytest.mark.django_db
def test_dates_are_formatted_per_language(partnership, sari, client):
    client.force_login(sari)
    url = reverse("partnerships:documents", args=[partnership.slug])
    assert "2026年10月15日" in client.get(url.replace("/id/", "/ja/")).content.decode()
    assert "15 Okt. 2026" in client.get(url).content.decode()
    assert "Oct. 15, 2026" in client.get(url.replace("/id/", "/en/")).content.decode()


@pytest.mark.django_db
def test_missing_translation_falls_back_visibly(partnership):
    partnership.translations.filter(language_code="ja").delete()
    with translation.override("ja"):
        shown = tr(partnership, "name")
    assert "Kerja sama Kabupaten Batang" in shown and "[ID]" in shown


@pytest.mark.django_db
def test_machine_translations_are_marked(partnership):
    partnership.translations.filter(language_code="en").update(
        translation_status=TranslationStatus.MACHINE
    )
    with translation.override("en"):
        assert "machine translation" in tr(partnership, "name")
    with translation.override("ja"):
        assert "machine" not in tr(partnership, "name")


@pytest.mark.django_db
def test_times_are_shown_in_the_viewer_zone(partnership, sari, yamada, client):
    for user, zone in ((sari, "WIB"), (yamada, "JST")):
        client.force_login(user)
        page = client.get(reverse("partnerships:detail", args=[partnership.slug])).content.decode()
        assert zone in page
