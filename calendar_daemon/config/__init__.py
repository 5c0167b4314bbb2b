"""The configuration file: each option declared once with its default, type and help (``sections``), and
the assembled, validated :class:`~calendar_daemon.config.settings.Config` (``settings``)."""
