#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

/* Reads at most cap bytes; one more byte than cap means the file is too big,
 * so a growing or lying file cannot make us read without bound. */
ties_code ties__read_all(const char *path, size_t cap, char **data, size_t *len, ties_error *err)
{
	int fd = 0;
	int is_stdin = strcmp(path, "-") == 0;
	*data = NULL;
	*len = 0;
	if (!is_stdin) {
		fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
		if (fd < 0) {
			if (errno == ENOENT || errno == ENOTDIR)
				return ties__error(err, TIES_ERR_NOTFOUND, "'%s': no such file",
				                   path);
			return ties__error(err, TIES_ERR_IO, "'%s': cannot open: %s", path,
			                   strerror(errno));
		}
		struct stat st;
		if (fstat(fd, &st) == 0) {
			if (S_ISDIR(st.st_mode)) {
				close(fd);
				return ties__error(err, TIES_ERR_ISDIR, "'%s': is a directory",
				                   path);
			}
			if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > cap) {
				close(fd);
				return ties__error(
				    err, TIES_ERR_TOOBIG,
				    "'%s': file is %llu bytes, over the limit of %zu", path,
				    (unsigned long long)st.st_size, cap);
			}
		}
	}
	ties_buf b;
	ties_buf_init(&b, 0);
	char chunk[65536];
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof chunk);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			int e = errno;
			if (!is_stdin)
				close(fd);
			ties_buf_release(&b);
			if (e == EISDIR)
				return ties__error(err, TIES_ERR_ISDIR, "'%s': is a directory",
				                   path);
			return ties__error(err, TIES_ERR_IO, "'%s': read error: %s", path,
			                   strerror(e));
		}
		if (n == 0)
			break;
		if (b.len + (size_t)n > cap) {
			if (!is_stdin)
				close(fd);
			ties_buf_release(&b);
			return ties__error(err, TIES_ERR_TOOBIG,
			                   "'%s': input is over the limit of %zu bytes", path, cap);
		}
		if (ties_buf_add(&b, chunk, (size_t)n)) {
			if (!is_stdin)
				close(fd);
			ties_buf_release(&b);
			return ties__error(err, TIES_ERR_NOMEM, "'%s': out of memory", path);
		}
	}
	if (!is_stdin)
		close(fd);
	*data = ties_buf_detach(&b, len);
	return TIES_OK;
}
