"""Vocabularies of waste data: the SIPSN categories and the engine's codes, with their labels.

The codes are the waste model's own (``wastemodel.parameters``), so stored data, the engine
and the import/export tables speak the same words; the labels are what people read.
"""

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.translation import gettext_lazy as _

from sistercity.environment.wastemodel import PATHWAYS, SITE_TYPES, WASTE_TYPES


class WasteType(models.TextChoices):
    """SIPSN composition by type (komposisi sampah berdasarkan jenis)."""

    FOOD = "food", _("food waste")
    WOOD = "wood", _("wood, twigs and leaves")
    PAPER = "paper", _("paper and cardboard")
    PLASTIC = "plastic", _("plastic")
    METAL = "metal", _("metal")
    TEXTILE = "textile", _("cloth and textile")
    RUBBER = "rubber", _("rubber and leather")
    GLASS = "glass", _("glass")
    OTHER = "other", _("other")


class WasteSource(models.TextChoices):
    """SIPSN composition by source (komposisi sampah berdasarkan sumber)."""

    HOUSEHOLD = "household", _("households")
    MARKET = "market", _("traditional markets")
    COMMERCE = "commerce", _("commerce")
    OFFICE = "office", _("offices")
    PUBLIC_FACILITY = "public_facility", _("public facilities")
    AREA = "area", _("areas (kawasan)")
    OTHER = "other", _("other sources")


class Metric(models.TextChoices):
    """What a recorded figure measures; each has a fixed unit and category vocabulary."""

    GENERATION = "generation_t_day", _("waste generated (t/day)")
    SOURCE = "source_pct", _("share by source (%)")
    COMPOSITION = "composition_pct", _("composition by type (%)")
    FACILITY = "facility_t_day", _("handled by a facility (t/day)")
    POPULATION = "population", _("population (inhabitants)")


METRIC_UNITS = {
    Metric.GENERATION: "t/day",
    Metric.SOURCE: "%",
    Metric.COMPOSITION: "%",
    Metric.FACILITY: "t/day",
    Metric.POPULATION: "",
}


class FacilityKind(models.TextChoices):
    TPA = "tpa", _("TPA (landfill)")
    TPS3R = "tps3r", _("TPS3R (reduce-reuse-recycle point)")
    WASTE_BANK = "waste_bank", _("waste bank (bank sampah)")
    COMPOST = "compost_house", _("compost house")
    RDF = "rdf", _("RDF plant")
    WTE = "wte", _("waste-to-energy plant")
    RECYCLING = "recycling", _("recycling plant")
    OTHER = "other", _("other facility")


class SiteType(models.TextChoices):
    """IPCC 2006 Vol 5 Table 3.1 landfill site types."""

    MANAGED_ANAEROBIC = "managed_anaerobic", _("managed, anaerobic (sanitary landfill)")
    MANAGED_SEMI_AEROBIC = "managed_semi_aerobic", _("managed, semi-aerobic")
    UNMANAGED_DEEP = "unmanaged_deep", _("unmanaged, deep (open dump ≥ 5 m)")
    UNMANAGED_SHALLOW = "unmanaged_shallow", _("unmanaged, shallow (open dump < 5 m)")
    UNCATEGORISED = "uncategorised", _("uncategorised")


class Pathway(models.TextChoices):
    """Where a tonne of generated waste ends (the engine's pathways)."""

    RECYCLING = "recycling", _("recycling")
    COMPOSTING = "composting", _("composting")
    ANAEROBIC_DIGESTION = "anaerobic_digestion", _("anaerobic digestion")
    RDF = "rdf", _("RDF")
    INCINERATION = "incineration", _("waste-to-energy incineration")
    LANDFILL_MANAGED_ANAEROBIC = "landfill_managed_anaerobic", _("sanitary landfill")
    LANDFILL_MANAGED_SEMI_AEROBIC = (
        "landfill_managed_semi_aerobic",
        _("semi-aerobic landfill"),
    )
    LANDFILL_UNMANAGED_DEEP = "landfill_unmanaged_deep", _("open dump (deep)")
    LANDFILL_UNMANAGED_SHALLOW = "landfill_unmanaged_shallow", _("open dump (shallow)")
    LANDFILL_UNCATEGORISED = "landfill_uncategorised", _("landfill (uncategorised)")
    OPEN_BURNING = "open_burning", _("open burning")
    UNCOLLECTED = "uncollected", _("uncollected")


class IndicatorSeries(models.TextChoices):
    """Result series a scenario can feed into a programme indicator as planned values."""

    REDUCTION = "reduction_pct", _("waste reduction (%)")
    HANDLING = "handling_pct", _("waste handling (%)")
    MANAGED = "managed_pct", _("waste managed (%)")
    DIVERSION = "diversion_pct", _("landfill diversion rate (%)")
    LANDFILL_CH4 = "landfill_ch4_t", _("landfill methane emitted (t)")
    CO2E = "total_co2e_t", _("total emissions (t CO2e)")
    ENERGY = "electricity_mwh", _("electricity recovered (MWh)")


# The engine's vocabularies and ours must not drift apart (checked at import, also under -O).
for _ours, _engine in ((WasteType, WASTE_TYPES), (Pathway, PATHWAYS), (SiteType, SITE_TYPES)):
    if tuple(_ours.values) != _engine:
        raise ImproperlyConfigured(f"{_ours.__name__} differs from the waste model's codes.")

MIXED_PATHWAYS = [
    p for p in Pathway.values if p not in ("recycling", "composting", "anaerobic_digestion")
]
LANDFILL_PATHWAYS = [p for p in Pathway.values if p.startswith("landfill_")]
