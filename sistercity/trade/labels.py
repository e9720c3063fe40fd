"""The Japanese label of an imported processed food (食品表示基準, Food Labeling Standards).

``label_missing(product)`` names the product fields a mandatory line still lacks (the
readiness rule reads it); ``label_lines(product)`` builds the label, refusing with the field's
name when one is missing. Ingredients are listed in descending weight (Standards Art. 3);
allergens from the specified list of 8 are mandatory, the recommended 20 are shown when the
owner names them; the importer is left as a placeholder for the buyer.
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext_lazy as _

from sistercity.core.errors import SisterCityError

# 特定原材料 (mandatory, 8 since くるみ joined in 2023) and the 20 recommended (準ずるもの).
SPECIFIED_ALLERGENS = {
    "shrimp": "えび",
    "crab": "かに",
    "walnut": "くるみ",
    "wheat": "小麦",
    "buckwheat": "そば",
    "egg": "卵",
    "milk": "乳",
    "peanut": "落花生",
}
RECOMMENDED_ALLERGENS = {
    "almond": "アーモンド",
    "abalone": "あわび",
    "squid": "いか",
    "salmon_roe": "いくら",
    "orange": "オレンジ",
    "cashew": "カシューナッツ",
    "kiwi": "キウイフルーツ",
    "beef": "牛肉",
    "sesame": "ごま",
    "salmon": "さけ",
    "mackerel": "さば",
    "soybean": "大豆",
    "chicken": "鶏肉",
    "banana": "バナナ",
    "pork": "豚肉",
    "macadamia": "マカダミアナッツ",
    "peach": "もも",
    "yam": "やまいも",
    "apple": "りんご",
    "gelatin": "ゼラチン",
}
ALLERGENS = {**SPECIFIED_ALLERGENS, **RECOMMENDED_ALLERGENS}

NUTRIENTS = (
    ("energy_kcal", "熱量", "kcal"),
    ("protein_g", "たんぱく質", "g"),
    ("fat_g", "脂質", "g"),
    ("carbohydrate_g", "炭水化物", "g"),
    ("salt_g", "食塩相当量", "g"),
)
HEADINGS = (
    "名称",
    "原材料名",
    "添加物",
    "内容量",
    "賞味期限",
    "保存方法",
    "原産国名",
    "輸入者",
)
IMPORTER_PLACEHOLDER = "（輸入者名・住所：輸入者が記入）"


@dataclass(frozen=True)
class Label:
    lines: tuple[tuple[str, str], ...]  # (heading, text)
    nutrition: tuple[tuple[str, str], ...]

    def as_text(self) -> str:
        rows = [f"{heading}\t{text}" for heading, text in self.lines]
        rows.append("栄養成分表示（100g当たり）")
        rows += [f"{name}\t{value}" for name, value in self.nutrition]
        return "\n".join(rows)


def _translation(product: Any, field: str, language: str) -> str:
    row = product.translations.filter(language_code=language).first()
    return (getattr(row, field, "") or "").strip() if row else ""


def label_missing(product: Any, ingredients: list[Any] | None = None) -> list[str]:
    """The fields a mandatory label line lacks (their model names), in label order."""
    ingredients = list(product.ingredients.all()) if ingredients is None else ingredients
    missing = []
    if not _translation(product, "name", "ja"):
        missing.append("name")
    if not ingredients or any(not i.name_ja for i in ingredients):
        missing.append("ingredients")
    for field in ("net_contents", "shelf_life_days"):
        if not getattr(product, field):
            missing.append(field)
    if not _translation(product, "storage", "ja"):
        missing.append("storage")
    missing += [field for field, _ja, _unit in NUTRIENTS if getattr(product, field) is None]
    return missing


def _field_label(product: Any, field: str) -> str:
    if field == "ingredients":
        return str(_("ingredients (Japanese names)"))
    if field in ("name", "storage"):
        label = product._parler_meta.root_model._meta.get_field(field).verbose_name
        return _("{field} (Japanese)").format(field=label)
    return str(product._meta.get_field(field).verbose_name)


def _number(value: Decimal) -> str:
    return f"{value.normalize():f}"


def label_lines(product: Any) -> Label:
    """The label, or a refusal naming the first field a mandatory line lacks."""
    ingredients = sorted(product.ingredients.all(), key=lambda i: i.share_pct, reverse=True)
    missing = label_missing(product, ingredients)
    if missing:
        raise SisterCityError(
            _("The label cannot be drawn up yet: {field} is missing.").format(
                field=_field_label(product, missing[0])
            ),
            code="label_incomplete",
        )
    allergens = [ALLERGENS[a] for a in product.allergens if a in ALLERGENS]
    materials = "、".join(i.name_ja for i in ingredients)
    if allergens:
        materials += "（一部に" + "・".join(allergens) + "を含む）"
    lines = (
        ("名称", _translation(product, "name", "ja")),
        ("原材料名", materials),
        ("添加物", product.additives_ja or "なし"),
        ("内容量", product.net_contents),
        ("賞味期限", f"製造日から{product.shelf_life_days}日（枠外に記載）"),
        ("保存方法", _translation(product, "storage", "ja")),
        ("原産国名", "インドネシア"),
        ("輸入者", IMPORTER_PLACEHOLDER),
    )
    nutrition = tuple(
        (name, f"{_number(getattr(product, field))}{unit}") for field, name, unit in NUTRIENTS
    )
    return Label(lines=lines, nutrition=nutrition)
