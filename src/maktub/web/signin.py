"""Signing in and out, and notes on documents: the web app's forms, each checked against forgery.

A session lives in an HttpOnly, SameSite=Lax cookie (Secure over HTTPS); every form that
changes something carries a CSRF token: the session's own once signed in, and before that (the
sign-in form) a random token also set as a cookie, which the form must match.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import UTC, datetime
from urllib.parse import quote

from fastapi import FastAPI, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from maktub.archive.store import Archive
from maktub.errors import MaktubError
from maktub.web import accounts
from maktub.web.accounts import Session

SESSION_COOKIE = "maktub_session"
FORM_COOKIE = "maktub_form"  # the sign-in form's CSRF token, before there is a session


def current(request: Request, archive: Archive) -> Session | None:
    """The signed-in session of this request, looked up once per request."""
    if not hasattr(request.state, "session"):
        token = request.cookies.get(SESSION_COOKIE)
        request.state.session = accounts.session(archive, token) if token else None
    found: Session | None = request.state.session
    return found


def form_token(request: Request) -> str:
    """The CSRF token this visitor's forms carry: the session's, or the sign-in form's cookie."""
    found = getattr(request.state, "session", None)
    if found is not None:
        return str(found.csrf)
    if not hasattr(request.state, "form_token"):
        request.state.form_token = request.cookies.get(FORM_COOKIE) or secrets.token_urlsafe(32)
    return str(request.state.form_token)


def remember_form_token(request: Request, response: Response) -> None:
    """Set the sign-in form's token as a cookie, when this response made one."""
    token = getattr(request.state, "form_token", None)
    if token and request.cookies.get(FORM_COOKIE) != token:
        response.set_cookie(FORM_COOKIE, token, httponly=True, samesite="strict", secure=_secure(request))


def _secure(request: Request) -> bool:
    return request.url.scheme == "https"


def _local(target: str) -> str:
    """Where to go after signing in: a path on this site only (never another site's address)."""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


def _signed_in(request: Request, archive: Archive, csrf: str) -> Session:
    """The session behind a form that changes something, or 403 (not signed in, or a forged form)."""
    found = current(request, archive)
    if found is None:
        raise HTTPException(403, "sign in first")
    if not accounts.csrf_ok(found.csrf, csrf):
        raise HTTPException(403, "this form has expired; reload the page and try again")
    return found


def install(app: FastAPI, archive: Callable[[], Archive], page: Callable[..., HTMLResponse]) -> None:
    """Add the sign-in, sign-out and note routes to `app`."""

    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_form(request: Request, next: str = "/") -> HTMLResponse:
        return page(request, "login.html", next=_local(next), error=None, name="")

    @app.post("/login", include_in_schema=False)
    def login(
        request: Request,
        name: str = Form(""),
        password: str = Form(""),
        csrf: str = Form(""),
        next: str = Form("/"),
    ) -> Response:
        expected = request.cookies.get(FORM_COOKIE)
        if not expected or not accounts.csrf_ok(expected, csrf):
            return page(request, "login.html", 403, next=_local(next), name=name,
                        error="This form has expired; please sign in again.")  # fmt: skip
        client = request.client.host if request.client else "unknown"
        try:
            user = accounts.authenticate(archive(), name, password, client)
        except accounts.TooManyAttempts as exc:
            refused = page(
                request, "login.html", 429, next=_local(next), name=name, error=f"{str(exc).capitalize()}."
            )
            refused.headers["Retry-After"] = str(exc.retry_after)
            return refused
        except accounts.SignInRefused as exc:
            return page(
                request, "login.html", 401, next=_local(next), name=name, error=f"{str(exc).capitalize()}."
            )
        opened = accounts.open_session(archive(), user)
        response = RedirectResponse(_local(next), status_code=303)
        response.set_cookie(
            SESSION_COOKIE, opened.token, max_age=int((opened.expires - datetime.now(UTC)).total_seconds()),
            httponly=True, samesite="lax", secure=_secure(request),
        )  # fmt: skip
        response.delete_cookie(FORM_COOKIE)
        return response

    @app.post("/logout", include_in_schema=False)
    def logout(request: Request, csrf: str = Form("")) -> Response:
        found = _signed_in(request, archive(), csrf)
        accounts.close_session(archive(), found.token)
        response = RedirectResponse("/", status_code=303)
        response.delete_cookie(SESSION_COOKIE)
        return response

    @app.post("/documents/{doc_id}/notes", include_in_schema=False)
    def add_note(request: Request, doc_id: str, text: str = Form(""), csrf: str = Form("")) -> Response:
        found = _signed_in(request, archive(), csrf)
        try:
            note = accounts.add_note(archive(), found.user, doc_id, text)
        except MaktubError as exc:
            raise HTTPException(400, f"{str(exc).capitalize()}.") from exc
        return RedirectResponse(f"/documents/{quote(doc_id)}#note-{note.id}", status_code=303)

    @app.post("/notes/{note_id}/delete", include_in_schema=False)
    def delete_note(
        request: Request, note_id: int, csrf: str = Form(""), document: str = Form("")
    ) -> Response:
        found = _signed_in(request, archive(), csrf)
        try:
            accounts.delete_note(archive(), found.user, note_id)
        except accounts.NotAllowed as exc:
            raise HTTPException(403, str(exc)) from exc
        except MaktubError as exc:
            raise HTTPException(404, str(exc)) from exc
        return RedirectResponse(f"/documents/{quote(document)}#notes" if document else "/", status_code=303)
