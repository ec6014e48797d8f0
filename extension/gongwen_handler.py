"""The UNO components of 公文助手: a ProtocolHandler for ``vnd.gongwen:`` URLs, the job
that puts the save/export/print guard on every Writer frame, and the grammar checker of
边写边查 (``org.gongwen.writer.Proofreader``, in ``gongwen.writer.proofreader``).

LibreOffice loads this file without a package, so it imports ``gongwen`` from
the extension's ``pythonpath/``. All it does is route a URL to
``gongwen.writer.commands.run`` and report the outcome, and hand a job's event to
``gongwen.writer.guard``; the work lives there.

Threads: LibreOffice calls this component from its main thread (a click, a toolbar binding
its controllers) and from others (a script's dispatch or load over a UNO bridge runs on a
bridge thread). Whatever touches a document or a frame runs on the main thread
(``gongwen.writer.mainthread``): a dispatch hands its command over and waits for it, a job
or a status request hands its work over and returns.
"""

import os
import sys
import traceback

import unohelper
from com.sun.star.frame import FeatureStateEvent, XDispatchProvider, XNotifyingDispatch
from com.sun.star.frame.DispatchResultState import FAILURE, SUCCESS
from com.sun.star.lang import XInitialization, XServiceInfo
from com.sun.star.task import XJob

IMPLEMENTATION_NAME = "org.gongwen.writer.ProtocolHandler"
SERVICE_NAMES = ("com.sun.star.frame.ProtocolHandler",)
PROTOCOL = "vnd.gongwen:"
JOB_IMPLEMENTATION_NAME = "org.gongwen.writer.GuardJob"
JOB_SERVICE_NAMES = ("com.sun.star.task.Job",)

# Status listeners of menu entries that show a check mark (the 版式 submenu, the guard's
# on/off), across all frames: (frame, listener, URL, source). Told again after a command
# (see _refresh).
_stateful = []


try:  # cyclic garbage is collected on the main thread only (gongwen.writer.mainthread)
    from gongwen.writer import mainthread as _mainthread

    _mainthread.collect_on_main_thread_only()
except Exception:
    traceback.print_exc(file=sys.stderr)

if os.environ.get("GONGWEN_FAULTHANDLER"):  # the test rig: Python stacks on SIGUSR1
    import faulthandler
    import signal

    faulthandler.register(signal.SIGUSR1, all_threads=True)


def _command_name(complete_url):
    """``vnd.gongwen:InsertScaffold?type=x`` -> ``InsertScaffold``."""
    return complete_url[len(PROTOCOL):].split("?", 1)[0]


class ProtocolHandler(unohelper.Base, XInitialization, XDispatchProvider, XServiceInfo):
    def __init__(self, ctx, *args):
        self.ctx = ctx
        self.frame = None

    # XInitialization: LibreOffice passes the frame the handler serves.
    def initialize(self, args):
        if args:
            self.frame = args[0]
            _install_guard(self.ctx, self.frame)
            _remember_proofing_setting(self.ctx)

    # XDispatchProvider
    def queryDispatch(self, url, target_frame_name, search_flags):
        from gongwen.writer import commands

        if url.Complete.startswith(PROTOCOL) and commands.is_command(_command_name(url.Complete)):
            return Dispatcher(self.ctx, self.frame)
        return None

    def queryDispatches(self, requests):
        return tuple(self.queryDispatch(r.FeatureURL, r.FrameName, r.SearchFlags) for r in requests)

    # XServiceInfo
    def getImplementationName(self):
        return IMPLEMENTATION_NAME

    def supportsService(self, name):
        return name in SERVICE_NAMES

    def getSupportedServiceNames(self):
        return SERVICE_NAMES


class Dispatcher(unohelper.Base, XNotifyingDispatch):
    """Runs one command; the result event carries the message shown to the user."""

    def __init__(self, ctx, frame):
        self.ctx = ctx
        self.frame = frame

    def dispatch(self, url, arguments):
        self._on_main_thread(url.Complete)

    def dispatchWithNotification(self, url, arguments, listener):
        ok, message = self._on_main_thread(url.Complete)
        if listener is not None:
            event = uno_struct("com.sun.star.frame.DispatchResultEvent")
            event.Source = self
            event.State = SUCCESS if ok else FAILURE
            event.Result = message
            listener.dispatchFinished(event)

    def _on_main_thread(self, complete_url):
        """The command's (ok, message), run on the main thread (this one, or handed over)."""
        try:
            from gongwen.writer import mainthread

            return mainthread.call(self.ctx, lambda: self._run(complete_url))
        except Exception:  # gongwen itself failed to load, or the main thread never came
            return _failure()

    def _run(self, complete_url):
        try:
            from gongwen.writer import commands

            outcome = commands.run(self.ctx, self.frame, complete_url)
            _refresh(self.ctx, self.frame, _command_name(complete_url))
            return outcome.ok, outcome.message
        except Exception:  # commands.run reports its own failures: this is gongwen's loading
            return _failure()

    def addStatusListener(self, listener, url):
        # Reads the document (the 版式 check mark): on the main thread, where LibreOffice
        # asks from anyway; from another thread it is answered a moment later.
        def send():
            if _send_state(self.ctx, self, self.frame, listener, url):
                _stateful.append((self.frame, listener, url, self))

        _main_thread_later(self.ctx, send)

    def removeStatusListener(self, listener, url):
        _stateful[:] = [entry for entry in _stateful
                        if not (entry[1] == listener and entry[2].Complete == url.Complete)]


def _failure():
    traceback.print_exc(file=sys.stderr)
    return False, "公文助手出错：" + traceback.format_exc(limit=1).strip().splitlines()[-1]


def _main_thread_later(ctx, work):
    """``work()`` now when on the main thread, else soon on it; never in a caller's way."""
    try:
        from gongwen.writer import mainthread

        if mainthread.is_main_thread():
            work()
        else:
            mainthread.later(ctx, work)
    except Exception:
        traceback.print_exc(file=sys.stderr)


def _send_state(ctx, source, frame, listener, url):
    """Tells ``listener`` the entry's state; True when it has a check mark to show."""
    state = FeatureStateEvent()
    state.FeatureURL = url
    state.IsEnabled = True
    state.Source = source
    checked = _checked(ctx, frame, url)
    if checked is not None:
        state.State = checked  # a bool: the menu shows the entry checkable, and checked
    listener.statusChanged(state)
    return checked is not None


def _checked(ctx, frame, url):
    try:
        from gongwen.writer import commands

        return commands.status(ctx, frame, url.Complete)
    except Exception:  # a menu must open even when the state cannot be had
        traceback.print_exc(file=sys.stderr)
        return None


def _refresh(ctx, frame, name):
    """After a command: this window's entries (a Format may change its 版式 check mark), and
    the command's own entries in every window (the guard's switch holds for all). Other
    windows' menus are left alone (the suite once hung in a dispatch that told them all)."""
    for entry in list(_stateful):
        owner, listener, url, source = entry
        if owner != frame and _command_name(url.Complete) != name:
            continue
        try:
            _send_state(ctx, source, owner, listener, url)
        except Exception:  # the menu or its frame is gone: forget the listener
            _stateful.remove(entry)


class GuardJob(unohelper.Base, XJob, XServiceInfo):
    """Run by LibreOffice on the document events Jobs.xcu names: guards the frame."""

    def __init__(self, ctx, *args):
        self.ctx = ctx

    def execute(self, arguments):
        """Never does the work here: a script's load runs this on a bridge thread (where it
        once deadlocked soffice), and the main thread may be the caller, inside a load. The
        frame is guarded a moment later, from the main loop."""
        try:
            from gongwen.writer import guard, mainthread

            frame = guard.frame_of_job(arguments)
            ctx = self.ctx
            mainthread.later(ctx, lambda: guard.install_with_sweep(ctx, frame))
        except Exception:  # never in the way of opening a document
            traceback.print_exc(file=sys.stderr)
        _remember_proofing_setting(self.ctx)
        return ()

    def getImplementationName(self):
        return JOB_IMPLEMENTATION_NAME

    def supportsService(self, name):
        return name in JOB_SERVICE_NAMES

    def getSupportedServiceNames(self):
        return JOB_SERVICE_NAMES


def _install_guard(ctx, frame):
    """A new handler's frame, and the desktop's other frames: from the main loop (a script's
    dispatch creates handlers on a bridge thread)."""
    try:
        from gongwen.writer import guard, mainthread

        mainthread.later(ctx, lambda: guard.install_with_sweep(ctx, frame))
    except Exception:  # the commands work without the guard
        traceback.print_exc(file=sys.stderr)


def _remember_proofing_setting(ctx):
    """The checking thread must not read the configuration itself: hand it the switch."""
    try:
        from gongwen.writer import proofreader

        proofreader.remember_setting(ctx)
    except Exception:  # the commands work without 边写边查
        traceback.print_exc(file=sys.stderr)


def uno_struct(type_name):
    import uno

    return uno.createUnoStruct(type_name)


g_ImplementationHelper = unohelper.ImplementationHelper()
g_ImplementationHelper.addImplementation(ProtocolHandler, IMPLEMENTATION_NAME, SERVICE_NAMES)
g_ImplementationHelper.addImplementation(GuardJob, JOB_IMPLEMENTATION_NAME, JOB_SERVICE_NAMES)
try:  # the grammar checker's class lives with the glue; the handler works without it
    from gongwen.writer.proofreader import IMPLEMENTATION_NAME as PROOFREADER_NAME
    from gongwen.writer.proofreader import SERVICE_NAMES as PROOFREADER_SERVICES
    from gongwen.writer.proofreader import Proofreader

    g_ImplementationHelper.addImplementation(Proofreader, PROOFREADER_NAME, PROOFREADER_SERVICES)
except Exception:
    traceback.print_exc(file=sys.stderr)
