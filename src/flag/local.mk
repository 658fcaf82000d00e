# src/flag: correction flags. The storage half lives in src/archive/flags.c
# (only src/archive/ may include <sqlite3.h>) but belongs to this module.
liblede_a_SOURCES += \
	src/archive/flags.c src/archive/flags.h \
	src/flag/flag.c src/flag/flag.h \
	src/flag/anchor.c src/flag/anchor.h \
	src/flag/export.c src/flag/export.h \
	src/flag/export_json.c src/flag/export_csv.c src/flag/export_email.c \
	src/flag/outfile.c src/flag/outfile.h \
	src/cli/cmd-flag.c src/cli/cmd-flags.c src/cli/cmd-export-flags.c

check_PROGRAMS += tests/unit/test_anchor tests/unit/test_export_flags \
	tests/unit/test_flags_archive
TESTS += tests/unit/test_anchor tests/unit/test_export_flags \
	tests/unit/test_flags_archive tests/cli/flags.sh
EXTRA_DIST += tests/cli/flags.sh
tests_unit_test_anchor_SOURCES = tests/unit/test_anchor.c tests/unit/test.h
tests_unit_test_export_flags_SOURCES = tests/unit/test_export_flags.c \
	tests/unit/test.h
tests_unit_test_flags_archive_SOURCES = tests/unit/test_flags_archive.c \
	tests/unit/test.h
