"""``python manage.py japan_requirements HS_CODE [--organic] [--halal] [--json]``: the Japan
export rules that apply to a product of that HS code (id, title, source, evidence needed), so
the rule table can be reviewed outside the UI."""

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sistercity.trade import export_rules as engine
from sistercity.trade.choices import RuleEvidence
from sistercity.trade.readiness import active_rules, engine_rules
from sistercity.trade.services._common import hs_message


class Command(BaseCommand):
    help = "Print the Japan export rules that apply to an HS code."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("hs_code")
        parser.add_argument("--organic", action="store_true", help="the product is sold as organic")
        parser.add_argument("--halal", action="store_true", help="a buyer asks for halal")
        parser.add_argument("--json", action="store_true", help="print JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        hs_code = engine.normalise_hs(options["hs_code"])
        problem = hs_message(hs_code)
        if problem is not None:
            raise CommandError(str(problem))
        rows = {r.code: r for r in active_rules()}
        applicable = engine.applicable_rules(
            engine_rules(list(rows.values())),
            hs_code,
            organic=options["organic"],
            halal_requested=options["halal"],
        )
        found = []
        for rule in applicable:
            row = rows[rule.code]
            evidence = str(RuleEvidence(row.evidence).label)
            if row.parameter:
                evidence += f": {row.get_parameter_display()}"
            if row.permit_kind:
                evidence += f": {row.get_permit_kind_display()}"
            found.append(
                {
                    "id": row.code,
                    "title": row.safe_translation_getter("title", any_language=True),
                    "source": row.source,
                    "url": row.url,
                    "evidence": evidence,
                }
            )
        if options["json"]:
            self.stdout.write(json.dumps(found, ensure_ascii=False, indent=2))
            return
        for item in found:
            self.stdout.write(f"{item['id']}\t{item['title']}\n\t{item['source']} <{item['url']}>")
            self.stdout.write(f"\t→ {item['evidence']}")
