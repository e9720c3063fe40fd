from typing import Any

from rest_framework import serializers

from sistercity.core.api.serializers import translations_of
from sistercity.core.validators import validate_no_markup
from sistercity.culture.choices import EventStatus, VisitorOrigin
from sistercity.culture.models import Destination, Event, Registration, VisitorFigure


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


class CultureDestinationSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="__str__", read_only=True)
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
            "photo_credit",
            "photo_licence",
            "translations",
        ]

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
