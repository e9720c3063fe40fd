"""Checking the rows of an uploaded workbook against the partnership, one checker per sheet.

``Checker.check`` runs the sheets in the order of the layout — a row may name a programme or an
indicator that an earlier sheet creates — then the checks that span rows (one result described
the same way, periods that do not overlap). Rows that pass become the ``Plan``; every problem
becomes a ``RowError`` in ``Checker.errors``. Nothing is written here.
"""

import datetime as dt
from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Callable, Hashable
from decimal import Decimal
from functools import cached_property

from django.utils.translation import gettext_lazy as _

from sistercity.accounts.models import Organisation, User
from sistercity.core.access import Access, Action, access_for
from sistercity.core.models import Pillar
from sistercity.partnerships.models import Partnership
from sistercity.programs import choices as c
from sistercity.programs.models import Activity, Indicator, Period, Programme
from sistercity.programs.tabular.cells import Row
from sistercity.programs.tabular.errors import RowError
from sistercity.programs.tabular.plan import (
    ActivityFields,
    ActivityRow,
    IndicatorFields,
    IndicatorRow,
    PeriodRow,
    Plan,
    ProgrammeRow,
    ResultFields,
)
from sistercity.programs.tabular.read import Sheet

# The identifiers a sheet's rows used so far (a code, or a tuple of codes), with their rows.
Seen = dict[Hashable, int]


class Existing:
    """What the partnership holds before the import, keyed by the codes the rows use."""

    def __init__(self, partnership: Partnership):
        self.pillars = {p.code: p for p in partnership.pillars.prefetch_related("translations")}
        self.programmes = {
            x.code: x
            for x in Programme.objects.filter(partnership=partnership)
            .select_related("pillar")
            .prefetch_related("translations", "lead_agencies")
        }
        self.activities = {
            (x.programme.code, x.code): x
            for x in Activity.objects.filter(programme__partnership=partnership)
            .select_related("programme")
            .prefetch_related("translations")
        }
        self.indicators = {
            x.code: x
            for x in Indicator.objects.filter(result__programme__partnership=partnership)
            .select_related("result__programme")
            .prefetch_related("translations", "result__translations")
        }
        self.periods: defaultdict[str, list[Period]] = defaultdict(list)
        for period in Period.objects.filter(
            indicator__result__programme__partnership=partnership
        ).select_related("indicator"):
            self.periods[period.indicator.code].append(period)
        self.organisations = {o.slug: o for o in Organisation.objects.all()}


class Context:
    """What the sheets' checkers share: who imports, what exists, what the rows checked so far
    will make of it, and the errors."""

    def __init__(self, *, actor: User, partnership: Partnership):
        self.actor = actor
        self.partnership = partnership
        self.errors: list[RowError] = []
        self.existing = Existing(partnership)
        self.plan = Plan()
        # programme code -> pillar after the import (for permission checks of child rows)
        self.final_pillar: dict[str, Pillar] = {
            code: p.pillar for code, p in self.existing.programmes.items()
        }
        self.final_measure: dict[str, str] = {
            code: i.measure for code, i in self.existing.indicators.items()
        }

    @cached_property
    def access(self) -> Access:
        """The actor's rights on the partnership, asked once, when a row first needs them."""
        return access_for(self.actor, self.partnership)

    def may_edit(self, pillar: Pillar) -> bool:
        """The secretariat and partner officers edit every pillar; an agency officer his own."""
        return self.access.can(Action.CHANGE, pillar=pillar.pk)

    def forbid(self, row: Row, column: str, pillar: Pillar) -> None:
        row.error(
            column,
            _("You may not edit programmes of the pillar “{pillar}”.").format(pillar=pillar),
        )

    def duplicate(self, row: Row, seen: Seen, key: Hashable, column: str) -> bool:
        if key in seen:
            row.error(
                column,
                _("Duplicate identifier: already on row {row}.").format(row=seen[key]),
            )
            return True
        seen[key] = row.number
        return False

    def programme_of(self, row: Row, column: str = "programme") -> str:
        """The programme a row names (existing or earlier in the file), if the actor may edit
        it."""
        code = row.code(column)
        if code and code not in self.final_pillar:
            row.error(column, _("Unknown programme “{code}”.").format(code=code))
            return ""
        if code and not self.may_edit(self.final_pillar[code]):
            self.forbid(row, column, self.final_pillar[code])
        return code


class SheetCheck(ABC):
    """The checks of one sheet: ``row`` for each row, ``finish`` once all sheets are read."""

    name = ""

    def __init__(self, context: Context):
        self.context = context

    @abstractmethod
    def row(self, row: Row, seen: Seen) -> None:
        """Check one row of the sheet, recording its errors on ``row``."""

    def finish(self) -> None:  # noqa: B027 - a hook: most sheets have no checks across rows
        """Checks across rows; none by default."""


class ProgrammeCheck(SheetCheck):
    name = "programmes"

    def row(self, row: Row, seen: Seen) -> None:
        context = self.context
        code = row.code("code")
        pillar = self._pillar(row)
        status = row.choice("status", c.ActivityStatus, default=c.ActivityStatus.IMPLEMENTATION)
        weight = row.decimal("weight", minimum=Decimal(0), places=2)
        is_public = row.boolean("public", default=False)
        agencies = self._lead_agencies(row)
        titles = row.titles("title")
        descriptions = row.long_texts("description")
        if code and context.duplicate(row, seen, code, "code"):
            return
        existing = context.existing.programmes.get(code)
        # Moving a programme to another pillar needs the right on both pillars.
        if pillar is not None and not context.may_edit(pillar):
            context.forbid(row, "pillar", pillar)
        if existing is not None and not context.may_edit(existing.pillar):
            context.forbid(row, "code", existing.pillar)
        if row.failed or pillar is None:  # a row without a (known) pillar has failed
            return
        context.final_pillar[code] = pillar
        context.plan.programmes.append(
            ProgrammeRow(
                row=row.number,
                code=code,
                pillar=pillar,
                status=status,
                weight=weight if weight is not None else Decimal(1),
                is_public=is_public,
                lead_agencies=agencies,
                titles=titles,
                descriptions=descriptions,
                existing=existing,
            )
        )

    def _pillar(self, row: Row) -> Pillar | None:
        pillar_code = row.code("pillar")
        pillar = self.context.existing.pillars.get(pillar_code) if pillar_code else None
        if pillar_code and pillar is None:
            row.error(
                "pillar",
                _("Unknown pillar “{code}” for this partnership.").format(code=pillar_code),
            )
        return pillar

    def _lead_agencies(self, row: Row) -> list[Organisation]:
        organisations = self.context.existing.organisations
        agencies = []
        for slug in (row.text("lead_agencies", max_length=1000) or "").split(";"):
            slug = slug.strip()
            if not slug:
                continue
            if slug not in organisations:
                row.error("lead_agencies", _("Unknown organisation “{code}”.").format(code=slug))
            else:
                agencies.append(organisations[slug])
        return agencies


class ActivityCheck(SheetCheck):
    name = "activities"

    def row(self, row: Row, seen: Seen) -> None:
        context = self.context
        programme = context.programme_of(row)
        code = row.code("code")
        fields = self._fields(row)
        titles = row.titles("title")
        descriptions = row.long_texts("description")
        if programme and code and context.duplicate(row, seen, (programme, code), "code"):
            return
        if row.failed:
            return
        context.plan.activities.append(
            ActivityRow(
                row=row.number,
                programme=programme,
                code=code,
                fields=fields,
                titles=titles,
                descriptions=descriptions,
                existing=context.existing.activities.get((programme, code)),
            )
        )

    def _fields(self, row: Row) -> ActivityFields:
        fields = ActivityFields(
            status=row.choice("status", c.ActivityStatus, default=c.ActivityStatus.PIPELINE),
            planned_start=row.date("planned_start"),
            planned_end=row.date("planned_end"),
            actual_start=row.date("actual_start"),
            actual_end=row.date("actual_end"),
            sector_code=row.text("sector_code", max_length=5),
            is_public=row.boolean("public", default=False),
        )
        sector_code = fields["sector_code"]
        if sector_code and not (sector_code.isdigit() and len(sector_code) == 5):
            row.error("sector_code", _("An OECD-DAC sector code has five digits."))
        spans = (
            (fields["planned_start"], fields["planned_end"], "planned_end"),
            (fields["actual_start"], fields["actual_end"], "actual_end"),
        )
        for start, end, end_column in spans:
            if start and end and end < start:
                row.error(end_column, _("An activity cannot end before it starts."))
        return fields


class IndicatorCheck(SheetCheck):
    name = "indicators"

    def row(self, row: Row, seen: Seen) -> None:
        context = self.context
        programme = context.programme_of(row)
        code = row.code("code")
        result = self._result(row)
        result_titles = row.titles("result_title")
        fields = self._fields(row)
        titles = row.titles("title")
        if code and context.duplicate(row, seen, code, "code"):
            return
        existing = context.existing.indicators.get(code)
        if existing is not None and programme and existing.result.programme.code != programme:
            row.error(
                "programme",
                _(
                    "The indicator “{code}” belongs to the programme “{programme}”; it cannot "
                    "be moved to another programme."
                ).format(code=code, programme=existing.result.programme.code),
            )
        if row.failed or result is None or fields is None:  # None: the row has failed
            return
        context.final_measure[code] = fields["measure"]
        context.plan.indicators.append(
            IndicatorRow(
                row=row.number,
                programme=programme,
                code=code,
                result=result,
                result_titles=result_titles,
                fields=fields,
                titles=titles,
                existing=existing,
            )
        )

    def _result(self, row: Row) -> ResultFields | None:
        """The result's columns; None when the result type is wrong or missing (the row has
        failed)."""
        result_type = row.choice("result_type", c.ResultType)
        status = row.choice("result_status", c.ResultStatus, default=c.ResultStatus.NOT_STARTED)
        weight = row.decimal("result_weight", minimum=Decimal(0), places=2)
        if result_type is None:
            return None
        return ResultFields(
            result_type=result_type,
            status=status,
            weight=weight if weight is not None else Decimal(1),
        )

    def _fields(self, row: Row) -> IndicatorFields | None:
        """The indicator's columns; None when the measure is wrong or missing (the row has
        failed)."""
        measure = row.choice("measure", c.IndicatorMeasure)
        ascending = row.boolean("ascending", default=True)
        cumulative = row.boolean("cumulative", default=True)
        unit = row.text("unit", max_length=40)
        baseline_year = row.integer("baseline_year", minimum=1900, maximum=2100)
        baseline_value = row.decimal("baseline_value")
        weight = row.decimal("weight", minimum=Decimal(0), places=2)
        if measure is None:
            return None
        return IndicatorFields(
            measure=measure,
            ascending=ascending,
            cumulative=cumulative,
            unit=unit,
            baseline_year=baseline_year,
            baseline_value=baseline_value,
            weight=weight if weight is not None else Decimal(1),
        )

    def finish(self) -> None:
        """Rows of one existing result must say the same about it."""
        by_result: dict[int, IndicatorRow] = {}
        for item in self.context.plan.indicators:
            if item.existing is None:
                continue
            first = by_result.setdefault(item.existing.result_id, item)
            if (first.result, first.result_titles) != (item.result, item.result_titles):
                self.context.errors.append(
                    RowError(
                        "indicators",
                        item.row,
                        "result_title_id",
                        str(
                            _(
                                "Row {row} describes the same result differently; make the "
                                "result columns the same."
                            ).format(row=first.row)
                        ),
                    )
                )


class PeriodCheck(SheetCheck):
    name = "periods"

    def row(self, row: Row, seen: Seen) -> None:
        context = self.context
        code = row.code("indicator")
        if code and code not in context.final_measure:
            row.error("indicator", _("Unknown indicator “{code}”.").format(code=code))
            code = ""
        start = row.date("start", required=True)
        end = row.date("end", required=True)
        target = row.decimal("target")
        comment = row.text("target_comment")
        if start and end and end < start:
            row.error("end", _("A period cannot end before it starts."))
        if (
            code
            and target is not None
            and context.final_measure[code] == c.IndicatorMeasure.QUALITATIVE
        ):
            row.error("target", _("A qualitative indicator takes a target comment, not a number."))
        if code:
            self._check_pillar(row, code)
        if code and start and context.duplicate(row, seen, (code, start), "start"):
            return
        if row.failed or start is None or end is None:  # a blank required date fails the row
            return
        periods = context.existing.periods.get(code, [])
        existing = next((p for p in periods if p.start == start), None)
        if (
            existing is not None
            and existing.is_locked
            and (existing.end, existing.target_value, existing.target_comment)
            != (end, target, comment)
        ):
            row.error("start", _("This period is locked: it cannot be changed."))
            return
        context.plan.periods.append(
            PeriodRow(
                row=row.number,
                indicator=code,
                start=start,
                end=end,
                target_value=target,
                target_comment=comment,
                existing=existing,
            )
        )

    def _check_pillar(self, row: Row, code: str) -> None:
        context = self.context
        indicator = context.existing.indicators.get(code)
        pillar = context.final_pillar.get(
            indicator.result.programme.code if indicator else self._programme_of_new(code)
        )
        if pillar is not None and not context.may_edit(pillar):
            context.forbid(row, "indicator", pillar)

    def _programme_of_new(self, indicator_code: str) -> str:
        for item in self.context.plan.indicators:
            if item.code == indicator_code:
                return item.programme
        return ""

    def finish(self) -> None:
        """Periods of one indicator, existing and imported, must not overlap."""
        final: dict[str, dict[dt.date, tuple[dt.date, int | None]]] = defaultdict(dict)
        for code, periods in self.context.existing.periods.items():
            for period in periods:
                final[code][period.start] = (period.end, None)
        for item in self.context.plan.periods:
            final[item.indicator][item.start] = (item.end, item.row)
        for spans in final.values():
            ordered = sorted((start, end, row) for start, (end, row) in spans.items())
            for (_s1, end1, _r1), (start2, _e2, row2) in zip(ordered, ordered[1:], strict=False):
                if start2 <= end1:
                    self.context.errors.append(
                        RowError(
                            "periods",
                            row2 or 0,
                            "start",
                            str(_("This period overlaps another period of the indicator.")),
                        )
                    )


SHEET_CHECKS = (ProgrammeCheck, ActivityCheck, IndicatorCheck, PeriodCheck)


class Checker:
    """Checks a read workbook; ``errors`` collects every problem, ``check`` returns the plan."""

    def __init__(self, *, actor: User, partnership: Partnership, progress: Callable[[float], None]):
        self.context = Context(actor=actor, partnership=partnership)
        self.progress = progress
        self.steps = [check(self.context) for check in SHEET_CHECKS]

    @property
    def errors(self) -> list[RowError]:
        return self.context.errors

    def check(self, sheets: dict[str, Sheet]) -> Plan:
        total = sum(len(s.rows) for s in sheets.values()) or 1
        done = 0
        for step in self.steps:
            seen: Seen = {}
            for number, values in sheets[step.name].rows if step.name in sheets else []:
                step.row(Row(self.errors, step.name, number, values), seen)
                done += 1
                if done % 20 == 0:
                    self.progress(done / total)
        for step in self.steps:
            if step.name in sheets:
                step.finish()
        return self.context.plan
