"""The emergency API: the same selectors and services as the pages, rows scoped by
``ScopedViewSet``; refusals come back as ``{"detail", "code"}`` with their status."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from sistercity.core.api.viewsets import ScopedViewSet, partnership_for_api
from sistercity.core.errors import SisterCityError
from sistercity.emergency.api import serializers as s
from sistercity.emergency.models import (
    CoverageScenario,
    EquipmentItem,
    Firefighter,
    FirePost,
    Incident,
    TrainingCourse,
    Vehicle,
    VehicleGrant,
    Village,
)
from sistercity.emergency.services import coverage as coverage_services
from sistercity.emergency.services import fleet as fleet_services
from sistercity.emergency.services import grants as grant_services
from sistercity.emergency.services import incidents as incident_services
from sistercity.emergency.services import villages as village_services


class FirePostViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """Fire posts and candidate sites of the caller's partnerships."""

    serializer_class = s.FirePostSerializer
    model = FirePost
    partnership_filter = "partnership__slug"


class FirefighterViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """The crews: people, their post and shift, and the vehicle kinds they are qualified for
    (with the qualifications' dates), as on the Crews tab."""

    serializer_class = s.FirefighterSerializer
    model = Firefighter
    partnership_filter = "partnership__slug"
    related = ("post",)
    prefetch = ("qualifications",)


class TrainingCourseViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """Training courses (e.g. operator training by Toyama instructors) with who attended and
    passed (firefighter ids, as in /api/firefighters/)."""

    serializer_class = s.TrainingCourseSerializer
    model = TrainingCourse
    partnership_filter = "partnership__slug"
    prefetch = ("translations", "attendances")


class EquipmentItemViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """Equipment kept at the posts, with its last and next inspection."""

    serializer_class = s.EquipmentItemSerializer
    model = EquipmentItem
    partnership_filter = "post__partnership__slug"
    related = ("post",)


class VehicleViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """The fleet: procured and donated vehicles, their post, status and grant step."""

    serializer_class = s.VehicleSerializer
    model = Vehicle
    partnership_filter = "partnership__slug"
    related = ("post", "grant__current_stage")

    @extend_schema(request=s.VehicleCreateSerializer, responses=s.VehicleSerializer)
    def create(self, request):
        payload = s.VehicleCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        partnership = partnership_for_api(request, data.pop("partnership"))
        code = data.pop("post")
        post = FirePost.objects.filter(partnership=partnership, code=code).first() if code else None
        if code and post is None:
            raise SisterCityError(
                _("“{code}” is not a post of this partnership.").format(code=code), code="post"
            )
        vehicle = fleet_services.vehicle_register(
            actor=request.user, partnership=partnership, post=post, **data
        )
        return Response(s.VehicleSerializer(vehicle).data, status=status.HTTP_201_CREATED)


class GrantViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """Foreign-grant procedures of donated vehicles: the current step, what it still needs, and
    the documents; attach a document or advance (refused, naming what is missing)."""

    serializer_class = s.VehicleGrantSerializer
    model = VehicleGrant
    partnership_filter = "vehicle__partnership__slug"
    related = ("vehicle", "current_stage")
    prefetch = ("documents",)

    @extend_schema(request=s.VehicleGrantAdvanceSerializer, responses=s.VehicleGrantSerializer)
    @action(detail=True, methods=["post"])
    def advance(self, request, pk=None):
        grant = self.get_object()
        payload = s.VehicleGrantAdvanceSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        grant_services.grant_advance(actor=request.user, grant=grant, **payload.validated_data)
        return Response(s.VehicleGrantSerializer(self.get_queryset().get(pk=grant.pk)).data)

    @extend_schema(request=s.GrantDocumentUploadSerializer, responses=s.VehicleGrantSerializer)
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser, FormParser])
    def documents(self, request, pk=None):
        grant = self.get_object()
        payload = s.GrantDocumentUploadSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        grant_services.grant_attach_document(
            actor=request.user, grant=grant, **payload.validated_data
        )
        return Response(
            s.VehicleGrantSerializer(self.get_queryset().get(pk=grant.pk)).data,
            status=status.HTTP_201_CREATED,
        )


class CoverageScenarioViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """Saved coverage scenarios with their inputs and results; POST runs a model (LSCP, MCLP,
    p-median) with the existing posts fixed and saves it."""

    serializer_class = s.CoverageScenarioSerializer
    model = CoverageScenario
    partnership_filter = "partnership__slug"

    @extend_schema(
        request=s.CoverageScenarioCreateSerializer, responses=s.CoverageScenarioSerializer
    )
    def create(self, request):
        payload = s.CoverageScenarioCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        partnership = partnership_for_api(request, data.pop("partnership"))
        scenario = coverage_services.scenario_run(
            actor=request.user, partnership=partnership, **data
        )
        return Response(s.CoverageScenarioSerializer(scenario).data, status=status.HTTP_201_CREATED)


class IncidentViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """Incidents with their times; response time = arrival − call."""

    serializer_class = s.FireIncidentSerializer
    model = Incident
    partnership_filter = "partnership__slug"
    prefetch = ("units",)

    @extend_schema(request=s.FireIncidentCreateSerializer, responses=s.FireIncidentSerializer)
    def create(self, request):
        payload = s.FireIncidentCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        partnership = partnership_for_api(request, data.pop("partnership"))
        incident = incident_services.incident_record(
            actor=request.user, partnership=partnership, **data
        )
        return Response(s.FireIncidentSerializer(incident).data, status=status.HTTP_201_CREATED)


class VillageViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """The demand points of the coverage analysis: villages with population and coordinates;
    ``import/`` adds or updates them from an XLSX or CSV file, all or nothing."""

    serializer_class = s.VillageSerializer
    model = Village
    partnership_filter = "partnership__slug"

    @extend_schema(request=s.VillageImportSerializer, responses=s.VillageImportResultSerializer)
    @action(
        detail=False,
        methods=["post"],
        url_path="import",
        parser_classes=[MultiPartParser, FormParser],
    )
    def import_file(self, request):
        payload = s.VillageImportSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        partnership = partnership_for_api(request, payload.validated_data["partnership"])
        count = village_services.villages_import(
            actor=request.user, partnership=partnership, file=payload.validated_data["file"]
        )
        return Response({"imported": count}, status=status.HTTP_201_CREATED)
