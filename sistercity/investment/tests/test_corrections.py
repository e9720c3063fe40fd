"""A quarter's realised investment can be corrected: with a reason, checked like a new record,
kept in the change log before and after, and the indicator fed from it changes only when a
new count is approved in the programme."""

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation

from sistercity.core.errors import SisterCityError
from sistercity.investment import services
from sistercity.investment.models import Realisation
from sistercity.testing import db_snapshot

pytestmark = pytest.mark.django_db

APPS = ("investment", "programs", "auditlog")


@pytest.fixture
def q3(leads) -> Realisation:
    return leads["seiki"].realisations.get(year=2026, quarter=3)


def _figures(record, **changes):
    names = ("currency", "land", "building", "machinery", "other_fixed", "working_capital")
    names += ("local_men", "local_women", "local_total", "expatriates")
    return {**{name: getattr(record, name) for name in names}, **changes}


def _approved_jobs():
    from sistercity.programs.models import IndicatorUpdate

    return (
        IndicatorUpdate.objects.filter(period__indicator__code="investment-jobs", status="approved")
        .latest("reviewed_at")
        .value
    )


def test_a_correction_is_logged_and_feeds_the_indicator_only_once_approved(
    andi, sari, q3, partnership
):
    from sistercity.programs import services as programmes
    from sistercity.programs.models import Indicator

    assert q3.jobs == 85 and _approved_jobs() == 85
    men, women = q3.local_men + 5, q3.local_women + 3
    services.realisation_correct(
        actor=andi,
        realisation=q3,
        reason="LKPM Q3 revised: late hires",
        **_figures(q3, local_men=men, local_women=women, local_total=men + women),
    )
    q3.refresh_from_db()
    assert q3.jobs == 93 and q3.corrected_by == andi and q3.corrected_at is not None
    entry = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Realisation), object_pk=str(q3.pk)
    ).latest("timestamp")
    assert entry.actor == andi and entry.changes_dict["local_total"] == ["82", "90"]
    # The approved figure stands until a new count is proposed and approved.
    assert _approved_jobs() == 85
    indicator = Indicator.objects.get(code="investment-jobs")
    update = programmes.indicator_feed(actor=andi, indicator=indicator)
    assert update.value == 93 and update.status == "submitted" and _approved_jobs() == 85
    programmes.update_approve(actor=sari, update=update)
    assert _approved_jobs() == 93


@pytest.mark.parametrize(
    "changes, reason, code, words",
    [
        ({"local_women": 1}, "typo", "jobs_total", "= "),
        ({"machinery": -1}, "typo", "negative_amount", "tidak boleh negatif"),
        ({"currency": "JPY"}, "typo", "currency", "IDR"),
        (
            {"local_total": 999, "local_men": 999, "local_women": 0},
            " ",
            "reason_required",
            "Alasan",
        ),
        ({}, "nothing new", "unchanged", "sama"),
    ],
)
def test_a_bad_correction_is_refused_in_words_and_nothing_changes(
    andi, q3, changes, reason, code, words
):
    before = db_snapshot(*APPS)
    with translation.override("id"), pytest.raises(SisterCityError) as error:
        services.realisation_correct(
            actor=andi, realisation=q3, reason=reason, **_figures(q3, **changes)
        )
    assert error.value.code == code
    with translation.override("id"):
        assert words.lower() in str(error.value).lower()
    assert db_snapshot(*APPS) == before


def test_only_the_pipeline_corrects(budi, observer, otto, q3):
    from django.http import Http404

    for member in (budi, observer):
        with pytest.raises((SisterCityError, Http404)):
            services.realisation_correct(actor=member, realisation=q3, reason="x", expatriates=9)
    with pytest.raises(Http404):
        services.realisation_correct(actor=otto, realisation=q3, reason="x", expatriates=9)
    q3.refresh_from_db()
    assert q3.expatriates == 3


def _url(partnership, lead, record):
    return reverse(
        "investment:realisation_correct", args=[partnership.slug, lead.reference, record.pk]
    )


def test_the_correction_page(client_for, andi, partnership, leads, q3):
    client = client_for(andi)
    lead_page = client.get(
        reverse("investment:lead", args=[partnership.slug, leads["seiki"].reference])
    )
    assert _url(partnership, leads["seiki"], q3) in lead_page.content.decode()
    url = _url(partnership, leads["seiki"], q3).replace("/id/", "/ja/")
    form = {**_figures(q3), "note": q3.note, "reason": ""}
    before = db_snapshot(*APPS)
    refused = client.post(url, {**form, "local_total": q3.local_total + 1})
    html = refused.content.decode()
    assert refused.status_code == 200 and 'id="error-summary"' in html
    assert "errorlist" in html and "合計" in html  # beside the fields, in Japanese
    assert db_snapshot(*APPS) == before
    done = client.post(url, {**form, "expatriates": 4, "reason": "LKPM diperbaiki"})
    assert done.status_code == 302
    q3.refresh_from_db()
    assert q3.expatriates == 4 and q3.correction_reason == "LKPM diperbaiki"
    page = client.get(reverse("investment:lead", args=[partnership.slug, leads["seiki"].reference]))
    assert 'data-test="corrected"' in page.content.decode()


@pytest.mark.parametrize("persona", ["budi", "observer", "otto", "tanaka"])
def test_the_correction_page_is_closed_to_others(
    client_for, demo, otto, tanaka, partnership, leads, q3, persona
):
    # Those who do not work the pipeline do not see the dossier's pages at all (the company's
    # own contact reads it on her dossier page).
    user = {"otto": otto, "tanaka": tanaka}.get(persona) or demo.users[persona]
    assert client_for(user).get(_url(partnership, leads["seiki"], q3)).status_code == 404
