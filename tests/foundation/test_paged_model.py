"""The paged table model: a new query keeps the rows shown until its own first page arrives and
then replaces them in one reset (the table neither flashes empty nor repaints an empty table
while the page is read, issue 13); a stale page is dropped; a failed query shows no rows of
another."""
import threading

import pytest

from union_desk.services.errors import UserError
from union_desk.views.ops import Ops
from union_desk.views.paged_model import Column, PagedTableModel

WORDS = {"a": ["a1", "a2", "a3"], "b": ["b1", "b2"]}


class Fetch:
    """The model's fetch: the rows of a letter, each query held at a gate until the test opens it."""

    def __init__(self):
        self.gates: dict[str, threading.Event] = {}

    def gate(self, text: str) -> threading.Event:
        return self.gates.setdefault(text, threading.Event())

    def __call__(self, _session, query, offset, limit, _sort, _desc):
        text = query["text"]
        if not self.gate(text).wait(10):
            raise TimeoutError(text)
        if text not in WORDS:
            raise UserError("没有这一页")
        return WORDS[text][offset:offset + limit]


@pytest.fixture
def paged(db, qtbot):
    ops = Ops(db)
    fetch = Fetch()
    model = PagedTableModel(ops, [Column("word", str)], fetch, page_size=10)
    resets, removed = [], []
    model.modelReset.connect(lambda: resets.append(model.rowCount()))
    model.rowsRemoved.connect(lambda *_: removed.append(True))
    yield model, fetch, resets, removed
    for gate in fetch.gates.values():
        gate.set()
    ops.wait()


def test_the_rows_shown_stay_until_the_next_query_has_its_page(paged, qtbot):
    model, fetch, resets, removed = paged
    fetch.gate("a").set()
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.set_query(text="a")
    assert model.rows() == ["a1", "a2", "a3"]
    # When the clerk types on, while the next page is being read
    model.set_query(text="b")
    # Then the rows shown are still the last query's, and no more of them are asked for
    assert model.rows() == ["a1", "a2", "a3"]
    assert not model.canFetchMore()
    # And when its page arrives it replaces them in one reset: never an empty table between
    resets.clear()
    with qtbot.waitSignal(model.loaded, timeout=10_000) as loaded:
        fetch.gate("b").set()
    assert loaded.args == [2]
    assert model.rows() == ["b1", "b2"] and resets == [2] and not removed


def test_a_page_typed_over_is_dropped(paged, qtbot):
    model, fetch, _resets, _removed = paged
    # Given two queries typed one after the other, the first one's page arriving last
    model.set_query(text="a")
    model.set_query(text="b")
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        fetch.gate("b").set()
    fetch.gate("a").set()
    model._ops.wait()
    qtbot.wait(50)
    # Then only the second query's rows are shown
    assert model.rows() == ["b1", "b2"]


def test_a_failed_query_leaves_no_rows_of_another(paged, qtbot):
    model, fetch, _resets, _removed = paged
    fetch.gate("a").set()
    with qtbot.waitSignal(model.loaded, timeout=10_000):
        model.set_query(text="a")
    # When the next query fails
    with qtbot.waitSignal(model.failed, timeout=10_000) as failed:
        fetch.gate("zzz").set()
        model.set_query(text="zzz")
    # Then its error is reported and the last query's rows are gone with it
    assert isinstance(failed.args[0], UserError)
    assert model.rowCount() == 0
