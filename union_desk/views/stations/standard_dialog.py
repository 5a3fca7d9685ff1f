"""The station standard in force (required items, minimum area) and the re-inspection interval."""
from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QGridLayout, QGroupBox, QLineEdit, QSpinBox

from union_desk.domain.station_standard import CHECKLIST, Standard, tenths_to_text
from union_desk.services.changes import Change
from union_desk.services.stations import standard as station_standard
from union_desk.views.form_dialog import FormDialog


def _save(session, payload: dict) -> Standard:
    standard = station_standard.put_standard(session, min_area_m2=payload["min_area_m2"],
                                             required=payload["required"])
    station_standard.put_reinspect_months(session, months=payload["months"])
    return standard


def _load(session) -> tuple[Standard, int]:
    return station_standard.get_standard(session), station_standard.get_reinspect_months(session)


class StationStandardDialog(FormDialog):
    def __init__(self, ops, parent=None):
        super().__init__(ops, self.tr("Rest station standard"), _save, {Change.STATIONS}, parent)
        self.setObjectName("stationStandardDialog")
        self.min_area = QLineEdit(self)
        self.min_area.setObjectName("minAreaEdit")
        self.add_row(self.tr("Minimum floor area (m²)"), self.min_area, "min_area_m2")
        box = QGroupBox(self)
        grid = QGridLayout(box)
        self.required: dict[str, QCheckBox] = {}
        for n, item in enumerate(CHECKLIST):
            check = QCheckBox(self.tr("Floor area") if item.key == "area" else item.label, box)
            check.setObjectName(f"required_{item.key}")
            self.required[item.key] = check
            grid.addWidget(check, n // 3, n % 3)
        self.add_row(self.tr("Required items"), box, "standard")
        self.months = QSpinBox(self)
        self.months.setObjectName("reinspectMonthsSpin")
        self.months.setRange(1, 60)
        self.months.setSuffix(self.tr(" months"))
        self.add_row(self.tr("Re-inspect every"), self.months, "reinspect_months")
        self.save_button().setEnabled(False)
        ops.read(_load).success(self._show).run()

    def _show(self, loaded: tuple[Standard, int]) -> None:
        standard, months = loaded
        self.min_area.setText(tenths_to_text(standard.min_area_tenths))
        for key, check in self.required.items():
            check.setChecked(key in standard.required)
        self.months.setValue(months)
        self.save_button().setEnabled(True)
        self.mark_clean()  # what was read is not a change

    def payload(self) -> dict:
        return dict(min_area_m2=self.min_area.text().strip(),
                    required=[k for k, c in self.required.items() if c.isChecked()],
                    months=self.months.value())
