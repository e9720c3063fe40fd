"""A confidential lead: only its owner and the secretariat see it, every read is in the change
log, and it never reaches the public pages, open data or the IATI export. A company's contact
sees only its own dossier."""

import io
import zipfile

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from sistercity.investment.models import CompanyContact, Lead

pytestmark = pytest.mark.django_db


def test_only_the_owner_and_the_secretariat_see_a_confidential_lead(
    andi, sari, yamada, observer, leads
):
    secret = leads["confidential"]
    assert secret.owner == andi
    for person, sees in ((andi, True), (sari, True), (yamada, False), (observer, False)):
        assert Lead.objects.for_user(person).filter(pk=secret.pk).exists() is sees, person
    # The partner officer works the pipeline: every other lead is his to see.
    assert Lead.objects.for_user(yamada).filter(confidential=False).count() == 3


def test_a_confidential_read_is_logged_with_the_reader(client_for, sari, partnership, leads):
    secret = leads["confidential"]
    url = reverse("investment:lead", args=[partnership.slug, secret.reference])
    reads = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Lead),
        object_pk=str(secret.pk),
        action=LogEntry.Action.ACCESS,
    )
    before = reads.count()
    assert client_for(sari).get(url).status_code == 200
    assert reads.count() == before + 1
    assert reads.latest("timestamp").actor == sari


def test_someone_else_in_the_pipeline_gets_404_for_it(client_for, yamada, partnership, leads):
    url = reverse("investment:lead", args=[partnership.slug, leads["confidential"].reference])
    assert client_for(yamada).get(url).status_code == 404


def _body(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_the_confidential_lead_is_absent_from_public_pages_open_data_and_iati(
    client, client_for, sari, partnership, leads
):
    secret = leads["confidential"]
    words = [secret.title, "rahasia", str(secret.reference)]
    pages = [
        f"/id/p/{partnership.slug}/",
        f"/id/investment/{partnership.slug}/prospectus/",
        f"/ja/investment/{partnership.slug}/prospectus/",
    ]
    public_page = client.get(pages[0]).content.decode()
    assert 'id="investment-public"' in public_page and "Kavling industri C1-A07" in public_page
    for url in pages:
        page = client.get(url)
        assert page.status_code == 200
        assert not any(word in page.content.decode() for word in words), url
    data = client.get(reverse("programs:open_data", args=[partnership.slug]))
    assert data.status_code == 200
    archive = zipfile.ZipFile(io.BytesIO(_body(data)))
    assert "investment_opportunities.csv" in archive.namelist()
    for name in archive.namelist():
        text = archive.read(name).decode("utf-8-sig")
        assert not any(word in text for word in words), name
    # The IATI file is made by the secretariat, who sees the confidential lead herself.
    iati = client_for(sari).get(reverse("programs:export_iati", args=[partnership.slug]))
    assert iati.status_code == 200
    xml = _body(iati).decode()
    assert "kitb-investment-promotion" in xml
    assert not any(word in xml for word in words)


def test_a_company_contact_sees_only_its_own_dossier(client_for, tanaka, partnership, leads):
    client = client_for(tanaka)
    page = client.get(reverse("investment:my_dossier")).content.decode()
    assert leads["seiki"].title in page
    assert leads["resin"].title not in page and leads["pharma"].title not in page
    # The pipeline pages and other dossiers stay closed to her.
    assert client.get(reverse("investment:pipeline", args=[partnership.slug])).status_code == 404
    other = reverse("investment:lead", args=[partnership.slug, leads["resin"].reference])
    assert client.get(other).status_code == 404
    assert CompanyContact.objects.for_user(tanaka).count() == 1


def test_the_export_and_the_api_list_log_each_confidential_dossier(
    client_for, andi, partnership, leads
):
    from sistercity.testing import api_token

    secret = leads["confidential"]
    reads = LogEntry.objects.filter(object_pk=str(secret.pk), action=LogEntry.Action.ACCESS)
    before = reads.count()
    client = client_for(andi)
    assert client.get(f"/id/investment/{partnership.slug}/export/pipeline.xlsx").status_code == 200
    assert reads.count() == before + 1
    key = api_token(andi)
    listed = client.get(reverse("api:investment-lead-list"), HTTP_AUTHORIZATION=f"Token {key}")
    assert listed.status_code == 200
    assert reads.count() == before + 2 and reads.latest("timestamp").actor == andi
