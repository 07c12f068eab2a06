"""Spreadsheet exports that staff can open safely: control characters a customer typed are
dropped (XLSX cannot hold them), a CSV cell that a spreadsheet would run as a formula (`=`, `+`,
`-`, `@`) is kept as text, and CSV starts with a byte-order mark so that Excel reads UTF-8.
Every admin list and report exports through these classes."""

import re
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from wagtail.admin.utils import get_user_display_name
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.views.reports import ReportView

CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str, for_csv: bool) -> str:
    text = CONTROL_CHARACTERS.sub("", text)
    if for_csv and text.startswith(FORMULA_STARTS):
        return "'" + text  # what spreadsheets themselves use to mark text
    return text


class SafeSpreadsheetExportMixin(SpreadsheetExportMixin):
    def preprocess_field_value(self, field: str, value: Any, export_format: str) -> Any:
        if isinstance(value, AbstractBaseUser):
            value = get_user_display_name(value)  # the name the admin shows, not the login
        value = super().preprocess_field_value(field, value, export_format)
        if isinstance(value, str):
            return safe_cell(value, for_csv=export_format == self.FORMAT_CSV)
        return value

    def stream_csv(self, queryset):
        yield "\ufeff"
        yield from super().stream_csv(queryset)


class SafeIndexView(SafeSpreadsheetExportMixin, IndexView):
    pass


class SafeReportView(SafeSpreadsheetExportMixin, ReportView):
    pass
