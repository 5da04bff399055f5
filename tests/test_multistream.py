"""Multistream dumps read by their index: only the streams of relations pages, the same
records and bytes as reading the whole dump, a bad index a one-line error."""

import bz2
import json
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path

import pytest

from multistream_dump import PAGES_PER_STREAM, pages_xml, write_dump
from reports.batch import load_all
from reports.errors import ArticleError, ReportsError
from reports.pipeline import build
from reports.pipeline.manifest import MANIFEST
from reports.readers import _multistream

pytestmark = pytest.mark.heavy  # several seconds: handed to a worker first (conftest)

SIZE = dict(pages=450, relations_share=0.02, run=4, seed=6)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    return write_dump(tmp_path_factory.mktemp("dump"), **SIZE)


@pytest.fixture
def dump(generated, tmp_path):
    """The generated dump and its index in a folder of the test's own."""
    shutil.copy(generated.path, tmp_path / generated.path.name)
    shutil.copy(generated.index, tmp_path / generated.index.name)
    return generated, tmp_path / generated.path.name, tmp_path / generated.index.name


def index_lines(index):
    with bz2.open(index, "rt", encoding="utf-8") as lines:
        return [line.rstrip("\n").split(":", 2) for line in lines]


def streams(path):
    """Every bz2 stream of a file as (offset, decompressed bytes)."""
    data, found, offset = path.read_bytes(), [], 0
    while offset < len(data):
        decompressor = bz2.BZ2Decompressor()
        found.append((offset, decompressor.decompress(data[offset:])))
        offset = len(data) - len(decompressor.unused_data)
    return found


def test_the_generator_writes_what_wikipedia_publishes(generated):
    assert generated.path.name == "enwiki-20261201-pages-articles-multistream.xml.bz2"
    assert generated.index.name == "enwiki-20261201-pages-articles-multistream-index.txt.bz2"
    blocks = streams(generated.path)
    assert blocks[0][1].lstrip().startswith(b"<mediawiki") and b"<siteinfo>" in blocks[0][1]
    assert b"<page>" not in blocks[0][1] and blocks[-1][1].strip() == b"</mediawiki>"
    counts = [block.count(b"<page>") for _, block in blocks[1:-1]]
    assert counts[:-1] == [PAGES_PER_STREAM] * (len(counts) - 1) and sum(counts) == SIZE["pages"]
    assert b"".join(block for _, block in blocks) == pages_xml(SIZE["pages"], SIZE["relations_share"], SIZE["run"],
                                                               SIZE["seed"])
    # each index line names a page of the stream at its offset, ids in order
    by_offset = dict(blocks)
    lines = index_lines(generated.index)
    assert [int(page_id) for _, page_id, _ in lines] == list(range(1, SIZE["pages"] + 1))
    for offset, page_id, title in lines:
        assert f"<title>{title}</title>\n    <ns>".encode() in by_offset[int(offset)]
    assert 5 <= len(generated.relations) < 60
    titles = {unescape(title) for _, _, title in lines}
    assert set(generated.relations) <= titles and len(set(generated.relations)) == len(generated.relations)


def test_records_by_index_are_those_of_the_whole_dump(dump, monkeypatch):
    generated, path, index = dump
    read = []
    original = _multistream.stream
    monkeypatch.setattr(_multistream, "stream", lambda raw, offset, shown, titles=None: read.append(offset) or
                        original(raw, offset, shown, titles))
    by_index = load_all([path])  # the index beside the dump, by its usual name
    assert [r.title for r in by_index.records] == generated.relations
    wanted = {int(offset) for offset, _, title in index_lines(index)
              if unescape(title).endswith(" relations") and not title.startswith("Category:")}
    assert read[0] == 0 and sorted(read[1:]) == sorted(wanted)  # the header, then only those streams
    assert any(title.startswith("Category:") and title.endswith(" relations") for _, _, title in index_lines(index))
    assert len(wanted) < len(streams(path)) - 2  # some page streams never decompressed
    index.rename(index.with_name("elsewhere.txt.bz2"))
    read.clear()
    whole = load_all([path])
    assert read == []
    assert [r.to_dict() for r in by_index.records] == [r.to_dict() for r in whole.records]
    assert [str(w) for w in by_index.warnings] == [str(w) for w in whole.warnings]
    # diagnostics name the page and its line: dump.xml.bz2[Title]:line
    assert any(f"{path.name}[" in w.path and w.line for w in whole.warnings)
    assert sorted(whole.skipped) == ["other pages", "pages in other namespaces", "redirects"]
    in_parallel = load_all([path], index=index.with_name("elsewhere.txt.bz2"), jobs=2)
    assert [r.to_dict() for r in in_parallel.records] == [r.to_dict() for r in whole.records]
    assert [str(w) for w in in_parallel.warnings] == [str(w) for w in whole.warnings]
    assert in_parallel.skipped == by_index.skipped


@pytest.fixture(scope="module")
def built_whole(generated, tmp_path_factory):
    """(the dump alone in a folder, its build read whole: no index beside it), made once
    for the by-index builds of the same path to match."""
    folder = tmp_path_factory.mktemp("whole")
    path = Path(shutil.copy(generated.path, folder / generated.path.name))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1700000000")
        result = build([path], folder / "out", formats=("json", "pdf"), jobs=1)
    assert result.ok and result.built == len(generated.relations)
    return path, folder / "out"


@pytest.mark.parametrize("jobs", [1, 2])  # 2: the streams are read in two processes
def test_a_build_by_index_writes_the_same_bytes(generated, built_whole, monkeypatch, tmp_path, jobs):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    path, whole = built_whole
    assert not path.with_name(generated.index.name).exists()  # the index is found only by --index
    by_index = build([path], tmp_path / "indexed", formats=("json", "pdf"), jobs=jobs, index=generated.index)
    assert by_index.ok and by_index.built == len(generated.relations)
    names = sorted(p.name for p in whole.iterdir())
    assert names == sorted(p.name for p in (tmp_path / "indexed").iterdir())
    for name in names:
        if (whole / name).is_file():
            assert (whole / name).read_bytes() == (tmp_path / "indexed" / name).read_bytes(), name
    record = json.loads((tmp_path / "indexed" / f"{by_index.written[0].stem}.json").read_text("utf-8"))
    assert record["source"]["revision"] and record["source"]["url"].startswith("https://en.wikipedia.org/wiki/")


def test_the_cli_reads_by_index(dump, tmp_path):
    generated, path, index = dump
    done = subprocess.run([sys.executable, "-m", "reports", "build", str(path), "--index", str(index), "--out",
                           str(tmp_path / "out"), "--format", "json", "--quiet"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert f"built {len(generated.relations)}," in done.stderr
    assert len(json.loads((tmp_path / "out" / MANIFEST).read_text("utf-8"))["articles"]) == len(generated.relations)


def test_a_missing_index_is_a_one_line_error(dump, tmp_path):
    _, path, _ = dump
    with pytest.raises(ReportsError, match="no such index file"):
        build([path], tmp_path / "out", formats=("json",), index=tmp_path / "nowhere.txt.bz2")
    done = subprocess.run([sys.executable, "-m", "reports", "build", str(path), "--index", "nowhere.txt.bz2",
                           "--out", str(tmp_path / "out")], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "nowhere.txt.bz2: no such index file" in done.stderr


def test_an_index_needs_exactly_one_dump(dump, tmp_path):
    _, path, index = dump
    with pytest.raises(ReportsError, match="inputs hold 0"):
        load_all(["data/georgia-mexico.txt"], index=index)


@pytest.mark.parametrize("content, message", [
    (b"not bz2 at all", "not a bz2 multistream index"),
    (bz2.compress(b"123:9:Peru\xe2\x80\x93Japan relations\nnonsense\n"), "not an index line"),
])
def test_a_bad_index_is_one_error_naming_it(dump, tmp_path, content, message):
    _, path, index = dump
    index.write_bytes(content)
    batch = load_all([path])
    assert len(batch.errors) == 1 and not batch.records
    assert batch.errors[0].path.endswith(index.name) and message in batch.errors[0].message
    if "line" in message:
        assert batch.errors[0].line == 2


def test_an_index_of_another_dump_is_an_error_not_a_crash(dump):
    generated, path, index = dump
    lines = index_lines(index)
    offset, page_id, title = next(line for line in lines if unescape(line[2]) in generated.relations)
    index.write_bytes(bz2.compress(f"{int(offset) + 7}:{page_id}:{title}\n".encode()))
    batch = load_all([path])
    assert len(batch.errors) == 1 and "does not match the dump" in batch.errors[0].message
    other = next(line for line in lines if line[0] != offset)
    index.write_bytes(bz2.compress(f"{other[0]}:{page_id}:{title}\n".encode()))
    batch = load_all([path])
    assert "is not in the stream" in batch.errors[0].message


def test_a_dump_not_multistream_with_an_index_is_refused(tmp_path):
    path = tmp_path / "x-multistream.xml.bz2"
    path.write_bytes(bz2.compress(b"<feed><page><title>A\xe2\x80\x93B relations</title></page></feed>"))
    (tmp_path / "x-multistream-index.txt.bz2").write_bytes(bz2.compress("0:1:A–B relations\n".encode()))
    batch = load_all([path])
    assert len(batch.errors) == 1 and "root element is <feed>" in batch.errors[0].message


def test_an_index_with_two_dumps_is_refused(dump, tmp_path):
    _, path, index = dump
    second = tmp_path / "other" / path.name
    second.parent.mkdir()
    shutil.copy(path, second)
    with pytest.raises(ReportsError, match="inputs hold 2"):
        load_all([path, second], index=index)


def test_the_index_counted_in_bulk_is_the_index_judged_line_by_line(tmp_path, monkeypatch):
    from reports.readers.mediawiki_xml import _passed_over

    namespaces = {"Category", "Template", "Wikipedia"}
    lines = ["5:1:Lima 12", "5:2:Category:Peru–Chile relations", "5:3:  Template:Infobox",
             "5:4:Peru–Chile relations", "9:5:Bosnia &amp; Herzegovina–Peru relations", "9:6:Talk:Peru",
             "9:7:Public relations", "9:8:Category:Rivers", "9:9:Tom &amp; Jerry", "12:10:Wikipedia:About",
             "12:11:Template:Peru–Chile relations", "12:12:Chile–Peru relations", "12:13:Categoryx:Y"] * 7
    index = tmp_path / "index.txt.bz2"
    index.write_bytes(bz2.compress(("\n".join(lines) + "\n").encode()))
    monkeypatch.setattr(_multistream, "_INDEX_CHUNK", 40)  # chunks end mid-line, in every place
    judged = {}, {}
    one_by_one = _multistream.wanted(index, "i", _passed_over(namespaces), judged[0])
    in_bulk = _multistream.wanted(index, "i", _passed_over(namespaces), judged[1], namespaces, " relations")
    assert in_bulk == one_by_one == [(5, {"Peru–Chile relations"}),
                                     (9, {"Bosnia & Herzegovina–Peru relations"}), (12, {"Chile–Peru relations"})]
    assert judged[0] == judged[1] == {"other pages": 5 * 7, "pages in other namespaces": 5 * 7}
    index.write_bytes(bz2.compress(("\n".join(lines + ["5:x:Lima"] + lines) + "\n").encode()))
    with pytest.raises(ArticleError, match="not an index line") as error:  # its number counts every chunk
        _multistream.wanted(index, "i", _passed_over(namespaces), {}, namespaces, " relations")
    assert error.value.line == len(lines) + 1


def test_a_stream_is_decompressed_only_as_far_as_its_last_wanted_page(generated):
    lines = index_lines(generated.index)
    blocks = dict(streams(generated.path))
    offset, title = next((offset, title) for offset, _, title in lines if unescape(title) in generated.relations
                         and blocks[int(offset)].find(f"<title>{title}</title>".encode()) < len(blocks[int(offset)]) / 2)
    with open(generated.path, "rb") as raw:
        whole = _multistream.stream(raw, int(offset), "d")
        pages = whole.count(b"</page>")
        assert whole == blocks[int(offset)]
        part = _multistream.stream(raw, int(offset), "d", {unescape(title)})
        assert whole.startswith(part) and len(part) < 0.75 * len(whole)
        assert f"<title>{title}</title>".encode() in part and part.count(b"</page>") < pages
        assert _multistream.stream(raw, int(offset), "d", {"Nowhere–Else relations"}) == whole


def test_a_dump_with_one_wanted_stream_is_read_by_index_with_jobs(tmp_path):
    one = write_dump(tmp_path, pages=60, relations_share=0.05, run=2, seed=2)
    streams_read = {int(offset) for offset, _, title in index_lines(one.index) if unescape(title) in one.relations}
    assert len(streams_read) == 1 and one.relations
    serial, in_parallel = load_all([one.path], jobs=1), load_all([one.path], jobs=2)
    assert not in_parallel.errors and [r.title for r in in_parallel.records] == one.relations
    assert in_parallel.skipped == serial.skipped and sum(serial.skipped.values()) > 0
