"""Screens for send-tui."""
