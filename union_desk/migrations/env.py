"""Alembic environment, shipped inside the package. The app passes its open connection."""
from alembic import context
from sqlmodel import SQLModel

import union_desk.models  # noqa: F401  (registers every table)
from union_desk.models.member import autogenerate_includes as include_object

config = context.config
target_metadata = SQLModel.metadata
connection = config.attributes.get("connection")

if connection is None:  # `alembic` command line for developers: -x db=PATH
    import sqlalchemy as sa

    db = context.get_x_argument(as_dictionary=True).get("db", "dev.sqlite3")
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True,
                          include_object=include_object)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True,
                          include_object=include_object)
    with context.begin_transaction():
        context.run_migrations()
