"""Extraction with 1 and 2 worker processes against the bare spaCy pipeline, on the same texts, in one run.

    .venv/bin/python bench/parallel_speed.py --docs 180 --repeat 2 --json bench/results/parallel_speed.json

Variants (each a full pass over the same documents; words are whitespace words of the texts):

    spacy-1     bare spaCy (the model `load_nlp` picks, plain `spacy.load`): list(nlp.pipe(texts, batch_size=B))
    spacy-2     the same with spaCy's own multiprocessing: nlp.pipe(texts, batch_size=B, n_process=2)
                (its process start is inside the timed pass: spaCy starts processes on every call)
    extract-1   Extractor().extract_documents(documents): what `--workers 1` runs, in this process
    extract-2   a warm `ExtractorPool(2)` (processes started, one model loaded in each, before timing):
                pool.extract(documents, batch_size=B), extractions back in this process, in order
    cold-2      parallel_extract(documents, workers=2): the whole call, pool start and model loads included

Each round runs every variant once in a rotated order after an untimed warm-up; the table gives the median over
rounds, and ratios are medians of per-round ratios. The targets of issue 7: extract-N / spacy-N >= 0.75 and
extract-2 / extract-1 >= 1.7 (throughput).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "voa-stories.jsonl"
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from diplograph.model import Document  # noqa: E402

VARIANTS = ("spacy-1", "spacy-2", "extract-1", "extract-2", "cold-2")


def machine() -> dict[str, Any]:
    """The machine a benchmark ran on (shared by the other bench/ scripts of issue 7)."""
    cpu, mem = platform.processor(), None
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem = round(int(line.split()[1]) / 1024**2, 1)
    except OSError:
        pass
    versions = {}
    for name in ("spacy", "duckdb", "pyarrow", "distributed"):
        try:
            versions[name] = __import__(name).__version__
        except ImportError:
            versions[name] = None
    return {
        "cpus_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
        "cpu_model": cpu,
        "mem_gib": mem,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "date": time.strftime("%Y-%m-%d %H:%M:%S %z"),
        **versions,
    }


def load_documents(path: Path, n: int) -> list[Document]:
    base = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            base.append(Document(id=str(row["id"]), text=row["text"], published=row.get("published")))
    if not base:
        raise SystemExit(f"no documents in {path}")
    return [
        Document(id=f"{base[i % len(base)].id}#{i // len(base)}", text=base[i % len(base)].text,
                 published=base[i % len(base)].published)
        for i in range(n)
    ]  # fmt: skip


def runners(batch_size: int) -> tuple[dict[str, Callable[[Sequence[Document]], None]], Any, str]:
    import spacy

    from diplograph.nlp.model import MODEL_NAMES
    from diplograph.pipeline import Extractor
    from diplograph.scale import ExtractorPool, parallel_extract

    bare, model = None, ""
    for model in MODEL_NAMES:
        try:
            bare = spacy.load(model)
            break
        except OSError:
            continue
    if bare is None:
        raise SystemExit("no spaCy model")
    extractor = Extractor()
    pool = ExtractorPool(2)
    pool.warm_up()

    def texts(docs: Sequence[Document]) -> list[str]:
        return [d.text for d in docs]

    table: dict[str, Callable[[Sequence[Document]], None]] = {
        "spacy-1": lambda docs: list(bare.pipe(texts(docs), batch_size=batch_size)) and None,
        "spacy-2": lambda docs: list(bare.pipe(texts(docs), batch_size=batch_size, n_process=2)) and None,
        "extract-1": lambda docs: list(extractor.extract_documents(docs, batch_size=batch_size)) and None,
        "extract-2": lambda docs: list(pool.extract(docs, batch_size=batch_size)) and None,
        "cold-2": lambda docs: list(parallel_extract(docs, workers=2, batch_size=batch_size)) and None,
    }
    return table, pool, model


def cpu_seconds(pids: list[int]) -> dict[str, float]:
    """CPU seconds (user + system) of this process, its reaped children (spaCy's n_process) and the given pids."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    out = {"main": own.ru_utime + own.ru_stime, "children": kids.ru_utime + kids.ru_stime}
    try:
        import psutil
    except ImportError:
        return out
    for pid in pids:
        times = psutil.Process(pid).cpu_times()
        out[str(pid)] = times.user + times.system
    return out


def projected_speedup(cpu1: list[dict[str, float]], cpu2: list[dict[str, float]]) -> float | None:
    """extract-1 CPU time / the wall time extract-2 would need on 2 idle cores (every process given a core in turn).

    A projection from CPU seconds, for a machine shared with other work, where wall-clock ratios understate it.
    """
    ratios = []
    for one, two in zip(cpu1, cpu2, strict=False):
        workers = [v for k, v in two.items() if k not in ("main", "children")]
        if not workers:
            return None
        ideal = max(max(workers), two["main"], (two["main"] + sum(workers)) / 2)
        ratios.append(one["main"] / ideal)
    return round(statistics.median(ratios), 3) if ratios else None


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=180)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--variants", default=",".join(VARIANTS))
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(list(argv) if argv is not None else None)
    variants = [v for v in args.variants.split(",") if v]
    docs = load_documents(args.corpus, args.docs)
    words = sum(len(d.text.split()) for d in docs)
    table, pool, model = runners(args.batch_size)
    for name in variants:  # untimed warm-up
        table[name](docs[:8])
    times: dict[str, list[float]] = {v: [] for v in variants}
    cpu: dict[str, list[dict[str, float]]] = {v: [] for v in variants}
    load_before = os.getloadavg()
    for r in range(args.repeat):
        order = variants[r % len(variants) :] + variants[: r % len(variants)]
        for name in order:
            before = cpu_seconds(pool.pids() if name == "extract-2" else [])
            start = time.perf_counter()
            table[name](docs)
            times[name].append(time.perf_counter() - start)
            after = cpu_seconds([int(k) for k in before if k.isdigit()])
            cpu[name].append({k: round(v - before.get(k, 0.0), 2) for k, v in after.items()})
            print(f"round {r + 1} {name}: {times[name][-1]:.1f} s, cpu {cpu[name][-1]}", file=sys.stderr)
    pool.close()
    load_after = os.getloadavg()

    def ratio(a: str, b: str) -> float | None:
        if a not in times or b not in times:
            return None
        return round(statistics.median(times[b][i] / times[a][i] for i in range(args.repeat)), 3)

    summary = {
        name: {
            "seconds": round(statistics.median(t), 2),
            "words_per_s": round(words / statistics.median(t)),
            "docs_per_s": round(len(docs) / statistics.median(t), 2),
        }
        for name, t in times.items()
    }
    ratios = {
        "extract-1 / spacy-1 (throughput)": ratio("extract-1", "spacy-1"),
        "extract-2 / spacy-2 (throughput)": ratio("extract-2", "spacy-2"),
        "extract-2 / extract-1 (throughput)": ratio("extract-2", "extract-1"),
        "cold-2 / extract-1 (throughput)": ratio("cold-2", "extract-1"),
        "spacy-2 / spacy-1 (throughput)": ratio("spacy-2", "spacy-1"),
        "extract-2 / extract-1 projected on 2 idle cores (from CPU seconds)": (
            projected_speedup(cpu["extract-1"], cpu["extract-2"]) if "extract-2" in cpu and "extract-1" in cpu
            else None),
    }
    report = {"machine": machine(), "model": model, "docs": len(docs), "words": words,
              "batch_size": args.batch_size, "repeat": args.repeat, "times": times, "cpu_seconds": cpu,
              "loadavg_before": load_before, "loadavg_after": load_after, "summary": summary,
              "ratios": ratios}  # fmt: skip
    lines = ["| variant | median s | words/s | docs/s |", "|---|---|---|---|"]
    lines += [f"| {n} | {s['seconds']} | {s['words_per_s']} | {s['docs_per_s']} |" for n, s in summary.items()]
    lines += ["", "| ratio | median |", "|---|---|"] + [f"| {k} | {v} |" for k, v in ratios.items()]
    print(f"{len(docs)} documents, {words} words, model {model}, batch {args.batch_size}, {args.repeat} rounds; "
          f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f} ({os.cpu_count()} CPUs)")
    print("\n".join(lines))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
