import django_filters
from django.utils.translation import gettext_lazy as _

from sistercity.accounts.choices import Country
from sistercity.partnerships.choices import PartnershipKind
from sistercity.partnerships.models import Document, Partnership


class PartnershipFilter(django_filters.FilterSet):
    """One FilterSet for the dashboard and the API."""

    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=PartnershipKind.choices)
    pillar = django_filters.CharFilter(label=_("Pillar"), field_name="pillars__code")
    municipality = django_filters.CharFilter(
        label=_("Municipality"), field_name="municipalities__slug"
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"),
        field_name="municipalities__country",
        choices=Country.choices,
        distinct=True,
    )
    stage = django_filters.CharFilter(
        label=_("Current stage"), field_name="tracks__current_stage__code"
    )

    class Meta:
        model = Partnership
        fields = ["kind", "pillar", "municipality", "country", "stage"]


class DocumentFilter(django_filters.FilterSet):
    partnership = django_filters.CharFilter(label=_("Partnership"), field_name="partnership__slug")
    document_type = django_filters.CharFilter(label=_("Type"), field_name="document_type__code")
    signed = django_filters.BooleanFilter(
        label=_("Signed"), field_name="signed_on", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = Document
        fields = ["partnership", "document_type", "language", "signed"]
