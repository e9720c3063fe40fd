"""The REST API: same objects, same services, same permissions as the UI."""

import pytest
from django.urls import reverse

from sistercity.partnerships.models import Document, PartnershipTrack
from sistercity.testing import api_token, db_snapshot, exe_as_pdf, pdf_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client):
    def as_user(user):
        token = api_token(user)
        client.defaults["HTTP_AUTHORIZATION"] = f"Token {token}"
        return client

    return as_user


def test_token_is_issued_for_email_and_password(demo, client):
    response = client.post(
        reverse("api:token"), {"username": "sari@batang.example", "password": "sistercity-demo"}
    )
    assert response.status_code == 200 and len(response.json()["token"]) == 64


def test_list_detail_and_filters(demo, other_partnership, api, observer):
    client = api(observer)
    listed = client.get(reverse("api:partnership-list"), {"pillar": "culture"}).json()
    assert [p["slug"] for p in listed["results"]] == ["batang-toyama"]
    listed = client.get(reverse("api:partnership-list"), {"stage": "exploration"}).json()
    assert [p["slug"] for p in listed["results"]] == ["batang-toyama"]
    detail = client.get(reverse("api:partnership-detail", args=["batang-toyama"])).json()
    assert detail["translations"]["ja"]["name"] == "バタン県・富山市 姉妹都市提携"
    assert {t["track"]: t["current_stage"] for t in detail["tracks"]} == {
        "id-ksdpl": "exploration",
        "jp-clair": "preparation",
    }


def test_advance_refusal_is_translated_and_changes_nothing(partnership, api, sari):
    client = api(sari)
    client.post(reverse("api:partnership-advance", args=[partnership.slug]), {"track": "id-ksdpl"})
    before = db_snapshot()
    response = client.post(
        reverse("api:partnership-advance", args=[partnership.slug]),
        {"track": "id-ksdpl"},
        HTTP_ACCEPT_LANGUAGE="ja",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "requirements_missing"
    assert "署名済みの意向書" in response.json()["detail"]
    assert db_snapshot() == before


def test_stage_jump_and_wrong_side_are_refused(partnership, api, sari, yamada):
    jump = api(sari).post(
        reverse("api:partnership-advance", args=[partnership.slug]),
        {"track": "id-ksdpl", "to_stage": "signing"},
    )
    assert jump.status_code == 400 and jump.json()["code"] == "stage_jump"
    wrong = api(yamada).post(
        reverse("api:partnership-advance", args=[partnership.slug]), {"track": "id-ksdpl"}
    )
    assert wrong.status_code == 403
    assert (
        PartnershipTrack.objects.get(
            partnership=partnership, track__code="id-ksdpl"
        ).current_stage.code
        == "exploration"
    )


def test_upload_and_download_a_document(partnership, api, sari):
    client = api(sari)
    response = client.post(
        reverse("api:document-list"),
        {
            "partnership": partnership.slug,
            "document_type": "loi",
            "title": "Signed LoI",
            "language": "multi",
            "signed_on": "2026-11-20",
            "file": pdf_upload(),
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["versions"][0]["number"] == 1
    download = client.get(body["versions"][0]["download"])
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_disguised_upload_is_refused(partnership, api, sari):
    before = db_snapshot()
    response = api(sari).post(
        reverse("api:document-list"),
        {
            "partnership": partnership.slug,
            "document_type": "loi",
            "title": "x",
            "language": "id",
            "file": exe_as_pdf(),
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 400 and response.json()["code"] == "file_type"
    assert db_snapshot() == before


def test_outsiders_get_404_on_other_tenants_objects(partnership, api, otto, dewi):
    document = Document.objects.filter(partnership=partnership).first()
    for user in (otto, dewi):
        client = api(user)
        assert (
            client.get(reverse("api:partnership-detail", args=[partnership.slug])).status_code
            == 404
        )
        assert client.get(reverse("api:document-detail", args=[document.pk])).status_code == 404
        upload = client.post(
            reverse("api:document-list"),
            {
                "partnership": partnership.slug,
                "document_type": "loi",
                "title": "x",
                "language": "id",
                "file": pdf_upload(),
            },
        )
        assert upload.status_code == 404


def test_openapi_schema_and_docs(client, demo):
    schema = client.get("/api/schema/")
    assert schema.status_code == 200 and b"openapi: 3" in schema.content
    assert b"/api/partnerships/{slug}/advance/" in schema.content
    docs = client.get("/api/docs/")
    assert docs.status_code == 200 and b"swagger-ui" in docs.content
    assert b"cdn" not in docs.content.lower()


def test_municipalities_are_public(demo, client):
    data = client.get(reverse("api:municipality-list"), {"country": "JP"}).json()
    assert [m["slug"] for m in data["results"]] == ["toyama"]
