"""Build a :class:`~.flows.Scenario` from plain data (dicts and lists, e.g. parsed JSON).

This is the door a Django view or task uses: it passes what it stored or received and gets
back either a validated scenario or a :class:`~.errors.WasteModelError`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import MISSING, fields
from typing import Any

from .errors import ErrorCode, WasteModelError
from .flows import Facility, PriorLandfill, Scenario
from .parameters import ModelParameters


def scenario_from_dict(data: Mapping[str, Any]) -> Scenario:
    """A validated scenario from a mapping with the field names of :class:`~.flows.Scenario`.

    ``facilities`` and ``prior_landfill`` are lists of mappings with the fields of
    :class:`~.flows.Facility` and :class:`~.flows.PriorLandfill`; ``parameters`` is a mapping
    of :class:`~.parameters.ModelParameters` fields overriding the defaults (per-type tables
    are merged key by key, so ``{"doc": {"food": 0.12}}`` changes only food).

    Raises:
        WasteModelError: ``unknown_field`` for a key the model does not know, or any
            validation error of the dataclasses.
    """
    values = _checked("scenario", data, Scenario)
    if "facilities" in values:
        values["facilities"] = tuple(
            Facility(**_checked(f"facilities[{i}]", item, Facility))
            for i, item in enumerate(values["facilities"])
        )
    if "prior_landfill" in values:
        values["prior_landfill"] = tuple(
            PriorLandfill(**_checked(f"prior_landfill[{i}]", item, PriorLandfill))
            for i, item in enumerate(values["prior_landfill"])
        )
    if "parameters" in values and not isinstance(values["parameters"], ModelParameters):
        values["parameters"] = parameters_from_dict(values["parameters"])
    for key in ("shares", "landfill_gas_recovery"):
        if key in values:
            values[key] = {
                name: value if isinstance(value, (int, float)) else tuple(value)
                for name, value in values[key].items()
            }
    return Scenario(**values)


def parameters_from_dict(data: Mapping[str, Any]) -> ModelParameters:
    """Default :class:`~.parameters.ModelParameters` with the given fields overridden."""
    _check_fields("parameters", data, ModelParameters)
    defaults = ModelParameters()
    merged: dict[str, Any] = {}
    for key, value in data.items():
        current = getattr(defaults, key)
        if isinstance(current, Mapping) and isinstance(value, Mapping):
            merged[key] = {**current, **value}
        else:
            merged[key] = value
    return ModelParameters(**merged)


def _check_fields(where: str, data: Any, cls: type) -> None:
    if not isinstance(data, Mapping):
        raise WasteModelError(
            ErrorCode.INVALID_PARAMETER, f"{where} must be a mapping.", field=where
        )
    known = {f.name for f in fields(cls)}
    unknown = sorted(str(k) for k in data if k not in known)
    if unknown:
        raise WasteModelError(
            ErrorCode.UNKNOWN_FIELD,
            f"Unknown field(s) in {where}: {', '.join(unknown)}.",
            field=where,
            unknown=unknown,
        )


def _checked(where: str, data: Any, cls: type) -> dict[str, Any]:
    _check_fields(where, data, cls)
    _check_required(where, data, cls)
    return dict(data)


def _check_required(where: str, data: Mapping[str, Any], cls: type) -> None:
    required = [
        f.name
        for f in fields(cls)
        if f.default is MISSING and f.default_factory is MISSING and f.name not in data
    ]
    if required:
        raise WasteModelError(
            ErrorCode.MISSING_FIELD,
            f"Missing field(s) in {where}: {', '.join(required)}.",
            field=where,
            missing=required,
        )
