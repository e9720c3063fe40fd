"""XLSX import (all or nothing, errors by row and column) and exports."""

import io

import pytest
from openpyxl import Workbook, load_workbook

from sistercity.programs.tabular.errors import ImportRejected
from sistercity.testing import db_snapshot
from sistercity.trade import tables
from sistercity.trade.models import Enterprise

pytestmark = pytest.mark.django_db


def workbook(*rows):
    book = Workbook()
    sheet = book.active
    sheet.title = "enterprises"
    sheet.append(list(tables.COLUMNS))
    for row in rows:
        sheet.append([row.get(c) for c in tables.COLUMNS])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


GOOD = {
    "legal_name": "UD Telur Asin Gringsing",
    "nib": "9120007777701",
    "kbli_codes": "10799",
    "annual_sales_idr": 150000000,
    "kecamatan": "Gringsing",
    "owner_name": "Sumarni",
}


def test_a_good_workbook_registers_every_row(partnership, wulan):
    second = {
        **GOOD,
        "nib": "9120007777702",
        "legal_name": "UD Kedua",
        "kbli_codes": "10794, 10799",
    }
    created = tables.enterprises_import(
        actor=wulan, partnership=partnership, data=workbook(GOOD, second)
    )
    assert [e.size_class for e in created] == ["micro", "micro"]
    assert Enterprise.objects.get(nib="9120007777702").kbli_codes == ["10794", "10799"]


def test_one_bad_row_rejects_the_file_with_errors_by_row_and_column(partnership, wulan):
    bad = {**GOOD, "nib": "12345", "kbli_codes": "99999", "annual_sales_idr": "banyak"}
    twin = {**GOOD, "legal_name": "UD Kembar"}
    before = db_snapshot("trade", "auditlog")
    with pytest.raises(ImportRejected) as rejected:
        tables.enterprises_import(
            actor=wulan, partnership=partnership, data=workbook(GOOD, bad, twin)
        )
    where = [(e.row, e.column) for e in rejected.value.errors]
    assert (3, "nib") in where and (3, "kbli_codes") in where and (3, "annual_sales_idr") in where
    assert (4, "nib") in where  # the same NIB as row 2
    assert (2, "nib") not in where
    assert db_snapshot("trade", "auditlog") == before


def test_not_a_workbook_is_refused(partnership, wulan):
    from sistercity.core.errors import SisterCityError

    with pytest.raises(SisterCityError):
        tables.enterprises_import(actor=wulan, partnership=partnership, data=b"%PDF-1.4 not xlsx")


def test_exports_leave_personal_data_out_for_readers(partnership, wulan):
    enterprises = list(Enterprise.objects.filter(partnership=partnership))
    sheet = load_workbook(io.BytesIO(tables.export_xlsx(enterprises, personal=False))).active
    header = [c.value for c in sheet[1]]
    assert "owner_name" not in header and "size_class" in header
    assert b"Siti Aminah" in tables.export_csv(enterprises, personal=True)


def test_products_permits_and_deals_exports_follow_visibility(client_for, partnership, wulan, demo):
    from django.urls import reverse

    def get(user, table, fmt="csv"):
        url = reverse("trade:table_export", args=[partnership.slug, table, fmt])
        return client_for(user).get(url)

    assert b"Gaplek singkong" in get(wulan, "products").content
    assert b"206332501012325" in get(wulan, "permits").content
    assert get(wulan, "deals", "xlsx")["Content-Type"].startswith("application/vnd.openxml")
    buyer_products = get(demo.users["ken"], "products").content
    assert b"Pala biji kering" in buyer_products and b"Gaplek singkong" not in buyer_products
    assert b"206332501012325" not in get(demo.users["ken"], "permits").content
    assert b"Toyama Shokuhin" not in get(demo.users["mika"], "deals").content
