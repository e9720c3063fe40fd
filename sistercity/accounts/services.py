from auditlog.context import set_actor
from django.db import transaction

from sistercity.accounts.models import User


def user_update_profile(
    *, actor: User, full_name: str, name_reading: str, preferred_language: str, time_zone: str
) -> User:
    with transaction.atomic(), set_actor(actor):
        actor.full_name = full_name
        actor.name_reading = name_reading
        actor.preferred_language = preferred_language
        actor.time_zone = time_zone
        actor.full_clean(exclude=["password"])
        actor.save(update_fields=["full_name", "name_reading", "preferred_language", "time_zone"])
    return actor
