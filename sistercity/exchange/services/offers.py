"""Offers: accepting (never beyond a placement's places), declining, lapsing, and a freed place
going down the waiting list."""

import datetime as dt

from auditlog.context import set_actor
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sistercity.accounts.models import User
from sistercity.core.errors import SisterCityError
from sistercity.exchange import selectors
from sistercity.exchange.choices import OfferStatus, Status
from sistercity.exchange.models import Application, Offer, Placement, Readiness
from sistercity.exchange.services._common import lock, require_own, transition

NO_OFFER = _("There is no open offer to answer.")


def _waitlist_order(
    placement: Placement, run_ranking: list[str], candidates: dict[str, Application]
) -> list[str]:
    """The run's ranking first (lottery included); anyone waitlisted after the run follows in
    the panel's current order."""
    order = [ref for ref in run_ranking if ref in candidates]
    later = {a.pk for a in candidates.values() if a.reference.hex not in set(run_ranking)}
    if later:
        order += [
            row.application.reference.hex
            for row in selectors.panel_ranking(placement.call, statuses=[Status.WAITLISTED])
            if row.application.pk in later
        ]
    return order


def offer_next(placement: Placement, *, actor: User | None) -> Offer | None:
    """Give a freed place to the next waitlisted applicant in the placement's ranking order
    (the ranking the applied run used, lottery included) who listed the placement."""
    placement = Placement.objects.select_for_update().select_related("call").get(pk=placement.pk)
    call = placement.call
    taken = placement.offers.filter(status__in=[OfferStatus.OPEN, OfferStatus.ACCEPTED]).count()
    if taken >= placement.capacity:
        return None
    run = call.runs.filter(applied_at__isnull=False).first()
    if run is None:
        return None
    ranking = run.inputs.get("placement_prefs", {}).get(placement.code, [])
    candidates = {
        a.reference.hex: a
        for a in Application.objects.select_for_update()
        .filter(call=call, status=Status.WAITLISTED, preferences__placement=placement)
        .select_related("applicant", "call")
    }
    for ref in _waitlist_order(placement, ranking, candidates):
        application = candidates[ref]
        offer = Offer.objects.create(
            application=application,
            placement=placement,
            run=run,
            from_waitlist=True,
            respond_by=timezone.now() + dt.timedelta(days=call.offer_response_days),
        )
        transition(application, Status.OFFERED, actor=actor)
        return offer
    return None


def _offer_for(actor: User, application: Application) -> Offer:
    require_own(actor, application)
    offer = application.offers.filter(status=OfferStatus.OPEN).first()
    if offer is None:
        raise SisterCityError(NO_OFFER, code="no_offer")
    return offer


def offer_accept(*, actor: User, application: Application) -> Offer:
    """Accept the open offer. The placement row is locked, so that however many applicants
    accept at the same moment, acceptances never exceed its places."""
    offer = _offer_for(actor, application)
    with transaction.atomic(), set_actor(actor):
        placement = Placement.objects.select_for_update().get(pk=offer.placement_id)
        offer = Offer.objects.select_for_update().get(pk=offer.pk)
        application = lock(application)
        if offer.status != OfferStatus.OPEN:
            raise SisterCityError(NO_OFFER, code="no_offer")
        if timezone.now() > offer.respond_by:
            raise SisterCityError(
                _("The time to answer this offer has passed."), code="offer_expired"
            )
        if selectors.accepted_count(placement) >= placement.capacity:
            raise SisterCityError(
                _("Sorry: every place of “{placement}” has been taken.").format(
                    placement=placement
                ),
                code="full",
            )
        offer.status = OfferStatus.ACCEPTED
        offer.responded_at = timezone.now()
        offer.save(update_fields=["status", "responded_at", "updated_at"])
        Readiness.objects.get_or_create(
            application=application,
            defaults={
                "departure_on": placement.starts_on or application.call.programme_starts_on,
                "return_on": placement.ends_on or application.call.programme_ends_on,
            },
        )
        transition(application, Status.ACCEPTED, actor=actor)
    return offer


def offer_decline(*, actor: User, application: Application, note: str = "") -> Offer:
    """Decline the offer; the place goes to the waiting list in ranking order."""
    offer = _offer_for(actor, application)
    with transaction.atomic(), set_actor(actor):
        offer = Offer.objects.select_for_update().get(pk=offer.pk)
        application = lock(application)
        if offer.status != OfferStatus.OPEN:
            raise SisterCityError(NO_OFFER, code="no_offer")
        offer.status = OfferStatus.DECLINED
        offer.responded_at = timezone.now()
        offer.save(update_fields=["status", "responded_at", "updated_at"])
        transition(application, Status.DECLINED, actor=actor, note=note)
        offer_next(offer.placement, actor=actor)
    return offer


def offers_expire_due() -> int:
    """Offers not answered in time lapse; their places go to the waiting list."""
    expired = 0
    for offer in Offer.objects.filter(status=OfferStatus.OPEN, respond_by__lt=timezone.now()):
        with transaction.atomic():
            offer = Offer.objects.select_for_update().get(pk=offer.pk)
            if offer.status != OfferStatus.OPEN:
                continue
            offer.status = OfferStatus.EXPIRED
            offer.save(update_fields=["status", "updated_at"])
            application = lock(offer.application)
            transition(
                application,
                Status.DECLINED,
                actor=None,
                note=str(_("The offer was not answered in time.")),
            )
            offer_next(offer.placement, actor=None)
            expired += 1
    return expired
