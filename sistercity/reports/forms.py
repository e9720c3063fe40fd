"""The forms of the job-starting pages: the XLSX upload and the M&E report request."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class ImportForm(forms.Form):
    file = forms.FileField(label=_("XLSX workbook"))


class MeReportForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    format = forms.ChoiceField(label=_("Format"), choices=[("pdf", "PDF"), ("xlsx", "XLSX")])
    year = forms.IntegerField(label=_("Reporting year"), min_value=2000, max_value=2100)
