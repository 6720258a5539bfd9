"""Entity resolution: the people, organisations and places of one article, matched to the registry's.

An article's entities are first grouped (the extractor may give one town
twice, or an organisation and its acronym apart), then each group is found
in the registry or added to it:

- places by GeoNames id when known, else by any name or alias, never across
  different GeoNames ids or countries;
- organisations by any name or alias, acronyms included ('TDBB');
- people by full name (two words or more), a surname alone never merges.

Every name an article gives an entity is kept with the reason it belongs
there ("alias of 'Turkestan' in a01.txt", "same GeoNames id 1517945 in
b.txt", "acronym TDBB in c.txt"), so that `amity entity` can explain it.
A municipality ('Turkistan Municipality') is linked to its town.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import product
from math import prod
from typing import Any, cast

from sqlalchemy import Table, and_, bindparam, insert, or_, select, update
from sqlalchemy.orm import Session

from amity.model import Entity, Evidence, Record, Role
from amity.registry.event_rules import ENTITIES_PER_QUERY
from amity.registry.names import is_shouted, town_key
from amity.registry.tie_rules import KnownTies, party_key
from amity.store import pending
from amity.store.membership import among, distinct_pairs
from amity.store.schema import EntityNameRow, EntityRow, MentionRow, RoleRow, TieRow
from amity.vocabulary.names import fold, initials, is_acronym, name_key

#: Most sets of parties one tie's names may stand for that a batch asks about before it resolves them.
_MOST_PARTY_SETS = 16

#: Keys a `Known` keeps from one transaction to the next, of all it holds (names, entities, places, offices,
#: ties found and asked): a few hundred bytes each.
_MOST_KEYS_KEPT = 1_000_000

#: When a name could be several entities, the kind most names in events and ties are.
_TYPE_PREFERENCE = {"place": 0, "organization": 1, "person": 2}


@dataclass
class Group:
    """The record entities that are one thing in one article, with every name and why it is theirs."""

    type: str
    name: str
    names: dict[str, tuple[str, str]]  # key → (the name as written, why it names this thing)
    geonames_id: int | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    roles: list[Role] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)

    @classmethod
    def of(cls, entity: Entity, doc: str) -> Group:
        group = cls(entity.type, entity.name, {}, entity.geonames_id, entity.country, entity.lat, entity.lon)
        group._add_name(entity.name, f"named in {doc}")
        group._take(entity, doc)
        return group

    @property
    def primary_key(self) -> str:
        return name_key(self.name)

    def absorb(self, entity: Entity, doc: str, reason: str) -> None:
        """Add another record entity that names the same thing; `reason` explains its name."""
        self._add_name(entity.name, reason)
        self._take(entity, doc)
        if self.geonames_id is None and entity.geonames_id is not None:
            self.geonames_id, self.lat, self.lon = entity.geonames_id, entity.lat, entity.lon
        self.country = self.country or entity.country

    def _take(self, entity: Entity, doc: str) -> None:
        for alias in entity.aliases:
            self._add_name(alias, f"alias of '{entity.name}' in {doc}")
        self.roles += [r for r in entity.roles if r not in self.roles]
        self.evidence += [e for e in entity.evidence if e not in self.evidence]

    def _add_name(self, name: str, reason: str) -> None:
        key = name_key(name)
        if key and key not in self.names:
            self.names[key] = (name, reason)


def group_entities(record: Record) -> list[Group]:
    """The record's entities with duplicates joined: same type and name, same GeoNames id, acronym of a sibling."""
    groups: list[Group] = []
    for entity in record.entities:
        same = _same_in_record(groups, entity)
        if same is None:
            groups.append(Group.of(entity, record.doc))
        elif name_key(entity.name) == same.primary_key:
            same.absorb(entity, record.doc, f"named in {record.doc}")
        else:
            same.absorb(entity, record.doc, f"same GeoNames id {entity.geonames_id} in {record.doc}")
    return _join_acronyms(groups, record.doc)


def _same_in_record(groups: list[Group], entity: Entity) -> Group | None:
    key = name_key(entity.name)
    for group in groups:
        if group.type != entity.type:
            continue
        if entity.geonames_id is not None and group.geonames_id is not None:
            if entity.geonames_id == group.geonames_id:
                return group
            continue
        if key == group.primary_key:
            return group
    return None


def _join_acronyms(groups: list[Group], doc: str) -> list[Group]:
    """A bare acronym organisation ('OTS') joins the organisation whose initials it spells."""
    kept: list[Group] = []
    for group in groups:
        target = None
        if group.type == "organization" and is_acronym(group.name) and len(group.names) == 1:
            target = next((g for g in groups if g is not group and g.type == "organization"
                           and not is_acronym(g.name) and initials(g.name) == group.name.replace(".", "")), None)
        if target is None:
            kept.append(group)
            continue
        target._add_name(group.name, f"acronym {group.name} of '{target.name}' in {doc}")
        target.roles += [r for r in group.roles if r not in target.roles]
        target.evidence += [e for e in group.evidence if e not in target.evidence]
    return kept


@dataclass(eq=False, slots=True)
class KnownEntity:
    """An entity as a merge reads and completes it: plain values read in one core query per batch, not ORM
    objects (which cost several times as much to load, and a flush each to add), its changes written back
    by `Known.write` in one UPDATE for all."""

    id: int
    type: str
    name: str
    country: str | None
    geonames_id: int | None
    lat: float | None
    lon: float | None
    parent_id: int | None


_ENTITY_COLUMNS = select(EntityRow.id, EntityRow.type, EntityRow.name, EntityRow.country, EntityRow.geonames_id,
                         EntityRow.lat, EntityRow.lon, EntityRow.parent_id)
_ENTITY_TABLE = cast(Table, EntityRow.__table__)
_CHANGE = (update(_ENTITY_TABLE).where(_ENTITY_TABLE.c.id == bindparam("b_id"))
           .values(name=bindparam("b_name"), country=bindparam("b_country"), geonames_id=bindparam("b_geonames_id"),
                   lat=bindparam("b_lat"), lon=bindparam("b_lon"), parent_id=bindparam("b_parent_id")))


class Known:
    """What the registry was asked already about names, entities and GeoNames ids, shared by the articles
    merged in one transaction: an article costs a few queries, not a few per name, and a batch a few more.

    It stays true while only merges write (each adds what it makes); a
    transaction that deletes or reshapes entities (a replaced article, an
    analyst's decisions) starts a new one.

    `allocate`: new entities take ids counted on from the table's largest
    (`pending.new_id`) and are inserted with the other rows a merge only
    adds, so that no statement runs for each. Only where nothing else adds
    entities in the transaction (a merge without analysts' decisions, whose
    undoing and redoing adds entities through the ORM).
    """

    def __init__(self, *, allocate: bool = False) -> None:
        self.allocate = allocate
        self.having: dict[str, set[int]] = {}  # name key -> the entities with it
        self.rows: dict[int, KnownEntity] = {}  # entities read or made, by id
        self.by_geonames: dict[int, KnownEntity | None] = {}  # GeoNames id -> its first place
        self._changed: dict[int, KnownEntity] = {}  # entities read and changed since last written
        self.offices: set[tuple[int, int]] = set()  # (person, body) pairs some article gave, as far as asked
        self.offices_read: set[int] = set()  # the people all of whose offices are in `offices`
        self.ties = KnownTies(allocate=allocate)

    def full(self) -> bool:
        """Whether it holds so much that it is better asked afresh than kept (its memory): every key it grows by
        counts, not only the names (a corpus of few names may ask about many ties, or name many new entities)."""
        held = (len(self.having) + len(self.rows) + len(self.by_geonames) + len(self.offices) + len(self.offices_read)
                + self.ties.size())
        return held > _MOST_KEYS_KEPT

    def ask(self, session: Session, keys: Iterable[str]) -> None:
        """Read which entities have each of these name keys not asked before, in one query."""
        unasked = list(dict.fromkeys(k for k in keys if k not in self.having))
        if not unasked:
            return
        for key in unasked:
            self.having[key] = set()
        for key, entity_id in distinct_pairs(session, EntityNameRow.key, EntityNameRow.entity_id, unasked):
            self.having[key].add(entity_id)

    def read(self, session: Session, ids: Iterable[int]) -> None:
        """Read the entities of these ids not read before, in one query."""
        unread = [i for i in dict.fromkeys(ids) if i not in self.rows]
        if unread:
            self.rows.update((row[0], KnownEntity(*row))
                             for row in session.execute(_ENTITY_COLUMNS.where(among(session, EntityRow.id, unread))))

    def places_of(self, session: Session, geonames_ids: Iterable[int]) -> None:
        """Read the first place entity of each GeoNames id not asked before, in one query."""
        unasked = [g for g in dict.fromkeys(geonames_ids) if g not in self.by_geonames]
        if not unasked:
            return
        for row in session.execute(_ENTITY_COLUMNS.where(EntityRow.geonames_id.in_(unasked)).order_by(EntityRow.id)):
            entity = self.rows.setdefault(row[0], KnownEntity(*row))
            if entity.type == "place":
                self.by_geonames.setdefault(entity.geonames_id, entity)  # type: ignore[arg-type]
        for g in unasked:
            self.by_geonames.setdefault(g, None)

    def make(self, session: Session, group: Group) -> KnownEntity:
        """Add a new entity for this group to the registry."""
        values: dict[str, Any] = {"type": group.type, "name": group.name, "country": group.country,
                  "geonames_id": group.geonames_id, "lat": group.lat, "lon": group.lon, "parent_id": None}
        if self.allocate:
            entity_id = pending.new_id(session, EntityRow)
            pending.add(session, EntityRow, id=entity_id, **values)
        else:
            entity_id = session.scalars(insert(EntityRow).values(**values).returning(EntityRow.id)).one()
        entity = self.rows[entity_id] = KnownEntity(entity_id, **values)
        self.ties.new_entities.add(entity_id)
        return entity

    def changed(self, entity: KnownEntity) -> None:
        """Note that the merge changed this entity (to `write`)."""
        self._changed[entity.id] = entity

    def write(self, session: Session) -> None:
        """Write the changes made to entities since last written, in one statement."""
        if self._changed:
            session.execute(_CHANGE, [{"b_id": e.id, "b_name": e.name, "b_country": e.country,
                                       "b_geonames_id": e.geonames_id, "b_lat": e.lat, "b_lon": e.lon,
                                       "b_parent_id": e.parent_id} for e in self._changed.values()])
            self._changed = {}

    def prepare(self, session: Session, records: Iterable[Record]) -> None:
        """Ask in a few queries all that merging these records will: their entities' names, the towns and
        municipalities those may be, the entities having them, their places' GeoNames ids, the offices of
        the people among them, and the ties between them."""
        records = list(records)
        keys: list[str] = []
        places: list[int] = []
        people: list[str] = []
        for record in records:
            for entity in record.entities:
                if entity.type == "person":
                    people += [name_key(name) for name in (entity.name, *entity.aliases)]
                if entity.type == "place" and entity.geonames_id is not None:
                    places.append(entity.geonames_id)
                for name in (entity.name, *entity.aliases):
                    key = name_key(name)
                    keys += [key, f"municipality of {key}"]
                    town = town_key(name)
                    if town:
                        keys.append(town)
        self.ask(session, keys)
        self.read(session, (i for key in keys for i in self.having[key]))
        self.places_of(session, places)
        self._offices_of(session, {i for key in people for i in self.having[key]
                                    if (row := self.rows.get(i)) is not None and row.type == "person"})
        self._ties_of(session, records)

    def _offices_of(self, session: Session, people: set[int]) -> None:
        """Read every (person, body) office of these people not read before, in one query each 2,000."""
        unread = sorted(people - self.offices_read)
        for start in range(0, len(unread), ENTITIES_PER_QUERY):
            self.offices.update(distinct_pairs(session, RoleRow.person_id, RoleRow.of_entity_id,
                                               unread[start:start + ENTITIES_PER_QUERY]))
        self.offices_read.update(unread)

    def _ties_of(self, session: Session, records: list[Record]) -> None:
        """Read the ties the records' ties may be added to, in one query: every set of parties their names can
        stand for, as far as each names known entities and there are few such sets (the others are asked as
        their articles resolve them). A set asked and not found has no tie (`KnownTies.absent`)."""
        wanted: dict[str, set[str]] = defaultdict(set)  # kind -> party keys
        for record in records:
            for tie in record.ties:
                parties = [self._may_be(name, tie.kind) for name in tie.parties]
                if all(parties) and prod(len(ids) for ids in parties) <= _MOST_PARTY_SETS:
                    wanted[tie.kind].update(key for ids in product(*parties)
                                            if (tie.kind, key := party_key(ids)) not in self.ties.ids)
        if wanted:
            for tie_id, kind, key in session.execute(select(TieRow.id, TieRow.kind, TieRow.party_key).where(
                    or_(*(and_(TieRow.kind == kind, TieRow.party_key.in_(sorted(keys))) for kind, keys in wanted.items())))):
                self.ties.ids[kind, key] = tie_id
            self.ties.absent |= {(kind, key) for kind, keys in wanted.items() for key in keys
                                 if (kind, key) not in self.ties.ids}

    def _may_be(self, name: str, kind: str) -> set[int]:
        """The known entities a tie's party name may stand for (their towns, for twinned towns)."""
        ids = self.having.get(name_key(name), set())
        if kind != "sister_city":
            return ids
        return {parent if (row := self.rows.get(i)) is not None and (parent := row.parent_id) is not None else i
                for i in ids}


class ArticleEntities:
    """The entities one article speaks of: resolving its groups and the names its events and ties use.

    Every entity a fact of the article points at gets a mention in the
    article, so that deleting the article can tell which entities no
    article speaks of any more.
    """

    def __init__(self, session: Session, article_id: int, doc: str, known: Known | None = None) -> None:
        self._session = session
        self._article_id = article_id
        self._doc = doc
        self._by_fold: dict[str, int] = {}
        self._by_key: dict[str, list[KnownEntity]] = {}
        self._named: set[tuple[int, str]] = set()  # (entity, key) already named by this article
        self.mentioned: set[int] = set()
        self.linked: set[int] = set()  # municipalities linked to their towns, and those towns
        known = known or Known()
        self._known = known
        self._having, self._rows, self._by_geonames = known.having, known.rows, known.by_geonames

    # ------------------------------------------------------------------ the article's own entities

    def add_all(self, groups: list[Group]) -> list[tuple[Group, KnownEntity]]:
        """Resolve every group to a registry entity (found or new), then link municipalities to towns."""
        self._named_by([key for group in groups for key in group.names])
        self._places_of([g.geonames_id for g in groups if g.type == "place" and g.geonames_id is not None])
        resolved = [(group, self._add(group)) for group in groups]
        self._link_municipalities(resolved)
        self._known.write(self._session)
        return resolved

    def _add(self, group: Group) -> KnownEntity:
        found = self._match(group)
        if found is None:
            entity = self._known.make(self._session, group)
            self._name(entity, group, bridge=None, known=set())
        else:
            entity, bridge = found
            known = {key for key in group.names if entity.id in self._named_by([key]).keys()}
            if self._complete(entity, group):
                self._known.changed(entity)
            self._name(entity, group, bridge, known)
        if entity.type == "place" and entity.geonames_id is not None:
            first = self._by_geonames.get(entity.geonames_id)
            if first is None or first.id > entity.id:  # the first place of its id, also when it just got one
                self._by_geonames[entity.geonames_id] = entity
        for evidence in group.evidence or [None]:  # type: ignore[list-item]  # None: a mention without evidence
            self.mention(entity.id, evidence, always=True)
        for key, (surface, _) in group.names.items():
            self._by_fold.setdefault(fold(surface), entity.id)
            rows = self._by_key.setdefault(key, [])
            if entity not in rows:
                rows.append(entity)
        return entity

    def _match(self, group: Group) -> tuple[KnownEntity, str | None] | None:
        """The registry entity this group is, and the reason its main name joins it (None: same name)."""
        doc = self._doc
        if group.type == "place" and group.geonames_id is not None:
            same_id = self._places_of([group.geonames_id]).get(group.geonames_id)
            if same_id is not None:
                return same_id, f"same GeoNames id {group.geonames_id} in {doc}"
        keys = [k for k in group.names if group.type != "person" or " " in k]
        if not keys:
            return None
        named = self._named_by(keys)
        rows = [(entity, key) for entity in self._entities(named, group.type) for key in sorted(named[entity.id])]
        rows.sort(key=lambda row: row[1] != group.primary_key)  # a match on the main name first
        for entity, key in rows:
            if _conflicts(entity, group):
                continue
            if key == group.primary_key:
                return entity, None
            surface = group.names[key][0]
            if group.type == "organization" and is_acronym(surface):
                return entity, f"acronym {surface} in {doc}"
            return entity, f"also called '{surface}' in {doc}"
        return None

    def _name(self, entity: KnownEntity, group: Group, bridge: str | None, known: set[str]) -> None:
        for key, (surface, reason) in group.names.items():
            if (entity.id, key) in self._named:
                continue
            self._named.add((entity.id, key))
            if bridge is not None and key == group.primary_key and key not in known:
                reason = bridge
            pending.add(self._session, EntityNameRow, entity_id=entity.id, name=surface, key=key, reason=reason,
                        article_id=self._article_id)
            if key in self._having:
                self._having[key].add(entity.id)

    @staticmethod
    def _complete(entity: KnownEntity, group: Group) -> bool:
        """Fill what the registry did not know yet; a name in capitals gives way to a written one. Whether
        anything changed."""
        before = (entity.geonames_id, entity.lat, entity.lon, entity.country, entity.name)
        if entity.geonames_id is None and group.geonames_id is not None:
            entity.geonames_id, entity.lat, entity.lon = group.geonames_id, group.lat, group.lon
        entity.country = entity.country or group.country
        if is_shouted(entity.name) and not is_shouted(group.name) and name_key(entity.name) == group.primary_key:
            entity.name = group.name
        return (entity.geonames_id, entity.lat, entity.lon, entity.country, entity.name) != before

    def _link_municipalities(self, resolved: list[tuple[Group, KnownEntity]]) -> None:
        """'Turkistan Municipality' → the town Turkistan, whichever of the two the registry met first."""
        towns = {key: e for g, e in resolved if e.type == "place" for key in g.names}
        wanted = [f"municipality of {k}" for g, e in resolved if e.type == "place" for k in g.names]
        for group, entity in resolved:
            if entity.type == "organization" and entity.parent_id is None:
                wanted += filter(None, [town_key(entity.name), *(town_key(s) for s, _ in group.names.values())])
        self._entities(self._named_by(wanted), "place")  # asked in one go; the loop below finds them known
        for group, entity in resolved:
            if entity.type == "organization" and entity.parent_id is None:
                key = town_key(entity.name) or next(filter(None, map(town_key, (s for s, _ in group.names.values()))), None)
                town = towns.get(key) if key else None
                if key and town is None:
                    candidates = self._entities(self._named_by([key]), "place")
                    town = candidates[0] if len(candidates) == 1 else None
                if town is not None:
                    entity.parent_id = town.id
                    self._known.changed(entity)
                    self.linked |= {entity.id, town.id}
                    self.mention(town.id, group.evidence[0] if group.evidence else None)
            elif entity.type == "place":
                keys = list(group.names) + [f"municipality of {k}" for k in group.names]
                orphans = self._entities(self._named_by(keys), "organization")
                for org in orphans:
                    if org.parent_id is None and town_key(org.name) in group.names:
                        org.parent_id = entity.id
                        self._known.changed(org)
                        self.linked |= {org.id, entity.id}

    def _named_by(self, keys: list[str]) -> dict[int, set[str]]:
        """The entities that have any of these name keys, with the keys each has.

        Looked up by key first and joined to entities by id in a second
        query: in one join, SQLite without statistics starts from the entity
        type and walks every organisation of the registry for each name.
        """
        self._known.ask(self._session, keys)
        named: dict[int, set[str]] = {}
        for key in keys:
            for entity_id in self._having[key]:
                named.setdefault(entity_id, set()).add(key)
        return named

    def _entities(self, ids: Iterable[int], type_: str) -> list[KnownEntity]:
        """Those of these entities that are of this type, oldest first."""
        self._known.read(self._session, ids)
        return sorted((self._rows[i] for i in ids if i in self._rows and self._rows[i].type == type_),
                      key=lambda e: e.id)

    def _places_of(self, geonames_ids: list[int]) -> dict[int, KnownEntity | None]:
        """The first place entity of each GeoNames id (None: none yet)."""
        self._known.places_of(self._session, geonames_ids)
        return {g: self._by_geonames[g] for g in geonames_ids}

    # ------------------------------------------------------------------ names used by events, ties, roles

    def find(self, name: str | None, evidence: Evidence | None = None) -> int | None:
        """The entity a name in this article stands for: one of its own, else one the registry knows."""
        if not name:
            return None
        folded = fold(name)
        if folded in self._by_fold:
            return self._by_fold[folded]
        key = name_key(name)
        local = self._by_key.get(key)
        if local:
            return min(local, key=lambda e: _TYPE_PREFERENCE.get(e.type, 9)).id
        rows = self._session.execute(
            select(EntityRow.id, EntityRow.type, EntityNameRow.name).join(EntityNameRow, EntityNameRow.entity_id == EntityRow.id)
            .where(EntityNameRow.key == key)).all()
        if not rows:
            return None
        best: int = min(rows, key=lambda r: (fold(r.name) != folded, _TYPE_PREFERENCE.get(r.type, 9), r.id)).id
        self._by_fold[folded] = best
        self.mention(best, evidence)
        return best

    def mention(self, entity_id: int, evidence: Evidence | None, *, always: bool = False) -> None:
        """Record that this article speaks of the entity (once, unless `always`: one per sentence)."""
        if entity_id in self.mentioned and not always:
            return
        self.mentioned.add(entity_id)
        pending.add(self._session, MentionRow, entity_id=entity_id, article_id=self._article_id,
                    sentence=evidence.sentence if evidence else None,
                    start=evidence.start if evidence else None, end=evidence.end if evidence else None)

    def parent(self, entity_id: int) -> int | None:
        """The town of a municipality."""
        entity = self._rows.get(entity_id)
        if entity is None:
            self._known.read(self._session, [entity_id])
            entity = self._rows.get(entity_id)
        return entity.parent_id if entity is not None else None


def _conflicts(entity: KnownEntity, group: Group) -> bool:
    """Two places of one name that cannot be one: different GeoNames ids or countries."""
    if entity.geonames_id is not None and group.geonames_id is not None and entity.geonames_id != group.geonames_id:
        return True
    return bool(entity.country and group.country and entity.country != group.country)
