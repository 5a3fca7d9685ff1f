"""The kill trial, short: five SIGKILLs at random moments of imports, payments and backups
leave no half batch, a sound database and no unsound backup (the long trial: trials/)."""
from trials.kill_trial import run_trial


def test_five_kills_leave_nothing_half_done(tmp_path):
    tally, timings = run_trial(5, members=150, rows=150, seed=7, workdir=tmp_path)
    assert tally.runs == 5 and set(tally.per_operation) == {"import", "payments", "backup"}
    assert tally.failures == 0, tally.problems
    assert timings["import"][1] == 150 and timings["payments"][1] == 150
