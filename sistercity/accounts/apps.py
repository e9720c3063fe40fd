from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "sistercity.accounts"
    label = "accounts"
    verbose_name = _("Organisations and people")

    def ready(self):
        from django.contrib.auth.signals import user_logged_out

        from sistercity.accounts import (
            audit,  # noqa: F401 - registers models with auditlog
            checks,  # noqa: F401 - registers the deploy check
        )
        from sistercity.accounts.tokens import revoke_at_log_out

        user_logged_out.connect(revoke_at_log_out, dispatch_uid="accounts.revoke_at_log_out")
