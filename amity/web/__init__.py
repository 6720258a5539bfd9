"""Amity on the web: server-rendered pages and a JSON API over the registry (FastAPI, Jinja2).

`create_app(db_url)` builds the app; `amity serve` runs it with uvicorn.
Modules, one job each: `app` (the factory and error pages), `api` (JSON
routes under /api), `pages` (HTML reads), `drawings` (the graph and map
pages), `forms` (HTML writes: sign in, add an article), `filters` (checking
a view's filters), `reads` (registry reads by id; `reads.network` for the
drawings), `highlight` (an article's text with its facts' spans, as escaped
HTML), `render` (templates), `paging` (cursors), `downloads` (streamed
exports), `writes` (ingesting a posted article), `auth` (who a request is from: Bearer
tokens and the sign-in cookie), `csrf` (forms that cannot be forged),
`body_limit` (413 for huge bodies), `headers` (CSP and friends), `tiles` (the map's tile server), `vendor` (the
drawing libraries `make` installs from npm).
"""
from amity.web.app import create_app

__all__ = ["create_app"]
