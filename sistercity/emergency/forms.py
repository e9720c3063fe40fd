"""Page forms of the emergency app; the services check the rules, the forms the types."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from sistercity.core.validators import validate_no_markup
from sistercity.emergency.choices import (
    CoverageModel,
    IncidentKind,
    PostKind,
    Shift,
    VehicleKind,
    VehicleOrigin,
    VehicleStatus,
)


class ScenarioForm(forms.Form):
    name = forms.CharField(label=_("name"), max_length=200, validators=[validate_no_markup])
    model = forms.ChoiceField(label=_("model"), choices=CoverageModel.choices)
    posts = forms.IntegerField(label=_("number of posts (p)"), min_value=1, required=False)
    standard_minutes = forms.DecimalField(
        label=_("response standard (minutes)"),
        initial=Decimal(15),
        max_digits=5,
        decimal_places=1,
    )
    measured = forms.BooleanField(label=_("use the imported travel times"), required=False)
    detour_factor = forms.DecimalField(
        label=_("detour factor"),
        initial=Decimal("1.4"),
        max_digits=4,
        decimal_places=2,
        required=False,
    )
    speed_kmh = forms.DecimalField(
        label=_("speed (km/h)"),
        initial=Decimal(35),
        max_digits=5,
        decimal_places=1,
        required=False,
    )


class MatrixImportForm(forms.Form):
    file = forms.FileField(label=_("travel times (CSV: origin, destination, minutes or metres)"))
    speed_kmh = forms.DecimalField(
        label=_("speed for distances in metres (km/h)"),
        required=False,
        max_digits=5,
        decimal_places=1,
    )


class VillageImportForm(forms.Form):
    file = forms.FileField(label=_("villages (XLSX or CSV)"))


class GrantDocumentForm(forms.Form):
    """``kind`` offers the grant procedure's document types (codes), read from the track's
    data when the form is made."""

    kind = forms.ChoiceField(label=_("kind"))
    reference = forms.CharField(
        label=_("reference number"),
        max_length=120,
        required=False,
        validators=[validate_no_markup],
    )
    dated_on = forms.DateField(
        label=_("dated"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    file = forms.FileField(label=_("file"))

    def __init__(self, *args, **kwargs):
        from sistercity.emergency.selectors import grant_document_types

        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [  # type: ignore[attr-defined]
            (t.code, str(t)) for t in grant_document_types()
        ]


class VehicleDetailsForm(forms.Form):
    """A vehicle's particulars, corrected on its page (the status has its own form; a renewed
    registration too, since it moves the reminder)."""

    make_model = forms.CharField(
        label=_("make and model"), max_length=200, required=False, validators=[validate_no_markup]
    )
    registration = forms.CharField(
        label=_("registration number"),
        max_length=20,
        required=False,
        validators=[validate_no_markup],
    )
    asset_number = forms.CharField(
        label=_("regional property number"),
        max_length=60,
        required=False,
        validators=[validate_no_markup],
    )
    pump_lpm = forms.IntegerField(label=_("pump capacity (l/min)"), min_value=0, required=False)
    tank_litres = forms.IntegerField(label=_("water tank (l)"), min_value=0, required=False)
    year = forms.IntegerField(label=_("year built"), min_value=1950, max_value=2100, required=False)
    post: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("post"), queryset=None, required=False
    )

    def __init__(self, *args, posts=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["post"].queryset = posts  # type: ignore[attr-defined]

    @classmethod
    def of(cls, vehicle, posts):
        initial = {name: getattr(vehicle, name) for name in cls.base_fields if name != "post"}
        return cls(initial={**initial, "post": vehicle.post_id}, posts=posts)


class VehicleForm(VehicleDetailsForm):
    """A vehicle joining the fleet: what identifies it, then its particulars."""

    code = forms.SlugField(label=_("code"), max_length=40)
    kind = forms.ChoiceField(label=_("kind"), choices=VehicleKind.choices)
    origin = forms.ChoiceField(label=_("origin"), choices=VehicleOrigin.choices)
    donor = forms.CharField(
        label=_("donated by"), max_length=200, required=False, validators=[validate_no_markup]
    )
    registration_expires_on = forms.DateField(
        label=_("registration expires on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("A renewal reminder goes out before this date."),
    )
    field_order = [
        "code",
        "kind",
        "origin",
        "donor",
        "make_model",
        "registration",
        "registration_expires_on",
        "pump_lpm",
        "tank_litres",
        "year",
        "post",
    ]

    def __init__(self, *args, posts=None, **kwargs):
        super().__init__(*args, posts=posts, **kwargs)
        # The property number comes with the asset register entry, after registration.
        del self.fields["asset_number"]


class RegistrationRenewalForm(forms.Form):
    expires_on = forms.DateField(
        label=_("registration expires on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    registration = forms.CharField(
        label=_("registration number"),
        max_length=20,
        required=False,
        validators=[validate_no_markup],
        help_text=_("Only when the number changed."),
    )


class VehicleStatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("status"),
        choices=[c for c in VehicleStatus.choices if c[0] != VehicleStatus.AWAITING_HANDOVER],
    )
    note = forms.CharField(label=_("note"), required=False, validators=[validate_no_markup])


class MaintenanceForm(forms.Form):
    performed_on = forms.DateField(
        label=_("performed on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    work = forms.CharField(label=_("work done"), validators=[validate_no_markup])
    odometer_km = forms.IntegerField(label=_("odometer (km)"), min_value=0, required=False)
    cost = forms.DecimalField(
        label=_("cost (IDR)"), min_value=0, required=False, max_digits=14, decimal_places=2
    )


class SparePartForm(forms.Form):
    part = forms.CharField(label=_("part"), max_length=200, validators=[validate_no_markup])
    quantity = forms.IntegerField(label=_("quantity"), min_value=1)
    source = forms.CharField(
        label=_("source"), max_length=200, required=False, validators=[validate_no_markup]
    )


class SiteForm(forms.Form):
    """A fire post or a candidate site, with the coordinates the coverage analysis needs."""

    code = forms.SlugField(label=_("code"), max_length=40)
    name = forms.CharField(label=_("name"), max_length=200, validators=[validate_no_markup])
    kind = forms.ChoiceField(label=_("kind"), choices=PostKind.choices, initial="candidate")
    kecamatan = forms.CharField(
        label=_("kecamatan"), max_length=100, required=False, validators=[validate_no_markup]
    )
    desa = forms.CharField(
        label=_("desa"), max_length=100, required=False, validators=[validate_no_markup]
    )
    latitude = forms.DecimalField(
        label=_("latitude"), min_value=-90, max_value=90, max_digits=9, decimal_places=6
    )
    longitude = forms.DecimalField(
        label=_("longitude"), min_value=-180, max_value=180, max_digits=9, decimal_places=6
    )


class EquipmentForm(forms.Form):
    """An equipment item kept at a post, with its inspections (the service checks that the
    next one is not due before the last)."""

    post: forms.ModelChoiceField = forms.ModelChoiceField(label=_("post"), queryset=None)
    name = forms.CharField(label=_("item"), max_length=200, validators=[validate_no_markup])
    quantity = forms.IntegerField(label=_("quantity"), min_value=1, initial=1)
    serial = forms.CharField(
        label=_("serial number"), max_length=60, required=False, validators=[validate_no_markup]
    )
    last_inspected_on = forms.DateField(
        label=_("last inspected on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    next_inspection_on = forms.DateField(
        label=_("next inspection due"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def __init__(self, *args, posts=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["post"].queryset = posts  # type: ignore[attr-defined]


class InspectionForm(forms.Form):
    inspected_on = forms.DateField(
        label=_("inspected on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    next_inspection_on = forms.DateField(
        label=_("next inspection due"), widget=forms.DateInput(attrs={"type": "date"})
    )


class QualificationForm(forms.Form):
    vehicle_kind = forms.ChoiceField(label=_("vehicle kind"), choices=VehicleKind.choices)
    issued_on = forms.DateField(
        label=_("issued on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    expires_on = forms.DateField(
        label=_("expires on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    issued_by = forms.CharField(
        label=_("issued by"), max_length=200, required=False, validators=[validate_no_markup]
    )


DATE = forms.DateInput(attrs={"type": "date"})


class FirefighterForm(forms.Form):
    full_name = forms.CharField(
        label=_("full name"), max_length=200, validators=[validate_no_markup]
    )
    post: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("post"), queryset=None, required=False
    )
    shift = forms.ChoiceField(label=_("shift"), choices=Shift.choices)

    def __init__(self, *args, posts=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["post"].queryset = posts  # type: ignore[attr-defined]


class TrainingCourseForm(forms.Form):
    title = forms.CharField(label=_("title"), max_length=200, validators=[validate_no_markup])
    starts_on = forms.DateField(label=_("starts on"), widget=DATE)
    ends_on = forms.DateField(label=_("ends on"), widget=DATE)
    place = forms.CharField(label=_("place"), max_length=200, validators=[validate_no_markup])
    instructors = forms.CharField(
        label=_("instructors"), max_length=200, required=False, validators=[validate_no_markup]
    )
    vehicle_kind = forms.ChoiceField(
        label=_("qualifies for"),
        choices=[("", "—"), *VehicleKind.choices],
        required=False,
    )


class AttendanceForm(forms.Form):
    firefighter: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("firefighter"), queryset=None
    )
    passed = forms.BooleanField(label=_("passed"), required=False)

    def __init__(self, *args, people=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["firefighter"].queryset = people  # type: ignore[attr-defined]


DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"})


class IncidentForm(forms.Form):
    """Times are in the user's time zone; the service checks they are in order."""

    kind = forms.ChoiceField(label=_("kind"), choices=IncidentKind.choices)
    kecamatan = forms.CharField(
        label=_("kecamatan"), max_length=100, validators=[validate_no_markup]
    )
    desa = forms.CharField(
        label=_("desa"), max_length=100, required=False, validators=[validate_no_markup]
    )
    latitude = forms.DecimalField(
        label=_("latitude"), required=False, min_value=-90, max_value=90, decimal_places=6
    )
    longitude = forms.DecimalField(
        label=_("longitude"), required=False, min_value=-180, max_value=180, decimal_places=6
    )
    called_at = forms.DateTimeField(label=_("call received"), widget=DATETIME)
    dispatched_at = forms.DateTimeField(label=_("dispatched"), required=False, widget=DATETIME)
    arrived_at = forms.DateTimeField(label=_("arrived"), required=False, widget=DATETIME)
    controlled_at = forms.DateTimeField(label=_("under control"), required=False, widget=DATETIME)
    closed_at = forms.DateTimeField(label=_("closed"), required=False, widget=DATETIME)
    units: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        label=_("units sent"), queryset=None, required=False
    )
    loss_idr = forms.DecimalField(
        label=_("estimated loss (IDR)"), required=False, min_value=0, decimal_places=0
    )
    injured = forms.IntegerField(label=_("injured"), min_value=0, initial=0)
    deaths = forms.IntegerField(label=_("deaths"), min_value=0, initial=0)
    note = forms.CharField(
        label=_("note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        validators=[validate_no_markup],
    )

    def __init__(self, *args, vehicles=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["units"].queryset = vehicles  # type: ignore[attr-defined]

    def clean_units(self):
        return list(self.cleaned_data["units"])


class IncidentImportForm(forms.Form):
    file = forms.FileField(label=_("incidents (XLSX)"))
