"""Running the web app: one uvicorn process, or several that share the port.

Several processes each open their own socket on the port with
SO_REUSEPORT, so that the kernel spreads connections over them. (uvicorn's
own --workers share one socket: the first process to wake takes most of
the waiting connections, and with keep-alive clients one process ends up
doing nearly all the work while the others idle.)
"""
from __future__ import annotations

import multiprocessing
import signal
import socket
import sys
import threading
from collections.abc import Callable
from typing import Any, NoReturn

import uvicorn

from amity.lasting import lasting
from amity.web.app import create_app
from amity.web.children import die_with_parent

_UVICORN = {"log_level": "warning", "server_header": False}


def serve(settings: dict[str, Any], *, host: str, port: int, workers: int = 1,
          ready: Callable[[], None] = lambda: None) -> int:
    """Serve `create_app(**settings)` on host:port in `workers` processes until interrupted; the exit status.

    `ready` is called once the port is had. Raises OSError when it cannot be (in use, or not allowed).
    """
    if workers == 1 or not hasattr(socket, "SO_REUSEPORT"):
        app = create_app(**settings)
        with _socket(host, port, reuse_port=False) as sock:
            ready()
            uvicorn.Server(uvicorn.Config(app, **_UVICORN)).run(sockets=[sock])  # type: ignore[arg-type]
        return 0
    with _socket(host, port, reuse_port=False):
        pass  # nobody else holds the port, another Amity's shared one included (it would take half the clients)
    context = multiprocessing.get_context("spawn")
    started = context.Barrier(workers + 1)
    children = [context.Process(target=_worker, args=(settings, host, port, started), daemon=True)
                for _ in range(workers)]
    for child in children:
        child.start()

    def _stop_all(status: int) -> NoReturn:
        for child in children:
            if child.is_alive():
                child.terminate()
        for child in children:
            child.join(timeout=10)
        sys.exit(status)

    signal.signal(signal.SIGTERM, lambda *_: _stop_all(0))
    signal.signal(signal.SIGINT, lambda *_: _stop_all(0))
    try:
        started.wait(timeout=120)  # every process has its socket and its app
    except threading.BrokenBarrierError:
        _stop_all(1)
    ready()
    for child in children:
        child.join()
        if child.exitcode:  # one failed: the rest go too
            _stop_all(1)
    return 0


def _socket(host: str, port: int, *, reuse_port: bool) -> socket.socket:
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if reuse_port:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock


def _worker(settings: dict[str, Any], host: str, port: int, started: Any) -> None:
    die_with_parent()
    try:
        sock = _socket(host, port, reuse_port=True)
        with lasting():  # each process keeps its app to the end, as `amity serve` keeps the first
            server = uvicorn.Server(uvicorn.Config(create_app(**settings), **_UVICORN))  # type: ignore[arg-type]
    except BaseException:
        started.abort()  # the parent stops the others and fails
        raise
    started.wait(timeout=120)
    server.run(sockets=[sock])
