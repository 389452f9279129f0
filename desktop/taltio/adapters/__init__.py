"""One module per external system (audio, softphone, storage, keyring), each behind a small interface."""
