"""The web app: server-rendered pages over the archive, Atom feeds, and a JSON API.

Routes are thin: they take the request's archive connection, call one reading function
(`reading.py`, `search.search`) and render one template. Every page reads without JavaScript;
scripts only draw the network, the map and the charts from the same data.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import anyio.to_thread
from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from starlette.exceptions import HTTPException as StarletteHTTPException

from maktub import __version__
from maktub.archive.query import QueryError
from maktub.archive.search import MAX_PER_PAGE, PER_PAGE, Results, marked_html, search
from maktub.archive.store import Archive
from maktub.web import accounts, explore, interface, reading, signin
from maktub.web.archives import Archives

HERE = Path(__file__).parent
THREADS = 8  # requests served at once: each thread holds a connection (and SQLite's page cache)
SEARCH_PAGES = 200  # paging stops here (10,000 results at 50 a page); narrow the query to go further


def create_app(target: str, *, title: str = "maktub") -> FastAPI:
    """The app serving the archive at `target` (an SQLite file or a postgresql:// URL)."""
    archives = Archives(target)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> Any:
        anyio.to_thread.current_default_thread_limiter().total_tokens = THREADS
        yield
        archives.close()

    app = FastAPI(
        title=f"{title} API",
        version=__version__,
        description="Documents, entities, relations and search of a maktub archive.",
        lifespan=lifespan,
        docs_url=None,  # Swagger UI loads its scripts from a CDN; /api describes the API instead
        redoc_url=None,
    )
    app.state.archives = archives
    app.state.title = title
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = _templates(title)

    def page(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        found = signin.current(request, archives.get())
        context["user"] = found.user if found else None
        if found or template == "login.html":  # only those pages have forms that change something
            context["csrf"] = signin.form_token(request)
        ui = context["ui"] = interface.choose(request)
        chosen = interface.CURRENT.set(ui)  # the template is rendered here, in this thread
        try:
            response = templates.TemplateResponse(request, template, context, status_code=status_code)
        finally:
            interface.CURRENT.reset(chosen)
        signin.remember_form_token(request, response)
        if request.query_params.get("ui") == ui:
            response.set_cookie(interface.COOKIE, ui, max_age=365 * 24 * 3600, samesite="lax")
        return response

    def archive() -> Archive:
        return archives.get()

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": exc.detail}, status_code=exc.status_code)
        return page(request, "error.html", exc.status_code, status=exc.status_code, message=exc.detail)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        started = time.perf_counter()
        response: Response = await call_next(request)
        # How long the app took, for benchmarks and browsers' developer tools (not the network's share).
        response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.2f}"
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
        )
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    signin.install(app, archive, page)

    # --- pages ---------------------------------------------------------------------------

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request) -> HTMLResponse:
        a = archive()
        overview = _overview(archives, a)
        return page(
            request, "home.html", overview=overview, recent=reading.recent_documents(a),
            viewed=reading.most_viewed(a), notes=accounts.recent_notes(a),
        )  # fmt: skip

    @app.get("/browse", response_class=HTMLResponse, include_in_schema=False)
    def browse(request: Request) -> HTMLResponse:
        return page(request, "browse.html", overview=_overview(archives, archive()), kind=None)

    @app.get("/browse/{plural}", response_class=HTMLResponse, include_in_schema=False)
    def browse_kind(request: Request, plural: str) -> HTMLResponse:
        kind = _kind(plural)
        overview = _overview(archives, archive())
        return page(
            request, "browse.html", overview=overview, kind=kind, years=overview.kind_years.get(kind, [])
        )

    @app.get("/browse/{plural}/{year}", response_class=HTMLResponse, include_in_schema=False)
    def browse_year(
        request: Request, plural: str, year: str, page_number: int = Query(1, alias="page", ge=1)
    ) -> HTMLResponse:
        kind = _kind(plural)
        if year != "undated" and not (year.isdigit() and len(year) == 4):
            raise HTTPException(404, f"no year {year}")
        number = None if year == "undated" else int(year)
        overview = _overview(archives, archive())
        total = dict(overview.kind_years.get(kind, [])).get(number, 0)
        docs = reading.documents_of(archive(), kind, number, page_number)
        pages = max(1, math.ceil(total / reading.PAGE_SIZE))
        return page(
            request, "shelf.html", kind=kind, year=year, documents=docs, total=total,
            page_number=page_number, pages=pages,
        )  # fmt: skip

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(
        request: Request,
        q: str = "",
        page_number: int = Query(1, alias="page", ge=1, le=SEARCH_PAGES),
        sort: str = "relevance",
    ) -> HTMLResponse:
        results: Results | None = None
        error = None
        if q.strip():
            try:
                results = search(archive(), q, page=page_number, per_page=PER_PAGE, sort=sort)
            except QueryError as exc:
                error = str(exc)
        pages = min(SEARCH_PAGES, math.ceil(results.total / PER_PAGE)) if results else 0
        return page(
            request, "search.html", q=q, results=results, error=error, sort=sort, page_number=page_number,
            pages=pages, status_code=400 if error else 200,
        )  # fmt: skip

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, doc_id: str) -> HTMLResponse:
        view = reading.document_view(archive(), doc_id)
        if view is None:
            raise HTTPException(404, f"no document {doc_id}")
        archives.viewed(doc_id)
        text = view.record.get("text") or ""
        return page(
            request, "document.html", doc=view, paragraphs=reading.paragraphs(text, view.mentions),
            json_ld=_json_ld(view, str(request.base_url)), mailto=_mailto(view, str(request.url)),
            boilerplate=request.query_params.get("boilerplate") == "1", notes=accounts.notes_for(archive(), doc_id),
            may_delete=accounts.may_delete,
        )  # fmt: skip

    @app.get("/documents/{doc_id}/pdf", include_in_schema=False)
    def document_pdf(request: Request, doc_id: str) -> Response:
        from maktub.web.pdf import document_pdf as render_pdf

        view = reading.document_view(archive(), doc_id)
        if view is None:
            raise HTTPException(404, f"no document {doc_id}")
        html = templates.get_template("print.html").render(
            doc=view, paragraphs=reading.paragraphs(view.record.get("text") or "", view.mentions),
            url=str(request.url_for("document_page", doc_id=doc_id)), title=title,
        )  # fmt: skip
        return Response(
            render_pdf(html, HERE / "static"),
            media_type="application/pdf",
            headers={"Content-Disposition": f'inline; filename="{doc_id}.pdf"'},
        )

    @app.get("/entities/{slug}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(request: Request, slug: str) -> HTMLResponse:
        view = explore.entity_view(archive(), slug)
        if view is None:
            raise HTTPException(404, f"no entity {slug}")
        return page(request, "entity.html", entity=view)

    @app.get("/entities", response_class=HTMLResponse, include_in_schema=False)
    def entities_page(
        request: Request, type: str = "person", page_number: int = Query(1, alias="page", ge=1, le=1000)
    ) -> HTMLResponse:
        if type not in reading.TYPE_LABELS:
            raise HTTPException(404, f"no entity type {type}")
        found, total = explore.entities_of(archive(), type, page_number)
        pages = max(1, math.ceil(total / reading.PAGE_SIZE))
        return page(
            request,
            "entities.html",
            type=type,
            entities=found,
            total=total,
            page_number=page_number,
            pages=pages,
        )

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response((HERE / "static" / "favicon.svg").read_bytes(), media_type="image/svg+xml")

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page(request: Request, since: str = "", until: str = "", entity: str = "") -> HTMLResponse:
        graph = explore.network(archive(), since or None, until or None, entity or None)
        query = urlencode({k: v for k, v in (("since", since), ("until", until), ("entity", entity)) if v})
        return page(
            request, "network.html", graph=graph, since=since, until=until, entity=entity, query=query
        )

    @app.get("/timeline", response_class=HTMLResponse, include_in_schema=False)
    def timeline_page(request: Request, kind: str = "", entity: str = "") -> HTMLResponse:
        if kind and kind not in reading.KINDS:
            raise HTTPException(404, f"no kind {kind}")
        years = explore.timeline(archive(), kind or None, entity or None)
        name = archive().db.value("SELECT name FROM entities WHERE slug = ?", (entity,)) if entity else None
        if entity and name is None:
            raise HTTPException(404, f"no entity {entity}")
        return page(
            request, "timeline.html", years=years, kind=kind, entity=entity, entity_name=name,
            sample=explore.TIMELINE_SAMPLE,
        )  # fmt: skip

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request) -> HTMLResponse:
        return page(request, "map.html", places=explore.places(archive()))

    @app.get("/api", response_class=HTMLResponse, include_in_schema=False)
    def api_page(request: Request) -> HTMLResponse:
        return page(request, "api.html", spec=app.openapi())

    # --- feeds ---------------------------------------------------------------------------

    def feed(request: Request, feed_title: str, query: str | None) -> Response:
        try:
            entries = reading.feed_entries(archive(), query)
        except QueryError as exc:
            raise HTTPException(400, str(exc)) from exc
        body = templates.get_template("feed.xml").render(
            request=request, feed_title=f"{title}: {feed_title}", entries=entries, self_url=str(request.url),
            updated=max((e.stored for e in entries), default="1970-01-01T00:00:00+00:00"),
        )  # fmt: skip
        return Response(body, media_type="application/atom+xml; charset=utf-8")

    @app.get("/feed", include_in_schema=False)
    def feed_all(request: Request, q: str = "") -> Response:
        return feed(request, f"search {q}" if q else "new documents", q or None)

    @app.get("/feed/{plural}", include_in_schema=False)
    def feed_kind(request: Request, plural: str) -> Response:
        kind = _kind(plural)
        return feed(request, f"new {plural}", f"kind:{kind}")

    @app.get("/feed/entities/{slug}", include_in_schema=False)
    def feed_entity(request: Request, slug: str) -> Response:
        row = archive().db.one("SELECT name, type FROM entities WHERE slug = ?", (slug,))
        if row is None:
            raise HTTPException(404, f"no entity {slug}")
        field = {"person": "person", "organization": "org", "place": "place"}[row[1]]
        return feed(request, row[0], f'{field}:"{row[0]}"')

    # --- the JSON API --------------------------------------------------------------------

    @app.get("/api/documents/{doc_id}", tags=["documents"], summary="A document: its record and provenance")
    def api_document(doc_id: str) -> dict[str, Any]:
        record = archive().document(doc_id)
        if record is None:
            raise HTTPException(404, f"no document {doc_id}")
        return record

    @app.get("/api/entities/{slug}", tags=["entities"], summary="An entity: names, type, letters, relations")
    def api_entity(slug: str) -> dict[str, Any]:
        view = explore.entity_view(archive(), slug)
        if view is None:
            raise HTTPException(404, f"no entity {slug}")
        return _entity_json(view)

    @app.get("/api/search", tags=["search"], summary="Search in the archive's query language")
    def api_search(
        q: str = Query(..., description='e.g. kind:letter from:"Altaf Hussain" year:1998'),
        page: int = Query(1, ge=1, le=SEARCH_PAGES),
        per_page: int = Query(PER_PAGE, ge=1, le=MAX_PER_PAGE),
        sort: str = Query("relevance", pattern="^(relevance|date|oldest)$"),
        facets: bool = True,
    ) -> dict[str, Any]:
        try:
            return search(archive(), q, page=page, per_page=per_page, sort=sort, facets=facets).to_json()
        except QueryError as exc:
            raise HTTPException(400, str(exc)) from exc

    @app.get("/api/relations", tags=["relations"], summary="Who wrote to, copied or mentioned whom")
    def api_relations(
        since: str = Query("", description="YYYY, YYYY-MM or YYYY-MM-DD"),
        until: str = Query("", description="YYYY, YYYY-MM or YYYY-MM-DD"),
        entity: str = Query("", description="an entity's slug: only its relations"),
    ) -> dict[str, Any]:
        graph = explore.network(archive(), since or None, until or None, entity or None)
        return {"nodes": graph.nodes, "edges": graph.edges, "relations": graph.letters,
                "capped": graph.letters >= explore.NETWORK_EDGES}  # fmt: skip

    @app.get("/api/places", tags=["entities"], summary="Places named in the archive, with coordinates")
    def api_places() -> list[dict[str, Any]]:
        return [vars(p) for p in explore.places(archive())]

    @app.get("/api/timeline", tags=["documents"], summary="Dated documents by year")
    def api_timeline(kind: str = "", entity: str = "") -> list[dict[str, Any]]:
        return [
            {"year": y.year, "total": y.total, "documents": [vars(d) for d in y.documents]}
            for y in explore.timeline(archive(), kind or None, entity or None)
        ]

    return app


def _overview(archives: Archives, a: Archive) -> reading.Overview:
    """The home page's counts, recounted when the archive has changed and a minute has passed."""
    changed = a.db.one("SELECT max(id), (SELECT count(*) FROM entities) FROM revisions")
    return archives.cached("overview", reading.OVERVIEW_SECONDS, changed, lambda: reading.overview(a))


def _kind(plural: str) -> str:
    kind = reading.KIND_BY_PLURAL.get(plural)
    if kind is None:
        raise HTTPException(404, f"no kind {plural}")
    return kind


def _entity_json(view: explore.EntityView) -> dict[str, Any]:
    def docs(items: list[reading.DocumentLink]) -> list[dict[str, Any]]:
        return [vars(d) for d in items]

    return {
        "slug": view.slug, "name": view.name, "type": view.type, "aliases": view.aliases,
        "documents": view.documents, "mentions": view.mentions, "roles": [r for r, _ in view.roles],
        "place": view.details.get("place"),
        "letters_sent": {"total": view.sent_total, "newest": docs(view.sent)},
        "letters_received": {"total": view.received_total, "newest": docs(view.received)},
        "copied_in": {"total": view.copied_total, "newest": docs(view.copied)},
        "statements": {"total": view.statements_total, "newest": docs(view.statements)},
        "years": dict(view.years), "undated": view.undated,
        "related": [{**vars(e), "together": n} for e, n in view.related],
        "related_from": view.related_from,
    }  # fmt: skip


_SCHEMA_TYPES = {
    "letter": "Message",
    "article": "NewsArticle",
    "statement": "CreativeWork",
    "listing": "ItemList",
}


def _json_ld(view: reading.DocumentView, base: str) -> Markup:
    """schema.org metadata for the document (as search engines and citation tools read it)."""
    record = view.record
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": _SCHEMA_TYPES.get(record["kind"], "CreativeWork"),
        "@id": f"{base}documents/{view.id}",
        "url": f"{base}documents/{view.id}",
        "name": view.title,
        "inLanguage": record.get("language"),
    }
    if record.get("date"):
        data["dateSent" if record["kind"] == "letter" else "datePublished"] = record["date"]
    if record["kind"] == "article":
        data["headline"] = view.title
    people: dict[str, list[dict[str, str]]] = {p.role: [] for p in view.parties}
    for p in view.parties:
        people[p.role].append({"@type": "Person" if not p.entity or p.entity.type == "person" else "Organization",
                               "name": p.name})  # fmt: skip
    if "from" in people:
        data["sender"] = people["from"][0]
    if "to" in people:
        data["recipient"] = people["to"]
    if "author" in people:
        data["author"] = people["author"]
    if view.entities:
        data["mentions"] = [{"@type": {"person": "Person", "organization": "Organization", "place": "Place"}[e.type],
                             "name": e.name, "url": f"{base}entities/{e.slug}"} for e in view.entities]  # fmt: skip
    if view.parent:
        data["isPartOf"] = {"@id": f"{base}documents/{view.parent.id}", "name": view.parent.label}
    # "</" cannot end the script element early: JSON allows "<\/" for "</".
    return Markup(json.dumps(data, ensure_ascii=False).replace("</", "<\\/"))


def _mailto(view: reading.DocumentView, url: str) -> str:
    """A mailto: link whose message cites the document."""
    record = view.record
    parts = [view.title]
    sender = next((p.name for p in view.parties if p.role in ("from", "author")), None)
    if sender:
        parts.append(sender)
    if record.get("date"):
        parts.append(record["date"])
    citation = ", ".join(parts)
    body = f"{citation}.\n{url}\n"
    return "mailto:?" + urlencode({"subject": view.title, "body": body}, quote_via=quote)


def _templates(title: str) -> Jinja2Templates:
    templates = Jinja2Templates(directory=HERE / "templates")
    env = templates.env
    env.globals.update(
        site_title=title,
        kind_plurals=reading.KIND_PLURALS,
        type_labels=reading.TYPE_LABELS,
        type_plurals=reading.TYPE_PLURALS,
        language_names={"en": "English", "ur": "Urdu"},
        count_cap=explore.COUNT_CAP,
        direction=reading.direction,
        version=__version__,
        bars=bars,
    )
    env.filters["marked"] = lambda snippet: Markup(marked_html(snippet))
    env.globals["_"] = interface.say
    env.globals["languages"] = interface.LANGUAGES
    env.filters["plural"] = lambda kind: reading.KIND_PLURALS.get(kind, kind)  # for addresses
    env.filters["kinds"] = lambda kind: interface.say(reading.KIND_PLURALS.get(kind) or str(kind))  # for people
    env.filters["with_query"] = _with_query
    env.filters["thousands"] = lambda n: f"{n:,}"
    env.filters["quoted"] = lambda value: f'"{value}"' if " " in str(value) else str(value)
    # " urdu" for text in Arabic script, whose elements then take the Nastaliq face
    env.filters["script"] = lambda text: " urdu" if text and reading.direction(str(text)) == "rtl" else ""
    return templates


def _with_query(url: Any, **params: Any) -> str:
    """`url` (a request's URL) with some query parameters replaced (None removes one)."""
    query = dict(url.query_params) if hasattr(url, "query_params") else {}
    for k, v in params.items():
        if v is None:
            query.pop(k, None)
        else:
            query[k] = str(v)
    path = url.url.path if hasattr(url, "url") else str(url)
    return path + ("?" + urlencode(query) if query else "")


def bars(values: list[tuple[int, int]], width: int = 600, height: int = 80) -> Iterator[dict[str, Any]]:
    """Rectangles for a small bar chart of (year, count), drawn as SVG on the server."""
    if not values:
        return
    counts = dict(values)
    values = [(year, counts.get(year, 0)) for year in range(min(counts), max(counts) + 1)]  # empty years too
    top = max(n for _, n in values) or 1
    step = width / len(values)
    for i, (year, n) in enumerate(values):
        h = height * n / top if n else 0.0
        every = 1 if len(values) <= 12 else 5  # years named under the bars: each, or every fifth
        yield {"x": round(i * step, 1), "y": round(height - h, 1), "w": round(max(1.0, step - 1), 1),
               "h": round(h, 1), "year": year, "n": n, "label": year % every == 0}  # fmt: skip
