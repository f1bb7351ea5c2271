"""The local web app over a store (`newsprism serve`)."""

from newsprism.report.csv_export import claims_csv
from newsprism.web.app import create_app
from newsprism.web.security import is_local, new_token

__all__ = ["claims_csv", "create_app", "is_local", "new_token"]
