"""For assertions about masking: a row's personal number in full, without the audited door
(tests look inside; the app never does)."""
from union_desk.models.personal import Personal


def full(value: Personal) -> str:
    return value._full
