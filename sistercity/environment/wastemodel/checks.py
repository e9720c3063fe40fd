"""Reading a scenario's inputs: numbers, per-year trajectories, the waste composition, site and
pathway names, each refused with a ``WasteModelError`` naming the field. Shared by the scenario
(``flows.Scenario``) and its flow computation."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, cast

import numpy as np
from numpy.typing import NDArray

from .errors import ErrorCode, WasteModelError
from .parameters import PATHWAYS, SITE_TYPES, WASTE_TYPES

FloatArray = NDArray[np.float64]
#: A constant, or one value per year of the horizon.
Trajectory = float | Sequence[float]
#: Tolerance of the composition sum (on fractions), as the specification requires.
COMPOSITION_TOLERANCE = 1e-6


def composition_vector(
    composition: Mapping[str, float], *, field: str = "composition"
) -> FloatArray:
    """Validate a composition mapping and return it in :data:`WASTE_TYPES` order."""
    for waste_type, value in composition.items():
        if waste_type not in WASTE_TYPES:
            raise WasteModelError(
                ErrorCode.UNKNOWN_WASTE_TYPE,
                f"'{waste_type}' is not a waste type; use {', '.join(WASTE_TYPES)}.",
                field=field,
                waste_type=waste_type,
            )
        if not 0.0 <= as_number(f"{field}.{waste_type}", value) <= 1.0:
            raise WasteModelError(
                ErrorCode.SHARE_OUT_OF_RANGE,
                f"The {waste_type} fraction of {field} must be between 0 and 100 %.",
                field=f"{field}.{waste_type}",
                value=value,
            )
    vector = np.array([float(composition.get(w, 0.0)) for w in WASTE_TYPES])
    if abs(vector.sum() - 1.0) > COMPOSITION_TOLERANCE:
        raise WasteModelError(
            ErrorCode.COMPOSITION_SUM,
            f"The {field} sums to {vector.sum() * 100:.6g} %; it must sum to 100 %.",
            field=field,
            total_pct=float(vector.sum() * 100),
        )
    return vector


def read_trajectory(name: str, value: Trajectory, years: int) -> FloatArray:
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        series = np.full(years, float(value))
    else:
        try:
            series = np.asarray(list(value), dtype=float)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise WasteModelError(
                ErrorCode.INVALID_PARAMETER,
                f"{name} must be a number or a list of numbers.",
                field=name,
            ) from None
        if series.shape != (years,):
            raise WasteModelError(
                ErrorCode.INVALID_PARAMETER,
                f"{name} must be one number or one value per year ({years} values), "
                f"got {series.size}.",
                field=name,
                expected=years,
                got=int(series.size),
            )
    if np.any(~((series >= 0.0) & (series <= 1.0))):
        raise WasteModelError(
            ErrorCode.SHARE_OUT_OF_RANGE,
            f"{name} must be between 0 and 100 % in every year.",
            field=name,
        )
    return series


def take_pro_rata(available: FloatArray, asked: FloatArray) -> FloatArray:
    """Take ``asked`` tonnes per year from ``available`` (years, types) pro rata."""
    supply = available.sum(axis=1)
    part = np.divide(asked, supply, out=np.zeros_like(asked), where=supply > 0)
    # Validation already refused demands beyond supply; clip the rounding residue.
    return cast(FloatArray, available * np.clip(part, 0.0, 1.0)[:, None])


def as_number(name: str, value: Any) -> float:
    """``value`` as a float, or a ``invalid_parameter`` error naming the field."""
    if isinstance(value, bool):
        value = "bool"  # True/False are never meant as quantities
    try:
        return float(value)
    except (TypeError, ValueError):
        raise WasteModelError(
            ErrorCode.INVALID_PARAMETER, f"{name} must be a number.", field=name
        ) from None


def check_non_negative_tonnage(name: str, value: float) -> None:
    number = as_number(name, value)
    if not np.isfinite(number):
        raise WasteModelError(
            ErrorCode.INVALID_PARAMETER, f"{name} must be a finite number.", field=name
        )
    if number < 0:
        raise WasteModelError(
            ErrorCode.NEGATIVE_TONNAGE,
            f"{name} must not be negative (got {number:g}).",
            field=name,
            value=number,
        )


def check_site(site: str, field_name: str) -> None:
    if site not in SITE_TYPES:
        raise WasteModelError(
            ErrorCode.UNKNOWN_SITE_TYPE,
            f"'{site}' is not a landfill site type; use {', '.join(SITE_TYPES)}.",
            field=field_name,
            site_type=site,
        )


def unknown_pathway(pathway: str, field_name: str) -> WasteModelError:
    return WasteModelError(
        ErrorCode.UNKNOWN_PATHWAY,
        f"'{pathway}' is not a pathway; use {', '.join(PATHWAYS)}.",
        field=field_name,
        pathway=pathway,
    )


def year_index(years: NDArray[np.int64], year: int) -> int:
    hits = np.nonzero(years == year)[0]
    if not hits.size:
        raise WasteModelError(
            ErrorCode.INVALID_PARAMETER,
            f"{year} is outside the horizon {int(years[0])}-{int(years[-1])}.",
            field="year",
            value=year,
        )
    return int(hits[0])
