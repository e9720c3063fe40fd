"""Implementation made visible: clause → action-plan item → programme → activities, results →
indicators → periods → updates (approved before they count), budgets, meetings and action
items. The shape follows IATI 2.03 and Akvo RSR so exports map one to one."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sistercity.core.models import (
    PartnershipScoped,
    TimeStampedModel,
    TranslatablePartnershipScoped,
    TranslatedContent,
)
from sistercity.core.validators import validate_no_markup
from sistercity.programs import choices as c
from sistercity.programs import feeds


class Clause(TranslatablePartnershipScoped, TimeStampedModel):
    """An article of the agreement (MoU) that programmes implement."""

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="clauses",
    )
    document = models.ForeignKey(
        "partnerships.Document",
        verbose_name=_("document"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    number = models.CharField(_("number"), max_length=20, validators=[validate_no_markup])
    pillar = models.ForeignKey(
        "core.Pillar",
        verbose_name=_("pillar"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    translations = TranslatedContent(
        text=models.TextField(_("text"), validators=[validate_no_markup]),
    )

    class Meta:
        verbose_name = _("agreement clause")
        verbose_name_plural = _("agreement clauses")
        ordering = ["partnership", "number"]

    def __str__(self):
        return self.number


class ActionPlanItem(TranslatablePartnershipScoped, TimeStampedModel):
    """A line of the joint plan of action, implementing a clause."""

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="action_plan_items",
    )
    clause = models.ForeignKey(
        Clause,
        verbose_name=_("clause"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plan_items",
    )
    code = models.SlugField(_("code"))
    translations = TranslatedContent(
        title=models.CharField(_("title"), max_length=300, validators=[validate_no_markup]),
    )

    class Meta:
        verbose_name = _("action-plan item")
        verbose_name_plural = _("action-plan items")
        ordering = ["partnership", "code"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "code"], name="unique_plan_item")
        ]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or self.code


class Programme(TranslatablePartnershipScoped, TimeStampedModel):
    """A programme of one pillar (e.g. the waste-sorting pilot), led by an agency on each side.
    Exported to IATI as a hierarchy-1 activity."""

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="programmes",
    )
    pillar = models.ForeignKey(
        "core.Pillar",
        verbose_name=_("pillar"),
        on_delete=models.PROTECT,
        related_name="programmes",
    )
    code = models.SlugField(_("code"), help_text=_("Unique within the partnership."))
    plan_items = models.ManyToManyField(
        ActionPlanItem,
        verbose_name=_("action-plan items"),
        blank=True,
        related_name="programmes",
    )
    lead_agencies = models.ManyToManyField(
        "accounts.Organisation",
        verbose_name=_("lead agencies"),
        blank=True,
        related_name="led_programmes",
    )
    status = models.CharField(
        _("status"),
        max_length=1,
        choices=c.ActivityStatus.choices,
        default=c.ActivityStatus.IMPLEMENTATION,
    )
    weight = models.DecimalField(
        _("weight"),
        max_digits=6,
        decimal_places=2,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal(0))],
    )
    is_public = models.BooleanField(_("public"), default=False)
    is_sample = models.BooleanField(_("sample data"), default=False)
    translations = TranslatedContent(
        title=models.CharField(_("title"), max_length=300, validators=[validate_no_markup]),
        description=models.TextField(_("description"), blank=True, validators=[validate_no_markup]),
    )

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["partnership", "pillar__position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "code"], name="unique_programme")
        ]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or self.code

    @property
    def iati_identifier(self) -> str:
        return f"{settings.IATI_REPORTING_ORG}-{self.partnership.slug}-{self.code}"


class Activity(TranslatablePartnershipScoped, TimeStampedModel):
    """An activity of a programme (a training, a delivery, a pilot), with IATI semantics."""

    partnership_path = "programme__partnership"

    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="activities",
    )
    code = models.SlugField(_("code"))
    status = models.CharField(
        _("status"),
        max_length=1,
        choices=c.ActivityStatus.choices,
        default=c.ActivityStatus.PIPELINE,
    )
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    actual_end = models.DateField(_("actual end"), null=True, blank=True)
    sector_code = models.CharField(
        _("OECD-DAC sector code"),
        max_length=5,
        blank=True,
        help_text=_("Empty: the pillar's code."),
    )
    is_public = models.BooleanField(_("public"), default=False)
    translations = TranslatedContent(
        title=models.CharField(_("title"), max_length=300, validators=[validate_no_markup]),
        description=models.TextField(_("description"), blank=True, validators=[validate_no_markup]),
    )

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["programme", "code"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "code"], name="unique_activity")
        ]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or self.code

    @property
    def sector(self) -> str:
        return self.sector_code or self.programme.pillar.dac_sector_code


class ParticipatingOrganisation(models.Model):
    """An organisation's role in an activity (funding, accountable, extending, implementing)."""

    activity = models.ForeignKey(
        Activity,
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        related_name="participants",
    )
    organisation = models.ForeignKey(
        "accounts.Organisation", verbose_name=_("organisation"), on_delete=models.PROTECT
    )
    role = models.CharField(_("role"), max_length=1, choices=c.OrganisationRole.choices)

    class Meta:
        verbose_name = _("participating organisation")
        verbose_name_plural = _("participating organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "organisation", "role"], name="unique_participation"
            )
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()})"


class Location(models.Model):
    """Where an activity happens: a kecamatan or desa in Batang, a district in Toyama."""

    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, related_name="locations"
    )
    name = models.CharField(_("name"), max_length=200, validators=[validate_no_markup])
    admin_level = models.CharField(
        _("administrative level"),
        max_length=40,
        blank=True,
        validators=[validate_no_markup],
        help_text=_("e.g. kecamatan, desa, district"),
    )
    latitude = models.DecimalField(_("latitude"), max_digits=9, decimal_places=6, null=True)
    longitude = models.DecimalField(_("longitude"), max_digits=9, decimal_places=6, null=True)

    class Meta:
        verbose_name = _("location")
        verbose_name_plural = _("locations")

    def __str__(self):
        return self.name


class Result(TranslatablePartnershipScoped, TimeStampedModel):
    """An intended result of a programme (output, outcome, impact). Its progress is the weighted
    progress of its indicators, or its status's default percentage when it has none."""

    partnership_path = "programme__partnership"

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="results"
    )
    activity = models.ForeignKey(
        Activity,
        verbose_name=_("activity"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="results",
    )
    result_type = models.CharField(_("type"), max_length=1, choices=c.ResultType.choices)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=c.ResultStatus.choices,
        default=c.ResultStatus.NOT_STARTED,
    )
    weight = models.DecimalField(
        _("weight"),
        max_digits=6,
        decimal_places=2,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal(0))],
    )
    translations = TranslatedContent(
        title=models.CharField(_("title"), max_length=300, validators=[validate_no_markup]),
    )

    class Meta:
        verbose_name = _("result")
        verbose_name_plural = _("results")
        ordering = ["programme", "pk"]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or str(self.pk)


class Indicator(TranslatablePartnershipScoped, TimeStampedModel):
    """A measure of a result: quantitative (unit or percentage, ascending or descending) or
    qualitative, with a baseline."""

    partnership_path = "result__programme__partnership"

    result = models.ForeignKey(
        Result, verbose_name=_("result"), on_delete=models.CASCADE, related_name="indicators"
    )
    code = models.SlugField(_("code"), help_text=_("Stable identifier, unique in the partnership."))
    measure = models.CharField(_("measure"), max_length=1, choices=c.IndicatorMeasure.choices)
    ascending = models.BooleanField(
        _("ascending"), default=True, help_text=_("Higher values are better.")
    )
    unit = models.CharField(_("unit"), max_length=40, blank=True, validators=[validate_no_markup])
    cumulative = models.BooleanField(
        _("cumulative"),
        default=True,
        help_text=_(
            "Values add up across periods (people trained); otherwise each value is a level "
            "(tonnes per day, a percentage) and the latest counts."
        ),
    )
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    baseline_value = models.DecimalField(
        _("baseline value"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    weight = models.DecimalField(
        _("weight"),
        max_digits=6,
        decimal_places=2,
        default=Decimal(1),
        validators=[MinValueValidator(Decimal(0))],
    )
    feed = models.CharField(
        _("counted from"),
        max_length=40,
        # The sector apps' feeds (``core.registry``), read when asked: a sector registers its
        # feeds at start-up and programs names none of them.
        choices=feeds.feed_choices,
        blank=True,
        default="",
    )
    disaggregations = models.JSONField(
        _("disaggregations"),
        default=list,
        blank=True,
        help_text=_("Dimensions reported with each value: sex, age, kecamatan."),
    )
    translations = TranslatedContent(
        title=models.CharField(_("title"), max_length=300, validators=[validate_no_markup]),
    )

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["result", "code"]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or self.code

    @property
    def is_quantitative(self) -> bool:
        return self.measure != c.IndicatorMeasure.QUALITATIVE


class Period(PartnershipScoped, TimeStampedModel):
    """A reporting period of an indicator with its target; its actual is the sum of approved
    updates (for a percentage, the latest approved value). A locked period takes no updates."""

    partnership_path = "indicator__result__programme__partnership"

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="periods"
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    target_value = models.DecimalField(
        _("target"), max_digits=18, decimal_places=4, null=True, blank=True
    )
    target_comment = models.CharField(
        _("target comment"), max_length=300, blank=True, validators=[validate_no_markup]
    )
    is_locked = models.BooleanField(_("locked"), default=False)

    class Meta:
        verbose_name = _("period")
        verbose_name_plural = _("periods")
        ordering = ["indicator", "start"]

    def __str__(self):
        return f"{self.start} – {self.end}"


class IndicatorUpdate(PartnershipScoped, TimeStampedModel):
    """A reported value for a period. Draft → submitted → returned with comment → approved;
    only approved values count, and the approver is never the author."""

    partnership_path = "period__indicator__result__programme__partnership"

    period = models.ForeignKey(
        Period, verbose_name=_("period"), on_delete=models.CASCADE, related_name="updates"
    )
    value = models.DecimalField(_("value"), max_digits=18, decimal_places=4, null=True, blank=True)
    narrative = models.TextField(_("narrative"), blank=True, validators=[validate_no_markup])
    disaggregation = models.JSONField(_("disaggregated values"), default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=c.UpdateStatus.choices, default=c.UpdateStatus.DRAFT
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    review_comment = models.TextField(
        _("review comment"), blank=True, validators=[validate_no_markup]
    )

    class Meta:
        verbose_name = _("indicator update")
        verbose_name_plural = _("indicator updates")
        ordering = ["period", "created_at"]

    def __str__(self):
        return f"{self.period.indicator} · {self.value if self.value is not None else '…'}"


class ExchangeRate(models.Model):
    """How many IDR one unit of a currency was worth on a date (for conversions in reports)."""

    currency = models.CharField(_("currency"), max_length=3, choices=c.Currency.choices)
    on = models.DateField(_("date"))
    idr_per_unit = models.DecimalField(
        _("IDR per unit"),
        max_digits=18,
        decimal_places=6,
        validators=[MinValueValidator(Decimal("0.000001"))],
    )
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("exchange rate")
        verbose_name_plural = _("exchange rates")
        ordering = ["currency", "-on"]
        constraints = [models.UniqueConstraint(fields=["currency", "on"], name="unique_rate")]

    def __str__(self):
        return f"{self.currency} {self.on}: {self.idr_per_unit} IDR"


class ProgrammeMoney(PartnershipScoped, TimeStampedModel):
    """What a budget line and a transaction share: an amount in a currency, for a programme
    (optionally one of its activities), from a funding source on one side."""

    partnership_path = "programme__partnership"

    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.SET_NULL, null=True, blank=True
    )
    source = models.CharField(_("funding source"), max_length=20, choices=c.FundingSource.choices)
    side = models.CharField(_("side"), max_length=2, choices=c.Side.choices)
    amount = models.DecimalField(
        _("amount"), max_digits=18, decimal_places=2, validators=[MinValueValidator(Decimal(0))]
    )
    currency = models.CharField(_("currency"), max_length=3, choices=c.Currency.choices)
    note = models.CharField(_("note"), max_length=300, blank=True, validators=[validate_no_markup])

    class Meta:
        abstract = True


class BudgetLine(ProgrammeMoney):
    """Money planned for a programme (or one of its activities), by funding source and side."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="budget"
    )
    year = models.PositiveSmallIntegerField(_("year"))

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["programme", "year"]

    def __str__(self):
        return f"{self.get_source_display()} {self.year}: {self.amount} {self.currency}"


class Transaction(ProgrammeMoney):
    """A commitment or disbursement against a programme's budget."""

    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="transactions",
    )
    kind = models.CharField(_("type"), max_length=1, choices=c.TransactionType.choices)
    on = models.DateField(_("date"))

    class Meta:
        verbose_name = _("transaction")
        verbose_name_plural = _("transactions")
        ordering = ["programme", "on"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.on}: {self.amount} {self.currency}"


class Meeting(TranslatablePartnershipScoped, TimeStampedModel):
    """A meeting or delegation visit of the partnership, with minutes and decisions. A joint
    meeting (both sides present) counts as joint activity for the partnership's health."""

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        related_name="meetings",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=c.MeetingKind.choices)
    held_on = models.DateField(_("date"))
    place = models.CharField(
        _("place"), max_length=200, blank=True, validators=[validate_no_markup]
    )
    is_joint = models.BooleanField(_("both sides took part"), default=True)
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("participants"), blank=True, related_name="+"
    )
    other_participants = models.TextField(
        _("other participants"), blank=True, validators=[validate_no_markup]
    )
    translations = TranslatedContent(
        title=models.CharField(_("title"), max_length=300, validators=[validate_no_markup]),
        minutes=models.TextField(_("minutes"), blank=True, validators=[validate_no_markup]),
        decisions=models.TextField(_("decisions"), blank=True, validators=[validate_no_markup]),
    )

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-held_on"]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or str(self.held_on)


class ActionItem(PartnershipScoped, TimeStampedModel):
    """Something a meeting decided someone will do by a date."""

    partnership_path = "meeting__partnership"

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="action_items"
    )
    description = models.CharField(
        _("description"), max_length=300, validators=[validate_no_markup]
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=c.ActionItemStatus.choices,
        default=c.ActionItemStatus.OPEN,
    )

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["due_on"]

    def __str__(self):
        return self.description

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.status == c.ActionItemStatus.OPEN and self.due_on < today
