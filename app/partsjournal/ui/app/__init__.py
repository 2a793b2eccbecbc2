"""The application room: start-up, the unlock and welcome windows, the main window.

The controller that starts the app and switches between unlock, welcome and the main window, plus
auto-lock, the single-instance guard, the keeper of unsaved writing and the window icon. The first
window imports from here, so it stays light: everything heavier is imported lazily, once the vault
is open.
"""
