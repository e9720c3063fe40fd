from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.response import Response

from sistercity.core.api.viewsets import ScopedViewSet, partnership_for_api
from sistercity.trade import selectors, services
from sistercity.trade.api import serializers as s
from sistercity.trade.models import (
    Buyer,
    Enterprise,
    Inquiry,
    Lead,
    Order,
    Permit,
    Product,
    TradeEvent,
)
from sistercity.trade.readiness import assess


class ReadViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """Rows the caller sees, each once (a buyer's people and the staff may both match)."""

    def get_queryset(self) -> Any:
        return super().get_queryset().distinct()


class EnterpriseViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """Enterprises of the MSME registry the caller sees (staff, owners; buyers: the published
    ones). The owner's name and contacts only go to the pillar's staff and the owner."""

    serializer_class = s.MsmeEnterpriseSerializer
    model = Enterprise
    partnership_filter = "partnership__slug"
    related = ("partnership",)

    @extend_schema(request=s.MsmeEnterpriseCreateSerializer, responses=s.MsmeEnterpriseSerializer)
    def create(self, request: Any) -> Response:
        payload = s.MsmeEnterpriseCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        partnership = partnership_for_api(request, data.pop("partnership"))
        enterprise = services.enterprise_create(actor=request.user, partnership=partnership, **data)
        return Response(
            s.MsmeEnterpriseSerializer(enterprise, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


def _keepable_enterprise(request: Any, pk: int) -> Enterprise:
    """An enterprise the caller sees (404 otherwise); whether they may change it is the
    service's to answer (403 with its message)."""
    return get_object_or_404(Enterprise.objects.for_user(request.user).distinct(), pk=pk)


class ProductViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """Products the caller sees, and each one's Japan export-readiness checklist; the
    enterprise's owner and the MSME office add and correct them, and their lab reports."""

    serializer_class = s.MsmeProductSerializer
    model = Product
    partnership_filter = "enterprise__partnership__slug"
    related = ("enterprise",)
    prefetch = ("translations",)

    def get_queryset(self) -> Any:
        return super().get_queryset().distinct()

    def _answer(self, product: Product, code: int = status.HTTP_200_OK) -> Response:
        fresh = self.get_queryset().get(pk=product.pk)
        return Response(
            s.MsmeProductSerializer(fresh, context={"request": self.request}).data, code
        )

    @extend_schema(request=s.MsmeProductCreateSerializer, responses=s.MsmeProductSerializer)
    def create(self, request: Any) -> Response:
        payload = s.MsmeProductCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        enterprise = _keepable_enterprise(request, data.pop("enterprise"))
        product = services.product_create(actor=request.user, enterprise=enterprise, **data)
        return self._answer(product, status.HTTP_201_CREATED)

    @extend_schema(request=s.MsmeProductWriteSerializer, responses=s.MsmeProductSerializer)
    def partial_update(self, request: Any, pk: Any = None) -> Response:
        """Correct the fields given (the others stay); ``texts`` by language."""
        product = self.get_object()
        payload = s.MsmeProductWriteSerializer(data=request.data, partial=True)
        payload.is_valid(raise_exception=True)
        services.product_update(actor=request.user, product=product, **payload.validated_data)
        return self._answer(product)

    @extend_schema(methods=["GET"], request=None, responses=s.MsmeLabReportSerializer(many=True))
    @extend_schema(
        methods=["POST"],
        request=s.MsmeLabReportCreateSerializer,
        responses=s.MsmeLabReportSerializer,
    )
    @action(detail=True, methods=["get", "post"], url_path="lab-reports")
    def lab_reports(self, request: Any, pk: Any = None) -> Response:
        """The product's lab reports (its keepers only); POST adds one."""
        product = self.get_object()
        if not selectors.can_see_personal(request.user, product.enterprise):
            raise Http404
        if request.method == "POST":
            payload = s.MsmeLabReportCreateSerializer(data=request.data)
            payload.is_valid(raise_exception=True)
            report = services.lab_report_add(
                actor=request.user, product=product, **payload.validated_data
            )
            return Response(s.MsmeLabReportSerializer(report).data, status=status.HTTP_201_CREATED)
        return Response(s.MsmeLabReportSerializer(product.lab_reports.all(), many=True).data)

    @extend_schema(responses=s.MsmeReadinessSerializer)
    @action(detail=True)
    def readiness(self, request: Any, pk: Any = None) -> Response:
        product = self.get_object()
        assessment = assess(product)
        items = [
            {
                "rule": item.rule.code,
                "met": item.check.met,
                "gap": item.check.gap.value if item.check.gap else None,
                "next_step": item.next_step,
                "legal_source": item.rule.source,
                "url": item.rule.url,
            }
            for item in assessment.items
        ]
        return Response({"score": assessment.score, "items": items})


class PermitViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """Permits and certificates (the pillar's staff and the enterprise's owner)."""

    serializer_class = s.MsmePermitSerializer
    model = Permit
    partnership_filter = "enterprise__partnership__slug"
    prefetch = ("products",)

    @extend_schema(request=s.MsmePermitCreateSerializer, responses=s.MsmePermitSerializer)
    def create(self, request: Any) -> Response:
        """Record a permit or certificate (the enterprise's owner or the MSME office)."""
        payload = s.MsmePermitCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        enterprise = _keepable_enterprise(request, data.pop("enterprise"))
        wanted = set(data.pop("products"))
        products = list(Product.objects.for_user(request.user).filter(pk__in=wanted).distinct())
        if len(products) != len(wanted):
            raise Http404
        permit = services.permit_add(
            actor=request.user, enterprise=enterprise, products=products, **data
        )
        return Response(s.MsmePermitSerializer(permit).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses=s.MsmePermitSerializer)
    @action(detail=True, methods=["post"])
    def verify(self, request: Any, pk: Any = None) -> Response:
        """The MSME office has seen the original (an expired permit is refused)."""
        permit = services.permit_verify(actor=request.user, permit=self.get_object())
        return Response(s.MsmePermitSerializer(permit).data)


class InquiryViewSet(ReadViewSet):
    """A buyer's inquiries: its own people and the pillar's staff; another buyer gets 404."""

    serializer_class = s.MsmeInquirySerializer
    model = Inquiry
    partnership_filter = "buyer__partnership__slug"

    @extend_schema(request=s.MsmeInquiryCreateSerializer, responses=s.MsmeInquirySerializer)
    def create(self, request: Any) -> Response:
        payload = s.MsmeInquiryCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        buyer = get_object_or_404(Buyer.objects.for_user(request.user), pk=data.pop("buyer"))
        inquiry = services.inquiry_create(actor=request.user, buyer=buyer, **data)
        return Response(s.MsmeInquirySerializer(inquiry).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses=s.MsmeMatchSerializer(many=True))
    @action(detail=True)
    def matches(self, request: Any, pk: Any = None) -> Response:
        """The products the caller sees for the inquiry, ranked, with the reasons shown."""
        inquiry = self.get_object()
        rows = [
            {
                "product": ranked.product.pk,
                "name": str(ranked.product),
                "points": ranked.match.points,
                "readiness": ranked.score,
                "reasons": [
                    {
                        "code": reason.code,
                        "points": reason.points,
                        "detail": reason.detail,
                        "text": " ".join(
                            render_to_string("trade/_reason.html", {"reason": reason}).split()
                        ),
                    }
                    for reason in ranked.match.reasons
                ],
            }
            for ranked in selectors.matches(user=request.user, inquiry=inquiry)
        ]
        return Response(rows)


class BuyerViewSet(ReadViewSet):
    """Japanese buyers: their own people and the pillar's staff; the staff register them."""

    serializer_class = s.MsmeBuyerSerializer
    model = Buyer
    partnership_filter = "partnership__slug"
    related = ("partnership",)

    @extend_schema(request=s.MsmeBuyerCreateSerializer, responses=s.MsmeBuyerSerializer)
    def create(self, request: Any) -> Response:
        payload = s.MsmeBuyerCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        partnership = partnership_for_api(request, data.pop("partnership"))
        buyer = services.buyer_create(actor=request.user, partnership=partnership, **data)
        return Response(s.MsmeBuyerSerializer(buyer).data, status=status.HTTP_201_CREATED)


class LeadViewSet(ReadViewSet):
    """Leads and their orders: the two parties and the staff who run the pillar."""

    serializer_class = s.MsmeLeadSerializer
    model = Lead
    partnership_filter = "inquiry__buyer__partnership__slug"
    prefetch = ("orders",)

    def _answer(self, lead: Lead, code: int = status.HTTP_200_OK) -> Response:
        return Response(s.MsmeLeadSerializer(self.get_queryset().get(pk=lead.pk)).data, code)

    @extend_schema(request=s.MsmeLeadCreateSerializer, responses=s.MsmeLeadSerializer)
    def create(self, request: Any) -> Response:
        """A buyer's people put a product on their inquiry (a sample is asked for)."""
        payload = s.MsmeLeadCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        inquiry = get_object_or_404(
            Inquiry.objects.for_user(request.user).distinct(), pk=data["inquiry"]
        )
        product = selectors.product_detail(user=request.user, pk=data["product"])
        event = None
        if data["event"] is not None:
            event = get_object_or_404(
                TradeEvent.objects.filter(partnership_id=inquiry.buyer.partnership_id),
                pk=data["event"],
            )
        lead = services.lead_open(
            actor=request.user, inquiry=inquiry, product=product, note=data["note"], event=event
        )
        return self._answer(lead, status.HTTP_201_CREATED)

    @extend_schema(request=s.MsmeLeadAdvanceSerializer, responses=s.MsmeLeadSerializer)
    @action(detail=True, methods=["post"])
    def advance(self, request: Any, pk: Any = None) -> Response:
        """Move the lead along the funnel (sample sent, negotiation, lost with a reason);
        orders move it themselves."""
        lead = self.get_object()
        payload = s.MsmeLeadAdvanceSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        services.lead_advance(actor=request.user, lead=lead, **payload.validated_data)
        return self._answer(lead)

    @extend_schema(request=s.MsmeOrderCreateSerializer, responses=s.MsmeOrderListSerializer)
    @action(detail=True, methods=["post"])
    def orders(self, request: Any, pk: Any = None) -> Response:
        """Record a real order: the first makes the lead a first order, later ones repeat
        orders."""
        lead = self.get_object()
        payload = s.MsmeOrderCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        order = services.order_record(actor=request.user, lead=lead, **payload.validated_data)
        return Response(s.MsmeOrderListSerializer(order).data, status=status.HTTP_201_CREATED)

    @extend_schema(methods=["GET"], request=None, responses=s.MsmeMessageSerializer(many=True))
    @extend_schema(
        methods=["POST"], request=s.MsmeMessageCreateSerializer, responses=s.MsmeMessageSerializer
    )
    @action(detail=True, methods=["get", "post"])
    def messages(self, request: Any, pk: Any = None) -> Response:
        """The lead's messages, each with its language; POST writes one."""
        lead = self.get_object()
        if request.method == "POST":
            payload = s.MsmeMessageCreateSerializer(data=request.data)
            payload.is_valid(raise_exception=True)
            message = services.message_send(actor=request.user, lead=lead, **payload.validated_data)
            return Response(s.MsmeMessageSerializer(message).data, status=status.HTTP_201_CREATED)
        rows = selectors.lead_messages(user=request.user, lead=lead)
        return Response(s.MsmeMessageSerializer(rows, many=True).data)


class OrderViewSet(ReadViewSet):
    """Orders, visible exactly as their lead is (the two parties and the pillar's staff)."""

    serializer_class = s.MsmeOrderListSerializer
    model = Order
    partnership_filter = "lead__inquiry__buyer__partnership__slug"
