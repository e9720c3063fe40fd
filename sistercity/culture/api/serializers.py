from typing import Any

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from sistercity.core.api.serializers import translations_of
from sistercity.core.validators import validate_no_markup
from sistercity.culture.choices import EventStatus, VisitorOrigin
from sistercity.culture.models import (
    CulturalExchange,
    Destination,
    DestinationPhoto,
    Event,
    Registration,
    VisitorFigure,
)


class CultureEventSerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="__str__", read_only=True)
    partnership: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    city: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    organiser: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    pillar: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )
    translations = serializers.SerializerMethodField()

    class Meta:
        model = Event
        fields = [
            "id",
            "uid",
            "slug",
            "title",
            "partnership",
            "kind",
            "city",
            "organiser",
            "pillar",
            "starts_at",
            "ends_at",
            "time_zone",
            "online_url",
            "capacity",
            "registration_open",
            "status",
            "attendance",
            "sequence",
            "translations",
        ]

    def get_translations(self, obj: Event) -> dict[str, dict[str, Any]]:
        return translations_of(obj, "title", "description", "venue")


class CultureEventStatusSerializer(serializers.Serializer):
    status = serializers.ChoiceField(choices=EventStatus.choices)


class CultureRegistrationSerializer(serializers.ModelSerializer):
    event = serializers.SlugRelatedField(slug_field="slug", read_only=True)  # type: ignore[var-annotated]

    class Meta:
        model = Registration
        fields = [
            "id",
            "event",
            "full_name",
            "email",
            "people",
            "language",
            "status",
            "created_at",
            "confirmed_at",
            "cancelled_at",
            "erased_at",
        ]


class CultureDestinationPhotoSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()
    translations = serializers.SerializerMethodField()

    class Meta:
        model = DestinationPhoto
        fields = ["id", "url", "content_type", "credit", "licence", "translations"]

    def get_url(self, obj: DestinationPhoto) -> str:
        path = reverse(
            "culture:destination_photo",
            args=[obj.destination.partnership.slug, obj.destination.slug, obj.pk],
        )
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path

    def get_translations(self, obj: DestinationPhoto) -> dict[str, dict[str, Any]]:
        return translations_of(obj, "alt_text")


class CultureDestinationSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="__str__", read_only=True)
    photos = serializers.SerializerMethodField()
    city: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    translations = serializers.SerializerMethodField()

    class Meta:
        model = Destination
        fields = [
            "id",
            "slug",
            "name",
            "city",
            "category",
            "latitude",
            "longitude",
            "website",
            "photos",
            "translations",
        ]

    @extend_schema_field(CultureDestinationPhotoSerializer(many=True))
    def get_photos(self, obj: Destination) -> list[dict[str, Any]]:
        return CultureDestinationPhotoSerializer(
            obj.photos.all(), many=True, context=self.context
        ).data  # type: ignore[return-value]

    def get_translations(self, obj: Destination) -> dict[str, dict[str, Any]]:
        return translations_of(
            obj, "name", "description", "opening_hours", "access", "accessibility"
        )


class CultureVisitorFigureSerializer(serializers.ModelSerializer):
    city: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )

    class Meta:
        model = VisitorFigure
        fields = ["id", "city", "month", "origin", "visitors", "source"]


class CultureVisitorFigureCreateSerializer(serializers.Serializer):
    partnership = serializers.SlugField()
    city = serializers.SlugField()
    month = serializers.DateField()
    origin = serializers.ChoiceField(choices=VisitorOrigin.choices)
    # Negative numbers reach the service, which refuses them with its own message.
    visitors = serializers.IntegerField()
    source = serializers.CharField(max_length=200, validators=[validate_no_markup])  # type: ignore[assignment]


class CultureExchangeSerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="__str__", read_only=True)
    from_city: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    to_city: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    events: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True
    )
    translations = serializers.SerializerMethodField()

    class Meta:
        model = CulturalExchange
        fields = [
            "id",
            "slug",
            "title",
            "from_city",
            "to_city",
            "starts_on",
            "ends_on",
            "participants",
            "events",
            "meeting",
            "translations",
        ]

    def get_translations(self, obj: CulturalExchange) -> dict[str, dict[str, Any]]:
        return translations_of(obj, "title", "delegation", "programme")
