from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response

from sistercity.core.api.viewsets import ScopedViewSet
from sistercity.core.errors import SisterCityError
from sistercity.irrigation import selectors, services
from sistercity.irrigation import waterneeds as wn
from sistercity.irrigation.api import serializers as s
from sistercity.irrigation.models import CanalDrop, ClimateStation, RotationGroup, Scheme


class SchemeViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """Irrigation schemes (DI) with their rotation groups, water-user associations, canals and
    structures and IKSI assessments; POST ``assessments/`` records an assessment."""

    serializer_class = s.SchemeSerializer
    model = Scheme
    partnership_filter = "partnership__slug"
    related = ("partnership", "station")
    prefetch = ("translations", "groups", "assessments", "associations", "structures")

    @extend_schema(responses=s.DemandSerializer)
    @action(detail=True, methods=["get"])
    def demand(self, request, pk=None):
        """The water requirement by half-month, the intake demand and the deficit half-months;
        the same numbers as the scheme's page, XLSX and PDF."""
        scheme = self.get_object()
        water = selectors.scheme_water(scheme)
        if water is None:
            raise SisterCityError(
                _(
                    "The scheme needs a climate station with records and at least one rotation "
                    "group."
                ),
                code="no_climate",
                status=409,
            )
        demand = water.demand
        return Response(
            s.DemandSerializer(
                {
                    "climate_year": water.climate.year,
                    "efficiency": water.inputs.efficiency,
                    "peak_m3s": demand.peak_m3s,
                    "deficit_half_months": demand.deficit_half_months,
                    "half_months": [
                        {
                            "half_month": h,
                            "eto_mm_day": water.inputs.eto[h],
                            "r80_mm": water.r80[h],
                            "re_paddy_mm_day": water.inputs.re_paddy[h],
                            "intake_m3s": demand.intake_m3s[h],
                            "available_m3s": demand.available_m3s[h],
                            "deficit": h in demand.deficit_half_months,
                            "dr_l_s_ha": {
                                code: needs[h].dr for code, needs in demand.groups.items()
                            },
                        }
                        for h in range(wn.HALF_MONTHS)
                    ],
                }
            ).data
        )

    @extend_schema(request=s.IksiSerializer, responses={201: s.IksiSerializer})
    @action(detail=True, methods=["post"], url_path="assessments")
    def assessments(self, request, pk=None):
        """Record an IKSI assessment of the scheme: each of the six components scored 0–100 %
        of its maximum; the response carries the index the regulation's weights give. The same
        service and permissions as the scheme's page: members who may not change irrigation
        data get 403, outsiders 404, a score outside 0–100 a 400 naming the component."""
        scheme = self.get_object()
        payload = s.IksiSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        assessment = services.iksi_record(
            actor=request.user, scheme=scheme, **payload.validated_data
        )
        return Response(s.IksiSerializer(assessment).data, status=201)


class RotationGroupViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """Rotation groups (golongan); PATCH ``shift_half_months`` moves a group's planting date."""

    serializer_class = s.RotationGroupSerializer
    model = RotationGroup
    partnership_filter = "scheme__partnership__slug"
    related = ("scheme",)

    @extend_schema(request=s.RotationGroupSerializer, responses=s.RotationGroupSerializer)
    def partial_update(self, request, pk=None):
        group = self.get_object()
        payload = s.RotationGroupSerializer(group, data=request.data, partial=True)
        payload.is_valid(raise_exception=True)
        shift = payload.validated_data.get("shift_half_months", group.shift_half_months)
        services.rotation_group_shift(actor=request.user, group=group, shift_half_months=shift)
        return Response(s.RotationGroupSerializer(self.get_object()).data)


class StationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """Climate stations; POST a BMKG daily XLSX to ``import`` (every day or none)."""

    serializer_class = s.StationSerializer
    model = ClimateStation
    partnership_filter = "partnership__slug"
    related = ("partnership",)

    @extend_schema(
        request={"multipart/form-data": s.BmkgImportSerializer}, responses=s.ImportResultSerializer
    )
    @action(detail=True, methods=["post"], url_path="import", parser_classes=[MultiPartParser])
    def import_bmkg(self, request, pk=None):
        payload = s.BmkgImportSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        days = services.climate_import_bmkg(
            actor=request.user,
            station=self.get_object(),
            content=payload.validated_data["file"].read(),
        )
        return Response({"days": days})


class DropViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """Canal drops that could run a micro-hydro turbine."""

    serializer_class = s.DropSerializer
    model = CanalDrop
    partnership_filter = "scheme__partnership__slug"
    related = ("scheme",)
