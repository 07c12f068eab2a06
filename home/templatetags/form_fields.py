"""Accessible form fields: see templates/includes/form_field.html."""

from django import forms, template
from django.forms.boundfield import BoundField
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag
def field_layout(field: BoundField, hint: str = "") -> dict:
    """What the include needs: the ids of the help text and the errors, the aria-describedby
    value naming them (errors first, so a screen reader says what is wrong before the hint),
    and the kind of field: "checkbox" (label after the box), "group" (radio buttons or
    several checkboxes: a fieldset with a legend) or "single"."""
    widget = field.field.widget
    if isinstance(widget, forms.CheckboxInput):
        kind = "checkbox"
    elif isinstance(widget, forms.RadioSelect):  # CheckboxSelectMultiple is one too
        kind = "group"
    else:
        kind = "single"
    base = field.auto_id or field.html_name
    help_id, error_id = f"{base}-help", f"{base}-error"
    described_by = []
    if field.errors:
        described_by.append(error_id)
    if field.help_text or hint:
        described_by.append(help_id)
    return {
        "kind": kind,
        "help_id": help_id,
        "error_id": error_id,
        "described_by": " ".join(described_by),
    }


@register.simple_tag
def described_widget(field: BoundField, layout: dict) -> SafeString:
    """The field's widget with aria-describedby (on the inputs of a single field or checkbox;
    a group's fieldset carries it instead) and aria-invalid when the field has errors."""
    attrs: dict[str, str] = {}
    if layout["described_by"] and layout["kind"] != "group":
        attrs["aria-describedby"] = layout["described_by"]
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)
