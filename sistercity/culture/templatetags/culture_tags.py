from typing import Any

from django import template
from django.utils import timezone

from sistercity.culture.timefmt import event_when

register = template.Library()


@register.simple_tag
def when(event: Any) -> str:
    """The event's time in the reader's zone, the event's own zone named beside it."""
    return event_when(event, timezone.get_current_timezone())
