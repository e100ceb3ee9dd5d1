"""Animated GIF export of the panels that play a run (neuron, network).

A panel takes part by drawing any frame on request without touching its state: every
:class:`losslab.qt.panel_base.AnimatedPanel` does (its ``show_frame``; its state is an
:class:`~losslab.core.animation.AnimationState`).  The frames are the figure's own image export;
Pillow encodes them (Qt can read GIFs, not write them) with one 256-colour palette for the whole
film, so colours do not flicker between frames.
"""

from __future__ import annotations

import io
import math
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from losslab.io.atomic import atomic_write_bytes

if TYPE_CHECKING:
    from losslab.qt.panel_base import AnimatedPanel

#: At most this many frames, this wide by default, the shortest frame delay (browsers treat
#: delays under 20 ms as 100 ms), and how long the last frame is held.
GIF_MAX_FRAMES = 120
GIF_WIDTH = 800
GIF_MIN_DELAY_MS = 20
GIF_HOLD_MS = 1500


def gif_frames(n_frames: int, max_frames: int = GIF_MAX_FRAMES) -> list[int]:
    """Frames shown in the GIF: every k-th of ``n_frames`` so that there are at most
    ``max_frames``, and always the last one."""
    n = max(1, n_frames)
    step = max(1, math.ceil(n / max_frames))
    frames = list(range(0, n, step))
    if frames[-1] != n - 1:
        frames.append(n - 1)
    return frames


def render_frames(panel: AnimatedPanel, frames: list[int], width: int = GIF_WIDTH) -> list[QImage]:
    """The panel's figure at each of ``frames``, drawn without touching ``state.frame``."""
    panel.ensure_laid_out()
    images = []
    try:
        for frame in frames:
            panel.show_frame(frame)
            images.append(panel.figure_image(width=width))
    finally:
        panel.show_frame(int(panel.state.frame))  # type: ignore[attr-defined]
        # Let the view boxes finish the range updates the redraws queued, now rather than
        # during interpreter shutdown (where pyqtgraph's Python overrides can no longer run).
        QApplication.processEvents()
    return images


def to_pil(image: QImage) -> Image.Image:
    """A QImage as an RGB Pillow image (copying the pixels, row padding respected)."""
    rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
    data = bytes(rgba.constBits())
    pil = Image.frombuffer("RGBA", (rgba.width(), rgba.height()), data, "raw", "RGBA",
                           rgba.bytesPerLine(), 1)
    return pil.convert("RGB")


def gif_bytes(images: list[Image.Image], delay_ms: float) -> bytes:
    """An endlessly looping GIF of ``images``, ``delay_ms`` per frame, the last one held."""
    palette = images[0].quantize(colors=255, method=Image.Quantize.MEDIANCUT)
    quantized = [palette] + [im.quantize(palette=palette, dither=Image.Dither.NONE)
                             for im in images[1:]]
    durations = [int(delay_ms)] * len(quantized)
    durations[-1] = GIF_HOLD_MS
    buffer = io.BytesIO()
    quantized[0].save(buffer, format="GIF", save_all=True, append_images=quantized[1:],
                      duration=durations, loop=0, disposal=1)
    return buffer.getvalue()


def save_gif(panel: AnimatedPanel, path: str | os.PathLike[str], width: int = GIF_WIDTH,
             max_frames: int = GIF_MAX_FRAMES) -> int:
    """Write the panel's run as an animated GIF at its playback speed; returns the frame count.

    The delay per GIF frame is (frames skipped) / speed seconds, so the film lasts as long as
    playing the run in the app, rounded to 10 ms (GIF's unit) and at least 20 ms.
    """
    if not 2 <= max_frames <= 1000:
        raise ValueError("max_frames must be between 2 and 1000")
    state = panel.state
    frames = gif_frames(state.frame_count(), max_frames)  # type: ignore[attr-defined]
    images = [to_pil(img) for img in render_frames(panel, frames, width)]
    step = frames[1] - frames[0] if len(frames) > 1 else 1
    delay = max(GIF_MIN_DELAY_MS, round(1000.0 * step / float(state.speed), -1))  # type: ignore[attr-defined]
    atomic_write_bytes(Path(path), gif_bytes(images, delay))
    return len(images)
