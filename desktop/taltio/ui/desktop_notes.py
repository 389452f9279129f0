"""What the desktop cannot do for the agent, said once by a notification: no auto-pause, refused shortcuts.

Each is said when the app starts (or a setting changes it) and then forgotten, so the agent is not nagged;
the detail a technician needs is in the log. The texts keep the "TaltioApp" context they were written in.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from taltio.ui.core_text import render


def say_auto_pause_unavailable(agent, notifier) -> None:  # noqa: ANN001 - AgentApp, ui.notify notifier
    """The organisation listed payment windows, and this desktop cannot tell which has the keyboard: the
    agent is told once, so they press Pause themselves."""
    ap = agent.auto_pause
    if ap is not None and ap.unavailable:
        ap.unavailable = ""
        notifier.notify("Taltio", QCoreApplication.translate(
            "TaltioApp",
            "Recording does not pause by itself on this desktop when the payment window opens: press Pause "
            "while card details are given."))


def say_shortcut_problems(agent, notifier) -> None:  # noqa: ANN001
    """A shortcut another program holds, or none on this desktop: the agent would press it and wonder."""
    problems, agent.shortcuts.problems = agent.shortcuts.problems, []
    if problems:
        notifier.notify("Taltio", "\n".join(render(p) for p in problems))
