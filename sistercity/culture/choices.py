"""The culture app's choices and the small tables of rules that are data."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

PILLAR = "culture"


class EventKind(models.TextChoices):
    FESTIVAL = "festival", _("festival")
    CULINARY = "culinary", _("culinary exchange")
    ARTS = "arts", _("arts exchange")
    EXHIBITION = "exhibition", _("exhibition")
    SCHOOL_VISIT = "school_visit", _("school visit")
    ONLINE = "online", _("online session")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("scheduled")
    POSTPONED = "postponed", _("postponed")
    CANCELLED = "cancelled", _("cancelled")


class EventZone(models.TextChoices):
    """The zones an event is planned in: the two partner cities' own."""

    WIB = "Asia/Jakarta", _("WIB (Asia/Jakarta, UTC+7)")
    JST = "Asia/Tokyo", _("JST (Asia/Tokyo, UTC+9)")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("confirmed")
    WAITLISTED = "waitlisted", _("on the waitlist")
    # An event is cancelled (中止) by its organiser, a registration (取消) by its registrant.
    CANCELLED = "cancelled", pgettext_lazy("registration status", "cancelled")


ACTIVE_REGISTRATION = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED)


class DestinationCategory(models.TextChoices):
    BEACH = "beach", _("beach")
    NATURE = "nature", _("nature")
    AGROTOURISM = "agrotourism", _("agrotourism")
    HERITAGE = "heritage", _("heritage")
    CRAFT = "craft", _("craft")
    CULINARY = "culinary", _("culinary")
    MUSEUM = "museum", _("museum")


class VisitorOrigin(models.TextChoices):
    JAPAN = "japan", _("visitors from Japan")
    INDONESIA = "indonesia", _("visitors from Indonesia")
    DOMESTIC = "domestic", _("domestic visitors")
    OTHER = "other", _("other international visitors")


# schema.org's names for an event's status, and iCalendar's (RFC 5545 §3.8.1.11).
SCHEMA_STATUS = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
}
ICAL_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    # A postponed event has no new date yet: calendars show it as not yet certain.
    EventStatus.POSTPONED: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}
