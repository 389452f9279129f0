"""One Taltio per user: the lock in the runtime dir (app/instance.py) and what the control servers do with it.

The regression: a Taltio that does not answer (stopped with SIGSTOP, or busy) looked dead to a second launch,
which removed its live socket (QLocalServer.removeServer) and took over. Now whoever holds the lock keeps
the socket; a second attempt is refused and touches nothing. Real processes, real signals."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from taltio.app.ipc import IPCError, request
from tests.test_control_server import Child

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals and flock")

HOLD = r"""
import sys, threading
from taltio.app.instance import SingleInstance
lock = SingleInstance(sys.argv[1])
print("held" if lock.acquire() else "refused", flush=True)
threading.Event().wait()
"""


@pytest.fixture
def run_dir(tmp_path, monkeypatch) -> Path:
    d = tmp_path / "run"
    d.mkdir(mode=0o700)
    monkeypatch.setenv("TALTIO_RUNTIME_DIR", str(d))
    return d


def _holder(path: Path) -> subprocess.Popen:
    root = Path(__file__).resolve().parents[1]
    p = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE, text=True,
                         env=dict(os.environ, PYTHONPATH=str(root / "desktop")))
    assert p.stdout.readline().strip() == "held"
    return p


def test_the_lock_is_held_by_one_process_and_freed_when_it_dies(run_dir):
    from taltio.app.instance import SingleInstance, held_lock, not_answering_message

    path = run_dir / "taltio.lock"
    holder = _holder(path)
    try:
        mine = SingleInstance()
        assert mine.path == path
        assert not mine.acquire() and not mine.held
        assert mine.holder_pid() == holder.pid
        msg = not_answering_message(mine.holder_pid())
        assert msg.startswith(f"another Taltio is running but not answering (pid {holder.pid}?); ")
    finally:
        holder.kill()                       # no clean-up of any kind: the kernel drops the lock
        holder.wait()
    assert mine.acquire() and mine.held and held_lock() is mine
    assert SingleInstance().acquire() is False             # one holder per process too
    assert mine.holder_pid() == os.getpid()
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    mine.release()
    assert held_lock() is None and not mine.held
    with SingleInstance() as again:
        assert again.held
    assert not again.held


def _sock_id(path: str) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_dev, st.st_ino


@pytest.mark.parametrize("kind", ["control", "qt"])
def test_a_stopped_instance_keeps_its_socket_and_answers_after_sigcont(kind, run_dir, qapp):
    """A server process holding the lock is stopped (SIGSTOP). A second attempt, with either server, must not
    take over: it is refused and leaves the socket file alone; after SIGCONT the first one still answers."""
    first = Child(kind, run_dir)
    try:
        sock = first.sock
        assert request({"cmd": "status"})["pid"] == first.pid
        inode = _sock_id(sock)
        os.kill(first.pid, signal.SIGSTOP)
        try:
            with pytest.raises(IPCError, match="did not answer"):
                request({"cmd": "status"}, timeout=0.5)            # what the second launch sees first

            from taltio.app.control import AlreadyServing, ControlServer
            from taltio.app.instance import SingleInstance, not_answering_message
            from taltio.ui.ipc_server import IPCServer

            assert SingleInstance().acquire() is False
            with pytest.raises(AlreadyServing) as refused:
                ControlServer(lambda r: {"ok": True}).listen()
            assert refused.value.pid == first.pid
            assert "another Taltio is running but not answering" in not_answering_message(refused.value.pid)
            qt = IPCServer(lambda r: {"ok": True})
            with pytest.raises(RuntimeError):
                qt.listen()                                          # before: removeServer() unlinked it here
            qt.close()
            assert os.path.exists(sock) and _sock_id(sock) == inode
        finally:
            os.kill(first.pid, signal.SIGCONT)
        reply = request({"cmd": "status"}, timeout=3.0)
        assert reply["pid"] == first.pid and _sock_id(sock) == inode
    finally:
        first.stop()


def test_a_socket_left_by_a_dead_instance_is_replaced(run_dir):
    """kill -9 leaves the socket file; the next server holds the lock, so it knows the file is stale."""
    from taltio.app.control import ControlServer

    first = Child("control", run_dir)
    first.proc.kill()
    first.proc.wait()
    assert os.path.exists(first.sock)
    server = ControlServer(lambda r: {"ok": True, "pid": os.getpid()})
    server.listen()
    try:
        assert request({"cmd": "status"})["pid"] == os.getpid()
    finally:
        server.close()
    assert not os.path.exists(first.sock)
    t0 = time.monotonic()
    with pytest.raises(IPCError, match="not running"):
        request({"cmd": "status"})
    assert time.monotonic() - t0 < 1


# -- the private directories (app/paths.py) ---------------------------------------------------------------------------

@pytest.mark.evidence("security")
@pytest.mark.parametrize("env, func", [("TALTIO_DATA_DIR", "data_dir"), ("TALTIO_RUNTIME_DIR", "runtime_dir")])
def test_an_existing_dir_is_tightened_to_0700_and_another_users_is_refused(env, func, tmp_path, monkeypatch):
    """Before: an existing data dir stayed as it was (0755 left the queue, logs and call folders readable)."""
    from taltio.app import paths

    d = tmp_path / "d"
    d.mkdir()
    d.chmod(0o755)
    monkeypatch.setenv(env, str(d))
    assert getattr(paths, func)() == d
    assert oct(d.stat().st_mode & 0o777) == "0o700"
    fresh = tmp_path / "new" / "deeper"
    monkeypatch.setenv(env, str(fresh))
    assert getattr(paths, func)() == fresh and oct(fresh.stat().st_mode & 0o777) == "0o700"
    if os.getuid() != 0:
        pytest.skip("making a directory of another user needs root")
    other = tmp_path / "other"
    other.mkdir()
    other.chmod(0o755)                                                        # whatever the umask is
    os.chown(other, 65534, 65534)
    monkeypatch.setenv(env, str(other))
    with pytest.raises(PermissionError) as refused:
        getattr(paths, func)()
    text = str(refused.value)
    assert str(other) in text and "another user" in text and env in text
    assert oct(other.stat().st_mode & 0o777) == "0o755"                  # left as it was
