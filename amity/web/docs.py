"""The API docs at /docs: Swagger UI from static/vendor/ (npm's swagger-ui-dist), so they work with no network.

Without the vendor files (no npm when `make` ran) the page is FastAPI's
own, which loads Swagger UI from a CDN. /redoc, which only a CDN could
serve, leads to /docs.
"""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, RedirectResponse

from amity.web import vendor

router = APIRouter(include_in_schema=False)

_ASSETS = "/static/vendor/swagger-ui"


@router.get("/docs")
def docs(request: Request) -> HTMLResponse:
    title = f"{request.app.title} API"
    openapi_url = request.app.openapi_url or "/openapi.json"
    if not vendor.installed(vendor.DOCS):
        return get_swagger_ui_html(openapi_url=openapi_url, title=title)
    return get_swagger_ui_html(openapi_url=openapi_url, title=title,
                               swagger_js_url=f"{_ASSETS}/swagger-ui-bundle.js",
                               swagger_css_url=f"{_ASSETS}/swagger-ui.css",
                               swagger_favicon_url=f"{_ASSETS}/favicon-32x32.png",
                               swagger_ui_parameters={"validatorUrl": None})  # no call to an online validator


@router.get("/redoc")
def redoc() -> RedirectResponse:
    return RedirectResponse("/docs", status_code=308)
