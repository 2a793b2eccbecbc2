"""The map's first arrangement of parts: plain Python, deterministic, fast for hundreds of parts.

Exiles sit in the middle; managers, firefighters and parts not yet known sit on rings around
them, each near the exiles it is related to, so 'protects' arrows point inward and a protector's
cluster reads at a glance. Parts without such a link gather by role: managers above,
firefighters below, the unknown to the left. No pairwise forces are computed, so 200 parts take
a few milliseconds and the same journal always gets the same picture.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from partsjournal.domain.model import RelationKind, Role

#: Room along a ring for one part and its name, and the distance between rings.
SPACING = 150.0
RING_GAP = 150.0
#: The smallest ring, so a few exiles in the middle still have room for their names.
MIN_RADIUS = 125.0

#: Where parts without a link to an exile sit (degrees clockwise from 3 o'clock, y down).
_ROLE_SECTORS = {Role.MANAGER: (210.0, 330.0), Role.FIREFIGHTER: (30.0, 150.0),
                 Role.UNKNOWN: (160.0, 200.0)}

Point = tuple[float, float]


@dataclass(frozen=True)
class MapNode:
    """One part on the map (an own part or a received one)."""

    id: str
    name: str
    role: Role
    color: str = ""
    count: int = 0
    archived: bool = False


@dataclass(frozen=True)
class MapEdge:
    """One relationship on the map; ``source`` protects ``target`` for 'protects'."""

    id: str
    kind: RelationKind
    source: str
    target: str


def auto_layout(nodes: Iterable[MapNode], edges: Iterable[MapEdge]) -> dict[str, Point]:
    """Positions (scene units, centred on 0,0) for every node."""
    nodes = list(nodes)
    if len(nodes) <= 1:
        return {n.id: (0.0, 0.0) for n in nodes}
    inner = [n for n in nodes if n.role is Role.EXILE]
    outer = [n for n in nodes if n.role is not Role.EXILE]
    if not inner or not outer:
        even = 360.0 / len(nodes)
        ring, _radius = _rings([(n.id, 270.0 + even * i) for i, n in enumerate(nodes)], 0.0)
        return ring

    if len(inner) == 1:
        positions: dict[str, Point] = {inner[0].id: (0.0, 0.0)}
        inner_angles: dict[str, float] = {}
        inner_radius = 0.0
    else:
        even = 360.0 / len(inner)
        positions, inner_radius = _rings(
            [(n.id, 270.0 + even * i) for i, n in enumerate(inner)], 0.0)
        inner_angles = {pid: math.degrees(math.atan2(y, x)) for pid, (x, y) in positions.items()}

    neighbours: dict[str, list[str]] = {}
    for edge in edges:
        neighbours.setdefault(edge.source, []).append(edge.target)
        neighbours.setdefault(edge.target, []).append(edge.source)
    fallback = _role_angles(outer)
    wanted: list[tuple[str, float]] = []
    for node in outer:
        linked = [inner_angles[o] for o in neighbours.get(node.id, []) if o in inner_angles]
        x = sum(math.cos(math.radians(a)) for a in linked)
        y = sum(math.sin(math.radians(a)) for a in linked)
        if abs(x) + abs(y) > 1e-6:
            wanted.append((node.id, math.degrees(math.atan2(y, x))))
        else:
            wanted.append((node.id, fallback[node.id]))
    outer_positions, _radius = _rings(wanted, inner_radius + RING_GAP)
    positions.update(outer_positions)
    return positions


def _role_angles(nodes: list[MapNode]) -> dict[str, float]:
    """Each part's place within its role's sector, spread evenly."""
    by_role: dict[Role, list[MapNode]] = {}
    for node in nodes:
        by_role.setdefault(node.role, []).append(node)
    angles: dict[str, float] = {}
    for role, members in by_role.items():
        start, end = _ROLE_SECTORS[role]
        for i, node in enumerate(members):
            angles[node.id] = start + (end - start) * (i + 0.5) / len(members)
    return angles


def _capacity(radius: float) -> int:
    return max(1, int(2 * math.pi * radius // SPACING))


def _rings(wanted: list[tuple[str, float]], start: float) -> tuple[dict[str, Point], float]:
    """Put parts on concentric rings from ``start`` outward, each near its wanted angle."""
    first = max(start, MIN_RADIUS, SPACING * min(len(wanted), 6) / (2 * math.pi))
    radii = [first]
    while sum(_capacity(r) for r in radii) < len(wanted):
        radii.append(radii[-1] + RING_GAP * 0.8)
    ordered = sorted(((pid, angle % 360.0) for pid, angle in wanted),
                     key=lambda item: (item[1], item[0]))
    # Deal the parts out to the rings in angular order, keeping each ring equally full, so
    # every ring keeps the same angular arrangement.
    capacities = [_capacity(r) for r in radii]
    members: list[list[tuple[str, float]]] = [[] for _ in radii]
    for item in ordered:
        ring = min(range(len(radii)), key=lambda k: ((len(members[k]) + 1) / capacities[k], k))
        members[ring].append(item)
    positions: dict[str, Point] = {}
    for radius, group in zip(radii, members, strict=True):
        if not group:
            continue
        angles = spread([a for _pid, a in group], math.degrees(SPACING / radius))
        for (pid, _wanted), angle in zip(group, angles, strict=True):
            rad = math.radians(angle)
            positions[pid] = (round(radius * math.cos(rad), 1), round(radius * math.sin(rad), 1))
    return positions, radii[-1]


def spread(angles: list[float], gap: float) -> list[float]:
    """Sorted angles (degrees, in [0, 360)) moved as little as possible to be ``gap`` apart.

    The circle is cut at the widest empty stretch; along the cut, the least-squares placement
    with minimum spacing is an isotonic regression (pool adjacent violators) on
    ``angle - i * gap``. If the parts need more than the whole circle, they are spread evenly.
    """
    count = len(angles)
    if count <= 1:
        return list(angles)
    if count * gap >= 360.0:
        return [angles[0] + 360.0 * i / count for i in range(count)]
    gaps = [angles[i + 1] - angles[i] for i in range(count - 1)]
    gaps.append(angles[0] + 360.0 - angles[-1])
    cut = max(range(count), key=lambda i: (gaps[i], -i))
    order = [(cut + 1 + i) % count for i in range(count)]
    line = [angles[j] + (360.0 if j <= cut else 0.0) for j in order]
    blocks: list[list[float]] = []  # [sum, size] of pooled targets
    for i, value in enumerate(line):
        blocks.append([value - i * gap, 1.0])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            total, size = blocks.pop()
            blocks[-1][0] += total
            blocks[-1][1] += size
    placed: list[float] = []
    for total, size in blocks:
        placed += [total / size] * int(size)
    result = [0.0] * count
    for i, j in enumerate(order):
        result[j] = placed[i] + i * gap
    return result
