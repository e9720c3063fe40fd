from django.db import models
from django.utils.translation import gettext_lazy as _

# What a track (and a document type) is about. The agreement lifecycle is this app's; other
# apps seed tracks of their own subject (a procedure per object of theirs) and run them through
# ``partnerships.procedure``. A slug, not a choice: the platform knows no other subject.
AGREEMENT = "agreement"


class PartnershipKind(models.TextChoices):
    SISTER_CITY = "sister_city", _("sister regency / city")
    SISTER_PROVINCE = "sister_province", _("sister province / prefecture")
    FRIENDSHIP = "friendship", _("friendship")
    THEMATIC = "thematic", _("thematic cooperation")


class RequirementKind(models.TextChoices):
    DOCUMENT = "document", _("document")
    APPROVAL = "approval", _("approval")
    MIN_PILLARS = "min_pillars", _("fields of exchange")


class TransitionDirection(models.TextChoices):
    START = "start", _("started")
    ADVANCE = "advance", _("advanced")
    SEND_BACK = "send_back", _("sent back")


class DocumentLanguage(models.TextChoices):
    INDONESIAN = "id", _("Bahasa Indonesia")
    JAPANESE = "ja", _("Japanese")
    ENGLISH = "en", _("English")
    MULTILINGUAL = "multi", _("several languages")


class DeadlineKind(models.TextChoices):
    TERM_END = "term_end", _("end of term")
    RENEWAL = "renewal", _("renewal decision")
    REPORT = "report", _("report due")
    OTHER = "other", _("other")
