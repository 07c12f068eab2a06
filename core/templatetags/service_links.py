from django import template

from core import links

register = template.Library()


@register.simple_tag(takes_context=True)
def service_url(context, name: str) -> str:
    """`{% service_url "appeal-status" as url %}`: see core/links.py."""
    return links.service_url(name, context.get("request"))
