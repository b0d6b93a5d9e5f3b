"""Crash-safe and concurrency-safe writes to the data and corpus folders.

Every read-modify-write of the corpus (article texts, ``articles.yaml``, ``claims.yaml``)
runs inside :func:`corpus_lock`, an advisory ``flock`` on a file in the data folder, so
parallel processes (and Streamlit sessions, which are threads of one process) take turns.
Files are replaced through a temporary file unique to the writer in the same folder,
flushed and fsynced before an atomic rename, and the folder is fsynced after it: a crash
at any moment leaves either the old or the new file, never a torn one.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from geo.errors import GeoError

#: The lock file, in the data folder.
LOCK_NAME = ".corpus.lock"
#: Temporary files of corpus writes start with this; only a lock holder may remove them.
TMP_PREFIX = ".corpus-tmp-"
#: How long a writer waits for another one before giving up (seconds).
LOCK_TIMEOUT = 120.0


class CorpusBusyError(GeoError):
    """Another writer held the corpus lock for longer than the timeout."""


@contextlib.contextmanager
def corpus_lock(data_dir: Path, *, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the corpus lock of ``data_dir`` for the duration of the block."""
    path = Path(data_dir) / LOCK_NAME
    # thread_local=False: the object is used by one thread only; flock on a fresh
    # descriptor already excludes other threads and processes.
    lock = FileLock(path, timeout=timeout, thread_local=False)
    try:
        lock.acquire()
    except Timeout:
        msg = f"{path}: the corpus is busy (another save or ingest held it for {timeout:g} s); try again"
        raise CorpusBusyError(msg) from None
    except OSError as exc:
        msg = f"{path}: cannot lock the corpus: {exc.strerror or exc}"
        raise CorpusBusyError(msg) from None
    try:
        yield
    finally:
        lock.release()


def write_bytes_atomic(path: Path, data: bytes, *, prefix: str = TMP_PREFIX) -> None:
    """Replace ``path`` with ``data``: unique temporary file, fsync, rename, fsync of the folder.

    On any failure the temporary file is removed and ``path`` is unchanged.
    """
    path = Path(path)
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o644
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), mode)  # mkstemp makes 0600; keep the file's usual permissions
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def write_text_atomic(path: Path, text: str, *, prefix: str = TMP_PREFIX) -> None:
    """:func:`write_bytes_atomic` for UTF-8 text."""
    write_bytes_atomic(path, text.encode("utf-8"), prefix=prefix)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_stale_temporaries(*folders: Path) -> list[Path]:
    """Delete temporary files left by killed writers; call only while holding the lock."""
    removed = []
    for folder in folders:
        for tmp in Path(folder).glob(f"{TMP_PREFIX}*"):
            tmp.unlink(missing_ok=True)
            removed.append(tmp)
    return removed


def file_stamp(paths: Iterable[Path]) -> tuple[tuple[str, int, int], ...]:
    """Name, size and modification time (ns) of each existing path: a cache key that follows edits.

    A folder's modification time changes when a file is added to it or removed.
    """
    stamp = []
    for p in paths:
        if p.exists():
            st = p.stat()
            stamp.append((p.name, st.st_size, st.st_mtime_ns))
    return tuple(stamp)
