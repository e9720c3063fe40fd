"""The checked rows of an import, ready to be written: one dataclass per sheet, and the plan.

The ``...Fields`` dictionaries hold the values a row sets on its object; their keys are the
keyword arguments of the programme service that creates one (``activity_create``, ...).
"""

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TypedDict

from sistercity.accounts.models import Organisation
from sistercity.core.models import Pillar
from sistercity.programs.models import Activity, Indicator, Period, Programme


class ActivityFields(TypedDict):
    status: str
    planned_start: dt.date | None
    planned_end: dt.date | None
    actual_start: dt.date | None
    actual_end: dt.date | None
    sector_code: str
    is_public: bool


class ResultFields(TypedDict):
    result_type: str
    status: str
    weight: Decimal


class IndicatorFields(TypedDict):
    measure: str
    ascending: bool
    cumulative: bool
    unit: str
    baseline_year: int | None
    baseline_value: Decimal | None
    weight: Decimal


@dataclass
class ProgrammeRow:
    row: int
    code: str
    pillar: Pillar
    status: str
    weight: Decimal
    is_public: bool
    lead_agencies: list[Organisation]
    titles: dict[str, str]
    descriptions: dict[str, str]
    existing: Programme | None


@dataclass
class ActivityRow:
    row: int
    programme: str
    code: str
    fields: ActivityFields
    titles: dict[str, str]
    descriptions: dict[str, str]
    existing: Activity | None


@dataclass
class IndicatorRow:
    row: int
    programme: str
    code: str
    result: ResultFields
    result_titles: dict[str, str]
    fields: IndicatorFields
    titles: dict[str, str]
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


# Any one row of the plan.
PlanRow = ProgrammeRow | ActivityRow | IndicatorRow | PeriodRow


@dataclass
class Plan:
    """Every row that passed the checks, per sheet, in the order of the file."""

    programmes: list[ProgrammeRow] = field(default_factory=list)
    activities: list[ActivityRow] = field(default_factory=list)
    indicators: list[IndicatorRow] = field(default_factory=list)
    periods: list[PeriodRow] = field(default_factory=list)
