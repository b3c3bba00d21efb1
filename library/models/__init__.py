"""Library models, split by kind: the catalogue, people and rules, circulation records."""

from .catalogue import (
    AccessibleFormat,
    Centre,
    CentreStaff,
    Copy,
    District,
    Language,
    Material,
    Subject,
    generate_barcode,
)
from .circulation import Hold, Loan, Notice, StockTake, StockTakeScan, Transfer
from .people import LoanRule, Patron, PatronCategory, Terms

__all__ = [
    "AccessibleFormat",
    "Centre",
    "CentreStaff",
    "Copy",
    "District",
    "Hold",
    "Language",
    "Loan",
    "LoanRule",
    "Material",
    "Notice",
    "Patron",
    "PatronCategory",
    "StockTake",
    "StockTakeScan",
    "Subject",
    "Terms",
    "Transfer",
    "generate_barcode",
]
