"""Ingest speed (extract + store, as `diplograph ingest` does) against the bare spaCy pipeline on the same texts.

    .venv/bin/python bench/ingest_speed.py --docs 120 --repeat 3

Two variants, alternated chunk by chunk so that a busy spell of a shared machine falls on both alike:

    spacy    the bare spaCy model: `list(nlp.pipe(texts))`
    ingest   `Extractor().extract_documents(documents)` written with `Store.add` into a fresh DuckDB file (events
             located, incidents linked as they are written)

The reported ratio is ingest time / spaCy time (median over rounds). To compare two versions of diplograph, copy
this script into a checkout of each and run both one after the other: the script imports the diplograph of the
checkout it lies in. Texts are the VOA sample (`../shared/corpus/voa-stories.jsonl`), repeated with a marker line
when --docs exceeds it (each copy is a new document to the store).
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from diplograph.model import Document  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "voa-stories.jsonl"


def documents(n: int) -> list[Document]:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = []
    for i in range(n):
        row = rows[i % len(rows)]
        copy = i // len(rows)
        text = row["text"] if copy == 0 else f"{row['text']}\n[copy {copy}]"
        out.append(Document(id=f"{row['id']}#{copy}", text=text, published=row.get("published")))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=120)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--chunk", type=int, default=30)
    args = parser.parse_args()

    import spacy

    from diplograph.nlp.model import MODEL_NAMES
    from diplograph.pipeline import Extractor
    from diplograph.store import Store

    docs = documents(args.docs)
    bare = next(spacy.load(name) for name in MODEL_NAMES if spacy.util.is_package(name))
    extractor = Extractor()
    with tempfile.TemporaryDirectory() as folder:  # warm-up: models, gazetteers, lazy imports
        with Store.open(Path(folder) / "warm.duckdb") as store:
            store.add(extractor.extract_documents(documents(3)))
        list(bare.pipe([d.text for d in docs[:3]]))
    ratios, times = [], {"spacy": [], "ingest": []}
    for round_ in range(args.repeat):
        spent = {"spacy": 0.0, "ingest": 0.0}
        with tempfile.TemporaryDirectory() as folder, Store.open(Path(folder) / f"r{round_}.duckdb") as store:
            for start in range(0, len(docs), args.chunk):
                chunk = docs[start : start + args.chunk]
                order = ("spacy", "ingest") if (start // args.chunk + round_) % 2 == 0 else ("ingest", "spacy")
                for variant in order:
                    began = time.perf_counter()
                    if variant == "spacy":
                        list(bare.pipe([d.text for d in chunk]))
                    else:
                        store.add(extractor.extract_documents(chunk))
                    spent[variant] += time.perf_counter() - began
        for name in spent:
            times[name].append(spent[name])
        ratios.append(spent["ingest"] / spent["spacy"])
    result = {
        "docs": len(docs), "repeat": args.repeat, "spacy_s": round(statistics.median(times["spacy"]), 2),
        "ingest_s": round(statistics.median(times["ingest"]), 2),
        "ratio_ingest_to_spacy": round(statistics.median(ratios), 3),
        "ratios": [round(r, 3) for r in ratios], "python": platform.python_version(),
        "machine": platform.machine(), "processor": platform.processor() or platform.platform(),
    }  # fmt: skip
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
