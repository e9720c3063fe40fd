from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GlossaryConfig(AppConfig):
    name = "sistercity.glossary"
    label = "glossary"
    verbose_name = _("Glossary")

    def ready(self):
        from sistercity.glossary import audit  # noqa: F401 - registers the change log
