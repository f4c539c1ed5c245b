"""Coverage-guided fuzzing of every reader (atheris / libFuzzer).

    .venv/bin/pip install atheris
    .venv/bin/python fuzz/fuzz_readers.py -max_total_time=300 fuzz/corpus/readers

Each input picks a format (a file suffix, gzipped or not, or standard input) and bytes; the reader must yield
only Documents and one-line ReadProblems and never raise. libFuzzer's last line ("Done N runs in S second(s)")
is the number of inputs tried.
"""

from __future__ import annotations

import atexit
import gzip
import io
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["diplograph"]):
    from diplograph.ingest import SUPPORTED_SUFFIXES, ReadProblem, read_sources
    from diplograph.ingest.base import Source, guarded
    from diplograph.ingest.stdin import read_stdin
    from diplograph.model import Document

FOLDER = Path(tempfile.mkdtemp(prefix="fuzz-readers-"))
KINDS = [*SUPPORTED_SUFFIXES, "stdin"]
RUNS = [0]


def check(items: list[Document | ReadProblem]) -> None:
    for item in items:
        if isinstance(item, ReadProblem):
            if not item.problem.strip() or "\n" in str(item):
                raise AssertionError(f"a problem that is not one line: {item!r}")
        elif not isinstance(item, Document) or not item.text.strip():
            raise AssertionError(f"not a document with text: {item!r}")


def TestOneInput(data: bytes) -> None:
    RUNS[0] += 1
    fdp = atheris.FuzzedDataProvider(data)
    kind = KINDS[fdp.ConsumeIntInRange(0, len(KINDS) - 1)]
    gzipped = fdp.ConsumeBool()
    content = fdp.ConsumeBytes(fdp.remaining_bytes())
    if kind == "stdin":
        items = list(guarded("stdin", read_stdin(io.BytesIO(content), Source("stdin", "stdin"))))
    else:
        path = FOLDER / f"input{kind}{'.gz' if gzipped else ''}"
        path.write_bytes(gzip.compress(content, mtime=0) if gzipped else content)
        items = list(read_sources([path]))
    check(items)


def report() -> None:
    print(f"fuzz_readers: {RUNS[0]} inputs run in this process", file=sys.stderr)


if __name__ == "__main__":
    atexit.register(report)
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()
