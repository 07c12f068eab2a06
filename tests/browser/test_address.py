"""«What applies to my address» in a real browser, with the autocomplete and without
JavaScript (demo: Молодёжная улица in Химки, houses 1–25 covered by a planned outage)."""

import re

import pytest
from playwright.sync_api import expect

from .helpers import assert_accessible, horizontal_overflow

NOTICE = "Ремонт трансформаторной подстанции ТП-214"


def test_the_autocomplete_leads_to_the_address(page, site_url):
    page.goto(site_url + "/address/")
    field = page.locator("#address-query")
    field.press_sequentially("молодежной 3", delay=20)
    option = page.get_by_role("option").filter(has_text="Молодёжная улица, Химки, 3")
    expect(option).to_be_visible()
    expect(field).to_have_attribute("aria-expanded", "true")
    option.click()

    expect(page).to_have_url(re.compile(r"/address/\?q="))
    expect(page.locator(".address-found")).to_contain_text("Химки, Молодёжная улица, 3")
    expect(page.locator("#address-outages").locator("..")).to_contain_text(NOTICE)
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 640})
    assert horizontal_overflow(page) == 0


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_the_form_works_without_javascript(page, site_url):
    page.goto(site_url + "/address/")
    page.locator("#address-query").fill("Химки, ул. Молодёжная, д. 3")
    page.locator("form.address-form button[type=submit]").click()
    outages = page.locator("#address-outages").locator("..")
    expect(outages).to_contain_text(NOTICE)
    expect(page.locator("#address-grid").locator("..")).to_contain_text("Мособлэнерго")

    # The neighbour across the range's end is not covered.
    page.locator("#address-query").fill("Химки, ул. Молодёжная, д. 27")
    page.locator("form.address-form button[type=submit]").click()
    expect(page.locator(".address-found")).to_contain_text("27")
    expect(page.locator("#address-outages").locator("..")).not_to_contain_text(NOTICE)


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_one_step_from_the_home_page(page, site_url):
    page.goto(site_url + "/")
    page.locator("#address-query").fill("Химки, Молодёжная 3")
    page.locator("form.address-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/address/\?q="))
    expect(page.locator("#address-outages").locator("..")).to_contain_text(NOTICE)


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_alert_streets_are_picked_from_the_directory_without_javascript(page, site_url):
    page.goto(site_url + "/clients/outages/subscribe/")
    page.get_by_label("Эл. почта").fill("anna@example.ru")
    page.get_by_label("Найдите улицу").fill("Химки, молодежной")
    page.get_by_role("button", name="Найти улицу").click()
    page.get_by_label("Молодёжная улица, Химки").check()
    page.get_by_role("button", name="Подписаться").click()
    # Refused without consent: the address and the street stay as they were.
    expect(page.locator("#alerts-errors")).to_be_visible()
    expect(page.get_by_label("Эл. почта")).to_have_value("anna@example.ru")
    expect(page.get_by_label("Молодёжная улица, Химки")).to_be_checked()
    page.locator("input[name=consent]").check()
    page.get_by_role("button", name="Подписаться").click()
    expect(page.get_by_role("status")).to_contain_text("Мы отправили вам письмо")
