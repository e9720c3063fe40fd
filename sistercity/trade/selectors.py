"""Reads of the trade app, already restricted to the user (``for_user``)."""

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Prefetch, Q, Sum

from sistercity.core.access import Action, access_for
from sistercity.trade import export_rules as engine
from sistercity.trade.choices import OrderKind, Stage
from sistercity.trade.models import (
    PILLAR,
    Buyer,
    Enterprise,
    Inquiry,
    Lead,
    Message,
    Order,
    Permit,
    Product,
)
from sistercity.trade.readiness import assess


def can_change_pillar(user: Any, partnership: Any) -> bool:
    return access_for(user, partnership).can(Action.CHANGE, pillar=PILLAR)


def can_see_personal(user: Any, enterprise: Enterprise) -> bool:
    """The owner's name and contacts: the staff who run the pillar and the owner, never
    observers or buyers."""
    if enterprise.owner_user_id is not None and enterprise.owner_user_id == user.pk:
        return True
    return can_change_pillar(user, enterprise.partnership_id)


def enterprise_list(*, user: Any, partnership: Any) -> Any:
    return (
        Enterprise.objects.for_user(user)
        .filter(partnership=partnership)
        .annotate(product_count=Count("products", distinct=True))
        .order_by("legal_name", "pk")
    )


def product_list(*, user: Any, partnership: Any) -> Any:
    return (
        Product.objects.for_user(user)
        .filter(enterprise__partnership=partnership)
        .select_related("enterprise")
        .prefetch_related("translations")
    )


def product_detail(*, user: Any, pk: int) -> Product:
    from django.shortcuts import get_object_or_404

    queryset = (
        Product.objects.for_user(user)
        .select_related("enterprise")
        .prefetch_related("translations", "ingredients", "lab_reports", "permits")
    )
    return get_object_or_404(queryset, pk=pk)


def permit_list(*, user: Any, enterprise: Enterprise) -> Any:
    return (
        Permit.objects.for_user(user)
        .filter(enterprise=enterprise)
        .select_related("verified_by")
        .prefetch_related("products")
    )


def buyer_list(*, user: Any, partnership: Any) -> Any:
    return Buyer.objects.for_user(user).filter(partnership=partnership).distinct()


def inquiry_list(*, user: Any, partnership: Any) -> Any:
    return (
        Inquiry.objects.for_user(user)
        .filter(buyer__partnership=partnership)
        .select_related("buyer")
        .distinct()
    )


def lead_list(*, user: Any, partnership: Any) -> Any:
    return (
        Lead.objects.for_user(user)
        .filter(inquiry__buyer__partnership=partnership)
        .select_related("inquiry__buyer", "product__enterprise")
        .prefetch_related("product__translations", Prefetch("orders"))
        .distinct()
    )


def lead_messages(*, user: Any, lead: Lead) -> Any:
    return Message.objects.for_user(user).filter(lead=lead).select_related("author")


@dataclass
class Ranked:
    product: Product
    match: engine.Match
    score: int


def matches(*, user: Any, inquiry: Inquiry) -> list[Ranked]:
    """The products the user sees for an inquiry, ranked with their reasons."""
    products = list(
        product_list(user=user, partnership=inquiry.buyer.partnership_id).prefetch_related(
            "permits", "ingredients", "lab_reports"
        )
    )
    scores = {p.pk: assess(p).score for p in products}
    offers = [
        engine.Offer(
            key=p.pk,
            hs_code=p.hs_code,
            monthly_capacity=p.monthly_capacity,
            certifications=frozenset(permit.kind for permit in p.permits.all()),
            readiness=scores[p.pk],
            price=p.fob_jpy,
        )
        for p in products
    ]
    want = engine.Want(
        hs_code=inquiry.hs_code,
        volume=inquiry.volume_kg,
        certifications=frozenset(inquiry.certifications),
        target_price=inquiry.target_price_jpy,
    )
    by_pk = {p.pk: p for p in products}
    return [Ranked(by_pk[m.key], m, scores[m.key]) for m in engine.rank(want, offers)]


def funnel(partnership: Any) -> dict[str, Any]:
    """Leads by stage and the real orders (counts and JPY value) of a partnership."""
    stages = Counter(
        Lead.objects.filter(inquiry__buyer__partnership=partnership).values_list("stage", flat=True)
    )
    orders = Order.objects.filter(lead__inquiry__buyer__partnership=partnership).aggregate(
        first=Count("pk", filter=Q(kind=OrderKind.FIRST)),
        repeat=Count("pk", filter=Q(kind=OrderKind.REPEAT)),
        value=Sum("value_jpy"),
    )
    return {
        "stages": [(stage, label, stages.get(stage, 0)) for stage, label in Stage.choices],
        "first_orders": orders["first"],
        "repeat_orders": orders["repeat"],
        "order_value_jpy": orders["value"] or Decimal(0),
    }


def export_ready_enterprises(partnership: Any) -> int:
    """Enterprises with at least one product that meets every applicable rule today."""
    products = Product.objects.filter(enterprise__partnership=partnership).prefetch_related(
        "permits", "ingredients", "lab_reports", "translations"
    )
    return len({p.enterprise_id for p in products if assess(p).score == 100})


def mentored_enterprises(partnership: Any) -> int:
    """Enterprises whose products were assessed at least twice (before and after mentoring)."""
    return (
        Product.objects.filter(enterprise__partnership=partnership)
        .annotate(n=Count("readiness"))
        .filter(n__gte=2)
        .values("enterprise")
        .distinct()
        .count()
    )


def public_catalogue(
    partnership: Any, *, hs_chapter: str = "", certification: str = "", kecamatan: str = ""
) -> list[tuple[Product, int, list[str]]]:
    """The products their owners published (of published enterprises), with readiness score
    and certifications held; filtered by HS chapter, certification and kecamatan. No personal
    data: the owner's name and contacts never appear here."""
    products = (
        Product.objects.filter(
            enterprise__partnership=partnership, is_published=True, enterprise__is_published=True
        )
        .select_related("enterprise")
        .prefetch_related("translations", "permits", "ingredients", "lab_reports")
        .order_by("hs_code", "pk")
    )
    if hs_chapter:
        products = products.filter(hs_code__startswith=hs_chapter[:2])
    if certification:
        products = products.filter(permits__kind=certification).distinct()
    if kecamatan:
        products = products.filter(enterprise__kecamatan__iexact=kecamatan)
    return [
        (p, assess(p).score, sorted({permit.get_kind_display() for permit in p.permits.all()}))
        for p in products
    ]


def trained_enterprises(partnership: Any) -> int:
    """Enterprises that attended at least one mentoring or training session."""
    return (
        Enterprise.objects.filter(partnership=partnership, sessions__isnull=False)
        .distinct()
        .count()
    )


def mentoring_readiness(programme: Any) -> list[tuple[Enterprise, int | None, int | None]]:
    """Each attending enterprise's best recorded readiness score before the programme started
    and its latest since (None where nothing was recorded)."""
    from sistercity.trade.models import ReadinessRecord

    enterprises = Enterprise.objects.filter(sessions__programme=programme).distinct()
    rows = []
    for enterprise in enterprises:
        records = ReadinessRecord.objects.filter(product__enterprise=enterprise)
        before = records.filter(recorded_at__date__lt=programme.starts_on).order_by("-score")
        after = records.filter(recorded_at__date__gte=programme.starts_on).order_by("-recorded_at")
        rows.append(
            (
                enterprise,
                before.values_list("score", flat=True).first(),
                after.values_list("score", flat=True).first(),
            )
        )
    return rows


@dataclass
class Converted:
    idr: Decimal
    rate: Any  # the programs.ExchangeRate used (its date and source are shown)


def jpy_in_idr(amount: Decimal, on: Any = None) -> Converted | None:
    """``amount`` yen in rupiah by the dated rate table (the latest JPY rate on or before
    ``on``, today by default); None when the table has no such rate."""
    from django.utils import timezone

    from sistercity.programs.models import ExchangeRate

    rate = (
        ExchangeRate.objects.filter(currency="JPY", on__lte=on or timezone.localdate())
        .order_by("-on")
        .first()
    )
    if rate is None:
        return None
    return Converted((amount * rate.idr_per_unit).quantize(Decimal(1)), rate)


def fob_in_idr(product: Product, on: Any = None) -> Converted | None:
    """The FOB price in IDR by the dated rate table (the latest JPY rate on or before ``on``)."""
    if product.fob_jpy is None:
        return None
    return jpy_in_idr(product.fob_jpy, on)
