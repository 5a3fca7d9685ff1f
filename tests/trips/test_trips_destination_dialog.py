"""The registration dialog: a destination typed in one piece fills province, city and county
through the same parser as the imports; what cannot be placed is said in the dialog."""
from PySide6.QtCore import Qt

from trips_helpers import make_id
from union_desk.views.ops import Ops
from union_desk.views.trips.dialogs import RegistrationDialog

WAIT = 10_000


def test_typing_a_destination_fills_province_city_and_county(db, qtbot, campaign, tmp_path):
    c, _ = campaign
    ops = Ops(db)
    dialog = RegistrationDialog(ops, c.id)
    qtbot.addWidget(dialog)
    dialog.show()
    for field, value in (("name", "张三"), ("id_number", make_id(1)), ("phone", "13800000001")):
        dialog.edits[field].setText(value)
    # Given a short form, when the clerk leaves the field, then the three fields are filled
    dialog.destination.setText("贵州黔东南榕江")
    dialog.destination.editingFinished.emit()
    assert [dialog.edits[f].text() for f in ("province", "city", "county")] == [
        "贵州省", "黔东南苗族侗族自治州", "榕江县"]
    dialog.grab().save(str(tmp_path / "registration.png"))
    # an ambiguous name is refused with its candidates, and the fields stay as they were
    dialog.destination.setText("鼓楼")
    dialog.destination.editingFinished.emit()
    assert "“鼓楼”有 4 处" in dialog.error.text() and dialog.edits["county"].text() == "榕江县"
    # a full address fills them anew, and the registration saves with those names
    dialog.destination.setText("湖北省恩施土家族苗族自治州利川市团堡镇")
    dialog.destination.editingFinished.emit()
    assert dialog.error.text() == ""
    qtbot.mouseClick(dialog.save_button(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_row is not None or bool(dialog.error.text()),
                    timeout=WAIT)
    row = dialog.result_row
    assert (row.province, row.city, row.county) == ("湖北省", "恩施土家族苗族自治州", "利川市")
    ops.wait()
