"""What every CSV upload of staff shares: the form that turns the file into text whatever the
exporting system, and one page (templates/core/admin/csv_upload.html) listing bad rows."""

from django import forms
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def decode(data: bytes) -> str:
    """UTF-8 (with or without a byte-order mark); older exports are Windows-1251."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1251")


class CsvUploadForm(forms.Form):
    """`cleaned_data["file"]` is the file's text. Subclasses give the field its label and the
    columns as help text."""

    file = forms.FileField()

    def clean_file(self) -> str:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        return decode(upload.read())


def upload_page(
    request: HttpRequest, form: CsvUploadForm, title: str, errors: list[str], errors_intro: str
) -> TemplateResponse:
    """The form again, with the rows that were refused (400 when there are any)."""
    return TemplateResponse(
        request,
        "core/admin/csv_upload.html",
        {
            "form": form,
            "errors": errors,
            "errors_intro": errors_intro,
            "page_title": title,
            "header_icon": "upload",
        },
        status=400 if errors else 200,
    )
