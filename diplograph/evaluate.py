"""Score extracted events and measures against a gold file (schema diplograph-gold/1).

    report = evaluate("../shared/eval/gold/seed.jsonl")            # runs the extractor in-process
    report = evaluate("gold.jsonl", predictions="pred.jsonl")      # scores records already extracted
    print(report.render(show_errors=True))

The rules are those of the output contract (`shared/eval/README.md`), and the numbers are the same as the
reference scorer `shared/eval/score.py` gives for the same gold and predictions:

- a prediction must overlap a gold evidence span, and an evidence `text`, where given, must equal the
  document text at its offsets (otherwise the whole prediction is a bad evidence span);
- `event.dyad` needs the states, `event.type` also the PLOVER type (or an `accept` type), `event.full`
  also a date interval that overlaps the gold one and is no wider than it (or than a year);
- `measure.full` needs kind, states, value (within 1 % or an `accept_values` entry), unit and period;
- each gold record is matched once (a maximum matching onto required records, then onto optional ones);
  another prediction that fits an already matched required record is a duplicate false positive.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from diplograph.errors import InputError
from diplograph.model import Document, Event, Measure, codes

SCHEMA = "diplograph-gold/1"
SYMMETRIC_EVENTS = frozenset({"COOPERATE", "CONSULT", "AGREE"})
UNORDERED_MEASURES = frozenset({"trade"})
EVENT_LEVELS = ("dyad", "type", "full")
SCORE_KEYS = ("event.dyad", "event.type", "event.full", "measure.full")
ERROR_KEYS = ("event.full", "measure.full")

Span = tuple[int, int]
Interval = tuple[dt.date, dt.date]


# --- the gold file ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldRecord:
    """One annotation: the raw fields of its line plus every place its evidence strings occur in the text."""

    doc_id: str
    fields: dict[str, Any]
    spans: tuple[Span, ...]

    @property
    def kind(self) -> str:
        return str(self.fields.get("kind"))

    @property
    def optional(self) -> bool:
        return bool(self.fields.get("optional"))


@dataclass(frozen=True)
class Gold:
    """The documents of a gold file (by id, in file order) and its annotations."""

    documents: dict[str, Document]
    records: list[GoldRecord]

    def subset(self, docs: Iterable[str]) -> Gold:
        """The documents among `docs` and their annotations."""
        wanted = set(docs)
        return Gold({d: v for d, v in self.documents.items() if d in wanted},
                    [r for r in self.records if r.doc_id in wanted])

    def by_document(self) -> dict[str, list[GoldRecord]]:
        """The annotations of each document (documents without any are absent)."""
        out: dict[str, list[GoldRecord]] = {}
        for r in self.records:
            out.setdefault(r.doc_id, []).append(r)
        return out


def _read_jsonl(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(str(path), f"cannot read: {e}") from e
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"{path}:{number}", f"not JSON: {e}") from e
        if not isinstance(row, dict):
            raise InputError(f"{path}:{number}", "not a JSON object")
        yield number, row


def _gold_document(path: Path, number: int, raw: dict[str, Any]) -> Document:
    text = raw.get("text")
    if text is None:
        if "path" not in raw:
            raise InputError(f"{path}:{number}", "document has neither text nor path")
        try:
            text = (path.parent / raw["path"]).read_text(encoding="utf-8")
        except OSError as e:
            raise InputError(f"{path}:{number}", f"cannot read document {raw['path']}: {e}") from e
    return Document(id=str(raw["id"]), text=text, published=raw.get("published"), origin=f"{path}:{number}")


def find_all(text: str, needle: str) -> list[Span]:
    """Every (start, end) where `needle` occurs in `text`, overlapping occurrences included."""
    spans, start = [], text.find(needle)
    while start >= 0:
        spans.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return spans


def _gold_record(documents: dict[str, Document], origin: str, row: dict[str, Any]) -> GoldRecord:
    doc_id = row.get("doc_id")
    if doc_id not in documents:
        raise InputError(origin, f"gold record names unknown document {doc_id!r}")
    text, spans = documents[doc_id].text, []
    for quote in row.get("evidence", []):
        found = find_all(text, quote)
        if not found:
            raise InputError(origin, f"gold evidence not in the text of {doc_id}: {quote!r}")
        spans.extend(found)
    return GoldRecord(doc_id=doc_id, fields=row, spans=tuple(spans))


def load_gold(path: str | Path) -> Gold:
    """Read a gold file: its documents (inline `text` or a `path` relative to the gold file) and annotations."""
    path = Path(path)
    rows = list(_read_jsonl(path))
    if not rows or rows[0][1].get("schema") != SCHEMA:
        raise InputError(str(path), f"first line must carry schema {SCHEMA}")
    documents: dict[str, Document] = {}
    annotations: list[tuple[str, dict[str, Any]]] = []
    for number, row in rows[1:]:
        if isinstance(row.get("doc"), dict):
            document = _gold_document(path, number, row["doc"])
            documents[document.id] = document
        else:
            annotations.append((f"{path}:{number}", row))
    records = [_gold_record(documents, origin, row) for origin, row in annotations]
    return Gold(documents=documents, records=records)


# --- comparing one prediction with one gold record --------------------------------------------------------------


def date_interval(value: Any) -> Interval | None:
    """'2014', '2014-05', '2014-05-09' or 'START/END' as an inclusive (first day, last day); ValueError if bad."""
    if value is None:
        return None
    text = str(value)
    if "/" in text:
        first, last = (date_interval(part) for part in text.split("/", 1))
        if first is None or last is None:
            raise ValueError(text)
        return first[0], last[1]
    numbers = [int(part) for part in text.split("-")]
    year = numbers[0]
    if len(numbers) == 1:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if len(numbers) == 2:
        return dt.date(year, numbers[1], 1), dt.date(year, numbers[1], calendar.monthrange(year, numbers[1])[1])
    day = dt.date(year, numbers[1], numbers[2])
    return day, day


def date_agrees(predicted: Any, gold: Any) -> bool:
    """The predicted interval overlaps the gold one and is no wider than it or than a year (366 days)."""
    if gold is None:
        return True
    try:
        p, g = date_interval(predicted), date_interval(gold)
    except (ValueError, TypeError):
        return False
    if p is None or g is None:
        return False
    width_limit = max((g[1] - g[0]).days, 366)
    return p[0] <= g[1] and g[0] <= p[1] and (p[1] - p[0]).days <= width_limit


def dyad_agrees(pred: dict[str, Any], gold: dict[str, Any], *, unordered: bool) -> bool:
    actors, recipients = codes(pred.get("actor")), codes(pred.get("recipient"))
    gold_actors, gold_recipients = codes(gold["actor"]), codes(gold["recipient"])
    if not gold_actors and not gold_recipients:
        return True  # the gold names no state: only the type (and date) count
    if not gold_recipients:
        if len(gold_actors) >= 2:  # several states acting together: the same set must be named
            return actors | recipients == gold_actors
        return bool(actors & gold_actors)
    forward = (not gold_actors or bool(actors & gold_actors)) and bool(recipients & gold_recipients)
    backward = bool(actors & gold_recipients) and (not gold_actors or bool(recipients & gold_actors))
    return forward or (unordered and backward)


def value_agrees(pred: dict[str, Any], gold: dict[str, Any]) -> bool:
    try:
        value = float(pred["value"])
    except (KeyError, TypeError, ValueError):
        return False
    if str(pred.get("unit", "")).strip() != gold["unit"]:
        return False
    targets = [gold["value"], *gold.get("accept_values", [])]
    return any(abs(value - target) <= 0.01 * abs(target) for target in targets)


def evidence_spans(pred: dict[str, Any], text: str) -> list[Span] | None:
    """The prediction's evidence as spans, or None when missing, out of range or quoting other text."""
    evidence = pred.get("evidence")
    items = [evidence] if isinstance(evidence, dict) else evidence
    if not isinstance(items, list) or not items:
        return None
    spans = []
    for item in items:
        try:
            start, end = int(item["start"]), int(item["end"])
        except (KeyError, TypeError, ValueError):
            return None
        if not 0 <= start < end <= len(text) or ("text" in item and item["text"] != text[start:end]):
            return None
        spans.append((start, end))
    return spans


def _overlap(ours: Sequence[Span], theirs: Sequence[Span]) -> bool:
    return any(a < d and c < b for a, b in ours for c, d in theirs)


@dataclass(frozen=True)
class Prediction:
    """A predicted record with its checked evidence spans."""

    fields: dict[str, Any]
    spans: tuple[Span, ...]

    @property
    def doc(self) -> str:
        return str(self.fields.get("doc"))

    @property
    def kind(self) -> str:
        return str(self.fields.get("kind"))


def fits(pred: Prediction, gold: GoldRecord, level: str) -> bool:
    """Whether `pred` is a correct prediction of `gold` at `level` (dyad, type or full)."""
    if pred.kind != gold.kind or not _overlap(pred.spans, gold.spans):
        return False
    p, g = pred.fields, gold.fields
    if gold.kind == "measure":
        return (
            p.get("measure") == g["measure"]
            and value_agrees(p, g)
            and dyad_agrees(p, g, unordered=g["measure"] in UNORDERED_MEASURES)
            and date_agrees(p.get("period"), g.get("period"))
        )
    if not dyad_agrees(p, g, unordered=g["event"] in SYMMETRIC_EVENTS):
        return False
    if level == "dyad":
        return True
    if p.get("event") not in {g["event"], *g.get("accept", [])}:
        return False
    return level == "type" or date_agrees(p.get("date"), g.get("date"))


# --- matching ---------------------------------------------------------------------------------------------------


class _Matcher:
    """Kuhn's augmenting-path algorithm: a maximum matching of predictions onto gold records."""

    def __init__(self, candidates: dict[int, list[int]]) -> None:
        self.candidates = candidates
        self.holder: dict[int, int] = {}  # gold index -> prediction index

    def _augment(self, pred: int, visited: set[int]) -> bool:
        for gold in self.candidates[pred]:
            if gold in visited:
                continue
            visited.add(gold)
            if gold not in self.holder or self._augment(self.holder[gold], visited):
                self.holder[gold] = pred
                return True
        return False

    def run(self) -> dict[int, int]:
        for pred in self.candidates:
            self._augment(pred, set())
        return {pred: gold for gold, pred in self.holder.items()}


def _matching(
    preds: list[Prediction], golds: list[GoldRecord], level: str, targets: set[int], taken: set[int]
) -> dict[int, int]:
    candidates = {
        i: [j for j in sorted(targets) if fits(p, golds[j], level)] for i, p in enumerate(preds) if i not in taken
    }
    return _Matcher(candidates).run()


def match(preds: list[Prediction], golds: list[GoldRecord], level: str) -> dict[int, int]:
    """Prediction index -> gold index: required records first, then the optional ones with what is left."""
    required = {j for j, g in enumerate(golds) if not g.optional}
    onto_required = _matching(preds, golds, level, required, set())
    optional = set(range(len(golds))) - required
    onto_optional = _matching(preds, golds, level, optional, set(onto_required))
    return {**onto_required, **onto_optional}


# --- the report -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    duplicates: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "duplicates": self.duplicates,
        }


@dataclass(frozen=True)
class Miss:
    doc_id: str
    gold: GoldRecord


@dataclass(frozen=True)
class FalsePrediction:
    doc_id: str
    why: str  # unmatched | duplicate
    prediction: Prediction


@dataclass
class LevelResult:
    score: Score = field(default_factory=Score)
    missed: list[Miss] = field(default_factory=list)
    false: list[FalsePrediction] = field(default_factory=list)
    false_classes: dict[str, int] = field(default_factory=dict)  # why the false records are false (error_class)


# Why a false event record is false, in the order they are decided (docs/extraction.md, "Error analysis").
ERROR_CLASSES = {
    "duplicate": "a second record of an event already recorded (one event split in two)",
    "date": "right event, states and type; the date misses the annotated one",
    "direction": "the annotated event with actor and recipient swapped",
    "modality": "a demand, threat, promise, refusal or negation read as the act itself, or the reverse",
    "type": "right states, another PLOVER type",
    "self-pair": "a state acting on itself where the text reports no domestic event",
    "states": "an annotated event's text, but states that are wrong, missing or invented",
    "non-event": "no annotated event in this text at all (a bare word, an opinion, background)",
}
# Types that the PLOVER modality rules turn one into another: announced cooperation is AGREE, threatened harm
# THREATEN, negated cooperation REJECT, demands REQUEST, allegations ACCUSE.
MODAL_TYPES = frozenset({"AGREE", "THREATEN", "REJECT", "REQUEST", "ACCUSE"})


def error_class(pred: Prediction, golds: list[GoldRecord], duplicate: bool) -> str:
    """The class of a false event record, judged against the document's gold records (required or optional)."""
    if duplicate:
        return "duplicate"
    if any(fits(pred, g, "type") for g in golds):
        return "date"
    near = [g for g in golds if g.kind == pred.kind and _overlap(pred.spans, g.spans)]
    fields = pred.fields
    swapped = {**fields, "actor": fields.get("recipient"), "recipient": fields.get("actor")}
    if any(dyad_agrees(swapped, g.fields, unordered=False) and codes(g.fields.get("recipient")) for g in near):
        return "direction"
    same_dyad = [g for g in near if fits(pred, g, "dyad")]
    if same_dyad:
        types = {fields.get("event")} | {g.fields.get("event") for g in same_dyad}
        moved = fields.get("aux") != same_dyad[0].fields.get("aux") or len(types & MODAL_TYPES) >= 1
        return "modality" if moved else "type"
    actors, recipients = codes(fields.get("actor")), codes(fields.get("recipient"))
    if actors and actors == recipients:
        return "self-pair"
    return "states" if near else "non-event"


@dataclass
class Report:
    """Scores per level (event.dyad, event.type, event.full, measure.full) and the errors behind them."""

    documents: int
    predictions: int
    bad_evidence: int
    levels: dict[str, LevelResult]
    gold_records: dict[str, list[GoldRecord]] = field(default_factory=dict)  # by document, for error classes

    def to_dict(self) -> dict[str, Any]:
        """The same object `score.py --json` prints."""
        out: dict[str, Any] = {
            "documents": self.documents,
            "predictions": self.predictions,
            "bad_evidence": self.bad_evidence,
        }
        out.update({key: self.levels[key].score.to_dict() for key in SCORE_KEYS})
        return out

    def render(self, *, show_errors: bool = False) -> str:
        """The text report, laid out as `score.py` prints it."""
        lines = [
            f"documents {self.documents}  predictions {self.predictions}  bad evidence spans {self.bad_evidence}",
            f"{'':16}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}{'dup':>6}",
        ]
        for key in SCORE_KEYS:
            s = self.levels[key].score.to_dict()  # the rounded figures, as the reference prints them
            lines.append(
                f"{key:16}{s['precision']:7.3f}{s['recall']:7.3f}{s['f1']:7.3f}"
                f"{s['tp']:6}{s['fp']:6}{s['fn']:6}{s['duplicates']:6}"
            )
        if show_errors:
            lines.extend(self.error_lines())
        return "\n".join(lines)

    def class_lines(self, *, each: bool = False) -> list[str]:
        """The false event records (full level) counted by error class (`ERROR_CLASSES`); with `each`, every
        false record with its class. Not part of the reference scorer's output: printed after it."""
        classes = self.levels["event.full"].false_classes
        if not classes:
            return []
        ordered = sorted(classes.items(), key=lambda kv: (-kv[1], kv[0]))
        lines = ["false event records by class: " + ", ".join(f"{name} {n}" for name, n in ordered)]
        if each:
            for false in self.levels["event.full"].false:
                golds = [g for g in self.gold_records.get(false.doc_id, []) if g.kind == "event"]
                why = error_class(false.prediction, golds, false.why == "duplicate")
                lines.append(f"CLASS  {why:<10} {false.doc_id}: {summary(false.prediction.fields)}")
        return lines

    def error_lines(self) -> list[str]:
        lines = []
        for key in ERROR_KEYS:
            result = self.levels[key]
            for miss in result.missed:
                quote = miss.gold.fields["evidence"][0][:90]
                lines.append(
                    f"MISSED {key} {miss.doc_id}/{miss.gold.fields['id']}: {summary(miss.gold.fields)} | {quote}"
                )
            for false in result.false:
                lines.append(f"FALSE  {key} {false.doc_id} ({false.why}): {summary(false.prediction.fields)}")
        return lines


def summary(record: dict[str, Any]) -> str:
    """One short line for a record: type, actor->recipient, date (and value, unit for measures)."""
    what = record.get("event") or record.get("measure")
    actors = ",".join(sorted(codes(record.get("actor")))) or "-"
    recipients = ",".join(sorted(codes(record.get("recipient")))) or "-"
    when = record.get("date") or record.get("period") or ""
    if record.get("kind") == "measure":
        when = f"{record.get('value')} {record.get('unit')} {when}"
    return f"{what} {actors}->{recipients} {when}".strip()


def _score_level(gold: Gold, preds: list[Prediction], kind: str, level: str) -> LevelResult:
    tp = fp = fn = duplicates = 0
    result = LevelResult()
    for doc_id in gold.documents:
        ps = [p for p in preds if p.doc == doc_id and p.kind == kind]
        gs = [g for g in gold.records if g.doc_id == doc_id and g.kind == kind]
        matched = match(ps, gs, level)
        for i, p in enumerate(ps):
            if i in matched:
                tp += not gs[matched[i]].optional
                continue
            fitting = [g for g in gs if fits(p, g, level)]
            if not fitting:
                fp += 1
                result.false.append(FalsePrediction(doc_id, "unmatched", p))
            elif any(not g.optional for g in fitting):
                fp += 1
                duplicates += 1
                result.false.append(FalsePrediction(doc_id, "duplicate", p))
            else:
                continue
            if kind == "event":
                why = error_class(p, gs, duplicate=bool(fitting))
                result.false_classes[why] = result.false_classes.get(why, 0) + 1
        taken = set(matched.values())
        for j, g in enumerate(gs):
            if j not in taken and not g.optional:
                fn += 1
                result.missed.append(Miss(doc_id, g))
    result.score = Score(tp=tp, fp=fp, fn=fn, duplicates=duplicates)
    return result


def _checked_predictions(gold: Gold, records: Iterable[dict[str, Any]]) -> tuple[list[Prediction], int]:
    kept, bad = [], 0
    for record in records:
        doc = record.get("doc")
        if record.get("kind") not in ("event", "measure") or not isinstance(doc, str) or doc not in gold.documents:
            continue
        spans = evidence_spans(record, gold.documents[doc].text)
        if spans is None:
            bad += 1
        else:
            kept.append(Prediction(fields=record, spans=tuple(spans)))
    return kept, bad


def score(gold: Gold, records: Iterable[dict[str, Any]]) -> Report:
    """Score predicted records (contract dicts) against a loaded gold file."""
    preds, bad = _checked_predictions(gold, records)
    levels: dict[str, LevelResult] = {}
    for kind, kind_levels in (("event", EVENT_LEVELS), ("measure", ("full",))):
        for level in kind_levels:
            levels[f"{kind}.{level}"] = _score_level(gold, preds, kind, level)
    return Report(documents=len(gold.documents), predictions=len(preds), bad_evidence=bad, levels=levels,
                  gold_records=gold.by_document())


# --- entry point ------------------------------------------------------------------------------------------------

Predictions = str | Path | Iterable[dict[str, Any] | Event | Measure]


def load_predictions(path: str | Path) -> list[dict[str, Any]]:
    """A predictions file: one contract record a line."""
    return [row for _, row in _read_jsonl(Path(path))]


def _as_dicts(records: Iterable[dict[str, Any] | Event | Measure]) -> Iterator[dict[str, Any]]:
    from diplograph.output import record_dict

    for record in records:
        yield record if isinstance(record, dict) else record_dict(record)


def extract_predictions(gold: Gold, *, actors_file: Path | None = None, batch_size: int = 64,
                        min_confidence: float | None = 0.0) -> list[dict[str, Any]]:
    """Run the extractor over the gold documents and return its records as contract dicts: those `extract` would
    print at `min_confidence` (None: the default thresholds; 0, the default here: every candidate)."""
    from diplograph.confidence import shown_by
    from diplograph.output import record_dict
    from diplograph.pipeline import Extractor

    extractor = Extractor(actors_file=actors_file)
    extractions = extractor.extract_documents(gold.documents.values(), batch_size=batch_size)
    return [record_dict(record) for extraction in extractions
            for record in filter(shown_by(extraction, min_confidence), extraction.records)]


def one_sentence_documents(gold: Gold) -> frozenset[str]:
    """The gold documents of one sentence, as the relevance pass splits them (their events get the sentence
    threshold)."""
    from diplograph.actors.gazetteer import default_gazetteer
    from diplograph.nlp.model import load_nlp
    from diplograph.nlp.parse import Parser

    parser = Parser(load_nlp(), default_gazetteer())
    return frozenset(doc_id for doc_id, doc in gold.documents.items() if parser.sentence_count(doc.text) == 1)


def held_out(gold: Gold, split: str | Path) -> Gold:
    """The gold file cut down to the documents a split file holds out (`{"held_out": [document ids]}`)."""
    path = Path(split)
    try:
        ids = json.loads(path.read_text(encoding="utf-8"))["held_out"]
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise InputError(str(path), f'not a split file ({{"held_out": [document ids]}}): {e}') from e
    wanted = {str(i) for i in ids} & set(gold.documents)
    if not wanted:
        raise InputError(str(path), "holds out none of the gold file's documents")
    return gold.subset(wanted)


RELIABILITY_BINS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)


def confidence_bins(scored: Iterable[tuple[float, bool]]) -> list[dict[str, Any]]:
    """A reliability table: (confidence, right) pairs in bins of 0.1, each with its records, how many are right,
    the share right and the mean confidence (a calibrated confidence has the share about equal to the mean)."""
    pairs = list(scored)
    rows = []
    for lo, hi in zip(RELIABILITY_BINS, RELIABILITY_BINS[1:], strict=False):
        inside = [(c, ok) for c, ok in pairs if lo <= c < hi or (hi == 1.0 and c == 1.0)]
        if not inside:
            continue
        right = sum(1 for _c, ok in inside if ok)
        rows.append({"bin": f"{lo:.1f}-{hi:.1f}", "records": len(inside), "right": right,
                     "share_right": round(right / len(inside), 3),
                     "mean_confidence": round(sum(c for c, _ok in inside) / len(inside), 3)})
    return rows


def reliability(gold: Gold, records: Iterable[dict[str, Any]], kind: str = "event") -> list[dict[str, Any]]:
    """How often the records of each confidence band are right: a record is right when it matches an annotated
    record (required or optional) at the full level, as the scorer matches them. Records with no confidence
    (imported rows) are left out."""
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for r in records:
        if r.get("kind", "event") == kind and r.get("confidence") is not None and r.get("doc") in gold.documents:
            by_doc.setdefault(str(r["doc"]), []).append(r)
    golds = gold.by_document()
    scored: list[tuple[float, bool]] = []
    for doc_id, rows in by_doc.items():
        text = gold.documents[doc_id].text
        preds = [Prediction(row, tuple(evidence_spans(row, text) or ())) for row in rows]
        matched = match(preds, [g for g in golds.get(doc_id, []) if g.kind == kind], "full")
        scored += [(float(row["confidence"]), i in matched) for i, row in enumerate(rows)]
    return confidence_bins(scored)


def render_reliability(rows: Sequence[dict[str, Any]]) -> list[str]:
    lines = ["reliability (every candidate event): confidence  records  right  share right  mean confidence"]
    lines += [f"  {r['bin']}  {r['records']:7d}  {r['right']:5d}  {r['share_right']:11.3f}  "
              f"{r['mean_confidence']:15.3f}" for r in rows]
    total = sum(r["records"] for r in rows)
    if total:  # expected calibration error: the records' mean distance between share right and mean confidence
        gap = sum(r["records"] * abs(r["share_right"] - r["mean_confidence"]) for r in rows) / total
        lines.append(f"  {total} records; mean gap between share right and confidence {gap:.3f}")
    return lines


def evaluate(
    gold_path: str | Path, predictions: Predictions | None = None, *, actors_file: Path | None = None,
    min_confidence: float | None = None, split: str | Path | None = None,
) -> Report:
    """Score `predictions` (a JSONL file or records) against a gold file; with none, extract them first.

    Records below `min_confidence` are left out, as `extract` leaves them out (None: the default threshold;
    0: every candidate). With `split`, only the documents the split file holds out are scored."""
    from diplograph.confidence import reader_threshold

    reader_threshold(min_confidence)  # a bad value fails before any extraction
    gold = _gold_of(gold_path, split)
    if predictions is None:
        return score(gold, extract_predictions(gold, actors_file=actors_file, min_confidence=min_confidence))
    return _scored(gold, _records_of(predictions), min_confidence)


def evaluate_with_reliability(
    gold_path: str | Path, predictions: Predictions | None = None, *, actors_file: Path | None = None,
    min_confidence: float | None = None, split: str | Path | None = None,
) -> tuple[Report, list[dict[str, Any]]]:
    """`evaluate`, and the reliability table of every candidate event (whatever the threshold), from one
    extraction: every candidate is extracted (or read) once, then scored at the threshold as `evaluate` scores a
    predictions file."""
    from diplograph.confidence import reader_threshold

    reader_threshold(min_confidence)
    gold = _gold_of(gold_path, split)
    records = extract_predictions(gold, actors_file=actors_file, min_confidence=0.0) if predictions is None \
        else _records_of(predictions)
    return _scored(gold, records, min_confidence), reliability(gold, records)


def _gold_of(gold_path: str | Path, split: str | Path | None) -> Gold:
    gold = load_gold(gold_path)
    return held_out(gold, split) if split is not None else gold


def _records_of(predictions: Predictions) -> list[dict[str, Any]]:
    return list(load_predictions(predictions) if isinstance(predictions, str | Path) else _as_dicts(predictions))


def _scored(gold: Gold, records: list[dict[str, Any]], min_confidence: float | None) -> Report:
    """The records at or above the threshold `extract` would apply, scored (a document of one sentence, and its
    lead event, take the thresholds of their own)."""
    from diplograph.confidence import passes, reader_threshold

    single: frozenset[str] = frozenset()
    if reader_threshold(min_confidence, one_sentence=True) != reader_threshold(min_confidence):
        single = one_sentence_documents(gold)
    leads = _leads(records, single)
    return score(gold, (r for r in records if passes(r, min_confidence, r.get("doc") in single, r.get("id") in leads)))


def _leads(records: list[dict[str, Any]], single: frozenset[str]) -> frozenset[str]:
    """The ids of the lead events (`confidence.lead_ids`) of the one-sentence documents among `records`."""
    from diplograph.confidence import lead_of

    by_doc: dict[str, list[dict[str, Any]]] = {}
    for r in records:
        if r.get("doc") in single and r.get("kind", "event") == "event":
            by_doc.setdefault(str(r["doc"]), []).append(r)
    return frozenset().union(*(lead_of(events) for events in by_doc.values()))
