"""What the investment app contributes to the platform (``core.registry``)."""

from sistercity.core.registry import Sector

SECTOR = Sector(app_label="investment", pillar="investment")
