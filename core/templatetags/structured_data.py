"""`{% json_ld data %}`: schema.org data for search engines, the one place it is escaped."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# Characters that could end the <script> element or confuse an HTML parser.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data: dict | list) -> SafeString:
    """A <script type="application/ld+json"> element holding `data`, escaped for HTML."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
