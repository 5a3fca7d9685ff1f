"""SQLModel tables. Importing this package registers every table on SQLModel.metadata."""
from union_desk.models import account, audit, member, settings, union  # noqa: F401
from union_desk.models import hardship, payment  # noqa: F401
from union_desk.models import stations  # noqa: F401
from union_desk.models import trips  # noqa: F401
from union_desk.models import exchange  # noqa: F401
