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
