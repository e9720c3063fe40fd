"""Page forms; the services check the rules (these only parse the typed values)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from sistercity.trade.choices import LabParameter, MessageLanguage, PermitKind, Stage
from sistercity.trade.labels import ALLERGENS
from sistercity.trade.models import Enterprise, TradeEvent


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


PRODUCT_LANGUAGES = ("id", "ja", "en")
PRODUCT_TEXTS = {
    # form field: (language, text field)
    "name": ("id", "name"),
    "description": ("id", "description"),
    "name_ja": ("ja", "name"),
    "description_ja": ("ja", "description"),
    "storage_ja": ("ja", "storage"),
    "name_en": ("en", "name"),
    "description_en": ("en", "description"),
}


def _text_area(label: Any) -> forms.CharField:
    return forms.CharField(label=label, required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ProductForm(forms.Form):
    """A product's data and its texts in Indonesian (required), Japanese and English; the
    same form adds a product and edits one."""

    name = forms.CharField(label=_("name (Indonesian)"), max_length=200)
    description = _text_area(_("description (Indonesian)"))
    name_ja = forms.CharField(label=_("name (Japanese)"), max_length=200, required=False)
    description_ja = _text_area(_("description (Japanese)"))
    name_en = forms.CharField(label=_("name (English)"), max_length=200, required=False)
    description_en = _text_area(_("description (English)"))
    hs_code = forms.CharField(label=_("HS code (HS 2022)"), max_length=12)
    net_contents = forms.CharField(label=_("net contents"), max_length=40, required=False)
    shelf_life_days = forms.IntegerField(label=_("shelf life (days)"), min_value=1, required=False)
    storage_ja = forms.CharField(label=_("storage (Japanese)"), max_length=200, required=False)
    monthly_capacity = forms.DecimalField(
        label=_("monthly capacity (kg)"), min_value=0, required=False
    )
    price_idr = forms.DecimalField(
        label=_("price ex-works (IDR/kg)"), min_value=0, decimal_places=2, required=False
    )
    fob_jpy = forms.DecimalField(
        label=_("FOB price (JPY/kg)"), min_value=0, decimal_places=2, required=False
    )
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

    @classmethod
    def initial_of(cls, product: Any) -> dict[str, Any]:
        """The form's values for an existing product (its texts in each language)."""
        initial = {
            name: getattr(product, name)
            for name in cls.base_fields
            if name not in PRODUCT_TEXTS and hasattr(product, name)
        }
        for name, (language, field) in PRODUCT_TEXTS.items():
            initial[name] = (
                product.safe_translation_getter(field, language_code=language, default="")
                if product.has_translation(language)
                else ""
            )
        return initial

    def service_fields(self) -> dict:
        """The product's fields and its texts by language (``texts``), as the services take
        them; a language whose name is empty is left out (``product_update`` removes it)."""
        data = {k: v for k, v in self.cleaned_data.items() if k not in PRODUCT_TEXTS}
        texts: dict[str, dict[str, str]] = {code: {} for code in PRODUCT_LANGUAGES}
        for name, (language, field) in PRODUCT_TEXTS.items():
            texts[language][field] = (self.cleaned_data.get(name) or "").strip()
        return {**data, "texts": texts}


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
    value_jpy = forms.DecimalField(label=_("value (JPY)"), min_value=0, decimal_places=2)
    value_idr = forms.DecimalField(
        label=_("value (IDR)"),
        min_value=0,
        decimal_places=2,
        required=False,
        help_text=_(
            "As invoiced in rupiah; left empty, the JPY value is converted at the rate of the "
            "order's day."
        ),
    )


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

    def __init__(self, *args: Any, product_pk: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.product_pk = product_pk  # the catalogue row the form belongs to


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


class BuyerNamesForm(forms.Form):
    """Who a buyer is: its names, prefecture and sector."""

    name_ja = forms.CharField(label=_("name (Japanese)"), max_length=200)
    name_romaji = forms.CharField(label=_("name (romaji)"), max_length=200)
    prefecture = forms.CharField(label=_("prefecture"), max_length=40)
    sector = forms.CharField(label=_("sector"), max_length=120)


class BuyerForm(BuyerNamesForm):
    member_email = forms.EmailField(
        label=_("e-mail of the buyer's contact"),
        required=False,
        help_text=_("The account of the person who speaks for the buyer (optional)."),
    )


class EnterprisePhotoForm(forms.Form):
    """A photo of the enterprise's workshop or products; the service judges the file by its
    content."""

    image = forms.FileField(label=_("photo"), help_text=_("PNG or JPEG."))
    caption = forms.CharField(
        label=_("caption"),
        max_length=200,
        help_text=_("What the photo shows, for people who cannot see it."),
    )


class BuyerProfileForm(BuyerNamesForm):
    """A buyer's profile and what it wants all year round."""

    wanted_hs_codes = forms.CharField(
        label=_("HS codes wanted"),
        required=False,
        help_text=_("Six-digit HS 2022 codes, separated by commas."),
    )
    wanted_volume_kg = forms.DecimalField(
        label=_("volume wanted (kg/month)"), min_value=0, decimal_places=2, required=False
    )
    wanted_certifications = forms.MultipleChoiceField(
        label=_("certifications wanted"),
        choices=PermitKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    target_price_jpy = forms.DecimalField(
        label=_("target price (JPY/kg)"), min_value=0, decimal_places=2, required=False
    )

    @classmethod
    def of(cls, buyer: Any, data: Any = None) -> "BuyerProfileForm":
        initial = {name: getattr(buyer, name) for name in cls.base_fields}
        initial["wanted_hs_codes"] = ", ".join(buyer.wanted_hs_codes)
        return cls(data, initial=initial)


class TradeEventForm(forms.Form):
    name = forms.CharField(label=_("name"), max_length=200)
    held_on = forms.DateField(label=_("held on"), widget=forms.DateInput(attrs={"type": "date"}))
    place = forms.CharField(label=_("place"), max_length=200, required=False)


class LeadEventForm(forms.Form):
    """The trade fair or promotion event a lead came from, among its partnership's events."""

    event = forms.ModelChoiceField(
        label=_("from the event"),
        queryset=TradeEvent.objects.none(),
        required=False,
        empty_label=_("none"),
    )

    def __init__(self, *args: Any, events: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if events is not None:
            field: Any = self.fields["event"]
            field.queryset = events
