"""Attachments to appeals: checked by their content, stored where no public URL reaches."""

import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage, storages
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

MAX_FILES = 5
MAX_FILE_SIZE = 5 * 1024 * 1024  # bytes, each file
MAX_TOTAL_SIZE = 15 * 1024 * 1024

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


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


def sniff(upload: UploadedFile) -> Kind | None:
    """The file's real kind by its first bytes (and, for DOCX, its zip directory); None when
    it is none of the accepted kinds, whatever its name says."""
    upload.seek(0)
    head = upload.read(8)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(upload) as archive:
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
        kind = sniff(upload)
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
