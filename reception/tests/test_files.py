"""Attachments are judged by their content: documents that run code when a clerk opens them,
or unpack to far more than a document, are refused with a message that says why."""

import io
import zipfile
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from reportlab.pdfgen import canvas

from reception.files import PDF, WORD, validate_uploads


def real_pdf(javascript: str = "") -> bytes:
    """A PDF made by reportlab, optionally with a document-level script."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.drawString(100, 750, "Заявление")
    pdf.save()
    data = buffer.getvalue()
    if javascript:
        # What an attacker appends: an incremental update whose catalog opens with a script.
        data += (
            b"\n99 0 obj << /Type /Action /S /JavaScript /JS (" + javascript.encode() + b") >>"
            b"\nendobj\n"
        )
    return data


def docx(extra: dict[str, bytes] | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
    return buffer.getvalue()


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def refused(name: str, data: bytes) -> str:
    """The code of the error that refuses the file."""
    with pytest.raises(ValidationError) as error:
        validate_uploads([upload(name, data)])
    [refusal] = error.value.error_list
    return refusal.code


def test_plain_documents_are_accepted():
    accepted = validate_uploads([upload("a.pdf", real_pdf()), upload("b.docx", docx())])
    assert [kind for _, kind in accepted] == [PDF, WORD]


def test_a_pdf_with_javascript_is_refused():
    assert refused("акт.pdf", real_pdf(javascript="app.alert(1)")) == "unsafe"


def test_a_script_hidden_behind_name_escapes_or_in_a_compressed_stream_is_found():
    escaped = b"%PDF-1.7\n1 0 obj << /S /J#61vaScript /JS (x) >> endobj\n"
    assert refused("a.pdf", escaped) == "unsafe"
    hidden = zlib.compress(b"<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>")
    packed = b"%PDF-1.7\n1 0 obj << /Filter /FlateDecode >>\nstream\n" + hidden + b"\nendstream"
    assert refused("b.pdf", packed) == "unsafe"


def test_a_zip_bomb_posing_as_docx_is_refused():
    bomb = docx({"word/media/image1.bin": b"\0" * (60 * 1024 * 1024)})
    assert len(bomb) < 1024 * 1024  # a megabyte that unpacks to sixty
    assert refused("договор.docx", bomb) == "unsafe"
