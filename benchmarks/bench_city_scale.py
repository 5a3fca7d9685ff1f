"""The city database on PostgreSQL at the next scale up: N township packages × 10,000 members
(200 × 10,000 = 2 million members, as for Hangzhou's ~200 townships), merged into a throw-away
server; merge throughput per batch of packages (how the cost grows with the database), the city
figures' time, the database's size. Run by hand (minutes, gigabytes), never by `bash test.sh`:

    python benchmarks/bench_city_scale.py --packages 200            # the scale run
    python benchmarks/bench_city_scale.py --packages 32 --desks 2   # two desks merging at once
    python benchmarks/bench_city_scale.py --packages 32 --desks 2 --whole-database-lock

Floor, in the same run: COPY of the very same rows (taken from the city database with COPY … TO
STDOUT in the server's text form, not timed) into a second, fresh database, a transaction a
township, batch by batch as the merge went.

Packages are made fast by templating: one township is filled (exchange_data.township_rows) and
exported once; every package is that snapshot with new ids (a 4-hex-digit prefix per package,
foreign keys alike), its own township code, ID numbers and voucher numbers, signed by its own key
and encrypted to the city's. Townships beyond Jiande's 16 get made-up codes (H001…) in this
process only: the app knows Jiande's.

`--desks N` merges the packages from N processes at once (package k by desk k mod N), each
merge under its township's lock; `--whole-database-lock` makes every merge take one lock, as
every write transaction did before, to measure what the per-township lock buys.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "tests"))  # postgres_server

BATCH = 20


def extend_townships(count: int) -> None:
    """Jiande's 16 townships and made-up ones up to `count` (H001 模拟001镇 …), in this process."""
    from union_desk.domain import townships as T
    from union_desk.services.city import figures

    made = [T.Township(f"H{n:03d}", f"模拟{n:03d}镇") for n in range(1, max(count - 16, 0) + 1)]
    every = (*T.TOWNSHIPS[:16], *made)
    T.TOWNSHIPS = figures.TOWNSHIPS = every
    T._BY_CODE.update({t.code: t for t in made})
    T._BY_NAME.update({t.name: t for t in made})


def template_snapshot(folder: Path, members: int, city_key) -> tuple[bytes, str, dict]:
    """One township (大洋镇) filled and snapshotted as an export would: (bytes, name, counts)."""
    from exchange_data import township_rows

    from union_desk.db import open_database
    from union_desk.services.exchange.keys import trust_city_key
    from union_desk.services.exchange.snapshot import strip_snapshot
    from union_desk.services.hardship.vouchers import _secret
    from union_desk.services.settings import set_up

    db = open_database(folder / "template.sqlite3")
    with db.session(write=True) as s:
        set_up(s, township="DY", clerk="经办人")
        trust_city_key(s, key=city_key)
        _secret(s)
    with db.engine.begin() as conn:
        township_rows("DY", members=members, index=1).insert(conn)
    db.backup(folder / "snapshot.sqlite3")
    db.close()
    counts = strip_snapshot(folder / "snapshot.sqlite3", "DY")
    return (folder / "snapshot.sqlite3").read_bytes(), "大洋镇", counts


def _id_number(serial: int) -> str:
    from exchange_data import _id_number as make

    return make(serial)


def make_package(n: int, town, template: bytes, template_name: str, counts: dict,
                 members: int, city_public, out: Path) -> Path:
    """Package number `n` (1-based) for `town`, templated from the snapshot."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from union_desk.db import HEADS
    from union_desk.models.base import new_id, utcnow
    from union_desk.services.exchange.keys import fingerprint
    from union_desk.services.exchange.package import Manifest, seal, write_package
    from union_desk.services.exchange.rows import merged_tables

    con = sqlite3.connect(":memory:")
    con.deserialize(template)
    prefix = f"{n:04x}"
    for table in merged_tables():
        keys = [c.name for c in table.c if c.name == "id" or c.foreign_keys]
        sets = [f"{k} = CASE WHEN {k} IS NULL THEN NULL ELSE '{prefix}' || substr({k}, 5) END"
                for k in keys]
        con.execute(f'UPDATE "{table.name}" SET township = ?, {", ".join(sets)}', (town.code,))
    # ID numbers: the template's k-th becomes this package's (the first 20 are the previous
    # package's last 20: people on two townships' rolls, for the review queue)
    id_columns = [(t.name, c.name) for t in merged_tables() for c in t.c
                  if c.name.endswith("id_number")]
    numbers = sorted({v for t, c in id_columns
                      for (v,) in con.execute(f'SELECT DISTINCT "{c}" FROM "{t}"') if v})
    first = n * (len(numbers) - 20)
    mapping = {old: _id_number(first + k) for k, old in enumerate(numbers)}
    con.execute("CREATE TEMP TABLE idmap (old TEXT PRIMARY KEY, new TEXT)")
    con.executemany("INSERT INTO idmap VALUES (?, ?)", mapping.items())
    for t, c in id_columns:  # in two steps: no unique index meets a number half-way
        con.execute(f'UPDATE "{t}" SET "{c}" = \'#\' || (SELECT new FROM idmap '
                    f'WHERE old = "{t}"."{c}") WHERE "{c}" IN (SELECT old FROM idmap)')
        con.execute(f'UPDATE "{t}" SET "{c}" = substr("{c}", 2) WHERE "{c}" LIKE \'#%\'')
    con.execute("UPDATE payment SET voucher_no = ? || substr(voucher_no, ?)",
                (town.name, len(template_name) + 1))
    con.execute("UPDATE setting SET value = ? WHERE key = 'township'", (json.dumps(town.code),))
    con.commit()
    snapshot = con.serialize()
    con.close()
    signer = Ed25519PrivateKey.generate()
    public = signer.public_key().public_bytes_raw().hex()
    manifest = Manifest(
        format="", township=town.code, township_name=town.name, installation_id=new_id(),
        signing_key=public, signing_fingerprint=fingerprint(public), recipient_fingerprint="",
        schema_revisions=sorted(HEADS), sequence=1, made_at=utcnow(), row_counts=counts,
        payload_sha256="", snapshot_sha256="")
    _, data = seal(manifest=manifest, snapshot=snapshot, signer=signer, recipient=city_public)
    path = out / f"{n:03d}-{town.code}.udx"
    write_package(path, data)
    return path


def desk(url: str, paths: list[str], townships: int, whole_lock: bool, barrier, results) -> None:
    """One desk's process: merge its packages in order, report (seconds, results)."""
    extend_townships(townships)
    from union_desk.db import open_database
    from union_desk.services.exchange import merge

    if whole_lock:
        merge.township_lock = lambda _code: "exchange-township:every"
    db = open_database(url)
    barrier.wait()
    start = time.perf_counter()
    got = merge.merge_packages(db, [Path(p) for p in paths])
    results.put((time.perf_counter() - start,
                 [(r.outcome.value, r.reason, r.counts["member"].new) for r in got]))
    db.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--packages", type=int, default=200)
    ap.add_argument("--members", type=int, default=10_000)
    ap.add_argument("--desks", type=int, default=1)
    ap.add_argument("--whole-database-lock", action="store_true")
    ap.add_argument("--keep", type=Path, default=None, help="leave the packages in this folder")
    args = ap.parse_args()
    extend_townships(args.packages)

    from postgres_server import PostgresServer, wait_until_accepting

    from union_desk.db import open_database
    from union_desk.domain.townships import TOWNSHIPS
    from union_desk.services.city.setup import init_city

    folder = Path(args.keep or tempfile.mkdtemp(prefix="bench-city-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    server = PostgresServer().start()
    try:
        wait_until_accepting(server)
        with server.admin() as conn:
            conn.exec_driver_sql("CREATE DATABASE city")
        url = server.url("city")
        city = open_database(url)
        with city.session(write=True) as s:
            key = init_city(s, name="杭州市总工会", clerk="市总会计")
        city.load_context()
        from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey

        start = time.perf_counter()
        template, template_name, counts = template_snapshot(folder, args.members, key)
        public = X25519PublicKey.from_public_bytes(bytes.fromhex(key.public_key))
        packages = [make_package(n + 1, TOWNSHIPS[n], template, template_name, counts,
                                 args.members, public, folder)
                    for n in range(args.packages)]
        made_s = time.perf_counter() - start
        rows_each = sum(counts.values())
        print(f"{args.packages} packages × {args.members} members ({rows_each} rows each, "
              f"{statistics.mean(p.stat().st_size for p in packages) / 1e6:.1f} MB) made in "
              f"{made_s:.0f} s; PostgreSQL {_version(city)} (throw-away server, fsync off)")
        if args.desks > 1:
            _parallel(args, url, packages)
        else:
            with server.admin() as conn:
                conn.exec_driver_sql("CREATE DATABASE floor")
            floor = open_database(server.url("floor"))
            _scale(args, city, packages, rows_each, floor)
            floor.close()
        city.close()
    finally:
        server.stop()
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


def _scale(args, city, packages: list[Path], rows_each: int, floor) -> None:
    from bench_exchange import _copy_in, _copy_out

    from union_desk.domain.townships import TOWNSHIPS
    from union_desk.services.city.figures import city_report
    from union_desk.services.exchange.merge import merge_packages

    print("| packages merged | batch s | members/s in batch | rows/s in batch | floor: COPY s "
          "| ratio | database size |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    total_s, floor_total, review = 0.0, 0.0, 0
    for start in range(0, len(packages), BATCH):
        batch = packages[start:start + BATCH]
        began = time.perf_counter()
        results = merge_packages(city, batch)
        took = time.perf_counter() - began
        total_s += took
        assert all(r.outcome.value == "已合并" for r in results), [r.reason for r in results]
        review += sum(r.review_items for r in results)
        texts = [_copy_out(city, t.code) for t in TOWNSHIPS[start:start + len(batch)]]
        began = time.perf_counter()
        for text in texts:
            with floor.engine.begin() as conn:
                _copy_in(conn, text)
        floor_s = time.perf_counter() - began
        floor_total += floor_s
        print(f"| {start + len(batch)} | {took:.1f} | {len(batch) * args.members / took:,.0f} | "
              f"{len(batch) * rows_each / took:,.0f} | {floor_s:.1f} | {took / floor_s:.1f}× | "
              f"{_size(city) / 1e9:.2f} GB |")
    members = len(packages) * args.members
    print(f"\nall {len(packages)} packages: {total_s:.0f} s, {members / total_s:,.0f} members/s, "
          f"{review} review items; floor (COPY of the same rows) {floor_total:.0f} s, "
          f"ratio {total_s / floor_total:.1f}×")
    year = 2025
    times = []
    for _ in range(3):
        began = time.perf_counter()
        with city.session() as s:
            report = city_report(s, year=year)
        times.append(time.perf_counter() - began)
    print(f"city figures ({len(report.townships)} townships + total, {year}): best of 3 "
          f"{min(times):.2f} s (first {times[0]:.2f} s); members on roll "
          f"{report.total.members_on_roll:,}")
    began = time.perf_counter()
    with city.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
    analysed = time.perf_counter() - began
    times = []
    for _ in range(3):
        began = time.perf_counter()
        with city.session() as s:
            city_report(s, year=year)
        times.append(time.perf_counter() - began)
    print(f"after ANALYZE ({analysed:.1f} s): city figures best of 3 {min(times):.2f} s")
    with city.engine.connect() as conn:
        print(f"database size {_size(city) / 1e9:.2f} GB; largest tables (with indexes):")
        for name, size in conn.exec_driver_sql(
                "SELECT relname, pg_total_relation_size(oid) FROM pg_class WHERE relkind = 'r' "
                "AND relnamespace = 'public'::regnamespace ORDER BY 2 DESC LIMIT 5"):
            print(f"  {name}: {size / 1e6:,.0f} MB")


def _parallel(args, url: str, packages: list[Path]) -> None:
    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(args.desks), ctx.Queue()
    shares = [[str(p) for p in packages[k::args.desks]] for k in range(args.desks)]
    workers = [ctx.Process(target=desk, args=(url, share, args.packages,
                                              args.whole_database_lock, barrier, results))
               for share in shares]
    began = time.perf_counter()
    for w in workers:
        w.start()
    got = [results.get() for _ in workers]
    for w in workers:
        w.join()
    wall = time.perf_counter() - began
    every = [r for _, rs in got for r in rs]
    assert all(o == "已合并" for o, _, _ in every), [r for o, r, _ in every if o != "已合并"]
    lock = "one lock for every merge" if args.whole_database_lock else "a lock per township"
    print(f"{args.desks} desks, {lock}: {len(packages)} packages in {max(s for s, _ in got):.1f} s "
          f"(each desk: {', '.join(f'{s:.1f} s' for s, _ in got)}; wall with start-up "
          f"{wall:.1f} s), {len(packages) * args.members / max(s for s, _ in got):,.0f} members/s")


def _version(db) -> str:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql("SHOW server_version").scalar_one()


def _size(db) -> int:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql("SELECT pg_database_size(current_database())").scalar_one()


if __name__ == "__main__":
    main()
