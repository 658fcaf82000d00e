/*
 * Export files and the send command (see outfile.h).
 *
 * The temporary file is made with O_EXCL in the destination's directory
 * (rename() only moves within one file system) with the mode a new file
 * gets (0666 less the umask). Without force the
 * final step is link(), which fails if anything appeared at the path in
 * the meantime; file systems without hard links fall back to a check and
 * rename().
 *
 * The send command is the user's, from their configuration: it is split
 * on blanks and run with execvp(), so nothing from an article (titles go
 * only into the message, on stdin) can become a shell word.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "flag/outfile.h"
#include "util/xalloc.h"

/*
 * Create the temporary file: O_EXCL on a fresh name, mode 0666 so the
 * umask applies as for any new file (without touching the process umask,
 * which other threads may rely on). Returns the fd and sets of->tmp, or -1.
 */
static int
make_tmp(struct outfile *of, const char *path, const char *slash)
{
	static unsigned long seq;
	int fd, tries;

	for (tries = 0; tries < 100; tries++) {
		if (slash == NULL)
			of->tmp = xasprintf(".%s.%ld.%lu.tmp", path,
			    (long)getpid(), ++seq);
		else
			of->tmp = xasprintf("%.*s/.%s.%ld.%lu.tmp",
			    (int)(slash - path), path, slash + 1,
			    (long)getpid(), ++seq);
		fd = open(of->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC |
		    O_NOFOLLOW, 0666);
		if (fd != -1)
			return fd;
		free(of->tmp);
		of->tmp = NULL;
		if (errno != EEXIST)
			return -1;
	}
	return -1;
}

int
outfile_open(struct outfile *of, const char *path, int force, char **cause)
{
	struct stat sb;
	const char *slash = strrchr(path, '/');
	int fd;

	memset(of, 0, sizeof *of);
	if (*path == '\0') {
		*cause = xstrdup("no output file named");
		return -1;
	}
	/*
	 * A device, FIFO or socket (/dev/stdout, a named pipe) is written
	 * to, as a shell's > would; it is never replaced, and nothing under
	 * /dev or /proc is (a forced rename over /dev/stdout would replace
	 * the system's link).
	 */
	if ((stat(path, &sb) == 0 && !S_ISREG(sb.st_mode) &&
	    !S_ISDIR(sb.st_mode)) || strncmp(path, "/dev/", 5) == 0 ||
	    strncmp(path, "/proc/", 6) == 0) {
		if ((of->fp = fopen(path, "w")) == NULL) {
			*cause = xasprintf("%s: %s", path, strerror(errno));
			return -1;
		}
		of->path = xstrdup(path);
		of->direct = 1;
		return 0;
	}
	if (lstat(path, &sb) == 0) {
		if (S_ISDIR(sb.st_mode)) {
			*cause = xasprintf("%s is a directory", path);
			return -1;
		}

		if (!force) {
			*cause = xasprintf("%s exists (use --force to replace "
			    "it)", path);
			return -1;
		}
	}
	if ((fd = make_tmp(of, path, slash)) == -1) {
		*cause = xasprintf("cannot write in the directory of %s: %s",
		    path, strerror(errno));
		return -1;
	}
	if ((of->fp = fdopen(fd, "w")) == NULL) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		close(fd);
		unlink(of->tmp);
		free(of->tmp);
		of->tmp = NULL;
		return -1;
	}
	of->path = xstrdup(path);
	of->force = force;
	return 0;
}

void
outfile_abort(struct outfile *of)
{
	if (of->fp != NULL)
		fclose(of->fp);
	if (of->tmp != NULL)
		unlink(of->tmp);
	free(of->tmp);
	free(of->path);
	memset(of, 0, sizeof *of);
}

/* Move the finished temporary file to its path. */
static int
place(struct outfile *of, char **cause)
{
	struct stat sb;

	if (of->force) {
		if (rename(of->tmp, of->path) == 0)
			return 0;
	} else if (link(of->tmp, of->path) == 0) {
		unlink(of->tmp);
		return 0;
	} else if (errno == EEXIST) {
		*cause = xasprintf("%s exists (use --force to replace it)",
		    of->path);
		return -1;
	} else if (lstat(of->path, &sb) != 0 && rename(of->tmp, of->path) == 0)
		return 0;
	*cause = xasprintf("%s: %s", of->path, strerror(errno));
	return -1;
}

int
outfile_commit(struct outfile *of, char **cause)
{
	int err = 0;

	errno = 0;
	if (fflush(of->fp) != 0 || ferror(of->fp) ||
	    (!of->direct && fsync(fileno(of->fp)) != 0))
		err = errno != 0 ? errno : EIO;
	if (fclose(of->fp) != 0 && err == 0)
		err = errno;
	of->fp = NULL;
	if (err != 0) {
		*cause = xasprintf("%s: %s", of->path, strerror(err));
		outfile_abort(of);
		return -1;
	}
	if (of->direct) {
		outfile_abort(of);
		return 0;
	}
	if (place(of, cause) != 0) {
		outfile_abort(of);
		return -1;
	}
	free(of->tmp);
	of->tmp = NULL;
	outfile_abort(of);
	return 0;
}

int
outfile_write(const char *path, const char *data, size_t len, int force,
    char **cause)
{
	struct outfile of;

	if (outfile_open(&of, path, force, cause) != 0)
		return -1;
	if (fwrite(data, 1, len, of.fp) != len) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		outfile_abort(&of);
		return -1;
	}
	return outfile_commit(&of, cause);
}

/* argv from a command line split on blanks. Caller frees argv[0] and argv. */
static char **
split(const char *command, char **storage)
{
	char **argv, *p, *s = xstrdup(command);
	size_t n = 0;

	argv = xcalloc(strlen(s) / 2 + 2, sizeof *argv);
	for (p = strtok(s, " \t"); p != NULL; p = strtok(NULL, " \t"))
		argv[n++] = p;
	argv[n] = NULL;
	*storage = s;
	return argv;
}

static void
child(int in, char **argv, int quiet)
{
	int null;

	if (dup2(in, STDIN_FILENO) == -1)
		_exit(126);
	close(in);
	if (quiet && (null = open("/dev/null", O_WRONLY)) != -1) {
		dup2(null, STDOUT_FILENO);
		dup2(null, STDERR_FILENO);
		close(null);
	}
	execvp(argv[0], argv);
	_exit(127);
}

int
outfile_send(const char *command, const char *data, size_t len, int quiet,
    char **cause)
{
	struct sigaction ign, old;
	char **argv, *storage;
	ssize_t w;
	size_t off = 0;
	int fds[2], status;
	pid_t pid;

	argv = split(command != NULL ? command : "", &storage);
	if (argv[0] == NULL) {
		*cause = xstrdup("no send command (set send-command in "
		    "[export] of lede.conf, or LEDE_SEND_COMMAND, e.g. "
		    "\"sendmail -t -i\")");
		goto fail;
	}
	if (pipe(fds) != 0) {
		*cause = xasprintf("pipe: %s", strerror(errno));
		goto fail;
	}
	if ((pid = fork()) == -1) {
		*cause = xasprintf("fork: %s", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		goto fail;
	}
	if (pid == 0) {
		close(fds[1]);
		child(fds[0], argv, quiet);
	}
	close(fds[0]);
	/* A command that stops reading must not kill lede with SIGPIPE. */
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &ign, &old);
	while (off < len) {
		if ((w = write(fds[1], data + off, len - off)) == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		off += (size_t)w;
	}
	close(fds[1]);
	sigaction(SIGPIPE, &old, NULL);
	while (waitpid(pid, &status, 0) == -1) {
		if (errno != EINTR) {
			*cause = xasprintf("%s: %s", argv[0], strerror(errno));
			goto fail;
		}
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		*cause = xasprintf("%s: cannot run it (not found?)", argv[0]);
	else if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
		*cause = xasprintf("%s exited with status %d", argv[0],
		    WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		*cause = xasprintf("%s killed by signal %d", argv[0],
		    WTERMSIG(status));
	else if (off < len)
		*cause = xasprintf("%s did not read the whole message", argv[0]);
	else {
		free(storage);
		free(argv);
		return 0;
	}
fail:
	free(storage);
	free(argv);
	return -1;
}
