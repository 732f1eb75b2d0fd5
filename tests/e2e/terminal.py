"""A real pseudo-terminal for end-to-end tests: starts a command in it and reads the screen with pyte."""

from __future__ import annotations

import fcntl
import os
import select
import struct
import subprocess
import termios
import time

import pyte


def _word(token: str) -> str:
    return token.strip(".,:;!?()«»\"'")


class Terminal:
    def __init__(self, argv: list[str], *, cols: int = 80, rows: int = 24, env: dict | None = None) -> None:
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        environment = {**os.environ, "TERM": "xterm-256color", **(env or {})}
        environment.pop("COLUMNS", None)
        environment.pop("LINES", None)

        def controlling_terminal() -> None:  # like a login shell: own session, the pty as its terminal
            os.setsid()
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.process = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=environment,
                                        preexec_fn=controlling_terminal, close_fds=True)
        os.close(slave)
        self.output = bytearray()

    def pump(self, seconds: float = 0.05) -> None:
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            ready, _, _ = select.select([self.master], [], [], left)
            if not ready:
                return
            try:
                data = os.read(self.master, 65536)
            except OSError:  # the other side closed
                return
            if not data:
                return
            self.output += data
            self.stream.feed(data)

    @property
    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, *texts: str, timeout: float = 20) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.pump(0.1)
            if all(t in self.text for t in texts):
                return self.text
            if self.process.poll() is not None:
                self.pump(0.2)
                break
        tail = bytes(self.output[-300:])
        raise AssertionError(f"did not see {texts!r} on the screen:\n{self.text}\n(output ends {tail!r})")

    def wait_for_words(self, *phrases: str, timeout: float = 20) -> str:
        """Wait until every word of `phrases` is on the screen, however the lines wrap (a message with
        a path or a host name in it wraps differently on every machine)."""
        words = [_word(w) for phrase in phrases for w in phrase.split()]
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.pump(0.1)
            on_screen = {_word(w) for w in self.text.split()}
            if all(w in on_screen for w in words):
                return self.text
            if self.process.poll() is not None:
                self.pump(0.2)
                break
        raise AssertionError(f"did not see the words {words!r} on the screen:\n{self.text}")

    def scroll_to(self, text: str, key: str = "\x1b[6~", presses: int = 12) -> str:
        """Press `key` (page down) until `text` is on the screen; return the screen."""
        for _ in range(presses):
            if text in self.text:
                return self.text
            before = self.text
            self.send(key)
            self._settle(before, text)
        return self.wait_for(text, timeout=2)

    def _settle(self, before: str, text: str) -> None:
        """Wait for a key's repaint to finish (on a loaded machine the next page down must not come
        before it, or the text scrolls past unseen); a key that changes nothing waits 1 s."""
        end, last, still = time.monotonic() + 5, self.text, 0.0
        while time.monotonic() < end and text not in self.text:
            self.pump(0.1)
            still = still + 0.1 if self.text == last else 0.0
            last = self.text
            if still >= (0.3 if last != before else 1.0):
                return

    def resize(self, cols: int, rows: int) -> None:
        """Resize the terminal as a window manager does; the kernel sends the program SIGWINCH."""
        self.screen.resize(rows, cols)
        fcntl.ioctl(self.master, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    def send(self, keys: str) -> None:
        os.write(self.master, keys.encode())
        # A lone ESC followed at once by a key reads as alt+key, in any terminal program; a person
        # pauses, and so does this.
        self.pump(0.35 if keys == "\x1b" else 0.1)

    def start_meeting(self, key: str = " ") -> None:
        """Send the key that starts the planned meeting (space: an item's clock, and the meeting with it),
        and agree to move it to today when asked (`j`): the sample's meeting is planned for 8 December
        2026, not for the day the tests run. Waits until the question or the running clock shows."""
        self.send(key)
        end = time.monotonic() + 20
        while time.monotonic() < end:
            self.pump(0.1)
            if "Flytte" in self.text:
                self.send("j")
                return
            if "▶" in self.text:
                return
        raise AssertionError(f"neither the question nor a running clock after {key!r}:\n{self.text}")

    def footer(self, *keys: str) -> str:
        """Wait until the key bar (the bottom two lines at most) shows all of `keys`, each whole on one line;
        return it."""
        self.wait_for(*keys)
        bar = self.screen.display[-2:]
        missing = [k for k in keys if not any(k in line for line in bar)]
        assert not missing, f"key bar {bar!r} lacks {missing}"
        return "\n".join(bar)

    def wait_exit(self, timeout: float = 20) -> int:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.pump(0.1)
            if (code := self.process.poll()) is not None:
                return code
        raise AssertionError(f"still running after {timeout} s:\n{self.text}")

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self.master)
