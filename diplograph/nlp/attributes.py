"""The model's attribute ruler (tag -> part of speech and morphology, plus its exceptions), applied in one pass.

spaCy's `AttributeRuler` runs its ~180 patterns through the general `Matcher`, whose set and regular-expression
predicates are evaluated in Python for every token: on news it costs as much as the parser. This reads the same
patterns and applies them with dictionary lookups: a token is only checked against the patterns whose first
word could be it (by its lower-case form or its tag), plus the few that test other things. The result is the
same as the model's component, attribute for attribute (tests/test_parse.py compares them on the sample stories
and on sentences written to hit every kind of pattern): matches are found on the tokens as they came from the
parser, then applied in the order of the patterns, a later one overriding an earlier one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

# What a pattern may test, in the order of the columns read for every token (string hashes, and IS_SPACE as 0/1)
FIELDS = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}
REGEX_KEPT = 100_000  # word forms whose regular-expression answers are kept
SET = ("TAG", "POS", "MORPH", "LEMMA")  # written back as arrays, in this column order; DEP token by token
Word = list[int]
Test = Callable[[Word], bool]
Check = Callable[[list[Word], int], bool] | None  # whether a pattern matches at i; None: its index key says it all
Entry = tuple["Rule", int, Check]


@dataclass(frozen=True)
class Rule:
    order: int
    patterns: tuple[tuple[Test, ...], ...]
    values: tuple[tuple[int, int], ...]  # (column of SET, value) to write
    dep: str | None
    index: int


class FastAttributeRuler:
    """Stands in for the model's `attribute_ruler` component: same patterns, same result, less time."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.vocab = ruler.vocab
        self.by_value: list[dict[int, list[Entry]]] = [{} for _ in FIELDS]
        self.always: list[Entry] = []
        for order, spec in enumerate(cast(list[dict[str, Any]], ruler.patterns)):
            rule = self._rule(order, spec)
            for pattern, raw in zip(rule.patterns, spec["patterns"], strict=True):
                self._index(rule, pattern, raw)

    def _rule(self, order: int, spec: dict[str, Any]) -> Rule:
        from spacy.parts_of_speech import IDS as POS_IDS

        strings = self.vocab.strings
        values = []
        for key, value in spec["attrs"].items():
            if key == "DEP":
                continue
            if key not in SET:
                raise ValueError(f"attribute ruler pattern sets an attribute this reader does not know: {key}")
            if key == "POS":
                number = POS_IDS[value]
            elif key == "MORPH":
                number = self.vocab.morphology.add(value)
            else:
                number = strings.add(value)
            values.append((SET.index(key), number))
        patterns = tuple(tuple(self._word_test(word) for word in p) for p in spec["patterns"])
        return Rule(order, patterns, tuple(values), spec["attrs"].get("DEP"), spec["index"])

    def _index(self, rule: Rule, pattern: tuple[Test, ...], raw: list[dict[str, Any]]) -> None:
        """File a pattern under the values its first word must have (lower-case form, tag, dependency or
        whitespace), so that a token is tried only against the patterns that can start at it."""
        first = raw[0]
        for key in ("LOWER", "TAG", "DEP", "IS_SPACE"):
            values = _required_values(first.get(key))
            if values is not None:
                check = None if len(raw) == 1 and len(first) == 1 else _check(pattern)
                for value in values:
                    self.by_value[FIELDS[key]].setdefault(self._number(value), []).append((rule, len(raw), check))
                return
        self.always.append((rule, len(raw), _check(pattern)))

    def _number(self, value: str | bool) -> int:
        return int(value) if isinstance(value, bool) else self.vocab.strings.add(value)

    def _word_test(self, spec: dict[str, Any]) -> Test:
        tests = [self._field_test(FIELDS[key], value) for key, value in spec.items()]
        return lambda word: all(test(word) for test in tests)

    def _field_test(self, field: int, value: Any) -> Test:
        if not isinstance(value, dict):
            number = self._number(value)
            return lambda word: word[field] == number
        ((op, arg),) = value.items()
        if op in ("IN", "NOT_IN"):
            numbers = frozenset(self._number(v) for v in arg)
            if op == "IN":
                return lambda word: word[field] in numbers
            return lambda word: word[field] not in numbers
        if op == "REGEX":  # tried at every word: the answer is kept per word form
            regex, strings = re.compile(arg), self.vocab.strings
            answers: dict[int, bool] = {}

            def matches(word: Word) -> bool:
                value = word[field]
                answer = answers.get(value)
                if answer is None:
                    if len(answers) > REGEX_KEPT:
                        answers.clear()
                    answer = answers[value] = regex.search(strings[value]) is not None
                return answer
            return matches
        raise ValueError(f"attribute ruler pattern with an operator this reader does not know: {op}")

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG

        if not len(doc):
            return doc
        table: Any = doc.to_array([LOWER, TAG, DEP, IS_SPACE, TAG, POS, MORPH, LEMMA])
        words = table[:, :4].tolist()
        out = table[:, 4:]
        deps = []
        for _, start, length, rule in sorted(self._matches(words), key=lambda m: (m[0], m[1])):
            position = start + (rule.index if rule.index >= 0 else length + rule.index)
            for column, number in rule.values:
                out[position, column] = number
            if rule.dep is not None:
                deps.append((position, rule.dep))
        doc.from_array([TAG, POS, MORPH, LEMMA], out)
        for position, dep in deps:
            doc[position].dep_ = dep
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:  # noqa: ARG002 - spaCy's signature
        return map(self, docs)

    def _matches(self, words: list[Word]) -> Iterator[tuple[int, int, int, Rule]]:
        by_lower, by_tag, by_dep, by_space = self.by_value
        n = len(words)
        for i, (lower, tag, dep, space) in enumerate(words):
            entries = [*by_lower.get(lower, ()), *by_tag.get(tag, ()), *by_dep.get(dep, ()),
                       *by_space.get(space, ()), *self.always]
            for rule, length, check in entries:
                if i + length <= n and (check is None or check(words, i)):
                    yield rule.order, i, length, rule


def _check(pattern: tuple[Test, ...]) -> Check:
    if len(pattern) == 1:
        (test,) = pattern
        return lambda words, i: test(words[i])
    return lambda words, i: all(test(words[i + k]) for k, test in enumerate(pattern))


def _required_values(test: Any) -> list[Any] | None:
    if isinstance(test, str | bool):
        return [test]
    if isinstance(test, dict) and set(test) == {"IN"}:
        return list(test["IN"])
    return None


class CachedLemmatizer:
    """Stands in for the model's rule `lemmatizer`: the same lemma for a word with the same part of speech and
    morphology, remembered across documents instead of worked out for every token (news repeats its words)."""

    LIMIT = 200_000  # remembered words before the memory starts again

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self.known: dict[tuple[int, int, int], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if not len(doc):
            return doc
        table: Any = doc.to_array([ORTH, POS, MORPH, LEMMA])
        strings = doc.vocab.strings
        if len(self.known) > self.LIMIT:
            self.known.clear()
        lemmas = table[:, 3]
        for i, (orth, pos, morph, lemma) in enumerate(table.tolist()):
            if lemma:
                continue  # set by the attribute ruler; the model's lemmatizer does not overwrite
            key = (orth, pos, morph)
            word = self.known.get(key)
            if word is None:
                word = self.known[key] = self.lemmatizer.lemmatize(doc[i])[0]
            lemmas[i] = strings.add(word)
        doc.from_array([LEMMA], lemmas)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:  # noqa: ARG002 - spaCy's signature
        return map(self, docs)
