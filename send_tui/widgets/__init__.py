"""Widgets for send-tui."""
