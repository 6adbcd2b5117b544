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

import pytest

from tests.fuzz import engines
from tests.fuzz.figures import figures
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
# set (99.19 %, 6,973 of 7,030 facts, on main at 706a52d, 8 December 2026; raised from 98.15 % at
# 1bf7f58, 97.16 % at e089531 and the first floors of 92.78 %; each channel's figure in the
# comment), less half a point on the text channels and two points on the scans. libreoffice/pdf
# measured 97.61 % at 1bf7f58 and 97.16 % now: its floor stays where it was set.
OVERALL_FLOOR = 98.7
CHANNEL_FLOORS = {
    "chromium/pdf": 99.2,  # 99.71
    "chromium/pdftotext-layout": 98.7,  # 99.23
    "chromium/pdftotext-raw": 99.5,  # 100.00
    "chromium/scan-bilevel": 96.2,  # 98.24
    "chromium/scan-grey": 94.2,  # 96.26
    "libreoffice/pdf": 97.1,  # 97.16
    "libreoffice/pdftotext-layout": 96.2,  # 96.72
    "libreoffice/pdftotext-raw": 99.5,  # 100.00
    "libreoffice/scan-bilevel": 96.8,  # 98.84
    "libreoffice/scan-grey": 97.4,  # 99.42
    "plain-text": 99.5,  # 100.00
    "reportlab/pdf": 99.5,  # 100.00
    "reportlab/pdftotext-layout": 99.5,  # 100.00
    "reportlab/pdftotext-raw": 99.5,  # 100.00
    "reportlab/scan-bilevel": 94.1,  # 96.13
    "reportlab/scan-grey": 97.4,  # 99.48
}
# The documents kompass rejected when the floors were set: none (a LibreOffice PDF of five pages,
# 9234, was taken for "not a Kommunkompassen report" until the readers of 7 December 2026).
REJECTED: set[int] = set()
# The planted errors not found when the floors were set (seed, rule, area): 2 of the 44 planted (5
# at the first floors; 9051's, 9073's and 9118's are found since the readers of 7 December 2026).
# Every other planted error must be found; the target is all of them.
PLANTED_NOT_FOUND = {(9017, "area_sum_mismatch", 8), (9234, "total_mismatch", None)}
# The documents of the text channels (all but the scans) that had errors nobody planted when the
# floors were set, and how many: misread tables. The target is none. 9017 is a LibreOffice layout
# export with two per-area score tables side by side, ids broken from their stops and names (rows
# of the right table read into the left one); the others of the first floors (9024, 9025, 9068,
# 9100, 9118, 9234: 35 in all) have none since the reader fixes of 7 December. (History
# mismatches between the sample's own reports of one municipality are true of the batch and not
# counted.)
UNPLANTED_ERRORS = {9017: 1}


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
        if o.key[0] == "issues" and o.status not in ("exact", "unplanted")
    }
    planted = sum(len(doc.content.planted) for doc, _ in fuzz_sample.results)
    assert planted == 44
    assert missed <= PLANTED_NOT_FOUND, missed - PLANTED_NOT_FOUND


def test_no_error_is_found_that_was_not_planted_on_the_text_channels_beyond_those_measured(
    fuzz_sample: SampleRun,
) -> None:
    """On every channel but the scans (where OCR may misread a number, and the finding that says
    so is right), an error-severity finding is one a planted inconsistency raises (or the sample's
    reports of one municipality, contradicting each other); the documents that had others when the
    floors were set may have as many at most."""
    unplanted = {
        doc.seed: [o.key[1:] for o in outcomes if o.status == "unplanted"]
        for doc, outcomes in fuzz_sample.results
        if doc.traits["export"] not in SCANNED
    }
    beyond = {seed: found for seed, found in unplanted.items() if len(found) > UNPLANTED_ERRORS.get(seed, 0)}
    assert beyond == {}
