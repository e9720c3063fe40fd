"""Export downloads and the import form: every role × every endpoint, UI and API."""

import pytest
from django.urls import reverse
from lxml import etree

from sistercity.programs.iati import validate
from sistercity.reports.tests.plan import build_plan

pytestmark = pytest.mark.django_db

SEE, HIDDEN = 200, 404
PERSONAS = ["sari", "yamada", "budi", "observer", "admin", "rina", "dewi", "otto"]
ALLOWED = {"sari", "yamada", "budi", "observer", "admin"}


@pytest.fixture
def plan(demo):
    return build_plan(demo)


def _urls(slug):
    return [
        reverse("programs:exports", args=[slug]),
        reverse("programs:export_iati", args=[slug]),
        reverse("programs:export_xlsx", args=[slug]),
        reverse("programs:export_csv_zip", args=[slug]),
        reverse("programs:export_csv", args=[slug, "indicators"]),
        reverse("reports:me_report", args=[slug]),
        reverse("api:export-iati", args=[slug]),
        reverse("api:export-xlsx", args=[slug]),
        reverse("api:export-csv", args=[slug]),
    ]


@pytest.mark.parametrize("persona", PERSONAS)
def test_role_matrix(persona, demo, plan, other_partnership, client):
    users = {**demo.users, "otto": other_partnership.municipalities.first().memberships.get().user}
    client.force_login(users[persona])
    expected = SEE if persona in ALLOWED else HIDDEN
    got = [client.get(url).status_code for url in _urls(demo.partnership.slug)]
    assert got == [expected] * len(got)


def test_anonymous_visitors_are_sent_to_log_in(client, partnership, plan):
    urls = _urls(partnership.slug)
    assert all(client.get(url).status_code == 302 for url in urls[:6])
    assert all(client.get(url).status_code in (401, 403) for url in urls[6:])


def test_iati_download_is_the_same_valid_file_as_the_command(client, partnership, plan, sari):
    client.force_login(sari)
    response = client.get(reverse("programs:export_iati", args=[partnership.slug]))
    assert response["Content-Type"] == "application/xml"
    assert "iati-activities-batang-toyama.xml" in response["Content-Disposition"]
    assert validate(response.content) == []
    api = client.get(reverse("api:export-iati", args=[partnership.slug]))
    strip = etree.XSLT(
        etree.XML(
            '<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
            '<xsl:template match="@generated-datetime"/>'
            '<xsl:template match="@*|node()"><xsl:copy><xsl:apply-templates select="@*|node()"/>'
            "</xsl:copy></xsl:template></xsl:stylesheet>"
        )
    )
    assert str(strip(etree.fromstring(api.content))) == str(
        strip(etree.fromstring(response.content))
    )


def test_import_form_is_shown_only_to_those_who_may_edit(client, partnership, plan, demo):
    for persona, shown in (("sari", True), ("budi", True), ("observer", False)):
        client.force_login(demo.users[persona])
        page = client.get(reverse("programs:exports", args=[partnership.slug])).content.decode()
        assert ('id="import-form"' in page) is shown, persona


def test_unknown_table_is_404(client, partnership, sari):
    client.force_login(sari)
    assert (
        client.get(reverse("programs:export_csv", args=[partnership.slug, "secrets"])).status_code
        == 404
    )


def test_api_import_and_report_answer_202_with_a_job_only_its_owner_sees(
    client, partnership, plan, sari, yamada, otto
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from sistercity.programs import tabular

    client.force_login(sari)
    data = tabular.export_xlsx(partnership)
    response = client.post(
        reverse("api:import", args=[partnership.slug]),
        {"file": SimpleUploadedFile("plan.xlsx", data)},
    )
    assert response.status_code == 202
    job = response.json()
    assert (job["kind"], job["status"], job["progress"]) == ("import", "queued", 0)
    assert client.get(reverse("api:job-detail", args=[job["id"]])).json()["id"] == job["id"]
    response = client.post(
        reverse("api:me-report", args=[partnership.slug]),
        {"language": "ja", "format": "xlsx", "year": 2026},
        content_type="application/json",
    )
    assert response.status_code == 202
    assert response.json()["params"] == {"format": "xlsx", "year": 2026}
    for user in (yamada, otto):
        client.force_login(user)
        assert client.get(reverse("api:job-detail", args=[job["id"]])).status_code == 404
    client.force_login(otto)
    assert (
        client.post(
            reverse("api:import", args=[partnership.slug]),
            {"file": SimpleUploadedFile("plan.xlsx", data)},
        ).status_code
        == 404
    )


def test_api_refuses_bad_uploads_with_a_translated_detail(client, partnership, plan, budi):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(budi)
    response = client.post(
        "/api/partnerships/batang-toyama/import/",
        {"file": SimpleUploadedFile("plan.xlsx", b"not a workbook")},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "file_type"


def test_api_open_data_needs_no_login(client, partnership, plan):
    response = client.get(reverse("api:open-data", args=[partnership.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert client.get(reverse("api:open-data-all")).status_code == 200
