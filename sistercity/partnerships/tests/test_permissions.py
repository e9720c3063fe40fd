"""Every role × every object endpoint (UI and API): allowed, or 404 for what is not theirs."""

import pytest
from django.urls import reverse

from sistercity.partnerships.models import Document

pytestmark = pytest.mark.django_db

SEE = 200
HIDDEN = 404

# persona -> (overview, documents, deadlines, history, api detail, api documents)
MATRIX = {
    "sari": (SEE, SEE, SEE, SEE, SEE, SEE),
    "yamada": (SEE, SEE, SEE, SEE, SEE, SEE),
    "budi": (SEE, SEE, SEE, HIDDEN, SEE, SEE),
    "observer": (SEE, SEE, SEE, SEE, SEE, SEE),
    "admin": (SEE, SEE, SEE, SEE, SEE, SEE),
    "rina": (HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    "dewi": (HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    "otto": (HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
}


def endpoints(partnership):
    document = Document.objects.filter(partnership=partnership).first()
    slug = partnership.slug
    return [
        reverse("partnerships:detail", args=[slug]),
        reverse("partnerships:documents", args=[slug]),
        reverse("partnerships:deadlines", args=[slug]),
        reverse("partnerships:history", args=[slug]),
        reverse("api:partnership-detail", args=[slug]),
        reverse("api:document-detail", args=[document.pk]),
    ]


@pytest.mark.parametrize("persona", MATRIX)
def test_role_matrix(persona, demo, other_partnership, client):
    users = {**demo.users, "otto": other_partnership.municipalities.first().memberships.get().user}
    client.force_login(users[persona])
    got = tuple(client.get(url).status_code for url in endpoints(demo.partnership))
    assert got == MATRIX[persona]


def test_lists_show_only_what_the_user_may_see(demo, other_partnership, client, sari, otto):
    client.force_login(sari)
    slugs = [p["slug"] for p in client.get(reverse("api:partnership-list")).json()["results"]]
    assert slugs == ["batang-toyama"]
    page = client.get(reverse("partnerships:dashboard")).content.decode()
    assert "Kendal" not in page
    client.force_login(otto)
    slugs = [p["slug"] for p in client.get(reverse("api:partnership-list")).json()["results"]]
    assert slugs == ["kendal-kitakyushu"]
    documents = client.get(reverse("api:document-list")).json()["results"]
    assert documents == []


def test_observer_sees_partnerships_of_the_country_it_oversees(demo, other_partnership, client):
    client.force_login(demo.users["observer"])
    slugs = {p["slug"] for p in client.get(reverse("api:partnership-list")).json()["results"]}
    assert slugs == {"batang-toyama", "kendal-kitakyushu"}


def test_anonymous_is_sent_to_log_in(demo, client):
    response = client.get(reverse("partnerships:detail", args=[demo.partnership.slug]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client.get(reverse("api:partnership-list")).status_code in (401, 403)
