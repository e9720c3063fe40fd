"""Review: a panel per call, assigned reviewers, a weighted rubric, conflicts of interest that
block, blind review that hides identity, and the ranking the scores make."""

from decimal import Decimal

import pytest
from django.http import Http404
from django.urls import reverse

from sistercity.core.errors import SisterCityError
from sistercity.exchange import selectors, services
from sistercity.exchange.choices import Status
from sistercity.exchange.models import Application
from sistercity.exchange.tests.conftest import make_applicant, submitted
from sistercity.testing import db_snapshot

pytestmark = pytest.mark.django_db

APPS = ("exchange", "auditlog")


def scores(call, **values):
    return {c.code: values.get(c.code, 5) for c in call.criteria.all()}


def test_weighted_scores_rank_the_applications(call, dewi, rina):
    ayu = submitted(call, make_applicant("ayu@student.example", "Ayu"))
    mine = submitted(call, dewi)
    # motivation weighs 2, skills 1, language 1; all out of 10.
    services.review_submit(
        actor=rina, application=mine, scores=scores(call, motivation=10, skills=6, language=4)
    )
    services.review_submit(actor=rina, application=ayu, scores=scores(call, motivation=5))
    ranking = selectors.panel_ranking(call)
    assert [r.application for r in ranking] == [mine, ayu]
    # (2·10/10 + 6/10 + 4/10) / 4 × 100 = 75
    assert ranking[0].score == Decimal("75.00") and ranking[1].score == Decimal("50.00")
    mine.refresh_from_db()
    assert mine.status == Status.UNDER_REVIEW


def test_equal_scores_share_a_position(call, dewi, rina):
    ayu = submitted(call, make_applicant("ayu@student.example"))
    mine = submitted(call, dewi)
    for application in (ayu, mine):
        services.review_submit(actor=rina, application=application, scores=scores(call))
    assert [r.position for r in selectors.panel_ranking(call)] == [1, 1]


def test_a_reviewer_scoring_an_unassigned_application_gets_404(call, dewi, rina, sari):
    application = submitted(call, dewi)
    application.assignments.all().delete()
    before = db_snapshot(*APPS)
    with pytest.raises(Http404):
        services.review_submit(actor=rina, application=application, scores=scores(call))
    assert db_snapshot(*APPS) == before


def test_a_conflict_of_interest_blocks_the_reviewer(call, dewi, rina, client):
    application = submitted(call, dewi)
    services.review_declare_conflict(actor=rina, application=application, note="Sepupu saya")
    before = db_snapshot(*APPS)
    with pytest.raises(SisterCityError) as refused:
        services.review_submit(actor=rina, application=application, scores=scores(call))
    assert refused.value.code == "conflict"
    assert db_snapshot(*APPS) == before
    # She no longer sees it at all.
    assert application not in Application.objects.for_user(rina)
    client.force_login(rina)
    url = reverse("exchange:review", args=[application.reference])
    assert client.get(url).status_code == 404


def test_scores_outside_the_rubric_are_refused(call, dewi, rina):
    application = submitted(call, dewi)
    before = db_snapshot(*APPS)
    for bad, code in [
        (scores(call, motivation=11), "score_range"),
        ({"motivation": 5}, "missing_score"),
        ({**scores(call), "charm": 3}, "unknown_criterion"),
    ]:
        with pytest.raises(SisterCityError) as refused:
            services.review_submit(actor=rina, application=application, scores=bad)
        assert refused.value.code == code
    assert db_snapshot(*APPS) == before


def test_reviewers_see_only_what_they_are_assigned(call, dewi, rina, client):
    assigned = submitted(call, dewi)
    other = submitted(call, make_applicant("ayu@student.example"))
    other.assignments.all().delete()
    assert list(Application.objects.for_user(rina)) == [assigned]
    client.force_login(rina)
    assert client.get(reverse("exchange:review", args=[other.reference])).status_code == 404
    assert client.get(reverse("exchange:review", args=[assigned.reference])).status_code == 200
    # The secretariat's workspace is not hers.
    assert client.get(reverse("exchange:manage_call", args=[call.slug])).status_code == 404


def test_blind_review_hides_identity_fields(call, dewi, rina, client):
    call.blind_review = True
    call.save()
    application = submitted(call, dewi)
    client.force_login(rina)
    page = client.get(reverse("exchange:review", args=[application.reference])).content.decode()
    assert "dewi@student.example" not in page and ">Dewi<" not in page
    assert "2003" not in page  # date of birth
    assert "Daur ulang" in page  # the answers are what she scores
    api = client.get(reverse("api:exchange-application-detail", args=[application.reference]))
    assert api.json()["applicant_name"] is None and api.json()["date_of_birth"] is None
    call.blind_review = False
    call.save()
    page = client.get(reverse("exchange:review", args=[application.reference])).content.decode()
    assert "Dewi" in page


def test_reviewers_are_assigned_only_from_the_panel(call, dewi, sari, budi):
    application = submitted(call, dewi)
    before = db_snapshot(*APPS)
    with pytest.raises(SisterCityError) as refused:
        services.review_assign(actor=sari, application=application, reviewer=budi)
    assert refused.value.code == "not_on_panel"
    assert db_snapshot(*APPS) == before


def test_decisions_are_mailed_and_follow_the_status_order(call, dewi, sari):
    from django.core import mail

    application = submitted(call, dewi)
    services.application_decide(actor=sari, application=application, status=Status.SHORTLISTED)
    assert mail.outbox[-1].to == ["dewi@student.example"]
    before = db_snapshot(*APPS)
    with pytest.raises(SisterCityError) as refused:
        services.application_decide(actor=sari, application=application, status=Status.UNDER_REVIEW)
    assert refused.value.code == "transition"
    assert db_snapshot(*APPS) == before


def test_only_the_secretariat_decides(call, dewi, rina, budi):
    application = submitted(call, dewi)
    with pytest.raises(Http404):
        services.application_decide(actor=budi, application=application, status=Status.REJECTED)
    with pytest.raises((Http404, SisterCityError)):
        services.application_decide(actor=rina, application=application, status=Status.REJECTED)
