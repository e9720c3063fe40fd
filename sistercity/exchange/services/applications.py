"""An applicant's part: registration and e-mail verification, drafts, files, submission and
withdrawal."""

import zoneinfo
from typing import Any

from auditlog.context import set_actor
from django.contrib.auth.password_validation import validate_password
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.http import Http404
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from sistercity.accounts.models import User
from sistercity.core.errors import SisterCityError, full_clean
from sistercity.core.files import inspect_upload, removing_files_on_failure
from sistercity.core.mail import send_templated_mail
from sistercity.core.validators import validate_no_markup
from sistercity.exchange import selectors
from sistercity.exchange.choices import WITHDRAWABLE, EvidenceKind, OfferStatus, Status
from sistercity.exchange.models import (
    ApplicantProfile,
    Application,
    ApplicationFile,
    Call,
    Placement,
    Preference,
    RequiredDocument,
    ReviewAssignment,
)
from sistercity.exchange.services._common import (
    absolute,
    lock,
    require_own,
    start_pre_departure,
    transition,
)
from sistercity.exchange.services.offers import offer_next

VERIFY_SALT = "sistercity.exchange.verify-email"
VERIFY_MAX_AGE = 3 * 24 * 3600

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

# --------------------------------------------------------------------------------------
# Registration and e-mail verification
# --------------------------------------------------------------------------------------


def verification_token(user: User) -> str:
    return signing.dumps({"user": user.pk, "email": user.email}, salt=VERIFY_SALT)


def _send_verification(user: User) -> None:
    with translation.override(user.preferred_language):
        path = reverse("exchange:verify_email", args=[verification_token(user)])
    send_templated_mail(
        to_user=user,
        template="exchange/email/verify",
        context={"url": absolute(path, user), "days": VERIFY_MAX_AGE // 86400},
    )


def applicant_register(
    *, email: str, full_name: str, password: str, preferred_language: str
) -> User | None:
    """A new applicant account; a link to verify the address is e-mailed. Until she follows
    it she can keep drafts but not submit.

    Whether an address already has an account is never told to whoever fills in the form (that
    would let anyone test addresses): the owner of the address gets an e-mail instead, with the
    way to log in or reset the password, and the caller gets None."""
    email = (email or "").strip().lower()
    user = User(email=email, full_name=full_name, preferred_language=preferred_language)
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise SisterCityError(" ".join(error.messages), code="password") from error
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None:
        _send_account_exists(existing)
        return None
    user.set_password(password)
    full_clean(user, exclude=["password"])
    with transaction.atomic():
        user.save()
        ApplicantProfile.objects.create(user=user)
        _send_verification(user)
    return user


def _send_account_exists(user: User) -> None:
    with translation.override(user.preferred_language):
        login_path = reverse("accounts:login")
        reset_path = reverse("accounts:password_reset")
    send_templated_mail(
        to_user=user,
        template="exchange/email/account_exists",
        context={"login_url": absolute(login_path, user), "reset_url": absolute(reset_path, user)},
    )


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


# --------------------------------------------------------------------------------------
# Drafts, files, submission and withdrawal
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


def application_start(*, actor: Any, call: Call) -> Application:
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


def _require_draft(application: Application) -> None:
    if application.status != Status.DRAFT:
        raise SisterCityError(
            _("A submitted application cannot be changed any more."), code="not_draft"
        )


def _check_preferences(call: Call, placements: list[Any]) -> list[Placement]:
    """Placements named by id, code or object; unknown ones and repeats are refused."""
    by_key: dict[Any, Placement] = {}
    for placement in call.placements.all():
        by_key[placement.pk] = by_key[placement.code] = by_key[str(placement.pk)] = placement
    chosen: list[Placement] = []
    for item in placements:
        key = item.pk if isinstance(item, Placement) else item
        found = by_key.get(key)
        if found is None or (isinstance(item, Placement) and item.call_id != call.pk):
            raise SisterCityError(
                _("“{placement}” is not a placement of this call.").format(placement=item),
                code="unknown_placement",
            )
        if found in chosen:
            raise SisterCityError(
                _("“{placement}” is listed more than once.").format(placement=found),
                code="duplicate_preference",
            )
        chosen.append(found)
    return chosen


def _check_answers(call: Call, answers: dict[Any, Any]) -> dict[str, str]:
    """The answers to the call's own questions, stripped; markup and unknown questions are
    refused."""
    questions = {str(q.pk): q for q in call.questions.all()}
    extra = set(map(str, answers)) - set(questions)
    if extra:
        raise SisterCityError(
            _("Answers were given to questions this call does not ask."),
            code="unknown_question",
        )
    cleaned = {str(k): (v or "").strip() for k, v in answers.items()}
    for value in cleaned.values():
        try:
            validate_no_markup(value)
        except ValidationError as error:
            raise SisterCityError(error.messages[0], code="markup") from error
    return cleaned


def application_update(
    *,
    actor: User,
    application: Application,
    answers: dict[Any, Any] | None = None,
    preferences: list[Any] | None = None,
    **fields: Any,
) -> Application:
    """Change a draft: personal facts, answers and the ranking of placements."""
    require_own(actor, application)
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise SisterCityError(
            _("These fields cannot be changed: {fields}.").format(
                fields=", ".join(sorted(unknown))
            ),
            code="invalid",
        )
    with transaction.atomic(), set_actor(actor):
        application = lock(application)
        _require_draft(application)
        call = application.call
        chosen = _check_preferences(call, preferences) if preferences is not None else None
        for name, value in fields.items():
            setattr(application, name, value)
        if answers is not None:
            application.answers = _check_answers(call, answers)
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
    *,
    actor: User,
    application: Application,
    file: UploadedFile,
    required_document: RequiredDocument | None = None,
    evidence: str = "",
) -> ApplicationFile:
    """Add a required document to a draft, or evidence to the pre-departure checklist."""
    require_own(actor, application)
    if bool(required_document) == bool(evidence):
        raise SisterCityError(_("Say what the file is for."), code="file_purpose")
    if required_document is not None and required_document.call_id != application.call_id:
        raise SisterCityError(_("The call does not ask for this document."), code="document")
    if evidence and evidence not in EvidenceKind.values:
        raise SisterCityError(_("Unknown kind of evidence."), code="evidence")
    inspected = inspect_upload(file)
    with removing_files_on_failure() as written, transaction.atomic(), set_actor(actor):
        application = lock(application)
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
            start_pre_departure(application, actor)
    return stored


def _assign_panel(application: Application) -> None:
    """Every member of the call's panel reviews a submitted application (but her own)."""
    for member in application.call.panel.select_related("user"):
        if member.user_id != application.applicant_id:
            ReviewAssignment.objects.get_or_create(application=application, reviewer=member.user)


def application_submit(*, actor: User, application: Application) -> Application:
    """Submit before the deadline (by the server's clock), if the address is verified and the
    call's eligibility rules are met; the panel is assigned."""
    require_own(actor, application)
    with transaction.atomic(), set_actor(actor):
        application = lock(application)
        _require_draft(application)
        _require_open(application.call)
        if not selectors.is_verified(actor):
            raise SisterCityError(
                _("Verify your e-mail address first: follow the link we sent you."),
                code="unverified",
            )
        problems = selectors.eligibility_problems(application)
        if problems:
            raise SisterCityError(
                _("The application cannot be submitted yet: {problems}").format(
                    problems=" ".join(problems)
                ),
                code="ineligible",
            )
        application.submitted_at = timezone.now()
        application.save(update_fields=["submitted_at", "updated_at"])
        transition(application, Status.SUBMITTED, actor=actor)
        if application.call.assign_whole_panel:
            _assign_panel(application)
    return application


def application_withdraw(*, actor: User, application: Application, note: str = "") -> Application:
    require_own(actor, application)
    with transaction.atomic(), set_actor(actor):
        application = lock(application)
        if application.status not in WITHDRAWABLE:
            raise SisterCityError(
                _("An application that is “{status}” cannot be withdrawn.").format(
                    status=Status(application.status).label
                ),
                code="transition",
            )
        held = application.offers.filter(
            status__in=[OfferStatus.OPEN, OfferStatus.ACCEPTED]
        ).first()
        transition(application, Status.WITHDRAWN, actor=actor, note=note)
        if held is not None:
            held.status = OfferStatus.WITHDRAWN
            held.responded_at = timezone.now()
            held.save(update_fields=["status", "responded_at", "updated_at"])
            offer_next(held.placement, actor=actor)
    return application
