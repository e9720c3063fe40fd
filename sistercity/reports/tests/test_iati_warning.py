"""The exports tab warns, beside the IATI download, while the reporting organisation is still
the settings' stand-in; once an installation names its registered identifier, it does not."""

import lxml.html
import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def warning(client, partnership):
    url = reverse("programs:exports", args=[partnership.slug]).replace("/id/", "/en/")
    tree = lxml.html.fromstring(client.get(url).content)
    found = tree.xpath('//*[@data-test="iati-warning"]')
    return found[0].text_content() if found else None


def test_the_stand_in_reporting_org_is_flagged(partnership, sari, client):
    client.force_login(sari)
    text = warning(client, partnership)
    assert text and "XI-IATI-SISTERCITY" in text and "IATI_REPORTING_ORG" in text


def test_a_configured_reporting_org_is_not_flagged(partnership, sari, client, settings):
    settings.IATI_REPORTING_ORG = "ID-PEMKAB-3325"
    client.force_login(sari)
    assert warning(client, partnership) is None
