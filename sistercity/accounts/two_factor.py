"""Two-factor authentication: who must give a second factor, enrolling an authenticator app
(TOTP) with one-time recovery codes, and checking a code (django-otp's devices).

- Required for the roles of ``TWO_FACTOR_ROLES`` (secretariat, partner officers) and platform
  admins while ``TWO_FACTOR_REQUIRED`` is on; anyone else may turn it on, and is then asked
  for a code at every log-in too.
- A person has at most one confirmed authenticator (``TOTPDevice`` named ``authenticator``)
  and one set of ``RECOVERY_CODE_COUNT`` recovery codes (``StaticDevice`` named ``recovery``);
  each recovery code works once (django-otp deletes it when it is used).
- A wrong code changes nothing but the device's throttle: django-otp makes it wait 1, 2, 4 …
  seconds before it checks the next code, and we say how long.
"""

import io
import math

from auditlog.context import set_actor
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp import devices_for_user
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from sistercity.accounts.models import User
from sistercity.core.errors import SisterCityError

AUTHENTICATOR = "authenticator"
RECOVERY = "recovery"
RECOVERY_CODE_COUNT = 10


def is_required(user: User) -> bool:
    """Whether ``user`` must use a second factor: a platform admin, or a member in one of the
    ``TWO_FACTOR_ROLES``, while ``TWO_FACTOR_REQUIRED`` is on."""
    if not settings.TWO_FACTOR_REQUIRED or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    return user.memberships.filter(role__in=settings.TWO_FACTOR_ROLES).exists()


def has_authenticator(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def is_enabled(user: User) -> bool:
    """Whether ``user`` logs in with a second factor (required or chosen): a confirmed
    authenticator, or the requirement (then they are sent to set one up)."""
    return has_authenticator(user) or is_required(user)


def pending_authenticator(user: User) -> TOTPDevice:
    """The not yet confirmed authenticator ``user`` is setting up (a new secret if none)."""
    device = TOTPDevice.objects.filter(user=user, name=AUTHENTICATOR, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR, confirmed=False)
    return device


def secret_text(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, to type into an app that cannot scan."""
    import base64

    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The ``otpauth://`` address of ``device`` as an inline SVG QR code (paths only: no
    script, no style, so the Content-Security-Policy lets it be)."""
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()


def _normalise(code: str) -> str:
    return "".join((code or "").split()).replace("-", "").lower()


def _wait_message(seconds: float) -> str:
    return _("Too many wrong codes. Wait {seconds} seconds and try again.").format(
        seconds=max(1, math.ceil(seconds))
    )


def _check(devices: list[Device], code: str) -> Device:
    """The device among ``devices`` that accepts ``code``, or a translated refusal. Each
    device throttles itself; the wait it asks for is named."""
    code = _normalise(code)
    if not code:
        raise SisterCityError(_("Enter the code."), code="otp_required", field="code")
    accepted = None
    locked_until = None
    # Rows are locked so that two requests cannot both use one recovery code or one TOTP step.
    # The transaction ends before a refusal is raised, so the throttle's count is kept.
    with transaction.atomic():
        for device in devices:
            device = type(device).objects.select_for_update().get(pk=device.pk)
            allowed, info = device.verify_is_allowed()
            if not allowed:
                until = (info or {}).get("locked_until")
                if until is not None:
                    locked_until = max(locked_until or until, until)
                continue
            if device.verify_token(code):
                accepted = device
                break
    if accepted is not None:
        return accepted
    if locked_until is not None:
        seconds = (locked_until - timezone.now()).total_seconds()
        raise SisterCityError(_wait_message(seconds), code="otp_throttled", field="code")
    raise SisterCityError(
        _("That code is not right. Enter the 6 digits your app shows now, or a recovery code."),
        code="otp_invalid",
        field="code",
    )


def verify(*, actor: User, code: str) -> Device:
    """Check a code from ``actor``'s authenticator or one of their recovery codes; a recovery
    code is spent. Returns the device that accepted it (for ``django_otp.login``)."""
    devices = list(devices_for_user(actor, confirmed=True))
    if not devices:
        raise SisterCityError(
            _("Set up two-factor authentication first."), code="otp_setup_required", status=403
        )
    return _check(devices, code)


def _new_recovery_codes(user: User) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY, confirmed=True)
    codes = [StaticToken.random_token() for _i in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def confirm_authenticator(*, actor: User, device: TOTPDevice, code: str) -> list[str]:
    """Confirm the authenticator being set up with a code it shows; it replaces any earlier
    one, and a new set of recovery codes replaces the old. Returns the recovery codes (shown
    once, never stored in clear anywhere else)."""
    if device.user_id != actor.pk or device.confirmed:
        raise SisterCityError(_("Start the set-up again."), code="otp_stale", field="code")
    _check([device], code)
    with transaction.atomic(), set_actor(actor):
        TOTPDevice.objects.filter(user=actor).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        return _new_recovery_codes(actor)


def renew_recovery_codes(*, actor: User) -> list[str]:
    """A new set of recovery codes; the old ones stop working."""
    if not has_authenticator(actor):
        raise SisterCityError(
            _("Set up two-factor authentication first."), code="otp_setup_required", status=403
        )
    with transaction.atomic(), set_actor(actor):
        return _new_recovery_codes(actor)


def recovery_codes_left(user: User) -> int:
    return StaticToken.objects.filter(device__user=user).count()


def turn_off(*, actor: User) -> None:
    """Remove ``actor``'s authenticator and recovery codes; refused where it is required."""
    if is_required(actor):
        raise SisterCityError(
            _("Your role requires two-factor authentication; it cannot be turned off."),
            code="otp_required_by_role",
            status=403,
        )
    with transaction.atomic(), set_actor(actor):
        TOTPDevice.objects.filter(user=actor).delete()
        StaticDevice.objects.filter(user=actor).delete()
