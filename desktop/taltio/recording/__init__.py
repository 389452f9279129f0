"""Recording one call: the controller, capture and mixing, encoding, encrypted segments, and crash recovery."""
