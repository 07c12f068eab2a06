"""The staff CSV upload form every import shares."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from core import csv_import
from core.csv_import import CsvUploadForm


def form_with(data: bytes) -> CsvUploadForm:
    return CsvUploadForm(files={"file": SimpleUploadedFile("export.csv", data)})


def test_the_text_comes_out_whether_the_export_was_utf8_with_a_bom_or_windows_1251():
    for data in ("\ufeffулица Ленина;7".encode(), "улица Ленина;7".encode("cp1251")):
        form = form_with(data)
        assert form.is_valid()
        assert form.cleaned_data["file"] == "улица Ленина;7"


def test_a_file_over_the_limit_is_refused_in_russian(monkeypatch):
    monkeypatch.setattr(csv_import, "MAX_UPLOAD_BYTES", 10)
    form = form_with(b"x" * 11)
    with translation.override("ru"):
        assert not form.is_valid()
        assert form.errors["file"] == ["Файл больше 20 МБ."]
    assert form_with(b"x" * 10).is_valid()
