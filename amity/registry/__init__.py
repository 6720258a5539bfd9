"""The registry: what many articles say, merged, and the questions it answers.

Plain functions over a SQLAlchemy Engine or Session, so that the CLI and a
web app are thin layers over the same calls:

- `ingest(items, db)` stores articles (many per transaction) and merges
  their entities, events and ties into the shared ones;
- `ties`, `entity_profile`, `events`, `timeline` and `stats` read it;
  `TieQuery` is the one way to choose ties (the web and the exports use it too).

These names are the package's whole public surface (`__all__`, pinned by a
test); no submodule shares a name with them, so `from amity.registry import
ties` is always the function. The submodules are the implementation:
`intake` (ingest), `merge`, `event_rules` and `tie_rules` (one event and one
tie per real thing), `tie_query`, `listing`, `profile`, `chronology` and
`counts` (the reads), `curation` with `targets`, `curated` and `reshape` (analysts'
decisions), `lookup`, `names`, `dates`, `search`, `articles`, `silence`,
`countries`, `changes`.
"""
from amity.registry.chronology import timeline
from amity.registry.counts import stats
from amity.registry.intake import IngestSummary, content_hash, ingest
from amity.registry.listing import events, ties
from amity.registry.profile import entity_profile
from amity.registry.tie_query import DORMANT_YEARS, TieQuery

__all__ = ["DORMANT_YEARS", "IngestSummary", "TieQuery", "content_hash", "entity_profile", "events", "ingest", "stats", "ties",
           "timeline"]
