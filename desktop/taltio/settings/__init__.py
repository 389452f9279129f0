"""The one typed settings schema, its layers and migrations, and what is rendered from it (docs, templates)."""
from __future__ import annotations

from taltio.settings.docs import docs_markdown
from taltio.settings.loader import Settings, load, locked, machine_config_path, save_user, user_config_path
from taltio.settings.migrations import FORMAT_KEY, FORMAT_VERSION, MIGRATIONS, migrate
from taltio.settings.schema import (APP, BY_KEY, SCHEMA, SCOPES, SUPERVISOR_EXTRA, SUPERVISOR_SECTIONS, ConfigError,
    Setting)

__all__ = ["APP", "BY_KEY", "FORMAT_KEY", "FORMAT_VERSION", "MIGRATIONS", "SCHEMA", "SCOPES", "SUPERVISOR_EXTRA",
           "SUPERVISOR_SECTIONS", "ConfigError", "Setting", "Settings", "docs_markdown", "load", "locked",
           "machine_config_path", "migrate", "save_user", "user_config_path"]
