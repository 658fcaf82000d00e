# src/ingest: the import pipeline (parsing and extraction threads + single writer).
liblede_a_SOURCES += \
	src/ingest/ingest.c src/ingest/ingest.h \
	src/ingest/walk.c src/ingest/walk.h \
	src/ingest/queue.c src/ingest/queue.h \
	src/ingest/progress.c src/ingest/progress.h \
	src/ingest/reindex.c src/ingest/model.h

check_PROGRAMS += tests/unit/test_queue
TESTS += tests/unit/test_queue
tests_unit_test_queue_SOURCES = tests/unit/test_queue.c tests/unit/test.h
