from typing import Any

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from sistercity.accounts import services, two_factor
from sistercity.accounts.forms import DeleteAccountForm, ProfileForm
from sistercity.core.views import run_service_on_form


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def get_success_url(self):
        url = self.get_redirect_url()
        if url:
            return url
        # Without a "next", land in the person's own language: on the dashboard, or, for an
        # applicant without any organisation, on their applications.
        user: Any = self.request.user  # signed in: the login just succeeded
        target = "partnerships:dashboard"
        if not user.is_superuser and not user.memberships.exists():
            target = "exchange:my_applications"
        with translation.override(user.preferred_language):
            return reverse(target)


@login_required
def profile(request):
    user = request.user
    form = ProfileForm(
        request.POST or None,
        initial={
            "full_name": user.full_name,
            "name_reading": user.name_reading,
            "preferred_language": user.preferred_language,
            "time_zone": user.time_zone,
        },
    )
    if request.method == "POST" and form.is_valid():
        services.user_update_profile(actor=user, **form.cleaned_data)
        messages.success(request, _("Your settings were saved."))
        with translation.override(user.preferred_language):
            return redirect(reverse("accounts:profile"))
    status = {
        "on": two_factor.has_authenticator(user),
        "required": two_factor.is_required(user),
        "codes_left": two_factor.recovery_codes_left(user),
    }
    return render(request, "accounts/profile.html", {"form": form, "two_factor": status})


@login_required
def my_data(request):
    """The signed-in person's own data as one JSON file (accounts/personal_data.py)."""
    import json

    from sistercity.accounts.personal_data import personal_data_of
    from sistercity.core.views import file_response

    data = personal_data_of(request.user)
    return file_response(
        json.dumps(data, ensure_ascii=False, indent=2).encode(),
        filename="sistercity-my-data.json",
        content_type="application/json",
    )


@login_required
def delete_account(request):
    """“Delete my account”: what goes, what stays and why, then the password to confirm."""
    form = DeleteAccountForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        erased = run_service_on_form(
            request, form, services.account_delete, password=form.cleaned_data["password"]
        )
        if erased is not None:
            logout(request)
            messages.success(
                request, _("Your account was deleted and your personal data erased. Goodbye.")
            )
            return redirect("/")
    status = 400 if form.errors else 200
    can_delete = not (request.user.is_superuser or request.user.memberships.exists())
    return render(
        request,
        "accounts/delete_account.html",
        {"form": form, "error_form": form if form.errors else None, "can_delete": can_delete},
        status=status,
    )
