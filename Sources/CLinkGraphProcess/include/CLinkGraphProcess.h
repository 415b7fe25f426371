#ifndef CLINKGRAPHPROCESS_H
#define CLINKGRAPHPROCESS_H

/* What LinkGraphProcess needs from the C library that Swift's Glibc module does not declare
 * (pipe2, memfd_create, prctl's PR_SET_PDEATHSIG) or that cannot be written in Swift (the
 * code a forked child runs before exec, and a signal handler). Used by LinkGraphProcess only. */

#include <sys/types.h>

/* A new pipe whose two ends are close-on-exec, made atomically (pipe2) where the C library
 * can, so that a process another thread spawns meanwhile cannot inherit them.
 * Returns 0, or -1 with errno set. */
int lgp_pipe_cloexec(int fds[2]);

/* An anonymous close-on-exec file in memory (memfd_create), or -1 with errno set (ENOSYS where
 * the system has none). */
int lgp_memfd_create(const char *name);

/* One descriptor of the child: `source` (of the parent) becomes `target` (of the child). */
typedef struct {
    int source;
    int target;
} lgp_fd_mapping;

/* Starts `path` (not searched in PATH) with `argv` and `envp` (NULL-terminated) in a child
 * made with fork:
 * - the child's descriptors `mappings[i].target` are the parent's `mappings[i].source`; every
 *   other descriptor of the parent is expected to be close-on-exec;
 * - every signal has its default disposition and none is blocked;
 * - in a process group of its own when `new_group` is non-zero;
 * - on Linux, `death_signal` (when non-zero) is sent to the child when the thread that called
 *   this function ends (PR_SET_PDEATHSIG); a child whose parent is already gone exits at once.
 * Returns 0 with the child's pid in `*pid`, or an errno value (the exec failed: the child has
 * been reaped). */
int lgp_spawn(const char *path, char *const argv[], char *const envp[], const lgp_fd_mapping *mappings,
              int mapping_count, int new_group, int death_signal, pid_t *pid);

/* Children to pass a termination signal on to: `pid` itself, or its process group when
 * `group` is non-zero. At most 256 at a time; more are not tracked. */
void lgp_track_child(pid_t pid, int group);
void lgp_untrack_child(pid_t pid);

/* For SIGTERM, SIGINT and SIGHUP whose disposition is the default: on that signal, send it to
 * every tracked child (or group), then end this process with it as the default would.
 * Signals the program handles or ignores itself are left alone. Idempotent. */
void lgp_forward_termination_signals(void);

/* Sends `sig` to every tracked child (its process group when started in its own). */
void lgp_signal_tracked_children(int sig);

#endif
