from __future__ import annotations

from calendar_daemon.cli.main import main

if __name__ == "__main__":
    main()
