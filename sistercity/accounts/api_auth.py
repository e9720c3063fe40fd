"""The API's log-in and its tokens.

- ``POST /api/auth/token/``: a token for a correct e-mail address and password, with the same
  protection as the log-in page — DRF throttling per address (scope ``auth``) and django-axes'
  lockout per account and per address, answered with a translated message. An account with
  two-factor authentication also sends ``otp``, a current code. The token expires
  (``API_TOKEN_HOURS``); only its hash is kept.
- ``POST /api/auth/logout/``: revokes the token the request is made with;
  ``/api/auth/logout-all/`` every token of its owner.
- ``/api/auth/tokens/``: the owner's tokens (key prefix, name, issued, expiry); ``DELETE
  /api/auth/tokens/<key prefix>/`` revokes one.
"""

from typing import Any

from django.contrib.auth import authenticate
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from knox.auth import TokenAuthentication
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView

from sistercity.accounts import tokens, two_factor
from sistercity.accounts.models import ApiToken
from sistercity.accounts.security import lockout_message
from sistercity.core.errors import SisterCityError


class LogInSerializer(serializers.Serializer):
    username = serializers.CharField(label=_("E-mail address"), write_only=True)
    password = serializers.CharField(
        label=_("Password"),
        write_only=True,
        trim_whitespace=False,
        style={"input_type": "password"},
    )
    name = serializers.CharField(
        label=_("Name of the token"), write_only=True, required=False, max_length=100
    )
    otp = serializers.CharField(
        label=_("Two-factor code"),
        write_only=True,
        required=False,
        max_length=32,
        help_text=_(
            "For an account with two-factor authentication: the code the authenticator app "
            "shows now, or a recovery code."
        ),
    )


class IssuedTokenSerializer(serializers.Serializer):
    token = serializers.CharField(help_text=_("Send it as the header 'Authorization: Token …'."))
    expiry = serializers.DateTimeField(allow_null=True)
    key = serializers.CharField(help_text=_("The token's first characters, to name it."))


class TokenView(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "auth"
    serializer_class = LogInSerializer

    @extend_schema(request=LogInSerializer, responses={200: IssuedTokenSerializer})
    def post(self, request, *args, **kwargs):
        form = LogInSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        user = authenticate(request=request, username=data["username"], password=data["password"])
        if user is None:
            # axes refuses a locked-out account or address before the password is checked and
            # marks the request; Django then reports the credentials as wrong. Say why instead.
            if getattr(request, "axes_locked_out", False):
                return Response({"detail": lockout_message(), "code": "locked_out"}, status=429)
            raise SisterCityError(
                _("That e-mail address and password do not match an account."),
                code="invalid_credentials",
            )
        _check_second_factor(user, data.get("otp", ""))
        instance, key = tokens.api_token_issue(actor=user, name=data.get("name", ""))
        return Response({"token": key, "expiry": instance.expiry, "key": instance.token_key})


def _check_second_factor(user, code: str) -> None:
    """A token is a session of its own, so an account that logs in with two-factor
    authentication (its role requires it, or its owner chose it) gets one only with a current
    code (``otp``); an account that must but has not set it up is sent to the site first."""
    if not two_factor.is_enabled(user):
        return
    if not two_factor.has_authenticator(user):
        raise SisterCityError(
            _(
                "Your role requires two-factor authentication. Set it up on the site (your "
                "settings) before asking for an API token."
            ),
            code="otp_setup_required",
            status=403,
        )
    if not (code or "").strip():
        raise SisterCityError(
            _("This account uses two-factor authentication: send the code as 'otp'."),
            code="otp_required",
        )
    two_factor.verify(actor=user, code=code)


class LogOutView(APIView):
    authentication_classes = [TokenAuthentication]
    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses={204: None})
    def post(self, request, *args, **kwargs):
        tokens.api_token_revoke(actor=request.user, token_key=request.auth.token_key)
        return Response(status=status.HTTP_204_NO_CONTENT)


class LogOutAllView(APIView):
    authentication_classes = [TokenAuthentication]
    permission_classes = [IsAuthenticated]

    @extend_schema(request=None, responses={204: None})
    def post(self, request, *args, **kwargs):
        tokens.api_tokens_revoke_all(actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ApiTokenSerializer(serializers.ModelSerializer):
    key = serializers.CharField(source="token_key", read_only=True)

    class Meta:
        model = ApiToken
        fields = ["key", "name", "created", "expiry"]
        read_only_fields = fields


class ApiTokenViewSet(mixins.ListModelMixin, mixins.DestroyModelMixin, viewsets.GenericViewSet):
    """The caller's own API tokens; nobody sees another person's."""

    serializer_class = ApiTokenSerializer
    permission_classes = [IsAuthenticated]
    lookup_field = "token_key"
    lookup_url_kwarg = "key"
    lookup_value_regex = "[0-9a-f]{1,25}"
    queryset = ApiToken.objects.none()

    def get_queryset(self):
        user: Any = self.request.user  # IsAuthenticated: a person
        return tokens.api_tokens_of(user)

    def perform_destroy(self, instance):
        user: Any = self.request.user
        tokens.api_token_revoke(actor=user, token_key=instance.token_key)


token_view = TokenView.as_view()
logout_view = LogOutView.as_view()
logout_all_view = LogOutAllView.as_view()
