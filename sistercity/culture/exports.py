"""The organisers' lists as CSV or XLSX (events, registrations, visitor figures), through
core's one spreadsheet writer (text that a spreadsheet would run as a formula is quoted)."""

from collections.abc import Iterator, Sequence
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from sistercity.core.spreadsheets import append, xlsx_bytes


def _when(value: Any, zone: Any) -> str:
    return timezone.localtime(value, zone).strftime("%Y-%m-%d %H:%M %Z") if value else ""


def registration_rows(event: Any, registrations: Any) -> Iterator[Sequence[Any]]:
    """The header, then one row per registration, times in the event's zone."""
    yield [
        _("Full name"),
        _("E-mail"),
        _("Number of people"),
        _("Language"),
        _("Status"),
        _("Registered"),
        _("Confirmed"),
        _("Cancelled"),
    ]
    for row in registrations:
        yield [
            row.full_name,
            row.email,
            row.people,
            row.language,
            row.get_status_display(),
            _when(row.created_at, event.zone),
            _when(row.confirmed_at, event.zone),
            _when(row.cancelled_at, event.zone),
        ]


def sheet_xlsx(title: str, rows: Iterator[Sequence[Any]]) -> bytes:
    """One worksheet named ``title`` holding ``rows``."""
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = title[:31]
    for values in rows:
        append(sheet, values)
    return xlsx_bytes(workbook)


def registrations_xlsx(event: Any, registrations: Any) -> bytes:
    return sheet_xlsx(_("Registrations"), registration_rows(event, registrations))


def event_rows(events: Any) -> Iterator[Sequence[Any]]:
    """The organisers' list of events with their counts (times in each event's zone)."""
    yield [
        _("Short name"),
        _("Title"),
        _("Kind"),
        _("City"),
        _("Starts (local time)"),
        _("Ends (local time)"),
        _("Time zone"),
        _("Status"),
        _("Capacity"),
        _("Places taken"),
        _("Waitlist"),
        _("Attendance"),
    ]
    for e in events:
        yield [
            e.slug,
            str(e),
            e.get_kind_display(),
            str(e.city),
            _when(e.starts_at, e.zone),
            _when(e.ends_at, e.zone),
            e.time_zone,
            e.get_status_display(),
            e.capacity,
            e.taken or 0,
            e.waiting or 0,
            e.attendance,
        ]


def events_xlsx(events: Any) -> bytes:
    return sheet_xlsx(_("Events"), event_rows(events))


def figure_rows(figures: Any) -> Iterator[Sequence[Any]]:
    """Visitor figures by city, month and origin, with their sources."""
    yield [_("City"), _("Month"), _("Origin"), _("Visitors"), _("Source")]
    for f in figures:
        yield [str(f.city), f.month.strftime("%Y-%m"), f.get_origin_display(), f.visitors, f.source]


def figures_xlsx(figures: Any) -> bytes:
    return sheet_xlsx(_("Visitor figures"), figure_rows(figures))
