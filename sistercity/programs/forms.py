"""The forms of the programme, meeting and clause pages.

A form posted on a page names the objects it acts on by hidden ids (the result an indicator is
added to, the update being reviewed); ``ScopedForm`` turns each into the object, looked up only
among the page's own objects, so that an id from another programme is a 404 like a wrong URL.
The services receive objects, and the form's cleaned data is handed to them as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, cast

from django import forms
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from sistercity.accounts.models import Organisation, User
from sistercity.core.models import Pillar
from sistercity.core.validators import validate_no_markup
from sistercity.programs import choices as c
from sistercity.programs.feeds import feed_choices
from sistercity.programs.models import (
    ActionItem,
    Activity,
    Clause,
    Indicator,
    IndicatorUpdate,
    Period,
    Result,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def text(
    label: Any, required: bool = True, max_length: int = 300, area: bool = False
) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=None if area else max_length,
        widget=forms.Textarea(attrs={"rows": 3}) if area else None,
        validators=[validate_no_markup],
    )


class ObjectIdField(forms.IntegerField):
    """The hidden id of one of the page's objects; ``scope(within)`` is where it is looked up
    (``within`` is the page's programme or partnership)."""

    widget = forms.HiddenInput

    def __init__(self, scope: Callable[[Any], models.QuerySet], **kwargs: Any) -> None:
        self.scope = scope
        super().__init__(**kwargs)


class ScopedForm(forms.Form):
    """A form of one page: its ``ObjectIdField`` values become the page's objects."""

    def __init__(self, *args: Any, within: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.within = within

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name, field in self.fields.items():
            if isinstance(field, ObjectIdField) and data.get(name) is not None:
                data[name] = get_object_or_404(field.scope(self.within), pk=data[name])
        return data


def _results(programme: Any) -> models.QuerySet:
    return Result.objects.filter(programme=programme)


def _indicators(programme: Any) -> models.QuerySet:
    return Indicator.objects.filter(result__programme=programme)


def _periods(programme: Any) -> models.QuerySet:
    return Period.objects.filter(indicator__result__programme=programme).select_related("indicator")


def _updates(programme: Any) -> models.QuerySet:
    return IndicatorUpdate.objects.filter(
        period__indicator__result__programme=programme
    ).select_related("period__indicator")


def _activities(programme: Any) -> models.QuerySet:
    return Activity.objects.filter(programme=programme)


def _clauses(partnership: Any) -> models.QuerySet:
    return Clause.objects.filter(partnership=partnership)


class ProgrammeForm(forms.Form):
    pillar: forms.ModelChoiceField[Pillar] = forms.ModelChoiceField(
        label=_("Pillar"), queryset=Pillar.objects.none()
    )
    code = forms.SlugField(label=_("Code"), max_length=50)
    title = text(_("Title"))
    description = text(_("Description"), required=False, area=True)
    status = forms.ChoiceField(
        label=_("Status"), choices=c.ActivityStatus.choices, initial=c.ActivityStatus.IMPLEMENTATION
    )
    lead_agencies: forms.ModelMultipleChoiceField[Organisation] = forms.ModelMultipleChoiceField(
        label=_("Lead agencies"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    is_public = forms.BooleanField(
        label=_("Show on the public accountability page"), required=False
    )

    def __init__(self, *args: Any, partnership: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pillar_field.queryset = partnership.pillars.prefetch_related("translations")
        municipalities = partnership.municipalities.values("pk")
        self.agencies_field.queryset = Organisation.objects.filter(
            parent__in=municipalities
        ).prefetch_related("translations") | Organisation.objects.filter(pk__in=municipalities)

    @property
    def pillar_field(self) -> forms.ModelChoiceField[Pillar]:
        return cast("forms.ModelChoiceField[Pillar]", self.fields["pillar"])

    @property
    def agencies_field(self) -> forms.ModelMultipleChoiceField[Organisation]:
        return cast("forms.ModelMultipleChoiceField[Organisation]", self.fields["lead_agencies"])


class ActivityForm(ScopedForm):
    code = forms.SlugField(label=_("Code"), max_length=50)
    title = text(_("Title"))
    description = text(_("Description"), required=False, area=True)
    status = forms.ChoiceField(label=_("Status"), choices=c.ActivityStatus.choices)
    planned_start = forms.DateField(label=_("Planned start"), required=False, widget=DATE)
    planned_end = forms.DateField(label=_("Planned end"), required=False, widget=DATE)
    actual_start = forms.DateField(label=_("Actual start"), required=False, widget=DATE)
    actual_end = forms.DateField(label=_("Actual end"), required=False, widget=DATE)
    is_public = forms.BooleanField(label=_("Public"), required=False)


class ResultForm(ScopedForm):
    result_type = forms.ChoiceField(label=_("Type"), choices=c.ResultType.choices)
    title = text(_("Title"))
    status = forms.ChoiceField(label=_("Status"), choices=c.ResultStatus.choices)


class IndicatorForm(ScopedForm):
    result = ObjectIdField(_results)
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
    feed = forms.ChoiceField(label=_("Counted from"), choices=feed_choices, required=False)


class PeriodForm(ScopedForm):
    indicator = ObjectIdField(_indicators)
    start = forms.DateField(label=_("Start"), widget=DATE)
    end = forms.DateField(label=_("End"), widget=DATE)
    target_value = forms.DecimalField(
        label=_("Target"), required=False, max_digits=18, decimal_places=4
    )
    target_comment = text(_("Target comment"), required=False)


class UpdateForm(ScopedForm):
    period = ObjectIdField(_periods)
    value = forms.DecimalField(label=_("Value"), required=False, max_digits=18, decimal_places=4)
    narrative = text(_("Narrative"), required=False, area=True)
    submit = forms.BooleanField(label=_("Submit for approval now"), required=False, initial=True)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if isinstance(data.get("period"), Period):
            dimensions = data["period"].indicator.disaggregations
            data["disaggregation"] = parse_disaggregation(dimensions, self.data)
        return data


class RevisionForm(ScopedForm):
    """The author corrects a returned update and sends it back for approval."""

    update = ObjectIdField(_updates)
    value = forms.DecimalField(label=_("Value"), required=False, max_digits=18, decimal_places=4)
    narrative = text(_("Narrative"), required=False, area=True)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if isinstance(data.get("update"), IndicatorUpdate):
            dimensions = data["update"].period.indicator.disaggregations
            data["disaggregation"] = parse_disaggregation(dimensions, self.data)
        return data


class LockForm(ScopedForm):
    period = ObjectIdField(_periods)


class ReviewForm(ScopedForm):
    """Approve or return a submitted update (the page's two buttons pick which)."""

    update = ObjectIdField(_updates)
    comment = text(_("Comment"), required=False, area=True)


class BudgetLineForm(ScopedForm):
    source = forms.ChoiceField(label=_("Funding source"), choices=c.FundingSource.choices)
    side = forms.ChoiceField(label=_("Side"), choices=c.Side.choices)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    amount = forms.DecimalField(label=_("Amount"), min_value=0, max_digits=18, decimal_places=2)
    currency = forms.ChoiceField(label=_("Currency"), choices=c.Currency.choices)
    note = text(_("Note"), required=False)


class TransactionForm(ScopedForm):
    kind = forms.ChoiceField(label=_("Type"), choices=c.TransactionType.choices)
    source = forms.ChoiceField(label=_("Funding source"), choices=c.FundingSource.choices)
    side = forms.ChoiceField(label=_("Side"), choices=c.Side.choices)
    on = forms.DateField(label=_("Date"), widget=DATE)
    amount = forms.DecimalField(label=_("Amount"), min_value=0, max_digits=18, decimal_places=2)
    currency = forms.ChoiceField(label=_("Currency"), choices=c.Currency.choices)
    note = text(_("Note"), required=False)


class MeetingForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=c.MeetingKind.choices)
    participants: forms.ModelMultipleChoiceField[User] = forms.ModelMultipleChoiceField(
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

    def __init__(self, *args: Any, partnership: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        municipalities = partnership.municipalities.values("pk")
        field = cast("forms.ModelMultipleChoiceField[User]", self.fields["participants"])
        field.queryset = (
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


class ItemStatusForm(ScopedForm):
    """Mark an action item of the meeting done (or dropped)."""

    item = ObjectIdField(lambda meeting: ActionItem.objects.filter(meeting=meeting))
    status = forms.CharField(required=False)


class ClauseForm(forms.Form):
    number = text(_("Number (e.g. Article 2)"), max_length=20)
    text = text(_("Text"), area=True)


class PlanItemForm(ScopedForm):
    clause = ObjectIdField(_clauses)
    code = forms.SlugField(label=_("Code"), max_length=50)
    title = text(_("Action-plan item"))


class FeedForm(ScopedForm):
    indicator = ObjectIdField(_indicators)


class ParticipantForm(ScopedForm):
    activity = ObjectIdField(_activities)
    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.prefetch_related("translations")
    )
    role = forms.ChoiceField(label=_("Role"), choices=c.OrganisationRole.choices)


class LocationForm(ScopedForm):
    activity = ObjectIdField(_activities)
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


# How a disaggregation's input is labelled and what it looks like filled in, by the dimension's
# code; an unknown dimension gets its code and a neutral example.
DIMENSION_HELP: dict[str, tuple[Any, Any]] = {
    "sex": (_("By sex"), _("e.g. female=2; male=6")),
    "kecamatan": (_("By kecamatan (district)"), _("e.g. Batang=150; Kandeman=50")),
    "age": (_("By age group"), _("e.g. 15-24=10; 25-64=30")),
}


def dimension_help(dimension: str) -> tuple[Any, Any]:
    """The label and placeholder of a disaggregation's input."""
    return DIMENSION_HELP.get(dimension, (dimension, _("e.g. category=3; other category=5")))


def parse_disaggregation(dimensions: list[str], data: Mapping[str, Any]) -> dict:
    """Read ``dis_<dimension>`` fields written as "female=2; male=6" into
    ``{dimension: {category: value}}``; the service checks the numbers."""
    result = {}
    for dimension in dimensions:
        raw = (data.get(f"dis_{dimension}") or "").strip()
        if not raw:
            continue
        pairs: dict[str, str] = {}
        for part in raw.replace(",", ";").split(";"):
            if not part.strip():
                continue
            category, _sep, value = part.partition("=")
            pairs[category.strip()] = value.strip()
        result[dimension] = pairs
    return result


def format_disaggregation(disaggregation: Mapping[str, Mapping[str, Any]]) -> dict[str, str]:
    """The values by dimension as the page's inputs take them ("female=2; male=6"), to
    prefill a correction."""
    return {
        dimension: "; ".join(f"{category}={value}" for category, value in categories.items())
        for dimension, categories in disaggregation.items()
    }
