"""The account page's list of API tokens: each with its name, key prefix, issue and expiry, and
a button to revoke it (or all)."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sistercity.accounts import tokens
from sistercity.core.views import run_service


@login_required
def token_list(request):
    return render(request, "accounts/tokens.html", {"tokens": tokens.api_tokens_of(request.user)})


@login_required
@require_POST
def token_revoke(request, key):
    run_service(
        request,
        tokens.api_token_revoke,
        _("The token was revoked; it no longer opens the API."),
        token_key=key,
    )
    return redirect("accounts:tokens")


@login_required
@require_POST
def token_revoke_all(request):
    run_service(request, tokens.api_tokens_revoke_all, _("All your API tokens were revoked."))
    return redirect("accounts:tokens")


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's, and a new password ends every API token issued under the old one."""

    def form_valid(self, form):
        response = super().form_valid(form)
        tokens.api_tokens_revoke_all(actor=form.user)
        return response


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    def form_valid(self, form):
        response = super().form_valid(form)
        tokens.api_tokens_revoke_all(actor=form.user)
        return response
