"""Build diplograph/ontology/data/cameo_plover.csv from the reference files.

    python scripts/build_cameo_table.py            (run from the repository root)

Reads ../shared/reference/cameo-codes.csv (every CAMEO code, name, Goldstein score) and
../shared/reference/CAMEO2PLOVER-2021.txt (CAMEO code -> PLOVER type, mode, context), and writes one row per
CAMEO code: cameo,name,goldstein,plover,mode,context. Codes the mapping leaves out get an empty plover.
Several contexts are joined with ";".

The 2021 mapping predates the final mode and context lists of the manual in places. So that every row
validates against plover.toml, the names below are translated; each entry says why.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
REFERENCE = REPO.parent / "shared" / "reference"
OUTPUT = REPO / "diplograph" / "ontology" / "data" / "cameo_plover.csv"

# (PLOVER type, old mode) -> mode in the manual's lists ("" = no mode).
MODE_FIXES = {
    ("RETREAT", "ease"): "",  # the mapping itself notes that "ease" is no longer a mode
    ("RETREAT", "return"): "",  # "return" (property) was dropped from the RETREAT modes
    ("THREATEN", "ban"): "restrict",  # THREATEN restrict covers banning parties or people
    ("THREATEN", "political"): "restrict",  # 1321: threaten limits on speech and assembly
    ("COERCE", "ban"): "restrict",  # COERCE restrict covers banning from political life
    ("ASSAULT", "seize"): "destroy",  # 1712 "Destroy property": seize is not an ASSAULT mode
    ("ASSAULT", "assassinate"): "targeted",  # targeted covers assassinations
    ("ASSAULT", "massacre"): "targeted",  # targeted covers mass killings of the defenceless
    ("ASSAULT", "cleansing"): "",  # "cleansing" was dropped from the ASSAULT modes
}
# Old context -> context in the manual's list.
CONTEXT_FIXES = {
    "democracy": "pro_democracy",
    "humanitarian": "human_security",  # no humanitarian context; relief goods are food, water, shelter
}
# A context written in the mode column (175: "ASSAULT, pro_autocracy, military").
MODE_IS_CONTEXT = {"pro_autocracy"}


def read_mapping(path: Path) -> dict[str, tuple[str, str, list[str]]]:
    """CAMEO code -> (type, mode, contexts); the first line for a code wins (08 is listed twice)."""
    mapping: dict[str, tuple[str, str, list[str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d{2,4}):\s*([^#]*)", line)
        if match and match.group(1) not in mapping:
            mapping[match.group(1)] = parse_fields(match.group(2))
    return mapping


def parse_fields(text: str) -> tuple[str, str, list[str]]:
    fields = [field.strip() for field in text.split(",")] + ["", ""]
    plover, mode, context = fields[0], fields[1], fields[2]
    contexts = [CONTEXT_FIXES.get(c.strip(), c.strip()) for c in context.split(";") if c.strip()]
    if mode in MODE_IS_CONTEXT:
        contexts.insert(0, mode)
        mode = ""
    return plover, MODE_FIXES.get((plover, mode), mode), contexts


def build_rows(mapping: dict[str, tuple[str, str, list[str]]]) -> list[dict[str, str]]:
    rows = []
    with (REFERENCE / "cameo-codes.csv").open(encoding="utf-8", errors="replace", newline="") as handle:
        for record in csv.DictReader(handle):
            plover, mode, contexts = mapping.get(record["code"], ("", "", []))
            name = record["name"].strip()
            rows.append(
                dict(
                    cameo=record["code"],
                    name=name,
                    goldstein=record["goldstein"],
                    plover=plover,
                    mode=mode,
                    context=";".join(contexts),
                )
            )
    return rows


def main() -> None:
    mapping = read_mapping(REFERENCE / "CAMEO2PLOVER-2021.txt")
    rows = build_rows(mapping)
    missing = sorted(set(mapping) - {row["cameo"] for row in rows})
    with OUTPUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUTPUT.relative_to(REPO)}; mapped codes not in the codebook: {missing}")


if __name__ == "__main__":
    main()
