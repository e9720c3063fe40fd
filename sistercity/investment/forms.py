"""Page forms. They check shapes (a number, a date, a choice of this partnership's rows); the
rules (stage evidence, validity of incentives, LKPM sums) are the services'."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sistercity.accounts.models import Organisation, User
from sistercity.core.validators import validate_no_markup
from sistercity.investment import choices as c
from sistercity.investment import selectors


def _text(label: Any, required: bool = True, max_length: int = 200, **kw: Any) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        validators=[validate_no_markup],
        **kw,
    )


def _date(label: Any, required: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label, required=required, widget=forms.DateInput(attrs={"type": "date"})
    )


def _money(label: Any, required: bool = True) -> forms.DecimalField:
    # No minimum here: a negative amount reaches the service, which refuses it in words.
    return forms.DecimalField(label=label, required=required, max_digits=22, decimal_places=2)


def pipeline_people(partnership: Any) -> Any:
    """The people who may own a lead or an offer: the secretariat and partner officers of the
    partnership's municipalities, and the agency officers of the investment pillar there."""
    from django.db.models import Q

    from sistercity.core.roles import Role

    municipalities = partnership.municipalities.values("pk")
    at_home = Q(memberships__organisation__in=municipalities) | Q(
        memberships__organisation__parent__in=municipalities
    )
    roles = Q(memberships__role__in=[Role.SECRETARIAT, Role.PARTNER_OFFICER]) | Q(
        memberships__role=Role.AGENCY_OFFICER, memberships__pillars__code=c.PILLAR
    )
    return User.objects.filter(at_home, roles, is_active=True).distinct().order_by("full_name")


class PartnershipForm(forms.Form):
    """A form whose choices are the rows of one partnership the user may see. ``editing``: the
    form changes an existing row, whose short name (``code``) stays as it is."""

    def __init__(
        self, *args: Any, partnership: Any, user: Any, editing: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        self.user = user
        self.setup()
        if editing:
            self.fields.pop("code", None)

    def setup(self) -> None:
        pass


class CompanyForm(PartnershipForm):
    name_ja = _text(_("name in Japanese"))
    name_romaji = _text(_("name in romaji"))
    name_id = _text(_("name in Indonesian"), required=False)
    size = forms.ChoiceField(label=_("size"), choices=c.CompanySize.choices)
    sector: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("sector"), queryset=None, required=False
    )
    introduced_by: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("introduced by"), queryset=None, required=False
    )
    parent: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("parent company"),
        queryset=Organisation.objects.prefetch_related("translations"),
        required=False,
    )
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")
    contact_name = _text(_("contact person"), required=False)
    contact_position = _text(_("contact's position"), required=False)
    contact_email = forms.EmailField(label=_("contact's e-mail"), required=False)

    def setup(self) -> None:
        self.fields["sector"].queryset = selectors.target_sectors(  # type: ignore[attr-defined]
            user=self.user, partnership=self.partnership
        )
        self.fields["introduced_by"].queryset = (  # type: ignore[attr-defined]
            self.partnership.municipalities.prefetch_related("translations")
        )


class ContactForm(PartnershipForm):
    """Another person at a company of the pipeline."""

    company: forms.ModelChoiceField[Any] = forms.ModelChoiceField(label=_("company"), queryset=None)
    full_name = _text(_("full name"))
    position = _text(_("position"), required=False)
    email = forms.EmailField(label=_("e-mail address"), required=False)
    phone = _text(_("phone"), required=False, max_length=40)

    def setup(self) -> None:
        self.fields["company"].queryset = selectors.companies(  # type: ignore[attr-defined]
            user=self.user, partnership=self.partnership
        )


class LeadForm(PartnershipForm):
    title = _text(_("title"))
    company: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("company"), queryset=None, required=False
    )
    owner: forms.ModelChoiceField[Any] = forms.ModelChoiceField(label=_("owner"), queryset=None)
    source = forms.ChoiceField(label=_("source"), choices=c.LeadSource.choices)
    opportunity: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("opportunity"), queryset=None, required=False
    )
    expected_investment = _money(_("expected investment"), required=False)
    currency = forms.ChoiceField(label=_("currency"), choices=c.Currency.choices)
    expected_jobs = forms.IntegerField(label=_("expected jobs"), required=False, min_value=0)
    probability = forms.IntegerField(
        label=_("probability (%)"), min_value=0, max_value=100, initial=10
    )
    next_step = _text(_("next step"), required=False, max_length=300)
    next_step_due = _date(_("next step due"), required=False)
    confidential = forms.BooleanField(label=_("confidential"), required=False)

    def setup(self) -> None:
        fields: Any = self.fields
        fields["company"].queryset = selectors.companies(
            user=self.user, partnership=self.partnership
        )
        fields["owner"].queryset = pipeline_people(self.partnership)
        fields["owner"].initial = self.user.pk
        fields["opportunity"].queryset = selectors.opportunities(
            user=self.user, partnership=self.partnership
        )


class LeadPlanForm(LeadForm):
    """The same facts, changed later (title and source stay as they were)."""

    def setup(self) -> None:
        super().setup()
        for name in ("title", "source", "opportunity"):
            del self.fields[name]


class AdvanceForm(forms.Form):
    stage = forms.ChoiceField(label=_("move to stage"), choices=c.Stage.choices)
    note = _text(_("note"), required=False, max_length=2000)
    reason = _text(_("reason for dropping"), required=False, max_length=2000)


class DocumentForm(PartnershipForm):
    kind = forms.ChoiceField(label=_("kind"), choices=c.DocumentKind.choices)
    file = forms.FileField(label=_("file"))
    signed_on = _date(_("signed on"), required=False)
    delegation: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("produced by the visit"), queryset=None, required=False
    )

    def setup(self) -> None:
        self.fields["delegation"].queryset = selectors.delegations(  # type: ignore[attr-defined]
            user=self.user, partnership=self.partnership
        )


class FiguresForm(forms.Form):
    """One quarter's LKPM figures."""

    currency = forms.ChoiceField(label=_("currency"), choices=[(x, x) for x in ("IDR", "USD")])
    land = _money(_("land purchase and preparation"))
    building = _money(_("buildings"))
    machinery = _money(_("machinery and equipment"))
    other_fixed = _money(_("other fixed capital"))
    working_capital = _money(_("working capital"))
    local_men = forms.IntegerField(label=_("Indonesian workers, men"))
    local_women = forms.IntegerField(label=_("Indonesian workers, women"))
    local_total = forms.IntegerField(label=_("Indonesian workers, total"))
    expatriates = forms.IntegerField(label=_("foreign workers"))
    note = _text(_("note"), required=False, max_length=2000)


class RealisationForm(FiguresForm):
    year = forms.IntegerField(label=_("year"))
    quarter = forms.TypedChoiceField(
        label=_("quarter"), choices=[(q, f"Q{q}") for q in (1, 2, 3, 4)], coerce=int
    )
    field_order = ["year", "quarter"]


class RealisationCorrectionForm(FiguresForm):
    reason = _text(_("reason for the correction"), max_length=2000)


class DelegationForm(PartnershipForm):
    title = _text(_("title"), max_length=300)
    arrived_on = _date(_("arrived"))
    departed_on = _date(_("departed"))
    visitors = forms.CharField(
        label=_("who came"),
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[validate_no_markup],
    )
    sites: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("sites visited"), queryset=None, required=False
    )
    leads: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("leads advanced"), queryset=None, required=False
    )
    meeting: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("meeting"), queryset=None, required=False
    )
    notes = forms.CharField(
        label=_("notes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[validate_no_markup],
    )

    def setup(self) -> None:
        from sistercity.programs.models import Meeting

        fields: Any = self.fields
        fields["sites"].queryset = selectors.opportunities(
            user=self.user, partnership=self.partnership
        )
        fields["leads"].queryset = selectors.lead_list(user=self.user, partnership=self.partnership)
        fields["meeting"].queryset = Meeting.objects.for_user(self.user).filter(
            partnership=self.partnership
        )


def _area(label: Any, required: bool = False) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[validate_no_markup],
    )


class OfferForm(PartnershipForm):
    """What a plot and a project open to partners share (as their models do)."""

    code = forms.SlugField(label=_("short name"), max_length=50)
    name = _text(_("name"))
    currency = forms.ChoiceField(label=_("currency"), choices=c.Currency.choices)
    owner: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("pipeline owner"), queryset=None
    )
    sectors: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("sectors sought"), queryset=None, required=False
    )
    incentives: forms.ModelMultipleChoiceField[Any] = forms.ModelMultipleChoiceField(
        label=_("incentives"), queryset=None, required=False
    )
    description = _area(_("description"))
    is_public = forms.BooleanField(label=_("on the public prospectus"), required=False)

    def setup(self) -> None:
        fields: Any = self.fields
        fields["owner"].queryset = pipeline_people(self.partnership)
        fields["owner"].initial = self.user.pk
        fields["sectors"].queryset = selectors.target_sectors(
            user=self.user, partnership=self.partnership
        )
        # Every incentive is offered here; an expired one is refused by the service, in words.
        fields["incentives"].queryset = selectors.incentives(
            user=self.user, partnership=self.partnership
        )


class OpportunityForm(OfferForm):
    kind = forms.ChoiceField(label=_("kind"), choices=c.OpportunityKind.choices)
    estate = _text(_("estate and cluster"), max_length=120, initial="KITB")
    area_m2 = forms.DecimalField(label=_("land area (m²)"), max_digits=12, decimal_places=2)
    building_m2 = forms.DecimalField(
        label=_("building area (m²)"), max_digits=12, decimal_places=2, required=False
    )
    zoning = forms.ChoiceField(label=_("zoning"), choices=c.Zoning.choices)
    electricity_kva = forms.IntegerField(label=_("electricity (kVA)"), required=False, min_value=0)
    water_m3_per_day = forms.IntegerField(label=_("water (m³/day)"), required=False, min_value=0)
    gas = forms.BooleanField(label=_("natural gas"), required=False)
    wastewater = forms.BooleanField(label=_("central wastewater treatment"), required=False)
    tenure = forms.ChoiceField(label=_("tenure"), choices=c.Tenure.choices)
    price_per_m2 = _money(_("price or yearly lease per m²"))
    availability = forms.TypedChoiceField(
        label=_("availability"),
        choices=c.Availability.choices,
        required=False,
        empty_value=c.Availability.AVAILABLE,
    )
    available_from = _date(_("available from"), required=False)
    field_order = ["code", "name", "kind", "estate", "area_m2", "building_m2", "zoning"]


class IncentiveForm(PartnershipForm):
    code = forms.SlugField(label=_("short name"), max_length=50)
    name = _text(_("name"))
    kind = forms.ChoiceField(label=_("kind"), choices=c.IncentiveKind.choices)
    legal_source = _text(_("legal source"), max_length=300)
    source_url = forms.URLField(label=_("source address"), required=False, assume_scheme="https")
    source_status = forms.ChoiceField(
        label=_("source known"),
        choices=c.SourceStatus.choices,
        initial=c.SourceStatus.UNCHECKED,
        help_text=_("Mark an incentive known only from the press as such; say what is known."),
    )
    source_note = _area(_("note on the source"))
    valid_from = _date(_("valid from"))
    valid_until = _date(_("valid until"), required=False)
    summary = _area(_("summary"))


class SectorForm(PartnershipForm):
    code = forms.SlugField(label=_("short name"), max_length=50)
    name = _text(_("name"))
    kbli = forms.RegexField(
        label=_("KBLI 2020 code"),
        regex=r"^[0-9]{2,5}$",
        required=False,
        error_messages={"invalid": _("A KBLI code has two to five digits.")},
    )
    position = forms.IntegerField(label=_("position"), min_value=0, initial=0)


class PartnerProjectForm(OfferForm):
    name = _text(_("title"))
    status = forms.ChoiceField(label=_("status"), choices=c.ProjectStatus.choices)
    estimated_cost = _money(_("estimated cost"), required=False)
    field_order = ["code", "name", "status", "owner", "estimated_cost", "currency"]


class TechProjectForm(PartnershipForm):
    code = forms.SlugField(label=_("short name"), max_length=50)
    title = _text(_("title"), max_length=300)
    partner: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("partner"), queryset=Organisation.objects.prefetch_related("translations")
    )
    status = forms.ChoiceField(label=_("status"), choices=c.TechTransferStatus.choices)
    starts_on = _date(_("starts"))
    ends_on = _date(_("ends"), required=False)
    technology = _area(_("technology"))
    objectives = _area(_("objectives"))
    equipment = _area(_("equipment"))
    outcomes = _area(_("outcomes"))
    lead: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("investment lead"), queryset=None, required=False
    )
    programme: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("programme"), queryset=None, required=False
    )
    indicator: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("indicator served"), queryset=None, required=False
    )

    def setup(self) -> None:
        from sistercity.programs.models import Indicator, Programme

        fields: Any = self.fields
        fields["lead"].queryset = selectors.lead_list(user=self.user, partnership=self.partnership)
        fields["programme"].queryset = (
            Programme.objects.for_user(self.user)
            .filter(partnership=self.partnership)
            .prefetch_related("translations")
        )
        fields["indicator"].queryset = (
            Indicator.objects.for_user(self.user)
            .filter(result__programme__partnership=self.partnership)
            .prefetch_related("translations")
        )


class MilestoneForm(forms.Form):
    title = _text(_("title"), max_length=300)
    due_on = _date(_("due on"))


class TraineeForm(forms.Form):
    full_name = _text(_("full name"))
    organisation: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        label=_("organisation"), queryset=Organisation.objects.prefetch_related("translations")
    )
    gender = forms.ChoiceField(label=_("gender"), choices=c.Gender.choices)
    subject = _text(_("subject"), required=False)
    trained_from = _date(_("from"))
    trained_until = _date(_("until"))


class OutputForm(forms.Form):
    name = _text(_("what was measured"))
    value = forms.DecimalField(label=_("value"), max_digits=14, decimal_places=3)
    unit = _text(_("unit"), max_length=40)
    measured_on = _date(_("measured on"))


class TechDocumentForm(forms.Form):
    title = _text(_("title"), max_length=300)
    file = forms.FileField(label=_("file"))


class EnquiryForm(forms.Form):
    """The prospectus's contact form. ``website`` is the honeypot: hidden from people, filled
    by bots."""

    name = _text(_("your name"))
    company = _text(_("company"), required=False)
    email = forms.EmailField(label=_("e-mail address"))
    message = forms.CharField(
        label=_("your enquiry"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        validators=[validate_no_markup],
    )
    website = forms.CharField(required=False, label=_("leave this empty"))
