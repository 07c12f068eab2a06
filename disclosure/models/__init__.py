from .directory import GridCompaniesPage, PaymentPage, ServiceCentresPage
from .notices import MeterVisitNotice, OutageNotice
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
