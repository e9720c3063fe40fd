"""What the irrigation app contributes to the platform (``core.registry``): indicator feeds
for the agriculture pillar and a dashboard panel."""

from decimal import Decimal
from typing import Any

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from sistercity.core.access import Action, access_for
from sistercity.core.registry import IndicatorFeed, Panel, Sector


def hectares_rehabilitated(partnership: Any, pillar: Any) -> Decimal:
    """Command area served by the partnership's schemes once rehabilitated (ha)."""
    from sistercity.irrigation.models import Scheme

    total = Scheme.objects.filter(
        partnership=partnership, rehabilitated_on__isnull=False
    ).aggregate(ha=Sum("command_area_ha"))["ha"]
    return total or Decimal(0)


def schemes_assessed(partnership: Any, pillar: Any) -> int:
    """Schemes with at least one IKSI assessment."""
    from sistercity.irrigation.models import Scheme

    return (
        Scheme.objects.filter(partnership=partnership, assessments__isnull=False).distinct().count()
    )


def _dashboard(request: Any, partnership: Any) -> dict[str, Any] | None:
    from sistercity.irrigation import selectors

    if request is None or not access_for(request.user, partnership).can(Action.VIEW):
        return None
    ranking = selectors.rehabilitation_ranking(request.user, partnership)
    if not ranking:
        return None
    return {
        "partnership": partnership,
        "schemes": len(ranking),
        "area": sum(r.scheme.command_area_ha for r in ranking),
        "assessed": sum(1 for r in ranking if r.index is not None),
        "first": ranking[0] if ranking[0].index is not None else None,
    }


SECTOR = Sector(
    app_label="irrigation",
    pillar="agriculture",
    indicator_feeds=[
        IndicatorFeed(
            "irrigation:hectares_rehabilitated",
            _("irrigation: hectares served by rehabilitated schemes"),
            hectares_rehabilitated,
        ),
        IndicatorFeed(
            "irrigation:schemes_assessed",
            _("irrigation: schemes assessed (IKSI)"),
            schemes_assessed,
        ),
    ],
    dashboard_panels=[Panel("irrigation/_dashboard.html", _dashboard)],
)
