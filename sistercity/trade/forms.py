"""Page forms; the services check the rules (these only parse the typed values)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sistercity.trade.choices import LabParameter, MessageLanguage, PermitKind, Stage
from sistercity.trade.labels import ALLERGENS
from sistercity.trade.models import Enterprise


class EnterpriseForm(forms.ModelForm):
    kbli_codes = forms.CharField(
        label=_("KBLI 2020 codes"), help_text=_("Five-digit codes, separated by commas.")
    )

    class Meta:
        model = Enterprise
        fields = [
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
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["kbli_codes"] = ", ".join(self.instance.kbli_codes)
        # The services name the field of a wrong NIB; the form leaves the check to them.
        nib: Any = self.fields["nib"]
        nib.max_length = None
        nib.validators = []

    def clean_kbli_codes(self):
        text = self.cleaned_data["kbli_codes"]
        return [code.strip() for code in text.replace(";", ",").split(",") if code.strip()]

    def _post_clean(self):
        # The service validates and saves; the model's own checks run there (full_clean).
        pass


class ImportForm(forms.Form):
    file = forms.FileField(label=_("XLSX workbook"))


class ProductForm(forms.Form):
    name = forms.CharField(label=_("name"), max_length=200)
    name_ja = forms.CharField(label=_("name (Japanese)"), max_length=200, required=False)
    hs_code = forms.CharField(label=_("HS code (HS 2022)"), max_length=12)
    net_contents = forms.CharField(label=_("net contents"), max_length=40, required=False)
    shelf_life_days = forms.IntegerField(label=_("shelf life (days)"), min_value=1, required=False)
    storage_ja = forms.CharField(label=_("storage (Japanese)"), max_length=200, required=False)
    monthly_capacity = forms.DecimalField(
        label=_("monthly capacity (kg)"), min_value=0, required=False
    )
    fob_jpy = forms.DecimalField(label=_("FOB price (JPY/kg)"), min_value=0, required=False)
    importer_of_record = forms.CharField(
        label=_("importer of record"), max_length=200, required=False
    )
    organic_claim = forms.BooleanField(label=_("sold as organic"), required=False)
    allergens = forms.MultipleChoiceField(
        label=_("allergens"),
        choices=[(code, name) for code, name in ALLERGENS.items()],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        texts: dict[str, dict[str, str]] = {"ja": {}}
        if data.pop("name_ja"):
            texts["ja"]["name"] = self.cleaned_data["name_ja"]
        storage = data.pop("storage_ja")
        if storage:
            texts["ja"]["storage"] = storage
        return {**data, "texts": texts if texts["ja"] else {}}


class LabReportForm(forms.Form):
    parameter = forms.ChoiceField(label=_("parameter"), choices=LabParameter.choices)
    result = forms.DecimalField(label=_("result"))
    unit = forms.CharField(label=_("unit"), max_length=20)
    laboratory = forms.CharField(label=_("laboratory"), max_length=200)
    tested_on = forms.DateField(
        label=_("tested on"), widget=forms.DateInput(attrs={"type": "date"})
    )


class PermitForm(forms.Form):
    kind = forms.ChoiceField(label=_("type"), choices=PermitKind.choices)
    number = forms.CharField(label=_("number"), max_length=60)
    issuer = forms.CharField(label=_("issuer"), max_length=200)
    issued_on = forms.DateField(
        label=_("issued on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    expires_on = forms.DateField(
        label=_("expires on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    evidence = forms.FileField(label=_("evidence"), required=False)


class InquiryForm(forms.Form):
    title = forms.CharField(label=_("title"), max_length=200)
    hs_code = forms.CharField(label=_("HS code wanted"), max_length=12)
    volume_kg = forms.DecimalField(label=_("volume (kg/month)"), min_value=0)
    target_price_jpy = forms.DecimalField(
        label=_("target price (JPY/kg)"), min_value=0, required=False
    )
    certifications = forms.MultipleChoiceField(
        label=_("certifications wanted"),
        choices=PermitKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    deadline = forms.DateField(label=_("answer by"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(
        label=_("note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class StageForm(forms.Form):
    stage = forms.ChoiceField(label=_("stage"), choices=Stage.choices)
    lost_reason = forms.CharField(label=_("reason lost"), max_length=300, required=False)


class OrderForm(forms.Form):
    ordered_on = forms.DateField(
        label=_("ordered on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    quantity_kg = forms.DecimalField(label=_("quantity (kg)"), min_value=0)
    value_jpy = forms.DecimalField(label=_("value (JPY)"), min_value=0)


class MessageForm(forms.Form):
    body = forms.CharField(label=_("message"), widget=forms.Textarea(attrs={"rows": 3}))
    language = forms.ChoiceField(label=_("language"), choices=MessageLanguage.choices)


class IngredientsForm(forms.Form):
    """The recipe as lines: ``name; Japanese name; share %; HS code; country; originating
    (y/n); value JPY per kg`` — the services check the shares and the FOB price."""

    lines = forms.CharField(
        label=_("ingredients"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "One per line: name; Japanese name; share %; HS code; country; originating (y/n); "
            "value JPY per kg."
        ),
    )

    def rows(self) -> list[dict[str, Any]]:
        found = []
        for line in self.cleaned_data["lines"].splitlines():
            if not line.strip():
                continue
            cells = [cell.strip() for cell in line.split(";")] + [""] * 7
            found.append(
                {
                    "name": cells[0],
                    "name_ja": cells[1],
                    "share_pct": cells[2] or "0",
                    "hs_code": cells[3],
                    "origin_country": cells[4] or "ID",
                    "originating": cells[5].lower() not in ("n", "no", "t", "tidak", "いいえ"),
                    "value_jpy": cells[6] or "0",
                }
            )
        return found


class ContactForm(forms.Form):
    volume_kg = forms.DecimalField(label=_("volume (kg/month)"), min_value=0)
    message = forms.CharField(label=_("message"), widget=forms.Textarea(attrs={"rows": 2}))


class MentoringProgrammeForm(forms.Form):
    title = forms.CharField(label=_("title"), max_length=200)
    starts_on = forms.DateField(
        label=_("starts on"), widget=forms.DateInput(attrs={"type": "date"})
    )


class SessionForm(forms.Form):
    """A session and who attended, chosen among the enterprises the user sees."""

    held_on = forms.DateField(label=_("held on"), widget=forms.DateInput(attrs={"type": "date"}))
    topic = forms.CharField(label=_("topic"), max_length=200)
    instructor = forms.CharField(label=_("instructor"), max_length=200, required=False)
    attendees = forms.ModelMultipleChoiceField(
        label=_("enterprises attending"),
        queryset=Enterprise.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, enterprises: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if enterprises is not None:
            field: Any = self.fields["attendees"]
            field.queryset = enterprises


class ProductPhotoForm(forms.Form):
    """A product photo; the service judges the file by its content."""

    image = forms.FileField(label=_("photo"), help_text=_("PNG or JPEG."))
    alt_text = forms.CharField(
        label=_("alternative text"),
        max_length=250,
        help_text=_("What the photo shows, for people who cannot see it."),
    )


class BuyerForm(forms.Form):
    name_ja = forms.CharField(label=_("name (Japanese)"), max_length=200)
    name_romaji = forms.CharField(label=_("name (romaji)"), max_length=200)
    prefecture = forms.CharField(label=_("prefecture"), max_length=40)
    sector = forms.CharField(label=_("sector"), max_length=120)
    member_email = forms.EmailField(
        label=_("e-mail of the buyer's contact"),
        required=False,
        help_text=_("The account of the person who speaks for the buyer (optional)."),
    )
