from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmergencyConfig(AppConfig):
    name = "sistercity.emergency"
    label = "emergency"
    verbose_name = _("Fire and emergency services")

    def ready(self):
        from sistercity.core import registry
        from sistercity.emergency import audit, contributions  # noqa: F401

        registry.register(contributions.SECTOR)
