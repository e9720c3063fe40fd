"""The agreement's clauses and the joint plan of action that implements them; the
secretariat and partner officers write both."""

from auditlog.context import set_actor
from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from sistercity.accounts.models import User
from sistercity.core.access import Action, require
from sistercity.core.errors import SisterCityError, full_clean
from sistercity.core.models import Pillar
from sistercity.partnerships.models import Document, Partnership
from sistercity.programs.models import ActionPlanItem, Clause
from sistercity.programs.services.programmes import set_texts


def clause_create(
    *,
    actor: User,
    partnership: Partnership,
    number: str,
    text: str,
    language: str,
    pillar: Pillar | None = None,
    document: Document | None = None,
) -> Clause:
    require(actor, partnership, Action.CHANGE)
    with transaction.atomic(), set_actor(actor):
        clause = Clause(partnership=partnership, number=number, pillar=pillar, document=document)
        set_texts(clause, language, text=text)
        full_clean(clause)
        clause.save()
    return clause


def plan_item_create(
    *,
    actor: User,
    partnership: Partnership,
    code: str,
    title: str,
    language: str,
    clause: Clause | None = None,
) -> ActionPlanItem:
    require(actor, partnership, Action.CHANGE)
    if clause is not None and clause.partnership_id != partnership.pk:
        raise Http404
    if ActionPlanItem.objects.filter(partnership=partnership, code=code).exists():
        raise SisterCityError(
            _("An action-plan item with the code “{code}” already exists.").format(code=code),
            code="duplicate",
            field="code",
        )
    with transaction.atomic(), set_actor(actor):
        item = ActionPlanItem(partnership=partnership, code=code, clause=clause)
        set_texts(item, language, title=title)
        full_clean(item)
        item.save()
    return item
