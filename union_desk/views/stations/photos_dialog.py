"""A station's photos (kept inside the database): list, view, add, remove."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel,
                               QListWidget, QListWidgetItem, QMessageBox, QPushButton,
                               QVBoxLayout)

from union_desk.models.stations import StationPhotoRow, StationRow
from union_desk.services.changes import Change
from union_desk.services.stations import registry as stations
from union_desk.views.ops import Ops


class StationPhotosDialog(QDialog):
    def __init__(self, ops: Ops, station: StationRow, parent=None):
        super().__init__(parent)
        self.ops, self.station = ops, station
        self.setObjectName("stationPhotosDialog")
        self.setWindowTitle(self.tr("Photos — {0} {1}").format(station.code, station.name))
        self.list = QListWidget(self)
        self.list.setObjectName("photoList")
        self.list.setFixedWidth(250)
        self.image = QLabel(self.tr("Choose a photo on the left."), self)
        self.image.setObjectName("photoImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setMinimumSize(480, 360)
        add = QPushButton(self.tr("Add photo…"), self)
        add.setObjectName("addPhotoButton")
        remove = QPushButton(self.tr("Remove"), self)
        remove.setObjectName("removePhotoButton")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        add.clicked.connect(self._on_add_clicked)
        remove.clicked.connect(self._on_remove_clicked)
        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        top = QHBoxLayout()
        top.addWidget(self.list)
        top.addWidget(self.image, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        station_id = self.station.id
        self.ops.read(lambda s: stations.list_photos(s, station_id=station_id)) \
            .latest((id(self), "photos")).success(self._show).run()

    def _show(self, photos: list[StationPhotoRow]) -> None:
        self.list.clear()
        for photo in photos:
            taken = f"{photo.taken_on:%Y-%m-%d} " if photo.taken_on else ""
            item = QListWidgetItem(f"{taken}{photo.filename} ({photo.size // 1024 + 1} KB)")
            item.setData(Qt.ItemDataRole.UserRole, photo.id)
            self.list.addItem(item)
        if photos:
            self.list.setCurrentRow(len(photos) - 1)
        else:
            self.image.setPixmap(QPixmap())
            self.image.setText(self.tr("No photos yet."))

    def _show_image(self, data: bytes) -> None:
        pixmap = QPixmap()
        pixmap.loadFromData(data)
        self.image.setPixmap(pixmap.scaled(self.image.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation))

    # -- dialogs (methods, so tests can replace them) -------------------------------------------------
    def ask_open_path(self) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Add photo"), "",
                                              self.tr("Photos (*.jpg *.jpeg *.png)"))
        return Path(path) if path else None

    def confirm(self, text: str) -> bool:
        return QMessageBox.question(self, self.windowTitle(), text) \
            == QMessageBox.StandardButton.Yes

    # -- slots ------------------------------------------------------------------------------------------
    def _on_add_clicked(self) -> None:
        path = self.ask_open_path()
        if path is None:
            return
        station_id = self.station.id

        def add(session):
            taken = min(date.fromtimestamp(path.stat().st_mtime), date.today())  # file's date
            return stations.add_photo(session, station_id=station_id, filename=path.name,
                                      data=path.read_bytes(), taken_on=taken)

        self.ops.write(add, changes={Change.STATION_PHOTOS}, parent=self) \
            .success(lambda _row: self.reload()).run()

    def _on_remove_clicked(self) -> None:
        item = self.list.currentItem()
        if item is None or not self.confirm(self.tr("Remove this photo from the list?")):
            return
        photo_id = item.data(Qt.ItemDataRole.UserRole)
        self.ops.write(lambda s: stations.remove_photo(s, photo_id=photo_id),
                       changes={Change.STATION_PHOTOS}, parent=self) \
            .success(lambda _r: self.reload()).run()

    def _on_list_current_item_changed(self, current, _previous) -> None:
        if current is None:
            return
        photo_id = current.data(Qt.ItemDataRole.UserRole)
        self.ops.read(lambda s: stations.photo_data(s, photo_id=photo_id)) \
            .success(self._show_image).run()
