"""Offers with deadlines and capacity held under concurrent acceptance; the pre-departure
checklist; after return: report, host feedback, alumni."""

import datetime as dt
import threading

import pytest
from django.core import mail
from django.db import close_old_connections, connection
from django.urls import reverse
from django.utils import timezone

from sistercity.core.errors import SisterCityError
from sistercity.exchange import selectors, services
from sistercity.exchange.choices import OfferStatus, Status, VisaType
from sistercity.exchange.models import Application, Offer, ReadinessReminder
from sistercity.exchange.tests.conftest import make_applicant, shortlisted
from sistercity.testing import db_snapshot, pdf_upload

APPS = ("exchange", "auditlog")


def offered(call, sari, rina, dewi):
    application = shortlisted(call, sari, rina, dewi, choices=("recycling",))
    run = services.allocation_run(actor=sari, call=call)
    services.allocation_apply(actor=sari, run=run)
    application.refresh_from_db()
    assert application.status == Status.OFFERED
    return application


@pytest.mark.django_db
def test_accepting_opens_the_checklist_and_is_mailed(call, sari, rina, dewi):
    application = offered(call, sari, rina, dewi)
    assert "recycling" in mail.outbox[-1].body or "daur ulang" in mail.outbox[-1].body.lower()
    services.offer_accept(actor=dewi, application=application)
    application.refresh_from_db()
    assert application.status == Status.ACCEPTED
    assert application.readiness.return_on == call.programme_ends_on
    assert mail.outbox[-1].to == ["dewi@student.example"]


@pytest.mark.django_db
def test_an_expired_offer_cannot_be_accepted_and_lapses(call, sari, rina, dewi):
    application = offered(call, sari, rina, dewi)
    Offer.objects.filter(application=application).update(
        respond_by=timezone.now() - dt.timedelta(minutes=1)
    )
    before = db_snapshot(*APPS)
    with pytest.raises(SisterCityError) as refused:
        services.offer_accept(actor=dewi, application=application)
    assert refused.value.code == "offer_expired"
    assert db_snapshot(*APPS) == before
    assert services.offers_expire_due() == 1
    application.refresh_from_db()
    assert application.status == Status.DECLINED
    assert Offer.objects.get(application=application).status == OfferStatus.EXPIRED


@pytest.mark.django_db
def test_acceptances_never_exceed_capacity(call, sari, rina, dewi):
    """Capacity cut after the offers went out: the second acceptance is refused."""
    ayu = make_applicant("ayu@student.example", "Ayu")
    first = offered(call, sari, rina, dewi)
    second = shortlisted(call, sari, rina, ayu, choices=("recycling",))
    # An offer for the second recycling place, then the host withdraws a place.
    Offer.objects.create(
        application=second,
        placement=first.offers.get().placement,
        respond_by=timezone.now() + dt.timedelta(days=3),
    )
    Application.objects.filter(pk=second.pk).update(status=Status.OFFERED)
    recycling = call.placements.get(code="recycling")
    services.placement_set_capacity(actor=sari, placement=recycling, capacity=1)
    services.offer_accept(actor=dewi, application=first)
    before = db_snapshot(*APPS)
    with pytest.raises(SisterCityError) as refused:
        services.offer_accept(actor=ayu, application=second)
    assert refused.value.code == "full"
    assert db_snapshot(*APPS) == before
    with pytest.raises(SisterCityError) as refused:
        services.placement_set_capacity(actor=sari, placement=recycling, capacity=0)
    assert refused.value.code == "below_accepted"


@pytest.mark.django_db(transaction=True)
def test_concurrent_acceptances_never_exceed_capacity():
    """Eight applicants hold offers for a two-place placement and accept at the same moment:
    exactly two succeed (the placement row is locked with SELECT … FOR UPDATE)."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises all writers; the row-lock race needs PostgreSQL (CI)")
    from sistercity.demo.data import load_demo
    from sistercity.exchange.demo import CALL_SLUG
    from sistercity.exchange.models import Call

    demo = load_demo()
    call = Call.objects.get(slug=CALL_SLUG)
    recycling = call.placements.get(code="recycling")
    applications = []
    for index in range(8):
        user = make_applicant(f"racer{index}@student.example", f"Racer {index}")
        application = Application.objects.create(call=call, applicant=user, status=Status.OFFERED)
        Offer.objects.create(
            application=application,
            placement=recycling,
            respond_by=timezone.now() + dt.timedelta(days=1),
        )
        applications.append(application)
    assert recycling.capacity == 2 and demo.partnership

    barrier = threading.Barrier(len(applications))
    outcomes: list[str] = []

    def accept(application):
        try:
            barrier.wait()
            services.offer_accept(actor=application.applicant, application=application)
            outcomes.append("accepted")
        except SisterCityError as error:
            outcomes.append(error.code)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=accept, args=(a,)) for a in applications]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes.count("accepted") == 2
    assert outcomes.count("full") == 6
    assert Offer.objects.filter(placement=recycling, status=OfferStatus.ACCEPTED).count() == 2
    assert Application.objects.filter(call=call, status=Status.ACCEPTED).count() == 2


def _complete_checklist(application, sari, *, return_on, passport_until, visa):
    dewi = application.applicant
    services.readiness_update(
        actor=dewi,
        application=application,
        passport_expires_on=passport_until,
        visa_type=visa,
        insurance_provider="Asuransi Contoh",
        insurance_valid_until=return_on + dt.timedelta(days=30),
        emergency_contact_name="Ibu Dewi",
        emergency_contact_phone="+62 812 0000 0000",
        departure_on=return_on - dt.timedelta(days=90),
        return_on=return_on,
    )
    for kind in ("passport", "visa", "insurance"):
        services.application_upload(
            actor=dewi, application=application, file=pdf_upload(f"{kind}.pdf"), evidence=kind
        )
    services.orientation_record(
        actor=sari, application=application, attended_on=timezone.localdate()
    )


@pytest.mark.django_db
def test_readiness_checklist_to_departure(call, sari, rina, dewi):
    application = offered(call, sari, rina, dewi)
    services.offer_accept(actor=dewi, application=application)
    return_on = call.programme_ends_on
    _complete_checklist(
        application,
        sari,
        return_on=return_on,
        passport_until=selectors.add_months(return_on, 6) - dt.timedelta(days=1),
        visa=VisaType.JP_TEMPORARY_VISITOR,
    )
    application.refresh_from_db()
    assert application.status == Status.PRE_DEPARTURE
    checklist = {i.code: i for i in selectors.readiness_checklist(application)}
    assert not checklist["passport"].ok  # one day short of six months after return
    assert not checklist["visa"].ok  # a visitor visa does not fit an internship
    assert all(checklist[c].ok for c in ("insurance", "orientation", "emergency_contact"))
    before = db_snapshot(*APPS)
    with pytest.raises(SisterCityError) as refused:
        services.participant_depart(actor=sari, application=application)
    assert refused.value.code == "not_ready"
    assert db_snapshot(*APPS) == before

    services.readiness_update(
        actor=dewi,
        application=application,
        passport_expires_on=selectors.add_months(return_on, 6),
        visa_type=VisaType.JP_DESIGNATED_INTERNSHIP,
    )
    assert selectors.is_ready(application)
    services.participant_depart(actor=sari, application=application)
    application.refresh_from_db()
    assert application.status == Status.TRAVELLING


@pytest.mark.django_db
def test_reminders_name_what_is_missing_once_a_day(call, sari, rina, dewi):
    application = offered(call, sari, rina, dewi)
    services.offer_accept(actor=dewi, application=application)
    mail.outbox.clear()
    today = timezone.localdate()
    assert services.readiness_send_reminders(today=today) == 1
    assert services.readiness_send_reminders(today=today) == 0
    assert ReadinessReminder.objects.get(application=application).missing[0] == "passport"
    assert "Magang di Toyama 2026" in mail.outbox[0].subject
    assert services.readiness_send_reminders(today=today + dt.timedelta(days=1)) == 1


@pytest.mark.django_db
def test_bad_travel_dates_change_nothing(call, sari, rina, dewi):
    application = offered(call, sari, rina, dewi)
    services.offer_accept(actor=dewi, application=application)
    before = db_snapshot(*APPS)
    with pytest.raises(SisterCityError) as refused:
        services.readiness_update(
            actor=dewi,
            application=application,
            departure_on=dt.date(2026, 9, 1),
            return_on=dt.date(2026, 8, 1),
        )
    assert refused.value.code == "travel_dates"
    assert db_snapshot(*APPS) == before


@pytest.mark.django_db
def test_after_return_report_feedback_and_alumni(call, sari, rina, dewi, client):
    application = offered(call, sari, rina, dewi)
    services.offer_accept(actor=dewi, application=application)
    return_on = call.programme_ends_on
    _complete_checklist(
        application,
        sari,
        return_on=return_on,
        passport_until=selectors.add_months(return_on, 7),
        visa=VisaType.JP_DESIGNATED_INTERNSHIP,
    )
    with pytest.raises(SisterCityError) as refused:
        services.report_submit(actor=dewi, application=application, text="Terlalu awal")
    assert refused.value.code == "not_completed"
    services.participant_depart(actor=sari, application=application)
    services.host_feedback_record(actor=sari, application=application, rating=5, text="Rajin")
    services.participant_complete(actor=sari, application=application)
    services.report_submit(actor=dewi, application=application, text="Saya belajar banyak.")
    services.alumni_opt_in(actor=dewi, application=application, listed=True)
    application.refresh_from_db()
    assert application.status == Status.ALUMNI
    counts = selectors.exchange_counts(partnership=call.partnership, pillar=call.pillar)
    assert counts["completed"] == 1 and counts["alumni"] == 1 and counts["reports"] == 1
    client.force_login(sari)
    page = client.get(reverse("exchange:participants", args=[call.slug])).content.decode()
    assert 'id="alumni"' in page and "Dewi" in page
    with pytest.raises(SisterCityError):
        services.host_feedback_record(actor=sari, application=application, rating=9)
    statuses = list(application.status_changes.values_list("to_status", flat=True))
    assert statuses == [
        "submitted",
        "under_review",
        "shortlisted",
        "offered",
        "accepted",
        "pre_departure",
        "travelling",
        "completed",
        "alumni",
    ]
    assert len([m for m in mail.outbox if m.to == ["dewi@student.example"]]) >= len(statuses)
