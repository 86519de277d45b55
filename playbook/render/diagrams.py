"""Geometry of model diagrams. Coordinates are computed here; the SVG markup is in templates.

Each shape becomes a list of positioned boxes (or rings) with wrapped text lines, so the
templates only place what they are given.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass, field

from playbook.contract.models import Shape

WIDTH = 680
LABEL_PX_PER_CHAR = 8.6


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float
    label: str
    lines: tuple[str, ...] = ()  # wrapped detail
    points: str = ""  # polygon points, for pyramid levels
    cx: float = 0  # text anchor x
    step: int = 0


@dataclass(frozen=True)
class Arrow:
    x1: float
    y1: float
    x2: float
    y2: float


@dataclass(frozen=True)
class Layout:
    type: str
    width: float
    height: float
    boxes: tuple[Box, ...]
    arrows: tuple[Arrow, ...] = ()
    legend: tuple[Box, ...] = ()  # text beside the figure (pyramid, circles)
    axes: dict[str, str] = field(default_factory=dict)


def _wrap(text: str | None, width: int) -> tuple[str, ...]:
    return tuple(textwrap.wrap(text or "", width)) if text else ()


def layout(shape: Shape) -> Layout:
    return {"pyramid": _pyramid, "sequence": _sequence, "cycle": _cycle, "quadrant": _quadrant, "circles": _circles}[
        shape.type
    ](shape)


def _pyramid(shape: Shape) -> Layout:
    n, level_h, base_w, left = len(shape.items), 54.0, 340.0, 10.0
    height = n * level_h + 20
    apex_x, top = left + base_w / 2, 10.0
    boxes, legend = [], []
    total = n * level_h
    for i, item in enumerate(shape.items):  # i = 0 is the bottom
        y_bottom = top + total - i * level_h
        y_top = y_bottom - level_h
        half_b = base_w / 2 * (y_bottom - top) / total
        half_t = base_w / 2 * (y_top - top) / total
        corners = ((apex_x - half_b, y_bottom), (apex_x + half_b, y_bottom), (apex_x + half_t, y_top), (apex_x - half_t, y_top))
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in corners)
        mid = (y_top + y_bottom) / 2
        boxes.append(Box(0, mid, 0, level_h, f"{i + 1}", points=points, cx=apex_x, step=i + 1))
        legend.append(Box(left + base_w + 24, mid - 6, 0, 0, item.label, _wrap(item.detail, 40), step=i + 1))
    return Layout("pyramid", WIDTH, height, tuple(boxes), legend=tuple(legend))


def _sequence(shape: Shape) -> Layout:
    box_h, gap, w = 58.0, 26.0, 520.0
    x = (WIDTH - w) / 2
    boxes, arrows = [], []
    for i, item in enumerate(shape.items):
        y = 8 + i * (box_h + gap)
        boxes.append(Box(x, y, w, box_h, item.label, _wrap(item.detail, 70)[:1], cx=x + w / 2, step=i + 1))
        if i:
            arrows.append(Arrow(WIDTH / 2, y - gap + 2, WIDTH / 2, y - 4))
    height = 16 + len(shape.items) * (box_h + gap) - gap
    return Layout("sequence", WIDTH, height, tuple(boxes), tuple(arrows))


def _label_width(text: str) -> float:
    """A generous estimate of a label's width in px (14 px bold sans; measured in the browser tests)."""
    return len(text) * LABEL_PX_PER_CHAR


def _cycle(shape: Shape) -> Layout:
    n, radius = len(shape.items), 150.0
    # Boxes as wide as the longest numbered label, within what keeps the side boxes inside the figure,
    # and as tall as the longest detail (never cut short)
    widest = max(_label_width(f"{i + 1}. {item.label}") for i, item in enumerate(shape.items))
    w = min(max(190.0, widest + 28), WIDTH - 2 * radius * 1.35 - 8)
    details = [_wrap(item.detail, int(w / 6.8)) for item in shape.items]
    h = 40.0 + 18 * max(1, *(len(d) for d in details))
    cx, cy = WIDTH / 2, radius + h / 2 + 12
    centres = [(cx + radius * 1.35 * math.sin(2 * math.pi * i / n), cy - radius * math.cos(2 * math.pi * i / n)) for i in range(n)]
    boxes = [Box(px - w / 2, py - h / 2, w, h, item.label, lines, cx=px, step=i + 1)
             for i, ((px, py), item, lines) in enumerate(zip(centres, shape.items, details, strict=True))]
    arrows = []
    for i in range(n):
        (x1, y1), (x2, y2) = centres[i], centres[(i + 1) % n]
        dx, dy = x2 - x1, y2 - y1
        length = math.hypot(dx, dy) or 1
        trim = 0.5 * min(w / abs(dx) if dx else math.inf, h / abs(dy) if dy else math.inf) * length + 6
        arrows.append(Arrow(x1 + dx / length * trim, y1 + dy / length * trim, x2 - dx / length * trim, y2 - dy / length * trim))
    return Layout("cycle", WIDTH, cy * 2, tuple(boxes), tuple(arrows))


def _quadrant(shape: Shape) -> Layout:
    cell_w, cell_h, left, top = 290.0, 130.0, 60.0, 10.0
    boxes = []
    for i, item in enumerate(shape.items):
        col, row = i % 2, i // 2
        x, y = left + col * cell_w, top + row * cell_h
        boxes.append(Box(x, y, cell_w, cell_h, item.label, _wrap(item.detail, 38)[:3], cx=x + cell_w / 2, step=i + 1))
    axes = {"x": shape.x_axis or "", "y": shape.y_axis or ""}
    return Layout("quadrant", WIDTH, top + 2 * cell_h + 40, tuple(boxes), axes=axes)


def _circles(shape: Shape) -> Layout:
    n, inner, ring = len(shape.items), 48.0, 40.0
    outer = inner + (n - 1) * ring
    cx, cy = outer + 10, outer + 10
    boxes = [Box(cx, cy, inner + i * ring, 0, item.label, cx=cx, step=i + 1) for i, item in enumerate(shape.items)]
    legend = [Box(2 * outer + 44, 30 + i * 64, 0, 0, item.label, _wrap(item.detail, 36), step=i + 1)
              for i, item in enumerate(shape.items)]
    return Layout("circles", WIDTH, max(2 * outer + 20, 40 + n * 64), tuple(reversed(boxes)), legend=tuple(legend))
