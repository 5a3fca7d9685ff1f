"""What the accounts GUI tests share: how long to wait, and screens to look at."""
from pathlib import Path

WAIT = 10_000
SHOTS = Path("/tmp/accounts-shots")


def shot(widget, name: str) -> None:
    """Screens to look at (offscreen grabs), kept outside the repository."""
    SHOTS.mkdir(exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))
