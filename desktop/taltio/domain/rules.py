"""The organisation's call rules: when recording starts, what may be private, how long a pause may last.

They come from settings (so supervisors can push them and IT can lock them);
the controller applies them, and every refusal says which rule and what to do.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from taltio.domain.numbers import check_pattern, number_matches  # noqa: F401 - part of the rules' API


@dataclass(frozen=True)
class CallRules:
    start: str = "notice"                 # "notice": agent confirms the notice; "answer": record on answer
    enabled: bool = True                  # recording.enabled (machine policy): off = no call is captured
    pause_on_hold: bool = True            # recording.on_hold: "pause" (default) or "continue"
    allow_private: bool = True
    max_private_per_day: int = 0          # 0: no limit
    private_reason_required: bool = False
    always_private: tuple[str, ...] = field(default_factory=tuple)
    never_private: tuple[str, ...] = field(default_factory=tuple)
    pause_reminder_s: float = 30.0
    max_pause_s: float = 180.0            # 0: no limit
    default_language: str = "fi"
    language_rules: tuple[str, ...] = field(default_factory=tuple)
    notice_texts: dict = field(default_factory=dict)      # language -> the script the agent reads
    queue_quota_bytes: int = 0            # 0: no limit on what waits for upload here
    stop_when_queue_full: bool = False
    backlog_warn_count: int = 0           # 0: no warning
    backlog_warn_s: float = 0.0

    @classmethod
    def from_settings(cls, settings) -> CallRules:
        from taltio.domain.notices import LANGUAGES, customer_notice

        return cls(start=settings["recording.start"], enabled=settings["recording.enabled"],
                   pause_on_hold=settings["recording.on_hold"] == "pause",
                   allow_private=settings["privacy.allow_private"],
                   default_language=settings["notice.default_language"],
                   language_rules=tuple(settings["notice.language_rules"]),
                   notice_texts={lang: customer_notice(settings, lang) for lang in LANGUAGES},
                   max_private_per_day=settings["privacy.max_private_per_day"],
                   private_reason_required=settings["privacy.reason_required"],
                   always_private=tuple(settings["privacy.always_private_numbers"]),
                   never_private=tuple(settings["privacy.never_private_numbers"]),
                   pause_reminder_s=settings["recording.pause_reminder_seconds"],
                   max_pause_s=settings["recording.max_pause_seconds"],
                   queue_quota_bytes=settings["storage.queue_quota_mb"] * 1024 * 1024,
                   stop_when_queue_full=settings["storage.when_queue_full"] == "stop",
                   backlog_warn_count=settings["fleet.backlog_warn_count"],
                   backlog_warn_s=settings["fleet.backlog_warn_hours"] * 3600)


_DIGIT_RUN = re.compile(r"\d(?:[\s-]?\d){5,}")


def clean_label(raw: str | None, limit: int = 80) -> str | None:
    """An agent's free text (bookmark label, private reason) as it may be stored.

    Runs of six or more digits are removed: a label is no place for a card or
    customer number, and PCI DSS forbids keeping card data anywhere.
    """
    if raw is None:
        return None
    text = "".join(ch for ch in raw if ch.isprintable()).strip()
    text = _DIGIT_RUN.sub("[digits removed]", text)
    return text[:limit] or None


# A phone number as people write it ("+358 40 123 4567", "(040) 123/4567"): six or more digits with single
# spaces, dashes, slashes or brackets between them (not dots: an IP address in an error stays readable).
SPACED_NUMBER = re.compile(r"\+?\d(?:[ \-/()]?\d){5,}")


def redact_numbers(text: str, limit: int = 80) -> str | None:
    """Text that leaves the workstation (audit-chain reasons, heartbeat errors): :func:`clean_label`, and
    numbers written with slashes or brackets removed as well."""
    return clean_label(SPACED_NUMBER.sub("[digits removed]", text), limit)


def backlog_warning(count: int, oldest_age_s: float | None, warn_count: int, warn_hours: float) -> bool:
    """The one rule both the agent side and `taltio-admin fleet` use for "backlogged"."""
    return count >= warn_count or (count > 0 and oldest_age_s is not None and oldest_age_s >= warn_hours * 3600)
