"""One ranking for every adapter (search.ranking), customer tasks, forgiving input and the
empty states. The database cases run on the database of the session: CI runs this module on
SQLite and on PostgreSQL; the Elasticsearch adapter gets the same cases from a recorded
response (its engine order deliberately the wrong one)."""

import pytest
from django.utils import translation
from elasticsearch.dsl.response import Response

from home.tests.factories import make_standard_page
from search import backends, offers, ranking, spelling
from search.backends import postings
from search.backends.elastic import ElasticsearchAdapter
from search.models import CustomerTask, SearchEntry, SearchPosting, SearchTerm


def urls(query: str, **kwargs) -> list[str]:
    return [hit.url for hit in backends.search(query, "ru", **kwargs).hits]


def main_of(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


@pytest.fixture
def standard_and_pdf(clients_section):
    """The standard's page, and pages whose words outweigh it in any engine's eyes."""
    words = "стандарт качества обслуживания клиентов " * 5
    make_standard_page(clients_section, "pdf", "Стандарт качества обслуживания клиентов (PDF)")
    make_standard_page(clients_section, "about", "О компании", lead=words)
    make_standard_page(clients_section, "survey", "Анкета качества обслуживания", lead=words)
    return make_standard_page(
        clients_section, "service-standard", "Стандарт качества обслуживания", lead="Правила."
    )


# --- the rules ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_exact_title_outranks_a_longer_title_and_a_better_engine_score():
    query = ranking.parse("стандарт качества обслуживания")
    pdf = ranking.Candidate("pdf", 10.0, "Стандарт качества обслуживания клиентов (PDF)")
    page = ranking.Candidate("page", 1.0, "Стандарт качества обслуживания")
    assert [c.key for c in ranking.order(query, [pdf, page])] == ["page", "pdf"]


@pytest.mark.django_db
def test_a_stated_task_outranks_a_heading_about_it():
    query = ranking.parse("передать показания")
    faq = ranking.Candidate("faq", 10.0, "Как передать показания счётчика?")
    form = ranking.Candidate("form", 1.0, "Приём данных", "передать показания\nещё что-то")
    assert [c.key for c in ranking.order(query, [faq, form])] == ["form", "faq"]


@pytest.mark.django_db
def test_stop_words_make_no_concepts():
    assert not ranking.parse("как где что ?!").concepts
    assert [len(c) for c in ranking.parse("как передать показания").concepts] == [1, 1]


@pytest.mark.django_db
def test_a_synonym_phrase_counts_only_when_whole():
    from search.models import SynonymGroup

    SynonymGroup.objects.create(terms="квитанция, счёт на оплату")
    query = ranking.parse("квитанция")
    assert query.covered(ranking.field_stems("Счёт на оплату за май")) == 1
    assert query.covered(ranking.field_stems("Способы оплаты")) == 0


# --- on the database of the session -----------------------------------------------------------


@pytest.mark.django_db
def test_exact_title_comes_first_on_the_database(standard_and_pdf):
    assert urls("стандарт качества обслуживания")[0] == standard_and_pdf.url
    assert urls("Стандарт качества обслуживания!")[0] == standard_and_pdf.url


@pytest.mark.django_db
def test_a_task_phrase_finds_its_form_first(clients_section):
    about = make_standard_page(
        clients_section, "about-readings", "Как передать показания", lead="Передать показания."
    )
    form = make_standard_page(clients_section, "meter", "Приём данных", lead="Форма.")
    assert urls("передать показания")[0] == about.url
    CustomerTask.objects.create(page=form, phrases="передать показания\nподать показания")
    assert urls("передать показания")[0] == form.url


@pytest.mark.django_db
def test_a_task_with_a_service_path_is_its_own_result(clients_section):
    page = make_standard_page(clients_section, "reception", "Приёмная", lead="Обращения.")
    task = CustomerTask(
        page=page, route="status", heading="Статус обращения", phrases="узнать статус обращения"
    )
    task.full_clean()
    task.save()
    assert urls("узнать статус обращения")[0] == page.url + "status/"
    task.delete()
    assert page.url + "status/" not in urls("узнать статус обращения")


@pytest.mark.django_db
def test_a_service_path_needs_a_title(clients_section):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        CustomerTask(page=clients_section, route="status/", phrases="статус").full_clean()
    assert "heading" in error.value.message_dict


@pytest.mark.django_db
def test_equal_matches_come_in_url_order_not_in_the_order_they_were_indexed(clients_section):
    lead = "Счётчик электроэнергии."
    made = [make_standard_page(clients_section, slug, "Счётчик", lead=lead) for slug in "cab"]
    by_url = sorted(page.url for page in made)
    assert urls("счётчик") == by_url
    # A cut inside the tie keeps the first by URL.
    best = postings.matches(["счетчик"], "ru", "", 2).best
    assert [candidate.url for candidate in best] == by_url[:2]


@pytest.mark.django_db
def test_the_best_n_in_sql_are_the_first_n_of_every_match_scored(clients_section):
    """The engine's top-N (SQL) against every posting summed here, for cuts before, inside
    and after ties."""
    for n, lead in enumerate(["тариф " * 3, "тариф оплата", "оплата", "тариф", "тариф", "прочее"]):
        make_standard_page(clients_section, f"p{n}", f"Страница {n}", lead=lead)
    make_standard_page(clients_section, "tariffs", "Тарифы", lead="Тарифы и оплата.")
    terms = ["тариф", "оплат"]
    scores: dict[int, float] = {}
    for entry_id, weight in SearchPosting.objects.filter(
        stem__in=terms, language__in=["ru", ""]
    ).values_list("entry_id", "weight"):
        scores[entry_id] = scores.get(entry_id, 0.0) + weight
    url = dict(SearchEntry.objects.values_list("pk", "url"))
    every = sorted(scores, key=lambda pk: (-round(scores[pk], 6), url[pk]))
    assert len(every) >= 6
    for limit in range(1, len(every) + 2):
        found = postings.matches(terms, "ru", "", limit)
        assert [c.key for c in found.best] == every[:limit]
        assert sum(found.counts.values()) == len(every)
        assert found.stems == {"тариф", "оплат"}


# --- forgiving input ---------------------------------------------------------------------------


@pytest.fixture
def tariffs(clients_section):
    return make_standard_page(
        clients_section, "tariffs", "Тарифы", lead="Тарифы на электроэнергию для населения."
    )


@pytest.mark.django_db
def test_the_index_teaches_the_vocabulary(tariffs):
    assert SearchTerm.objects.filter(word="электроэнергию", stem="электроэнерг").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("nfhbas", "тарифы"),
        ("nfhbas yf 'ktrnhj'ythub.", "тарифы на электроэнергию"),
        ("тарифф", "тариф"),
        ("таирфы", "тарифы"),
        ("тарифы на электраэнергию", "тарифы на электроэнергию"),
    ],
)
def test_wrong_layout_and_typos_are_corrected(tariffs, typed, meant):
    assert spelling.correct(typed) in {meant, meant.replace("тариф", "тарифы")}


@pytest.mark.django_db
def test_known_words_are_left_alone(tariffs):
    assert spelling.correct("тарифами для населения") is None
    assert spelling.correct("tariffs") is None or "тариф" not in spelling.correct("tariffs")


@pytest.mark.django_db
@pytest.mark.parametrize("typed", ["тарифф", "nfhbas"])
def test_a_corrected_query_says_so_and_links_to_the_exact_one(ru_client, tariffs, typed):
    main = main_of(ru_client.get("/search/", {"q": typed}).content.decode())
    assert 'class="search-correction"' in main
    assert "Показаны результаты по запросу" in main
    assert f'href="{tariffs.url}"' in main
    exact = main.split('class="search-correction"')[1].split('href="')[1].split('"')[0]
    assert exact.endswith("&amp;exact=1")
    html = ru_client.get("/search/", {"q": typed, "exact": "1"}).content.decode()
    assert 'class="search-correction"' not in main_of(html)
    assert f'href="{tariffs.url}"' not in main_of(html)


@pytest.mark.django_db
def test_the_elasticsearch_adapter_is_corrected_too(monkeypatch, tariffs):
    seen = []

    def search(self, query, language, section="", page=1):
        seen.append(query)
        return backends.DatabaseAdapter().search(query, language, section, page)

    monkeypatch.setattr(ElasticsearchAdapter, "search", search)
    monkeypatch.setattr(backends, "get_adapter", lambda: ElasticsearchAdapter("http://es"))
    assert backends.search("nfhbas", "ru").typed == "nfhbas"
    # What was typed is searched first; its word found nothing, so the correction is searched.
    assert seen == ["nfhbas", "тарифы"]


@pytest.mark.django_db
def test_the_spelling_is_not_looked_up_when_every_word_found_something(monkeypatch, tariffs):
    asked = []

    def correct(query):
        asked.append(query)
        return spelling_correct(query)

    spelling_correct = spelling.correct
    monkeypatch.setattr(spelling, "correct", correct)
    assert urls("тарифы для населения")[0] == tariffs.url
    assert urls("тарифы на электроэнергию")[0] == tariffs.url
    assert asked == []
    # A word that found nothing is still corrected, the rest of the query with it.
    results = backends.search("тарифы на электраэнергию", "ru")
    assert asked == ["тарифы на электраэнергию"]
    assert results.typed == "тарифы на электраэнергию"
    assert results.hits[0].url == tariffs.url


# --- empty states ------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "reason"), [("как где", "general"), ("?!…", "no-words"), ("«»*", "no-words")]
)
def test_stop_words_or_punctuation_get_a_helpful_empty_state(ru_client, tariffs, query, reason):
    assert backends.search(query, "ru").not_searched == reason
    response = ru_client.get("/search/", {"q": query})
    assert response.status_code == 200
    main = main_of(response.content.decode())
    assert "search-empty--general" in main and "search-results" not in main
    assert 'class="search-examples"' in main


# --- offers of other apps ------------------------------------------------------------------------


@pytest.mark.django_db
def test_another_app_offers_its_page_for_a_query_it_recognises(ru_client, tariffs):
    def streets(query, language):
        return offers.Offer("Что относится к адресу", "/address/?q=x") if "улица" in query else None

    offers.register(streets)
    try:
        main = main_of(ru_client.get("/search/", {"q": "улица Ленина"}).content.decode())
        assert 'href="/address/?q=x"' in main
        assert "/address/" not in main_of(
            ru_client.get("/search/", {"q": "тарифы"}).content.decode()
        )
    finally:
        offers.unregister(streets)


# --- Elasticsearch: the same rules on its hits ---------------------------------------------------


@pytest.mark.django_db
def test_elasticsearch_hits_are_ordered_by_the_same_rules(monkeypatch):
    def hit(heading, score, tasks=""):
        source = {"heading": heading, "url": f"/{heading}/", "section_key": "x", "tasks": tasks}
        return {"_id": heading, "_score": score, "_source": {**source, "section_label": "X"}}

    raw = {
        "hits": {
            "total": {"value": 3, "relation": "eq"},
            "hits": [
                hit("Стандарт качества обслуживания клиентов (PDF)", 9.0),
                hit("Анкета", 5.0, "оценить качество обслуживания"),
                hit("Стандарт качества обслуживания", 1.0),
            ],
        },
        "aggregations": {"sections": {"buckets": []}},
    }
    requested = []

    def execute(self):
        requested.append(self.to_dict())
        return Response(self, raw)

    monkeypatch.setattr("elasticsearch.dsl.Search.execute", execute)
    with translation.override("ru"):
        adapter = ElasticsearchAdapter("http://es:9200")
        results = adapter.search("стандарт качества обслуживания", "ru")
    assert [h.heading for h in results.hits][:2] == [
        "Стандарт качества обслуживания",
        "Стандарт качества обслуживания клиентов (PDF)",
    ]
    assert (requested[0]["from"], requested[0]["size"]) == (0, ranking.CANDIDATES)
