"""One search box over partnerships, municipalities and documents, in every language."""

import pytest

from sistercity.partnerships.selectors import search

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("query", ["富山", "Toyama", "バタン", "Batang"])
def test_short_japanese_and_latin_queries_find_the_partnership_and_city(demo, query):
    from django.contrib.auth.models import AnonymousUser

    found = search(user=AnonymousUser(), query=query)
    assert [p.slug for p in found["partnerships"]] == ["batang-toyama"]
    assert found["municipalities"]


def test_two_character_japanese_query_finds_a_document(partnership, sari):
    from sistercity.partnerships import services
    from sistercity.partnerships.models import DocumentType
    from sistercity.testing import pdf_upload

    services.document_upload(
        actor=sari,
        partnership=partnership,
        document_type=DocumentType.objects.get(code="other"),
        title="ごみ分別パイロットの覚書",
        language="ja",
        file=pdf_upload(),
    )
    assert [str(d) for d in search(user=sari, query="ごみ")["documents"]] == [
        "ごみ分別パイロットの覚書"
    ]


def test_documents_are_found_only_by_those_who_may_see_them(demo, sari, dewi, otto, client):
    assert search(user=sari, query="Notulen")["documents"]
    assert search(user=dewi, query="Notulen")["documents"] == []
    assert search(user=otto, query="Notulen")["documents"] == []
    page = client.get("/id/search/?q=Notulen").content.decode()
    assert "Notulen rapat" not in page


def test_private_partnerships_are_not_found_by_others(other_partnership, sari, otto):
    assert search(user=sari, query="Kendal")["partnerships"] == []
    assert [p.slug for p in search(user=otto, query="Kendal")["partnerships"]] == [
        "kendal-kitakyushu"
    ]


def test_search_page_answers_htmx_with_a_fragment(demo, client):
    page = client.get("/ja/search/?q=富山", HTTP_HX_REQUEST="true").content.decode()
    assert page.lstrip().startswith("<section") and "富山市" in page
