"""The culture API: the same rows and rules as the pages. Registrants are listed to the
organisers only (their queryset is narrower than the event's)."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins
from rest_framework.decorators import action
from rest_framework.response import Response

from sistercity.core.api.viewsets import ScopedViewSet, partnership_for_api
from sistercity.core.errors import SisterCityError
from sistercity.culture import services
from sistercity.culture.api import serializers as s
from sistercity.culture.models import (
    CulturalExchange,
    Destination,
    Event,
    Registration,
    VisitorFigure,
)


class EventViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """Events of the caller's partnerships (``?partnership=<slug>``)."""

    serializer_class = s.CultureEventSerializer
    model = Event
    partnership_filter = "partnership__slug"
    related = ("partnership", "city", "organiser", "pillar")
    prefetch = ("translations",)

    @extend_schema(request=s.CultureEventStatusSerializer, responses=s.CultureEventSerializer)
    @action(detail=True, methods=["post"])
    def status(self, request: Any, pk: Any = None) -> Response:
        """Postpone, cancel or re-schedule the event (its registrants are told by e-mail)."""
        payload = s.CultureEventStatusSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        event = services.event_set_status(
            actor=request.user, event=self.get_object(), status=payload.validated_data["status"]
        )
        return Response(s.CultureEventSerializer(self.get_queryset().get(pk=event.pk)).data)


class RegistrationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """Registrations, for the organisers of the culture pillar only (empty for others)."""

    serializer_class = s.CultureRegistrationSerializer
    model = Registration
    partnership_filter = "event__partnership__slug"
    related = ("event",)


class DestinationViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """Destinations of the caller's partnerships, with their photos' credits and licences."""

    serializer_class = s.CultureDestinationSerializer
    model = Destination
    partnership_filter = "partnership__slug"
    related = ("city", "partnership")
    prefetch = ("translations", "photos__translations", "photos__destination__partnership")


class CulturalExchangeViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """Delegations and troupes between the partner cities, with their events and meeting."""

    serializer_class = s.CultureExchangeSerializer
    model = CulturalExchange
    partnership_filter = "partnership__slug"
    related = ("from_city", "to_city")
    prefetch = ("translations", "events")


class VisitorFigureViewSet(mixins.ListModelMixin, ScopedViewSet):
    """Monthly visitor figures; the culture pillar's organisers record (or correct) them."""

    serializer_class = s.CultureVisitorFigureSerializer
    model = VisitorFigure
    partnership_filter = "partnership__slug"
    related = ("city",)

    @extend_schema(
        request=s.CultureVisitorFigureCreateSerializer, responses=s.CultureVisitorFigureSerializer
    )
    def create(self, request: Any) -> Response:
        payload = s.CultureVisitorFigureCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = dict(payload.validated_data)
        partnership = partnership_for_api(request, data.pop("partnership"))
        city = partnership.municipalities.filter(slug=data.pop("city")).first()
        if city is None:
            raise SisterCityError(
                _("The city must be one of the partnership's municipalities."), code="city"
            )
        figure = services.visitor_figure_record(
            actor=request.user, partnership=partnership, city=city, **data
        )
        return Response(s.CultureVisitorFigureSerializer(figure).data, status=201)
