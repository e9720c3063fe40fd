from django.db import models
from django.utils.translation import gettext_lazy as _


class CallType(models.TextChoices):
    STUDENT_EXCHANGE = "student_exchange", _("student exchange")
    INTERNSHIP = "internship", _("internship")
    TRAINING_PLACE = "training_place", _("training place")
    STUDY_TOUR = "study_tour", _("study tour")


class Direction(models.TextChoices):
    ID_TO_JP = "id_jp", _("Indonesia → Japan")
    JP_TO_ID = "jp_id", _("Japan → Indonesia")


class FieldOfStudy(models.TextChoices):
    ENGINEERING = "engineering", _("engineering")
    ENVIRONMENT = "environment", _("environment and waste")
    AGRICULTURE = "agriculture", _("agriculture")
    HEALTH = "health", _("health and care")
    BUSINESS = "business", _("business and MSMEs")
    INFORMATION = "it", _("information technology")
    EDUCATION = "education", _("education")
    TOURISM = "tourism", _("tourism and hospitality")
    PUBLIC_SERVICE = "public_service", _("public administration and safety")
    OTHER = "other", _("other")


class LanguageLevel(models.TextChoices):
    """Japanese-Language Proficiency Test levels, N1 the highest; "none" ranks lowest."""

    NONE = "none", _("no certificate")
    N5 = "N5", "JLPT N5"
    N4 = "N4", "JLPT N4"
    N3 = "N3", "JLPT N3"
    N2 = "N2", "JLPT N2"
    N1 = "N1", "JLPT N1"


LANGUAGE_ORDER = ["none", "N5", "N4", "N3", "N2", "N1"]


class Gender(models.TextChoices):
    FEMALE = "female", _("female")
    MALE = "male", _("male")
    UNSPECIFIED = "unspecified", _("prefer not to say")


class Status(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    UNDER_REVIEW = "under_review", _("under review")
    SHORTLISTED = "shortlisted", _("shortlisted")
    WAITLISTED = "waitlisted", _("waitlisted")
    REJECTED = "rejected", _("not selected")
    OFFERED = "offered", _("offered a place")
    ACCEPTED = "accepted", _("offer accepted")
    DECLINED = "declined", _("offer declined")
    PRE_DEPARTURE = "pre_departure", _("preparing to depart")
    TRAVELLING = "travelling", _("travelling")
    COMPLETED = "completed", _("completed")
    ALUMNI = "alumni", _("alumni")
    WITHDRAWN = "withdrawn", _("withdrawn")


# Which status may follow which; services refuse anything else.
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.DRAFT: frozenset({Status.SUBMITTED, Status.WITHDRAWN}),
    Status.SUBMITTED: frozenset(
        {Status.UNDER_REVIEW, Status.SHORTLISTED, Status.REJECTED, Status.WITHDRAWN}
    ),
    Status.UNDER_REVIEW: frozenset(
        {Status.SHORTLISTED, Status.WAITLISTED, Status.REJECTED, Status.WITHDRAWN}
    ),
    Status.SHORTLISTED: frozenset(
        {Status.OFFERED, Status.WAITLISTED, Status.REJECTED, Status.WITHDRAWN}
    ),
    Status.WAITLISTED: frozenset(
        {Status.OFFERED, Status.SHORTLISTED, Status.REJECTED, Status.WITHDRAWN}
    ),
    Status.REJECTED: frozenset(),
    Status.OFFERED: frozenset({Status.ACCEPTED, Status.DECLINED, Status.WITHDRAWN}),
    Status.ACCEPTED: frozenset({Status.PRE_DEPARTURE, Status.WITHDRAWN}),
    Status.DECLINED: frozenset(),
    Status.PRE_DEPARTURE: frozenset({Status.TRAVELLING, Status.WITHDRAWN}),
    Status.TRAVELLING: frozenset({Status.COMPLETED}),
    Status.COMPLETED: frozenset({Status.ALUMNI}),
    Status.ALUMNI: frozenset(),
    Status.WITHDRAWN: frozenset(),
}

# The statuses the secretariat sets by hand on the panel page.
PANEL_DECISIONS = (Status.UNDER_REVIEW, Status.SHORTLISTED, Status.WAITLISTED, Status.REJECTED)
# Who is in the allocation: the applicants the panel found acceptable.
ALLOCATION_POOL = (Status.SHORTLISTED, Status.WAITLISTED)
# Where an application's story ends: nothing more is decided, so once the retention period has
# passed its personal data may go (``services.applications_erase_due``).
SETTLED = (
    Status.DRAFT,
    Status.REJECTED,
    Status.DECLINED,
    Status.COMPLETED,
    Status.ALUMNI,
    Status.WITHDRAWN,
)
WITHDRAWABLE = (
    Status.DRAFT,
    Status.SUBMITTED,
    Status.UNDER_REVIEW,
    Status.SHORTLISTED,
    Status.WAITLISTED,
    Status.OFFERED,
    Status.ACCEPTED,
    Status.PRE_DEPARTURE,
)


class HostKind(models.TextChoices):
    COMPANY = "company", _("company")
    PUBLIC_SERVICE = "public_service", _("public service")
    SCHOOL = "school", _("school or university")
    OTHER = "other", _("other host")


class RankingSource(models.TextChoices):
    PANEL = "panel", _("the panel's ranking")
    HOST = "host", _("the host's own ranking")


class OfferStatus(models.TextChoices):
    OPEN = "open", _("waiting for an answer")
    ACCEPTED = "accepted", _("accepted")
    DECLINED = "declined", _("declined")
    EXPIRED = "expired", _("expired")
    WITHDRAWN = "withdrawn", _("withdrawn")


class RunMode(models.TextChoices):
    STABLE = "stable", _("stable matching (deferred acceptance)")
    CONSTRAINED = "constrained", _("with side constraints (MILP)")


class VisaType(models.TextChoices):
    # Japan
    JP_TEMPORARY_VISITOR = "jp_temporary_visitor", _("Japan: temporary visitor (短期滞在)")
    JP_STUDENT = "jp_student", _("Japan: student (留学)")
    JP_DESIGNATED_INTERNSHIP = (
        "jp_designated_internship",
        _("Japan: designated activities, internship (特定活動)"),
    )
    JP_TRAINEE = "jp_trainee", _("Japan: trainee (研修)")
    # Indonesia
    ID_VISIT = "id_visit", _("Indonesia: visit visa (C)")
    ID_STUDENT = "id_student", _("Indonesia: student stay permit (KITAS pelajar)")
    ID_INTERNSHIP = "id_internship", _("Indonesia: internship / training visa")


# The visa types that fit each programme, by direction and call type.
FITTING_VISAS: dict[tuple[str, str], tuple[str, ...]] = {
    (Direction.ID_TO_JP, CallType.STUDENT_EXCHANGE): (
        VisaType.JP_STUDENT,
        VisaType.JP_TEMPORARY_VISITOR,
    ),
    (Direction.ID_TO_JP, CallType.INTERNSHIP): (VisaType.JP_DESIGNATED_INTERNSHIP,),
    (Direction.ID_TO_JP, CallType.TRAINING_PLACE): (VisaType.JP_TRAINEE,),
    (Direction.ID_TO_JP, CallType.STUDY_TOUR): (VisaType.JP_TEMPORARY_VISITOR,),
    (Direction.JP_TO_ID, CallType.STUDENT_EXCHANGE): (VisaType.ID_STUDENT, VisaType.ID_VISIT),
    (Direction.JP_TO_ID, CallType.INTERNSHIP): (VisaType.ID_INTERNSHIP,),
    (Direction.JP_TO_ID, CallType.TRAINING_PLACE): (VisaType.ID_INTERNSHIP,),
    (Direction.JP_TO_ID, CallType.STUDY_TOUR): (VisaType.ID_VISIT,),
}


class EvidenceKind(models.TextChoices):
    PASSPORT = "passport", _("passport")
    VISA = "visa", _("visa")
    INSURANCE = "insurance", _("insurance")
    ORIENTATION = "orientation", _("orientation")
    TICKET = "ticket", _("travel ticket")
