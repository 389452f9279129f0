"""Run the real `taltio` app as a subprocess (offscreen Qt) and drive it like a softphone would."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping

from tests.helpers.waiting import wait_for

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = ROOT / "desktop"


def org_keypair(directory: Path) -> tuple[Path, str]:
    """An organisation key made by Debian's age-keygen, as IT would."""
    key = directory / "org-key.txt"
    if not key.exists():
        subprocess.run(["age-keygen", "-o", str(key)], check=True, capture_output=True)
    recipient = subprocess.run(["age-keygen", "-y", str(key)], check=True, capture_output=True,
                               text=True).stdout.strip()
    return key, recipient


def toml_config(path: Path, values: Mapping[str, object]) -> Path:
    """Write a machine config (dotted keys → sections)."""
    sections: dict[str, dict[str, object]] = {}
    for k, v in values.items():
        sec, _, name = k.rpartition(".")
        sections.setdefault(sec, {})[name] = v
    lines = []
    for sec, kv in sections.items():
        lines.append(f"[{sec}]")
        for name, v in kv.items():
            lines.append(f"{name} = {json.dumps(v)}")
    path.write_text("\n".join(lines) + "\n")
    return path


def live_app_config(path: Path, *, agent_id: str, adapter: str, address: str, s3, access: str, recipient: str,
                    **more: object) -> Path:
    """The machine config of an in-process app on the test audio server, S3 and a live softphone.

    *more* adds or overrides settings by their dotted keys with ``__`` for the dot
    (``audio__codec="flac"``, ``recording__start="answer"``).
    """
    values: dict[str, object] = {
        "agent.id": agent_id, "audio.mic_device": "agent_mic", "audio.loopback_device": "softphone_out.monitor",
        "softphone.adapter": adapter, "softphone.address": address,
        "storage.url": f"s3://{s3.bucket}/agents", "storage.endpoint": s3.endpoint, "storage.access_key_id": access,
        "encryption.recipients": [recipient],
        "notice.default_language": "en", "notice.language_rules": [],
        "notice.text_en": "This call is recorded by North Bank to document agreements.",
    }
    values.update({k.replace("__", "."): v for k, v in more.items()})
    return toml_config(path, values)


@dataclass
class AppProcess:
    workdir: Path
    env: dict[str, str]
    proc: subprocess.Popen | None = None
    logs: list[Path] = field(default_factory=list)
    # The argv prefix that runs `taltio` (default: this Python on the source tree) and the arguments that start
    # it: the frozen app's tests (tests/helpers/frozen.py) pass its executable and `run --headless`.
    command: tuple[str, ...] = (sys.executable, "-m", "taltio.cli")
    run_args: tuple[str, ...] = ("run",)

    @property
    def data_dir(self) -> Path:
        return Path(self.env["TALTIO_DATA_DIR"])

    def start(self, wait: bool = True) -> "AppProcess":
        log = self.workdir / f"app-{len(self.logs)}.log"
        self.logs.append(log)
        fh = open(log, "wb")
        self.proc = subprocess.Popen([*self.command, *self.run_args], env=self.env, stdout=fh,
                                     stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
        if wait:
            self.wait_for(lambda s: True, timeout=20, what="app to answer status")
        return self

    def cli(self, *args: str, timeout: float = 20) -> subprocess.CompletedProcess:
        return subprocess.run([*self.command, *args], env=self.env, capture_output=True,
                              text=True, timeout=timeout)

    def hook(self, event: str, call_id: str | None = None, number: str | None = None, check: bool = True,
             extra: list[str] | None = None) -> subprocess.CompletedProcess:
        args = ["hook", event]
        if call_id:
            args += ["--call-id", call_id]
        if number:
            args += ["--number", number]
        args += extra or []
        r = self.cli(*args)
        if check and r.returncode != 0:
            raise AssertionError(f"taltio hook {event} failed ({r.returncode}): {r.stderr.strip()}\n{self.log_tail()}")
        return r

    def status(self) -> dict | None:
        r = self.cli("status", timeout=10)
        if r.returncode != 0:
            return None
        return json.loads(r.stdout)

    def wait_for(self, pred: Callable[[dict], bool], timeout: float = 15, what: str = "condition") -> dict:
        """Poll `taltio status` until *pred* holds for it; fails at once if the app exits."""
        last: dict | None = None

        def ready() -> bool:
            nonlocal last
            if self.proc is not None and self.proc.poll() is not None:
                raise AssertionError(f"app exited with {self.proc.returncode} while waiting for {what}\n"
                                     f"{self.log_tail()}")
            last = self.status()
            return last is not None and pred(last)

        wait_for(ready, timeout, interval=0.1, message=lambda: f"{what}; last status {last}\n{self.log_tail()}")
        assert last is not None
        return last

    def kill9(self) -> float:
        assert self.proc is not None
        t = time.time()
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)
        return t

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=40)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def log_tail(self, n: int = 40) -> str:
        if not self.logs:
            return ""
        lines = self.logs[-1].read_text(errors="replace").splitlines()
        return "\n".join(lines[-n:])


def make_app(workdir: Path, base_env: Mapping[str, str], config: Mapping[str, object] | None,
             s3_secret: str | None = None) -> AppProcess:
    workdir.mkdir(parents=True, exist_ok=True)
    env = dict(base_env)
    env["PYTHONPATH"] = str(DESKTOP) + os.pathsep + env.get("PYTHONPATH", "")
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["TALTIO_DATA_DIR"] = str(workdir / "data")
    env["TALTIO_RUNTIME_DIR"] = str(workdir / "run")
    tmp = workdir / "tmp"
    tmp.mkdir(exist_ok=True)
    env["TMPDIR"] = str(tmp)
    if config is not None:
        env["TALTIO_CONFIG"] = str(toml_config(workdir / "taltio.toml", config))
    else:
        env.pop("TALTIO_CONFIG", None)
    if s3_secret:
        env["TALTIO_S3_SECRET"] = s3_secret
    return AppProcess(workdir, env)
