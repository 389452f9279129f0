import os
import sys
from pathlib import Path

# Qt must never need a display in tests.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "desktop") not in sys.path:
    sys.path.insert(0, str(ROOT / "desktop"))

# Shared fixtures: real services on private sockets and free ports.
from tests.fixtures.audio import audio_server, audio_server_module  # noqa: E402,F401
from tests.fixtures.baresip import baresip_factory  # noqa: E402,F401
from tests.fixtures.keyring_daemon import keyring_daemon, keyring_daemon_module  # noqa: E402,F401
from tests.fixtures.s3 import s3_server, s3_server_module  # noqa: E402,F401
from tests.helpers.world import app_factory, world  # noqa: E402,F401
