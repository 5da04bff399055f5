"""The `reports` command: parse options, call the public API, print results.

Heavy libraries are imported only inside commands, so `reports --help` starts fast.
Errors reach the user as one line each; a Python traceback only with --verbose.
"""

from __future__ import annotations

import sys

import click

from ._version import __version__

DEFAULT_PATHS = ("data",)


def _paths(paths: tuple[str, ...]) -> tuple[str, ...]:
    return paths or DEFAULT_PATHS


_max_size = click.option("--max-size", type=click.FloatRange(min=0, min_open=True), default=10.0, show_default=True,
                         metavar="MB", help="Refuse articles larger than this many megabytes.")


def _check_form(ctx, param, value):
    if value is None:
        return None
    from . import input_forms

    if value not in input_forms():
        raise click.BadParameter(f"{value!r}: choose from {', '.join(input_forms())}")
    return value


_from = click.option("--from", "form", default=None, metavar="FORM", callback=_check_form,
                     help="Read inputs as this form (plain, wikitext, mediawiki-xml, browser); "
                          "default: by extension, then content.")


_ONE = {"other pages": "other page", "redirects": "redirect", "pages in other namespaces": "page in another namespace",
        "pages without text": "page without text"}


def _skipped(counts) -> str:
    """', skipped 49,120 other pages and 812 redirects of the dump'"""
    if not counts:
        return ""
    parts = [f"{count:,} {reason if count != 1 else _ONE.get(reason, reason)}"
             for reason, count in sorted(counts.items(), key=lambda kv: -kv[1])]
    return f"; passed over {', '.join(parts)} of the dump"


def _max_bytes(megabytes: float) -> int:
    return int(megabytes * 1024 * 1024)


def _fail(message: str) -> None:
    click.echo(f"reports: {message}", err=True)
    sys.exit(2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reports")
def cli() -> None:
    """Turn articles about the relations between two countries into PDF briefs,
    Word dossiers and Excel workbooks."""


def main() -> None:
    """The console script: a bug of ours is one line, its traceback only with --verbose."""
    try:
        cli(standalone_mode=True)
    except Exception as error:  # pragma: no cover - reached only through a bug
        if "--verbose" in sys.argv or "-v" in sys.argv:
            raise
        click.echo(f"reports: internal error: {type(error).__name__}: {error} "
                   "(rerun with --verbose for the traceback)", err=True)
        sys.exit(3)


class _Bar:
    """The build's progress bar on a terminal, once the number of articles to build is
    known (a dump's relations pages are counted only when it has been read)."""

    def __init__(self, enabled: bool):
        self.enabled, self.bar = enabled, None

    def start(self, total: int) -> None:
        if self.enabled and total > 3:
            self.bar = click.progressbar(length=total, label="Building", file=sys.stderr)
            self.bar.__enter__()

    def update(self, done: int) -> None:
        if self.bar:
            self.bar.update(done)

    def close(self) -> None:
        if self.bar:
            self.bar.__exit__(None, None, None)


def _fetch_options(command):
    """The options of fetching pages from a wiki, shared by `fetch` and `build --fetch`."""
    for option in reversed([
        click.option("--country", default=None, metavar="NAME",
                     help="Also every relations page of this country (its 'Bilateral relations of NAME' "
                          "category, 'NAME–X relations' and 'X–NAME relations')."),
        click.option("--wiki", default=None, metavar="URL",
                     help="The wiki's api.php or site address (default: English Wikipedia)."),
        click.option("--contact", envvar="REPORTS_CONTACT", default=None, metavar="EMAIL|URL",
                     help="How the wiki's operators can reach you, sent in the User-Agent "
                          "(default: $REPORTS_CONTACT)."),
        click.option("--cache", envvar="REPORTS_CACHE", default=None, type=click.Path(file_okay=False),
                     help="Folder of fetched revisions (default: $REPORTS_CACHE, else the user's cache folder)."),
        click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=30.0, show_default=True,
                     metavar="SECONDS", help="Give up on a request the wiki does not answer in this time."),
    ]):
        command = option(command)
    return command


def _fetch_pages(titles, out, country, wiki, contact, cache, timeout, quiet, verbose):
    """Fetch, print what happened, and return the result (the CLI's half of `fetch`)."""
    from . import fetch as run_fetch

    if not titles and not country:
        _fail("name the pages to fetch (titles, or --country NAME)")
    if not contact and not quiet:
        click.echo("reports: note: no --contact (or REPORTS_CONTACT): wikis ask clients to say in the "
                   "User-Agent how to reach their user", err=True)
    result = run_fetch(titles, out, country=country, wiki=wiki, contact=contact, cache=cache, timeout=timeout)
    for note in ([] if quiet else result.notes):
        click.echo(f"reports: {note}", err=True)
    for error in result.errors:
        click.echo(f"reports: {error}", err=True)
    if verbose:
        for page in result.pages:
            click.echo(f"{page.how}: {page.path} (revision {page.revision}, {page.timestamp})", err=True)
    hows = {how: sum(page.how == how for page in result.pages) for how in ("downloaded", "from the cache", "unchanged")}
    count = len(result.pages)
    click.echo(f"fetched {count} page{'s' if count != 1 else ''} into {out}: "
               + ", ".join(f"{n} {how}" for how, n in hows.items())
               + f" ({len(result.requests)} request{'s' if len(result.requests) != 1 else ''})", err=True)
    return result


@cli.command()
@click.argument("titles", nargs=-1)
@click.option("--out", default="pages", show_default=True, type=click.Path(file_okay=False),
              help="Folder the pages are written to, one TITLE.wiki each.")
@_fetch_options
@click.option("--quiet", "-q", is_flag=True, help="Print only errors and the summary.")
@click.option("--verbose", "-v", is_flag=True, help="Print each page written with its revision.")
def fetch(titles, out, country, wiki, contact, cache, timeout, quiet, verbose):
    """Fetch the current text of wiki pages by title (typed as you like: "mexico slovenia
    relations"), with their revision, into OUT/TITLE.wiki for `reports build`."""
    result = _fetch_pages(titles, out, country, wiki, contact, cache, timeout, quiet, verbose)
    sys.exit(0 if result.ok else 1)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--out", default="out", show_default=True, type=click.Path(file_okay=False), help="Output folder.")
@click.option("--format", "formats", default=None, metavar="LIST",
              help="Comma-separated formats (default: all: pdf,docx,xlsx,json).")
@click.option("--layout", default=None, metavar="NAME|FILE", help="Layout name or TOML file (default: default).")
@click.option("--jobs", "-j", type=click.IntRange(1, 256), default=None, help="Worker processes (default: CPUs).")
@click.option("--index", type=click.Path(dir_okay=False), default=None, metavar="FILE",
              help="The multistream index of the dump (…-multistream-index.txt.bz2): read only the streams "
                   "holding relations pages (default: the index beside the dump, if any).")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Build on a Dask cluster: tcp://host:8786, or local:N for N worker processes here "
                   "(needs pip install 'reports[dask]').")
@click.option("--combined/--no-combined", default=True, show_default=True,
              help="Also write OUT/relationships.xlsx across all articles.")
@click.option("--force", is_flag=True, help="Rebuild everything, even unchanged articles.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors and stop at the first failure.")
@click.option("--no-carry", is_flag=True,
              help="Write clean documents: carry no analysts' notes or sheets (edited files are still backed up).")
@click.option("--prune", is_flag=True,
              help="Remove the outputs of articles built into OUT earlier that no longer exist.")
@click.option("--quiet", "-q", is_flag=True, help="Print only errors and the summary.")
@click.option("--verbose", "-v", is_flag=True, help="Print warnings, written files and tracebacks of internal errors.")
@_max_size
@_from
@click.option("--fetch", "fetch_titles", is_flag=True,
              help="PATHS are page titles: fetch them from the wiki into OUT/pages/ and build them.")
@_fetch_options
def build(paths, out, formats, layout, jobs, index, scheduler, combined, force, strict, no_carry, prune, quiet, verbose,
          max_size, form, fetch_titles, country, wiki, contact, cache, timeout):
    """Build briefs, dossiers and workbooks from articles (files or folders; default data/),
    or from pages fetched from a wiki (--fetch TITLE…, --country NAME)."""
    from . import BuildOptions, ReportsError, build as run_build, formats as names

    chosen = tuple(f.strip().lower() for f in formats.split(",") if f.strip()) if formats else tuple(names())
    unknown = [f for f in chosen if f not in names()]
    if unknown or not chosen:
        _fail(f"unknown format {', '.join(unknown) or formats!r}; choose from {', '.join(names())}")
    fetched_ok = True
    if fetch_titles or country:
        import os

        fetched = _fetch_pages(paths if fetch_titles else (), os.path.join(out, "pages"), country, wiki, contact,
                               cache, timeout, quiet, verbose)
        if not fetched.files:
            _fail("no page was fetched: nothing to build")
        paths, fetched_ok = tuple(str(path) for path in fetched.files), fetched.ok
    bar = _Bar(not quiet and sys.stderr.isatty())
    try:
        options = BuildOptions(formats=chosen, layout=layout, jobs=jobs, combined=combined, force=force,
                               strict=strict, verbose=verbose, max_bytes=_max_bytes(max_size), carry=not no_carry,
                               form=form, prune=prune, index=index, scheduler=scheduler)
        result = run_build(_paths(paths), out, options, progress=bar.update, planned=bar.start)
    except ReportsError as error:
        _fail(str(error))
    except KeyboardInterrupt:
        click.echo("reports: interrupted; finished files are in place, no partial files left", err=True)
        sys.exit(130)
    finally:
        bar.close()
    from . import once_per_kind

    for failure in result.failures:
        click.echo(str(failure), err=True)
    if not quiet:  # once per kind and article; --verbose shows every one
        warnings = sorted(result.warnings, key=lambda d: (d.path, d.line or 0))  # as `check` prints them
        for warning in (warnings if verbose else once_per_kind(warnings)):
            click.echo(str(warning), err=True)
    if verbose:
        for path in result.written:
            click.echo(f"wrote {path}", err=True)
    summary = (f"built {result.built}, skipped {result.skipped}, failed {result.failed} "
               f"in {result.seconds:.1f} s") + _skipped(result.skipped_pages)
    if result.warnings:
        count = len(result.warnings)
        summary += f" ({count} warning{'s' if count != 1 else ''})"
    if result.backups:
        count = len(result.backups)
        summary += f"; kept {count} edited file{'s' if count != 1 else ''} as backup: " + ", ".join(
            path.name for path in result.backups)
    if result.pruned:
        summary += (f"; removed {len(result.pruned)} file{'s' if len(result.pruned) != 1 else ''} of "
                    f"{_articles(len(result.vanished))} that no longer exist")
    elif result.vanished:
        summary += f"; {_articles(len(result.vanished))} no longer exist (--prune removes their files)"
    if result.stopped_early:
        summary += " (stopped at the first failure: --strict)"
    click.echo(summary, err=True)
    sys.exit(0 if result.ok and fetched_ok else 1)


def _articles(count: int) -> str:
    return f"{count} article{'s' if count != 1 else ''}"


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Print the records as one JSON array (the shape docs/record.md describes).")
@_max_size
@_from
def inspect(paths, as_json, max_size, form):
    """Show what the loader reads from articles (files or folders; default data/)."""
    import json

    from . import load_all

    batch = load_all(_paths(paths), max_bytes=_max_bytes(max_size), form=form)
    if as_json:
        click.echo(json.dumps([record.to_dict() for record in batch.records], ensure_ascii=False, indent=2))
    else:
        warnings_by_path: dict[str, int] = {}
        for warning in batch.warnings:
            warnings_by_path[warning.path] = warnings_by_path.get(warning.path, 0) + 1
        for record in batch.records:
            click.echo(_summary(record, warnings_by_path.get(record.source.where, 0)))
    for error in batch.errors:
        click.echo(str(error), err=True)
    sys.exit(1 if batch.errors else 0)


def _summary(record, warnings: int) -> str:
    counts = ", ".join(f"{len(getattr(record, name))} {name}" for name in
                       ("events", "visits", "agreements", "trade", "exports", "missions"))
    established = record.established or "unknown"
    if record.reestablished:
        established += f", re-established {record.reestablished}"
    lines = [f"{record.source.where}: {record.title}",
             f"  established {established}; {counts}; {warnings} warning{'s' if warnings != 1 else ''}"]
    # Where each visit and agreement was read (origin: list, section or prose) and its lines.
    for visit in record.visits:
        who = " ".join(filter(None, (visit.office, visit.person))) or "?"
        lines.append(f"  visit      {visit.origin:7} {_lines(visit)}  {visit.from_ or '?'} → {visit.to or '?'}: "
                     f"{who} ({visit.date or 'no date'})")
    for agreement in record.agreements:
        lines.append(f"  agreement  {agreement.origin:7} {_lines(agreement)}  {agreement.title} "
                     f"({agreement.date or 'no date'})")
    return "\n".join(lines)


def _lines(fact) -> str:
    """"l. 12" and, for a fact told again elsewhere, "+ l. 30, 41"."""
    also = f" + l. {', '.join(map(str, fact.also_lines))}" if fact.also_lines else ""
    return f"l. {fact.line}{also}"


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--strict", is_flag=True, help="Exit 1 on warnings that lose information too.")
@_max_size
@_from
def check(paths, strict, max_size, form):
    """Lint articles: print what the loader could not interpret, as file:line: message
    (the warnings `reports build` prints, once per kind and article)."""
    from . import assign_stems, load_all, loses_information, once_per_kind

    batch = load_all(_paths(paths), max_bytes=_max_bytes(max_size), form=form)
    warnings = batch.warnings + assign_stems(batch.records)[1]
    for problem in once_per_kind(sorted(batch.errors + warnings, key=lambda d: (d.path, d.line or 0))):
        click.echo(str(problem))
    files = len(batch.records) + len({e.path for e in batch.errors})
    click.echo(f"checked {files} article{'s' if files != 1 else ''}: {len(batch.errors)} errors, "
               f"{len(warnings)} warnings" + _skipped(batch.skipped), err=True)
    sys.exit(1 if batch.errors or (strict and any(map(loses_information, warnings))) else 0)


@cli.command()
def readers():
    """List the input forms --from can name, with the files each claims."""
    from . import describe_inputs

    for name, extensions, description in describe_inputs():
        click.echo(f"{name:14} {extensions:26} {description}")


@cli.command()
@click.argument("a", type=click.Path())
@click.argument("b", type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="Print the changes as JSON: {article: [change, ...]}.")
def diff(a, b, as_json):
    """What changed from A to B: two articles, two record JSON files or two build folders.
    Exit 0 when nothing changed, 1 when something did (like diff)."""
    import json

    from . import ReportsError, diff as run_diff, format_changes

    try:
        result = run_diff(a, b)
    except ReportsError as error:
        _fail(str(error))
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, indent=2))
    else:
        for line in format_changes(result):
            click.echo(line)
    sys.exit(1 if any(result.values()) else 0)


@cli.command()
def layouts():
    """List the layouts --layout can use: built-in ones and those in ./layouts/."""
    from . import available_layouts as available

    for listed in available():
        if listed.error:
            click.echo(f"{listed.name:12} invalid: {listed.error}  ({listed.where})")
        else:
            click.echo(f"{listed.name:12} {listed.page_size:7} {listed.language:6} {listed.description}  "
                       f"({listed.where})")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; one other than the loopback needs --token or --open.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--token", envvar="REPORTS_TOKEN", default=None, metavar="TOKEN",
              help="Require this access token (also from REPORTS_TOKEN): users open /?token=TOKEN once.")
@click.option("--open", "open_", is_flag=True, help="Listen off the loopback without a token: anyone who can "
                                                      "reach the address can build.")
@click.option("--builds", default="reports-builds", show_default=True, type=click.Path(file_okay=False),
              help="Folder holding one folder per build.")
@click.option("--keep-hours", default=24.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              help="Remove a build's folder this many hours after it was built.")
@click.option("--max-upload-mb", default=50.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              help="The most one build may upload.")
@click.option("--max-files", default=50, show_default=True, type=click.IntRange(1, 10000),
              help="The most files one build may upload.")
@click.option("--workers", type=click.IntRange(1, 256), default=None,
              help="Builds run at once, each in its own process (default: CPUs).")
@click.option("--wiki", default=None, metavar="URL",
              help="The wiki whose API titles are fetched from (default: English Wikipedia).")
@click.option("--contact", envvar="REPORTS_CONTACT", default=None,
              help="How the wiki's operators reach you (named in the fetcher's User-Agent).")
def serve(host, port, token, open_, builds, keep_hours, max_upload_mb, max_files, workers, wiki, contact):
    """Serve a web page that builds the documents from uploaded or pasted articles
    (needs pip install 'reports[web]')."""
    from pathlib import Path

    from . import serve as run_serve

    if open_ and not token:
        click.echo(f"reports: serving on {host}:{port} WITHOUT a token: anyone who can reach it can build",
                   err=True)
    try:
        run_serve(host, port, token=token, open=open_, builds=Path(builds), keep_hours=keep_hours,
                  max_upload_mb=max_upload_mb, max_files=max_files, workers=workers, wiki=wiki, contact=contact)
    except ValueError as error:
        _fail(str(error))
    except ImportError as error:
        _fail(f"reports serve needs the web extra: pip install 'reports[web]' ({error.name} is missing)")
