"""LibreOffice headless for the batch: other word-processor files to .docx, .docx to PDF.

One :class:`Office` serves a whole batch. Its soffice starts on the first conversion (a
batch of .docx files never starts one), runs in a throwaway profile and in its own process
group, and is stopped by :meth:`Office.close`, by ``atexit`` and by SIGINT/SIGTERM/SIGHUP,
so no ``soffice.bin`` and no profile outlives the command; a ``sh`` guard kills the group
even when the command itself is killed with SIGKILL. Every file is copied into the
private work folder before soffice opens it, so no ``.~lock.NAME#`` ever appears beside a
user's file.

Two ways to talk to soffice:

- **UNO** (``import uno`` works: Debian's python3-uno, which the set-up's venv sees): soffice
  listens on a private pipe; each conversion is a load (``Hidden``, ``ReadOnly``, no
  ``Password``, an interaction handler that aborts and remembers a password request, so a
  password dialog can never wait) and a ``storeToURL``. Each call runs in a worker thread
  the main thread waits on: a call that takes longer than the timeout kills the group, the
  file fails, and the next file starts a fresh soffice. ``Ctrl+C`` is handled at once too.
- **Subprocess** (no ``uno``: gongwen pip-installed into a plain venv): one
  ``soffice --headless --convert-to`` per file, same profile, same group and timeout
  handling. Slower (soffice starts for every file) and a password prompt shows up only as
  "nothing was written", but it needs nothing but the soffice binary.

Why not the ``unoserver`` package: see docs/HACKING.md (it listens on TCP ports, sleeps
7 s at start, leaves soffice.bin behind when its ``libreoffice`` script is killed, and a
conversion timeout exits the whole server).
"""

from __future__ import annotations

import atexit
import itertools
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import uuid
import weakref
from pathlib import Path
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Set, Tuple
from xml.sax.saxutils import escape

from gongwen import fontconfig, spec
from gongwen.input_files import InputError, say

SOFFICE_ENV = "GONGWEN_SOFFICE"  # the soffice to run; default: the one on PATH
CONVERSION_TIMEOUT_S = 60.0
START_TIMEOUT_S = 60.0
# Export filters by output suffix (.doc, .rtf and .odt: for making test and bench files).
FILTERS = {".docx": "MS Word 2007 XML", ".pdf": "writer_pdf_Export", ".doc": "MS Word 97",
           ".rtf": "Rich Text Format", ".odt": "writer8"}
# Kills the soffice group when the Python process ($0) dies without stopping it (SIGKILL),
# and then removes the cleanup folder ($2, when given) too; when soffice ($1) exits first,
# it just ends. The CLI and the test rig (tools/rig/office.py) both spawn through it.
_GUARD = ('while kill -0 "$0" 2>/dev/null && kill -s 0 -- "-$1" 2>/dev/null; do sleep 1; done; '
          'kill -s KILL -- "-$1" 2>/dev/null; '
          '[ -z "$2" ] || kill -0 "$0" 2>/dev/null || rm -rf -- "$2"')
_LIVE: weakref.WeakSet[Office] = weakref.WeakSet()
_SIGNALS = ("SIGINT", "SIGTERM", "SIGHUP")


class OfficeMissing(InputError):
    """No soffice on this machine: only .docx (and .txt) inputs can be used."""


class ConversionFailed(InputError):
    """soffice could not read or write one file; ``str()`` is the one-line reason."""


def find_soffice() -> Optional[str]:
    """``$GONGWEN_SOFFICE``, else ``soffice`` on PATH, else Debian's place, else None."""
    configured = os.environ.get(SOFFICE_ENV)
    if configured is not None:
        return configured if configured and shutil.which(configured) else None
    for candidate in ("soffice", "libreoffice", "/usr/lib/libreoffice/program/soffice"):
        found = shutil.which(candidate)
        if found:
            return found
    return None


def uno_available() -> bool:
    try:
        import uno  # noqa: F401
    except ImportError:
        return False
    return True


def kill_group(pid: int) -> None:
    """SIGKILL to the process group ``pid`` leads (soffice's script and its soffice.bin)."""
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


# ---- the soffice process: one driver for the CLI and the test rig ---------------------

class StartFailed(RuntimeError):
    """soffice exited, its bridge died, or it did not accept the pipe in time (English,
    for logs and the rig; the CLI says ``office_start_failed`` instead)."""


def soffice_args(soffice: str, profile_url: str, pipe: Optional[str] = None,
                 headless: bool = True, convert: Sequence[str] = ()) -> List[str]:
    """The command line of a soffice with its own profile (``profile_url``): listening on a
    UNO ``pipe`` (no start centre: ``--nodefault``), or running ``convert``'s
    ``--convert-to …`` arguments and exiting. ``headless=False``: a real window (the rig
    under Xvfb)."""
    args = [soffice] + (["--headless"] if headless else []) + [
        "--invisible", "--norestore", "--nolockcheck", "--nologo", "--nofirststartwizard",
        f"-env:UserInstallation={profile_url}"]
    if pipe is not None:
        args += ["--nodefault", f"--accept=pipe,name={pipe};urp;"]
    return args + list(convert)


def new_pipe_name() -> str:
    """A pipe name no other soffice of this machine uses."""
    return f"gongwen_{os.getpid()}_{uuid.uuid4().hex[:8]}"


def spawn_guarded(args: Sequence[str], env: Mapping[str, str], log: Path,
                  cleanup_dir: Optional[Path] = None
                  ) -> Tuple[subprocess.Popen, subprocess.Popen]:
    """(soffice, its guard): soffice in a session (so a process group) of its own, its
    output appended to ``log``; the ``sh`` guard kills that group when this Python process
    dies without :func:`stop_guarded` (SIGKILL), and removes ``cleanup_dir`` then."""
    with open(str(log), "ab") as out:
        process = subprocess.Popen(list(args), stdin=subprocess.DEVNULL, stdout=out,
                                   stderr=out, env=dict(env), start_new_session=True)
    guard = subprocess.Popen(["sh", "-c", _GUARD, str(os.getpid()), str(process.pid),
                              str(cleanup_dir) if cleanup_dir is not None else ""],
                             stdin=subprocess.DEVNULL, start_new_session=True)
    return process, guard


def stop_guarded(process: Optional[subprocess.Popen], guard: Optional[subprocess.Popen],
                 wait_s: float = 15.0) -> None:
    """Kills soffice's whole group (the ``soffice`` script starts ``soffice.bin`` as a
    child that would outlive it), waits for it, and ends the guard."""
    if process is not None:
        kill_group(process.pid)
        try:
            process.wait(timeout=wait_s)
        except subprocess.TimeoutExpired:
            pass
    if guard is not None:
        guard.kill()
        guard.wait()


def connect(pipe: str, process: subprocess.Popen, timeout_s: float = START_TIMEOUT_S,
            poll_s: float = 0.2) -> Any:
    """soffice's component context over the UNO ``pipe``, retried until it listens;
    StartFailed when the process exits first, the bridge dies (a first start of a new
    profile exits with code 81) or ``timeout_s`` passes."""
    import uno
    from com.sun.star.connection import NoConnectException

    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local)
    url = f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext"
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise StartFailed(f"soffice exited with code {process.returncode}")
        try:
            return resolver.resolve(url)
        except NoConnectException:
            time.sleep(poll_s)
        except Exception as error:  # the bridge died: a first start exiting with 81
            raise StartFailed(f"soffice went away while connecting: {error}") from None
    raise StartFailed(f"timed out connecting to soffice on pipe {pipe}")


class Office:
    """The soffice of one batch; use as a context manager, or call :meth:`close`."""

    def __init__(self, timeout_s: float = CONVERSION_TIMEOUT_S,
                 use_uno: Optional[bool] = None) -> None:
        self.timeout_s = timeout_s
        self.use_uno = uno_available() if use_uno is None else use_uno
        self.workdir: Optional[Path] = None
        self.process: Optional[subprocess.Popen] = None
        self._guard: Optional[subprocess.Popen] = None
        self._desktop: Any = None
        self._jobs = itertools.count(1)
        self.starts = 0  # how many times soffice was started (tests, bench)

    # ---- public -------------------------------------------------------------------

    def convert(self, source: Path, target: Path) -> None:
        """Write ``target`` (.docx or .pdf, by its suffix) from ``source``, any document
        soffice reads. ConversionFailed (an InputError) says why a file could not be done;
        ``target`` is then not written. ``target`` may be any name (a temporary one)."""
        filter_name = FILTERS[_target_kind(target)]
        soffice = find_soffice()
        if soffice is None:
            raise OfficeMissing(say("office_missing"))
        job = self._job_dir()
        copy = job / ("in" + source.suffix.lower())
        shutil.copyfile(str(source), str(copy))
        try:
            if self.use_uno:
                produced = job / ("out" + target.suffix)
                self._convert_uno(soffice, copy, produced, filter_name)
            else:
                produced = self._convert_subprocess(soffice, copy, job, filter_name)
            if not produced.is_file() or produced.stat().st_size == 0:
                raise ConversionFailed(say("office_unreadable"))
            shutil.move(str(produced), str(target))
        finally:
            shutil.rmtree(str(job), ignore_errors=True)

    def close(self) -> None:
        """Stop soffice (if it runs) and remove the profile; safe to call twice."""
        self._stop_process()
        if self.workdir is not None:
            shutil.rmtree(str(self.workdir), ignore_errors=True)
            self.workdir = None
        _LIVE.discard(self)

    def __enter__(self) -> Office:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    # ---- the private folder --------------------------------------------------------

    def private_folder(self) -> Path:
        """A new folder inside the work folder (removed with it, even after a SIGKILL)."""
        return self._job_dir()

    def _job_dir(self) -> Path:
        if self.workdir is None:
            self.workdir = Path(tempfile.mkdtemp(prefix="gongwen-office-"))
            _LIVE.add(self)
            _install_cleanup()
            seed_profile(self.workdir / "profile")
        job = self.workdir / f"job{next(self._jobs)}"
        job.mkdir()
        return job

    @property
    def _profile_url(self) -> str:
        assert self.workdir is not None
        return (self.workdir / "profile").as_uri()

    def _spawn(self, args: List[str]) -> subprocess.Popen:
        assert self.workdir is not None
        # soffice keeps its temporary folder (lu*.tmp) in TMPDIR and leaves it when killed:
        # inside the work folder, it goes with it.
        temp = self.workdir / "tmp"
        temp.mkdir(exist_ok=True)
        env = dict(os.environ, TMPDIR=str(temp))
        process, self._guard = spawn_guarded(args, env, self.workdir / "soffice.log",
                                             cleanup_dir=self.workdir)
        return process

    def _stop_process(self) -> None:
        process, self.process, self._desktop = self.process, None, None
        guard, self._guard = self._guard, None
        stop_guarded(process, guard)

    # ---- subprocess: soffice --convert-to ----------------------------------------

    def _convert_subprocess(self, soffice: str, copy: Path, job: Path, filter_name: str
                            ) -> Path:
        extension = next(suffix for suffix, name in FILTERS.items() if name == filter_name)[1:]
        self.process = self._spawn(soffice_args(
            soffice, self._profile_url,
            convert=["--convert-to", f"{extension}:{filter_name}", "--outdir", str(job / "out"),
                     str(copy)]))
        self.starts += 1
        try:
            self.process.wait(timeout=self.timeout_s + START_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            raise ConversionFailed(say("office_timeout", seconds=self.timeout_s)) from None
        finally:
            self._stop_process()
        return job / "out" / f"{copy.stem}.{extension}"

    # ---- UNO: one soffice on a pipe ------------------------------------------------

    def _convert_uno(self, soffice: str, copy: Path, out: Path, filter_name: str) -> None:
        if not self._answers():
            self._start_uno(soffice)
        handler = _abort_handler()
        self._call(lambda: _load_and_store(self._desktop, copy, out, filter_name, handler),
                   handler)

    def _answers(self) -> bool:
        if not self.running or self._desktop is None:
            return False
        try:
            self._call(self._desktop.getComponents, None, timeout_s=10.0)
            return True
        except ConversionFailed:
            return False

    def _start_uno(self, soffice: str) -> None:
        self._stop_process()
        for _attempt in range(3):  # the first start of a new profile may exit (code 81)
            pipe = new_pipe_name()
            self.process = self._spawn(soffice_args(soffice, self._profile_url, pipe=pipe))
            self.starts += 1
            try:
                context = connect(pipe, self.process)
            except StartFailed:
                self._stop_process()
                continue
            self._desktop = context.ServiceManager.createInstanceWithContext(
                "com.sun.star.frame.Desktop", context)
            return
        raise ConversionFailed(say("office_start_failed"))

    def _call(self, work: Callable[[], Any], handler: Any,
              timeout_s: Optional[float] = None) -> Any:
        """``work()`` in a worker thread. The main thread waits in short, interruptible
        steps (a signal gets handled at once, not after soffice answers) and kills the
        soffice group when the call takes longer than the timeout."""
        outcome: dict = {}

        def worker() -> None:
            try:
                outcome["value"] = work()
            except BaseException as error:  # handed to the waiting thread
                outcome["error"] = error

        thread = threading.Thread(target=worker, name="gongwen-soffice-call", daemon=True)
        thread.start()
        thread.join(self.timeout_s if timeout_s is None else timeout_s)
        if thread.is_alive():
            self._stop_process()  # the blocked call fails once the bridge is gone
            raise ConversionFailed(say("office_timeout", seconds=self.timeout_s))
        error = outcome.get("error")
        if error is not None:
            if handler is not None and handler.password:
                raise ConversionFailed(say("office_password")) from None
            if isinstance(error, InputError):
                raise error
            if not self._process_alive():
                self._stop_process()
                raise ConversionFailed(say("office_crashed")) from None
            raise ConversionFailed(say("office_unreadable")) from None
        return outcome.get("value")

    def _process_alive(self) -> bool:
        return self.process is not None and self.process.poll() is None


# The font replacement table the Writer extension keeps (gongwen.writer.fonts), as the
# profile's own settings: the PDFs soffice writes here draw a missing official font with
# the same free stand-in as Writer does, not fontconfig's default sans.
_REGISTRY_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<oor:items '
                  'xmlns:oor="http://openoffice.org/2001/registry" '
                  'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
                  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n')
_SUBSTITUTION = "/org.openoffice.Office.Common/Font/Substitution"


def font_replacements(installed: Optional[Set[str]]) -> Dict[str, str]:
    """Each official name missing here → its best installed stand-in (none: no entry)."""
    if not installed:
        return {}
    lowered = {name.lower() for name in installed}
    found = {name: spec.font_stand_in(name, lowered) for name in spec.REPLACED_FONT_NAMES
             if name.lower() not in lowered}
    return {name: stand_in for name, stand_in in found.items() if stand_in}


def seed_profile(profile: Path, installed: Optional[Set[str]] = None) -> None:
    """Writes the replacement table into a new profile's registrymodifications.xcu (read
    when soffice starts). ``installed``: the font families (default: fontconfig's)."""
    if installed is None:
        installed = set(fontconfig.families() or ())
    table = font_replacements(installed)
    if not table:
        return
    items = [f'<item oor:path="{_SUBSTITUTION}"><prop oor:name="Replacement" oor:op="fuse">'
             '<value>true</value></prop></item>\n']
    for number, (name, stand_in) in enumerate(table.items(), 1):
        props = "".join(f'<prop oor:name="{key}" oor:op="fuse"><value>{escape(value)}'
                        '</value></prop>'
                        for key, value in (("ReplaceFont", name), ("SubstituteFont", stand_in),
                                           ("Always", "true"), ("OnScreenOnly", "false")))
        items.append(f'<item oor:path="{_SUBSTITUTION}/FontPairs"><node '
                     f'oor:name="gongwen-{number}" oor:op="replace">{props}</node></item>\n')
    user = profile / "user"
    user.mkdir(parents=True, exist_ok=True)
    (user / "registrymodifications.xcu").write_text(
        _REGISTRY_HEAD + "".join(items) + "</oor:items>\n", encoding="utf-8")


def _target_kind(target: Path) -> str:
    name = target.name.lower()
    for suffix in FILTERS:
        if name.endswith(suffix) or name.endswith(suffix + ".tmp"):
            return suffix
    raise ValueError(f"cannot convert to {target.name}")


def _props(**values: Any) -> tuple:
    import uno

    result = []
    for name, value in values.items():
        prop = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
        prop.Name, prop.Value = name, value
        result.append(prop)
    return tuple(result)


def _load_and_store(desktop: Any, source: Path, target: Path, filter_name: str,
                    handler: Any) -> None:
    # No Password property at all, and a handler that aborts: a protected file fails now
    # instead of waiting for a password dialog nobody sees.
    document = desktop.loadComponentFromURL(
        source.resolve().as_uri(), "_blank", 0,
        _props(Hidden=True, ReadOnly=True, InteractionHandler=handler))
    if document is None:
        if handler.password:
            raise ConversionFailed(say("office_password"))
        raise ConversionFailed(say("office_unreadable"))
    try:
        if not document.supportsService("com.sun.star.text.TextDocument"):
            raise ConversionFailed(say("office_not_text"))
        document.storeToURL(target.resolve().as_uri(), _props(FilterName=filter_name))
    finally:
        try:
            document.close(True)
        except Exception:  # already disposed: nothing to release
            pass


def _abort_handler() -> Any:
    """An XInteractionHandler that answers every question with Abort (or Disapprove) and
    remembers whether a password was asked for.

    A password request is told by its continuations (it offers XInteractionPassword): the
    request itself cannot be read, as pyuno on Python 3.11 fails to convert a UNO exception
    (``request.getRequest()`` raises SystemError).
    """
    import uno
    import unohelper
    from com.sun.star.task import XInteractionHandler

    password_type = uno.getTypeByName("com.sun.star.task.XInteractionPassword")

    class AbortHandler(unohelper.Base, XInteractionHandler):
        def __init__(self) -> None:
            self.asked = False
            self.password = False

        def handle(self, request: Any) -> None:
            self.asked = True
            continuations = request.getContinuations()
            if any(c.queryInterface(password_type) for c in continuations):
                self.password = True
            _select(continuations, ("com.sun.star.task.XInteractionAbort",
                                    "com.sun.star.task.XInteractionDisapprove"))

    return AbortHandler()


def _select(continuations: Any, interfaces: tuple) -> None:
    import uno

    for name in interfaces:
        wanted = uno.getTypeByName(name)
        for continuation in continuations:
            if continuation.queryInterface(wanted):
                continuation.select()
                return


# ---- cleanup: atexit and signals ---------------------------------------------------

_cleanup_installed = False


def close_all() -> None:
    """Stop every soffice this process started (atexit, and the signal handlers)."""
    for office in list(_LIVE):
        office.close()


def _install_cleanup() -> None:
    global _cleanup_installed
    if _cleanup_installed:
        return
    _cleanup_installed = True
    atexit.register(close_all)
    if threading.current_thread() is not threading.main_thread():
        return
    for name in _SIGNALS:
        number = getattr(signal, name, None)
        if number is None:
            continue
        previous = signal.getsignal(number)
        if previous in (signal.SIG_DFL, signal.default_int_handler):
            signal.signal(number, _on_signal)


def _on_signal(number: int, _frame: Any) -> None:
    # Kill first: the exception unwinds through code that may still wait on soffice.
    for office in list(_LIVE):
        if office.process is not None:
            kill_group(office.process.pid)
    if number == signal.SIGINT:
        raise KeyboardInterrupt
    raise SystemExit(128 + number)
