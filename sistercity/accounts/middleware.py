from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from sistercity.accounts import two_factor

# What a person who still owes a code may open: the log-in and log-out, the two-factor pages
# themselves, the password reset (a way back in), the language switch and the health check.
OPEN_BEFORE_CODE = {
    "accounts:login",
    "accounts:logout",
    "accounts:two_factor_setup",
    "accounts:two_factor_verify",
    "accounts:password_reset",
    "accounts:password_reset_done",
    "accounts:password_reset_confirm",
    "accounts:password_reset_complete",
    "api:token",
    "set_language",
    "health",
    "robots_txt",
}


class TwoFactorMiddleware:
    """After the password, a person who must use two-factor authentication (their role) or
    chose to, and has not given a code in this session, reaches nothing but ``OPEN_BEFORE_CODE``:
    pages redirect to the set-up (no authenticator yet) or to the code page, and the session
    API answers 403. A request with ``Authorization`` is left to the API's token check: a token
    is issued only after the code (``api_auth.TokenView``).

    The check runs on every request of an unverified session, so a role given during a session
    is enforced at once. ``TWO_FACTOR_REQUIRED`` turns the role requirement off (the tests do,
    so that their ``force_login`` stands for a complete log-in; the two-factor tests turn it
    back on); a person who chose two-factor is asked for a code either way."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():
            return None
        match = request.resolver_match
        if match is not None and match.view_name in OPEN_BEFORE_CODE:
            return None
        if request.path.startswith("/api/") and request.META.get("HTTP_AUTHORIZATION"):
            return None
        if not two_factor.is_enabled(user):
            return None
        if request.path.startswith("/api/"):
            return JsonResponse(
                {
                    "detail": _(
                        "Give your two-factor authentication code on the site first, or use "
                        "an API token."
                    ),
                    "code": "otp_required",
                },
                status=403,
            )
        target = (
            "accounts:two_factor_verify"
            if two_factor.has_authenticator(user)
            else "accounts:two_factor_setup"
        )
        url = reverse(target)
        if request.method == "GET":
            url += "?" + urlencode({"next": request.get_full_path()})
        return redirect(url)
