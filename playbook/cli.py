"""`playbook`: the author's command line. check | new KIND ID | quality | urls | pages | tree OUT | schemas | export."""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path
from types import MappingProxyType

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from playbook.contract.kinds import KINDS, KINDS_BY_NAME
from playbook.contract.names import hand_written, id_problem, reserved_problem
from playbook.contract.schemas import stale_schemas, write_schemas
from playbook.contract.site_config import docs_dir
from playbook.contract.urls import DEFAULT_SITE_URL
from playbook.index.history import read_history
from playbook.index.review import DEFAULT_MONTHS, review_due
from playbook.pipeline import load_playbook, run
from playbook.problems import DataError
from playbook.quality.bar import (
    below_bar,
    committed_fingerprints,
    copied_runs,
    has_placeholder,
    paraphrased,
    source_fingerprints,
)
from playbook.quality.fingerprint import FINGERPRINTS
from playbook.quality.phrasings import few_phrasings
from playbook.quality.search_capture import captured, read_queries
from playbook.render.export import build_export
from playbook.render.jinja import TEMPLATES
from playbook.render.pages import PAGES_DIR, generate_pages, published_urls, read_manifest, write_pages
from playbook.render.tree import MARK, TreeReport, write_tree
from playbook.safe_paths import MANIFEST, UnsafePath, inside, output_folder, plain_file
from playbook.schema.validation import SCHEMA_DIR, schema_comment


def _root(args: argparse.Namespace) -> Path:
    return Path(args.root).resolve()


def schemas_folder(root: Path) -> Path:
    """data/schemas/, which `schemas` writes: inside the project, no symlink on its path or in it (UnsafePath)."""
    return inside(root, root / "data" / SCHEMA_DIR, "schemas folder", owned=True)


def cmd_check(args: argparse.Namespace) -> int:
    schemas_folder(_root(args))  # the loader does not read it, so a committed link there is refused here
    book = load_playbook(_root(args))
    counts = Counter(r.kind.dir for r in book.records.values())
    todo = sorted(r.shown_as for r in book.records.values() if has_placeholder(r))
    print(f"ok: {len(book.records)} entries (" + ", ".join(f"{counts[k.dir]} {k.dir}" for k in KINDS) + ")")
    for shown in todo:
        print(f"note: {shown} still has skeleton TODO text", file=sys.stderr)
    for warning in few_phrasings(book):
        print(f"warning: {warning}", file=sys.stderr)
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    root = _root(args)
    kind = KINDS_BY_NAME[args.kind]
    problem = id_problem(args.id) or reserved_problem(args.id, kind.dir, hand_written(docs_dir(root)))
    if problem:
        print(f"error: {args.id!r} is not a valid id: {problem}", file=sys.stderr)
        return 2
    path = root / "data" / kind.dir / f"{args.id}.yml"
    if path.exists() or path.is_symlink():
        print(f"error: {path.relative_to(root)} exists already", file=sys.stderr)
        return 2
    book = load_playbook(root)
    env = Environment(loader=FileSystemLoader(TEMPLATES / "skeletons"), undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    text = env.get_template(kind.skeleton_template).render(
        comment=schema_comment(kind), id=args.id, kind=kind.name,
        competency=next(iter(book.competencies), "technical-initiative"),
        example_refs=[r.ref for r in sorted(book.records.values(), key=lambda r: r.ref) if r.kind.name != "path"][:3],
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    try:
        load_playbook(root)
    except DataError:
        path.unlink()
        raise
    print(f"wrote {path.relative_to(root)} (its page will be /{kind.dir}/{args.id}/); fill in the TODOs, then `playbook check`")
    return 0


def cmd_pages(args: argparse.Namespace) -> int:
    """Write the generated pages as Markdown files (default .cache/pages/) for a tool that runs no MkDocs plugin."""
    root = _root(args)
    out = Path(args.out) if args.out else root / PAGES_DIR
    docs, target = docs_dir(root).resolve(), out.resolve()
    if target == docs or docs in target.parents or target in docs.parents:
        print(f"error: {out} holds hand-written pages (docs/): write the generated pages to a folder of their own", file=sys.stderr)
        return 2
    out = output_folder(out, MANIFEST, "pages folder") if args.out else inside(root, PAGES_DIR, "pages folder", owned=True)
    report = write_pages(generate_pages(load_playbook(root)), out)
    print(f"{len(report.written)} written, {len(report.removed)} removed in {out}")
    return 0


def tree(root: Path, out: Path, site_url: str) -> TreeReport:
    """Write a plugin-free project (mkdocs.yml, docs/ with every page rendered, overrides/) for MkDocs without our
    plugin, ProperDocs or Zensical (playbook/render/tree.py), with the Site's macros bound to each page."""
    site = run(root, docs_dir(root), site_url=site_url if site_url.endswith("/") else site_url + "/")
    return write_tree(root, out, site, site_url)


def cmd_tree(args: argparse.Namespace) -> int:
    try:
        report = tree(_root(args), output_folder(Path(args.out), MARK, "tree folder"), args.site_url)
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(f"{args.out}: {len(report.hand_written)} hand-written pages ({len(report.rendered)} with their macro rendered), "
          f"{len(report.generated)} generated pages, {len(report.files)} other files, the JSON export; "
          f"site_url {args.site_url}")
    return 0


def cmd_schemas(args: argparse.Namespace) -> int:
    folder = schemas_folder(_root(args))
    if args.check:
        stale = list(stale_schemas(folder))
        for name in stale:
            print(f"stale: data/{SCHEMA_DIR}/{name}")
        if stale:
            print("run `playbook schemas` to regenerate the editor schemas", file=sys.stderr)
        return 1 if stale else 0
    for name in write_schemas(folder):
        print(f"wrote data/{SCHEMA_DIR}/{name}")
    return 0


def cmd_quality(args: argparse.Namespace) -> int:
    root = _root(args)
    if args.fingerprint:
        return _write_fingerprints(Path(args.fingerprint), Path(args.output) if args.output else root / FINGERPRINTS)
    book = load_playbook(root)
    try:
        sources = source_fingerprints(Path(args.sources)) if args.sources else committed_fingerprints(root)
    except (FileNotFoundError, ValueError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    findings = [*below_bar(book), *captured(book, read_queries(root)), *copied_runs(book, sources.runs),
                *paraphrased(book, sources.index())]
    for finding in findings:
        print(finding)
    print(f"{len(findings)} finding(s) in {len(book.records)} entries", file=sys.stderr)
    return 1 if findings else 0


def _write_fingerprints(folder: Path, out: Path) -> int:
    """`playbook quality --fingerprint DIR`: the fingerprints of the source texts in DIR, written to `out`."""
    try:
        made = source_fingerprints(folder)
    except FileNotFoundError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(made.to_json(), encoding="utf-8")
    files = len({s.source for s in made.sentences} | set(made.runs.values()))
    print(f"wrote {out}: {len(made.runs)} runs and {len(made.sentences)} sentences of {files} source texts", file=sys.stderr)
    return 0


def cmd_urls(args: argparse.Namespace) -> int:
    root = _root(args)
    manifest = root / "tests" / "published_urls.txt"
    current = published_urls(docs_dir(root), generate_pages(load_playbook(root, docs_dir(root))))
    known = read_manifest(manifest)
    new = sorted(set(current) - set(known))
    gone = sorted(set(known) - set(current))
    for url in new:
        print(f"new: {url}")
    for url in gone:
        print(f"GONE: {url}  (add the old id to the `aliases` of the entry that replaced it)", file=sys.stderr)
    if args.write and not gone:
        header = "# Every URL the playbook has published. URLs are a contract: this list only grows (tests/test_build.py).\n"
        manifest.write_text(header + "\n".join(sorted(set(known) | set(current))) + "\n", encoding="utf-8")
    return 1 if gone or (new and not args.write) else 0


def cmd_export(args: argparse.Namespace) -> int:
    export = build_export(load_playbook(_root(args)), args.site_url)
    text = export.model_dump_json(indent=1)
    if args.output == "-":
        print(text)
    else:
        plain_file(Path(args.output), "export file").write_text(text, encoding="utf-8")
    return 0


def cmd_review_due(args: argparse.Namespace) -> int:
    """Entries due for review, oldest first; exit 1 when any is due (a scheduled CI job reports it)."""
    root = _root(args)
    due = review_due(load_playbook(root), read_history(root), args.months, args.owner)
    for d in due:
        reviewed = f"reviewed {d.reviewed.isoformat()} by {d.reviewer}" if d.reviewed else "never reviewed"
        updated = f"updated {d.updated.date().isoformat()}" if d.updated else "no date from git"
        print(f"data/{d.record.kind.dir}/{d.record.id}.yml: {reviewed}; owner: {d.owner or 'none'}; {updated}")
    whose = f" owned by {args.owner}" if args.owner else ""
    if due:
        count = "1 entry" if len(due) == 1 else f"{len(due)} entries"
        print(f"{count}{whose} due for review: never reviewed, or last reviewed more than {args.months} months ago",
              file=sys.stderr)
        return 1
    print(f"no entry{whose} is due for review (every one reviewed in the last {args.months} months)", file=sys.stderr)
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="playbook", description=__doc__)
    p.add_argument("--root", default=".", help="project folder (holds data/ and docs/)")
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate every data file; list every problem as path:line: field: message")
    new = sub.add_parser("new", help="write a valid skeleton for a new entry, and its page")
    new.add_argument("kind", choices=[k.name for k in KINDS])
    new.add_argument("id", help="the file name and URL, e.g. pre-mortem")
    pages = sub.add_parser("pages", help="write the generated pages (entries, indexes, redirects) to a folder")
    pages.add_argument("--out", help="folder to write to (default: .cache/pages)")
    tree = sub.add_parser("tree", help="write a plugin-free project (every page rendered) for MkDocs, ProperDocs or Zensical")
    tree.add_argument("out", help="folder to write (new, empty, or a tree written before)")
    tree.add_argument("--site-url", default=os.environ.get("PLAYBOOK_SITE_URL") or DEFAULT_SITE_URL,
                      help="the site's address (default: $PLAYBOOK_SITE_URL or %(default)s)")
    schemas = sub.add_parser("schemas", help="regenerate data/schemas/*.schema.json from the models")
    schemas.add_argument("--check", action="store_true", help="exit 1 if a committed schema is stale")
    quality = sub.add_parser("quality", help="the content bar: references, sources, the ethical line, no prose copied from the sources")
    quality.add_argument("--sources", help=f"compare with the source texts of this folder (default: their fingerprints, {FINGERPRINTS})")
    quality.add_argument("--fingerprint", metavar="DIR", help=f"write the fingerprints of the source texts of DIR to {FINGERPRINTS}")
    quality.add_argument("-o", "--output", help="with --fingerprint: the file to write instead")
    urls = sub.add_parser("urls", help="compare the pages with the manifest of published URLs (tests/published_urls.txt)")
    urls.add_argument("--write", action="store_true", help="add new URLs to the manifest (never removes one)")
    export = sub.add_parser("export", help="print the JSON export (the build writes it to site/api/playbook.json)")
    export.add_argument("-o", "--output", default="-")
    export.add_argument("--site-url", default=DEFAULT_SITE_URL)
    due = sub.add_parser("review-due", help="list entries never reviewed or reviewed more than N months ago; exit 1 when any is due")
    due.add_argument("--months", type=int, default=DEFAULT_MONTHS, help=f"the review cycle in months (default {DEFAULT_MONTHS})")
    due.add_argument("--owner", help="only the entries of this owner (a team or person, any case)")
    return p


COMMANDS = MappingProxyType({
    "check": cmd_check, "new": cmd_new, "pages": cmd_pages, "tree": cmd_tree, "schemas": cmd_schemas,
    "quality": cmd_quality, "urls": cmd_urls, "export": cmd_export,
    "review-due": cmd_review_due,
})


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except DataError as err:
        print(err, file=sys.stderr)
        return 1
    except UnsafePath as err:  # a folder to write through a link, or one holding files playbook did not write
        print(f"error: {err}", file=sys.stderr)
        return 2
    except OSError as err:  # a folder that does not exist, a name too long, no permission
        where = f"{err.filename}: " if err.filename else ""
        print(f"error: {where}{err.strerror or err}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
