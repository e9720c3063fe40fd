from typing import Any

from rest_framework import serializers

from sistercity.core.api.serializers import translations_of
from sistercity.trade import selectors
from sistercity.trade.choices import HalalScheme, LabParameter, MessageLanguage, PermitKind, Stage
from sistercity.trade.models import (
    Buyer,
    Enterprise,
    Inquiry,
    LabReport,
    Lead,
    Message,
    Order,
    Permit,
    Product,
)

PERSONAL = ("owner_name", "phone", "email")


class MsmeEnterpriseSerializer(serializers.ModelSerializer):
    partnership: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )

    class Meta:
        model = Enterprise
        fields = [
            "id",
            "partnership",
            "legal_name",
            "trade_name",
            "nib",
            "kbli_codes",
            "capital_idr",
            "annual_sales_idr",
            "size_class",
            "kecamatan",
            "desa",
            "owner_name",
            "phone",
            "email",
            "employees_women",
            "employees_men",
            "year_founded",
            "is_published",
            "is_sample",
        ]
        read_only_fields = ["size_class", "is_published", "is_sample"]

    def to_representation(self, instance: Enterprise) -> dict[str, Any]:
        data = super().to_representation(instance)
        request = self.context.get("request")
        # The owner's name and contacts: the pillar's staff and the owner only.
        if request is None or not selectors.can_see_personal(request.user, instance):
            for name in PERSONAL:
                data.pop(name, None)
        return data


class MsmeEnterpriseCreateSerializer(serializers.Serializer):
    partnership = serializers.SlugField()
    legal_name = serializers.CharField(max_length=200)
    trade_name = serializers.CharField(max_length=200, required=False, default="")
    nib = serializers.CharField(max_length=20)
    kbli_codes = serializers.ListField(child=serializers.CharField(max_length=10))
    capital_idr = serializers.DecimalField(
        max_digits=18, decimal_places=2, required=False, allow_null=True, default=None
    )
    annual_sales_idr = serializers.DecimalField(
        max_digits=18, decimal_places=2, required=False, allow_null=True, default=None
    )
    kecamatan = serializers.CharField(max_length=100)
    desa = serializers.CharField(max_length=100, required=False, default="")
    owner_name = serializers.CharField(max_length=200)
    phone = serializers.CharField(max_length=40, required=False, default="")
    email = serializers.EmailField(required=False, default="")
    employees_women = serializers.IntegerField(min_value=0, required=False, default=0)
    employees_men = serializers.IntegerField(min_value=0, required=False, default=0)
    year_founded = serializers.IntegerField(required=False, allow_null=True, default=None)


class MsmeProductSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="__str__", read_only=True)
    translations = serializers.SerializerMethodField()

    class Meta:
        model = Product
        fields = [
            "id",
            "enterprise",
            "name",
            "hs_code",
            "organic_claim",
            "shelf_life_days",
            "net_contents",
            "monthly_capacity",
            "price_idr",
            "fob_jpy",
            "is_published",
            "translations",
        ]

    def get_translations(self, obj: Product) -> dict:
        return translations_of(obj, "name", "description", "storage")


class MsmeReadinessItemSerializer(serializers.Serializer):
    rule = serializers.CharField()
    met = serializers.BooleanField()
    gap = serializers.CharField(allow_null=True)
    next_step = serializers.CharField()
    legal_source = serializers.CharField()
    url = serializers.URLField()


class MsmeReadinessSerializer(serializers.Serializer):
    score = serializers.IntegerField()
    items = MsmeReadinessItemSerializer(many=True)


class MsmePermitSerializer(serializers.ModelSerializer):
    class Meta:
        model = Permit
        fields = [
            "id",
            "enterprise",
            "kind",
            "halal_scheme",
            "number",
            "issuer",
            "issued_on",
            "expires_on",
            "products",
            "verified_by",
        ]


class MsmeInquirySerializer(serializers.ModelSerializer):
    class Meta:
        model = Inquiry
        fields = [
            "id",
            "buyer",
            "title",
            "hs_code",
            "volume_kg",
            "target_price_jpy",
            "certifications",
            "deadline",
            "note",
        ]


class MsmeInquiryCreateSerializer(serializers.Serializer):
    buyer = serializers.IntegerField()
    title = serializers.CharField(max_length=200)
    hs_code = serializers.CharField(max_length=12)
    volume_kg = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=0)
    target_price_jpy = serializers.DecimalField(
        max_digits=18, decimal_places=2, required=False, allow_null=True, default=None
    )
    certifications = serializers.ListField(
        child=serializers.CharField(max_length=30), required=False, default=list
    )
    deadline = serializers.DateField()
    note = serializers.CharField(required=False, default="", allow_blank=True)


class MsmeOrderSerializer(serializers.ModelSerializer):
    class Meta:
        model = Order
        fields = ["id", "kind", "ordered_on", "quantity_kg", "value_jpy", "value_idr"]


class MsmeLeadSerializer(serializers.ModelSerializer):
    orders = MsmeOrderSerializer(many=True, read_only=True)

    class Meta:
        model = Lead
        fields = ["id", "inquiry", "product", "stage", "lost_reason", "stage_changed_on", "orders"]


class MsmeBuyerSerializer(serializers.ModelSerializer):
    partnership: serializers.SlugRelatedField[Any] = serializers.SlugRelatedField(
        slug_field="slug", read_only=True
    )

    class Meta:
        model = Buyer
        fields = ["id", "partnership", "name_ja", "name_romaji", "prefecture", "sector"]


class MsmeBuyerCreateSerializer(serializers.Serializer):
    partnership = serializers.SlugField()
    name_ja = serializers.CharField(max_length=200)
    name_romaji = serializers.CharField(max_length=200)
    prefecture = serializers.CharField(max_length=40)
    sector = serializers.CharField(max_length=120)


class MsmeReasonSerializer(serializers.Serializer):
    code = serializers.CharField()
    points = serializers.IntegerField()
    detail = serializers.CharField(allow_blank=True)
    text = serializers.CharField(help_text="The reason in the caller's language.")


class MsmeMatchSerializer(serializers.Serializer):
    product = serializers.IntegerField()
    name = serializers.CharField()
    points = serializers.IntegerField()
    readiness = serializers.IntegerField()
    reasons = MsmeReasonSerializer(many=True)


class MsmeLeadCreateSerializer(serializers.Serializer):
    inquiry = serializers.IntegerField()
    product = serializers.IntegerField()
    note = serializers.CharField(required=False, default="", allow_blank=True)
    event = serializers.IntegerField(required=False, allow_null=True, default=None)


class MsmeLeadAdvanceSerializer(serializers.Serializer):
    stage = serializers.ChoiceField(choices=Stage.choices)
    lost_reason = serializers.CharField(
        max_length=300, required=False, default="", allow_blank=True
    )


class MsmeOrderCreateSerializer(serializers.Serializer):
    ordered_on = serializers.DateField()
    quantity_kg = serializers.DecimalField(max_digits=12, decimal_places=2, min_value=0)
    value_jpy = serializers.DecimalField(max_digits=18, decimal_places=2)
    value_idr = serializers.DecimalField(
        max_digits=18, decimal_places=2, required=False, allow_null=True, default=None
    )


class MsmeOrderListSerializer(serializers.ModelSerializer):
    class Meta:
        model = Order
        fields = ["id", "lead", "kind", "ordered_on", "quantity_kg", "value_jpy", "value_idr"]


class MsmeMessageSerializer(serializers.ModelSerializer):
    author = serializers.CharField(source="author.get_full_name", read_only=True)

    class Meta:
        model = Message
        fields = ["id", "lead", "author", "language", "body", "sent_at"]


class MsmeMessageCreateSerializer(serializers.Serializer):
    body = serializers.CharField()
    language = serializers.ChoiceField(
        choices=MessageLanguage.choices, required=False, allow_null=True, default=None
    )


class MsmePermitCreateSerializer(serializers.Serializer):
    """A permit or certificate; ``evidence`` (multipart) is judged by its content."""

    enterprise = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=PermitKind.choices)
    halal_scheme = serializers.ChoiceField(
        choices=HalalScheme.choices, required=False, default="", allow_blank=True
    )
    number = serializers.CharField(max_length=60)
    issuer = serializers.CharField(max_length=200)
    issued_on = serializers.DateField()
    expires_on = serializers.DateField(required=False, allow_null=True, default=None)
    products = serializers.ListField(child=serializers.IntegerField(), required=False, default=list)
    evidence = serializers.FileField(required=False, allow_null=True, default=None)


class MsmeProductTextsSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=200, required=False, allow_blank=True)
    description = serializers.CharField(required=False, allow_blank=True)
    storage = serializers.CharField(max_length=200, required=False, allow_blank=True)


class MsmeProductWriteSerializer(serializers.Serializer):
    """A product's data; ``texts`` holds its texts by language (id, ja, en)."""

    hs_code = serializers.CharField(max_length=12)
    organic_claim = serializers.BooleanField(required=False)
    shelf_life_days = serializers.IntegerField(min_value=1, required=False, allow_null=True)
    net_contents = serializers.CharField(max_length=40, required=False, allow_blank=True)
    monthly_capacity = serializers.DecimalField(
        max_digits=12, decimal_places=2, min_value=0, required=False, allow_null=True
    )
    price_idr = serializers.DecimalField(
        max_digits=18, decimal_places=2, min_value=0, required=False, allow_null=True
    )
    fob_jpy = serializers.DecimalField(
        max_digits=18, decimal_places=2, min_value=0, required=False, allow_null=True
    )
    importer_of_record = serializers.CharField(max_length=200, required=False, allow_blank=True)
    allergens = serializers.ListField(child=serializers.CharField(max_length=30), required=False)
    texts = serializers.DictField(child=MsmeProductTextsSerializer(), required=False)


class MsmeProductCreateSerializer(MsmeProductWriteSerializer):
    enterprise = serializers.IntegerField()
    name = serializers.CharField(max_length=200)
    language = serializers.ChoiceField(
        choices=[("id", "Bahasa Indonesia"), ("ja", "日本語"), ("en", "English")], default="id"
    )


class MsmeLabReportSerializer(serializers.ModelSerializer):
    class Meta:
        model = LabReport
        fields = ["id", "product", "parameter", "result", "unit", "laboratory", "tested_on"]


class MsmeLabReportCreateSerializer(serializers.Serializer):
    parameter = serializers.ChoiceField(choices=LabParameter.choices)
    result = serializers.DecimalField(max_digits=12, decimal_places=4)
    unit = serializers.CharField(max_length=20)
    laboratory = serializers.CharField(max_length=200)
    tested_on = serializers.DateField()
