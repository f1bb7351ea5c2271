"""The local web app over a store (`newsprism serve`)."""

from newsprism.web.app import claims_csv, create_app
from newsprism.web.security import is_local, new_token

__all__ = ["claims_csv", "create_app", "is_local", "new_token"]
