"""The commit compares the file's rows with the database again only when what the check read of
it (its basis: unions, closed unions, the rows' ID and card numbers on file) changed meanwhile;
otherwise it writes the outcome the clerk was shown. Each part of the basis, changed, is seen."""
from datetime import date

import pytest
from roster_books import counts, person_id, row, write_book

from union_desk.models.union import UnionCreate
from union_desk.services.roster import importer, unions
from union_desk.services.roster.importer import check_roster_file, commit_roster_import

pytestmark = pytest.mark.both_engines


def checked(db, path):
    with db.session() as s:
        return check_roster_file(s, path=path)


def commit(db, plan, sorts=None):
    if sorts is not None:
        sorts.clear()  # the commit's own sorting counted from here
    with db.session(write=True) as s:
        return commit_roster_import(s, plan=plan).to_json()


@pytest.fixture
def sorts(monkeypatch):
    """How many times the rows were sorted against the database (check or commit)."""
    calls = []
    real = importer.compare

    def spy(*args, **kw):
        calls.append(1)
        return real(*args, **kw)

    monkeypatch.setattr(importer, "compare", spy)
    return calls


def test_nothing_changed_since_the_check_writes_the_outcome_shown(db, tmp_path, sorts):
    plan = checked(db, write_book(tmp_path / "名册.xlsx", [
        row("张三", person_id(1), card="K1"), row("李四", person_id(2))]))
    report = commit(db, plan, sorts)
    assert sorts == [] and (report["new"], report["rejected"]) == (2, [])
    assert counts(db)["member"] == 2


def test_nothing_changed_since_the_check_looks_no_row_up_again(db, tmp_path, monkeypatch):
    """The check's outcome is taken whole: no table of every row's decision is made to find the
    rows that changed (a pass over every row, 0.04 s of a 100,000-row commit)."""
    from union_desk.services.roster.import_compare import Outcome

    plan = checked(db, write_book(tmp_path / "名册.xlsx", [
        row("张三", person_id(1), card="K1"), row("李四", person_id(2))]))
    decided, real = [], Outcome.decisions
    monkeypatch.setattr(Outcome, "decisions",
                        lambda self, renames: decided.append(1) or real(self, renames))
    report = commit(db, plan)
    assert decided == [] and (report["new"], report["rejected"]) == (2, [])


def test_a_union_closed_since_the_check(db, tmp_path, sorts):
    with db.session(write=True) as s:
        union = unions.create_union(s, data=UnionCreate(name="大洋镇机械厂工会"))
    plan = checked(db, write_book(tmp_path / "名册.xlsx", [row("张三", person_id(1))]))
    with db.session(write=True) as s:
        unions.close_union(s, union_id=union.id, on=date(2024, 1, 1), reason="企业注销")
    report = commit(db, plan, sorts)
    assert sorts == [1] and report["new"] == 0
    [stale] = report["rejected"]
    assert "检查之后数据已有变动" in stale["reason"] and "已撤销" in stale["reason"]


def test_a_card_number_given_since_the_check(db, tmp_path, sorts):
    plan = checked(db, write_book(tmp_path / "名册.xlsx", [
        row("张三", person_id(1), card="K1"), row("李四", person_id(2))]))
    commit(db, checked(db, write_book(tmp_path / "另一.xlsx", [row("王五", person_id(3),
                                                                   card="K1")])))
    report = commit(db, plan, sorts)
    assert sorts == [1] and report["new"] == 1
    [stale] = report["rejected"]
    assert stale["name"] == "张三" and "会员证号 K1 已用于 王五" in stale["reason"]


def test_a_union_made_since_the_check_is_joined_not_made_twice(db, tmp_path, sorts):
    plan = checked(db, write_book(tmp_path / "名册.xlsx", [row("张三", person_id(1),
                                                                union="新安江街道工会")]))
    assert plan.unions_to_create == ["新安江街道工会"]
    with db.session(write=True) as s:
        made = unions.create_union(s, data=UnionCreate(name="新安江街道工会"))
    report = commit(db, plan, sorts)
    assert sorts == [1] and (report["new"], report["unions_created"]) == (1, [])
    with db.session() as s:
        assert unions.union_ids_by_name(s)["新安江街道工会"] == made.id
