"""Where article text comes from besides files: a wiki's MediaWiki Action API.

    fetch.fetch(titles, out, country=None, wiki=None, ...) -> FetchResult

mediawiki.py is the API client (manners, retries, limits), titles.py turns titles as
users type them into the titles a wiki may hold, cache.py keeps fetched revisions, and
fetch.py writes each page as a `.wiki` file whose note (readers/header.py) carries its
revision, so the wikitext reader gives it the same source as a dump's page.
"""
