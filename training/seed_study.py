"""How much does the confidence model move with its random seed alone? An experiment, not part of the package.

The tree model subsamples its candidates (`diplograph.confidence.train.TREE_SEED`, 0 in the packaged model). This
script refits the model of `sources.toml` with each seed given and scores every held-out story set at the default
threshold each fit chooses: voa-dev's held-out stories and the written held-out stories of `training/heldout/`,
pooled. A change of rules whose effect on these numbers is smaller than the spread between seeds is not measured
by them. Usage (about two minutes a seed on two cores):

    .venv/bin/python training/seed_study.py [--grid TREESxDEPTH] [SEED ...]     # default: 0 1 2 3

It prints one line a seed (the fit's trees and depth, events threshold, pooled P / R / F1 / F0.5) and their mean.
`--grid 300x3` fits that one setting instead of choosing among `TREE_GRID` by out-of-fold log-loss.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from diplograph import confidence  # noqa: E402
from diplograph.confidence import train as T  # noqa: E402
from diplograph.evaluate import load_gold, score  # noqa: E402
from diplograph.output import record_dict  # noqa: E402
from diplograph.pipeline import Extractor  # noqa: E402

GOLD = REPO.parent / "shared" / "eval" / "gold" / "voa-dev.jsonl"


def held_out_sets() -> list:  # type: ignore[type-arg]
    """voa-dev's held-out stories and every written held-out story set, as Gold objects."""
    held = frozenset(json.loads((HERE / "split.json").read_text(encoding="utf-8"))["held_out"])
    sets = [load_gold(GOLD).subset(held)]
    sets += [load_gold(path) for path in sorted((HERE / "heldout").glob("*.jsonl"))]
    return sets


def pooled_scores(sets: list, counts: list | None = None) -> tuple[float, float, float, float]:  # type: ignore[type-arg]
    """Pooled event.full precision, recall, F1 and F0.5 at the model's default thresholds; each set's right, false
    and missed records appended to `counts` when given."""
    extractor = Extractor()
    tp = fp = fn = 0
    for gold in sets:
        kept = []
        for extraction in extractor.extract_documents(gold.documents.values()):
            shown = confidence.shown_by(extraction, None)
            kept += [record_dict(e) for e in extraction.events if shown(e)]
        level = score(gold, kept).levels["event.full"].score
        tp, fp, fn = tp + level.tp, fp + level.fp, fn + level.fn
        if counts is not None:
            counts.append((level.tp, level.fp, level.fn))
    p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return p, r, T.f_beta(p, r, 1.0), T.f_beta(p, r, 0.5)


def main(seeds: list[int]) -> None:
    plan = T.read_plan(HERE / "sources.toml")
    sets = held_out_sets()
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for seed in seeds:
            T.TREE_SEED = seed
            result = T.train(plan.sources, beta=plan.beta, tuning_sources=plan.tuning_sources, learner=plan.learner)
            path = Path(folder) / f"model-{seed}.json"
            result.model.save(path)
            os.environ["DIPLOGRAPH_MODEL"] = str(path)
            confidence.default_model.cache_clear()
            counts: list[tuple[int, int, int]] = []
            p, r, f1, f05 = pooled_scores(sets, counts)
            rows.append((p, r, f1, f05))
            each = "  ".join(f"{n}/{f}/{m}" for n, f, m in counts)  # voa-dev's held-out stories first
            print(f"seed {seed}: trees {result.model.info.get('event_setting')} threshold {result.model.threshold}  "
                  f"P {p:.3f} R {r:.3f} F1 {f1:.3f} F0.5 {f05:.3f}  (right/false/missed by set: {each})", flush=True)
    means = [sum(row[i] for row in rows) / len(rows) for i in range(4)]
    print("mean: P {:.3f} R {:.3f} F1 {:.3f} F0.5 {:.3f}".format(*means))


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["--grid"]:
        trees, depth = (int(n) for n in args[1].split("x"))
        T.TREE_GRID = ((trees, depth),)
        args = args[2:]
    main([int(a) for a in args] or [0, 1, 2, 3])
