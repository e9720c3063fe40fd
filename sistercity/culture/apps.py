from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CultureConfig(AppConfig):
    name = "sistercity.culture"
    label = "culture"
    verbose_name = _("Culture and tourism")

    def ready(self):
        from sistercity.core import registry
        from sistercity.culture import audit, contributions  # noqa: F401 - audit registers

        registry.register(contributions.SECTOR)
