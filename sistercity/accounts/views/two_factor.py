"""Two-factor authentication pages: set-up (scan or type the secret, confirm with a code, see
the recovery codes once), the code asked for after the password, new recovery codes and
turning it off (where the role allows)."""

import django_otp
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sistercity.accounts import two_factor
from sistercity.accounts.forms import CodeForm
from sistercity.core.errors import SisterCityError
from sistercity.core.views import refuse_on_form, run_service


def _next_url(request, default="accounts:profile"):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return None


def _codes_page(request, codes):
    return render(
        request,
        "accounts/two_factor_codes.html",
        {"codes": codes, "next": _next_url(request) or ""},
    )


@login_required
def setup(request):
    """Enrol an authenticator app. Replacing one that is already confirmed needs this session
    to have given a code first: a password alone does not move someone's second factor."""
    user = request.user
    if two_factor.has_authenticator(user) and not user.is_verified():
        return redirect("accounts:two_factor_verify")
    device = two_factor.pending_authenticator(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            codes = two_factor.confirm_authenticator(
                actor=user, device=device, code=form.cleaned_data["code"]
            )
        except SisterCityError as error:
            refuse_on_form(form, error)
        else:
            django_otp.login(request, device)
            messages.success(request, _("Two-factor authentication is on."))
            return _codes_page(request, codes)
    context = {
        "form": form,
        "qr": mark_safe(two_factor.qr_svg(device)),  # noqa: S308 - our own SVG, paths only
        "secret": two_factor.secret_text(device),
        "otpauth": device.config_url,
        "required": two_factor.is_required(user),
        "next": _next_url(request) or "",
    }
    return render(request, "accounts/two_factor_setup.html", context)


@login_required
def verify(request):
    user = request.user
    if not two_factor.has_authenticator(user):
        return redirect("accounts:two_factor_setup")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device = two_factor.verify(actor=user, code=form.cleaned_data["code"])
        except SisterCityError as error:
            refuse_on_form(form, error)
        else:
            django_otp.login(request, device)
            if device.name == two_factor.RECOVERY:
                messages.warning(
                    request,
                    _("You used a recovery code; {count} are left.").format(
                        count=two_factor.recovery_codes_left(user)
                    ),
                )
            return redirect(_next_url(request) or "partnerships:dashboard")
    return render(
        request, "accounts/two_factor_verify.html", {"form": form, "next": _next_url(request) or ""}
    )


@login_required
@require_POST
def recovery_codes(request):
    """New recovery codes, shown once; the old ones stop working."""
    codes = run_service(request, two_factor.renew_recovery_codes)
    if codes is None:
        return redirect("accounts:profile")
    return _codes_page(request, codes)


@login_required
@require_POST
def turn_off(request):
    run_service(request, two_factor.turn_off, _("Two-factor authentication is off."))
    return redirect("accounts:profile")
