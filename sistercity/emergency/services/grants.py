"""The foreign-grant procedure of a donated vehicle: start it, attach its documents, advance it.

The procedure runs on the lifecycle machinery of the agreement (``partnerships.procedure``):
its steps and the documents each declares are a track of subject ``grant_data.SUBJECT``; a
step can be left only when each is attached, a refusal names what is missing, steps are never
skipped, and only the receiving country's side (its secretariat or partner officer) moves it.
This module only keeps the vehicle's position and timeline and puts it in service at the end.
"""

import datetime as dt

from auditlog.context import set_actor
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sistercity.core.access import Action, require
from sistercity.core.errors import SisterCityError, full_clean
from sistercity.core.files import inspect_upload, removing_files_on_failure
from sistercity.emergency import grant_data
from sistercity.emergency.choices import PILLAR, TransitionDirection, VehicleOrigin, VehicleStatus
from sistercity.emergency.models import GrantDocument, GrantTransition, Vehicle, VehicleGrant
from sistercity.emergency.selectors import grant_requirement_statuses
from sistercity.emergency.services.fleet import _change_status
from sistercity.partnerships import procedure
from sistercity.partnerships.models import DocumentType, Track


def _grant_track() -> Track:
    track = Track.objects.filter(code=grant_data.TRACK_CODE, subject=grant_data.SUBJECT).first()
    if track is None or procedure.first_stage(track) is None:
        raise SisterCityError(
            _("The grant procedure has no steps; the platform admin must set them up."),
            code="no_procedure",
        )
    return track


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
    first = procedure.first_stage(_grant_track())
    with transaction.atomic(), set_actor(actor):
        grant = VehicleGrant(
            vehicle=vehicle, donor=(donor or vehicle.donor).strip(), current_stage=first
        )
        full_clean(grant)
        grant.save()
        GrantTransition.objects.create(
            grant=grant, direction=TransitionDirection.START, to_stage=first, actor=actor
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
    """Attach a document (the customs facility decision, the BAST…) to a grant procedure;
    ``kind`` is the code of one of the procedure's document types."""
    require(actor, grant, Action.CHANGE, pillar=PILLAR)
    document_type = DocumentType.objects.filter(code=kind, subject=grant_data.SUBJECT).first()
    if document_type is None:
        raise SisterCityError(_("Unknown kind of grant document."), code="kind")
    if dated_on and dated_on > timezone.localdate():
        raise SisterCityError(_("A document cannot be dated in the future."), code="future")
    inspected = inspect_upload(file)
    with removing_files_on_failure() as written, transaction.atomic(), set_actor(actor):
        document = GrantDocument(
            grant=grant,
            document_type=document_type,
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


def grant_advance(
    *, actor, grant: VehicleGrant, to_step: str | None = None, note: str = ""
) -> GrantTransition:
    """Leave the current step if all it asks for is there; after the last step the procedure
    is complete and the vehicle enters service.

    ``to_step`` (optional) is the step the caller expects to reach; any other than the next is
    refused, so steps are never skipped.
    """
    with transaction.atomic(), set_actor(actor):
        grant = (
            VehicleGrant.objects.select_for_update()
            .select_related("vehicle", "current_stage__track")
            .get(pk=grant.pk)
        )
        current = grant.current_stage
        procedure.require_mover(actor, grant, current.track)
        if grant.completed_at is not None:
            raise SisterCityError(_("This grant procedure is complete."), code="complete")
        following = procedure.stage_after(current)
        procedure.check_can_leave(
            current, following, grant_requirement_statuses(grant), to_stage=to_step
        )
        transition = GrantTransition(
            grant=grant,
            direction=TransitionDirection.ADVANCE if following else TransitionDirection.COMPLETE,
            from_stage=current,
            to_stage=following,
            actor=actor,
            note=note,
        )
        full_clean(transition)
        transition.save()
        if following is not None:
            grant.current_stage = following
        else:
            grant.completed_at = timezone.now()
            _change_status(
                grant.vehicle,
                VehicleStatus.IN_SERVICE,
                actor=actor,
                note=str(_("Grant procedure complete.")),
            )
        grant.save()
    return transition
