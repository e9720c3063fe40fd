"""Writes and state transitions for calls, applications, review, allocation, offers, readiness
and what comes after return.

Each service checks permission, works in one transaction, records who did it (auditlog's actor
context) and refuses bad input with one translated SisterCityError, writing nothing. Every
status change of an application is e-mailed to the applicant in her own language.
"""

import datetime as dt
import secrets
import zoneinfo
from decimal import Decimal

from auditlog.context import set_actor
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from sistercity.accounts.models import User
from sistercity.core.errors import SisterCityError, full_clean
from sistercity.core.files import inspect_upload, removing_files_on_failure
from sistercity.core.mail import send_templated_mail
from sistercity.core.permissions import Action
from sistercity.exchange import selectors
from sistercity.exchange.allocation import (
    AllocationInputError,
    allocate,
    blocking_pairs,
    break_all_ties,
    lottery_ticket,
)
from sistercity.exchange.choices import (
    ALLOCATION_POOL,
    LANGUAGE_ORDER,
    PANEL_DECISIONS,
    TRANSITIONS,
    WITHDRAWABLE,
    EvidenceKind,
    OfferStatus,
    RankingSource,
    RunMode,
    Status,
)
from sistercity.exchange.models import (
    AllocationRun,
    ApplicantProfile,
    Application,
    ApplicationFile,
    Call,
    CallQuestion,
    Criterion,
    HostFeedback,
    HostOrganisation,
    HostRanking,
    Offer,
    PanelMember,
    ParticipantReport,
    Placement,
    Preference,
    Readiness,
    ReadinessReminder,
    RequiredDocument,
    ReviewAssignment,
    Score,
    StatusChange,
)
from sistercity.partnerships.models import Partnership

VERIFY_SALT = "sistercity.exchange.verify-email"
VERIFY_MAX_AGE = 3 * 24 * 3600


# --------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------


def _require_manage(actor, call: Call) -> None:
    """404 when the actor may not even see the call; a translated refusal when she sees it but
    does not run it."""
    if not Call.objects.for_user(actor, Action.VIEW).filter(pk=call.pk).exists():
        raise Http404
    if not selectors.can_manage(actor, call):
        raise SisterCityError(
            _("Only the secretariat or the partner officer can do this for the call."),
            code="forbidden",
            status=403,
        )


def _require_partnership(actor, partnership: Partnership) -> None:
    if not Partnership.objects.for_user(actor, Action.VIEW).filter(pk=partnership.pk).exists():
        raise Http404
    if not Partnership.objects.for_user(actor, Action.CHANGE).filter(pk=partnership.pk).exists():
        raise SisterCityError(
            _("Your role does not allow this action on this partnership."),
            code="forbidden",
            status=403,
        )


def require_manage(*, actor, call: Call) -> None:
    """The refusal the call's services give, for a caller (the API) that must resolve related
    objects by name before calling one: outsiders get 404 before learning what exists."""
    _require_manage(actor, call)


def require_partnership(*, actor, partnership: Partnership) -> None:
    """Like ``require_manage``, for a partnership's hosts."""
    _require_partnership(actor, partnership)


def _require_own(actor, application: Application) -> None:
    if not Application.objects.for_user(actor).filter(pk=application.pk).exists():
        raise Http404
    if application.applicant_id != actor.pk:
        raise SisterCityError(
            _("Only the applicant can do this."), code="not_applicant", status=403
        )


def _require_staff(actor, application: Application) -> None:
    if not Application.objects.for_user(actor).filter(pk=application.pk).exists():
        raise Http404
    _require_manage(actor, application.call)


def _lock(application: Application) -> Application:
    """Re-read the application under a row lock: two requests never act on a stale status."""
    return (
        Application.objects.select_for_update()
        .select_related("call", "applicant")
        .get(pk=application.pk)
    )


def _content_language(actor) -> str:
    return translation.get_language() or actor.preferred_language or settings.LANGUAGE_CODE


def _aware_in_zone(value: dt.datetime, zone: str) -> dt.datetime:
    if timezone.is_aware(value):
        return value
    return timezone.make_aware(value, zoneinfo.ZoneInfo(zone))


def _transition(application: Application, to_status: str, *, actor, note: str = "") -> None:
    """Move an application to ``to_status``, keep the step and e-mail the applicant."""
    if to_status not in TRANSITIONS.get(application.status, ()):
        raise SisterCityError(
            _("An application that is “{current}” cannot become “{target}”.").format(
                current=Status(application.status).label, target=Status(to_status).label
            ),
            code="transition",
        )
    change = StatusChange(
        application=application,
        from_status=application.status,
        to_status=to_status,
        actor=actor,
        note=note,
    )
    full_clean(change, exclude=["actor"])
    change.save()
    application.status = to_status
    application.save(update_fields=["status", "updated_at"])
    _mail_status(application, change)


def _mail_status(application: Application, change: StatusChange) -> None:
    offer = selectors.current_offer(application)
    send_templated_mail(
        to_user=application.applicant,
        template="exchange/email/status",
        context={
            "application": application,
            "call": application.call,
            "change": change,
            "status": Status(change.to_status).label,
            "offer": offer,
            "zone": application.call.time_zone,
            "url": _absolute(
                reverse("exchange:application", args=[application.reference]),
                application.applicant,
            ),
        },
    )


def _absolute(path: str, user) -> str:
    # Links in e-mails open in the recipient's language.
    language = user.preferred_language or settings.LANGUAGE_CODE
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if path.startswith(prefix):
            path = f"/{language}/" + path[len(prefix) :]
            break
    return f"{settings.SITE_URL}{path}"


# --------------------------------------------------------------------------------------
# Applicants: registration and e-mail verification
# --------------------------------------------------------------------------------------


def verification_token(user: User) -> str:
    return signing.dumps({"user": user.pk, "email": user.email}, salt=VERIFY_SALT)


def _send_verification(user: User) -> None:
    with translation.override(user.preferred_language):
        path = reverse("exchange:verify_email", args=[verification_token(user)])
    send_templated_mail(
        to_user=user,
        template="exchange/email/verify",
        context={"url": _absolute(path, user), "days": VERIFY_MAX_AGE // 86400},
    )


def applicant_register(
    *, email: str, full_name: str, password: str, preferred_language: str
) -> User:
    """A new applicant account; a link to verify the address is e-mailed. Until she follows
    it she can keep drafts but not submit."""
    email = (email or "").strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise SisterCityError(
            _("An account with this e-mail address already exists. Log in instead."),
            code="email_taken",
        )
    user = User(email=email, full_name=full_name, preferred_language=preferred_language)
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise SisterCityError(" ".join(error.messages), code="password") from error
    user.set_password(password)
    full_clean(user, exclude=["password"])
    with transaction.atomic():
        user.save()
        ApplicantProfile.objects.create(user=user)
        _send_verification(user)
    return user


def applicant_resend_verification(*, actor: User) -> None:
    profile, _created = ApplicantProfile.objects.get_or_create(user=actor)
    if profile.is_verified:
        raise SisterCityError(_("Your e-mail address is already verified."), code="verified")
    _send_verification(actor)


def applicant_verify_email(*, token: str) -> User:
    try:
        data = signing.loads(token, salt=VERIFY_SALT, max_age=VERIFY_MAX_AGE)
    except signing.SignatureExpired:
        raise SisterCityError(
            _("This link has expired. Log in and ask for a new one."), code="token_expired"
        ) from None
    except signing.BadSignature:
        raise SisterCityError(_("This link is not valid."), code="token_invalid") from None
    user = User.objects.filter(pk=data.get("user"), email=data.get("email")).first()
    if user is None:
        raise SisterCityError(_("This link is not valid."), code="token_invalid")
    with transaction.atomic():
        profile, _created = ApplicantProfile.objects.get_or_create(user=user)
        if profile.email_verified_at is None:
            profile.email_verified_at = timezone.now()
            profile.save(update_fields=["email_verified_at", "updated_at"])
    return user


def is_verified(user) -> bool:
    return ApplicantProfile.objects.filter(user=user, email_verified_at__isnull=False).exists()


# --------------------------------------------------------------------------------------
# Calls, their rubric, panel, hosts and placements
# --------------------------------------------------------------------------------------


def call_create(
    *,
    actor,
    partnership: Partnership,
    pillar,
    slug: str,
    call_type: str,
    direction: str,
    title: str,
    opens_at: dt.datetime,
    closes_at: dt.datetime,
    quota: int,
    time_zone: str = "Asia/Jakarta",
    summary: str = "",
    description: str = "",
    language: str | None = None,
    **rules,
) -> Call:
    """A new call (unpublished). Opening and closing times without a zone are read in the
    call's own time zone."""
    _require_partnership(actor, partnership)
    if quota is not None and int(quota) < 0:
        raise SisterCityError(_("The quota cannot be negative."), code="negative_quota")
    if time_zone not in settings.USER_TIME_ZONES:
        raise SisterCityError(_("Unknown time zone."), code="time_zone")
    opens_at = _aware_in_zone(opens_at, time_zone)
    closes_at = _aware_in_zone(closes_at, time_zone)
    if closes_at <= opens_at:
        raise SisterCityError(_("The call must close after it opens."), code="dates")
    if not partnership.pillars.filter(pk=pillar.pk).exists():
        raise SisterCityError(
            _("The pillar “{pillar}” is not in this partnership's scope.").format(pillar=pillar),
            code="pillar",
        )
    with transaction.atomic(), set_actor(actor):
        call = Call(
            partnership=partnership,
            pillar=pillar,
            slug=slug,
            call_type=call_type,
            direction=direction,
            time_zone=time_zone,
            opens_at=opens_at,
            closes_at=closes_at,
            quota=quota,
            **rules,
        )
        call.set_current_language(language or _content_language(actor))
        call.title = title
        call.summary = summary
        call.description = description
        full_clean(call)
        call.save()
    return call


def call_publish(*, actor, call: Call, published: bool = True) -> Call:
    _require_manage(actor, call)
    with transaction.atomic(), set_actor(actor):
        call.is_published = published
        call.save(update_fields=["is_published", "updated_at"])
    return call


def _translated_child(model, *, call, field, texts: dict[str, str], **values):
    if not any(texts.values()):
        raise SisterCityError(_("Give the text in at least one language."), code="text_required")
    obj = model(call=call, **values)
    for code, text in texts.items():
        if text:
            obj.set_current_language(code)
            setattr(obj, field, text)
    full_clean(obj)
    obj.save()
    return obj


def question_add(*, actor, call: Call, texts: dict[str, str], is_required=True) -> CallQuestion:
    _require_manage(actor, call)
    with transaction.atomic(), set_actor(actor):
        position = call.questions.count() + 1
        return _translated_child(
            CallQuestion,
            call=call,
            field="text",
            texts=texts,
            position=position,
            is_required=is_required,
        )


def required_document_add(
    *, actor, call: Call, code: str, texts: dict[str, str]
) -> RequiredDocument:
    _require_manage(actor, call)
    if call.required_documents.filter(code=code).exists():
        raise SisterCityError(_("The call already asks for this document."), code="duplicate")
    with transaction.atomic(), set_actor(actor):
        return _translated_child(
            RequiredDocument,
            call=call,
            field="label",
            texts=texts,
            code=code,
            position=call.required_documents.count() + 1,
        )


def criterion_add(
    *, actor, call: Call, code: str, texts: dict[str, str], weight, max_score: int = 10
) -> Criterion:
    _require_manage(actor, call)
    if Decimal(weight) <= 0:
        raise SisterCityError(_("A criterion's weight must be above zero."), code="weight")
    if int(max_score) < 1:
        raise SisterCityError(_("The maximum score must be at least 1."), code="max_score")
    if call.criteria.filter(code=code).exists():
        raise SisterCityError(_("The rubric already has this criterion."), code="duplicate")
    if ReviewAssignment.objects.filter(application__call=call, submitted_at__isnull=False).exists():
        raise SisterCityError(
            _("The rubric cannot change once reviewers have scored."), code="rubric_locked"
        )
    with transaction.atomic(), set_actor(actor):
        return _translated_child(
            Criterion,
            call=call,
            field="name",
            texts=texts,
            code=code,
            weight=Decimal(weight),
            max_score=max_score,
            position=call.criteria.count() + 1,
        )


def panel_add(*, actor, call: Call, reviewer: User) -> PanelMember:
    """Put a reviewer on the call's panel: a person with a reviewer role in one of the
    partnership's municipalities (or their agencies)."""
    _require_manage(actor, call)
    if not reviewer.is_active:
        raise SisterCityError(_("This account is not active."), code="inactive")
    if not selectors.panel_candidates(call).filter(pk=reviewer.pk).exists():
        raise SisterCityError(
            _("{name} is not a reviewer in one of the partnership's municipalities.").format(
                name=reviewer
            ),
            code="not_reviewer",
        )
    with transaction.atomic(), set_actor(actor):
        member, created = PanelMember.objects.get_or_create(call=call, user=reviewer)
        if not created:
            raise SisterCityError(_("This reviewer is already on the panel."), code="duplicate")
    return member


def host_create(
    *,
    actor,
    partnership: Partnership,
    slug: str,
    kind: str,
    city,
    name: str,
    description: str = "",
    contact_email: str = "",
    language: str | None = None,
) -> HostOrganisation:
    _require_partnership(actor, partnership)
    if not partnership.municipalities.filter(pk=city.pk).exists():
        raise SisterCityError(
            _("The host must be in one of the partnership's municipalities."), code="city"
        )
    if HostOrganisation.objects.filter(partnership=partnership, slug=slug).exists():
        raise SisterCityError(_("A host with this short name exists already."), code="duplicate")
    with transaction.atomic(), set_actor(actor):
        host = HostOrganisation(
            partnership=partnership, slug=slug, kind=kind, city=city, contact_email=contact_email
        )
        host.set_current_language(language or _content_language(actor))
        host.name = name
        host.description = description
        full_clean(host)
        host.save()
    return host


def _check_capacity(call: Call, capacity, *, excluding: Placement | None = None) -> int:
    try:
        capacity = int(capacity)
    except (TypeError, ValueError):
        raise SisterCityError(
            _("The number of places must be a whole number."), code="capacity"
        ) from None
    if capacity < 0:
        raise SisterCityError(
            _("The number of places cannot be negative (got {value}).").format(value=capacity),
            code="negative_capacity",
        )
    others = call.placements.exclude(pk=getattr(excluding, "pk", None))
    total = sum(others.values_list("capacity", flat=True)) + capacity
    if total > call.quota:
        raise SisterCityError(
            _("The placements would offer {total} places; the call's quota is {quota}.").format(
                total=total, quota=call.quota
            ),
            code="over_quota",
        )
    return capacity


def placement_create(
    *,
    actor,
    call: Call,
    host: HostOrganisation,
    code: str,
    capacity,
    title: str,
    field_of_study: str = "",
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
    requirements: str = "",
    language: str | None = None,
) -> Placement:
    _require_manage(actor, call)
    capacity = _check_capacity(call, capacity)
    if host.partnership_id != call.partnership_id:
        raise SisterCityError(_("The host belongs to another partnership."), code="host")
    if starts_on and ends_on and ends_on < starts_on:
        raise SisterCityError(_("The placement cannot end before it starts."), code="dates")
    if call.placements.filter(code=code).exists():
        raise SisterCityError(
            _("The call already has a placement “{code}”.").format(code=code), code="duplicate"
        )
    with transaction.atomic(), set_actor(actor):
        placement = Placement(
            call=call,
            host=host,
            code=code,
            capacity=capacity,
            field_of_study=field_of_study,
            starts_on=starts_on,
            ends_on=ends_on,
        )
        placement.set_current_language(language or _content_language(actor))
        placement.title = title
        placement.requirements = requirements
        full_clean(placement)
        placement.save()
    return placement


def placement_set_capacity(*, actor, placement: Placement, capacity) -> Placement:
    """Change the number of places; never below the places already accepted."""
    _require_manage(actor, placement.call)
    capacity = _check_capacity(placement.call, capacity, excluding=placement)
    with transaction.atomic(), set_actor(actor):
        locked = Placement.objects.select_for_update().get(pk=placement.pk)
        accepted = selectors.accepted_count(locked)
        if capacity < accepted:
            raise SisterCityError(
                _("{accepted} places are already accepted; the capacity cannot go below.").format(
                    accepted=accepted
                ),
                code="below_accepted",
            )
        locked.capacity = capacity
        locked.save(update_fields=["capacity", "updated_at"])
    placement.capacity = capacity
    return placement


def placement_rank(*, actor, placement: Placement, tiers: list[list[Application]]) -> Placement:
    """Record the host's ranking of the applicants it accepts (tiers, best first; equal
    applicants share a tier). An empty ranking returns to the panel's."""
    _require_manage(actor, placement.call)
    seen: set[int] = set()
    for tier in tiers:
        for application in tier:
            if application.call_id != placement.call_id:
                raise SisterCityError(
                    _("{application} did not apply to this call.").format(application=application),
                    code="unknown_applicant",
                )
            if application.pk in seen:
                raise SisterCityError(
                    _("{application} is ranked more than once.").format(application=application),
                    code="duplicate_preference",
                )
            seen.add(application.pk)
    with transaction.atomic(), set_actor(actor):
        HostRanking.objects.filter(placement=placement).delete()
        rows = [
            HostRanking(placement=placement, application=a, tier=index)
            for index, tier in enumerate((t for t in tiers if t), start=1)
            for a in tier
        ]
        HostRanking.objects.bulk_create(rows)
        placement.ranking_source = RankingSource.HOST if rows else RankingSource.PANEL
        placement.save(update_fields=["ranking_source", "updated_at"])
    return placement


# --------------------------------------------------------------------------------------
# Applications
# --------------------------------------------------------------------------------------


def _require_open(call: Call) -> None:
    now = timezone.now()  # the server's clock decides, never the browser's
    if not call.is_published or now < call.opens_at:
        raise SisterCityError(_("This call is not open yet."), code="not_open")
    if now >= call.closes_at:
        raise SisterCityError(
            _("This call closed on {when}; nothing can be submitted any more.").format(
                when=timezone.localtime(call.closes_at, zoneinfo.ZoneInfo(call.time_zone)).strftime(
                    "%Y-%m-%d %H:%M %Z"
                )
            ),
            code="closed",
        )


def application_start(*, actor, call: Call) -> Application:
    """A draft application of ``actor`` to an open call."""
    if not actor.is_authenticated:
        raise SisterCityError(_("Log in to apply."), code="login", status=403)
    if not Call.objects.published().filter(pk=call.pk).exists():
        raise Http404
    _require_open(call)
    existing = Application.objects.filter(call=call, applicant=actor).first()
    if existing is not None:
        raise SisterCityError(
            _("You have already applied to this call."), code="duplicate_application"
        )
    with transaction.atomic(), set_actor(actor):
        ApplicantProfile.objects.get_or_create(user=actor)
        try:
            with transaction.atomic():
                return Application.objects.create(call=call, applicant=actor)
        except IntegrityError:
            raise SisterCityError(
                _("You have already applied to this call."), code="duplicate_application"
            ) from None


EDITABLE_FIELDS = (
    "date_of_birth",
    "gender",
    "phone",
    "residence",
    "is_enrolled",
    "institution",
    "field_of_study",
    "language_level",
    "motivation",
)


def _require_draft(application: Application) -> None:
    if application.status != Status.DRAFT:
        raise SisterCityError(
            _("A submitted application cannot be changed any more."), code="not_draft"
        )


def _check_preferences(call: Call, placements: list) -> list[Placement]:
    """Placements named by id, code or object; unknown ones and repeats are refused."""
    by_key = {}
    for placement in call.placements.all():
        by_key[placement.pk] = by_key[placement.code] = by_key[str(placement.pk)] = placement
    chosen: list[Placement] = []
    for item in placements:
        key = item.pk if isinstance(item, Placement) else item
        placement = by_key.get(key)
        if placement is None or (isinstance(item, Placement) and item.call_id != call.pk):
            raise SisterCityError(
                _("“{placement}” is not a placement of this call.").format(placement=item),
                code="unknown_placement",
            )
        if placement in chosen:
            raise SisterCityError(
                _("“{placement}” is listed more than once.").format(placement=placement),
                code="duplicate_preference",
            )
        chosen.append(placement)
    return chosen


def application_update(
    *,
    actor,
    application: Application,
    answers: dict | None = None,
    preferences: list | None = None,
    **fields,
) -> Application:
    """Change a draft: personal facts, answers and the ranking of placements."""
    _require_own(actor, application)
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise SisterCityError(
            _("These fields cannot be changed: {fields}.").format(
                fields=", ".join(sorted(unknown))
            ),
            code="invalid",
        )
    with transaction.atomic(), set_actor(actor):
        application = _lock(application)
        _require_draft(application)
        call = application.call
        chosen = _check_preferences(call, preferences) if preferences is not None else None
        for name, value in fields.items():
            setattr(application, name, value)
        if answers is not None:
            questions = {str(q.pk): q for q in call.questions.all()}
            extra = set(map(str, answers)) - set(questions)
            if extra:
                raise SisterCityError(
                    _("Answers were given to questions this call does not ask."),
                    code="unknown_question",
                )
            application.answers = {str(k): (v or "").strip() for k, v in answers.items()}
            from sistercity.core.validators import validate_no_markup

            for value in application.answers.values():
                try:
                    validate_no_markup(value)
                except ValidationError as error:
                    raise SisterCityError(error.messages[0], code="markup") from error
        full_clean(application)
        application.save()
        if chosen is not None:
            application.preferences.all().delete()
            Preference.objects.bulk_create(
                Preference(application=application, placement=p, rank=rank)
                for rank, p in enumerate(chosen, start=1)
            )
    return application


def application_upload(
    *, actor, application: Application, file: UploadedFile, required_document=None, evidence=""
) -> ApplicationFile:
    """Add a required document to a draft, or evidence to the pre-departure checklist."""
    _require_own(actor, application)
    if bool(required_document) == bool(evidence):
        raise SisterCityError(_("Say what the file is for."), code="file_purpose")
    if required_document is not None and required_document.call_id != application.call_id:
        raise SisterCityError(_("The call does not ask for this document."), code="document")
    if evidence and evidence not in EvidenceKind.values:
        raise SisterCityError(_("Unknown kind of evidence."), code="evidence")
    inspected = inspect_upload(file)
    with removing_files_on_failure() as written, transaction.atomic(), set_actor(actor):
        application = _lock(application)
        if required_document is not None:
            _require_draft(application)
        elif application.status not in (Status.ACCEPTED, Status.PRE_DEPARTURE):
            raise SisterCityError(
                _("Evidence is uploaded once the offer is accepted."), code="not_participant"
            )
        stored = ApplicationFile(
            application=application,
            required_document=required_document,
            evidence=evidence,
            original_name=inspected.name,
            content_type=inspected.content_type,
            size=inspected.size,
            sha256=inspected.sha256,
        )
        stored.file.save(inspected.name, file, save=False)
        written.append(stored.file.name)
        stored.save()
        if evidence:
            _start_pre_departure(application, actor)
    return stored


def eligibility_problems(application: Application) -> list[str]:
    """Everything that keeps the application from being submitted, in the reader's words."""
    call = application.call
    problems: list[str] = []
    zone = zoneinfo.ZoneInfo(call.time_zone)
    reference_day = timezone.localtime(call.closes_at, zone).date()
    if call.min_age is not None or call.max_age is not None:
        born = application.date_of_birth
        if born is None:
            problems.append(str(_("Enter your date of birth.")))
        else:
            age = (
                reference_day.year
                - born.year
                - ((reference_day.month, reference_day.day) < (born.month, born.day))
            )
            if call.min_age is not None and age < call.min_age:
                problems.append(
                    str(
                        _("Applicants must be at least {min} years old at the deadline.").format(
                            min=call.min_age
                        )
                    )
                )
            if call.max_age is not None and age > call.max_age:
                problems.append(
                    str(
                        _("Applicants must be at most {max} years old at the deadline.").format(
                            max=call.max_age
                        )
                    )
                )
    if call.requires_enrolment and not (application.is_enrolled and application.institution):
        problems.append(str(_("The call is for people enrolled in a school or university.")))
    if call.fields_of_study and application.field_of_study not in call.fields_of_study:
        from sistercity.exchange.choices import FieldOfStudy

        problems.append(
            str(
                _("The call is open to these fields of study: {fields}.").format(
                    fields=", ".join(str(FieldOfStudy(f).label) for f in call.fields_of_study)
                )
            )
        )
    required_level = LANGUAGE_ORDER.index(call.min_language_level or "none")
    if LANGUAGE_ORDER.index(application.language_level or "none") < required_level:
        problems.append(
            str(
                _("The call asks for Japanese at level {level} or higher.").format(
                    level=call.min_language_level
                )
            )
        )
    if call.residence_id and application.residence_id != call.residence_id:
        problems.append(
            str(_("The call is for residents of {place}.").format(place=call.residence))
        )
    uploaded = set(
        application.files.filter(required_document__isnull=False).values_list(
            "required_document_id", flat=True
        )
    )
    for document in call.required_documents.all():
        if document.pk not in uploaded:
            problems.append(str(_("Upload “{document}”.").format(document=document)))
    for question in call.questions.all():
        if question.is_required and not (application.answers or {}).get(str(question.pk)):
            problems.append(str(_("Answer “{question}”.").format(question=question)))
    if call.placements.exists() and not application.preferences.exists():
        problems.append(str(_("Rank at least one placement.")))
    return problems


def application_submit(*, actor, application: Application) -> Application:
    """Submit before the deadline (by the server's clock), if the address is verified and the
    call's eligibility rules are met; the panel is assigned."""
    _require_own(actor, application)
    with transaction.atomic(), set_actor(actor):
        application = _lock(application)
        _require_draft(application)
        _require_open(application.call)
        if not is_verified(actor):
            raise SisterCityError(
                _("Verify your e-mail address first: follow the link we sent you."),
                code="unverified",
            )
        problems = eligibility_problems(application)
        if problems:
            raise SisterCityError(
                _("The application cannot be submitted yet: {problems}").format(
                    problems=" ".join(problems)
                ),
                code="ineligible",
            )
        application.submitted_at = timezone.now()
        application.save(update_fields=["submitted_at", "updated_at"])
        _transition(application, Status.SUBMITTED, actor=actor)
        if application.call.assign_whole_panel:
            for member in application.call.panel.select_related("user"):
                if member.user_id != application.applicant_id:
                    ReviewAssignment.objects.get_or_create(
                        application=application, reviewer=member.user
                    )
    return application


def application_withdraw(*, actor, application: Application, note: str = "") -> Application:
    _require_own(actor, application)
    with transaction.atomic(), set_actor(actor):
        application = _lock(application)
        if application.status not in WITHDRAWABLE:
            raise SisterCityError(
                _("An application that is “{status}” cannot be withdrawn.").format(
                    status=Status(application.status).label
                ),
                code="transition",
            )
        open_offer = application.offers.filter(
            status__in=[OfferStatus.OPEN, OfferStatus.ACCEPTED]
        ).first()
        _transition(application, Status.WITHDRAWN, actor=actor, note=note)
        if open_offer is not None:
            open_offer.status = OfferStatus.WITHDRAWN
            open_offer.responded_at = timezone.now()
            open_offer.save(update_fields=["status", "responded_at", "updated_at"])
            _offer_next(open_offer.placement, actor=actor)
    return application


def application_decide(*, actor, application: Application, status: str, note: str = ""):
    """The secretariat's decisions on the panel page: under review, shortlisted, waitlisted,
    not selected."""
    _require_staff(actor, application)
    if status not in PANEL_DECISIONS:
        raise SisterCityError(_("This decision is not made by hand."), code="transition")
    with transaction.atomic(), set_actor(actor):
        application = _lock(application)
        _transition(application, status, actor=actor, note=note)
    return application


# --------------------------------------------------------------------------------------
# Review
# --------------------------------------------------------------------------------------


def review_assign(*, actor, application: Application, reviewer: User) -> ReviewAssignment:
    _require_staff(actor, application)
    if not application.call.panel.filter(user=reviewer).exists():
        raise SisterCityError(
            _("{reviewer} is not on this call's panel.").format(reviewer=reviewer),
            code="not_on_panel",
        )
    if reviewer.pk == application.applicant_id:
        raise SisterCityError(_("Nobody reviews their own application."), code="conflict")
    if application.status in (Status.DRAFT, Status.WITHDRAWN):
        raise SisterCityError(_("Only submitted applications are reviewed."), code="not_submitted")
    with transaction.atomic(), set_actor(actor):
        assignment, created = ReviewAssignment.objects.get_or_create(
            application=application, reviewer=reviewer
        )
        if not created:
            raise SisterCityError(
                _("This reviewer is already assigned."), code="duplicate_assignment"
            )
    return assignment


def _assignment_of(actor, application: Application) -> ReviewAssignment:
    """The actor's own assignment; an unassigned reviewer gets 404, like an outsider."""
    assignment = (
        ReviewAssignment.objects.select_for_update()
        .filter(application=application, reviewer=actor)
        .first()
    )
    if assignment is None:
        raise Http404
    return assignment


def review_declare_conflict(*, actor, application: Application, note: str) -> ReviewAssignment:
    """A declared conflict of interest takes the reviewer off the application for good."""
    note = (note or "").strip()
    if not note:
        raise SisterCityError(
            _("Say briefly what the conflict of interest is."), code="reason_required"
        )
    with transaction.atomic(), set_actor(actor):
        assignment = _assignment_of(actor, application)
        if assignment.submitted_at is not None:
            raise SisterCityError(
                _("The review is already submitted; ask the secretariat to withdraw it."),
                code="already_scored",
            )
        assignment.conflict = True
        assignment.conflict_note = note
        full_clean(assignment)
        assignment.save(update_fields=["conflict", "conflict_note", "updated_at"])
    return assignment


def review_submit(
    *, actor, application: Application, scores: dict[str, int], comment: str = ""
) -> ReviewAssignment:
    """Score every criterion of the rubric; the first review puts the application under
    review."""
    with transaction.atomic(), set_actor(actor):
        assignment = _assignment_of(actor, application)
        if assignment.conflict:
            raise SisterCityError(
                _("You declared a conflict of interest for this application."), code="conflict"
            )
        application = _lock(application)
        if application.status not in (
            Status.SUBMITTED,
            Status.UNDER_REVIEW,
            Status.SHORTLISTED,
            Status.WAITLISTED,
        ):
            raise SisterCityError(
                _("This application is no longer being reviewed."), code="review_closed"
            )
        criteria = {c.code: c for c in application.call.criteria.all()}
        unknown = set(scores) - set(criteria)
        if unknown:
            raise SisterCityError(
                _("Unknown criteria: {codes}.").format(codes=", ".join(sorted(unknown))),
                code="unknown_criterion",
            )
        missing = [str(c) for code, c in criteria.items() if code not in scores]
        if missing:
            raise SisterCityError(
                _("Score every criterion; missing: {names}.").format(names=", ".join(missing)),
                code="missing_score",
            )
        for code, value in scores.items():
            criterion = criteria[code]
            if not isinstance(value, int) or isinstance(value, bool):
                raise SisterCityError(
                    _("The score for “{criterion}” must be a whole number.").format(
                        criterion=criterion
                    ),
                    code="score_range",
                )
            if not 0 <= value <= criterion.max_score:
                raise SisterCityError(
                    _("The score for “{criterion}” must be between 0 and {max}.").format(
                        criterion=criterion, max=criterion.max_score
                    ),
                    code="score_range",
                )
        assignment.comment = comment
        assignment.submitted_at = timezone.now()
        full_clean(assignment)
        assignment.save(update_fields=["comment", "submitted_at", "updated_at"])
        for code, value in scores.items():
            Score.objects.update_or_create(
                assignment=assignment, criterion=criteria[code], defaults={"value": value}
            )
        if application.status == Status.SUBMITTED:
            _transition(application, Status.UNDER_REVIEW, actor=actor)
    return assignment


# --------------------------------------------------------------------------------------
# Allocation
# --------------------------------------------------------------------------------------


def allocation_inputs(call: Call) -> dict:
    """The engine's inputs from the database: applicants are application references (so an
    applicant can re-derive her own lottery ticket), placements their codes."""
    pool = list(
        Application.objects.filter(call=call, status__in=ALLOCATION_POOL)
        .prefetch_related("preferences__placement")
        .order_by("submitted_at", "pk")
    )
    placements = list(call.placements.order_by("code"))
    applicant_prefs = {
        a.reference.hex: [
            p.placement.code for p in sorted(a.preferences.all(), key=lambda p: p.rank)
        ]
        for a in pool
    }
    pool_ids = {a.pk for a in pool}
    panel = selectors.panel_tiers(call, pool)
    placement_tiers: dict[str, list[list[str]]] = {}
    for placement in placements:
        if placement.ranking_source == RankingSource.HOST:
            tiers: dict[int, list[str]] = {}
            for row in placement.rankings.select_related("application").order_by("tier", "pk"):
                if row.application_id in pool_ids:
                    tiers.setdefault(row.tier, []).append(row.application.reference.hex)
            placement_tiers[placement.code] = [tiers[k] for k in sorted(tiers)]
        else:
            wanted = {ref for ref, listed in applicant_prefs.items() if placement.code in listed}
            placement_tiers[placement.code] = [
                [a.reference.hex for a in tier if a.reference.hex in wanted]
                for tier in panel
                if any(a.reference.hex in wanted for a in tier)
            ]
    capacities = {p.code: p.capacity - selectors.accepted_count(p) for p in placements}
    return {
        "applicant_prefs": applicant_prefs,
        "placement_tiers": placement_tiers,
        "capacities": capacities,
        "institution": {a.reference.hex: a.institution for a in pool},
        "gender": {a.reference.hex: a.gender for a in pool},
    }


ENGINE_MESSAGES = {
    "unknown_placement": _("A preference list names a placement that is not part of the call."),
    "duplicate_preference": _("A ranking lists the same applicant or placement twice."),
    "negative_capacity": _("A placement has a negative number of places."),
    "unknown_applicant": _("A host ranking names someone who is not in the allocation."),
}


def allocation_run(
    *,
    actor,
    call: Call,
    seed: str | None = None,
    max_per_institution: int | None = None,
    max_gender_share: float | None = None,
) -> AllocationRun:
    """Run the allocation and store it with its inputs, seed, result and stability check.

    Without side constraints: applicant-proposing deferred acceptance (stable and
    applicant-optimal). With them: the MILP second pass, which reports any blocking pair it had
    to accept.
    """
    _require_manage(actor, call)
    if call.runs.filter(applied_at__isnull=False).exists():
        raise SisterCityError(
            _("Offers were already sent from a run; declined places go to the waiting list."),
            code="already_applied",
        )
    if max_per_institution is not None and int(max_per_institution) < 1:
        raise SisterCityError(_("“At most per school” must be at least 1."), code="constraint")
    if max_gender_share is not None and not 0.5 <= float(max_gender_share) <= 1:
        raise SisterCityError(
            _("The largest share of one gender must be between 0.5 and 1."), code="constraint"
        )
    seed = (seed or call.lottery_seed or secrets.token_hex(8)).strip()
    inputs = allocation_inputs(call)
    if not inputs["applicant_prefs"]:
        raise SisterCityError(
            _("Nobody is shortlisted or waitlisted yet: there is nobody to allocate."),
            code="empty_pool",
        )
    try:
        placement_prefs = break_all_ties(inputs["placement_tiers"], seed)
        constrained = max_per_institution is not None or max_gender_share is not None
        outcome = None
        if constrained:
            from sistercity.exchange.constrained import SideConstraints, constrained_allocate

            outcome = constrained_allocate(
                inputs["applicant_prefs"],
                placement_prefs,
                inputs["capacities"],
                institution=inputs["institution"],
                gender=inputs["gender"],
                constraints=SideConstraints(
                    max_per_institution=int(max_per_institution) if max_per_institution else None,
                    max_gender_share=float(max_gender_share) if max_gender_share else None,
                ),
            )
            if outcome.status not in ("optimal", "time_limit"):
                raise SisterCityError(
                    _("The side constraints cannot all be met ({status}).").format(
                        status=outcome.status
                    ),
                    code="infeasible",
                )
            matching = outcome.matching
        else:
            matching = allocate(inputs["applicant_prefs"], placement_prefs, inputs["capacities"])
        pairs = blocking_pairs(
            matching, inputs["applicant_prefs"], placement_prefs, inputs["capacities"]
        )
    except AllocationInputError as error:
        raise SisterCityError(
            ENGINE_MESSAGES.get(error.code, _("The allocation input is not valid.")),
            code=error.code,
        ) from error
    with transaction.atomic(), set_actor(actor):
        if not call.lottery_seed:
            call.lottery_seed = seed
            call.save(update_fields=["lottery_seed", "updated_at"])
        run = AllocationRun.objects.create(
            call=call,
            mode=RunMode.CONSTRAINED if constrained else RunMode.STABLE,
            seed=seed,
            inputs={
                "applicant_prefs": inputs["applicant_prefs"],
                "placement_tiers": inputs["placement_tiers"],
                "placement_prefs": placement_prefs,
                "capacities": inputs["capacities"],
                "tickets": {ref: lottery_ticket(ref, seed) for ref in inputs["applicant_prefs"]},
            },
            constraints={
                k: v
                for k, v in (
                    ("max_per_institution", max_per_institution),
                    ("max_gender_share", max_gender_share),
                )
                if v is not None
            },
            result=matching,
            blocking_pairs=[list(pair) for pair in pairs],
            is_stable=not pairs,
            solver_status=outcome.status if constrained else "",
            created_by=actor,
        )
    return run


def allocation_apply(*, actor, run: AllocationRun) -> list[Offer]:
    """Send the offers of a run; everyone in the pool without a place goes to the waiting
    list. Each applicant is told by e-mail."""
    call = run.call
    _require_manage(actor, call)
    offers = []
    with transaction.atomic(), set_actor(actor):
        if call.runs.select_for_update().filter(applied_at__isnull=False).exists():
            raise SisterCityError(
                _("Offers were already sent from a run; declined places go to the waiting list."),
                code="already_applied",
            )
        by_code = {p.code: p for p in call.placements.all()}
        applications = {
            a.reference.hex: a
            for a in Application.objects.select_for_update()
            .filter(call=call, reference__in=[uuid_of(r) for r in run.result])
            .select_related("applicant", "call")
        }
        respond_by = timezone.now() + dt.timedelta(days=call.offer_response_days)
        for ref, code in run.result.items():
            application = applications.get(ref)
            if application is None or application.status not in ALLOCATION_POOL:
                continue  # withdrew (or was decided otherwise) since the run
            if code is None:
                if application.status != Status.WAITLISTED:
                    _transition(application, Status.WAITLISTED, actor=actor)
                continue
            offer = Offer.objects.create(
                application=application, placement=by_code[code], run=run, respond_by=respond_by
            )
            offers.append(offer)
            _transition(application, Status.OFFERED, actor=actor)
        run.applied_at = timezone.now()
        run.save(update_fields=["applied_at"])
    return offers


def uuid_of(hex_reference: str):
    import uuid

    return uuid.UUID(hex=hex_reference)


def _offer_next(placement: Placement, *, actor) -> Offer | None:
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
    # The run's ranking first (lottery included); anyone waitlisted after the run follows in
    # the panel's current order.
    order = [ref for ref in ranking if ref in candidates]
    later = {a.pk for a in candidates.values() if a.reference.hex not in set(ranking)}
    if later:
        order += [
            row.application.reference.hex
            for row in selectors.panel_ranking(call, statuses=[Status.WAITLISTED])
            if row.application.pk in later
        ]
    for ref in order:
        application = candidates[ref]
        offer = Offer.objects.create(
            application=application,
            placement=placement,
            run=run,
            from_waitlist=True,
            respond_by=timezone.now() + dt.timedelta(days=call.offer_response_days),
        )
        _transition(application, Status.OFFERED, actor=actor)
        return offer
    return None


def _offer_for(actor, application: Application) -> Offer:
    _require_own(actor, application)
    offer = application.offers.filter(status=OfferStatus.OPEN).first()
    if offer is None:
        raise SisterCityError(_("There is no open offer to answer."), code="no_offer")
    return offer


def offer_accept(*, actor, application: Application) -> Offer:
    """Accept the open offer. The placement row is locked, so that however many applicants
    accept at the same moment, acceptances never exceed its places."""
    offer = _offer_for(actor, application)
    with transaction.atomic(), set_actor(actor):
        placement = Placement.objects.select_for_update().get(pk=offer.placement_id)
        offer = Offer.objects.select_for_update().get(pk=offer.pk)
        application = _lock(application)
        if offer.status != OfferStatus.OPEN:
            raise SisterCityError(_("There is no open offer to answer."), code="no_offer")
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
        _transition(application, Status.ACCEPTED, actor=actor)
    return offer


def offer_decline(*, actor, application: Application, note: str = "") -> Offer:
    """Decline the offer; the place goes to the waiting list in ranking order."""
    offer = _offer_for(actor, application)
    with transaction.atomic(), set_actor(actor):
        offer = Offer.objects.select_for_update().get(pk=offer.pk)
        application = _lock(application)
        if offer.status != OfferStatus.OPEN:
            raise SisterCityError(_("There is no open offer to answer."), code="no_offer")
        offer.status = OfferStatus.DECLINED
        offer.responded_at = timezone.now()
        offer.save(update_fields=["status", "responded_at", "updated_at"])
        _transition(application, Status.DECLINED, actor=actor, note=note)
        _offer_next(offer.placement, actor=actor)
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
            application = _lock(offer.application)
            _transition(
                application,
                Status.DECLINED,
                actor=None,
                note=str(_("The offer was not answered in time.")),
            )
            _offer_next(offer.placement, actor=None)
            expired += 1
    return expired


# --------------------------------------------------------------------------------------
# Pre-departure readiness
# --------------------------------------------------------------------------------------

READINESS_FIELDS = (
    "passport_expires_on",
    "visa_type",
    "insurance_provider",
    "insurance_valid_until",
    "emergency_contact_name",
    "emergency_contact_phone",
    "departure_on",
    "return_on",
)


def _start_pre_departure(application: Application, actor) -> None:
    if application.status == Status.ACCEPTED:
        _transition(application, Status.PRE_DEPARTURE, actor=actor)


def readiness_update(*, actor, application: Application, **fields) -> Readiness:
    """The participant fills in her checklist; the first entry starts pre-departure."""
    _require_own(actor, application)
    unknown = set(fields) - set(READINESS_FIELDS)
    if unknown:
        raise SisterCityError(
            _("These fields cannot be changed: {fields}.").format(
                fields=", ".join(sorted(unknown))
            ),
            code="invalid",
        )
    with transaction.atomic(), set_actor(actor):
        application = _lock(application)
        if application.status not in (Status.ACCEPTED, Status.PRE_DEPARTURE):
            raise SisterCityError(
                _("The checklist is filled in once the offer is accepted."),
                code="not_participant",
            )
        readiness, _created = Readiness.objects.get_or_create(application=application)
        for name, value in fields.items():
            setattr(readiness, name, value)
        if readiness.departure_on and readiness.return_on:
            if readiness.return_on <= readiness.departure_on:
                raise SisterCityError(
                    _("The return must come after the departure."), code="travel_dates"
                )
        full_clean(readiness)
        readiness.save()
        _start_pre_departure(application, actor)
    return readiness


def orientation_record(*, actor, application: Application, attended_on: dt.date) -> Readiness:
    _require_staff(actor, application)
    if attended_on > timezone.localdate():
        raise SisterCityError(_("Attendance cannot be recorded in advance."), code="future")
    with transaction.atomic(), set_actor(actor):
        application = _lock(application)
        if application.status not in (Status.ACCEPTED, Status.PRE_DEPARTURE):
            raise SisterCityError(
                _("Orientation is recorded for participants preparing to depart."),
                code="not_participant",
            )
        readiness, _created = Readiness.objects.get_or_create(application=application)
        readiness.orientation_attended_on = attended_on
        readiness.save(update_fields=["orientation_attended_on", "updated_at"])
        _start_pre_departure(application, actor)
    return readiness


def participant_depart(*, actor, application: Application) -> Application:
    """Mark a ready participant as travelling; refused while anything is missing."""
    _require_staff(actor, application)
    with transaction.atomic(), set_actor(actor):
        application = _lock(application)
        missing = [i.label for i in selectors.readiness_checklist(application) if not i.ok]
        if missing:
            raise SisterCityError(
                _("Not ready to depart; missing: {items}.").format(items=", ".join(missing)),
                code="not_ready",
            )
        _transition(application, Status.TRAVELLING, actor=actor)
    return application


def participant_complete(*, actor, application: Application) -> Application:
    _require_staff(actor, application)
    with transaction.atomic(), set_actor(actor):
        application = _lock(application)
        _transition(application, Status.COMPLETED, actor=actor)
    return application


def readiness_send_reminders(*, today: dt.date | None = None) -> int:
    """E-mail each participant what her checklist still misses; at most once a day each."""
    today = today or timezone.localdate()
    sent = 0
    for application in Application.objects.filter(
        status__in=[Status.ACCEPTED, Status.PRE_DEPARTURE]
    ).select_related("call", "applicant"):
        missing = [i for i in selectors.readiness_checklist(application) if not i.ok]
        if not missing:
            continue
        try:
            with transaction.atomic():
                ReadinessReminder.objects.create(
                    application=application, sent_on=today, missing=[i.code for i in missing]
                )
                with translation.override(application.applicant.preferred_language):
                    # Labels and details in her language.
                    missing = [i for i in selectors.readiness_checklist(application) if not i.ok]
                    send_templated_mail(
                        to_user=application.applicant,
                        template="exchange/email/readiness_reminder",
                        context={
                            "application": application,
                            "call": application.call,
                            "missing": missing,
                            "url": _absolute(
                                reverse("exchange:readiness", args=[application.reference]),
                                application.applicant,
                            ),
                        },
                    )
                sent += 1
        except IntegrityError:
            continue  # already reminded today
    return sent


# --------------------------------------------------------------------------------------
# After return
# --------------------------------------------------------------------------------------


def report_submit(*, actor, application: Application, text: str) -> ParticipantReport:
    _require_own(actor, application)
    text = (text or "").strip()
    if not text:
        raise SisterCityError(_("The report is empty."), code="empty")
    with transaction.atomic(), set_actor(actor):
        application = _lock(application)
        if application.status not in (Status.COMPLETED, Status.ALUMNI):
            raise SisterCityError(
                _("The report is written after the programme is completed."), code="not_completed"
            )
        report, _created = ParticipantReport.objects.get_or_create(
            application=application, defaults={"text": text}
        )
        report.text = text
        full_clean(report)
        report.save()
    return report


def host_feedback_record(
    *, actor, application: Application, rating: int, text: str = ""
) -> HostFeedback:
    _require_staff(actor, application)
    if not isinstance(rating, int) or not 1 <= rating <= 5:
        raise SisterCityError(_("The rating goes from 1 to 5."), code="rating")
    with transaction.atomic(), set_actor(actor):
        application = _lock(application)
        if application.status not in (Status.TRAVELLING, Status.COMPLETED, Status.ALUMNI):
            raise SisterCityError(
                _("Host feedback is recorded for participants who went."), code="not_completed"
            )
        feedback, _created = HostFeedback.objects.update_or_create(
            application=application,
            defaults={"rating": rating, "text": text, "entered_by": actor},
        )
        full_clean(feedback)
    return feedback


def alumni_opt_in(*, actor, application: Application, listed: bool) -> Application:
    """Join (or leave) the alumni list; the first opt-in after completion makes her alumni."""
    _require_own(actor, application)
    with transaction.atomic(), set_actor(actor):
        application = _lock(application)
        if application.status not in (Status.COMPLETED, Status.ALUMNI):
            raise SisterCityError(
                _("The alumni list is for participants who completed the programme."),
                code="not_completed",
            )
        application.alumni_opt_in = listed
        application.save(update_fields=["alumni_opt_in", "updated_at"])
        if listed and application.status == Status.COMPLETED:
            _transition(application, Status.ALUMNI, actor=actor)
    return application


def visible_applications_q(user) -> Q:
    return Q(pk__in=Application.objects.for_user(user).values("pk"))
