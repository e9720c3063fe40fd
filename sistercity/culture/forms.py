"""Page forms. Times are typed as the clock shows them in the event's city and become aware
datetimes in the event's zone here; the rules stay in the services."""

import datetime as dt
import zoneinfo
from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sistercity.culture.choices import (
    DestinationCategory,
    EventKind,
    EventStatus,
    EventZone,
    VisitorOrigin,
)
from sistercity.culture.services.registrations import MAX_PEOPLE


class RegistrationForm(forms.Form):
    full_name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        help_text=_("As you write it; one field, in any order."),
    )
    email = forms.EmailField(label=_("E-mail"))
    people = forms.IntegerField(
        label=_("Number of people"), min_value=1, max_value=MAX_PEOPLE, initial=1
    )
    language = forms.ChoiceField(label=_("Language of the e-mails"), choices=settings.LANGUAGES)
    # The honeypot: hidden from people (and from screen readers), filled by robots.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def __init__(self, *args: Any, language: str = "id", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = language


class EventForm(forms.Form):
    slug = forms.SlugField(label=_("Short name"), max_length=80)
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=EventKind.choices)
    # The querysets are the partnership's own, set in __init__.
    city: forms.ModelChoiceField[Any] = forms.ModelChoiceField(label=_("City"), queryset=None)
    organiser: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Organiser"), queryset=None
    )
    pillar: forms.ModelChoiceField[Any] = forms.ModelChoiceField(label=_("Pillar"), queryset=None)
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=EventZone.choices)
    starts_at = forms.DateTimeField(
        label=_("Starts (local time)"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    ends_at = forms.DateTimeField(
        label=_("Ends (local time)"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    venue = forms.CharField(label=_("Venue"), max_length=200, required=False)
    online_url = forms.URLField(label=_("Online link"), required=False, assume_scheme="https")
    capacity = forms.IntegerField(label=_("Capacity"), min_value=0, required=False)
    registration_open = forms.BooleanField(label=_("Registration open"), required=False)

    def __init__(self, *args: Any, partnership: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from sistercity.accounts.models import Organisation

        municipalities = partnership.municipalities.prefetch_related("translations")
        fields: Any = self.fields
        fields["city"].queryset = municipalities
        fields["organiser"].queryset = Organisation.objects.filter(
            pk__in=[m.pk for m in municipalities]
        ) | Organisation.objects.filter(parent__in=municipalities)
        fields["pillar"].queryset = partnership.pillars.prefetch_related("translations")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        zone = data.get("time_zone")
        for name in ("starts_at", "ends_at"):
            value: dt.datetime | None = data.get(name)
            if value is not None and zone:
                # The clock time typed is the event city's, whatever zone the reader is in.
                naive = timezone.make_naive(value) if timezone.is_aware(value) else value
                data[name] = naive.replace(tzinfo=zoneinfo.ZoneInfo(zone))
        return data


class EventStatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=EventStatus.choices)


class AttendanceForm(forms.Form):
    attendance = forms.IntegerField(label=_("Attendance"), min_value=0)


class ImageForm(forms.Form):
    image = forms.FileField(label=_("Image (PNG or JPEG)"))
    alt_text = forms.CharField(label=_("Alternative text"), max_length=250)


class VisitorFigureForm(forms.Form):
    city: forms.ModelChoiceField[Any] = forms.ModelChoiceField(label=_("City"), queryset=None)
    month = forms.DateField(
        label=_("Month"),
        widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
        input_formats=["%Y-%m", "%Y-%m-%d"],
    )
    origin = forms.ChoiceField(label=_("Origin"), choices=VisitorOrigin.choices)
    visitors = forms.IntegerField(label=_("Visitors"))
    source = forms.CharField(label=_("Source"), max_length=200)

    def __init__(self, *args: Any, partnership: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["city"].queryset = partnership.municipalities.prefetch_related("translations")


def _area(label: Any) -> forms.CharField:
    return forms.CharField(label=label, widget=forms.Textarea(attrs={"rows": 3}), required=False)


class DestinationForm(forms.Form):
    """A destination's place and its texts in the language of the page; its short name only
    when it is new (it is part of the address)."""

    slug = forms.SlugField(label=_("Short name"), max_length=80)
    name = forms.CharField(label=_("Name"), max_length=200)
    category = forms.ChoiceField(label=_("Category"), choices=DestinationCategory.choices)
    city: forms.ModelChoiceField[Any] = forms.ModelChoiceField(label=_("City"), queryset=None)
    latitude = forms.DecimalField(
        label=_("Latitude"), max_digits=9, decimal_places=6, help_text=_("−90 to 90, e.g. -6.91")
    )
    longitude = forms.DecimalField(
        label=_("Longitude"),
        max_digits=9,
        decimal_places=6,
        help_text=_("−180 to 180, e.g. 109.73"),
    )
    description = _area(_("Description"))
    opening_hours = forms.CharField(label=_("Opening hours"), max_length=200, required=False)
    access = _area(_("Getting there"))
    accessibility = _area(_("Accessibility"))
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    def __init__(self, *args: Any, partnership: Any, editing: bool = False, **kwargs: Any):
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["city"].queryset = partnership.municipalities.prefetch_related("translations")
        if editing:
            del fields["slug"]


class DestinationPhotoForm(forms.Form):
    image = forms.FileField(label=_("Photo (PNG or JPEG)"))
    alt_text = forms.CharField(label=_("Alternative text"), max_length=250)
    credit = forms.CharField(label=_("Photo credit"), max_length=200)
    licence = forms.CharField(
        label=_("Licence"), max_length=100, help_text=_("For example CC BY 4.0.")
    )


class CulturalExchangeForm(forms.Form):
    """A delegation or troupe's journey, linked to the partnership's events and meetings."""

    slug = forms.SlugField(label=_("Short name"), max_length=80)
    title = forms.CharField(label=_("Title"), max_length=200)
    from_city: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Travelled from"), queryset=None
    )
    to_city: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Travelled to"), queryset=None
    )
    starts_on = forms.DateField(
        label=_("From"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    ends_on = forms.DateField(
        label=_("Until"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    participants = forms.IntegerField(label=_("Number of participants"))
    delegation = _area(_("Who travelled"))
    programme = _area(_("What they performed or taught"))
    events: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("Events"), queryset=None, required=False
    )
    meeting: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("Meeting that received it"), queryset=None, required=False
    )

    def __init__(self, *args: Any, partnership: Any, editing: bool = False, **kwargs: Any):
        super().__init__(*args, **kwargs)
        from sistercity.culture.models import Event

        fields: Any = self.fields
        municipalities = partnership.municipalities.prefetch_related("translations")
        fields["from_city"].queryset = municipalities
        fields["to_city"].queryset = municipalities
        fields["events"].queryset = Event.objects.filter(partnership=partnership).prefetch_related(
            "translations"
        )
        fields["meeting"].queryset = partnership.meetings.prefetch_related("translations")
        if editing:
            del fields["slug"]
