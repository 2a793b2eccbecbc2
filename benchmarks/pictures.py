"""Pictures: a part's page with 20 pictures opens quickly, and adding a 12-megapixel photo.

(a) open = choosing the part on the Parts page with its Pictures tab in front, until the
thumbnails are shown (they come from the journal; nothing is decoded whole); (b) add = cleaning
and storing one 4000 × 3000 JPEG (decode with limits, scale to 2048, re-encode, thumbnail).
Run on its own with ``python benchmarks/pictures.py``.
"""

from __future__ import annotations

import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "app"))

OPEN_BUDGET_MS = 50.0


def photo(width: int, height: int, seed: int) -> bytes:
    """A photo-like JPEG (noise, so it compresses like a photo, not like a flat colour)."""
    from PIL import Image

    image = Image.effect_noise((width, height), 40 + seed).convert("RGB")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(runs: int = 20) -> tuple[list[float], list[float], float]:
    """Milliseconds to show a part with 20 pictures (``runs`` times) and to add one photo."""
    from PySide6.QtWidgets import QApplication, QTabWidget

    from partsjournal.domain import Part, Role
    from partsjournal.ui.app.main_window import MainWindow
    from partsjournal.vault import Vault
    from partsjournal.vault.keyslots import KdfProfile

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="pj-bench-pictures-")) / "vault"
    fast = KdfProfile(memory_kib=8 * 1024, iterations=1, lanes=1)
    vault, _ = Vault.create(folder, "benchmark passphrase", profile=fast)
    try:
        with_pictures = vault.parts.add(Part(name="Drawn often", role=Role.EXILE))
        other = vault.parts.add(Part(name="Another", role=Role.MANAGER))
        adds = []
        for n in range(20):
            data = photo(4000, 3000, n) if n < 5 else photo(1600, 1200, n)
            start = time.perf_counter()
            vault.pictures.add(data, part_id=with_pictures.id)
            if n < 5:
                adds.append((time.perf_counter() - start) * 1000)
        window = MainWindow(vault)
        window.resize(1200, 800)
        window.show()
        window.show_parts()
        tabs = window.parts.findChild(QTabWidget, "partTabs")
        assert tabs is not None
        window.open_part(other.id)
        tabs.setCurrentWidget(window.part_pictures)
        app.processEvents()
        start = time.perf_counter()  # the first visit decodes the 20 thumbnails
        window.open_part(with_pictures.id)
        while window.part_pictures.model.rowCount() < 20:
            app.processEvents()
        window.part_pictures.view.viewport().repaint()
        first = (time.perf_counter() - start) * 1000
        opens = []
        for _ in range(runs + 2):
            window.open_part(other.id)
            app.processEvents()
            start = time.perf_counter()
            window.open_part(with_pictures.id)
            while window.part_pictures.model.rowCount() < 20:
                app.processEvents()
            window.part_pictures.view.viewport().repaint()
            opens.append((time.perf_counter() - start) * 1000)
        window.close()
        return opens[2:], adds, first
    finally:
        vault.lock()


def main() -> int:
    opens, adds, first = measure()
    p95 = percentile(opens, 0.95)
    print(f"part page with 20 pictures: median {statistics.median(opens):.1f} ms, p95 "
          f"{p95:.1f} ms ({len(opens)} runs; budget p95 ≤ {OPEN_BUDGET_MS:.0f} ms: "
          f"{'ok' if p95 <= OPEN_BUDGET_MS else 'MISSES'})")
    print(f"the first visit (thumbnails decoded from the journal): {first:.1f} ms")
    print(f"adding a 4000 × 3000 photo: median {statistics.median(adds):.0f} ms "
          f"({len(adds)} runs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
