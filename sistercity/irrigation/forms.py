"""Page forms; the services check the rules again (the forms only type the input)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sistercity.irrigation.choices import (
    AssociationLevel,
    Condition,
    IksiComponent,
    StructureKind,
    half_month_label,
)
from sistercity.irrigation.models import ClimateStation, IksiAssessment, Scheme
from sistercity.irrigation.services import SCHEME_FIELDS

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


class HalfMonthFlowField(forms.CharField):
    """24 numbers (m³/s), one per half-month from 1–15 January, separated by spaces or
    semicolons; a decimal comma is read as a point. Empty: no flow recorded yet."""

    def prepare_value(self, value):
        if isinstance(value, list):
            return " ".join(f"{q:g}" for q in value)
        return value

    def to_python(self, value):
        text = super().to_python(value) or ""
        values = []
        for token in text.replace(";", " ").split():
            try:
                values.append(float(token.replace(",", ".")))
            except ValueError:
                raise forms.ValidationError(
                    _("“{value}” is not a number.").format(value=token)
                ) from None
        return values


class FlowDurationField(forms.CharField):
    """The flow-duration table: one line per point, the percent of time exceeded and the flow
    in m³/s separated by a space."""

    widget = forms.Textarea(attrs={"rows": 7})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(f"{p:g} {q:g}" for p, q in value)
        return value

    def to_python(self, value):
        text = super().to_python(value) or ""
        table = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            parts = line.replace(";", " ").split()
            try:
                pair = [float(part.replace(",", ".")) for part in parts]
            except ValueError:
                pair = []
            if len(pair) != 2:
                raise forms.ValidationError(
                    _("Line {line} needs two numbers: percent of time exceeded and m³/s.").format(
                        line=number
                    )
                )
            table.append(pair)
        return table


class SchemeForm(forms.ModelForm):
    available_flow_m3s = HalfMonthFlowField(
        label=_("available flow at the intake by half-month (m³/s)"),
        required=False,
        help_text=_("24 numbers from 1–15 January to 16–31 December, separated by spaces."),
    )

    class Meta:
        model = Scheme
        fields = list(SCHEME_FIELDS)
        widgets = {"rehabilitated_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        station: Any = self.fields["station"]  # a ModelChoiceField
        station.queryset = ClimateStation.objects.filter(partnership=partnership)
        self.fields["season_start"] = forms.TypedChoiceField(
            label=self.fields["season_start"].label,
            coerce=int,
            choices=[(h, half_month_label(h)) for h in range(24)],
            initial=self.fields["season_start"].initial,
        )

    def _post_clean(self):
        """The service checks the rules (with its messages at the fields); the form only types
        the input, so the model is not validated twice here."""


class RotationGroupForm(forms.Form):
    code = forms.CharField(label=_("group"), max_length=20)
    area_ha = forms.DecimalField(label=_("area (ha)"), max_digits=9, decimal_places=2)
    shift_half_months = forms.TypedChoiceField(
        label=_("planting shift (half-months)"),
        coerce=int,
        choices=[(i, str(i)) for i in range(7)],
        initial=0,
    )


class AssociationForm(forms.Form):
    name = forms.CharField(label=_("name"), max_length=200)
    level = forms.ChoiceField(label=_("level"), choices=AssociationLevel.choices)
    members = forms.IntegerField(label=_("members"), initial=0)
    is_legal_entity = forms.BooleanField(label=_("legal entity (berbadan hukum)"), required=False)


class StructureForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind"), choices=StructureKind.choices)
    name = forms.CharField(label=_("name"), max_length=200)
    length_m = forms.DecimalField(
        label=_("length (m)"), max_digits=9, decimal_places=1, required=False
    )
    condition = forms.ChoiceField(label=_("condition"), choices=Condition.choices)


class DropForm(forms.Form):
    name = forms.CharField(label=_("name"), max_length=200)
    head_m = forms.DecimalField(label=_("head (m)"), max_digits=6, decimal_places=2)
    efficiency = forms.DecimalField(
        label=_("plant efficiency"), max_digits=4, decimal_places=3, initial="0.70"
    )
    design_flow_m3s = forms.DecimalField(
        label=_("design flow (m³/s)"), max_digits=7, decimal_places=3, required=False
    )
    flow_duration = FlowDurationField(
        label=_("flow-duration table"),
        help_text=_("One line per point: percent of time exceeded, then m³/s (e.g. “50 1.5”)."),
    )
    is_illustrative = forms.BooleanField(label=_("illustrative data"), required=False)


class StationForm(forms.ModelForm):
    class Meta:
        model = ClimateStation
        fields = [
            "code",
            "name",
            "latitude",
            "longitude",
            "elevation_m",
            "wind_height_m",
            "is_illustrative",
        ]

    def _post_clean(self):
        """The service checks the rules, with its messages at the fields."""
