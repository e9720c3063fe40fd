"""What the exchange app contributes to the platform (``core.registry``): counts of its
applicants by stage, which the education pillar's indicators can be fed from, and the daily jobs
that lapse unanswered offers and remind participants of their checklist."""

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext_lazy as _

from sistercity.core.registry import IndicatorFeed, Sector
from sistercity.exchange import selectors
from sistercity.exchange.tasks import expire_offers, send_readiness_reminders


def _count(key: str) -> Callable[[Any, Any], int]:
    """A feed's count: one figure of ``selectors.exchange_counts`` for the partnership (and the
    indicator's pillar, when it has one)."""

    def count(partnership: Any, pillar: Any) -> int:
        return selectors.exchange_counts(partnership=partnership, pillar=pillar)[key]

    return count


# The labels are the msgids the programmes app offered before the feeds were registered here,
# so their translations carry over.
INDICATOR_FEEDS = [
    IndicatorFeed(
        "exchange:applications",
        _("exchange calls: applications submitted"),
        _count("applications"),
    ),
    IndicatorFeed(
        "exchange:participants", _("exchange calls: participants"), _count("participants")
    ),
    IndicatorFeed(
        "exchange:completed", _("exchange calls: participants returned"), _count("completed")
    ),
    IndicatorFeed("exchange:alumni", _("exchange calls: alumni listed"), _count("alumni")),
]

SECTOR = Sector(
    app_label="exchange",
    pillar="education",
    indicator_feeds=INDICATOR_FEEDS,
    scheduled_jobs=[expire_offers, send_readiness_reminders],
)
