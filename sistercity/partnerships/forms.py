from __future__ import annotations  # the generic form-field annotations are for mypy only

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from sistercity.accounts.choices import MUNICIPAL_KINDS
from sistercity.accounts.models import Organisation
from sistercity.core.models import Pillar, TranslationStatus
from sistercity.core.validators import validate_no_markup
from sistercity.partnerships.choices import (
    AGREEMENT,
    DeadlineKind,
    DocumentLanguage,
    PartnershipKind,
)
from sistercity.partnerships.models import DocumentType, StageRequirement

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PartnershipForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200, validators=[validate_no_markup])
    slug = forms.SlugField(label=_("Short name (for the address)"), max_length=50)
    kind = forms.ChoiceField(label=_("Kind"), choices=PartnershipKind.choices)
    municipalities: forms.ModelMultipleChoiceField[Organisation] = forms.ModelMultipleChoiceField(
        label=_("Municipalities"),
        queryset=Organisation.objects.filter(kind__in=MUNICIPAL_KINDS).prefetch_related(
            "translations"
        ),
        widget=forms.CheckboxSelectMultiple,
    )
    pillars = forms.ModelMultipleChoiceField(
        label=_("Pillars in scope"),
        queryset=Pillar.objects.prefetch_related("translations"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    summary = forms.CharField(
        label=_("Summary"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        validators=[validate_no_markup],
    )
    started_on = forms.DateField(label=_("Talks started on"), required=False, widget=DATE)
    is_public = forms.BooleanField(label=_("Public page"), required=False, initial=True)


class AdvanceForm(forms.Form):
    track = forms.SlugField()
    to_stage = forms.SlugField(required=False)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        validators=[validate_no_markup],
    )


class SendBackForm(forms.Form):
    track = forms.SlugField()
    to_stage = forms.SlugField(label=_("Back to stage"))
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 2}),
        validators=[validate_no_markup],
    )


class ApprovalForm(forms.Form):
    requirement = forms.ModelChoiceField(
        queryset=StageRequirement.objects.all(), widget=forms.HiddenInput
    )
    note = forms.CharField(
        label=_("Basis (decision number, date…)"),
        required=False,
        validators=[validate_no_markup],
        widget=forms.TextInput(attrs={"placeholder": _("Basis (decision number, date…)")}),
    )


class DocumentUploadForm(forms.Form):
    document_type = forms.ModelChoiceField(
        label=_("Type"),
        queryset=DocumentType.objects.filter(subject=AGREEMENT).prefetch_related("translations"),
    )
    title = forms.CharField(label=_("Title"), max_length=300, validators=[validate_no_markup])
    language = forms.ChoiceField(
        label=_("Language of the document"), choices=DocumentLanguage.choices
    )
    signed_on = forms.DateField(label=_("Signed on"), required=False, widget=DATE)
    parties = forms.CharField(
        label=_("Parties"), max_length=300, required=False, validators=[validate_no_markup]
    )
    term_start = forms.DateField(label=_("Term starts"), required=False, widget=DATE)
    term_end = forms.DateField(label=_("Term ends"), required=False, widget=DATE)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, DOCX, XLSX, PNG or JPEG, at most {size} MB.").format(
            size=settings.DOCUMENT_MAX_BYTES // (1024 * 1024)
        ),
    )


class VersionForm(forms.Form):
    file = forms.FileField(label=_("New version"))


class DeadlineForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=DeadlineKind.choices)
    due_on = forms.DateField(label=_("Due on"), widget=DATE)
    note = forms.CharField(
        label=_("Note"), max_length=300, required=False, validators=[validate_no_markup]
    )


class TranslationForm(forms.Form):
    """One language's text of a partnership or document."""

    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    status = forms.ChoiceField(label=_("Translation status"), choices=TranslationStatus.choices)


class PartnershipTranslationForm(TranslationForm):
    name = forms.CharField(label=_("Name"), max_length=200, validators=[validate_no_markup])
    summary = forms.CharField(
        label=_("Summary"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[validate_no_markup],
    )


class DocumentTranslationForm(TranslationForm):
    title = forms.CharField(label=_("Title"), max_length=300, validators=[validate_no_markup])


class HistoryFilterForm(forms.Form):
    """The History tab's filters: who changed, what kind of object, and the days (in the
    reader's time zone) the changes fall within. The choices are the people and kinds the
    partnership's log holds."""

    who = forms.ChoiceField(label=_("Person"), required=False)
    kind = forms.ChoiceField(label=_("Kind of object"), required=False)
    since = forms.DateField(label=_("From"), required=False, widget=DATE)
    until = forms.DateField(label=_("Until"), required=False, widget=DATE)

    def __init__(self, *args, people=(), kinds=(), **kwargs):
        super().__init__(*args, **kwargs)
        everyone = [("", _("everyone"))]
        self.fields["who"].choices = everyone + [(str(pk), name) for pk, name in people]  # type: ignore[attr-defined]
        self.fields["kind"].choices = [("", _("all kinds"))] + [  # type: ignore[attr-defined]
            (str(pk), label) for pk, label in kinds
        ]

    def clean(self):
        data = super().clean() or {}
        since, until = data.get("since"), data.get("until")
        if since and until and until < since:
            self.add_error("until", _("The end date cannot be before the start date."))
        return data
