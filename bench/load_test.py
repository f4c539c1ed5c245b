"""Load test on loopback: N concurrent clients reading events and country briefs from a store of 1M events.

    .venv/bin/python bench/load_test.py --events 1000000 --clients 50 --seconds 60 --json bench/results/load_test.json

Builds the store with generated events (DuckDB directly: bench/store_scale.py's generator, then
`diplograph.scale.load_parquet`), starts the server (`create_app` under uvicorn, one process) on 127.0.0.1 in a
child process, and runs `--clients` asyncio clients (httpx) for `--seconds`, each issuing requests back to back: 9
of 10 are event queries (`/api/events` filtered by state, dyad, type and dates, one page of 100) and 1 of 10
(`--brief-share`) a country brief (`/api/states/{code}/brief`). Bounded: it stops after `--seconds` or `--max-requests`,
whichever comes first, then stops the server. Reports requests, errors (any non-200 or transport error),
requests a second, and p50 / p90 / p99 / max latency per kind, for the whole run and for its second half (when
the server's read cache holds most of the ~1,200 distinct queries of the mix). Targets (issue 8): 0 errors,
p99 < 200 ms for event queries. The client shares the machine with the server, so its own CPU use is part of
every latency measured.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "bench")]

SERVER = """
import sys, uvicorn
from diplograph.web import create_app
uvicorn.run(create_app(sys.argv[1]), host="127.0.0.1", port=int(sys.argv[2]), log_level="warning", workers=1)
"""


def build_store(db: Path, events: int, dates: str) -> dict[str, Any]:
    from store_scale import generate

    from diplograph.scale import load_parquet
    from diplograph.store import Store

    parts = db.parent / f"{db.stem}-parts"
    began = time.perf_counter()
    made = generate(parts, events, per_part=min(events, 1_000_000), dates=dates)
    with Store.open(db) as store:
        load_parquet(store, parts)
        stats = store.stats()
    return {"seconds": round(time.perf_counter() - began, 1), "events": stats["events"],
            "documents": stats["documents"], "generate": made}  # fmt: skip


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_ready(url: str, deadline: float) -> None:
    import httpx

    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/api/stats", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise SystemExit("the server did not start")


BRIEF_SHARE = [0.1]


def request_for(rng: random.Random) -> tuple[str, str, dict[str, str]]:
    from store_scale import STATES, TYPES

    top = STATES[:20]
    if rng.random() < BRIEF_SHARE[0]:
        return "brief", f"/api/states/{rng.choice(top)}/brief", {}
    params: dict[str, str] = {"limit": "100"}
    shape = rng.randrange(4)
    if shape == 0:
        params["state"] = rng.choice(top)
    elif shape == 1:
        params["dyad"] = f"{rng.choice(top)},{rng.choice(top)}"
    elif shape == 2:
        params.update(state=rng.choice(top), type=rng.choice(TYPES))
    else:
        year = rng.randrange(2000, 2025)
        params.update(actor=rng.choice(top), since=str(year), until=str(year + 1))
    return "events", "/api/events", params


async def client(url: str, stop: float, budget: list[int], seed: int, out: dict[str, list[float]],
                 errors: list[str], asked: set[str]) -> None:  # fmt: skip
    import httpx

    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=url, timeout=30) as http:
        while time.monotonic() < stop and budget[0] > 0:
            budget[0] -= 1
            kind, path, params = request_for(rng)
            query = f"{path}?{sorted(params.items())}"
            first = query not in asked  # no client asked it before: the server has not cached it
            asked.add(query)
            began = time.perf_counter()
            try:
                response = await http.get(path, params=params)
                ok = response.status_code == 200
                if not ok:
                    errors.append(f"{response.status_code} {path} {params}")
            except httpx.HTTPError as exc:
                errors.append(f"{type(exc).__name__} {path} {params}")
                continue
            out[kind].append((time.perf_counter() - began) * 1000)
            out[f"{kind}_at"].append(time.monotonic())
            out[f"{kind}_first" if first else f"{kind}_repeat"].append(out[kind][-1])


def summary(samples: list[float]) -> dict[str, Any]:
    if not samples:
        return {"requests": 0}
    ordered = sorted(samples)
    pick = lambda q: round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1)  # noqa: E731
    return {"requests": len(samples), "p50_ms": pick(0.5), "p90_ms": pick(0.9), "p99_ms": pick(0.99),
            "max_ms": round(ordered[-1], 1), "mean_ms": round(statistics.fmean(ordered), 1)}  # fmt: skip


async def run_load(url: str, clients: int, seconds: float, max_requests: int) -> dict[str, Any]:
    out: dict[str, list[float]] = {f"{kind}{part}": [] for kind in ("events", "brief")
                                   for part in ("", "_at", "_first", "_repeat")}  # fmt: skip
    asked: set[str] = set()
    errors: list[str] = []
    budget = [max_requests]
    began = time.monotonic()
    stop = began + seconds
    await asyncio.gather(*(client(url, stop, budget, i, out, errors, asked) for i in range(clients)))
    elapsed = time.monotonic() - began
    total = len(out["events"]) + len(out["brief"])
    half = began + elapsed / 2

    def second_half(kind: str) -> list[float]:
        return [ms for ms, at in zip(out[kind], out[f"{kind}_at"], strict=True) if at >= half]

    return {"clients": clients, "seconds": round(elapsed, 1), "requests": total + len(errors),
            "errors": len(errors), "error_examples": errors[:5], "requests_per_s": round(total / elapsed, 1),
            "events": summary(out["events"]), "brief": summary(out["brief"]),
            # the first answer to each distinct query is a cold query; by the second half most are cached
            "second_half": {"events": summary(second_half("events")), "brief": summary(second_half("brief"))},
            # first asks of a query (cold: the server queries the store) and repeats (mostly from the read cache)
            "events_first_ask": summary(out["events_first"]), "events_repeats": summary(out["events_repeat"]),
            "slowest_events_at_s": sorted(round(at - began, 1) for ms, at in
                                          sorted(zip(out["events"], out["events_at"], strict=True))[-20:]),
            "slow_events_by_second": slow_by_second(out["events"], out["events_at"], began)}  # fmt: skip


def slow_by_second(latencies: list[float], ended_at: list[float], began: float, over_ms: float = 200) -> dict[int, int]:
    """How many requests took longer than `over_ms`, by the second of the run in which they ended."""
    slow: dict[int, int] = {}
    for ms, at in zip(latencies, ended_at, strict=True):
        if ms > over_ms:
            second = int(at - began)
            slow[second] = slow.get(second, 0) + 1
    return slow


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--max-requests", type=int, default=1_000_000)
    parser.add_argument("--brief-share", type=float, default=0.1, help="share of requests that are briefs")
    parser.add_argument("--dates", choices=("news", "uniform"), default="news",
                        help="how generated events are dated (bench/store_scale.py)")
    parser.add_argument("--db", type=Path, help="use this store (built if missing) instead of a temporary one")
    parser.add_argument("--json", type=Path, help="write the report here too")
    args = parser.parse_args(argv)
    BRIEF_SHARE[0] = args.brief_share

    tmp = Path(tempfile.mkdtemp(prefix="diplograph-load-"))
    db = args.db or tmp / "load.duckdb"
    report: dict[str, Any] = {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]}}
    if not db.exists():
        report["store"] = build_store(db, args.events, args.dates)
        print("store:", report["store"], file=sys.stderr)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(db), str(port)], env=env)
    try:
        wait_ready(url, time.monotonic() + 120)
        report["load"] = asyncio.run(run_load(url, args.clients, args.seconds, args.max_requests))
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    load = report["load"]
    report["targets"] = {"zero_errors": load["errors"] == 0,
                         "events_p99_under_200_ms": load["events"].get("p99_ms", 1e9) < 200}  # fmt: skip
    print(json.dumps(report, indent=1))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=1) + "\n")
    return 0 if all(report["targets"].values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
