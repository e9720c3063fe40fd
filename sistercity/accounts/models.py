from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from knox.models import AbstractAuthToken
from parler.models import TranslatableModel

from sistercity.accounts.choices import Country, OrganisationKind, Role
from sistercity.core.models import TimeStampedModel, TranslatedContent
from sistercity.core.validators import validate_no_markup


class ProfileTag(TranslatableModel):
    """A strength or need a municipality lists for partner search (CLAIR / SCI profiles),
    e.g. "waste-to-energy" or "irrigation"."""

    code = models.SlugField(_("code"), unique=True)
    translations = TranslatedContent(
        name=models.CharField(_("name"), max_length=120, validators=[validate_no_markup]),
    )

    class Meta:
        verbose_name = _("profile tag")
        verbose_name_plural = _("profile tags")

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.code


class Organisation(TranslatableModel, TimeStampedModel):
    """A municipality (regency, city, province, prefecture), one of its agencies (an OPD such
    as DLH or Damkar), a ministry, or another body taking part in a partnership."""

    kind = models.CharField(_("kind"), max_length=20, choices=OrganisationKind.choices)
    slug = models.SlugField(_("short name"), unique=True)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text=_("For an agency: the municipality it belongs to."),
    )
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(_("population year"), null=True, blank=True)
    area_km2 = models.DecimalField(
        _("area (km²)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    website = models.URLField(_("website"), blank=True)
    strengths = models.ManyToManyField(
        ProfileTag, verbose_name=_("strengths"), blank=True, related_name="strong_in"
    )
    needs = models.ManyToManyField(
        ProfileTag, verbose_name=_("needs"), blank=True, related_name="needed_by"
    )
    oversees_country = models.CharField(
        _("oversees partnerships in"),
        max_length=2,
        choices=Country.choices,
        blank=True,
        help_text=_("For a ministry: its observers read every partnership with a member here."),
    )
    is_sample = models.BooleanField(_("sample data"), default=False)
    translations = TranslatedContent(
        name=models.CharField(_("name"), max_length=200, validators=[validate_no_markup]),
        description=models.TextField(_("description"), blank=True, validators=[validate_no_markup]),
        source_note=models.CharField(
            _("source of profile facts"),
            max_length=300,
            blank=True,
            validators=[validate_no_markup],
        ),
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["slug"]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug

    @property
    def is_municipality(self) -> bool:
        from sistercity.accounts.choices import MUNICIPAL_KINDS

        return self.kind in MUNICIPAL_KINDS


class UserManager(BaseUserManager):
    use_in_migrations = True

    def get_by_natural_key(self, username):
        # Addresses are stored in lower case; "Sari@Batang.example" logs in as well.
        return self.get(email__iexact=(username or "").strip())

    def create_user(self, email, password=None, **fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user: Any = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **fields):
        fields.setdefault("is_staff", True)
        fields.setdefault("is_superuser", True)
        return self.create_user(email, password, **fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person. One full-name field (many Indonesians have a single name; Japanese order is
    family-first) and an optional reading in kana or romaji; never first/last name."""

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200, validators=[validate_no_markup])
    name_reading = models.CharField(
        _("reading of the name"),
        max_length=200,
        blank=True,
        validators=[validate_no_markup],
        help_text=_("Optional: how to read the name, in kana or romaji."),
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=5, choices=settings.LANGUAGES, default="id"
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=40,
        choices=[(zone, zone) for zone in settings.USER_TIME_ZONES],
        default="Asia/Jakarta",
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(_("staff"), default=False)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name


class Membership(TimeStampedModel):
    """A person's role in an organisation. Agency officers are scoped to pillars."""

    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    pillars = models.ManyToManyField(
        "core.Pillar",
        verbose_name=_("pillars"),
        blank=True,
        help_text=_("For agency officers: the pillars they work on."),
    )

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="unique_membership_role"
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.get_role_display()} · {self.organisation}"


class ApiToken(AbstractAuthToken):
    """A key for the API, issued at ``/api/auth/token/`` for an e-mail address and password.
    Only its hash is stored (django-rest-knox); it ends at ``expiry`` (``API_TOKEN_HOURS``), at
    log-out, at a password change, or when its owner revokes it on the account page."""

    name = models.CharField(
        _("name"),
        max_length=100,
        blank=True,
        validators=[validate_no_markup],
        help_text=_("Optional: what the token is for, e.g. the script that uses it."),
    )

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created"]

    def __str__(self):
        return f"{self.token_key}… · {self.user}"
