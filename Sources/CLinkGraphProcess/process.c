#define _GNU_SOURCE
#include "CLinkGraphProcess.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <unistd.h>
#include <sys/wait.h>
#ifdef __linux__
#include <sys/mman.h>
#include <sys/prctl.h>
#endif

int lgp_pipe_cloexec(int fds[2]) {
#ifdef __linux__
    return pipe2(fds, O_CLOEXEC);
#else
    if (pipe(fds) != 0) return -1;
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    return 0;
#endif
}

int lgp_memfd_create(const char *name) {
#if defined(__linux__) && defined(MFD_CLOEXEC)
    return memfd_create(name, MFD_CLOEXEC);
#else
    (void)name;
    errno = ENOSYS;
    return -1;
#endif
}

/* Writes errno to `report` and exits: the child side of a failed exec. */
static void child_fail(int report) {
    int code = errno;
    ssize_t ignored = write(report, &code, sizeof code);
    (void)ignored;
    _exit(127);
}

int lgp_spawn(const char *path, char *const argv[], char *const envp[], const lgp_fd_mapping *mappings,
              int mapping_count, int new_group, int death_signal, pid_t *pid) {
    int report[2];
    if (lgp_pipe_cloexec(report) != 0) return errno;
    pid_t parent = getpid();
    sigset_t all, saved;
    sigfillset(&all);
    /* No handler of the parent may run in the child between fork and exec. */
    pthread_sigmask(SIG_SETMASK, &all, &saved);
    pid_t child = fork();
    if (child == 0) {
        /* The child: async-signal-safe calls only until execve. */
        struct sigaction dfl;
        dfl.sa_handler = SIG_DFL;
        dfl.sa_flags = 0;
        sigemptyset(&dfl.sa_mask);
        for (int sig = 1; sig < NSIG; sig++) {
            if (sig != SIGKILL && sig != SIGSTOP) sigaction(sig, &dfl, NULL);
        }
#ifdef __linux__
        if (death_signal != 0) {
            if (prctl(PR_SET_PDEATHSIG, death_signal) != 0) child_fail(report[1]);
            if (getppid() != parent) _exit(127); /* the parent ended before the prctl */
        }
#else
        (void)death_signal;
        (void)parent;
#endif
        if (new_group && setpgid(0, 0) != 0) child_fail(report[1]);
        for (int i = 0; i < mapping_count; i++) {
            int source = mappings[i].source, target = mappings[i].target;
            if (source == target) {
                if (fcntl(source, F_SETFD, 0) != 0) child_fail(report[1]);
            } else if (dup2(source, target) < 0) {
                child_fail(report[1]);
            }
        }
        sigset_t none;
        sigemptyset(&none);
        pthread_sigmask(SIG_SETMASK, &none, NULL);
        execve(path, argv, envp);
        child_fail(report[1]);
    }
    int forked = errno;
    pthread_sigmask(SIG_SETMASK, &saved, NULL);
    close(report[1]);
    if (child < 0) {
        close(report[0]);
        return forked;
    }
    if (new_group) setpgid(child, child); /* also here, so it holds before this returns */
    int code = 0;
    ssize_t got;
    do {
        got = read(report[0], &code, sizeof code);
    } while (got < 0 && errno == EINTR);
    close(report[0]);
    if (got == (ssize_t)sizeof code) {
        int status;
        while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
        }
        return code != 0 ? code : ECHILD;
    }
    *pid = child;
    return 0;
}

/* Tracked children: a pid, or minus a process group id; 0 for a free slot. */
#define LGP_TRACKED 256
static _Atomic int tracked[LGP_TRACKED];

void lgp_track_child(pid_t pid, int group) {
    int value = group ? -(int)pid : (int)pid;
    for (int i = 0; i < LGP_TRACKED; i++) {
        int expected = 0;
        if (atomic_compare_exchange_strong(&tracked[i], &expected, value)) return;
    }
}

void lgp_untrack_child(pid_t pid) {
    for (int i = 0; i < LGP_TRACKED; i++) {
        int expected = (int)pid;
        if (atomic_compare_exchange_strong(&tracked[i], &expected, 0)) return;
        expected = -(int)pid;
        if (atomic_compare_exchange_strong(&tracked[i], &expected, 0)) return;
    }
}

void lgp_signal_tracked_children(int sig) {
    for (int i = 0; i < LGP_TRACKED; i++) {
        int value = atomic_load(&tracked[i]);
        if (value != 0) kill(value, sig);
    }
}

static void forward_and_end(int sig) {
    for (int i = 0; i < LGP_TRACKED; i++) {
        int value = atomic_load(&tracked[i]);
        if (value != 0) kill(value, sig);
    }
    /* End as the default disposition would: the signal is blocked in this handler and is
     * delivered, with SIG_DFL, when the handler returns. */
    signal(sig, SIG_DFL);
    raise(sig);
}

static void install_forwarding(void) {
    const int signals[] = {SIGTERM, SIGINT, SIGHUP};
    for (unsigned i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction current;
        if (sigaction(signals[i], NULL, &current) != 0 || current.sa_handler != SIG_DFL) continue;
        struct sigaction action;
        action.sa_handler = forward_and_end;
        action.sa_flags = SA_RESTART;
        sigemptyset(&action.sa_mask);
        sigaction(signals[i], &action, NULL);
    }
}

static pthread_once_t forwarding_once = PTHREAD_ONCE_INIT;

void lgp_forward_termination_signals(void) {
    pthread_once(&forwarding_once, install_forwarding);
}
