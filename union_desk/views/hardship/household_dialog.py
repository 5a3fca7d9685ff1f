"""New or edited household file (一户一档): the member, the household members, causes, health,
housing, bank account (in full here only, through an audited reveal, like the household
members' ID numbers), and the category suggested from income per head against the year's 低保 —
confirmed, or overridden with a reason."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget
from shiboken6 import isValid

from union_desk.models.hardship import (HARDSHIP_CAUSES, HardshipCategory, HouseholdCreate,
                                        HouseholdDetail, HouseholdUpdate)
from union_desk.models.member import MemberRow
from union_desk.services.changes import Change
from union_desk.services.hardship import households
from union_desk.services.hardship.policy import suggest_category
from union_desk.views.hardship.fields import HardshipFormDialog, date_edit, line_edit
from union_desk.views.hardship.member_picker import MemberPicker
from union_desk.views.hardship.persons import PersonsTable
from union_desk.views.ops import Ops, error_text


def _combo(parent: QWidget, name: str, items, current: str = "") -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    combo.setEditable(True)
    combo.addItems(["", *items])
    combo.setCurrentText(current)
    return combo


class HouseholdDialog(HardshipFormDialog):
    def __init__(self, ops: Ops, detail: HouseholdDetail | None = None, parent=None):
        if detail is None:
            title = self.tr("New household file")
            save = lambda s, data: households.create_household(s, data=data)  # noqa: E731
        else:
            title = self.tr("Household file — {0}").format(detail.member_name)
            household_id = detail.id
            save = lambda s, data: households.update_household(  # noqa: E731
                s, household_id=household_id, data=data)
        super().__init__(ops, title, save, {Change.HOUSEHOLDS}, parent)
        self.setObjectName("householdDialog")
        self.detail = detail
        self.member_id = detail.member_id if detail else ""
        self._suggest_timer = QTimer(self)
        self._suggest_timer.setSingleShot(True)
        self._suggest_timer.setInterval(150)
        self._suggest_timer.timeout.connect(self._on_suggest_timer_timeout)
        self._build_left()
        self._build_form()
        self._fill(detail)

    # -- layout ---------------------------------------------------------------------------------
    def _build_left(self) -> None:
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        if self.detail is None:
            box = QGroupBox(self.tr("Member (search the roster)"), left)
            self.picker = MemberPicker(self.ops, box)
            QVBoxLayout(box).addWidget(self.picker)
            self.picker.picked.connect(self._on_picker_picked)
            self.register_field("member_id", self.picker.search)
            column.addWidget(box)
        else:
            self.picker = None
            column.addWidget(QLabel(self.tr("Member: {0}, {1}").format(
                self.detail.member_name, self.detail.union_name), left))
        persons_box = QGroupBox(self.tr("Household members"), left)
        self.persons = PersonsTable(persons_box)
        QVBoxLayout(persons_box).addWidget(self.persons)
        self.persons.changed.connect(self._on_persons_changed)
        self.register_field("persons", self.persons.table)
        column.addWidget(persons_box, 1)
        column.addWidget(self._build_category(left))
        self.layout_.removeItem(self.form)
        row = QHBoxLayout()
        row.addWidget(left, 3)
        row.addLayout(self.form, 2)
        self.layout_.insertLayout(0, row)
        self.resize(1200, 640)

    def _build_category(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(self.tr("Category"), parent)
        self.suggestion = QLabel(self.tr("Enter the household members' incomes."), box)
        self.suggestion.setObjectName("suggestionLabel")
        self.suggestion.setWordWrap(True)
        self.category = QComboBox(box)
        self.category.setObjectName("categoryCombo")
        self.category.addItem(self.tr("As suggested"), None)
        for category in HardshipCategory:
            self.category.addItem(category.value, category)
        self.category_reason = line_edit(box, "categoryReasonEdit", "", 200)
        self.category_reason.setPlaceholderText(
            self.tr("Reason, when the category differs from the suggestion"))
        self.register_field("category", self.category)
        self.register_field("category_reason", self.category_reason)
        layout = QVBoxLayout(box)
        layout.addWidget(self.suggestion)
        line = QHBoxLayout()
        line.addWidget(self.category)
        line.addWidget(self.category_reason, 1)
        layout.addLayout(line)
        return box

    def _build_form(self) -> None:
        d = self.detail
        self.main_cause = self.add_row(self.tr("Main cause"), _combo(
            self, "mainCauseCombo", HARDSHIP_CAUSES, d.main_cause if d else ""), "main_cause")
        self.secondary_causes = self.add_row(self.tr("Other causes"), line_edit(
            self, "secondaryCausesEdit", d.secondary_causes if d else "", 100), "secondary_causes")
        self.secondary_causes.setPlaceholderText(self.tr("separated by 、 e.g. 残疾、子女就学"))
        self.cause_detail = self.add_row(self.tr("Description"), line_edit(
            self, "causeDetailEdit", d.cause_detail if d else "", 500), "cause_detail")
        self.health_status = self.add_row(self.tr("Health"), _combo(
            self, "healthCombo", ("健康", "慢性病", "大病", "残疾"),
            d.health_status if d else ""), "health_status")
        self.disability_type = self.add_row(self.tr("Disability"), _combo(
            self, "disabilityCombo", ("视力", "听力", "言语", "肢体", "智力", "精神", "多重"),
            d.disability_type if d else ""), "disability_type")
        self.work_status = self.add_row(self.tr("Work status"), _combo(
            self, "workStatusCombo", ("在岗", "下岗", "失业", "退休", "长期病休"),
            d.work_status if d else ""), "work_status")
        self.housing = self.add_row(self.tr("Housing"), line_edit(
            self, "housingEdit", d.housing if d else "", 100), "housing")
        self.bank_name = self.add_row(self.tr("Bank"), line_edit(
            self, "bankNameEdit", d.bank_name if d else "", 60), "bank_name")
        self.bank_account = self.add_row(self.tr("Account no."), line_edit(
            self, "bankAccountEdit", "", 40), "bank_account")
        self.built_by = self.add_row(self.tr("File built by"), line_edit(
            self, "builtByEdit", d.built_by if d else "", 40), "built_by")
        self.checked_by = self.add_row(self.tr("Checked by"), line_edit(
            self, "checkedByEdit", d.checked_by if d else "", 40), "checked_by")
        if d is None:
            self.reviewed_on = self.add_row(self.tr("Built on"),
                                            date_edit(self, "reviewedOnEdit"), "reviewed_on")
            self.reviewed_on.dateChanged.connect(self._on_persons_changed)
        else:
            self.reviewed_on = None
            self.add_row(self.tr("Last review"), QLabel(
                f"{d.reviewed_on:%Y-%m-%d}" if d.reviewed_on else "—", self))

    def _fill(self, d: HouseholdDetail | None) -> None:
        if d is None:
            return
        self.persons.set_persons(d.persons)
        if d.category != d.suggested_category:
            self.category.setCurrentIndex(self.category.findData(d.category))
            self.category_reason.setText(d.category_reason)
        household_id = d.id
        self.fill_in_full(
            lambda s, reason: households.household_for_edit(s, household_id=household_id,
                                                            reason=reason),
            self._fill_numbers,
            {"bank_account": d.bank_account.masked,
             "persons": {p.id: p.id_number.masked for p in d.persons}})

    def _fill_numbers(self, full: dict) -> None:
        self.bank_account.setText(full["bank_account"])
        self.persons.set_id_numbers(full["persons"])

    # -- the suggestion -----------------------------------------------------------------------
    def year(self) -> int:
        if self.reviewed_on is not None:
            return self.reviewed_on.date().year()
        return (self.detail.reviewed_on or date.today()).year

    def _show_suggestion(self, key, suggestion) -> None:
        if not isValid(self) or key != self._suggest_key():  # closed, or typed on since
            return
        self.suggestion.setStyleSheet("")
        name = suggestion.category.value if suggestion.category else self.tr("none by income")
        self.suggestion.setText(self.tr("Suggested: {0} — {1}").format(name,
                                                                       suggestion.explanation))

    def _suggestion_failed(self, key, err: BaseException) -> None:
        if isValid(self) and key == self._suggest_key():
            self.suggestion.setStyleSheet("color: #b00020")
            self.suggestion.setText(error_text(err))

    def _suggest_key(self):
        return self.year(), self.persons.income()

    # -- the file ---------------------------------------------------------------------------------
    def payload(self) -> HouseholdCreate | HouseholdUpdate:
        cls = HouseholdCreate if self.detail is None else HouseholdUpdate
        return cls(
            member_id=self.member_id, persons=self.persons.persons(),
            category=self.category.currentData(), category_reason=self.category_reason.text(),
            main_cause=self.main_cause.currentText().strip(),
            secondary_causes=self.secondary_causes.text().strip(),
            cause_detail=self.cause_detail.text().strip(),
            health_status=self.health_status.currentText().strip(),
            disability_type=self.disability_type.currentText().strip(),
            work_status=self.work_status.currentText().strip(), housing=self.housing.text(),
            bank_name=self.bank_name.text().strip(),
            bank_account="".join(self.bank_account.text().split()),
            built_by=self.built_by.text().strip(), checked_by=self.checked_by.text().strip(),
            reviewed_on=self.reviewed_on.date().toPython() if self.reviewed_on else None)

    # -- slots ------------------------------------------------------------------------------------
    def _on_picker_picked(self, member: MemberRow | None) -> None:
        if member is not None:
            self.member_id = member.id
            self.persons.set_member(member)

    def _on_persons_changed(self, *_args) -> None:
        self._suggest_timer.start()

    def _on_suggest_timer_timeout(self) -> None:
        key = self._suggest_key()
        year, income = key
        if income is None:
            self.suggestion.setText(self.tr("An income cannot be read: type it in yuan."))
            return
        if income[1] == 0:
            return
        total, count = income
        self.ops.read(lambda s: suggest_category(s, year=year, income_total_fen=total,
                                                 person_count=count), parent=self) \
            .success(lambda sug: self._show_suggestion(key, sug)) \
            .failure(lambda err: self._suggestion_failed(key, err)).run()
