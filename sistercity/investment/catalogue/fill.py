"""Write ``texts.T`` into the id and ja catalogues (from the project root:
``.venv/bin/python -m sistercity.investment.catalogue.fill``); fails on any msgid left without
a text, so a new string cannot slip through untranslated."""

import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

from sistercity.investment.catalogue.texts import T

HERE = Path(__file__).resolve().parent.parent / "locale"

missing: set[str] = set()
for index, language in enumerate(("id", "ja")):
    path = HERE / language / "LC_MESSAGES" / "django.po"
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale=language)
    for message in catalogue:
        if not message.id:
            continue
        key = str(message.id[0] if isinstance(message.id, tuple) else message.id)
        if key not in T:
            missing.add(key)
            continue
        text = T[key][index]
        message.string = (text,) if isinstance(message.id, tuple) else text
        message.flags.discard("fuzzy")
    catalogue.fuzzy = False
    with path.open("wb") as handle:
        write_po(handle, catalogue, width=100, omit_header=False)
if missing:
    sys.exit("untranslated: " + "; ".join(sorted(missing)))
