"""reports/sources/cache.py: fetched revisions kept by wiki and revision id."""

from reports.sources.cache import RevisionCache, default_folder, wiki_folder_name


def test_a_revision_is_kept_per_wiki_and_read_back(tmp_path):
    english = RevisionCache(tmp_path, "https://en.wikipedia.org/w/api.php")
    english.put("42", "Chile–Ghana relations", "2024-01-01T00:00:00Z", "Text.")
    assert english.get("42") == {"title": "Chile–Ghana relations", "revision": "42",
                                 "timestamp": "2024-01-01T00:00:00Z", "text": "Text."}
    assert RevisionCache(tmp_path, "https://de.wikipedia.org/w/api.php").get("42") is None
    assert english.get("43") is None


def test_a_damaged_or_strange_entry_is_fetched_again(tmp_path):
    cache = RevisionCache(tmp_path, "http://127.0.0.1:8080/w/api.php")
    cache.put("7", "T", None, "x")
    (cache.folder / "7.json").write_text("{not json", "utf-8")
    assert cache.get("7") is None
    cache.put("../evil", "T", None, "x")
    assert cache.get("../evil") is None and not (tmp_path / "evil.json").exists()


def test_the_cache_folder_is_a_setting_with_a_default_in_the_users_cache(monkeypatch, tmp_path):
    monkeypatch.setenv("REPORTS_CACHE", str(tmp_path / "mine"))
    assert default_folder() == tmp_path / "mine"
    monkeypatch.delenv("REPORTS_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_folder() == tmp_path / "xdg" / "reports" / "pages"
    assert wiki_folder_name("http://127.0.0.1:8080/w/api.php") == "127.0.0.1_8080_w_api.php"
