"""Rich text of many FAQ answers expanded with a bounded number of queries.

Wagtail's page-link handler looks up the active locale once per link (`page.localized`),
so a page of 200 answers with links would make 200 queries. Here page links of all answers
are resolved together: one query for the pages, one for their translations into the active
locale; other link types (documents) go through Wagtail's batched expansion once.
"""

import re

from django.utils.html import escape
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

PAGE_LINK = re.compile(r'<a\b[^>]*\blinktype="page"[^>]*>')
PAGE_ID = re.compile(r'\bid="(\d+)"')
SPLIT = "<!--faq-answer-->"


FIELDS = ("id", "translation_key", "locale_id", "url_path")


def _page_urls(page_ids: set[int], locale_id: int) -> dict[int, str]:
    if not page_ids:
        return {}
    pages = list(Page.objects.filter(id__in=page_ids).only(*FIELDS))
    foreign = [page.translation_key for page in pages if page.locale_id != locale_id]
    translations = {}
    if foreign:
        translations = {
            page.translation_key: page
            for page in Page.objects.filter(translation_key__in=foreign, locale_id=locale_id).only(
                *FIELDS
            )
        }
    urls = {}
    for page in pages:
        target = translations.get(page.translation_key, page)
        urls[page.id] = target.get_url() or ""
    return urls


def expand_answers(sources: list[str], locale_id: int) -> list[str]:
    """The HTML of each answer, links expanded (page links to their translation in
    `locale`, as Wagtail does), in one pass over all of them."""
    if not sources:
        return []
    html = SPLIT.join(sources)
    ids = {int(match.group(1)) for tag in PAGE_LINK.findall(html) if (match := PAGE_ID.search(tag))}
    urls = _page_urls(ids, locale_id)

    def replace(tag_match: re.Match) -> str:
        found = PAGE_ID.search(tag_match.group(0))
        url = urls.get(int(found.group(1))) if found else None
        return f'<a href="{escape(url)}">' if url else "<a>"

    html = expand_db_html(PAGE_LINK.sub(replace, html))
    return html.split(SPLIT)
