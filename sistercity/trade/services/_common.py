"""What every trade service shares: who keeps an enterprise, and the field checks."""

from typing import Any

from django.core.files.base import ContentFile
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from sistercity.core.access import Action, access_for, forbidden, is_visible, require
from sistercity.core.errors import SisterCityError, full_clean
from sistercity.core.files import InspectedFile, inspect_upload
from sistercity.trade import export_rules as rules
from sistercity.trade.models import PILLAR, Enterprise
from sistercity.trade.nomenclature import HS2017_CHANGED, HS_2022

STAFF_ONLY = _(
    "Only the secretariat, the partner officers and the MSME agency officers of this "
    "partnership can do this."
)
KEEPERS_ONLY = _("Only the enterprise's owner and the MSME office can change it.")


def require_staff(actor: Any, obj: Any) -> None:
    """The pillar's staff (404 outsiders, 403 the other members)."""
    require(actor, obj, Action.CHANGE, pillar=PILLAR, message=STAFF_ONLY)


def require_keeper(actor: Any, enterprise: Enterprise) -> None:
    """The enterprise's owner or the pillar's staff; 404 for whoever may not see it."""
    if not is_visible(actor, enterprise):
        raise Http404
    if enterprise.owner_user_id is not None and enterprise.owner_user_id == actor.pk:
        return
    if not access_for(actor, enterprise.partnership_id).can(Action.CHANGE, pillar=PILLAR):
        raise forbidden(KEEPERS_ONLY)


def field_label(model: Any, name: str) -> str:
    """A model field's label in the active language."""
    return str(getattr(model._meta.get_field(name), "verbose_name", name))


def refuse(
    field: str, message: Any, code: str = "invalid", *, name: str | None = None
) -> SisterCityError:
    """A refusal that names the field (its label) first; ``name`` is the input's name, so a
    page shows the message beside that input."""
    return SisterCityError(
        _("{field}: {message}").format(field=field, message=message), code=code, field=name
    )


def identifier_message(kind: str, value: str) -> Any:
    """None when ``value`` has the form of the identifier, else why not (translated)."""
    problem = rules.identifier_problem(kind, value)
    if problem is None:
        return None
    digits = rules.IDENTIFIER_DIGITS[kind]
    if problem == "digits":
        return _("use digits only ({count} digits).").format(count=digits)
    return _("must have exactly {count} digits; “{value}” has {length}.").format(
        count=digits, value=value, length=len(value.strip())
    )


def hs_message(code: str) -> Any:
    """None for a known HS 2022 subheading, else why not (an HS 2017 code names its heirs)."""
    problem = identifier_message("hs", code)
    if problem is not None:
        return problem
    if code in HS2017_CHANGED:
        return _("{code} is an HS 2017 code that HS 2022 replaced; use one of {codes}.").format(
            code=code, codes=", ".join(HS2017_CHANGED[code])
        )
    if code not in HS_2022:
        return _("{code} is not an HS 2022 subheading the platform knows.").format(code=code)
    return None


def inspect_photo(upload: Any, model: Any) -> InspectedFile:
    """A PNG or JPEG, judged by its content (not its name); refusals name ``model``'s image."""
    label = field_label(model, "image")
    try:
        inspected = inspect_upload(upload)
    except SisterCityError as error:
        raise refuse(label, error.message, error.code, name="image") from error
    if inspected.extension not in ("png", "jpg"):
        raise refuse(label, _("upload a PNG or JPEG image."), code="file_type", name="image")
    return inspected


def save_photo(photo: Any, upload: Any, inspected: InspectedFile, written: list[str]) -> Any:
    """Store ``upload`` as ``photo.image`` and save the row, inside the caller's
    ``removing_files_on_failure() as written`` (so the file goes again if the write fails)."""
    upload.seek(0)
    photo.image.save(inspected.name, ContentFile(upload.read()), save=False)
    written.append(photo.image.name)
    full_clean(photo)
    photo.save()
    return photo
