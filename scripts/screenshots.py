#!/usr/bin/env python3
"""Render every state of Taltio's screens to PNG, one set per language, for review.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--langs fi,sv,en]

The screens come from the real app, driven through real states: a private
PipeWire server for the devices, gnome-keyring for the keys, a folder as the
storage target, and the controller's own events (the same ones `taltio hook`
sends). They render under Xvfb (2560x1600, like a 200 % laptop screen with QT_SCALE_FACTOR=2) with the
xcb platform, as on an agent's desktop.
Xvfb has no system tray, so the tray menu is shown by building the tray view as
if a tray existed and opening its menu; everything else is what an agent sees.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "desktop"))
sys.path.insert(0, str(ROOT))



def _wait_ms(ms: int) -> None:
    """Let Qt and the capture threads run. QTest.qWait holds the GIL for its whole wait under PySide6,
    so the recorder's capture threads starved and the shots showed devices "lost" and a 00:00 timer."""
    from PySide6.QtWidgets import QApplication

    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)

def _free_display() -> int:
    for n in range(90, 140):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            return n
    raise SystemExit("no free X display number")


def start_xvfb() -> tuple[subprocess.Popen, str]:
    if not shutil.which("Xvfb"):
        raise SystemExit("Xvfb is missing (Debian: xvfb); scripts/dev installs it")
    n = _free_display()
    proc = subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", "2560x1600x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        if Path(f"/tmp/.X11-unix/X{n}").exists():
            return proc, f":{n}"
        time.sleep(0.05)
    proc.kill()
    raise SystemExit("Xvfb did not start")


class Shooter:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.count = 0

    def grab(self, widget, name: str) -> None:
        from PySide6.QtTest import QTest

        _wait_ms(150)
        widget.adjustSize()
        _wait_ms(100)
        self.out.mkdir(parents=True, exist_ok=True)
        if not widget.grab().save(str(self.out / f"{name}.png")):
            raise SystemExit(f"could not save {name}.png")
        self.count += 1


def shoot_language(lang: str, out: Path, tmp: Path, recipient: str, audio) -> int:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QSystemTrayIcon

    from taltio import settings as settings_mod
    from taltio.domain.events import CallEvent
    from taltio.ui import i18n
    from taltio.ui.app import TaltioApp

    data = tmp / f"data-{lang}"
    os.environ["TALTIO_DATA_DIR"] = str(data)
    os.environ["TALTIO_RUNTIME_DIR"] = str(tmp / f"run-{lang}")
    cfg = tmp / f"taltio-{lang}.toml"
    cfg.write_text(f'[agent]\nid = "agent-7"\n[audio]\nmic_device = "agent_mic"\n'
                   f'loopback_device = "softphone_out.monitor"\n[storage]\nurl = "file://{tmp}/store-{lang}"\n'
                   f'[encryption]\nrecipients = ["{recipient}"]\n[ui]\nlanguage = "{lang}"\n'
                   f'[org]\ncontroller = "North Bank Oy"\ncontact = "tietosuoja@northbank.example"\n'
                   f'retention = "24 months"\ncopy_request = "northbank.example/recordings"\n'
                   f'[recording]\npause_reminder_seconds = 2.0\n')
    i18n.install(lang)
    shot = Shooter(out / lang)
    app = TaltioApp(settings_mod.load(cfg, tmp / "nouser.toml"))
    app.start()
    ctl = app.core.controller
    window = app.view.window
    _wait_ms(300)

    def states(tag: str) -> None:
        app.refresh()
        if window is not None:
            shot.grab(window, f"status-{tag}")
        if app.pill is not None:
            shot.grab(app.pill, f"pill-{tag}")

    def ev(kind: str, call_id: str | None = None, number: str | None = None, label: str | None = None) -> None:
        ctl.handle(CallEvent.parse(kind, call_id=call_id, number=number, label=label))
        _wait_ms(200)

    if app.staff_dialog is not None:
        shot.grab(app.staff_dialog, "staff-notice")
        app.staff_dialog.button.click()
    states("idle")
    number = {"fi": "+358401234567", "sv": "+46701234567", "en": "+442071234567"}[lang]
    ev("incoming", "c1", number)
    shot.grab(app.card, "card-ringing")
    states("ringing")
    ev("answered", "c1")
    shot.grab(app.card, "card-notice")
    app.card.btn_info.click()
    shot.grab(app.card, "card-customer-asks")
    app.card.btn_info.click()
    ev("notice-given", "c1")
    # Until a few seconds are recorded (the loopback may take a moment to deliver its first block).
    for _ in range(40):
        _wait_ms(200)
        if ctl.view(ctl.sessions["c1"])["recorded_s"] >= 3.0:
            break
    app._tick()
    shot.grab(app.card, "card-recording")
    states("recording")
    app.card.btn_bookmark.click()
    app._tick()
    shot.grab(app.card, "card-agreement-marked")
    app.card.btn_label.click()
    _wait_ms(200)
    if app.label_dialog is not None:
        app.label_dialog.setTextValue({"fi": "12 kk sopimus", "sv": "12 mån avtal", "en": "12-month contract"}[lang])
        shot.grab(app.label_dialog, "agreement-label-dialog")
        app.label_dialog.accept()
    app._tick()
    shot.grab(app.card, "card-agreement-labelled")
    ev("pause", "c1")
    _wait_ms(2500)
    app._tick()
    shot.grab(app.card, "card-paused")
    states("paused-reminder")
    ev("resume", "c1")
    ev("hold", "c1")
    app._tick()
    shot.grab(app.card, "card-on-hold")
    states("on-hold")
    ev("unhold", "c1")
    args = audio.unload("source_name=agent_mic")
    _wait_ms(1200)
    app._tick()
    shot.grab(app.card, "card-device-lost")
    states("device-lost")
    audio.load("module-remap-source", args)
    _wait_ms(1500)
    ev("declined", "c1")
    states("declined")
    ev("ended", "c1")
    ev("next-private")
    states("next-private")
    ev("outgoing", "c2", number)
    ev("answered", "c2")
    shot.grab(app.card, "card-private")
    states("private")
    ev("ended", "c2")
    prefs = app.open_preferences()
    if prefs is not None:
        _wait_ms(200)
        shot.grab(prefs, "preferences")
        prefs.close()
    app.show_about()
    _wait_ms(200)
    if app.about_box is not None:
        shot.grab(app.about_box, "about")
        app.about_box.close()
    dlg = app.open_devices()
    if dlg is not None:
        _wait_ms(1500)
        shot.grab(dlg, "devices")
        dlg.close()
    # "Start call…" (no softphone integration): the number dialog.
    app._ask_number()
    _wait_ms(200)
    app.number_dialog.setTextValue("040 123 4567")
    shot.grab(app.number_dialog, "start-call-dialog")
    app.number_dialog.reject()
    # The tray menu, built as it is when the desktop has a tray.
    real = QSystemTrayIcon.isSystemTrayAvailable
    QSystemTrayIcon.isSystemTrayAvailable = staticmethod(lambda: True)   # type: ignore[method-assign]
    try:
        from taltio.ui.tray import StatusView

        view = StatusView()
        view.set_language(lang)
        view.set_status("recording", app.compute_status()[1])
        menu = view._menu
        menu.popup(app.card.pos())
        shot.grab(menu, "tray-menu")
        menu.hide()
        view.close()
    finally:
        QSystemTrayIcon.isSystemTrayAvailable = real      # type: ignore[method-assign]
    app.shutdown()
    # A configuration problem: what the agent sees when Taltio cannot record at all.
    bad = tmp / f"bad-{lang}.toml"
    bad.write_text(f'[storage]\nurl = "file://{tmp}/store-{lang}"\n[encryption]\nrecipients = ["age1notakey"]\n'
                   f'[ui]\nlanguage = "{lang}"\n')
    broken = TaltioApp(settings_mod.load(bad, tmp / "nouser.toml"))
    broken.start()
    _wait_ms(300)
    window = broken.view.window
    app = broken
    states("error")
    broken.shutdown()
    shoot_error_classes(lang, shot, tmp, recipient, audio)
    return shot.count


def shoot_error_classes(lang: str, shot: Shooter, tmp: Path, recipient: str, audio) -> None:
    """A supervisor policy refused, storage down, the upload queue full and a call it stops: the real app with
    the same set-up as tests/test_i18n_errors.py (S3 on a closed port, a forged policy, a 1 MB quota)."""
    from taltio import settings as settings_mod
    from taltio.domain.events import CallEvent
    from taltio.ui.app import TaltioApp
    from tests.helpers.error_states import S3_SECRET, error_config, fill_queue

    where = tmp / f"errors-{lang}"
    where.mkdir()
    os.environ["TALTIO_DATA_DIR"] = str(where / "data")
    os.environ["TALTIO_RUNTIME_DIR"] = str(where / "run")
    os.environ["TALTIO_S3_SECRET"] = S3_SECRET
    cfg = where / "taltio.toml"
    cfg.write_text(error_config(where, lang, recipient))
    app = TaltioApp(settings_mod.load(cfg, tmp / "nouser.toml"))
    app.start()
    if app.staff_dialog is not None:
        app.staff_dialog.button.click()
    ctl = app.core.controller

    def states(tag: str) -> None:
        app.refresh()
        if app.view.window is not None:
            shot.grab(app.view.window, f"status-{tag}")
        if app.pill is not None:
            shot.grab(app.pill, f"pill-{tag}")

    def until(check, seconds: float = 15.0) -> None:
        end = time.monotonic() + seconds
        while not check():
            if time.monotonic() > end:
                raise SystemExit(f"{lang}: the error state did not come within {seconds:.0f} s")
            _wait_ms(100)

    until(lambda: app.agent.policy.refusal is not None)
    states("policy-refused")
    ctl.handle(CallEvent.parse("incoming", call_id="e1", number="+358401234567"))
    ctl.handle(CallEvent.parse("answered", call_id="e1"))
    ctl.handle(CallEvent.parse("notice-given", call_id="e1"))
    until(lambda: ctl.view(ctl.sessions["e1"])["recorded_s"] >= 1.0)
    ctl.handle(CallEvent.parse("ended", call_id="e1"))
    until(lambda: app.core.queue.status().last_error is not None)
    states("storage-down")
    fill_queue(app, where / "data")
    until(lambda: app.core.queue.status().pending_bytes >= 2**20)
    states("queue-full")
    ctl.handle(CallEvent.parse("incoming", call_id="e2", number="+358401234567"))
    ctl.handle(CallEvent.parse("answered", call_id="e2"))
    _wait_ms(300)
    shot.grab(app.card, "card-queue-full")
    ctl.handle(CallEvent.parse("notice-given", call_id="e2"))
    _wait_ms(300)
    app._tick()
    shot.grab(app.card, "card-not-recorded-queue-full")
    states("queue-full-call-refused")
    ctl.handle(CallEvent.parse("ended", call_id="e2"))
    # "Check this computer…" (the doctor's checks in the tray) while storage is down.
    os.environ["TALTIO_CONFIG"] = str(cfg)
    win = app.open_checks()
    until(lambda: bool(win.results), 30.0)
    shot.grab(win, "check-this-computer")
    win.close()
    app.shutdown()
    del os.environ["TALTIO_S3_SECRET"], os.environ["TALTIO_CONFIG"]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    ap.add_argument("--langs", default="fi,sv,en")
    args = ap.parse_args()
    langs = [x for x in args.langs.split(",") if x]

    from tests.fixtures.audio import start_audio_server
    from tests.fixtures.keyring_daemon import start_keyring
    from tests.helpers.app_proc import org_keypair

    xvfb, display = start_xvfb()
    tmp = Path(tempfile.mkdtemp(prefix="taltio-shots-"))
    audio = start_audio_server(tmp / "audio")
    kd = None
    keeper = None
    try:
        audio.apply_to_process()
        # A softphone in a call streams to its output all the time (silence too): keep the sink busy.
        # The headset mic too: a null sink nothing plays into may be suspended, and its monitor then
        # delivers nothing (the card's timer would stand at 00:00).
        keeper = subprocess.Popen(["pacat", "--playback", "--raw", "--latency-msec=20", "--device=softphone_out",
                                   "/dev/zero"], env={**os.environ}, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        mic_keeper = subprocess.Popen(["pacat", "--playback", "--raw", "--latency-msec=20", "--device=mic_feed",
                                       "--channels=1", "/dev/zero"], env={**os.environ}, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.DEVNULL)
        kd = start_keyring(audio.env)
        kd.apply_to_process()
        os.environ["DISPLAY"] = display            # the audio fixture scrubs DISPLAY
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        os.environ.setdefault("QT_SCALE_FACTOR", "1")
        _key, recipient = org_keypair(tmp)
        from PySide6.QtWidgets import QApplication

        qapp = QApplication([sys.argv[0]])
        qapp.setQuitOnLastWindowClosed(False)
        total = 0
        for lang in langs:
            n = shoot_language(lang, args.out, tmp, recipient, audio)
            print(f"{lang}: {n} screenshots in {args.out / lang}")
            total += n
        return 0 if total else 1
    finally:
        if keeper is not None:
            keeper.kill()
            mic_keeper.kill()
        if kd is not None:
            kd.stop()
        audio.stop()
        xvfb.kill()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
