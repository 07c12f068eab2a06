from .pages import TariffsPage
from .records import PriceComponent, TariffPeriod, TariffRate, TariffRegion, ZoneHours

__all__ = [
    "PriceComponent",
    "TariffPeriod",
    "TariffRate",
    "TariffRegion",
    "TariffsPage",
    "ZoneHours",
]
