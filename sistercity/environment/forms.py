"""Forms speak the planner's units (%, t/day); the stored inputs speak the engine's (fractions,
t/year). The conversion is here, both ways, and only what the planner changed is written
back, so per-year trajectories and expert settings made through the API survive an edit of
another field.
"""

import json
from decimal import Decimal
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from sistercity.core.validators import validate_no_markup
from sistercity.environment.choices import (
    MIXED_PATHWAYS,
    IndicatorSeries,
    Metric,
    Pathway,
    WasteType,
)
from sistercity.environment.wastemodel.parameters import ORGANIC_TYPES, RECYCLABLE_TYPES

PLACES = 3
SEPARATED = {
    "recycling": ("recycling_of_separated_pct", RECYCLABLE_TYPES),
    "composting": ("composting_of_separated_pct", ORGANIC_TYPES),
    "anaerobic_digestion": ("digestion_of_separated_pct", ORGANIC_TYPES),
}


def _choice_field(form: forms.Form, name: str) -> forms.ChoiceField:
    """A choice field of ``form`` (whose choices depend on the partnership)."""
    return cast(forms.ChoiceField, form.fields[name])


def _pct(label, help_text=""):
    return forms.DecimalField(
        label=label, max_digits=9, decimal_places=PLACES, required=False, help_text=help_text
    )


def _first(value) -> float:
    """A constant, or the first year of a per-year trajectory."""
    if isinstance(value, (list, tuple)):
        return float(value[0]) if value else 0.0
    return float(value or 0.0)


def _round(value: float, places: int = PLACES) -> Decimal:
    """A float as a Decimal with the form field's places; trailing zeros dropped, so that an
    untouched field is not seen as changed."""
    rounded = Decimal(str(round(value, places))).quantize(Decimal(1).scaleb(-places))
    return Decimal(int(rounded)) if rounded == rounded.to_integral() else rounded.normalize()


class ScenarioForm(forms.Form):
    """The scenario settings a planner changes most; the rest stays as stored."""

    name = forms.CharField(label=_("Name"), max_length=200, validators=[validate_no_markup])
    description = forms.CharField(
        label=_("Description"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        validators=[validate_no_markup],
    )
    start_year = forms.IntegerField(label=_("First year"))
    horizon_years = forms.IntegerField(label=_("Horizon (years)"))
    population = forms.IntegerField(label=_("Population in the first year"))
    population_growth_pct = _pct(_("Population growth (%/year)"))
    generation_kg_per_capita_day = forms.DecimalField(
        label=_("Waste per person (kg/day)"), max_digits=8, decimal_places=4
    )
    generation_growth_pct = _pct(_("Growth of waste per person (%/year)"))
    source_separation_pct = _pct(
        _("Source separation (%)"),
        _("Share of every waste type kept apart at source (households, waste banks, TPS3R)."),
    )
    recycling_of_separated_pct = _pct(
        # Translators: xgettext:no-python-format ("%" is a percent sign)
        _("Recycled (% of separated recyclables)"),
        _("Paper, plastic, metal, glass, textile and rubber that were separated."),
    )
    composting_of_separated_pct = _pct(
        # Translators: xgettext:no-python-format ("%" is a percent sign)
        _("Composted (% of separated organics)"),
        _("Food and garden waste that was separated."),
    )
    # Translators: xgettext:no-python-format ("%" is a percent sign)
    digestion_of_separated_pct = _pct(_("Anaerobic digestion (% of separated organics)"))
    residual_pathway = forms.ChoiceField(
        label=_("Whatever is left goes to"),
        choices=[(p, Pathway(p).label) for p in MIXED_PATHWAYS],
    )
    landfill_capacity_m3 = forms.DecimalField(
        label=_("TPA volume (m³)"), max_digits=14, decimal_places=0, required=False
    )
    landfill_used_m3_at_start = forms.DecimalField(
        label=_("TPA volume already used (m³)"), max_digits=14, decimal_places=0, required=False
    )
    lfg_recovery_pct = _pct(_("Landfill gas captured at a sanitary landfill (%)"))
    discount_rate_pct = _pct(_("Discount rate (%/year)"))
    indicator_code = forms.SlugField(
        label=_("Programme indicator code"),
        required=False,
        help_text=_("e.g. landfill-diversion-rate: this scenario gives its planned values."),
    )
    indicator_series = forms.ChoiceField(
        label=_("Planned value"),
        required=False,
        choices=[("", "—"), *IndicatorSeries.choices],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for waste_type, label in WasteType.choices:
            self.fields[f"composition_{waste_type}"] = _pct(
                # Translators: xgettext:no-python-format ("%" is a percent sign)
                _("{waste_type} (% of weight)").format(waste_type=label)
            )
        for pathway in MIXED_PATHWAYS:
            self.fields[f"share_{pathway}"] = _pct(
                # Translators: xgettext:no-python-format ("%" is a percent sign)
                _("{pathway} (% of generated)").format(pathway=Pathway(pathway).label)
            )

    def composition_fields(self):
        return [self[f"composition_{w}"] for w in WasteType.values]

    def share_fields(self):
        return [self[f"share_{p}"] for p in MIXED_PATHWAYS]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name, value in list(data.items()):
            is_percent = name.endswith("_pct") or name.startswith(("share_", "composition_"))
            if is_percent and value is None:
                data[name] = Decimal(0)
        return data


def initial_from_inputs(scenario) -> dict:
    inputs = scenario.inputs
    composition = inputs.get("composition", {})
    shares = inputs.get("shares", {})
    separation = _first(inputs.get("source_separation_rate", 0.0))
    initial = {
        "name": scenario.safe_translation_getter("name", any_language=True) or "",
        "description": scenario.safe_translation_getter("description", any_language=True) or "",
        "indicator_code": scenario.indicator_code,
        "indicator_series": scenario.indicator_series,
        "start_year": inputs.get("start_year"),
        "horizon_years": inputs.get("horizon_years"),
        "population": int(round(float(inputs.get("population", 0)))),
        "population_growth_pct": _round(float(inputs.get("population_growth", 0)) * 100),
        "generation_kg_per_capita_day": _round(
            float(inputs.get("generation_kg_per_capita_day", 0)), 4
        ),
        "generation_growth_pct": _round(float(inputs.get("generation_growth", 0)) * 100),
        "source_separation_pct": _round(separation * 100),
        "residual_pathway": inputs.get("residual_pathway", "landfill_uncategorised"),
        "landfill_capacity_m3": _round(float(inputs["landfill_capacity_m3"]), 0)
        if inputs.get("landfill_capacity_m3") is not None
        else None,
        "landfill_used_m3_at_start": _round(float(inputs.get("landfill_used_m3_at_start", 0)), 0),
        "lfg_recovery_pct": _round(
            _first(inputs.get("landfill_gas_recovery", {}).get("managed_anaerobic", 0.0)) * 100
        ),
        "discount_rate_pct": _round(float(inputs.get("discount_rate", 0)) * 100),
    }
    for waste_type in WasteType.values:
        initial[f"composition_{waste_type}"] = _round(float(composition.get(waste_type, 0.0)) * 100)
    for pathway in MIXED_PATHWAYS:
        initial[f"share_{pathway}"] = _round(_first(shares.get(pathway, 0.0)) * 100)
    for pathway, (field, types) in SEPARATED.items():
        available = separation * sum(float(composition.get(t, 0.0)) for t in types)
        share = _first(shares.get(pathway, 0.0))
        initial[field] = _round(share / available * 100 if available > 0 else 0.0)
    return initial


def inputs_from_form(inputs: dict, form: ScenarioForm) -> dict:
    """The stored inputs with what the planner changed in the form applied."""
    new = json.loads(json.dumps(inputs))  # a deep copy that stays plain JSON
    data, changed = form.cleaned_data, set(form.changed_data)

    def fraction(name):
        return float(data[name]) / 100.0

    simple = {
        "start_year": lambda: int(data["start_year"]),
        "horizon_years": lambda: int(data["horizon_years"]),
        "population": lambda: int(data["population"]),
        "population_growth": lambda: fraction("population_growth_pct"),
        "generation_kg_per_capita_day": lambda: float(data["generation_kg_per_capita_day"]),
        "generation_growth": lambda: fraction("generation_growth_pct"),
        "source_separation_rate": lambda: fraction("source_separation_pct"),
        "residual_pathway": lambda: data["residual_pathway"],
        "landfill_used_m3_at_start": lambda: float(data["landfill_used_m3_at_start"] or 0),
        "discount_rate": lambda: fraction("discount_rate_pct"),
    }
    field_of = {
        "population_growth": "population_growth_pct",
        "generation_growth": "generation_growth_pct",
        "source_separation_rate": "source_separation_pct",
        "discount_rate": "discount_rate_pct",
    }
    for key, value in simple.items():
        if field_of.get(key, key) in changed:
            new[key] = value()
    if "landfill_capacity_m3" in changed:
        capacity = data["landfill_capacity_m3"]
        if capacity is None:
            new.pop("landfill_capacity_m3", None)
        else:
            new["landfill_capacity_m3"] = float(capacity)
    if "lfg_recovery_pct" in changed:
        new.setdefault("landfill_gas_recovery", {})["managed_anaerobic"] = fraction(
            "lfg_recovery_pct"
        )
    composition_fields = {f"composition_{w}" for w in WasteType.values}
    if composition_fields & changed:
        new["composition"] = {
            w: fraction(f"composition_{w}")
            for w in WasteType.values
            if data[f"composition_{w}"] != 0
        }
    shares = new.setdefault("shares", {})
    for pathway in MIXED_PATHWAYS:
        if f"share_{pathway}" in changed:
            shares[pathway] = fraction(f"share_{pathway}")
    # Recycling, composting and digestion are asked as a share of the separated material,
    # so raising the separation rate raises them; stored as shares of all waste.
    separation_changed = "source_separation_pct" in changed or bool(composition_fields & changed)
    composition = new.get("composition", {})
    old_separation = _first(inputs.get("source_separation_rate", 0.0))
    for pathway, (field, types) in SEPARATED.items():
        if field in changed or separation_changed:
            available = _first(new.get("source_separation_rate", 0.0)) * sum(
                float(composition.get(t, 0.0)) for t in types
            )
            if field in changed:
                rate = fraction(field)
            else:
                # Unchanged rate: the exact stored one, not the rounded figure shown.
                old_available = old_separation * sum(
                    float(inputs.get("composition", {}).get(t, 0.0)) for t in types
                )
                old_share = _first(inputs.get("shares", {}).get(pathway, 0.0))
                rate = old_share / old_available if old_available > 0 else fraction(field)
            shares[pathway] = available * rate
    new["shares"] = {p: v for p, v in shares.items() if v != 0}
    return new


class FacilityForm(forms.Form):
    name = forms.CharField(label=_("Facility"), max_length=100, validators=[validate_no_markup])
    pathway = forms.ChoiceField(
        label=_("Takes"),
        # An empty first choice: the blank extra row then counts as untouched.
        choices=[
            ("", "—"),
            *(
                (p, Pathway(p).label)
                for p in Pathway.values
                if p not in ("open_burning", "uncollected")
            ),
        ],
    )
    capacity_t_per_day = forms.DecimalField(
        label=_("Capacity (t/day)"), max_digits=10, decimal_places=3
    )
    start_year = forms.IntegerField(label=_("Start year"))
    end_year = forms.IntegerField(label=_("Last year"), required=False)
    overflow_to = forms.ChoiceField(
        label=_("Overflow goes to"),
        choices=[("", "—"), *((p, Pathway(p).label) for p in Pathway.values)],
    )
    capex_idr = forms.DecimalField(
        label=_("Investment (IDR)"), max_digits=20, decimal_places=0, required=False
    )
    opex_idr_per_t = forms.DecimalField(
        label=_("Operating cost (IDR/t)"), max_digits=14, decimal_places=0, required=False
    )


FacilityFormSet = forms.formset_factory(FacilityForm, extra=1, can_delete=True)


def facility_initial(inputs: dict) -> list[dict]:
    return [
        {
            "name": f["name"],
            "pathway": f["pathway"],
            "capacity_t_per_day": _round(float(f["capacity_t_per_year"]) / 365.0),
            "start_year": f["start_year"],
            "end_year": f.get("end_year"),
            "overflow_to": f["overflow_to"],
            "capex_idr": _round(float(f.get("capex_idr", 0)), 0),
            "opex_idr_per_t": _round(float(f.get("opex_idr_per_t", 0)), 0),
        }
        for f in inputs.get("facilities", [])
    ]


def facilities_from_formset(inputs: dict, formset) -> list[dict]:
    """Facilities as the formset leaves them; an untouched row keeps its stored values."""
    original = inputs.get("facilities", [])
    out = []
    for index, form in enumerate(formset.forms):
        if not form.has_changed() and index >= len(original):
            continue  # the empty extra row
        if formset.can_delete and form.cleaned_data.get("DELETE"):
            continue
        if not form.has_changed():
            out.append(original[index])
            continue
        data = form.cleaned_data
        facility = {
            "name": data["name"],
            "pathway": data["pathway"],
            "capacity_t_per_year": float(data["capacity_t_per_day"]) * 365.0,
            "start_year": int(data["start_year"]),
            "overflow_to": data["overflow_to"],
            "capex_idr": float(data.get("capex_idr") or 0),
            "opex_idr_per_t": float(data.get("opex_idr_per_t") or 0),
        }
        if data.get("end_year") is not None:
            facility["end_year"] = int(data["end_year"])
        out.append(facility)
    return out


class InputsJSONForm(forms.Form):
    """Every input of the model as JSON, for what the form above does not show (per-year
    trajectories, landfill history, emission parameters)."""

    inputs = forms.JSONField(
        label=_("Model inputs (JSON)"), widget=forms.Textarea(attrs={"rows": 16})
    )


class NewScenarioForm(forms.Form):
    code = forms.SlugField(label=_("Short name"), max_length=60)
    name = forms.CharField(label=_("Name"), max_length=200, validators=[validate_no_markup])
    start_from = forms.ChoiceField(label=_("Start from"), required=False)

    def __init__(self, *args, scenarios=(), **kwargs):
        super().__init__(*args, **kwargs)
        _choice_field(self, "start_from").choices = [("", _("a default scenario"))] + [
            (s.code, str(s)) for s in scenarios
        ]


class SourceForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300, validators=[validate_no_markup])
    publisher = forms.CharField(
        label=_("Publisher"), max_length=200, required=False, validators=[validate_no_markup]
    )
    url = forms.URLField(label=_("Link"), required=False, max_length=500, assume_scheme="https")
    published_on = forms.DateField(
        label=_("Published on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        validators=[validate_no_markup],
    )
    is_sample = forms.BooleanField(label=_("Sample data"), required=False)


class FigureForm(forms.Form):
    municipality = forms.ChoiceField(label=_("Municipality"))
    year = forms.IntegerField(label=_("Year"), min_value=1950, max_value=2200)
    area = forms.CharField(
        label=_("Area (kecamatan)"), max_length=100, required=False, validators=[validate_no_markup]
    )
    metric = forms.ChoiceField(label=_("Measure"), choices=Metric.choices)
    category = forms.CharField(
        label=_("Category"),
        max_length=60,
        required=False,
        help_text=_("Waste type (food, plastic…), source (household, market…) or facility code."),
    )
    value = forms.DecimalField(label=_("Value"), max_digits=14, decimal_places=3)
    source = forms.ChoiceField(label=_("Source"))
    as_of = forms.DateField(
        label=_("Date of the figure"), widget=forms.DateInput(attrs={"type": "date"})
    )
    note = forms.CharField(
        label=_("Note"), max_length=300, required=False, validators=[validate_no_markup]
    )

    def __init__(self, *args, municipalities=(), sources=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.municipalities = {str(m.pk): m for m in municipalities}
        self.sources = {str(s.pk): s for s in sources}
        _choice_field(self, "municipality").choices = [(m.pk, str(m)) for m in municipalities]
        _choice_field(self, "source").choices = [(s.pk, str(s)) for s in sources]

    # The choices were validated against these objects: hand the objects to the service.
    def clean_municipality(self) -> Any:
        return self.municipalities[self.cleaned_data["municipality"]]

    def clean_source(self) -> Any:
        return self.sources[self.cleaned_data["source"]]


class ImportForm(forms.Form):
    municipality = forms.ChoiceField(label=_("Municipality"))
    file = forms.FileField(label=_("SIPSN-style table (XLSX or CSV)"))

    def __init__(self, *args, municipalities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.municipalities = {str(m.pk): m for m in municipalities}
        _choice_field(self, "municipality").choices = [(m.pk, str(m)) for m in municipalities]

    def clean_municipality(self) -> Any:
        return self.municipalities[self.cleaned_data["municipality"]]
