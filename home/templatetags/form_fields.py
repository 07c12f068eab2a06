"""Accessible form fields: see templates/includes/form_field.html."""

from django import forms, template
from django.forms.boundfield import BoundField

register = template.Library()


@register.filter
def is_checkbox(field: BoundField) -> bool:
    return isinstance(field.field.widget, forms.CheckboxInput)


@register.simple_tag
def described_widget(field: BoundField, help_id: str, error_id: str, hint: str = "") -> str:
    """The field's widget naming its help text and errors in aria-describedby (errors first,
    so a screen reader says what is wrong before the hint), with aria-invalid when invalid."""
    described_by = []
    if field.errors:
        described_by.append(error_id)
    if field.help_text or hint:
        described_by.append(help_id)
    attrs: dict[str, str] = {}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)
