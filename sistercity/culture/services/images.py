"""Photos of events and destinations: PNG or JPEG as judged by the file's content (a renamed
PDF is refused), with the text a screen reader says instead of it."""

from typing import Any

from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _

from sistercity.core.errors import SisterCityError
from sistercity.core.files import InspectedFile, inspect_upload

IMAGE_TYPES = {"png": "image/png", "jpg": "image/jpeg"}


def checked_image(image: Any, alt_text: str) -> InspectedFile:
    """The upload, once it is known to be an image described in words; else a refusal at the
    form's field."""
    if not alt_text or not alt_text.strip():
        raise SisterCityError(
            _("Describe the image in a few words for readers who cannot see it."),
            code="alt",
            field="alt_text",
        )
    try:
        inspected = inspect_upload(image)
    except SisterCityError as error:
        raise SisterCityError(error.message, code=error.code, field="image") from error
    if inspected.extension not in IMAGE_TYPES:
        raise SisterCityError(
            _("The file is not an image (PNG or JPEG)."), code="not_image", field="image"
        )
    return inspected


def store_image(row: Any, image: Any, inspected: InspectedFile) -> None:
    """Write the checked upload into ``row.image`` and save the row (inside the caller's
    transaction)."""
    image.seek(0)
    row.image.save(inspected.name, ContentFile(image.read()), save=False)
    row.save()
