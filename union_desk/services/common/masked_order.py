"""Sorting a list by a masked column orders it by what the column shows, never by the hidden
digits: sorted by full ID number, a roster would line its members up by birth date within each
area, and the rank of a row would give back what the mask hides (issue 16). Plain SQL
expressions (`substr`, `||`, EXTRACT), the same on SQLite and PostgreSQL."""
from __future__ import annotations

import sqlalchemy as sa


def shown_id_number(column):
    """330182**********34 sorts as 33018234: the area, then the gender digit and check."""
    return sa.func.substr(column, 1, 6).op("||")(sa.func.substr(column, 17, 2))


def shown_phone(column):
    """138****8000 sorts as 1388000."""
    return sa.func.substr(column, 1, 3).op("||")(sa.func.substr(column, 8, 4))


def birth_year(column):
    """Rows show the year of birth only; they sort by it (ties by the caller's next key)."""
    return sa.extract("year", column)
