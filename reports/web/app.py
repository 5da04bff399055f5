"""The web application: routes, the access token, the upload limit and the one-line errors.

    GET  /                          the form
    POST /builds                    start a build -> 303 to its page
    GET  /builds/{id}               its progress, then its results
    GET  /builds/{id}/status        {"state", "planned", "done", "message"} for the page to poll
    GET  /builds/{id}/files/{name}  one document; /everything.zip all of them
    GET  /builds/{id}/preview/{stem}.png   page one of a brief
    POST /builds/{id}/rebuild       the analyst's edited documents back in, notes carried
"""

from __future__ import annotations

import contextlib
import hmac
import logging
import os
import shutil
import threading
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

import reports

from . import fetching, jobs, results, store
from .settings import ServeSettings
from .uploads import DOCUMENT_EXTENSIONS, UploadError, Uploads

log = logging.getLogger("reports.web")
HERE = Path(__file__).parent
COOKIE = "reports_token"
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # a build's address is its key: never sent to another site
    "Cache-Control": "no-store",
}
SWEEP_SECONDS = 600


class TooLarge(Exception):
    pass


class Guard:
    """ASGI middleware before everything else: the body limit, the token, the headers."""

    def __init__(self, app, settings: ServeSettings):
        self.app, self.settings = app, settings

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        request = Request(scope)
        if self.settings.token and not self._allowed(request):
            if hmac.compare_digest(request.query_params.get("token", ""), self.settings.token):
                response = RedirectResponse(request.url.remove_query_params("token"), 303)
                response.set_cookie(COOKIE, self.settings.token, httponly=True, samesite="strict",
                                    secure=request.url.scheme == "https")
            else:
                response = _message(401, "This server needs its access token: open the address you were given "
                                         "(it ends in ?token=…), or send it as 'Authorization: Bearer …'.")
            return await self._secured(response)(scope, receive, send)
        limit = self.settings.max_upload_bytes + 64 * 1024  # the form's own fields besides the files
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            return await self._secured(_too_large(self.settings))(scope, receive, send)
        received = 0

        async def counted():
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > limit:
                raise TooLarge
            return message

        started = False

        async def sending(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = list(message.get("headers", [])) + [
                    (k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
            await send(message)

        try:
            await self.app(scope, counted, sending)
        except TooLarge:
            if not started:
                await self._secured(_too_large(self.settings))(scope, receive, send)

    def _allowed(self, request: Request) -> bool:
        token = self.settings.token
        bearer = request.headers.get("authorization", "")
        offered = bearer[7:] if bearer.lower().startswith("bearer ") else request.cookies.get(COOKIE, "")
        return hmac.compare_digest(offered.encode(), token.encode())

    @staticmethod
    def _secured(response: Response) -> Response:
        response.headers.update(SECURITY_HEADERS)
        return response


def _message(status: int, text: str) -> Response:
    return TEMPLATES.TemplateResponse(_BARE, "message.html", {"message": text}, status_code=status)


def _too_large(settings: ServeSettings) -> Response:
    return _message(413, f"That is too much to upload: at most {settings.max_upload_mb:g} MB in one build.")


# The request a template is given when the answer comes before routing.
_BARE = Request({"type": "http", "method": "GET", "path": "/", "headers": [], "query_string": b""})
TEMPLATES = Jinja2Templates(directory=str(HERE / "templates"))


def create_app(settings: ServeSettings) -> Starlette:
    """The application for `settings`; its builder starts worker processes on first use."""
    builder = jobs.Builder(settings.build_workers, settings.warm)
    stop = threading.Event()

    def sweep():
        while not stop.wait(min(SWEEP_SECONDS, settings.keep_hours * 900)):
            store.remove_expired(settings.builds, settings.keep_hours)

    @contextlib.asynccontextmanager
    async def lifespan(app):
        settings.builds.mkdir(parents=True, exist_ok=True, mode=0o700)
        store.remove_expired(settings.builds, settings.keep_hours)
        threading.Thread(target=sweep, name="reports-sweep", daemon=True).start()
        builder.start()
        try:
            yield
        finally:
            stop.set()
            builder.close()

    def layouts():
        return [listed for listed in reports.available_layouts() if not listed.error]

    def form_page(request: Request, error: str = "", status: int = 200, fields: dict | None = None):
        return TEMPLATES.TemplateResponse(request, "form.html", {
            "layouts": layouts(), "formats": reports.formats(), "error": error, "fields": fields or {},
            "can_fetch": fetching.can_fetch(), "settings": settings}, status_code=status)

    async def home(request: Request):
        return form_page(request)

    async def start(request: Request):
        async with request.form(max_files=settings.max_files, max_fields=50,
                                max_part_size=settings.max_upload_bytes) as form:
            fields = {"titles": str(form.get("titles") or ""), "text": str(form.get("text") or ""),
                      "layout": str(form.get("layout") or ""), "formats": form.getlist("formats")}
            build_id, folder = store.new_build(settings.builds)
            try:
                spec = {**_spec(fields, layouts()), "wiki": settings.wiki, "contact": settings.contact}
                uploads = Uploads(folder, settings.max_files, settings.max_upload_bytes)
                for upload in form.getlist("files"):
                    if getattr(upload, "filename", None):
                        uploads.add(upload.filename, await upload.read())
                uploads.add_text(fields["text"])
                if spec["titles"] and not fetching.can_fetch():
                    raise UploadError("fetching pages by title is not available in this installation: "
                                      "upload the articles or paste their text")
                if not (uploads.saved.articles or spec["titles"]):
                    raise UploadError("nothing to build: choose article files, paste an article's text "
                                      "or name pages to fetch")
            except UploadError as error:
                shutil.rmtree(folder, ignore_errors=True)
                return form_page(request, str(error), 400, fields)
        spec.update(documents=uploads.saved.documents, shown=uploads.saved.shown)
        store.write_status(folder, {"state": "queued", "spec": spec, "message": "waiting for a free worker"})
        builder.submit(folder, spec)
        return RedirectResponse(f"/builds/{build_id}", 303)

    def _folder(request: Request) -> Path:
        folder = store.folder_of(settings.builds, request.path_params["build_id"])
        if folder is None:
            raise HTTPException(404)
        return folder

    async def build_page(request: Request):
        folder = _folder(request)
        status = store.read_status(folder)
        finished = status.get("state") in ("done", "failed")
        return TEMPLATES.TemplateResponse(request, "build.html", {
            "build_id": request.path_params["build_id"], "status": status, "finished": finished,
            "articles": results.articles(folder, status) if finished else [],
            "others": results.other_files(folder, status) if finished else [],
            "zip": (folder / "everything.zip").exists()})

    async def status(request: Request):
        status = store.read_status(_folder(request))
        return JSONResponse({key: status.get(key) for key in ("state", "planned", "done", "message")})

    async def download(request: Request):
        path = store.output_file(_folder(request), request.path_params["name"])
        if path is None:
            raise HTTPException(404)
        return FileResponse(path, filename=path.name)

    async def everything(request: Request):
        path = _folder(request) / "everything.zip"
        if not path.exists():
            raise HTTPException(404)
        return FileResponse(path, filename="reports.zip")

    async def preview(request: Request):
        folder = _folder(request)
        stem = request.path_params["stem"]
        names = {entry.name for entry in os.scandir(folder / "previews")}
        if f"{stem}.png" not in names:
            raise HTTPException(404)
        return FileResponse(folder / "previews" / f"{stem}.png", media_type="image/png")

    async def rebuild(request: Request):
        folder = _folder(request)
        running = _message(409, "This build is still running: rebuild it when it has finished.")
        if store.read_status(folder).get("state") not in ("done", "failed"):
            return running
        async with request.form(max_files=settings.max_files, max_fields=10,
                                max_part_size=settings.max_upload_bytes) as form:
            documents = [(upload.filename, await upload.read()) for upload in form.getlist("documents")
                         if getattr(upload, "filename", None)]
        # From here to the status written nothing awaits: two rebuilds of one build
        # cannot both pass this check.
        status = store.read_status(folder)
        if status.get("state") not in ("done", "failed"):
            return running
        uploads = Uploads(folder, settings.max_files, settings.max_upload_bytes)
        try:
            for name, data in documents:
                uploads.add(name, data, DOCUMENT_EXTENSIONS)
        except UploadError as error:
            return _message(400, str(error))
        spec = {**status["spec"], "force": True, "documents": uploads.saved.documents,
                "shown": {**status["spec"].get("shown", {}), **uploads.saved.shown}}
        store.write_status(folder, {"state": "queued", "spec": spec, "message": "waiting for a free worker"})
        builder.submit(folder, spec)
        return RedirectResponse(f"/builds/{request.path_params['build_id']}", 303)

    async def not_found(request: Request, error):
        status = getattr(error, "status_code", 404)
        text = {404: "There is nothing here: a build's page is removed after a while, and its address is "
                     "the only way to it.", 405: "That is not something this page does."}
        return _message(status, text.get(status, getattr(error, "detail", "") or "That request was refused."))

    async def too_large(request: Request, error: TooLarge):
        return _too_large(settings)

    async def server_error(request: Request, error: Exception):
        log.exception("internal error on %s %s", request.method, request.url.path, exc_info=error)
        return _message(500, "Something went wrong on the server; it is logged. Please try again.")

    routes = [
        Route("/", home),
        Route("/builds", start, methods=["POST"]),
        Route("/builds/{build_id}", build_page),
        Route("/builds/{build_id}/status", status),
        Route("/builds/{build_id}/files/{name}", download),
        Route("/builds/{build_id}/everything.zip", everything),
        Route("/builds/{build_id}/preview/{stem}.png", preview),
        Route("/builds/{build_id}/rebuild", rebuild, methods=["POST"]),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ]
    app = Starlette(routes=routes, lifespan=lifespan,
                    exception_handlers={HTTPException: not_found, TooLarge: too_large,
                                                                 Exception: server_error})
    app.state.builder = builder
    return Guard(app, settings)


def _spec(fields: dict, layouts) -> dict:
    """What to build, checked against what this installation offers."""
    offered = reports.formats()
    chosen = [name for name in offered if name in fields["formats"]]
    if not chosen:
        raise UploadError("choose at least one format")
    by_name = {listed.name: listed for listed in layouts}
    layout = by_name.get(fields["layout"] or "default")
    if layout is None:
        raise UploadError(f"{fields['layout']}: no such layout")
    # The worker runs in the build's folder: a layout file is named by its full path.
    where = os.path.abspath(layout.where) if os.path.isfile(layout.where) else layout.name
    titles = [line.strip() for line in fields["titles"].splitlines() if line.strip()][:200]
    # The results page reads the JSON records, so they are always written.
    return {"formats": sorted(set(chosen) | {"json"}, key=offered.index), "layout": where,
            "layout_name": layout.name, "titles": titles, "jobs": 1}
