"""desktop/taltio/core and the adapters must not import Qt; the hook path must stay light."""
import ast
import subprocess
import sys
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "desktop" / "taltio"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_core_and_adapters_are_qt_free():
    offenders = [str(p.relative_to(PKG)) for d in ("core", "adapters") for p in (PKG / d).rglob("*.py")
                 if _imports(p) & {"PySide6", "shiboken6", "PyQt5", "PyQt6"}]
    assert offenders == []


def test_hook_client_imports_nothing_heavy():
    code = ("import sys; from taltio import cli, ipc; "
            "heavy = [m for m in ('PySide6','numpy','boto3','soundfile','sounddevice','pyrage','cryptography') "
            "if m in sys.modules]; print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(PKG.parent)})
    assert out.stdout.strip() == ""
