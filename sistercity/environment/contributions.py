"""What the waste app contributes to the platform (``core.registry``): its scenarios' planned
values for the environment pillar's indicators, drawn on the results dashboard against the
approved actuals."""

from collections.abc import Mapping, Sequence
from typing import Any

from sistercity.core.registry import PlannedValue, Sector
from sistercity.environment import selectors


def planned_values(user: Any, partnership: Any) -> Mapping[str, Sequence[PlannedValue]]:
    """The scenarios the user sees that plan an indicator, by the indicator's code."""
    return selectors.planned_values_by_indicator(user=user, partnership=partnership)


SECTOR = Sector(app_label="environment", pillar="environment", planned_values=[planned_values])
