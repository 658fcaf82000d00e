/*
 * ptytime: time a terminal program on a pseudo-terminal of fixed size.
 *
 * Runs COMMAND on a pty (forkpty, default 120x40, TERM=xterm-256color),
 * reads everything it writes and:
 *   - start-up: the time from fork to the last byte of the first output
 *     burst (a burst ends when the program stays quiet for -q ms); with
 *     -s TEXT, of the first burst in which TEXT has appeared;
 *   - keystrokes (-k LABEL:COUNT:KEYS[:UNDO[:TEXT]]): writes KEYS, waits
 *     for the output to start and go quiet (-Q ms) again, and records the
 *     time from the write to the last byte of that burst; COUNT times;
 *     UNDO (not timed; may be empty) is sent after each, e.g. to leave an
 *     article that was opened; with TEXT, the burst that counts is the
 *     one in which TEXT has appeared (for programs that print a "loading"
 *     line first); -T is the longest wait for a key's output;
 *   - at the end, sends -x KEYS (default "q") and waits for the exit; a
 *     program that does not exit within 5 s gets SIGTERM, then SIGKILL.
 * Resolution is that of clock_gettime and poll(): tens of microseconds.
 * The latency includes the program's work and its write(); the terminal
 * emulator's drawing is not part of it (there is none).
 *
 * Output, one line each:   startup_ms 12.345
 *                          key LABEL n=200 p50=0.412 p99=1.203 max=2.1 none=0
 * ("none" counts keys that produced no output within -t ms.)
 *
 * -e FILE (repeatable) evicts FILE from the page cache before start
 * (posix_fadvise DONTNEED; clean pages only) for cold start-up figures.
 * Key strings understand \r \n \t \e \\ \xHH and ^X.
 *
 * usage: ptytime [-c COLS] [-r ROWS] [-q QUIET_MS] [-Q KEY_QUIET_MS]
 *            [-t TIMEOUT_MS] [-T KEY_TIMEOUT_MS] [-s TEXT] [-e FILE]... [-k SPEC]... [-x KEYS]
 *            [-o TRANSCRIPT] -- COMMAND [ARG...]
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int	 master = -1;
static FILE	*transcript;
static char	*seen;			/* output since the last reset, for -s */
static size_t	 seenlen, seencap;

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void
die(const char *msg)
{
	fprintf(stderr, "ptytime: %s: %s\n", msg, strerror(errno));
	exit(2);
}

/*
 * Read whatever is available, waiting at most wait_ms. Returns the number
 * of bytes read (0 on timeout, -1 on EOF/EIO: the child has gone).
 */
static ssize_t
drain(double wait_ms)
{
	struct pollfd pfd = { master, POLLIN, 0 };
	char buf[65536];
	ssize_t n;
	int r;

	r = poll(&pfd, 1, wait_ms < 0 ? 0 : (int)(wait_ms + 0.999));
	if (r < 0) {
		if (errno == EINTR)
			return 0;
		die("poll");
	}
	if (r == 0)
		return 0;
	n = read(master, buf, sizeof buf);
	if (n <= 0)
		return -1;
	if (transcript)
		fwrite(buf, 1, n, transcript);
	if (seen) {
		if (seenlen + n + 1 > seencap) {
			seencap = (seenlen + n + 1) * 2;
			if ((seen = realloc(seen, seencap)) == NULL)
				die("realloc");
		}
		memcpy(seen + seenlen, buf, n);
		seenlen += n;
		seen[seenlen] = '\0';
	}
	return n;
}

/*
 * Wait (up to timeout_ms from t0) for output to begin, then until it has
 * been quiet for quiet_ms. Returns the time of the last byte, or -1 when
 * nothing came. With marker set, bursts before the one showing it are
 * skipped.
 */
static double
burst(double t0, double quiet_ms, double timeout_ms, const char *marker)
{
	double last = -1;
	ssize_t n;

	for (;;) {
		double t = now_ms();
		double wait = last < 0 ? t0 + timeout_ms - t : last + quiet_ms - t;

		if (wait <= 0) {
			if (last < 0)
				return -1;
			if (marker && (seen == NULL ||
			    memmem(seen, seenlen, marker, strlen(marker)) == NULL)) {
				/* Not there yet: wait for the next burst. */
				if (t > t0 + timeout_ms)
					return -1;
				last = -1;
				continue;
			}
			return last;
		}
		n = drain(last < 0 ? (wait > 50 ? 50 : wait) : wait);
		if (n < 0)
			return last;
		if (n > 0)
			last = now_ms();
		else if (last < 0 && now_ms() > t0 + timeout_ms)
			return -1;
	}
}

static size_t
unescape(const char *s, char *out)
{
	size_t n = 0;

	while (*s) {
		if (*s == '\\' && s[1]) {
			s++;
			switch (*s) {
			case 'r': out[n++] = '\r'; break;
			case 'n': out[n++] = '\n'; break;
			case 't': out[n++] = '\t'; break;
			case 'e': out[n++] = 033; break;
			case 'x': {
				unsigned v = 0;
				int i;

				for (i = 0; i < 2 && s[1]; i++) {
					char c = *++s;

					v = v * 16 + (c >= 'a' ? c - 'a' + 10 :
					    c >= 'A' ? c - 'A' + 10 : c - '0');
				}
				out[n++] = (char)v;
				break;
			}
			default: out[n++] = *s; break;
			}
			s++;
		} else if (*s == '^' && s[1]) {
			out[n++] = s[1] & 0x1f;
			s += 2;
		} else
			out[n++] = *s++;
	}
	return n;
}

static int
cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
pct(double *v, size_t n, double p)
{
	size_t i;

	if (n == 0)
		return 0;
	i = (size_t)(p * (n - 1) + 0.5);
	return v[i];
}

static void
send(const char *keys, size_t len)
{
	while (len > 0) {
		ssize_t w = write(master, keys, len);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			die("write");
		}
		keys += w;
		len -= w;
	}
}

int
main(int argc, char **argv)
{
	struct winsize ws = { 40, 120, 0, 0 };
	double quiet = 100, kquiet = 25, timeout = 30000, ktimeout = 2000, t0, end;
	const char *marker = NULL, *quit = "q";
	char *specs[64];
	int nspecs = 0, c, status, i;
	pid_t pid;

	while ((c = getopt(argc, argv, "c:r:q:Q:t:T:s:e:k:x:o:")) != -1) {
		switch (c) {
		case 'c': ws.ws_col = atoi(optarg); break;
		case 'r': ws.ws_row = atoi(optarg); break;
		case 'q': quiet = atof(optarg); break;
		case 'Q': kquiet = atof(optarg); break;
		case 't': timeout = atof(optarg); break;
		case 'T': ktimeout = atof(optarg); break;
		case 's': marker = optarg; break;
		case 'e': {
			int fd = open(optarg, O_RDONLY);

			if (fd >= 0) {
				fdatasync(fd);
				posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
				close(fd);
			}
			break;
		}
		case 'k':
			if (nspecs < 64)
				specs[nspecs++] = optarg;
			break;
		case 'x': quit = optarg; break;
		case 'o':
			if ((transcript = fopen(optarg, "w")) == NULL)
				die(optarg);
			break;
		default:
			fprintf(stderr, "usage: ptytime [-c COLS] [-r ROWS] [-q MS] "
			    "[-Q MS] [-t MS] [-s TEXT] [-e FILE] [-k LABEL:COUNT:KEYS[:UNDO]] "
			    "[-x KEYS] [-o FILE] -- COMMAND [ARG...]\n");
			return 2;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "ptytime: no command\n");
		return 2;
	}
	if (marker && (seen = malloc(seencap = 65536)) == NULL)
		die("malloc");
	signal(SIGPIPE, SIG_IGN);
	t0 = now_ms();
	pid = forkpty(&master, NULL, NULL, &ws);
	if (pid < 0)
		die("forkpty");
	if (pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		setenv("COLUMNS", "", 1);
		unsetenv("COLUMNS");
		unsetenv("LINES");
		execvp(argv[optind], argv + optind);
		_exit(127);
	}
	end = burst(t0, quiet, timeout, marker);
	if (end < 0) {
		fprintf(stderr, "ptytime: no first screen within %.0f ms\n", timeout);
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		return 1;
	}
	printf("startup_ms %.3f\n", end - t0);
	fflush(stdout);
	free(seen);
	seen = NULL;

	for (i = 0; i < nspecs; i++) {
		char *spec = strdup(specs[i]), *label, *count, *keys, *undo, *kmark;
		char kbuf[256], ubuf[256];
		size_t klen, ulen = 0, n, j, none = 0;
		double *lat;

		/* strsep, not strtok: an empty UNDO is allowed */
		{
			char *p = spec;

			label = strsep(&p, ":");
			count = p ? strsep(&p, ":") : NULL;
			keys = p ? strsep(&p, ":") : NULL;
			undo = p ? strsep(&p, ":") : NULL;
			kmark = p ? strsep(&p, ":") : NULL;
			if (undo && *undo == '\0')
				undo = NULL;
			if (kmark && *kmark == '\0')
				kmark = NULL;
		}
		if (label == NULL || count == NULL || keys == NULL ||
		    strlen(keys) >= sizeof kbuf || (undo && strlen(undo) >= sizeof ubuf)) {
			fprintf(stderr, "ptytime: bad key spec %s\n", specs[i]);
			return 2;
		}
		n = strtoul(count, NULL, 10);
		klen = unescape(keys, kbuf);
		if (undo)
			ulen = unescape(undo, ubuf);
		lat = calloc(n ? n : 1, sizeof *lat);
		for (j = 0; j < n; j++) {
			double k0, e;

			while (drain(0) > 0)
				;
			if (kmark) {
				free(seen);
				seen = calloc(1, seencap = 65536);
				seenlen = 0;
			}
			k0 = now_ms();
			send(kbuf, klen);
			e = burst(k0, kquiet, ktimeout, kmark);
			if (kmark) {
				free(seen);
				seen = NULL;
			}
			if (e < 0) {
				none++;
				lat[j] = 0;
			} else
				lat[j] = e - k0;
			if (ulen) {
				double u0 = now_ms();

				send(ubuf, ulen);
				burst(u0, kquiet, ktimeout, NULL);
			}
		}
		qsort(lat, n, sizeof *lat, cmp);
		printf("key %s n=%zu p50=%.3f p99=%.3f max=%.3f none=%zu\n", label,
		    n, pct(lat, n, 0.5), pct(lat, n, 0.99), n ? lat[n - 1] : 0,
		    none);
		fflush(stdout);
		free(lat);
		free(spec);
	}

	{
		char qbuf[64];
		size_t qlen = unescape(quit, qbuf);
		double q0 = now_ms();

		send(qbuf, qlen);
		while (waitpid(pid, &status, WNOHANG) == 0) {
			if (now_ms() - q0 > 5000) {
				kill(pid, SIGTERM);
				usleep(200000);
				if (waitpid(pid, &status, WNOHANG) == 0) {
					kill(pid, SIGKILL);
					waitpid(pid, &status, 0);
				}
				break;
			}
			drain(20);
		}
	}
	if (transcript)
		fclose(transcript);
	return 0;
}
