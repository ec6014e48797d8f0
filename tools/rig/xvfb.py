"""A private X server for looking at Writer: Xvfb picks a free display itself.

Picking a number by looking for ``/tmp/.X<N>-lock`` failed in CI: a server killed with
SIGKILL leaves its lock behind, and after twenty runs on the same machine every number
tried was "taken". ``-displayfd`` lets the server take the first display that is really
free (it clears stale locks) and tell us which; SIGTERM lets it remove its lock on the way out.
The number comes in two writes, "0" and then "\n": closing the pipe after the first one
killed the server ("Cannot write display number to fd 16", 1 run in 4 here), so the
whole line is read.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import time
from typing import Optional, Tuple

START_TIMEOUT_S = 20.0


class Xvfb:
    """``with Xvfb((1400, 900)) as x:`` … ``x.display`` is ``":N"``."""

    def __init__(self, size: Tuple[int, int]) -> None:
        self.size = size
        self.display = ""
        self.process: Optional[subprocess.Popen] = None

    def start(self) -> Xvfb:
        read_end, write_end = os.pipe()
        try:
            self.process = subprocess.Popen(
                ["Xvfb", "-displayfd", str(write_end), "-screen", "0",
                 f"{self.size[0]}x{self.size[1]}x24", "-nolisten", "tcp",
                 # Without it the server resets when its last client goes: the rig's
                 # restart after installing the .oxt then met "Can't open display" (seen
                 # several times here, 17:30-17:50 on 2026-12-07)
                 "-noreset"],
                pass_fds=(write_end,), start_new_session=True,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            os.close(write_end)
            write_end = -1
            number = _read_line(read_end, START_TIMEOUT_S)
        finally:
            os.close(read_end)
            if write_end >= 0:
                os.close(write_end)
        if not number.isdigit():
            self.stop()
            raise RuntimeError("Xvfb did not start (no display number within "
                               f"{START_TIMEOUT_S:.0f} s)")
        self.display = f":{number}"
        return self

    def stop(self) -> None:
        if self.process is None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        except ProcessLookupError:
            pass
        self.process = None

    def __enter__(self) -> Xvfb:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def _read_line(fd: int, timeout_s: float) -> str:
    """What is written to ``fd`` up to its first newline ("" when none comes in time)."""
    deadline = time.monotonic() + timeout_s
    data = b""
    while not data.endswith(b"\n"):
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        chunk = os.read(fd, 16) if ready else b""
        if not chunk:
            return ""
        data += chunk
    return data.decode().strip()
