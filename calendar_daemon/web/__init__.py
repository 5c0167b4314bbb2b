"""The web front: the feeds, the agenda and event pages, the JSON API, and the security layer
(:func:`calendar_daemon.web.app.create_app` assembles them)."""
