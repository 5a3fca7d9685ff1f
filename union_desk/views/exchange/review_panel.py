"""复核清单: what a machine must not decide alone after a merge, each resolved with a reason; and
the merge history below it."""
from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QHeaderView, QInputDialog, QLabel,
                               QSplitter, QVBoxLayout, QWidget)
from PySide6.QtCore import Qt

from union_desk.services.changes import Change
from union_desk.models.exchange import MergeRow, ReviewRow
from union_desk.services.exchange.history import merge_history
from union_desk.services.exchange.review import list_review, resolve_review
from union_desk.views.exchange.table_fill import fill
from union_desk.views.ops import Ops, show_error
from union_desk.views.tables import configure_table, list_table
from union_desk.views.widgets import make_button


class ReviewTab(QWidget):
    def __init__(self, ops: Ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.setObjectName("reviewTab")
        self.items: list[ReviewRow] = []
        self.show_resolved = QCheckBox(self.tr("Show resolved items"), self)
        self.show_resolved.setObjectName("showResolved")
        self.resolve_button = make_button(self, "resolveButton", self.tr("Resolve…"),
                                          self._on_resolve_clicked)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("reviewCount")
        self.table = configure_table(list_table(self, "reviewTable", [
            self.tr("Kind"), self.tr("Townships"), self.tr("What"), self.tr("Status"),
            self.tr("Resolution")]), sortable=False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.history = configure_table(list_table(self, "historyTable", [
            self.tr("Merged at"), self.tr("File"), self.tr("Township"), self.tr("No."),
            self.tr("Result"), self.tr("New"), self.tr("Updated"), self.tr("Unchanged"),
            self.tr("Reason")]), sortable=False)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Review list"), self))
        top.addWidget(self.count_label, 1)
        top.addWidget(self.show_resolved)
        top.addWidget(self.resolve_button)
        upper = QWidget(self)
        up = QVBoxLayout(upper)
        up.setContentsMargins(0, 0, 0, 0)
        up.addLayout(top)
        up.addWidget(self.table)
        lower = QWidget(self)
        low = QVBoxLayout(lower)
        low.setContentsMargins(0, 0, 0, 0)
        low.addWidget(QLabel(self.tr("Merge history"), self))
        low.addWidget(self.history)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(upper)
        split.addWidget(lower)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self._stale = True
        self.show_resolved.toggled.connect(self._on_show_resolved_toggled)
        ops.changed.connect(self._on_ops_changed)

    def title(self) -> str:
        return self.tr("Review list")

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        everything = self.show_resolved.isChecked()
        self.ops.read(lambda s: (list_review(s, include_resolved=everything), merge_history(s)))\
            .latest((id(self), "review")).success(self._show).run()

    def _show(self, found: tuple[list[ReviewRow], list[MergeRow]]) -> None:
        self.items, history = found
        fill(self.table, [[i.kind.value, i.township_names, i.summary, i.status.value,
                           f"{i.resolution}（{i.resolved_by}）" if i.resolution else ""]
                          for i in self.items], data=[i.id for i in self.items])
        self.table.resizeColumnToContents(0)
        self.count_label.setText(self.tr("{0} items").format(len(self.items)))
        fill(self.history, [[h.merged_at.astimezone().strftime("%Y-%m-%d %H:%M"), h.file_name,
                             h.source_name, str(h.sequence or ""), h.outcome.value,
                             *(str(sum(c.get(k, 0) for c in h.counts.values()))
                               for k in ("new", "updated", "unchanged")), h.reason]
                            for h in history], right={3, 5, 6, 7})
        self.history.resizeColumnsToContents()

    def ask_reason(self, item: ReviewRow) -> str | None:
        text, ok = QInputDialog.getText(self, self.tr("Resolve"), self.tr(
            "{0}\n\nHow was it resolved?").format(item.summary))
        return text if ok else None

    def _on_resolve_clicked(self) -> None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.items):
            return
        item = self.items[row]
        reason = self.ask_reason(item)
        if reason is None:
            return
        self.ops.write(lambda s: resolve_review(s, item_id=item.id, reason=reason),
                       changes={Change.EXCHANGE}, parent=self) \
            .failure(lambda err: show_error(self, err)).run()

    def _on_show_resolved_toggled(self, _on: bool) -> None:
        self.refresh()

    def _on_ops_changed(self, changes: set) -> None:
        if Change.EXCHANGE not in changes:
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True
