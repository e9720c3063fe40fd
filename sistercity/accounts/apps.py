from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "sistercity.accounts"
    label = "accounts"
    verbose_name = _("Organisations and people")

    def ready(self):
        from sistercity.accounts import audit  # noqa: F401 - registers models with auditlog
