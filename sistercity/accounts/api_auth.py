"""``/api/auth/token/``: a token for a correct e-mail address and password, with the same
protection as the log-in page — DRF throttling per address (scope ``auth``) and django-axes'
lockout per account and per address, answered with a translated message."""

from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle

from sistercity.accounts.security import lockout_message


class TokenView(ObtainAuthToken):
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "auth"

    def post(self, request, *args, **kwargs):
        try:
            return super().post(request, *args, **kwargs)
        except ValidationError:
            # axes refuses a locked-out account or address before the password is checked and
            # marks the request; Django then reports the credentials as wrong. Say why instead.
            if getattr(request, "axes_locked_out", False):
                return Response({"detail": lockout_message(), "code": "locked_out"}, status=429)
            raise


token_view = TokenView.as_view()
