"""`amity serve`: the registry on the web (pages and a JSON API)."""
from __future__ import annotations

from typing import Annotated

import typer

from amity.cli.app import app, err, fail
from amity.cli.options import DbOption
from amity.lasting import lasting


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    private: Annotated[bool, typer.Option("--private", help="Reads need a token too (writes always do).")] = False,
    max_mb: Annotated[float, typer.Option("--max-mb", min=0.001, help="Refuse request bodies larger than this many MB.")] = 2.0,
    tiles: Annotated[str | None, typer.Option(
        "--tiles", envvar="AMITY_TILES", show_default=False,
        help="The map's tile URL, e.g. https://tile.example.org/{z}/{x}/{y}.png ('none': no tiles, the map still "
             "draws places and ties). Default: OpenStreetMap's tile server.")] = None,
    tiles_attribution: Annotated[str | None, typer.Option(
        "--tiles-attribution", envvar="AMITY_TILES_ATTRIBUTION", show_default=False,
        help="The credit the map shows for its tiles (plain text).")] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, max=64,
                                         help="Server processes (one per CPU answers the most).")] = 1,
    threads: Annotated[int, typer.Option("--threads", min=1, max=64,
                                         help="Requests each process answers at once.")] = 2,
    read_limit: Annotated[float, typer.Option(
        "--read-limit", min=0.1, max=86400, metavar="SECONDS",
        help="Seconds a posted article may take to read; one taking longer gets 413 and nothing is stored.")
    ] = 60.0,
) -> None:
    """Serve the registry on the web: pages, and a JSON API (OpenAPI at /docs).

    Writes (POST /api/articles, the 'Add an article' form) need a token: amity token create.

    Examples:

      amity serve

      amity serve --db postgresql+psycopg://amity@localhost/amity --host 0.0.0.0 --port 8080 --private

      amity serve --tiles none

      amity serve --read-limit 300
    """
    with lasting():  # the app is kept to the end
        from amity.store import StoreError, open_database
        from amity.web import serving
        from amity.web.tiles import tiles_from

        settings = {"db_url": db, "private": private, "max_body": int(max_mb * 1_000_000), "tiles": tiles,
                    "tiles_attribution": tiles_attribution, "threads": threads, "read_limit": read_limit}
        try:
            # What create_app would refuse, refused here in one line (the app itself is built once, where it serves).
            tiles_from(tiles, tiles_attribution)
            open_database(db, serving=True).dispose()
        except (StoreError, ValueError) as exc:
            fail(str(exc))

    def ready() -> None:
        err.print(f"amity: serving {'privately ' if private else ''}on http://{host}:{port}/"
                   + (f" with {workers} processes" if workers > 1 else "") + " (Ctrl-C to stop)", markup=False)

    try:
        status = serving.serve(settings, host=host, port=port, workers=workers, ready=ready)
    except OSError as exc:
        fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}")
    raise typer.Exit(status)
