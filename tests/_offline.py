"""Proof that reading hostile input stays offline, shared by the hostile-input tests.

``listener`` is a local listening socket that attacks aim at (an external DTD, an image,
a stylesheet, an XInclude); :func:`connections` says whether anything reached it.
``network`` refuses and records every Python-level attempt to connect or resolve a name.
The fixtures are registered for ``tests/formats`` by its ``conftest.py``.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest


@pytest.fixture(scope="module")
def listener() -> Iterator[socket.socket]:
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(32)
    server.setblocking(False)
    yield server
    server.close()


@pytest.fixture
def network(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """Python-level network access, recorded and refused."""
    attempts: list[tuple[Any, ...]] = []

    def refuse(*args: Any) -> Any:
        attempts.append(args)
        raise OSError("network access while reading hostile input")

    monkeypatch.setattr(socket.socket, "connect", lambda self, *a: refuse("connect", *a))
    monkeypatch.setattr(socket.socket, "connect_ex", lambda self, *a: refuse("connect_ex", *a))
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse("create", *a))
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: refuse("getaddrinfo", *a))
    return attempts


def connections(server: socket.socket) -> list[str]:
    """Connections made to the listener since last asked, with what they sent."""
    seen: list[str] = []
    while True:
        try:
            connection, peer = server.accept()
        except BlockingIOError:
            return seen
        with connection:
            connection.setblocking(False)
            try:
                sent = connection.recv(65536).decode("latin-1")
            except OSError:
                sent = ""
        seen.append(f"{peer}: {sent!r}")
