"""A company contact's personal data: "download my data" holds her contact record; "delete my
account" unlinks the login and keeps the pipeline's record that the company had a contact."""

import json

import pytest
from django.urls import reverse

from sistercity.investment.models import CompanyContact

pytestmark = pytest.mark.django_db

PASSWORD = "sistercity-demo"  # noqa: S105 (the demo's)


def _my_data(client, user) -> dict:
    client.force_login(user)
    response = client.get(reverse("accounts:my_data"))
    assert response.status_code == 200
    return json.loads(response.content)


def test_a_company_contact_gets_and_can_erase_her_contact_record(client, demo):
    tanaka = demo.users["tanaka"]
    record = CompanyContact.objects.get(user=tanaka)
    assert _my_data(client, tanaka)["investment"]["company_contacts"][0]["full_name"]
    client.post(reverse("accounts:delete_account"), {"password": PASSWORD})
    record.refresh_from_db()
    assert record.user is None and record.phone == ""
    assert record.full_name  # the pipeline's record that the company had a contact
