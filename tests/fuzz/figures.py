"""The fuzzer's figures: facts exact overall, per table, per trait value and per engine/export."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from tests.fuzz.document import FuzzDocument
from tests.fuzz.score import Outcome, exact_share
from tests.fuzz.traits import TRAITS, channel


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
    return lines


def misses(results: Iterable[tuple[FuzzDocument, list[Outcome]]]) -> list[str]:
    """Each wrong, missing or spurious fact, tab-separated, with its seed and any finding at its place."""
    lines = ["seed\tstatus\tfact\texpected\tfound\tpage\tline\tfinding"]
    for doc, outcomes in results:
        for o in outcomes:
            if o.status != "exact":
                key = " ".join(str(k) for k in o.key)
                lines.append(
                    f"{doc.seed}\t{o.status}\t{key}\t{o.expected}\t{o.found}\t{o.page}\t{o.line}\t"
                    f"{o.finding or '-'}"
                )
    return lines
