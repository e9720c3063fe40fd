from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, permissions, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from sistercity.core.permissions import Action
from sistercity.partnerships import selectors, services
from sistercity.partnerships.api import serializers as s
from sistercity.partnerships.filters import DocumentFilter, PartnershipFilter
from sistercity.partnerships.models import Partnership


class PartnershipViewSet(viewsets.ReadOnlyModelViewSet):
    """Partnerships the caller may see; advance or send back a track."""

    serializer_class = s.PartnershipSerializer
    permission_classes = [permissions.IsAuthenticated]
    filterset_class = PartnershipFilter
    lookup_field = "slug"

    def get_queryset(self):
        return selectors.partnership_list(user=self.request.user)

    @extend_schema(request=s.AdvanceSerializer, responses=s.TransitionSerializer)
    @action(detail=True, methods=["post"])
    def advance(self, request, slug=None):
        partnership = self.get_object()
        payload = s.AdvanceSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        transition = services.track_advance(
            actor=request.user, partnership=partnership, **payload.validated_data
        )
        return Response(s.TransitionSerializer(transition).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=s.SendBackSerializer, responses=s.TransitionSerializer)
    @action(detail=True, methods=["post"], url_path="send-back")
    def send_back(self, request, slug=None):
        partnership = self.get_object()
        payload = s.SendBackSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        transition = services.track_send_back(
            actor=request.user, partnership=partnership, **payload.validated_data
        )
        return Response(s.TransitionSerializer(transition).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses=s.TransitionSerializer(many=True))
    @action(detail=True, methods=["get"])
    def timeline(self, request, slug=None):
        partnership = self.get_object()
        return Response(
            s.TransitionSerializer(selectors.partnership_timeline(partnership), many=True).data
        )


class DocumentViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    """Documents of the caller's partnerships; upload with multipart/form-data."""

    permission_classes = [permissions.IsAuthenticated]
    filterset_class = DocumentFilter
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    def get_queryset(self):
        return selectors.document_list(user=self.request.user)

    def get_serializer_class(self):
        return s.DocumentUploadSerializer if self.action == "create" else s.DocumentSerializer

    @extend_schema(request=s.DocumentUploadSerializer, responses=s.DocumentSerializer)
    def create(self, request, *args, **kwargs):
        payload = s.DocumentUploadSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        partnership = get_object_or_404(
            Partnership.objects.for_user(request.user, Action.VIEW), slug=data.pop("partnership")
        )
        document = services.document_upload(actor=request.user, partnership=partnership, **data)
        document = self.get_queryset().get(pk=document.pk)
        return Response(
            s.DocumentSerializer(document, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(responses={(200, "application/octet-stream"): bytes})
    @action(detail=True, methods=["get"], url_path=r"versions/(?P<number>\d+)/download")
    def version_download(self, request, pk=None, number=None):
        document = self.get_object()
        version = get_object_or_404(document.versions.all(), number=number)
        try:
            handle = version.file.open("rb")
        except FileNotFoundError:
            raise Http404 from None
        response = FileResponse(
            handle,
            as_attachment=True,
            filename=version.original_name,
            content_type=version.content_type,
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response
