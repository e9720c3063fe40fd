"""The foreign-grant procedure of a donated vehicle: start it, attach its documents, advance it.

A small step machine over the steps declared in ``emergency.grant_procedure``: a step can be
left only when every requirement it declares is met, and a refusal names what is missing — the
rule of the agreement lifecycle (``partnerships.services.track_advance``).
"""

import datetime as dt

from auditlog.context import set_actor
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sistercity.core.access import Action, forbidden, require
from sistercity.core.errors import SisterCityError, full_clean
from sistercity.core.files import inspect_upload, removing_files_on_failure
from sistercity.core.roles import Role
from sistercity.emergency import grant_procedure
from sistercity.emergency.choices import PILLAR, TransitionDirection, VehicleOrigin, VehicleStatus
from sistercity.emergency.models import GrantDocument, GrantTransition, Vehicle, VehicleGrant
from sistercity.emergency.selectors import grant_requirement_statuses
from sistercity.emergency.services.fleet import _change_status

# The receiving regency runs the procedure: its secretariat moves it (as the Indonesian side
# moves the KSDPL track); the donor's officers and the fire service attach documents.
GRANT_MOVERS = frozenset({Role.SECRETARIAT})
RECEIVING_COUNTRY = "ID"


def grant_start(*, actor, vehicle: Vehicle, donor: str = "") -> VehicleGrant:
    """Open the grant procedure of a donated vehicle at its first step (the donor's offer)."""
    require(actor, vehicle, Action.CHANGE, pillar=PILLAR)
    if vehicle.origin != VehicleOrigin.DONATED:
        raise SisterCityError(
            _("Only a donated vehicle goes through the grant procedure."), code="not_donated"
        )
    if VehicleGrant.objects.filter(vehicle=vehicle).exists():
        raise SisterCityError(
            _("This vehicle's grant procedure has started already."), code="duplicate"
        )
    first = grant_procedure.STEPS[0]
    with transaction.atomic(), set_actor(actor):
        grant = VehicleGrant(
            vehicle=vehicle, donor=(donor or vehicle.donor).strip(), current_step=first.code
        )
        full_clean(grant)
        grant.save()
        GrantTransition.objects.create(
            grant=grant, direction=TransitionDirection.START, to_step=first.code, actor=actor
        )
    return grant


def grant_attach_document(
    *,
    actor,
    grant: VehicleGrant,
    kind: str,
    file: UploadedFile,
    reference: str = "",
    dated_on: dt.date | None = None,
) -> GrantDocument:
    """Attach a document (the customs facility decision, the BAST…) to a grant procedure."""
    require(actor, grant, Action.CHANGE, pillar=PILLAR)
    if kind not in dict(grant_procedure.DOCUMENT_CHOICES):
        raise SisterCityError(_("Unknown kind of grant document."), code="kind")
    if dated_on and dated_on > timezone.localdate():
        raise SisterCityError(_("A document cannot be dated in the future."), code="future")
    inspected = inspect_upload(file)
    with removing_files_on_failure() as written, transaction.atomic(), set_actor(actor):
        document = GrantDocument(
            grant=grant,
            kind=kind,
            reference=reference.strip(),
            dated_on=dated_on,
            original_name=inspected.name,
            content_type=inspected.content_type,
            size=inspected.size,
            sha256=inspected.sha256,
            uploaded_by=actor,
        )
        document.file.save(inspected.name, file, save=False)
        written.append(document.file.name)
        full_clean(document)
        document.save()
    return document


def _require_mover(actor, grant: VehicleGrant) -> None:
    access = require(actor, grant, Action.ADVANCE)
    if not access.is_admin and not access.has_role(GRANT_MOVERS, country=RECEIVING_COUNTRY):
        raise forbidden(
            _("Only the receiving regency's secretariat can move a grant procedure."),
            code="wrong_side",
        )


def grant_advance(
    *, actor, grant: VehicleGrant, to_step: str | None = None, note: str = ""
) -> GrantTransition:
    """Leave the current step if all it asks for is there; after the last step the procedure
    is complete and the vehicle enters service.

    ``to_step`` (optional) is the step the caller expects to reach; any other than the next is
    refused, so steps are never skipped.
    """
    with transaction.atomic(), set_actor(actor):
        grant = VehicleGrant.objects.select_for_update().select_related("vehicle").get(pk=grant.pk)
        _require_mover(actor, grant)
        if grant.completed_at is not None:
            raise SisterCityError(_("This grant procedure is complete."), code="complete")
        current = grant.step
        following = grant_procedure.following(current.code)
        if to_step and (following is None or to_step != following.code):
            raise SisterCityError(
                _("Steps cannot be skipped: the next step after “{current}” is “{next}”.").format(
                    current=current.name,
                    next=following.name if following else _("completion"),
                ),
                code="step_jump",
            )
        missing = [s for s in grant_requirement_statuses(grant) if not s.met]
        if missing:
            raise SisterCityError(
                _("“{step}” cannot be completed yet. Missing: {items}.").format(
                    step=current.name, items="; ".join(str(s.requirement.label) for s in missing)
                ),
                code="requirements_missing",
            )
        transition = GrantTransition(
            grant=grant,
            direction=TransitionDirection.ADVANCE if following else TransitionDirection.COMPLETE,
            from_step=current.code,
            to_step=following.code if following else "",
            actor=actor,
            note=note,
        )
        full_clean(transition)
        transition.save()
        if following is not None:
            grant.current_step = following.code
        else:
            grant.completed_at = timezone.now()
            vehicle = grant.vehicle
            _change_status(
                vehicle,
                VehicleStatus.IN_SERVICE,
                actor=actor,
                note=str(_("Grant procedure complete.")),
            )
        grant.save()
    return transition
