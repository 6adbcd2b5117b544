"""The fuzzer's figures: facts exact overall, per table, per trait value and per engine/export; the
facts not read exactly without a finding at their place, by table; the error findings nobody
planted, by rule and by engine/export."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from tests.fuzz.document import FuzzDocument
from tests.fuzz.score import Outcome, exact_share
from tests.fuzz.traits import SCANNED, TRAITS, channel


def _pct(exact: int, counted: int) -> str:
    return f"{100 * exact / counted:6.2f}%" if counted else "     -"


def _rows(groups: dict[str, list[Outcome]], docs: dict[str, int]) -> list[str]:
    lines = []
    for name in sorted(groups):
        exact, counted = exact_share(groups[name])
        shown = f"{docs[name]:>4}" if docs else "    "
        lines.append(f"  {name:<34} {shown} {exact:>6}/{counted:<6} {_pct(exact, counted)}")
    return lines


def figures(results: list[tuple[FuzzDocument, list[Outcome]]]) -> list[str]:
    """The printed table of figures."""
    everything = [o for _, outcomes in results for o in outcomes]
    exact, counted = exact_share(everything)
    lines = [
        f"facts exact overall: {exact}/{counted} = {_pct(exact, counted).strip()} "
        f"({len(results)} documents; spurious rows count as misses)",
        "",
    ]
    by_table: dict[str, list[Outcome]] = defaultdict(list)
    for o in everything:
        by_table[o.key[0]].append(o)
    lines += ["                                     docs  exact/counted", "per table", *_rows(by_table, {})]
    by_channel: dict[str, list[Outcome]] = defaultdict(list)
    channel_docs: dict[str, int] = defaultdict(int)
    for doc, outcomes in results:
        by_channel[channel(doc.traits)] += outcomes
        channel_docs[channel(doc.traits)] += 1
    lines += ["", "per engine/export", *_rows(by_channel, channel_docs)]
    lines += ["", "per trait value"]
    for trait in TRAITS:
        groups: dict[str, list[Outcome]] = defaultdict(list)
        docs: dict[str, int] = defaultdict(int)
        for doc, outcomes in results:
            groups[f"{trait}={doc.traits[trait]}"] += outcomes
            docs[f"{trait}={doc.traits[trait]}"] += 1
        lines += _rows(groups, docs)
    return lines + unplaced(results) + unplanted(results)


def unplaced(results: list[tuple[FuzzDocument, list[Outcome]]]) -> list[str]:
    """How many wrong or missing facts have no finding at their place (page and line), by table."""
    lost: dict[str, list[Outcome]] = defaultdict(list)
    for _, outcomes in results:
        for o in outcomes:
            if o.status in ("wrong", "missing"):
                lost[o.key[0]].append(o)
    lines = ["", "wrong or missing facts without a finding at their place (page and line)"]
    for table in sorted(lost):
        bare = sum(not o.placed for o in lost[table])
        lines.append(f"  {table:<34}      {bare:>6}/{len(lost[table]):<6}")
    total = sum(not o.placed for group in lost.values() for o in group)
    return [*lines, f"  {'all':<34}      {total:>6}/{sum(map(len, lost.values())):<6}"]


def unplanted(results: list[tuple[FuzzDocument, list[Outcome]]]) -> list[str]:
    """The error-severity findings no planted inconsistency raises, by rule and by engine/export;
    on a scan OCR may misread a number, and the finding that says so is right."""
    by_rule: dict[str, int] = defaultdict(int)
    by_channel: dict[str, int] = defaultdict(int)
    documents: dict[str, set[int]] = defaultdict(set)
    for doc, outcomes in results:
        scanned = doc.traits["export"] in SCANNED
        for o in outcomes:
            if o.status == "unplanted":
                by_rule[f"{o.key[1]}{' (scans)' if scanned else ''}"] += 1
                by_channel[channel(doc.traits)] += 1
                documents["scans" if scanned else "text"].add(doc.seed)
    text = sum(n for rule, n in by_rule.items() if not rule.endswith("(scans)"))
    lines = [
        "",
        f"error findings nobody planted: {text} on {len(documents['text'])} documents not scanned, "
        f"{sum(by_rule.values()) - text} on {len(documents['scans'])} scans",
    ]
    lines += [f"  {rule:<34}      {by_rule[rule]:>6}" for rule in sorted(by_rule)]
    lines += [f"  {name:<34}      {by_channel[name]:>6}" for name in sorted(by_channel)]
    return lines


def _placed(o: Outcome) -> str:
    """Whether a wrong or missing fact has a finding at its place; "-" for other outcomes."""
    if o.status not in ("wrong", "missing"):
        return "-"
    return "yes" if o.placed else "no"


def misses(results: Iterable[tuple[FuzzDocument, list[Outcome]]]) -> list[str]:
    """Each wrong, missing or spurious fact, tab-separated, with its seed and any finding at its place."""
    lines = ["seed\tstatus\tfact\texpected\tfound\tpage\tline\tfinding\tplaced"]
    for doc, outcomes in results:
        for o in outcomes:
            if o.status != "exact":
                key = " ".join(str(k) for k in o.key)
                lines.append(
                    f"{doc.seed}\t{o.status}\t{key}\t{o.expected}\t{o.found}\t{o.page}\t{o.line}\t"
                    f"{o.finding or '-'}\t{_placed(o)}"
                )
    return lines
