"""Code lists. Where IATI 2.03 has one, the value is IATI's code so exports map one to one."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ActivityStatus(models.TextChoices):
    """IATI ActivityStatus codelist."""

    PIPELINE = "1", _("pipeline / identification")
    IMPLEMENTATION = "2", _("implementation")
    FINALISATION = "3", _("finalisation")
    CLOSED = "4", _("closed")
    CANCELLED = "5", _("cancelled")
    SUSPENDED = "6", _("suspended")


class OrganisationRole(models.TextChoices):
    """IATI OrganisationRole codelist."""

    FUNDING = "1", _("funding")
    ACCOUNTABLE = "2", _("accountable")
    EXTENDING = "3", _("extending")
    IMPLEMENTING = "4", _("implementing")


class ResultType(models.TextChoices):
    """IATI ResultType codelist."""

    OUTPUT = "1", _("output")
    OUTCOME = "2", _("outcome")
    IMPACT = "3", _("impact")


class IndicatorMeasure(models.TextChoices):
    """IATI IndicatorMeasure codelist (the subset we use)."""

    UNIT = "1", _("unit")
    PERCENTAGE = "2", _("percentage")
    QUALITATIVE = "5", _("qualitative")


class UpdateStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    RETURNED = "returned", _("returned with comment")
    APPROVED = "approved", _("approved")


class ResultStatus(models.TextChoices):
    """Decidim-style statuses; each carries the progress a result shows when it has no
    quantitative indicator to compute from."""

    NOT_STARTED = "not_started", _("not started")
    IN_PROGRESS = "in_progress", _("in progress")
    COMPLETED = "completed", _("completed")


RESULT_STATUS_PROGRESS = {
    ResultStatus.NOT_STARTED: 0,
    ResultStatus.IN_PROGRESS: 50,
    ResultStatus.COMPLETED: 100,
}


class FundingSource(models.TextChoices):
    APBD = "apbd", _("regional budget (APBD)")
    APBN = "apbn", _("national budget (APBN)")
    JP_MUNICIPAL = "jp_municipal", _("Japanese municipal budget")
    JICA = "jica", _("JICA")
    MOEJ_C2C = "moej_c2c", _("Japan Ministry of the Environment city-to-city programme")
    PRIVATE = "private", _("private")
    IN_KIND = "in_kind", _("in-kind grant")


class Side(models.TextChoices):
    INDONESIA = "ID", _("Indonesian side")
    JAPAN = "JP", _("Japanese side")


class Currency(models.TextChoices):
    IDR = "IDR", "IDR"
    JPY = "JPY", "JPY"
    USD = "USD", "USD"


class TransactionType(models.TextChoices):
    """IATI TransactionType codes for what we record."""

    COMMITMENT = "2", _("commitment")
    DISBURSEMENT = "3", _("disbursement")


class MeetingKind(models.TextChoices):
    MEETING = "meeting", _("meeting")
    VISIT = "visit", _("delegation visit")
    ONLINE = "online", _("online meeting")


class ActionItemStatus(models.TextChoices):
    OPEN = "open", _("open")
    DONE = "done", _("done")
    DROPPED = "dropped", _("dropped")


class Disaggregation(models.TextChoices):
    SEX = "sex", _("sex")
    AGE = "age", _("age group")
    KECAMATAN = "kecamatan", _("kecamatan")
