"""Getting recordings and health off the workstation: the durable upload queue and the fleet heartbeat."""
