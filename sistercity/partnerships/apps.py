from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "sistercity.partnerships"
    label = "partnerships"
    verbose_name = _("Partnerships")

    def ready(self):
        from sistercity.core import registry
        from sistercity.partnerships import audit, inbox  # noqa: F401 - auditlog; My tasks
        from sistercity.partnerships.tasks import send_due_reminders

        registry.register(
            registry.Sector(app_label=self.label, scheduled_jobs=[send_due_reminders])
        )
