"""The application: which window is showing, and what locking and unlocking do.

States: welcome (no journal yet) → unlock → main window → (lock) → unlock again. Locking saves
pending edits, destroys the main window with every widget that held journal text, closes the
database and forgets the key.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from partsjournal import APP_NAME, __version__
from partsjournal.errors import JournalError
from partsjournal.placeholders import fill
from partsjournal.ui.app import checkin_glue
from partsjournal.ui.app.autolock import IdleLock
from partsjournal.ui.app.unlock_window import UnlockWindow
from partsjournal.ui.app.unsaved_keeper import UnsavedKeeper, ask_to_quit_with_unsaved
from partsjournal.ui.common.folders import FileKind, remember, start_in
from partsjournal.ui.common.messages import install_exception_hook, show_error
from partsjournal.ui.common.theme import apply_theme
from partsjournal.ui.common.translations import install_translations
from partsjournal.ui.common.workers import run_in_background
from partsjournal.ui.settings import settings as keys
from partsjournal.ui.settings.settings import Settings
from partsjournal.vault.locations import default_vault_dir, is_vault

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

    from partsjournal.ui.app.app_window import AppWindow
    from partsjournal.ui.app.main_window import MainWindow as MainWindowType
    from partsjournal.vault import Vault
    from partsjournal.vault.keyslots import KdfProfile
    from partsjournal.vault.unsaved import Recovery

# The main window, the welcome screen and the passphrase estimator are imported when first
# needed, so the unlock window — what most starts show — appears as fast as a bare Qt window.
# So are the Qt classes it does not show (dialogs, icons): PySide makes a class's Python type on
# first use, each costing up to ~2 ms, and ``Qt``'s enum namespace ~15 ms (docs/performance.md).

log = logging.getLogger("partsjournal")
SAMPLE_PASSPHRASE = "sample journal"


class AppState(StrEnum):
    """Which window the application shows."""

    STARTING = ""
    WELCOME = "welcome"
    UNLOCK = "unlock"
    MAIN = "main"


class AppController(QObject):
    """Owns the current window and the unlocked vault."""

    state_changed = Signal(str)  # an AppState

    def __init__(self, settings: Settings, *, kdf_profile: KdfProfile | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.kdf_profile = kdf_profile  # tests pass a fast one; None calibrates
        #: The page showing (welcome, unlock or the main window) inside ``shell``.
        self.window: QWidget | None = None
        #: The one top-level window; pages come and go inside it (ui/app/app_window.py).
        self.shell: AppWindow | None = None
        self.vault: Vault | None = None
        self.vault_folder: Path | None = None
        self.sample_dir: Path | None = None
        self.idle = IdleLock(self)
        self.idle.lock_now.connect(self._auto_lock)
        #: Writing that couldn't be saved at lock, sealed, until the disk has room for it.
        self.keeper = UnsavedKeeper(self)
        self.keeper.changed.connect(self._show_unsaved_note)
        self.reminders = checkin_glue.make_reminders(self)
        settings.changed.connect(self._setting_changed)
        self._recovery_problem: JournalError | None = None
        self.state = AppState.STARTING
        self.pending_file: Path | None = None

    # Starting --------------------------------------------------------------------------------

    def start(self, vault_dir: Path | None = None) -> None:
        """Show the right first window: the given vault, the last one, or the welcome screen."""
        candidates = [vault_dir] if vault_dir else [
            Path(self.settings.get(keys.LAST_VAULT)) if self.settings.get(keys.LAST_VAULT)
            else None, default_vault_dir()]
        for folder in candidates:
            if folder is not None and is_vault(folder):
                self.show_unlock(folder)
                return
        if vault_dir is not None:
            self.show_welcome()
            show_error(self.window, JournalError(
                f"There is no journal in {vault_dir}. You can create one there or open another."))
            return
        self.show_welcome()

    def open_file(self, path: Path | None) -> None:
        """A file handed over on the command line or by a second launch: open it when unlocked."""
        if self.shell is not None:
            self.shell.bring_forward()
        if path is None:
            return
        if self.state is AppState.MAIN:
            self.window.open_file(path)  # type: ignore[union-attr]
        else:
            self.pending_file = path  # opened right after the journal is unlocked

    def open_vault_from_elsewhere(self, folder: Path) -> None:
        """A second launch asked for the journal in ``folder`` (``--vault``).

        With nothing unlocked, its unlock screen is shown. With a journal open, that journal
        stays open — switching would lock it without asking — and the person is told how.
        """
        folder = Path(folder).expanduser()
        if self.state is AppState.MAIN and self.vault is not None:
            if folder.resolve() == self.vault.folder.resolve():
                return  # already open: the window just comes forward
            message = fill(self.tr(
                "Parts Journal is already open with the journal in %1, so %2 was not opened. "
                "To open it, lock this journal first (Ctrl+L) and choose “Open a different "
                "journal…” on the lock screen."), str(self.vault.folder), str(folder))
            show_error(self.window, JournalError(message), self.tr("Another journal"))
        elif self.state in (AppState.UNLOCK, AppState.WELCOME):
            self.start(folder)

    def _set_window(self, window: QWidget, state: AppState) -> None:
        """Show ``window`` as the page of the one app window (made on first use)."""
        self.window = window
        self.state = state
        shell = self.shell
        if shell is None:
            from partsjournal.ui.app.app_window import AppWindow

            shell = self.shell = AppWindow()
            shell.installEventFilter(self)
            shell.minimised.connect(self._minimised)
        shell.show_page(window, narrow=state is not AppState.MAIN)
        shell.show()
        shell.activateWindow()
        self.state_changed.emit(state)

    def show_welcome(self) -> None:
        """The first-run screen."""
        from partsjournal.ui.app.welcome import WelcomeWindow

        welcome = WelcomeWindow()
        welcome.create_requested.connect(self.create_vault)
        welcome.open_requested.connect(self.open_folder)
        welcome.sample_requested.connect(self.open_sample)
        welcome.restore_requested.connect(self.restore_backup)
        self._set_window(welcome, AppState.WELCOME)

    def show_unlock(self, folder: Path) -> None:
        """The unlock screen of a vault."""
        self.vault_folder = folder
        unlock = UnlockWindow(folder)
        unlock.unlocked.connect(self._unlocked)
        unlock.other_vault_requested.connect(self.show_welcome)
        self._set_window(unlock, AppState.UNLOCK)
        self._show_unsaved_note()

    def _show_unsaved_note(self) -> None:
        """On the lock screen: where the writing that couldn't be saved at lock is now."""
        if self.state is not AppState.UNLOCK or self.keeper.folder != self.vault_folder:
            return
        window = self.window
        assert isinstance(window, UnlockWindow)
        if self.keeper.in_memory:
            window.show_writing_kept(self.keeper.folder, on_disk=False)
        elif self.keeper.stored_names:
            window.show_writing_kept(self.keeper.folder, on_disk=True)
        else:
            window.show_note("")

    def open_folder(self, folder: Path) -> None:
        """Open a folder chosen on the welcome screen."""
        if is_vault(folder):
            self.show_unlock(folder)
        else:
            show_error(self.window, JournalError(
                f"{folder} doesn't contain a Parts Journal. Choose the folder that holds "
                "keyslots.json and journal.db."))

    def create_vault(self) -> None:
        """Run the create-a-journal dialog."""
        from PySide6.QtWidgets import QDialog

        from partsjournal.ui.app.welcome import CreateVaultDialog

        dialog = CreateVaultDialog(profile=self.kdf_profile, parent=self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.vault is not None:
            self.settings.set(keys.LAST_VAULT, str(dialog.vault.folder))
            self.show_main(dialog.vault)

    def restore_backup(self) -> None:
        """Pick a backup file and a folder, then restore with the backup's passphrase."""
        from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit

        parent = self.window
        path, _ = QFileDialog.getOpenFileName(parent, self.tr("Choose a backup"),
                                              start_in(FileKind.BACKUP),
                                              self.tr("Parts Journal backups (*.pjbackup)"))
        if not path:
            return
        remember(FileKind.BACKUP, path)
        folder = QFileDialog.getExistingDirectory(
            parent, self.tr("Choose where the restored journal goes"), str(default_vault_dir()))
        if not folder:
            return
        passphrase, ok = QInputDialog.getText(
            parent, self.tr("Restore"),
            self.tr("The passphrase you used when this backup was made:"),
            QLineEdit.EchoMode.Password)
        if not ok:
            return
        from partsjournal.vault import restore

        try:
            restore(Path(folder), Path(path), passphrase=passphrase)
        except JournalError as exc:
            show_error(parent, exc)
            return
        self.show_unlock(Path(folder))

    def open_sample(self) -> None:
        """Create a throw-away sample journal in a private temporary folder and open it."""
        from partsjournal.flows.sample_journal import populate
        from partsjournal.vault import Vault
        from partsjournal.vault.keyslots import DEFAULT_PROFILE

        self.sample_dir = Path(tempfile.mkdtemp(prefix="parts-journal-sample-"))
        folder = self.sample_dir / "vault"

        def prepare() -> object:
            return Vault.prepare(SAMPLE_PASSPHRASE, profile=self.kdf_profile or DEFAULT_PROFILE)

        def ready(prepared: object) -> None:
            vault = Vault.create_from(folder, prepared)  # type: ignore[arg-type]
            populate(vault)
            self.show_main(vault, sample=True)

        run_in_background(prepare, ready, lambda error: show_error(self.window, error))

    # Unlocked --------------------------------------------------------------------------------

    def _unlocked(self, vault: Vault) -> None:
        self.settings.set(keys.LAST_VAULT, str(vault.folder))
        if vault.needs_new_passphrase:
            from PySide6.QtWidgets import QDialog

            from partsjournal.ui.common.passphrase_widgets import ChangePassphraseDialog

            while vault.needs_new_passphrase:
                dialog = ChangePassphraseDialog(vault, self.window)
                if dialog.exec() == QDialog.DialogCode.Accepted:
                    continue
                if ask_to_stay_locked(self.window):
                    vault.lock()
                    self.show_unlock(vault.folder)
                    unlock = self.window
                    assert isinstance(unlock, UnlockWindow)
                    unlock.still_locked_after_recovery()
                    return
        recovery = self._recover_unsaved(vault)
        try:
            self.show_main(vault)
        except JournalError as exc:  # e.g. a damaged page read while filling the window
            self._close_vault()
            self.show_unlock(vault.folder)
            show_error(self.window, exc)
            return
        if recovery is not None:
            self._after_recovery(vault, recovery)
        self._start_maintenance(vault)

    def _recover_unsaved(self, vault: Vault) -> Recovery | None:
        """Store writing kept from before the lock (in memory or in the vault folder)."""
        from partsjournal.vault import unsaved

        held = self.keeper.in_memory if self.keeper.folder == vault.folder else []
        try:
            recovery, done = unsaved.recover(vault, held)
        except JournalError as exc:
            log.warning("kept writing could not be stored yet: %s", type(exc).__name__)
            self._recovery_problem = exc
            return None
        self._recovery_problem = None
        self.keeper.recovered(done)
        return recovery if done else None

    def _after_recovery(self, vault: Vault, recovery: Recovery) -> None:
        window = cast("MainWindowType", self.window)
        refused_entries, refused_parts = recovery.refused_entries, recovery.refused_parts
        if len(refused_entries) > 1 or len(refused_parts) > 1:  # one goes back to each editor
            from partsjournal.vault.unsaved import UnsavedWriting

            rest = UnsavedWriting(entries=tuple(refused_entries[:-1]),
                                  parts=tuple(refused_parts[:-1]))
            self.keeper.hold(vault.folder, vault.seal_unsaved(rest))
        window.restore_unsaved(refused_entries[-1:], refused_parts[-1:])
        if recovery.stored:  # stored before the window read the journal: it shows them
            from partsjournal.ui.common.plain_text import plain_status

            window.statusBar().showMessage(plain_status(self.tr(
                "The writing that couldn't be saved before the journal locked is now in your "
                "journal.")), 10_000)

    def _start_maintenance(self, vault: Vault) -> None:
        """Verify every page and take the daily backup in a worker, after the window is up."""
        from partsjournal.vault.backup import BackupPolicy

        policy = BackupPolicy(keep_recent=self.settings.get(keys.BACKUPS_KEEP))
        copy_dir = self.settings.get(keys.BACKUP_COPY_DIR)
        job = vault.maintenance_job(policy, Path(copy_dir) if copy_dir else None)

        def done(report: object) -> None:
            damage = getattr(report, "damage", None)
            if damage is not None and self.vault is vault:
                self.lock()
                show_error(self.window, damage)

        def failed(error: BaseException) -> None:
            log.warning("the background check after unlocking failed: %s",
                        type(error).__name__)
            from partsjournal.errors import is_disk_full
            from partsjournal.ui.common.plain_text import plain_status

            if self.vault is vault and self.state is AppState.MAIN and is_disk_full(error):
                self.window.statusBar().showMessage(plain_status(fill(self.tr(  # type: ignore[union-attr]
                         "Today's automatic backup couldn't be written: the disk that holds %1 is "
                         "full. Your journal is open as usual."), str(vault.folder))),
                    15_000)

        run_in_background(job, done, failed)

    def show_main(self, vault: Vault, *, sample: bool = False) -> None:
        """Open the main window on an unlocked vault."""
        from partsjournal.ui.app.main_window import MainWindow

        self.vault = vault
        self._follow_writing_settings()
        window = MainWindow(vault, sample=sample)
        window.lock_requested.connect(self.lock)
        window.settings_requested.connect(self.open_settings)
        self._set_window(window, AppState.MAIN)
        window.set_writing_font(self.settings.get(keys.WRITING_FONT_FAMILY),
                                self.settings.get(keys.WRITING_FONT_SIZE))
        editor = window.journal.editor
        editor.set_details_shown(self.settings.get(keys.ENTRY_DETAILS_SHOWN))
        editor.details_shown_changed.connect(
            lambda shown: self.settings.set(keys.ENTRY_DETAILS_SHOWN, shown))
        self.idle.start(self.settings.get(keys.AUTO_LOCK_MINUTES) * 60_000)
        if not sample:  # the sample's plans must never replace the person's next due time
            checkin_glue.after_unlock(self, vault, window)
        if self.pending_file is not None:
            path, self.pending_file = self.pending_file, None
            window.open_file(path)
        problem = self._recovery_problem
        if problem is not None:
            self._recovery_problem = None
            show_error(window, JournalError(fill(self.tr(
                "The writing kept from before the lock couldn't be added to your journal yet "
                "(%1) It stays kept, encrypted, in the journal folder and is tried again at the "
                "next unlock."), str(problem))))

    def _auto_lock(self, reason: str) -> None:
        log.info("locking the journal (%s)", reason)
        self.lock(reason=reason)

    def open_settings(self) -> None:
        """The preferences dialog."""
        from partsjournal.ui.settings.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.settings, self.vault, self.window)
        dialog.exec()  # what it stores arrives through settings.changed

    def _setting_changed(self, key: str) -> None:
        """Follow a preference wherever it was changed (the dialog, a test, a later sync)."""
        if key == keys.AUTO_LOCK_MINUTES.key:
            self.idle.set_timeout(self.settings.get(keys.AUTO_LOCK_MINUTES) * 60_000)
        elif key.startswith("writing/") and self.state is AppState.MAIN:
            self._follow_writing_settings()

    def _follow_writing_settings(self) -> None:
        """Spell-checking and the writing face, as the settings say (read at unlock and on change).

        The spell-checker is imported here, at unlock, not at start: the unlock window stays as
        quick to appear as before.
        """
        from partsjournal.ui.common import spelling

        spelling.set_preferences(self.settings.get(keys.SPELLING_ON),
                                 self.settings.get(keys.SPELLING_LANGUAGE))
        if self.state is AppState.MAIN:
            window = cast("MainWindowType", self.window)
            window.set_writing_font(self.settings.get(keys.WRITING_FONT_FAMILY),
                                    self.settings.get(keys.WRITING_FONT_SIZE))

    def _minimised(self) -> None:
        """Minimising locks the journal when the person chose that (read at that moment)."""
        if self.state is AppState.MAIN and self.settings.get(keys.LOCK_ON_MINIMISE):
            self.lock()

    def eventFilter(self, watched: QObject, event: object) -> bool:  # noqa: N802
        from PySide6.QtCore import QEvent

        if not (watched is self.shell and isinstance(event, QEvent)
                and event.type() == QEvent.Type.Close):
            return False
        if self.state is AppState.MAIN and self.vault is not None:  # (closed: nothing to save)
            window = cast("MainWindowType", self.window)
            while not window.flush_all() and not window.unsaved_writing().is_empty:
                choice = ask_to_quit_with_unsaved(window, self.vault_folder)
                if choice == "keep":
                    event.ignore()
                    return True
                if choice == "quit":
                    break
            self._close_vault()
        elif self.state is AppState.UNLOCK:
            while self.keeper.in_memory and not self.keeper.try_store():
                choice = ask_to_quit_with_unsaved(self.window, self.keeper.folder)
                if choice == "keep":
                    event.ignore()
                    return True
                if choice == "quit":
                    self.keeper.discard()
                    break
        return False

    # Locking ---------------------------------------------------------------------------------

    def lock(self, *, reason: str = "") -> None:
        """Save, destroy every widget that held journal text, close the database.

        ``reason`` is why it locked on its own ("idle", "sleep", "screen-lock"); the lock screen
        says so, and that the writing was saved.
        """
        window = self.window
        if self.state is not AppState.MAIN or self.vault is None:
            return
        window = cast("MainWindowType", window)
        sealed = None
        if not window.flush_all() and not window.sample:
            # The disk is full (or an edit was refused): lock all the same — nothing may stay
            # readable on screen — but keep what could not be stored, sealed, with no key.
            writing = window.unsaved_writing()
            if not writing.is_empty:
                sealed = self.vault.seal_unsaved(writing)
        window.clear_all()
        folder = self.vault.folder
        sample = window.sample
        self._close_vault()
        if sealed is not None:
            self.keeper.hold(folder, sealed)
        if sample:
            self.show_welcome()
        else:
            self.show_unlock(folder)
            if reason and sealed is None:
                unlock = self.window
                assert isinstance(unlock, UnlockWindow)
                unlock.show_locked_on_its_own(
                    reason, self.settings.get(keys.AUTO_LOCK_MINUTES))

    def _close_vault(self) -> None:
        self.idle.stop()
        self.reminders.detach()  # only the next due moment stays known
        spelling = sys.modules.get("partsjournal.ui.common.spelling")
        if spelling is not None:  # the personal words leave memory with the key
            spelling.forget_all()
        if self.vault is not None:
            self.vault.lock()
            self.vault = None
        if self.sample_dir is not None:
            shutil.rmtree(self.sample_dir, ignore_errors=True)
            self.sample_dir = None


def app_icon() -> QIcon:
    """The app's icon, from the SVGs in partsjournal/data/icons (small variant for ≤ 32 px)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QIcon, QImage, QPixmap

    from partsjournal.data import icon_svg

    icon = QIcon()
    for size in (32, 256):  # Qt scales between these; each rendering costs start-up time
        # The stubs say the format is bytes; the binding accepts only str.
        image = QImage.fromData(icon_svg(small=size <= 32), "SVG")  # type: ignore[arg-type]
        if not image.isNull():
            icon.addPixmap(QPixmap.fromImage(image.scaled(
                size, size, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation)))
    return icon


def run_app(vault: Path | None = None, argv: list[str] | None = None,
            open_file: Path | None = None) -> int:
    """Start the GUI (or hand ``open_file`` to the copy already running); returns the exit code."""
    from partsjournal.ui.app.single_instance import InstanceServer, send_to_running
    from partsjournal.ui.app.system_check import check_display

    if QApplication.instance() is None:
        problem = check_display()  # Qt would stop with a message nobody can act on
        if problem is not None:
            print(problem, file=sys.stderr)
            return 1
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName("parts-journal")
    app.setDesktopFileName("org.partsjournal.PartsJournal")
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    install_exception_hook()
    settings = Settings()
    keys.keep_qt_state_off_disk()
    apply_theme(app, settings.get(keys.THEME))
    install_translations(app)
    if send_to_running(open_file, vault=vault):
        return 0  # the running app shows itself (and opens the file or says about the folder)
    controller = AppController(settings)
    controller.start(vault)
    servers: list[InstanceServer] = []

    def after_first_window() -> None:
        """Listening for later launches, and the window icon, once the first page is painted."""
        server = InstanceServer(parent=app)
        server.vault_requested.connect(controller.open_vault_from_elsewhere)
        server.file_opened.connect(controller.open_file)
        server.listen()
        servers.append(server)
        app.setWindowIcon(app_icon())

    if controller.shell is not None:
        from partsjournal.ui.app.app_window import after_first_paint

        after_first_paint(controller.shell, after_first_window)
    else:
        QTimer.singleShot(0, after_first_window)
    if open_file is not None:
        controller.open_file(open_file)
    code = app.exec()
    for server in servers:
        server.close()
    controller._close_vault()
    return int(code)


def ask_to_stay_locked(parent: QWidget | None) -> bool:
    """Cancel on "choose a new passphrase" after a recovery code: say what that means.

    True when the person chooses to leave the journal locked; False to go back to choosing.
    """
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setObjectName("stayLocked")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("AppController", "A new passphrase is needed"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(QCoreApplication.translate(
        "AppController", "Your journal opens once it has a new passphrase."))
    box.setInformativeText(QCoreApplication.translate(
        "AppController",
        "You unlocked it with your recovery code, which asks for a new passphrase before the "
        "journal opens. If you stop now, the journal stays locked and nothing in it changes; "
        "your recovery code still works next time (and so does your old passphrase, if it "
        "comes back to you)."))
    choose = box.addButton(QCoreApplication.translate("AppController", "Choose a passphrase"),
                           QMessageBox.ButtonRole.AcceptRole)
    stay = box.addButton(QCoreApplication.translate("AppController", "Keep it locked"),
                         QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(choose)
    box.setEscapeButton(choose)
    box.exec()
    return box.clickedButton() is stay
