"""The voucher QR codes (issue 13): `reports/qrmark.py` beside reportlab's own encoder and
segno, a maintained QR encoder, making the same 335 symbols (error correction M, the mask each
chooses by the ISO/IEC 18004 penalty rules). Floor: reportlab's own encoder with one fixed mask
(data, Reed-Solomon and module placement, no mask choice). Best of --runs.

    pip install segno   # not a dependency of the app: measured here to decide
    python benchmarks/bench_qr.py [--count 335] [--runs 3]

Prints Markdown table rows:
| encoder | symbols | seconds (CPU s) | CPU ms a symbol | CPU ratio to the floor |
"""
from __future__ import annotations

import argparse
import time

from union_desk.reports.qrmark import qr_modules
from union_desk.reports.voucher import voucher_check


def payloads(count: int) -> list[str]:
    return [f"2025-{n:04d}|{50_000 + n * 100}|{voucher_check(f'2025-{n:04d}', 50_000 + n * 100, 'k')}"
            for n in range(1, count + 1)]


def reportlab_symbol(text: str, mask: int | None) -> list[list[bool]]:
    """reportlab's qrencoder alone: ``mask`` fixed, or its own choice of the 8 (``make``)."""
    from reportlab.graphics.barcode import qrencoder

    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(text)
    if mask is None:
        qr.make()
    else:
        qr.version = qr.calculate_version()
        qr.makeImpl(False, mask)
    return qr.modules


def best(runs: int, work) -> tuple[float, float]:
    """Best wall-clock and best CPU seconds of ``runs`` calls."""
    wall = cpu = float("inf")
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        work()
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    return wall, cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=335)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    texts = payloads(args.count)
    cases = [("floor: reportlab qrencoder, mask 0 fixed",
              lambda: [reportlab_symbol(t, 0) for t in texts]),
             ("reportlab qrencoder `make()` (8 masks, its own scoring)",
              lambda: [reportlab_symbol(t, None) for t in texts]),
             ("union_desk reports/qrmark.py, mask 0 fixed", lambda: [qr_modules(t, 0) for t in texts]),
             ("union_desk reports/qrmark.py (8 masks scored)", lambda: [qr_modules(t) for t in texts])]
    try:
        import segno

        cases.append((f"segno {segno.__version__} (8 masks scored)",
                      lambda: [segno.make(t, error="m", boost_error=False, micro=False).matrix
                               for t in texts]))
        # the same symbol? (segno may pick another version or mask only if its rules differ)
        same = sum(len(segno.make(t, error="m", boost_error=False, micro=False).matrix)
                   == len(qr_modules(t)) for t in texts)
        print(f"segno: same symbol size for {same} of {len(texts)} payloads")
    except ImportError:
        print("segno not installed: `pip install segno` to compare")
    floor = None
    for name, work in cases:
        seconds, cpu = best(args.runs, work)
        floor = floor or cpu
        print(f"| {name} | {len(texts)} | {seconds:.3f} ({cpu:.3f}) | "
              f"{cpu / len(texts) * 1000:.2f} | {cpu / floor:.1f}× |")


if __name__ == "__main__":
    main()
