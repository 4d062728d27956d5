"""Seed 002 alone: the damage ARTIFACTS.md describes is found and repaired."""

import json
import re

import pytest

import repair
from conftest import SEEDS

CHUNK_LINES = json.loads((SEEDS.parent / "reference" / "002.chunk_lines.json").read_text(encoding="utf-8"))
PUA = re.compile("[\ue000-\uf8ff]+")


@pytest.fixture(scope="module")
def result(broken):
    return repair.fix_and_explain(broken)


def chunk_repairs(result) -> dict:
    return {c.line: c.after for c in result.changes if c.kind == "chunk_reversal"}


@pytest.mark.parametrize("case", CHUNK_LINES, ids=lambda c: f"line{c['line']}")
def test_chunk_reversed_line_has_its_seams_joined(result, case):
    """Every one of the nine lines: the split words are whole again and no fragment is left."""
    assert sorted(chunk_repairs(result)[case["line"]].split()) == sorted(case["logical"].split())


MULTI_CHUNK = [c for c in CHUNK_LINES if c["line"] in (50, 73, 74)]


@pytest.mark.parametrize("case", MULTI_CHUNK, ids=lambda c: f"line{c['line']}")
def test_lines_cut_more_than_once_come_back_exactly(result, case):
    """Three or four chunks: the seams alone fix the order."""
    assert case["logical"] in result.text


def test_where_rotated_lines_start(result, broken):
    """Two-chunk lines are rotations: only word-pair evidence across the neighbouring lines says
    where the line starts. The offline pair model gets 4 of the 9 lines of 002 exactly right alone
    and 6 with the siblings' word pairs (see README, Limits); this guards against regressions."""
    def exact(res):
        repairs = chunk_repairs(res)
        return sum(repairs.get(c["line"]) == c["logical"] for c in CHUNK_LINES)

    assert exact(result) >= 4
    siblings = [p for p in sorted(SEEDS.glob("00[0134]_*.txt"))]
    assert exact(repair.fix_and_explain(broken, siblings=siblings)) >= 6


def test_wrong_rotations_are_reported_unsure(result):
    """A line whose start the pair model could not settle says so in its confidence."""
    repairs = {c.line: c for c in result.changes if c.kind == "chunk_reversal"}
    for case in CHUNK_LINES:
        if repairs[case["line"]].after != case["logical"]:
            assert repairs[case["line"]].confidence < 0.95


def test_no_tatweel_left(result):
    assert "\u0640" not in result.text


def test_every_figure_reported_unknown_and_kept(result, broken):
    runs = PUA.findall(broken)
    assert len(runs) == 8
    assert [f.status for f in result.figures] == ["unknown"] * 8
    assert [f.slot for f in result.figures] == runs
    assert PUA.findall(result.text) == runs
    assert not any(c.kind == "figure" for c in result.changes)


def test_no_digit_invented(result, broken):
    assert re.findall(r"\d", result.text) == re.findall(r"\d", broken)


def test_english_tweet_left_as_it_is(result):
    tweet = "This is how the #Aleppo map looks like today: green for\nrebels and red for government forces. #حلب"
    assert tweet in result.text
    assert "pic.twitter.com/swCPZdvtBB" in result.text


def test_wrapped_lines_joined_page_breaks_closed(result):
    assert "وفق ما أفاد المرصد السوري لحقوق." in result.text
    assert "للدول المعنية خصوصا النظام السوري" in result.text
    assert "\n\nانتصارات على حلب.. وآلاف النازحين\n\n" in result.text


def test_paragraph_indents_removed(result):
    assert not re.search(r"^ [^ ]", result.text.rstrip(" "), re.M)


def test_every_change_is_explained_with_input_offsets(result, broken):
    assert result.changes
    for c in result.changes:
        assert 0 <= c.start <= c.end <= len(broken)
        assert 0 < c.confidence <= 1
        assert c.evidence
        assert c.line == broken.count("\n", 0, c.start) + 1
    kashida = [c for c in result.changes if c.kind == "kashida"]
    assert all(broken[c.start:c.end] == c.before for c in kashida)


def test_diagnosis_counts_without_changing(broken):
    d = repair.diagnose(broken)
    assert d.counts["chunk_reversal"] == 9
    assert d.counts["figure_unknown"] == 8
    assert 0.05 < d.score <= 1
