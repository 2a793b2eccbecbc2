"""``make bench``: measure Parts Journal on generated vaults and write docs/performance.md.

Each figure is the median and 95th percentile of repeated runs on this machine. Budgets come from
the performance issue; a figure that misses its budget is marked, never hidden.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

DOC = HERE.parent / "docs" / "performance.md"
QUERIES = ("critic", "cri", "critic deadline", "tight chest", "the planner", "ashamed",
           "mother kitchen", "unblending took", "pol", "thanked the little one", "therap",
           "window", "rain", "photograph memory", "grateful")


@dataclass
class Result:
    """One measured figure."""

    name: str
    size: str
    samples: list[float]
    unit: str = "ms"
    budget: float | None = None
    note: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def p95(self) -> float:
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]

    def verdict(self, value: float) -> str:
        if self.budget is None:
            return ""
        return "ok" if value <= self.budget else "MISSES"


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    """Milliseconds of ``runs`` calls."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


# Measurements ----------------------------------------------------------------------------------

def bench_startup(folder: Path, runs: int) -> list[Result]:
    """Process start to unlock window painted, against a minimal PySide6 window in the same run."""
    probe = HERE / "startup_probe.py"
    home = Path(tempfile.mkdtemp())  # its own settings, never the developer's
    settings = home / "settings.ini"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(home),
               PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    minimal, app = [], []
    for _ in range(runs):
        for which, into in (("minimal", minimal), ("app", app)):
            env["PJ_BENCH_T0"] = repr(time.time())
            out = subprocess.run([sys.executable, str(probe), which, str(folder), str(settings)],
                                 capture_output=True, text=True, env=env, check=True)
            into.append(float(out.stdout.strip().splitlines()[-1]) * 1000)
    ratio = statistics.median(app) / statistics.median(minimal)
    return [Result("start: minimal PySide6 window", "-", minimal),
            Result("start: process → unlock window painted", "-", app,
                   note=f"{ratio:.2f}× the minimal window (budget ≤ 1.3×, issue 12)",
                   budget=1.3 * statistics.median(minimal))]


def bench_kdf(runs: int) -> list[Result]:
    """Calibrated Argon2id: the chosen parameters and how long one derivation takes."""
    from partsjournal.vault import keyslots

    profile = keyslots.calibrate()
    samples = timed(lambda: keyslots.derive_passphrase_key("x", b"\0" * 16, profile), runs)
    return [Result("key derivation (calibrated Argon2id)", "-", samples,
                   note=f"{profile.memory_kib // 1024} MiB, {profile.iterations} passes, "
                        f"{profile.lanes} lanes; intended 500–1000 ms")]


def _open(folder: Path):  # type: ignore[no-untyped-def]
    from partsjournal.vault import Vault
    from partsjournal.vault.keyslots import KeySlots

    slots = KeySlots.load(folder / "keyslots.json")
    key = slots.unlock_with_passphrase(generate.PASSPHRASE)
    return slots, key, Vault


def bench_unlock_to_main(folder: Path, size: str, runs: int) -> list[Result]:
    """After key derivation: open the database and show an interactive main window."""
    from PySide6.QtWidgets import QApplication

    from partsjournal.ui.app.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    slots, key, vault_class = _open(folder)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        # As the app opens: page verification and the daily backup run afterwards in a worker.
        vault = vault_class.open_with_key(folder, slots, key, auto_backup=False, verify=False)
        window = MainWindow(vault)
        window.show()
        app.processEvents()
        assert window.journal.model.rowCount() > 0
        samples.append((time.perf_counter() - start) * 1000)
        window.close()
        window.deleteLater()
        app.processEvents()
        vault.lock()
    results = [Result("unlock → main window with journal list", size, samples, budget=300)]
    from partsjournal.vault.backup import BackupPolicy

    work = Path(tempfile.mkdtemp()) / "vault"
    shutil.copytree(folder, work, ignore=shutil.ignore_patterns("backups"))
    vault = vault_class.open_with_key(work, slots, key, auto_backup=False, verify=False)
    job = vault.maintenance_job(BackupPolicy())
    first = timed(job, 1)  # verifies every page and takes the day's backup
    results.append(Result("after unlock, in a worker: verify pages + daily backup", size, first,
                          note="runs while the window is already usable"))
    results.append(Result("after unlock, in a worker: verify pages only", size,
                          timed(job, min(runs, 3)), note="once the day's backup exists"))
    vault.lock()
    shutil.rmtree(work.parent, ignore_errors=True)
    return results


def bench_interactive(folder: Path, size: str, runs: int) -> list[Result]:
    """Search as you type, filter by part, open entry/part, save (autosave path), scrolling."""
    from PySide6.QtWidgets import QApplication

    from partsjournal.ui.app.main_window import MainWindow
    from partsjournal.ui.common.models import EntryListModel
    from partsjournal.vault.entries import EntryFilter

    app = QApplication.instance() or QApplication([])
    work = Path(tempfile.mkdtemp()) / "vault"
    shutil.copytree(folder, work, ignore=shutil.ignore_patterns("backups"))
    slots, key, vault_class = _open(work)
    vault = vault_class.open_with_key(work, slots, key, auto_backup=False)
    rng = random.Random(7)
    results: list[Result] = []
    queries = [q for _ in range(max(1, runs // 3)) for q in QUERIES]
    search = []
    for query in queries:
        start = time.perf_counter()
        hits = vault.search.search(query)
        search.append((time.perf_counter() - start) * 1000)
        assert hits or query in ("pol",)
    results.append(Result("search as you type (ranked, snippets)", size, search, budget=30))

    parts = vault.parts.list()
    model = EntryListModel(vault)
    picks = [rng.choice(parts).id for _ in range(max(5, runs * 2))]
    results.append(Result("filter the journal by a part", size, [
        timed(lambda pid=pid: model.set_filter(EntryFilter(part_id=pid)), 1)[0]
        for pid in picks], budget=30))

    window = MainWindow(vault)
    window.show()
    app.processEvents()
    summaries = vault.entries.list(limit=2000)
    entry_ids = [rng.choice(summaries).id for _ in range(max(10, runs * 4))]
    results.append(Result("open an entry (editor filled)", size, [
        timed(lambda eid=eid: (window.journal.open_entry(eid), app.processEvents()), 1)[0]
        for eid in entry_ids], budget=30))
    window.show_parts()
    part_ids = [rng.choice(parts).id for _ in range(max(10, runs * 4))]
    results.append(Result("open a part (profile filled)", size, [
        timed(lambda pid=pid: (window.parts.select_part(pid), app.processEvents()), 1)[0]
        for pid in part_ids], budget=30))
    window.show_map()
    results.append(Result("lay out the map (every part and relation)", size, [
        timed(lambda: (window.map.reload(), app.processEvents()), 1)[0]
        for _ in range(max(5, runs))], budget=200, note=f"{len(parts):,} parts"))
    window.close()

    entry = vault.entries.get(entry_ids[0])
    saves = []
    for i in range(max(20, runs * 6)):
        entry.body += f" one more sentence {i}."
        start = time.perf_counter()
        vault.entries.update(entry)
        saves.append((time.perf_counter() - start) * 1000)
    results.append(Result("save an entry (autosave path)", size, saves, budget=10,
                          note="p95 budget"))

    tracemalloc.start()
    scroll = EntryListModel(vault)
    start = time.perf_counter()
    while scroll.canFetchMore():
        scroll.fetchMore()
    elapsed = (time.perf_counter() - start) * 1000
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    results.append(Result("scroll the journal end to end", size, [elapsed],
                          note=f"{scroll.rowCount():,} rows, peak Python memory "
                               f"{peak / 1e6:.1f} MB (summaries only, no bodies)"))
    vault.lock()
    shutil.rmtree(work.parent, ignore_errors=True)
    return results


def bench_peak_rss(folder: Path, size: str) -> list[Result]:
    """Peak RSS of a process with the vault open in the main window, searched and scrolled."""
    script = f"""
import os, sys
os.environ['QT_QPA_PLATFORM'] = 'offscreen'
sys.path.insert(0, {str(HERE)!r})
from PySide6.QtWidgets import QApplication
app = QApplication([])
import run
slots, key, Vault = run._open(__import__('pathlib').Path({str(folder)!r}))
vault = Vault.open_with_key(__import__('pathlib').Path({str(folder)!r}), slots, key,
                            auto_backup=False)
from partsjournal.ui.app.main_window import MainWindow
window = MainWindow(vault); window.show(); app.processEvents()
for q in run.QUERIES:
    window.search.set_query(q, now=True); app.processEvents()
model = window.journal.model
while model.canFetchMore():
    model.fetchMore()
for row in range(0, model.rowCount(), max(1, model.rowCount() // 50)):
    window.journal.open_entry(model.summary(row).id); app.processEvents()
# VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the parent across exec.
hwm = [l for l in open('/proc/self/status') if l.startswith('VmHWM:')][0].split()[1]
print(hwm, flush=True)
window.close(); vault.lock()
os._exit(0)
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=False, env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)))
    if out.returncode != 0:
        raise RuntimeError(f"peak-RSS probe failed: {out.stderr[-2000:]}")
    kib = int(out.stdout.strip().splitlines()[-1])
    return [Result("peak RSS: app open, searched, scrolled", size, [kib / 1024], unit="MB",
                   budget=250)]


def bench_cipher_overhead(folder: Path, size: str, runs: int) -> list[Result]:
    """The same repository workload on SQLCipher and on plain SQLite (same schema)."""
    import sqlcipher3

    from partsjournal.vault.database import Database
    from partsjournal.vault.entries import EntryRepository
    from partsjournal.vault.search import SearchService

    work = Path(tempfile.mkdtemp())
    encrypted = work / "enc"
    shutil.copytree(folder, encrypted, ignore=shutil.ignore_patterns("backups"))
    slots, key, _vault_class = _open(encrypted)
    db = Database(encrypted / "journal.db", key)
    plain_path = work / "plain.db"
    db.execute(f"ATTACH DATABASE '{plain_path}' AS plaintext KEY ''")
    db.execute("SELECT sqlcipher_export('plaintext')")
    db.execute("DETACH DATABASE plaintext")
    db.close()

    def plain_database() -> Database:
        plain = Database.__new__(Database)
        plain.path = plain_path
        plain._depth = 0
        plain._conn = sqlcipher3.connect(str(plain_path), isolation_level=None)
        from partsjournal.vault.database import SESSION_PRAGMAS

        for pragma in SESSION_PRAGMAS:  # the same settings, minus the encryption ones
            if "cipher" not in pragma:
                plain._conn.execute(pragma)
        return plain

    def workload(database: Database) -> None:
        entries, search = EntryRepository(database), SearchService(database)
        summaries = entries.list(limit=400)
        for query in QUERIES:
            search.search(query)
        for offset in range(0, 2000, 200):
            entries.list(limit=200, offset=offset)
        for summary in summaries[:100]:
            entries.get(summary.id)
        for summary in summaries[:20]:
            entry = entries.get(summary.id)
            entry.body += " edited"
            entries.update(entry)

    variants = {
        "plain SQLite": plain_database,
        "SQLCipher, memory security ON": lambda: Database(encrypted / "journal.db", key),
        "SQLCipher, memory security OFF": lambda: Database(encrypted / "journal.db", key,
                                                           memory_security=False),
    }
    samples: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(runs):
        for name, make in variants.items():
            database = make()
            workload(database)  # warm the page cache for this connection
            start = time.perf_counter()
            workload(database)
            samples[name].append((time.perf_counter() - start) * 1000)
            database.close()
    base = statistics.median(samples["plain SQLite"])
    results = []
    for name, values in samples.items():
        ratio = statistics.median(values) / base
        results.append(Result(f"repository workload: {name}", size, values,
                              note=f"{ratio:.2f}× plain SQLite" + (
                                  " (budget ≤ 1.3×)" if "SQLCipher" in name else ""),
                              budget=1.3 * base if "SQLCipher" in name else None))
    shutil.rmtree(work, ignore_errors=True)
    return results


def bench_archive(folder: Path, size: str, runs: int) -> list[Result]:
    """The whole journal out and in (docs/export-format.md), and the therapy-prep summary.

    Export: reading the journal, the JSON document and writing the file (all of it runs in a
    worker in the app). Import: reading and checking that file, then writing it into a new,
    empty vault, as ``import-json`` and the import dialog do. Summary: gathering and writing up
    the last 14 days (the dialog's default) and a whole year.
    """
    from datetime import timedelta

    from partsjournal.archive.json_export import export_json
    from partsjournal.archive.json_import import import_json
    from partsjournal.reports.summary import build_summary, to_markdown

    work = Path(tempfile.mkdtemp())
    slots, key, vault_class = _open(folder)
    vault = vault_class.open_with_key(folder, slots, key, auto_backup=False, verify=False)
    path = work / "export.json"
    exports = timed(lambda: export_json(vault, path, overwrite=True), runs)
    results = [Result("export everything as JSON (read, format, write)", size, exports,
                      note=f"{path.stat().st_size / 1e6:.0f} MB file; in a worker in the app")]
    newest = vault.entries.list(limit=1)[0].occurred_at.date()
    for days in (14, 365):
        since = newest - timedelta(days=days)
        results.append(Result(f"therapy-prep summary, {days} days (gather + Markdown)", size,
                              timed(lambda since=since: to_markdown(build_summary(
                                  vault, since, newest)), runs),
                              note="in a worker in the app"))
    vault.lock()
    imports = []
    for n in range(runs):
        target, _code = vault_class.create(work / f"new-{n}", "x", profile=generate.FAST)
        start = time.perf_counter()
        result = import_json(path, target)
        imports.append((time.perf_counter() - start) * 1000)
        assert result.entries == generate.SIZES[size].entries
        target.lock()
        shutil.rmtree(work / f"new-{n}", ignore_errors=True)
    results.append(Result("import that JSON into a new, empty vault (check + write)", size,
                          imports, budget=5000 if size == "L" else None,
                          note="in a worker in the app, with a progress bar"))
    shutil.rmtree(work, ignore_errors=True)
    return results


# Report ----------------------------------------------------------------------------------------

def machine_info() -> list[str]:
    import sqlcipher3
    from PySide6 import __version__ as pyside_version

    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    connection = sqlcipher3.connect(":memory:")
    cipher = connection.execute("PRAGMA cipher_version").fetchone()[0]
    sqlite = connection.execute("SELECT sqlite_version()").fetchone()[0]
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return [f"- CPU: {cpu}, {os.cpu_count()} cores, {memory:.0f} GiB memory",
            f"- {platform.platform()}, Python {platform.python_version()}",
            f"- SQLCipher {cipher} (SQLite {sqlite}), PySide6 {pyside_version}"]


def table(results: list[Result]) -> list[str]:
    lines = ["| measurement | vault | median | p95 | runs | budget | |",
             "|---|---|---:|---:|---:|---:|---|"]
    for r in results:
        budget = f"≤ {r.budget:.0f} {r.unit}" if r.budget is not None else ""
        check = r.verdict(r.p95 if "p95" in r.note or "search" in r.name else r.median)
        lines.append(f"| {r.name} | {r.size} | {r.median:.1f} {r.unit} | {r.p95:.1f} {r.unit} "
                     f"| {len(r.samples)} | {budget} | {check} {r.note} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="S,M,L", help="comma-separated: S,M,L")
    parser.add_argument("--runs", type=int, default=5, help="repetitions (at least 5 for real)")
    parser.add_argument("--no-write", action="store_true", help="don't update docs/performance.md")
    parser.add_argument("--quick", action="store_true",
                        help="smoke test: skip start-up, KDF and RSS subprocesses")
    parser.add_argument("--only", choices=("all", "archive", "startup", "typing"),
                        default="all",
                        help="archive: only the export, import and summary figures; "
                             "startup: only process start and unlock → main window; "
                             "typing: only opening and typing in the live Markdown body")
    args = parser.parse_args(argv)
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    results: list[Result] = []
    largest = generate.vault_for(sizes[-1]) if args.only != "typing" else Path()
    everything = args.only == "all"
    startup = args.only in ("all", "startup")
    if not args.quick and startup:
        results += bench_startup(largest, args.runs)
    if not args.quick and everything:
        results += bench_kdf(min(args.runs, 5))
    if args.only == "typing":
        sizes = []
    for size in sizes:
        folder = generate.vault_for(size)
        if startup:
            results += bench_unlock_to_main(folder, size, args.runs)
        if everything:
            results += bench_interactive(folder, size, args.runs)
        if args.only in ("all", "archive"):
            results += bench_archive(folder, size, args.runs)
        if size == sizes[-1] and everything:
            results += bench_cipher_overhead(folder, size, args.runs)
            if not args.quick:
                results += bench_peak_rss(folder, size)
    try:
        from bundles import bench_bundles  # type: ignore[import-not-found]
    except ImportError:
        pass
    else:
        if everything:
            results += bench_bundles(args.runs)
    if args.only in ("all", "typing"):
        import typing_latency

        results += typing_latency.results(args.runs)
    report = ["# Performance", "",
              "Measured by `make bench` (benchmarks/run.py) on generated, seeded vaults: "
              "S = 50 parts / 500 entries, M = 200 / 5,000, L = 500 / 20,000 entries of "
              "200–2,000 words. Median and 95th percentile of repeated runs; figures in ms "
              "unless noted. Budgets are from the performance issue.", "",
              "## Machine", "", *machine_info(), "", "## Results", "", *table(results), ""]
    text = "\n".join(report)
    print(text)
    if not args.no_write:
        notes = ""
        if DOC.exists() and "## Notes" in DOC.read_text():
            notes = DOC.read_text()[DOC.read_text().index("## Notes"):]
        DOC.write_text(text + ("\n" + notes if notes else ""))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
