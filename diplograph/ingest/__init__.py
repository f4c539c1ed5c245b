"""Readers: plain text, HTML pages, corpus JSONL/JSON and RSS/Atom feeds, from files, folders or standard input.

    read_sources(["articles/", "corpus.jsonl", "-"], published="2015-04-30")

yields a `Document` for every article and a `ReadProblem` (origin + problem in plain words) for every file, line
or entry that cannot be read; reading always goes on with the rest. Formats are chosen by file suffix
(`SUPPORTED_SUFFIXES`, each also as `.gz`); standard input is sniffed.
"""

from diplograph.ingest.base import ReadProblem
from diplograph.ingest.sources import SUPPORTED_SUFFIXES, read_sources

__all__ = ["SUPPORTED_SUFFIXES", "ReadProblem", "read_sources"]
