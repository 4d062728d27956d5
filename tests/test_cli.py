"""The command line: fix, scan, explain, and bad input handled in one line."""

import json
import os
import subprocess
import sys

import pytest

from conftest import CLEAN_SEEDS, ROOT, read, seed

BROKEN = seed("002")


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "repair", *map(str, args)], input=stdin,
                          capture_output=True, cwd=ROOT)


def test_fix_writes_output_and_report(tmp_path):
    out, report = tmp_path / "out.txt", tmp_path / "report.json"
    proc = run("fix", BROKEN, "-o", out, "--report", report)
    assert proc.returncode == 0, proc.stderr
    assert "\u0640" not in out.read_text(encoding="utf-8")
    data = json.loads(report.read_text(encoding="utf-8"))
    assert {"changes", "figures", "diagnosis"} <= data.keys()
    change = data["changes"][0]
    assert {"kind", "line", "start", "end", "before", "after", "confidence", "evidence"} <= change.keys()
    assert {"value", "status", "source", "context"} <= data["figures"][0].keys()


def test_fix_stdin_to_stdout_matches_library():
    import repair

    proc = run("fix", "-", stdin=BROKEN.read_bytes())
    assert proc.returncode == 0
    assert proc.stdout.decode("utf-8") == repair.fix_text(read(BROKEN))


@pytest.mark.parametrize("path", CLEAN_SEEDS, ids=lambda p: p.name)
def test_fix_clean_seed_is_byte_identical(path):
    proc = run("fix", path)
    assert proc.returncode == 0
    assert proc.stdout == path.read_bytes()


def test_scan_table_and_json():
    proc = run("scan", *CLEAN_SEEDS, BROKEN)
    assert proc.returncode == 0
    lines = proc.stdout.decode().splitlines()
    assert "chunk_reversal 9" in lines[-1] and all("clean" in l for l in lines[1:-1])
    proc = run("scan", "--json", BROKEN)
    row = json.loads(proc.stdout)
    assert row["counts"]["kashida"] > 0 and not row["clean"]


def test_explain_is_readable():
    proc = run("explain", BROKEN)
    text = proc.stdout.decode("utf-8")
    assert proc.returncode == 0
    assert "chunk-reversed line put in logical order" in text
    assert "figure unknown" in text


@pytest.mark.parametrize("content,message", [
    (b"\xd8\xa7\xff\xfe abc", "not UTF-8"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
])
def test_bad_input_one_line_error_no_output_file(tmp_path, content, message):
    bad, out = tmp_path / "bad.txt", tmp_path / "out.txt"
    bad.write_bytes(content)
    proc = run("fix", bad, "-o", out)
    assert proc.returncode == 2
    err = proc.stderr.decode()
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert not out.exists()
    assert os.listdir(tmp_path) == ["bad.txt"]


def test_missing_file_and_folder(tmp_path):
    assert run("fix", tmp_path / "nope.txt").returncode == 2
    proc = run("fix", tmp_path)
    assert proc.returncode == 2 and b"folder" in proc.stderr


def test_empty_file_passes_through(tmp_path):
    empty, out = tmp_path / "empty.txt", tmp_path / "out.txt"
    empty.write_bytes(b"")
    proc = run("fix", empty, "-o", out)
    assert proc.returncode == 0 and out.read_bytes() == b""


def test_mixed_scripts_pass_through(tmp_path):
    text = "Release 3.11.7 — 東京 — Ελληνικά — עברית — حلب 85 بالمئة — emoji 😀\n"
    path = tmp_path / "mixed.txt"
    path.write_text(text, encoding="utf-8")
    proc = run("fix", path)
    assert proc.returncode == 0 and proc.stdout.decode("utf-8") == text


def test_fifty_megabyte_single_line_streams_through(tmp_path):
    big, out = tmp_path / "big.txt", tmp_path / "out.txt"
    unit = ("يواصل الجيش تقدمه في شرق المدينة مع فرار آلاف المدنيين من المناطق " * 8).encode("utf-8")
    with open(big, "wb") as f:
        for _ in range(50 * 1024 * 1024 // len(unit) + 1):
            f.write(unit)
    proc = run("fix", big, "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert out.stat().st_size == big.stat().st_size
    with open(big, "rb") as a, open(out, "rb") as b:
        while True:
            x, y = a.read(1 << 20), b.read(1 << 20)
            assert x == y
            if not x:
                break


def test_siblings_folder_skips_the_input_and_fills_the_figures(tmp_path):
    report = tmp_path / "r.json"
    proc = run("fix", BROKEN, "--siblings", BROKEN.parent, "--report", report)
    assert proc.returncode == 0, proc.stderr
    figures = json.loads(report.read_text(encoding="utf-8"))["figures"]
    assert [f["value"] for f in figures] == ["100", "23", "30", "120", "120", "48", "728", "13346"]
    confirmed = [f for f in figures if f["status"] == "confirmed"]
    assert len(confirmed) == 2 and all(f["source"].startswith(str(BROKEN.parent / "001_")) for f in confirmed)
    assert all(f["status"] == "inferred" for f in figures if f not in confirmed)
    assert not any("004_" in (f["source"] or "") for f in figures)


def test_output_files_get_the_usual_permissions(tmp_path):
    out, report = tmp_path / "out.txt", tmp_path / "r.json"
    assert run("fix", BROKEN, "-o", out, "--report", report).returncode == 0
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask
    assert report.stat().st_mode & 0o777 == 0o666 & ~umask


def test_a_report_into_a_missing_folder_fails_before_anything_is_written(tmp_path):
    out = tmp_path / "out.txt"
    proc = run("fix", BROKEN, "-o", out, "--report", tmp_path / "no" / "r.json")
    assert proc.returncode == 2 and b"does not exist" in proc.stderr
    assert not out.exists()
