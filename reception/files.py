"""Attachments to appeals: checked by their content, stored where no public URL reaches."""

import re
import zipfile
import zlib
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage, storages
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

MAX_FILES = 5
MAX_FILE_SIZE = 5 * 1024 * 1024  # bytes, each file
MAX_TOTAL_SIZE = 15 * 1024 * 1024

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

# A document unpacks to at most this much, and to at most this many times its packed size: a
# zip bomb posing as DOCX is refused before anyone opens it.
MAX_UNPACKED_SIZE = 50 * 1024 * 1024
MAX_PACKING_RATIO = 100
MAX_ZIP_ENTRIES = 1000

# PDF names that run code or carry other files when a clerk opens the document.
ACTIVE_PDF_NAMES = {
    b"JavaScript",
    b"JS",
    b"Launch",
    b"EmbeddedFile",
    b"EmbeddedFiles",
    b"RichMedia",
}
PDF_NAME = re.compile(rb"/([A-Za-z0-9#]+)")
PDF_STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.DOTALL)


@dataclass(frozen=True)
class Kind:
    content_type: str
    extension: str


PDF = Kind("application/pdf", "pdf")
JPEG = Kind("image/jpeg", "jpg")
PNG = Kind("image/png", "png")
WORD = Kind(DOCX, "docx")


class PrivateFileSystemStorage(FileSystemStorage):
    """Files on disk outside MEDIA_ROOT that have no URL: staff get them through a view that
    checks permissions (reception/admin_views.py)."""

    def url(self, name):
        raise ValueError("Private files have no public URL.")


def private_storage():
    """The `private` storage of settings.STORAGES (a callable keeps migrations stable)."""
    return storages["private"]


class UnsafeFile(Exception):
    """The file is of an accepted kind but not safe to keep."""


def _pdf_names(data: bytes) -> set[bytes]:
    """The names a PDF uses, #xx escapes decoded, in its text and in its compressed streams."""
    chunks = [data]
    budget = MAX_UNPACKED_SIZE
    for stream in PDF_STREAM.findall(data):
        try:
            inflated = zlib.decompressobj().decompress(stream, budget)
        except zlib.error:
            continue
        budget -= len(inflated)
        chunks.append(inflated)
        if budget <= 0:
            raise UnsafeFile("unpacks to too much")
    return {
        re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), name)
        for chunk in chunks
        for name in PDF_NAME.findall(chunk)
    }


def _check_archive(archive: zipfile.ZipFile, packed_size: int) -> None:
    entries = archive.infolist()
    unpacked = sum(entry.file_size for entry in entries)
    if (
        len(entries) > MAX_ZIP_ENTRIES
        or unpacked > MAX_UNPACKED_SIZE
        or unpacked > MAX_PACKING_RATIO * max(packed_size, 1)
    ):
        raise UnsafeFile("unpacks to too much")


def sniff(upload: UploadedFile) -> Kind | None:
    """The file's real kind by its first bytes (and, for DOCX, its zip directory); None when
    it is none of the accepted kinds, whatever its name says. UnsafeFile for a PDF that runs
    scripts or carries files, and for an archive that unpacks to far more than a document."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        active = ACTIVE_PDF_NAMES & _pdf_names(upload.read())
        upload.seek(0)
        if active:
            raise UnsafeFile("active content")
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
                _check_archive(archive, upload.size)
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError):
            return None
        finally:
            upload.seek(0)
        if "word/document.xml" in names and "[Content_Types].xml" in names:
            return WORD
    return None


def validate_uploads(uploads: list[UploadedFile]) -> list[tuple[UploadedFile, Kind]]:
    """The accepted files with their kinds, or a ValidationError naming every bad file."""
    if len(uploads) > MAX_FILES:
        raise ValidationError(
            _("Attach at most %(count)s files.") % {"count": MAX_FILES}, code="too_many"
        )
    errors: list[ValidationError] = []
    accepted = []
    for upload in uploads:
        if upload.size > MAX_FILE_SIZE:
            errors.append(
                ValidationError(
                    _("The file «%(name)s» is larger than %(limit)s MB.")
                    % {"name": upload.name, "limit": MAX_FILE_SIZE // (1024 * 1024)},
                    code="too_large",
                )
            )
            continue
        try:
            kind = sniff(upload)
        except UnsafeFile:
            errors.append(
                ValidationError(
                    _(
                        "The file «%(name)s» contains scripts, embedded files or too much packed "
                        "data and cannot be accepted. Save it again as a plain document."
                    )
                    % {"name": upload.name},
                    code="unsafe",
                )
            )
            continue
        if kind is None:
            errors.append(
                ValidationError(
                    _("The file «%(name)s» is not a PDF, JPEG, PNG or DOCX document.")
                    % {"name": upload.name},
                    code="bad_type",
                )
            )
            continue
        accepted.append((upload, kind))
    if sum(upload.size for upload in uploads) > MAX_TOTAL_SIZE and not errors:
        errors.append(
            ValidationError(
                _("The files together are larger than %(limit)s MB.")
                % {"limit": MAX_TOTAL_SIZE // (1024 * 1024)},
                code="too_large",
            )
        )
    if errors:
        raise ValidationError(errors)
    return accepted
