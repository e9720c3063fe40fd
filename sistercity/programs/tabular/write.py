"""Writing a checked plan: new rows through the programme services, changes to existing rows in
place, with a count of what was created and updated.

The caller runs ``Writer.run`` in one transaction; the first error rejects the whole import.
"""

from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from sistercity.accounts.models import User
from sistercity.core.errors import SisterCityError
from sistercity.partnerships.models import Partnership
from sistercity.programs import services
from sistercity.programs.models import Indicator, Programme, Result
from sistercity.programs.tabular.errors import ImportRejected, RowError
from sistercity.programs.tabular.layout import LANGUAGES, translation_text
from sistercity.programs.tabular.plan import (
    ActivityRow,
    IndicatorRow,
    PeriodRow,
    Plan,
    PlanRow,
    ProgrammeRow,
)

# The row type of one sheet (``Writer._write_sheet`` writes any of them).
SheetRow = TypeVar("SheetRow", bound=PlanRow)


@dataclass
class ImportSummary:
    created: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    updated: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def as_dict(self) -> dict:
        return {"created": dict(self.created), "updated": dict(self.updated)}


def _set_translations(obj, texts_by_field: dict[str, dict[str, str]]) -> bool:
    """Set the given texts; return whether anything changed (and save only then)."""
    changed = False
    for field_name, texts in texts_by_field.items():
        for language, text in texts.items():
            if translation_text(obj, field_name, language) == text:
                continue
            obj.set_current_language(language)
            setattr(obj, field_name, text)
            changed = True
    return changed


def _assign(obj, values: Mapping[str, object]) -> bool:
    changed = False
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def _save(obj, *, changed: bool) -> None:
    # Unchanged rows are neither validated nor saved: re-importing an export writes nothing.
    if not changed:
        return
    try:
        obj.full_clean()
    except ValidationError as error:
        raise SisterCityError("; ".join(error.messages), code="invalid") from error
    obj.save()


def _first(texts: dict[str, str]) -> tuple[str, str]:
    """The language a new object is created in: the first of ``LANGUAGES`` the row gives."""
    for code in LANGUAGES:
        if texts.get(code):
            return code, texts[code]
    return LANGUAGES[0], ""


def _add_other_languages(obj, texts_by_field: dict[str, dict[str, str]], language: str) -> None:
    others = {
        name: {code: text for code, text in texts.items() if code != language}
        for name, texts in texts_by_field.items()
    }
    if _set_translations(obj, others):
        obj.save()


class Writer:
    """Writes a plan sheet by sheet, in the order of the layout (children after parents)."""

    def __init__(self, *, actor: User, partnership: Partnership, plan: Plan):
        self.actor, self.partnership, self.plan = actor, partnership, plan
        self.summary = ImportSummary()
        self.programmes = {x.code: x for x in Programme.objects.filter(partnership=partnership)}
        self.indicators: dict[str, Indicator] = {}

    def run(self) -> ImportSummary:
        self._write_sheet("programmes", self.plan.programmes, self.programme)
        self._write_sheet("activities", self.plan.activities, self.activity)
        self._write_sheet("indicators", self.plan.indicators, self.indicator)
        self._write_sheet("periods", self.plan.periods, self.period)
        return self.summary

    def _write_sheet(
        self, sheet: str, items: list[SheetRow], method: Callable[[SheetRow], None]
    ) -> None:
        """Write one sheet's rows with ``method``; the first error rejects the import."""
        for item in items:
            try:
                method(item)
            except SisterCityError as error:
                raise ImportRejected([RowError(sheet, item.row, "", str(error))]) from error
            except Http404 as error:
                raise ImportRejected(
                    [RowError(sheet, item.row, "", str(_("Not found.")))]
                ) from error

    def programme(self, item: ProgrammeRow) -> None:
        if item.existing is None:
            self._create_programme(item)
            return
        programme = item.existing
        if (
            item.pillar.pk != programme.pillar_id
            and not self.partnership.pillars.filter(pk=item.pillar.pk).exists()
        ):
            raise SisterCityError(_("Unknown pillar."), code="pillar")
        changed = _assign(
            programme,
            {
                "pillar": item.pillar,
                "status": item.status,
                "weight": item.weight,
                "is_public": item.is_public,
            },
        )
        texts = {"title": item.titles, "description": item.descriptions}
        changed = _set_translations(programme, texts) or changed
        _save(programme, changed=changed)
        agencies = {o.pk for o in item.lead_agencies}
        if {o.pk for o in programme.lead_agencies.all()} != agencies:
            programme.lead_agencies.set(item.lead_agencies)
            changed = True
        if changed:
            self.summary.updated["programmes"] += 1

    def _create_programme(self, item: ProgrammeRow) -> None:
        language, title = _first(item.titles)
        programme = services.programme_create(
            actor=self.actor,
            partnership=self.partnership,
            pillar=item.pillar,
            code=item.code,
            title=title,
            description=item.descriptions.get(language, ""),
            language=language,
            status=item.status,
            is_public=item.is_public,
            weight=item.weight,
            lead_agencies=item.lead_agencies,
        )
        texts = {"title": item.titles, "description": item.descriptions}
        _add_other_languages(programme, texts, language)
        self.programmes[item.code] = programme
        self.summary.created["programmes"] += 1

    def activity(self, item: ActivityRow) -> None:
        texts = {"title": item.titles, "description": item.descriptions}
        if item.existing is None:
            language, title = _first(item.titles)
            activity = services.activity_create(
                actor=self.actor,
                programme=self.programmes[item.programme],
                code=item.code,
                title=title,
                description=item.descriptions.get(language, ""),
                language=language,
                **item.fields,
            )
            _add_other_languages(activity, texts, language)
            self.summary.created["activities"] += 1
            return
        activity = item.existing
        changed = _assign(activity, item.fields)
        changed = _set_translations(activity, texts) or changed
        _save(activity, changed=changed)
        if changed:
            self.summary.updated["activities"] += 1

    def _result_for(self, item: IndicatorRow) -> Result:
        """The indicator's result: its own, or (for a new indicator) the programme's result with
        the same titles, created when there is none."""
        programme = self.programmes[item.programme]
        if item.existing is not None:
            result = item.existing.result
        else:
            named = self._result_named(programme, item.result_titles)
            if named is None:
                return self._create_result(programme, item)
            result = named
        changed = _assign(result, item.result)
        changed = _set_translations(result, {"title": item.result_titles}) or changed
        _save(result, changed=changed)
        if changed:
            self.summary.updated["results"] += 1
        return result

    def _result_named(self, programme: Programme, titles: dict[str, str]) -> Result | None:
        for candidate in programme.results.prefetch_related("translations"):
            if titles and all(
                translation_text(candidate, "title", code) == text for code, text in titles.items()
            ):
                return candidate
        return None

    def _create_result(self, programme: Programme, item: IndicatorRow) -> Result:
        language, title = _first(item.result_titles)
        result = services.result_create(
            actor=self.actor,
            programme=programme,
            result_type=item.result["result_type"],
            title=title,
            language=language,
            status=item.result["status"],
            weight=item.result["weight"],
        )
        _add_other_languages(result, {"title": item.result_titles}, language)
        self.summary.created["results"] += 1
        return result

    def indicator(self, item: IndicatorRow) -> None:
        result = self._result_for(item)
        if item.existing is None:
            language, title = _first(item.titles)
            indicator = services.indicator_create(
                actor=self.actor,
                result=result,
                code=item.code,
                title=title,
                language=language,
                **item.fields,
            )
            _add_other_languages(indicator, {"title": item.titles}, language)
            self.indicators[item.code] = indicator
            self.summary.created["indicators"] += 1
            return
        indicator = item.existing
        changed = _assign(indicator, item.fields)
        changed = _set_translations(indicator, {"title": item.titles}) or changed
        _save(indicator, changed=changed)
        self.indicators[item.code] = indicator
        if changed:
            self.summary.updated["indicators"] += 1

    def period(self, item: PeriodRow) -> None:
        indicator = self.indicators.get(item.indicator) or Indicator.objects.get(
            result__programme__partnership=self.partnership, code=item.indicator
        )
        if item.existing is None:
            services.period_create(
                actor=self.actor,
                indicator=indicator,
                start=item.start,
                end=item.end,
                target_value=item.target_value,
                target_comment=item.target_comment,
            )
            self.summary.created["periods"] += 1
            return
        period = item.existing
        changed = _assign(
            period,
            {
                "end": item.end,
                "target_value": item.target_value,
                "target_comment": item.target_comment,
            },
        )
        _save(period, changed=changed)
        if changed:
            self.summary.updated["periods"] += 1
