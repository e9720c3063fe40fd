from typing import Any

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from sistercity.accounts import services, two_factor
from sistercity.accounts.forms import ProfileForm


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
