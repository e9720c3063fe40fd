"""Programmes, indicators, updates (with the approval workflow), meetings and money: the same
services and permissions as the pages."""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from sistercity.core.permissions import Action
from sistercity.partnerships.models import Partnership
from sistercity.programs import models as m
from sistercity.programs import selectors, services
from sistercity.programs.api import serializers as s


class _Scoped(viewsets.GenericViewSet):
    permission_classes = [permissions.IsAuthenticated]
    model = None
    related: tuple = ()
    prefetch: tuple = ()

    def get_queryset(self):
        queryset = self.model.objects.for_user(self.request.user, Action.VIEW)
        partnership = self.request.query_params.get("partnership")
        if partnership:
            queryset = queryset.filter(**{self.partnership_path: partnership})
        return queryset.select_related(*self.related).prefetch_related(*self.prefetch)


class ProgrammeViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, _Scoped):
    """Programmes; `?partnership=<slug>` filters. `progress` gives the rolled-up results."""

    serializer_class = s.ProgrammeSerializer
    model = m.Programme
    partnership_path = "partnership__slug"
    related = ("partnership", "pillar")
    prefetch = ("translations", "lead_agencies")
    filterset_fields = ["status", "is_public"]


class ActivityViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, _Scoped):
    serializer_class = s.ActivitySerializer
    model = m.Activity
    partnership_path = "programme__partnership__slug"
    related = ("programme__pillar",)
    prefetch = ("translations",)


class IndicatorViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, _Scoped):
    serializer_class = s.IndicatorSerializer
    model = m.Indicator
    partnership_path = "result__programme__partnership__slug"
    related = ("result__programme",)
    prefetch = ("translations", "periods")


class IndicatorUpdateViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Indicator updates: create (optionally submitting), submit, approve, return."""

    serializer_class = s.UpdateSerializer
    permission_classes = [permissions.IsAuthenticated]
    filterset_fields = ["status"]

    def get_queryset(self):
        indicators = m.Indicator.objects.for_user(self.request.user, Action.VIEW)
        return m.IndicatorUpdate.objects.filter(period__indicator__in=indicators).select_related(
            "author", "reviewer", "period__indicator"
        )

    @extend_schema(request=s.UpdateCreateSerializer, responses=s.UpdateSerializer)
    def create(self, request, *args, **kwargs):
        payload = s.UpdateCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        indicators = m.Indicator.objects.for_user(request.user, Action.VIEW)
        period = get_object_or_404(m.Period, pk=data.pop("period"), indicator__in=indicators)
        update = services.update_create(actor=request.user, period=period, **data)
        return Response(s.UpdateSerializer(update).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses=s.UpdateSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        update = services.update_submit(actor=request.user, update=self.get_object())
        return Response(s.UpdateSerializer(update).data)

    @extend_schema(request=s.ReviewSerializer, responses=s.UpdateSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        payload = s.ReviewSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        update = services.update_approve(
            actor=request.user,
            update=self.get_object(),
            comment=payload.validated_data.get("comment", ""),
        )
        return Response(s.UpdateSerializer(update).data)

    @extend_schema(request=s.ReviewSerializer, responses=s.UpdateSerializer)
    @action(detail=True, methods=["post"], url_path="return")
    def return_(self, request, pk=None):
        payload = s.ReviewSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        update = services.update_return(
            actor=request.user,
            update=self.get_object(),
            comment=payload.validated_data.get("comment", ""),
        )
        return Response(s.UpdateSerializer(update).data)


class MeetingViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, _Scoped):
    serializer_class = s.MeetingSerializer
    model = m.Meeting
    partnership_path = "partnership__slug"
    prefetch = ("translations", "action_items")


class BudgetLineViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = s.BudgetLineSerializer
    permission_classes = [permissions.IsAuthenticated]

    def get_queryset(self):
        programmes = m.Programme.objects.for_user(self.request.user, Action.VIEW)
        return m.BudgetLine.objects.filter(programme__in=programmes).select_related("programme")


class TransactionViewSet(BudgetLineViewSet):
    serializer_class = s.TransactionSerializer

    def get_queryset(self):
        programmes = m.Programme.objects.for_user(self.request.user, Action.VIEW)
        return m.Transaction.objects.filter(programme__in=programmes).select_related("programme")


class ResultsDashboardViewSet(viewsets.ViewSet):
    """Progress by pillar and programme, spending in IDR, for one partnership."""

    permission_classes = [permissions.IsAuthenticated]
    lookup_field = "slug"

    @extend_schema(
        responses=dict,
        parameters=[
            OpenApiParameter("slug", str, OpenApiParameter.PATH, description="partnership")
        ],
    )
    def retrieve(self, request, slug=None):
        partnership = get_object_or_404(
            Partnership.objects.for_user(request.user, Action.VIEW), slug=slug
        )
        tree = selectors.results_tree(partnership)
        total, per_programme = selectors.spending(partnership)
        pillars = selectors.pillar_rows(tree, per_programme)
        return Response(
            {
                "partnership": partnership.slug,
                "pillars": [
                    {
                        "pillar": p.pillar.code,
                        "progress": p.progress,
                        "budget_idr": str(p.budget_idr),
                        "disbursed_idr": str(p.disbursed_idr),
                        "programmes": [
                            {"code": r.programme.code, "progress": r.progress} for r in p.programmes
                        ],
                    }
                    for p in pillars
                ],
                "spending": {
                    "budget_idr": str(total.budget_idr),
                    "committed_idr": str(total.committed_idr),
                    "disbursed_idr": str(total.disbursed_idr),
                    "cofunding_percent": total.cofunding,
                },
            }
        )
