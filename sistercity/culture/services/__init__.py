"""Culture services: writes and state transitions (``require`` first, translated refusals)."""

from sistercity.culture.services.events import (
    confirmed_people,
    event_add_image,
    event_create,
    event_record_attendance,
    event_set_status,
    event_update,
)
from sistercity.culture.services.exchanges import (
    EXCHANGE_TEXTS,
    cultural_exchange_create,
    cultural_exchange_update,
)
from sistercity.culture.services.places import (
    DESTINATION_TEXTS,
    destination_add_photo,
    destination_create,
    destination_update,
    visitor_figure_record,
)
from sistercity.culture.services.registrations import (
    promote_waitlist,
    registration_cancel,
    registration_for_token,
    registration_submit,
    registrations_erase_due,
    retention_days,
)

__all__ = [
    "DESTINATION_TEXTS",
    "EXCHANGE_TEXTS",
    "confirmed_people",
    "cultural_exchange_create",
    "cultural_exchange_update",
    "destination_add_photo",
    "destination_create",
    "destination_update",
    "event_add_image",
    "event_create",
    "event_record_attendance",
    "event_set_status",
    "event_update",
    "promote_waitlist",
    "registration_cancel",
    "registration_for_token",
    "registration_submit",
    "registrations_erase_due",
    "retention_days",
    "visitor_figure_record",
]
