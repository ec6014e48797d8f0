"""Work that touches documents or frames runs on LibreOffice's main thread, and only there.

LibreOffice calls the extension from other threads too: a script's dispatch over a UNO
bridge, the guard's job when a script loads a document, a Python timer. There, pyuno keeps
Python's lock (the GIL) across some of its calls into Writer (attribute look-ups go
through introspection and property-set info without letting go), which wait for the
SolarMutex; the main thread, holding the SolarMutex, may be waiting for the GIL (binding
a toolbar's controllers calls the extension's ``queryDispatch``). Seen: soffice hung for
good, once in 25 scripted loads (issue 19; docs/LO_NOTES.md).

Python's cyclic garbage collector is the other way in: it runs in whichever thread
allocates past its threshold, and finalizing a pyuno callable that wraps a Writer object
releases that object with the GIL held, which waits for the SolarMutex. Measured (the
bridge stress test, faulthandler + gdb): the main thread, starting a ``threading.Timer``,
waited for the new thread's bootstrap, which had started a collection and waited for the
SolarMutex the main thread held. So :func:`collect_on_main_thread_only` switches the
automatic collector off for soffice's Python (the extension calls it when LibreOffice loads
it) and :func:`collect` does the same work on the main thread: after every hand-over and
every command, when as many objects were allocated as would have started a collection.

So an entry point that may run off the main thread hands its work over
(``com.sun.star.awt.AsyncCallback``, whose ``notify`` LibreOffice runs from its main loop)
and either returns at once (:func:`later`: jobs, the status bar's timer) or waits without
holding the GIL (:func:`call`: a dispatch, whose caller waits for its result anyway).
"""

from __future__ import annotations

import gc
import os
import sys
import threading
import traceback
from typing import Callable, Optional

import unohelper
from com.sun.star.awt import XCallback

# A callback not started after this long: the main loop is not running (start-up, shut-down)
# or is stuck; the waiting thread gives up rather than hang with it.
START_TIMEOUT_S = 60.0

_main_ident: Optional[int] = None  # learnt from the first callback (the main thread runs it)


def is_main_thread() -> bool:
    """True on LibreOffice's main (VCL) thread. On Linux that thread's id is the process id;
    elsewhere the first callback tells (until then: assumed, the behaviour before)."""
    if _main_ident is not None:
        return threading.get_ident() == _main_ident
    native = getattr(threading, "get_native_id", None)
    if sys.platform.startswith("linux") and native is not None:
        return native() == os.getpid()
    return True


class MainThreadBusy(RuntimeError):
    """The main thread did not take the work within :data:`START_TIMEOUT_S`."""


class _Work(unohelper.Base, XCallback):
    def __init__(self, work: Callable[[], object]) -> None:
        self.work = work
        self.started = threading.Event()
        self.done = threading.Event()
        self.result: object = None
        self.error: Optional[BaseException] = None
        self.abandoned = False  # the caller gave up waiting: too late to run it

    def notify(self, _data) -> None:
        global _main_ident
        _main_ident = threading.get_ident()
        self.started.set()
        if self.abandoned:
            self.done.set()
            return
        try:
            self.result = self.work()
        except BaseException as error:  # handed to the caller, or logged
            self.error = error
        finally:
            self.done.set()
            collect()


def _post(ctx, work: _Work) -> None:
    ctx.ServiceManager.createInstanceWithContext(
        "com.sun.star.awt.AsyncCallback", ctx).addCallback(work, None)


class _Logged:
    """A :func:`later` job: its errors go to soffice's log, as a job's always did."""

    def __init__(self, work: Callable[[], object]) -> None:
        self.work = work

    def __call__(self) -> None:
        try:
            self.work()
        except Exception:
            traceback.print_exc(file=sys.stderr)


def later(ctx, work: Callable[[], object]) -> None:
    """Runs ``work`` on the main thread soon, and returns at once (from any thread)."""
    _post(ctx, _Work(_Logged(work)))


def call(ctx, work: Callable[[], object]):
    """``work()``'s result, run on the main thread: directly when already there, else
    handed over while this thread waits (without the GIL, so the main thread can run)."""
    if is_main_thread():
        return work()
    job = _Work(work)
    _post(ctx, job)
    if not job.started.wait(START_TIMEOUT_S):
        job.abandoned = True
        raise MainThreadBusy("LibreOffice's main thread did not answer")
    job.done.wait()
    if job.error is not None:
        raise job.error
    return job.result


def collect_on_main_thread_only() -> None:
    """No automatic collection in soffice's Python from now on: :func:`collect` does it, on
    the main thread (see the module docstring)."""
    gc.disable()


def collect() -> None:
    """On the main thread, a collection when the automatic one would have run by now (it
    is off: :func:`collect_on_main_thread_only`); elsewhere nothing."""
    if gc.isenabled() or not is_main_thread():
        return
    if gc.get_count()[0] >= gc.get_threshold()[0]:
        gc.collect()
