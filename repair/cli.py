"""The ``repair`` command: fix, scan and explain.

    repair fix INPUT [-o OUTPUT] [--report REPORT.json] [--sibling FILE ...] [--siblings DIR]
    repair scan FILE ... [--json]
    repair explain INPUT [--sibling FILE ...]

Errors are one line on stderr and a non-zero exit code (2 for bad input or
usage, 1 for anything unexpected); an output file is written whole or not
at all.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
import tempfile
from dataclasses import fields
from pathlib import Path

from . import __version__
from .model import Config
from .pipeline import run
from .report import explain, scan_row, scan_table, to_report, write_report
from .stream import fix_stream

# The repair families: every on/off switch of Config, in its order.
FAMILIES = tuple(f.name for f in fields(Config) if f.default is True)
SNIFF_BYTES = 1 << 16


class InputError(Exception):
    """Bad input: a one-line message for the user."""


def main(argv=None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except InputError as e:
        print(f"repair: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("repair: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as e:  # noqa: BLE001 - the promise is one line, never a traceback
        print(f"repair: internal error: {type(e).__name__}: {e}", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="repair", description="Find and repair Arabic text damaged by PDF extraction and OCR.")
    p.add_argument("--version", action="version", version=f"repair {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    fix = sub.add_parser("fix", help="repair a text file (or - for stdin)")
    fix.add_argument("input")
    fix.add_argument("-o", "--output", help="output file (default: stdout)")
    fix.add_argument("--report", help="write a JSON report of every change and figure here")
    _add_common(fix)
    fix.set_defaults(func=cmd_fix)

    scan = sub.add_parser("scan", help="report the damage in files, changing nothing")
    scan.add_argument("files", nargs="+")
    scan.add_argument("--json", action="store_true", help="JSON lines instead of a table")
    scan.set_defaults(func=cmd_scan)

    exp = sub.add_parser("explain", help="print every change in human-readable form")
    exp.add_argument("input")
    _add_common(exp)
    exp.set_defaults(func=cmd_explain)
    return p


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--sibling", action="append", default=[], metavar="FILE",
                   help="a clean report of the same story (repeatable)")
    p.add_argument("--siblings", metavar="DIR", help="every .txt file in DIR is a sibling")
    p.add_argument("--glyph-db", metavar="PATH", help="SQLite file where learned glyph tables are kept and reused")
    p.add_argument("--glyph-font", metavar="NAME", help="the font or publisher whose glyph table this is (key in --glyph-db)")
    for family in FAMILIES:
        p.add_argument(f"--no-{family.replace('_', '-')}", action="store_true",
                       help=f"turn off the {family.replace('_', ' ')} repairs")


def _config(args) -> Config:
    off = [f for f in FAMILIES if getattr(args, "no_" + f)]
    return Config(glyph_db=args.glyph_db, glyph_font=args.glyph_font).without(*off)


def _siblings(args) -> list[Path]:
    """--sibling files and the .txt files of --siblings DIR, never the input itself."""
    paths = [Path(p) for p in args.sibling]
    if args.siblings:
        folder = Path(args.siblings)
        if not folder.is_dir():
            raise InputError(f"{folder}: not a folder")
        paths += sorted(folder.glob("*.txt"))
    if args.input != "-" and os.path.exists(args.input):
        paths = [p for p in paths if not os.path.samefile(p, args.input)]
    for p in paths:
        _check_file(str(p))
        _check_text(p.read_bytes(), str(p))
    return paths


def _check_file(name: str) -> None:
    if not os.path.exists(name):
        raise InputError(f"{name}: no such file")
    if os.path.isdir(name):
        raise InputError(f"{name}: is a folder, not a text file")


def _check_text(data: bytes, name: str) -> None:
    """Refuse binary data and invalid UTF-8 with a one-line reason."""
    if b"\x00" in data[:SNIFF_BYTES]:
        raise InputError(f"{name}: binary file (NUL bytes), not text")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(f"{name}: not UTF-8 text (invalid byte 0x{data[e.start]:02x} at byte {e.start})") from None


def _validate_file(name: str) -> None:
    """Check a whole file is UTF-8 text without holding it in memory."""
    _check_file(name)
    import codecs

    decoder = codecs.getincrementaldecoder("utf-8")()
    done = 0
    with open(name, "rb") as f:
        first = True
        while True:
            chunk = f.read(1 << 20)
            if first and b"\x00" in chunk[:SNIFF_BYTES]:
                raise InputError(f"{name}: binary file (NUL bytes), not text")
            first = False
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as e:
                raise InputError(f"{name}: not UTF-8 text (invalid byte at byte {done + max(e.start, 0)})") from None
            if not chunk:
                return
            done += len(chunk)


def _open_input(name: str):
    """A text stream for INPUT (stdin for -), validated first."""
    if name == "-":
        data = sys.stdin.buffer.read()
        _check_text(data, "stdin")
        return io.StringIO(data.decode("utf-8"), newline="")
    _validate_file(name)
    return open(name, encoding="utf-8", newline="")


def cmd_fix(args) -> int:
    config = _config(args)
    siblings = _siblings(args)
    for path in (args.output, args.report):
        if path:
            _check_folder(path)
    source = _open_input(args.input)
    with source:
        if args.output:
            result = _fix_to_file(source, args.output, siblings, config)
        else:
            result = fix_stream(source, sys.stdout, siblings, config)
            sys.stdout.flush()
    if args.report:
        _write_report_atomically(args.report, to_report(result, args.input, siblings))
    return 0


def _fix_to_file(source, output: str, siblings, config):
    """Repair into OUTPUT, written whole or not at all."""
    result = None

    def write(path: str) -> None:
        nonlocal result
        with open(path, "w", encoding="utf-8", newline="") as sink:
            result = fix_stream(source, sink, siblings, config)

    _write_atomically(output, write)
    return result


def _write_report_atomically(path: str, report: dict) -> None:
    _write_atomically(path, lambda tmp: write_report(report, tmp))


def _check_folder(path: str) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        raise InputError(f"{path}: folder {folder} does not exist")


def _write_atomically(path: str, write) -> None:
    """``write(tmp)`` fills a temp file beside ``path``, which then replaces ``path``;
    on any failure the temp file goes and ``path`` is untouched."""
    _check_folder(path)
    fd, tmp = tempfile.mkstemp(prefix=".repair-", dir=os.path.dirname(os.path.abspath(path)))
    os.close(fd)
    try:
        write(tmp)
        _usual_permissions(tmp)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _usual_permissions(path: str) -> None:
    """mkstemp makes files only the owner can read; give the output the permissions a new file gets."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(path, 0o666 & ~umask)


def cmd_scan(args) -> int:
    rows = []
    status = 0
    for name in args.files:
        try:
            source = _open_input(name)
            with source:
                result = fix_stream(source, _NullSink())
            rows.append(scan_row(name, result))
        except InputError as e:
            rows.append({"file": name, "error": str(e).split(": ", 1)[-1]})
            status = 2
    if args.json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
    else:
        print(scan_table(rows))
    return status


def cmd_explain(args) -> int:
    config = _config(args)
    siblings = _siblings(args)
    source = _open_input(args.input)
    with source:
        text = source.read()
    sys.stdout.write(explain(run(text, siblings, config)))
    return 0


class _NullSink:
    def write(self, _text: str) -> int:
        return 0


if __name__ == "__main__":
    sys.exit(main())
