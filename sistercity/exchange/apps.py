from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "sistercity.exchange"
    label = "exchange"
    verbose_name = _("Open calls and exchange")

    def ready(self):
        from sistercity.exchange import audit  # noqa: F401 - registers models with auditlog
