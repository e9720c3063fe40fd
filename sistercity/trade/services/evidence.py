"""Permits, products, recipes and lab reports: the evidence the readiness checklist reads.

The enterprise's owner and the MSME office keep them; only the office verifies a permit.
"""

import datetime as dt
from decimal import Decimal, InvalidOperation
from typing import Any

from auditlog.context import set_actor
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from sistercity.core.access import forbidden
from sistercity.core.errors import SisterCityError, full_clean
from sistercity.core.files import inspect_upload, removing_files_on_failure
from sistercity.trade import export_rules as engine
from sistercity.trade.choices import LabParameter, PermitKind
from sistercity.trade.labels import ALLERGENS
from sistercity.trade.models import (
    Enterprise,
    Ingredient,
    LabReport,
    Permit,
    Product,
    ProductPhoto,
    ReadinessRecord,
)
from sistercity.trade.readiness import Assessment, assess
from sistercity.trade.services._common import (
    field_label,
    hs_message,
    identifier_message,
    inspect_photo,
    refuse,
    require_keeper,
    require_staff,
    save_photo,
)

PIRT_YEARS = 5  # a P-IRT is valid five years (Peraturan BPOM 22/2018)


def _label(model: Any, name: str) -> str:
    return field_label(model, name)


# --------------------------------------------------------------------------------------
# permits
# --------------------------------------------------------------------------------------


def _permit_check(
    kind: str, number: str, issued_on: dt.date, expires_on: dt.date | None, products: list[Any]
) -> None:
    if kind not in PermitKind.values:
        raise refuse(_label(Permit, "kind"), _("unknown permit type."), name="kind")
    if not number.strip():
        raise refuse(_label(Permit, "number"), _("This field is required."), name="number")
    if kind == PermitKind.PIRT:
        message = identifier_message("pirt", number)
        if message is not None:
            raise refuse(_label(Permit, "number"), message, name="number")
    if expires_on is not None and expires_on < issued_on:
        raise refuse(
            _label(Permit, "expires_on"), _("is before the issue date."), name="expires_on"
        )
    if issued_on > timezone.localdate():
        raise refuse(_label(Permit, "issued_on"), _("is in the future."), name="issued_on")


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _inspected_evidence(upload: Any) -> Any:
    """The evidence file judged by its content; a refusal names the field."""
    try:
        return inspect_upload(upload)
    except SisterCityError as error:
        raise refuse(
            _label(Permit, "evidence"), error.message, error.code, name="evidence"
        ) from error


def permit_add(
    *,
    actor: Any,
    enterprise: Enterprise,
    kind: str,
    number: str,
    issuer: str,
    issued_on: dt.date,
    expires_on: dt.date | None = None,
    products: list[Any] | tuple[Any, ...] = (),
    evidence: Any = None,
    halal_scheme: str = "",
) -> Permit:
    """Record a permit or certificate; a P-IRT without an expiry gets its five years."""
    require_keeper(actor, enterprise)
    products = list(products)
    number = number.strip()
    _permit_check(kind, number, issued_on, expires_on, products)
    if any(p.enterprise_id != enterprise.pk for p in products):
        raise refuse(
            _label(Permit, "products"), _("a product of another enterprise."), name="products"
        )
    if kind == PermitKind.PIRT and expires_on is None:
        expires_on = _add_years(issued_on, PIRT_YEARS)
    inspected = _inspected_evidence(evidence) if evidence else None
    with removing_files_on_failure() as written, transaction.atomic(), set_actor(actor):
        permit = Permit(
            enterprise=enterprise,
            kind=kind,
            number=number,
            issuer=issuer,
            issued_on=issued_on,
            expires_on=expires_on,
            halal_scheme=halal_scheme,
        )
        if inspected is not None:
            evidence.seek(0)
            permit.evidence.save(inspected.name, ContentFile(evidence.read()), save=False)
            written.append(permit.evidence.name)
        full_clean(permit)
        permit.save()
        permit.products.set(products)
    return permit


def permit_verify(*, actor: Any, permit: Permit) -> Permit:
    """The MSME office has seen the original: the permit is verified, by whom recorded."""
    require_staff(actor, permit)
    if permit.expires_on is not None and permit.expires_on < timezone.localdate():
        raise refuse(
            _label(Permit, "expires_on"),
            _("the permit has expired and cannot serve as evidence."),
            code="expired",
        )
    with transaction.atomic(), set_actor(actor):
        permit.verified_by = actor
        permit.save(update_fields=["verified_by", "updated_at"])
    return permit


# --------------------------------------------------------------------------------------
# products
# --------------------------------------------------------------------------------------

PRODUCT_FIELDS = (
    "hs_code",
    "organic_claim",
    "shelf_life_days",
    "net_contents",
    "monthly_capacity",
    "price_idr",
    "fob_jpy",
    "importer_of_record",
    "allergens",
    "additives_ja",
    "energy_kcal",
    "protein_g",
    "fat_g",
    "carbohydrate_g",
    "salt_g",
)
TEXTS = ("name", "description", "storage")
# The languages a product's texts are kept in, with the name a refusal gives each.
LANGUAGES = {"id": _("Indonesian"), "ja": _("Japanese"), "en": _("English")}


def _text_input(language: str, name: str) -> str:
    """The page input of a product text (``name``, ``name_ja``, ``description_en``…)."""
    return name if language == "id" else f"{name}_{language}"


def _product_fields(fields: dict[str, Any]) -> None:
    unknown = set(fields) - set(PRODUCT_FIELDS)
    if unknown:
        raise SisterCityError(_("Unknown fields: {names}").format(names=", ".join(sorted(unknown))))
    if "hs_code" in fields:
        fields["hs_code"] = engine.normalise_hs(str(fields["hs_code"] or ""))
        message = (
            _("This field is required.") if not fields["hs_code"] else hs_message(fields["hs_code"])
        )
        if message is not None:
            raise refuse(_label(Product, "hs_code"), message, name="hs_code")
    unknown_allergens = set(fields.get("allergens") or []) - set(ALLERGENS)
    if unknown_allergens:
        raise refuse(
            _label(Product, "allergens"),
            _("unknown: {names}").format(names=", ".join(sorted(unknown_allergens))),
            name="allergens",
        )
    for name in ("price_idr", "fob_jpy", "monthly_capacity"):
        if fields.get(name) is not None and Decimal(fields[name]) < 0:
            raise refuse(_label(Product, name), _("cannot be negative."), name=name)


def _product_texts(product: Product, texts: dict[str, dict]) -> None:
    """Set the texts by language; a language given without a name is refused (beside the
    name), one whose texts are all empty is removed (or never added)."""
    for language, values in texts.items():
        if language not in LANGUAGES:
            raise SisterCityError(_("Unknown language: {code}").format(code=language))
        unknown = set(values) - set(TEXTS)
        if unknown:
            raise SisterCityError(
                _("Unknown fields: {names}").format(names=", ".join(sorted(unknown)))
            )
        values = {name: str(value or "").strip() for name, value in values.items()}
        kept = product.has_translation(language)
        if "name" not in values and kept:
            values["name"] = product.safe_translation_getter("name", language_code=language)
        if not values.get("name"):
            if any(values.values()) or language == "id":
                raise refuse(
                    _("name ({language})").format(language=LANGUAGES[language]),
                    _("This field is required."),
                    name=_text_input(language, "name"),
                )
            if product.pk and kept:
                product.delete_translation(language)
            continue
        product.set_current_language(language)
        for name, value in values.items():
            setattr(product, name, value)


def _product_apply(product: Product, fields: dict[str, Any], texts: dict[str, dict]) -> None:
    _product_fields(fields)
    current = product.get_current_language()
    for name, value in fields.items():
        setattr(product, name, value)
    _product_texts(product, texts)
    product.set_current_language(current)


def product_create(
    *,
    actor: Any,
    enterprise: Enterprise,
    name: str,
    language: str | None = None,
    texts: dict[str, dict] | None = None,
    **fields: Any,
) -> Product:
    """A product of an enterprise; ``name`` in ``language``, other languages in ``texts``."""
    require_keeper(actor, enterprise)
    language = language or translation.get_language() or "id"
    if language not in LANGUAGES:
        language = "id"
    if not name.strip():
        raise refuse(
            _("name ({language})").format(language=LANGUAGES[language]),
            _("This field is required."),
            name=_text_input(language, "name"),
        )
    fields.setdefault("hs_code", "")
    with transaction.atomic(), set_actor(actor):
        product = Product(enterprise=enterprise)
        merged = {code: dict(values) for code, values in (texts or {}).items()}
        merged.setdefault(language, {})["name"] = name
        _product_apply(product, dict(fields), merged)
        product.set_current_language(language)
        full_clean(product)
        product.save()
    return product


def product_update(
    *, actor: Any, product: Product, texts: dict[str, dict] | None = None, **fields: Any
) -> Product:
    """Correct a product's data and its texts (the owner or the MSME office)."""
    require_keeper(actor, product.enterprise)
    with transaction.atomic(), set_actor(actor):
        _product_apply(product, dict(fields), texts or {})
        full_clean(product)
        product.save()
    return product


def product_publish(*, actor: Any, product: Product, published: bool = True) -> Product:
    """The owner shows a product in the buyers' catalogue (publishing her enterprise too)."""
    enterprise = product.enterprise
    require_keeper(actor, enterprise)
    if enterprise.owner_user_id != actor.pk:
        raise forbidden(_("Only the enterprise's owner can publish it to buyers."))
    with transaction.atomic(), set_actor(actor):
        if published and not enterprise.is_published:
            enterprise.is_published = True
            enterprise.save(update_fields=["is_published", "updated_at"])
        product.is_published = published
        product.save(update_fields=["is_published", "updated_at"])
    return product


# --------------------------------------------------------------------------------------
# recipe and lab reports
# --------------------------------------------------------------------------------------


def product_photo_add(*, actor: Any, product: Product, image: Any, alt_text: str) -> ProductPhoto:
    """A PNG or JPEG photo of a product, judged by its content (not its name), with the text
    a screen reader says instead of it."""
    require_keeper(actor, product.enterprise)
    alt_text = (alt_text or "").strip()
    if not alt_text:
        raise refuse(
            _label(ProductPhoto, "alt_text"), _("This field is required."), name="alt_text"
        )
    inspected = inspect_photo(image, ProductPhoto)
    with removing_files_on_failure() as written, transaction.atomic(), set_actor(actor):
        photo = ProductPhoto(
            product=product, alt_text=alt_text, content_type=inspected.content_type
        )
        return save_photo(photo, image, inspected, written)


def _decimal(value: Any, field: str, name: str | None = None) -> Decimal:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        message = _("“{value}” is not a number.").format(value=value)
        raise refuse(field, message, name=name) from None


def _ingredient(product: Product, row: dict[str, Any], number: int) -> Ingredient:
    def field(name: str) -> str:
        return _("line {number}, {field}").format(number=number, field=_label(Ingredient, name))

    name = str(row.get("name") or "").strip()
    if not name:
        raise refuse(field("name"), _("This field is required."), name="lines")
    hs_code = engine.normalise_hs(str(row.get("hs_code") or ""))
    if hs_code:
        message = identifier_message("hs", hs_code)
        if message is not None:
            raise refuse(field("hs_code"), message, name="lines")
    return Ingredient(
        product=product,
        name=name,
        name_ja=str(row.get("name_ja") or "").strip(),
        share_pct=_decimal(row.get("share_pct"), field("share_pct"), "lines"),
        hs_code=hs_code,
        origin_country=str(row.get("origin_country") or "ID").upper()[:2],
        originating=bool(row.get("originating", True)),
        value_jpy=_decimal(row.get("value_jpy") or 0, field("value_jpy"), "lines"),
    )


def product_set_ingredients(
    *, actor: Any, product: Product, ingredients: list[dict[str, Any]]
) -> list[Ingredient]:
    """Replace the recipe (or bill of materials); the shares must add up to 100 %, and the FOB
    price, when known, must cover the non-originating inputs."""
    require_keeper(actor, product.enterprise)
    rows = [_ingredient(product, row, n) for n, row in enumerate(ingredients, start=1)]
    total = engine.shares_problem(r.share_pct for r in rows)
    if total is not None:
        raise refuse(
            _label(Ingredient, "share_pct"),
            _("the shares add up to {total} %, not 100 %.").format(total=total),
            code="shares",
            name="lines",
        )
    foreign = sum((r.value_jpy for r in rows if not r.originating), Decimal(0))
    if product.fob_jpy is not None and foreign > product.fob_jpy:
        raise refuse(
            _label(Product, "fob_jpy"),
            _("{fob} is below the value of the non-originating inputs ({value}).").format(
                fob=product.fob_jpy, value=foreign
            ),
            code="fob_below_inputs",
            name="lines",
        )
    with transaction.atomic(), set_actor(actor):
        for row in rows:
            full_clean(row, exclude=["product"])
        product.ingredients.all().delete()
        Ingredient.objects.bulk_create(rows)
    return rows


def lab_report_add(
    *,
    actor: Any,
    product: Product,
    parameter: str,
    result: Any,
    unit: str,
    laboratory: str,
    tested_on: dt.date,
) -> LabReport:
    require_keeper(actor, product.enterprise)
    if parameter not in LabParameter.values:
        raise refuse(_label(LabReport, "parameter"), _("unknown parameter."), name="parameter")
    if tested_on > timezone.localdate():
        raise refuse(_label(LabReport, "tested_on"), _("is in the future."), name="tested_on")
    with transaction.atomic(), set_actor(actor):
        report = LabReport(
            product=product,
            parameter=parameter,
            result=_decimal(result, _label(LabReport, "result"), name="result"),
            unit=unit,
            laboratory=laboratory,
            tested_on=tested_on,
        )
        full_clean(report)
        report.save()
    return report


def product_assess(*, actor: Any, product: Product) -> Assessment:
    """Run the checklist and keep the score in the product's history (mentoring shows as a
    rising score)."""
    require_keeper(actor, product.enterprise)
    assessment = assess(product)
    with transaction.atomic(), set_actor(actor):
        ReadinessRecord.objects.create(
            product=product,
            score=assessment.score,
            missing=[c.rule for c in assessment.readiness.missing],
        )
    return assessment
