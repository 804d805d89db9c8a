"""Render for send-tui."""
