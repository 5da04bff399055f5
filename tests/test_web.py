"""The web page (reports/web/app.py) through Starlette's TestClient: the form, builds in
the worker processes, results, downloads, and the defences (limits, names, tokens)."""

from __future__ import annotations

import io
import json
import re
import time
import warnings
import zipfile
from pathlib import Path
from types import SimpleNamespace

import docx
import pytest

pytest.importorskip("starlette")  # the web extra (the test extra brings it; CI runs these)
with warnings.catch_warnings():  # Starlette 1.x nudges towards httpx2; httpx works the same for tests
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from conftest import needs, pdf_text
from reports.web import ServeSettings, create_app
from reports.web import results
from test_docx_notes import notes_paragraph, texts_after_notes

pytestmark = pytest.mark.heavy  # builds in worker processes: several seconds

DATA = Path(__file__).resolve().parent.parent / "data"
ARTICLES = sorted(DATA.glob("*.txt"))
ALL_FORMATS = {"formats": ["pdf", "docx", "xlsx", "json"], "layout": "default"}
POLLS, POLL_SECONDS = 600, 0.1  # at most a minute for a build


def wait_for_build(client, location: str) -> dict:
    """Poll the status endpoint (briefly, a bounded number of times) until the build ends."""
    for _ in range(POLLS):
        status = client.get(f"{location}/status").json()
        if status["state"] in ("done", "failed"):
            return status
        time.sleep(POLL_SECONDS)
    raise AssertionError(f"{location} did not finish: {status}")


def start(client, files=(), **data) -> str:
    """POST the form; the build's address."""
    answer = client.post("/builds", files=[("files", f) for f in files], data={**ALL_FORMATS, **data},
                         follow_redirects=False)
    assert answer.status_code == 303, answer.text
    location = answer.headers["location"]
    assert re.fullmatch(r"/builds/[A-Za-z0-9_-]{22}", location)
    return location


def uploads(*paths: Path):
    return [(path.name, path.read_bytes()) for path in paths]


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    return tmp_path_factory.mktemp("builds")


@pytest.fixture(scope="module")
def client(builds):
    with TestClient(create_app(ServeSettings(builds=builds, workers=2, max_files=10))) as client:
        yield client


@pytest.fixture(scope="module")
def three(client):
    """The three data articles, built once for the tests that read the results."""
    location = start(client, uploads(*ARTICLES))
    return location, wait_for_build(client, location)


def test_the_form_offers_every_layout_and_format_each_input_labelled(client):
    page = client.get("/").text
    for name in ("pdf", "docx", "xlsx", "json"):
        assert f'id="format-{name}" name="formats" value="{name}"' in page
    assert 'value="default"' in page and 'value="es"' in page
    ids = re.findall(r'<(?:input|textarea)[^>]* id="([^"]+)"', page)
    labelled = set(re.findall(r'<label for="([^"]+)"', page))
    assert len(ids) >= 9 and set(ids) <= labelled


def test_three_uploaded_articles_give_their_documents(client, three, tmp_path):
    location, status = three
    assert status == {"state": "done", "planned": 3, "done": 3, "message": status["message"]}
    answer = client.get(f"{location}/files/georgia-mexico.pdf")
    assert answer.headers["content-type"] == "application/pdf"
    assert 'filename="georgia-mexico.pdf"' in answer.headers["content-disposition"]
    (tmp_path / "brief.pdf").write_bytes(answer.content)
    text = pdf_text(tmp_path / "brief.pdf")
    assert "Georgia–Mexico relations" in text and "1992" in text
    assert "georgia-mexico.txt" in text and "builds" not in text  # the user's file, no server path


@needs("pdftoppm")
def test_the_results_page_shows_facts_tables_previews_and_downloads(client, three):
    location, _ = three
    page = client.get(location).text
    for stem in ("georgia-mexico", "lithuania-mexico", "mexico-slovenia"):
        for extension in (".pdf", ".docx", ".xlsx", ".json"):
            assert f'href="{location}/files/{stem}{extension}"' in page
        image = client.get(f"{location}/preview/{stem}.png")
        assert image.headers["content-type"] == "image/png" and image.content[:4] == b"\x89PNG"
    downloads = page[page.index('id="downloads-title"'):page.index("<article")]
    assert f'href="{location}/files/relationships.xlsx"' in downloads and "everything.zip" in downloads
    assert page.count('<article class="relationship"') == 3
    assert "<caption>Visits</caption>" in page and "<caption>Agreements</caption>" in page
    record = json.loads(client.get(f"{location}/files/lithuania-mexico.json").content)
    visit = record["visits"][0]
    assert f"<td>{visit['person']}" in page or visit["person"] in page
    assert "Relations established" in page and record["established"] in page


def test_everything_comes_as_one_zip(client, three):
    location, _ = three
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"{location}/everything.zip").content))
    names = set(archive.namelist())
    assert {"georgia-mexico.pdf", "mexico-slovenia.docx", "lithuania-mexico.xlsx", "relationships.xlsx"} <= names
    assert not any(name.startswith(".") or "/" in name for name in names)


def test_pasted_text_is_an_article(client):
    text = (DATA / "mexico-slovenia.txt").read_text("utf-8")
    location = start(client, text=text, formats=["json"])
    assert wait_for_build(client, location)["state"] == "done"
    record = json.loads(client.get(f"{location}/files/mexico-slovenia.json").content)
    assert record["title"] == "Mexico–Slovenia relations" and record["source"]["path"] == "pasted-text.txt"
    assert client.get(f"{location}/files/mexico-slovenia.pdf").status_code == 404  # not asked for


def test_a_file_of_another_kind_is_refused_in_one_line(client, builds):
    before = set(builds.iterdir())
    answer = client.post("/builds", files=[("files", ("photo.png", b"\x89PNG..."))], data=ALL_FORMATS)
    assert answer.status_code == 400
    errors = re.findall(r'<p class="error" role="alert" id="form-error">([^<]*)</p>', answer.text)
    assert errors == [("photo.png: not a file this page reads (choose .txt, .wiki, .wikitext, .mediawiki, .xml, "
                       ".xml.bz2, .xml.gz, .zip, .docx or .xlsx)")]
    assert set(builds.iterdir()) == before  # no folder left behind


def test_an_unreadable_article_is_one_line_on_the_results_page(client):
    location = start(client, [("broken.txt", bytes(range(256)) * 20)])
    status = wait_for_build(client, location)
    page = client.get(location).text
    failures = re.findall(r'<li class="error">([^<]*)</li>', page)
    assert status["state"] == "done" and failures == ["broken.txt: error: this is a binary file, not a text article"]
    assert "Traceback" not in page


def test_nothing_to_build_and_no_format_are_told(client):
    assert "nothing to build" in client.post("/builds", data=ALL_FORMATS).text
    answer = client.post("/builds", data={"text": "x", "layout": "default"})
    assert answer.status_code == 400 and "choose at least one format" in answer.text


def test_a_path_in_a_file_name_stays_a_name(client, builds):
    location = start(client, [("../../../../tmp/evil/../x/georgia-mexico.txt",
                               (DATA / "georgia-mexico.txt").read_bytes())], formats=["json"])
    assert wait_for_build(client, location)["state"] == "done"
    folder = builds / location.rsplit("/", 1)[1]
    assert sorted(p.name for p in (folder / "inputs").iterdir()) == ["georgia-mexico.txt"]
    assert not list(builds.parent.glob("**/evil"))
    for name in ("..%2F..%2Fstatus.json", "%2E%2E", ".reports-manifest.json", "%2E.reports-state"):
        assert client.get(f"{location}/files/{name}").status_code == 404


def test_a_zip_is_checked_before_anything_is_taken_out(client, builds):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../../outside.txt", (DATA / "georgia-mexico.txt").read_bytes())
        archive.writestr("notes/readme.md", "not an article")
    location = start(client, [("articles.zip", buffer.getvalue())], formats=["json"])
    assert wait_for_build(client, location)["state"] == "done"
    folder = builds / location.rsplit("/", 1)[1]
    assert [p.name for p in (folder / "inputs").iterdir()] == ["outside.txt"]
    assert not (builds / "outside.txt").exists() and not (builds.parent / "outside.txt").exists()
    many = io.BytesIO()
    with zipfile.ZipFile(many, "w") as archive:
        for number in range(41):
            archive.writestr(f"a{number}.txt", "= A–B relations =\n")
    answer = client.post("/builds", files=[("files", ("many.zip", many.getvalue()))], data=ALL_FORMATS)
    assert answer.status_code == 400 and "many.zip: 41 entries; at most 40" in answer.text
    answer = client.post("/builds", files=[("files", ("fake.zip", b"PK not really"))], data=ALL_FORMATS)
    assert "fake.zip: not a readable zip archive" in answer.text


def test_a_zip_that_unpacks_too_large_is_refused(builds):
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("big.txt", b"a" * (3 * 1024 * 1024))
    assert len(bomb.getvalue()) < 100_000
    settings = ServeSettings(builds=builds, max_upload_mb=1, workers=1, warm=False)
    with TestClient(create_app(settings)) as small:
        answer = small.post("/builds", files=[("files", ("bomb.zip", bomb.getvalue()))], data=ALL_FORMATS)
    assert answer.status_code == 400 and "bomb.zip: too large unpacked: at most 1 MB" in answer.text


def test_an_upload_over_the_limit_is_refused_before_it_is_read(builds):
    with TestClient(create_app(ServeSettings(builds=builds, max_upload_mb=0.1, workers=1, warm=False))) as small:
        answer = small.post("/builds", files=[("files", ("big.txt", b"x" * 200_000))], data=ALL_FORMATS)
        assert answer.status_code == 413 and "at most 0.1 MB in one build" in answer.text
        many = [("files", (f"a{n}.txt", b"= A-B relations =\n")) for n in range(60)]
        answer = small.post("/builds", files=many, data=ALL_FORMATS)
        assert answer.status_code == 400 and "Too many files" in answer.text


def test_a_body_without_a_length_is_counted_as_it_comes(builds):
    body = b"--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.txt\"\r\n\r\n" + b"x" * 300_000

    def chunks():
        for start in range(0, len(body), 16_384):
            yield body[start:start + 16_384]

    with TestClient(create_app(ServeSettings(builds=builds, max_upload_mb=0.1, workers=1, warm=False))) as small:
        answer = small.post("/builds", content=chunks(),
                            headers={"content-type": "multipart/form-data; boundary=b"})
    assert answer.status_code == 413 and "at most 0.1 MB in one build" in answer.text


def test_titles_are_refused_without_fetch_and_handed_to_it_when_present(client, monkeypatch, tmp_path):
    import reports
    from reports.web import fetching

    monkeypatch.delattr(reports, "fetch", raising=False)
    answer = client.post("/builds", data={**ALL_FORMATS, "titles": "Mexico–Slovenia relations"})
    assert answer.status_code == 400 and "fetching pages by title is not available" in answer.text
    assert fetching.fetch_titles(["A–B relations"], tmp_path) == (
        [], ["fetching pages by title is not available in this installation of reports"])
    asked = []

    def fetch(titles, folder, wiki=None, contact=None):
        asked.append((titles, folder, wiki))
        (folder / "mexico-slovenia.wiki").write_text("x", "utf-8")
        return SimpleNamespace(files=[folder / "mexico-slovenia.wiki"], errors=["Atlantis–Mexico relations: no page"])

    monkeypatch.setattr(reports, "fetch", fetch, raising=False)
    assert fetching.can_fetch()
    assert fetching.fetch_titles(["Mexico–Slovenia relations"], tmp_path, wiki="http://127.0.0.1:9/w/api.php") == (
        [tmp_path / "mexico-slovenia.wiki"], ["Atlantis–Mexico relations: no page"])
    assert asked == [(["Mexico–Slovenia relations"], tmp_path, "http://127.0.0.1:9/w/api.php")]


def test_a_title_typed_on_the_page_is_fetched_from_the_wiki_and_built(builds, monkeypatch, tmp_path):
    """The form's titles go to the wiki the server was told (here the replay wiki on the
    loopback); the brief names the page's revision, as `reports build --fetch` does."""
    from wiki_server import relations_wiki, serve

    monkeypatch.setenv("REPORTS_CACHE", str(tmp_path / "cache"))  # inherited by the worker processes
    wiki = relations_wiki(DATA.parent)
    api, stop = serve(wiki)
    try:
        with TestClient(create_app(ServeSettings(builds=builds, workers=1, warm=False, wiki=api))) as fetching_client:
            location = start(fetching_client, [], titles="mexico slovenia relations")
            status = wait_for_build(fetching_client, location)
            assert status["state"] == "done", status
            record = json.loads(fetching_client.get(f"{location}/files/mexico-slovenia.json").content)
    finally:
        stop()
    assert record["source"]["revision"] == "1001" and record["source"]["timestamp"] == "2024-01-20T08:30:00Z"
    assert record["title"] == "Mexico–Slovenia relations" and record["visits"]


def test_builds_are_found_only_by_their_id(client, three):
    location, _ = three
    assert client.get("/builds").status_code in (404, 405)
    for other in ("/builds/AAAAAAAAAAAAAAAAAAAAAA", "/builds/%2E%2E", "/builds/x/status"):
        answer = client.get(other)
        assert answer.status_code == 404 and "nothing here" in answer.text
    assert client.get(location.upper() + "/status").status_code == 404


def test_a_token_is_asked_for_and_remembered(builds):
    with TestClient(create_app(ServeSettings(builds=builds, token="s3cret-token", workers=1, warm=False))) as guarded:
        assert guarded.get("/").status_code == 401
        assert guarded.get("/?token=wrong").status_code == 401
        answer = guarded.get("/?token=s3cret-token", follow_redirects=False)
        assert answer.status_code == 303 and answer.headers["location"].endswith("/")
        assert "HttpOnly" in answer.headers["set-cookie"] and "SameSite=strict" in answer.headers["set-cookie"]
        assert guarded.get("/").status_code == 200  # the cookie
    with TestClient(create_app(ServeSettings(builds=builds, token="s3cret-token", workers=1, warm=False))) as other:
        assert other.get("/", headers={"Authorization": "Bearer s3cret-token"}).status_code == 200


def test_listening_off_the_loopback_needs_a_token_or_open():
    from click.testing import CliRunner

    from reports.cli import cli
    from reports.web import exposure_problem

    assert exposure_problem("127.0.0.1", ServeSettings()) is None
    assert exposure_problem("::1", ServeSettings()) is None
    assert "reachable from other machines" in exposure_problem("0.0.0.0", ServeSettings())
    assert exposure_problem("0.0.0.0", ServeSettings(token="t")) is None
    assert exposure_problem("192.168.1.4", ServeSettings(open=True)) is None
    result = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 2 and "give --token" in result.output


def test_an_internal_error_is_one_line_and_logged(client, three, monkeypatch, caplog):
    def broken(*_):
        raise RuntimeError("a bug of ours")

    monkeypatch.setattr(results, "articles", broken)
    with TestClient(client.app, raise_server_exceptions=False) as plain:
        answer = plain.get(three[0])
    assert answer.status_code == 500
    assert re.findall(r'role="alert" id="message">([^<]*)<', answer.text) == [
        "Something went wrong on the server; it is logged. Please try again."]
    assert "Traceback" not in answer.text and "a bug of ours" not in answer.text
    assert "a bug of ours" in caplog.text


def test_an_edited_dossier_comes_back_with_its_notes(client, tmp_path):
    location = start(client, uploads(DATA / "georgia-mexico.txt"), formats=["docx"])
    assert wait_for_build(client, location)["state"] == "done"
    dossier = tmp_path / "georgia-mexico (1).docx"  # as a browser saves a second download
    dossier.write_bytes(client.get(f"{location}/files/georgia-mexico.docx").content)
    document = docx.Document(str(dossier))
    notes_paragraph(document, "summary").add_run("Ask the desk about the visa talks.")
    document.save(str(dossier))
    answer = client.post(f"{location}/rebuild", files=[("documents", (dossier.name, dossier.read_bytes()))],
                         follow_redirects=False)
    assert answer.status_code == 303
    assert wait_for_build(client, location)["state"] == "done"
    rebuilt = tmp_path / "rebuilt.docx"
    rebuilt.write_bytes(client.get(f"{location}/files/georgia-mexico.docx").content)
    assert "Ask the desk about the visa talks." in texts_after_notes(rebuilt, "summary")
    assert "Rebuild with your edits" in client.get(location).text


def test_a_dossier_uploaded_with_its_article_carries_its_notes(client, tmp_path):
    first = start(client, uploads(DATA / "lithuania-mexico.txt"), formats=["docx"])
    wait_for_build(client, first)
    dossier = tmp_path / "lithuania-mexico.docx"
    dossier.write_bytes(client.get(f"{first}/files/lithuania-mexico.docx").content)
    document = docx.Document(str(dossier))
    notes_paragraph(document, "summary").add_run("Follow the honorary consulate.")
    document.save(str(dossier))
    second = start(client, uploads(DATA / "lithuania-mexico.txt", dossier) + [("other.docx", b"PK")],
                   formats=["docx"])
    wait_for_build(client, second)
    rebuilt = tmp_path / "rebuilt.docx"
    rebuilt.write_bytes(client.get(f"{second}/files/lithuania-mexico.docx").content)
    assert "Follow the honorary consulate." in texts_after_notes(rebuilt, "summary")
    assert "other.docx: no article of this build has that name" in client.get(second).text


def test_simultaneous_builds_each_get_their_own_documents(client):
    locations = {path.stem: start(client, uploads(path), formats=["pdf", "json"]) for path in ARTICLES}
    locations["pasted"] = start(client, text=(DATA / "georgia-mexico.txt").read_text("utf-8"), formats=["json"])
    assert len(set(locations.values())) == 4
    for stem, location in locations.items():
        assert wait_for_build(client, location)["state"] == "done"
        page = client.get(location).text
        own = "georgia-mexico" if stem == "pasted" else stem
        assert set(re.findall(r"/files/([a-z-]+)\.json", page)) == {own}
        record = json.loads(client.get(f"{location}/files/{own}.json").content)
        assert record["id"] == own


def test_old_builds_are_removed(tmp_path):
    from reports.web import store

    old, folder = store.new_build(tmp_path)
    store.write_status(folder, {"state": "done"})
    assert store.remove_expired(tmp_path, keep_hours=1) == []
    assert store.remove_expired(tmp_path, keep_hours=1, now=time.time() + 3601) == [old]
    assert not folder.exists()
