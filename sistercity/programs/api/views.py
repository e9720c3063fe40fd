"""Programmes, indicators, updates (with the approval workflow), periods, meetings and money:
the same services and permissions as the pages."""

from typing import Any, cast

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from sistercity.accounts.models import User
from sistercity.core.api.viewsets import ScopedViewSet, partnership_for_api
from sistercity.programs import models as m
from sistercity.programs import selectors, services
from sistercity.programs.api import serializers as s


def _actor(request: Request) -> User:
    # Every viewset here lets authenticated users in only (``IsAuthenticated``).
    return cast(User, request.user)


class ProgrammeViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """Programmes; `?partnership=<slug>` filters. `progress` gives the rolled-up results."""

    serializer_class = s.ProgrammeSerializer
    model = m.Programme
    partnership_filter = "partnership__slug"
    related = ("partnership", "pillar")
    prefetch = ("translations", "lead_agencies")
    filterset_fields = ["status", "is_public"]


class ActivityViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    serializer_class = s.ActivitySerializer
    model = m.Activity
    partnership_filter = "programme__partnership__slug"
    related = ("programme__pillar",)
    prefetch = ("translations",)


class IndicatorViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    serializer_class = s.IndicatorSerializer
    model = m.Indicator
    partnership_filter = "result__programme__partnership__slug"
    related = ("result__programme",)
    prefetch = ("translations", "periods")


class PeriodViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """Reporting periods of the indicators; the secretariat locks one (`lock`): it then takes
    no more updates or reviews."""

    serializer_class = s.PeriodDetailSerializer
    model = m.Period
    partnership_filter = "indicator__result__programme__partnership__slug"
    related = ("indicator",)
    filterset_fields = ["is_locked"]

    @extend_schema(request=None, responses=s.PeriodDetailSerializer)
    @action(detail=True, methods=["post"])
    def lock(self, request: Request, pk: Any = None) -> Response:
        period = services.period_lock(actor=_actor(request), period=self.get_object())
        return Response(s.PeriodDetailSerializer(period).data)


class IndicatorUpdateViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    ScopedViewSet,
):
    """Indicator updates: create (optionally submitting), submit, revise (the author corrects
    a returned update and resubmits it), approve, return."""

    serializer_class = s.UpdateSerializer
    model = m.IndicatorUpdate
    related = ("author", "reviewer", "period__indicator")
    filterset_fields = ["status"]

    @extend_schema(request=s.UpdateCreateSerializer, responses=s.UpdateSerializer)
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        payload = s.UpdateCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        periods = m.Period.objects.for_user(request.user)
        period = get_object_or_404(periods, pk=data.pop("period"))
        update = services.update_create(actor=_actor(request), period=period, **data)
        return Response(s.UpdateSerializer(update).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses=s.UpdateSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request: Request, pk: Any = None) -> Response:
        update = services.update_submit(actor=_actor(request), update=self.get_object())
        return Response(s.UpdateSerializer(update).data)

    @extend_schema(request=s.RevisionSerializer, responses=s.UpdateSerializer)
    @action(detail=True, methods=["post"])
    def revise(self, request: Request, pk: Any = None) -> Response:
        payload = s.RevisionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        update = services.update_revise(
            actor=_actor(request), update=self.get_object(), **payload.validated_data
        )
        return Response(s.UpdateSerializer(update).data)

    @extend_schema(request=s.ReviewSerializer, responses=s.UpdateSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request: Request, pk: Any = None) -> Response:
        payload = s.ReviewSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        update = services.update_approve(
            actor=_actor(request),
            update=self.get_object(),
            comment=payload.validated_data.get("comment", ""),
        )
        return Response(s.UpdateSerializer(update).data)

    @extend_schema(request=s.ReviewSerializer, responses=s.UpdateSerializer)
    @action(detail=True, methods=["post"], url_path="return")
    def return_(self, request: Request, pk: Any = None) -> Response:
        payload = s.ReviewSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        update = services.update_return(
            actor=_actor(request),
            update=self.get_object(),
            comment=payload.validated_data.get("comment", ""),
        )
        return Response(s.UpdateSerializer(update).data)


class MeetingViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    serializer_class = s.MeetingSerializer
    model = m.Meeting
    partnership_filter = "partnership__slug"
    prefetch = ("translations", "action_items")


class BudgetLineViewSet(mixins.ListModelMixin, ScopedViewSet):
    serializer_class = s.BudgetLineSerializer
    model = m.BudgetLine
    related = ("programme",)


class TransactionViewSet(mixins.ListModelMixin, ScopedViewSet):
    serializer_class = s.TransactionSerializer
    model = m.Transaction
    related = ("programme",)


class ResultsDashboardViewSet(viewsets.ViewSet):
    """Progress by pillar and programme, spending in IDR, for one partnership."""

    permission_classes = [IsAuthenticated]
    lookup_field = "slug"

    @extend_schema(
        responses=dict,
        parameters=[
            OpenApiParameter("slug", str, OpenApiParameter.PATH, description="partnership")
        ],
    )
    def retrieve(self, request: Request, slug: str | None = None) -> Response:
        partnership = partnership_for_api(request, str(slug))
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
