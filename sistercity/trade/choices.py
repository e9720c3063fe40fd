"""Choices of the trade app (the rules themselves are data: ``rules_data``, ``ExportRule``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SizeClass(models.TextChoices):
    MICRO = "micro", _("micro")
    SMALL = "small", _("small")
    MEDIUM = "medium", _("medium")
    LARGE = "large", _("large (not an MSME)")


class PermitKind(models.TextChoices):
    PIRT = "pirt", _("P-IRT (home-industry food permit)")
    BPOM_MD = "bpom_md", _("BPOM MD")
    BPOM_ML = "bpom_ml", _("BPOM ML")
    HALAL = "halal", _("halal certificate (BPJPH)")
    SNI = "sni", _("SNI")
    HACCP = "haccp", _("HACCP")
    JAS_ORGANIC = "jas_organic", _("organic JAS")
    EXPORT_REGISTRATION = "export_registration", _("export registration")
    OTHER = "other", _("other")


class HalalScheme(models.TextChoices):
    NONE = "", _("—")
    REGULAR = "regular", _("regular")
    SELF_DECLARE = "self_declare", _("self-declare")


class LabParameter(models.TextChoices):
    AFLATOXIN = "aflatoxin", _("aflatoxin")
    CYANIDE = "cyanide", _("cyanide (HCN)")
    PESTICIDE_RESIDUES = "pesticide_residues", _("pesticide residues")
    MICROBIOLOGY = "microbiology", _("microbiology")
    HISTAMINE = "histamine", _("histamine")
    OTHER = "other", _("other")


class RuleCondition(models.TextChoices):
    ALWAYS = "always", _("always")
    ORGANIC = "organic", _("only for an organic claim")
    HALAL = "halal", _("only when a buyer asks for halal")


class RuleEvidence(models.TextChoices):
    IMPORTER = "importer", _("an importer of record named")
    NOTIFICATION = "notification", _("importer named and full ingredient list")
    LAB_REPORT = "lab_report", _("a recent lab report")
    PERMIT = "permit", _("a valid permit or certificate")
    LABEL = "label", _("complete Japanese label data")
    ORIGIN = "origin", _("the IJEPA origin criterion met")


class Stage(models.TextChoices):
    INQUIRY = "inquiry", _("inquiry")
    SAMPLE_SENT = "sample_sent", _("sample sent")
    NEGOTIATION = "negotiation", _("negotiation")
    FIRST_ORDER = "first_order", _("first order")
    REPEAT_ORDER = "repeat_order", _("repeat order")
    LOST = "lost", _("lost")


# The stages a lead may move to from each stage (lost is reachable from every open stage).
NEXT_STAGES: dict[str, tuple[str, ...]] = {
    Stage.INQUIRY: (Stage.SAMPLE_SENT, Stage.NEGOTIATION, Stage.LOST),
    Stage.SAMPLE_SENT: (Stage.NEGOTIATION, Stage.FIRST_ORDER, Stage.LOST),
    Stage.NEGOTIATION: (Stage.FIRST_ORDER, Stage.LOST),
    Stage.FIRST_ORDER: (Stage.REPEAT_ORDER,),
    Stage.REPEAT_ORDER: (Stage.REPEAT_ORDER,),
    Stage.LOST: (),
}


class OrderKind(models.TextChoices):
    FIRST = "first", _("first order")
    REPEAT = "repeat", _("repeat order")


class MessageLanguage(models.TextChoices):
    INDONESIAN = "id", _("Indonesian")
    JAPANESE = "ja", _("Japanese")
    ENGLISH = "en", _("English")
