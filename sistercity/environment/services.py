"""Writes for waste data and scenarios.

Who may change what: anyone who sees the partnership sees its waste data and scenarios; the
partnership's secretariat and partner officers change them, and so does an agency officer
whose membership carries the environment pillar in one of the partnership's municipalities
(the DLH planner) — ``core.access`` with ``pillar="environment"``. Every write is checked here,
in one transaction, with the actor recorded.
"""

import datetime as dt
from decimal import Decimal

from auditlog.context import set_actor
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from sistercity.core.access import Action, require
from sistercity.core.errors import SisterCityError, full_clean
from sistercity.core.validators import NUL_MESSAGE, contains_nul
from sistercity.environment.choices import Metric, WasteSource, WasteType
from sistercity.environment.errors import translate_model_error
from sistercity.environment.models import (
    DataSource,
    WasteFacility,
    WasteFigure,
    WasteScenario,
)
from sistercity.environment.wastemodel import (
    ScenarioResult,
    WasteModelError,
    run_scenario,
    scenario_from_dict,
)
from sistercity.partnerships.models import Partnership

PILLAR = "environment"  # the waste data and scenarios belong to it as a whole
# The refusal a member without the right gets (an outsider gets 404 from ``require``).
CHANGE_REFUSED = _(
    "Only the secretariat, the partner officers and the environment agency "
    "officers of this partnership can change its waste data and scenarios."
)


def _check_municipality(partnership: Partnership, municipality) -> None:
    if not partnership.municipalities.filter(pk=municipality.pk).exists():
        raise SisterCityError(
            _("{municipality} is not a member of this partnership.").format(
                municipality=municipality
            ),
            code="municipality",
        )


def _language(language: str | None) -> str:
    return language or translation.get_language() or "id"


# --------------------------------------------------------------------------------------
# scenarios
# --------------------------------------------------------------------------------------


def scenario_check(inputs) -> ScenarioResult:
    """Validate plain inputs with the engine and run them once (a facility without capacity is
    only found by running); the engine's error becomes a translated one."""
    if not isinstance(inputs, dict):
        raise SisterCityError(_("The scenario inputs must be an object."), code="invalid")
    if contains_nul(inputs):
        raise SisterCityError(NUL_MESSAGE, code="nul_character")
    try:
        return run_scenario(scenario_from_dict(inputs))
    except WasteModelError as error:
        raise translate_model_error(error) from error
    except (TypeError, ValueError) as error:
        # A value of the wrong shape the engine did not anticipate (e.g. a list of lists).
        raise SisterCityError(
            _("The scenario inputs are not valid: {detail}").format(detail=error),
            code="invalid",
        ) from error


def scenario_create(
    *,
    actor,
    partnership: Partnership,
    municipality,
    code: str,
    name: str,
    inputs: dict,
    description: str = "",
    language: str | None = None,
    indicator_code: str = "",
    indicator_series: str = "",
    is_sample: bool = False,
    position: int = 0,
) -> WasteScenario:
    require(actor, partnership, Action.CHANGE, pillar=PILLAR, message=CHANGE_REFUSED)
    _check_municipality(partnership, municipality)
    scenario_check(inputs)
    if WasteScenario.objects.filter(partnership=partnership, code=code).exists():
        raise SisterCityError(
            _("A scenario with the short name “{code}” already exists.").format(code=code),
            code="duplicate",
        )
    with transaction.atomic(), set_actor(actor):
        scenario = WasteScenario(
            partnership=partnership,
            municipality=municipality,
            code=code,
            inputs=inputs,
            indicator_code=indicator_code,
            indicator_series=indicator_series,
            is_sample=is_sample,
            position=position,
            created_by=actor,
        )
        scenario.set_current_language(_language(language))
        scenario.name = name
        scenario.description = description
        full_clean(scenario, exclude=["created_by"])
        scenario.save()
    return scenario


_UNSET = object()


def scenario_update(
    *,
    actor,
    scenario: WasteScenario,
    inputs=_UNSET,
    name=_UNSET,
    description=_UNSET,
    indicator_code=_UNSET,
    indicator_series=_UNSET,
    language: str | None = None,
) -> WasteScenario:
    """Change a scenario; new inputs are checked by the engine first and nothing is saved if
    they fail."""
    require(actor, scenario.partnership, Action.CHANGE, pillar=PILLAR, message=CHANGE_REFUSED)
    if inputs is not _UNSET:
        scenario_check(inputs)
    with transaction.atomic(), set_actor(actor):
        locked = WasteScenario.objects.select_for_update().get(pk=scenario.pk)
        if inputs is not _UNSET:
            locked.inputs = inputs
        if indicator_code is not _UNSET:
            locked.indicator_code = indicator_code
        if indicator_series is not _UNSET:
            locked.indicator_series = indicator_series
        locked.set_current_language(_language(language))
        if name is not _UNSET:
            locked.name = name
        if description is not _UNSET:
            locked.description = description
        full_clean(locked, exclude=["created_by"])
        locked.save()
    return locked


def scenario_delete(*, actor, scenario: WasteScenario) -> None:
    require(actor, scenario.partnership, Action.CHANGE, pillar=PILLAR, message=CHANGE_REFUSED)
    with transaction.atomic(), set_actor(actor):
        scenario.delete()


# --------------------------------------------------------------------------------------
# waste data
# --------------------------------------------------------------------------------------


def source_create(
    *,
    actor,
    partnership: Partnership,
    title: str,
    publisher: str = "",
    url: str = "",
    published_on: dt.date | None = None,
    note: str = "",
    is_sample: bool = False,
    language: str | None = None,
) -> DataSource:
    require(actor, partnership, Action.CHANGE, pillar=PILLAR, message=CHANGE_REFUSED)
    if not title.strip():
        raise SisterCityError(_("A source needs a title."), code="source")
    with transaction.atomic(), set_actor(actor):
        source = DataSource(
            partnership=partnership,
            publisher=publisher,
            url=url,
            published_on=published_on,
            is_sample=is_sample,
        )
        source.set_current_language(_language(language))
        source.title = title.strip()
        source.note = note
        full_clean(source)
        source.save()
    return source


def facility_create(
    *,
    actor,
    partnership: Partnership,
    municipality,
    code: str,
    kind: str,
    name: str,
    source: DataSource,
    site_type: str = "",
    area: str = "",
    capacity_t_per_day: Decimal | None = None,
    volume_m3: Decimal | None = None,
    opened_year: int | None = None,
    note: str = "",
    language: str | None = None,
) -> WasteFacility:
    require(actor, partnership, Action.CHANGE, pillar=PILLAR, message=CHANGE_REFUSED)
    _check_municipality(partnership, municipality)
    _check_source(partnership, source)
    for label, value in ((_("capacity"), capacity_t_per_day), (_("volume"), volume_m3)):
        if value is not None and value < 0:
            raise SisterCityError(
                _("The {what} of a facility must not be negative.").format(what=label),
                code="negative_tonnage",
            )
    if WasteFacility.objects.filter(partnership=partnership, code=code).exists():
        raise SisterCityError(
            _("A facility with the code “{code}” already exists.").format(code=code),
            code="duplicate",
        )
    with transaction.atomic(), set_actor(actor):
        facility = WasteFacility(
            partnership=partnership,
            municipality=municipality,
            code=code,
            kind=kind,
            site_type=site_type,
            area=area,
            capacity_t_per_day=capacity_t_per_day,
            volume_m3=volume_m3,
            opened_year=opened_year,
            source=source,
        )
        facility.set_current_language(_language(language))
        facility.name = name
        facility.note = note
        full_clean(facility)
        facility.save()
    return facility


def _check_source(partnership: Partnership, source: DataSource) -> None:
    if source.partnership_id != partnership.pk:
        raise SisterCityError(_("The source belongs to another partnership."), code="source")


CATEGORIES: dict[str, set[str]] = {
    Metric.GENERATION: {""},
    Metric.POPULATION: {""},
    Metric.COMPOSITION: set(WasteType.values),
    Metric.SOURCE: set(WasteSource.values),
}


def figure_check(
    *,
    partnership: Partnership,
    metric: str,
    category: str,
    value: Decimal,
    facilities: dict[str, WasteFacility] | None = None,
) -> WasteFacility | None:
    """Refuse a figure whose measure, category or value is not one the data model knows;
    return the facility a facility figure refers to."""
    if metric not in Metric.values:
        raise SisterCityError(
            _("“{metric}” is not a known measure.").format(metric=metric), code="metric"
        )
    if value is None:
        raise SisterCityError(_("A figure needs a value."), code="invalid")
    if value < 0:
        raise SisterCityError(
            _("{metric} must not be negative (it is {value}).").format(
                metric=Metric(metric).label, value=value
            ),
            code="negative_tonnage",
        )
    if metric in (Metric.COMPOSITION, Metric.SOURCE) and value > 100:
        raise SisterCityError(
            _("A share cannot be more than 100 % (it is {value} %).").format(value=value),
            code="share_out_of_range",
        )
    if metric == Metric.FACILITY:
        if facilities is None:
            facilities = {f.code: f for f in WasteFacility.objects.filter(partnership=partnership)}
        facility = facilities.get(category)
        if facility is None:
            raise SisterCityError(
                _("“{code}” is not a facility of this partnership.").format(code=category),
                code="facility",
            )
        return facility
    if category not in CATEGORIES[metric]:
        if metric == Metric.COMPOSITION:
            message = _("“{category}” is not a known waste type ({choices}).").format(
                category=category, choices=", ".join(str(x) for x in WasteType.labels)
            )
            code = "unknown_waste_type"
        elif metric == Metric.SOURCE:
            message = _("“{category}” is not a known waste source ({choices}).").format(
                category=category, choices=", ".join(str(x) for x in WasteSource.labels)
            )
            code = "unknown_source"
        else:
            message = _("{metric} takes no category.").format(metric=Metric(metric).label)
            code = "category"
        raise SisterCityError(message, code=code)
    return None


def figure_record(
    *,
    actor,
    partnership: Partnership,
    municipality,
    year: int,
    metric: str,
    value: Decimal,
    source: DataSource,
    as_of: dt.date,
    category: str = "",
    area: str = "",
    note: str = "",
) -> WasteFigure:
    """One figure with its provenance. Another source's figure for the same thing is kept
    beside it; the same source stating it again on the same date is refused."""
    require(actor, partnership, Action.CHANGE, pillar=PILLAR, message=CHANGE_REFUSED)
    _check_municipality(partnership, municipality)
    _check_source(partnership, source)
    facility = figure_check(partnership=partnership, metric=metric, category=category, value=value)
    with transaction.atomic(), set_actor(actor):
        figure = WasteFigure(
            partnership=partnership,
            municipality=municipality,
            year=year,
            area=area,
            metric=metric,
            category=category,
            facility=facility,
            value=value,
            source=source,
            as_of=as_of,
            note=note,
        )
        full_clean(figure, exclude=["partnership", "municipality", "source", "facility"])
        try:
            with transaction.atomic():
                figure.save()
        except IntegrityError as error:
            raise SisterCityError(
                _("This source already gives a figure for this on this date."),
                code="duplicate",
            ) from error
    return figure


def figures_import(*, actor, partnership: Partnership, municipality, file, language=None):
    """Import a SIPSN-style table (XLSX or CSV). Every row is checked before anything is
    written; one bad cell refuses the whole file, naming the row and column."""
    from sistercity.environment import sipsn

    require(actor, partnership, Action.CHANGE, pillar=PILLAR, message=CHANGE_REFUSED)
    _check_municipality(partnership, municipality)
    table = sipsn.read_table(file)
    facilities = {f.code: f for f in WasteFacility.objects.filter(partnership=partnership)}
    # A municipality by its short name or its name in any language (export writes the
    # Indonesian one), letter case aside.
    towns = {}
    for town in partnership.municipalities.prefetch_related("translations"):
        towns[town.slug.casefold()] = town
        for text in town.translations.all():
            towns[text.name.strip().casefold()] = town
    for row in table.figures:
        if row.municipality and row.municipality.casefold() not in towns:
            raise SisterCityError(
                _("Row {row}: “{municipality}” is not a municipality of this partnership.").format(
                    row=row.line, municipality=row.municipality
                ),
                code="municipality",
            )
        try:
            figure_check(
                partnership=partnership,
                metric=row.metric,
                category=row.category,
                value=row.value,
                facilities=facilities,
            )
        except SisterCityError as error:
            raise SisterCityError(
                _("Row {row}, column “{column}”: {error}").format(
                    row=row.line, column=row.column, error=error
                ),
                code=error.code,
            ) from error
    created = skipped = 0
    with transaction.atomic(), set_actor(actor):
        sources: dict[tuple, DataSource] = {}
        for row in table.figures:
            key = (row.source_title, row.source_url)
            if key not in sources:
                sources[key] = _source_for_import(
                    actor, partnership, row.source_title, row.source_url, language
                )
            source = sources[key]
            figure, made = WasteFigure.objects.get_or_create(
                partnership=partnership,
                municipality=towns.get(row.municipality.casefold(), municipality),
                year=row.year,
                area=row.area,
                metric=row.metric,
                category=row.category,
                source=source,
                as_of=row.as_of,
                defaults={
                    "value": row.value,
                    "facility": facilities.get(row.category)
                    if row.metric == Metric.FACILITY
                    else None,
                    "note": row.note,
                },
            )
            if made:
                created += 1
            elif figure.value != row.value:
                raise SisterCityError(
                    _(
                        "Row {row}: “{source}” already gives {old} for this on {date}, not "
                        "{new}. Record the correction with a new date."
                    ).format(
                        row=row.line,
                        source=source,
                        old=figure.value,
                        date=row.as_of,
                        new=row.value,
                    ),
                    code="conflict",
                )
            else:
                skipped += 1
    return {"created": created, "unchanged": skipped}


def _source_for_import(actor, partnership, title, url, language) -> DataSource:
    existing = (
        DataSource.objects.filter(partnership=partnership, translations__title=title, url=url)
        .distinct()
        .first()
    )
    if existing is not None:
        return existing
    return source_create(
        actor=actor, partnership=partnership, title=title, url=url, language=language
    )
