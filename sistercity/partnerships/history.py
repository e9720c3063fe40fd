"""The History tab as people read it: each change-log entry becomes a row with the field labels
in the reader's language and values formatted (dates in the reader's time zone at minute
precision, related objects by name, files by their name, choices by their label).

Internal ids, storage paths, timestamps of the row itself and the partnership link are left out;
checksums and long structured data go to ``detail``, which the page keeps behind a "details"
toggle for auditors. Related objects of a page are looked up in one query per model.
"""

import datetime as dt
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

# Written by the machinery, not by a person: never shown.
HIDDEN = {"id", "created_at", "updated_at", "partnership", "master", "language_code"}
# Kept for auditors behind the details toggle.
DETAIL_NAMES = re.compile(r"(sha256|checksum|hash|digest|token|secret)", re.IGNORECASE)
LONG = 80

VERBS = {0: _("created"), 1: _("changed"), 2: _("deleted"), 3: _("viewed")}


@dataclass
class Change:
    label: str
    before: str
    after: str


@dataclass
class Row:
    when: dt.datetime
    who: str
    action: int  # auditlog's: 0 created, 1 changed, 2 deleted
    verb: Any
    kind: str
    name: str
    changes: list[Change] = field(default_factory=list)
    detail: list[Change] = field(default_factory=list)


def _model_of(entry) -> type[models.Model] | None:
    return entry.content_type.model_class() if entry.content_type_id else None


def _is_translation(model: type[models.Model] | None) -> bool:
    master = getattr(model, "master", None)
    return master is not None and hasattr(master, "field")  # a parler translation table


def _language_of(entry) -> str:
    """The language of a translation row's entry, in the reader's language: the log keeps the
    name the row had when written (in the writer's language), so it is not shown."""
    code = (entry.changes_dict or {}).get("language_code")
    code = code[-1] if isinstance(code, list) and code else None
    label = dict(settings.LANGUAGES).get(code) if code else None
    return str(label) if label else ""


def _kind(model: type[models.Model] | None) -> str:
    if model is None:
        return ""
    master: Any = getattr(model, "master", None)
    if _is_translation(model):
        parent = master.field.related_model
        return str(_("{kind} (translation)").format(kind=parent._meta.verbose_name))
    return str(capfirst(model._meta.verbose_name))


def _field(model, name: str) -> models.Field | None:
    """The model's own field of that name (not a reverse relation, which the log records as
    "app.Model.None")."""
    try:
        found = model._meta.get_field(name) if model else None
    except Exception:  # a field removed since the entry was written
        return None
    return found if isinstance(found, models.Field) else None


def _is_empty(raw: Any) -> bool:
    return raw is None or raw in ("None", "", "null", "[]", "{}")


class _Names:
    """Names of related objects for a page of entries, one query per model."""

    def __init__(self) -> None:
        self.wanted: dict[type[models.Model], set[str]] = defaultdict(set)
        self.found: dict[tuple[type[models.Model], str], str] = {}

    def want(self, model: type[models.Model], pk: str) -> None:
        self.wanted[model].add(pk)

    def load(self) -> None:
        for model, pks in self.wanted.items():
            ids = [pk for pk in pks if pk.isdigit()]
            for obj in model._default_manager.filter(pk__in=ids):
                self.found[(model, str(obj.pk))] = str(obj)

    def name(self, model: type[models.Model], pk: str) -> str:
        return self.found.get((model, pk), str(_("(removed)")))


def _plain(value: Any) -> str:
    """Structured data as a person reads it: ``sex: female=2, male=6``."""
    if isinstance(value, dict):
        parts = []
        for key, inner in value.items():
            if isinstance(inner, dict):
                parts.append(f"{key}: " + ", ".join(f"{k}={v}" for k, v in inner.items()))
            else:
                parts.append(f"{key}={_plain(inner)}")
        return "; ".join(parts)
    if isinstance(value, list):
        return ", ".join(_plain(item) for item in value)
    return str(value)


def _format(model_field: models.Field | None, raw: Any, names: _Names) -> str:
    if _is_empty(raw):
        return "—"
    if isinstance(model_field, models.JSONField):
        try:
            raw = json.loads(raw) if isinstance(raw, str) else raw
        except ValueError:
            return str(raw)
        return _plain(raw)
    text = str(raw)
    if model_field is None:
        return text
    if model_field.many_to_one or model_field.one_to_one:
        return names.name(model_field.related_model, text)  # type: ignore[arg-type]
    if model_field.many_to_many:
        return "—" if text.endswith(".None") else text
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(text, text))
    if isinstance(model_field, models.BooleanField):
        return str(_("yes") if text == "True" else _("no"))
    if isinstance(model_field, models.DateTimeField):
        moment = parse_datetime(text)
        if moment is None:
            return text
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment, dt.UTC)
        local = timezone.localtime(moment)
        return f"{formats.date_format(local, 'DATETIME_FORMAT')} {local.strftime('%Z')}"
    if isinstance(model_field, models.DateField):
        day = parse_date(text[:10])
        return formats.date_format(day) if day else text
    if isinstance(model_field, models.FileField):
        return text.rsplit("/", 1)[-1]
    if isinstance(model_field, models.DecimalField | models.FloatField):
        try:
            return formats.number_format(float(text), use_l10n=True, force_grouping=True)
        except ValueError:
            return text
    return text


def _changes(entry, model, names: _Names) -> tuple[list[Change], list[Change]]:
    shown: list[Change] = []
    detail: list[Change] = []
    has_original_name = _field(model, "original_name") is not None
    for name, values in (entry.changes_dict or {}).items():
        model_field = _field(model, name)
        if name in HIDDEN or (model is not None and model_field is None):
            continue
        if isinstance(values, dict):  # auditlog's many-to-many record
            objects = ", ".join(str(o) for o in values.get("objects", []))
            values = ["", objects] if values.get("operation") == "add" else [objects, ""]
        before, after = (list(values) + ["", ""])[:2]
        if _is_empty(before) and _is_empty(after):
            continue
        label = str(capfirst(model_field.verbose_name)) if model_field else name
        change = Change(
            label, _format(model_field, before, names), _format(model_field, after, names)
        )
        if change.before == change.after:  # saved again unchanged (1.0 → 1)
            continue
        is_file_path = isinstance(model_field, models.FileField) and has_original_name
        if (
            DETAIL_NAMES.search(name)
            or is_file_path
            or len(change.after) > LONG
            or len(change.before) > LONG
        ):
            detail.append(change)
        else:
            shown.append(change)
    return shown, detail


def _want_names(entry, model, names: _Names) -> None:
    for name, values in (entry.changes_dict or {}).items():
        model_field = _field(model, name)
        if model_field is not None and (model_field.many_to_one or model_field.one_to_one):
            for raw in values if isinstance(values, list | tuple) else []:
                if not _is_empty(raw):
                    names.want(model_field.related_model, str(raw))  # type: ignore[arg-type]


_GENERIC_REPR = re.compile(r"^\w[\w ]* object \(\d+\)$")


def _members(entries) -> set[int]:
    """The actors of ``entries`` who work for an organisation (or run the platform)."""
    from sistercity.accounts.models import User

    ids = {entry.actor_id for entry in entries if entry.actor_id}
    return set(
        User.objects.filter(pk__in=ids)
        .filter(models.Q(memberships__isnull=False) | models.Q(is_superuser=True))
        .values_list("pk", flat=True)
    )


def _who(entry, members: set[int]) -> str:
    """Staff by name; an applicant or registrant — someone without an organisation — is not
    named: the History tab is read by observers, who do not read people's personal data."""
    if entry.actor is None:
        return str(_("system"))
    if entry.actor_id in members:
        return entry.actor.full_name
    return str(_("an applicant or member of the public"))


def rows(entries) -> list[Row]:
    """The readable rows of a page of ``LogEntry`` objects (actor and content type loaded)."""
    entries = list(entries)
    members = _members(entries)
    names = _Names()
    for entry in entries:
        model = _model_of(entry)
        _want_names(entry, model, names)
        if model is not None and _is_translation(model):
            names.want(model, str(entry.object_pk))  # named now, in the reader's language
    names.load()
    result = []
    for entry in entries:
        model = _model_of(entry)
        shown, detail = _changes(entry, model, names)
        if entry.action == 1 and not (shown or detail):
            continue  # a save that changed nothing a person can see
        kind = _kind(model)
        name = "" if _GENERIC_REPR.match(entry.object_repr or "") else entry.object_repr
        if model is not None and _is_translation(model):
            name = names.found.get((model, str(entry.object_pk))) or _language_of(entry)
        result.append(
            Row(
                when=timezone.localtime(entry.timestamp),
                who=_who(entry, members),
                action=entry.action,
                verb=VERBS.get(entry.action, entry.get_action_display()),
                kind=kind,
                name=name,
                changes=shown,
                detail=detail,
            )
        )
    return result


def kind_choices(content_type_ids) -> list[tuple[int, str]]:
    """(content type id, the kind as the reader calls it) for the History tab's filter."""
    from django.contrib.contenttypes.models import ContentType

    kinds = [
        (ct.pk, _kind(ct.model_class()))
        for ct in ContentType.objects.filter(pk__in=list(content_type_ids))
        if ct.model_class() is not None
    ]
    return sorted(kinds, key=lambda pair: pair[1].casefold())


CSV_HEADER = (
    _("When"),
    _("Time zone"),
    _("Who"),
    _("Kind"),
    _("Object"),
    _("Action"),
    _("Field"),
    _("Before"),
    _("After"),
)
CSV_BATCH = 500  # entries read and named at a time


def csv_rows(entries):
    """The History tab for auditors as table rows: one a change (checksums and paths
    included), one for an entry that records no field. Times in the reader's zone, to the
    second; values as the page shows them."""
    yield [str(title) for title in CSV_HEADER]
    batch: list = []
    for entry in entries.iterator(chunk_size=CSV_BATCH):
        batch.append(entry)
        if len(batch) == CSV_BATCH:
            yield from _csv_batch(batch)
            batch = []
    yield from _csv_batch(batch)


def _csv_batch(entries) -> list[list[str]]:
    out = []
    for row in rows(entries):
        head = [
            row.when.strftime("%Y-%m-%d %H:%M:%S"),
            row.when.strftime("%Z"),
            row.who,
            row.kind,
            row.name,
            str(row.verb),
        ]
        changes = row.changes + row.detail
        for change in changes or [Change("", "", "")]:
            out.append([*head, change.label, change.before, change.after])
    return out
