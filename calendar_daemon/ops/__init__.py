"""Running as a service: metrics, systemd notify and watchdog, logging, secret redaction, the replica id and
the allocator setting."""
