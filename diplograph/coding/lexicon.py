"""The event lexicon (data/lexicon.toml, extensible with a user file of the same layout)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Any

from diplograph.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Reading:
    """What a trigger means: PLOVER type, mode and contexts. `reverse`: the verb's subject is the recipient and
    its object the actor ('hosted X' is X's visit: PLOVER codes the host as the recipient)."""

    event: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    reverse: bool = False


@dataclass(frozen=True, slots=True)
class Predicate:
    """A lexicon entry: a verb or noun lemma and how to read it."""

    lemma: str
    pos: str  # verb | noun
    reading: Reading
    frame: str | None = None  # complement | None
    objects: frozenset[str] = frozenset()
    by_object: tuple[tuple[frozenset[str], Reading], ...] = ()
    requires: frozenset[str] = frozenset()
    modifiers: frozenset[str] = frozenset()
    preps: tuple[str, ...] = ()
    particle: frozenset[str] = frozenset()  # any of these particles must follow ('pull out', 'pull back')
    complement_needs_modal: bool = False
    needs_complement: bool = False
    topic_object: bool = False  # the object is what is talked about, not a party ('discussed China')
    listing: bool = False  # a list targets are put on ('added X to its blacklist'): the verb's object is hit
    subjects: frozenset[str] = frozenset()  # the verb only counts with such a subject ('missiles hit', not 'a storm')
    by_particle: dict[str, Reading] = field(default_factory=dict)  # 'call off' a strike: another reading
    by_subject: tuple[tuple[frozenset[str], Reading], ...] = ()  # 'thousands of people protested': PROTEST

    @property
    def rule(self) -> str:
        return f"{self.pos}:{self.lemma}"

    def subject_reading(self, words: frozenset[str]) -> Reading | None:
        """The reading this predicate gives a subject of the class `words` (None when it gives it none)."""
        return next((r for cls, r in self.by_subject if words and words <= cls), None)


@dataclass
class Lexicon:
    verbs: dict[str, Predicate] = field(default_factory=dict)
    nouns: dict[str, Predicate] = field(default_factory=dict)
    phrases: dict[tuple[str, ...], str] = field(default_factory=dict)  # lemma sequence -> noun key
    classes: dict[str, frozenset[str]] = field(default_factory=dict)
    irregular: dict[str, str] = field(default_factory=dict)  # word form -> lemma the lemmatizer may miss

    @cached_property
    def phrase_firsts(self) -> frozenset[str]:
        """First words of the multi-word triggers, so most tokens skip the phrase lookup."""
        return frozenset(p[0] for p in self.phrases)

    def lemma(self, word: str, lemma: str) -> str:
        return self.irregular.get(word, lemma)

    def reading_for_object(self, pred: Predicate, object_lemma: str | None,
                           more: list[str] | None = None) -> Reading:
        """The reading for the verb's object ('__none__' when it has none); `more` are other words of the object
        to try after its lemma (its modifiers, '__named__')."""
        keys = [object_lemma if object_lemma is not None else "__none__", *(more or [])]
        for key in keys:
            for words, reading in pred.by_object:
                if key in words:
                    return reading
        return pred.reading


# The keys an entry may have; anything else is a typo that would silently do nothing.
ENTRY_KEYS = frozenset({"event", "mode", "context", "reverse", "frame", "objects", "by_object", "requires",
                        "modifiers", "preps", "particle", "complement_needs_modal", "needs_complement", "by_particle",
                        "by_subject", "topic_object", "listing", "subjects"})
READING_KEYS = frozenset({"event", "mode", "context", "reverse"})
FRAMES = frozenset({"complement"})


def _reading(spec: dict[str, Any], where: str, keys: frozenset[str] = READING_KEYS) -> Reading:
    """A reading checked against the ontology: a PLOVER type, one of its modes, known contexts."""
    from diplograph.ontology import validate_event

    if not isinstance(spec, dict):
        raise ConfigError(f"{where}: expected a table with 'event', got {spec!r}")
    unknown = sorted(set(spec) - keys)
    if unknown:
        raise ConfigError(f"{where}: unknown key(s) {', '.join(unknown)} (known: {', '.join(sorted(keys))})")
    if "event" not in spec:
        raise ConfigError(f"{where}: missing 'event'")
    context = spec.get("context", ())
    if isinstance(context, str) or not all(isinstance(c, str) for c in context):
        raise ConfigError(f"{where}: 'context' must be a list of PLOVER contexts")
    problems = validate_event(str(spec["event"]), spec.get("mode"), context)
    if problems:
        raise ConfigError(f"{where}: {'; '.join(problems)}")
    return Reading(spec["event"], spec.get("mode"), tuple(context), bool(spec.get("reverse", False)))


def _expand(words: list[str], classes: dict[str, frozenset[str]]) -> frozenset[str]:
    out: set[str] = set()
    for w in words:
        out |= classes.get(w, {w})
    return frozenset(out)


def _particles(value: Any) -> frozenset[str]:
    """'particle' is one word or a list of them."""
    if value is None:
        return frozenset()
    return frozenset([value] if isinstance(value, str) else value)


def _predicate(lemma: str, pos: str, spec: dict[str, Any], classes: dict[str, frozenset[str]],
               where: str) -> Predicate:
    reading = _reading(spec, where, ENTRY_KEYS)
    if spec.get("frame") is not None and spec["frame"] not in FRAMES:
        raise ConfigError(f"{where}: unknown frame {spec['frame']!r} (known: {', '.join(sorted(FRAMES))})")
    by_object = tuple((_expand([cls], classes), _reading(r, f"{where}.by_object.{cls}"))
                      for cls, r in spec.get("by_object", {}).items())
    return Predicate(
        lemma=lemma.replace("_", " "), pos=pos, reading=reading, frame=spec.get("frame"),
        objects=_expand(spec.get("objects", []), classes), by_object=by_object,
        requires=frozenset(spec.get("requires", ())), modifiers=frozenset(spec.get("modifiers", ())),
        preps=tuple(spec.get("preps", ())), particle=_particles(spec.get("particle")),
        complement_needs_modal=bool(spec.get("complement_needs_modal", False)),
        needs_complement=bool(spec.get("needs_complement", False)),
        topic_object=bool(spec.get("topic_object", False)),
        listing=bool(spec.get("listing", False)),
        subjects=_expand(spec.get("subjects", []), classes),
        by_particle={prt: _reading(r, f"{where}.by_particle.{prt}") for prt, r in spec.get("by_particle", {}).items()},
        by_subject=tuple((_expand([cls], classes), _reading(r, f"{where}.by_subject.{cls}"))
                         for cls, r in spec.get("by_subject", {}).items()),
    )


def merge(lexicon: Lexicon, data: dict[str, Any], where: str) -> Lexicon:
    """Add (or override) the entries of a parsed lexicon file."""
    for name, words in data.get("classes", {}).items():
        lexicon.classes[name] = lexicon.classes.get(name, frozenset()) | frozenset(words)
    for lemma, spec in data.get("verbs", {}).items():
        lexicon.verbs[lemma] = _predicate(lemma, "verb", spec, lexicon.classes, f"{where}: verbs.{lemma}")
    for key, spec in data.get("nouns", {}).items():
        lexicon.nouns[key.replace("_", " ")] = _predicate(key, "noun", spec, lexicon.classes, f"{where}: nouns.{key}")
    lexicon.irregular.update({k.lower(): v.lower() for k, v in data.get("irregular", {}).items()})
    for phrase, key in data.get("phrases", {}).items():
        lexicon.phrases[tuple(phrase.lower().split())] = key.replace("_", " ")
    return lexicon


def _parse(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise ConfigError(f"{path}: cannot read lexicon: {e.strerror or e}") from e
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: not a valid lexicon file: {e}") from e


def load(extra: Path | None = None) -> Lexicon:
    packaged = Path(str(resources.files("diplograph.coding").joinpath("data", "lexicon.toml")))
    lexicon = merge(Lexicon(), _parse(packaged), "lexicon.toml")
    if extra is not None:
        merge(lexicon, _parse(extra), str(extra))
    return lexicon


@cache
def default_lexicon() -> Lexicon:
    from diplograph import config

    value = config.get("lexicon")
    return load(Path(value) if value else None)
