"""send-tui: an offline guide to SEND disagreement routes in England, for helpline advisers."""

__version__ = "0.1.0"
