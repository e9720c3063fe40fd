"""Choices and the rules that are data: authority by command area, the IKSI weights."""

from decimal import Decimal

from django.db import models
from django.utils.dates import MONTHS_3
from django.utils.translation import gettext_lazy as _


class Authority(models.TextChoices):
    """Who manages a scheme (kewenangan), by its command area: Permen PUPR 14/PRT/M/2015
    (kriteria dan penetapan status daerah irigasi) — under 1 000 ha within one regency the
    regency, 1 000–3 000 ha (or across regencies) the province, over 3 000 ha the ministry."""

    REGENCY = "regency", _("regency")
    PROVINCE = "province", _("province")
    CENTRAL = "central", _("central government")


AUTHORITY_SOURCE = "Permen PUPR No. 14/PRT/M/2015, Pasal 4"


def authority_for_area(command_area_ha: float, *, cross_regency: bool = False) -> str:
    if command_area_ha > 3000:
        return Authority.CENTRAL
    if command_area_ha >= 1000 or cross_regency:
        return Authority.PROVINCE
    return Authority.REGENCY


class IksiComponent(models.TextChoices):
    PHYSICAL = "physical", _("physical infrastructure")
    PRODUCTIVITY = "productivity", _("crop productivity")
    FACILITIES = "facilities", _("supporting facilities")
    PERSONNEL = "personnel", _("personnel organisation")
    DOCUMENTATION = "documentation", _("documentation")
    WUA = "wua", _("water-user associations (P3A/GP3A)")


# The weight of each component in the irrigation system performance index (IKSI), in percent:
# Permen PUPR No. 12/PRT/M/2015 tentang Eksploitasi dan Pemeliharaan Jaringan Irigasi,
# Lampiran (blangko indeks kinerja sistem irigasi): prasarana fisik 45, produktivitas tanam 15,
# sarana penunjang 10, organisasi personalia 15, dokumentasi 5, P3A/GP3A 10.
IKSI_WEIGHTS: dict[str, Decimal] = {
    IksiComponent.PHYSICAL: Decimal("45"),
    IksiComponent.PRODUCTIVITY: Decimal("15"),
    IksiComponent.FACILITIES: Decimal("10"),
    IksiComponent.PERSONNEL: Decimal("15"),
    IksiComponent.DOCUMENTATION: Decimal("5"),
    IksiComponent.WUA: Decimal("10"),
}
IKSI_SOURCE = "Permen PUPR No. 12/PRT/M/2015, Lampiran — indeks kinerja sistem irigasi"


class IksiClass(models.TextChoices):
    """The regulation's reading of the index: 80–100 good, 70–79 fair, 55–69 poor and needing
    attention, under 55 bad and needing attention."""

    GOOD = "good", _("good")
    FAIR = "fair", _("fair")
    POOR = "poor", _("poor, needs attention")
    BAD = "bad", _("bad, needs attention")


def iksi_class(index: Decimal) -> str:
    if index >= 80:
        return IksiClass.GOOD
    if index >= 70:
        return IksiClass.FAIR
    if index >= 55:
        return IksiClass.POOR
    return IksiClass.BAD


class Palawija(models.TextChoices):
    MAIZE = "maize", _("maize")
    SOYBEAN = "soybean", _("soybean")
    GROUNDNUT = "groundnut", _("groundnut")


class AssociationLevel(models.TextChoices):
    P3A = "p3a", _("P3A (water-user association)")
    GP3A = "gp3a", _("GP3A (federation of associations)")
    IP3A = "ip3a", _("IP3A (union of federations)")


class StructureKind(models.TextChoices):
    WEIR = "weir", _("weir")
    INTAKE = "intake", _("intake")
    PRIMARY = "primary", _("primary canal")
    SECONDARY = "secondary", _("secondary canal")
    DIVISION = "division", _("division box")
    DROP = "drop", _("drop structure")


class Condition(models.TextChoices):
    GOOD = "good", _("good")
    LIGHT = "light", _("lightly damaged")
    MODERATE = "moderate", _("moderately damaged")
    HEAVY = "heavy", _("heavily damaged")


def half_month_label(index: int) -> str:
    """ "Jan I", "Jan II" … ("1月 I" in Japanese): Django's three-letter month names."""
    month = str(MONTHS_3[index // 2 + 1])
    return f"{month[:1].upper()}{month[1:]} {'I' if index % 2 == 0 else 'II'}"
