"""The one UNO component of 公文助手: a ProtocolHandler for ``vnd.gongwen:`` URLs.

LibreOffice loads this file without a package, so it imports ``gongwen`` from
the extension's ``pythonpath/``. All it does is route a URL to
``gongwen.writer.commands.run`` and report the outcome; the work lives there.
"""

import sys
import traceback

import unohelper
from com.sun.star.frame import FeatureStateEvent, XDispatchProvider, XNotifyingDispatch
from com.sun.star.frame.DispatchResultState import FAILURE, SUCCESS
from com.sun.star.lang import XInitialization, XServiceInfo

IMPLEMENTATION_NAME = "org.gongwen.writer.ProtocolHandler"
SERVICE_NAMES = ("com.sun.star.frame.ProtocolHandler",)
PROTOCOL = "vnd.gongwen:"
# Status listeners of entries that have a checked state (the 版式 submenu), as
# (frame, listener, URL struct): told again after every command, since a Format may
# change which preset is current while the menu bar keeps listening.
_stateful = []


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
        self._run(url)
        _refresh(self.frame)

    def dispatchWithNotification(self, url, arguments, listener):
        ok, message = self._run(url)
        _refresh(self.frame)
        if listener is not None:
            event = uno_struct("com.sun.star.frame.DispatchResultEvent")
            event.Source = self
            event.State = SUCCESS if ok else FAILURE
            event.Result = message
            listener.dispatchFinished(event)

    def _run(self, url):
        try:
            from gongwen.writer import commands

            outcome = commands.run(self.ctx, self.frame, url.Complete)
            return outcome.ok, outcome.message
        except Exception:  # gongwen itself failed to load: commands.run reports the rest
            traceback.print_exc(file=sys.stderr)
            return False, "公文助手出错：" + traceback.format_exc(limit=1).strip().splitlines()[-1]

    def addStatusListener(self, listener, url):
        if _send_state(self, self.frame, listener, url):
            _stateful.append((self.frame, listener, url, self))

    def removeStatusListener(self, listener, url):
        _stateful[:] = [entry for entry in _stateful
                        if not (entry[1] == listener and entry[2].Complete == url.Complete)]


def _send_state(source, frame, listener, url):
    """Tells ``listener`` the entry's state; True when it has a checked state."""
    state = FeatureStateEvent()
    state.FeatureURL = url
    state.IsEnabled = True
    state.Source = source
    checked = _checked(frame, url)
    if checked is not None:
        state.State = checked
    listener.statusChanged(state)
    return checked is not None


def _checked(frame, url):
    try:
        from gongwen.writer import commands

        return commands.status(frame, url.Complete)
    except Exception:  # a menu must open even when the state cannot be had
        traceback.print_exc(file=sys.stderr)
        return None


def _refresh(frame):
    for entry in list(_stateful):
        owner, listener, url, source = entry
        try:
            if owner == frame:
                _send_state(source, owner, listener, url)
        except Exception:  # the menu or its frame is gone: forget the listener
            _stateful.remove(entry)


def uno_struct(type_name):
    import uno

    return uno.createUnoStruct(type_name)


g_ImplementationHelper = unohelper.ImplementationHelper()
g_ImplementationHelper.addImplementation(ProtocolHandler, IMPLEMENTATION_NAME, SERVICE_NAMES)
