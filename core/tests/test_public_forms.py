"""core's public-form base: the one phone rule, the flow (honeypot → rate limit → validate →
store → redirect, never cached) and the consent field."""

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import translation

from core.forms import PublicForm
from core.phone import parse_phone, phone_form_field, same_phone, tel_target, validate_phones
from core.public_forms import serve_public_form

# --- the phone rule --------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["8 912 345-67-89", "+7 (912) 345-67-89", "89123456789"])
def test_the_ways_people_type_a_mobile_number_are_one_number(typed):
    field = phone_form_field()
    assert str(field.clean(typed)) == "+79123456789"


@pytest.mark.parametrize("typed", ["12-34", "call me", "+7 912 345", "8 912 345-67-89-00"])
def test_an_invalid_number_is_refused_with_a_russian_example(typed):
    field = phone_form_field()
    with translation.override("ru"), pytest.raises(ValidationError) as error:
        field.clean(typed)
    assert "Укажите номер телефона с кодом" in str(error.value.messages)
    assert "8 912 345-67-89" in str(error.value.messages)


def test_an_optional_phone_may_stay_empty_and_a_required_one_may_not():
    assert phone_form_field().clean("") == ""
    with pytest.raises(ValidationError):
        phone_form_field(required=True).clean("")


def test_office_phones_keep_their_format_and_give_tel_targets():
    validate_phones("+7 495 926-99-00, 8 800 333-00-22")
    with translation.override("ru"), pytest.raises(ValidationError) as error:
        validate_phones("+7 495 926-99-00, 22-33")
    assert "«22-33» — не номер телефона" in error.value.messages[0]
    assert tel_target("8 800 333-00-22") == "+78003330022"
    assert tel_target("+7 4967 55-10-20") == "+74967551020"


def test_same_phone_in_any_spelling():
    assert same_phone("8 (912) 345-67-89", "+79123456789")
    assert not same_phone("345-67-89", "+79123456789")  # too short to identify
    assert parse_phone("") is None


# --- the flow -------------------------------------------------------------------------------


class NoteForm(PublicForm):
    consent_required = "consent, please"
    note = forms.CharField()


def serve(data=None, limit=5):
    request = RequestFactory().post("/form/", data) if data is not None else None
    request = request or RequestFactory().get("/form/")
    stored = []

    def store(form):
        stored.append(form.cleaned_data["note"])
        return "/form/thanks/"

    def render(form):
        return HttpResponse(f"errors={dict(form.errors)} note={form['note'].value()}")

    response = serve_public_form(
        request,
        lambda data, files: NoteForm(data),
        scope="test.note",
        rate=(limit, 60),
        store=store,
        render=render,
        back_url="/form/",
    )
    return response, stored


def test_a_get_shows_the_empty_form_as_a_public_page():
    response, stored = serve()
    assert response.status_code == 200 and stored == []
    assert not response.has_header("Cache-Control")  # the page cache may keep it


def test_a_valid_post_is_stored_and_redirected():
    response, stored = serve({"note": "hello", "consent": "on"})
    assert response.status_code == 302 and response["Location"] == "/form/thanks/"
    assert stored == ["hello"]
    assert "no-store" in response["Cache-Control"]


def test_the_honeypot_stores_nothing_and_looks_like_success():
    response, stored = serve({"note": "hello", "consent": "on", "website": "http://spam"})
    assert response.status_code == 302 and response["Location"] == "/form/"
    assert stored == []


def test_an_invalid_form_comes_back_with_what_was_typed():
    response, stored = serve({"note": "hello"})
    assert response.status_code == 400 and stored == []
    body = response.content.decode()
    assert "consent, please" in body and "note=hello" in body
    assert "no-store" in response["Cache-Control"]


def test_over_the_limit_nothing_is_stored():
    serve({"note": "first", "consent": "on"}, limit=1)
    with translation.override("ru"):
        response, stored = serve({"note": "second", "consent": "on"}, limit=1)
    assert response.status_code == 429 and stored == []
    assert "Слишком много попыток" in response.content.decode()


def test_mistakes_do_not_use_up_the_limit():
    for _ in range(3):
        response, stored = serve({"note": "hello"}, limit=1)  # no consent: invalid
        assert response.status_code == 400
    response, stored = serve({"note": "hello", "consent": "on"}, limit=1)
    assert response.status_code == 302 and stored == ["hello"]


def test_the_consent_and_the_trap_come_after_the_form_own_fields():
    assert list(NoteForm().fields) == ["note", "consent", "website"]
