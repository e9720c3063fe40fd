"""Batang's MSMEs on their way into Japan: enterprises, permits, products and their evidence,
the Japan export rules, Japanese buyers, their inquiries and the deals that follow.

Who sees what (``permission_filter``):

- the MSME pillar's staff: the secretariat and partner officers, the agency officers whose
  membership names the msme pillar (Dinas Koperasi dan UKM), and observers for reading;
- an enterprise's owner (``Enterprise.owner_user``) sees and keeps her enterprise, its
  permits, products and evidence;
- a buyer's people (``Buyer.members``) see their buyer, its inquiries, their leads and
  messages, and the enterprises and products whose owners published them — nothing else.

Personal data (the owner's name, the contacts) are shown only to the staff who may change the
pillar and to the owner (``selectors.can_see_personal``), never to observers or buyers.
"""

from decimal import Decimal
from typing import Any

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel

from sistercity.core.access import Action, partnership_ids
from sistercity.core.models import (
    PartnershipScoped,
    TimeStampedModel,
    TranslatablePartnershipScoped,
    TranslatedContent,
)
from sistercity.core.validators import validate_no_markup
from sistercity.trade import choices as c

PILLAR = "msme"


def _money(label: Any, **options: Any) -> models.DecimalField:
    """An amount of money (never a float); the currency is in the field's name."""
    return models.DecimalField(
        label,
        max_digits=18,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0))],
        **options,
    )


def _staff(user: Any, action: str) -> models.QuerySet:
    return partnership_ids(user, action, pillar=PILLAR)


def _buyer_partnerships(user: Any) -> models.QuerySet:
    return Buyer.objects.filter(members=user).values("partnership_id")


class Enterprise(PartnershipScoped, TimeStampedModel):
    """A Batang micro, small or medium enterprise (UMKM) in the registry."""

    scope_pillar = PILLAR

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="trade_enterprises",
    )
    legal_name = models.CharField(_("legal name"), max_length=200, validators=[validate_no_markup])
    trade_name = models.CharField(
        _("trade name"), max_length=200, blank=True, validators=[validate_no_markup]
    )
    nib = models.CharField(
        _("NIB"), max_length=13, help_text=_("Business identification number from OSS-RBA.")
    )
    kbli_codes = models.JSONField(_("KBLI 2020 codes"), default=list)
    capital_idr = _money(
        _("business capital (IDR, without land and buildings)"), null=True, blank=True
    )
    annual_sales_idr = _money(_("annual sales (IDR)"), null=True, blank=True)
    size_class = models.CharField(
        _("size class"), max_length=10, choices=c.SizeClass.choices, editable=False
    )
    kecamatan = models.CharField(_("kecamatan"), max_length=100, validators=[validate_no_markup])
    desa = models.CharField(_("desa"), max_length=100, blank=True, validators=[validate_no_markup])
    owner_name = models.CharField(
        _("owner (full name)"), max_length=200, validators=[validate_no_markup]
    )
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner's account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="trade_enterprises",
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[validate_no_markup])
    email = models.EmailField(_("e-mail"), blank=True)
    employees_women = models.PositiveIntegerField(_("employees (women)"), default=0)
    employees_men = models.PositiveIntegerField(_("employees (men)"), default=0)
    year_founded = models.PositiveSmallIntegerField(
        _("year founded"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
    )
    is_published = models.BooleanField(
        _("published to buyers"),
        default=False,
        help_text=_("Only the owner publishes the enterprise to Japanese buyers."),
    )
    is_sample = models.BooleanField(_("sample data"), default=False)

    class Meta:
        verbose_name = _("enterprise")
        verbose_name_plural = _("enterprises")
        ordering = ["legal_name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "nib"], name="trade_unique_nib")
        ]

    def __str__(self):
        return self.trade_name or self.legal_name

    @classmethod
    def permission_filter(cls, user: Any, action: str) -> models.Q:
        rule = models.Q(partnership__in=_staff(user, action)) | models.Q(owner_user=user)
        if action == Action.VIEW:
            rule |= models.Q(is_published=True, partnership__in=_buyer_partnerships(user))
        return rule


class EnterprisePhoto(PartnershipScoped, TimeStampedModel):
    """A photo of an enterprise's workshop or products (PNG or JPEG, checked by content)."""

    partnership_path = "enterprise__partnership"

    enterprise = models.ForeignKey(
        Enterprise, verbose_name=_("enterprise"), on_delete=models.CASCADE, related_name="photos"
    )
    image = models.FileField(_("photo"), upload_to="trade/photos/")
    caption = models.CharField(
        _("caption"), max_length=200, blank=True, validators=[validate_no_markup]
    )

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self):
        return self.caption or self.image.name

    @classmethod
    def permission_filter(cls, user: Any, action: str) -> models.Q:
        return models.Q(enterprise__in=Enterprise.objects.for_user(user, action).values("pk"))


class OwnRecord(PartnershipScoped):
    """Evidence of an enterprise (permits, lab reports, recipes): its staff and its owner."""

    partnership_path = "enterprise__partnership"

    class Meta:
        abstract = True

    @classmethod
    def permission_filter(cls, user: Any, action: str) -> models.Q:
        return models.Q(enterprise__partnership__in=_staff(user, action)) | models.Q(
            enterprise__owner_user=user
        )


class Product(TranslatablePartnershipScoped, TimeStampedModel):
    """A product an enterprise wants to sell in Japan, with what its Japanese label needs."""

    partnership_path = "enterprise__partnership"

    enterprise = models.ForeignKey(
        Enterprise, verbose_name=_("enterprise"), on_delete=models.CASCADE, related_name="products"
    )
    hs_code = models.CharField(_("HS code (HS 2022)"), max_length=6)
    organic_claim = models.BooleanField(_("sold as organic"), default=False)
    shelf_life_days = models.PositiveIntegerField(_("shelf life (days)"), null=True, blank=True)
    net_contents = models.CharField(
        _("net contents"), max_length=40, blank=True, validators=[validate_no_markup]
    )
    monthly_capacity = models.DecimalField(
        _("monthly capacity (kg)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    price_idr = _money(_("price ex-works (IDR/kg)"), null=True, blank=True)
    fob_jpy = _money(_("FOB price (JPY/kg)"), null=True, blank=True)
    importer_of_record = models.CharField(
        _("importer of record"), max_length=200, blank=True, validators=[validate_no_markup]
    )
    allergens = models.JSONField(_("allergens"), default=list, blank=True)
    additives_ja = models.CharField(
        _("additives (as on the Japanese label)"),
        max_length=300,
        blank=True,
        validators=[validate_no_markup],
    )
    # Nutrition per 100 g, as the Food Labeling Standards ask
    # (熱量・たんぱく質・脂質・炭水化物・食塩相当量).
    energy_kcal = models.DecimalField(
        _("energy (kcal/100 g)"), max_digits=7, decimal_places=1, null=True, blank=True
    )
    protein_g = models.DecimalField(
        _("protein (g/100 g)"), max_digits=6, decimal_places=1, null=True, blank=True
    )
    fat_g = models.DecimalField(
        _("fat (g/100 g)"), max_digits=6, decimal_places=1, null=True, blank=True
    )
    carbohydrate_g = models.DecimalField(
        _("carbohydrate (g/100 g)"), max_digits=6, decimal_places=1, null=True, blank=True
    )
    salt_g = models.DecimalField(
        _("salt equivalent (g/100 g)"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    is_published = models.BooleanField(_("published to buyers"), default=False)
    translations = TranslatedContent(
        name=models.CharField(_("name"), max_length=200, validators=[validate_no_markup]),
        description=models.TextField(_("description"), blank=True, validators=[validate_no_markup]),
        storage=models.CharField(
            _("storage"), max_length=200, blank=True, validators=[validate_no_markup]
        ),
    )

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("products")
        ordering = ["enterprise", "pk"]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.hs_code

    @classmethod
    def permission_filter(cls, user: Any, action: str) -> models.Q:
        rule = models.Q(enterprise__partnership__in=_staff(user, action)) | models.Q(
            enterprise__owner_user=user
        )
        if action == Action.VIEW:
            rule |= models.Q(
                is_published=True,
                enterprise__is_published=True,
                enterprise__partnership__in=_buyer_partnerships(user),
            )
        return rule


class ProductPhoto(PartnershipScoped, TimeStampedModel):
    """A photo of a product (PNG or JPEG, checked by content), with the text a screen reader
    says instead of it; seen by whoever sees the product."""

    partnership_path = "product__enterprise__partnership"

    product = models.ForeignKey(
        Product, verbose_name=_("product"), on_delete=models.CASCADE, related_name="photos"
    )
    image = models.FileField(_("photo"), upload_to="trade/products/")
    content_type = models.CharField(max_length=40)
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        validators=[validate_no_markup],
        help_text=_("What the photo shows, for people who cannot see it."),
    )

    class Meta:
        verbose_name = _("product photo")
        verbose_name_plural = _("product photos")
        ordering = ["product", "pk"]

    def __str__(self):
        return self.alt_text or self.image.name

    @classmethod
    def permission_filter(cls, user: Any, action: str) -> models.Q:
        return models.Q(product__in=Product.objects.for_user(user, action).values("pk"))


class Ingredient(PartnershipScoped):
    """One line of a product's recipe or bill of materials: its share of the weight, its
    origin and its value (the IJEPA origin advisor reads them)."""

    partnership_path = "product__enterprise__partnership"

    product = models.ForeignKey(
        Product, verbose_name=_("product"), on_delete=models.CASCADE, related_name="ingredients"
    )
    name = models.CharField(_("ingredient"), max_length=120, validators=[validate_no_markup])
    name_ja = models.CharField(
        _("name on the Japanese label"), max_length=120, blank=True, validators=[validate_no_markup]
    )
    share_pct = models.DecimalField(
        _("share (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
    )
    hs_code = models.CharField(_("HS code of the input"), max_length=6, blank=True)
    origin_country = models.CharField(_("country of origin"), max_length=2, default="ID")
    originating = models.BooleanField(_("originating (IJEPA)"), default=True)
    value_jpy = _money(_("value per kg of product (JPY)"), default=0)

    class Meta:
        verbose_name = _("ingredient")
        verbose_name_plural = _("ingredients")
        ordering = ["product", "-share_pct", "pk"]

    def __str__(self):
        return f"{self.name} {self.share_pct} %"

    @classmethod
    def permission_filter(cls, user: Any, action: str) -> models.Q:
        return models.Q(product__enterprise__partnership__in=_staff(user, action)) | models.Q(
            product__enterprise__owner_user=user
        )


class LabReport(PartnershipScoped, TimeStampedModel):
    """A laboratory result for a product (aflatoxin, cyanide, pesticide residues…)."""

    partnership_path = "product__enterprise__partnership"

    product = models.ForeignKey(
        Product, verbose_name=_("product"), on_delete=models.CASCADE, related_name="lab_reports"
    )
    parameter = models.CharField(_("parameter"), max_length=30, choices=c.LabParameter.choices)
    result = models.DecimalField(_("result"), max_digits=12, decimal_places=4)
    unit = models.CharField(_("unit"), max_length=20, validators=[validate_no_markup])
    laboratory = models.CharField(_("laboratory"), max_length=200, validators=[validate_no_markup])
    tested_on = models.DateField(_("tested on"))

    class Meta:
        verbose_name = _("lab report")
        verbose_name_plural = _("lab reports")
        ordering = ["product", "-tested_on"]

    def __str__(self):
        return f"{self.get_parameter_display()} {self.result} {self.unit}"

    @classmethod
    def permission_filter(cls, user: Any, action: str) -> models.Q:
        return models.Q(product__enterprise__partnership__in=_staff(user, action)) | models.Q(
            product__enterprise__owner_user=user
        )


class Permit(OwnRecord, TimeStampedModel):
    """A permit or certificate of an enterprise (P-IRT, BPOM, halal, SNI, HACCP, organic JAS…)
    and the products it covers."""

    enterprise = models.ForeignKey(
        Enterprise, verbose_name=_("enterprise"), on_delete=models.CASCADE, related_name="permits"
    )
    kind = models.CharField(_("type"), max_length=30, choices=c.PermitKind.choices)
    halal_scheme = models.CharField(
        _("halal scheme"), max_length=20, choices=c.HalalScheme.choices, blank=True
    )
    number = models.CharField(_("number"), max_length=60, validators=[validate_no_markup])
    issuer = models.CharField(_("issuer"), max_length=200, validators=[validate_no_markup])
    issued_on = models.DateField(_("issued on"))
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    products = models.ManyToManyField(
        Product, verbose_name=_("products covered"), related_name="permits", blank=True
    )
    evidence = models.FileField(_("evidence"), upload_to="trade/permits/", blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reminded_on = models.DateField(_("renewal reminder sent on"), null=True, blank=True)

    class Meta:
        verbose_name = _("permit or certificate")
        verbose_name_plural = _("permits and certificates")
        ordering = ["enterprise", "expires_on"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.number}"


class ReadinessRecord(PartnershipScoped):
    """A product's readiness score on a day (so mentoring shows as a rising line)."""

    partnership_path = "product__enterprise__partnership"

    product = models.ForeignKey(
        Product, verbose_name=_("product"), on_delete=models.CASCADE, related_name="readiness"
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    score = models.PositiveSmallIntegerField(_("score (%)"))
    missing = models.JSONField(_("rules not met"), default=list)

    class Meta:
        verbose_name = _("readiness record")
        verbose_name_plural = _("readiness records")
        ordering = ["product", "recorded_at", "pk"]

    def __str__(self):
        return f"{self.product} {self.score} %"

    @classmethod
    def permission_filter(cls, user: Any, action: str) -> models.Q:
        return LabReport.permission_filter(user, action)


class ExportRule(TranslatableModel):
    """A requirement of the Japanese market, as data: what it applies to, what evidence meets
    it, the law it comes from. The platform admin edits them (Django admin)."""

    code = models.SlugField(_("code"), unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    hs_prefixes = models.JSONField(
        _("HS prefixes"), default=list, blank=True, help_text=_("Empty: every product.")
    )
    condition = models.CharField(_("applies"), max_length=10, choices=c.RuleCondition.choices)
    evidence = models.CharField(_("evidence"), max_length=20, choices=c.RuleEvidence.choices)
    parameter = models.CharField(
        _("lab parameter"), max_length=30, choices=c.LabParameter.choices, blank=True
    )
    permit_kind = models.CharField(
        _("permit type"), max_length=30, choices=c.PermitKind.choices, blank=True
    )
    max_age_days = models.PositiveIntegerField(_("evidence valid for (days)"), default=365)
    source = models.CharField(_("legal source"), max_length=300, validators=[validate_no_markup])
    url = models.URLField(_("link"), max_length=500)
    is_active = models.BooleanField(_("active"), default=True)
    translations = TranslatedContent(
        title=models.CharField(_("title"), max_length=300, validators=[validate_no_markup]),
        next_step=models.TextField(_("next step"), blank=True, validators=[validate_no_markup]),
    )

    class Meta:
        verbose_name = _("Japan export rule")
        verbose_name_plural = _("Japan export rules")
        ordering = ["position", "code"]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or self.code


class Buyer(PartnershipScoped, TimeStampedModel):
    """A Japanese company looking for Indonesian products, with the people who speak for it."""

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="trade_buyers",
    )
    name_ja = models.CharField(
        _("name (Japanese)"), max_length=200, validators=[validate_no_markup]
    )
    name_romaji = models.CharField(
        _("name (romaji)"), max_length=200, validators=[validate_no_markup]
    )
    prefecture = models.CharField(_("prefecture"), max_length=40, validators=[validate_no_markup])
    sector = models.CharField(_("sector"), max_length=120, validators=[validate_no_markup])
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("people"), related_name="trade_buyers"
    )
    # What the buyer looks for all year round (an inquiry asks for one lot by a date).
    wanted_hs_codes = models.JSONField(_("HS codes wanted"), default=list, blank=True)
    wanted_volume_kg = models.DecimalField(
        _("volume wanted (kg/month)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    wanted_certifications = models.JSONField(_("certifications wanted"), default=list, blank=True)
    target_price_jpy = _money(_("target price (JPY/kg)"), null=True, blank=True)
    is_sample = models.BooleanField(_("sample data"), default=False)

    class Meta:
        verbose_name = _("buyer")
        verbose_name_plural = _("buyers")
        ordering = ["name_romaji"]

    def __str__(self):
        return self.name_ja

    @property
    def wanted_certification_labels(self) -> list[str]:
        return [str(c.PermitKind(code).label) for code in self.wanted_certifications]

    @classmethod
    def permission_filter(cls, user: Any, action: str) -> models.Q:
        return models.Q(partnership__in=_staff(user, action)) | models.Q(members=user)


class BuyerRecord(PartnershipScoped):
    """What a buyer owns: its pillar staff and its own people."""

    class Meta:
        abstract = True

    @classmethod
    def buyer_path(cls) -> str:
        return cls.partnership_path.removesuffix("__partnership")

    @classmethod
    def permission_filter(cls, user: Any, action: str) -> models.Q:
        path = cls.buyer_path()
        return models.Q(**{f"{cls.partnership_path}__in": _staff(user, action)}) | models.Q(
            **{f"{path}__members": user}
        )


class Inquiry(BuyerRecord, TimeStampedModel):
    """A buyer's request for quotation: what it wants, how much, by when."""

    partnership_path = "buyer__partnership"

    buyer = models.ForeignKey(
        Buyer, verbose_name=_("buyer"), on_delete=models.CASCADE, related_name="inquiries"
    )
    title = models.CharField(_("title"), max_length=200, validators=[validate_no_markup])
    hs_code = models.CharField(_("HS code wanted"), max_length=6)
    volume_kg = models.DecimalField(
        _("volume (kg/month)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    target_price_jpy = _money(_("target price (JPY/kg)"), null=True, blank=True)
    certifications = models.JSONField(_("certifications wanted"), default=list, blank=True)
    deadline = models.DateField(_("answer by"))
    note = models.TextField(_("note"), blank=True, validators=[validate_no_markup])

    class Meta:
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")
        ordering = ["-deadline", "pk"]

    def __str__(self):
        return self.title

    @property
    def wants_halal(self) -> bool:
        return c.PermitKind.HALAL in self.certifications


class TradeEvent(PartnershipScoped, TimeStampedModel):
    """A trade fair, business-matching day or promotion event; leads name the event that
    produced them, so a fair is judged by the orders it led to, not by attendance."""

    scope_pillar = PILLAR

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="trade_events",
    )
    name = models.CharField(_("name"), max_length=200, validators=[validate_no_markup])
    held_on = models.DateField(_("held on"))
    place = models.CharField(
        _("place"), max_length=200, blank=True, validators=[validate_no_markup]
    )
    is_sample = models.BooleanField(_("sample data"), default=False)

    class Meta:
        verbose_name = _("trade event")
        verbose_name_plural = _("trade events")
        ordering = ["-held_on", "pk"]

    def __str__(self):
        return self.name


class Lead(PartnershipScoped, TimeStampedModel):
    """One product offered on one inquiry, followed through the deal funnel."""

    partnership_path = "inquiry__buyer__partnership"

    inquiry = models.ForeignKey(
        Inquiry, verbose_name=_("inquiry"), on_delete=models.CASCADE, related_name="leads"
    )
    product = models.ForeignKey(
        Product, verbose_name=_("product"), on_delete=models.PROTECT, related_name="leads"
    )
    stage = models.CharField(
        _("stage"), max_length=20, choices=c.Stage.choices, default=c.Stage.INQUIRY
    )
    lost_reason = models.CharField(
        _("reason lost"), max_length=300, blank=True, validators=[validate_no_markup]
    )
    stage_changed_on = models.DateField(_("stage since"), null=True, blank=True)
    event = models.ForeignKey(
        TradeEvent,
        verbose_name=_("from the event"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="leads",
    )

    class Meta:
        verbose_name = _("lead")
        verbose_name_plural = _("leads")
        ordering = ["-updated_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["inquiry", "product"], name="trade_unique_lead")
        ]

    def __str__(self):
        return f"{self.inquiry} · {self.product}"

    @classmethod
    def permission_filter(cls, user: Any, action: str) -> models.Q:
        # Only the staff who run the pillar read leads (not observers), and the two parties.
        staff = _staff(user, Action.CHANGE)
        return (
            models.Q(inquiry__buyer__partnership__in=staff)
            | models.Q(inquiry__buyer__members=user)
            | models.Q(product__enterprise__owner_user=user)
        )


class LeadRecord(PartnershipScoped):
    """Something of a lead (a message, an order): visible exactly as the lead is."""

    partnership_path = "lead__inquiry__buyer__partnership"

    class Meta:
        abstract = True

    @classmethod
    def permission_filter(cls, user: Any, action: str) -> models.Q:
        return models.Q(lead__in=Lead.objects.for_user(user, action).values("pk"))


class Message(LeadRecord):
    """A message between a buyer and an MSME on a lead, in the language its author wrote."""

    lead = models.ForeignKey(
        Lead, verbose_name=_("lead"), on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT
    )
    language = models.CharField(_("language"), max_length=2, choices=c.MessageLanguage.choices)
    body = models.TextField(_("message"), validators=[validate_no_markup])
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["lead", "sent_at", "pk"]

    def __str__(self):
        return f"{self.author} · {self.sent_at:%Y-%m-%d}"


class Order(LeadRecord, TimeStampedModel):
    """A real order on a lead: the first, or a repeat. The pillar's indicators count these."""

    lead = models.ForeignKey(
        Lead, verbose_name=_("lead"), on_delete=models.CASCADE, related_name="orders"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=c.OrderKind.choices)
    ordered_on = models.DateField(_("ordered on"))
    quantity_kg = models.DecimalField(
        _("quantity (kg)"), max_digits=12, decimal_places=2, validators=[MinValueValidator(0)]
    )
    value_jpy = _money(_("value (JPY)"))
    value_idr = _money(_("value (IDR)"), null=True, blank=True)

    class Meta:
        verbose_name = _("order")
        verbose_name_plural = _("orders")
        ordering = ["lead", "ordered_on", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.ordered_on}"


class MentoringProgramme(TranslatablePartnershipScoped, TimeStampedModel):
    """A mentoring or training programme for MSMEs (e.g. quality training with Toyama
    instructors); its attendance feeds the msme pillar's "MSMEs trained" indicator."""

    scope_pillar = PILLAR

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="trade_mentoring",
    )
    starts_on = models.DateField(_("starts on"))
    is_sample = models.BooleanField(_("sample data"), default=False)
    translations = TranslatedContent(
        title=models.CharField(_("title"), max_length=200, validators=[validate_no_markup]),
    )

    class Meta:
        verbose_name = _("mentoring programme")
        verbose_name_plural = _("mentoring programmes")
        ordering = ["-starts_on", "pk"]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or str(self.pk)


class MentoringSession(PartnershipScoped):
    """One session of a mentoring programme, with who taught it."""

    scope_pillar = PILLAR
    partnership_path = "programme__partnership"

    programme = models.ForeignKey(
        MentoringProgramme,
        verbose_name=_("mentoring programme"),
        on_delete=models.CASCADE,
        related_name="sessions",
    )
    held_on = models.DateField(_("held on"))
    topic = models.CharField(_("topic"), max_length=200, validators=[validate_no_markup])
    instructor = models.CharField(
        _("instructor"), max_length=200, blank=True, validators=[validate_no_markup]
    )
    attendees = models.ManyToManyField(
        Enterprise, verbose_name=_("enterprises attending"), related_name="sessions", blank=True
    )

    class Meta:
        verbose_name = _("mentoring session")
        verbose_name_plural = _("mentoring sessions")
        ordering = ["programme", "held_on", "pk"]

    def __str__(self):
        return f"{self.held_on} {self.topic}"
