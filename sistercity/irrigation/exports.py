"""The scheme's XLSX: the same half-monthly numbers as its page and PDF, through
``core.spreadsheets`` (no cell is ever a formula)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook

from sistercity.core.spreadsheets import append, xlsx_bytes
from sistercity.irrigation import waterneeds as wn
from sistercity.irrigation.choices import half_month_label
from sistercity.irrigation.selectors import SchemeWater


def scheme_workbook(scheme: Any, water: SchemeWater | None) -> bytes:
    workbook = Workbook()
    facts = workbook.active
    facts.title = _("Scheme")[:31]
    for label, value in (
        (_("name"), scheme.name),
        (_("code"), scheme.code),
        (_("authority"), scheme.get_authority_display()),
        (_("command area (ha)"), scheme.command_area_ha),
        (_("irrigation efficiency"), scheme.efficiency),
        (_("illustrative data"), scheme.is_illustrative),
    ):
        append(facts, [str(label), value])
    for group in scheme.groups.all():
        append(
            facts,
            [
                _("golongan {group}").format(group=group.code),
                group.area_ha,
                _("shift (half-months)"),
                group.shift_half_months,
            ],
        )
    if water is not None:
        sheet = workbook.create_sheet(_("Demand")[:31])
        codes = [g.code for g in water.groups]
        append(
            sheet,
            [
                _("half-month"),
                _("ETo (mm/day)"),
                _("R80 (mm)"),
                _("Re paddy (mm/day)"),
                *[_("DR {group} (l/s/ha)").format(group=c) for c in codes],
                _("intake demand (m³/s)"),
                _("available flow (m³/s)"),
                _("deficit"),
            ],
        )
        demand = water.demand
        for h in range(wn.HALF_MONTHS):
            append(
                sheet,
                [
                    half_month_label(h),
                    round(water.inputs.eto[h], 3),
                    round(water.r80[h], 1),
                    round(water.inputs.re_paddy[h], 3),
                    *[round(demand.groups[c][h].dr, 3) for c in codes],
                    round(demand.intake_m3s[h], 3),
                    demand.available_m3s[h],
                    h in demand.deficit_half_months,
                ],
            )
    return xlsx_bytes(workbook)
