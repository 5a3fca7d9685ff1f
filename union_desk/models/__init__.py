"""SQLModel tables. Importing this package registers every table on SQLModel.metadata."""
from union_desk.models import audit, member, settings, union  # noqa: F401
