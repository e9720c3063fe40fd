"""Default parameter tables of the waste model, each value next to its source.

Abbreviations used in the source notes:

* **IPCC 2006 V5** - 2006 IPCC Guidelines for National Greenhouse Gas Inventories, Volume 5
  (Waste). "Ch 2" Waste generation, composition and management data; "Ch 3" Solid waste
  disposal; "Ch 4" Biological treatment of solid waste; "Ch 5" Incineration and open burning.
  Page numbers are those printed in the 2006 PDF chapters (e.g. "p. 3.17").
* **AR5** - IPCC Fifth Assessment Report, WG I, Chapter 8, Table 8.7 (GWP-100 without
  climate-carbon feedbacks).

Waste types follow the Indonesian SIPSN categories (Sistem Informasi Pengelolaan Sampah
Nasional): sisa makanan = ``food``, kayu-ranting-daun = ``wood``, kertas-karton = ``paper``,
plastik = ``plastic``, logam = ``metal``, kain = ``textile``, karet-kulit = ``rubber``,
kaca = ``glass``, lainnya = ``other``.

Choice for ``wood``: SIPSN's kayu-ranting-daun is mostly garden trimmings and leaves, so the
IPCC *garden and park waste* defaults (DOC 0.20, k 0.17) are used rather than IPCC *wood*
(DOC 0.43, k 0.035, meant for timber and lumber). :data:`WOOD_AS_TIMBER` holds the timber
values for a caller whose "wood" is construction wood.

Every table is a plain ``dict``; :class:`ModelParameters` bundles them and is what the
engine reads, so a caller overrides a value with ``dataclasses.replace``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

from .errors import ErrorCode, WasteModelError

# --------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------

WASTE_TYPES: Final[tuple[str, ...]] = (
    "food",
    "wood",
    "paper",
    "plastic",
    "metal",
    "textile",
    "rubber",
    "glass",
    "other",
)

#: Landfill (SWDS) site types of IPCC 2006 V5 Ch 3 Table 3.1 (p. 3.14).
SITE_TYPES: Final[tuple[str, ...]] = (
    "managed_anaerobic",
    "managed_semi_aerobic",
    "unmanaged_deep",
    "unmanaged_shallow",
    "uncategorised",
)

LANDFILL_PATHWAYS: Final[tuple[str, ...]] = tuple(f"landfill_{s}" for s in SITE_TYPES)

#: Every destination a tonne of generated waste can end in.
PATHWAYS: Final[tuple[str, ...]] = (
    "recycling",
    "composting",
    "anaerobic_digestion",
    "rdf",
    "incineration",
    *LANDFILL_PATHWAYS,
    "open_burning",
    "uncollected",
)

#: Pathways fed only from source-separated material (bank sampah, TPS3R, informal pickers).
SEPARATED_PATHWAYS: Final[tuple[str, ...]] = ("recycling", "composting", "anaerobic_digestion")

#: Pathways fed from the mixed (unseparated) stream, in the mixed stream's composition.
MIXED_PATHWAYS: Final[tuple[str, ...]] = tuple(p for p in PATHWAYS if p not in SEPARATED_PATHWAYS)

#: Pathways that can be served by capacity-limited facilities.
FACILITY_PATHWAYS: Final[tuple[str, ...]] = tuple(
    p for p in PATHWAYS if p not in ("open_burning", "uncollected")
)

#: Pathways whose waste is burnt (IPCC 2006 V5 Ch 5).
COMBUSTION_PATHWAYS: Final[tuple[str, ...]] = ("incineration", "rdf", "open_burning")

#: Waste types a recycler can take from the separated stream.
RECYCLABLE_TYPES: Final[tuple[str, ...]] = (
    "paper",
    "plastic",
    "metal",
    "glass",
    "textile",
    "rubber",
)
#: Waste types composting and anaerobic digestion can take from the separated stream.
ORGANIC_TYPES: Final[tuple[str, ...]] = ("food", "wood")

#: Jakstranas (Perpres 97/2017) "pengurangan" (reduction): recycling and reuse of organics.
REDUCTION_PATHWAYS: Final[tuple[str, ...]] = SEPARATED_PATHWAYS
#: Jakstranas "penanganan" (handling): treatment incl. energy recovery and final disposal.
HANDLING_PATHWAYS: Final[tuple[str, ...]] = ("rdf", "incineration", *LANDFILL_PATHWAYS)

#: Perpres 97/2017 (Jakstranas) national targets for 2025, in % of generated waste.
JAKSTRANAS_TARGET_YEAR: Final = 2025
JAKSTRANAS_REDUCTION_TARGET_PCT: Final = 30.0
JAKSTRANAS_HANDLING_TARGET_PCT: Final = 70.0

# --------------------------------------------------------------------------------------
# Physical constants
# --------------------------------------------------------------------------------------

#: Molecular weight ratio CH4/C (IPCC 2006 V5 Ch 3 eq 3.3 and 3.6).
CH4_PER_C: Final = 16.0 / 12.0
#: Molecular weight ratio CO2/C (IPCC 2006 V5 Ch 5 eq 5.1 and 5.2).
CO2_PER_C: Final = 44.0 / 12.0
#: GJ per MWh.
GJ_PER_MWH: Final = 3.6

# --------------------------------------------------------------------------------------
# Waste-type properties: IPCC 2006 V5 Ch 2 Table 2.4 (p. 2.14), wet-weight basis for DOC.
# Ranges are the bracketed ranges of the same table; used by the Monte Carlo.
# --------------------------------------------------------------------------------------

#: Dry matter content, fraction of wet weight. Table 2.4 (p. 2.14); wood = garden/park (40 %).
DRY_MATTER: Final[dict[str, float]] = {
    "food": 0.40,
    "wood": 0.40,  # garden and park waste; timber would be 0.85
    "paper": 0.90,
    "plastic": 1.00,
    "metal": 1.00,
    "textile": 0.80,
    "rubber": 0.84,
    "glass": 1.00,
    "other": 0.90,  # "other, inert waste"
}

#: Degradable organic carbon, fraction of WET weight. Table 2.4 (p. 2.14).
#: rubber: Table 2.4 prints (39 %) in brackets because natural rubber is unlikely to degrade
#: under anaerobic SWDS conditions, and the IPCC Waste Model has no rubber column, so it is
#: 0 here. plastic, metal, glass and other/inert have no DOC in Table 2.4.
DOC: Final[dict[str, float]] = {
    "food": 0.15,
    "wood": 0.20,  # garden and park waste; timber 0.43
    "paper": 0.40,
    "plastic": 0.0,
    "metal": 0.0,
    "textile": 0.24,
    "rubber": 0.0,
    "glass": 0.0,
    "other": 0.0,
}
#: DOC ranges (wet weight), Table 2.4 (p. 2.14).
DOC_RANGE: Final[dict[str, tuple[float, float]]] = {
    "food": (0.08, 0.20),
    "wood": (0.18, 0.22),
    "paper": (0.36, 0.45),
    "textile": (0.20, 0.40),
}

#: Total carbon content, fraction of DRY weight. Table 2.4 (p. 2.14). Metal and glass: NA.
CARBON_FRACTION: Final[dict[str, float]] = {
    "food": 0.38,
    "wood": 0.49,
    "paper": 0.46,
    "plastic": 0.75,
    "metal": 0.0,
    "textile": 0.50,
    "rubber": 0.67,
    "glass": 0.0,
    "other": 0.03,
}
#: Total carbon ranges (dry weight), Table 2.4 (p. 2.14).
CARBON_FRACTION_RANGE: Final[dict[str, tuple[float, float]]] = {
    "food": (0.20, 0.50),
    "wood": (0.45, 0.55),
    "paper": (0.42, 0.50),
    "plastic": (0.67, 0.85),
    "textile": (0.25, 0.50),
    "other": (0.0, 0.05),
}

#: Fossil carbon, fraction of total carbon. Table 2.4 (p. 2.14).
FOSSIL_CARBON_FRACTION: Final[dict[str, float]] = {
    "food": 0.0,
    "wood": 0.0,
    "paper": 0.01,
    "plastic": 1.00,
    "metal": 0.0,
    "textile": 0.20,
    "rubber": 0.20,
    "glass": 0.0,
    "other": 1.00,
}
#: Fossil carbon ranges, Table 2.4 (p. 2.14).
FOSSIL_CARBON_FRACTION_RANGE: Final[dict[str, tuple[float, float]]] = {
    "paper": (0.0, 0.05),
    "plastic": (0.95, 1.00),
    "textile": (0.0, 0.50),
    "other": (0.50, 1.00),
}

#: IPCC "wood" (timber/straw) values for a caller whose "wood" really is timber:
#: Table 2.4 (p. 2.14) for DOC and dry matter, Table 3.3 (p. 3.17) tropical moist/wet for k.
WOOD_AS_TIMBER: Final[dict[str, float]] = {
    "doc": 0.43,
    "dry_matter": 0.85,
    "carbon_fraction": 0.50,
    "k_tropical_wet": 0.035,
}

# --------------------------------------------------------------------------------------
# First-order decay: IPCC 2006 V5 Ch 3
# --------------------------------------------------------------------------------------

#: Methane generation rate k (1/yr), IPCC 2006 V5 Ch 3 Table 3.3 (p. 3.17), TROPICAL
#: (MAT > 20 degC), MOIST AND WET (MAP >= 1000 mm) - the zone of Batang (north coast of
#: Central Java). Values cross-checked against USEPA lfg-calc-py
#: lfg_calc_py/data/IPCC_Waste_specific_k-values.csv. Types without DOC never decay, their
#: k only matters if a caller gives them a DOC: plastic/metal/glass/other take the bulk-waste
#: value, rubber the slowly degrading wood/straw value.
K_TROPICAL_WET: Final[dict[str, float]] = {
    "food": 0.40,  # food waste / sewage sludge (rapidly degrading)
    "wood": 0.17,  # other (non-food) organic putrescible / garden and park waste
    "paper": 0.07,  # paper / textiles (slowly degrading)
    "plastic": 0.17,  # bulk waste
    "metal": 0.17,  # bulk waste
    "textile": 0.07,  # paper / textiles
    "rubber": 0.035,  # wood / straw
    "glass": 0.17,  # bulk waste
    "other": 0.17,  # bulk waste
}
#: k ranges, same table and zone.
K_TROPICAL_WET_RANGE: Final[dict[str, tuple[float, float]]] = {
    "food": (0.17, 0.70),
    "wood": (0.15, 0.20),
    "paper": (0.06, 0.085),
    "textile": (0.06, 0.085),
    "rubber": (0.03, 0.05),
}
#: k for TROPICAL DRY (MAP < 1000 mm), same table, offered for sensitivity runs.
K_TROPICAL_DRY: Final[dict[str, float]] = {
    "food": 0.085,
    "wood": 0.065,
    "paper": 0.045,
    "plastic": 0.065,
    "metal": 0.065,
    "textile": 0.045,
    "rubber": 0.025,
    "glass": 0.065,
    "other": 0.065,
}

#: Methane correction factor by site type, IPCC 2006 V5 Ch 3 Table 3.1 (p. 3.14).
MCF: Final[dict[str, float]] = {
    "managed_anaerobic": 1.0,
    "managed_semi_aerobic": 0.5,
    "unmanaged_deep": 0.8,  # >= 5 m deep and/or high water table
    "unmanaged_shallow": 0.4,  # < 5 m deep
    "uncategorised": 0.6,
}
#: MCF uncertainty, IPCC 2006 V5 Ch 3 Table 3.5 (p. 3.27): 1.0 -10 %/+0 %; 0.8 +-20 %;
#: 0.5 +-20 %; 0.4 +-30 %; 0.6 -50 %/+60 %.
MCF_RANGE: Final[dict[str, tuple[float, float]]] = {
    "managed_anaerobic": (0.9, 1.0),
    "managed_semi_aerobic": (0.4, 0.6),
    "unmanaged_deep": (0.64, 0.96),
    "unmanaged_shallow": (0.28, 0.52),
    "uncategorised": (0.3, 0.96),
}

#: Oxidation factor, IPCC 2006 V5 Ch 3 Table 3.2 (p. 3.15): 0.1 for a "managed [site]
#: covered with CH4-oxidising material (e.g. soil, compost)", 0 otherwise. Choice: managed
#: sites get 0.1 because Indonesian controlled and sanitary landfills are required to cover
#: the waste with soil (Permen PU 03/PRT/M/2013); set 0 for a managed site without cover.
OX: Final[dict[str, float]] = {
    "managed_anaerobic": 0.1,
    "managed_semi_aerobic": 0.1,
    "unmanaged_deep": 0.0,
    "unmanaged_shallow": 0.0,
    "uncategorised": 0.0,
}

#: Fraction of DOC that decomposes, IPCC 2006 V5 Ch 3 Section 3.2.3 (p. 3.13): default 0.5.
DOCF: Final = 0.5
#: DOCf uncertainty +-20 %, Table 3.5 (p. 3.27).
DOCF_RANGE: Final = (0.4, 0.6)
#: Fraction of CH4 in generated landfill gas, Section 3.2.3 (p. 3.15): default 0.5.
F_CH4: Final = 0.5
#: F uncertainty +-5 %, Table 3.5 (p. 3.27).
F_CH4_RANGE: Final = (0.475, 0.525)
#: Delay between deposition and the start of decay, Section 3.2.3 "Delay time" (p. 3.19):
#: default 6 months, i.e. waste deposited (on average) mid-year starts decaying on 1 January
#: of the next year. The IPCC Waste Model lets it run from 0 to 6 months.
DELAY_MONTHS: Final = 6.0
DELAY_MONTHS_MAX: Final = 6.0

# --------------------------------------------------------------------------------------
# Biological treatment: IPCC 2006 V5 Ch 4 Table 4.1 (p. 4.6), g gas per kg WET waste.
# --------------------------------------------------------------------------------------

#: Composting CH4: 4 g/kg wet (range 0.03-8). Table 4.1 (p. 4.6).
COMPOSTING_CH4_G_PER_KG: Final = 4.0
COMPOSTING_CH4_RANGE: Final = (0.03, 8.0)
#: Composting N2O per kg WET waste. Sources disagree: Table 4.1 (p. 4.6) prints 0.3 g/kg
#: wet (range 0.06-0.6), but its own footnote derives the wet value from 0.6 g/kg dry at
#: 60 % moisture, which gives 0.6 x 0.4 = 0.24 g/kg wet (the value some calculators use).
#: Choice: the printed Tier 1 default 0.3 g/kg wet, because that is what a national
#: inventory reviewer checks against. The Monte Carlo range 0.06-0.6 covers 0.24.
COMPOSTING_N2O_G_PER_KG: Final = 0.3
COMPOSTING_N2O_RANGE: Final = (0.06, 0.6)
#: Anaerobic digestion at biogas facilities CH4 (leakage): 0.8 g/kg wet (range 0-8).
#: Table 4.1 (p. 4.6).
AD_CH4_G_PER_KG: Final = 0.8
AD_CH4_RANGE: Final = (0.0, 8.0)
#: Anaerobic digestion N2O: "assumed negligible", Table 4.1 (p. 4.6).
AD_N2O_G_PER_KG: Final = 0.0

# --------------------------------------------------------------------------------------
# Incineration, RDF and open burning: IPCC 2006 V5 Ch 5
# --------------------------------------------------------------------------------------

#: Oxidation factor (fraction of carbon oxidised), Table 5.2 (p. 5.18): incineration 100 %,
#: open burning 58 %. RDF is assumed co-fired (cement kiln) with complete oxidation, as for
#: stationary combustion (IPCC 2006 Volume 2 Ch 2 default oxidation factor 1).
COMBUSTION_OXIDATION_FACTOR: Final[dict[str, float]] = {
    "incineration": 1.0,
    "rdf": 1.0,
    "open_burning": 0.58,
}
#: CH4 from continuous stoker incineration of MSW: 0.2 kg/Gg wet = 0.2 g/t wet,
#: Table 5.3 (p. 5.20). Also applied to RDF co-firing (assumption).
INCINERATION_CH4_G_PER_T: Final = 0.2
#: N2O from continuous and semi-continuous MSW incineration: 50 g/t wet, Table 5.6 (p. 5.22).
#: Also applied to RDF co-firing (assumption).
INCINERATION_N2O_G_PER_T: Final = 50.0
#: CH4 from open burning of MSW: 6500 g/t wet, Section 5.2.3.2 (p. 5.20).
OPEN_BURNING_CH4_G_PER_T: Final = 6500.0
#: N2O from open burning: 150 g/t DRY weight, Table 5.6 (p. 5.22).
OPEN_BURNING_N2O_G_PER_T_DRY: Final = 150.0

# --------------------------------------------------------------------------------------
# Global warming potentials
# --------------------------------------------------------------------------------------

#: AR5 WG I Ch 8 Table 8.7: GWP-100 without climate-carbon feedback. The default, because
#: the Paris Agreement transparency framework (decision 18/CMA.1, para 37) asks Parties,
#: Indonesia included, to report in AR5 GWP-100.
GWP_AR5: Final[dict[str, float]] = {"CH4": 28.0, "N2O": 265.0}
#: AR4 WG I Ch 2 Table 2.14 (used by older Indonesian inventories and CDM projects).
GWP_AR4: Final[dict[str, float]] = {"CH4": 25.0, "N2O": 298.0}
#: AR6 WG I Ch 7 Table 7.15: CH4 of non-fossil origin (waste methane is biogenic) 27.0.
GWP_AR6: Final[dict[str, float]] = {"CH4": 27.0, "N2O": 273.0}
GWP_SETS: Final[dict[str, dict[str, float]]] = {"AR4": GWP_AR4, "AR5": GWP_AR5, "AR6": GWP_AR6}

# --------------------------------------------------------------------------------------
# Energy, volume, recycling: planning values, not IPCC defaults (labelled as such)
# --------------------------------------------------------------------------------------

#: Lower heating value as received, MJ/kg (= GJ/t), INDICATIVE. Built from the "as
#: discarded" energy contents of Tchobanoglous, Theisen & Vigil (1993) Integrated Solid Waste
#: Management, Table 4-5 (food 4.65, paper 16.75, plastics 32.6, textiles 17.45, rubber
#: 23.25, yard waste 6.5, dirt/ash/other 7.0 MJ/kg), minus the latent heat of the moisture
#: implied by IPCC Table 2.4 dry matter (2.442 MJ per kg water). Hydrogen water is ignored,
#: so wet organics are still overstated by roughly 10-20 %. Metal and glass are set to 0
#: (inert). Replace with a measured LHV before any feasibility decision.
LHV_MJ_PER_KG: Final[dict[str, float]] = {
    "food": 4.65 - 2.442 * 0.60,
    "wood": 6.5 - 2.442 * 0.60,
    "paper": 16.75 - 2.442 * 0.10,
    "plastic": 32.6,
    "metal": 0.0,
    "textile": 17.45 - 2.442 * 0.20,
    "rubber": 23.25 - 2.442 * 0.16,
    "glass": 0.0,
    "other": 7.0 - 2.442 * 0.10,
}
#: Net electrical efficiency of a grate (mass-burn) WtE plant, ASSUMPTION: 20 %, the
#: middle of the 15-25 % usually quoted for MSW incinerators (e.g. World Bank 1999,
#: Decision Makers' Guide to Municipal Solid Waste Incineration).
INCINERATION_ELECTRIC_EFFICIENCY: Final = 0.20
#: World Bank (1999) Decision Makers' Guide to MSW Incineration: the LHV of the waste fed
#: must never fall below 6 MJ/kg (and average at least 7 MJ/kg) for self-sustaining
#: combustion. Below this the model raises a warning, not an error.
INCINERATION_MIN_LHV_MJ_PER_KG: Final = 6.0

#: Bulk density of compacted waste in place, t/m3, ASSUMPTION: 0.7, mid-range of the
#: 0.6-0.9 t/m3 usually quoted for compacted MSW in controlled landfills (cover soil not
#: included). Replace with the TPA's own survey value.
LANDFILL_DENSITY_T_PER_M3: Final = 0.7

#: Avoided emissions per tonne recycled, t CO2e/t, INDICATIVE ONLY and reported apart from
#: the inventory. Rounded from US EPA WARM (v15, 2020) recycling factors converted from
#: MTCO2E/short ton to per metric tonne (/0.9072): mixed paper -3.55 (includes US forest
#: carbon), mixed plastics -0.93, steel cans -1.83, glass -0.28, clothing/textiles about
#: -2.4, tires -0.4. US grid and virgin-production context; verify against the current
#: WARM release before citing and prefer Indonesian LCA data where available.
RECYCLING_AVOIDED_T_CO2E_PER_T: Final[dict[str, float]] = {
    "food": 0.0,
    "wood": 0.0,
    "paper": 3.9,
    "plastic": 1.0,
    "metal": 2.0,
    "textile": 2.6,
    "rubber": 0.4,
    "glass": 0.3,
    "other": 0.0,
}

#: Example composition (fractions of wet weight), for demos and benchmarks only: the
#: Indonesia row of RMI SWEET_python ``defaults_2019.waste_fractions_country`` (a country
#: table in the layout of IPCC 2006 V5 Ch 2 Annex 2A.1). Batang's own SIPSN survey should
#: replace it.
EXAMPLE_COMPOSITION_INDONESIA: Final[dict[str, float]] = {
    "food": 0.74,
    "wood": 0.0,
    "paper": 0.10,
    "plastic": 0.08,
    "metal": 0.02,
    "textile": 0.02,
    "rubber": 0.0,
    "glass": 0.02,
    "other": 0.02,
}


# --------------------------------------------------------------------------------------
# The bundle the engine reads
# --------------------------------------------------------------------------------------


def _copy(table: Mapping[str, float]) -> dict[str, float]:
    return dict(table)


@dataclass(frozen=True)
class ModelParameters:
    """Every emission-side parameter of the model; defaults are the tables above.

    Per-waste-type mappings are keyed by :data:`WASTE_TYPES`, per-site mappings by
    :data:`SITE_TYPES`. Emission factors of biological treatment are g per kg WET waste,
    of combustion g per tonne (wet unless the name says dry).
    """

    doc: Mapping[str, float] = field(default_factory=lambda: _copy(DOC))
    dry_matter: Mapping[str, float] = field(default_factory=lambda: _copy(DRY_MATTER))
    carbon_fraction: Mapping[str, float] = field(default_factory=lambda: _copy(CARBON_FRACTION))
    fossil_carbon_fraction: Mapping[str, float] = field(
        default_factory=lambda: _copy(FOSSIL_CARBON_FRACTION)
    )
    k: Mapping[str, float] = field(default_factory=lambda: _copy(K_TROPICAL_WET))
    docf: float = DOCF
    f: float = F_CH4
    delay_months: float = DELAY_MONTHS
    mcf: Mapping[str, float] = field(default_factory=lambda: _copy(MCF))
    ox: Mapping[str, float] = field(default_factory=lambda: _copy(OX))
    composting_ch4_g_per_kg: float = COMPOSTING_CH4_G_PER_KG
    composting_n2o_g_per_kg: float = COMPOSTING_N2O_G_PER_KG
    ad_ch4_g_per_kg: float = AD_CH4_G_PER_KG
    ad_n2o_g_per_kg: float = AD_N2O_G_PER_KG
    combustion_oxidation_factor: Mapping[str, float] = field(
        default_factory=lambda: _copy(COMBUSTION_OXIDATION_FACTOR)
    )
    incineration_ch4_g_per_t: float = INCINERATION_CH4_G_PER_T
    incineration_n2o_g_per_t: float = INCINERATION_N2O_G_PER_T
    open_burning_ch4_g_per_t: float = OPEN_BURNING_CH4_G_PER_T
    open_burning_n2o_g_per_t_dry: float = OPEN_BURNING_N2O_G_PER_T_DRY
    lhv_mj_per_kg: Mapping[str, float] = field(default_factory=lambda: _copy(LHV_MJ_PER_KG))
    incineration_electric_efficiency: float = INCINERATION_ELECTRIC_EFFICIENCY
    landfill_density_t_per_m3: float = LANDFILL_DENSITY_T_PER_M3
    recycling_avoided_t_co2e_per_t: Mapping[str, float] = field(
        default_factory=lambda: _copy(RECYCLING_AVOIDED_T_CO2E_PER_T)
    )
    gwp_set: str = "AR5"

    def __post_init__(self) -> None:
        self.validate()

    @property
    def gwp(self) -> dict[str, float]:
        """GWP-100 of CH4 and N2O in the chosen assessment report."""
        return dict(GWP_SETS[self.gwp_set])

    def validate(self) -> None:
        """Raise :class:`WasteModelError` if a value is outside its admissible range."""
        per_type_fractions = {
            "doc": self.doc,
            "dry_matter": self.dry_matter,
            "carbon_fraction": self.carbon_fraction,
            "fossil_carbon_fraction": self.fossil_carbon_fraction,
        }
        for name, table in per_type_fractions.items():
            _check_table(name, table, WASTE_TYPES, ErrorCode.UNKNOWN_WASTE_TYPE)
            for key, value in table.items():
                _check_fraction(f"{name}.{key}", value)
        _check_table("k", self.k, WASTE_TYPES, ErrorCode.UNKNOWN_WASTE_TYPE)
        for key, value in self.k.items():
            if not _as_number(f"k.{key}", value) > 0:
                raise WasteModelError(
                    ErrorCode.INVALID_PARAMETER,
                    f"The decay rate k of {key} must be above zero (got {value}).",
                    field=f"k.{key}",
                    value=value,
                )
        for name, table in {"mcf": self.mcf, "ox": self.ox}.items():
            _check_table(name, table, SITE_TYPES, ErrorCode.UNKNOWN_SITE_TYPE)
            for key, value in table.items():
                _check_fraction(f"{name}.{key}", value)
        for name in ("docf", "f", "incineration_electric_efficiency"):
            _check_fraction(name, getattr(self, name))
        check_delay_months(self.delay_months)
        for name in (
            "composting_ch4_g_per_kg",
            "composting_n2o_g_per_kg",
            "ad_ch4_g_per_kg",
            "ad_n2o_g_per_kg",
            "incineration_ch4_g_per_t",
            "incineration_n2o_g_per_t",
            "open_burning_ch4_g_per_t",
            "open_burning_n2o_g_per_t_dry",
        ):
            _check_non_negative(name, getattr(self, name))
        for key, value in self.combustion_oxidation_factor.items():
            if key not in COMBUSTION_PATHWAYS:
                raise WasteModelError(
                    ErrorCode.UNKNOWN_PATHWAY,
                    f"'{key}' is not a combustion pathway.",
                    field="combustion_oxidation_factor",
                    pathway=key,
                )
            _check_fraction(f"combustion_oxidation_factor.{key}", value)
        _check_table("lhv_mj_per_kg", self.lhv_mj_per_kg, WASTE_TYPES, ErrorCode.UNKNOWN_WASTE_TYPE)
        _check_table(
            "recycling_avoided_t_co2e_per_t",
            self.recycling_avoided_t_co2e_per_t,
            WASTE_TYPES,
            ErrorCode.UNKNOWN_WASTE_TYPE,
        )
        for key, value in self.lhv_mj_per_kg.items():
            _check_non_negative(f"lhv_mj_per_kg.{key}", value)
        if not _as_number("landfill_density_t_per_m3", self.landfill_density_t_per_m3) > 0:
            raise WasteModelError(
                ErrorCode.INVALID_PARAMETER,
                "The landfill density must be above zero.",
                field="landfill_density_t_per_m3",
                value=self.landfill_density_t_per_m3,
            )
        if self.gwp_set not in GWP_SETS:
            raise WasteModelError(
                ErrorCode.INVALID_PARAMETER,
                f"Unknown GWP set '{self.gwp_set}'; use one of {sorted(GWP_SETS)}.",
                field="gwp_set",
                value=self.gwp_set,
            )

    def per_type(self, name: str) -> list[float]:
        """A per-waste-type table as a list in :data:`WASTE_TYPES` order (missing = 0)."""
        table: Mapping[str, float] = getattr(self, name)
        return [float(table.get(w, 0.0)) for w in WASTE_TYPES]

    def per_site(self, name: str) -> list[float]:
        """A per-site-type table as a list in :data:`SITE_TYPES` order (missing = 0)."""
        table: Mapping[str, float] = getattr(self, name)
        return [float(table.get(s, 0.0)) for s in SITE_TYPES]


def check_delay_months(delay_months: float) -> None:
    """The IPCC Waste Model allows a delay of 0 to 6 months (decay starts in month <= 13)."""
    if not 0.0 <= _as_number("delay_months", delay_months) <= DELAY_MONTHS_MAX:
        raise WasteModelError(
            ErrorCode.INVALID_PARAMETER,
            f"The delay must be between 0 and 6 months (got {delay_months}).",
            field="delay_months",
            value=delay_months,
        )


def _check_table(
    name: str, table: Mapping[str, float], allowed: tuple[str, ...], code: str
) -> None:
    for key in table:
        if key not in allowed:
            raise WasteModelError(
                code,
                f"'{key}' in {name} is not one of {', '.join(allowed)}.",
                field=name,
                key=key,
            )


def _as_number(name: str, value: object) -> float:
    if isinstance(value, bool):
        value = "bool"  # True/False are never meant as quantities
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise WasteModelError(
            ErrorCode.INVALID_PARAMETER, f"{name} must be a number.", field=name
        ) from None


def _check_fraction(name: str, value: float) -> None:
    if not 0.0 <= _as_number(name, value) <= 1.0:
        raise WasteModelError(
            ErrorCode.INVALID_PARAMETER,
            f"{name} must be a fraction between 0 and 1 (got {value}).",
            field=name,
            value=value,
        )


def _check_non_negative(name: str, value: float) -> None:
    if not _as_number(name, value) >= 0.0:
        raise WasteModelError(
            ErrorCode.INVALID_PARAMETER,
            f"{name} must not be negative (got {value}).",
            field=name,
            value=value,
        )


DEFAULT_PARAMETERS: Final = ModelParameters()
