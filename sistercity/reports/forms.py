"""The forms of the job-starting pages: the XLSX upload and the M&E report request."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from sistercity.core.validators import validate_no_markup


class ImportForm(forms.Form):
    file = forms.FileField(label=_("XLSX workbook"))


class MeReportForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    format = forms.ChoiceField(label=_("Format"), choices=[("pdf", "PDF"), ("xlsx", "XLSX")])
    year = forms.IntegerField(label=_("Reporting year"), min_value=2000, max_value=2100)
    # The words only people can write: what the year meant, what happened, what should change,
    # and who signs. Kept with the report's request, offered again the next time.
    summary = forms.CharField(
        label=_("Summary"),
        required=False,
        max_length=3000,
        validators=[validate_no_markup],
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("A few sentences for the first page: what the year achieved."),
    )
    narrative = forms.CharField(
        label=_("Narrative"),
        required=False,
        max_length=10000,
        validators=[validate_no_markup],
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What happened, what went well and what did not, and why."),
    )
    recommendations = forms.CharField(
        label=_("Recommendations"),
        required=False,
        max_length=5000,
        validators=[validate_no_markup],
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line."),
    )
    signatory_name = forms.CharField(
        label=_("Signed by (name)"), required=False, max_length=200, validators=[validate_no_markup]
    )
    signatory_position = forms.CharField(
        label=_("Signatory's position"),
        required=False,
        max_length=200,
        validators=[validate_no_markup],
    )
