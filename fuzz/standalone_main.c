/*
 * Replays fuzz inputs without libFuzzer: every file named on the command
 * line, or every file in the directories named, goes through the target
 * once. Used by `make check` so a gcc build re-runs the committed corpus
 * and every crash ever found (fuzz/regressions/).
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <locale.h>
#include <string.h>

#include "fuzz/fuzz.h"

static int
run_file(const char *path)
{
	FILE *fp = fopen(path, "rb");
	uint8_t *data;
	long n;

	if (fp == NULL)
		return -1;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	data = malloc(n > 0 ? (size_t)n : 1);
	if (data == NULL || (n > 0 && fread(data, 1, (size_t)n, fp) != (size_t)n)) {
		fclose(fp);
		free(data);
		return -1;
	}
	fclose(fp);
	LLVMFuzzerTestOneInput(data, (size_t)n);
	free(data);
	return 0;
}

int
main(int argc, char **argv)
{
	struct stat st;
	struct dirent *de;
	DIR *d;
	char path[4096];
	int i, count = 0;

	setlocale(LC_ALL, "C.UTF-8");
	for (i = 1; i < argc; i++) {
		if (stat(argv[i], &st) != 0)
			continue;
		if (!S_ISDIR(st.st_mode)) {
			count += run_file(argv[i]) == 0;
			continue;
		}
		if ((d = opendir(argv[i])) == NULL)
			continue;
		while ((de = readdir(d)) != NULL) {
			if (de->d_name[0] == '.')
				continue;
			snprintf(path, sizeof path, "%s/%s", argv[i], de->d_name);
			if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
				count += run_file(path) == 0;
		}
		closedir(d);
	}
	printf("%d inputs replayed\n", count);
	return count > 0 ? 0 : 77;
}
