"""The roster's columns: what each shows of a member row, and its sort key. Their one place —
the roster tab's list (`MemberRow`s from the roster services) and the first page shown before
the database is opened (`first_page.FirstPageMember`s, views/first_page_view.py) read the same
attributes through these."""
from __future__ import annotations

from PySide6.QtCore import QObject

from union_desk.views.paged_model import Column


class MemberColumns(QObject):  # a QObject for tr()
    def columns(self) -> list[Column]:
        return [
            Column(self.tr("Name"), lambda r: r.name, "name"),
            Column(self.tr("Gender"), lambda r: r.gender, "gender"),
            Column(self.tr("ID number"), lambda r: str(r.id_number), "id_number"),
            Column(self.tr("Born"), lambda r: str(r.birth_year or ""), "birth_date"),
            Column(self.tr("Phone"), lambda r: str(r.phone), "phone"),
            Column(self.tr("Employer"), lambda r: r.employer, "employer"),
            Column(self.tr("Union"), lambda r: r.union_name, "union"),
            Column(self.tr("Joined"), lambda r: f"{r.join_date:%Y-%m-%d}" if r.join_date else "",
                   "join_date"),
            Column(self.tr("Card no."), lambda r: r.card_no or "", "card_no"),
            Column(self.tr("Migrant"), lambda r: self.tr("Yes") if r.is_migrant else "",
                   "is_migrant"),
            Column(self.tr("Status"), lambda r: r.status.value, "status"),
        ]


def member_columns() -> list[Column]:
    return MemberColumns().columns()
