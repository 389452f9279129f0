"""The application layer, without Qt: builds the recorder from settings, runs its worker threads, the single-instance control socket and the status model."""
