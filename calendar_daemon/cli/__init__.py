"""The ``calendar-daemon`` command line: one module per command group, added to the group in ``main``."""
