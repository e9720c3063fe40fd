from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from sistercity.core.validators import validate_no_markup


class ProfileForm(forms.Form):
    full_name = forms.CharField(
        label=_("Full name"), max_length=200, validators=[validate_no_markup]
    )
    name_reading = forms.CharField(
        label=_("Reading of the name (kana or romaji)"),
        max_length=200,
        required=False,
        validators=[validate_no_markup],
    )
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"), choices=settings.LANGUAGES
    )
    time_zone = forms.ChoiceField(
        label=_("Time zone"), choices=[(z, z) for z in settings.USER_TIME_ZONES]
    )


class CodeForm(forms.Form):
    """A code from the authenticator app (6 digits) or a recovery code."""

    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autofocus": True, "spellcheck": "false"}
        ),
    )


class DeleteAccountForm(forms.Form):
    """“Delete my account”, confirmed with the password."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
