"""`python -m send_tui` runs the same command line as `send-tui`."""

from send_tui.cli import main

raise SystemExit(main())
