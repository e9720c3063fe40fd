from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.response import Response

from sistercity.core.api.viewsets import ScopedViewSet, partnership_for_api
from sistercity.core.errors import SisterCityError
from sistercity.investment import selectors, services
from sistercity.investment.api import serializers as s
from sistercity.investment.models import (
    Company,
    Incentive,
    Lead,
    Opportunity,
    Realisation,
    TechTransferProject,
)
from sistercity.investment.services.common import require_pipeline


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
    confidential lead: its owner and the secretariat), and a company's contact for its own.
    Add one, change its plan, move its stage and record its quarters with the pages'
    services and messages."""

    serializer_class = s.LeadSerializer
    model = Lead
    lookup_field = "reference"
    partnership_filter = "partnership__slug"
    related = ("partnership", "company__organisation", "company__introduced_by", "owner")
    prefetch = ("company__organisation__translations",)

    @extend_schema(request=s.LeadCreateSerializer, responses=s.LeadSerializer)
    def create(self, request):
        """Add a lead (as the pipeline page does): refused with the page's messages for
        whoever does not work the partnership's pipeline (403) and outsiders (404)."""
        payload = s.LeadCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        partnership = partnership_for_api(request, data.pop("partnership"))
        require_pipeline(request.user, partnership)  # before any row is looked up for them
        code = data.pop("opportunity")
        opportunity = None
        if code:
            opportunity = (
                Opportunity.objects.for_user(request.user)
                .filter(partnership=partnership, code=code)
                .first()
            )
            if opportunity is None:
                raise SisterCityError(
                    _("“{code}” is not an opportunity of this partnership.").format(code=code),
                    code="opportunity",
                    field="opportunity",
                )
        lead = services.lead_create(
            actor=request.user,
            partnership=partnership,
            opportunity=opportunity,
            **_people(request, partnership, data),
        )
        return Response(self._answer(lead), status=status.HTTP_201_CREATED)

    @extend_schema(request=s.LeadPlanSerializer, responses=s.LeadSerializer)
    @action(detail=True, methods=["post"])
    def plan(self, request, reference=None):
        """Change what the pipeline expects of the lead and its next step (owner, date)."""
        lead = self.get_object()
        require_pipeline(request.user, lead)
        payload = s.LeadPlanSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = _people(request, lead.partnership, dict(payload.validated_data))
        services.lead_plan(actor=request.user, lead=lead, **data)
        return Response(self._answer(lead))

    def _answer(self, lead):
        return s.LeadSerializer(self.get_queryset().get(pk=lead.pk)).data

    def list(self, request, *args, **kwargs):
        response = super().list(request, *args, **kwargs)
        # Each confidential dossier handed out on this page is a read, logged as on its page.
        shown = [row["reference"] for row in response.data["results"] if row["confidential"]]
        if shown:
            leads = self.get_queryset().filter(reference__in=shown)
            selectors.log_confidential_reads(request.user, leads)
        return response

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
        return Response(self._answer(lead))

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


def _people(request, partnership, data: dict) -> dict:
    """The payload's company (by id, one of the partnership's the caller sees) and owner (by
    e-mail) as rows; the service judges whether the owner works the pipeline."""
    from sistercity.accounts.models import User

    company_id = data.pop("company", None)
    data["company"] = None
    if company_id is not None:
        data["company"] = (
            Company.objects.for_user(request.user)
            .filter(partnership=partnership, pk=company_id)
            .first()
        )
        if data["company"] is None:
            raise SisterCityError(
                _("There is no company {id} in this partnership's pipeline.").format(id=company_id),
                code="company",
                field="company",
            )
    email = data.pop("owner")
    owner = User.objects.filter(email__iexact=email, is_active=True).first()
    if owner is None:
        raise SisterCityError(
            _("{email} does not work on this partnership's investment pipeline.").format(
                email=email
            ),
            code="owner",
            field="owner",
        )
    data["owner"] = owner
    return data


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
