"""A returned update is corrected and resubmitted by its author; the secretariat locks a period.
Both from the programme page and from the API, with the approval rules unchanged: never
approved by its author, nothing more in a locked period, outsiders get 404."""

from decimal import Decimal as D

import pytest
from django.utils import translation
from django.utils.translation import gettext as _

from sistercity.programs import services
from sistercity.programs.models import Indicator, IndicatorUpdate, Period
from sistercity.testing import api_token, db_snapshot

pytestmark = pytest.mark.django_db

SNAPSHOT = ("programs", "partnerships", "auditlog")
REFUSED = "Your role does not allow this action on this partnership."
PAGE = "/en/partnerships/batang-toyama/programmes/waste-sorting-pilot/"


@pytest.fixture
def period(demo) -> Period:
    # The current quarter: a period that has started takes updates.
    return Indicator.objects.get(code="households-sorting").periods.get(start="2026-10-01")


@pytest.fixture
def returned(period, budi, sari) -> IndicatorUpdate:
    """Budi reported 90 households (60 in Batang, 30 in Kandeman); Sari sent it back."""
    update = services.update_create(
        actor=budi,
        period=period,
        value=D(90),
        disaggregation={"kecamatan": {"Batang": 60, "Kandeman": 30}},
        submit=True,
    )
    return services.update_return(actor=sari, update=update, comment="Lampirkan daftar KK")


@pytest.fixture
def api(client):
    def as_user(user):
        token = api_token(user)
        client.defaults["HTTP_AUTHORIZATION"] = f"Token {token}"
        return client

    return as_user


def state(update: IndicatorUpdate) -> tuple:
    update.refresh_from_db()
    return (update.status, update.value, update.narrative, update.disaggregation)


def in_language(language: str, message: str, **details: str) -> str:
    with translation.override(language):
        return _(message).format(**details)


# --- the page --------------------------------------------------------------------------------


def test_the_author_sees_the_comment_and_corrects_and_resubmits(returned, budi, sari, client):
    client.force_login(budi)
    page = client.get(PAGE).content.decode()
    form = page.split(f'data-test="revise-{returned.pk}"')[1].split("</form>")[0]
    assert "Lampirkan daftar KK" in form and "Sari Wulandari" in form
    assert 'value="Batang=60; Kandeman=30"' in form  # the values by dimension, ready to correct
    response = client.post(
        PAGE,
        {
            "form": "revise",
            "update": returned.pk,
            "value": "95",
            "narrative": "Daftar KK terlampir",
            "dis_kecamatan": "Batang=62; Kandeman=33",
        },
        follow=True,
    )
    assert "The update was corrected and sent back for approval." in response.content.decode()
    assert state(returned) == (
        "submitted",
        D(95),
        "Daftar KK terlampir",
        {"kecamatan": {"Batang": "62", "Kandeman": "33"}},
    )
    services.update_approve(actor=sari, update=returned)
    assert state(returned)[0] == "approved"


def test_only_the_author_is_offered_the_correction(returned, sari, yamada, client):
    for person in (sari, yamada):
        client.force_login(person)
        assert f'data-test="revise-{returned.pk}"' not in client.get(PAGE).content.decode()


def test_a_bad_correction_through_the_page_changes_nothing(returned, budi, yamada, client):
    client.force_login(budi)
    before, kept = db_snapshot(*SNAPSHOT), state(returned)
    page = client.post(
        PAGE, {"form": "revise", "update": returned.pk, "value": "banyak"}, follow=True
    ).content.decode()
    assert "Enter a number" in page
    page = client.post(
        PAGE,
        {"form": "revise", "update": returned.pk, "value": "95", "dis_kecamatan": "Batang=x"},
        follow=True,
    ).content.decode()
    assert "Enter a number" in page
    client.force_login(yamada)  # not the author
    page = client.post(
        PAGE, {"form": "revise", "update": returned.pk, "value": "95"}, follow=True
    ).content.decode()
    assert "Only the author can change an update." in page
    assert db_snapshot(*SNAPSHOT) == before and state(returned) == kept


def test_the_secretariat_locks_a_period_from_the_page(period, returned, sari, budi, client):
    client.force_login(budi)
    assert f'data-test="lock-{period.pk}"' not in client.get(PAGE).content.decode()
    before = db_snapshot(*SNAPSHOT)
    page = client.post(PAGE, {"form": "lock", "period": period.pk}, follow=True)
    assert REFUSED in page.content.decode()
    assert db_snapshot(*SNAPSHOT) == before
    period.refresh_from_db()
    assert not period.is_locked

    client.force_login(sari)
    assert f'data-test="lock-{period.pk}"' in client.get(PAGE).content.decode()
    page = client.post(PAGE, {"form": "lock", "period": period.pk}, follow=True).content.decode()
    assert "The period was locked." in page
    assert f'data-test="locked-{period.pk}"' in page
    period.refresh_from_db()
    assert period.is_locked

    # Locked: no correction is offered, and one posted anyway is refused.
    client.force_login(budi)
    assert f'data-test="revise-{returned.pk}"' not in client.get(PAGE).content.decode()
    kept = state(returned)
    page = client.post(
        PAGE, {"form": "revise", "update": returned.pk, "value": "95"}, follow=True
    ).content.decode()
    assert "This period is locked: it takes no more updates." in page
    assert state(returned) == kept


def test_outsiders_get_404_from_the_page(returned, period, otto, client):
    client.force_login(otto)
    before = db_snapshot(*SNAPSHOT)
    for data in (
        {"form": "revise", "update": returned.pk, "value": "95"},
        {"form": "lock", "period": period.pk},
    ):
        assert client.post(PAGE, data).status_code == 404
    assert db_snapshot(*SNAPSHOT) == before


def test_an_update_of_another_programme_is_404_on_this_page(returned, budi, client):
    client.force_login(budi)
    other = "/en/partnerships/batang-toyama/programmes/student-exchange-2027/"
    assert client.post(other, {"form": "revise", "update": returned.pk}).status_code == 404


# --- the API ---------------------------------------------------------------------------------


def test_the_author_revises_through_the_api(returned, api, budi, sari):
    response = api(budi).post(
        f"/api/indicator-updates/{returned.pk}/revise/",
        {"value": "95", "narrative": "Daftar KK terlampir"},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["status"], body["value"], body["narrative"]) == (
        "submitted",
        "95.0000",
        "Daftar KK terlampir",
    )
    # Without disaggregation, the values by dimension stay as they were.
    assert body["disaggregation"] == {"kecamatan": {"Batang": "60", "Kandeman": "30"}}
    approved = api(sari).post(f"/api/indicator-updates/{returned.pk}/approve/")
    assert approved.status_code == 200 and approved.json()["status"] == "approved"


def test_a_revision_may_stay_a_draft(returned, api, budi):
    response = api(budi).post(
        f"/api/indicator-updates/{returned.pk}/revise/",
        {"value": "95", "disaggregation": {}, "submit": False},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert state(returned) == ("returned", D(95), "", {})


def test_bad_revisions_through_the_api_change_nothing(returned, api, budi, yamada):
    before, kept = db_snapshot(*SNAPSHOT), state(returned)
    url = f"/api/indicator-updates/{returned.pk}/revise/"
    client = api(budi)
    response = client.post(url, {"value": "banyak"}, content_type="application/json")
    assert response.status_code == 400 and "value" in response.json()
    response = client.post(
        url,
        {"value": "95", "disaggregation": {"sex": {"female": 3}}},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="ja",
    )
    assert response.status_code == 400 and response.json() == {
        "detail": in_language(
            "ja", "“{dimension}” is not a disaggregation of this indicator.", dimension="sex"
        ),
        "code": "disaggregation",
    }
    response = client.post(url, {}, content_type="application/json", HTTP_ACCEPT_LANGUAGE="id")
    assert response.json()["code"] == "value_required"
    response = api(yamada).post(url, {"value": "95"}, content_type="application/json")
    assert response.status_code == 400 and response.json()["code"] == "not_author"
    assert db_snapshot(*SNAPSHOT) == before and state(returned) == kept


def test_a_submitted_update_is_not_revised_and_never_approved_by_its_author(
    period, api, sari, yamada
):
    update = services.update_create(actor=sari, period=period, value=D(10), submit=True)
    client = api(sari)
    response = client.post(
        f"/api/indicator-updates/{update.pk}/revise/",
        {"value": "12"},
        content_type="application/json",
    )
    assert response.status_code == 400 and response.json()["code"] == "state"
    services.update_return(actor=yamada, update=update, comment="Sumbernya?")
    assert (
        client.post(
            f"/api/indicator-updates/{update.pk}/revise/",
            {"value": "12"},
            content_type="application/json",
        ).json()["status"]
        == "submitted"
    )
    response = client.post(f"/api/indicator-updates/{update.pk}/approve/")
    assert response.status_code == 400 and response.json()["code"] == "own"
    assert state(update)[0] == "submitted"


def test_the_secretariat_locks_a_period_through_the_api(period, returned, api, sari, budi):
    url = f"/api/periods/{period.pk}/lock/"
    before = db_snapshot(*SNAPSHOT)
    refused = api(budi).post(url, HTTP_ACCEPT_LANGUAGE="ja")
    assert refused.status_code == 403
    assert refused.json() == {"detail": in_language("ja", REFUSED), "code": "forbidden"}
    assert db_snapshot(*SNAPSHOT) == before

    response = api(sari).post(url)
    assert response.status_code == 200
    assert response.json()["is_locked"] and response.json()["indicator"] == "households-sorting"
    assert api(sari).get(f"/api/periods/{period.pk}/").json()["is_locked"]

    # A locked period takes no new update, no correction and no review.
    created = api(budi).post(
        "/api/indicator-updates/",
        {"period": period.pk, "value": "5"},
        content_type="application/json",
    )
    assert created.status_code == 400 and created.json()["code"] == "locked"
    revised = api(budi).post(
        f"/api/indicator-updates/{returned.pk}/revise/",
        {"value": "95"},
        content_type="application/json",
    )
    assert revised.status_code == 400 and revised.json()["code"] == "locked"


def test_outsiders_get_404_from_the_api(returned, period, api, otto):
    client = api(otto)
    before = db_snapshot(*SNAPSHOT)
    revise = client.post(
        f"/api/indicator-updates/{returned.pk}/revise/",
        {"value": "95"},
        content_type="application/json",
    )
    assert revise.status_code == 404
    assert client.post(f"/api/periods/{period.pk}/lock/").status_code == 404
    assert client.get("/api/periods/").json()["results"] == []
    assert db_snapshot(*SNAPSHOT) == before
