from typing import Any

from django.urls import reverse
from rest_framework import serializers

from sistercity.core.api.serializers import translations_of
from sistercity.core.validators import validate_no_markup
from sistercity.partnerships.choices import AGREEMENT, DocumentLanguage
from sistercity.partnerships.models import Document, DocumentType, Partnership, StageTransition


class TrackStateSerializer(serializers.Serializer):
    track = serializers.CharField(source="track.code")
    country = serializers.CharField(source="track.country")
    current_stage = serializers.CharField(source="current_stage.code")
    current_stage_name = serializers.CharField(source="current_stage.__str__")


class PartnershipSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="__str__")
    translations = serializers.SerializerMethodField()
    municipalities: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="slug", many=True, read_only=True
    )
    pillars: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True
    )
    tracks = TrackStateSerializer(many=True, read_only=True)

    class Meta:
        model = Partnership
        fields = [
            "slug",
            "name",
            "kind",
            "started_on",
            "is_public",
            "is_sample",
            "municipalities",
            "pillars",
            "tracks",
            "translations",
        ]

    def get_translations(self, obj) -> dict:
        return translations_of(obj, "name", "summary")


class TransitionSerializer(serializers.ModelSerializer):
    track = serializers.CharField(source="partnership_track.track.code")
    from_stage = serializers.CharField(source="from_stage.code", default=None)
    to_stage = serializers.CharField(source="to_stage.code")
    actor = serializers.CharField(source="actor.full_name", default=None)

    class Meta:
        model = StageTransition
        fields = ["track", "direction", "from_stage", "to_stage", "actor", "note", "created_at"]


class AdvanceSerializer(serializers.Serializer):
    track = serializers.SlugField()
    to_stage = serializers.SlugField(required=False, allow_blank=True)
    note = serializers.CharField(required=False, allow_blank=True, validators=[validate_no_markup])


class SendBackSerializer(serializers.Serializer):
    track = serializers.SlugField()
    to_stage = serializers.SlugField()
    reason = serializers.CharField(validators=[validate_no_markup])


class DocumentSerializer(serializers.ModelSerializer):
    partnership: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    document_type: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )
    title = serializers.CharField(source="__str__")
    versions = serializers.SerializerMethodField()

    class Meta:
        model = Document
        fields = [
            "id",
            "partnership",
            "document_type",
            "title",
            "language",
            "signed_on",
            "parties",
            "term_start",
            "term_end",
            "versions",
        ]

    def get_versions(self, obj) -> list[dict]:
        request = self.context.get("request")
        return [
            {
                "number": v.number,
                "file_name": v.original_name,
                "content_type": v.content_type,
                "size": v.size,
                "sha256": v.sha256,
                "uploaded_at": v.uploaded_at,
                "download": request.build_absolute_uri(
                    reverse("api:document-version-download", args=[obj.pk, v.number])
                )
                if request
                else None,
            }
            for v in obj.versions.all()
        ]


class DocumentUploadSerializer(serializers.Serializer):
    partnership = serializers.SlugField()
    document_type: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="code", queryset=DocumentType.objects.filter(subject=AGREEMENT)
    )
    title = serializers.CharField(max_length=300, validators=[validate_no_markup])
    language = serializers.ChoiceField(choices=DocumentLanguage.choices)
    signed_on = serializers.DateField(required=False, allow_null=True)
    parties = serializers.CharField(
        max_length=300, required=False, allow_blank=True, validators=[validate_no_markup]
    )
    term_start = serializers.DateField(required=False, allow_null=True)
    term_end = serializers.DateField(required=False, allow_null=True)
    file = serializers.FileField()
