"""Reusable animation fields for panels that play back a precomputed run.

A panel that animates (the neuron's training, the two-layer network's training) computes its
whole run once per parameter change with a pure function and then only *shows* one frame of it.
The frame shown is ordinary state, so the timer, the scrubber, the step buttons, tests and the
command line all move the animation the same way: by setting ``state.frame``.

Use it by deriving the panel's state from :class:`AnimationState` (its fields come first)::

    class TrainingState(AnimationState):
        epochs = Field(ParamSpec("epochs", "Epochs", Kind.INT, 300, 1, 10_000))

        def n_frames(self, values):            # how many frames the run has
            return values["epochs"] + 1

and the frame is kept inside 0..n_frames − 1 automatically whenever either changes.  A panel that
cannot derive from it can declare ``frame = Field(frame_spec())`` and ``speed = Field(speed_spec())``
itself and call :func:`clamp_frame` from its ``constrain``.

The rewind rule, the same for every animated panel: **a change that gives a different run starts
it again at frame 0** (editing a learning rate, choosing a loss or a preset, loading a session);
an explicit ``frame`` in the same change wins (clamped to the new run), and changes that leave
the run as it was (the playback speed, a field that only links others) keep the frame.  So the
learner always watches a new run from its beginning, and the timer, if playing, plays on from
there.  Which fields define the run is :attr:`AnimationState.run_params`.

Fields:
    frame: index of the frame shown, 0-based (not saved in sessions: a reopened panel starts
        at the beginning).
    speed: playback speed in frames per second (one frame is one epoch for training panels).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from losslab.core.params import Kind, ParamError, ParamSpec, Value
from losslab.core.state import Field, PanelState

#: Upper bound of the frame field's own range; the real bound is the run's frame count.
MAX_FRAMES = 1_000_000
#: Playback speeds, frames per second.
MIN_SPEED = 1.0
MAX_SPEED = 1000.0
DEFAULT_SPEED = 60.0

#: Units of the playback parameters, shown as spin-box suffixes (translated by the GUI).
TRANSLATABLE: tuple[tuple[str, str], ...] = (("params", "frames/s"),)


def frame_spec() -> ParamSpec:
    """The ``frame`` parameter: an integer ≥ 0, transient (persist=False)."""
    return ParamSpec(
        "frame", "Frame", Kind.INT, 0, 0, MAX_FRAMES, step=1,
        help="which frame (epoch) of the run is shown", persist=False,
    )


def speed_spec(default: float = DEFAULT_SPEED) -> ParamSpec:
    """The ``speed`` parameter: playback speed in frames per second."""
    return ParamSpec(
        "speed", "Speed", Kind.FLOAT, default, MIN_SPEED, MAX_SPEED, step=5.0, decimals=0,
        unit="frames/s", help="how many frames (epochs) play per second",
    )


def clamp_frame(
    values: dict[str, Value], n_frames: int, touched: frozenset[str], *, clamp: bool
) -> dict[str, Value]:
    """Keep ``values["frame"]`` in 0..n_frames − 1; return ``values``.

    Under the GUI policy (``clamp=True``) the frame is pulled back silently.  Under the strict
    policy a frame that the caller asked for (``"frame" in touched``) and that is past the end is
    a :class:`ParamError`; a frame left behind by a shorter run is still pulled back, since the
    caller did not ask for it.
    """
    last = max(0, int(n_frames) - 1)
    frame = int(values["frame"])
    if frame > last:
        if not clamp and "frame" in touched:
            raise ParamError(
                f"frame: {frame} is past the last frame; allowed: a whole number from 0 to {last}"
            )
        values["frame"] = last
    return values


#: The fields of every animation that only play it back; they never define the run.
PLAYBACK_PARAMS = frozenset({"frame", "speed"})


class AnimationState(PanelState):
    """A :class:`PanelState` with ``frame`` and ``speed``, the rule 0 ≤ frame < n_frames and
    the rewind rule of the module docstring."""

    frame = Field(frame_spec())
    speed = Field(speed_spec())

    #: The fields whose values define the run; a change to any of them rewinds to frame 0.
    #: Subclasses name them (the default, every field but frame and speed, fits a state whose
    #: every other field is a parameter of the run).
    run_params: ClassVar[frozenset[str]] = frozenset()

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if not cls.__dict__.get("run_params"):
            cls.run_params = frozenset(cls.specs) - PLAYBACK_PARAMS
        unknown = cls.run_params - frozenset(cls.specs)
        if unknown:
            raise TypeError(f"{cls.__name__}.run_params names unknown fields {sorted(unknown)}")

    def n_frames(self, values: Mapping[str, Value]) -> int:
        """Number of frames of the run the (proposed) ``values`` describe.  Override this."""
        return MAX_FRAMES

    def frame_count(self) -> int:
        """Number of frames of the run the current values describe."""
        return self.n_frames(self.values())

    def new_run(self, values: Mapping[str, Value]) -> bool:
        """True when the (proposed) ``values`` describe a different run from the current one."""
        return any(values[n] != self._values[n] for n in self.run_params)

    def constrain(
        self, values: dict[str, Value], touched: frozenset[str], *, clamp: bool
    ) -> dict[str, Value]:
        """Rewind a new run to frame 0 (unless the change sets the frame) and keep the frame
        inside the run.  Subclasses that add rules apply them first, then call
        ``super().constrain`` with the final values."""
        if "frame" not in touched and self.new_run(values):
            values["frame"] = 0
        return clamp_frame(values, self.n_frames(values), touched, clamp=clamp)
