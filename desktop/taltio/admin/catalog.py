"""`taltio-admin list` and `taltio-admin find`: which calls are in the store, and every call with one customer.

Listing is narrowed by key first (an agent's folder, one prefix per day of a date range) because a
bucket of a few years holds millions of objects and listing is what costs; only then are the manifests
read (a small thread pool, since each read is one round trip) for the filters that need their content.

Parsed manifests are cached on this computer, keyed by store, object key and size: recordings are
write-once, so a cached summary never goes stale. The cache keeps only what `list` shows plus the blind
number index; never the sealed party opened, never a number in clear (a schema-1 manifest's number is
re-read from the store when `find` needs it).

A call tampered with after it was stored is listed, and marked (issue 19.1). On a versioned bucket the
listing is of versions (store.list_stored), so a manifest a delete marker hides is still there, read at
its first version like every manifest; "deleted after it was stored" or "overwritten after it was
stored" comes from that listing each time, never from the cache, so a call hidden after it was cached
is marked too. Only the manifest is looked at here: `verify` checks every object.

`find` matches the blind index (``party.number_index``, an HMAC of the normalised number) when it has
the index key and the manifest's index was made with that key; otherwise it opens the sealed party with
the organisation identity, or reads the number of a schema-1 manifest. Each hit says how it matched.
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from taltio.admin.identities import load as load_identities
from taltio.admin.trust import AdminError
from taltio.admin.store import DELETED_AFTER, OVERWRITTEN_AFTER, ObjectInfo, Store, StoreError, call_ref, open_store
from taltio.domain import party

WORKERS = 8
BATCH = 64
MAX_DAY_PREFIXES = 400          # beyond this a date range is listed per agent and filtered by key
CACHE_VERSION = 2
LISTED = ("versions", "deleted")   # Summary fields the listing gives each time: never cached


class CatalogError(AdminError):
    """Bad input or an unusable store; printed as one line, exit 1."""


@dataclass(frozen=True)
class Summary:
    """What `list` and `find` need of one manifest; nothing here is secret (it goes into the local cache)."""
    key: str
    agent: str
    day: str
    call_id: str
    started: str | None
    direction: str | None
    outcome: str | None
    duration_s: float | None
    schema_version: int | None
    number_index: str | None      # schema 2's blind index, else None
    index_key_id: str | None
    sealed: bool                  # schema 2 with a sealed party
    clear_number: bool            # schema 1: the number is in the manifest in clear (not cached)
    # From the listing, each time; never cached (a delete marker or an overwrite can come after the cache).
    versions: tuple[str, ...] = ()  # the manifest's version ids, oldest first (a versioned bucket)
    deleted: bool = False           # a delete marker hides the manifest

    @property
    def tampered(self) -> str | None:
        """What was done to the manifest after it was stored, or None; the words verify's write-once check uses."""
        if self.deleted:
            return DELETED_AFTER
        return OVERWRITTEN_AFTER if len(self.versions) > 1 else None


@dataclass(frozen=True)
class Filters:
    agent: str | None = None
    since: date | None = None
    until: date | None = None
    direction: str | None = None
    outcome: str | None = None
    min_duration: float | None = None
    max_duration: float | None = None

    def wants(self, s: Summary) -> bool:
        """The content filters (the key filters were applied while listing)."""
        dur = s.duration_s or 0.0
        return ((self.direction is None or s.direction == self.direction)
                and (self.outcome is None or s.outcome == self.outcome)
                and (self.min_duration is None or dur >= self.min_duration)
                and (self.max_duration is None or dur <= self.max_duration))


def summarise(key: str, doc: dict) -> Summary:
    """The cacheable part of a parsed manifest (schema 1 or 2)."""
    ref = call_ref(key)
    if ref is None:
        raise CatalogError(f"{key} is not a manifest key")
    times = doc.get("times") if isinstance(doc.get("times"), dict) else {}
    started = next((times.get(k) for k in ("ring", "answer", "recording_start", "end") if times.get(k)), None)
    audio = doc.get("audio") if isinstance(doc.get("audio"), dict) else {}
    dur = audio.get("duration_s")
    p = doc.get("party") if isinstance(doc.get("party"), dict) else {}
    if p.get("index_scheme") not in (None, party.INDEX_SCHEME):
        p = {**p, "number_index": None}          # an index this version cannot compute: fall back
    return Summary(key, ref.agent, ref.day, ref.call_id, started, doc.get("direction"), doc.get("outcome"),
                   float(dur) if isinstance(dur, (int, float)) else None, doc.get("schema_version"),
                   p.get("number_index") if isinstance(p.get("number_index"), str) else None,
                   p.get("index_key_id") if isinstance(p.get("index_key_id"), str) else None,
                   bool(p.get("sealed")), "remote_number" in doc)


# -- the local cache -------------------------------------------------------------------------
class Cache:
    """Summaries by (store URL, key, size) in an SQLite file; used from the main thread only."""

    def __init__(self, path: Path | None) -> None:
        self.db: sqlite3.Connection | None = None
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path)
            self.db.execute("CREATE TABLE IF NOT EXISTS summary (store TEXT, key TEXT, size INTEGER, "
                            "version INTEGER, doc TEXT, PRIMARY KEY (store, key, size))")
        except sqlite3.Error as exc:        # a cache that cannot be used only costs speed
            print(f"taltio-admin: note: not caching manifests ({path}: {exc})", file=sys.stderr)
            self.db = None

    def get(self, store: str, obj: ObjectInfo) -> Summary | None:
        if self.db is None:
            return None
        row = self.db.execute("SELECT doc FROM summary WHERE store=? AND key=? AND size=? AND version=?",
                              (store, obj.key, obj.size, CACHE_VERSION)).fetchone()
        return Summary(**json.loads(row[0])) if row else None

    def get_many(self, store: str, objs: list[ObjectInfo]) -> list[Summary | None]:
        """One query for a batch (a listing of 100,000 calls is 1,600 queries, not 100,000)."""
        if self.db is None or not objs:
            return [None] * len(objs)
        marks = ",".join("?" * len(objs))
        found = {(k, n): d for k, n, d in self.db.execute(
            f"SELECT key, size, doc FROM summary WHERE store=? AND version=? AND key IN ({marks})",
            (store, CACHE_VERSION, *(o.key for o in objs)))}
        return [Summary(**json.loads(found[(o.key, o.size)])) if (o.key, o.size) in found else None for o in objs]

    def put(self, store: str, obj: ObjectInfo, s: Summary) -> None:
        if self.db is not None:
            doc = {k: v for k, v in vars(s).items() if k not in LISTED}
            self.db.execute("INSERT OR REPLACE INTO summary VALUES (?, ?, ?, ?, ?)",
                            (store, obj.key, obj.size, CACHE_VERSION, json.dumps(doc)))

    def close(self) -> None:
        if self.db is not None:
            self.db.commit()
            self.db.close()


def default_cache_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("taltio-admin")) / "manifests.sqlite"


# -- listing by key --------------------------------------------------------------------------
def agents(store: Store) -> list[str]:
    """The top-level agent folders (a delimiter listing in S3, not the whole bucket); `_audit` and the like are not agents."""
    return [a for a in store.folders() if a and not a.startswith("_")]


def prefixes(store: Store, f: Filters) -> list[str]:
    """Key prefixes to list: per agent, one per day of a bounded date range, else the agent's folder."""
    names = [f.agent] if f.agent else agents(store)
    if f.since is None:
        return [f"{a}/" for a in names]
    until = f.until or datetime.now(timezone.utc).date()
    span = (until - f.since).days + 1
    if span <= 0:
        return []
    if span > MAX_DAY_PREFIXES:
        return [f"{a}/" for a in names]
    days = [f.since + timedelta(days=i) for i in range(span)]
    return [f"{a}/{d:%Y/%m/%d}/" for a in names for d in days]


def manifest_objects(store: Store, f: Filters) -> Iterator[ObjectInfo]:
    """Manifest objects under the narrowed prefixes, in key order, with the day filter applied by key."""
    lo = f"{f.since:%Y/%m/%d}" if f.since else None
    hi = f"{f.until:%Y/%m/%d}" if f.until else None
    for prefix in prefixes(store, f):
        for obj in store.list_stored(prefix):
            ref = call_ref(obj.key)
            if ref is None or (lo and ref.day < lo) or (hi and ref.day > hi):
                continue
            yield obj


# -- reading manifests -----------------------------------------------------------------------
def _read(store: Store, obj: ObjectInfo) -> Summary | str:
    """A summary, or why the manifest is unusable (one bad object must not stop a listing)."""
    try:
        doc = json.loads(store.get(obj.key))
        if not isinstance(doc, dict):
            return f"{obj.key}: not a manifest (not a JSON object)"
        return summarise(obj.key, doc)
    except StoreError as exc:
        return str(exc)
    except ValueError:
        return f"{obj.key}: not JSON"


def summaries(store: Store, objs: Iterable[ObjectInfo], cache: Cache,
              pool: ThreadPoolExecutor) -> Iterator[Summary]:
    """Summaries in listing order, cached ones without a read, the rest read in parallel batches."""
    batch: list[ObjectInfo] = []

    def flush() -> Iterator[Summary]:
        cached = cache.get_many(store.url, batch)
        todo = [o for o, c in zip(batch, cached) if c is None]
        read = dict(zip((o.key for o in todo), pool.map(lambda o: _read(store, o), todo)))
        for o, c in zip(batch, cached):
            s = c if c is not None else read[o.key]
            if isinstance(s, str):
                print(f"taltio-admin: warning: {s}; skipped", file=sys.stderr)
                continue
            if c is None:
                cache.put(store.url, o, s)
            yield replace(s, versions=o.versions, deleted=o.deleted)
        batch.clear()

    for obj in objs:
        batch.append(obj)
        if len(batch) >= BATCH:
            yield from flush()
    yield from flush()


def calls(store: Store, f: Filters, cache: Cache, limit: int | None = None) -> Iterator[Summary]:
    """Calls passing every filter; stops listing once *limit* have been found."""
    found = 0
    with ThreadPoolExecutor(WORKERS) as pool:
        for s in summaries(store, manifest_objects(store, f), cache, pool):
            if f.wants(s):
                yield s
                found += 1
                if limit is not None and found >= limit:
                    return


# -- find ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Hit:
    call: Summary
    matched_by: str       # "index", "sealed party", "clear number (schema 1)"


def match(store: Store, s: Summary, number: str, index: tuple[str, str] | None,
          identities: list | None) -> Hit | str | None:
    """Whether call *s* is with *number* (normalised): a Hit, None (it is not), or why it could not be told."""
    if index is not None and s.number_index and (s.index_key_id in (None, index[1])):
        return Hit(s, "index") if s.number_index == index[0] else None
    if not s.clear_number and not s.sealed and s.number_index is None:
        return None               # no party at all (the softphone gave no number): not with this number
    if not s.clear_number and not (s.sealed and identities is not None):
        return "no index made with this key" + ("" if s.sealed else " and no party") + \
            ("" if identities is not None else "; give --identity to open the sealed party")
    try:
        doc = json.loads(store.get(s.key))
        p = party.of_manifest(doc, identities)
    except (StoreError, party.PartyError, ValueError) as exc:
        return str(exc)
    try:
        same = p.number is not None and party.normalise(p.number) == number
    except party.PartyError:
        return None
    if not same:
        return None
    return Hit(s, "clear number (schema 1)" if s.clear_number else "sealed party")


def find(store: Store, number: str, index_key: bytes | None, identities: list | None, f: Filters,
         cache: Cache) -> tuple[list[Hit], list[tuple[Summary, str]]]:
    """Every call with *number*, and the calls that could not be checked (with why)."""
    wanted = party.normalise(number)
    index = (party.number_index(index_key, wanted), party.key_id(index_key)) if index_key else None
    hits: list[Hit] = []
    unknown: list[tuple[Summary, str]] = []
    with ThreadPoolExecutor(WORKERS) as pool:
        every = list(summaries(store, manifest_objects(store, f), cache, pool))
        for s, r in zip(every, pool.map(lambda s: match(store, s, wanted, index, identities), every)):
            if isinstance(r, Hit):
                hits.append(r)
            elif isinstance(r, str):
                unknown.append((s, r))
    return hits, unknown


# -- command line ----------------------------------------------------------------------------
def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CatalogError(f"'{text}' is not a date: give YYYY-MM-DD") from None


def filters_of(ns: argparse.Namespace) -> Filters:
    since = parse_day(ns.since) if ns.since else None
    until = parse_day(ns.until) if ns.until else None
    if since and until and until < since:
        raise CatalogError(f"--to {until} is before --from {since}")
    for name in ("min_duration", "max_duration"):
        v = getattr(ns, name, None)
        if v is not None and v < 0:
            raise CatalogError(f"--{name.replace('_', '-')} must be zero or more seconds")
    return Filters(ns.agent, since, until, getattr(ns, "direction", None), getattr(ns, "outcome", None),
                   getattr(ns, "min_duration", None), getattr(ns, "max_duration", None))


def _cache(ns: argparse.Namespace) -> Cache:
    return Cache(None if ns.no_cache else default_cache_path())


def _row(s: Summary) -> dict:
    return {"date": s.started or s.day.replace("/", "-"), "agent": s.agent, "direction": s.direction,
            "duration_s": s.duration_s, "outcome": s.outcome, "call_id": s.call_id, "manifest": s.key,
            "tampered": s.tampered, "manifest_versions": list(s.versions)}


def _table(rows: list[dict], *extra: str) -> str:
    """The rows as columns; TAMPERED only when a call was, so that it stands out."""
    extra += ("tampered",) if any(r["tampered"] for r in rows) else ()
    head = ["DATE", "AGENT", "DIRECTION", "DURATION", "OUTCOME", "CALL"] + [x.upper() for x in extra]
    cells = [[r["date"][:19].replace("T", " "), r["agent"], r["direction"] or "-",
              "-" if r["duration_s"] is None else f"{r['duration_s']:.0f} s", r["outcome"] or "-", r["call_id"]]
             + [r[x] or "-" for x in extra] for r in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) if cells else len(h) for i, h in enumerate(head)]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(line, widths)).rstrip() for line in [head, *cells])


def _show(rows: list[dict], as_json: bool, table: str) -> None:
    """JSON lines or the table, then a warning naming each tampered call: a mark in a long table is easy to miss."""
    if as_json:
        for r in rows:
            print(json.dumps(r))
    else:
        print(table)
    for r in rows:
        if r["tampered"]:
            ids = r["manifest_versions"]
            first = f", first {ids[0]}" if ids else ""
            print(f"taltio-admin: warning: call {r['call_id']}: its manifest {r['manifest']} was {r['tampered']} "
                  f"({len(ids)} version(s){first}); listed as it was first stored; `taltio-admin verify` checks "
                  "every object", file=sys.stderr)


def run_list(ns: argparse.Namespace) -> int:
    def go() -> int:
        if ns.limit is not None and ns.limit <= 0:
            raise CatalogError("--limit must be a positive number")
        store, cache = open_store(ns.store, ns.endpoint), _cache(ns)
        try:
            rows = [_row(s) for s in calls(store, filters_of(ns), cache, ns.limit)]
        finally:
            cache.close()
        _show(rows, ns.json, _table(rows) if rows else f"no calls in {store.url} match")
        return 0
    return guarded(go)


def index_key(ns: argparse.Namespace) -> bytes | None:
    if ns.index_key_file:
        try:
            text = Path(ns.index_key_file).read_text()
        except OSError as exc:
            raise CatalogError(f"cannot read the index key file {ns.index_key_file}: {exc.strerror}") from None
        return party.parse_key(text)
    env = os.environ.get("TALTIO_NUMBER_INDEX_KEY")
    return party.parse_key(env) if env else None


def _identities(path: str | None) -> list | None:
    return load_identities(path) if path else None


def run_find(ns: argparse.Namespace) -> int:
    def go() -> int:
        number = party.normalise(ns.number)
        key, identities = index_key(ns), _identities(ns.identity)
        store, cache = open_store(ns.store, ns.endpoint), _cache(ns)
        try:
            hits, unknown = find(store, number, key, identities, filters_of(ns), cache)
        finally:
            cache.close()
        rows = [{**_row(h.call), "matched_by": h.matched_by} for h in hits]
        _show(rows, ns.json, _table(rows, "matched_by") if rows else f"no call with {number} in {store.url}")
        for s, why in unknown:
            print(f"taltio-admin: could not check {s.key}: {why}", file=sys.stderr)
        return 0
    return guarded(go)


def guarded(fn) -> int:  # noqa: ANN001
    """Run a command; the errors a supervisor can fix print as one line and exit 1, no traceback."""
    try:
        return fn()
    except (AdminError, StoreError, party.PartyError, sqlite3.Error) as exc:
        print(f"taltio-admin: {exc}", file=sys.stderr)
        return 1


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", required=True, help="s3://BUCKET/PREFIX (the agents' storage.url) or file:///FOLDER")
    p.add_argument("--endpoint", help="S3 endpoint URL (default AWS_ENDPOINT_URL, else AWS); credentials from "
                                      "the usual AWS variables or ~/.aws")
    p.add_argument("--agent", help="only this agent's calls")
    p.add_argument("--from", dest="since", metavar="DATE", help="calls on or after this day (YYYY-MM-DD, UTC)")
    p.add_argument("--to", dest="until", metavar="DATE", help="calls on or before this day (YYYY-MM-DD, UTC)")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.add_argument("--no-cache", action="store_true", help="read every manifest again (the cache is only speed)")


def register(sub: argparse._SubParsersAction) -> None:
    """Add `list` and `find` to taltio-admin."""
    lp = sub.add_parser("list", help="list calls in the store, filtered", description=__doc__,
                        formatter_class=argparse.RawDescriptionHelpFormatter)
    _common(lp)
    lp.add_argument("--direction", choices=("incoming", "outgoing"))
    lp.add_argument("--outcome", help="recorded, interrupted, declined, private, ...")
    lp.add_argument("--min-duration", type=float, metavar="S", help="at least S seconds of audio")
    lp.add_argument("--max-duration", type=float, metavar="S", help="at most S seconds of audio")
    lp.add_argument("--limit", type=int, metavar="N", help="stop after N calls")
    lp.set_defaults(handler=run_list)
    fp = sub.add_parser("find", help="every call with one customer's number", description=__doc__,
                        formatter_class=argparse.RawDescriptionHelpFormatter)
    _common(fp)
    fp.add_argument("--number", required=True, help="the customer's number, e.g. +358401234567")
    fp.add_argument("--index-key-file", help="file with the number-index key (encryption.number_index_key); "
                                             "default: env TALTIO_NUMBER_INDEX_KEY")
    fp.add_argument("--identity", help="the organisation's age identity file, to open sealed parties that "
                                       "have no index under this key")
    fp.set_defaults(handler=run_find)
