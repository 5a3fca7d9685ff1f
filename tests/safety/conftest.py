import pytest


@pytest.fixture(autouse=True)
def log_folder(tmp_path, monkeypatch):
    """Every safety test logs into its own folder (never the user's)."""
    folder = tmp_path / "logs"
    monkeypatch.setenv("UNION_DESK_LOG_DIR", str(folder))
    return folder
