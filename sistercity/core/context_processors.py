from django.conf import settings


def site(request):
    """Site-wide template context, and the viewer's roles so the navigation shows each person
    only what they can use (an applicant has no dashboard, only a reviewer reviews)."""
    user = getattr(request, "user", None)
    roles: set[str] = set()
    if user is not None and user.is_authenticated:
        roles = set(user.memberships.values_list("role", flat=True))
    return {
        "LANGUAGE_NAMES": dict(settings.LANGUAGES),
        "DEBUG": settings.DEBUG,
        "user_roles": roles,
        "is_member": bool(user and user.is_authenticated and (roles or user.is_superuser)),
    }
