"""Where PyInstaller finds `taltio.resources`.

pyproject.toml maps the package `taltio.resources` to the repository's resources/ folder (package-dir), not
to desktop/taltio/resources, and the editable install resolves it through an import hook that PyInstaller's
module graph does not run. Adding the repository root to the taltio package's search path makes
resources/__init__.py the module taltio.resources, as the wheel has it; the spec names it as a hidden
import (it is only ever loaded by name, through importlib.resources).
"""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]


def pre_safe_import_module(api) -> None:
    """Called once, before modulegraph imports the taltio package."""
    api.append_package_path(str(ROOT))
