from decimal import Decimal
from typing import Any

from rest_framework import serializers

from sistercity.core.api.serializers import translations_of
from sistercity.core.validators import validate_no_markup
from sistercity.environment.choices import IndicatorSeries, Metric
from sistercity.environment.models import DataSource, WasteFacility, WasteFigure, WasteScenario


class ScenarioSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="__str__", read_only=True)
    partnership: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    municipality: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    translations = serializers.SerializerMethodField()

    class Meta:
        model = WasteScenario
        fields = [
            "id",
            "code",
            "name",
            "partnership",
            "municipality",
            "inputs",
            "indicator_code",
            "indicator_series",
            "is_sample",
            "translations",
            "created_at",
            "updated_at",
        ]

    def get_translations(self, obj) -> dict:
        return translations_of(obj, "name", "description")


class ScenarioCreateSerializer(serializers.Serializer):
    partnership = serializers.SlugField()
    municipality = serializers.SlugField()
    code = serializers.SlugField(max_length=60)
    name = serializers.CharField(max_length=200, validators=[validate_no_markup])
    description = serializers.CharField(
        required=False, allow_blank=True, default="", validators=[validate_no_markup]
    )
    inputs = serializers.JSONField()
    indicator_code = serializers.SlugField(required=False, allow_blank=True, default="")
    indicator_series = serializers.ChoiceField(
        choices=IndicatorSeries.choices, required=False, allow_blank=True, default=""
    )


class ScenarioUpdateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200, required=False, validators=[validate_no_markup])
    description = serializers.CharField(
        required=False, allow_blank=True, validators=[validate_no_markup]
    )
    inputs = serializers.JSONField(required=False)
    indicator_code = serializers.SlugField(required=False, allow_blank=True)
    indicator_series = serializers.ChoiceField(
        choices=IndicatorSeries.choices, required=False, allow_blank=True
    )


class SourceSerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="__str__", read_only=True)
    translations = serializers.SerializerMethodField()

    class Meta:
        model = DataSource
        fields = ["id", "title", "publisher", "url", "published_on", "is_sample", "translations"]

    def get_translations(self, obj) -> dict:
        return translations_of(obj, "title", "note")


class FacilitySerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="__str__", read_only=True)
    municipality: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )

    class Meta:
        model = WasteFacility
        fields = [
            "id",
            "code",
            "name",
            "kind",
            "site_type",
            "municipality",
            "area",
            "capacity_t_per_day",
            "volume_m3",
            "opened_year",
            "source",
        ]


class FigureSerializer(serializers.ModelSerializer):
    partnership: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    municipality: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    source_title = serializers.CharField(source="source.__str__", read_only=True)

    class Meta:
        model = WasteFigure
        fields = [
            "id",
            "partnership",
            "municipality",
            "year",
            "area",
            "metric",
            "category",
            "value",
            "source",
            "source_title",
            "as_of",
            "note",
        ]


class FigureCreateSerializer(serializers.Serializer):
    partnership = serializers.SlugField()
    municipality = serializers.SlugField()
    year = serializers.IntegerField(min_value=1950, max_value=2200)
    area = serializers.CharField(
        required=False, allow_blank=True, default="", validators=[validate_no_markup]
    )
    metric = serializers.ChoiceField(choices=Metric.choices)
    category = serializers.CharField(required=False, allow_blank=True, default="")
    # Negative values reach the service, which refuses them with its own message.
    value = serializers.DecimalField(max_digits=14, decimal_places=3)
    # A field named "source" shadows DRF's Field.source in the stubs; it is the figure's source id.
    source = serializers.IntegerField()  # type: ignore[assignment]
    as_of = serializers.DateField()
    note = serializers.CharField(
        required=False, allow_blank=True, default="", validators=[validate_no_markup]
    )


def plain(value):
    """Results as JSON: money Decimals as strings, nested structures walked."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value
