/*
 * Running the commands of a shell session in a sandbox: a fresh
 * directory as working directory and HOME, a cleared environment,
 * limits on resources, a wall-clock timeout, and, where the kernel
 * allows, no network and no process that outlives the session.
 */
#ifndef SANDBOX_H
#define SANDBOX_H

#include <stddef.h>

#define SB_CPU_SECONDS	5		/* RLIMIT_CPU, per process */
#define SB_WALL_SECONDS	10		/* per command */
#define SB_AS_MIB	1024		/* RLIMIT_AS, without sanitizers */
#define SB_RSS_MIB	1024		/* resident memory, with them */
#define SB_FSIZE_MIB	16		/* RLIMIT_FSIZE */
#define SB_DISK_MIB	64		/* the directory, where it can be
					   a tmpfs of its own */
#define SB_NOFILE	64		/* RLIMIT_NOFILE */
#define SB_NPROC	64		/* RLIMIT_NPROC, beyond those the
					   user already has */
#define SB_OUTPUT_MAX	(1024 * 1024)	/* output kept per command */

/* A file to put in the sandbox: a copy of from, or len bytes of data. */
struct sbfile {
	const char	*name;
	const char	*from;
	const char	*data;
	size_t		 len;
	int		 exec;
};

struct sbresult {
	int		 run;		/* the command was started */
	int		 status;	/* the shell's wait status */
	int		 timeout;	/* stopped by the wall clock */
	char		*out;		/* standard output and error */
	size_t		 len;		/* at most SB_OUTPUT_MAX */
};

/*
 * The limits on processor time and on wall-clock time, in seconds:
 * $MANLINT_CPU_LIMIT and $MANLINT_TIMEOUT, or the defaults above.
 */
int	 sandbox_cpu(void);
int	 sandbox_wall(void);

/*
 * Run each command with /bin/sh -c, one after another, in one sandbox.
 * res has ncmds entries; free each out.  Returns -1, having said why on
 * standard error, when no sandbox could be made.
 */
int	 sandbox_run(const struct sbfile *, int nfiles, char *const *cmds,
	    int ncmds, int sanitize, struct sbresult *res);

#endif
