"""What the investment services share: the refusal for members without the right, the money
checks (negative or absurd for the currency), the language content is typed in."""

from decimal import Decimal
from typing import Any

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from sistercity.core.access import Action, access_for, require
from sistercity.core.errors import SisterCityError
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


def check_same_partnership(partnership: Any, *objects: Any) -> None:
    """Objects picked by id (a site, a lead, a meeting) must belong to the same partnership."""
    for obj in objects:
        if obj is not None and obj.partnership_pk != partnership.pk:
            raise SisterCityError(
                _("“{object}” does not belong to this partnership.").format(object=obj),
                code="partnership",
            )


def content_language(language: str | None) -> str:
    return language or translation.get_language() or "id"
