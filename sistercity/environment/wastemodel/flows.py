"""Scenario inputs and the material-flow model: where every tonne of generated waste goes.

One year of the model, per waste type:

1. **Generation** = population * kg/capita/day * 365 / 1000 * composition. Population and
   per-capita generation grow at constant annual rates from the start year.
2. **Source separation**: a share ``source_separation_rate`` of every waste type is kept
   apart (households, bank sampah, TPS3R, or picked by the informal sector before disposal).
   Recycling draws from the separated recyclables (:data:`~.parameters.RECYCLABLE_TYPES`),
   composting and anaerobic digestion from the separated organics
   (:data:`~.parameters.ORGANIC_TYPES`), each pro rata to what is available. Asking for more
   than the separated material holds is an error (``insufficient_separated_material``);
   separated material left over returns to the mixed stream.
3. **Mixed stream**: what remains goes to RDF, incineration, the landfill site types, open
   burning and "uncollected" in proportion to their shares; the shares' shortfall from
   100 % goes to ``residual_pathway``. Every mixed pathway receives the mixed stream's
   composition.
4. **Facilities**: a pathway served by facilities never takes more than their combined
   capacity in that year (a facility counts from its start year to its end year); the
   overflow goes, with its composition, to the facilities' ``overflow_to`` pathway, which may
   itself be capacity-limited. Pathways without facilities are unconstrained.

Shares are fractions of the year's *total generation* (0.3 = 30 %), which is how the
Jakstranas indicators are defined. Mass is conserved exactly: the tonnes of all pathways
add up to the generation of every year and waste type.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

import numpy as np
from numpy.typing import NDArray

from .checks import (
    FloatArray,
    Trajectory,
    as_number,
    check_non_negative_tonnage,
    check_site,
    composition_vector,
    read_trajectory,
    take_pro_rata,
    unknown_pathway,
    year_index,
)
from .errors import ErrorCode, WasteModelError
from .parameters import (
    DEFAULT_PARAMETERS,
    FACILITY_PATHWAYS,
    MIXED_PATHWAYS,
    ORGANIC_TYPES,
    PATHWAYS,
    RECYCLABLE_TYPES,
    SITE_TYPES,
    WASTE_TYPES,
    ModelParameters,
)

MAX_HORIZON_YEARS = 100
#: Tolerance of share sums and material availability (relative to the year's generation).
SHARE_TOLERANCE = 1e-9
DAYS_PER_YEAR = 365.0


@dataclass(frozen=True)
class Facility:
    """A capacity-limited plant serving one pathway (TPS3R, composting plant, WtE, TPA cell...).

    Attributes:
        name: unique within the scenario.
        pathway: one of :data:`~.parameters.FACILITY_PATHWAYS`.
        capacity_t_per_year: wet tonnes it can take per year.
        start_year: first calendar year it operates.
        overflow_to: pathway that receives what the pathway's facilities cannot take.
        end_year: last calendar year it operates (``None``: open-ended).
        capex_idr: investment, counted in ``start_year`` (if inside the horizon).
        opex_idr_per_t: operating cost per tonne it takes.
    """

    name: str
    pathway: str
    capacity_t_per_year: float
    start_year: int
    overflow_to: str
    end_year: int | None = None
    capex_idr: float = 0.0
    opex_idr_per_t: float = 0.0

    def __post_init__(self) -> None:
        years = ("start_year",) if self.end_year is None else ("start_year", "end_year")
        for name in years:
            year = getattr(self, name)
            if isinstance(year, bool) or not isinstance(year, (int, np.integer)):
                raise WasteModelError(
                    ErrorCode.INVALID_PARAMETER,
                    f"{name} of facility '{self.name}' must be a whole number.",
                    field=f"facilities.{self.name}.{name}",
                    value=repr(year),
                )
        if self.pathway not in PATHWAYS:
            raise unknown_pathway(self.pathway, f"facilities.{self.name}.pathway")
        if self.pathway not in FACILITY_PATHWAYS:
            raise WasteModelError(
                ErrorCode.INVALID_PARAMETER,
                f"'{self.pathway}' is not served by facilities.",
                field=f"facilities.{self.name}.pathway",
                pathway=self.pathway,
            )
        if self.overflow_to not in PATHWAYS:
            raise unknown_pathway(self.overflow_to, f"facilities.{self.name}.overflow_to")
        if self.overflow_to == self.pathway:
            raise WasteModelError(
                ErrorCode.OVERFLOW_CYCLE,
                f"Facility '{self.name}' overflows into its own pathway.",
                facility=self.name,
                pathway=self.pathway,
            )
        check_non_negative_tonnage(
            f"facilities.{self.name}.capacity_t_per_year", self.capacity_t_per_year
        )
        if self.end_year is not None and self.end_year < self.start_year:
            raise WasteModelError(
                ErrorCode.INVALID_PARAMETER,
                f"Facility '{self.name}' ends before it starts.",
                field=f"facilities.{self.name}.end_year",
                start_year=self.start_year,
                end_year=self.end_year,
            )
        for name in ("capex_idr", "opex_idr_per_t"):
            value = getattr(self, name)
            if not as_number(f"facilities.{self.name}.{name}", value) >= 0:
                raise WasteModelError(
                    ErrorCode.INVALID_PARAMETER,
                    f"{name} of facility '{self.name}' must not be negative.",
                    field=f"facilities.{self.name}.{name}",
                    value=value,
                )

    def capacity_in(self, years: NDArray[np.int64]) -> FloatArray:
        """Capacity (t) in each of ``years``: zero before ``start_year`` and after ``end_year``."""
        end = self.end_year if self.end_year is not None else np.iinfo(np.int64).max
        active = (years >= self.start_year) & (years <= end)
        return np.where(active, float(self.capacity_t_per_year), 0.0)


@dataclass(frozen=True)
class PriorLandfill:
    """Waste already landfilled before the start year; it keeps generating CH4.

    Attributes:
        site_type: one of :data:`~.parameters.SITE_TYPES`.
        tonnes_per_year: wet tonnes deposited in each year just before the start year,
            oldest first (the last value is the year before ``start_year``).
        composition: its composition; ``None`` uses the scenario's.
    """

    site_type: str
    tonnes_per_year: Sequence[float]
    composition: Mapping[str, float] | None = None

    def __post_init__(self) -> None:
        if self.site_type not in SITE_TYPES:
            raise WasteModelError(
                ErrorCode.UNKNOWN_SITE_TYPE,
                f"'{self.site_type}' is not one of {', '.join(SITE_TYPES)}.",
                field="prior_landfill.site_type",
                site_type=self.site_type,
            )
        if len(self.tonnes_per_year) > MAX_HORIZON_YEARS:
            raise WasteModelError(
                ErrorCode.HORIZON_TOO_LONG,
                f"The landfill history covers {len(self.tonnes_per_year)} years; "
                f"at most {MAX_HORIZON_YEARS} are allowed.",
                field="prior_landfill.tonnes_per_year",
                years=len(self.tonnes_per_year),
                maximum=MAX_HORIZON_YEARS,
            )
        for value in self.tonnes_per_year:
            check_non_negative_tonnage("prior_landfill.tonnes_per_year", value)
        if self.composition is not None:
            composition_vector(self.composition, field="prior_landfill.composition")


@dataclass(frozen=True)
class Scenario:
    """Everything one model run needs, as plain values (validated on construction).

    Attributes:
        start_year: first calendar year of the horizon.
        horizon_years: 1..100.
        population: inhabitants in ``start_year``.
        generation_kg_per_capita_day: waste generated per inhabitant per day in ``start_year``.
        composition: waste type -> fraction of wet weight, summing to 1 (types left out: 0).
        population_growth: annual growth rate (0.01 = 1 %/yr).
        generation_growth: annual growth rate of the per-capita generation.
        source_separation_rate: share of each waste type kept separate (0..1), constant or
            one value per year.
        shares: pathway -> share of total generation (0..1), constant or one value per year.
            Pathways left out get 0; what the shares leave goes to ``residual_pathway``.
        residual_pathway: a mixed-stream pathway (default: uncategorised landfill).
        facilities: capacity-limited plants (see :class:`Facility`).
        landfill_capacity_m3: total volume of the TPA; ``None``: not assessed.
        landfill_used_m3_at_start: volume already filled at the start.
        tpa_site_types: site types whose waste fills the TPA volume.
        landfill_gas_recovery: site type -> share of generated CH4 recovered (0..1), constant
            or per year (IPCC eq 3.1's R, expressed as a share).
        prior_landfill: deposits made before the start year (see :class:`PriorLandfill`).
        opex_idr_per_t: pathway -> cost per tonne ending on that pathway (e.g. collection
            and transport to the TPA), added to the facilities' own ``opex_idr_per_t``.
        discount_rate: for the net present cost (0.08 = 8 %/yr), year 0 undiscounted.
        parameters: emission-side parameters (:class:`~.parameters.ModelParameters`).
    """

    start_year: int
    horizon_years: int
    population: float
    generation_kg_per_capita_day: float
    composition: Mapping[str, float]
    population_growth: float = 0.0
    generation_growth: float = 0.0
    source_separation_rate: Trajectory = 0.0
    shares: Mapping[str, Trajectory] = field(default_factory=dict)
    residual_pathway: str = "landfill_uncategorised"
    facilities: Sequence[Facility] = ()
    landfill_capacity_m3: float | None = None
    landfill_used_m3_at_start: float = 0.0
    tpa_site_types: Sequence[str] = SITE_TYPES
    landfill_gas_recovery: Mapping[str, Trajectory] = field(default_factory=dict)
    prior_landfill: Sequence[PriorLandfill] = ()
    opex_idr_per_t: Mapping[str, float] = field(default_factory=dict)
    discount_rate: float = 0.0
    parameters: ModelParameters = DEFAULT_PARAMETERS

    def __post_init__(self) -> None:
        self._validate()

    # -- derived values ----------------------------------------------------------------

    @property
    def years(self) -> NDArray[np.int64]:
        """Calendar years of the horizon."""
        return self.start_year + np.arange(self.horizon_years, dtype=np.int64)

    def composition_vector(self) -> FloatArray:
        """Composition in :data:`~.parameters.WASTE_TYPES` order."""
        return composition_vector(self.composition)

    def trajectory(self, name: str, value: Trajectory) -> FloatArray:
        """A 0..1 constant or per-year value as one value per year (validated)."""
        return read_trajectory(name, value, self.horizon_years)

    def share_matrix(self) -> FloatArray:
        """Shares per year and pathway, ``(years, len(PATHWAYS))``, residual included."""
        matrix = np.zeros((self.horizon_years, len(PATHWAYS)))
        for pathway, value in self.shares.items():
            matrix[:, PATHWAYS.index(pathway)] = self.trajectory(f"shares.{pathway}", value)
        residual = 1.0 - matrix.sum(axis=1)
        matrix[:, PATHWAYS.index(self.residual_pathway)] += np.clip(residual, 0.0, None)
        return matrix

    def facilities_by_pathway(self) -> dict[str, list[Facility]]:
        """Facilities grouped by pathway, in declaration order (the order they are filled)."""
        grouped: dict[str, list[Facility]] = {}
        for facility in self.facilities:
            grouped.setdefault(facility.pathway, []).append(facility)
        return grouped

    def pathway_order(self) -> list[str]:
        """Pathways ordered so that each comes after every pathway overflowing into it."""
        edges = {p: fs[0].overflow_to for p, fs in self.facilities_by_pathway().items()}
        indegree = dict.fromkeys(PATHWAYS, 0)
        for target in edges.values():
            indegree[target] += 1
        ready = [p for p in PATHWAYS if indegree[p] == 0]
        order: list[str] = []
        while ready:
            pathway = ready.pop(0)
            order.append(pathway)
            following = edges.get(pathway)
            if following is not None:
                indegree[following] -= 1
                if indegree[following] == 0:
                    ready.append(following)
        if len(order) != len(PATHWAYS):
            looping = sorted(p for p in PATHWAYS if p not in order and p in edges)
            raise WasteModelError(
                ErrorCode.OVERFLOW_CYCLE,
                "Facility overflows form a loop: " + " -> ".join(looping) + ".",
                pathways=looping,
            )
        return order

    # -- validation --------------------------------------------------------------------

    def _validate(self) -> None:
        # The checks run in this order so that a scenario with several faults always
        # reports the same (first) one, and later checks can rely on earlier ones.
        self._validate_horizon()
        self._validate_growth()
        self.composition_vector()  # raises on a bad composition
        self._validate_shares()
        self._validate_facilities()
        self._validate_landfill()
        self._validate_costs()

    def _validate_horizon(self) -> None:
        for name in ("start_year", "horizon_years"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
                raise WasteModelError(
                    ErrorCode.INVALID_PARAMETER,
                    f"{name} must be a whole number.",
                    field=name,
                    value=repr(value),
                )
        if self.horizon_years > MAX_HORIZON_YEARS:
            raise WasteModelError(
                ErrorCode.HORIZON_TOO_LONG,
                f"The horizon is {self.horizon_years} years; at most {MAX_HORIZON_YEARS} "
                "are allowed.",
                field="horizon_years",
                years=self.horizon_years,
                maximum=MAX_HORIZON_YEARS,
            )
        if self.horizon_years < 1:
            raise WasteModelError(
                ErrorCode.HORIZON_TOO_SHORT,
                "The horizon must be at least one year.",
                field="horizon_years",
                years=self.horizon_years,
            )

    def _validate_growth(self) -> None:
        check_non_negative_tonnage("population", self.population)
        check_non_negative_tonnage(
            "generation_kg_per_capita_day", self.generation_kg_per_capita_day
        )
        for name in ("population_growth", "generation_growth"):
            rate = as_number(name, getattr(self, name))
            if not (rate > -1.0 and np.isfinite(rate)):
                raise WasteModelError(
                    ErrorCode.INVALID_PARAMETER,
                    f"{name} must be a finite rate above -100 %.",
                    field=name,
                    value=rate,
                )

    def _validate_shares(self) -> None:
        for pathway in self.shares:
            if pathway not in PATHWAYS:
                raise unknown_pathway(pathway, "shares")
        if self.residual_pathway not in PATHWAYS:
            raise unknown_pathway(self.residual_pathway, "residual_pathway")
        if self.residual_pathway not in MIXED_PATHWAYS:
            raise WasteModelError(
                ErrorCode.INVALID_PARAMETER,
                "The residual pathway must take mixed waste (not recycling, composting or "
                "digestion).",
                field="residual_pathway",
                pathway=self.residual_pathway,
            )
        matrix = np.zeros((self.horizon_years, len(PATHWAYS)))
        for pathway, value in self.shares.items():
            matrix[:, PATHWAYS.index(pathway)] = self.trajectory(f"shares.{pathway}", value)
        totals = matrix.sum(axis=1)
        over = np.nonzero(totals > 1.0 + SHARE_TOLERANCE)[0]
        if over.size:
            year = int(self.years[over[0]])
            raise WasteModelError(
                ErrorCode.SHARES_OVER_100,
                f"In {year} the pathway shares add up to {totals[over[0]] * 100:.4g} %, "
                "more than 100 %.",
                field="shares",
                year=year,
                total_pct=float(totals[over[0]] * 100),
            )
        separation = self.trajectory("source_separation_rate", self.source_separation_rate)
        self._check_separated_material(matrix, separation)

    def _validate_facilities(self) -> None:
        names = [f.name for f in self.facilities]
        duplicates = sorted({n for n in names if names.count(n) > 1})
        if duplicates:
            raise WasteModelError(
                ErrorCode.INVALID_PARAMETER,
                f"Facility names must be unique: {', '.join(duplicates)}.",
                field="facilities",
                names=duplicates,
            )
        for pathway, group in self.facilities_by_pathway().items():
            targets = sorted({f.overflow_to for f in group})
            if len(targets) > 1:
                raise WasteModelError(
                    ErrorCode.CONFLICTING_OVERFLOW,
                    f"The {pathway} facilities overflow to different pathways: "
                    f"{', '.join(targets)}.",
                    pathway=pathway,
                    targets=targets,
                )
        self.pathway_order()  # raises on an overflow loop

    def _validate_landfill(self) -> None:
        if self.landfill_capacity_m3 is not None:
            check_non_negative_tonnage("landfill_capacity_m3", self.landfill_capacity_m3)
        check_non_negative_tonnage("landfill_used_m3_at_start", self.landfill_used_m3_at_start)
        for site in self.tpa_site_types:
            check_site(site, "tpa_site_types")
        for site, value in self.landfill_gas_recovery.items():
            check_site(site, "landfill_gas_recovery")
            self.trajectory(f"landfill_gas_recovery.{site}", value)

    def _validate_costs(self) -> None:
        for pathway, cost in self.opex_idr_per_t.items():
            if pathway not in PATHWAYS:
                raise unknown_pathway(pathway, "opex_idr_per_t")
            if not as_number(f"opex_idr_per_t.{pathway}", cost) >= 0:
                raise WasteModelError(
                    ErrorCode.INVALID_PARAMETER,
                    f"The operating cost of {pathway} must not be negative.",
                    field=f"opex_idr_per_t.{pathway}",
                    value=cost,
                )
        if not as_number("discount_rate", self.discount_rate) > -1.0:
            raise WasteModelError(
                ErrorCode.INVALID_PARAMETER,
                "The discount rate must be above -100 %.",
                field="discount_rate",
                value=self.discount_rate,
            )
        if not isinstance(self.parameters, ModelParameters):
            raise WasteModelError(
                ErrorCode.INVALID_PARAMETER,
                "parameters must be a ModelParameters instance.",
                field="parameters",
            )

    def _check_separated_material(self, matrix: FloatArray, separation: FloatArray) -> None:
        composition = self.composition_vector()
        recyclable = sum(composition[WASTE_TYPES.index(w)] for w in RECYCLABLE_TYPES)
        organic = sum(composition[WASTE_TYPES.index(w)] for w in ORGANIC_TYPES)
        demands = {
            "recycling": (matrix[:, PATHWAYS.index("recycling")], separation * recyclable),
            "composting+anaerobic_digestion": (
                matrix[:, PATHWAYS.index("composting")]
                + matrix[:, PATHWAYS.index("anaerobic_digestion")],
                separation * organic,
            ),
        }
        for label, (asked, available) in demands.items():
            short = np.nonzero(asked > available + SHARE_TOLERANCE)[0]
            if short.size:
                i = short[0]
                year = int(self.years[i])
                raise WasteModelError(
                    ErrorCode.INSUFFICIENT_SEPARATED,
                    f"In {year}, {label.replace('+', ' and ')} takes {asked[i] * 100:.4g} % of "
                    f"the waste but only {available[i] * 100:.4g} % is separated material of "
                    "a suitable type; raise the source-separation rate or lower the share.",
                    pathway=label,
                    year=year,
                    requested_pct=float(asked[i] * 100),
                    available_pct=float(available[i] * 100),
                )


@dataclass(frozen=True)
class FlowResult:
    """Tonnes per pathway, year and waste type (arrays are ``(years, len(WASTE_TYPES))``).

    Attributes:
        years: calendar years.
        population: inhabitants per year.
        generation: generated tonnes by waste type.
        tonnes: pathway -> tonnes that END on that pathway (after capacity limits).
        direct: pathway -> tonnes the shares sent there (before capacity limits).
        overflow: (from pathway, to pathway) -> tonnes per year moved by capacity limits.
        facility_tonnes: facility name -> tonnes it took per year.
        facility_capacity: facility name -> its capacity per year.
    """

    years: NDArray[np.int64]
    population: FloatArray
    generation: FloatArray
    tonnes: dict[str, FloatArray]
    direct: dict[str, FloatArray]
    overflow: dict[tuple[str, str], FloatArray]
    facility_tonnes: dict[str, FloatArray]
    facility_capacity: dict[str, FloatArray]

    @property
    def generation_total(self) -> FloatArray:
        """Generated tonnes per year."""
        return cast(FloatArray, self.generation.sum(axis=1))

    def total(self, *pathways: str) -> FloatArray:
        """Tonnes per year ending on the given pathways (all waste types)."""
        return sum((self.tonnes[p].sum(axis=1) for p in pathways), np.zeros(len(self.years)))

    def sankey_links(self, year: int) -> list[dict[str, Any]]:
        """Links of a Sankey diagram for one calendar year.

        ``generated -> pathway`` carries what the shares sent there (with a per-waste-type
        breakdown); ``pathway -> pathway`` carries capacity overflow. Zero links are omitted.
        """
        i = year_index(self.years, year)
        links: list[dict[str, Any]] = []
        for pathway in PATHWAYS:
            flow = self.direct[pathway][i]
            if flow.sum() > 0:
                links.append(
                    {
                        "source": "generated",
                        "target": pathway,
                        "tonnes": float(flow.sum()),
                        "by_waste_type": {
                            w: float(v) for w, v in zip(WASTE_TYPES, flow, strict=True)
                        },
                    }
                )
        for (source, target), series in self.overflow.items():
            if series[i] > 0:
                links.append({"source": source, "target": target, "tonnes": float(series[i])})
        return links


def compute_flows(scenario: Scenario) -> FlowResult:
    """Allocate every year's generated waste to pathways and apply facility capacities.

    Raises:
        WasteModelError: ``no_capacity`` if waste reaches a pathway whose facilities have no
            capacity anywhere in the horizon.
    """
    population, total, generation = _generation(scenario)
    shares = scenario.share_matrix()
    direct = _separated_flows(scenario, shares, generation, total)
    direct.update(_mixed_flows(scenario, shares, generation, direct))
    tonnes, overflow, facility_tonnes, facility_capacity = _apply_capacities(scenario, direct)
    return FlowResult(
        years=scenario.years,
        population=population,
        generation=generation,
        tonnes={p: tonnes[p] for p in PATHWAYS},
        direct=direct,
        overflow=overflow,
        facility_tonnes=facility_tonnes,
        facility_capacity=facility_capacity,
    )


def _generation(scenario: Scenario) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Population, total tonnes and tonnes by waste type ``(years, types)``, per year."""
    steps = np.arange(scenario.horizon_years, dtype=float)
    population = scenario.population * (1.0 + scenario.population_growth) ** steps
    per_capita_t = (
        scenario.generation_kg_per_capita_day
        * (1.0 + scenario.generation_growth) ** steps
        * DAYS_PER_YEAR
        / 1000.0
    )
    total = population * per_capita_t
    generation = total[:, None] * scenario.composition_vector()[None, :]
    return population, total, generation


def _share(shares: FloatArray, pathway: str) -> FloatArray:
    return shares[:, PATHWAYS.index(pathway)]


def _separated_flows(
    scenario: Scenario, shares: FloatArray, generation: FloatArray, total: FloatArray
) -> dict[str, FloatArray]:
    """Recycling, composting and digestion, taken from the source-separated material."""
    separation = scenario.trajectory("source_separation_rate", scenario.source_separation_rate)
    separated = separation[:, None] * generation
    recyclable_mask = np.array([w in RECYCLABLE_TYPES for w in WASTE_TYPES], dtype=float)
    organic_mask = np.array([w in ORGANIC_TYPES for w in WASTE_TYPES], dtype=float)
    direct: dict[str, FloatArray] = {}
    direct["recycling"] = take_pro_rata(
        separated * recyclable_mask, _share(shares, "recycling") * total
    )
    organics_asked = (_share(shares, "composting") + _share(shares, "anaerobic_digestion")) * total
    organics = take_pro_rata(separated * organic_mask, organics_asked)
    composting_part = np.divide(
        _share(shares, "composting") * total,
        organics_asked,
        out=np.zeros_like(total),
        where=organics_asked > 0,
    )
    direct["composting"] = organics * composting_part[:, None]
    direct["anaerobic_digestion"] = organics - direct["composting"]
    return direct


def _mixed_flows(
    scenario: Scenario,
    shares: FloatArray,
    generation: FloatArray,
    separated: Mapping[str, FloatArray],
) -> dict[str, FloatArray]:
    """The mixed pathways' tonnes, in :data:`MIXED_PATHWAYS` order."""
    # The mixed stream is whatever was not taken from the separated material, so the
    # mixed pathways share it by their relative shares: mass is conserved exactly.
    mixed = np.clip(
        generation
        - separated["recycling"]
        - separated["composting"]
        - separated["anaerobic_digestion"],
        0.0,
        None,
    )
    mixed_shares = np.stack([_share(shares, p) for p in MIXED_PATHWAYS], axis=1)
    mixed_share_total = mixed_shares.sum(axis=1)
    weights = np.divide(
        mixed_shares,
        mixed_share_total[:, None],
        out=np.zeros_like(mixed_shares),
        where=mixed_share_total[:, None] > 0,
    )
    # Only rounding can leave mixed waste with no mixed share; it goes to the residual.
    no_share = mixed_share_total <= 0
    weights[no_share, MIXED_PATHWAYS.index(scenario.residual_pathway)] = 1.0
    return {pathway: mixed * weights[:, j : j + 1] for j, pathway in enumerate(MIXED_PATHWAYS)}


def _apply_capacities(
    scenario: Scenario, direct: Mapping[str, FloatArray]
) -> tuple[
    dict[str, FloatArray],
    dict[tuple[str, str], FloatArray],
    dict[str, FloatArray],
    dict[str, FloatArray],
]:
    """Cap each pathway at its facilities' capacity and pass the overflow on.

    Returns the tonnes ending on each pathway, the overflow per (from, to) pair, and the
    tonnes and capacity of each facility. Pathways are visited in
    :meth:`Scenario.pathway_order`, so a pathway's overflow has arrived before its turn.
    """
    years = scenario.years
    incoming = {p: direct[p].copy() for p in PATHWAYS}
    tonnes: dict[str, FloatArray] = {}
    overflow: dict[tuple[str, str], FloatArray] = {}
    facility_tonnes: dict[str, FloatArray] = {}
    facility_capacity: dict[str, FloatArray] = {}
    grouped = scenario.facilities_by_pathway()
    for pathway in scenario.pathway_order():
        load = incoming[pathway]
        group = grouped.get(pathway)
        if not group:
            tonnes[pathway] = load
            continue
        capacities = np.stack([f.capacity_in(years) for f in group])
        capacity = capacities.sum(axis=0)
        load_total = load.sum(axis=1)
        _check_some_capacity(pathway, group, years, load_total, capacity)
        accepted_total = np.minimum(load_total, capacity)
        accepted_part = np.divide(
            accepted_total, load_total, out=np.zeros_like(load_total), where=load_total > 0
        )
        tonnes[pathway] = load * accepted_part[:, None]
        spill = load - tonnes[pathway]
        target = group[0].overflow_to
        overflow[(pathway, target)] = spill.sum(axis=1)
        incoming[target] = incoming[target] + spill
        # Facilities fill in declaration order, each up to its own capacity.
        remaining = accepted_total.copy()
        for facility, cap in zip(group, capacities, strict=True):
            taken = np.minimum(remaining, cap)
            facility_tonnes[facility.name] = taken
            facility_capacity[facility.name] = cap
            remaining = remaining - taken
    return tonnes, overflow, facility_tonnes, facility_capacity


def _check_some_capacity(
    pathway: str,
    group: Sequence[Facility],
    years: NDArray[np.int64],
    load_total: FloatArray,
    capacity: FloatArray,
) -> None:
    """Refuse waste sent to facilities that never have capacity (it could go nowhere)."""
    if load_total.sum() > 0 and capacity.sum() <= 0:
        first = int(years[np.nonzero(load_total > 0)[0][0]])
        raise WasteModelError(
            ErrorCode.NO_CAPACITY,
            f"Waste is sent to {pathway} (first in {first}) but its facilities "
            f"({', '.join(f.name for f in group)}) have no capacity in the horizon.",
            pathway=pathway,
            facilities=[f.name for f in group],
            year=first,
        )


# --------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------
