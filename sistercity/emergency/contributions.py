"""What the emergency app contributes to the platform (``core.registry``)."""

from sistercity.core.registry import Sector

SECTOR = Sector(app_label="emergency", pillar="emergency")
