"""The single error type of the waste model.

Every validation failure raises :class:`WasteModelError`. It carries a machine ``code``
(one of the :class:`ErrorCode` constants), the ``params`` that explain it (field names,
years, values) and a plain English message. A caller such as a Django form or an API view
maps the code and params to its own (translated) message; nothing here imports Django.
"""

from __future__ import annotations

from typing import Any


class ErrorCode:
    """Machine codes carried by :class:`WasteModelError` (stable: callers switch on them)."""

    #: The waste composition does not sum to 100 % (tolerance 1e-6 on fractions).
    COMPOSITION_SUM = "composition_sum"
    #: The pathway shares of one year add up to more than 100 %.
    SHARES_OVER_100 = "shares_over_100"
    #: A share or rate is outside 0..100 %.
    SHARE_OUT_OF_RANGE = "share_out_of_range"
    #: A tonnage, population, capacity or volume is negative.
    NEGATIVE_TONNAGE = "negative_tonnage"
    #: The horizon (or a deposit history) is longer than 100 years.
    HORIZON_TOO_LONG = "horizon_too_long"
    #: The horizon is shorter than one year.
    HORIZON_TOO_SHORT = "horizon_too_short"
    #: A waste type that is not one of :data:`~.parameters.WASTE_TYPES`.
    UNKNOWN_WASTE_TYPE = "unknown_waste_type"
    #: A pathway that is not one of :data:`~.parameters.PATHWAYS`.
    UNKNOWN_PATHWAY = "unknown_pathway"
    #: A landfill site type that is not one of :data:`~.parameters.SITE_TYPES`.
    UNKNOWN_SITE_TYPE = "unknown_site_type"
    #: Waste is sent to a pathway whose facilities have no capacity within the horizon.
    NO_CAPACITY = "no_capacity"
    #: Recycling / composting / digestion asks for more than the separated material holds.
    INSUFFICIENT_SEPARATED = "insufficient_separated_material"
    #: Facility overflow destinations form a loop.
    OVERFLOW_CYCLE = "overflow_cycle"
    #: Two facilities of one pathway overflow to different destinations.
    CONFLICTING_OVERFLOW = "conflicting_overflow"
    #: Any other parameter outside its admissible range (k <= 0, delay > 6 months, ...).
    INVALID_PARAMETER = "invalid_parameter"
    #: A plain-data input names a field the model does not know.
    UNKNOWN_FIELD = "unknown_field"
    #: A plain-data input lacks a required field.
    MISSING_FIELD = "missing_field"


class WasteModelError(ValueError):
    """Invalid input to the waste model.

    Attributes:
        code: one of the :class:`ErrorCode` constants.
        params: the values that explain the failure (JSON-serialisable).
        message: plain English, also the ``str()`` of the exception.
    """

    def __init__(self, code: str, message: str, **params: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.params: dict[str, Any] = dict(params)

    def to_dict(self) -> dict[str, Any]:
        """The error as plain data, e.g. for an API response body."""
        return {"code": self.code, "message": self.message, "params": dict(self.params)}

    def __repr__(self) -> str:
        return f"WasteModelError(code={self.code!r}, params={self.params!r})"
