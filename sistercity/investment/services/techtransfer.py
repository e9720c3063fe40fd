"""Writes for technology-transfer projects: the project (created and changed), its milestones,
trainees, outputs and documents."""

import datetime as dt
from decimal import Decimal
from typing import Any

from auditlog.context import set_actor
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sistercity.core.errors import SisterCityError, full_clean
from sistercity.investment import choices as c
from sistercity.investment.models import (
    Milestone,
    TechDocument,
    TechOutput,
    TechTransferProject,
    Trainee,
)
from sistercity.investment.services.common import (
    check_code,
    check_dates,
    check_same_partnership,
    require_pipeline,
    set_fields,
    set_texts,
    split_changes,
    store_document,
)


def techproject_create(
    *,
    actor: Any,
    partnership: Any,
    code: str,
    title: str,
    partner: Any,
    starts_on: dt.date,
    ends_on: dt.date | None = None,
    technology: str = "",
    objectives: str = "",
    equipment: str = "",
    outcomes: str = "",
    lead: Any = None,
    programme: Any = None,
    indicator: Any = None,
    status: str = c.TechTransferStatus.PLANNED,
    language: str | None = None,
    is_sample: bool = False,
) -> TechTransferProject:
    """A technology-transfer project: partner, technology, objectives, equipment, outcomes,
    and the programme and indicator it serves."""
    require_pipeline(actor, partnership)
    check_code(TechTransferProject, partnership, code)
    project = TechTransferProject(partnership=partnership, code=code, is_sample=is_sample)
    return _project_save(
        actor,
        project,
        fields={
            "partner": partner,
            "lead": lead,
            "programme": programme,
            "indicator": indicator,
            "status": status,
            "starts_on": starts_on,
            "ends_on": ends_on,
        },
        texts={
            "title": title,
            "technology": technology,
            "objectives": objectives,
            "equipment": equipment,
            "outcomes": outcomes,
        },
        language=language,
    )


PROJECT_FIELDS = ("partner", "lead", "programme", "indicator", "status", "starts_on", "ends_on")
PROJECT_TEXTS = ("title", "technology", "objectives", "equipment", "outcomes")


def techproject_update(
    *, actor: Any, project: TechTransferProject, language: str | None = None, **changes: Any
) -> TechTransferProject:
    """Change a project's facts (``PROJECT_FIELDS``) and texts (``PROJECT_TEXTS``, in
    ``language``), e.g. write its outcomes; what is not given stays as it is."""
    require_pipeline(actor, project)
    fields, texts = split_changes(project, changes, PROJECT_FIELDS, PROJECT_TEXTS)
    return _project_save(actor, project, fields=fields, texts=texts, language=language)


def _project_save(
    actor: Any,
    project: TechTransferProject,
    *,
    fields: dict[str, Any],
    texts: dict[str, Any],
    language: str | None,
) -> TechTransferProject:
    programme, indicator = fields["programme"], fields["indicator"]
    check_same_partnership(project.partnership, fields["lead"], programme, indicator)
    if indicator is not None and programme is not None:
        if indicator.result.programme_id != programme.pk:
            raise SisterCityError(
                _("“{indicator}” is not an indicator of “{programme}”.").format(
                    indicator=indicator, programme=programme
                ),
                code="indicator",
                field="indicator",
            )
    if fields["status"] not in c.TechTransferStatus.values:
        raise SisterCityError(_("Unknown project status."), code="status", field="status")
    check_dates(fields["starts_on"], fields["ends_on"], _("A project cannot end before it starts."))
    with transaction.atomic(), set_actor(actor):
        set_fields(project, fields)
        set_texts(project, language, **texts)
        full_clean(project)
        project.save()
    return project


def milestone_add(
    *,
    actor: Any,
    project: TechTransferProject,
    title: str,
    due_on: dt.date,
    language: str | None = None,
) -> Milestone:
    require_pipeline(actor, project)
    with transaction.atomic(), set_actor(actor):
        milestone = Milestone(project=project, due_on=due_on)
        set_texts(milestone, language, title=title)
        full_clean(milestone)
        milestone.save()
    return milestone


def milestone_done(
    *, actor: Any, milestone: Milestone, done_on: dt.date | None = None
) -> Milestone:
    require_pipeline(actor, milestone)
    done_on = done_on or timezone.localdate()
    if done_on > timezone.localdate():
        raise SisterCityError(_("A milestone cannot be done in the future."), code="done_future")
    with transaction.atomic(), set_actor(actor):
        milestone.done_on = done_on
        milestone.save(update_fields=["done_on"])
    return milestone


def trainee_add(
    *,
    actor: Any,
    project: TechTransferProject,
    full_name: str,
    organisation: Any,
    trained_from: dt.date,
    trained_until: dt.date,
    gender: str = "unspecified",
    subject: str = "",
) -> Trainee:
    require_pipeline(actor, project)
    check_dates(trained_from, trained_until, _("A training cannot end before it starts."))
    with transaction.atomic(), set_actor(actor):
        trainee = Trainee(
            project=project,
            full_name=full_name,
            organisation=organisation,
            trained_from=trained_from,
            trained_until=trained_until,
            gender=gender,
            subject=subject,
        )
        full_clean(trainee)
        trainee.save()
    return trainee


def output_record(
    *,
    actor: Any,
    project: TechTransferProject,
    name: str,
    value: Decimal,
    unit: str,
    measured_on: dt.date,
    language: str | None = None,
) -> TechOutput:
    require_pipeline(actor, project)
    if value < 0:
        raise SisterCityError(_("A measured value cannot be negative."), code="negative")
    if unit.strip() == "%" and value > 100:
        raise SisterCityError(_("A percentage cannot exceed 100."), code="percentage")
    if measured_on > timezone.localdate():
        raise SisterCityError(
            _("A value cannot be measured in the future."), code="measured_future"
        )
    with transaction.atomic(), set_actor(actor):
        output = TechOutput(project=project, value=value, unit=unit, measured_on=measured_on)
        set_texts(output, language, name=name)
        full_clean(output)
        output.save()
    return output


def techdocument_attach(
    *, actor: Any, project: TechTransferProject, title: str, file: Any
) -> TechDocument:
    """A project document, judged by its content (PDF, DOCX, XLSX, PNG, JPEG), not its name."""
    require_pipeline(actor, project)
    document = TechDocument(project=project, title=title)
    return store_document(actor=actor, document=document, file=file)
