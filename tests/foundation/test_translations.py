"""The shipped .qm is the release of the .ts files as committed, and every screen string has Chinese."""
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
i18n = importlib.util.module_from_spec(spec)
spec.loader.exec_module(i18n)


def test_the_shipped_qm_is_the_release_of_the_committed_ts_files(tmp_path):
    fresh = tmp_path / "fresh.qm"
    i18n.release(fresh)
    assert fresh.read_bytes() == i18n.QM.read_bytes(), "run: python tools/i18n.py release"


def test_every_string_in_the_code_has_its_chinese(tmp_path):
    updated = i18n.update(tmp_path)
    missing = {area: i18n.unfinished(ts) for area, ts in updated.items()}
    assert not any(missing.values()), missing
