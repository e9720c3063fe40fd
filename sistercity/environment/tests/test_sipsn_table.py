"""SIPSN-style import and export: round trip, provenance, and bad tables refused whole."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook

from sistercity.core.errors import SisterCityError
from sistercity.environment import services, sipsn
from sistercity.environment.models import DataSource, WasteFigure
from sistercity.testing import db_snapshot

pytestmark = pytest.mark.django_db

COMPOSITION = ["40", "13", "11", "18.5", "3", "2.5", "2", "2", "8"]
SOURCES = ["50", "18", "8", "7", "6", "6", "5"]


def table(rows, header=None, fmt="csv"):
    header = header or sipsn.headers(["tpa-randukuning"])
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        writer.writerows(rows)
        return SimpleUploadedFile("sipsn.csv", buffer.getvalue().encode("utf-8"))
    workbook = Workbook()
    workbook.active.append(header)
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("sipsn.xlsx", buffer.getvalue())


def row(
    year="2023",
    area="Batang",
    population="",
    generation="280",
    composition=None,
    sources=None,
    tpa="95",
    source="DLH Batang: laporan tahunan 2023",
    link="",
    date="2023-12-31",
    note="",
):
    return [
        year,
        "",
        area,
        population,
        generation,
        *(composition or COMPOSITION),
        *(sources or SOURCES),
        tpa,
        source,
        link,
        date,
        note,
    ]


def do_import(demo, user, file):
    return services.figures_import(
        actor=user, partnership=demo.partnership, municipality=demo.batang, file=file
    )


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_import_records_every_figure_with_its_source(demo, budi, fmt):
    counts = do_import(demo, budi, table([row()], fmt=fmt))
    assert counts == {"created": 1 + 9 + 7 + 1, "unchanged": 0}
    figure = WasteFigure.objects.get(year=2023, metric="generation_t_day", area="Batang")
    assert figure.value == 280 and str(figure.source) == "DLH Batang: laporan tahunan 2023"
    assert figure.as_of.isoformat() == "2023-12-31"
    tpa = WasteFigure.objects.get(year=2023, metric="facility_t_day")
    assert tpa.facility.code == "tpa-randukuning"
    # Importing the same file again changes nothing.
    before = db_snapshot("environment")
    assert do_import(demo, budi, table([row()], fmt=fmt))["created"] == 0
    assert db_snapshot("environment") == before


def test_another_source_for_the_same_year_is_kept_beside_it(demo, budi):
    do_import(demo, budi, table([row(), row(generation="350", source="Berita 2023", tpa="")]))
    values = sorted(
        WasteFigure.objects.filter(year=2023, metric="generation_t_day").values_list(
            "value", flat=True
        )
    )
    assert values == [280, 350]
    assert DataSource.objects.filter(translations__title="Berita 2023").exists()


def test_export_round_trips(demo, budi, client_for):
    response = client_for(budi).get(
        reverse("environment:data_export", args=[demo.partnership.slug, "xlsx"])
    )
    exported = SimpleUploadedFile("export.xlsx", response.content)
    parsed = sipsn.read_table(exported)
    stored = WasteFigure.objects.filter(partnership=demo.partnership)

    # The regency by its name, as SIPSN writes it, not the platform's short code.
    def name(town):
        return town.safe_translation_getter("name", language_code="id")

    assert {(f.year, f.municipality, f.metric, f.category, f.value) for f in parsed.figures} == {
        (f.year, name(f.municipality), f.metric, f.category, f.value) for f in stored
    }
    towns = {f.municipality for f in parsed.figures}
    assert name(demo.batang) in towns and "batang" not in towns
    # Importing one's own export adds nothing.
    before = db_snapshot("environment")
    exported.seek(0)
    counts = services.figures_import(
        actor=budi, partnership=demo.partnership, municipality=demo.batang, file=exported
    )
    assert counts["created"] == 0
    assert db_snapshot("environment") == before


def test_csv_export_quotes_formula_like_text(demo, sari, client_for):
    source = services.source_create(actor=sari, partnership=demo.partnership, title="=cmd|x")
    services.figure_record(
        actor=sari,
        partnership=demo.partnership,
        municipality=demo.batang,
        year=2022,
        metric="generation_t_day",
        value=1,
        source=source,
        as_of="2022-01-01",
    )
    text = (
        client_for(sari)
        .get(reverse("environment:data_export", args=[demo.partnership.slug, "csv"]))
        .content.decode()
    )
    assert "'=cmd|x" in text


BAD_TABLES = [
    (lambda: [row(composition=["50", *COMPOSITION[1:]])], "must add up to 100 %"),
    (lambda: [row(sources=["90", *SOURCES[1:]])], "must add up to 100 %"),
    (lambda: [row(generation="-5")], "must not be negative"),
    (lambda: [row(), row(year="2024", generation="abc")], "is not a number"),
    (lambda: [row(source="")], "source"),
    (lambda: [row(date="")], "date"),
    (lambda: [row(date="31/12/2023")], "is not a date"),
    (lambda: [row(composition=["101", "0", "0", "0", "0", "0", "0", "0", "-1"])], "100"),
]


@pytest.mark.parametrize("rows, words", BAD_TABLES)
def test_bad_tables_are_refused_whole_with_the_row_named(demo, budi, rows, words):
    before = db_snapshot("environment", "auditlog")
    with pytest.raises(SisterCityError) as refused:
        do_import(demo, budi, table(rows()))
    assert words in str(refused.value)
    assert "Row " in str(refused.value)
    assert db_snapshot("environment", "auditlog") == before


def test_unknown_waste_type_column_is_refused(demo, budi):
    header = [*sipsn.headers(), "Styrofoam (%)"]
    before = db_snapshot("environment")
    with pytest.raises(SisterCityError) as refused:
        do_import(demo, budi, table([row()], header=header))
    assert "Styrofoam" in str(refused.value) and refused.value.code == "unknown_column"
    assert db_snapshot("environment") == before


def test_unknown_facility_is_refused(demo, budi):
    header = sipsn.headers(["tpa-lama"])
    with pytest.raises(SisterCityError) as refused:
        do_import(demo, budi, table([row()], header=header))
    assert "tpa-lama" in str(refused.value)


def test_observer_cannot_import(demo, observer):
    with pytest.raises(SisterCityError) as refused:
        do_import(demo, observer, table([row()]))
    assert refused.value.status == 403


def test_import_through_the_page(demo, budi, client_for):
    response = client_for(budi).post(
        reverse("environment:data", args=[demo.partnership.slug]),
        {"form": "import", "municipality": demo.batang.pk, "file": table([row()])},
        follow=True,
    )
    assert "18 " in response.content.decode()
    assert WasteFigure.objects.filter(year=2023).count() == 18


def test_figure_with_unknown_waste_type_or_negative_value_is_refused(demo, budi):
    source = demo.partnership.waste_sources.first()
    before = db_snapshot("environment")
    for metric, category, value, code in (
        ("composition_pct", "styrofoam", 5, "unknown_waste_type"),
        ("generation_t_day", "", -1, "negative_tonnage"),
        ("composition_pct", "food", 120, "share_out_of_range"),
        ("facility_t_day", "nowhere", 10, "facility"),
    ):
        with pytest.raises(SisterCityError) as refused:
            services.figure_record(
                actor=budi,
                partnership=demo.partnership,
                municipality=demo.batang,
                year=2023,
                metric=metric,
                category=category,
                value=value,
                source=source,
                as_of="2023-01-01",
            )
        assert refused.value.code == code
    assert db_snapshot("environment") == before


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_file_over_the_import_limit_is_refused_unread(demo, budi, settings, fmt):
    settings.IMPORT_MAX_BYTES = 2048
    before = db_snapshot("environment", "auditlog")
    with pytest.raises(SisterCityError) as refused:
        do_import(demo, budi, table([row(year=str(2000 + n)) for n in range(40)], fmt=fmt))
    assert refused.value.code == "file_too_large"
    assert "2.0\xa0KB" in str(refused.value)
    assert db_snapshot("environment", "auditlog") == before


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_table_over_the_row_limit_is_refused_whole(demo, budi, monkeypatch, fmt):
    monkeypatch.setattr(sipsn, "MAX_ROWS", 3)
    before = db_snapshot("environment", "auditlog")
    with pytest.raises(SisterCityError) as refused:
        do_import(demo, budi, table([row(year=str(2000 + n)) for n in range(4)], fmt=fmt))
    assert "more than 3 rows" in str(refused.value)
    assert db_snapshot("environment", "auditlog") == before
    # At the limit it is read.
    do_import(demo, budi, table([row(year=str(2000 + n)) for n in range(3)], fmt=fmt))
    assert WasteFigure.objects.filter(year=2002).exists()
