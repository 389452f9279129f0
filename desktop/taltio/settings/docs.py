"""docs/configuration.md, rendered from the schema (`taltio-admin docs`; a test keeps the file current)."""
from __future__ import annotations

from taltio.settings.schema import SCHEMA


def docs_markdown() -> str:
    lines = [
        "# Configuration",
        "",
        "Generated from `desktop/taltio/settings/schema.py` by `taltio-admin docs`; do not edit by hand.",
        "",
        "Machine policy (IT's settings for the computer) is read from the `TALTIO_CONFIG` file (TOML) if set,",
        "else from the platform's own place (`taltio.adapters.machine_policy`):",
        "",
        "- Linux: every `/etc/taltio/*.toml` in name order, a later file winning. Keys are written in TOML",
        "  sections, e.g. `[storage]` then `url = \"s3://…\"`.",
        "- Windows: `HKLM\\Software\\Policies\\Taltio\\<section>`, value name = setting name (REG_SZ; REG_DWORD",
        "  for flags and whole numbers; REG_MULTI_SZ for lists), as Group Policy writes it from the ADMX.",
        "- macOS: forced (managed) preferences of the domain `fi.taltio.Taltio`, key = setting name, from a",
        "  configuration profile.",
        "",
        "Templates generated from this schema are in `resources/policy-templates/`: `taltio.admx` with",
        "`en-US`/`fi-FI`/`sv-SE` ADMLs, a sample `taltio.mobileconfig` and a commented `taltio.toml`",
        "(`scripts/policy_templates.py` regenerates them; a test fails when they are out of date).",
        "",
        "Layers, lowest first: defaults < supervisor policy (signed) < the agent's own `settings.toml`",
        "(platformdirs user config dir) < machine policy. *Set by* is the lowest layer allowed to set a",
        "setting: `user` (any layer), `supervisor` (a supervisor policy or machine policy) or `machine`",
        "(machine policy only). Whatever machine policy sets is locked.",
        "",
        "| Setting | Label | Type | Default | Set by | Meaning |",
        "|---|---|---|---|---|---|",
    ]
    for s in SCHEMA:
        default = "(long text)" if s.key == "notice.text" else repr(s.default)
        choices = f" One of: {', '.join(map(str, s.choices))}." if s.choices else ""
        lines.append(f"| `{s.key}` | {s.label} | {s.type.__name__} | `{default}` | {s.scope} | "
                     f"{s.help}{choices} |")
    lines += [
        "",
        "## Secrets",
        "",
        "The S3 secret access key is read from the OS keyring (service `taltio`, user `s3:<access_key_id>`),",
        "or from the `TALTIO_S3_SECRET` environment variable (tests and service accounts). It never goes in",
        "a config file. The workstation's signing key and, in standalone mode, the local organisation",
        "identity are also kept in the keyring.",
        "",
        "## Environment",
        "",
        "| Variable | Meaning |",
        "|---|---|",
        "| `TALTIO_CONFIG` | Path of the machine config file. |",
        "| `TALTIO_DATA_DIR` | Where the queue and encrypted segments live (default: platformdirs user data dir). |",
        "| `TALTIO_RUNTIME_DIR` | Where the single-instance socket lives (default: platformdirs user runtime dir). |",
        "| `TALTIO_S3_SECRET` | S3 secret for the configured access key id, instead of the keyring. |",
        "",
    ]
    return "\n".join(lines)
