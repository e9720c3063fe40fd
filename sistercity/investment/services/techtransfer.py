"""Writes for technology-transfer projects: the project, its milestones, trainees and outputs."""

import datetime as dt
from decimal import Decimal
from typing import Any

from auditlog.context import set_actor
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sistercity.core.errors import SisterCityError, full_clean
from sistercity.core.files import inspect_upload, removing_files_on_failure
from sistercity.investment.models import (
    Milestone,
    TechDocument,
    TechOutput,
    TechTransferProject,
    Trainee,
)
from sistercity.investment.services.common import (
    check_same_partnership,
    content_language,
    require_pipeline,
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
    lead: Any = None,
    programme: Any = None,
    indicator: Any = None,
    status: str = "planned",
    language: str | None = None,
    is_sample: bool = False,
) -> TechTransferProject:
    require_pipeline(actor, partnership)
    check_same_partnership(partnership, lead, programme, indicator)
    if indicator is not None and programme is not None:
        if indicator.result.programme_id != programme.pk:
            raise SisterCityError(
                _("“{indicator}” is not an indicator of “{programme}”.").format(
                    indicator=indicator, programme=programme
                ),
                code="indicator",
            )
    if ends_on is not None and ends_on < starts_on:
        raise SisterCityError(_("A project cannot end before it starts."), code="dates")
    if TechTransferProject.objects.filter(partnership=partnership, code=code).exists():
        raise SisterCityError(
            _("The short name “{code}” is already used here.").format(code=code),
            code="duplicate",
        )
    with transaction.atomic(), set_actor(actor):
        project = TechTransferProject(
            partnership=partnership,
            code=code,
            partner=partner,
            lead=lead,
            programme=programme,
            indicator=indicator,
            status=status,
            starts_on=starts_on,
            ends_on=ends_on,
            is_sample=is_sample,
        )
        project.set_current_language(content_language(language))
        project.title = title
        project.technology = technology
        project.objectives = objectives
        project.equipment = equipment
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
        milestone.set_current_language(content_language(language))
        milestone.title = title
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
    if trained_until < trained_from:
        raise SisterCityError(_("A training cannot end before it starts."), code="dates")
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
        output.set_current_language(content_language(language))
        output.name = name
        full_clean(output)
        output.save()
    return output


def techdocument_attach(
    *, actor: Any, project: TechTransferProject, title: str, file: Any
) -> TechDocument:
    """A project document, judged by its content (PDF, DOCX, XLSX, PNG, JPEG), not its name."""
    require_pipeline(actor, project)
    inspected = inspect_upload(file)
    with removing_files_on_failure() as written, transaction.atomic(), set_actor(actor):
        document = TechDocument(
            project=project,
            title=title,
            original_name=inspected.name,
            content_type=inspected.content_type,
            size=inspected.size,
            sha256=inspected.sha256,
            uploaded_by=actor,
        )
        document.file.save(inspected.name, file, save=False)
        written.append(document.file.name)
        full_clean(document)
        document.save()
    return document
