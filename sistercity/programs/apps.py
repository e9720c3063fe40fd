from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "sistercity.programs"
    label = "programs"
    verbose_name = _("Programmes and results")

    def ready(self):
        from sistercity.programs import audit, health, inbox  # noqa: F401 - auditlog; seams
