from .appeals import Appeal, AppealAttachment, AppealEvent
from .pages import ReceptionPage, SurveyFormField, SurveyPage
from .visits import HomeVisitRequest

__all__ = [
    "Appeal",
    "AppealAttachment",
    "AppealEvent",
    "HomeVisitRequest",
    "ReceptionPage",
    "SurveyFormField",
    "SurveyPage",
]
