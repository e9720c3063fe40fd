"""Investment and technology transfer: KITB opportunities, the investor pipeline, technology-
transfer projects (issue 12).
"""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InvestmentConfig(AppConfig):
    name = "sistercity.investment"
    label = "investment"
    verbose_name = _("Investment and technology transfer")

    def ready(self):
        from sistercity.core import registry
        from sistercity.investment import audit, contributions  # noqa: F401 - audit registers

        registry.register(contributions.SECTOR)
