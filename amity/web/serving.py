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
from typing import Any

import uvicorn

from amity.web.app import create_app

_UVICORN = {"log_level": "warning", "server_header": False}


def serve(settings: dict[str, Any], *, host: str, port: int, workers: int = 1) -> None:
    """Serve `create_app(**settings)` on host:port in `workers` processes until interrupted."""
    if workers == 1 or not hasattr(socket, "SO_REUSEPORT"):
        uvicorn.run(create_app(**settings), host=host, port=port, workers=None, **_UVICORN)  # type: ignore[arg-type]
        return
    context = multiprocessing.get_context("spawn")
    children = [context.Process(target=_worker, args=(settings, host, port), daemon=True) for _ in range(workers)]
    for child in children:
        child.start()

    def _stop(signum: int, _frame: object) -> None:
        for child in children:
            if child.is_alive():
                child.terminate()
        for child in children:
            child.join(timeout=10)
        sys.exit(0)

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    for child in children:
        child.join()


def _worker(settings: dict[str, Any], host: str, port: int) -> None:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    server = uvicorn.Server(uvicorn.Config(create_app(**settings), **_UVICORN))  # type: ignore[arg-type]
    server.run(sockets=[sock])
