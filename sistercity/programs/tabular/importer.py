"""The XLSX import as one call: may the actor import at all, read, check every row, then write
all of it in one transaction, or nothing."""

from collections.abc import Callable

from auditlog.context import set_actor
from django.db import transaction
from django.http import Http404

from sistercity.accounts.models import User
from sistercity.core.access import Action, access_for, forbidden
from sistercity.partnerships.models import Partnership
from sistercity.programs.tabular.check import Checker
from sistercity.programs.tabular.errors import ImportRejected
from sistercity.programs.tabular.layout import SHEETS
from sistercity.programs.tabular.read import read_workbook
from sistercity.programs.tabular.write import ImportSummary, Writer


def import_xlsx(
    *,
    actor: User,
    partnership: Partnership,
    data: bytes,
    on_progress: Callable[[float], None] = lambda fraction: None,
) -> ImportSummary:
    """Check the whole workbook, then write all of it or nothing.

    Raises ImportRejected (with per-row errors) or SisterCityError (a file that cannot be read
    at all); Http404 for a user who cannot see the partnership. ``on_progress`` receives 0–1 while
    rows are checked (the writing is one transaction, reported when it ends).
    """
    _require_some_right(actor, partnership)
    sheets, errors = read_workbook(data)
    checker = Checker(actor=actor, partnership=partnership, progress=on_progress)
    checker.errors.extend(errors)
    plan = checker.check(sheets)
    if checker.errors:
        raise ImportRejected(sorted(checker.errors, key=lambda e: (SHEETS.index(e.sheet), e.row)))
    on_progress(1.0)
    with transaction.atomic(), set_actor(actor):
        return Writer(actor=actor, partnership=partnership, plan=plan).run()


def _require_some_right(actor: User, partnership: Partnership) -> None:
    # Refused before the file is read; which rows the actor may write is checked per row.
    access = access_for(actor, partnership)
    if not access.can(Action.VIEW):
        raise Http404
    if not access.can_change_some_pillar():
        raise forbidden()
