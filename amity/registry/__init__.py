"""The registry: what many articles say, merged, and the questions it answers.

Plain functions over a SQLAlchemy Engine or Session, so that the CLI and a
web app are thin layers over the same calls:

- `ingest(items, db)` stores articles (one transaction each) and merges
  their entities, events and ties into the shared ones;
- `ties`, `entity_profile`, `events`, `timeline` and `stats` read it.
"""
from amity.registry.ingest import IngestSummary, content_hash, ingest
from amity.registry.listing import DORMANT_YEARS, events, ties
from amity.registry.profile import entity_profile
from amity.registry.stats import stats
from amity.registry.timeline import timeline

__all__ = ["DORMANT_YEARS", "IngestSummary", "content_hash", "entity_profile", "events", "ingest", "stats", "ties",
           "timeline"]
