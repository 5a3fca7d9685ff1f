"""Every database opened in a process gets the audit hook, however many were opened and freed
before it (SQLAlchemy's event registry keyed listeners by id(target): a freed sessionmaker's id
reused by the next one was taken for already hooked, and about one database in forty had no audit
rows and no township code on its new rows)."""
import gc
import random

from union_desk.db import Database
from union_desk.models.audit import AuditEntry
from union_desk.models.settings import Setting


def test_every_database_in_a_process_has_its_hooks(tmp_path):
    from sqlmodel import SQLModel

    rng = random.Random(8)
    was_enabled = gc.isenabled()
    gc.disable()  # as in the app: the cyclic collector runs now and then, not at every free
    missing = []
    try:
        for i in range(300):
            db = Database(tmp_path / f"d{i}.sqlite3")
            SQLModel.metadata.create_all(db.engine, tables=[Setting.__table__,
                                                            AuditEntry.__table__])
            db.context.township, db.context.clerk = "DY", "王晓燕"
            guarded = []
            db.guard_flushes(lambda session, *_: guarded.append(1))
            with db.session(write=True) as s:
                s.add(Setting(key="k", value="1"))
            with db.engine.connect() as conn:
                township = conn.exec_driver_sql("SELECT township FROM setting").scalar_one()
                audited = conn.exec_driver_sql("SELECT count(*) FROM audit_entry").scalar_one()
            if (township, audited, bool(guarded)) != ("DY", 1, True):
                missing.append(i)
            db.engine.dispose()
            del db
            if rng.random() < 0.3:
                gc.collect()
    finally:
        if was_enabled:
            gc.enable()
    assert missing == []
