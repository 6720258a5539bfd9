"""`amity token create|list|revoke`: the tokens that allow writing (and reading a private server)."""
from __future__ import annotations

from typing import Annotated

import typer

from amity.cli.app import app, fail, open_registry
from amity.cli.options import DbOption

token_app = typer.Typer(help="Tokens that allow writing (and reading, with 'amity serve --private').",
                        no_args_is_help=True)
app.add_typer(token_app, name="token")


@token_app.command("create")
def token_create(
    name: Annotated[str, typer.Option("--name", help="Whom or what the token is for.")] = "web",
    db: DbOption = None,
) -> None:
    """Make a token and print it; only its hash is kept, so note it now.

    Example: amity token create --name newsroom-feed
    """
    from amity.store.tokens import create_token

    with open_registry(db, create=True) as engine:
        typer.echo(create_token(engine, name))


@token_app.command("list")
def token_list(db: DbOption = None) -> None:
    """List the tokens' ids, names and creation times (never the tokens themselves)."""
    from amity.store.tokens import list_tokens

    with open_registry(db) as engine:
        for token in list_tokens(engine):
            typer.echo(f"{token['id']}\t{token['name']}\t{token['created_at']}")


@token_app.command("revoke")
def token_revoke(token_id: Annotated[int, typer.Argument(help="The id 'amity token list' shows.")], db: DbOption = None) -> None:
    """Revoke a token: requests that use it are refused from now on."""
    from amity.store.tokens import revoke_token

    with open_registry(db) as engine:
        if not revoke_token(engine, token_id):
            fail(f"no token {token_id}")
