"""This app's part of the Batang–Toyama demo; called by sistercity.demo.data.load_demo."""


def load(demo) -> None:
    """Idempotent: running it twice changes nothing."""
