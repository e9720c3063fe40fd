from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from sistercity.core.validators import validate_no_markup
from sistercity.exchange import selectors
from sistercity.exchange.choices import (
    PANEL_DECISIONS,
    EvidenceKind,
    FieldOfStudy,
    Gender,
    HostKind,
    LanguageLevel,
    VisaType,
)
from sistercity.exchange.models import (
    AllocationRun,
    Application,
    Call,
    CallQuestion,
    Criterion,
    HostOrganisation,
    Offer,
    PanelMember,
    Placement,
    RequiredDocument,
)
from sistercity.partnerships.api.serializers import translations_of


class PlacementSerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="__str__")
    host = serializers.SerializerMethodField()
    translations = serializers.SerializerMethodField()

    class Meta:
        model = Placement
        fields = [
            "id",
            "code",
            "title",
            "host",
            "capacity",
            "field_of_study",
            "starts_on",
            "ends_on",
            "ranking_source",
            "translations",
        ]

    def get_host(self, obj) -> dict:
        return {"slug": obj.host.slug, "name": str(obj.host), "kind": obj.host.kind}

    def get_translations(self, obj) -> dict:
        return translations_of(obj, "title", "requirements")


class CallSerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="__str__")
    partnership: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    pillar: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )
    residence: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    translations = serializers.SerializerMethodField()
    placements = PlacementSerializer(many=True, read_only=True)
    questions = serializers.SerializerMethodField()
    required_documents = serializers.SerializerMethodField()
    criteria = serializers.SerializerMethodField()
    is_open = serializers.SerializerMethodField()

    class Meta:
        model = Call
        fields = [
            "slug",
            "title",
            "partnership",
            "pillar",
            "call_type",
            "direction",
            "time_zone",
            "opens_at",
            "closes_at",
            "is_open",
            "quota",
            "programme_starts_on",
            "programme_ends_on",
            "min_age",
            "max_age",
            "requires_enrolment",
            "fields_of_study",
            "min_language_level",
            "residence",
            "blind_review",
            "lottery_seed",
            "is_published",
            "is_sample",
            "translations",
            "placements",
            "questions",
            "required_documents",
            "criteria",
        ]

    def get_translations(self, obj) -> dict:
        return translations_of(obj, "title", "summary", "description")

    def get_is_open(self, obj) -> bool:
        return obj.is_open()

    def get_questions(self, obj) -> list[dict]:
        return [
            {"id": q.pk, "text": str(q), "required": q.is_required} for q in obj.questions.all()
        ]

    def get_required_documents(self, obj) -> list[dict]:
        return [{"id": d.pk, "code": d.code, "label": str(d)} for d in obj.required_documents.all()]

    def get_criteria(self, obj) -> list[dict]:
        return [
            {"code": c.code, "name": str(c), "weight": str(c.weight), "max_score": c.max_score}
            for c in obj.criteria.all()
        ]


class OfferSerializer(serializers.ModelSerializer):
    placement = serializers.CharField(source="placement.code")

    class Meta:
        model = Offer
        fields = ["placement", "status", "from_waitlist", "respond_by", "responded_at"]


class ApplicationSerializer(serializers.ModelSerializer):
    """Identity fields are null for a reviewer of a blind call."""

    call: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    short_reference = serializers.CharField(read_only=True)
    applicant_name = serializers.SerializerMethodField()
    applicant_email = serializers.SerializerMethodField()
    date_of_birth = serializers.SerializerMethodField()
    gender = serializers.SerializerMethodField()
    phone = serializers.SerializerMethodField()
    residence: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    preferences = serializers.SerializerMethodField()
    offers = OfferSerializer(many=True, read_only=True)

    class Meta:
        model = Application
        fields = [
            "reference",
            "short_reference",
            "call",
            "status",
            "applicant_name",
            "applicant_email",
            "date_of_birth",
            "gender",
            "phone",
            "residence",
            "is_enrolled",
            "institution",
            "field_of_study",
            "language_level",
            "motivation",
            "answers",
            "preferences",
            "submitted_at",
            "offers",
            "alumni_opt_in",
        ]

    def _identity(self, obj) -> bool:
        request = self.context.get("request")
        return request is not None and selectors.identity_visible(request.user, obj)

    def get_applicant_name(self, obj) -> str | None:
        return obj.applicant.full_name if self._identity(obj) else None

    def get_applicant_email(self, obj) -> str | None:
        return obj.applicant.email if self._identity(obj) else None

    def get_date_of_birth(self, obj) -> str | None:
        return obj.date_of_birth.isoformat() if obj.date_of_birth and self._identity(obj) else None

    def get_gender(self, obj) -> str | None:
        return obj.gender if self._identity(obj) else None

    def get_phone(self, obj) -> str | None:
        return obj.phone if self._identity(obj) else None

    def get_preferences(self, obj) -> list[str]:
        return [p.placement.code for p in obj.preferences.all()]


class ApplicationUpdateSerializer(serializers.Serializer):
    date_of_birth = serializers.DateField(required=False, allow_null=True)
    gender = serializers.ChoiceField(choices=Gender.choices, required=False)
    phone = serializers.CharField(
        required=False, allow_blank=True, max_length=40, validators=[validate_no_markup]
    )
    residence = serializers.SlugField(required=False, allow_blank=True)
    is_enrolled = serializers.BooleanField(required=False)
    institution = serializers.CharField(
        required=False, allow_blank=True, max_length=200, validators=[validate_no_markup]
    )
    field_of_study = serializers.ChoiceField(
        choices=FieldOfStudy.choices, required=False, allow_blank=True
    )
    language_level = serializers.ChoiceField(choices=LanguageLevel.choices, required=False)
    motivation = serializers.CharField(
        required=False, allow_blank=True, validators=[validate_no_markup]
    )
    answers = serializers.DictField(child=serializers.CharField(allow_blank=True), required=False)
    preferences = serializers.ListField(child=serializers.CharField(), required=False)


class UploadSerializer(serializers.Serializer):
    required_document = serializers.CharField(required=False, allow_blank=True)
    evidence = serializers.ChoiceField(
        choices=EvidenceKind.choices, required=False, allow_blank=True
    )
    file = serializers.FileField()


class NoteSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, validators=[validate_no_markup])


class DecisionSerializer(NoteSerializer):
    status = serializers.ChoiceField(choices=[(s, s) for s in PANEL_DECISIONS])


class ScoreSerializer(serializers.Serializer):
    scores = serializers.DictField(child=serializers.IntegerField())
    comment = serializers.CharField(
        required=False, allow_blank=True, validators=[validate_no_markup]
    )


class ConflictSerializer(serializers.Serializer):
    note = serializers.CharField(validators=[validate_no_markup])


class ReadinessSerializer(serializers.Serializer):
    passport_expires_on = serializers.DateField(required=False, allow_null=True)
    visa_type = serializers.ChoiceField(choices=VisaType.choices, required=False, allow_blank=True)
    insurance_provider = serializers.CharField(
        required=False, allow_blank=True, max_length=200, validators=[validate_no_markup]
    )
    insurance_valid_until = serializers.DateField(required=False, allow_null=True)
    emergency_contact_name = serializers.CharField(
        required=False, allow_blank=True, max_length=200, validators=[validate_no_markup]
    )
    emergency_contact_phone = serializers.CharField(
        required=False, allow_blank=True, max_length=40, validators=[validate_no_markup]
    )
    departure_on = serializers.DateField(required=False, allow_null=True)
    return_on = serializers.DateField(required=False, allow_null=True)


class ReportSerializer(serializers.Serializer):
    text = serializers.CharField(validators=[validate_no_markup])


class AlumniSerializer(serializers.Serializer):
    listed = serializers.BooleanField()


class RunRequestSerializer(serializers.Serializer):
    seed = serializers.CharField(required=False, allow_blank=True, max_length=64)
    max_per_institution = serializers.IntegerField(required=False, allow_null=True)
    max_gender_share = serializers.FloatField(required=False, allow_null=True)


class RunSerializer(serializers.ModelSerializer):
    call: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    created_by = serializers.CharField(source="created_by.full_name")

    class Meta:
        model = AllocationRun
        fields = [
            "id",
            "call",
            "mode",
            "seed",
            "constraints",
            "inputs",
            "result",
            "blocking_pairs",
            "is_stable",
            "solver_status",
            "created_by",
            "created_at",
            "applied_at",
        ]


class RankingSerializer(serializers.Serializer):
    tiers = serializers.ListField(child=serializers.ListField(child=serializers.CharField()))


class CapacitySerializer(serializers.Serializer):
    capacity = serializers.IntegerField()


# --------------------------------------------------------------------------------------
# Setting up a call. Texts are written in the request's language (Accept-Language).
# --------------------------------------------------------------------------------------


class HostSerializer(serializers.ModelSerializer):
    partnership: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    city: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )
    name = serializers.CharField(source="__str__")
    translations = serializers.SerializerMethodField()

    class Meta:
        model = HostOrganisation
        fields = [
            "id",
            "slug",
            "partnership",
            "kind",
            "city",
            "name",
            "contact_email",
            "translations",
        ]

    def get_translations(self, obj) -> dict:
        return translations_of(obj, "name", "description")


class HostCreateSerializer(serializers.Serializer):
    partnership = serializers.SlugField(help_text=_("The partnership's short name."))
    slug = serializers.SlugField(max_length=50)
    kind = serializers.ChoiceField(choices=HostKind.choices)
    city = serializers.SlugField(
        help_text=_("Short name of one of the partnership's municipalities.")
    )
    name = serializers.CharField(max_length=200, validators=[validate_no_markup])
    description = serializers.CharField(
        required=False, allow_blank=True, validators=[validate_no_markup]
    )
    contact_email = serializers.EmailField(required=False, allow_blank=True)


class PlacementCreateSerializer(serializers.Serializer):
    host = serializers.SlugField(help_text=_("Short name of one of the partnership's hosts."))
    code = serializers.SlugField(max_length=50)
    capacity = serializers.IntegerField()
    title = serializers.CharField(max_length=200, validators=[validate_no_markup])
    field_of_study = serializers.ChoiceField(
        choices=FieldOfStudy.choices, required=False, allow_blank=True
    )
    starts_on = serializers.DateField(required=False, allow_null=True)
    ends_on = serializers.DateField(required=False, allow_null=True)
    requirements = serializers.CharField(
        required=False, allow_blank=True, validators=[validate_no_markup]
    )


class QuestionSerializer(serializers.ModelSerializer):
    text = serializers.CharField(source="__str__", read_only=True)

    class Meta:
        model = CallQuestion
        fields = ["id", "position", "text", "is_required"]


class QuestionCreateSerializer(serializers.Serializer):
    text = serializers.CharField(max_length=300, validators=[validate_no_markup])
    is_required = serializers.BooleanField(default=True)


class RequiredDocumentSerializer(serializers.ModelSerializer):
    # The document's name in the reader's language (a field named like Field.label).
    label = serializers.CharField(source="__str__", read_only=True)  # type: ignore[assignment]

    class Meta:
        model = RequiredDocument
        fields = ["id", "code", "position", "label"]


class RequiredDocumentCreateSerializer(serializers.Serializer):
    code = serializers.SlugField(max_length=50)
    # A payload field named like DRF's Field.label attribute, which this class never reads.
    label = serializers.CharField(  # type: ignore[assignment]
        max_length=200, validators=[validate_no_markup]
    )


class CriterionSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="__str__", read_only=True)

    class Meta:
        model = Criterion
        fields = ["id", "code", "position", "name", "weight", "max_score"]


class CriterionCreateSerializer(serializers.Serializer):
    code = serializers.SlugField(max_length=50)
    name = serializers.CharField(max_length=200, validators=[validate_no_markup])
    weight = serializers.DecimalField(max_digits=5, decimal_places=2)
    max_score = serializers.IntegerField(default=10)


class PanelMemberSerializer(serializers.ModelSerializer):
    reviewer = serializers.EmailField(source="user.email", read_only=True)
    name = serializers.CharField(source="user.full_name", read_only=True)

    class Meta:
        model = PanelMember
        fields = ["id", "reviewer", "name"]


class PanelMemberCreateSerializer(serializers.Serializer):
    reviewer = serializers.EmailField(help_text=_("The reviewer's e-mail address."))
