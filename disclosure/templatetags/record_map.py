"""The map of a list of places (offices, payment points), drawn by static/js/disclosure.js
only when the visitor asks for it: until then the page requests nothing from the tile server,
which may belong to someone else (DISCLOSURE_MAP_TILE_URL)."""

from urllib.parse import urlsplit

from django import template
from django.conf import settings

register = template.Library()


@register.inclusion_tag("disclosure/includes/record_map.html")
def record_map() -> dict:
    """The button that shows the map of the page's `[data-lat][data-lon]` items, and the host
    its images would come from, named before the visitor agrees to it."""
    tile_url = settings.DISCLOSURE_MAP_TILE_URL
    return {"tile_url": tile_url, "tile_host": urlsplit(tile_url).hostname or ""}
