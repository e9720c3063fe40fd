"""Allocation runs from the database: stable, applicant-optimal, reproducible from the stored
inputs and seed, verified, exportable; the constrained second pass reports what it gave up."""

import csv
import io
import uuid

import pytest
from django.core import mail
from django.urls import reverse
from openpyxl import load_workbook

from sistercity.core.errors import SisterCityError
from sistercity.exchange import services
from sistercity.exchange.allocation import allocate, blocking_pairs, break_all_ties, lottery_ticket
from sistercity.exchange.choices import OfferStatus, RankingSource, Status
from sistercity.exchange.models import AllocationRun, Offer
from sistercity.exchange.tests.conftest import make_applicant, shortlisted
from sistercity.testing import db_snapshot

pytestmark = pytest.mark.django_db

APPS = ("exchange", "auditlog")


@pytest.fixture
def pool(call, sari, rina, dewi):
    """Five shortlisted applicants for recycling (2 places), fire (1) and pharma (1)."""
    people = {
        "dewi": (dewi, 9, ("recycling", "fire")),
        "ayu": (make_applicant("ayu@student.example", "Ayu"), 8, ("fire", "recycling")),
        "bagus": (make_applicant("bagus@student.example", "Bagus"), 8, ("fire", "pharma")),
        "citra": (make_applicant("citra@student.example", "Citra"), 6, ("recycling",)),
        "eko": (make_applicant("eko@student.example", "Eko"), 4, ("recycling", "pharma")),
    }
    return {
        name: shortlisted(call, sari, rina, user, score=score, choices=choices)
        for name, (user, score, choices) in people.items()
    }


def placed(run, application):
    return run.result[application.reference.hex]


def test_run_is_stable_applicant_optimal_and_stored_with_its_inputs(call, sari, pool):
    run = services.allocation_run(actor=sari, call=call)
    assert run.is_stable and run.blocking_pairs == []
    assert run.seed == "batang-toyama-2026"  # the call's published seed
    # Ayu and Bagus tie (8): the lottery decides who gets the one fire place.
    ayu, bagus = pool["ayu"].reference.hex, pool["bagus"].reference.hex
    fire_winner = min((ayu, bagus), key=lambda ref: lottery_ticket(ref, run.seed))
    assert run.result[fire_winner] == "fire"
    assert placed(run, pool["dewi"]) == "recycling"
    # Re-derived from what is stored, anywhere: same result, still stable.
    prefs = break_all_ties(run.inputs["placement_tiers"], run.seed)
    assert prefs == run.inputs["placement_prefs"]
    again = allocate(run.inputs["applicant_prefs"], prefs, run.inputs["capacities"])
    assert again == run.result
    assert (
        blocking_pairs(again, run.inputs["applicant_prefs"], prefs, run.inputs["capacities"]) == []
    )
    assert sum(1 for p in run.result.values() if p) == 4


def test_same_seed_same_result_other_seed_may_differ(call, sari, pool):
    first = services.allocation_run(actor=sari, call=call)
    second = services.allocation_run(actor=sari, call=call)
    assert first.result == second.result
    services.allocation_run(actor=sari, call=call, seed="another-seed")
    assert AllocationRun.objects.filter(call=call).count() == 3


def test_host_ranking_replaces_the_panel_ranking(call, sari, pool):
    fire = call.placements.get(code="fire")
    services.placement_rank(actor=sari, placement=fire, tiers=[[pool["bagus"]], [pool["ayu"]]])
    fire.refresh_from_db()
    assert fire.ranking_source == RankingSource.HOST
    run = services.allocation_run(actor=sari, call=call)
    assert placed(run, pool["bagus"]) == "fire"


def test_host_ranking_that_repeats_or_names_strangers_is_refused(
    call, sari, pool, other_partnership
):
    fire = call.placements.get(code="fire")
    before = db_snapshot(*APPS)
    with pytest.raises(SisterCityError) as refused:
        services.placement_rank(actor=sari, placement=fire, tiers=[[pool["ayu"]], [pool["ayu"]]])
    assert refused.value.code == "duplicate_preference"
    assert db_snapshot(*APPS) == before


def test_negative_capacity_is_refused(call, sari):
    recycling = call.placements.get(code="recycling")
    before = db_snapshot(*APPS)
    with pytest.raises(SisterCityError) as refused:
        services.placement_set_capacity(actor=sari, placement=recycling, capacity=-1)
    assert refused.value.code == "negative_capacity"
    with pytest.raises(SisterCityError) as refused:
        services.placement_create(
            actor=sari,
            call=call,
            host=recycling.host,
            code="extra",
            capacity=-2,
            title="Extra",
        )
    assert refused.value.code == "negative_capacity"
    assert db_snapshot(*APPS) == before


def test_capacities_cannot_exceed_the_quota(call, sari):
    recycling = call.placements.get(code="recycling")
    with pytest.raises(SisterCityError) as refused:
        services.placement_set_capacity(actor=sari, placement=recycling, capacity=10)
    assert refused.value.code == "over_quota"


def test_constrained_pass_reports_the_blocking_pairs_it_accepts(call, sari, pool):
    # Dewi, Citra and Eko all come from the same school (the fixture's default institution).
    run = services.allocation_run(actor=sari, call=call, max_per_institution=1)
    assert run.mode == "constrained" and run.solver_status == "optimal"
    placed_same_school = [
        ref
        for ref, code in run.result.items()
        if code and ref in {pool[n].reference.hex for n in pool}
    ]
    assert len(placed_same_school) <= 1 or not run.is_stable
    # The constraint binds (everyone gave the same school), so some pair must block.
    assert not run.is_stable and run.blocking_pairs
    again = blocking_pairs(
        run.result,
        run.inputs["applicant_prefs"],
        run.inputs["placement_prefs"],
        run.inputs["capacities"],
    )
    assert [list(p) for p in again] == run.blocking_pairs
    assert sum(1 for p in run.result.values() if p) == 1


def test_constrained_pass_without_binding_constraints_is_the_stable_matching(call, sari, pool):
    stable = services.allocation_run(actor=sari, call=call)
    constrained = services.allocation_run(actor=sari, call=call, max_gender_share=1)
    assert constrained.result == stable.result and constrained.is_stable


def test_nobody_to_allocate_is_a_clear_error(call, sari):
    before = db_snapshot(*APPS)
    with pytest.raises(SisterCityError) as refused:
        services.allocation_run(actor=sari, call=call)
    assert refused.value.code == "empty_pool"
    assert db_snapshot(*APPS) == before


def test_only_the_secretariat_runs_the_allocation(call, rina, budi, pool):
    from django.http import Http404

    for user in (rina, budi):
        with pytest.raises((Http404, SisterCityError)):
            services.allocation_run(actor=user, call=call)
    assert not AllocationRun.objects.exists()


def test_sending_offers_mails_everyone_and_waitlists_the_rest(call, sari, pool):
    run = services.allocation_run(actor=sari, call=call)
    mail.outbox.clear()
    offers = services.allocation_apply(actor=sari, run=run)
    assert len(offers) == 4
    statuses = {name: a.__class__.objects.get(pk=a.pk).status for name, a in pool.items()}
    assert sorted(statuses.values()).count(Status.OFFERED) == 4
    assert list(statuses.values()).count(Status.WAITLISTED) == 1
    assert len(mail.outbox) == 5
    with pytest.raises(SisterCityError) as refused:
        services.allocation_apply(actor=sari, run=run)
    assert refused.value.code == "already_applied"


def test_run_page_and_exports(call, sari, pool, client):
    run = services.allocation_run(actor=sari, call=call)
    client.force_login(sari)
    page = client.get(reverse("exchange:run", args=[run.pk])).content.decode()
    assert 'data-stable="yes"' in page and "batang-toyama-2026" in page
    response = client.get(reverse("exchange:run_export", args=[run.pk, "xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    names = {row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert {"Dewi", "Ayu", "Bagus"} <= names
    response = client.get(reverse("exchange:export_applications", args=[call.slug, "csv"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][2] == "Dewi" and len(rows) == 6
    api = client.get(reverse("api:exchange-run-detail", args=[run.pk])).json()
    assert api["seed"] == run.seed and api["is_stable"] is True


def test_exports_are_not_for_reviewers_or_outsiders(call, sari, rina, otto, pool, client):
    run = services.allocation_run(actor=sari, call=call)
    for user in (rina, otto):
        client.force_login(user)
        assert client.get(reverse("exchange:run_export", args=[run.pk, "csv"])).status_code == 404
        url = reverse("exchange:export_applications", args=[call.slug, "xlsx"])
        assert client.get(url).status_code == 404
        assert client.get(reverse("api:exchange-run-detail", args=[run.pk])).status_code == 404


def test_a_declined_place_goes_to_the_waitlist_in_ranking_order(call, sari, pool):
    run = services.allocation_run(actor=sari, call=call)
    services.allocation_apply(actor=sari, run=run)
    # Two more applicants wanting recycling join the waiting list by hand.
    for name, score in (("fajar", 5), ("gita", 7)):
        user = make_applicant(f"{name}@student.example", name.title())
        late = shortlisted(call, sari, call.panel.get().user, user, score=score)
        services.application_decide(actor=sari, application=late, status=Status.WAITLISTED)
    waiting = {
        a.applicant.full_name
        for a in call.applications.filter(
            status=Status.WAITLISTED, preferences__placement__code="recycling"
        )
    }
    assert {"Fajar", "Gita"} <= waiting
    dewi = pool["dewi"]
    assert placed(run, dewi) == "recycling"
    services.offer_decline(actor=dewi.applicant, application=dewi)
    # The run's recycling ranking had none of the latecomers, so the place goes to the best of
    # the run's own waitlisted applicants who listed recycling.
    ranking = run.inputs["placement_prefs"]["recycling"]
    waiting_in_run = [
        ref
        for ref in ranking
        if call.applications.get(reference=uuid.UUID(hex=ref)).status in (Status.OFFERED,)
        and not Offer.objects.filter(
            application__reference=uuid.UUID(hex=ref), run=run, from_waitlist=False
        ).exists()
    ]
    offer = Offer.objects.get(from_waitlist=True, status=OfferStatus.OPEN)
    assert offer.placement.code == "recycling"
    assert waiting_in_run == [offer.application.reference.hex]
    # Nobody better placed in the ranking was skipped.
    skipped = ranking[: ranking.index(offer.application.reference.hex)]
    for ref in skipped:
        assert call.applications.get(reference=uuid.UUID(hex=ref)).status != Status.WAITLISTED

    # Declined again and again: the run's waitlist is used up first, then the latecomers in
    # panel order (Gita 7 before Fajar 5).
    latecomers = []
    while True:
        offer = Offer.objects.filter(from_waitlist=True, status=OfferStatus.OPEN).first()
        if offer is None:
            break
        if offer.application.applicant.full_name in ("Gita", "Fajar"):
            latecomers.append(offer.application.applicant.full_name)
        services.offer_decline(actor=offer.application.applicant, application=offer.application)
    assert latecomers == ["Gita", "Fajar"]


def test_sending_offers_says_how_many_in_words_that_agree(call, sari, pool, client):
    """The count of offers reads through ngettext (one offer / four offers)."""
    run = services.allocation_run(actor=sari, call=call)
    client.force_login(sari)
    url = reverse("exchange:run_apply", args=[run.pk]).replace("/id/", "/en/")
    response = client.post(url, follow=True)
    shown = [str(m) for m in response.context["messages"]]
    assert shown == ["4 offers were sent; the other applicants are on the waiting list."]
