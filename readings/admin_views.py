"""Admin views for staff: the export for billing, batches, the registry upload."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.csv_import import CsvUploadForm, upload_page

from .export import batch_csv, create_batch, period_csv
from .models import ExportBatch, Submission
from .permissions import can_export, can_import_registry
from .registry import import_registry
from .services import parse_period


class ExportForm(forms.Form):
    period = forms.ChoiceField(label=gettext_lazy("Billing period"))
    everything = forms.BooleanField(
        label=gettext_lazy("All readings of the period, including those already exported"),
        help_text=gettext_lazy("Without it: only new readings, recorded as a new batch."),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        periods = Submission.objects.order_by("-period").values_list("period", flat=True)
        self.fields["period"].choices = [
            (period.strftime("%Y-%m"), period.strftime("%m.%Y")) for period in periods.distinct()
        ]


class RegistryUploadForm(CsvUploadForm):
    file = forms.FileField(
        label=gettext_lazy("CSV from the billing system"),
        help_text=gettext_lazy(
            "Columns: account_number;meter_number;zones;decimals;last_t1;last_t2;last_t3;"
            "last_reading_date. Nothing is imported if any row is wrong."
        ),
    )


def csv_response(text: str, filename: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def export_view(request: HttpRequest) -> HttpResponse:
    if not can_export(request.user):
        raise PermissionDenied
    form = ExportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        period = parse_period(form.cleaned_data["period"])
        if form.cleaned_data["everything"]:
            return csv_response(period_csv(period), f"readings-{period:%Y-%m}-all.csv")
        batch = create_batch(period, request.user)
        if batch is None:
            messages.warning(request, _("No new readings for this period."))
            return redirect("readings_export:index")
        return csv_response(batch_csv(batch), f"readings-{period:%Y-%m}-batch-{batch.pk}.csv")
    return TemplateResponse(
        request,
        "readings/admin/export.html",
        {"form": form, "page_title": _("Export for billing"), "header_icon": "download"},
    )


def batch_download(request: HttpRequest, pk: int) -> HttpResponse:
    if not can_export(request.user):
        raise PermissionDenied
    batch = get_object_or_404(ExportBatch, pk=pk)
    return csv_response(batch_csv(batch), f"readings-{batch.period:%Y-%m}-batch-{batch.pk}.csv")


@require_POST
def mark_transferred(request: HttpRequest, pk: int) -> HttpResponse:
    if not can_export(request.user):
        raise PermissionDenied
    batch = get_object_or_404(ExportBatch, pk=pk)
    if batch.transferred_at is None:
        batch.transferred_at = timezone.now()
        batch.save(update_fields=["transferred_at"])
    messages.success(request, _("Batch %(batch)s is marked as transferred.") % {"batch": batch})
    return redirect("readings_batches:index")


def registry_upload_view(request: HttpRequest) -> HttpResponse:
    if not can_import_registry(request.user):
        raise PermissionDenied
    form = RegistryUploadForm(request.POST or None, request.FILES or None)
    errors: list[str] = []
    if request.method == "POST" and form.is_valid():
        result = import_registry(form.cleaned_data["file"])
        errors = result.errors
        if result.ok:
            messages.success(
                request,
                _(
                    "Registry imported: %(accounts)d new accounts, %(created)d new meters, "
                    "%(updated)d meters updated."
                )
                % {
                    "accounts": result.accounts_created,
                    "created": result.meters_created,
                    "updated": result.meters_updated,
                },
            )
            return redirect("readings_meters:index")
    return upload_page(
        request,
        form,
        _("Upload the registry"),
        errors,
        _("Nothing was imported. Correct these rows and upload the file again:"),
    )
