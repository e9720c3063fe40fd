"""Posts, vehicles and their status, maintenance, spare parts and equipment."""

import datetime as dt
from decimal import Decimal

from auditlog.context import set_actor
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sistercity.core.access import Action, require
from sistercity.core.errors import SisterCityError, full_clean
from sistercity.emergency.choices import PILLAR, PostKind, VehicleOrigin, VehicleStatus
from sistercity.emergency.models import (
    EquipmentItem,
    FirePost,
    MaintenanceRecord,
    SparePart,
    Vehicle,
    VehicleStatusChange,
)


def post_add(
    *,
    actor,
    partnership,
    code: str,
    name: str,
    kind: str,
    latitude: Decimal | None,
    longitude: Decimal | None,
    kecamatan: str = "",
    desa: str = "",
) -> FirePost:
    """A fire post or a candidate site for one joins the coverage analysis (an existing post
    is always kept by the models, a candidate is theirs to choose); it needs its coordinates,
    since travel times are estimated from them."""
    require(actor, partnership, Action.CHANGE, pillar=PILLAR)
    if kind not in PostKind.values:
        raise SisterCityError(_("Unknown kind of site."), code="kind", field="kind")
    for field, value in (("latitude", latitude), ("longitude", longitude)):
        if value is None:
            raise SisterCityError(
                _("A site needs both its latitude and its longitude."),
                code="coordinates",
                field=field,
            )
    if FirePost.objects.filter(partnership=partnership, code=code).exists():
        raise SisterCityError(
            _("A post or site with the code “{code}” exists already.").format(code=code),
            code="code",
            field="code",
        )
    with transaction.atomic(), set_actor(actor):
        post = FirePost(
            partnership=partnership,
            code=code,
            name=name.strip(),
            kind=kind,
            kecamatan=kecamatan.strip(),
            desa=desa.strip(),
            latitude=latitude,
            longitude=longitude,
        )
        full_clean(post)
        post.save()
    return post


def vehicle_register(
    *,
    actor,
    partnership,
    code: str,
    kind: str,
    origin: str,
    make_model: str = "",
    registration: str = "",
    registration_expires_on: dt.date | None = None,
    pump_lpm: int | None = None,
    tank_litres: int | None = None,
    year: int | None = None,
    donor: str = "",
    post: FirePost | None = None,
) -> Vehicle:
    """A vehicle joins the fleet. A donated one waits for its grant procedure (status
    "awaiting handover") and names its donor."""
    require(actor, partnership, Action.CHANGE, pillar=PILLAR)
    donor = donor.strip()
    if origin == VehicleOrigin.DONATED and not donor:
        raise SisterCityError(
            _("Say who donated the vehicle."), code="donor_required", field="donor"
        )
    if post is not None and post.partnership_id != partnership.pk:
        raise SisterCityError(
            _("The post belongs to another partnership."), code="post", field="post"
        )
    if Vehicle.objects.filter(partnership=partnership, code=code).exists():
        raise SisterCityError(
            _("A vehicle with the code “{code}” exists already.").format(code=code),
            code="code",
            field="code",
        )
    status = (
        VehicleStatus.AWAITING_HANDOVER
        if origin == VehicleOrigin.DONATED
        else VehicleStatus.IN_SERVICE
    )
    with transaction.atomic(), set_actor(actor):
        vehicle = Vehicle(
            partnership=partnership,
            code=code,
            kind=kind,
            origin=origin,
            make_model=make_model,
            registration=registration.strip().upper(),
            registration_expires_on=registration_expires_on,
            pump_lpm=pump_lpm,
            tank_litres=tank_litres,
            year=year,
            donor=donor,
            post=post,
            status=status,
        )
        full_clean(vehicle)
        vehicle.save()
        VehicleStatusChange.objects.create(vehicle=vehicle, to_status=status, actor=actor)
    return vehicle


def vehicle_update(*, actor, vehicle: Vehicle, **fields) -> Vehicle:
    """Correct a vehicle's particulars (registration, capacities, post…); the status changes
    only through ``vehicle_set_status``."""
    require(actor, vehicle, Action.CHANGE, pillar=PILLAR)
    allowed = {
        "make_model",
        "registration",
        "registration_expires_on",
        "asset_number",
        "pump_lpm",
        "tank_litres",
        "year",
        "post",
    }
    unknown = set(fields) - allowed
    if unknown:
        raise SisterCityError(_("These fields cannot be changed here."), code="fields")
    post = fields.get("post")
    if post is not None and post.partnership_id != vehicle.partnership_id:
        raise SisterCityError(_("The post belongs to another partnership."), code="post")
    with transaction.atomic(), set_actor(actor):
        for name, value in fields.items():
            if name == "registration":
                value = (value or "").strip().upper()
            setattr(vehicle, name, value)
        full_clean(vehicle)
        vehicle.save()
    return vehicle


def registration_renew(
    *, actor, vehicle: Vehicle, expires_on: dt.date, registration: str = ""
) -> Vehicle:
    """Record a renewed vehicle registration (a new number, when it changed): the renewal
    reminders then count down to the new expiry."""
    require(actor, vehicle, Action.CHANGE, pillar=PILLAR)
    if expires_on <= timezone.localdate():
        raise SisterCityError(
            _("A renewed registration must expire after today."),
            code="expiry_past",
            field="expires_on",
        )
    current = vehicle.registration_expires_on
    if current is not None and expires_on <= current:
        raise SisterCityError(
            _("The new expiry must be later than the current one."),
            code="expiry_not_later",
            field="expires_on",
        )
    fields: dict = {"registration_expires_on": expires_on}
    if registration.strip():
        fields["registration"] = registration
    return vehicle_update(actor=actor, vehicle=vehicle, **fields)


def vehicle_set_status(*, actor, vehicle: Vehicle, status: str, note: str = "") -> Vehicle:
    """Put a vehicle in service, into maintenance or out of service; the change is kept."""
    require(actor, vehicle, Action.CHANGE, pillar=PILLAR)
    if status not in VehicleStatus.values:
        raise SisterCityError(_("Unknown vehicle status."), code="status", field="status")
    if vehicle.status == VehicleStatus.AWAITING_HANDOVER or status == (
        VehicleStatus.AWAITING_HANDOVER
    ):
        raise SisterCityError(
            _("A donated vehicle enters service when its grant procedure is complete."),
            code="awaiting_handover",
            field="status",
        )
    if status == vehicle.status:
        raise SisterCityError(
            _("The vehicle has this status already."), code="same_status", field="status"
        )
    with transaction.atomic(), set_actor(actor):
        _change_status(vehicle, status, actor=actor, note=note)
    return vehicle


def _change_status(vehicle: Vehicle, status: str, *, actor, note: str = "") -> None:
    change = VehicleStatusChange(
        vehicle=vehicle,
        from_status=vehicle.status,
        to_status=status,
        actor=actor,
        note=note,
        changed_at=timezone.now(),
    )
    full_clean(change)
    change.save()
    vehicle.status = status
    vehicle.save(update_fields=["status", "updated_at"])


def maintenance_record(
    *,
    actor,
    vehicle: Vehicle,
    performed_on: dt.date,
    work: str,
    odometer_km: int | None = None,
    cost=None,
    currency: str = "IDR",
) -> MaintenanceRecord:
    require(actor, vehicle, Action.CHANGE, pillar=PILLAR)
    if performed_on > timezone.localdate():
        raise SisterCityError(
            _("Maintenance cannot be recorded in the future."),
            code="future",
            field="performed_on",
        )
    with transaction.atomic(), set_actor(actor):
        record = MaintenanceRecord(
            vehicle=vehicle,
            performed_on=performed_on,
            work=work,
            odometer_km=odometer_km,
            cost=cost,
            currency=currency,
        )
        full_clean(record)
        record.save()
    return record


def spare_part_add(
    *, actor, vehicle: Vehicle, part: str, quantity: int, source: str = "", part_number: str = ""
) -> SparePart:
    require(actor, vehicle, Action.CHANGE, pillar=PILLAR)
    if quantity < 1:
        raise SisterCityError(
            _("The quantity must be at least 1."), code="quantity", field="quantity"
        )
    with transaction.atomic(), set_actor(actor):
        spare = SparePart(
            vehicle=vehicle, part=part, quantity=quantity, source=source, part_number=part_number
        )
        full_clean(spare)
        spare.save()
    return spare


def equipment_add(
    *,
    actor,
    post: FirePost,
    name: str,
    quantity: int = 1,
    serial: str = "",
    last_inspected_on: dt.date | None = None,
    next_inspection_on: dt.date | None = None,
) -> EquipmentItem:
    require(actor, post, Action.CHANGE, pillar=PILLAR)
    if last_inspected_on and next_inspection_on and next_inspection_on < last_inspected_on:
        raise SisterCityError(
            _("The next inspection cannot be due before the last one."),
            code="inspection_dates",
            field="next_inspection_on",
        )
    with transaction.atomic(), set_actor(actor):
        item = EquipmentItem(
            post=post,
            name=name,
            quantity=quantity,
            serial=serial,
            last_inspected_on=last_inspected_on,
            next_inspection_on=next_inspection_on,
        )
        full_clean(item)
        item.save()
    return item


def equipment_inspect(
    *, actor, item: EquipmentItem, inspected_on: dt.date, next_inspection_on: dt.date
) -> EquipmentItem:
    """Record an equipment item's inspection: it becomes the last one, and the next is due on
    ``next_inspection_on`` (its reminders go out before that date)."""
    require(actor, item, Action.CHANGE, pillar=PILLAR)
    if inspected_on > timezone.localdate():
        raise SisterCityError(
            _("An inspection cannot be recorded in the future."),
            code="future",
            field="inspected_on",
        )
    if next_inspection_on < inspected_on:
        raise SisterCityError(
            _("The next inspection cannot be due before the last one."),
            code="inspection_dates",
            field="next_inspection_on",
        )
    with transaction.atomic(), set_actor(actor):
        item.last_inspected_on = inspected_on
        item.next_inspection_on = next_inspection_on
        full_clean(item)
        item.save(update_fields=["last_inspected_on", "next_inspection_on", "updated_at"])
    return item
