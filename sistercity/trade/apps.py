from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TradeConfig(AppConfig):
    name = "sistercity.trade"
    label = "trade"
    verbose_name = _("MSMEs and trade")

    def ready(self):
        from sistercity.core import registry
        from sistercity.trade import audit, contributions  # noqa: F401

        registry.register(contributions.SECTOR)
