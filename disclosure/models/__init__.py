from .directory import GridCompaniesPage, OutagesPage, PaymentPage, ServiceCentresPage
from .notices import MeterVisitNotice, OutageNotice
from .pages import (
    AdditionalService,
    AdditionalServicesPage,
    AppealsPage,
    ConsumptionNorm,
    ConsumptionNormsPage,
    ContractForm,
    ContractsPage,
    ProcedurePage,
    RestrictionPage,
    ServiceStandardPage,
)
from .records import GridCompany, PaymentPoint, ServiceCentre, ServiceCentreHours

__all__ = [
    "AdditionalService",
    "AdditionalServicesPage",
    "AppealsPage",
    "ConsumptionNorm",
    "ConsumptionNormsPage",
    "ContractForm",
    "ContractsPage",
    "GridCompaniesPage",
    "GridCompany",
    "MeterVisitNotice",
    "OutageNotice",
    "OutagesPage",
    "PaymentPage",
    "PaymentPoint",
    "ProcedurePage",
    "RestrictionPage",
    "ServiceCentre",
    "ServiceCentreHours",
    "ServiceCentresPage",
    "ServiceStandardPage",
]
