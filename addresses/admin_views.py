"""The CSV upload of the address directory: valid rows are stored, bad ones listed by line."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.csv_import import decode

from .importer import COLUMNS, import_addresses

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def can_import(user) -> bool:
    return user.has_perm("addresses.add_houserange") and user.has_perm(
        "addresses.change_houserange"
    )


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy(
            "Columns separated by «;»: %(columns)s. Houses: empty for the whole street, «7», "
            "«1-25» or «2-40 чёт». Valid rows are imported even when others are wrong."
        )
        % {"columns": ";".join(COLUMNS)},
    )


def upload_view(request: HttpRequest) -> HttpResponse:
    if not can_import(request.user):
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            errors = [_("The file is larger than 20 MB.")]
        else:
            result = import_addresses(decode(upload.read()))
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
    return TemplateResponse(
        request,
        "addresses/admin/upload.html",
        {
            "form": form,
            "errors": errors,
            "page_title": _("Import addresses"),
            "header_icon": "upload",
        },
        status=400 if errors else 200,
    )
