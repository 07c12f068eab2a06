"""What search engines and link previews read: canonical URL, description, Open Graph locale,
and the schema.org Organization built from the site settings (written out by core's
`{% json_ld %}`)."""

from django import template
from django.http import HttpRequest
from wagtail.models import Page

register = template.Library()

OG_LOCALES = {"ru": "ru_RU", "en": "en_GB"}


@register.simple_tag(takes_context=True)
def canonical_url(context, page: Page | None = None) -> str:
    """The page's own absolute URL on the host that served it (like the hreflang links and
    robots.txt), without the query string (search result pages, filters)."""
    request: HttpRequest = context["request"]
    url = page.get_url(request) if isinstance(page, Page) else None
    return request.build_absolute_uri(url or request.path)


@register.simple_tag
def meta_description(page: Page | None = None) -> str:
    """The editor's search description, else the page's lead paragraph."""
    if page is None:
        return ""
    return (getattr(page, "search_description", "") or getattr(page, "lead", "") or "").strip()


@register.filter
def og_locale(language_code: str) -> str:
    return OG_LOCALES.get(language_code, language_code)


@register.simple_tag(takes_context=True)
def organization_data(context) -> dict:
    """schema.org Organization from SiteSettings: name, address, phone, e-mail, the home URL."""
    request: HttpRequest = context["request"]
    site_settings = context["settings"]["home"]["SiteSettings"]
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": site_settings.local_company_name,
        "url": request.build_absolute_uri("/"),
    }
    if site_settings.hotline_phone:
        data["telephone"] = site_settings.hotline_phone
    if site_settings.email:
        data["email"] = site_settings.email
    if site_settings.head_office_address:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": site_settings.head_office_address,
            "addressCountry": "RU",
        }
    return data
