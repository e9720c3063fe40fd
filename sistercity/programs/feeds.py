"""The counts an indicator can be fed from, as the sector apps register them (``core.registry``).

Programs names no sector: the "counted from" choices and the count itself come from whatever
feeds the installed sector apps declared in their ``contributions.py``. Reading the registry
costs nothing, so the choices are computed each time they are asked for (a callable
``choices``), and a feed whose app is gone is simply no longer offered.
"""

from typing import Any

from django.utils.translation import gettext_lazy as _

from sistercity.core.errors import SisterCityError
from sistercity.core.registry import IndicatorFeed, registry


def feed_choices() -> list[tuple[str, Any]]:
    """The "counted from" choices: typed by hand, or one of the registered feeds."""
    return [("", _("typed by hand"))] + [(f.code, f.label) for f in registry.indicator_feeds()]


def feed_check(code: str) -> IndicatorFeed | None:
    """The registered feed named ``code`` (None for an indicator typed by hand); a code no
    installed app registers is refused."""
    if not code:
        return None
    feed = registry.indicator_feed(code)
    if feed is None:
        raise SisterCityError(
            _("“{feed}” is not a count any installed module provides.").format(feed=code),
            code="feed",
        )
    return feed
