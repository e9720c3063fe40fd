"""Writes and state transitions for partnerships, the lifecycle, documents and deadlines.

Each service checks permission, works in one transaction, and records who did it (auditlog's
actor context, so API calls authenticated by token are attributed too).
"""

import datetime as dt

from auditlog.context import set_actor
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sistercity.accounts.choices import MUNICIPAL_KINDS, Role
from sistercity.accounts.models import Membership, Organisation
from sistercity.core.access import Action, forbidden, require
from sistercity.core.errors import SisterCityError, full_clean
from sistercity.core.files import inspect_upload, removing_files_on_failure
from sistercity.core.mail import send_templated_mail
from sistercity.partnerships import procedure
from sistercity.partnerships.choices import (
    AGREEMENT,
    DeadlineKind,
    RequirementKind,
    TransitionDirection,
)
from sistercity.partnerships.models import (
    Approval,
    Deadline,
    Document,
    DocumentType,
    DocumentVersion,
    Partnership,
    PartnershipTrack,
    Pillar,
    ReminderSent,
    StageRequirement,
    StageTransition,
    Track,
)
from sistercity.partnerships.selectors import requirement_statuses


def partnership_create(
    *,
    actor,
    slug: str,
    kind: str,
    municipalities: list[Organisation],
    pillars: list[Pillar],
    name: str,
    summary: str = "",
    language: str,
    started_on: dt.date | None = None,
    is_public: bool = True,
) -> Partnership:
    """A new partnership of two or more municipalities, started on every track."""
    municipalities = list(municipalities)
    if len({m.pk for m in municipalities}) < 2:
        raise SisterCityError(
            _("A partnership needs at least two municipalities."), code="municipalities"
        )
    if any(m.kind not in MUNICIPAL_KINDS for m in municipalities):
        raise SisterCityError(
            _("Only municipalities (regencies, cities, provinces, prefectures) can be partners."),
            code="municipalities",
        )
    own = set(
        Membership.objects.filter(
            user=actor, role=Role.SECRETARIAT, organisation__in=municipalities
        ).values_list("organisation_id", flat=True)
    )
    if not actor.is_superuser and not own:
        raise SisterCityError(
            _("Only the secretariat of one of the municipalities can start a partnership."),
            code="forbidden",
            status=403,
        )
    with transaction.atomic(), set_actor(actor):
        partnership = Partnership(slug=slug, kind=kind, started_on=started_on, is_public=is_public)
        partnership.set_current_language(language)
        partnership.name = name
        partnership.summary = summary
        full_clean(partnership)
        partnership.save()
        partnership.municipalities.set(municipalities)
        partnership.pillars.set(pillars)
        countries = {m.country for m in municipalities}
        tracks = Track.objects.filter(subject=AGREEMENT, country__in=countries)
        for track in tracks.prefetch_related("stages"):
            first = track.stages.order_by("position").first()
            if first is None:
                continue
            partnership_track = PartnershipTrack.objects.create(
                partnership=partnership, track=track, current_stage=first
            )
            StageTransition.objects.create(
                partnership_track=partnership_track,
                direction=TransitionDirection.START,
                to_stage=first,
                actor=actor,
            )
    return partnership


def _get_track(partnership: Partnership, track_code: str) -> PartnershipTrack:
    try:
        return (
            PartnershipTrack.objects.select_for_update()
            .select_related("track", "current_stage", "partnership")
            .get(partnership=partnership, track__code=track_code)
        )
    except PartnershipTrack.DoesNotExist:
        raise SisterCityError(
            _("This partnership has no track “{track}”.").format(track=track_code),
            code="unknown_track",
        ) from None


def _require_track_actor(actor, partnership_track: PartnershipTrack) -> None:
    procedure.require_mover(actor, partnership_track.partnership, partnership_track.track)


def track_advance(
    *,
    actor,
    partnership: Partnership,
    track: str,
    to_stage: str | None = None,
    note: str = "",
) -> StageTransition:
    """Move a track to its next stage if every requirement of the current stage is met.

    ``to_stage`` (optional) states which stage the caller expects to reach; naming any other
    than the next one is refused, so stages are never skipped.
    """
    with transaction.atomic(), set_actor(actor):
        partnership_track = _get_track(partnership, track)
        _require_track_actor(actor, partnership_track)
        current = partnership_track.current_stage
        following = procedure.stage_after(current)
        if following is None:
            raise SisterCityError(
                _("“{stage}” is the last stage of this track.").format(stage=current),
                code="last_stage",
            )
        procedure.check_can_leave(
            current, following, requirement_statuses(partnership_track), to_stage=to_stage
        )
        transition = StageTransition(
            partnership_track=partnership_track,
            direction=TransitionDirection.ADVANCE,
            from_stage=current,
            to_stage=following,
            actor=actor,
            note=note,
        )
        full_clean(transition)
        transition.save()
        partnership_track.current_stage = following
        partnership_track.save(update_fields=["current_stage", "updated_at"])
    return transition


def track_send_back(
    *, actor, partnership: Partnership, track: str, to_stage: str, reason: str
) -> StageTransition:
    """Return a track to an earlier stage; the reason is required and kept."""
    reason = (reason or "").strip()
    if not reason:
        raise SisterCityError(_("Say why the stage is sent back."), code="reason_required")
    with transaction.atomic(), set_actor(actor):
        partnership_track = _get_track(partnership, track)
        _require_track_actor(actor, partnership_track)
        current = partnership_track.current_stage
        target = partnership_track.track.stages.filter(code=to_stage).first()
        if target is None or target.position >= current.position:
            raise SisterCityError(
                _("A stage can only be sent back to an earlier stage of the same track."),
                code="not_earlier",
            )
        transition = StageTransition(
            partnership_track=partnership_track,
            direction=TransitionDirection.SEND_BACK,
            from_stage=current,
            to_stage=target,
            actor=actor,
            note=reason,
        )
        full_clean(transition)
        transition.save()
        partnership_track.current_stage = target
        partnership_track.save(update_fields=["current_stage", "updated_at"])
    return transition


def approval_record(
    *, actor, partnership: Partnership, requirement: StageRequirement, note: str = ""
) -> Approval:
    """Record that an approval requirement of a track's current stage is met."""
    with transaction.atomic(), set_actor(actor):
        access = require(actor, partnership, Action.CHANGE)
        if requirement.kind != RequirementKind.APPROVAL:
            raise SisterCityError(_("This requirement is not an approval."), code="not_approval")
        partnership_track = (
            PartnershipTrack.objects.select_for_update()
            .select_related("track", "current_stage")
            .filter(partnership=partnership, track=requirement.stage.track)
            .first()
        )
        if partnership_track is None or partnership_track.current_stage_id != requirement.stage_id:
            raise SisterCityError(
                _("This approval belongs to another stage than the current one."),
                code="wrong_stage",
            )
        country = partnership_track.track.country
        if not access.is_admin and not access.has_role(
            {requirement.granted_by_role}, country=country
        ):
            raise forbidden(
                _("Only the {role} of the {country} side can record “{approval}”.").format(
                    role=Role(requirement.granted_by_role).label,
                    country=partnership_track.track.get_country_display(),
                    approval=requirement,
                ),
                code="wrong_role",
            )
        if Approval.objects.filter(partnership=partnership, requirement=requirement).exists():
            raise SisterCityError(_("This approval is already recorded."), code="duplicate")
        approval = Approval(
            partnership=partnership, requirement=requirement, granted_by=actor, note=note
        )
        full_clean(approval)
        approval.save()
    return approval


def document_upload(
    *,
    actor,
    partnership: Partnership,
    document_type: DocumentType,
    title: str,
    language: str,
    file: UploadedFile,
    signed_on: dt.date | None = None,
    parties: str = "",
    term_start: dt.date | None = None,
    term_end: dt.date | None = None,
) -> Document:
    """A new document with its first version; a term end creates the matching deadline."""
    require(actor, partnership, Action.CHANGE)
    if term_start and term_end and term_end < term_start:
        raise SisterCityError(
            _("The term cannot end before it starts."), code="term", field="term_end"
        )
    inspected = inspect_upload(file)
    with removing_files_on_failure() as written, transaction.atomic(), set_actor(actor):
        document = Document(
            partnership=partnership,
            document_type=document_type,
            language=language,
            signed_on=signed_on,
            parties=parties,
            term_start=term_start,
            term_end=term_end,
            uploaded_by=actor,
        )
        document.set_current_language(_content_language(actor))
        document.title = title
        full_clean(document)
        document.save()
        _store_version(
            actor=actor, document=document, file=file, inspected=inspected, written=written
        )
        if term_end:
            Deadline.objects.create(
                partnership=partnership,
                kind=DeadlineKind.TERM_END,
                due_on=term_end,
                document=document,
            )
    return document


def document_add_version(*, actor, document: Document, file: UploadedFile) -> DocumentVersion:
    require(actor, document.partnership, Action.CHANGE)
    inspected = inspect_upload(file)
    with removing_files_on_failure() as written, transaction.atomic(), set_actor(actor):
        Document.objects.select_for_update().get(pk=document.pk)
        return _store_version(
            actor=actor, document=document, file=file, inspected=inspected, written=written
        )


def _store_version(*, actor, document, file, inspected, written: list) -> DocumentVersion:
    last = document.versions.order_by("-number").values_list("number", flat=True).first() or 0
    version = DocumentVersion(
        document=document,
        number=last + 1,
        original_name=inspected.name,
        content_type=inspected.content_type,
        size=inspected.size,
        sha256=inspected.sha256,
        uploaded_by=actor,
    )
    version.file.save(inspected.name, file, save=False)
    written.append(version.file.name)
    version.save()
    return version


def _content_language(actor) -> str:
    from django.utils import translation

    return translation.get_language() or actor.preferred_language or settings.LANGUAGE_CODE


def deadline_create(
    *, actor, partnership: Partnership, kind: str, due_on: dt.date, note: str = ""
) -> Deadline:
    require(actor, partnership, Action.CHANGE)
    with transaction.atomic(), set_actor(actor):
        deadline = Deadline(partnership=partnership, kind=kind, due_on=due_on, note=note)
        full_clean(deadline)
        deadline.save()
    return deadline


def deadline_complete(*, actor, deadline: Deadline) -> Deadline:
    require(actor, deadline.partnership, Action.CHANGE)
    with transaction.atomic(), set_actor(actor):
        deadline.is_done = True
        deadline.save(update_fields=["is_done", "updated_at"])
    return deadline


def reminders_send_due(*, today: dt.date | None = None) -> int:
    """Send the reminders whose offset date has come; return how many e-mails went out.

    Idempotent: a ReminderSent row per (deadline, offset) is written in the same transaction as
    the sending, so a reminder is never sent twice. Catch-up: offsets whose date passed while
    the worker was down are still due (nothing is lost); if several are due at once, one e-mail
    goes out naming the days left and every due offset is marked.
    """
    today = today or timezone.localdate()
    offsets = settings.REMINDER_OFFSETS_DAYS
    horizon = today + dt.timedelta(days=max(offsets, default=0))
    sent = 0
    deadlines = (
        Deadline.objects.filter(is_done=False, due_on__gte=today, due_on__lte=horizon)
        .select_related("partnership", "document")
        .prefetch_related("reminders")
    )
    for deadline in deadlines:
        done = {r.offset_days for r in deadline.reminders.all()}
        due = [
            o for o in offsets if o not in done and deadline.due_on - dt.timedelta(days=o) <= today
        ]
        if not due:
            continue
        try:
            with transaction.atomic():
                for offset in due:
                    ReminderSent.objects.create(deadline=deadline, offset_days=offset)
                recipients = _reminder_recipients(deadline.partnership)
                for user in recipients:
                    send_templated_mail(
                        to_user=user,
                        template="partnerships/email/deadline_reminder",
                        context={
                            "deadline": deadline,
                            "partnership": deadline.partnership,
                            "days_left": (deadline.due_on - today).days,
                        },
                    )
                sent += len(recipients)
        except IntegrityError:
            # Another worker recorded this reminder first: it has been sent.
            continue
    return sent


def _reminder_recipients(partnership: Partnership):
    from sistercity.accounts.models import User

    municipality_ids = partnership.municipalities.values("pk")
    return list(
        User.objects.filter(
            is_active=True,
            memberships__role__in=[Role.SECRETARIAT, Role.PARTNER_OFFICER],
            memberships__organisation__in=municipality_ids,
        )
        .distinct()
        .order_by("pk")
    )


def content_translate(
    *, actor, obj, partnership: Partnership, language: str, status: str, **fields
):
    """Add or correct one language's text of a partnership's content (its name and summary, a
    document's title), with whether it is original, machine-translated or reviewed."""
    from sistercity.core.models import TranslationStatus

    require(actor, partnership, Action.CHANGE)
    if language not in dict(settings.LANGUAGES):
        raise SisterCityError(_("Unknown language."), code="language")
    if status not in TranslationStatus.values:
        raise SisterCityError(_("Unknown translation status."), code="status")
    with transaction.atomic(), set_actor(actor):
        obj.set_current_language(language)
        for field, value in fields.items():
            setattr(obj, field, value)
        obj.translation_status = status
        full_clean(obj)
        obj.save()
    return obj
