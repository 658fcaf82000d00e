"""Helpers for lede's crash tests (tests/cli/kill-*.sh): run the built lede
and stop it with SIGKILL, either after a random delay or, through the
preloaded tests/crashwrite.so, just before its Nth change to a file. The
shell test sources tests/lib.sh first (for $T, $A and a private $HOME)
and runs its Python part with this directory on sys.path.

Reporting follows tests/lib.sh: "ok - ..." and "FAIL: ..." lines, and
finish() exits 1 when anything failed.
"""
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time

LEDE = os.environ["LEDE"]
T = os.environ["T"]
SHIM = os.path.join(os.environ.get("top_builddir", "."), "tests",
                    "crashwrite.so")
failures = 0


def ok(msg):
    print("ok - " + msg, flush=True)


def fail(msg):
    global failures
    failures += 1
    print("FAIL: " + msg, file=sys.stderr, flush=True)


def expect(what, cond, detail=""):
    if cond:
        ok(what)
    else:
        fail(what + (": " + detail if detail else ""))
    return cond


def skip(why):
    print("SKIP: " + why, flush=True)
    sys.exit(77)


def stop(why):
    """A step the test needs failed: a failure, not a skip."""
    fail(why)
    finish()


def finish():
    if failures:
        print("%d failed" % failures)
        sys.exit(1)
    sys.exit(0)


def loops(default):
    """The number of random kills: LEDE_KILL_LOOPS (make stress) or default."""
    return int(os.environ.get("LEDE_KILL_LOOPS") or default)


def have_shim():
    return os.path.exists(SHIM)


def _shim_env(extra):
    env = dict(os.environ)
    env["LD_PRELOAD"] = SHIM
    # An ASan build wants its runtime first; the shim only forwards calls.
    asan = env.get("ASAN_OPTIONS", "")
    env["ASAN_OPTIONS"] = (asan + ":" if asan else "") + \
        "verify_asan_link_order=0"
    env.update(extra)
    return env


def lede(archive, *args, stdin=None, env=None):
    """Run lede on archive; a CompletedProcess with text output."""
    return subprocess.run([LEDE, "-a", archive] + list(args),
                          stdin=subprocess.DEVNULL if stdin is None else stdin,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          env=env, timeout=300,
                          encoding="utf-8", errors="replace")


def lede_json(archive, *args):
    r = lede(archive, *args)
    if r.returncode != 0:
        raise RuntimeError("lede %s: exit %d: %s" % (" ".join(args),
                           r.returncode, r.stderr.strip()))
    return json.loads(r.stdout)


def check(archive):
    """(passed, report) of `lede check`."""
    r = lede(archive, "check")
    return r.returncode == 0 and r.stdout.strip().endswith("ok"), \
        (r.stdout + r.stderr).strip()


def argv(archive, *args):
    """The command line running lede on archive."""
    return [LEDE, "-a", archive] + list(args)


def run_cmd(cmd, env=None):
    """Run cmd to its end; a CompletedProcess with text output."""
    r = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=env, timeout=300,
                       encoding="utf-8", errors="replace")
    return r


def must_succeed(cmd, r):
    if r.returncode != 0:
        raise RuntimeError("%s: exit %d: %s" % (" ".join(cmd[:4]),
                           r.returncode, r.stderr.strip()[:300]))


def write_points(cmd):
    """How many file changes cmd makes (run once, to its end, on files the
    caller has prepared)."""
    count = os.path.join(T, "crash-count")
    if os.path.exists(count):
        os.unlink(count)
    r = run_cmd(cmd, _shim_env({"LEDE_CRASH_COUNT": count}))
    must_succeed(cmd, r)
    with open(count) as f:
        return int(f.read().split()[0])


def crash_at(cmd, n):
    """Run cmd, killed just before its nth file change. Its exit status
    (-9 when the kill happened)."""
    return run_cmd(cmd, _shim_env({"LEDE_CRASH_AT": str(n)})).returncode


def timed(cmd):
    """Seconds cmd takes to run to its end."""
    t0 = time.monotonic()
    r = run_cmd(cmd)
    must_succeed(cmd, r)
    return time.monotonic() - t0


def kill_after(cmd, delay):
    """Start cmd, SIGKILL it after delay seconds. True when the kill hit
    the running process, False when it had already finished."""
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    hit = p.poll() is None
    if hit:
        p.send_signal(signal.SIGKILL)
    rc = p.wait(timeout=300)
    return hit and rc == -signal.SIGKILL


def copy_archive(src, dst):
    """Copy an archive with whatever journal files it has (none open)."""
    for suffix in ("-wal", "-shm", "-journal"):
        if os.path.exists(dst + suffix):
            os.unlink(dst + suffix)
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(src + suffix):
            shutil.copyfile(src + suffix, dst + suffix)


def remove_archive(path):
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(path + suffix):
            os.unlink(path + suffix)


def rng():
    """The random source of the kill delays: seeded from LEDE_KILL_SEED, or
    a fresh seed printed so that a failure can be replayed."""
    seed = int(os.environ.get("LEDE_KILL_SEED") or
               random.SystemRandom().randrange(1 << 30))
    print("# kill delays: LEDE_KILL_SEED=%d" % seed, flush=True)
    return random.Random(seed)
