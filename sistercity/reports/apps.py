from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "sistercity.reports"
    label = "reports"
    verbose_name = _("Reports and jobs")

    def ready(self) -> None:
        from sistercity.reports import audit  # noqa: F401
