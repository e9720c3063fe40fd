"""Programmes, activities and indicators as tables: CSV and XLSX export, XLSX import.

The layout of the tables — sheets, columns, codes, and what an import does with each cell — is
documented in ``layout``. The package's modules, in the order data flows through an import:

``layout``    the sheets and columns, and helpers shared with ``programs.opendata``
``export``    the tables as Python rows, CSV, a ZIP of CSVs, an XLSX workbook
``errors``    ``RowError`` and ``ImportRejected``, what a rejected import reports
``read``      size and file-type checks, each sheet's rows as raw values
``cells``     ``Row``: one row's cells read as typed values
``plan``      the checked rows, ready to be written
``check``     the checks of each sheet against the partnership
``write``     writing the plan; ``ImportSummary``
``importer``  ``import_xlsx``: permission, read, check, write — all or nothing

Other apps import from the package itself; the names below are its interface.
"""

from sistercity.core.spreadsheets import check_size, max_import_bytes
from sistercity.programs.tabular.errors import ImportRejected, RowError
from sistercity.programs.tabular.export import (
    export_csv,
    export_csv_zip,
    export_xlsx,
    filename,
    table_csv,
    tables,
    zip_of,
)
from sistercity.programs.tabular.importer import import_xlsx
from sistercity.programs.tabular.layout import (
    COLUMNS,
    LANGUAGES,
    MAX_ROWS,
    READ_ONLY,
    SHEETS,
    round_value,
    translation_text,
    translation_texts,
)
from sistercity.programs.tabular.read import Sheet, read_workbook
from sistercity.programs.tabular.write import ImportSummary

__all__ = [
    "COLUMNS",
    "LANGUAGES",
    "MAX_ROWS",
    "READ_ONLY",
    "SHEETS",
    "ImportRejected",
    "ImportSummary",
    "RowError",
    "Sheet",
    "check_size",
    "export_csv",
    "export_csv_zip",
    "export_xlsx",
    "filename",
    "import_xlsx",
    "max_import_bytes",
    "read_workbook",
    "round_value",
    "table_csv",
    "tables",
    "translation_text",
    "translation_texts",
    "zip_of",
]
