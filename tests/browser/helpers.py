"""Checks shared by the browser tests: axe-core and reflow at 320 CSS pixels."""

from pathlib import Path

AXE_JS = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
FAILING_IMPACTS = {"serious", "critical"}

# The key pages of both languages, with the public forms: axe and the 320-pixel reflow
# check run on each.
KEY_PAGES = {
    "ru": [
        "/",
        "/clients/",
        "/clients/tariffs/",
        "/clients/meter-readings/",
        "/contacts/",
        "/reception/",
        "/search/?q=тариф",
        "/address/?q=Химки, Молодёжная, 3",
    ],
    "en": [
        "/en/",
        "/en/clients/",
        "/en/clients/tariffs/",
        "/en/clients/meter-readings/",
        "/en/contacts/",
        "/en/reception/",
        "/en/search/?q=tariff",
        "/en/address/?q=Химки, Молодёжная, 3",
    ],
}


def axe_violations(page, impacts=FAILING_IMPACTS) -> list[str]:
    """axe-core's violations of the given impacts on the page as loaded, one line each."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated by the test driver, not added as an inline <script>: the site's
        # Content-Security-Policy rightly refuses those.
        page.evaluate(AXE_JS.read_text())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    return [
        f"{page.url}: {violation['id']} ({violation['impact']}): "
        + "; ".join(node["target"][0] for node in violation["nodes"][:5])
        for violation in result["violations"]
        if violation["impact"] in impacts
    ]


def assert_accessible(page) -> None:
    violations = axe_violations(page)
    assert violations == [], "\n".join(violations)


def horizontal_overflow(page) -> int:
    """How many CSS pixels the page is wider than the window (0 when it reflows)."""
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
