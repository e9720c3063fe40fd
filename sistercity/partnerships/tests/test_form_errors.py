"""Forms that help: a refused form is shown again with each error beside its field, a summary
at the top linking to the fields, the typed values kept, and no banner far from the field."""

import lxml.html
import pytest
from django.urls import reverse

from sistercity.partnerships.models import DocumentType
from sistercity.testing import db_snapshot, exe_as_pdf, pdf_upload

pytestmark = pytest.mark.django_db


def errors_beside(tree, field_id):
    """The error list ``as_p`` renders right before the ``<p>`` that holds the input."""
    before = tree.get_element_by_id(field_id).getparent().getprevious()
    assert before is not None and "errorlist" in before.get("class", "")
    return before.text_content()


def assert_error_beside(tree, field_id, text):
    assert text in errors_beside(tree, field_id)
    summary = tree.get_element_by_id("error-summary")
    link = summary.xpath(f'.//a[@href="#{field_id}"]')
    assert link and text in link[0].text_content()
    assert not tree.xpath('//ul[@class="messages"]')


def test_a_refused_upload_shows_the_reason_at_the_file_field(partnership, sari, client):
    client.force_login(sari)
    url = reverse("partnerships:documents", args=[partnership.slug]).replace("/id/", "/en/")
    before = db_snapshot()
    response = client.post(
        url,
        {
            "document_type": DocumentType.objects.get(code="loi").pk,
            "title": "LoI typed once",
            "language": "id",
            "file": exe_as_pdf(),
        },
    )
    assert db_snapshot() == before
    tree = lxml.html.fromstring(response.content)
    assert_error_beside(tree, "id_file", "This file type is not accepted")
    assert tree.get_element_by_id("id_title").get("value") == "LoI typed once"


def test_a_term_that_ends_before_it_starts_is_marked_at_the_end_date(partnership, sari, client):
    client.force_login(sari)
    url = reverse("partnerships:documents", args=[partnership.slug]).replace("/id/", "/en/")
    response = client.post(
        url,
        {
            "document_type": DocumentType.objects.get(code="mou").pk,
            "title": "MoU",
            "language": "id",
            "term_start": "2027-01-01",
            "term_end": "2026-01-01",
            "file": pdf_upload(),
        },
    )
    assert_error_beside(lxml.html.fromstring(response.content), "id_term_end", "cannot end")


def test_a_refused_translation_is_marked_at_its_field_in_its_language(partnership, sari, client):
    """Each language's form has its own inputs; a refused one is shown again (400) with the
    error beside the field of that language, the typed text kept, nothing saved."""
    client.force_login(sari)
    url = reverse("partnerships:translations", args=[partnership.slug]).replace("/id/", "/en/")
    before = db_snapshot()
    response = client.post(
        url,
        {
            "language": "ja",
            "status": "reviewed",
            "name": "<b>バタン</b>",
            "summary": "typed once",
        },
    )
    assert response.status_code == 400
    assert db_snapshot() == before
    tree = lxml.html.fromstring(response.content)
    assert_error_beside(tree, "id_ja_name", "must not contain HTML")
    assert "id_ja_name_error" in tree.get_element_by_id("id_ja_name").get("aria-describedby")
    assert tree.get_element_by_id("id_ja_summary").text_content().strip() == "typed once"
    assert tree.get_element_by_id("id_en_name").get("value")  # the other languages untouched
