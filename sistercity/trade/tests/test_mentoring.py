"""Mentoring and training: sessions and attendance, the "MSMEs trained" feed, certificates."""

import datetime as dt

import pytest
from django.http import Http404
from django.urls import reverse
from django.utils import translation

from sistercity.core.errors import SisterCityError
from sistercity.testing import db_snapshot
from sistercity.trade import contributions, services
from sistercity.trade.models import Enterprise, MentoringProgramme
from sistercity.trade.tests.test_labels import _inflated

pytestmark = pytest.mark.django_db


def test_demo_programme_trains_five_enterprises(partnership):
    assert contributions.trained(partnership, None) == 5


def test_session_before_the_programme_is_refused(partnership, wulan):
    programme = MentoringProgramme.objects.get(partnership=partnership)
    before = db_snapshot("trade")
    with translation.override("en"), pytest.raises(SisterCityError) as refused:
        services.session_record(
            actor=wulan, programme=programme, held_on=dt.date(2026, 1, 1), topic="x"
        )
    assert str(refused.value) == "held on: is before the programme starts."
    assert db_snapshot("trade") == before


def test_only_the_msme_office_records_sessions(partnership, siti, ken):
    programme = MentoringProgramme.objects.get(partnership=partnership)
    for person in (siti, ken):  # neither is a member: the programme does not exist for them
        with pytest.raises(Http404):
            services.session_record(
                actor=person, programme=programme, held_on=dt.date(2026, 11, 1), topic="x"
            )


def test_certificate_pdf_embeds_the_cjk_font(partnership, client_for, wulan):
    programme = MentoringProgramme.objects.get(partnership=partnership)
    pala = Enterprise.objects.get(nib="9120001234503")
    url = reverse("trade:certificate", args=[partnership.slug, programme.pk, pala.pk])
    response = client_for(wulan).get(url.replace("/id/", "/ja/"))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert b"NotoSansCJK" in response.content + _inflated(response.content)
    page = client_for(wulan).get(reverse("trade:mentoring", args=[partnership.slug, programme.pk]))
    assert "Pala Sari" in page.content.decode()


def _url(name, partnership, *args):
    return reverse(f"trade:{name}", args=[partnership.slug, *args])


def test_msme_office_creates_a_programme_and_records_attendance_from_the_pages(
    partnership, client_for, wulan
):
    client = client_for(wulan)
    assert "New mentoring programme" in client.get(
        _url("overview", partnership).replace("/id/", "/en/")
    ).content.decode("utf-8")
    response = client.post(
        _url("mentoring_new", partnership),
        {"title": "Pelatihan label Jepang", "starts_on": "2026-12-01"},
    )
    programme = MentoringProgramme.objects.get(translations__title="Pelatihan label Jepang")
    assert response.status_code == 302
    assert response.url == _url("mentoring", partnership, programme.pk)
    pala = Enterprise.objects.get(nib="9120001234503")
    batik = Enterprise.objects.get(nib="9120001234501")
    response = client.post(
        _url("mentoring", partnership, programme.pk),
        {
            "held_on": "2026-12-02",
            "topic": "食品表示法",
            "instructor": "Toyama instructor",
            "attendees": [pala.pk, batik.pk],
        },
    )
    assert response.status_code == 302
    session = programme.sessions.get()
    assert session.topic == "食品表示法"
    assert set(session.attendees.all()) == {pala, batik}
    page = client.get(_url("mentoring", partnership, programme.pk)).content.decode()
    assert "食品表示法" in page and "Pala Sari" in page


@pytest.mark.parametrize(
    "language, message", [("en", "is before the programme starts."), ("ja", "より前")]
)
def test_a_session_before_the_start_is_shown_beside_the_date_and_nothing_saved(
    partnership, client_for, wulan, language, message
):
    programme = MentoringProgramme.objects.get(partnership=partnership)
    before = db_snapshot("trade", "auditlog")
    page = client_for(wulan).post(
        _url("mentoring", partnership, programme.pk).replace("/id/", f"/{language}/"),
        {"held_on": "2020-01-01", "topic": "x"},
    )
    assert page.status_code == 200
    assert (
        page.context["form"].errors["held_on"][0].endswith("is before the programme starts.")
        or message in page.context["form"].errors["held_on"][0]
    )
    assert message in page.content.decode()
    assert db_snapshot("trade", "auditlog") == before


def test_an_empty_title_is_refused_beside_the_field(partnership, client_for, wulan):
    before = db_snapshot("trade", "auditlog")
    page = client_for(wulan).post(
        _url("mentoring_new", partnership).replace("/id/", "/en/"),
        {"title": "   ", "starts_on": "2026-12-01"},
    )
    assert page.status_code == 200 and "title" in page.context["form"].errors
    assert db_snapshot("trade", "auditlog") == before


def test_owners_buyers_and_outsiders_get_404_observers_a_refusal(
    partnership, client_for, siti, ken, otto, observer
):
    programme = MentoringProgramme.objects.get(partnership=partnership)
    before = db_snapshot("trade", "auditlog")
    new = {"title": "x", "starts_on": "2026-12-01"}
    session = {"held_on": "2026-12-02", "topic": "x"}
    for person in (siti, ken, otto):
        client = client_for(person)
        assert client.post(_url("mentoring_new", partnership), new).status_code == 404
        assert client.post(_url("mentoring", partnership, programme.pk), session).status_code == 404
    client = client_for(observer)
    page = client.post(_url("mentoring_new", partnership).replace("/id/", "/en/"), new)
    assert page.status_code == 200 and "MSME agency officers" in page.content.decode()
    page = client.get(_url("mentoring", partnership, programme.pk))
    assert 'id="session-form"' not in page.content.decode()
    assert db_snapshot("trade", "auditlog") == before
