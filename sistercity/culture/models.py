"""Culture and tourism: a partnership's events and who registered for them, its destinations
and the visitor figures that show what the exchange produced."""

import secrets
import uuid
import zoneinfo
from typing import Any, ClassVar

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from sistercity.core.access import partnership_ids
from sistercity.core.models import (
    PartnershipScoped,
    TimeStampedModel,
    TranslatablePartnershipScoped,
    TranslatedContent,
)
from sistercity.core.validators import validate_no_markup
from sistercity.culture.choices import (
    ACTIVE_REGISTRATION,
    PILLAR,
    DestinationCategory,
    EventKind,
    EventStatus,
    EventZone,
    RegistrationStatus,
    VisitorOrigin,
)


class Event(TranslatablePartnershipScoped, TimeStampedModel):
    """A festival, culinary or arts exchange, exhibition, school visit or online session of a
    partnership, held in one of its cities and planned in that city's time zone.

    ``uid`` never changes, so a calendar that subscribed to it updates the same entry;
    ``sequence`` counts the revisions a calendar must apply (RFC 5545 §3.8.7.4). A cancelled
    event is never deleted: it stays on the pages and in the feeds as cancelled.
    """

    scope_pillar: ClassVar[str | None] = PILLAR

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="culture_events"
    )
    uid = models.UUIDField(
        _("calendar identifier"), default=uuid.uuid4, unique=True, editable=False
    )
    slug = models.SlugField(_("short name"), max_length=80)
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    city = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("city"),
        on_delete=models.PROTECT,
        related_name="culture_events",
    )
    organiser = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("organiser"),
        on_delete=models.PROTECT,
        related_name="organised_culture_events",
    )
    pillar = models.ForeignKey(
        "core.Pillar", verbose_name=_("pillar"), on_delete=models.PROTECT, related_name="+"
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(_("time zone"), max_length=40, choices=EventZone.choices)
    online_url = models.URLField(_("online link"), blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty: no registration limit.")
    )
    registration_open = models.BooleanField(_("registration open"), default=True)
    status = models.CharField(
        _("status"), max_length=12, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    attendance = models.PositiveIntegerField(_("attendance"), null=True, blank=True)
    sequence = models.PositiveIntegerField(_("revision"), default=0)
    is_sample = models.BooleanField(_("sample data"), default=False)
    translations = TranslatedContent(
        title=models.CharField(_("title"), max_length=200, validators=[validate_no_markup]),
        description=models.TextField(_("description"), blank=True, validators=[validate_no_markup]),
        venue=models.CharField(
            _("venue"), max_length=200, blank=True, validators=[validate_no_markup]
        ),
    )

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "slug"], name="culture_event_slug"),
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="culture_event_order"
            ),
        ]

    def __str__(self) -> str:
        return self.safe_translation_getter("title", any_language=True) or self.slug

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED


class EventImage(TranslatablePartnershipScoped):
    """A photo of an event, with the text a screen reader says instead of it."""

    scope_pillar: ClassVar[str | None] = PILLAR
    partnership_path: ClassVar[str] = "event__partnership"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="images")
    image = models.FileField(_("image"), upload_to="culture/events/")
    content_type = models.CharField(max_length=40)
    position = models.PositiveSmallIntegerField(default=0)
    translations = TranslatedContent(
        alt_text=models.CharField(
            _("alternative text"), max_length=250, validators=[validate_no_markup]
        ),
    )

    class Meta:
        verbose_name = _("event image")
        verbose_name_plural = _("event images")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return str(self.safe_translation_getter("alt_text", any_language=True) or self.image.name)


def _token() -> str:
    return secrets.token_urlsafe(24)


class Registration(PartnershipScoped):
    """A person's registration for an event, for themselves and the people they bring.

    Personal data (name, e-mail) is seen only by those who run the partnership's culture
    pillar, never by observers; it is erased a set time after the event
    (``CULTURE_REGISTRATION_RETENTION_DAYS``) while the row, its status and its number of
    people stay, so the counts do not change. ``token`` is the secret of the e-mailed
    self-service cancel link.
    """

    scope_pillar: ClassVar[str | None] = PILLAR
    partnership_path: ClassVar[str] = "event__partnership"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    full_name = models.CharField(
        _("full name"), max_length=200, blank=True, validators=[validate_no_markup]
    )
    email = models.EmailField(_("e-mail"), blank=True)
    people = models.PositiveSmallIntegerField(
        _("number of people"), validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    language = models.CharField(_("language"), max_length=8)
    status = models.CharField(_("status"), max_length=12, choices=RegistrationStatus.choices)
    token = models.CharField(max_length=64, unique=True, default=_token, editable=False)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    erased_at = models.DateTimeField(_("personal data erased"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                "event",
                Lower("email"),
                condition=models.Q(status__in=ACTIVE_REGISTRATION) & ~models.Q(email=""),
                name="culture_registration_email_once",
            ),
        ]

    def __str__(self) -> str:
        # Not the name: the change log keeps an object's text, and observers read the log.
        return str(_("registration {number}")).format(number=self.pk)

    @classmethod
    def permission_filter(cls, user: Any, action: str) -> models.Q | None:
        # Registrants' names and addresses are for the organisers: whoever may change the
        # culture pillar's events, whatever the action asked; observers and agency officers
        # of other pillars see the counts on the event, not the people.
        ids = partnership_ids(user, "change", pillar=cls.scope_pillar)
        return models.Q(event__partnership__in=ids)


class Destination(TranslatablePartnershipScoped):
    """A place worth the trip in one of the partner cities: a beach, a tea estate, a museum…"""

    scope_pillar: ClassVar[str | None] = PILLAR

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="culture_destinations"
    )
    slug = models.SlugField(_("short name"), max_length=80)
    city = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("city"), on_delete=models.PROTECT, related_name="+"
    )
    category = models.CharField(_("category"), max_length=20, choices=DestinationCategory.choices)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    website = models.URLField(_("website"), blank=True)
    is_sample = models.BooleanField(_("sample data"), default=False)
    translations = TranslatedContent(
        name=models.CharField(_("name"), max_length=200, validators=[validate_no_markup]),
        description=models.TextField(_("description"), blank=True, validators=[validate_no_markup]),
        opening_hours=models.CharField(
            _("opening hours"), max_length=200, blank=True, validators=[validate_no_markup]
        ),
        access=models.TextField(_("getting there"), blank=True, validators=[validate_no_markup]),
        accessibility=models.TextField(
            _("accessibility"), blank=True, validators=[validate_no_markup]
        ),
    )

    class Meta:
        verbose_name = _("destination")
        verbose_name_plural = _("destinations")
        ordering = ["city", "slug"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "slug"], name="culture_destination_slug")
        ]

    def __str__(self) -> str:
        return self.safe_translation_getter("name", any_language=True) or self.slug


class DestinationPhoto(TranslatablePartnershipScoped):
    """A photo of a destination (PNG or JPEG, judged by its content), with who took it, the
    licence it may be shown under and the text a screen reader says instead of it."""

    scope_pillar: ClassVar[str | None] = PILLAR
    partnership_path: ClassVar[str] = "destination__partnership"

    destination = models.ForeignKey(Destination, on_delete=models.CASCADE, related_name="photos")
    image = models.FileField(_("image"), upload_to="culture/destinations/")
    content_type = models.CharField(max_length=40)
    position = models.PositiveSmallIntegerField(default=0)
    credit = models.CharField(_("photo credit"), max_length=200, validators=[validate_no_markup])
    licence = models.CharField(
        _("licence"),
        max_length=100,
        validators=[validate_no_markup],
        help_text=_("For example CC BY 4.0, or “used with permission”."),
    )
    translations = TranslatedContent(
        alt_text=models.CharField(
            _("alternative text"), max_length=250, validators=[validate_no_markup]
        ),
    )

    class Meta:
        verbose_name = _("destination photo")
        verbose_name_plural = _("destination photos")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return str(self.safe_translation_getter("alt_text", any_language=True) or self.image.name)


class VisitorFigure(PartnershipScoped):
    """How many visitors of one origin a partner city counted in one month, and who says so."""

    scope_pillar: ClassVar[str | None] = PILLAR

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="culture_visitors"
    )
    city = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("city"), on_delete=models.PROTECT, related_name="+"
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month counted."))
    origin = models.CharField(_("origin"), max_length=20, choices=VisitorOrigin.choices)
    visitors = models.PositiveIntegerField(_("visitors"))
    source = models.CharField(_("source"), max_length=200, validators=[validate_no_markup])
    is_sample = models.BooleanField(_("sample data"), default=False)

    class Meta:
        verbose_name = _("visitor figure")
        verbose_name_plural = _("visitor figures")
        ordering = ["city", "month", "origin"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "city", "month", "origin"], name="culture_visitor_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.city} {self.month:%Y-%m} {self.origin}: {self.visitors}"


class CulturalExchange(TranslatablePartnershipScoped):
    """A delegation or troupe that travelled from one partner city to the other: who went,
    when, what they performed or taught; linked to the events it took part in and to the
    partnership's meeting that received it."""

    scope_pillar: ClassVar[str | None] = PILLAR

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="culture_exchanges"
    )
    slug = models.SlugField(_("short name"), max_length=80)
    from_city = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("travelled from"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    to_city = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("travelled to"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    participants = models.PositiveIntegerField(_("number of participants"))
    events = models.ManyToManyField(
        Event, verbose_name=_("events"), blank=True, related_name="exchanges"
    )
    meeting = models.ForeignKey(
        "programs.Meeting",
        verbose_name=_("meeting"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    is_sample = models.BooleanField(_("sample data"), default=False)
    translations = TranslatedContent(
        title=models.CharField(_("title"), max_length=200, validators=[validate_no_markup]),
        delegation=models.TextField(
            _("who travelled"), blank=True, validators=[validate_no_markup]
        ),
        programme=models.TextField(
            _("what they performed or taught"), blank=True, validators=[validate_no_markup]
        ),
    )

    class Meta:
        verbose_name = _("cultural exchange")
        verbose_name_plural = _("cultural exchanges")
        ordering = ["-starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "slug"], name="culture_exchange_slug")
        ]

    def __str__(self) -> str:
        return self.safe_translation_getter("title", any_language=True) or self.slug
