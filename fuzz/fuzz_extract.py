"""Coverage-guided fuzzing of extraction (atheris / libFuzzer): `extract_with_limits` on arbitrary text.

    .venv/bin/pip install atheris
    .venv/bin/python fuzz/fuzz_extract.py -max_total_time=300 fuzz/corpus/extract

The input is decoded as UTF-8 (invalid bytes replaced, as a reader would refuse them) and seeded with real
sentences so that coding is reached; every outcome must be an Extraction whose evidence quotes the text, or one
ReadProblem (over the size limit, over the time limit, or an error in extraction: that last one is a finding and
raises here). libFuzzer's last line ("Done N runs in S second(s)") is the number of inputs tried.
"""

from __future__ import annotations

import atexit
import sys

import atheris

with atheris.instrument_imports(include=["diplograph"]):
    from diplograph.guard import extract_with_limits
    from diplograph.ingest import ReadProblem
    from diplograph.model import Document, Extraction
    from diplograph.pipeline import Extractor

SEEDS = [
    "Russia's foreign minister visited Beijing on Monday for talks with Chinese officials.",
    "Japan sent $2 billion in food aid to India in 2022.",
    "North Korea threatened South Korea.",
    "China's exports to Brazil rose 12% to $89 billion last year.",
    "In 2012 Russia decided to forgive 90% of North Korea's $11 billion debt.",
]
EXTRACTOR = Extractor()
RUNS = [0]
LIMITED = [0]


def TestOneInput(data: bytes) -> None:
    RUNS[0] += 1
    fdp = atheris.FuzzedDataProvider(data)
    seed = SEEDS[fdp.ConsumeIntInRange(0, len(SEEDS) - 1)]
    where = fdp.ConsumeIntInRange(0, 3)
    noise = fdp.ConsumeBytes(fdp.remaining_bytes()).decode("utf-8", "replace")
    text = [noise + seed, seed + noise, seed[: len(seed) // 2] + noise + seed[len(seed) // 2 :], noise][where]
    published = "2015-04-30" if where % 2 else None
    document = Document(id="fuzz", text=text, published=published)
    (outcome,) = extract_with_limits(EXTRACTOR, [document], max_chars=20_000, seconds=10)
    if isinstance(outcome, ReadProblem):
        if "extraction failed" in outcome.problem:
            raise AssertionError(f"{outcome} on {text!r}")
        LIMITED[0] += 1
        return
    assert isinstance(outcome, Extraction)
    for record in outcome.records:
        for ev in record.evidence:
            if not (0 <= ev.start <= ev.end <= len(text) and text[ev.start : ev.end] == ev.text):
                raise AssertionError(f"evidence {ev} does not quote the text {text!r}")


def report() -> None:
    print(f"fuzz_extract: {RUNS[0]} inputs run in this process, {LIMITED[0]} over a limit", file=sys.stderr)


if __name__ == "__main__":
    atexit.register(report)
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()
