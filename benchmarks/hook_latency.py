"""`taltio hook` round trip against socat sending the same request to the same socket.

MicroSIP runs the hook on its UI thread and waits for it, so this is time an agent's softphone is frozen.
"""
from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fixtures.audio import start_audio_server  # noqa: E402
from tests.fixtures.keyring_daemon import start_keyring  # noqa: E402
from tests.helpers.app_proc import make_app  # noqa: E402

N = 40


def timed(argv: list[str], env: dict, stdin: bytes | None = None) -> float:
    t = time.perf_counter()
    subprocess.run(argv, env=env, input=stdin, capture_output=True, check=False)
    return (time.perf_counter() - t) * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as td:
        tmp = Path(td)
        audio = start_audio_server(tmp / "audio")
        keyring = start_keyring(audio.env)
        app = make_app(tmp / "app", audio.child_env(keyring.env), config={"softphone.adapter": "hook"})
        try:
            app.start()
            sock = Path(app.env["TALTIO_RUNTIME_DIR"]) / "taltio.sock"
            ours, peer, floor = [], [], []
            for i in range(N):
                ours.append(timed([sys.executable, "-m", "taltio.cli", "hook", "incoming", "--call-id", f"b{i}"],
                                  app.env))
                subprocess.run([sys.executable, "-m", "taltio.cli", "hook", "ended", "--call-id", f"b{i}"],
                               env=app.env, capture_output=True)
                line = json.dumps({"v": 1, "cmd": "hook", "event": "incoming", "call_id": f"s{i}"}) + "\n"
                peer.append(timed(["socat", "-", f"UNIX-CONNECT:{sock}"], app.env, line.encode()))
                subprocess.run([sys.executable, "-m", "taltio.cli", "hook", "ended", "--call-id", f"s{i}"],
                               env=app.env, capture_output=True)
                floor.append(timed([sys.executable, "-c", "pass"], app.env))
        finally:
            app.stop()
            keyring.stop()
            audio.stop()
    med = statistics.median
    p95 = lambda xs: sorted(xs)[int(len(xs) * 0.95) - 1]  # noqa: E731
    print(f"{N} round trips each (ms)      median   p95")
    print(f"taltio hook                    {med(ours):6.1f} {p95(ours):6.1f}")
    print(f"socat (same request)           {med(peer):6.1f} {p95(peer):6.1f}")
    print(f"python3 -c pass (floor)        {med(floor):6.1f} {p95(floor):6.1f}")
    print(f"ratio taltio/socat {med(ours) / med(peer):.1f}x; taltio minus interpreter floor "
          f"{med(ours) - med(floor):.1f} ms")


if __name__ == "__main__":
    main()
