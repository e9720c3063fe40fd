"""Fill the emergency catalogue's msgstr from translations.py; fail on any msgid left empty.

cd /tmp && /work/main/.venv/bin/python /work/main/sistercity/emergency/locale/fill.py
"""

import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
from translations import T  # type: ignore[import-not-found]  # noqa: E402

missing = []
for index, language in enumerate(("id", "ja")):
    path = HERE / language / "LC_MESSAGES" / "django.po"
    with path.open("rb") as f:
        catalog = read_po(f, locale=language)
    for message in catalog:
        if not message.id:
            continue
        texts = T.get(message.id)
        if texts is None:
            missing.append(message.id)
            continue
        text = texts[index]
        message.string = tuple(text) if isinstance(message.id, tuple) else text
        message.flags.discard("fuzzy")
        message.previous_id = []
    catalog.fuzzy = False
    with path.open("wb") as f:
        write_po(f, catalog, width=100)
if missing:
    sys.exit(f"untranslated: {missing}")
