import django_filters
from django.utils.translation import gettext_lazy as _

from sistercity.environment.choices import Metric
from sistercity.environment.models import WasteFigure, WasteScenario


class ScenarioFilter(django_filters.FilterSet):
    """One FilterSet for the pages and the API."""

    partnership = django_filters.CharFilter(label=_("Partnership"), field_name="partnership__slug")
    municipality = django_filters.CharFilter(
        label=_("Municipality"), field_name="municipality__slug"
    )
    indicator_code = django_filters.CharFilter(label=_("Programme indicator code"))

    class Meta:
        model = WasteScenario
        fields = ["partnership", "municipality", "indicator_code"]


class FigureFilter(django_filters.FilterSet):
    partnership = django_filters.CharFilter(label=_("Partnership"), field_name="partnership__slug")
    municipality = django_filters.CharFilter(
        label=_("Municipality"), field_name="municipality__slug"
    )
    metric = django_filters.ChoiceFilter(label=_("Measure"), choices=Metric.choices)
    year = django_filters.NumberFilter(label=_("Year"))

    class Meta:
        model = WasteFigure
        fields = ["partnership", "municipality", "metric", "year"]
