"""The reader on the fixed fuzz sample (tests/fuzz/sample.py: 40 documents, six of them scanned),
made and digitized once a session (the ``fuzz_sample`` fixture): the figures the fuzzer prints,
and floors under them as measured.

The floors are what the reader measured when they were set, less a small margin for what OCR
makes of a scan; a change that reads more raises them, one that reads less fails here. They are
not the targets (99.5 % of facts, 98 % for every trait and engine): those are measured by
`make fuzz N=500`.
"""

from __future__ import annotations

from collections import defaultdict

import pandas as pd
import pytest

from tests.fuzz import engines
from tests.fuzz.document import FuzzDocument
from tests.fuzz.figures import figures
from tests.fuzz.run import report_ids
from tests.fuzz.sample import SampleRun
from tests.fuzz.scan import page_count
from tests.fuzz.score import Outcome, exact_share, expected_facts
from tests.fuzz.traits import SCANNED, channel

pytestmark = [
    pytest.mark.fuzz,
    pytest.mark.slow,
    pytest.mark.ocr,  # the sample's scans are read by Tesseract
    pytest.mark.xdist_group("fuzz_sample"),  # one worker makes and reads the sample
    pytest.mark.skipif(
        bool(engines.missing()), reason=f"not installed: {engines.missing()} (run tools/system-packages.sh)"
    ),
]

# Facts exact over the whole sample, and on each engine/export channel, in per cent: measured when
# set (81.41 % overall, 5,779 of 7,099 facts; each channel's figure in the comment), less half a
# point on the text channels and two points on the scans.
OVERALL_FLOOR = 80.9
CHANNEL_FLOORS = {
    "chromium/pdf": 99.2,  # 99.71
    "chromium/pdftotext-layout": 78.8,  # 79.31
    "chromium/pdftotext-raw": 81.1,  # 81.62
    "chromium/scan-bilevel": 74.4,  # 76.47
    "chromium/scan-grey": 15.0,  # 17.00
    "libreoffice/pdf": 57.2,  # 57.76
    "libreoffice/pdftotext-layout": 54.4,  # 54.96
    "libreoffice/pdftotext-raw": 93.5,  # 94.01
    "libreoffice/scan-bilevel": 40.2,  # 42.20
    "libreoffice/scan-grey": 73.4,  # 75.43
    "plain-text": 99.5,  # 100.00
    "reportlab/pdf": 95.2,  # 95.78
    "reportlab/pdftotext-layout": 84.9,  # 85.47
    "reportlab/pdftotext-raw": 93.9,  # 94.44
    "reportlab/scan-bilevel": 34.1,  # 36.13
    "reportlab/scan-grey": 75.0,  # 77.08
}
# The documents kompass rejected when the floors were set: a LibreOffice PDF of five pages, taken
# for "not a Kommunkompassen report: no area sections". The target is none.
REJECTED = {9234}
# The planted errors not found when the floors were set (seed, rule, area): 12 of the 44 planted.
# Every other planted error must be found; the target is all of them.
PLANTED_NOT_FOUND = {
    (9001, "area_sum_mismatch", 8), (9015, "total_mismatch", None), (9017, "area_sum_mismatch", 8),
    (9073, "total_mismatch", None), (9101, "area_sum_mismatch", 5), (9234, "area_sum_mismatch", 1),
    (9234, "total_mismatch", None), (9639, "score_exceeds_max", 2), (9736, "total_mismatch", None),
    (9753, "area_sum_mismatch", 3), (9753, "total_mismatch", None), (9935, "area_sum_mismatch", 3),
}  # fmt: skip
# The documents of the text channels (all but the scans) that had errors nobody planted when the
# floors were set, and how many (71 in 9 of the 34): misread tables. The target is none.
UNPLANTED_ERRORS = {9001: 3, 9004: 1, 9017: 15, 9024: 6, 9025: 1, 9068: 2, 9073: 8, 9100: 27, 9118: 8}


def _share(outcomes: list[Outcome]) -> float:
    exact, counted = exact_share(outcomes)
    return 100 * exact / counted


def test_every_document_is_made_and_read(fuzz_sample: SampleRun) -> None:
    assert [error for _, _, error in fuzz_sample.made if error] == []
    assert all(path is not None and path.exists() for _, path, _ in fuzz_sample.made)
    assert len(fuzz_sample.results) == len(fuzz_sample.made)
    # kompass read every document but those it rejected when the floors were set: a report row
    # with its identity exists, so its facts were scored from output
    rejected = {
        doc.seed
        for doc, outcomes in fuzz_sample.results
        if not any(o.key[0] == "reports" and o.status != "missing" for o in outcomes)
    }
    assert rejected <= REJECTED, rejected - REJECTED


def test_a_scan_has_the_pages_of_its_print_and_no_text_layer(fuzz_sample: SampleRun) -> None:
    scans = [(doc, path) for doc, path, _ in fuzz_sample.made if doc.traits["export"] in SCANNED]
    assert len(scans) >= 6
    for doc, path in scans:
        assert path is not None and path.suffix == ".pdf"
        assert engines.pdf_text(path).strip() == "", doc.seed
        assert page_count(path) == page_count(path.with_name(f"{doc.stem}.printed.pdf")) > 3, doc.seed


def test_the_figures_are_computed_on_the_sample(fuzz_sample: SampleRun) -> None:
    results = fuzz_sample.results
    lines = figures(results)
    assert lines[0].startswith("facts exact overall: ")
    counted = sum(exact_share(outcomes)[1] for _, outcomes in results)
    assert sum(len(expected_facts(doc.content)) for doc, _ in results) <= counted
    assert f"/{counted} = " in lines[0]
    for doc, _ in results:
        for trait, value in doc.traits.items():
            assert any(line.strip().startswith(f"{trait}={value} ") for line in lines), (trait, value)
    print("\n" + "\n".join(lines))


def test_the_reader_reads_at_least_as_much_as_measured(fuzz_sample: SampleRun) -> None:
    everything = [o for _, outcomes in fuzz_sample.results for o in outcomes]
    by_channel: dict[str, list[Outcome]] = defaultdict(list)
    for doc, outcomes in fuzz_sample.results:
        by_channel[channel(doc.traits)] += outcomes
    measured = {name: round(_share(outcomes), 1) for name, outcomes in sorted(by_channel.items())}
    assert _share(everything) >= OVERALL_FLOOR, (round(_share(everything), 2), measured)
    assert set(measured) == set(CHANNEL_FLOORS)
    below = {
        name: (share, CHANNEL_FLOORS[name])
        for name, share in measured.items()
        if share < CHANNEL_FLOORS[name]
    }
    assert below == {}, measured


def test_the_planted_errors_are_found_as_measured(fuzz_sample: SampleRun) -> None:
    """Each planted inconsistency comes out as the finding it must raise, at its area: all but
    those not found when the floors were set."""
    missed = {
        (doc.seed, *o.key[1:])
        for doc, outcomes in fuzz_sample.results
        for o in outcomes
        if o.key[0] == "issues" and o.status != "exact"
    }
    planted = sum(len(doc.content.planted) for doc, _ in fuzz_sample.results)
    assert planted == 44
    assert missed <= PLANTED_NOT_FOUND, missed - PLANTED_NOT_FOUND


def _planted(doc: FuzzDocument) -> set[tuple[str, int | None]]:
    """The findings the planted inconsistencies must raise: their own, and a sub-question's own
    points raised above its max also make its area's sub-questions sum to more than the summary."""
    planted = {(p.rule, p.area) for p in doc.content.planted}
    return planted | {("area_sum_mismatch", area) for rule, area in planted if rule == "score_exceeds_max"}


def test_no_error_is_found_that_was_not_planted_on_the_text_channels_beyond_those_measured(
    fuzz_sample: SampleRun,
) -> None:
    """On every channel but the scans (where OCR may misread a number, and the finding that says
    so is right), an error-severity finding is one a planted inconsistency raises; the documents
    that had others when the floors were set may have as many at most."""
    ids = report_ids(fuzz_sample.result.tables)
    issues = fuzz_sample.result.tables["issues"]
    errors = issues[issues["severity"] == "error"]
    unplanted: dict[int, list[tuple[str, int | None]]] = defaultdict(list)
    for doc, path, _ in fuzz_sample.made:
        if doc.traits["export"] in SCANNED or path is None:
            continue
        for row in errors[errors["report_id"] == ids[path.name]].to_dict("records"):
            finding = (row["rule"], None if pd.isna(row["area"]) else int(row["area"]))
            if finding not in _planted(doc):
                unplanted[doc.seed].append(finding)
    beyond = {seed: found for seed, found in unplanted.items() if len(found) > UNPLANTED_ERRORS.get(seed, 0)}
    assert beyond == {}
