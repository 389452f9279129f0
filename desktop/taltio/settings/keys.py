"""Every setting's key by its type, for type checkers: `Settings.get(key)` returns the type of the key's
setting, and a key not in the schema is a type error.

Generated from settings/schema.py; do not edit. Regenerate with
    .venv/bin/python -c 'from taltio.settings import sections; sections.write_keys()'
(tests/test_settings_typed.py checks that it is current)."""
from typing import Literal

StrKey = Literal[
    "agent.id",
    "workstation.id",
    "audio.backend",
    "audio.mic_device",
    "audio.loopback_device",
    "audio.mic_fallback_device",
    "audio.loopback_fallback_device",
    "audio.codec",
    "audio.opus_layout",
    "softphone.adapter",
    "softphone.process_name",
    "softphone.address",
    "storage.url",
    "storage.endpoint",
    "storage.region",
    "storage.ca_bundle",
    "storage.proxy",
    "storage.access_key_id",
    "storage.when_queue_full",
    "encryption.number_index_key",
    "notice.default_language",
    "notice.text_fi",
    "notice.text_sv",
    "notice.text_en",
    "notice.info_fi",
    "notice.info_sv",
    "notice.info_en",
    "org.controller",
    "org.contact",
    "org.retention",
    "org.retention_fi",
    "org.retention_sv",
    "org.retention_en",
    "org.copy_request",
    "staff.notice_text",
    "recording.start",
    "recording.on_hold",
    "ui.language",
    "ui.pill_position",
    "fleet.bucket",
    "policy.url",
]
IntKey = Literal[
    "audio.sample_rate",
    "audio.opus_bitrate_kbps",
    "storage.parallel_uploads",
    "storage.multipart_threshold_mb",
    "storage.part_size_mb",
    "storage.queue_quota_mb",
    "storage.retention_days",
    "org.retention_months",
    "privacy.max_private_per_day",
    "fleet.backlog_warn_count",
]
FloatKey = Literal[
    "audio.one_sided_alarm_seconds",
    "audio.segment_seconds",
    "storage.retry_max_seconds",
    "recording.pause_reminder_seconds",
    "recording.max_pause_seconds",
    "fleet.heartbeat_minutes",
    "fleet.backlog_warn_hours",
    "fleet.stale_minutes",
    "policy.poll_minutes",
]
BoolKey = Literal[
    "storage.use_os_trust_store",
    "storage.dev_insecure_tls",
    "privacy.allow_private",
    "privacy.reason_required",
    "ui.status_pill",
    "ui.notify_start_stop",
    "recording.enabled",
]
ListKey = Literal[
    "encryption.recipients",
    "notice.language_rules",
    "privacy.always_private_numbers",
    "privacy.never_private_numbers",
    "policy.allowed_signers",
    "policy.groups",
]
