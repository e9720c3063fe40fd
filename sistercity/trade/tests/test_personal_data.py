"""An MSME owner's and a buyer's personal data: "download my data" holds their enterprises,
companies and messages; "delete my account" unlinks the account and keeps the registry record
the MSME office holds under its mandate."""

import json

import pytest
from django.urls import reverse

from sistercity.trade.models import Buyer, Enterprise, Message

pytestmark = pytest.mark.django_db

PASSWORD = "sistercity-demo"  # noqa: S105 (the demo's)


def _my_data(client, user) -> dict:
    client.force_login(user)
    response = client.get(reverse("accounts:my_data"))
    assert response.status_code == 200
    return json.loads(response.content)


def test_download_my_data_holds_the_owners_enterprise_and_the_buyers_messages(client, siti, ken):
    owned = _my_data(client, siti)["trade"]["enterprises_owned"]
    assert {e["nib"] for e in owned} == set(
        Enterprise.objects.filter(owner_user=siti).values_list("nib", flat=True)
    )
    assert all(e["owner_name"] for e in owned)
    trade = _my_data(client, ken)["trade"]
    assert trade["buyer_companies"]
    assert len(trade.get("messages", [])) == Message.objects.filter(author=ken).count()


def test_deleting_an_owners_account_unlinks_it_and_keeps_the_registry_record(client, siti):
    enterprise = Enterprise.objects.filter(owner_user=siti).first()
    enterprise.email = siti.email
    enterprise.save()
    client.force_login(siti)
    response = client.post(reverse("accounts:delete_account"), {"password": PASSWORD})
    assert response.status_code == 302
    enterprise.refresh_from_db()
    assert enterprise.owner_user is None and enterprise.email == ""
    assert enterprise.owner_name and enterprise.nib  # the office's record stays
    assert not Enterprise.objects.filter(owner_user=siti).exists()


def test_deleting_a_buyers_account_leaves_the_company(client, ken):
    company = Buyer.objects.filter(members=ken).first()
    client.force_login(ken)
    client.post(reverse("accounts:delete_account"), {"password": PASSWORD})
    assert not company.members.filter(pk=ken.pk).exists()
    assert Buyer.objects.filter(pk=company.pk).exists()
