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


def personal_data(user: Any) -> dict[str, Any]:
    """An MSME owner's enterprises as the registry holds them, a buyer's companies, and the
    messages the person wrote on deals."""
    from sistercity.trade.models import Buyer, Enterprise, Message

    enterprises = [
        {
            "legal_name": e.legal_name,
            "trade_name": e.trade_name,
            "nib": e.nib,
            "owner_name": e.owner_name,
            "phone": e.phone,
            "email": e.email,
            "kecamatan": e.kecamatan,
            "desa": e.desa,
            "published": e.is_published,
        }
        for e in Enterprise.objects.filter(owner_user=user).order_by("pk")
    ]
    buyers = [str(b) for b in Buyer.objects.filter(members=user).order_by("pk")]
    messages = [
        {
            "lead": m.lead_id,
            "language": m.language,
            "body": m.body,
            "sent_at": m.sent_at.isoformat(),
        }
        for m in Message.objects.filter(author=user).order_by("sent_at", "pk")
    ]
    found = {"enterprises_owned": enterprises, "buyer_companies": buyers, "messages": messages}
    return {key: rows for key, rows in found.items() if rows}


def erase_personal_data(user: Any) -> dict[str, int]:
    """The trade part of "delete my account": the account's link to the enterprises it owns and
    to its buyer companies goes, and the enterprise's e-mail if it was the person's own. The
    registry record (legal name, owner's name, NIB, permits, products) is the MSME office's,
    kept under its mandate; messages stay for the other party, under the nameless account."""
    from sistercity.trade.models import Buyer, Enterprise

    unlinked = 0
    for enterprise in Enterprise.objects.filter(owner_user=user):
        enterprise.owner_user = None
        if enterprise.email.casefold() == user.email.casefold():
            enterprise.email = ""
        enterprise.save(update_fields=["owner_user", "email"])  # saved one by one: logged
        unlinked += 1
    left = 0
    for buyer in Buyer.objects.filter(members=user):
        buyer.members.remove(user)
        left += 1
    erased = {"enterprises_unlinked": unlinked, "buyer_memberships": left}
    return {key: count for key, count in erased.items() if count}


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
    personal_data=[personal_data],
    erase_personal_data=[erase_personal_data],
)
