from decimal import Decimal
from typing import Any

from rest_framework import serializers

from sistercity.emergency.choices import CoverageModel, IncidentKind, VehicleKind, VehicleOrigin
from sistercity.emergency.models import (
    CoverageScenario,
    EquipmentItem,
    Firefighter,
    FirePost,
    Incident,
    Qualification,
    TrainingCourse,
    Vehicle,
    VehicleGrant,
    Village,
)


class FirePostSerializer(serializers.ModelSerializer):
    class Meta:
        model = FirePost
        fields = [
            "id",
            "code",
            "name",
            "kind",
            "kecamatan",
            "desa",
            "latitude",
            "longitude",
            "is_illustrative",
        ]


class VehicleSerializer(serializers.ModelSerializer):
    post: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )
    grant_step = serializers.SerializerMethodField()

    class Meta:
        model = Vehicle
        fields = [
            "id",
            "code",
            "kind",
            "make_model",
            "registration",
            "registration_expires_on",
            "asset_number",
            "pump_lpm",
            "tank_litres",
            "year",
            "origin",
            "donor",
            "post",
            "status",
            "grant_step",
            "is_illustrative",
        ]

    def get_grant_step(self, vehicle: Vehicle) -> str | None:
        grant = getattr(vehicle, "grant", None) if vehicle.origin == "donated" else None
        if grant is None or grant.completed_at is not None:
            return None
        return grant.current_stage.code


class VehicleCreateSerializer(serializers.Serializer):
    partnership = serializers.SlugField()
    code = serializers.SlugField(max_length=40)
    kind = serializers.ChoiceField(choices=VehicleKind.choices)
    origin = serializers.ChoiceField(choices=VehicleOrigin.choices)
    donor = serializers.CharField(required=False, allow_blank=True, default="")
    make_model = serializers.CharField(required=False, allow_blank=True, default="")
    registration = serializers.CharField(required=False, allow_blank=True, default="")
    registration_expires_on = serializers.DateField(required=False, allow_null=True, default=None)
    pump_lpm = serializers.IntegerField(required=False, allow_null=True, default=None)
    tank_litres = serializers.IntegerField(required=False, allow_null=True, default=None)
    year = serializers.IntegerField(required=False, allow_null=True, default=None)
    post = serializers.CharField(required=False, allow_blank=True, default="")


class GrantRequirementSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]
    met = serializers.BooleanField()


class VehicleGrantSerializer(serializers.ModelSerializer):
    vehicle: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )
    current_step = serializers.CharField(source="current_stage.code", read_only=True)
    requirements = serializers.SerializerMethodField()
    documents = serializers.SerializerMethodField()

    class Meta:
        model = VehicleGrant
        fields = [
            "id",
            "vehicle",
            "donor",
            "current_step",
            "completed_at",
            "requirements",
            "documents",
        ]

    def get_requirements(self, grant: VehicleGrant) -> list[dict[str, Any]]:
        from sistercity.emergency.selectors import grant_requirement_statuses

        if grant.completed_at is not None:
            return []
        return GrantRequirementSerializer(  # type: ignore[return-value]
            [
                {"code": s.requirement.code, "label": str(s.requirement.label), "met": s.met}
                for s in grant_requirement_statuses(grant)
            ],
            many=True,
        ).data

    def get_documents(self, grant: VehicleGrant) -> list[dict]:
        return [
            {
                "id": d.pk,
                "kind": d.document_type.code,
                "reference": d.reference,
                "dated_on": d.dated_on,
                "original_name": d.original_name,
            }
            for d in grant.documents.all()
        ]


class VehicleGrantAdvanceSerializer(serializers.Serializer):
    to_step = serializers.CharField(
        required=False, help_text="The code of the step the caller expects to reach."
    )
    note = serializers.CharField(required=False, allow_blank=True, default="")


class GrantDocumentUploadSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text="The code of one of the procedure's document types.")
    file = serializers.FileField()
    reference = serializers.CharField(required=False, allow_blank=True, default="")
    dated_on = serializers.DateField(required=False, allow_null=True, default=None)


class CoverageScenarioSerializer(serializers.ModelSerializer):
    class Meta:
        model = CoverageScenario
        fields = [
            "id",
            "name",
            "model",
            "standard_minutes",
            "posts",
            "is_estimate",
            "detour_factor",
            "speed_kmh",
            "inputs",
            "results",
            "created_at",
            "note",
        ]


class CoverageScenarioCreateSerializer(serializers.Serializer):
    partnership = serializers.SlugField()
    name = serializers.CharField(max_length=200)
    model = serializers.ChoiceField(choices=CoverageModel.choices)
    posts = serializers.IntegerField(required=False, allow_null=True, default=None)
    standard_minutes = serializers.DecimalField(max_digits=5, decimal_places=1, default=Decimal(15))
    measured = serializers.BooleanField(default=False)
    detour_factor = serializers.DecimalField(max_digits=4, decimal_places=2, default=Decimal("1.4"))
    speed_kmh = serializers.DecimalField(max_digits=5, decimal_places=1, default=Decimal(35))
    note = serializers.CharField(required=False, allow_blank=True, default="")


class FireIncidentSerializer(serializers.ModelSerializer):
    units: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True
    )
    response_minutes = serializers.FloatField(read_only=True, allow_null=True)

    class Meta:
        model = Incident
        fields = [
            "id",
            "kind",
            "kecamatan",
            "desa",
            "latitude",
            "longitude",
            "called_at",
            "dispatched_at",
            "arrived_at",
            "controlled_at",
            "closed_at",
            "units",
            "loss_idr",
            "injured",
            "deaths",
            "note",
            "response_minutes",
            "is_illustrative",
        ]


class FireIncidentCreateSerializer(serializers.Serializer):
    partnership = serializers.SlugField()
    kind = serializers.ChoiceField(choices=IncidentKind.choices)
    kecamatan = serializers.CharField(max_length=100)
    desa = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    latitude = serializers.DecimalField(
        max_digits=9, decimal_places=6, required=False, allow_null=True, default=None
    )
    longitude = serializers.DecimalField(
        max_digits=9, decimal_places=6, required=False, allow_null=True, default=None
    )
    called_at = serializers.DateTimeField()
    dispatched_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    arrived_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    controlled_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    closed_at = serializers.DateTimeField(required=False, allow_null=True, default=None)
    injured = serializers.IntegerField(min_value=0, default=0)
    deaths = serializers.IntegerField(min_value=0, default=0)
    note = serializers.CharField(required=False, allow_blank=True, default="")


class VillageSerializer(serializers.ModelSerializer):
    class Meta:
        model = Village
        fields = [
            "id",
            "code",
            "name",
            "kecamatan",
            "population",
            "latitude",
            "longitude",
            "is_illustrative",
        ]


class VillageImportSerializer(serializers.Serializer):
    partnership = serializers.SlugField()
    file = serializers.FileField(help_text="XLSX (first sheet) or CSV with the village columns.")


class VillageImportResultSerializer(serializers.Serializer):
    imported = serializers.IntegerField()


class QualificationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Qualification
        fields = ["vehicle_kind", "issued_on", "expires_on", "issued_by"]


class FirefighterSerializer(serializers.ModelSerializer):
    post: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )
    qualifications = QualificationSerializer(many=True, read_only=True)

    class Meta:
        model = Firefighter
        fields = ["id", "full_name", "post", "shift", "qualifications", "is_illustrative"]


class TrainingCourseSerializer(serializers.ModelSerializer):
    title = serializers.SerializerMethodField()
    attendance = serializers.SerializerMethodField()

    class Meta:
        model = TrainingCourse
        fields = [
            "id",
            "title",
            "starts_on",
            "ends_on",
            "place",
            "instructors",
            "vehicle_kind",
            "attendance",
        ]

    def get_title(self, course: TrainingCourse) -> str:
        return course.safe_translation_getter("title", any_language=True) or ""

    def get_attendance(self, course: TrainingCourse) -> list[dict[str, Any]]:
        return [
            {"firefighter": a.firefighter_id, "passed": a.passed} for a in course.attendances.all()
        ]


class EquipmentItemSerializer(serializers.ModelSerializer):
    post: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )

    class Meta:
        model = EquipmentItem
        fields = [
            "id",
            "post",
            "name",
            "serial",
            "quantity",
            "last_inspected_on",
            "next_inspection_on",
        ]
