from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from sistercity.accounts.models import Organisation
from sistercity.core.validators import validate_no_markup
from sistercity.partnerships.models import Pillar
from sistercity.programs import choices as c

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def text(label, required=True, max_length=300, area=False):
    return forms.CharField(
        label=label,
        required=required,
        max_length=None if area else max_length,
        widget=forms.Textarea(attrs={"rows": 3}) if area else None,
        validators=[validate_no_markup],
    )


class ProgrammeForm(forms.Form):
    pillar = forms.ModelChoiceField(label=_("Pillar"), queryset=Pillar.objects.none())
    code = forms.SlugField(label=_("Code"), max_length=50)
    title = text(_("Title"))
    description = text(_("Description"), required=False, area=True)
    status = forms.ChoiceField(
        label=_("Status"), choices=c.ActivityStatus.choices, initial=c.ActivityStatus.IMPLEMENTATION
    )
    lead_agencies = forms.ModelMultipleChoiceField(
        label=_("Lead agencies"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    is_public = forms.BooleanField(
        label=_("Show on the public accountability page"), required=False
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pillar"].queryset = partnership.pillars.prefetch_related("translations")
        municipalities = partnership.municipalities.values("pk")
        self.fields["lead_agencies"].queryset = Organisation.objects.filter(
            parent__in=municipalities
        ).prefetch_related("translations") | Organisation.objects.filter(pk__in=municipalities)


class ActivityForm(forms.Form):
    code = forms.SlugField(label=_("Code"), max_length=50)
    title = text(_("Title"))
    description = text(_("Description"), required=False, area=True)
    status = forms.ChoiceField(label=_("Status"), choices=c.ActivityStatus.choices)
    planned_start = forms.DateField(label=_("Planned start"), required=False, widget=DATE)
    planned_end = forms.DateField(label=_("Planned end"), required=False, widget=DATE)
    actual_start = forms.DateField(label=_("Actual start"), required=False, widget=DATE)
    actual_end = forms.DateField(label=_("Actual end"), required=False, widget=DATE)
    is_public = forms.BooleanField(label=_("Public"), required=False)


class ResultForm(forms.Form):
    result_type = forms.ChoiceField(label=_("Type"), choices=c.ResultType.choices)
    title = text(_("Title"))
    status = forms.ChoiceField(label=_("Status"), choices=c.ResultStatus.choices)


class IndicatorForm(forms.Form):
    result = forms.IntegerField(widget=forms.HiddenInput)
    code = forms.SlugField(label=_("Code"), max_length=50)
    title = text(_("Title"))
    measure = forms.ChoiceField(label=_("Measure"), choices=c.IndicatorMeasure.choices)
    ascending = forms.BooleanField(label=_("Higher is better"), required=False, initial=True)
    cumulative = forms.BooleanField(
        label=_("Values add up across periods"), required=False, initial=True
    )
    unit = text(_("Unit"), required=False, max_length=40)
    baseline_year = forms.IntegerField(
        label=_("Baseline year"), required=False, min_value=1900, max_value=2200
    )
    baseline_value = forms.DecimalField(
        label=_("Baseline value"), required=False, max_digits=18, decimal_places=4
    )


class PeriodForm(forms.Form):
    indicator = forms.IntegerField(widget=forms.HiddenInput)
    start = forms.DateField(label=_("Start"), widget=DATE)
    end = forms.DateField(label=_("End"), widget=DATE)
    target_value = forms.DecimalField(
        label=_("Target"), required=False, max_digits=18, decimal_places=4
    )
    target_comment = text(_("Target comment"), required=False)


class UpdateForm(forms.Form):
    period = forms.IntegerField(widget=forms.HiddenInput)
    value = forms.DecimalField(label=_("Value"), required=False, max_digits=18, decimal_places=4)
    narrative = text(_("Narrative"), required=False, area=True)
    submit = forms.BooleanField(label=_("Submit for approval now"), required=False, initial=True)


class ReviewForm(forms.Form):
    update = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(choices=[("approve", "approve"), ("return", "return")])
    comment = text(_("Comment"), required=False, area=True)


class BudgetLineForm(forms.Form):
    source = forms.ChoiceField(label=_("Funding source"), choices=c.FundingSource.choices)
    side = forms.ChoiceField(label=_("Side"), choices=c.Side.choices)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    amount = forms.DecimalField(label=_("Amount"), min_value=0, max_digits=18, decimal_places=2)
    currency = forms.ChoiceField(label=_("Currency"), choices=c.Currency.choices)
    note = text(_("Note"), required=False)


class TransactionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=c.TransactionType.choices)
    source = forms.ChoiceField(label=_("Funding source"), choices=c.FundingSource.choices)
    side = forms.ChoiceField(label=_("Side"), choices=c.Side.choices)
    on = forms.DateField(label=_("Date"), widget=DATE)
    amount = forms.DecimalField(label=_("Amount"), min_value=0, max_digits=18, decimal_places=2)
    currency = forms.ChoiceField(label=_("Currency"), choices=c.Currency.choices)
    note = text(_("Note"), required=False)


class MeetingForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=c.MeetingKind.choices)
    participants = forms.ModelMultipleChoiceField(
        label=_("Participants"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    held_on = forms.DateField(label=_("Date"), widget=DATE)
    title = text(_("Title"))
    place = text(_("Place"), required=False, max_length=200)
    is_joint = forms.BooleanField(label=_("Both sides took part"), required=False, initial=True)
    other_participants = text(_("Other participants"), required=False, area=True)
    minutes = text(_("Minutes"), required=False, area=True)
    decisions = text(_("Decisions"), required=False, area=True)

    def __init__(self, *args, partnership, **kwargs):
        from sistercity.accounts.models import User

        super().__init__(*args, **kwargs)
        municipalities = partnership.municipalities.values("pk")
        self.fields["participants"].queryset = (
            User.objects.filter(is_active=True)
            .filter(
                models.Q(memberships__organisation__in=municipalities)
                | models.Q(memberships__organisation__parent__in=municipalities)
            )
            .distinct()
            .order_by("full_name")
        )


class ActionItemForm(forms.Form):
    description = text(_("Action"))
    due_on = forms.DateField(label=_("Due on"), widget=DATE)


class ClauseForm(forms.Form):
    number = text(_("Number (e.g. Article 2)"), max_length=20)
    text = text(_("Text"), area=True)


class PlanItemForm(forms.Form):
    clause = forms.IntegerField(widget=forms.HiddenInput)
    code = forms.SlugField(label=_("Code"), max_length=50)
    title = text(_("Action-plan item"))


class FeedForm(forms.Form):
    indicator = forms.IntegerField(widget=forms.HiddenInput)


class ParticipantForm(forms.Form):
    activity = forms.IntegerField(widget=forms.HiddenInput)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.prefetch_related("translations")
    )
    role = forms.ChoiceField(label=_("Role"), choices=c.OrganisationRole.choices)


class LocationForm(forms.Form):
    activity = forms.IntegerField(widget=forms.HiddenInput)
    name = text(_("Place"), max_length=200)
    admin_level = text(
        _("Administrative level (kecamatan, desa, district)"), required=False, max_length=40
    )
    latitude = forms.DecimalField(
        label=_("Latitude"), required=False, max_digits=9, decimal_places=6
    )
    longitude = forms.DecimalField(
        label=_("Longitude"), required=False, max_digits=9, decimal_places=6
    )


def parse_disaggregation(dimensions, data) -> dict:
    """Read ``dis_<dimension>`` fields written as "female=2; male=6" into
    ``{dimension: {category: value}}``; the service checks the numbers."""
    result = {}
    for dimension in dimensions:
        raw = (data.get(f"dis_{dimension}") or "").strip()
        if not raw:
            continue
        pairs = {}
        for part in raw.replace(",", ";").split(";"):
            if not part.strip():
                continue
            category, _sep, value = part.partition("=")
            pairs[category.strip()] = value.strip()
        result[dimension] = pairs
    return result
