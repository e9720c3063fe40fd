"""API tokens: issuing, listing and revoking a person's own (``accounts.ApiToken``, hashed by
django-rest-knox). A token is an API session: it ends at its expiry, when its owner logs out
of the site or the API, changes or resets the password, or revokes it on the account page."""

from auditlog.context import set_actor
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from knox.settings import knox_settings

from sistercity.accounts.models import ApiToken, User
from sistercity.core.errors import SisterCityError, full_clean


def api_tokens_of(user: User) -> QuerySet[ApiToken]:
    """The tokens of ``user`` that still open the API, newest first."""
    return ApiToken.objects.filter(user=user).filter(
        Q(expiry__isnull=True) | Q(expiry__gt=timezone.now())
    )


def api_token_issue(*, actor: User, name: str = "") -> tuple[ApiToken, str]:
    """A new token for ``actor``; the clear key is returned once and never stored."""
    with transaction.atomic(), set_actor(actor):
        ApiToken.objects.filter(user=actor, expiry__lte=timezone.now()).delete()
        limit = knox_settings.TOKEN_LIMIT_PER_USER
        if limit is not None and api_tokens_of(actor).count() >= limit:
            raise SisterCityError(
                _(
                    "You already hold {limit} API tokens. Revoke one on your account page "
                    "before asking for another."
                ).format(limit=limit),
                code="token_limit",
                status=403,
            )
        full_clean(ApiToken(user=actor, name=name), exclude=["digest", "token_key"])
        return ApiToken.objects.create(user=actor, name=name)


def api_token_revoke(*, actor: User, token_key: str) -> int:
    """Revoke ``actor``'s own token named by its key prefix (another person's is not found)."""
    with transaction.atomic(), set_actor(actor):
        deleted, _rows = ApiToken.objects.filter(user=actor, token_key=token_key).delete()
    if not deleted:
        raise SisterCityError(
            _("You hold no API token {key}.").format(key=token_key), code="not_found", status=404
        )
    return deleted


def api_tokens_revoke_all(*, actor: User) -> int:
    with transaction.atomic(), set_actor(actor):
        deleted, _rows = ApiToken.objects.filter(user=actor).delete()
    return deleted


def revoke_at_log_out(sender, request, user, **kwargs) -> None:
    """``user_logged_out``: logging out of the site ends the person's API tokens too."""
    if user is not None and user.pk:
        api_tokens_revoke_all(actor=user)
