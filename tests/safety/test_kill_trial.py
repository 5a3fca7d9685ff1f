"""The kill trial, short: SIGKILLs at random moments of imports, payments, backups and a city
office's merge leave no half batch, a sound database and no unsound backup (the long trial:
trials/)."""
from trials.kill_trial import run_trial


def test_kills_leave_nothing_half_done(tmp_path):
    tally, timings = run_trial(5, members=150, rows=150, seed=7, workdir=tmp_path)
    assert tally.runs == 5
    assert set(tally.per_operation) == {"import", "payments", "backup", "merge"}
    assert tally.failures == 0, tally.problems
    assert timings["import"][1] == 150 and timings["payments"][1] == 150
    assert timings["merge"][1] == 150 + 1  # the township's members and one history line
