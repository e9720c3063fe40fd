"""What the programmes API reads and writes; writes are checked by the services."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from sistercity.accounts.models import Organisation
from sistercity.core.models import Pillar
from sistercity.core.validators import validate_no_markup
from sistercity.partnerships.api.serializers import translations_of
from sistercity.partnerships.models import Partnership
from sistercity.programs import models as m


class ProgrammeSerializer(serializers.ModelSerializer):
    partnership: serializers.SlugRelatedField[Partnership] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    pillar: serializers.SlugRelatedField[Pillar] = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )
    title = serializers.CharField(source="__str__", read_only=True)
    translations = serializers.SerializerMethodField()
    lead_agencies: serializers.SlugRelatedField[Organisation] = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True
    )

    class Meta:
        model = m.Programme
        fields = [
            "id",
            "partnership",
            "pillar",
            "code",
            "title",
            "status",
            "weight",
            "is_public",
            "is_sample",
            "lead_agencies",
            "translations",
        ]

    def get_translations(self, obj) -> dict:
        return translations_of(obj, "title", "description")


class ActivitySerializer(serializers.ModelSerializer):
    programme: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )
    title = serializers.CharField(source="__str__", read_only=True)

    class Meta:
        model = m.Activity
        fields = [
            "id",
            "programme",
            "code",
            "title",
            "status",
            "planned_start",
            "planned_end",
            "actual_start",
            "actual_end",
            "sector",
            "is_public",
        ]


class PeriodSerializer(serializers.ModelSerializer):
    class Meta:
        model = m.Period
        fields = ["id", "start", "end", "target_value", "target_comment", "is_locked"]


class IndicatorSerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="__str__", read_only=True)
    programme = serializers.CharField(source="result.programme.code", read_only=True)
    periods = PeriodSerializer(many=True, read_only=True)

    class Meta:
        model = m.Indicator
        fields = [
            "id",
            "code",
            "programme",
            "title",
            "measure",
            "ascending",
            "cumulative",
            "unit",
            "baseline_year",
            "baseline_value",
            "weight",
            "disaggregations",
            "periods",
        ]


class UpdateSerializer(serializers.ModelSerializer):
    author = serializers.CharField(source="author.full_name", read_only=True)
    reviewer = serializers.CharField(source="reviewer.full_name", read_only=True, default=None)
    indicator = serializers.CharField(source="period.indicator.code", read_only=True)

    class Meta:
        model = m.IndicatorUpdate
        fields = [
            "id",
            "period",
            "indicator",
            "value",
            "narrative",
            "disaggregation",
            "status",
            "author",
            "submitted_at",
            "reviewer",
            "reviewed_at",
            "review_comment",
        ]
        read_only_fields = ["status", "submitted_at", "reviewed_at", "review_comment"]


class UpdateCreateSerializer(serializers.Serializer):
    period = serializers.IntegerField()
    value = serializers.DecimalField(
        max_digits=18, decimal_places=4, required=False, allow_null=True
    )
    narrative = serializers.CharField(
        required=False, allow_blank=True, validators=[validate_no_markup]
    )
    disaggregation = serializers.DictField(required=False)
    submit = serializers.BooleanField(required=False, default=False)


class RevisionSerializer(serializers.Serializer):
    """The author's correction of a draft or returned update; it goes back for approval unless
    ``submit`` is false. Without ``disaggregation`` the values by dimension stay as they are."""

    value = serializers.DecimalField(
        max_digits=18, decimal_places=4, required=False, allow_null=True
    )
    narrative = serializers.CharField(
        required=False, allow_blank=True, validators=[validate_no_markup]
    )
    disaggregation = serializers.DictField(required=False)
    submit = serializers.BooleanField(required=False, default=True)


class PeriodDetailSerializer(PeriodSerializer):
    indicator = serializers.CharField(source="indicator.code", read_only=True)

    class Meta(PeriodSerializer.Meta):
        fields = ["id", "indicator", *PeriodSerializer.Meta.fields[1:]]


class ReviewSerializer(serializers.Serializer):
    comment = serializers.CharField(
        required=False, allow_blank=True, validators=[validate_no_markup]
    )


class MeetingSerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="__str__", read_only=True)
    translations = serializers.SerializerMethodField()
    action_items = serializers.SerializerMethodField()

    class Meta:
        model = m.Meeting
        fields = [
            "id",
            "kind",
            "held_on",
            "place",
            "is_joint",
            "title",
            "translations",
            "action_items",
        ]

    def get_translations(self, obj) -> dict:
        return translations_of(obj, "title", "minutes", "decisions")

    def get_action_items(self, obj) -> list[dict]:
        return [
            {"id": i.id, "description": i.description, "due_on": i.due_on, "status": i.status}
            for i in obj.action_items.all()
        ]


class BudgetLineSerializer(serializers.ModelSerializer):
    programme: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )

    class Meta:
        model = m.BudgetLine
        fields = ["id", "programme", "source", "side", "year", "amount", "currency", "note"]


class TransactionSerializer(serializers.ModelSerializer):
    programme: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )

    class Meta:
        model = m.Transaction
        fields = ["id", "programme", "kind", "source", "side", "on", "amount", "currency", "note"]
