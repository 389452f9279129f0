"""The tray's small dialogs: a private call's reason, an agreement mark's label, and About.

Their texts stay in the "TaltioApp" translation context, where the committed translations have them.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from taltio import __version__


def reason_dialog(on_text: Callable[[str], None]) -> QInputDialog:
    """One line of reason for a private call (the organisation asks for it); opened, deleted on close."""
    dlg = QInputDialog()
    dlg.setObjectName("privateReason")
    reason_texts(dlg)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dlg.textValueSelected.connect(lambda text: on_text(text.strip() or ""))
    dlg.open()
    return dlg


def reason_texts(dlg: QInputDialog) -> bool:
    """(Re)translate the reason dialog; False when it was closed (deleted) already."""
    try:
        dlg.setWindowTitle(QCoreApplication.translate("TaltioApp", "Private call"))
        dlg.setLabelText(QCoreApplication.translate(
            "TaltioApp", "Why is this call private? (kept in the local log, never any audio)"))
    except RuntimeError:
        return False
    return True


def label_dialog(on_text: Callable[[str], None]) -> QInputDialog:
    dlg = QInputDialog()
    dlg.setObjectName("bookmarkLabel")
    dlg.setWindowTitle(QCoreApplication.translate("TaltioApp", "Agreement mark"))
    dlg.setLabelText(QCoreApplication.translate("TaltioApp",
                                                "What was agreed? (a few words; no card or customer numbers)"))
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dlg.textValueSelected.connect(on_text)
    dlg.open()
    return dlg


def number_dialog(on_text: Callable[[str], None]) -> QInputDialog:
    """The customer's number for a call started by hand: optional (Enter on an empty line starts the call),
    kept like a softphone's (sealed, never in clear on disk); opened, deleted on close."""
    dlg = QInputDialog()
    dlg.setObjectName("manualCallNumber")
    dlg.setWindowTitle(QCoreApplication.translate("TaltioApp", "Start call"))
    dlg.setLabelText(QCoreApplication.translate(
        "TaltioApp", "The customer's number (optional). The notice card opens next, as for any call."))
    dlg.setOkButtonText(QCoreApplication.translate("TaltioApp", "Start call"))
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dlg.textValueSelected.connect(lambda text: on_text(text.strip()))
    dlg.open()
    return dlg


def about_box(versions: dict[str, int], refused: str, machine_source: str | None) -> QMessageBox:
    """Version, the policies in force and any refused one: what a supervisor or IT asks the agent for."""
    none = QCoreApplication.translate("TaltioApp", "none")
    policy = ", ".join(f"{t} v{v}" for t, v in versions.items()) or none
    lines = [QCoreApplication.translate("TaltioApp", "Taltio {version}").format(version=__version__),
             QCoreApplication.translate("TaltioApp", "Supervisor policy in force: {policy}").format(policy=policy)]
    if refused:
        lines.append(QCoreApplication.translate("TaltioApp", "Refused: {reason}").format(reason=refused))
    if machine_source is not None:
        lines.append(QCoreApplication.translate("TaltioApp", "Machine policy: {source}").format(
            source=machine_source or none))
    box = QMessageBox(QMessageBox.Icon.Information, QCoreApplication.translate("TaltioApp", "About Taltio"),
                      "\n".join(lines))
    box.setObjectName("aboutBox")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
