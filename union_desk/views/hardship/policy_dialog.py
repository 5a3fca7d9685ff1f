"""The local hardship policy the category suggestion uses: the 低保 of each year (yuan per
person per month) and the multiplier k for 相对困难 — settings, never constants in code."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QSpinBox

from union_desk.services.changes import Change
from union_desk.services.hardship.policy import Policy, get_policy, put_policy
from union_desk.views.hardship.fields import HardshipFormDialog, fen_of, line_edit, yuan_text
from union_desk.views.ops import Ops, error_text


class PolicyDialog(HardshipFormDialog):
    def __init__(self, ops: Ops, parent=None):
        super().__init__(ops, self.tr("Hardship standard (低保)"),
                         lambda s, p: put_policy(s, **p), {Change.HARDSHIP_POLICY}, parent)
        self.setObjectName("policyDialog")
        self.year = QSpinBox(self)
        self.year.setObjectName("policyYearSpin")
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.add_row(self.tr("Year"), self.year, "year")
        self.dibao = self.add_row(
            self.tr("Minimum living allowance (低保), yuan per person per month"),
            line_edit(self, "dibaoEdit", "", 20), "dibao")
        self.multiplier = self.add_row(
            self.tr("Relative hardship (相对困难) up to k × 低保, k ="),
            line_edit(self, "multiplierEdit", "", 6), "multiplier")
        self.multiplier.setPlaceholderText(self.tr("e.g. 1.5 (the same for every year)"))
        self.note = QLabel(self)
        self.note.setObjectName("policyNote")
        self.note.setWordWrap(True)
        self.add_row("", self.note)
        self.year.valueChanged.connect(self._on_year_value_changed)
        self.resize(460, self.sizeHint().height())
        self.load()

    def load(self) -> None:
        year = self.year.value()
        self.ops.read(lambda s: get_policy(s, year=year), parent=self) \
            .success(lambda policy: self._show(year, policy)) \
            .failure(lambda err: self._missing(year, err)).run()

    def _show(self, year: int, policy: Policy) -> None:
        if year == self.year.value():
            self.dibao.setText(yuan_text(policy.dibao_fen))
            self.multiplier.setText(policy.multiplier)
            self.note.setText("")
            self.mark_clean()  # what was read is not a change

    def _missing(self, year: int, err: BaseException) -> None:
        if year == self.year.value():
            self.dibao.clear()
            self.note.setText(error_text(err))

    def payload(self) -> dict:
        k = self.multiplier.text().strip()
        return dict(year=self.year.value(),
                    dibao_fen=fen_of(self.dibao.text(), self.tr("Minimum living allowance"),
                                     "dibao"),
                    multiplier=k or None)

    def _on_year_value_changed(self, _value: int) -> None:
        self.load()
