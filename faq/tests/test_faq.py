import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from core.templatetags.structured_data import json_ld as json_ld_tag
from faq.blocks import QuestionBlock
from faq.models import FAQPage
from home.tests.factories import translate

from .factories import faq_categories


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def test_faq_page_covers_disclosure_item_13():
    assert FAQPage.disclosure_items == ("6.2-13", "10.1-faq")


@pytest.mark.django_db
def test_every_question_has_an_anchor_and_a_link_in_the_contents(ru_client, faq_page):
    questions = [q for category in faq_page.faq for q in category.questions]
    assert len(questions) == 30
    assert len(faq_page.faq) == 3
    html = ru_client.get("/clients/faq/").content.decode()
    for question in questions:
        assert f'id="{question.anchor}"' in html
        assert f'href="#{question.anchor}"' in html
    assert 'href="/clients/payment/"' in html  # answers link to the pages that say more


@pytest.mark.django_db
def test_faq_json_ld_is_a_valid_faqpage(ru_client, faq_page):
    data = json_ld(ru_client.get("/clients/faq/").content.decode())
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "FAQPage"
    entities = data["mainEntity"]
    assert len(entities) == sum(len(c.questions) for c in faq_page.faq)
    first = entities[0]
    assert first["@type"] == "Question"
    assert first["name"] == "Вопрос номер 0?"
    assert first["acceptedAnswer"]["@type"] == "Answer"
    assert "Ответ 0" in first["acceptedAnswer"]["text"]


@pytest.mark.django_db
def test_json_ld_cannot_close_its_script_tag(faq_page):
    faq_page.categories = faq_categories(1)
    faq_page.categories[0].value["questions"][0]["question"] = "</script><b>?"
    html = json_ld_tag(faq_page.faq_data())
    assert html.count("</script>") == 1
    assert json_ld(html)["mainEntity"][0]["name"] == "</script><b>?"


@pytest.mark.django_db
def test_english_faq_is_translated(ru_client, faq_page):
    english = faq_categories(1).replace("Вопрос номер 0?", "How do I submit my meter readings?")
    translate(faq_page, title="Questions and answers", categories=english)
    html = ru_client.get("/en/clients/faq/").content.decode()
    assert "How do I submit my meter readings?" in html
    assert json_ld(html)["@type"] == "FAQPage"


@pytest.mark.django_db
def test_categories_and_questions_keep_the_editors_order(ru_client, faq_page):
    html = ru_client.get("/clients/faq/").content.decode()
    titles = [category.title for category in faq_page.faq]
    positions = [html.index(f">{title}</h2>") for title in titles]
    assert positions == sorted(positions)


def count_queries(client, url: str) -> tuple[int, str]:
    client.get(url)  # warm the per-process caches (site root paths, settings)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries), response.content.decode()


@pytest.mark.django_db
def test_faq_page_queries_do_not_grow_with_questions(ru_client, faq_page):
    """20 or 200 answers, each with a page link: the same number of queries, at most one
    more than a plain text page at the same depth (the link targets, all at once)."""
    baseline, _html = count_queries(ru_client, "/clients/payment/")
    target = Page.objects.get(url_path="/home/clients/payment/")
    counts = []
    for count in (20, 200):
        faq_page.categories = faq_categories(count, link_page=target)
        faq_page.save_revision().publish()
        queries, html = count_queries(ru_client, "/clients/faq/")
        assert html.count('href="/clients/payment/">подробнее</a>') == count
        assert len(json_ld(html)["mainEntity"]) == count
        counts.append(queries)
    assert counts[0] == counts[1]
    assert counts[0] <= baseline + 1


@pytest.mark.django_db
def test_duplicate_anchors_are_rejected(faq_page):
    faq_page.categories = faq_categories(2)
    faq_page.categories[0].value["questions"][1]["anchor"] = "q0"
    with pytest.raises(ValidationError):
        faq_page.full_clean()


def test_an_empty_anchor_is_made_from_the_question():
    block = QuestionBlock()
    value = block.to_python(
        {"question": "Как передать показания?", "anchor": "", "answer": "<p>Так.</p>"}
    )
    assert block.clean(value)["anchor"] == "как-передать-показания"


@pytest.mark.django_db
def test_every_question_is_found_by_the_site_search(faq_page):
    from search.models import SearchEntry

    anchors = set(
        SearchEntry.objects.filter(owner=f"page:{faq_page.pk}")
        .exclude(anchor="")
        .values_list("anchor", flat=True)
    )
    assert anchors == {q.anchor for c in faq_page.faq for q in c.questions}
