from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IrrigationConfig(AppConfig):
    name = "sistercity.irrigation"
    label = "irrigation"
    verbose_name = _("Irrigation")

    def ready(self):
        from sistercity.core import registry
        from sistercity.irrigation import audit, contributions  # noqa: F401

        registry.register(contributions.SECTOR)
