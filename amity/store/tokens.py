"""Tokens that allow writing (and reading a private server): made, listed, revoked and checked.

`create_token` makes a random token and stores only its SHA-256 in
`web_tokens` (migration 0006), so a token is seen once, when it is made.
"""
from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime

from sqlalchemy import Engine, delete, insert, select

from amity.store.schema import TokenRow

TOKEN_PREFIX = "amity_"
_tokens = TokenRow.__table__


def create_token(engine: Engine, name: str) -> str:
    """A new token for `name`; only its hash is stored, so this is the one time it can be seen."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with engine.begin() as connection:
        connection.execute(insert(TokenRow).values(name=name, token_hash=_hash(token), created_at=datetime.now(UTC)))
    return token


def list_tokens(engine: Engine) -> list[dict[str, object]]:
    """The tokens' ids, names and creation times (never the tokens)."""
    with engine.connect() as connection:
        return [{"id": i, "name": name, "created_at": at.isoformat(timespec="seconds") if at else None}
                for i, name, at in connection.execute(select(_tokens.c.id, _tokens.c.name, _tokens.c.created_at)
                                                      .order_by(_tokens.c.id))]


def revoke_token(engine: Engine, token_id: int) -> bool:
    """Delete a token by id; False when there was none."""
    with engine.begin() as connection:
        return connection.execute(delete(TokenRow).where(_tokens.c.id == token_id)).rowcount > 0


def token_owner(engine: Engine, token: str | None) -> str | None:
    """The name a valid token was made for; None for a missing or unknown one."""
    if not token or not token.startswith(TOKEN_PREFIX) or len(token) > 200:
        return None
    with engine.connect() as connection:
        return connection.scalar(select(_tokens.c.name).where(_tokens.c.token_hash == _hash(token)))


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
