"""The status in the agent's language: app.status decides, this translates its keys.

The sentences are those of app.status.ENGLISH, in the "TaltioApp" translation context (where the tray has
always kept them, so the committed translations apply); translate() is thread-safe, so `taltio status` may
ask from the control socket's thread.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from taltio.app.agent import PolicyApplied
from taltio.app import status
from taltio.app.status import StatusLine
from taltio.ui.core_text import render


def policy_note(p: PolicyApplied) -> str:
    """A refused or expired supervisor policy, in the agent's language ("" when all is well)."""
    if p.error:
        return render(p.error)
    if p.refusal is not None:
        return render(p.refusal)
    if p.expired:
        return QCoreApplication.translate("TaltioApp", "the policy {targets} has expired; it stays in force until a "
                                          "new version is published").format(targets=", ".join(p.expired))
    return ""


def texts(line: StatusLine) -> tuple[str, str]:
    """A status line's text and detail in the agent's language (any thread: translate() is thread-safe)."""
    return status.texts(line, _text)


def _text(key: str, params: dict) -> str:
    if key == "message":
        return render(params["message"])
    if key == "policy_refused":
        return QCoreApplication.translate("TaltioApp", "a supervisor policy was refused: {reason}").format(
            reason=render(params["reason"]))
    n = params.get("n", -1)
    template = _templates(n)[key]
    try:
        return template.format(**{k: render(v) for k, v in params.items()})
    except (KeyError, IndexError, ValueError):
        return template          # a broken translation must never hide the status


def _templates(n: int) -> dict[str, str]:
    """The status sentences of app.status.ENGLISH, translated (the same keys, the same English)."""
    return {
        "config_error": QCoreApplication.translate("TaltioApp", "Not recording: configuration problem"),
        "switched_off": QCoreApplication.translate("TaltioApp", "Recording is switched off by your organisation"),
        "call_private": QCoreApplication.translate("TaltioApp", "Private call: NOT recorded"),
        "call_declined": QCoreApplication.translate("TaltioApp", "Customer declined: NOT recorded"),
        "call_failed": QCoreApplication.translate("TaltioApp", "Recording failed"),
        "recording": QCoreApplication.translate("TaltioApp", "Recording call {number} ({seconds} s)"),
        "on_hold": QCoreApplication.translate("TaltioApp", "Call on hold: nothing is recorded"),
        "call_waiting": QCoreApplication.translate("TaltioApp", "Call waiting: nothing is recorded"),
        "paused": QCoreApplication.translate("TaltioApp", "Paused {time}: nothing is recorded"),
        "notice": QCoreApplication.translate("TaltioApp", "Call active: read the notice; not recording yet"),
        "next_private": QCoreApplication.translate("TaltioApp", "Next call is private: it will not be recorded"),
        "last_private": QCoreApplication.translate("TaltioApp", "Last call was private: not recorded"),
        "last_declined": QCoreApplication.translate("TaltioApp", "Last call declined: not recorded"),
        "waiting_unreachable": QCoreApplication.translate("TaltioApp", "%n recording(s) waiting: storage unreachable",
                                                          "", n),
        "uploading": QCoreApplication.translate("TaltioApp", "Uploading %n recording(s)", "", n),
        "standalone": QCoreApplication.translate("TaltioApp", "Standalone: recordings stay on this computer"),
        "starting": QCoreApplication.translate("TaltioApp", "Starting: not recording yet"),
        "ready": QCoreApplication.translate("TaltioApp", "Ready: no call"),
        "softphone": QCoreApplication.translate("TaltioApp", "softphone: {state}"),
        "backlog": QCoreApplication.translate("TaltioApp", "%n recording(s) waiting for upload", "", n),
        "oldest": QCoreApplication.translate("TaltioApp", "(oldest {age})"),
        "upload_error": QCoreApplication.translate("TaltioApp", "last upload error: {error}"),
        "policy_expired": QCoreApplication.translate("TaltioApp", "the policy {targets} has expired; it stays in "
                                                     "force until a new version is published"),
        "saved_to": QCoreApplication.translate("TaltioApp", "Saved to {place}"),
    }
