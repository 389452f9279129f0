"""Sealed segments: each is a complete age file, together they are the Ogg stream; a full disk loses nothing."""
from __future__ import annotations

import os
import subprocess

import numpy as np
import pyrage
import pytest
import soundfile as sf

from taltio.recording.encoder import PAGE_DURATION_MS, EncoderError, open_encoder
from taltio.recording.segments import EncryptedOggSink, sealed_segments


def _encode(sink, seconds=3.0, rate=16000):
    enc = open_encoder("opus", sink, rate, 28)
    t = np.arange(int(seconds * rate)) / rate
    x = (0.3 * np.stack([np.sin(2 * np.pi * 440 * t), np.sin(2 * np.pi * 660 * t)], 1)).astype("float32")
    for i in range(0, len(x), 320):
        enc.write(x[i:i + 320])
        sink.maybe_seal()
    return enc


def test_segments_concatenate_to_the_stream(tmp_path):
    ident = pyrage.x25519.Identity.generate()
    sink = EncryptedOggSink(tmp_path, [ident.to_public()], seal_every=0.0)
    enc = _encode(sink)
    sink.seal()
    segs = sealed_segments(tmp_path)
    assert len(segs) >= 3 * 1000 // PAGE_DURATION_MS - 1     # one segment per 200 ms Ogg page
    joined = b"".join(pyrage.decrypt(s.path.read_bytes(), [ident]) for s in segs)
    assert joined.startswith(b"OggS") and joined == bytes(sink._stream)
    enc.close()
    final = sink.finalize("c.ogg.age")
    assert not list(tmp_path.glob("seg-*"))
    assert pyrage.decrypt(final.path.read_bytes(), [ident]).startswith(b"OggS")


def test_destroy_removes_everything(tmp_path):
    sink = EncryptedOggSink(tmp_path, [pyrage.x25519.Identity.generate().to_public()], seal_every=0.0)
    enc = _encode(sink, 1.0)
    assert list(tmp_path.glob("seg-*.age"))
    sink.destroy()
    enc.close()               # the encoder's last pages must be swallowed too
    sink.seal()
    assert list(tmp_path.iterdir()) == [] and len(sink._stream) == 0


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a tiny tmpfs needs root")
def test_full_disk_loses_no_bytes_from_segments(tmp_path):
    """On a really full filesystem, sealing fails loudly; once space returns, the next segment has it all."""
    mnt = tmp_path / "small"
    mnt.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mnt)], capture_output=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount tmpfs here: {r.stderr.decode().strip()}")
    try:
        ident = pyrage.x25519.Identity.generate()
        filler = mnt / "filler"
        sink = EncryptedOggSink(mnt, [ident.to_public()], seal_every=3600)
        enc = _encode(sink, 2.0)
        with open(filler, "wb") as fh:            # fill the disk
            try:
                fh.write(b"\0" * (1 << 20))
            except OSError:
                pass
        with pytest.raises(OSError):
            sink.seal()
        assert not list(mnt.glob("seg-*.age"))
        filler.unlink()
        sink.seal()
        enc.close()
        sink.seal()
        joined = b"".join(pyrage.decrypt(s.path.read_bytes(), [ident]) for s in sealed_segments(mnt))
        assert joined == bytes(sink._stream)
    finally:
        subprocess.run(["umount", str(mnt)])


def test_flac_header_is_patched_in_the_final_file(tmp_path):
    """FLAC seeks back at close; the final file must carry the real length and read back."""
    import io

    ident = pyrage.x25519.Identity.generate()
    sink = EncryptedOggSink(tmp_path, [ident.to_public()], seal_every=0.0)
    enc = open_encoder("flac", sink, 16000)
    x = (0.3 * np.random.default_rng(1).standard_normal((16000 * 2, 2))).astype("float32")
    for i in range(0, len(x), 320):
        enc.write(x[i:i + 320])
        sink.maybe_seal()
    enc.close()
    sink.seal()
    # The crash-recovery segments decode too (length "unknown" in their header).
    joined = b"".join(pyrage.decrypt(s.path.read_bytes(), [ident]) for s in sealed_segments(tmp_path))
    assert joined[:4] == b"fLaC"
    final = sink.finalize("c.flac.age")
    data, rate = sf.read(io.BytesIO(pyrage.decrypt(final.path.read_bytes(), [ident])), dtype="int16")
    assert rate == 16000 and data.shape == x.shape
    expected = np.clip(x, -1, 1) * 32767
    assert np.abs(data.astype(int) - expected).max() <= 1.5       # lossless up to 16-bit quantisation


@pytest.mark.parametrize("kbps", [28, 56])
def test_opus_bitrate_setting_gives_that_bitrate(tmp_path, kbps):
    """The configured kbit/s is what the encoder produces (within Ogg/age overhead), and it decodes."""
    import io

    ident = pyrage.x25519.Identity.generate()
    sink = EncryptedOggSink(tmp_path, [ident.to_public()], seal_every=3600)
    enc = open_encoder("opus", sink, 16000, kbps)
    from tests.helpers.signals import read_wav, speech

    a = read_wav(speech("The agent explains the terms of the contract in detail. " * 2, tmp_path / "a.wav"))[0]
    c = read_wav(speech("The customer asks about the price and the delivery. " * 2, tmp_path / "c.wav",
                        voice="en+f3"))[0]
    n = min(len(a), len(c))
    x = np.stack([a[:n], c[:n]], axis=1).astype("float32")
    for i in range(0, n, 800):
        enc.write(x[i:i + 800])
    enc.close()
    achieved = len(sink._stream) * 8 / (n / 16000) / 1000
    assert kbps * 0.9 <= achieved <= kbps * 1.15, achieved
    data, rate = sf.read(io.BytesIO(bytes(sink._stream)), dtype="float32")
    assert rate == 16000 and abs(len(data) - n) <= 320


def test_opus_pages_leave_the_encoder_every_200_ms(tmp_path):
    """What a crash can lose is what the encoder still holds: under two pages' worth."""
    sink = EncryptedOggSink(tmp_path, [pyrage.x25519.Identity.generate().to_public()], seal_every=3600)
    enc = open_encoder("opus", sink, 16000, 28)
    x = (0.3 * np.random.default_rng(2).standard_normal((16000 * 5, 2))).astype("float32")
    held = []
    for i in range(0, len(x), 320):
        enc.write(x[i:i + 320])
        if i >= 16000:
            out = bytes(sink._stream)
            # granule position of the last complete page = samples (at 48 kHz) that left the encoder
            last = out.rfind(b"OggS")
            granule = int.from_bytes(out[last + 6:last + 14], "little")
            held.append((i + 320) / 16000 - granule / 48000)
    enc.close()
    # The muxer closes a page once it holds PAGE_DURATION_MS, and writes it when the next packet
    # comes; measured 0.20-0.38 s at 200 ms pages.
    assert max(held) < 2 * PAGE_DURATION_MS / 1000, max(held)


def test_opus_refuses_a_rate_it_cannot_code(tmp_path):
    sink = EncryptedOggSink(tmp_path, [pyrage.x25519.Identity.generate().to_public()], seal_every=3600)
    with pytest.raises(EncoderError, match="44100 Hz"):
        open_encoder("opus", sink, 44100, 28)
