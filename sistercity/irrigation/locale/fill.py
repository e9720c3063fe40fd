"""Write ``translations.T`` into this app's id and ja catalogues (run after makemessages):

    cd sistercity/irrigation && ../../.venv/bin/python locale/fill.py

Fails, naming them, when a string has no translation here.
"""

import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

sys.path.insert(0, str(Path(__file__).parent))
from translations import T  # type: ignore[import-not-found]  # noqa: E402

missing = set()
for index, language in enumerate(("id", "ja")):
    path = Path(__file__).parent / language / "LC_MESSAGES" / "django.po"
    with path.open("rb") as handle:
        catalogue = read_po(handle, locale=language)
    for message in catalogue:
        if not message.id:
            continue
        text = T.get(message.id)
        if text is None:
            missing.add(message.id if isinstance(message.id, str) else message.id[0])
            continue
        message.string = (text[index],) if isinstance(message.id, tuple) else text[index]
        message.flags.discard("fuzzy")
    with path.open("wb") as handle:
        write_po(handle, catalogue, width=100, omit_header=False)
if missing:
    sys.exit("no translation for: " + "; ".join(sorted(missing)))
