from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user

from sistercity.accounts.models import ApiToken, User
from sistercity.core.errors import SisterCityError
from sistercity.core.registry import registry


def user_update_profile(
    *, actor: User, full_name: str, name_reading: str, preferred_language: str, time_zone: str
) -> User:
    with transaction.atomic(), set_actor(actor):
        actor.full_name = full_name
        actor.name_reading = name_reading
        actor.preferred_language = preferred_language
        actor.time_zone = time_zone
        actor.full_clean(exclude=["password"])
        actor.save(update_fields=["full_name", "name_reading", "preferred_language", "time_zone"])
    return actor


# The fields of an account that say who the person is; erased when she deletes it, in the
# account and in the change log's past entries about it.
IDENTIFYING_FIELDS = ("email", "full_name", "name_reading")
ERASED = "(erased)"


def _scrub_change_log(user: User) -> None:
    """The change log keeps the entries about the account (when it was made, changed, closed:
    the record legal retention asks for) without the person's name and address."""
    for entry in LogEntry.objects.get_for_object(user):
        changes = entry.changes if isinstance(entry.changes, dict) else {}
        for name in IDENTIFYING_FIELDS:
            if name in changes:
                changes[name] = [ERASED if value else value for value in changes[name]]
        entry.changes = changes
        entry.changes_text = ""
        entry.object_repr = ERASED
        entry.serialized_data = None
        entry.save(update_fields=["changes", "changes_text", "object_repr", "serialized_data"])


def account_delete(*, actor: User, password: str) -> dict[str, dict[str, int]]:
    """“Delete my account”: the person's own data is erased or anonymised in every app (each
    app's ``Sector.erase_personal_data`` keeps what the counts and the record of decisions need),
    her log-in ends for good (no password, no tokens, no authenticator) and the account row
    stays, nameless, so that the decisions and the change log it is named in still add up.

    Refused, writing nothing, when the password is wrong, and for members of an organisation
    (their account is the organisation's to close, through a platform admin)."""
    if not actor.check_password(password):
        raise SisterCityError(
            _("That is not your password; nothing was deleted."), code="password", field="password"
        )
    if actor.is_superuser or actor.memberships.exists():
        raise SisterCityError(
            _(
                "Your account belongs to an organisation. Ask a platform administrator to close "
                "it; your memberships must be handed over first."
            ),
            code="member",
        )
    with transaction.atomic(), set_actor(actor):
        erased = registry.erase_personal_data(actor)
        ApiToken.objects.filter(user=actor).delete()
        for device in devices_for_user(actor, confirmed=None):
            device.delete()
        User.objects.filter(pk=actor.pk).update(
            email=f"deleted-{actor.pk}@deleted.invalid", full_name="", name_reading=""
        )
        _scrub_change_log(actor)
        actor.refresh_from_db()
        actor.is_active = False
        actor.set_unusable_password()
        actor.save(update_fields=["is_active", "password"])
    return erased
