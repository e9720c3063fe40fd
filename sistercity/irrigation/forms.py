"""Page forms; the services check the rules again (the forms only type the input)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from sistercity.irrigation.choices import IksiComponent, half_month_label
from sistercity.irrigation.models import IksiAssessment

MAX_UPLOAD = 5 * 1024 * 1024


class BmkgUploadForm(forms.Form):
    file = forms.FileField(label=_("BMKG daily data (XLSX)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload


class GroupShiftForm(forms.Form):
    shift_half_months = forms.TypedChoiceField(
        label=_("planting shift"), coerce=int, choices=[(i, str(i)) for i in range(7)]
    )


class SeasonStartForm(forms.Form):
    season_start = forms.TypedChoiceField(
        label=_("start of the wet-season land preparation"),
        coerce=int,
        choices=[(h, half_month_label(h)) for h in range(24)],
    )


class IksiForm(forms.ModelForm):
    class Meta:
        model = IksiAssessment
        fields = ["assessed_on", *IksiComponent.values, "source"]
        widgets = {"assessed_on": forms.DateInput(attrs={"type": "date"})}
