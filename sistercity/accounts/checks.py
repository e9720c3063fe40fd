from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def two_factor_required(app_configs, **kwargs):
    """``check --deploy`` says so when the secretariat, partner officers and admins could log
    in with a password alone."""
    if getattr(settings, "TWO_FACTOR_REQUIRED", True):
        return []
    return [
        Warning(
            "TWO_FACTOR_REQUIRED is off: privileged roles log in with a password alone.",
            hint="Leave TWO_FACTOR_REQUIRED unset (on) unless another second factor guards "
            "the log-in.",
            id="sistercity.W001",
        )
    ]
