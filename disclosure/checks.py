"""System checks: a page type's `disclosure_items` and `disclosure_records` must name real
items and models, so that a typo cannot hide a page from the compliance report."""

from django.apps import apps
from django.core.checks import Error, register
from wagtail.models import get_page_models

from .items import CODES


@register()
def check_disclosure_declarations(app_configs=None, **kwargs) -> list[Error]:
    errors = []
    for model in get_page_models():
        declared = getattr(model, "disclosure_items", ())
        if isinstance(declared, str):
            errors.append(
                Error(
                    f"{model._meta.label}.disclosure_items must be a tuple of codes, not a string.",
                    id="disclosure.E001",
                )
            )
            continue
        for code in set(declared) - CODES:
            errors.append(
                Error(
                    f"{model._meta.label} declares an unknown disclosure item {code!r}.",
                    hint="Use a code of disclosure/items.py.",
                    id="disclosure.E002",
                )
            )
        for code, label in getattr(model, "disclosure_records", {}).items():
            if code not in declared:
                errors.append(
                    Error(
                        f"{model._meta.label}.disclosure_records names {code!r}, which the "
                        "page type does not declare in disclosure_items.",
                        id="disclosure.E003",
                    )
                )
            try:
                apps.get_model(label)
            except (LookupError, ValueError):
                errors.append(
                    Error(
                        f"{model._meta.label}.disclosure_records names an unknown model {label!r}.",
                        id="disclosure.E004",
                    )
                )
    return errors
