"""The glossary in the demo: the seeded terms (a flushed test database has lost them)."""

from sistercity.glossary.seed import seed_glossary


def load(demo) -> None:
    seed_glossary()
