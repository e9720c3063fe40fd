from typing import Any

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.response import Response

from sistercity.core.api.viewsets import ScopedViewSet, partnership_for_api
from sistercity.core.errors import SisterCityError
from sistercity.environment import results, services
from sistercity.environment.api import serializers as s
from sistercity.environment.filters import FigureFilter, ScenarioFilter
from sistercity.environment.models import DataSource, WasteFacility, WasteFigure, WasteScenario


def _municipality(partnership: Any, slug: str) -> Any:
    municipality = partnership.municipalities.filter(slug=slug).first()
    if municipality is None:
        raise SisterCityError(
            _("“{municipality}” is not a municipality of this partnership.").format(
                municipality=slug
            ),
            code="municipality",
        )
    return municipality


class ScenarioViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    ScopedViewSet,
):
    """Waste scenarios of the caller's partnerships; their results and Monte Carlo bands.

    Inputs are the waste model's plain data (fractions, tonnes per year); the engine checks
    them and a bad input is refused with a translated message, nothing saved.
    """

    filterset_class = ScenarioFilter
    serializer_class = s.ScenarioSerializer
    model = WasteScenario
    related = ("partnership", "municipality")
    prefetch = ("translations", "municipality__translations")

    @extend_schema(request=s.ScenarioCreateSerializer, responses=s.ScenarioSerializer)
    def create(self, request):
        payload = s.ScenarioCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        partnership = partnership_for_api(request, data.pop("partnership"))
        municipality = _municipality(partnership, data.pop("municipality"))
        scenario = services.scenario_create(
            actor=request.user,
            partnership=partnership,
            municipality=municipality,
            language=request.LANGUAGE_CODE,
            **data,
        )
        scenario = self.get_queryset().get(pk=scenario.pk)
        return Response(s.ScenarioSerializer(scenario).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.ScenarioUpdateSerializer, responses=s.ScenarioSerializer)
    def partial_update(self, request, pk=None):
        scenario = self.get_object()
        payload = s.ScenarioUpdateSerializer(data=request.data, partial=True)
        payload.is_valid(raise_exception=True)
        services.scenario_update(
            actor=request.user,
            scenario=scenario,
            language=request.LANGUAGE_CODE,
            **payload.validated_data,
        )
        scenario = self.get_queryset().get(pk=scenario.pk)
        return Response(s.ScenarioSerializer(scenario).data)

    def perform_destroy(self, instance):
        services.scenario_delete(actor=self.request.user, scenario=instance)

    @extend_schema(responses=OpenApiTypes.OBJECT)
    @action(detail=True, methods=["get"])
    def results(self, request, pk=None):
        """Everything the engine computes per year, plus the summary the page shows."""
        report = results.build(self.get_object(), with_charts=False)
        data = report.result.to_dict()
        data["summary"] = s.plain(report.summary)
        return Response(data)

    @extend_schema(
        parameters=[
            OpenApiParameter("draws", int, description="1..100000 (default 10000)"),
            OpenApiParameter("seed", int),
        ],
        responses=OpenApiTypes.OBJECT,
    )
    @action(detail=True, methods=["get"], url_path="monte-carlo")
    def monte_carlo(self, request, pk=None):
        """Percentile bands (5, 50, 95) per year over the IPCC default parameter ranges."""
        draws = _whole_number(request.query_params.get("draws"), results.MONTE_CARLO_DRAWS)
        if draws is None or not 1 <= draws <= 100_000:
            raise SisterCityError(
                _("The number of draws must be between 1 and 100,000."), code="draws"
            )
        seed = _whole_number(request.query_params.get("seed"), results.MONTE_CARLO_SEED)
        # The random generator takes seeds from 0 to 2**32 - 1 only (a negative one raised).
        if seed is None or not 0 <= seed < 2**32:
            raise SisterCityError(
                _("The seed must be a whole number between 0 and {top}.").format(top=2**32 - 1),
                code="seed",
            )
        report = results.build(self.get_object(), with_charts=False)
        data = results.monte_carlo(report, draws=draws, seed=seed)
        data.pop("rows", None)
        return Response(data)


def _whole_number(text: str | None, default: int) -> int | None:
    """A query parameter as a whole number; the default when absent, None when not a number."""
    if text is None:
        return default
    try:
        return int(text)
    except ValueError:
        return None


class SourceViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    serializer_class = s.SourceSerializer
    model = DataSource
    prefetch = ("translations",)


class FacilityViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    serializer_class = s.FacilitySerializer
    model = WasteFacility
    related = ("municipality", "source")
    prefetch = ("translations", "municipality__translations", "source__translations")


class FigureViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """Waste figures with their source and date; record one with POST."""

    serializer_class = s.FigureSerializer
    filterset_class = FigureFilter
    model = WasteFigure
    related = ("municipality", "source", "facility")
    prefetch = ("municipality__translations", "source__translations", "facility__translations")

    @extend_schema(request=s.FigureCreateSerializer, responses=s.FigureSerializer)
    def create(self, request):
        payload = s.FigureCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        partnership = partnership_for_api(request, data.pop("partnership"))
        municipality = _municipality(partnership, data.pop("municipality"))
        source = get_object_or_404(
            DataSource.objects.filter(partnership=partnership), pk=data.pop("source")
        )
        figure = services.figure_record(
            actor=request.user,
            partnership=partnership,
            municipality=municipality,
            source=source,
            **data,
        )
        return Response(s.FigureSerializer(figure).data, status=status.HTTP_201_CREATED)
