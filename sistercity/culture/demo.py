"""The culture part of the Batang–Toyama demo (see ``demo/data.py``)."""


def load(demo) -> None:
    """Add this sector's demo records; idempotent."""
