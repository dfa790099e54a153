"""Live inputs: RSS/Atom feeds polled over HTTP, and a folder watched for new files.

    fetch.py   one HTTP GET with a timeout, a size cap, redirects bounded, robots.txt honoured
    feeds.py   FeedPoller: conditional GETs (ETag / Last-Modified), new items only, pages fetched
    watch.py   FolderWatcher: files that appeared (and stopped growing) since the last look
    timing.py  "15m" / "30s" / "1h" intervals, and the loop that repeats a poll until Ctrl-C

Everything ends in Sitrep.store_analyses: the same pipeline and writer as `sitrep ingest PATH`.
"""
