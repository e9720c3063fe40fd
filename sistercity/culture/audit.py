"""Change logging for the culture pillar's records; event and destination texts show on the
partnership's History tab too. A registrant's name and e-mail address are never copied into
the change log: the log is read by observers, and it must not keep what the retention rule
erases."""

from sistercity.core.audit import register
from sistercity.culture import models as m

for model in (m.Event, m.EventImage, m.Destination, m.DestinationPhoto):
    register(model, translations=True)
register(m.CulturalExchange, translations=True, m2m_fields={"events"})
register(m.VisitorFigure)
register(m.Registration, exclude_fields=["full_name", "email", "token"])
