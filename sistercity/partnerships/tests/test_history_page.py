"""The History tab as auditors and the ministry read it: field labels not column names, names
not ids, local times at minute precision, verbs in words, no None, no storage paths and no
checksums in view (the checksum is behind the details toggle), fifty entries a page."""

import re

import lxml.html
import pytest

from sistercity.partnerships.models import DocumentVersion

pytestmark = pytest.mark.django_db

URL = "/en/partnerships/batang-toyama/history/"


def visible_text(element) -> str:
    """The text outside the auditors' details toggle."""
    for details in element.xpath('.//details[@class="audit-detail"]'):
        details.getparent().remove(details)
    return element.text_content()


def all_pages(client):
    pages, number = [], 1
    while True:
        response = client.get(f"{URL}?page={number}")
        assert response.status_code == 200
        tree = lxml.html.fromstring(response.content)
        pages.append(tree)
        if not tree.xpath('//nav[@class="pager"]//a[@rel="next"]'):
            return pages
        number += 1


def test_history_reads_as_labels_names_and_local_times(partnership, observer, client):
    version = DocumentVersion.objects.filter(document__partnership=partnership).first()
    client.force_login(observer)
    pages = all_pages(client)
    assert len(pages) > 1  # the demo writes more than one page
    text, details = "", ""
    for tree in pages:
        rows = tree.xpath('//tr[@data-test="history-row"]')
        assert 0 < len(rows) <= 50
        verbs = {em.text_content() for em in tree.xpath('//tr[@data-test="history-row"]/td[3]/em')}
        assert verbs <= {"created", "changed", "deleted"}  # words, not create/update codes
        for time in tree.xpath("//table[@id='history']//time"):
            shown = time.text_content()
            assert shown.endswith("WIB")  # the reader's zone (Asia/Jakarta) …
            assert not re.search(r"\d:\d\d:\d\d|\.\d{6}", shown)  # … at minute precision
        folded = tree.xpath('//details[@class="audit-detail"]')
        details += " ".join(d.text_content() for d in folded)
        text += visible_text(tree.get_element_by_id("history")) + "\n"
    assert "Signed on" in text and "Original file name" in text  # labels, in the language
    assert "signed_on" not in text and "original_name" not in text  # not column names
    assert "None" not in text and "object (" not in text
    assert not re.search(r"\b[0-9a-f]{64}\b", text)  # no checksums in view
    assert version.file.name not in text  # no storage paths
    assert "Sari Wulandari" in text and "created" in text and "changed" in text
    assert version.sha256 in details  # for auditors, behind the toggle
