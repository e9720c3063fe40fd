"""The account pages: log-in and settings, API tokens, two-factor authentication."""

from sistercity.accounts.views import two_factor
from sistercity.accounts.views.profile import LoginView, delete_account, my_data, profile
from sistercity.accounts.views.tokens import (
    PasswordChangeView,
    PasswordResetConfirmView,
    token_list,
    token_revoke,
    token_revoke_all,
)

__all__ = [
    "LoginView",
    "PasswordChangeView",
    "PasswordResetConfirmView",
    "delete_account",
    "my_data",
    "profile",
    "token_list",
    "token_revoke",
    "token_revoke_all",
    "two_factor",
]
