"""A person's "download my data": everything the platform holds about them, as one JSON file.

The account itself (profile, memberships, API token names) comes from here; what the sector
apps hold (an applicant's applications, a registrant's event registrations, …) comes through
the sector seam (``Sector.personal_data`` in ``core.registry``), so a new app adds its records
without this module knowing it. Secrets (password hash, token digests, 2FA keys) are never in it.
"""

from typing import Any

from django.utils import timezone

from sistercity.accounts.models import ApiToken, User
from sistercity.core.registry import registry


def personal_data_of(user: User) -> dict[str, Any]:
    memberships = user.memberships.select_related("organisation").prefetch_related(
        "organisation__translations", "pillars"
    )
    return {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "full_name": user.full_name,
            "name_reading": user.name_reading,
            "preferred_language": user.preferred_language,
            "time_zone": user.time_zone,
            "joined_at": user.date_joined.isoformat(),
            "last_login_at": user.last_login.isoformat() if user.last_login else None,
        },
        "memberships": [
            {
                "organisation": str(m.organisation),
                "role": m.role,
                "pillars": [p.code for p in m.pillars.all()],
            }
            for m in memberships
        ],
        "api_tokens": [
            {
                "name": t.name,
                "created_at": t.created.isoformat(),
                "expires_at": t.expiry.isoformat() if t.expiry else None,
            }
            for t in ApiToken.objects.filter(user=user).order_by("created")
        ],
        **registry.personal_data(user),
    }
