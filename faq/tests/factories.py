"""The FAQ page and its questions for tests."""

import json

from wagtail.models import Page

from faq.models import FAQPage
from home.tests.factories import PublishedPageFactory


class FAQPageFactory(PublishedPageFactory):
    """A published FAQ page under `parent`; `categories` as made by faq_categories()."""

    class Meta:
        model = FAQPage

    title = "Вопросы и ответы"
    slug = "faq"


def faq_categories(count: int, link_page: Page | None = None, per_category: int = 10) -> str:
    """StreamField JSON of `count` questions in categories of `per_category`; every answer
    links to `link_page` (a Wagtail page link, to exercise link expansion)."""
    link = f'<a linktype="page" id="{link_page.id}">подробнее</a>' if link_page else "подробнее"
    categories = []
    for start in range(0, count, per_category):
        questions = [
            {
                "question": f"Вопрос номер {n}?",
                "anchor": f"q{n}",
                "answer": f"<p>Ответ {n}: {link}.</p>",
            }
            for n in range(start, min(count, start + per_category))
        ]
        categories.append(
            {
                "type": "category",
                "value": {
                    "title": f"Раздел {start}",
                    "anchor": f"c{start}",
                    "questions": questions,
                },
            }
        )
    return json.dumps(categories, ensure_ascii=False)
