"""The value axis of a bar chart, the same on screen (views/charts.py) and on paper
(reports/year_charts.py): from zero to a round top, in 4–6 round steps (1, 2, 5 × 10ⁿ, and 2.5 × 10ⁿ from 25 up)."""
from __future__ import annotations

import math


def nice_axis(largest: float, *, steps: int = 5) -> tuple[float, float]:
    """(top, step) for values from 0 to `largest`: top ≥ largest, a whole number of steps.
    An empty chart (largest ≤ 0) gets the axis 0–1 in one step."""
    if largest <= 0:
        return 1.0, 1.0
    raw = largest / steps
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * power
        if factor == 2.5 and power <= 1:  # steps of 2.5 people read badly
            continue
        if step >= raw:
            break
    if step < 1 and largest >= 1:  # whole people, whole yuan: no step below 1
        step = 1.0
    top = step * math.ceil(largest / step - 1e-9)
    return float(top), float(step)


def ticks(top: float, step: float) -> list[float]:
    count = int(round(top / step))
    return [i * step for i in range(count + 1)]
