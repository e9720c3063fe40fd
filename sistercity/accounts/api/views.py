from typing import Any

from rest_framework import permissions, serializers, viewsets

from sistercity.accounts.choices import MUNICIPAL_KINDS
from sistercity.accounts.models import Organisation
from sistercity.core.api.serializers import translations_of


class MunicipalitySerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="__str__")
    strengths: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True
    )
    needs: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True
    )
    translations = serializers.SerializerMethodField()

    class Meta:
        model = Organisation
        fields = [
            "slug",
            "name",
            "kind",
            "country",
            "population",
            "population_year",
            "area_km2",
            "website",
            "strengths",
            "needs",
            "is_sample",
            "translations",
        ]

    def get_translations(self, obj) -> dict:
        return translations_of(obj, "name", "description")


class MunicipalityViewSet(viewsets.ReadOnlyModelViewSet):
    """Municipal profiles are public (the CLAIR / Sister Cities International partner search)."""

    serializer_class = MunicipalitySerializer
    permission_classes = [permissions.AllowAny]
    lookup_field = "slug"
    filterset_fields = ["country", "kind"]

    def get_queryset(self):
        return Organisation.objects.filter(kind__in=MUNICIPAL_KINDS).prefetch_related(
            "translations", "strengths", "needs"
        )
