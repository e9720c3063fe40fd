from typing import Any

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.response import Response

from sistercity.core.api.viewsets import ScopedViewSet, partnership_for_api
from sistercity.trade import services
from sistercity.trade.api import serializers as s
from sistercity.trade.models import Buyer, Enterprise, Inquiry, Lead, Permit, Product
from sistercity.trade.readiness import assess


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


class ProductViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """Products the caller sees, and each one's Japan export-readiness checklist."""

    serializer_class = s.MsmeProductSerializer
    model = Product
    partnership_filter = "enterprise__partnership__slug"
    related = ("enterprise",)
    prefetch = ("translations",)

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


class InquiryViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """A buyer's inquiries: its own people and the pillar's staff; another buyer gets 404."""

    serializer_class = s.MsmeInquirySerializer
    model = Inquiry
    partnership_filter = "buyer__partnership__slug"

    def get_queryset(self) -> Any:
        return super().get_queryset().distinct()

    @extend_schema(request=s.MsmeInquiryCreateSerializer, responses=s.MsmeInquirySerializer)
    def create(self, request: Any) -> Response:
        payload = s.MsmeInquiryCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        buyer = get_object_or_404(Buyer.objects.for_user(request.user), pk=data.pop("buyer"))
        inquiry = services.inquiry_create(actor=request.user, buyer=buyer, **data)
        return Response(s.MsmeInquirySerializer(inquiry).data, status=status.HTTP_201_CREATED)


class LeadViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """Leads and their orders: the two parties and the staff who run the pillar."""

    serializer_class = s.MsmeLeadSerializer
    model = Lead
    partnership_filter = "inquiry__buyer__partnership__slug"
    prefetch = ("orders",)

    def get_queryset(self) -> Any:
        return super().get_queryset().distinct()
