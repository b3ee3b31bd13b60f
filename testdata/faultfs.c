/* faultfs: an LD_PRELOAD shim for the fault tests (faultio_test.go).
 * While the file named by JICENG_FAULT_FILE exists, calls on files whose
 * path holds "jiceng.db" fail with EIO: fsync and fdatasync when the file
 * starts with 'f', writes when it starts with 'w'. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

static int faulty(int fd, char kind) {
	static int (*real_open)(const char *, int, ...);
	static ssize_t (*real_read)(int, void *, size_t);
	const char *flag = getenv("JICENG_FAULT_FILE");
	if (!flag) return 0;
	if (!real_open) real_open = dlsym(RTLD_NEXT, "open");
	if (!real_read) real_read = dlsym(RTLD_NEXT, "read");
	int f = real_open(flag, O_RDONLY);
	if (f < 0) return 0;
	char c = 0;
	real_read(f, &c, 1);
	close(f);
	if (c != kind) return 0;
	char link[64], path[4096];
	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	ssize_t n = readlink(link, path, sizeof path - 1);
	if (n <= 0) return 0;
	path[n] = 0;
	return strstr(path, "jiceng.db") != NULL;
}

typedef int (*sync_fn)(int);
typedef ssize_t (*write_fn)(int, const void *, size_t);
typedef ssize_t (*pwrite_fn)(int, const void *, size_t, off_t);
#define REAL(name, type) static type real_##name; if (!real_##name) real_##name = (type)dlsym(RTLD_NEXT, #name)

int fsync(int fd) {
	REAL(fsync, sync_fn);
	if (faulty(fd, 'f')) { errno = EIO; return -1; }
	return real_fsync(fd);
}

int fdatasync(int fd) {
	REAL(fdatasync, sync_fn);
	if (faulty(fd, 'f')) { errno = EIO; return -1; }
	return real_fdatasync(fd);
}

ssize_t write(int fd, const void *buf, size_t n) {
	REAL(write, write_fn);
	if (faulty(fd, 'w')) { errno = EIO; return -1; }
	return real_write(fd, buf, n);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off) {
	REAL(pwrite, pwrite_fn);
	if (faulty(fd, 'w')) { errno = EIO; return -1; }
	return real_pwrite(fd, buf, n, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off) {
	REAL(pwrite64, pwrite_fn);
	if (faulty(fd, 'w')) { errno = EIO; return -1; }
	return real_pwrite64(fd, buf, n, off);
}
