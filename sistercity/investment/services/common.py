"""What the investment services share: the refusal for members without the right, the money
checks (negative or absurd for the currency), short names unique per partnership, the
language content is typed in, and the storing of an uploaded document."""

from decimal import Decimal
from typing import Any

from auditlog.context import set_actor
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from sistercity.core.access import Action, access_for, require
from sistercity.core.errors import SisterCityError, full_clean
from sistercity.core.files import inspect_upload, removing_files_on_failure
from sistercity.investment.choices import MAX_AMOUNT, PILLAR

CHANGE_REFUSED = _(
    "Only the secretariat, the partner officers and the investment office of this "
    "partnership can change its investment pipeline."
)


def require_pipeline(actor: Any, obj: Any) -> Any:
    """The opening of every pipeline write: 404 for whoever may not see ``obj``, 403 for a
    member who may not change the investment pillar."""
    return require(actor, obj, Action.CHANGE, pillar=PILLAR, message=CHANGE_REFUSED)


def works_pipeline(user: Any, partnership: Any) -> bool:
    return access_for(user, partnership).can(Action.CHANGE, pillar=PILLAR)


def check_amount(amount: Decimal | None, currency: str, label: Any) -> None:
    """Refuse a negative amount, or one absurd for its currency (a typing error)."""
    if amount is None:
        return
    if currency not in MAX_AMOUNT:
        raise SisterCityError(
            _("“{currency}” is not a currency the pipeline records.").format(currency=currency),
            code="currency",
        )
    if amount < 0:
        raise SisterCityError(
            _("{field} cannot be negative.").format(field=label), code="negative_amount"
        )
    if amount > MAX_AMOUNT[currency]:
        raise SisterCityError(
            _(
                "{field} of {amount} {currency} is not plausible for one project (at most "
                "{limit} {currency}); check the digits and the currency."
            ).format(
                field=label,
                amount=f"{amount:,.0f}",
                currency=currency,
                limit=f"{MAX_AMOUNT[currency]:,.0f}",
            ),
            code="absurd_amount",
        )


def check_owner(partnership: Any, owner: Any) -> None:
    """Whoever owns a lead or an offer works this partnership's pipeline."""
    if not works_pipeline(owner, partnership):
        raise SisterCityError(
            _("{person} does not work on this partnership's investment pipeline.").format(
                person=owner
            ),
            code="owner",
            field="owner",
        )


def check_same_partnership(partnership: Any, *objects: Any) -> None:
    """Objects picked by id (a site, a lead, a meeting) must belong to the same partnership."""
    for obj in objects:
        if obj is not None and obj.partnership_pk != partnership.pk:
            raise SisterCityError(
                _("“{object}” does not belong to this partnership.").format(object=obj),
                code="partnership",
            )


# Short names that are words of the pages' addresses (…/tech/new/).
RESERVED_CODES = frozenset({"new", "edit"})


def check_code(model: Any, partnership: Any, code: str) -> None:
    """A short name is used once per partnership and kind of row."""
    if code in RESERVED_CODES:
        raise SisterCityError(
            _("“{code}” is a reserved word; choose another short name.").format(code=code),
            code="reserved",
            field="code",
        )
    if model.objects.filter(partnership=partnership, code=code).exists():
        raise SisterCityError(
            _("The short name “{code}” is already used here.").format(code=code),
            code="duplicate",
            field="code",
        )


def check_dates(starts: Any, ends: Any, message: Any) -> None:
    if starts is not None and ends is not None and ends < starts:
        raise SisterCityError(message, code="dates")


def content_language(language: str | None) -> str:
    return language or translation.get_language() or "id"


def set_texts(obj: Any, language: str | None, **texts: Any) -> None:
    """Write ``texts`` into the translation of ``obj`` in the language they were typed in."""
    obj.set_current_language(content_language(language))
    for name, value in texts.items():
        setattr(obj, name, value)


def split_changes(
    obj: Any, changes: dict[str, Any], fields: tuple[str, ...], texts: tuple[str, ...]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """An update's ``changes`` as every field (those not given: as ``obj`` has them) and the
    texts given; any other name is a programming error."""
    unknown = set(changes) - set(fields) - set(texts)
    if unknown:
        raise TypeError(f"unexpected arguments {sorted(unknown)}")
    return (
        {name: changes.get(name, getattr(obj, name)) for name in fields},
        {name: changes[name] for name in texts if name in changes},
    )


def set_fields(obj: Any, fields: dict[str, Any]) -> None:
    for name, value in fields.items():
        setattr(obj, name, value)


def store_document(*, actor: Any, document: Any, file: Any) -> Any:
    """Save ``document`` (a lead's or a project's) with ``file``, judged by its content (PDF,
    DOCX, XLSX, PNG, JPEG), not its name; the file is removed again if the row is refused."""
    inspected = inspect_upload(file)
    with removing_files_on_failure() as written, transaction.atomic(), set_actor(actor):
        document.original_name = inspected.name
        document.content_type = inspected.content_type
        document.size = inspected.size
        document.sha256 = inspected.sha256
        document.uploaded_by = actor
        document.file.save(inspected.name, file, save=False)
        written.append(document.file.name)
        full_clean(document)
        document.save()
    return document
