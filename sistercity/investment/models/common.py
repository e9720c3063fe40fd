"""What the investment models share: the text fields (every one refuses markup), the optional
link to another row, and the stored document (a lead's letter of intent, a technology-transfer
project's report) with what was checked of its content on upload."""

import uuid
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sistercity.core.validators import validate_no_markup


def text(label: Any, max_length: int = 200, **options: Any) -> models.CharField:
    return models.CharField(
        label, max_length=max_length, validators=[validate_no_markup], **options
    )


def long_text(label: Any) -> models.TextField:
    return models.TextField(label, blank=True, validators=[validate_no_markup])


def optional_link(to: Any, label: Any, related_name: str = "+") -> models.ForeignKey:
    """A link that may be empty and is emptied when the row it points to goes."""
    return models.ForeignKey(
        to,
        verbose_name=label,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name=related_name,
    )


def document_path(instance: "StoredDocument", filename: str) -> str:
    # Random names: nothing about a private file can be guessed from its path.
    return f"investment/{instance.storage_folder()}/{uuid.uuid4().hex}/{filename}"


class StoredDocument(models.Model):
    """A private file as ``core.files.inspect_upload`` judged it (by content, not by name)."""

    file = models.FileField(_("file"), upload_to=document_path, max_length=300)
    original_name = models.CharField(_("original file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveBigIntegerField(_("size"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        abstract = True

    def storage_folder(self) -> str:
        raise NotImplementedError
