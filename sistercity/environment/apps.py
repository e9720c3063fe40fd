from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnvironmentConfig(AppConfig):
    name = "sistercity.environment"
    label = "environment"
    verbose_name = _("Waste management")

    def ready(self):
        from sistercity.core import registry
        from sistercity.environment import audit, contributions  # noqa: F401 - audit registers

        registry.register(contributions.SECTOR)
