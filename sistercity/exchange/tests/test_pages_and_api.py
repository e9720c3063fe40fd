"""Every role × every exchange endpoint (UI and API): allowed, or 404 for what is not theirs;
the API goes through the same services; list pages keep a fixed query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from sistercity.exchange.tests.conftest import make_applicant, shortlisted, submitted
from sistercity.testing import db_snapshot

pytestmark = pytest.mark.django_db

SEE, HIDDEN = 200, 404

# persona -> (workspace, allocation, participants, export, application page, review page,
#             api application, api ranking)
MATRIX = {
    "sari": (SEE, SEE, SEE, SEE, HIDDEN, HIDDEN, SEE, SEE),
    "yamada": (SEE, SEE, SEE, SEE, HIDDEN, HIDDEN, SEE, SEE),
    # The ministry observer audits the partnership, not its applicants (UU 27/2022, APPI).
    "observer": (HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    "admin": (SEE, SEE, SEE, SEE, HIDDEN, HIDDEN, SEE, SEE),
    "budi": (HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    "rina": (HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, SEE, SEE, HIDDEN),
    "dewi": (HIDDEN, HIDDEN, HIDDEN, HIDDEN, SEE, HIDDEN, SEE, HIDDEN),
    "ayu": (HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
    "otto": (HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN, HIDDEN),
}


@pytest.mark.parametrize("persona", MATRIX)
def test_role_matrix(persona, demo, call, other_partnership, client):
    application = submitted(call, demo.users["dewi"])
    users = {
        **demo.users,
        "otto": other_partnership.municipalities.first().memberships.get().user,
        "ayu": make_applicant("ayu@student.example"),
    }
    urls = [
        reverse("exchange:manage_call", args=[call.slug]),
        reverse("exchange:allocation", args=[call.slug]),
        reverse("exchange:participants", args=[call.slug]),
        reverse("exchange:export_applications", args=[call.slug, "xlsx"]),
        reverse("exchange:application", args=[application.reference]),
        reverse("exchange:review", args=[application.reference]),
        reverse("api:exchange-application-detail", args=[application.reference]),
        reverse("api:exchange-call-ranking", args=[call.slug]),
    ]
    client.force_login(users[persona])
    got = tuple(client.get(url).status_code for url in urls)
    assert got == MATRIX[persona]


def test_public_pages_show_published_calls_only(call, client):
    page = client.get(reverse("exchange:calls")).content.decode()
    assert "Magang di Toyama 2026" in page
    assert (
        client.get("/ja/calls/toyama-internship/")
        .content.decode()
        .count("富山インターンシップ 2026")
    )
    api = client.get(reverse("api:exchange-call-list")).json()["results"]
    assert [c["slug"] for c in api] == ["toyama-internship"]
    call.is_published = False
    call.save()
    assert client.get(reverse("exchange:call", args=[call.slug])).status_code == 404
    assert client.get(reverse("api:exchange-call-list")).json()["results"] == []


def test_registration_page_answers_the_same_for_a_new_and_a_taken_address(call, client, dewi):
    from django.core import mail

    def register(email):
        return client.post(
            reverse("exchange:register"),
            {
                "full_name": "Ayu Lestari",
                "email": email,
                "password": "a-long-pass-phrase-42",
                "preferred_language": "id",
            },
            follow=True,
        )

    new = register("ayu@student.example")
    taken = register(dewi.email)
    assert new.redirect_chain[-1][0] == taken.redirect_chain[-1][0]
    assert new.status_code == taken.status_code == 200

    def page_text(response, email):
        return response.content.decode().replace(email, "EMAIL").replace("csrfmiddlewaretoken", "")

    assert "EMAIL" in page_text(new, "ayu@student.example")
    assert not new.wsgi_request.user.is_authenticated
    assert not taken.wsgi_request.user.is_authenticated
    assert [m.to for m in mail.outbox] == [["ayu@student.example"], [dewi.email]]
    assert "/calls/verify/" in mail.outbox[0].body
    assert "/password/reset/" in mail.outbox[1].body


def test_api_story_uses_the_same_services(call, dewi, rina, sari, client):
    client.force_login(dewi)
    created = client.post(reverse("api:exchange-call-apply", args=[call.slug]))
    assert created.status_code == 201
    reference = created.json()["reference"]
    url = reverse("api:exchange-application-detail", args=[reference])
    question = call.questions.get()
    response = client.patch(
        url,
        {
            "date_of_birth": "2003-05-17",
            "residence": "batang",
            "language_level": "N4",
            "answers": {str(question.pk): "Daur ulang"},
            "preferences": ["recycling", "fire"],
        },
        content_type="application/json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["preferences"] == ["recycling", "fire"]
    from sistercity.testing import pdf_upload

    upload = client.post(
        reverse("api:exchange-application-upload", args=[reference]),
        {"required_document": "cv", "file": pdf_upload("cv.pdf")},
    )
    assert upload.status_code == 201
    submit = client.post(reverse("api:exchange-application-submit", args=[reference]))
    assert submit.status_code == 200 and submit.json()["status"] == "submitted"
    # Bad input: a repeated placement after submission is refused as "not a draft"; nothing changes.
    before = db_snapshot("exchange")
    refused = client.patch(url, {"preferences": ["fire", "fire"]}, content_type="application/json")
    assert refused.status_code == 400 and refused.json()["code"] == "not_draft"
    assert db_snapshot("exchange") == before
    client.force_login(rina)
    scored = client.post(
        reverse("api:exchange-application-score", args=[reference]),
        {"scores": {"motivation": 8, "skills": 7, "language": 6}},
        content_type="application/json",
    )
    assert scored.status_code == 200
    bad = client.post(
        reverse("api:exchange-application-score", args=[reference]),
        {"scores": {"motivation": 80, "skills": 7, "language": 6}},
        content_type="application/json",
    )
    assert bad.status_code == 400 and bad.json()["code"] == "score_range"


def test_api_reviewer_cannot_score_unassigned(call, dewi, rina, client):
    application = submitted(call, dewi)
    application.assignments.all().delete()
    client.force_login(rina)
    response = client.post(
        reverse("api:exchange-application-score", args=[application.reference]),
        {"scores": {"motivation": 8, "skills": 7, "language": 6}},
        content_type="application/json",
    )
    assert response.status_code == 404


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_list_pages_keep_a_fixed_query_count(call, sari, rina, client):
    for index in range(2):
        shortlisted(call, sari, rina, make_applicant(f"a{index}@student.example"))
    client.force_login(sari)
    url = reverse("exchange:manage_call", args=[call.slug])
    api = reverse("api:exchange-application-list") + f"?call={call.slug}"
    small = (_count(client, url), _count(client, api))
    for index in range(2, 6):
        shortlisted(call, sari, rina, make_applicant(f"a{index}@student.example"))
    assert (_count(client, url), _count(client, api)) == small


def test_publishing_is_for_the_secretariat(call, client, sari, observer):
    client.force_login(observer)
    client.post(reverse("exchange:publish", args=[call.slug]), {"published": "0"})
    call.refresh_from_db()
    assert call.is_published
    client.force_login(sari)
    client.post(reverse("exchange:publish", args=[call.slug]), {"published": "0"})
    call.refresh_from_db()
    assert not call.is_published
