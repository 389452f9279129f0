"""The house plan holds: import-linter's contracts (pyproject.toml) pass, and the hook path stays light."""
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "desktop" / "taltio"
LINT = Path(sys.executable).with_name("lint-imports")


def _lint(config: Path | None = None) -> subprocess.CompletedProcess:
    args = [str(LINT), "--no-cache"] + (["--config", str(config)] if config else [])
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={"PATH": str(LINT.parent), "PYTHONPATH": str(PKG.parent)})


def test_import_contracts_are_kept():
    r = _lint()
    assert r.returncode == 0 and " 0 broken" in r.stdout, r.stdout[-4000:] + r.stderr[-2000:]


def test_the_contracts_catch_a_domain_module_importing_an_adapter(tmp_path):
    """The contracts can fail: a planted domain -> adapters import breaks the layers contract."""
    planted = PKG / "domain" / "_planted_violation.py"
    planted.write_text("from taltio.adapters import keystore  # noqa: F401\n")
    try:
        r = _lint()
    finally:
        planted.unlink()
    assert r.returncode != 0
    assert "taltio.domain._planted_violation -> taltio.adapters.keystore" in r.stdout


def test_hook_client_imports_nothing_heavy():
    code = textwrap.dedent("""
        import sys
        from taltio.cli import main
        from taltio.app import ipc
        heavy = [m for m in ('PySide6', 'numpy', 'boto3', 'soundfile', 'sounddevice', 'pyrage', 'cryptography')
                 if m in sys.modules]
        print(','.join(heavy))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(PKG.parent)})
    assert out.stdout.strip() == ""
