"""What the trade app contributes to the platform (``core.registry``): the msme pillar's
indicator feeds (export-ready and mentored enterprises, real first and repeat orders and their
value — never fair attendance), and a dashboard panel with the deal funnel."""

from decimal import Decimal
from typing import Any

from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from sistercity.core.access import Action, access_for
from sistercity.core.registry import IndicatorFeed, Panel, Sector
from sistercity.trade.choices import OrderKind
from sistercity.trade.tasks import remind_expiring_permits

PILLAR = "msme"


def _orders(partnership: Any) -> Any:
    from sistercity.trade.models import Order

    return Order.objects.filter(lead__inquiry__buyer__partnership=partnership)


def first_orders(partnership: Any, pillar: Any) -> int:
    return int(_orders(partnership).filter(kind=OrderKind.FIRST).count())


def repeat_orders(partnership: Any, pillar: Any) -> int:
    return int(_orders(partnership).filter(kind=OrderKind.REPEAT).count())


def order_value_jpy(partnership: Any, pillar: Any) -> Decimal:
    return _orders(partnership).aggregate(v=Sum("value_jpy"))["v"] or Decimal(0)


def export_ready(partnership: Any, pillar: Any) -> int:
    from sistercity.trade import selectors

    return selectors.export_ready_enterprises(partnership)


def mentored(partnership: Any, pillar: Any) -> int:
    from sistercity.trade import selectors

    return selectors.mentored_enterprises(partnership)


def trained(partnership: Any, pillar: Any) -> int:
    from sistercity.trade import selectors

    return selectors.trained_enterprises(partnership)


def dashboard_panel(request: Any, partnership: Any) -> dict[str, Any] | None:
    from sistercity.trade import selectors

    if request is None or not access_for(request.user, partnership).can(Action.VIEW):
        return None
    if not partnership.trade_enterprises.exists():
        return None
    return {"partnership": partnership, **selectors.funnel(partnership)}


def public_section(request: Any, partnership: Any) -> dict[str, Any] | None:
    from sistercity.trade.models import Product

    count = Product.objects.filter(
        enterprise__partnership=partnership, is_published=True, enterprise__is_published=True
    ).count()
    return {"count": count, "slug": partnership.slug} if count else None


SECTOR = Sector(
    app_label="trade",
    pillar=PILLAR,
    indicator_feeds=[
        IndicatorFeed("trade:first_orders", _("MSMEs: first orders from Japan"), first_orders),
        IndicatorFeed("trade:repeat_orders", _("MSMEs: repeat orders from Japan"), repeat_orders),
        IndicatorFeed(
            "trade:order_value_jpy", _("MSMEs: value of orders from Japan (JPY)"), order_value_jpy
        ),
        IndicatorFeed("trade:export_ready", _("MSMEs: export-ready enterprises"), export_ready),
        IndicatorFeed("trade:mentored", _("MSMEs: enterprises mentored"), mentored),
        IndicatorFeed("trade:trained", _("MSMEs trained"), trained),
    ],
    dashboard_panels=[Panel("trade/_dashboard_panel.html", dashboard_panel, position=50)],
    public_sections=[Panel("trade/_public_section.html", public_section, position=50)],
    scheduled_jobs=[remind_expiring_permits],
)
