"""Peak memory of ingesting N generated documents into a fresh store: it must not grow with N.

    .venv/bin/python bench/ingest_memory.py --sizes 10000,100000 --json bench/results/ingest_memory.json

For each N a child process (a fresh interpreter, so nothing is shared between sizes) generates N short distinct
documents on the fly (one or two sentences naming two states, a number and a date; nothing is held in a list),
streams them through `Extractor.extract_documents` (or `parallel_extract` with `--workers 2`) into
`Store.add` on a new DuckDB file (with the memory cap `diplograph ingest` uses, `--memory-mib`), and reports its
peak resident memory (`resource.getrusage(RUSAGE_SELF).ru_maxrss`; with workers, also the largest
worker's, RUSAGE_CHILDREN) and its RSS sampled every N/10 documents.
The ratio peak(N=largest) / peak(N=smallest) is the figure of issue 7 (target <= 1.10).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from diplograph import config  # noqa: E402
from diplograph.model import Document  # noqa: E402

STATES = (
    "Russia,China,North Korea,Japan,India,Pakistan,France,Germany,Iran,Israel,Turkey,Brazil,Egypt,Nigeria,"
    "Canada,Mexico,Vietnam,Ukraine,Poland,Kenya"
).split(",")
SENTENCES = [
    "{a} sent {n} tons of food aid to {b} on {day}.",
    "{a} and {b} signed a trade agreement worth ${n} million on {day}.",
    "{a} imposed sanctions on {b} after talks failed on {day}.",
    "Officials from {a} met their counterparts from {b} on {day} to discuss {n} projects.",
    "Exports from {a} to {b} rose {p}% to ${n} million in {year}.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def generate(n: int, seed: int = 7) -> Iterator[Document]:
    """N short distinct documents, made one at a time."""
    rng = random.Random(seed)
    for i in range(n):
        a, b = rng.sample(STATES, 2)
        values = {"a": a, "b": b, "n": 100 + i, "p": rng.randint(2, 40), "day": rng.choice(DAYS),
                  "year": rng.randint(2010, 2023)}  # fmt: skip
        text = " ".join(t.format(**values) for t in rng.sample(SENTENCES, rng.randint(1, 2)))
        published = f"{rng.randint(2010, 2023)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        yield Document(id=f"gen-{i}", text=text, published=published)


def rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def child(n: int, db: Path, workers: int, batch_size: int, memory_mib: int) -> dict[str, object]:
    from diplograph.pipeline import Extractor
    from diplograph.scale import parallel_extract
    from diplograph.store import Store

    samples: list[tuple[int, float]] = []
    step = max(1, n // 10)

    def sampled(items: Iterable[object]) -> Iterator[object]:
        for i, item in enumerate(items, 1):
            if i % step == 0:
                samples.append((i, round(rss_mib(), 1)))
            yield item

    start = time.perf_counter()
    docs = generate(n)
    if workers == 1:
        extractions = Extractor().extract_documents(docs, batch_size=batch_size)
    else:
        extractions = parallel_extract(docs, workers=workers, batch_size=batch_size)
    with Store.open(db) as store:
        result = store.add(sampled(extractions), batch_size=batch_size, memory_mib=memory_mib)  # type: ignore[arg-type]
        stats = store.stats()
    seconds = time.perf_counter() - start
    self_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "n": n, "workers": workers, "batch_size": batch_size, "memory_mib": memory_mib, "seconds": round(seconds, 1),
        "docs_per_s": round(n / seconds, 1), "peak_rss_mib": round(self_peak, 1),
        "worker_peak_rss_mib": round(children_peak, 1) if workers > 1 else None,
        "rss_samples_mib": samples, "documents": result.documents_added, "events": stats["events"],
        "measures": stats["measures"], "mentions": stats["mentions"],
        "db_mib": round(db.stat().st_size / 2**20, 1),
    }  # fmt: skip


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument(
        "--memory-mib",
        type=int,
        default=int(config.get("ingest_memory")),
        help="DuckDB memory cap while adding (default: $DIPLOGRAPH_INGEST_MEMORY, as ingest)",
    )
    parser.add_argument("--json", type=Path)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.child is not None:
        print(json.dumps(child(args.child, args.db, args.workers, args.batch_size, args.memory_mib)))
        return 0
    runs = []
    for n in [int(s) for s in args.sizes.split(",")]:
        with tempfile.TemporaryDirectory() as tmp:
            command = [sys.executable, __file__, "--child", str(n), "--db", f"{tmp}/bench.duckdb",
                       "--workers", str(args.workers), "--batch-size", str(args.batch_size),
                       "--memory-mib", str(args.memory_mib)]  # fmt: skip
            out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        runs.append(json.loads(out.strip().splitlines()[-1]))
        print(json.dumps(runs[-1]), file=sys.stderr)
    from parallel_speed import machine  # bench/ is on sys.path when run as a script

    ratio = round(float(runs[-1]["peak_rss_mib"]) / float(runs[0]["peak_rss_mib"]), 3)
    print("| documents | seconds | docs/s | peak RSS MiB | worker peak MiB | events | store MiB |")
    print("|---|---|---|---|---|---|---|")
    for r in runs:
        print(
            f"| {r['n']} | {r['seconds']} | {r['docs_per_s']} | {r['peak_rss_mib']} | {r['worker_peak_rss_mib']} "
            f"| {r['events']} | {r['db_mib']} |"
        )
    print(f"peak RSS ratio (largest / smallest N): {ratio}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        report = {"machine": machine(), "runs": runs, "peak_ratio": ratio}
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
