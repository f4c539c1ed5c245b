"""Would sentence embeddings help the confidence model? An experiment, not part of the package.

The English model's contextual token vectors (96 numbers a token, `doc.tensor`) are averaged over each candidate's
evidence and its sentence and added to the sparse features, times a scale; the model is refitted on the training
candidates of `sources.toml` and its ranking (AUC) measured on the held-out voa-dev stories and plover-dev
sentences. Usage (a minute or two on two cores):

    .venv/bin/python training/try_embeddings.py [--learner trees|linear] [scale ...]

It reports each fit's out-of-fold AUC on voa-dev's training stories first (what a choice may be made on), then
the held-out AUCs.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from diplograph.confidence import train as T
from diplograph.nlp.model import load_nlp

HERE = Path(__file__).resolve().parent


def mean_vector(doc, spans: list[tuple[int, int]]) -> list[float]:  # type: ignore[no-untyped-def]
    rows = []
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        rows.append(doc.tensor[span.start : span.end].mean(0))
        rows.append(doc.tensor[span.sent.start : span.sent.end].mean(0))
    if not rows:
        return [0.0] * doc.tensor.shape[1]
    return [float(sum(col) / len(rows)) for col in zip(*rows, strict=True)]


def main(scales: list[float], learner: str = "linear") -> None:
    from sklearn.metrics import roc_auc_score

    plan = T.read_plan(HERE / "sources.toml")
    candidates = [c for c in T.collect(plan.sources) if c.kind == "event"]
    texts = {(s.path.name, d.id): d.text for s in plan.sources for d in s.gold.documents.values()}
    nlp = load_nlp()
    parsed = dict(zip(texts, nlp.pipe(texts.values(), batch_size=32), strict=True))
    vectors = [mean_vector(parsed[(c.source, c.doc)], [(e["start"], e["end"]) for e in c.record["evidence"]])
               for c in candidates]  # fmt: skip
    for scale in scales:
        scored = [replace(c, features={**c.features, **{f"emb{i}": v * scale for i, v in enumerate(vec)}})
                  if scale else c for c, vec in zip(candidates, vectors, strict=True)]  # fmt: skip
        training = [c for c in scored if not c.held_out]
        fitted = T.fit_kind(training, frozenset({"voa-dev.jsonl"}), learner)
        model = fitted.model
        news = [(c.label, conf) for c, conf in zip(training, fitted.oof, strict=True) if c.source == "voa-dev.jsonl"]
        oof = roc_auc_score([label for label, _ in news], [conf for _, conf in news])
        line = [f"{learner} scale {scale:g}", f"voa-dev training out-of-fold AUC {oof:.3f}"]
        for source in ("voa-dev.jsonl", "plover-dev.jsonl"):
            held = [c for c in scored if c.held_out and c.source == source]
            auc = roc_auc_score([c.label for c in held], [model.score(c.features) for c in held])
            line.append(f"{source} held-out AUC {auc:.3f}")
        print("  ".join(line))


if __name__ == "__main__":
    args = sys.argv[1:]
    chosen = "linear"
    if args[:1] == ["--learner"]:
        chosen, args = args[1], args[2:]
    main([float(a) for a in args] or [0.0, 1.0, 3.0], chosen)
