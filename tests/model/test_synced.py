"""A synced save or data folder is recognised, so the app can say that files leave the machine."""

from __future__ import annotations

from pathlib import PurePosixPath, PureWindowsPath

import pytest

from send_tui.model.synced import sync_service, synced_warning

W = PureWindowsPath
P = PurePosixPath


@pytest.mark.parametrize(
    ("path", "service"),
    [
        (W(r"C:\Users\sam\OneDrive\Documents\send-tui"), "OneDrive"),  # Known Folder Move
        (W(r"C:\Users\sam\OneDrive - Tower Hamlets Council\Documents"), "OneDrive"),
        (P("/Users/sam/Library/CloudStorage/OneDrive-Personal/send-tui"), "OneDrive"),
        (W(r"C:\Users\sam\Dropbox\calls"), "Dropbox"),
        (W(r"C:\Users\sam\Dropbox (Helpline)\calls"), "Dropbox"),
        (W(r"C:\Users\sam\iCloudDrive\send-tui"), "iCloud Drive"),
        (P("/Users/sam/Library/Mobile Documents/com~apple~CloudDocs/send-tui"), "iCloud Drive"),
        (W(r"G:\My Drive\send-tui"), "Google Drive"),
        (P("/Users/sam/Library/CloudStorage/GoogleDrive-sam@example.org/My Drive"), "Google Drive"),
        (W(r"c:\users\sam\onedrive\documents"), "OneDrive"),  # Windows names ignore case
    ],
)
def test_sync_folders_are_recognised_by_name(path, service: str) -> None:
    assert sync_service(path, environ={}) == service


@pytest.mark.parametrize(
    "path",
    [
        W(r"C:\Users\sam\Documents\send-tui"),
        W(r"C:\Users\sam\AppData\Local\send-tui"),
        P("/home/sam/Documents/send-tui"),
        P("/home/sam/notes-about-onedrive/send-tui"),  # a name that only mentions a service
    ],
)
def test_local_folders_are_not_flagged(path) -> None:
    assert sync_service(path, environ={}) is None


def test_onedrive_is_found_by_its_variable_whatever_the_folder_is_called() -> None:
    env = {"OneDriveCommercial": r"D:\Sync\Council Files"}
    assert sync_service(W(r"D:\Sync\Council Files\Documents\send-tui"), environ=env) == "OneDrive"
    assert sync_service(W(r"D:\Sync\Other\send-tui"), environ=env) is None
    assert sync_service(W(r"D:\Sync\Other"), environ={"OneDrive": ""}) is None


def test_the_warning_names_the_folder_the_service_and_what_it_means() -> None:
    warning = synced_warning(
        "The save folder", W(r"C:\Users\sam\OneDrive\Documents\send-tui"), environ={}
    )
    assert warning is not None
    assert r"C:\Users\sam\OneDrive\Documents\send-tui" in warning
    assert "OneDrive" in warning and "leaves the machine" in warning
    assert synced_warning("The save folder", W(r"C:\Users\sam\Documents"), environ={}) is None
