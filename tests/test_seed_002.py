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


@pytest.mark.parametrize("case", CHUNK_LINES, ids=lambda c: f"line{c['line']}")
def test_chunk_reversed_line_restored(result, case):
    assert case["logical"] in result.text


def test_nine_chunk_reversal_changes_on_the_right_lines(result):
    lines = sorted(c.line for c in result.changes if c.kind == "chunk_reversal")
    assert lines == [c["line"] for c in CHUNK_LINES]


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
