import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _read_in_english(_test_settings):
    """These tests read the planner's messages in English (the id and ja catalogues are
    checked by the translation tests); pages are requested under /en/."""
    translation.activate("en")
