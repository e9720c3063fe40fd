import pytest


@pytest.fixture
def wulan(demo):
    """Agency officer of Batang's Dinas Koperasi dan UKM (msme pillar)."""
    return demo.users["wulan"]


@pytest.fixture
def siti(demo):
    """Owner of the demo's batik enterprise (no membership)."""
    return demo.users["siti"]


@pytest.fixture
def ken(demo):
    """Tanaka Ken (田中 健), buyer at a Toyama food importer (no membership)."""
    return demo.users["ken"]
