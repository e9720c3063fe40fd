"""The checked rows of an import, ready to be written: one dataclass per sheet, and the plan."""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from sistercity.programs.models import Activity, Indicator, Period, Programme


@dataclass
class ProgrammeRow:
    row: int
    code: str
    pillar: object
    status: str
    weight: Decimal
    is_public: bool
    lead_agencies: list
    titles: dict
    descriptions: dict
    existing: Programme | None


@dataclass
class ActivityRow:
    row: int
    programme: str
    code: str
    fields: dict
    titles: dict
    descriptions: dict
    existing: Activity | None


@dataclass
class IndicatorRow:
    row: int
    programme: str
    code: str
    result: dict
    result_titles: dict
    fields: dict
    titles: dict
    existing: Indicator | None


@dataclass
class PeriodRow:
    row: int
    indicator: str
    start: dt.date
    end: dt.date
    target_value: Decimal | None
    target_comment: str
    existing: Period | None


@dataclass
class Plan:
    """Every row that passed the checks, per sheet, in the order of the file."""

    programmes: list[ProgrammeRow] = field(default_factory=list)
    activities: list[ActivityRow] = field(default_factory=list)
    indicators: list[IndicatorRow] = field(default_factory=list)
    periods: list[PeriodRow] = field(default_factory=list)
