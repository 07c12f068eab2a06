"""The site-wide layer in a real browser: navigation, keyboard use, the language switch, the
version for the visually impaired with and without JavaScript, axe-core on the key pages."""

import re

import pytest
from playwright.sync_api import expect

from .helpers import KEY_PAGES, axe_violations, horizontal_overflow


def test_navigation_from_home_to_tariffs(page, site_url):
    page.goto(site_url + "/")
    menu = page.get_by_role("navigation", name="Главное меню")
    menu.get_by_role("link", name="Клиентам", exact=True).click()
    expect(page).to_have_url(site_url + "/clients/")
    page.get_by_role("main").get_by_role("link", name="Тарифы", exact=True).click()
    expect(page).to_have_url(site_url + "/clients/tariffs/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Тарифы")
    expect(page).to_have_title(re.compile("^Тарифы — "))
    # On paper: the content without the site's header and footer.
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".site-footer")).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_skip_link_is_the_first_stop_of_the_keyboard(page, site_url):
    page.goto(site_url + "/clients/tariffs/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Перейти к содержанию")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box is not None and box["y"] >= 0, "the focused skip link is visible"
    assert skip.evaluate("a => getComputedStyle(a).outlineStyle") != "none", "visible focus"
    page.keyboard.press("Enter")
    expect(page).to_have_url(site_url + "/clients/tariffs/#main")
    expect(page.locator("main")).to_be_focused()
    # The next Tab goes into the content, past the header and the menu.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('header') === null")


def test_language_switch_leads_to_the_translation_and_back(page, site_url):
    page.goto(site_url + "/clients/tariffs/")
    page.get_by_role("navigation", name="Язык").get_by_role("link", name="English").click()
    expect(page).to_have_url(site_url + "/en/clients/tariffs/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tariffs")
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Русский").click()
    expect(page).to_have_url(site_url + "/clients/tariffs/")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    # Outside the page tree (search), the switch keeps the view and the query.
    page.goto(site_url + "/search/?q=тариф")
    page.get_by_role("navigation", name="Язык").get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/search/\?q="))
    expect(page.locator("html")).to_have_attribute("lang", "en")


def turn_on(page, site_url) -> None:
    page.goto(site_url + "/clients/")
    page.get_by_role("link", name="Версия для слабовидящих").click()
    expect(page).to_have_url(site_url + "/clients/")


def choose(page) -> None:
    """The visitor's choices: largest type, white on black, images off, wide spacing."""
    panel = page.get_by_role("region", name="Настройки версии для слабовидящих")
    panel.get_by_role("link", name="200 %").click()
    panel.get_by_role("link", name="Белым по чёрному").click()
    panel.get_by_role("link", name="Скрыть").click()
    panel.get_by_role("link", name="Увеличенный").click()


def expect_preferences_applied(page) -> None:
    html = page.locator("html")
    for css_class in ("a11y", "a11y-size-3", "a11y-scheme-bw", "a11y-images-off"):
        expect(html).to_have_class(re.compile(rf"(^|\s){css_class}(\s|$)"))
    expect(html).to_have_class(re.compile(r"a11y-spacing-wide"))
    expect(page.locator("body")).to_have_css("background-color", "rgb(0, 0, 0)")
    expect(html).to_have_css("font-size", "32px")


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_visually_impaired_version_without_javascript(page, site_url):
    turn_on(page, site_url)
    choose(page)
    expect_preferences_applied(page)
    # Remembered on the next page, and switched off again.
    page.get_by_role("navigation", name="Главное меню").get_by_role(
        "link", name="Контакты", exact=True
    ).click()
    expect(page).to_have_url(site_url + "/contacts/")
    expect_preferences_applied(page)
    page.get_by_role("link", name="Обычная версия").click()
    expect(page).to_have_url(site_url + "/contacts/")
    expect(page.locator("html")).not_to_have_class(re.compile("a11y"))
    expect(page.get_by_role("link", name="Версия для слабовидящих")).to_be_visible()


def test_visually_impaired_version_with_javascript(page, site_url):
    turn_on(page, site_url)
    page.evaluate("window.notReloaded = true")
    choose(page)
    expect_preferences_applied(page)
    assert page.evaluate("window.notReloaded === true"), "the script applies them in place"
    panel = page.get_by_role("region", name="Настройки версии для слабовидящих")
    expect(panel.get_by_role("link", name="Белым по чёрному")).to_have_attribute(
        "aria-current", "true"
    )
    page.goto(site_url + "/contacts/")
    expect_preferences_applied(page)
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", ["ru", "en"])
def test_key_pages_pass_axe_and_reflow_at_320_pixels(page, site_url, language):
    """axe-core finds nothing serious or critical; at 320 CSS pixels (a phone, or 1280 pixels
    at 400 % zoom) nothing scrolls sideways."""
    problems = []
    for path in KEY_PAGES[language]:
        page.set_viewport_size({"width": 1280, "height": 800})
        response = page.goto(site_url + path)
        assert response is not None and response.ok, path
        problems += axe_violations(page)
        page.set_viewport_size({"width": 320, "height": 640})
        if overflow := horizontal_overflow(page):
            problems.append(f"{path}: {overflow} px wider than a 320 px window")
    assert problems == [], "\n".join(problems)


def test_colour_schemes_keep_contrast_and_reflow(page, site_url):
    for scheme in ("wb", "bw", "blue"):
        page.set_viewport_size({"width": 1280, "height": 800})
        page.goto(f"{site_url}/accessibility/?mode=on&scheme={scheme}&size=2&next=/clients/")
        expect(page.locator("html")).to_have_class(re.compile(f"a11y-scheme-{scheme}"))
        assert axe_violations(page) == [], scheme
        page.set_viewport_size({"width": 320, "height": 640})
        assert horizontal_overflow(page) == 0, scheme
