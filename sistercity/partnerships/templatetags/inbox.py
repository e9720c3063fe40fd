"""``{% my_task_count as n %}``: how many tasks wait for the request's user (the header badge)."""

from django import template

from sistercity.partnerships.inbox import tasks_for

register = template.Library()


@register.simple_tag(takes_context=True)
def my_task_count(context) -> int:
    request = context.get("request")
    return len(tasks_for(request.user)) if request is not None else 0
