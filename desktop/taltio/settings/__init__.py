"""The one typed settings schema, its layers and migrations, and what is rendered from it (docs, templates)."""
from __future__ import annotations

from taltio.settings.docs import docs_markdown
from taltio.settings.loader import (Settings, config_override, load, locked, machine_config_path, missing_config,
    save_user, user_config_path)
from taltio.settings.migrations import FORMAT_KEY, FORMAT_VERSION, MIGRATIONS, migrate
from taltio.settings.schema import (APP, BY_KEY, SCHEMA, SCOPES, SUPERVISOR_EXTRA, SUPERVISOR_SECTIONS, ConfigError,
    Setting)
from taltio.settings.sections import UnknownSection, UnknownSetting

__all__ = ["APP", "BY_KEY", "FORMAT_KEY", "FORMAT_VERSION", "MIGRATIONS", "SCHEMA", "SCOPES", "SUPERVISOR_EXTRA",
           "SUPERVISOR_SECTIONS", "ConfigError", "Setting", "Settings", "UnknownSection", "UnknownSetting",
           "config_override", "docs_markdown", "load", "locked", "machine_config_path", "migrate", "missing_config",
           "save_user", "user_config_path"]
