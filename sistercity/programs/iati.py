"""IATI 2.03 activity XML for a partnership.

Each programme is a hierarchy-1 ``iati-activity``; each of its activities a hierarchy-2 one,
linked both ways with ``related-activity`` (1 = parent, 2 = child). The XSD is a sequence, so
elements are written in the schema's order (iati-identifier, reporting-org, title, description,
participating-org, activity-status, activity-date, recipient-country, location, sector, budget,
transaction, related-activity, result).

Choices the schema leaves to the publisher, written down so that readers of the file know them:

- Narratives: one ``<narrative xml:lang="…">`` per language the text exists in (id, ja, en).
  A programme without a description repeats its title as the description (the schema needs one).
- reporting-org: ``settings.IATI_REPORTING_ORG`` (type ``IATI_REPORTING_ORG_TYPE``, default 11,
  local government), named after the partnership's Indonesian municipality.
- activity-date: types 1–4 (planned/actual start/end). A programme takes the earliest start and
  latest end of its activities; with no dated activity, its first reporting period or budget
  year, and at last the day it was recorded (the schema needs at least one date).
- participating-org: a programme's lead agencies as accountable (2) and its activities'
  participants with their roles; an activity its own participants, else its programme's.
- Money: a budget line or transaction tied to an activity is reported on that activity; the
  rest on the programme, so that nothing counts twice. Budgets are summed per year and currency.
- Results: only results with at least one indicator (the schema needs one). An indicator's
  actual per period is the sum (or, for a level, the latest) of its *approved* updates only;
  its code is given as a reference in the reporting organisation's vocabulary (99).
"""

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from lxml import etree

from sistercity.accounts.choices import Country, OrganisationKind
from sistercity.core.errors import SisterCityError
from sistercity.programs import progress as p
from sistercity.programs.models import (
    Activity,
    BudgetLine,
    Location,
    ParticipatingOrganisation,
    Transaction,
)
from sistercity.programs.selectors import indicator_data, programmes_with_results

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SCHEMA_DIR = Path(__file__).resolve().parent / "iati_schema"
LANGUAGES = ("id", "ja", "en")
SRS_WGS84 = "http://www.opengis.net/def/crs/EPSG/0/4326"
# The settings' stand-in until an installation names its registered organisation identifier.
PLACEHOLDER_REPORTING_ORG = "XI-IATI-SISTERCITY"


def reporting_org_configured() -> bool:
    """Whether ``IATI_REPORTING_ORG`` names a real organisation, not the stand-in: the exports
    page warns while it does not (a registry would reject the file's activities)."""
    return settings.IATI_REPORTING_ORG.strip() not in ("", PLACEHOLDER_REPORTING_ORG)


# IATI OrganisationType codes for our organisation kinds.
ORGANISATION_TYPE = {
    OrganisationKind.REGENCY: "11",
    OrganisationKind.CITY: "11",
    OrganisationKind.PROVINCE: "11",
    OrganisationKind.PREFECTURE: "11",
    OrganisationKind.AGENCY: "11",
    OrganisationKind.MINISTRY: "10",
    OrganisationKind.OTHER: "90",
}
ACCOUNTABLE = "2"


@lru_cache(maxsize=1)
def schema() -> etree.XMLSchema:
    """The vendored IATI 2.03 activities schema (no network needed)."""
    return etree.XMLSchema(etree.parse(str(SCHEMA_DIR / "iati-activities-schema.xsd")))


def _number(value: Decimal) -> str:
    """A decimal without exponent or trailing zeros: 12.5000 → 12.5, 1E+2 → 100."""
    text = format(Decimal(value).normalize(), "f")
    return text


def _texts(obj, field: str) -> list[tuple[str, str]]:
    """(language, text) of every translation that has the field filled, in our order."""
    rows = {row.language_code: getattr(row, field, "") for row in obj.translations.all()}
    ordered = [code for code in LANGUAGES if code in rows] + sorted(set(rows) - set(LANGUAGES))
    return [(code, rows[code]) for code in ordered if rows[code]]


def _narratives(parent, texts) -> None:
    for language, text in texts:
        narrative = etree.SubElement(parent, "narrative")
        if language:
            narrative.set(XML_LANG, language)
        narrative.text = text


def _text_element(parent, tag: str, texts, **attrs):
    element = etree.SubElement(parent, tag, **attrs)
    _narratives(element, texts)
    return element


class _Builder:
    def __init__(self, partnership, *, public_only: bool):
        self.partnership = partnership
        self.public_only = public_only
        self.programmes = list(
            programmes_with_results(partnership, public_only=public_only).prefetch_related(
                Prefetch("lead_agencies", queryset=_organisations()),
                Prefetch("activities", queryset=self._activities()),
            )
        )
        ids = [programme.pk for programme in self.programmes]
        self.budget = defaultdict(list)
        for line in BudgetLine.objects.filter(programme__in=ids).order_by("year", "pk"):
            self.budget[(line.programme_id, line.activity_id)].append(line)
        self.transactions = defaultdict(list)
        for record in Transaction.objects.filter(programme__in=ids).order_by("on", "pk"):
            self.transactions[(record.programme_id, record.activity_id)].append(record)
        municipalities = list(partnership.municipalities.prefetch_related("translations"))
        self.reporter = next(
            (m for m in municipalities if m.country == Country.INDONESIA),
            municipalities[0] if municipalities else None,
        )
        self.municipalities = municipalities

    def _activities(self):
        activities = Activity.objects.prefetch_related(
            "translations",
            Prefetch(
                "participants",
                queryset=ParticipatingOrganisation.objects.select_related(
                    "organisation"
                ).prefetch_related("organisation__translations"),
            ),
            Prefetch("locations", queryset=Location.objects.order_by("pk")),
        ).order_by("code")
        if self.public_only:
            activities = activities.filter(is_public=True)
        return activities

    # -- shared pieces ----------------------------------------------------------------------

    def _activity_element(self, root, identifier: str, hierarchy: int, updated_at):
        activity = etree.SubElement(root, "iati-activity")
        activity.set("last-updated-datetime", updated_at.replace(microsecond=0).isoformat())
        activity.set(XML_LANG, "id")
        activity.set("default-currency", "IDR")
        activity.set("hierarchy", str(hierarchy))
        etree.SubElement(activity, "iati-identifier").text = identifier
        reporting = etree.SubElement(
            activity,
            "reporting-org",
            ref=settings.IATI_REPORTING_ORG,
            type=getattr(settings, "IATI_REPORTING_ORG_TYPE", "11"),
        )
        names = _texts(self.reporter, "name") if self.reporter else []
        _narratives(reporting, names or [("en", settings.IATI_REPORTING_ORG)])
        return activity

    def _title_and_description(self, element, obj) -> None:
        titles = _texts(obj, "title") or [("", obj.code)]
        _text_element(element, "title", titles)
        descriptions = _texts(obj, "description") or titles
        _text_element(element, "description", descriptions, type="1")

    def _participants(self, element, pairs) -> None:
        seen = set()
        for organisation, role in pairs:
            if (organisation.pk, role) in seen:
                continue
            seen.add((organisation.pk, role))
            _text_element(
                element,
                "participating-org",
                _texts(organisation, "name") or [("", organisation.slug)],
                role=role,
                type=ORGANISATION_TYPE.get(organisation.kind, "90"),
            )

    def _dates(self, element, dates: dict[str, dt.date]) -> None:
        for kind in ("1", "2", "3", "4"):
            if dates.get(kind):
                etree.SubElement(
                    element, "activity-date", type=kind, **{"iso-date": dates[kind].isoformat()}
                )

    def _recipient_country(self, element) -> None:
        if any(m.country == Country.INDONESIA for m in self.municipalities):
            etree.SubElement(element, "recipient-country", code="ID", percentage="100")

    def _sector(self, element, code: str) -> None:
        if code:
            etree.SubElement(element, "sector", vocabulary="1", code=code, percentage="100")

    def _money(self, element, key) -> None:
        totals: dict[tuple[int, str], Decimal] = defaultdict(Decimal)
        for line in self.budget.get(key, []):
            totals[(line.year, line.currency)] += line.amount
        for (year, currency), amount in sorted(totals.items()):
            budget = etree.SubElement(element, "budget", type="1", status="1")
            etree.SubElement(budget, "period-start", **{"iso-date": f"{year}-01-01"})
            etree.SubElement(budget, "period-end", **{"iso-date": f"{year}-12-31"})
            value = etree.SubElement(
                budget, "value", currency=currency, **{"value-date": f"{year}-01-01"}
            )
            value.text = _number(amount)
        for record in self.transactions.get(key, []):
            transaction = etree.SubElement(element, "transaction")
            etree.SubElement(transaction, "transaction-type", code=record.kind)
            etree.SubElement(transaction, "transaction-date", **{"iso-date": record.on.isoformat()})
            value = etree.SubElement(
                transaction,
                "value",
                currency=record.currency,
                **{"value-date": record.on.isoformat()},
            )
            value.text = _number(record.amount)
            if record.note:
                _text_element(transaction, "description", [("", record.note)])

    # -- programmes (hierarchy 1) -----------------------------------------------------------

    def _programme_dates(self, programme) -> dict[str, dt.date]:
        activities = list(programme.activities.all())

        def earliest(field):
            values = [getattr(a, field) for a in activities if getattr(a, field)]
            return min(values) if values else None

        def latest(field):
            values = [getattr(a, field) for a in activities if getattr(a, field)]
            return max(values) if values else None

        dates = {
            "1": earliest("planned_start"),
            "2": earliest("actual_start"),
            "3": latest("planned_end"),
        }
        if activities and all(a.actual_end for a in activities):
            dates["4"] = latest("actual_end")
        if not any(dates.values()):
            starts = [
                period.start
                for result in programme.results.all()
                for indicator in result.indicators.all()
                for period in indicator.periods.all()
            ]
            years = [line.year for lines in self._lines_of(programme) for line in lines]
            if starts:
                dates["1"] = min(starts)
            elif years:
                dates["1"] = dt.date(min(years), 1, 1)
            else:
                dates["1"] = timezone.localtime(programme.created_at).date()
        return dates

    def _lines_of(self, programme):
        return [lines for (pid, _aid), lines in self.budget.items() if pid == programme.pk]

    def programme(self, root, programme) -> None:
        activities = list(programme.activities.all())
        element = self._activity_element(root, programme.iati_identifier, 1, programme.updated_at)
        self._title_and_description(element, programme)
        pairs = [(org, ACCOUNTABLE) for org in programme.lead_agencies.all()]
        pairs += [(x.organisation, x.role) for a in activities for x in a.participants.all()]
        if not pairs:
            pairs = [(m, ACCOUNTABLE) for m in self.municipalities]
        self._participants(element, pairs)
        etree.SubElement(element, "activity-status", code=programme.status)
        self._dates(element, self._programme_dates(programme))
        self._recipient_country(element)
        self._sector(element, programme.pillar.dac_sector_code)
        self._money(element, (programme.pk, None))
        for activity in activities:
            etree.SubElement(
                element, "related-activity", ref=self.activity_identifier(activity), type="2"
            )
        for result in programme.results.all():
            self.result(element, result)

    def result(self, element, result) -> None:
        indicators = list(result.indicators.all())
        if not indicators:
            return
        node = etree.SubElement(element, "result", type=result.result_type)
        _text_element(node, "title", _texts(result, "title") or [("", str(result.pk))])
        for indicator in indicators:
            datum = indicator_data(indicator)
            attrs = {"measure": indicator.measure}
            if indicator.is_quantitative:
                attrs["ascending"] = "1" if indicator.ascending else "0"
            item = etree.SubElement(node, "indicator", **attrs)
            _text_element(item, "title", _texts(indicator, "title") or [("", indicator.code)])
            if indicator.unit:
                _text_element(item, "description", [("", indicator.unit)])
            etree.SubElement(item, "reference", vocabulary="99", code=indicator.code)
            if indicator.baseline_year:
                baseline = etree.SubElement(item, "baseline", year=str(indicator.baseline_year))
                if indicator.baseline_value is not None:
                    baseline.set("value", _number(indicator.baseline_value))
            for period, period_datum in zip(indicator.periods.all(), datum.periods, strict=True):
                self.period(item, indicator, period, period_datum)

    def period(self, item, indicator, period, datum: p.PeriodData) -> None:
        node = etree.SubElement(item, "period")
        etree.SubElement(node, "period-start", **{"iso-date": period.start.isoformat()})
        etree.SubElement(node, "period-end", **{"iso-date": period.end.isoformat()})
        if period.target_value is not None or period.target_comment:
            target = etree.SubElement(node, "target")
            if period.target_value is not None:
                target.set("value", _number(period.target_value))
            if period.target_comment:
                _text_element(target, "comment", [("", period.target_comment)])
        if indicator.is_quantitative:
            actual = p.period_actual(datum, indicator.cumulative)
            if actual is not None:
                etree.SubElement(node, "actual", value=_number(actual))
        else:
            narratives = [u.narrative for u in period.approved if u.narrative]
            if narratives:
                actual = etree.SubElement(node, "actual")
                _text_element(actual, "comment", [("", text) for text in narratives])

    # -- activities (hierarchy 2) -----------------------------------------------------------

    def activity_identifier(self, activity) -> str:
        return f"{activity.programme.iati_identifier}-{activity.code}"

    def activity(self, root, programme, activity) -> None:
        element = self._activity_element(
            root, self.activity_identifier(activity), 2, activity.updated_at
        )
        self._title_and_description(element, activity)
        pairs = [(x.organisation, x.role) for x in activity.participants.all()]
        if not pairs:
            pairs = [(org, ACCOUNTABLE) for org in programme.lead_agencies.all()]
        if not pairs:
            pairs = [(m, ACCOUNTABLE) for m in self.municipalities]
        self._participants(element, pairs)
        etree.SubElement(element, "activity-status", code=activity.status)
        dates = {
            "1": activity.planned_start,
            "2": activity.actual_start,
            "3": activity.planned_end,
            "4": activity.actual_end,
        }
        if not any(dates.values()):
            dates = {"1": self._programme_dates(programme).get("1")}
        self._dates(element, dates)
        self._recipient_country(element)
        for location in activity.locations.all():
            node = etree.SubElement(element, "location")
            _text_element(node, "name", [("", location.name)])
            if location.latitude is not None and location.longitude is not None:
                point = etree.SubElement(node, "point", srsName=SRS_WGS84)
                etree.SubElement(
                    point, "pos"
                ).text = f"{_number(location.latitude)} {_number(location.longitude)}"
        self._sector(element, activity.sector_code or programme.pillar.dac_sector_code)
        self._money(element, (programme.pk, activity.pk))
        etree.SubElement(element, "related-activity", ref=programme.iati_identifier, type="1")

    def build(self) -> etree._Element:
        root = etree.Element("iati-activities", version="2.03")
        root.set("generated-datetime", timezone.now().replace(microsecond=0).isoformat())
        for programme in self.programmes:
            programme.partnership = self.partnership  # iati_identifier reads the slug
            self.programme(root, programme)
            for activity in programme.activities.all():
                activity.programme = programme
                self.activity(root, programme, activity)
        return root


def _organisations():
    from sistercity.accounts.models import Organisation

    return Organisation.objects.prefetch_related("translations").order_by("slug")


def build_activities(partnership, *, public_only: bool = False) -> etree._Element:
    return _Builder(partnership, public_only=public_only).build()


def export_iati(partnership, *, public_only: bool = False) -> bytes:
    """The partnership's programmes and activities as an IATI 2.03 activity file (UTF-8).

    The schema needs at least one activity: a partnership without programmes (to show) gets a
    SisterCityError instead of an invalid file."""
    root = build_activities(partnership, public_only=public_only)
    if not len(root):
        raise SisterCityError(
            _("This partnership has no programmes to export to IATI yet."), code="iati_empty"
        )
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def validate(xml: bytes) -> list[str]:
    """Schema errors of an activity file (empty when valid)."""
    document = etree.fromstring(xml)
    checker = schema()
    if checker.validate(document):
        return []
    return [f"line {e.line}: {e.message}" for e in checker.error_log]


def filename(partnership) -> str:
    return f"iati-activities-{partnership.slug}.xml"
