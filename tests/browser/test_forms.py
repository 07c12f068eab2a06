"""The public forms in a real browser: an appeal to the virtual reception, a meter reading and
the tariffs calculator with and without JavaScript."""

import re

import pytest
from playwright.sync_api import expect

from readings.models import Submission
from reception.models import Appeal

from .helpers import assert_accessible, horizontal_overflow


def test_filing_an_appeal_shows_its_registration_number(page, site_url):
    page.goto(site_url + "/reception/")
    form = page.locator("form.reception-form")
    # Sent empty: the errors stand next to their fields, in Russian, and pass axe.
    form.get_by_role("button", name="Отправить обращение").click()
    expect(page.get_by_role("alert")).to_contain_text("Исправьте отмеченные ниже поля")
    message = form.locator("[name=message]")
    expect(message).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_message-error")).to_be_visible()
    assert_accessible(page)

    form.locator("[name=topic]").select_option("general")
    form.locator("[name=appeal_type]").select_option("complaint")
    message.fill("Счёт за октябрь пришёл с ошибкой.")
    form.locator("[name=customer_type][value=household]").check()
    form.locator("[name=name]").fill("Петрова Анна Сергеевна")
    form.locator("[name=answer_channel][value=email]").check()
    form.locator("[name=email]").fill("anna@example.ru")
    form.locator("[name=consent]").check()
    form.get_by_role("button", name="Отправить обращение").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Ваше обращение зарегистрировано")
    appeal = Appeal.objects.get(email="anna@example.ru")
    expect(page.locator(".reception-result")).to_contain_text(appeal.number)
    assert re.fullmatch(r"ВП-\d{4}-\d{6}", appeal.number)
    assert_accessible(page)


def test_a_meter_reading_through_the_form(page, site_url):
    """Demo account 1000000001, meter 12345678: two zones, last readings 10000 and 5000."""
    page.goto(site_url + "/clients/meter-readings/")
    page.get_by_label("Номер лицевого счёта").fill("1000000001")
    page.locator("[name=meter_number]").fill("12345678")
    page.locator("[name=reading_t1]").fill("10150")
    page.locator("[name=reading_t2]").fill("5080")
    page.locator("[name=consent]").check()
    page.get_by_role("button", name="Отправить показания").click()

    status = page.get_by_role("status")
    submission = Submission.objects.get(meter__number="12345678", reading_t1=10150)
    assert submission.reading_t2 == 5080
    expect(status).to_contain_text(submission.confirmation_number)
    expect(status).to_contain_text("10150")
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 640})
    assert horizontal_overflow(page) == 0


def calculate(page, site_url):
    page.goto(site_url + "/clients/tariffs/")
    calculator = page.locator("form[data-tariff-calculator]")
    calculator.locator("[name=total]").fill("300")
    return calculator


def test_the_tariffs_calculator_answers_as_you_type(page, site_url):
    calculate(page, site_url)
    page.evaluate("window.notReloaded = true")
    result = page.locator("#tariff-calculator-result table")
    expect(result).to_be_visible()
    expect(result.locator(".tariff-price").first).to_have_text(re.compile(r"\d"))
    assert page.evaluate("window.notReloaded === true"), "no page load"
    expect(page).to_have_url(re.compile(r"total=300"))


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_the_tariffs_calculator_without_javascript(page, site_url):
    calculator = calculate(page, site_url)
    expect(page.locator("#tariff-calculator-result table")).to_have_count(0)
    calculator.get_by_role("button").click()
    expect(page).to_have_url(re.compile(r"/clients/tariffs/\?.*total=300"))
    result = page.locator("#tariff-calculator-result table")
    expect(result.locator(".tariff-price").first).to_have_text(re.compile(r"\d"))
