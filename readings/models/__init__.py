from .pages import MeterReadingsPage
from .records import Account, ExportBatch, Meter, Submission, SubmissionHistory

__all__ = [
    "Account",
    "ExportBatch",
    "Meter",
    "MeterReadingsPage",
    "Submission",
    "SubmissionHistory",
]
