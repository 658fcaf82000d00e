# src/cli: one file per command, one table (cli.c), shared output helpers.
liblede_a_SOURCES += \
	src/cli/cli.c src/cli/cli.h \
	src/cli/output.c src/cli/output.h \
	src/cli/listing.c src/cli/listing.h \
	src/cli/cmd-import.c src/cli/cmd-list.c src/cli/cmd-show.c \
	src/cli/cmd-search.c src/cli/cmd-check.c src/cli/cmd-reindex.c \
	src/cli/cmd-entities.c src/cli/cmd-timeline.c \
	src/cli/demo.c src/cli/version.c \
	src/archive/libversion.c src/archive/libversion.h src/archive/snapshot.c \
	src/tui/libversion.c src/tui/libversion.h
