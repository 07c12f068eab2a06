"""The CSV upload of the address directory: valid rows are stored, bad ones listed by line."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.csv_import import CsvUploadForm, upload_page
from core.i18n import interpolate_lazy

from .importer import COLUMNS, import_addresses


def can_import(user) -> bool:
    return user.has_perm("addresses.add_houserange") and user.has_perm(
        "addresses.change_houserange"
    )


class UploadForm(CsvUploadForm):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=interpolate_lazy(
            gettext_lazy(
                "Columns separated by «;»: %(columns)s. Houses: empty for the whole street, "
                "«7», «1-25» or «2-40 чёт». Valid rows are imported even when others are wrong."
            ),
            {"columns": ";".join(COLUMNS)},
        ),
    )


def upload_view(request: HttpRequest) -> HttpResponse:
    if not can_import(request.user):
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        result = import_addresses(form.cleaned_data["file"])
        errors = result.errors
        summary = _("House ranges created: %(created)d, updated: %(updated)d.") % {
            "created": result.created,
            "updated": result.updated,
        }
        if not errors:
            messages.success(request, summary)
            return redirect("addresses_ranges:index")
        if result.created or result.updated:
            messages.success(request, summary)
    return upload_page(
        request,
        form,
        _("Import addresses"),
        errors,
        _("These rows were not imported; the others were. Correct them and upload them again:"),
    )
