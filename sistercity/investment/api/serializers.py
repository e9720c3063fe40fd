from typing import Any

from rest_framework import serializers

from sistercity.core.api.serializers import translations_of
from sistercity.core.validators import validate_no_markup
from sistercity.investment import choices as c
from sistercity.investment.models import (
    Company,
    Incentive,
    Lead,
    Opportunity,
    Realisation,
    TechTransferProject,
)


class InvestmentIncentiveSerializer(serializers.ModelSerializer):
    verified = serializers.BooleanField(
        read_only=True, help_text="True only when checked against the official text."
    )
    translations = serializers.SerializerMethodField()

    class Meta:
        model = Incentive
        fields = [
            "id",
            "code",
            "kind",
            "legal_source",
            "source_url",
            "valid_from",
            "valid_until",
            "source_status",
            "verified",
            "is_sample",
            "translations",
        ]

    def get_translations(self, obj) -> dict:
        return translations_of(obj, "name", "summary", "source_note")


class InvestmentOpportunitySerializer(serializers.ModelSerializer):
    incentives: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True
    )
    sectors: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True
    )
    translations = serializers.SerializerMethodField()

    class Meta:
        model = Opportunity
        fields = [
            "id",
            "code",
            "kind",
            "estate",
            "area_m2",
            "building_m2",
            "zoning",
            "electricity_kva",
            "water_m3_per_day",
            "gas",
            "wastewater",
            "tenure",
            "price_per_m2",
            "currency",
            "availability",
            "available_from",
            "is_public",
            "is_sample",
            "incentives",
            "sectors",
            "translations",
        ]

    def get_translations(self, obj) -> dict:
        return translations_of(obj, "name", "description")


class InvestorCompanySerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="__str__", read_only=True)
    organisation: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    introduced_by: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )

    class Meta:
        model = Company
        fields = ["id", "name", "name_romaji", "organisation", "size", "introduced_by", "is_sample"]


class RealisationSerializer(serializers.ModelSerializer):
    lead = serializers.UUIDField(source="lead.reference", read_only=True)
    total = serializers.DecimalField(max_digits=22, decimal_places=2, read_only=True)

    class Meta:
        model = Realisation
        fields = [
            "id",
            "lead",
            "year",
            "quarter",
            "currency",
            "land",
            "building",
            "machinery",
            "other_fixed",
            "working_capital",
            "total",
            "local_men",
            "local_women",
            "local_total",
            "expatriates",
            "note",
        ]


class RealisationCreateSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    quarter = serializers.IntegerField()
    currency = serializers.CharField(max_length=3)
    # Negative amounts reach the service, which refuses them with its own message.
    land = serializers.DecimalField(max_digits=22, decimal_places=2)
    building = serializers.DecimalField(max_digits=22, decimal_places=2)
    machinery = serializers.DecimalField(max_digits=22, decimal_places=2)
    other_fixed = serializers.DecimalField(max_digits=22, decimal_places=2)
    working_capital = serializers.DecimalField(max_digits=22, decimal_places=2)
    local_men = serializers.IntegerField()
    local_women = serializers.IntegerField()
    local_total = serializers.IntegerField()
    expatriates = serializers.IntegerField()
    note = serializers.CharField(
        required=False, allow_blank=True, default="", validators=[validate_no_markup]
    )


class LeadSerializer(serializers.ModelSerializer):
    partnership: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    company = InvestorCompanySerializer(read_only=True)
    owner = serializers.CharField(source="owner.full_name", read_only=True)

    class Meta:
        model = Lead
        fields = [
            "reference",
            "partnership",
            "title",
            "company",
            "stage",
            "source",
            "expected_investment",
            "currency",
            "expected_jobs",
            "probability",
            "next_step",
            "next_step_due",
            "owner",
            "confidential",
            "nib",
            "is_sample",
            "created_at",
            "updated_at",
        ]


class LeadPlanSerializer(serializers.Serializer):
    """What the pipeline expects of a lead and its next step. Rows are named as in the
    answers: the company by id, the owner by e-mail address."""

    company = serializers.IntegerField(required=False, allow_null=True, default=None)
    owner = serializers.EmailField(help_text="E-mail address of a person of the pipeline.")
    # A negative or absurd amount reaches the service, which refuses it with its own message.
    expected_investment = serializers.DecimalField(
        max_digits=22, decimal_places=2, required=False, allow_null=True, default=None
    )
    currency = serializers.ChoiceField(choices=c.Currency.choices, default=c.Currency.JPY)
    expected_jobs = serializers.IntegerField(
        required=False, allow_null=True, default=None, min_value=0
    )
    probability = serializers.IntegerField(default=10, min_value=0, max_value=100)
    next_step = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=300,
        validators=[validate_no_markup],
    )
    next_step_due = serializers.DateField(required=False, allow_null=True, default=None)
    confidential = serializers.BooleanField(default=False)


class LeadCreateSerializer(LeadPlanSerializer):
    partnership = serializers.SlugField()
    title = serializers.CharField(max_length=200, validators=[validate_no_markup])
    # A declared field named like Field.source: DRF's metaclass takes it out of the class.
    source = serializers.ChoiceField(  # type: ignore[assignment]
        choices=c.LeadSource.choices, default=c.LeadSource.OTHER
    )
    opportunity = serializers.SlugField(
        required=False, allow_blank=True, default="", help_text="Short name of an opportunity."
    )


class LeadAdvanceSerializer(serializers.Serializer):
    stage = serializers.ChoiceField(choices=c.Stage.choices)
    note = serializers.CharField(
        required=False, allow_blank=True, default="", validators=[validate_no_markup]
    )
    reason = serializers.CharField(
        required=False, allow_blank=True, default="", validators=[validate_no_markup]
    )


class TechTransferProjectSerializer(serializers.ModelSerializer):
    partner: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    milestones_done = serializers.SerializerMethodField()
    translations = serializers.SerializerMethodField()

    class Meta:
        model = TechTransferProject
        fields = [
            "id",
            "code",
            "partner",
            "status",
            "starts_on",
            "ends_on",
            "milestones_done",
            "is_sample",
            "translations",
        ]

    def get_milestones_done(self, obj) -> int:
        return sum(1 for m in obj.milestones.all() if m.done_on)

    def get_translations(self, obj) -> dict:
        return translations_of(obj, "title", "technology", "objectives", "outcomes")
