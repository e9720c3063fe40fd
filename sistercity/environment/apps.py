from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnvironmentConfig(AppConfig):
    name = "sistercity.environment"
    label = "environment"
    verbose_name = _("Waste management")

    def ready(self):
        from sistercity.environment import audit  # noqa: F401 - registers models with auditlog
