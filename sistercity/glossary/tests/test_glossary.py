"""The glossary's data, its editing rules and its pages."""

import pytest
from django.urls import reverse
from django.utils import translation

from sistercity.core.errors import SisterCityError
from sistercity.glossary import services
from sistercity.glossary.models import Term
from sistercity.glossary.terms import TERMS
from sistercity.testing import db_snapshot

pytestmark = pytest.mark.django_db

NEW = {
    "concept": "waste picker",
    "domain": "waste",
    "term_id": "pemulung",
    "term_ja": "ウェイストピッカー",
    "source": "SIPSN",
    "status": "proposed",
}


def test_the_seed_covers_every_domain_the_issue_names_with_sources():
    domains = {entry["domain"] for entry in TERMS}
    assert {"lifecycle", "roles", "results", "exchange", "waste", "places"} <= domains
    assert all(entry["term_id"] and entry["term_ja"] and entry["source"] for entry in TERMS)
    seeded = {t.concept: t for t in Term.objects.all()}
    assert seeded["Batang Regency"].term_ja == "バタン県"
    assert seeded["letter of intent"].term_id == "Pernyataan Kehendak Kerja Sama"
    assert "panggilan" in seeded["call"].avoided("id")


def test_a_secretariat_adds_a_term(sari):
    term = services.term_create(actor=sari, **NEW)
    assert Term.objects.get(concept="waste picker") == term
    assert term.terms("id") == ["pemulung"]


@pytest.mark.parametrize(
    "change, message",
    [
        ({"term_id": ""}, "Indonesian and its Japanese term"),
        ({"term_ja": " "}, "Indonesian and its Japanese term"),
        ({"concept": "Call"}, "already has"),
        ({"variants_id": "bank sampah"}, "waste bank"),
        ({"term_ja": "募集"}, None),  # the same term as another concept is allowed
    ],
)
def test_bad_entries_are_refused_and_change_nothing(sari, change, message):
    before = db_snapshot()
    if message is None:
        services.term_create(actor=sari, **(NEW | change))
        return
    with translation.override("en"), pytest.raises(SisterCityError) as refused:
        services.term_create(actor=sari, **(NEW | change))
    with translation.override("en"):
        assert message in str(refused.value)
    assert db_snapshot() == before


def test_a_term_may_not_be_another_concepts_variant(sari):
    before = db_snapshot()
    # "lowongan" is a variant of "call".
    with (
        translation.override("en"),
        pytest.raises(SisterCityError, match="variant of the concept “call”"),
    ):
        services.term_create(actor=sari, **(NEW | {"term_id": "Lowongan"}))
    assert db_snapshot() == before


def test_refusals_speak_the_users_language(sari):
    with translation.override("ja"), pytest.raises(SisterCityError) as refused:
        services.term_create(actor=sari, **(NEW | {"concept": "call"}))
    assert "用語集" in str(refused.value)


@pytest.mark.parametrize("persona", ["budi", "yamada", "dewi", "observer"])
def test_only_the_admin_and_secretariats_edit(request, persona):
    user = request.getfixturevalue(persona)
    before = db_snapshot()
    with pytest.raises(SisterCityError) as refused:
        services.term_create(actor=user, **NEW)
    assert refused.value.status == 403
    assert db_snapshot() == before


def test_the_platform_admin_edits(admin_user):
    term = Term.objects.get(concept="call")
    services.term_update(actor=admin_user, term=term, definition_en="An open call.")
    term.refresh_from_db()
    assert term.definition_en == "An open call."


@pytest.mark.parametrize(
    "language, texts",
    [
        ("id", ["Glosarium", "Pernyataan Kehendak Kerja Sama", "Permendagri 25/2020", "seleksi"]),
        ("ja", ["用語集", "バタン県", "富山市", "意向書", "CLAIR"]),
        ("en", ["Glossary", "letter of intent", "IATI Standard 2.03", "Batang Regency"]),
    ],
)
def test_the_public_reads_the_glossary_in_three_languages(client, language, texts):
    page = client.get(f"/{language}/glossary/").content.decode()
    for text in texts:
        assert text in page


def test_the_glossary_can_be_searched(client):
    page = client.get("/en/glossary/?q=landfill").content.decode()
    assert "tempat pemrosesan akhir" in page and "Pernyataan Kehendak" not in page


def test_editing_pages_are_for_editors_only(client_for, sari, budi):
    term = Term.objects.get(concept="call")
    url = reverse("glossary:edit", args=[term.pk])
    assert client_for(budi).get(url).status_code == 403
    client = client_for(sari)
    response = client.post(url, {**_form_data(term), "definition_en": "Changed."})
    assert response.status_code == 302
    term.refresh_from_db()
    assert term.definition_en == "Changed."


def test_a_refused_form_shows_why_and_saves_nothing(client_for, sari):
    client = client_for(sari)
    before = db_snapshot()
    response = client.post(reverse("glossary:new"), NEW | {"concept": "call"}, follow=True)
    assert "Glosarium sudah memiliki" in response.content.decode()
    assert db_snapshot() == before


def test_translators_see_the_glossary_terms_of_the_text(client_for, sari, partnership):
    page = client_for(sari).get(reverse("partnerships:translations", args=[partnership.slug]))
    html = page.content.decode()
    assert "glossary-hints" in html
    assert "バタン県" in html and "Kota Toyama" in html


def _form_data(term):
    return {field: getattr(term, field) for field in services.FIELDS}
