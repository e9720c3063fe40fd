from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "sistercity.exchange"
    label = "exchange"
    verbose_name = _("Open calls and exchange")

    def ready(self) -> None:
        from sistercity.core import registry
        from sistercity.exchange import audit, contributions, inbox  # noqa: F401 - registers

        registry.register(contributions.SECTOR)
