from typing import Any

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from sistercity.core.api.viewsets import ScopedViewSet, partnership_for_api
from sistercity.core.views import file_response
from sistercity.partnerships import selectors, services
from sistercity.partnerships.api import serializers as s
from sistercity.partnerships.filters import DocumentFilter, PartnershipFilter
from sistercity.partnerships.models import Document, DocumentVersion, Partnership


class PartnershipViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """Partnerships the caller may see; advance or send back a track."""

    serializer_class = s.PartnershipSerializer
    filterset_class = PartnershipFilter
    lookup_field = "slug"
    model = Partnership

    def base_queryset(self) -> Any:
        return selectors.with_overview(Partnership.objects.all())

    @extend_schema(request=s.AdvanceSerializer, responses=s.TransitionSerializer)
    @action(detail=True, methods=["post"])
    def advance(self, request: Request, slug: str | None = None) -> Response:
        partnership = self.get_object()
        payload = s.AdvanceSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        transition = services.track_advance(
            actor=request.user, partnership=partnership, **payload.validated_data
        )
        return Response(s.TransitionSerializer(transition).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.SendBackSerializer, responses=s.TransitionSerializer)
    @action(detail=True, methods=["post"], url_path="send-back")
    def send_back(self, request: Request, slug: str | None = None) -> Response:
        partnership = self.get_object()
        payload = s.SendBackSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        transition = services.track_send_back(
            actor=request.user, partnership=partnership, **payload.validated_data
        )
        return Response(s.TransitionSerializer(transition).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses=s.TransitionSerializer(many=True))
    @action(detail=True, methods=["get"])
    def timeline(self, request: Request, slug: str | None = None) -> Response:
        partnership = self.get_object()
        return Response(
            s.TransitionSerializer(selectors.partnership_timeline(partnership), many=True).data
        )


class DocumentViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    ScopedViewSet,
):
    """Documents of the caller's partnerships; upload with multipart/form-data."""

    filterset_class = DocumentFilter
    parser_classes = [MultiPartParser, FormParser, JSONParser]
    model = Document
    related = ("document_type", "uploaded_by", "partnership")
    prefetch: tuple[Any, ...] = (
        "translations",
        "document_type__translations",
        Prefetch("versions", queryset=DocumentVersion.objects.order_by("-number")),
    )

    def get_serializer_class(self) -> Any:
        return s.DocumentUploadSerializer if self.action == "create" else s.DocumentSerializer

    @extend_schema(request=s.DocumentUploadSerializer, responses=s.DocumentSerializer)
    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        payload = s.DocumentUploadSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        partnership = partnership_for_api(request, data.pop("partnership"))
        document = services.document_upload(actor=request.user, partnership=partnership, **data)
        document = self.get_queryset().get(pk=document.pk)
        return Response(
            s.DocumentSerializer(document, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(responses={(200, "application/octet-stream"): bytes})
    @action(detail=True, methods=["get"], url_path=r"versions/(?P<number>\d+)/download")
    def version_download(self, request: Request, pk: Any = None, number: Any = None) -> Any:
        document = self.get_object()
        version = get_object_or_404(document.versions.all(), number=number)
        return file_response(
            version.file, filename=version.original_name, content_type=version.content_type
        )
