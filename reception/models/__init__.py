from .appeals import Appeal, AppealAttachment, AppealEvent
from .deliveries import Delivery, DeliveryKind
from .pages import ReceptionPage, SurveyFormField, SurveyPage
from .visits import HomeVisitRequest

__all__ = [
    "Appeal",
    "AppealAttachment",
    "AppealEvent",
    "Delivery",
    "DeliveryKind",
    "HomeVisitRequest",
    "ReceptionPage",
    "SurveyFormField",
    "SurveyPage",
]
