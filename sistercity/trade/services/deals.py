"""Japanese buyers, their inquiries, the leads that follow and the orders that count.

A buyer's people post inquiries and open leads on the products they see; the enterprise's
owner answers; both write messages. The pillar's staff register buyers, follow every lead and
may record its stages too. Orders are facts: the first makes the lead a first order, the next
ones repeat orders — the msme indicators count them, not fair attendance.
"""

import datetime as dt
from decimal import Decimal
from typing import Any

from auditlog.context import set_actor
from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from sistercity.core.access import Action, access_for, forbidden, is_visible
from sistercity.core.errors import full_clean
from sistercity.trade import export_rules as engine
from sistercity.trade.choices import NEXT_STAGES, MessageLanguage, OrderKind, PermitKind, Stage
from sistercity.trade.models import (
    PILLAR,
    Buyer,
    Inquiry,
    Lead,
    Message,
    Order,
    Product,
    TradeEvent,
)
from sistercity.trade.selectors import jpy_in_idr
from sistercity.trade.services._common import field_label, hs_message, refuse, require_staff


def _is_staff(actor: Any, obj: Any) -> bool:
    partnership = obj.partnership_pk if hasattr(obj, "partnership_pk") else obj.pk
    return access_for(actor, partnership).can(Action.CHANGE, pillar=PILLAR)


def buyer_create(
    *,
    actor: Any,
    partnership: Any,
    name_ja: str,
    name_romaji: str,
    prefecture: str,
    sector: str,
    members: list[Any] | tuple[Any, ...] = (),
    member_email: str = "",
    is_sample: bool = False,
) -> Buyer:
    """The pillar's staff register a Japanese buyer and the people who speak for it (given as
    accounts, or one account by its e-mail)."""
    require_staff(actor, partnership)
    members = list(members)
    if member_email.strip():
        person = get_user_model().objects.filter(email__iexact=member_email.strip()).first()
        if person is None:
            raise refuse(
                str(_("e-mail of the buyer's contact")),
                _("no account has this e-mail; invite the person first."),
                name="member_email",
            )
        members.append(person)
    required = {
        "name_ja": name_ja,
        "name_romaji": name_romaji,
        "prefecture": prefecture,
        "sector": sector,
    }
    for name, value in required.items():
        if not value.strip():
            raise refuse(field_label(Buyer, name), _("This field is required."), name=name)
    with transaction.atomic(), set_actor(actor):
        buyer = Buyer(
            partnership=partnership,
            name_ja=name_ja,
            name_romaji=name_romaji,
            prefecture=prefecture,
            sector=sector,
            is_sample=is_sample,
        )
        full_clean(buyer)
        buyer.save()
        buyer.members.set(members)
    return buyer


def _codes(text_or_list: Any) -> list[str]:
    if isinstance(text_or_list, str):
        text_or_list = text_or_list.replace(";", ",").split(",")
    return [str(code).strip() for code in text_or_list or [] if str(code).strip()]


def buyer_update(
    *,
    actor: Any,
    buyer: Buyer,
    name_ja: str,
    name_romaji: str,
    prefecture: str,
    sector: str,
    wanted_hs_codes: Any = (),
    wanted_volume_kg: Decimal | None = None,
    wanted_certifications: list[str] | tuple[str, ...] = (),
    target_price_jpy: Decimal | None = None,
) -> Buyer:
    """The buyer's people (or the pillar's staff) keep its profile and what it wants all year
    round: HS codes (HS 2022, 6 digits), monthly volume, certifications, target price."""
    _require_buyer_side(actor, buyer)
    required = {
        "name_ja": name_ja,
        "name_romaji": name_romaji,
        "prefecture": prefecture,
        "sector": sector,
    }
    for name, value in required.items():
        if not str(value or "").strip():
            raise refuse(field_label(Buyer, name), _("This field is required."), name=name)
    codes = []
    for code in _codes(wanted_hs_codes):
        code = engine.normalise_hs(code)
        message = hs_message(code)
        if message is not None:
            raise refuse(field_label(Buyer, "wanted_hs_codes"), message, name="wanted_hs_codes")
        codes.append(code)
    unknown = set(wanted_certifications or []) - set(PermitKind.values)
    if unknown:
        raise refuse(
            field_label(Buyer, "wanted_certifications"),
            _("unknown: {names}").format(names=", ".join(sorted(unknown))),
            name="wanted_certifications",
        )
    for name, amount in (
        ("wanted_volume_kg", wanted_volume_kg),
        ("target_price_jpy", target_price_jpy),
    ):
        if amount is not None and amount < 0:
            raise refuse(field_label(Buyer, name), _("cannot be negative."), name=name)
    with transaction.atomic(), set_actor(actor):
        buyer.name_ja = name_ja.strip()
        buyer.name_romaji = name_romaji.strip()
        buyer.prefecture = prefecture.strip()
        buyer.sector = sector.strip()
        buyer.wanted_hs_codes = sorted(set(codes))
        buyer.wanted_volume_kg = wanted_volume_kg
        buyer.wanted_certifications = sorted(set(wanted_certifications or []))
        buyer.target_price_jpy = target_price_jpy
        full_clean(buyer)
        buyer.save()
    return buyer


def _require_buyer_side(actor: Any, buyer: Buyer) -> None:
    if not is_visible(actor, buyer):
        raise Http404
    if not (buyer.members.filter(pk=actor.pk).exists() or _is_staff(actor, buyer)):
        raise forbidden(_("Only the buyer's people can do this."))


def inquiry_create(
    *,
    actor: Any,
    buyer: Buyer,
    title: str,
    hs_code: str,
    volume_kg: Decimal,
    deadline: dt.date,
    target_price_jpy: Decimal | None = None,
    certifications: list[str] | None = None,
    note: str = "",
) -> Inquiry:
    """A request for quotation of a buyer, answered by ``deadline``."""
    _require_buyer_side(actor, buyer)
    hs_code = engine.normalise_hs(hs_code)
    message = hs_message(hs_code)
    if message is not None:
        raise refuse(field_label(Inquiry, "hs_code"), message, name="hs_code")
    if deadline < timezone.localdate():
        raise refuse(field_label(Inquiry, "deadline"), _("is in the past."), name="deadline")
    unknown = set(certifications or []) - set(PermitKind.values)
    if unknown:
        raise refuse(
            field_label(Inquiry, "certifications"),
            _("unknown: {names}").format(names=", ".join(sorted(unknown))),
            name="certifications",
        )
    with transaction.atomic(), set_actor(actor):
        inquiry = Inquiry(
            buyer=buyer,
            title=title,
            hs_code=hs_code,
            volume_kg=volume_kg,
            deadline=deadline,
            target_price_jpy=target_price_jpy,
            certifications=sorted(certifications or []),
            note=note,
        )
        full_clean(inquiry)
        inquiry.save()
    return inquiry


def event_record(
    *,
    actor: Any,
    partnership: Any,
    name: str,
    held_on: dt.date,
    place: str = "",
    is_sample: bool = False,
) -> TradeEvent:
    """A trade fair or promotion event (the MSME office)."""
    require_staff(actor, partnership)
    if not name.strip():
        raise refuse(field_label(TradeEvent, "name"), _("This field is required."), name="name")
    if held_on > timezone.localdate() + dt.timedelta(days=3 * 366):
        raise refuse(
            field_label(TradeEvent, "held_on"), _("is more than three years ahead."), name="held_on"
        )
    name, place = name.strip(), place.strip()
    with transaction.atomic(), set_actor(actor):
        event = TradeEvent(
            partnership=partnership, name=name, held_on=held_on, place=place, is_sample=is_sample
        )
        full_clean(event)
        event.save()
    return event


def lead_open(
    *,
    actor: Any,
    inquiry: Inquiry,
    product: Product,
    note: str = "",
    event: TradeEvent | None = None,
) -> Lead:
    """The buyer picks a product for its inquiry (asks for a sample and a quote); ``event``
    is the fair where they met, if any."""
    _require_buyer_side(actor, inquiry.buyer)
    if event is not None and event.partnership_id != inquiry.buyer.partnership_id:
        raise refuse(field_label(Lead, "event"), _("an event of another partnership."))
    if (
        not is_visible(actor, product)
        or product.enterprise.partnership_id != inquiry.buyer.partnership_id
    ):
        raise Http404
    if Lead.objects.filter(inquiry=inquiry, product=product).exists():
        raise refuse(field_label(Lead, "product"), _("this product is already on the inquiry."))
    with transaction.atomic(), set_actor(actor):
        lead = Lead.objects.create(
            inquiry=inquiry,
            product=product,
            stage=Stage.INQUIRY,
            stage_changed_on=timezone.localdate(),
            event=event,
        )
        if note.strip():
            _message(lead, actor, note, None)
    return lead


def _require_party(actor: Any, lead: Lead) -> None:
    """The buyer's people, the enterprise's owner or the pillar's staff."""
    if not is_visible(actor, lead):
        raise Http404


def lead_set_event(*, actor: Any, lead: Lead, event: TradeEvent | None) -> Lead:
    """Name the trade fair or promotion event the lead came from (or none), so the event is
    judged by the orders it led to."""
    _require_party(actor, lead)
    if event is not None and event.partnership_id != lead.inquiry.buyer.partnership_id:
        raise refuse(
            field_label(Lead, "event"), _("an event of another partnership."), name="event"
        )
    with transaction.atomic(), set_actor(actor):
        lead.event = event
        lead.save(update_fields=["event", "updated_at"])
    return lead


def lead_advance(*, actor: Any, lead: Lead, stage: str, lost_reason: str = "") -> Lead:
    """Move a lead along the funnel (orders move it themselves: ``order_record``)."""
    _require_party(actor, lead)
    if stage in (Stage.FIRST_ORDER, Stage.REPEAT_ORDER):
        raise refuse(field_label(Lead, "stage"), _("record the order itself instead."))
    if stage not in NEXT_STAGES.get(lead.stage, ()):
        raise refuse(
            field_label(Lead, "stage"),
            _("a lead cannot go from “{current}” to “{stage}”.").format(
                current=Stage(lead.stage).label,
                stage=Stage(stage).label if stage in Stage.values else stage,
            ),
        )
    if stage == Stage.LOST and not lost_reason.strip():
        raise refuse(field_label(Lead, "lost_reason"), _("This field is required."))
    with transaction.atomic(), set_actor(actor):
        lead.stage = stage
        lead.lost_reason = lost_reason.strip()
        lead.stage_changed_on = timezone.localdate()
        full_clean(lead)
        lead.save()
    return lead


def order_record(
    *,
    actor: Any,
    lead: Lead,
    ordered_on: dt.date,
    quantity_kg: Decimal,
    value_jpy: Decimal,
    value_idr: Decimal | None = None,
) -> Order:
    """A real order: the first makes the lead a first order, later ones repeat orders."""
    _require_party(actor, lead)
    if lead.stage == Stage.LOST or lead.stage == Stage.INQUIRY:
        raise refuse(
            field_label(Lead, "stage"),
            _("an order needs a sample or a negotiation first (the lead is “{stage}”).").format(
                stage=Stage(lead.stage).label
            ),
        )
    if ordered_on > timezone.localdate():
        raise refuse(field_label(Order, "ordered_on"), _("is in the future."), name="ordered_on")
    if value_jpy <= 0:
        raise refuse(
            field_label(Order, "value_jpy"), _("must be more than zero."), name="value_jpy"
        )
    if value_idr is not None and value_idr <= 0:
        raise refuse(
            field_label(Order, "value_idr"), _("must be more than zero."), name="value_idr"
        )
    if value_idr is None:
        # Without the amount invoiced in rupiah, the dated rate of the order's day converts it.
        converted = jpy_in_idr(value_jpy, on=ordered_on)
        value_idr = converted.idr if converted is not None else None
    first = not lead.orders.exists()
    with transaction.atomic(), set_actor(actor):
        order = Order(
            lead=lead,
            kind=OrderKind.FIRST if first else OrderKind.REPEAT,
            ordered_on=ordered_on,
            quantity_kg=quantity_kg,
            value_jpy=value_jpy,
            value_idr=value_idr,
        )
        full_clean(order)
        order.save()
        lead.stage = Stage.FIRST_ORDER if first else Stage.REPEAT_ORDER
        lead.stage_changed_on = ordered_on
        lead.save(update_fields=["stage", "stage_changed_on", "updated_at"])
    return order


def _message(lead: Lead, actor: Any, body: str, language: str | None) -> Message:
    language = language or (translation.get_language() or "id")[:2]
    if language not in MessageLanguage.values:
        language = MessageLanguage.INDONESIAN
    message = Message(lead=lead, author=actor, language=language, body=body.strip())
    full_clean(message)
    message.save()
    return message


def message_send(*, actor: Any, lead: Lead, body: str, language: str | None = None) -> Message:
    """A message on a lead, labelled with the language it is written in."""
    _require_party(actor, lead)
    if not body.strip():
        raise refuse(field_label(Message, "body"), _("This field is required."))
    with transaction.atomic(), set_actor(actor):
        return _message(lead, actor, body, language)


def catalogue_contact(
    *,
    actor: Any,
    buyer: Buyer,
    product: Product,
    volume_kg: Decimal,
    message: str,
    deadline: dt.date | None = None,
) -> Lead:
    """The catalogue's contact form: an inquiry for the product's HS code with the buyer's
    volume, and the product on it as a lead carrying the message."""
    if not message.strip():
        raise refuse(field_label(Message, "body"), _("This field is required."))
    with transaction.atomic():
        inquiry = inquiry_create(
            actor=actor,
            buyer=buyer,
            title=str(product)[:200],
            hs_code=product.hs_code,
            volume_kg=volume_kg,
            deadline=deadline or timezone.localdate() + dt.timedelta(days=30),
        )
        return lead_open(actor=actor, inquiry=inquiry, product=product, note=message)
