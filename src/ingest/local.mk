# src/ingest: the import pipeline (worker thread + single writer).
liblede_a_SOURCES += \
	src/ingest/ingest.c src/ingest/ingest.h \
	src/ingest/walk.c src/ingest/walk.h \
	src/ingest/queue.c src/ingest/queue.h \
	src/ingest/progress.c src/ingest/progress.h \
	src/ingest/reindex.c src/ingest/model.h
