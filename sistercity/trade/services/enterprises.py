"""The enterprise registry: register, change, publish, photos.

The MSME office (the pillar's staff) registers an enterprise; the owner and the office keep
it; only the owner publishes it to buyers. The size class is computed (PP 7/2021), never typed.
"""

import datetime as dt
from decimal import Decimal
from typing import Any

from auditlog.context import set_actor
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sistercity.core.access import forbidden, is_visible
from sistercity.core.errors import SisterCityError, full_clean
from sistercity.core.files import removing_files_on_failure
from sistercity.trade import export_rules as rules
from sistercity.trade.models import Enterprise, EnterprisePhoto
from sistercity.trade.nomenclature import KBLI_2020
from sistercity.trade.services._common import (
    field_label,
    identifier_message,
    inspect_photo,
    refuse,
    require_keeper,
    require_staff,
    save_photo,
)

FIELDS = (
    "legal_name",
    "trade_name",
    "nib",
    "kbli_codes",
    "capital_idr",
    "annual_sales_idr",
    "kecamatan",
    "desa",
    "owner_name",
    "phone",
    "email",
    "employees_women",
    "employees_men",
    "year_founded",
)


TEXT_FIELDS = {"legal_name", "trade_name", "kecamatan", "desa", "owner_name", "phone", "email"}


def _label(name: str) -> str:
    return field_label(Enterprise, name)


def enterprise_problems(data: dict[str, Any]) -> list[tuple[str, str]]:
    """Every problem of an enterprise's fields as (field, translated message), for the form
    and for the XLSX import (which reports them all, by row and column)."""
    problems: list[tuple[str, Any]] = []
    for name in ("legal_name", "kecamatan", "owner_name"):
        if not str(data.get(name) or "").strip():
            problems.append((name, _("This field is required.")))
    nib = str(data.get("nib") or "")
    message = identifier_message("nib", nib)
    if message is not None:
        problems.append(("nib", message))
    codes = data.get("kbli_codes") or []
    if not codes:
        problems.append(("kbli_codes", _("Give at least one KBLI 2020 code.")))
    for code in codes:
        message = identifier_message("kbli", code)
        if message is None and code not in KBLI_2020:
            message = _("{code} is not a KBLI 2020 code.").format(code=code)
        if message is not None:
            problems.append(("kbli_codes", message))
    problems += _size_problems(data)
    year = data.get("year_founded")
    if year is not None and not 1900 <= int(year) <= timezone.localdate().year:
        problems.append(("year_founded", _("must be between 1900 and this year.")))
    for name in ("employees_women", "employees_men"):
        if int(data.get(name) or 0) < 0:
            problems.append((name, _("cannot be negative.")))
    return [(name, str(message)) for name, message in problems]


def _size_problems(data: dict[str, Any]) -> list[tuple[str, Any]]:
    capital, sales = data.get("capital_idr"), data.get("annual_sales_idr")
    if capital is None and sales is None:
        return [("annual_sales_idr", _("Give the annual sales or the business capital."))]
    for name, value in (("capital_idr", capital), ("annual_sales_idr", sales)):
        if value is not None and Decimal(value) < 0:
            return [(name, _("cannot be negative."))]
    size = rules.size_class(capital_idr=capital, annual_sales_idr=sales)
    if size == rules.SizeClass.LARGE:
        name = "annual_sales_idr" if sales is not None else "capital_idr"
        return [(name, _("above the medium-enterprise limit of PP 7/2021: not an MSME."))]
    return []


def _check(data: dict[str, Any]) -> None:
    problems = enterprise_problems(data)
    if problems:
        name, message = problems[0]
        raise refuse(_label(name), message, name=name)


def _normalise(data: dict[str, Any]) -> dict[str, Any]:
    data = dict(data)
    data["nib"] = str(data.get("nib") or "").strip()
    data["kbli_codes"] = sorted({str(code).strip() for code in data.get("kbli_codes") or []})
    for name in ("capital_idr", "annual_sales_idr"):
        if data.get(name) is not None:
            data[name] = Decimal(data[name])
    return data


def _apply(enterprise: Enterprise, data: dict[str, Any]) -> None:
    for name, value in data.items():
        setattr(enterprise, name, "" if value is None and name in TEXT_FIELDS else value)
    enterprise.size_class = rules.size_class(
        capital_idr=enterprise.capital_idr, annual_sales_idr=enterprise.annual_sales_idr
    ).value


def _check_unique(partnership: Any, nib: str, exclude: int | None = None) -> None:
    others = Enterprise.objects.filter(partnership=partnership, nib=nib)
    if exclude is not None:
        others = others.exclude(pk=exclude)
    if others.exists():
        raise refuse(
            _label("nib"),
            _("an enterprise with NIB {nib} is already registered.").format(nib=nib),
            code="duplicate",
            name="nib",
        )


def enterprise_create(
    *, actor: Any, partnership: Any, owner_user: Any = None, is_sample: bool = False, **fields: Any
) -> Enterprise:
    """Register an enterprise (the MSME office)."""
    require_staff(actor, partnership)
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise SisterCityError(_("Unknown fields: {names}").format(names=", ".join(sorted(unknown))))
    data = _normalise(fields)
    _check(data)
    _check_unique(partnership, data["nib"])
    with transaction.atomic(), set_actor(actor):
        enterprise = Enterprise(partnership=partnership, owner_user=owner_user, is_sample=is_sample)
        _apply(enterprise, {"year_founded": None, **data})
        full_clean(enterprise)
        enterprise.save()
    return enterprise


def enterprise_update(*, actor: Any, enterprise: Enterprise, **fields: Any) -> Enterprise:
    """Change an enterprise's registry data (its owner or the MSME office)."""
    require_keeper(actor, enterprise)
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise SisterCityError(_("Unknown fields: {names}").format(names=", ".join(sorted(unknown))))
    current = {name: getattr(enterprise, name) for name in FIELDS}
    data = _normalise({**current, **fields})
    _check(data)
    _check_unique(enterprise.partnership_id, data["nib"], exclude=enterprise.pk)
    with transaction.atomic(), set_actor(actor):
        _apply(enterprise, data)
        full_clean(enterprise)
        enterprise.save()
    return enterprise


def enterprise_publish(*, actor: Any, enterprise: Enterprise, published: bool = True) -> Enterprise:
    """The owner shows (or hides) her enterprise to the partnership's Japanese buyers."""
    if not is_visible(actor, enterprise):
        raise Http404
    if enterprise.owner_user_id != actor.pk:
        raise forbidden(_("Only the enterprise's owner can publish it to buyers."))
    with transaction.atomic(), set_actor(actor):
        enterprise.is_published = published
        enterprise.save(update_fields=["is_published", "updated_at"])
    return enterprise


def enterprise_photo_add(
    *, actor: Any, enterprise: Enterprise, image: Any, caption: str = ""
) -> EnterprisePhoto:
    """A PNG or JPEG photo, judged by its content."""
    require_keeper(actor, enterprise)
    inspected = inspect_photo(image, EnterprisePhoto)
    with removing_files_on_failure() as written, transaction.atomic(), set_actor(actor):
        photo = EnterprisePhoto(enterprise=enterprise, caption=caption)
        return save_photo(photo, image, inspected, written)


def today() -> dt.date:
    return timezone.localdate()
