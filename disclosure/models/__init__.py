from .directory import GridCompaniesPage, PaymentPage, ServiceCentresPage
from .disclosed import DisclosedDocument, DisclosedDocumentsPage
from .notices import MeterVisitCoverage, MeterVisitNotice, OutageCoverage, OutageNotice
from .outages import OutagesPage
from .pages import (
    AppealsPage,
    ContractForm,
    ContractsPage,
    ProcedurePage,
    RestrictionPage,
    ServiceStandardPage,
)
from .price_lists import (
    AdditionalService,
    AdditionalServicesPage,
    ConsumptionNorm,
    ConsumptionNormsPage,
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
    "DisclosedDocument",
    "DisclosedDocumentsPage",
    "GridCompaniesPage",
    "GridCompany",
    "MeterVisitCoverage",
    "MeterVisitNotice",
    "OutageCoverage",
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
