/*
 * The sandbox for example sessions.
 *
 * manlint forks a supervisor, which starts a new session (so that its
 * process group can be killed as one) and, on Linux, new network and
 * PID namespaces.  Its child is the first process of the new PID
 * namespace: when it exits or is killed, the kernel kills every process
 * left in the namespace, including daemons that left the process group.
 * That child drops root (to nobody) if it has it, since the kernel does
 * not apply RLIMIT_NPROC to root, sets the limits, and runs the
 * commands one after another, telling manlint each one's exit status
 * through a pipe.  manlint reads the output as it comes, and kills the
 * supervisor's process group when a command runs past the wall-clock
 * limit.  Without root, the namespaces need a user namespace; where the
 * kernel refuses one, the limits and the process group still hold.
 *
 * In a new mount namespace too, the commands see every file system
 * read-only but their directory, a small tmpfs that the sandbox's files
 * are written into, the home directory of the user who runs manlint is
 * hidden under an empty one, and /proc shows the sandbox's processes.
 */
#ifdef __linux__
#define _GNU_SOURCE		/* unshare(2) */
#endif

#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/types.h>
#include <sys/wait.h>
#ifdef __linux__
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sched.h>
#endif

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "files.h"
#include "sandbox.h"
#include "util.h"

/*
 * What the first process tells manlint: that the sandbox is ready
 * (cmd -1), then the wait status of each command.
 */
struct record {
	int	 cmd;
	int	 status;
};

struct sb {
	char		*dir;
	const struct sbfile *files;	/* written in by the first process */
	int		 nfiles;
	int		 mountns;	/* in a mount namespace of its own */
	int		 root;		/* run the commands as nobody */
	uid_t		 uid;
	gid_t		 gid;
	rlim_t		 nproc;
	int		 sanitize;
	int		 ready;	/* the first process said so */
	int		 out[2];	/* the commands' output: a terminal's
					   master and slave, or a pipe */
	int		 ctl[2];	/* records */
	int		 ack[2];	/* manlint has read the output */
	char *const	*cmds;
	int		 ncmds;
};

static int	 fill(const struct sb *, const struct sbfile *, int);

static int
env_seconds(const char *name, int def)
{
	const char	*v;
	char		*end;
	long		 n;

	if ((v = getenv(name)) == NULL || *v == '\0')
		return def;
	n = strtol(v, &end, 10);
	return *end == '\0' && n > 0 && n <= 3600 ? (int)n : def;
}

int
sandbox_cpu(void)
{
	return env_seconds("MANLINT_CPU_LIMIT", SB_CPU_SECONDS);
}

int
sandbox_wall(void)
{
	return env_seconds("MANLINT_TIMEOUT", SB_WALL_SECONDS);
}

static void
die_child(const char *what)
{
	dprintf(STDERR_FILENO, "manlint: sandbox: %s: %s\n", what,
	    strerror(errno));
	_exit(126);
}

/* How many processes uid has now, from /proc; 0 where it is absent. */
static rlim_t
count_procs(uid_t uid)
{
	DIR		*d;
	struct dirent	*de;
	struct stat	 st;
	rlim_t		 n = 0;

	if ((d = opendir("/proc")) == NULL)
		return 0;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] < '1' || de->d_name[0] > '9')
			continue;
		if (fstatat(dirfd(d), de->d_name, &st, 0) == 0 &&
		    st.st_uid == uid)
			n++;
	}
	closedir(d);
	return n;
}

static void
set_limit(int res, rlim_t soft, rlim_t hard, const char *name)
{
	struct rlimit	 rl;

	if (getrlimit(res, &rl) == -1)
		die_child(name);
	if (rl.rlim_max != RLIM_INFINITY && rl.rlim_max < hard)
		hard = rl.rlim_max;
	rl.rlim_cur = soft < hard ? soft : hard;
	rl.rlim_max = hard;
	if (setrlimit(res, &rl) == -1)
		die_child(name);
}

#ifdef __linux__
static int
write_proc(const char *path, const char *s)
{
	int	 fd, rc;

	if ((fd = open(path, O_WRONLY | O_CLOEXEC)) == -1)
		return -1;
	rc = write(fd, s, strlen(s)) == (ssize_t)strlen(s) ? 0 : -1;
	if (close(fd) == -1)
		rc = -1;
	return rc;
}
#endif

/*
 * New network and PID namespaces, where the kernel allows them.  A
 * user that is not root needs a user namespace for them, mapping its
 * own IDs so that files it makes stay its own.
 */
static void
enter_namespaces(struct sb *s)
{
#ifdef __linux__
	char	 map[64];
	uid_t	 uid = getuid();
	gid_t	 gid = getgid();

	if (s->root) {
		if (unshare(CLONE_NEWNET | CLONE_NEWPID) == -1) {
			(void)unshare(CLONE_NEWPID);
			(void)unshare(CLONE_NEWNET);
		}
		s->mountns = unshare(CLONE_NEWNS) == 0;
		return;
	}
	if (unshare(CLONE_NEWUSER | CLONE_NEWNET | CLONE_NEWPID |
	    CLONE_NEWNS) == -1)
		return;
	s->mountns = 1;
	snprintf(map, sizeof(map), "%lu %lu 1\n", (unsigned long)uid,
	    (unsigned long)uid);
	if (write_proc("/proc/self/uid_map", map) == -1)
		die_child("uid_map");
	snprintf(map, sizeof(map), "%lu %lu 1\n", (unsigned long)gid,
	    (unsigned long)gid);
	if (write_proc("/proc/self/setgroups", "deny") == -1 ||
	    write_proc("/proc/self/gid_map", map) == -1)
		die_child("gid_map");
#else
	(void)s;
#endif
}

#ifdef __linux__
/* The flags of a mount that a remount must keep. */
static unsigned long
kept_flags(const char *path)
{
	struct statvfs	 sv;
	unsigned long	 fl = 0;

	if (statvfs(path, &sv) == -1)
		return 0;
	if (sv.f_flag & ST_NOSUID)
		fl |= MS_NOSUID;
	if (sv.f_flag & ST_NODEV)
		fl |= MS_NODEV;
	if (sv.f_flag & ST_NOEXEC)
		fl |= MS_NOEXEC;
	if (sv.f_flag & ST_NOATIME)
		fl |= MS_NOATIME;
	if (sv.f_flag & ST_NODIRATIME)
		fl |= MS_NODIRATIME;
	if (sv.f_flag & ST_RELATIME)
		fl |= MS_RELATIME;
	if (sv.f_flag & ST_RDONLY)
		fl |= MS_RDONLY;
	return fl;
}

/* Undo the octal escapes of a field of /proc/self/mountinfo. */
static void
unescape(char *s)
{
	char	*d = s;

	for (; *s != '\0'; s++, d++) {
		if (s[0] == '\\' && s[1] >= '0' && s[1] <= '3' &&
		    s[2] >= '0' && s[2] <= '7' && s[3] >= '0' && s[3] <= '7') {
			*d = (char)((s[1] - '0') * 64 + (s[2] - '0') * 8 +
			    (s[3] - '0'));
			s += 3;
		} else
			*d = *s;
	}
	*d = '\0';
}

/* Every mount read-only but the sandbox's directory. */
static void
all_read_only(const char *dir)
{
	FILE		*fp;
	char		*line = NULL, *mp;
	size_t		 cap = 0;
	unsigned long	 fl;
	int		 i;

	if ((fp = fopen("/proc/self/mountinfo", "r")) == NULL)
		die_child("/proc/self/mountinfo");
	while (getline(&line, &cap, fp) != -1) {
		/* ID, parent ID, major:minor, root, mount point, ... */
		for (mp = line, i = 0; i < 4 && mp != NULL; i++)
			if ((mp = strchr(mp, ' ')) != NULL)
				mp++;
		if (mp == NULL)
			continue;
		mp[strcspn(mp, " ")] = '\0';
		unescape(mp);
		if (strcmp(mp, dir) == 0 || (fl = kept_flags(mp)) & MS_RDONLY)
			continue;
		if (mount("none", mp, "none", MS_REMOUNT | MS_BIND | MS_RDONLY |
		    fl, NULL) == -1 && errno != ENOENT && errno != EACCES)
			die_child(mp);
	}
	free(line);
	fclose(fp);
}

/* An empty read-only tmpfs over path, unless it holds the sandbox. */
static void
hide(const char *path, const char *dir)
{
	char	 real[PATH_MAX];
	size_t	 n;

	if (path == NULL || realpath(path, real) == NULL ||
	    strcmp(real, "/") == 0)
		return;
	n = strlen(real);
	if (strncmp(dir, real, n) == 0 && (dir[n] == '/' || dir[n] == '\0'))
		return;
	if (mount("tmpfs", real, "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV |
	    MS_NOEXEC, "size=4k,mode=0555") == -1)
		die_child(real);
}
#endif

/*
 * Put the files in the sandbox's directory.  In a mount namespace,
 * that directory is first made a tmpfs of SB_DISK_MIB, so that many
 * files cannot fill a disk where one cannot (RLIMIT_FSIZE); then,
 * the files copied (some may come from the cache in the home
 * directory), everything else is made read-only and the home hidden.
 */
static void
lock_down(const struct sb *s)
{
#ifdef __linux__
	struct passwd	*pw;
	char		 dir[PATH_MAX], opts[64];

	if (s->mountns) {
		if (realpath(s->dir, dir) == NULL)
			die_child(s->dir);
		/* Nothing done here may reach the mounts outside. */
		if (mount("none", "/", "none", MS_REC | MS_PRIVATE,
		    NULL) == -1)
			die_child("making / private");
		snprintf(opts, sizeof(opts), "size=%dm,mode=0755",
		    SB_DISK_MIB);
		if (mount("tmpfs", dir, "tmpfs", MS_NOSUID | MS_NODEV,
		    opts) == -1)
			die_child(dir);
	}
#endif
	/* fill() has said why. */
	if (fill(s, s->files, s->nfiles) == -1)
		_exit(126);
#ifdef __linux__
	if (s->mountns) {
		/* In a PID namespace of its own, a /proc that shows it
		 * only: not manlint, nor other processes' environments. */
		if (getpid() == 1 && mount("proc", "/proc", "proc",
		    MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) == -1)
			die_child("/proc");
		hide(getenv("HOME"), dir);
		if ((pw = getpwuid(getuid())) != NULL)
			hide(pw->pw_dir, dir);
		all_read_only(dir);
	}
#endif
}

static void
drop_root(const struct sb *s)
{
	if (!s->root)
		return;
	if (setgroups(0, NULL) == -1 || setgid(s->gid) == -1 ||
	    setuid(s->uid) == -1)
		die_child("dropping root");
	if (setuid(0) != -1)
		die_child("root could be taken back");
}

static void
limits(const struct sb *s)
{
	set_limit(RLIMIT_CPU, sandbox_cpu(), sandbox_cpu() + 1, "RLIMIT_CPU");
	/* Sanitizers reserve terabytes of address space for their
	 * shadow memory; they get a limit on resident memory instead. */
	if (!s->sanitize)
		set_limit(RLIMIT_AS, (rlim_t)SB_AS_MIB << 20,
		    (rlim_t)SB_AS_MIB << 20, "RLIMIT_AS");
	set_limit(RLIMIT_FSIZE, (rlim_t)SB_FSIZE_MIB << 20,
	    (rlim_t)SB_FSIZE_MIB << 20, "RLIMIT_FSIZE");
	set_limit(RLIMIT_NOFILE, SB_NOFILE, SB_NOFILE, "RLIMIT_NOFILE");
	set_limit(RLIMIT_NPROC, s->nproc, s->nproc, "RLIMIT_NPROC");
	set_limit(RLIMIT_CORE, 0, 0, "RLIMIT_CORE");
}

static void
run_command(const struct sb *s, const char *cmd)
{
	char	*argv[4], *envp[8], home[4096 + 8], tmp[4096 + 8];
	char	 asan[128];
	int	 fd;

	snprintf(home, sizeof(home), "HOME=%s", s->dir);
	snprintf(tmp, sizeof(tmp), "TMPDIR=%s", s->dir);
	snprintf(asan, sizeof(asan), "ASAN_OPTIONS=detect_leaks=0:"
	    "hard_rss_limit_mb=%d", SB_RSS_MIB);
	envp[0] = "PATH=/usr/bin:/bin";
	envp[1] = "LC_ALL=C.UTF-8";
	envp[2] = home;
	envp[3] = tmp;
	envp[4] = asan;
	envp[5] = "UBSAN_OPTIONS=print_stacktrace=1";
	envp[6] = NULL;
	if ((fd = open("/dev/null", O_RDONLY)) == -1 ||
	    dup2(fd, STDIN_FILENO) == -1 ||
	    dup2(s->out[1], STDOUT_FILENO) == -1 ||
	    dup2(s->out[1], STDERR_FILENO) == -1)
		die_child("standard input and output");
	if (fd > STDERR_FILENO)
		close(fd);
	signal(SIGPIPE, SIG_DFL);
	argv[0] = "sh";
	argv[1] = "-c";
	argv[2] = (char *)cmd;
	argv[3] = NULL;
	execve("/bin/sh", argv, envp);
	die_child("/bin/sh");
}

/* Wait for pid, collecting any other child that ends meanwhile. */
static int
wait_for(pid_t pid)
{
	pid_t	 w;
	int	 st;

	for (;;) {
		if ((w = waitpid(-1, &st, 0)) == pid)
			return st;
		if (w == -1 && errno != EINTR)
			die_child("waitpid");
	}
}

/* The first process of the sandbox: runs the commands. */
static void
first(const struct sb *s)
{
	struct record	 rec;
	pid_t		 pid;
	char		 c;
	int		 i;

#ifdef __linux__
	/* Without a PID namespace, orphans still come back here. */
	if (getpid() != 1)
		(void)prctl(PR_SET_CHILD_SUBREAPER, 1);
#endif
	lock_down(s);
	if (s->root && chown(s->dir, s->uid, s->gid) == -1)
		die_child(s->dir);
	if (chdir(s->dir) == -1)
		die_child(s->dir);
	drop_root(s);
#ifdef __linux__
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) == -1)
		die_child("PR_SET_PDEATHSIG");
#endif
	limits(s);
	rec.cmd = -1;
	rec.status = 0;
	if (write(s->ctl[1], &rec, sizeof(rec)) != sizeof(rec))
		die_child("writing a record");
	for (i = 0; i < s->ncmds; i++) {
		if ((pid = fork()) == -1)
			die_child("fork");
		if (pid == 0)
			run_command(s, s->cmds[i]);
		rec.cmd = i;
		rec.status = wait_for(pid);
		if (write(s->ctl[1], &rec, sizeof(rec)) != sizeof(rec))
			die_child("writing a record");
		/* The next command's output must not mix with this one's. */
		if (read(s->ack[0], &c, 1) != 1)
			_exit(0);
	}
	_exit(0);
}

/* The supervisor: the leader of the sandbox's process group. */
static void
supervise(struct sb *s)
{
	pid_t	 pid;
	int	 st;

	if (setsid() == -1)
		die_child("setsid");
#ifdef __linux__
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) == -1)
		die_child("PR_SET_PDEATHSIG");
#endif
	close(s->out[0]);
	close(s->ctl[0]);
	close(s->ack[1]);
	enter_namespaces(s);
	if ((pid = fork()) == -1)
		die_child("fork");
	if (pid == 0)
		first(s);
	close(s->out[1]);
	close(s->ctl[1]);
	while (waitpid(pid, &st, 0) == -1)
		if (errno != EINTR)
			_exit(1);
	_exit(WIFEXITED(st) ? WEXITSTATUS(st) : 1);
}

static long long
now_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Read what is there into r (keeping at most SB_OUTPUT_MAX); 0 at EOF. */
static int
read_out(int fd, struct sbresult *r)
{
	char	 buf[16384];
	ssize_t	 n;
	size_t	 keep;

	for (;;) {
		/* A terminal's master reads EIO once no slave is open. */
		if ((n = read(fd, buf, sizeof(buf))) == -1) {
			if (errno == EINTR)
				continue;
			return errno == EAGAIN ? 1 : 0;
		}
		if (n == 0)
			return 0;
		/* Output past the limit is read, so the writer does not
		 * block, and dropped. */
		keep = SB_OUTPUT_MAX - r->len < (size_t)n ?
		    SB_OUTPUT_MAX - r->len : (size_t)n;
		r->out = xrealloc(r->out, r->len + keep + 1);
		memcpy(r->out + r->len, buf, keep);
		r->len += keep;
		r->out[r->len] = '\0';
	}
}

/*
 * Collect the output and the records until the first process is done
 * or a command runs out of time.
 */
static void
collect(struct sb *s, pid_t pid, struct sbresult *res)
{
	struct pollfd	 pfd[2];
	struct record	 rec;
	struct sbresult	 cur;
	long long	 deadline;
	ssize_t		 n;
	int		 k = 0, outopen = 1, left;

	memset(&cur, 0, sizeof(cur));
	deadline = now_ms() + sandbox_wall() * 1000LL;
	for (;;) {
		pfd[0].fd = outopen ? s->out[0] : -1;
		pfd[0].events = POLLIN;
		pfd[1].fd = s->ctl[0];
		pfd[1].events = POLLIN;
		left = (int)(deadline - now_ms());
		if (left <= 0) {
			killpg(pid, SIGKILL);
			if (outopen)
				read_out(s->out[0], &cur);
			cur.run = cur.timeout = 1;
			if (k < s->ncmds)
				res[k] = cur;
			else
				free(cur.out);
			return;
		}
		if (poll(pfd, 2, left) == -1) {
			if (errno == EINTR)
				continue;
			killpg(pid, SIGKILL);
			free(cur.out);
			return;
		}
		if (outopen && (pfd[0].revents & (POLLIN | POLLHUP)))
			outopen = read_out(s->out[0], &cur);
		if (!(pfd[1].revents & (POLLIN | POLLHUP)))
			continue;
		if ((n = read(s->ctl[0], &rec, sizeof(rec))) == -1 &&
		    errno == EINTR)
			continue;
		if (n == sizeof(rec) && rec.cmd == -1 && !s->ready) {
			s->ready = 1;
			continue;
		}
		if (n != sizeof(rec) || rec.cmd != k || !s->ready) {
			free(cur.out);
			return;
		}
		if (outopen)
			outopen = read_out(s->out[0], &cur);
		cur.run = 1;
		cur.status = rec.status;
		res[k++] = cur;
		memset(&cur, 0, sizeof(cur));
		if (write(s->ack[1], "", 1) != 1) {
			killpg(pid, SIGKILL);
			return;
		}
		deadline = now_ms() + sandbox_wall() * 1000LL;
	}
}

/* Put the files in the sandbox, owned by the user who runs it. */
static int
fill(const struct sb *s, const struct sbfile *files, int nfiles)
{
	char	*path;
	int	 i, mode, rc = 0;

	for (i = 0; i < nfiles && rc == 0; i++) {
		path = path_join(s->dir, files[i].name);
		mode = files[i].exec ? 0755 : 0644;
		if (files[i].from != NULL)
			rc = copy_file(files[i].from, path, mode);
		else
			rc = write_file(path, files[i].data, files[i].len,
			    mode);
		if (rc == 0 && s->root && chown(path, s->uid, s->gid) == -1)
			rc = -1;
		if (rc == -1)
			fprintf(stderr, "manlint: sandbox: %s: %s\n", path,
			    strerror(errno));
		free(path);
	}
	return rc;
}

/*
 * The commands write to a terminal, as in the sessions the pages show:
 * standard output is then line-buffered, and interleaves with standard
 * error as it did there.  The terminal is 80 columns wide and does not
 * turn newlines into CR LF.  Where no terminal can be had, a pipe.
 */
static int
open_terminal(struct sb *s)
{
	struct termios	 t;
	struct winsize	 ws;
	char		*name;

	if ((s->out[0] = posix_openpt(O_RDWR | O_NOCTTY)) == -1)
		return -1;
	if (grantpt(s->out[0]) == -1 || unlockpt(s->out[0]) == -1 ||
	    (name = ptsname(s->out[0])) == NULL ||
	    (s->out[1] = open(name, O_RDWR | O_NOCTTY)) == -1) {
		close(s->out[0]);
		s->out[0] = -1;
		return -1;
	}
	memset(&ws, 0, sizeof(ws));
	ws.ws_col = 80;
	ws.ws_row = 24;
	if (tcgetattr(s->out[1], &t) == 0) {
		t.c_oflag &= ~OPOST;
		t.c_lflag &= ~ECHO;
		if (tcsetattr(s->out[1], TCSANOW, &t) == 0 &&
		    ioctl(s->out[1], TIOCSWINSZ, &ws) == 0)
			return 0;
	}
	close(s->out[0]);
	close(s->out[1]);
	s->out[0] = s->out[1] = -1;
	return -1;
}

static int
prepare(struct sb *s, const struct sbfile *files, int nfiles)
{
	struct passwd	*pw;

	s->root = geteuid() == 0;
	s->uid = getuid();
	s->gid = getgid();
	if (s->root) {
		/* nobody: 65534 on most systems, whatever passwd says. */
		s->uid = s->gid = 65534;
		if ((pw = getpwnam("nobody")) != NULL && pw->pw_uid != 0) {
			s->uid = pw->pw_uid;
			s->gid = pw->pw_gid;
		}
	}
	s->nproc = SB_NPROC + count_procs(s->uid);
	if ((s->dir = make_tmpdir("manlint-run")) == NULL) {
		fprintf(stderr, "manlint: sandbox: cannot make a directory: "
		    "%s\n", strerror(errno));
		return -1;
	}
	s->files = files;
	s->nfiles = nfiles;
	if ((open_terminal(s) == -1 && pipe(s->out) == -1) ||
	    pipe(s->ctl) == -1 || pipe(s->ack) == -1) {
		fprintf(stderr, "manlint: sandbox: pipe: %s\n",
		    strerror(errno));
		return -1;
	}
	if (fcntl(s->out[0], F_SETFD, FD_CLOEXEC) == -1 ||
	    fcntl(s->out[1], F_SETFD, FD_CLOEXEC) == -1 ||
	    fcntl(s->ctl[0], F_SETFD, FD_CLOEXEC) == -1 ||
	    fcntl(s->ctl[1], F_SETFD, FD_CLOEXEC) == -1 ||
	    fcntl(s->ack[0], F_SETFD, FD_CLOEXEC) == -1 ||
	    fcntl(s->ack[1], F_SETFD, FD_CLOEXEC) == -1 ||
	    fcntl(s->out[0], F_SETFL, O_NONBLOCK) == -1) {
		fprintf(stderr, "manlint: sandbox: fcntl: %s\n",
		    strerror(errno));
		return -1;
	}
	return 0;
}

static void
cleanup(struct sb *s)
{
	int	 i;

	for (i = 0; i < 2; i++) {
		if (s->out[i] != -1)
			close(s->out[i]);
		if (s->ctl[i] != -1)
			close(s->ctl[i]);
		if (s->ack[i] != -1)
			close(s->ack[i]);
	}
	if (s->dir != NULL && rm_tree(s->dir) == -1)
		fprintf(stderr, "manlint: sandbox: cannot remove %s: %s\n",
		    s->dir, strerror(errno));
	free(s->dir);
}

int
sandbox_run(const struct sbfile *files, int nfiles, char *const *cmds,
    int ncmds, int sanitize, struct sbresult *res)
{
	struct sb	 s;
	struct sigaction sa, oldsa;
	pid_t		 pid;
	int		 st;

	memset(&s, 0, sizeof(s));
	memset(res, 0, ncmds * sizeof(*res));
	s.out[0] = s.out[1] = s.ctl[0] = s.ctl[1] = s.ack[0] = s.ack[1] = -1;
	s.sanitize = sanitize;
	s.cmds = cmds;
	s.ncmds = ncmds;
	if (prepare(&s, files, nfiles) == -1) {
		cleanup(&s);
		return -1;
	}
	fflush(NULL);
	if ((pid = fork()) == -1) {
		fprintf(stderr, "manlint: sandbox: fork: %s\n",
		    strerror(errno));
		cleanup(&s);
		return -1;
	}
	if (pid == 0)
		supervise(&s);
	/* A sandbox that dies must not take manlint with it. */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = SIG_IGN;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGPIPE, &sa, &oldsa);
	close(s.out[1]);
	close(s.ctl[1]);
	close(s.ack[0]);
	s.out[1] = s.ctl[1] = s.ack[0] = -1;
	collect(&s, pid, res);
	/* Whatever is left of the process group goes now. */
	killpg(pid, SIGKILL);
	while (waitpid(pid, &st, 0) == -1)
		if (errno != EINTR)
			break;
	sigaction(SIGPIPE, &oldsa, NULL);
	cleanup(&s);
	if (!s.ready) {
		fprintf(stderr, "manlint: sandbox: could not be set up\n");
		return -1;
	}
	return 0;
}
