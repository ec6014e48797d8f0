"""A real LibreOffice for the tests: headless soffice, a throwaway profile, gongwen.oxt installed.

Nothing here stands in for Writer: every call goes over a UNO pipe to a real soffice.
The process is the CLI's (:mod:`gongwen.soffice.office`: the same arguments, guard, group
kill and connect loop); this rig adds what only tests need: the extension installed, a
watchdog that kills a hung soffice, documents and commands run on soffice's main thread.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import NamedTuple, Optional

import uno
import unohelper
from com.sun.star.awt import XCallback
from com.sun.star.task import XInteractionHandler
from com.sun.star.ucb import XCommandEnvironment, XProgressHandler

from gongwen.soffice.office import (
    StartFailed,
    connect,
    kill_group,
    new_pipe_name,
    soffice_args,
    spawn_guarded,
    stop_guarded,
)

SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"
CONNECT_TIMEOUT_S = 60
# Free stand-ins for the official 公文 fonts (see the file): renders show 黑体 headings as
# sans, 楷体 as kai, body as serif, as they would with the real fonts installed.
FONTCONFIG = Path(__file__).resolve().parent.parent / "fontconfig" / "fonts.conf"
EXTENSION_ID = "org.gongwen.writer"
# A soffice that answers nothing for this long is hung and gets killed: the UNO call
# waiting on it then fails instead of blocking the run for ever (pytest-timeout cannot
# help there: its SIGALRM handler only runs once the blocked call returns). No real call
# of the tests comes near it; every answer, to any thread, restarts the count.
HANG_TIMEOUT_S = 120.0
PING_INTERVAL_S = 2.0
MAIN_LOOP_WAIT_S = 10.0  # one ping's wait for the main loop to run its callback
class OfficeError(RuntimeError):
    """soffice did not start, crashed, or refused a request."""


class DispatchResult(NamedTuple):
    ok: bool
    message: str


def props(**values) -> tuple:
    """Keyword arguments as a tuple of PropertyValue, the shape every UNO call wants."""
    result = []
    for name, value in values.items():
        prop = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
        prop.Name = name
        prop.Value = value
        result.append(prop)
    return tuple(result)


def body_paragraphs(document) -> list:
    """The body's paragraph objects in order (tables skipped)."""
    result = []
    enumeration = document.getText().createEnumeration()
    while enumeration.hasMoreElements():
        element = enumeration.nextElement()
        if element.supportsService("com.sun.star.text.Paragraph"):
            result.append(element)
    return result


class _Approve(unohelper.Base, XInteractionHandler):
    """Says yes to the license and any other question an extension install asks."""

    def handle(self, request):
        approve = uno.getTypeByName("com.sun.star.task.XInteractionApprove")
        for continuation in request.getContinuations():
            if continuation.queryInterface(approve):
                continuation.select()
                return


class _Silent(unohelper.Base, XProgressHandler):
    def push(self, status):
        pass

    def update(self, status):
        pass

    def pop(self):
        pass


class _CommandEnv(unohelper.Base, XCommandEnvironment):
    def getInteractionHandler(self):
        return _Approve()

    def getProgressHandler(self):
        return _Silent()


def _make_pytest_reprs_safe() -> None:
    """Has pytest write pyuno objects without asking them about themselves.

    pyuno's repr() asks the object for its services over the bridge; once soffice has
    died that C++ call throws through Python and aborts the interpreter (std::terminate).
    pytest repr()s a failing test's arguments (``writer_doc``) in its report, so a soffice
    crash in the middle of a test's call would take the whole run down unreported.
    (``reprlib`` looks for ``repr_<type name>``; pyuno objects' type is ``pyuno``.)
    """
    saferepr = sys.modules.get("_pytest._io.saferepr")
    if saferepr is not None and not hasattr(saferepr.SafeRepr, "repr_pyuno"):
        saferepr.SafeRepr.repr_pyuno = lambda self, obj, level: f"<pyuno object {id(obj):#x}>"


_make_pytest_reprs_safe()


def _write_stacks(group: int, log) -> None:
    """What a hung soffice.bin was waiting for, into ``log`` before the kill: the Python
    stacks of the extension's threads (faulthandler on SIGUSR1, registered by the extension
    when ``GONGWEN_FAULTHANDLER`` is set, as the rig sets it) and every thread's native
    stack (gdb, when installed)."""
    gdb = shutil.which("gdb") or "true"
    for entry in Path("/proc").iterdir():
        try:
            if not entry.name.isdigit() or os.getpgid(int(entry.name)) != group or \
                    (entry / "comm").read_text().strip() != "soffice.bin":
                continue
            # A stopped process (SIGSTOP, as test_rig freezes one) has no stack to tell of,
            # and gdb's detach would let it run on and answer the call it was killed for.
            if (entry / "stat").read_text().rsplit(")", 1)[1].split()[0] in ("T", "t"):
                continue
        except (OSError, ValueError):
            continue
        log.flush()
        try:
            os.kill(int(entry.name), signal.SIGUSR1)  # the extension's Python stacks
            time.sleep(1.0)
            subprocess.run([gdb, "-p", entry.name, "-batch", "-ex", "thread apply all bt 25"],
                           stdout=log, stderr=subprocess.DEVNULL, timeout=60)
        except subprocess.TimeoutExpired:
            pass


class _Watchdog:
    """Kills a soffice that stops answering (see ``HANG_TIMEOUT_S``).

    A pinger thread asks the toolkit how many windows it has and has soffice's main loop run
    a callback, so a deadlocked main thread counts as hung too; a long call of the test only
    delays the answer. (The Desktop's component list, pinged first, and then the window
    count alone, both answered through a deadlock between the main thread and a bridge
    thread: the run hung for good.) The watchdog never waits on soffice itself, so it
    always gets to kill.
    """

    def __init__(self, office: Office, process: subprocess.Popen, toolkit, async_callback):
        self.office = office
        self.process = process
        self.toolkit = toolkit
        self.async_callback = async_callback
        self.last_answer = time.monotonic()
        self._stopped = threading.Event()
        threading.Thread(target=self._watch, name="soffice-watchdog", daemon=True).start()

    def stop(self) -> None:
        self._stopped.set()

    def _watch(self) -> None:
        pinger: Optional[threading.Thread] = None
        while not self._stopped.wait(PING_INTERVAL_S):
            if self.process.poll() is not None:
                return  # gone on its own: the next call reports it
            if pinger is None or not pinger.is_alive():
                pinger = threading.Thread(target=self._ping, name="soffice-ping", daemon=True)
                pinger.start()
            silent = time.monotonic() - self.last_answer
            if silent > self.office.hang_timeout_s and not self._stopped.is_set():
                self.office.killed_as_hung = True
                with open(self.office.workdir / "soffice.log", "a") as log:
                    log.write(f"\nrig: soffice answered nothing for {silent:.0f} s; killed\n")
                    _write_stacks(self.process.pid, log)
                kill_group(self.process.pid)
                return

    def _ping(self) -> None:
        """An answer needs soffice's main loop: a callback posted through AsyncCallback must
        run. (The toolkit's window count alone kept answering while the main thread was
        deadlocked against a bridge thread, measured in the bridge stress test: the run
        hung for good.) A callback posted before the main loop runs is dropped by
        LibreOffice, so each ping waits a little and the next one posts again."""
        try:
            self.toolkit.getTopWindowCount()
            answer = _MainThreadCall(lambda: None)
            self.async_callback.addCallback(answer, None)
        except Exception:  # gone: the test's own call fails and says so
            return
        if answer.done.wait(MAIN_LOOP_WAIT_S):
            self.last_answer = time.monotonic()


class _MainThreadCall(unohelper.Base, XCallback):
    """What :meth:`Office.on_main_thread` hands to soffice's main loop."""

    def __init__(self, work) -> None:
        self.work = work
        self.done = threading.Event()
        self.result = None
        self.error: Optional[BaseException] = None

    def notify(self, _data) -> None:
        try:
            self.result = self.work()
        except BaseException as error:  # handed to the waiting caller
            self.error = error
        finally:
            self.done.set()


class Office:
    """One soffice process with its own profile; ``start`` installs the extension."""

    def __init__(self, oxt: Path, workdir: Optional[Path] = None, display: Optional[str] = None,
                 language: str = "en_US", own_fonts: bool = True):
        self.oxt = oxt
        self.workdir = Path(workdir or tempfile.mkdtemp(prefix="gongwen-office-"))
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.profile = self.workdir / "profile"
        self.config_home = self.workdir / "config"
        self.pipe = new_pipe_name()
        self.display = display  # None: headless; ":99": a real window under Xvfb
        # The UI language (and so the language of the extension's messages) follows the
        # locale; pin it so tests do not depend on the machine's LANG.
        self.language = language
        # own_fonts: the project's font mapping (tools/fontconfig); False: the fonts as a
        # stock system resolves them, as a user's machine does (the extension's own
        # replacement table then decides what stands in).
        self.own_fonts = own_fonts
        self.process: Optional[subprocess.Popen] = None
        self.hang_timeout_s = HANG_TIMEOUT_S  # read live by the watchdog
        self.killed_as_hung = False  # the watchdog killed the last soffice
        self._watchdog: Optional[_Watchdog] = None
        self._guard: Optional[subprocess.Popen] = None
        self.ctx = None
        self.smgr = None
        self.desktop = None

    # ---- lifecycle -------------------------------------------------------

    def start(self) -> Office:
        """Creates the profile, installs the .oxt, restarts so the toolbar and handler load."""
        try:
            self._launch()
            self._install_extension()
            self.stop()
            self._launch()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        try:
            if self.desktop is not None and self.process is not None:
                # Closed through the API first: with a real window, terminate() would ask
                # "Save changes?" about a modified document and wait for a click.
                for component in list(self._components()):
                    component.close(True)
                self.desktop.terminate()
        except Exception:  # already gone; the group kill below is what counts
            pass
        finally:  # even when interrupted (a pytest timeout is no Exception)
            self._kill()
            self.ctx = self.smgr = self.desktop = None

    def _components(self):
        enumeration = self.desktop.getComponents().createEnumeration()
        while enumeration.hasMoreElements():
            yield enumeration.nextElement()

    def is_alive(self) -> bool:
        if self.process is None or self.process.poll() is not None:
            return False
        try:
            self.desktop.getComponents()
            return True
        except Exception:
            return False

    def _launch(self) -> None:
        for _attempt in range(3):  # the first start of a new profile may exit (code 81)
            self._spawn()
            try:
                self._connect()
                return
            except OfficeError:
                self._kill()
        raise OfficeError(f"soffice did not accept a connection on pipe {self.pipe}")

    def _spawn(self) -> None:
        args = soffice_args(SOFFICE, self.profile.as_uri(), pipe=self.pipe,
                            headless=not self.display)
        # XDG_CONFIG_HOME: the extension's user presets folder
        # (gongwen.presets.config_dir) stays in the throwaway folder, not the tester's home
        # (the remembered 版式 choice is in the profile, throwaway too).
        env = dict(os.environ, LC_ALL=f"{self.language}.UTF-8", LANGUAGE=self.language,
                   FONTCONFIG_FILE=str(FONTCONFIG), XDG_CONFIG_HOME=str(self.config_home),
                   GONGWEN_FAULTHANDLER="1")
        if not self.own_fonts:
            env.pop("FONTCONFIG_FILE")
        if self.display:
            env["DISPLAY"] = self.display
        self.process, self._guard = spawn_guarded(args, env, self.workdir / "soffice.log")

    def _connect(self) -> None:
        try:
            self.ctx = connect(self.pipe, self.process, CONNECT_TIMEOUT_S)
        except StartFailed as error:
            raise OfficeError(str(error)) from None
        self.smgr = self.ctx.ServiceManager
        self.desktop = self.smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)
        self.killed_as_hung = False
        toolkit = self.smgr.createInstanceWithContext("com.sun.star.awt.Toolkit", self.ctx)
        async_callback = self.smgr.createInstanceWithContext("com.sun.star.awt.AsyncCallback",
                                                             self.ctx)
        self._watchdog = _Watchdog(self, self.process, toolkit, async_callback)

    def _kill(self) -> None:
        if self._watchdog is not None:
            self._watchdog.stop()
            self._watchdog = None
        process, guard, self.process, self._guard = self.process, self._guard, None, None
        stop_guarded(process, guard)

    # ---- the extension ---------------------------------------------------

    def extension_manager(self):
        return self.ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")

    def _install_extension(self) -> None:
        manager = self.extension_manager()
        manager.addExtension(self.oxt.resolve().as_uri(), (), "user",
                             manager.createAbortChannel(), _CommandEnv())

    def installed_extension_ids(self) -> list[str]:
        manager = self.extension_manager()
        deployed = manager.getDeployedExtensions("user", manager.createAbortChannel(),
                                                 _CommandEnv())
        return [package.getIdentifier().Value for package in deployed]

    def config(self, nodepath: str):
        """LibreOffice's configuration at ``nodepath``, read-only, as soffice merged it."""
        provider = self.smgr.createInstanceWithContext(
            "com.sun.star.configuration.ConfigurationProvider", self.ctx)
        return provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess", props(nodepath=nodepath))

    # ---- documents -------------------------------------------------------

    def _load(self, url: str, **options):
        options.setdefault("Hidden", True)
        document = self.desktop.loadComponentFromURL(url, "_blank", 0, props(**options))
        if document is None:
            raise OfficeError(f"soffice could not open {url}")
        return document

    def new_writer(self):
        return self._load("private:factory/swriter")

    def new_calc(self):
        return self._load("private:factory/scalc")

    def open(self, path: Path, filter_name: Optional[str] = None, **options):
        """Opens a private copy: LibreOffice leaves lock files beside what it opens, and a
        killed soffice leaves them for good, which makes the next headless load fail."""
        if filter_name:
            options["FilterName"] = filter_name
        folder = Path(tempfile.mkdtemp(prefix="open-", dir=self.workdir))
        copy = Path(shutil.copy(path, folder / Path(path).name))
        return self._load(copy.resolve().as_uri(), **options)

    def load_text(self, path: Path):
        """A UTF-8 .txt imported into Writer, one paragraph per line (a user's paste)."""
        return self.open(path, "Text (encoded)", FilterOptions="UTF8,LF,,,")

    def close(self, document) -> None:
        try:
            document.close(True)
        except Exception:  # already closed or soffice gone: nothing left to release
            pass

    def text(self, document) -> str:
        return document.getText().getString()

    def export_pdf(self, document, path: Path, blank_pages: bool = False) -> Path:
        """``blank_pages``: with the empty pages Writer inserts (before a page style for
        left pages only, as printing has them); the PDF export skips them by default."""
        options = {"FilterName": "writer_pdf_Export"}
        if blank_pages:
            options["FilterData"] = uno.Any("[]com.sun.star.beans.PropertyValue",
                                            props(IsSkipEmptyPages=False))
        document.storeToURL(Path(path).resolve().as_uri(), props(**options))
        return Path(path)

    def save_as(self, document, path: Path, filter_name: str = "MS Word 2007 XML") -> Path:
        document.storeToURL(Path(path).resolve().as_uri(), props(FilterName=filter_name))
        return Path(path)

    # ---- commands ----------------------------------------------------------

    def frame(self, document):
        return document.getCurrentController().getFrame()

    def dispatch(self, document, url: str) -> DispatchResult:
        """Runs a command on the document's frame as a toolbar click would: on soffice's
        main thread (:meth:`on_main_thread`)."""
        helper = self.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper",
                                                     self.ctx)
        frame = self.frame(document)
        event = self.on_main_thread(lambda: helper.executeDispatch(frame, url, "", 0, ()))
        if event is None or not hasattr(event, "State"):
            raise OfficeError(f"{url}: no dispatch result (is the extension installed?)")
        from com.sun.star.frame.DispatchResultState import SUCCESS

        return DispatchResult(event.State == SUCCESS, event.Result or "")

    def uno_dispatch(self, document, command: str, **arguments) -> None:
        """A LibreOffice command such as ``.uno:Undo`` (on soffice's main thread)."""
        helper = self.smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper",
                                                     self.ctx)
        frame = self.frame(document)
        self.on_main_thread(
            lambda: helper.executeDispatch(frame, command, "", 0, props(**arguments)))

    def on_main_thread(self, work):
        """``work()``'s result, with its calls into soffice carried out on soffice's main
        thread, where a click runs them.

        Called from a bridge thread, the extension's Python and soffice's main thread
        (binding a toolbar's status listeners, which calls the same Python) could each hold
        what the other waits for: the Python interpreter lock and the SolarMutex. Seen once:
        a scaffold insertion hung for good that way. So the main thread is asked, through
        AsyncCallback, to call back into this process; the calls ``work`` makes from that
        callback reach soffice as the main thread's own (URP keeps a call's thread).
        """
        callback = _MainThreadCall(work)
        self.smgr.createInstanceWithContext("com.sun.star.awt.AsyncCallback", self.ctx) \
            .addCallback(callback, None)
        while not callback.done.wait(PING_INTERVAL_S):
            if not self.is_alive():
                raise OfficeError("soffice died before the command ran")
        if callback.error is not None:
            raise callback.error
        return callback.result

    props = staticmethod(props)
