"""Export downloads and the exports tab: every role × every endpoint, UI and API. (The import
form and the job API are tested with the reports app, whose pages they are.)"""

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


def test_unknown_table_is_404(client, partnership, sari):
    client.force_login(sari)
    assert (
        client.get(reverse("programs:export_csv", args=[partnership.slug, "secrets"])).status_code
        == 404
    )


def test_api_open_data_needs_no_login(client, partnership, plan):
    response = client.get(reverse("api:open-data", args=[partnership.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert client.get(reverse("api:open-data-all")).status_code == 200


def test_private_downloads_are_never_cached(client, partnership, plan, sari):
    client.force_login(sari)
    for url in (
        reverse("programs:export_xlsx", args=[partnership.slug]),
        reverse("programs:export_csv", args=[partnership.slug, "indicators"]),
        reverse("api:export-csv", args=[partnership.slug]),
    ):
        response = client.get(url)
        assert response["Cache-Control"] == "private, no-store", url
        assert response["X-Content-Type-Options"] == "nosniff", url
    response = client.get(reverse("programs:export_csv", args=[partnership.slug, "indicators"]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="indicators-batang-toyama.csv"'
