"""Playback of a precomputed run: a reusable control bar and the timer that drives it.

Any panel whose state has the animation fields of :mod:`losslab.core.animation` (``frame``,
``speed`` and a ``frame_count()`` method, i.e. an :class:`~losslab.core.animation.AnimationState`)
can be played back with::

    self.playback = PlaybackBar(state, self, unit=tr("epoch"))
    layout.addWidget(self.playback)

The bar has reset, step back, play/pause and step forward buttons, a timeline scrubber (a
``QSlider`` named ``frame``), a read-out ("epoch 37 / 300") and a speed box (named ``speed``).
Keyboard, whenever the focus is inside ``shortcut_scope`` (by default the bar's parent, i.e. the
panel): Space plays/pauses, Left/Right step one frame, Home rewinds.

How it respects the one-source-of-truth rule: the :class:`PlaybackController`'s ``QTimer`` only
ever does ``state.frame = …``; the slider, the read-out and the panel's plots all follow the state.
The run itself is never recomputed here: a panel recomputes it when its parameters change, and
since the timer keeps only advancing the frame, playback simply goes on with the new run.
Whether the animation is playing is a property of the controller (a view concern), not of the
state, so it is never saved.

Playback stops by itself on the last frame; pressing play there starts again from frame 0.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSlider,
    QToolButton,
    QWidget,
)

from losslab.core.state import PanelState
from losslab.qt import theme
from losslab.qt.binding import bind_control, bind_custom, make_control, subscribe_while_alive, tr

#: Shortest timer interval, ms (~60 ticks per second); faster speeds advance several frames a tick.
MIN_INTERVAL_MS = 16


class AnimatedState(Protocol):
    """What the playback needs from a state (every :class:`AnimationState` has it)."""

    frame: int
    speed: float

    def frame_count(self) -> int: ...


def _last_frame(state: PanelState) -> int:
    return max(0, int(state.frame_count()) - 1)  # type: ignore[attr-defined]


class PlaybackController(QObject):
    """Advances ``state.frame`` on a ``QTimer`` at ``state.speed`` frames per second.

    Attributes:
        timer: the driving ``QTimer`` (tests may inspect it; only this class starts/stops it).
    Signals:
        playing_changed(bool): emitted when playback starts or stops.
    """

    playing_changed = Signal(bool)

    def __init__(self, state: PanelState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        for name in ("frame", "speed"):
            if name not in state.specs:
                raise TypeError(f"{type(state).__name__} has no {name!r} field; "
                                "derive it from losslab.core.animation.AnimationState")
        self.state = state
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._on_timer_timeout)
        # Fractional frames carried between ticks, so 45 frames/s really plays 45 a second.
        self._carry = 0.0
        self._apply_speed()
        if isinstance(parent, QWidget):
            subscribe_while_alive(state, parent, self._on_state_changed)
        else:
            subscribe_while_alive(state, self, self._on_state_changed)

    # ------------------------------------------------------------------ commands
    @property
    def playing(self) -> bool:
        return self.timer.isActive()

    def play(self) -> None:
        """Start playing; from frame 0 if the last frame is showing."""
        if self.playing:
            return
        if self.state.frame >= _last_frame(self.state):  # type: ignore[attr-defined]
            self.state.set("frame", 0)
        self._carry = 0.0
        self._apply_speed()
        self.timer.start()
        self.playing_changed.emit(True)

    def pause(self) -> None:
        if not self.playing:
            return
        self.timer.stop()
        self.playing_changed.emit(False)

    def toggle(self) -> None:
        """Play if paused, pause if playing (the Space key)."""
        if self.playing:
            self.pause()
        else:
            self.play()

    def step(self, delta: int) -> None:
        """Pause and move ``delta`` frames (clamped to the run)."""
        self.pause()
        frame = int(self.state.frame) + int(delta)  # type: ignore[attr-defined]
        self.state.set("frame", min(max(frame, 0), _last_frame(self.state)))

    def reset(self) -> None:
        """Pause and go back to frame 0."""
        self.pause()
        self.state.set("frame", 0)

    # ------------------------------------------------------------------ timer
    def _apply_speed(self) -> None:
        speed = float(self.state.speed)  # type: ignore[attr-defined]
        self.timer.setInterval(max(MIN_INTERVAL_MS, round(1000.0 / speed)))

    def frames_per_tick(self) -> float:
        """Frames one tick advances: speed × interval (1 up to ~60 frames/s)."""
        return float(self.state.speed) * self.timer.interval() / 1000.0  # type: ignore[attr-defined]

    def _on_timer_timeout(self) -> None:
        last = _last_frame(self.state)
        self._carry += self.frames_per_tick()
        advance = int(self._carry)
        self._carry -= advance
        frame = min(int(self.state.frame) + advance, last)  # type: ignore[attr-defined]
        self.state.set("frame", frame)
        if frame >= last:
            self.pause()

    def _on_state_changed(self, changed: frozenset[str]) -> None:
        if "speed" in changed:
            self._apply_speed()


class PlaybackBar(QWidget):
    """Reset, step back, play/pause, step forward, scrubber, read-out and speed for a state.

    Args:
        state: an :class:`~losslab.core.animation.AnimationState` (``frame``, ``speed``,
            ``frame_count()``).
        parent: usually the panel.
        unit: word for one frame in the read-out ("epoch", "iteration").
        shortcut_scope: widget inside which Space / arrows / Home work (default: ``parent``,
            or the bar itself without a parent).

    Children (by objectName): ``playback_reset``, ``playback_step_back``, ``playback_play``
    (checkable; checked while playing), ``playback_step_forward``, ``frame`` (the QSlider),
    ``playback_readout`` (QLabel), ``speed`` (QDoubleSpinBox bound to ``state.speed``).
    """

    def __init__(self, state: PanelState, parent: QWidget | None = None, *, unit: str = "",
                 shortcut_scope: QWidget | None = None) -> None:
        super().__init__(parent)
        # One row of controls: never take height from the figure above it.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setObjectName("playback_bar")
        # Opaque (it fills the window colour it would show anyway): a frame's repaint of the
        # slider and the read-out then stops here instead of painting the dock and the
        # window beneath them again.
        self.setAutoFillBackground(True)
        self.state = state
        self.unit = unit or tr("frame", "playback")
        self.controller = PlaybackController(state, self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        # Icons drawn in the theme's text colour (Qt's standard media icons are dark grey and
        # vanish on a dark window), as tall as a line of text so they grow in presenter mode.
        side = max(16, round(self.fontMetrics().height() * 1.1))
        self.icons = {kind: theme.media_icon(kind, self.palette(), side)
                      for kind in theme.MEDIA_GLYPHS}

        def button(name: str, glyph: str, text: str, tip: str) -> QToolButton:
            b = QToolButton(self)
            b.setObjectName(name)
            b.setIcon(self.icons[glyph])
            b.setIconSize(QSize(side, side))
            b.setText(text)
            b.setToolTip(tip)
            b.setAccessibleName(text)
            layout.addWidget(b)
            return b

        self.reset_button = button("playback_reset", "skip_back", tr("Reset", "playback"),
                                   tr("Back to the start (Home)", "playback"))
        self.step_back_button = button("playback_step_back", "step_back",
                                       tr("Step back", "playback"),
                                       tr("One frame back (Left arrow)", "playback"))
        self.play_button = button("playback_play", "play", tr("Play", "playback"),
                                  tr("Play / pause (Space)", "playback"))
        self.play_button.setCheckable(True)
        self.step_forward_button = button("playback_step_forward", "step_forward",
                                          tr("Step forward", "playback"),
                                          tr("One frame forward (Right arrow)", "playback"))

        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName("frame")
        self.slider.setAccessibleName(tr("Timeline", "playback"))
        self.slider.setToolTip(tr("Drag to show any frame of the run", "playback"))
        self.slider.setMinimum(0)
        layout.addWidget(self.slider, 1)
        self.readout = QLabel(self)
        self.readout.setObjectName("playback_readout")
        # A fixed size (room for the longest text): a QLabel whose size may change asks every
        # layout up to the main window to recompute on each setText, i.e. on every frame.
        self.readout.setFixedSize(
            self.fontMetrics().horizontalAdvance(self._readout_text(99999, 99999)) + 4,
            self.readout.sizeHint().height())
        layout.addWidget(self.readout)
        speed_label = QLabel(tr("Speed", "playback"), self)
        layout.addWidget(speed_label)
        self.speed_box = bind_control(state, make_control(state.specs["speed"], self))
        speed_label.setBuddy(self.speed_box)
        layout.addWidget(self.speed_box)

        self.reset_button.clicked.connect(self.controller.reset)
        self.step_back_button.clicked.connect(lambda: self.controller.step(-1))
        self.step_forward_button.clicked.connect(lambda: self.controller.step(1))
        self.play_button.clicked.connect(lambda _checked: self.controller.toggle())
        self.controller.playing_changed.connect(self._on_playing_changed)

        scope = shortcut_scope or parent or self
        self.shortcuts: dict[str, QShortcut] = {}
        for key, slot in (("Space", self.controller.toggle),
                          ("Left", lambda: self.controller.step(-1)),
                          ("Right", lambda: self.controller.step(1)),
                          ("Home", self.controller.reset)):
            shortcut = QShortcut(QKeySequence(key), scope)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
            self.shortcuts[key] = shortcut

        # The run's length depends on panel parameters the bar does not know: the slider and
        # read-out are refreshed on any change (watch=None).
        bind_custom(state, self.slider, edited=self.slider.valueChanged,
                    write=self._on_slider_value_changed, show=self._show_frame, owner=self)

    # ------------------------------------------------------------------ user → state
    def _on_slider_value_changed(self, value: int) -> None:
        self.state.set("frame", int(value))

    def _on_playing_changed(self, playing: bool) -> None:
        self.play_button.setChecked(playing)
        self.play_button.setIcon(self.icons["pause" if playing else "play"])
        self.play_button.setText(tr("Pause", "playback") if playing else tr("Play", "playback"))

    # ------------------------------------------------------------------ state → view
    def _show_frame(self) -> None:
        last = _last_frame(self.state)
        frame = int(self.state.frame)  # type: ignore[attr-defined]
        if self.slider.maximum() != last:
            self.slider.setMaximum(last)
            self.slider.setPageStep(max(1, (last + 1) // 10))
        self.slider.setValue(frame)
        self.readout.setText(self._readout_text(frame, last))

    def _readout_text(self, frame: int, last: int) -> str:
        return tr("{unit} {frame} / {last}", "playback").format(unit=self.unit, frame=frame,
                                                                last=last)
