"""The hardening figures in docs/security.md: what was tested, how, and the figure it gave.

Run from the repository root::

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/hardening_figures.py [--quick]

Every measurement works in a private temporary folder (HOME, the XDG folders and TMPDIR point
there), never at the developer's journal or settings:

1. canary files: the real app (``partsjournal.cli.main``, offscreen) unlocks a sample vault made
   with ``parts-journal demo``; a part and an entry holding a unique canary are typed in, saved,
   and the journal is locked. Every file written is scanned for the canary (UTF-8, UTF-16).
2. sockets: in the same app process, the open sockets (``/proc/self/fd``) are classified through
   ``/proc/self/net/*``; the full run also traces socket calls with strace when it is installed.
3. core dumps: the program entry's hardening, then ``prctl(PR_GET_DUMPABLE)`` and RLIMIT_CORE;
   ``abort()`` with and without it, and reading ``/proc/PID/mem`` as the same (non-root) user.
4. SIGKILL during autosave: a process adds and re-saves entries (as autosave does) and is killed;
   every save it acknowledged must be there afterwards, and ``check`` must pass.
5. a really full disk: a 4 MiB tmpfs (needs root and mount), filled to a few KiB free.
6. bad files: mutated backups, bundles and contact cards, given to ``restore``, ``receive`` and
   ``peer add``; and a backup whose database is a 200 MB zip bomb.

It prints a Markdown table (what, how, figure) and one ``raw`` line per row. Exit code 0 when
every figure is what the hardening promises; 1 otherwise, with the rows that missed on stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import io
import json
import os
import random
import re
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
import traceback
import uuid
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PASSPHRASE = "hardening figures: tulip orbit lantern"
#: Where this run's files go; system temporary folders are also scanned (files changed since).
SYSTEM_TEMP = [Path(tempfile.gettempdir()), Path("/var/tmp"), Path("/dev/shm")]
#: What an autosaving writer types: each save is a longer prefix of this text.
TYPED = "".join(f"Some words about a part, line {i}. " for i in range(400))
PR_GET_DUMPABLE = 3


@dataclass
class Row:
    """One line of the table, and whether its figure is what the hardening promises."""

    what: str
    how: str
    figure: str
    raw: str
    ok: bool
    problems: list[str] = field(default_factory=list)


def fast_kdf():  # type: ignore[no-untyped-def]
    """The tests' weak Argon2id costs (tests/conftest.py FAST_KDF), for vaults made here."""
    from partsjournal.vault.keyslots import KdfProfile

    return KdfProfile(memory_kib=256, iterations=1, lanes=1)


def private_env(home: Path, tmp: Path) -> dict[str, str]:
    """The environment of a child process: its own HOME, XDG folders and TMPDIR."""
    env = dict(os.environ, HOME=str(home), TMPDIR=str(tmp), QT_QPA_PLATFORM="offscreen",
               PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    for name, sub in (("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"),
                      ("XDG_CACHE_HOME", ".cache"), ("XDG_STATE_HOME", ".local/state")):
        env[name] = str(home / sub)
    env.pop("PARTS_JOURNAL_VAULT", None)
    return env


def new_place(work: Path, name: str) -> tuple[Path, Path, Path, dict[str, str]]:
    """A folder with home/ and tmp/ inside, a passphrase file, and the environment for them."""
    base = work / name
    home, tmp = base / "home", base / "tmp"
    home.mkdir(parents=True)
    tmp.mkdir()
    passfile = base / "pass.txt"
    passfile.write_text(PASSPHRASE + "\n")
    return base, home, passfile, private_env(home, tmp)


def python(*args: str, env: dict[str, str], cwd: Path | None = None, timeout: float = 120,
           **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """``python ARGS`` with this interpreter, stdin closed, output captured."""
    return subprocess.run([sys.executable, *args], env=env, cwd=cwd, capture_output=True,
                          text=True, stdin=subprocess.DEVNULL, timeout=timeout, check=False,
                          **kwargs)


def first_line(text: str) -> str:
    lines = text.strip().splitlines()
    return lines[0] if lines else ""


# Scanning files for a canary (as tests/canary.py does, counting what was scanned) --------------

def needles(canary: str) -> list[bytes]:
    """The canary as UTF-8 and as UTF-16 in both byte orders."""
    return [canary.encode("utf-8"), canary.encode("utf-16-le"), canary.encode("utf-16-be")]


def holds(path: Path, wanted: list[bytes]) -> bool:
    """True if the file's raw bytes hold any needle (read in chunks that overlap)."""
    overlap = max(len(n) for n in wanted) - 1
    tail = b""
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            data = tail + chunk
            if any(n in data for n in wanted):
                return True
            tail = data[-overlap:]
    return False


def scan(places: list[tuple[Path, float]], wanted: list[bytes],
         seen: set[tuple[int, int]] | None = None) -> tuple[list[str], int]:
    """(files holding a needle, regular files scanned) under each folder, changed since.

    Files already in ``seen`` (device, inode) are skipped; the ones scanned are added to it.
    """
    seen = set() if seen is None else seen
    before = len(seen)
    found = []
    for folder, since in places:
        for root, _dirs, names in os.walk(folder):
            for name in names:
                path = Path(root) / name
                try:
                    info = path.lstat()
                    if not stat.S_ISREG(info.st_mode) or info.st_mtime < since:
                        continue
                    if (info.st_dev, info.st_ino) in seen:
                        continue
                    seen.add((info.st_dev, info.st_ino))
                    if holds(path, wanted):
                        found.append(str(path))
                except OSError:
                    continue
    return found, len(seen) - before


# Sockets of this process, from /proc ------------------------------------------------------------

def socket_inventory() -> list[dict[str, str]]:
    """Each open socket of this process: its inode, family and (for Unix sockets) path/state."""
    inodes: dict[str, str] = {}
    fd_dir = Path("/proc/self/fd")
    for fd in os.listdir(fd_dir):
        try:
            target = os.readlink(fd_dir / fd)
        except OSError:
            continue
        match = re.fullmatch(r"socket:\[(\d+)\]", target)
        if match:
            inodes[match[1]] = fd
    known: dict[str, dict[str, str]] = {}
    net = Path("/proc/self/net")
    try:
        for line in (net / "unix").read_text().splitlines()[1:]:
            cells = line.split()
            if len(cells) >= 7:
                listening = int(cells[3], 16) & 0x10000 != 0
                kind = {"0001": "stream", "0002": "datagram", "0005": "seqpacket"}.get(cells[4],
                                                                                     cells[4])
                known[cells[6]] = {"family": "unix", "path": cells[7] if len(cells) > 7 else "",
                                   "type": kind, "listening": str(listening)}
    except OSError:
        pass
    for table, inode_column in (("tcp", 9), ("tcp6", 9), ("udp", 9), ("udp6", 9), ("raw", 9),
                                ("raw6", 9), ("netlink", -1), ("packet", -1)):
        try:
            lines = (net / table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            cells = line.split()
            if cells:
                known[cells[inode_column]] = {"family": table}
    return [dict(known.get(inode, {"family": "other"}), inode=inode, fd=fd)
            for inode, fd in sorted(inodes.items())]


def strace_calls(log: Path) -> tuple[dict[str, int], dict[str, str]]:
    """How often each call:family appears (socket, connect, bind, sendto, sendmsg), and for each
    Unix path connected to, whether the connect succeeded ("ok") or its error (e.g. ENOENT)."""
    counts: dict[str, int] = {}
    connects: dict[str, str] = {}
    for line in log.read_text(errors="replace").splitlines():
        for call, family in re.findall(r"\b(socket)\((AF_\w+)", line) + \
                re.findall(r"\b(connect|bind|sendto|sendmsg)\(\d+, .*?sa_family=(AF_\w+)", line):
            counts[f"{call}:{family}"] = counts.get(f"{call}:{family}", 0) + 1
        connected = re.search(r'\bconnect\(\d+, \{sa_family=AF_UNIX, sun_path=(@?)"([^"]*)"\}'
                              r".*= (0|-1 (\w+))", line)
        if connected:
            path = connected[1] + connected[2]
            result = "ok" if connected[3] == "0" else connected[4]
            connects[path] = "ok" if "ok" in (result, connects.get(path)) else result
    return counts, connects


#: What the Unix sockets the app may connect to are for.
KNOWN_UNIX_PEERS = {
    "/var/run/nscd/socket": "glibc's name-service cache (a user-name lookup)",
    "/run/nscd/socket": "glibc's name-service cache (a user-name lookup)",
    "/run/dbus/system_bus_socket": "the D-Bus system bus (auto-lock on sleep, logind)",
    "/var/run/dbus/system_bus_socket": "the D-Bus system bus (auto-lock on sleep, logind)",
}


# Children: the app, hardened processes and the writer (this file, run with ``_child``) -----------

def child_gui(vault: Path, canary: str, out: Path, scan_root: Path) -> int:
    """Run the real app (``cli.main``), unlock, write the canary, save, lock, quit."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    report: dict[str, Any] = {}

    def visible(kind: type) -> Any:
        """A shown page of ``kind``: inside the one app window (or a window of its own)."""
        for top in QApplication.topLevelWidgets():
            for widget in [top, *top.findChildren(kind)]:
                if isinstance(widget, kind) and widget.isVisible():
                    return widget
        return None

    def wait_for(what: str, predicate: Callable[[], Any], seconds: float = 20) -> Iterator[None]:
        end = time.monotonic() + seconds
        while not predicate():
            if time.monotonic() > end:
                raise TimeoutError(f"waited {seconds} s for {what}")
            yield

    def pause(seconds: float) -> Iterator[None]:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            yield

    def steps() -> Iterator[None]:
        from partsjournal.ui.app.main_window import MainWindow
        from partsjournal.ui.app.single_instance import server_name
        from partsjournal.ui.app.unlock_window import UnlockWindow

        yield from wait_for("the unlock window", lambda: visible(UnlockWindow))
        unlock = visible(UnlockWindow)
        QTest.keyClicks(unlock.secret, PASSPHRASE)
        QTest.keyClick(unlock.secret, Qt.Key.Key_Return)
        yield from wait_for("the main window", lambda: visible(MainWindow))
        window = visible(MainWindow)
        yield from wait_for("the window to be active",
                            lambda: app.activeWindow() is window.window(), 5)
        socket_file = Path(tempfile.gettempdir()) / server_name()
        yield from wait_for("the single-instance socket", socket_file.exists, 10)
        report["socket_file"] = str(socket_file)
        report["socket_file_is_socket"] = stat.S_ISSOCK(socket_file.stat().st_mode)
        yield from pause(1.0)  # the maintenance worker: verify pages, the daily backup
        report["sockets_unlocked"] = socket_inventory()
        window.new_part()
        QTest.keyClicks(QApplication.focusWidget(), f"Part {canary}")
        window.parts.flush()
        window.new_entry()
        QTest.keyClicks(window.journal.editor.body, f"Body {canary}")
        QTest.keyClicks(window.journal.editor.title, f"Title {canary}")
        window.save_now()
        vault_now = window.vault
        report["saved_part"] = vault_now.parts.find_by_name(f"Part {canary}") is not None
        report["saved_entry"] = any(e.title == f"Title {canary}"
                                    for e in vault_now.entries.list())
        yield from pause(0.3)
        report["sockets_after_writing"] = socket_inventory()
        found, count = scan([(scan_root, 0.0)], needles(canary))
        report["unlocked_scan"] = {"found": found, "scanned": count}
        window.lock_requested.emit()
        yield from wait_for("the unlock window after locking", lambda: visible(UnlockWindow))
        report["locked"] = True
        visible(UnlockWindow).window().close()

    driver = steps()
    timer = QTimer()
    timer.setInterval(20)

    def tick() -> None:
        try:
            next(driver)
        except StopIteration:
            timer.stop()
        except Exception:  # noqa: BLE001 - reported to the parent, which fails the row
            report["error"] = traceback.format_exc(limit=4)
            timer.stop()
            app.exit(1)

    timer.timeout.connect(tick)
    timer.start()
    from partsjournal import cli

    report["exit"] = cli.main(["--vault", str(vault)])
    out.write_text(json.dumps(report, indent=1))
    return 0


def dumpable() -> int:
    """``prctl(PR_GET_DUMPABLE)``, asked directly (not through partsjournal.hardening)."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong,
                           ctypes.c_ulong]
    return int(libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))


def run_program_entry() -> str:
    """What the program does first: ``partsjournal.cli.main`` (``--version`` stops right after)."""
    from partsjournal import cli

    with contextlib.redirect_stdout(io.StringIO()) as printed:
        try:
            cli.main(["--version"])
        except SystemExit:
            pass
    return printed.getvalue().strip()


def child_harden(action: str) -> int:
    """``state``: print the hardening before/after; ``abort``/``abort-raised``/``abort-plain``:
    abort (``-raised`` lifts RLIMIT_CORE again after hardening); ``wait``: harden, then wait."""
    unlimited = (resource.RLIM_INFINITY, resource.RLIM_INFINITY)
    before = {"dumpable": dumpable(), "core": resource.getrlimit(resource.RLIMIT_CORE)}
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_CORE, unlimited)
    before["core_raised"] = resource.getrlimit(resource.RLIMIT_CORE)
    if action == "state":
        version = run_program_entry()
        mask = os.umask(0o022)
        os.umask(mask)
        print(json.dumps({"before": before, "version": version, "dumpable": dumpable(),
                          "core": resource.getrlimit(resource.RLIMIT_CORE),
                          "umask": f"{mask:03o}"}))
        return 0
    if action in ("abort", "abort-raised"):
        run_program_entry()
        if action == "abort-raised":
            with contextlib.suppress(ValueError, OSError):
                resource.setrlimit(resource.RLIMIT_CORE, unlimited)
        os.abort()
    if action == "abort-plain":
        os.abort()
    if action in ("wait", "wait-plain"):
        if action == "wait":
            run_program_entry()
        print(f"ready {dumpable()}", flush=True)
        sys.stdin.read()
    return 0


def child_read_mem(pid: str) -> int:
    """As the same user as ``pid``: open /proc/PID/mem and read 64 bytes of a writable mapping."""
    try:
        with open(f"/proc/{pid}/mem", "rb") as mem:
            with open(f"/proc/{pid}/maps") as maps:
                start = next(int(line.split("-")[0], 16) for line in maps
                             if line.split()[1].startswith("rw"))
            mem.seek(start)
            print(f"read {len(mem.read(64))} bytes")
    except OSError as exc:
        print(f"refused: {type(exc).__name__} (errno {exc.errno})")
    return 0


def child_writer(folder: Path) -> int:
    """Save entries as autosave does (add, then re-save a longer body) until killed.

    After each commit it prints ``ID LENGTH``, so the parent knows what was acknowledged.
    """
    from partsjournal.domain import Entry, EntryKind
    from partsjournal.vault import Vault

    vault = Vault.unlock(folder, PASSPHRASE, auto_backup=False)
    n = 0
    while True:
        entry = vault.entries.add(Entry(kind=EntryKind.NOTE, title=f"autosave {n}",
                                        body=TYPED[:200]))
        print(entry.id, len(entry.body), flush=True)
        for k in range(1, 12):
            entry.body = TYPED[:200 + 150 * k]
            entry = vault.entries.update(entry)
            print(entry.id, len(entry.body), flush=True)
        n += 1


def child_main(argv: list[str]) -> int:
    mode, rest = argv[0], argv[1:]
    if mode == "gui":
        return child_gui(Path(rest[0]), rest[1], Path(rest[2]), Path(rest[3]))
    if mode == "harden":
        return child_harden(rest[0])
    if mode == "read-mem":
        return child_read_mem(rest[0])
    if mode == "writer":
        return child_writer(Path(rest[0]))
    raise SystemExit(f"unknown child mode {mode}")


def child(*args: str) -> list[str]:
    return [str(Path(__file__).resolve()), "_child", *args]


# 1 and 2: canary files and sockets, from one run of the app -------------------------------------

def measure_app(work: Path, quick: bool) -> list[Row]:
    started = time.time() - 1
    base, home, passfile, env = new_place(work, "app")
    vault = base / "vault"
    demo = python("-m", "partsjournal", "demo", "--vault", str(vault), "--passphrase-file",
                  str(passfile), env=env, cwd=base)
    if demo.returncode != 0:
        problem = f"demo failed: {first_line(demo.stderr)}"
        return [Row("Canary files", "-", "not measured", problem, False, [problem]),
                Row("Sockets", "-", "not measured", problem, False, [problem])]
    canary = f"Canary-{uuid.uuid4().hex[:12]}-ørn"
    out = base / "report.json"
    command = [sys.executable, *child("gui", str(vault), canary, str(out), str(base))]
    strace_log, strace_note = base.parent / "strace.log", ""
    use_strace = not quick and shutil.which("strace") is not None
    if use_strace:
        traced = ["strace", "-f", "-qq", "-o", str(strace_log), "-e",
                  "trace=socket,connect,bind,sendto,sendmsg", *command]
        run = subprocess.run(traced, env=env, cwd=base, capture_output=True, text=True,
                             stdin=subprocess.DEVNULL, timeout=180, check=False)
        if not out.exists():  # strace could not trace here: run without it
            strace_note = f"strace failed: {first_line(run.stderr)}"
            use_strace = False
    if not out.exists():
        run = subprocess.run(command, env=env, cwd=base, capture_output=True, text=True,
                             stdin=subprocess.DEVNULL, timeout=120, check=False)
    report: dict[str, Any] = json.loads(out.read_text()) if out.exists() else {
        "error": f"the app child wrote no report: {run.stderr[-1500:]}"}
    if run.returncode != 0 and "error" not in report:
        report["error"] = f"exit {run.returncode}: {run.stderr[-1500:]}"
    if "Traceback" in run.stderr and "error" not in report:
        report["error"] = run.stderr[-1500:]
    rows = [canary_row(report, canary, base, home, started),
            sockets_row(report, strace_log if use_strace else None, strace_note or
                        ("not run (--quick)" if quick else "strace not installed"))]
    return rows


def canary_row(report: dict[str, Any], canary: str, base: Path, home: Path,
               started: float) -> Row:
    wanted = needles(canary)
    control = Path(tempfile.mkdtemp(prefix="pj-canary-control-"))
    try:
        (control / "c").write_bytes(b"x" * 5000 + canary.encode("utf-16-be") + b"y")
        scanner_works = scan([(control, 0.0)], wanted)[0] != []
    finally:
        shutil.rmtree(control)
    seen: set[tuple[int, int]] = set()
    in_home = scan([(home, 0.0)], wanted, seen)
    in_run = scan([(base, 0.0)], wanted, seen)
    in_system = scan([(p, started) for p in SYSTEM_TEMP if p.is_dir()], wanted, seen)
    found = in_home[0] + in_run[0] + in_system[0]
    scanned = in_home[1] + in_run[1] + in_system[1]
    db = base / "vault" / "journal.db"
    unlocked = report.get("unlocked_scan", {"found": ["(not run)"], "scanned": 0})
    problems = []
    if "error" in report:
        problems.append(f"the app run failed: {report['error']}")
    if not (report.get("saved_part") and report.get("saved_entry")):
        problems.append("the canary part and entry were not both saved")
    if not report.get("locked"):
        problems.append("the journal was not locked")
    if found or unlocked["found"]:
        problems.append(f"canary found in {found + unlocked['found']}")
    if not scanner_works:
        problems.append("the scanner missed a planted UTF-16-BE canary")
    figure = (f"{len(found)} of {scanned} files contain it ({in_home[1]} in HOME, "
              f"{in_run[1]} in the vault, TMPDIR and run folder, {in_system[1]} changed in "
              f"/tmp, /var/tmp, /dev/shm meanwhile); while unlocked: "
              f"{len(unlocked['found'])} of {unlocked['scanned']}")
    raw = (f"canary: scanned={scanned} found={len(found)} unlocked_scanned={unlocked['scanned']} "
           f"unlocked_found={len(unlocked['found'])} home={in_home[1]} run_folder={in_run[1]} "
           f"system_temp={in_system[1]} "
           f"journal_db_bytes={db.stat().st_size if db.exists() else 0} "
           f"saved_part={report.get('saved_part')} saved_entry={report.get('saved_entry')} "
           f"locked={report.get('locked')} scanner_control={scanner_works}")
    how = ("`parts-journal demo` makes a vault (private HOME, XDG folders, TMPDIR); the real app "
           "(`cli.main`, offscreen) unlocks it, a part and an entry with a unique canary are "
           "typed and saved, then locked. Every file in HOME, the vault (journal.db included), "
           "the private TMPDIR and files changed in /tmp, /var/tmp, /dev/shm is searched as "
           "UTF-8, UTF-16-LE and UTF-16-BE, while unlocked and after")
    return Row("Journal text never reaches a file in plaintext", how, figure, raw,
               not problems, problems)


def sockets_row(report: dict[str, Any], strace_log: Path | None, strace_note: str) -> Row:
    problems = []
    snapshots = [report.get("sockets_unlocked"), report.get("sockets_after_writing")]
    if "error" in report or None in snapshots:
        problems.append(f"the app run failed: {report.get('error', 'no socket list')}")
    sockets = {s["inode"]: s for snap in snapshots if snap for s in snap}.values()
    unix = [s for s in sockets if s["family"] == "unix"]
    inet = [s for s in sockets if s["family"] in ("tcp", "tcp6", "udp", "udp6", "raw", "raw6")]
    other = [s for s in sockets if s["family"] not in ("unix",) and s not in inet]
    # QLocalServer binds in a private folder of TMPDIR, then renames the socket file to its
    # name, so /proc shows the first path: the instance socket is the one listening in TMPDIR.
    temp = str(Path(report.get("socket_file", "/nonexistent")).parent)
    instance = [s for s in unix if s.get("listening") == "True"
                and s.get("path", "").startswith(temp + "/")]
    if inet:
        problems.append(f"internet sockets open: {inet}")
    if len(instance) != 1 or not report.get("socket_file_is_socket"):
        problems.append(f"the single-instance socket was not found listening: {unix}")
    described = []
    for s in unix:
        described.append(f"the single-instance socket {Path(report['socket_file']).name}, "
                         "listening" if s in instance else
                         f"{s.get('path') or 'unnamed'} {s.get('type')}"
                         f"{' listening' if s.get('listening') == 'True' else ''}")
    families: dict[str, int] = {}
    connects: dict[str, str] = {}
    if strace_log is not None and strace_log.exists():
        families, connects = strace_calls(strace_log)
        ip = {k: v for k, v in families.items() if "AF_INET" in k}
        if ip:
            problems.append(f"strace saw IP sockets: {ip}")
        session = os.environ.get("DBUS_SESSION_BUS_ADDRESS", "")
        peers = []
        for path, result in sorted(connects.items()):
            purpose = KNOWN_UNIX_PEERS.get(path) or (
                "the D-Bus session bus (auto-lock on screen lock)" if session and path in session
                else path)
            peers.append(f"{purpose}{'' if result == 'ok' else f', absent here ({result})'}")
        traced = (f"; strace -f: {sum(families.values())} socket calls, "
                  f"{sum(v for k, v in families.items() if 'AF_INET' in k)} with AF_INET/INET6; "
                  f"connect() only to Unix sockets: {'; '.join(peers) or 'none'}")
    else:
        traced = ""
    figure = (f"{len(unix)} Unix-domain socket{'' if len(unix) == 1 else 's'} "
              f"({'; '.join(described)}), "
              f"{len(inet)} TCP/UDP" + (f", {len(other)} other" if other else "") + traced)
    raw = (f"sockets: unix={len(unix)} inet={len(inet)} other={len(other)} "
           f"detail={[(s['family'], s.get('path', ''), s.get('type', '')) for s in sockets]} "
           f"strace={families or strace_note} connects={connects}")
    how = ("in the app process of the row above, after unlock and after writing: every socket in "
           "/proc/self/fd matched by inode against /proc/self/net/unix, tcp, tcp6, udp, udp6, "
           "raw, raw6, netlink, packet; the full run traces socket, connect, bind, sendto and "
           "sendmsg with `strace -f`")
    return Row("No network: the app opens no internet socket", how, figure, raw,
               not problems, problems)


# 3: core dumps and ptrace -----------------------------------------------------------------------

def measure_dumpable(work: Path) -> Row:
    base, _home, _passfile, env = new_place(work, "dumpable")
    problems = []
    hardening = ROOT / "app" / "partsjournal" / "hardening.py"
    if not hardening.exists():
        problems.append("app/partsjournal/hardening.py does not exist")
    state_run = python(*child("harden", "state"), env=env, cwd=base)
    try:
        state = json.loads(state_run.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        state = {}
        problems.append(f"the hardening child failed: {state_run.stderr[-800:]}")
    dump_flag, core = state.get("dumpable"), tuple(state.get("core", ()))
    if dump_flag != 0:
        problems.append(f"dumpable is {dump_flag} after the program entry")
    if core != (0, 0):
        problems.append(f"RLIMIT_CORE is {core} after the program entry")

    def abort(action: str) -> tuple[bool, int]:
        folder = base / action
        folder.mkdir()
        proc = subprocess.Popen([sys.executable, *child("harden", action)], env=env,
                                cwd=folder, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        _pid, status = os.waitpid(proc.pid, 0)
        proc.returncode = -1
        written = sum(p.stat().st_size for p in folder.iterdir())
        shutil.rmtree(folder)
        return os.WCOREDUMP(status), written

    control_dumped, control_bytes = abort("abort-plain")
    hardened_dumped, hardened_bytes = abort("abort")
    raised_dumped, raised_bytes = abort("abort-raised")
    if hardened_dumped or hardened_bytes or raised_dumped or raised_bytes:
        problems.append("a hardened process wrote a core dump")
    mem_plain, mem_hardened = read_mem_as_same_user(env), read_mem_as_same_user(env, True)
    if mem_hardened.startswith("read"):
        problems.append(f"/proc/PID/mem of a hardened process was readable: {mem_hardened}")
    cores = ("abort() writes no core" if control_dumped else
             "abort() writes no core (inconclusive: no core even without hardening here)")
    figure = (f"dumpable {dump_flag}, RLIMIT_CORE {core[0] if core else '?'}/"
              f"{core[1] if core else '?'}, umask {state.get('umask', '?')}; {cores}, "
              "not even with RLIMIT_CORE raised again")
    if mem_plain.startswith("read") and mem_hardened.startswith("refused"):
        figure += "; another process of the same user can't read its memory"
    if not hardening.exists():
        figure = f"app/partsjournal/hardening.py does not exist yet; {figure}"
    raw = (f"dumpable: before={state.get('before')} after_dumpable={dump_flag} "
           f"after_core={core} umask={state.get('umask')} "
           f"abort_plain=core:{control_dumped},{control_bytes}B "
           f"abort_hardened=core:{hardened_dumped},{hardened_bytes}B "
           f"abort_hardened_limit_raised=core:{raised_dumped},{raised_bytes}B "
           f"core_pattern={read_text('/proc/sys/kernel/core_pattern')!r} "
           f"mem_same_uid_plain={mem_plain!r} mem_same_uid_hardened={mem_hardened!r}")
    how = ("a child process starts with RLIMIT_CORE unlimited and runs the program entry "
           "(`partsjournal.cli.main`: `hardening.harden()`, `harden_process()`), then reads "
           "`prctl(PR_GET_DUMPABLE)` via ctypes and `getrlimit(RLIMIT_CORE)`; children call "
           "`abort()` without hardening, with it, and with it after raising RLIMIT_CORE again "
           "(WCOREDUMP, files written); as uid nobody, one process opens another's "
           "/proc/PID/mem, hardened and not")
    return Row("No core dump, no memory reading by other processes", how, figure, raw,
               not problems, problems)


def read_text(path: str) -> str:
    try:
        return Path(path).read_text().strip()
    except OSError:
        return "?"


def read_mem_as_same_user(env: dict[str, str], hardened: bool = False) -> str:
    """As uid nobody: start a (hardened) process and have a second one read its memory."""
    if os.geteuid() != 0:
        return "not measured: needs root to run both processes as nobody"
    env = dict(env, HOME="/", TMPDIR="/tmp", PYTHONDONTWRITEBYTECODE="1",
               PYTHONPATH=str(ROOT / "app"))
    as_nobody: dict[str, Any] = {"user": 65534, "group": 65534, "extra_groups": [], "cwd": "/"}
    interpreter = interpreter_for_nobody(env, as_nobody)
    if interpreter is None:
        return "not measured: no Python interpreter that uid nobody can run"
    try:
        target = subprocess.Popen([interpreter, *child("harden", "wait" if hardened
                                                       else "wait-plain")],
                                  env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True, **as_nobody)
    except (OSError, subprocess.SubprocessError) as exc:
        return f"not measured: {exc}"
    try:
        ready = target.stdout.readline().strip() if target.stdout else ""
        if not ready.startswith("ready"):
            return f"not measured: the target did not start ({target.stderr.read()[-300:]!r})"
        reader = subprocess.run([interpreter, *child("read-mem", str(target.pid))], env=env,
                                capture_output=True, text=True, stdin=subprocess.DEVNULL,
                                timeout=60, check=False, **as_nobody)
        said = reader.stdout.strip() or reader.stderr.strip()[-200:]
        return f"{said} (target {ready}, {interpreter})"
    finally:
        with contextlib.suppress(OSError):
            target.communicate("", timeout=10)


def interpreter_for_nobody(env: dict[str, str], as_nobody: dict[str, Any]) -> str | None:
    """This Python if uid nobody may run it (a venv under /root is not), else python3 on PATH.

    The hardening needs only the standard library and ``app/`` (no compiled packages).
    """
    for candidate in (sys.executable, shutil.which("python3"), "/usr/bin/python3"):
        if not candidate:
            continue
        probe = [candidate, "-c", "import partsjournal.cli, resource, ctypes"]
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            if subprocess.run(probe, env=env, capture_output=True, timeout=30, check=False,
                              **as_nobody).returncode == 0:
                return candidate
    return None


# 4: SIGKILL during autosave ---------------------------------------------------------------------

def measure_kills(work: Path, kills: int) -> Row:
    from partsjournal.errors import NotFound
    from partsjournal.vault import Vault

    base, _home, _passfile, env = new_place(work, "kills")
    folder = base / "vault"
    Vault.create(folder, PASSPHRASE, profile=fast_kdf())[0].lock()
    rng = random.Random(20261125)
    acknowledged: dict[str, int] = {}
    saves = lost_entries = lost_saves = checks_passed = 0
    problems: list[str] = []
    for run in range(kills):
        proc = subprocess.Popen([sys.executable, *child("writer", str(folder))], env=env,
                                cwd=base, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        lines = [proc.stdout.readline()]  # it is writing
        time.sleep(rng.uniform(0.0, 0.15))
        proc.send_signal(signal.SIGKILL)
        rest, errors = proc.communicate()
        lines += rest.splitlines()
        this_run: dict[str, int] = {}
        for line in lines:
            cells = line.split()
            if len(cells) == 2:
                this_run[cells[0]] = max(this_run.get(cells[0], 0), int(cells[1]))
                saves += 1
        if not this_run:
            problems.append(f"kill {run + 1}: the writer acknowledged nothing: {errors[-500:]}")
        acknowledged.update(this_run)
        vault = Vault.unlock(folder, PASSPHRASE, auto_backup=False)
        try:
            for entry_id, length in this_run.items():
                try:
                    body = vault.entries.get(entry_id).body
                except NotFound:
                    lost_entries += 1
                    continue
                if len(body) < length or body != TYPED[:len(body)]:
                    lost_saves += 1
            report = vault.check(PASSPHRASE)
            if report.ok:
                checks_passed += 1
            else:
                problems.append(f"kill {run + 1}: check found {report.problems}")
            stored = {e.id for e in vault.entries.list()}
        finally:
            vault.lock()
    missing_at_end = len(set(acknowledged) - stored)
    if lost_entries or lost_saves or missing_at_end:
        problems.append(f"lost: {lost_entries} entries, {lost_saves} saves, "
                        f"{missing_at_end} missing at the end")
    if checks_passed != kills:
        problems.append(f"only {checks_passed}/{kills} checks passed")
    figure = (f"{kills} kills, {lost_entries + missing_at_end} acknowledged entries lost "
              f"({len(acknowledged)} entries, {saves} saves acknowledged, {lost_saves} saves "
              f"lost), {checks_passed}/{kills} checks passed")
    raw = (f"kills: kills={kills} entries_acknowledged={len(acknowledged)} saves={saves} "
           f"lost_entries={lost_entries} lost_saves={lost_saves} missing_at_end={missing_at_end} "
           f"stored={len(stored)} checks_passed={checks_passed}")
    how = ("a process unlocks a vault and saves as autosave does (add an entry, then re-save it "
           "11 times, each body longer), printing each save after it commits; it is SIGKILLed "
           "0–150 ms in. After each kill the vault is unlocked: every acknowledged save must be "
           "there (the body at least that long), and `Vault.check` runs")
    return Row("Killed while saving: nothing acknowledged is lost", how, figure, raw,
               not problems, problems)


# 5: a really full disk --------------------------------------------------------------------------

@contextlib.contextmanager
def small_disk() -> Iterator[Path | str]:
    """A 4 MiB tmpfs of its own (yields why not, as text, when it can't be mounted)."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0 or not shutil.which("mount"):
        yield "needs root and mount"
        return
    point = Path(f"/tmp/pj-figures-{uuid.uuid4().hex[:8]}")
    point.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs",
                           str(point)], capture_output=True, text=True, check=False)
    if made.returncode != 0:
        point.rmdir()
        yield f"needs root and mount ({first_line(made.stderr)})"
        return
    try:
        yield point
    finally:
        subprocess.run(["umount", str(point)], check=False)
        point.rmdir()


def fill(disk: Path, leave_kib: int) -> int:
    """Fill the disk until ``leave_kib`` KiB are free; returns the KiB free."""
    filler = disk / "filler"
    filler.unlink(missing_ok=True)
    free = shutil.disk_usage(disk).free // 1024
    with open(filler, "wb") as out:
        out.write(b"\0" * max(0, free - leave_kib) * 1024)
    return shutil.disk_usage(disk).free // 1024


def measure_full_disk(work: Path, sizes: list[int]) -> Row:
    from partsjournal.domain.model import Part, Role
    from partsjournal.vault import Vault

    what = "A really full disk: the journal is refused plainly, never called damaged"
    how = ("a vault with one part on a 4 MiB tmpfs of its own, filled to leave a few KiB free; "
           "`python -m partsjournal ls --vault V parts` (exit code, first stderr line); then the "
           "filler is removed and `check` must pass")
    base, _home, passfile, env = new_place(work, "full")
    with small_disk() as disk:
        if isinstance(disk, str):
            return Row(what, how, f"skipped: {disk}", f"full-disk: skipped ({disk})", True)
        outcomes, raws, problems = [], [], []
        for leave in sizes:
            folder = disk / "v"
            vault = Vault.create(folder, PASSPHRASE, profile=fast_kdf())[0]
            vault.parts.add(Part(name="The Watcher", role=Role.MANAGER))
            vault.lock()
            free = fill(disk, leave)
            listed = python("-m", "partsjournal", "ls", "--vault", str(folder),
                            "--passphrase-file", str(passfile), "parts", env=env, cwd=base)
            err = listed.stderr
            said = first_line(err)
            bad_words = [w for w in ("Traceback", "damaged", "restore") if w in err]
            if listed.returncode == 0 and listed.stdout.startswith("The Watcher\t"):
                outcome = "opens and lists"
            elif listed.returncode == 1 and len(err.strip().splitlines()) == 1 and "full" in said:
                outcome = "refused: disk full"
            else:
                outcome = f"UNEXPECTED (exit {listed.returncode})"
                problems.append(f"{leave} KiB free: exit {listed.returncode}, {err[-500:]!r}")
            if bad_words:
                outcome += f" (says {', '.join(bad_words)})"
                problems.append(f"{leave} KiB free: stderr says {bad_words}: {err[-500:]!r}")
            (disk / "filler").unlink()
            checked = python("-m", "partsjournal", "check", "--vault", str(folder),
                             "--passphrase-file", str(passfile), env=env, cwd=base)
            if checked.returncode != 0:
                problems.append(f"{leave} KiB free: check afterwards failed: {checked.stderr!r}")
            outcomes.append(f"{leave} KiB: {outcome}")
            raws.append(f"{leave}KiB(free={free}): exit={listed.returncode} "
                        f"stderr1={said!r} check_after={checked.returncode}")
            shutil.rmtree(folder)
        figure = "; ".join(outcomes) + ("; check passes afterwards every time; never 'damaged'"
                                        if not problems else "")
        return Row(what, how, figure, "full-disk: " + " | ".join(raws), not problems, problems)


# 6: bad files -----------------------------------------------------------------------------------

@dataclass
class CliRun:
    code: int | None
    out: str
    err: str
    crash: str = ""


def cli(*argv: str) -> CliRun:
    """``partsjournal.cli.main`` in this process, its output captured; a crash is kept."""
    from partsjournal import cli as cli_module

    out, err = io.StringIO(), io.StringIO()
    crash = ""
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code: int | None = cli_module.main(list(argv))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        except BaseException:  # noqa: BLE001 - that is what is being counted
            code, crash = None, traceback.format_exc()
    return CliRun(code, out.getvalue(), err.getvalue(), crash)


def mutations(data: bytes, m: int) -> list[tuple[str, bytes]]:
    """``m`` damaged copies: one byte flipped at evenly spaced offsets, cut short, junk added."""
    n_cut, n_junk = max(2, m // 10), max(2, m // 15)
    n_flip = m - n_cut - n_junk
    result = []
    last = len(data) - 1
    for i in range(n_flip):
        offset = round(i * last / max(1, n_flip - 1))
        mask = (0xFF, 0x01, 0x80)[i % 3]
        changed = bytearray(data)
        changed[offset] ^= mask
        result.append((f"flip@{offset}^{mask:#x}", bytes(changed)))
    for i in range(n_cut):
        length = round(i * last / max(1, n_cut - 1))
        result.append((f"cut@{length}", data[:length]))
    junk = [("+NUL", b"\0"), ("+4KiB random", random.Random(7).randbytes(4096)),
            ("+zip end record", b"PK\x05\x06" + b"\0" * 18), ("+1MiB zeros", b"\0" * (1 << 20)),
            ("+itself", data), ("+newline", b"\n")]
    result += [(name, data + extra) for name, extra in junk[:n_junk]]
    return result


def vault_signature(folder: Path) -> tuple[list[str], list[str], list[tuple[Any, ...]],
                                           list[str]]:
    """What a vault holds, without times that differ run to run (import/receive times)."""
    from partsjournal.vault import Vault

    with Vault.unlock(folder, PASSPHRASE, auto_backup=False) as vault:
        parts = sorted(repr((p.id, p.name, p.role, p.job, p.fears, p.notes))
                       for p in vault.parts.list(include_archived=True))
        entries = sorted(repr((e.id, e.title)) for e in vault.entries.list())
        peers = sorted((p.name, p.card.display_name, p.verified, p.fingerprint.hex)
                       for p in vault.peers.list())
        received = sorted(repr((r.peer_name, r.sender_part_id, r.revision, r.name,
                                sorted(r.fields.items())))
                          for r in vault.received.list())
    return parts, entries, peers, received


def card_difference(got: tuple[Any, ...], expected: tuple[Any, ...]) -> str:
    """How a peer added from a changed card differs: "key" (another fingerprint, same name),
    "name" (same fingerprint, another name), or "" for anything else. Never verified."""
    (parts, entries, peers, received), (*same, want_peers, _) = got, expected
    if [parts, entries] != same[:2] or received or len(peers) != 1 or len(want_peers) != 1 \
            or peers[0][2]:
        return ""
    (name, shown, _verified, fingerprint), (want_name, want_shown, _, want_fingerprint) = \
        peers[0], want_peers[0]
    if (name, shown) == (want_name, want_shown) and fingerprint != want_fingerprint:
        return "key"
    if (name, shown) != (want_name, want_shown) and fingerprint == want_fingerprint:
        return "name"
    return ""


@dataclass
class Tally:
    refused: int = 0
    refused_several_lines: int = 0
    same: int = 0
    other_key: list[str] = field(default_factory=list)
    other_name: list[str] = field(default_factory=list)
    same_labels: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    crashes: list[str] = field(default_factory=list)
    left_behind: list[str] = field(default_factory=list)
    seconds: float = 0.0
    sentences: set[str] = field(default_factory=set)

    @property
    def total(self) -> int:
        return (self.refused + self.refused_several_lines + self.same + len(self.other_key)
                + len(self.other_name) + len(self.changed) + len(self.crashes))


def measure_bad_files(work: Path, m: int) -> Row:
    from partsjournal.domain import Part, Role
    from partsjournal.vault import Vault, keyslots

    base, _home, passfile, _env = new_place(work, "badfiles")
    saved_calibrate = keyslots.calibrate
    keyslots.calibrate = lambda measure=None: fast_kdf()  # as tests/unit/test_cli_exchange.py
    saved_tempdir = tempfile.tempdir
    tempfile.tempdir = str(base / "tmp")
    problems: list[str] = []
    try:
        def ok(*argv: str) -> CliRun:
            run = cli(*argv)
            if run.code != 0:
                raise RuntimeError(f"{argv[:2]} failed: {run.err or run.crash}")
            return run

        unlock = ["--passphrase-file", str(passfile)]
        ada, ben, cy = base / "ada", base / "ben", base / "cy"
        for folder in (ada, ben, cy):
            ok("init", "--vault", str(folder), *unlock)
        card_file = base / "ada.pjcard"
        ok("card", "--vault", str(ada), *unlock, "--name", "Ada", "--out", str(card_file))
        ok("card", "--vault", str(ben), *unlock, "--name", "Ben", "--out", str(base / "b.pjcard"))
        armour_file = base / "ada-card.txt"
        armour_file.write_text("Ada wrote:\n\n" + ok("card", "--vault", str(ada), *unlock).out
                               + "\nsee you Tuesday\n")
        ok("peer", "add", "--vault", str(ada), *unlock, str(base / "b.pjcard"))
        ok("peer", "add", "--vault", str(ben), *unlock, str(card_file))
        with Vault.unlock(ada, PASSPHRASE, auto_backup=False) as vault:
            vault.parts.add(Part(name="Inner Critic", role=Role.MANAGER, job="keeps me safe",
                                 fears="shame", notes="private"))
            vault.parts.add(Part(name="Little One", role=Role.EXILE, job="remembers"))
        bundle_file = base / "one.pjbundle"
        ok("share", "--vault", str(ada), *unlock, "--to", "Ben", "--part", "Inner Critic",
           "--part", "Little One", "--fields", "role,job,fears", "--message", "For Tuesday.",
           "--out", str(bundle_file))
        backup_file = base / "good.pjbackup"
        ok("backup", "--vault", str(ada), *unlock, "--out", str(backup_file))

        counter = iter(range(1_000_000))

        def fresh_copy(folder: Path) -> Path:
            copy = base / "copies" / f"{folder.name}-{next(counter)}"
            shutil.copytree(folder, copy)
            return copy

        def feed_restore(path: Path) -> tuple[CliRun, Path]:
            target = base / "restored" / f"r{next(counter)}"
            target.parent.mkdir(exist_ok=True)
            return cli("restore", "--vault", str(target), "--from", str(path), *unlock), target

        def feed_receive(path: Path) -> tuple[CliRun, Path]:
            target = fresh_copy(ben)
            return cli("receive", "--vault", str(target), *unlock, "--yes", str(path)), target

        def feed_peer_add(path: Path) -> tuple[CliRun, Path]:
            target = fresh_copy(cy)
            return cli("peer", "add", "--vault", str(target), *unlock, str(path)), target

        tallies: dict[str, Tally] = {}
        kinds = (("backup", backup_file, feed_restore), ("bundle", bundle_file, feed_receive),
                 ("card", card_file, feed_peer_add),
                 ("card (armoured text)", armour_file, feed_peer_add))
        for name, good, feed in kinds:
            first, target = feed(good)
            if first.code != 0:
                raise RuntimeError(f"the good {name} was refused: {first.err or first.crash}")
            expected = vault_signature(target)
            tally = tallies[name] = Tally()
            started = time.perf_counter()
            for label, data in mutations(good.read_bytes(), m):
                path = base / "mutants" / f"{name.split()[0]}-{next(counter)}{good.suffix}"
                path.parent.mkdir(exist_ok=True)
                path.write_bytes(data)
                run, target = feed(path)
                if run.crash or "Traceback" in run.err:
                    tally.crashes.append(f"{label}: {(run.crash or run.err)[-600:]}")
                elif run.code == 0:
                    try:
                        got = vault_signature(target)
                    except Exception as exc:  # noqa: BLE001 - accepted but unreadable
                        got = None
                        label += f" (then {type(exc).__name__}: {exc})"
                    if got == expected:
                        tally.same += 1
                        tally.same_labels.append(label)
                    elif got is not None and card_difference(got, expected) == "key":
                        tally.other_key.append(label)
                    elif got is not None and card_difference(got, expected) == "name":
                        tally.other_name.append(label)
                    else:
                        tally.changed.append(label)
                else:
                    lines = run.err.strip().splitlines()
                    if len(lines) == 1 and lines[0].startswith("parts-journal: "):
                        tally.refused += 1
                        tally.sentences.add(re.sub(r"/\S+", "PATH", lines[0])[:90])
                    else:
                        tally.refused_several_lines += 1
                    if name == "backup" and target.exists() and any(target.rglob("*")):
                        tally.left_behind.append(label)
                path.unlink()
            tally.seconds = time.perf_counter() - started
        bomb = zip_bomb(base, backup_file, feed_restore)
    finally:
        keyslots.calibrate = saved_calibrate
        tempfile.tempdir = saved_tempdir
    for name, tally in tallies.items():
        if tally.crashes:
            problems.append(f"{name}: {len(tally.crashes)} tracebacks, e.g. {tally.crashes[0]}")
        if tally.changed:
            problems.append(f"{name}: accepted with different content: {tally.changed}")
        # A binary card has no checksum and its fingerprint covers the keys only, by design
        # (docs/contact-card.md): a changed byte gives another key or another name.
        if (tally.other_key or tally.other_name) and name != "card":
            problems.append(f"{name}: accepted as a card with other keys or another name: "
                            f"{tally.other_key + tally.other_name}")
        if tally.refused_several_lines:
            problems.append(f"{name}: {tally.refused_several_lines} refusals took several lines")
        if tally.left_behind:
            problems.append(f"{name}: refused restores left files behind: {tally.left_behind}")
    if not bomb["refused"] or bomb["crash"]:
        problems.append(f"zip bomb: {bomb}")
    if bomb["bytes_written"] > 1 << 20:
        problems.append(f"zip bomb: {bomb['bytes_written']} bytes written before the refusal")
    parts = []
    for name, tally in tallies.items():
        accepted = f", {tally.same} accepted unchanged" if tally.same else ""
        changed = f", {len(tally.changed)} ACCEPTED CHANGED" if tally.changed else ""
        if name == "card" and (tally.other_key or tally.other_name):
            changed += (f", {len(tally.other_key)} accepted as an unverified peer with another "
                        f"fingerprint and {len(tally.other_name)} with another name (a binary "
                        "card has no checksum, by design: the safety number shows a changed key)")
        elif tally.other_key or tally.other_name:
            changed += f", {len(tally.other_key + tally.other_name)} ACCEPTED AS ANOTHER CARD"
        parts.append(f"{name}: {tally.refused} refused with a sentence{accepted}{changed}, "
                     f"{len(tally.crashes)} tracebacks")
    figure = (f"{m} mutations each — " + "; ".join(parts) +
              f". Zip bomb ({bomb['declared_mb']} MB of zeros in {bomb['file_kb']} KB): "
              f"{'refused' if bomb['refused'] else 'NOT refused'} in {bomb['seconds']:.2f} s, "
              f"{bomb['bytes_written']} bytes written")
    raw = "bad-files: " + " | ".join(
        f"{name}: total={t.total} refused={t.refused} several_lines={t.refused_several_lines} "
        f"accepted_same={t.same} other_key={len(t.other_key)} other_name={t.other_name} "
        f"accepted_changed={t.changed} "
        f"tracebacks={len(t.crashes)} same_labels={t.same_labels} "
        f"left_behind={len(t.left_behind)} seconds={t.seconds:.1f} "
        f"sentences={sorted(t.sentences)}" for name, t in tallies.items()) + f" | bomb: {bomb}"
    how = ("a good .pjbackup, .pjbundle (two vaults exchange cards, one shares two parts) and "
           f"contact card (binary .pjcard and armoured text), each damaged {m} ways (a byte "
           "flipped at evenly spaced offsets, cut short at several lengths, junk appended), "
           "given to `restore`, `receive --yes` and `peer add` (`cli.main` in-process, a fresh "
           "vault each time); an accepted file must give what the good one gives. And a "
           ".pjbackup whose journal.db is 200 MB of DEFLATEd zeros, to `restore`")
    return Row("Damaged or hostile files are refused with one sentence", how, figure, raw,
               not problems, problems)


def zip_bomb(base: Path, good: Path, feed: Callable[[Path], tuple[CliRun, Path]]
             ) -> dict[str, Any]:
    """A backup whose journal.db is 200 MB of zeros, DEFLATEd; restore must refuse it cheaply."""
    bomb = base / "bomb.pjbackup"
    with zipfile.ZipFile(good) as archive:
        keyslots_bytes = archive.read("keyslots.json")
    zero = b"\0" * (1 << 20)
    with zipfile.ZipFile(bomb, "w") as archive:
        archive.writestr("keyslots.json", keyslots_bytes)
        info = zipfile.ZipInfo("journal.db")
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as member:
            for _ in range(200):
                member.write(zero)
    watched = [base / "restored", base / "tmp"]

    def used() -> int:
        return sum(p.stat().st_size for w in watched for p in w.rglob("*") if p.is_file())

    before = used()
    started = time.perf_counter()
    run, target = feed(bomb)
    seconds = time.perf_counter() - started
    result = {"declared_mb": 200, "file_kb": bomb.stat().st_size // 1024, "seconds": seconds,
              "refused": run.code not in (0, None), "exit": run.code,
              "said": first_line(run.err)[:160], "crash": run.crash[-300:],
              "bytes_written": max(0, used() - before), "target_exists": target.exists()}
    bomb.unlink()
    return result


# The table --------------------------------------------------------------------------------------

def cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_child":
        return child_main(argv[1:])
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="fewer kills, disk sizes and mutations; no strace (under 20 s)")
    args = parser.parse_args(argv)
    quick = args.quick
    start = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="pj-hardening-"))
    # This process too: nothing it does may touch the developer's home.
    os.environ.update(private_env(work / "parent-home", work / "parent-tmp"))
    (work / "parent-tmp").mkdir()
    rows: list[Row] = []
    timings: list[str] = []
    steps: list[tuple[str, Callable[[], list[Row]]]] = [
        ("app", lambda: measure_app(work, quick)),
        ("dumpable", lambda: [measure_dumpable(work)]),
        ("kills", lambda: [measure_kills(work, 5 if quick else 20)]),
        ("full-disk", lambda: [measure_full_disk(work, [0, 28, 256] if quick
                                                 else [0, 16, 28, 64, 256])]),
        ("bad-files", lambda: [measure_bad_files(work, 10 if quick else 60)]),
    ]
    try:
        for name, step in steps:
            began = time.perf_counter()
            try:
                rows += step()
            except Exception:  # noqa: BLE001 - the row fails, the others still run
                problem = traceback.format_exc(limit=6)
                rows.append(Row(name, "-", "not measured (the measurement failed)",
                                f"{name}: failed", False, [problem]))
            timings.append(f"{name}={time.perf_counter() - began:.1f}s")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("| What we tested | How | Figure |")
    print("|---|---|---|")
    for row in rows:
        print(f"| {cell(row.what)} | {cell(row.how)} | {cell(row.figure)} |")
    print()
    for row in rows:
        print(f"raw {row.raw}")
    elapsed = time.perf_counter() - start
    print(f"\n{'quick' if quick else 'full'} run took {elapsed:.1f} s ({' '.join(timings)})")
    failed = [row for row in rows if not row.ok]
    for row in failed:
        print(f"NOT AS EXPECTED: {row.what}: {'; '.join(row.problems)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
