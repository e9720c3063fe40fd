from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.response import Response

from sistercity.core.api.viewsets import ScopedViewSet
from sistercity.investment import selectors, services
from sistercity.investment.api import serializers as s
from sistercity.investment.models import (
    Incentive,
    Lead,
    Opportunity,
    Realisation,
    TechTransferProject,
)


class IncentiveViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """Incentives with their legal source and validity (``verified`` false: illustrative)."""

    serializer_class = s.InvestmentIncentiveSerializer
    model = Incentive
    partnership_filter = "partnership__slug"
    prefetch = ("translations",)


class OpportunityViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """Plots and ready-built factories offered in the industrial estate."""

    serializer_class = s.InvestmentOpportunitySerializer
    model = Opportunity
    partnership_filter = "partnership__slug"
    prefetch = ("translations", "incentives", "sectors")


class LeadViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """Investor leads, with the same visibility as the pages: the pipeline's people (a
    confidential lead: its owner and the secretariat), and a company's contact for its own."""

    serializer_class = s.LeadSerializer
    model = Lead
    lookup_field = "reference"
    partnership_filter = "partnership__slug"
    related = ("partnership", "company__organisation", "company__introduced_by", "owner")
    prefetch = ("company__organisation__translations",)

    def retrieve(self, request, reference=None):
        lead = self.get_object()
        selectors.log_confidential_read(request.user, lead)
        return Response(s.LeadSerializer(lead).data)

    @extend_schema(request=s.LeadAdvanceSerializer, responses=s.LeadSerializer)
    @action(detail=True, methods=["post"])
    def advance(self, request, reference=None):
        """Move the lead to a stage; refused (400, naming what is missing) without the
        evidence the stages up to it need."""
        lead = self.get_object()
        payload = s.LeadAdvanceSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        services.lead_advance(actor=request.user, lead=lead, **payload.validated_data)
        return Response(s.LeadSerializer(self.get_queryset().get(pk=lead.pk)).data)

    @extend_schema(request=s.RealisationCreateSerializer, responses=s.RealisationSerializer)
    @action(detail=True, methods=["post"])
    def realisations(self, request, reference=None):
        """Record one quarter's realised investment (LKPM layout)."""
        lead = self.get_object()
        payload = s.RealisationCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        record = services.realisation_record(
            actor=request.user, lead=lead, **payload.validated_data
        )
        return Response(s.RealisationSerializer(record).data, status=status.HTTP_201_CREATED)


class RealisationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    serializer_class = s.RealisationSerializer
    model = Realisation
    partnership_filter = "lead__partnership__slug"
    related = ("lead",)


class TechProjectViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    serializer_class = s.TechTransferProjectSerializer
    model = TechTransferProject
    partnership_filter = "partnership__slug"
    related = ("partner",)
    prefetch = ("translations", "milestones")
