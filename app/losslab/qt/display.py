"""Is there a display to open a window on?  Asked before Qt is, because a Qt platform plugin
that cannot connect prints its plugin list and aborts the process.

:func:`display_problem` reads the environment (``QT_QPA_PLATFORM``, ``DISPLAY``,
``WAYLAND_DISPLAY``) and, for X11, asks the X server whether it answers (through ctypes, a few
milliseconds).  It returns one line for the user, or "" when a window can be opened.  No Qt here.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

#: Qt platform plugins that draw without a display server (explicit QT_QPA_PLATFORM values).
_NO_DISPLAY_PLATFORMS = frozenset({"offscreen", "minimal", "minimalegl", "vnc", "eglfs",
                                   "linuxfb", "vkkhrdisplay", "directfb"})

HEADLESS_HINT = "headless, use 'losslab export PANEL OUT' (see 'losslab --help')"



def _load(soname: str, short: str) -> ctypes.CDLL | None:
    """A C library by its usual soname, else wherever ctypes finds it (slower: runs ldconfig)."""
    for name in (soname, ctypes.util.find_library(short)):
        if name:
            try:
                return ctypes.CDLL(name)
            except OSError:
                continue
    return None


def _x_server_answers() -> bool | None:
    """Whether the X server named by ``$DISPLAY`` accepts a connection (None: cannot tell).

    Uses libxcb (what Qt's xcb plugin itself connects with) or else libX11 through ctypes; a
    connection to a local server takes about a millisecond.
    """
    try:
        xcb = _load("libxcb.so.1", "xcb")
        if xcb is not None:
            xcb.xcb_connect.restype = ctypes.c_void_p
            xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
            xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
            xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
            connection = xcb.xcb_connect(None, None)  # never NULL; a failure is flagged
            failed = bool(xcb.xcb_connection_has_error(connection))
            xcb.xcb_disconnect(connection)
            return not failed
        x11 = _load("libX11.so.6", "X11")
        if x11 is not None:
            x11.XOpenDisplay.restype = ctypes.c_void_p
            x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
            x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
            display = x11.XOpenDisplay(None)
            if display:
                x11.XCloseDisplay(display)
            return bool(display)
    except AttributeError:  # a library without the expected functions: cannot tell
        pass
    return None


def _wayland_socket(env: Mapping[str, str]) -> bool:
    """Whether the Wayland compositor's socket exists where libwayland-client would look."""
    if env.get("WAYLAND_SOCKET"):  # an already-connected socket handed down by the compositor
        return True
    name = env.get("WAYLAND_DISPLAY") or "wayland-0"  # libwayland-client's own default
    if os.path.isabs(name):
        return Path(name).exists()
    runtime_dir = env.get("XDG_RUNTIME_DIR", "")
    return bool(runtime_dir) and (Path(runtime_dir) / name).exists()


def display_problem(env: Mapping[str, str] | None = None,
                    platform: str | None = None,
                    x_server_answers: Callable[[], bool | None] = _x_server_answers) -> str:
    """Why no window can be opened here, as the one line to print; "" when one can.

    Only Linux and the BSDs need a display server (Windows and macOS always have a desktop).
    An explicit ``QT_QPA_PLATFORM`` is respected: ``offscreen``, ``minimal`` and the other
    plugins that draw without a display server need nothing; ``xcb`` needs an X server,
    ``wayland`` a compositor.  A ``;``-separated list of fallbacks works if any entry works.
    Unknown plugin names are left to Qt (its failure is still turned into one line).
    """
    env = os.environ if env is None else env
    platform = sys.platform if platform is None else platform
    if platform.startswith(("win", "darwin", "cygwin")):
        return ""
    requested = [entry.split(":")[0].strip().lower()
                 for entry in env.get("QT_QPA_PLATFORM", "").split(";")]
    requested = [name for name in requested if name] or ["wayland", "xcb"]  # Qt's own order
    x_display = env.get("DISPLAY", "")
    for name in requested:
        if name in _NO_DISPLAY_PLATFORMS:
            return ""
        if name.startswith("wayland") and _wayland_socket(env):
            return ""
        if name == "xcb" and x_display and x_server_answers() is not False:
            return ""
        if not (name.startswith("wayland") or name == "xcb"):
            return ""  # a plugin we know nothing about: let Qt try
    wants_x = "xcb" in requested
    wants_wayland = any(name.startswith("wayland") for name in requested)
    if wants_x and x_display:
        missing = f"cannot open display {x_display!r} (DISPLAY is set but no X server answers)"
    elif wants_wayland and env.get("WAYLAND_DISPLAY"):
        missing = (f"no Wayland compositor at {env['WAYLAND_DISPLAY']!r} "
                   f"(WAYLAND_DISPLAY is set but its socket is missing)")
    elif wants_x and wants_wayland:
        missing = "no display found (DISPLAY and WAYLAND_DISPLAY are unset)"
    elif wants_x:
        missing = "no display found (QT_QPA_PLATFORM asks for xcb but DISPLAY is unset)"
    else:
        missing = "no display found (QT_QPA_PLATFORM asks for wayland but WAYLAND_DISPLAY is unset)"
    return f"losslab: error: {missing}; the app needs a desktop session — {HEADLESS_HINT}"
