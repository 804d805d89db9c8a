"""Dialogs for send-tui."""
