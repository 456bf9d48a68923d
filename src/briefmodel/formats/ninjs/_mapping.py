"""The ninjs reader's rules for the metadata lists: ``people`` (authors and entities),
``organisations``, ``places``, ``events`` and ``objects``, ``subjects`` (and keywords),
``infoSources`` (the publisher and sources), ``genres`` and ``associations``, and what the
briefmodel metadata body adds to them."""

from __future__ import annotations

from typing import Any

from ..._converter import parse_datetime
from ..._patterns import NODE_ID, QCODE
from ...model import Agent, Correction, Entity, Related, Rights, Source, Subject
from ._base import _ReaderBase
from ._vocab import (
    _ASSOCIATION_KEYS,
    _AUTHOR_KEYS,
    _CODED_SUBJECT_KEYS,
    _ENTITY_KEYS,
    _KEYWORD_KEYS,
    _KIND_OF,
    _NAMING,
    _PUBLISHER_KEYS,
    _SOURCE_KEYS,
    _SUBJECT_KEYS,
    _TITLED_ASSOCIATION_KEYS,
    AUTHOR_REL,
    KEYWORD_REL,
    PUBLISHER_ROLE,
)

_ID = NODE_ID.regex
_QCODE = QCODE.regex


class _Mapping(_ReaderBase):
    """The reader's rules for the metadata lists, and the authors, rights, corrections
    and extensions of the briefmodel metadata body."""

    def by(self, value: Any) -> None:
        value = self.typed(value, str, ("by",))
        if value is not None and value.strip():
            self.fields["_by"] = value

    def entities(self, prop: str, value: Any) -> None:
        for index, item in self.items(prop):
            self.entity(prop, index, item)

    def entity(self, prop: str, index: int, item: dict[str, Any]) -> None:
        path = (prop, index)
        name, uri, literal = self.strings(item, _NAMING, path)
        rel = item.get("rel")
        if prop == "people" and rel == AUTHOR_REL:
            if name is None:
                self.lose(path, "an author without a name", item)
                return
            self.rest(item, _AUTHOR_KEYS, *path)
            self.fields.setdefault("authors", []).append((path, item, name, uri))
            return
        identifiers: dict[str, str] = {}
        if self.own and literal:
            ident = literal
            self.taken.add(ident)
        else:
            ident = self.new_id(literal, name, uri)
            if literal:
                identifiers["literal"] = literal
        if uri:
            identifiers["uri"] = uri
        extra = self.meta.get("entities", {}).get(ident, {}) if self.own else {}
        identifiers.update(extra.get("identifiers", {}))
        self.rest(item, _ENTITY_KEYS, *path)
        entity = self.build(
            path,
            Entity,
            item,
            id=ident,
            kind=_KIND_OF[prop],
            name=self.text(name or literal or uri or ident),
            aliases=extra.get("aliases", ()),
            identifiers=identifiers,
        )
        if entity is not None:
            self.fields.setdefault("entities", []).append(entity)

    def subjects(self, value: Any) -> None:
        for index, item in self.items("subjects"):
            path = ("subjects", index)
            name, uri, literal = self.strings(item, _NAMING, path)
            rel = item.get("rel")
            code = literal if literal and _QCODE.match(literal) else None
            if rel == KEYWORD_REL or (uri is None and code is None):
                keyword = name or literal
                if not keyword or not (self.own or keyword.strip()):
                    self.lose(path, "a subject without a name", item)
                    continue
                known = _KEYWORD_KEYS[rel == KEYWORD_REL, literal is None or literal == name]
                self.rest(item, known, *path)
                self.fields.setdefault("keywords", []).append(self.text(keyword))
                continue
            self.rest(item, _CODED_SUBJECT_KEYS if code else _SUBJECT_KEYS, *path)
            subject = self.build(
                path,
                Subject,
                item,
                code=code,
                uri=uri,
                name=self.text(name) if name else None,
                relevance=self.get(item, "relevance", int, *path),
                confidence=self.get(item, "confidence", int, *path),
            )
            if subject is not None:
                self.fields.setdefault("subjects", []).append(subject)

    def info_sources(self, value: Any) -> None:
        for index, item in self.items("infoSources"):
            path = ("infoSources", index)
            name, uri, literal = self.strings(item, _NAMING, path)
            role = item.get("role")
            if role == PUBLISHER_ROLE and "publisher" not in self.fields and (name or literal):
                self.rest(item, _PUBLISHER_KEYS, *path)
                extra = self.meta.get("publisher", {}) if self.own else {}
                self.fields["publisher"] = self.build(
                    path, Agent, item, name=self.text(name or literal or ""), uri=uri, **extra
                )
                continue
            if self.own and literal:
                ident = literal
                self.taken.add(ident)
            else:
                ident = self.new_id(literal, name, uri)
            extra = dict(self.meta.get("sources", {}).get(ident, {})) if self.own else {}
            for stamp in ("published", "accessed"):
                if stamp in extra:
                    extra[stamp] = self.time(extra[stamp], "bodies", self.meta_at or 0, "value")
            self.rest(item, _SOURCE_KEYS, *path)
            source = self.build(
                path,
                Source,
                item,
                id=ident,
                title=self.text(name or literal or uri or ident),
                url=uri,
                **extra,
            )
            if source is not None:
                self.fields.setdefault("sources", []).append(source)

    def genres(self, value: Any) -> None:
        for index, item in self.items("genres"):
            path = ("genres", index)
            name = self.get(item, "name", str, *path) or self.get(item, "literal", str, *path)
            if name and "genre" not in self.fields:
                self.fields["genre"] = name
                self.rest(item, frozenset({"name"} if item.get("name") else {"literal"}), *path)
            else:
                self.lose(path, "a second genre", item)

    def associations(self, value: Any) -> None:
        rels = self.meta.get("related", {}) if self.own else {}
        for index, item in self.items("associations"):
            path = ("associations", index)
            uri = self.get(item, "uri", str, *path)
            kind = item.get("type", "text")
            if kind != "text" or uri is None:
                self.lose(path, f"the associated {kind} object {uri!r}", item)
                continue
            rel = item.get("rel")
            if self.own:
                rel = rel or rels.get(str(index), {}).get("rel")
            elif rel is not None and not (type(rel) is str and _ID.match(rel)):
                self.lose((*path, "rel"), f"the relation {rel!r}", rel)
                rel = None
            title = None
            headlines = item.get("headlines")
            known = _ASSOCIATION_KEYS
            if type(headlines) is list and headlines and type(headlines[0]) is dict:
                title = headlines[0].get("value")
                if len(headlines) == 1 and type(title) is str:
                    known = _TITLED_ASSOCIATION_KEYS
                else:
                    title = None
            self.rest(item, known, *path)
            related = self.build(path, Related, item, url=uri, title=title, rel=rel)
            if related is not None:
                self.fields.setdefault("related", []).append(related)

    def from_meta(self) -> None:
        fields, meta = self.fields, self.meta
        rights = fields.pop("_rights", None)
        if rights is not None or (self.own and "rights" in meta):
            fields["rights"] = self.build(("copyrightHolder",), Rights, rights, **(rights or {}))
        by = fields.get("_by")
        authors = fields.pop("authors", [])
        extra = meta.get("authors", {}) if self.own else {}
        built = []
        for index, (path, item, name, uri) in enumerate(authors):
            agent = self.build(
                path, Agent, item, name=self.text(name), uri=uri, **extra.get(str(index), {})
            )
            if agent is not None:
                built.append(agent)
        if by is not None:
            if not authors:
                built.append(Agent(name=" ".join(by.split())))
            elif by != ", ".join(a.name for a in built):
                self.lose(("by",), f"the byline {by[:60]!r}", by)
        if built:
            fields["authors"] = built
        if not self.own:
            return
        order = meta.get("entityOrder")
        if type(order) is list and "entities" in fields:
            rank = {ident: n for n, ident in enumerate(order)}
            fields["entities"].sort(key=lambda e: rank.get(e.id, len(rank)))
        try:
            corrections = meta.get("corrections", [])
            fields["corrections"] = [
                Correction(
                    signal=c["signal"],
                    note=c["note"],
                    date=parse_datetime(c["date"]) if "date" in c else None,
                )
                for c in corrections
            ]
            if "extensions" in meta:
                fields["extensions"] = {**meta["extensions"], **fields.get("extensions", {})}
        except (KeyError, TypeError, ValueError) as error:
            self.fail(("bodies", self.meta_at or 0, "value"), "ninjs.meta", f"{error}")
