"""Every write leaves an audit record (who, when, what, before → after), shown on History."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from sistercity.partnerships import services
from sistercity.partnerships.models import PartnershipTrack
from sistercity.testing import api_token

pytestmark = pytest.mark.django_db


def test_advancing_records_who_and_before_after(partnership, sari):
    services.track_advance(actor=sari, partnership=partnership, track="id-ksdpl")
    track = PartnershipTrack.objects.get(partnership=partnership, track__code="id-ksdpl")
    entry = LogEntry.objects.get_for_object(track).latest("timestamp")
    assert entry.actor == sari
    before, after = entry.changes_dict["current_stage"]
    assert before != after


def test_api_writes_are_attributed_to_the_token_user(partnership, sari, client):

    token = api_token(sari)
    response = client.post(
        reverse("api:partnership-advance", args=[partnership.slug]),
        {"track": "id-ksdpl"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {token}",
    )
    assert response.status_code == 201
    track = PartnershipTrack.objects.get(partnership=partnership, track__code="id-ksdpl")
    assert LogEntry.objects.get_for_object(track).latest("timestamp").actor == sari


def test_history_tab_lists_the_changes(partnership, sari, observer, client):
    services.track_advance(actor=sari, partnership=partnership, track="id-ksdpl", note="go")
    for reader in (sari, observer):
        client.force_login(reader)
        url = reverse("partnerships:history", args=[partnership.slug]).replace("/id/", "/en/")
        page = client.get(url)
        assert page.status_code == 200
        text = page.content.decode()
        # The field's label, not its column name.
        assert "Sari Wulandari" in text and "Current stage" in text
        assert "current_stage" not in text
