from typing import Any

from rest_framework import serializers

from sistercity.core.api.serializers import translations_of
from sistercity.irrigation.models import (
    CanalDrop,
    ClimateStation,
    IksiAssessment,
    RotationGroup,
    Scheme,
    Structure,
    WaterUserAssociation,
)


class RotationGroupSerializer(serializers.ModelSerializer):
    scheme: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )

    class Meta:
        model = RotationGroup
        fields = ["id", "scheme", "code", "area_ha", "shift_half_months"]
        read_only_fields = ["id", "scheme", "code", "area_ha"]


class AssociationSerializer(serializers.ModelSerializer):
    class Meta:
        model = WaterUserAssociation
        fields = ["id", "name", "level", "members", "is_legal_entity"]


class StructureSerializer(serializers.ModelSerializer):
    class Meta:
        model = Structure
        fields = ["id", "kind", "name", "length_m", "condition"]


class IksiSerializer(serializers.ModelSerializer):
    index = serializers.DecimalField(max_digits=5, decimal_places=2, read_only=True)

    class Meta:
        model = IksiAssessment
        fields = [
            "assessed_on",
            "physical",
            "productivity",
            "facilities",
            "personnel",
            "documentation",
            "wua",
            "index",
            "source",
            "is_illustrative",
        ]


class SchemeSerializer(serializers.ModelSerializer):
    partnership: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    station: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )
    groups = RotationGroupSerializer(many=True, read_only=True)
    assessments = IksiSerializer(many=True, read_only=True)
    associations = AssociationSerializer(many=True, read_only=True)
    structures = StructureSerializer(many=True, read_only=True)
    efficiency = serializers.DecimalField(max_digits=6, decimal_places=4, read_only=True)
    translations = serializers.SerializerMethodField()

    class Meta:
        model = Scheme
        fields = [
            "id",
            "code",
            "name",
            "partnership",
            "authority",
            "command_area_ha",
            "water_source",
            "intake",
            "station",
            "tertiary_efficiency",
            "secondary_efficiency",
            "primary_efficiency",
            "efficiency",
            "percolation_mm_day",
            "season_start",
            "palawija",
            "available_flow_m3s",
            "rehabilitation_cost_idr",
            "rehabilitated_on",
            "is_illustrative",
            "groups",
            "associations",
            "structures",
            "assessments",
            "translations",
        ]

    def get_translations(self, obj) -> dict:
        return translations_of(obj, "note")


class StationSerializer(serializers.ModelSerializer):
    partnership: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )

    class Meta:
        model = ClimateStation
        fields = [
            "id",
            "code",
            "name",
            "partnership",
            "latitude",
            "longitude",
            "elevation_m",
            "wind_height_m",
            "is_illustrative",
        ]


class DropSerializer(serializers.ModelSerializer):
    scheme: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )

    class Meta:
        model = CanalDrop
        fields = [
            "id",
            "scheme",
            "name",
            "head_m",
            "efficiency",
            "design_flow_m3s",
            "flow_duration",
            "is_illustrative",
        ]


class HalfMonthSerializer(serializers.Serializer):
    half_month = serializers.IntegerField(help_text="0 = 1–15 January … 23 = 16–31 December")
    eto_mm_day = serializers.FloatField()
    r80_mm = serializers.FloatField()
    re_paddy_mm_day = serializers.FloatField()
    intake_m3s = serializers.FloatField()
    available_m3s = serializers.FloatField()
    deficit = serializers.BooleanField()
    dr_l_s_ha = serializers.DictField(child=serializers.FloatField())


class DemandSerializer(serializers.Serializer):
    climate_year = serializers.IntegerField()
    efficiency = serializers.FloatField()
    peak_m3s = serializers.FloatField()
    deficit_half_months = serializers.ListField(child=serializers.IntegerField())
    half_months = HalfMonthSerializer(many=True)


class BmkgImportSerializer(serializers.Serializer):
    file = serializers.FileField()


class ImportResultSerializer(serializers.Serializer):
    days = serializers.IntegerField()
