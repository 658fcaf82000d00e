/*
 * lede reindex: rebuild the full-text index and the entity index (from
 * the stored mentions) and run extraction again over every stored
 * article, after the model or the rules changed (or when lede check found
 * an index out of step with the articles or mentions). The article text
 * is not touched; only the entities, mentions and events are replaced,
 * committed every 1,000 articles so an interrupted run keeps its
 * progress; the entity index follows each commit (an article whose
 * results did not change is not rewritten in it).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "archive/archive.h"
#include "extract/extract.h"
#include "ingest/ingest.h"
#include "ingest/model.h"
#include "ingest/progress.h"
#include "util/article.h"
#include "util/xalloc.h"

struct reindex {
	struct archive		*ar;
	struct extract_model	*model;
	struct progress		 prog;
	size_t			 done, intx;
	char			*cause;
};

static int
reindex_one(const struct article *a, void *arg)
{
	struct reindex *r = arg;
	struct extract_result *ex;
	int rc;

	if (r->intx == 0 && archive_begin(r->ar, &r->cause) != 0)
		return -1;
	ex = extract_run(r->model, a->body != NULL ? a->body : "",
	    a->body != NULL ? strlen(a->body) : 0, a->published, a->language);
	rc = archive_put_extract(r->ar, a->id, ex, &r->cause);
	extract_result_free(ex);
	if (rc != 0)
		return -1;
	r->done++;
	if (++r->intx >= 1000) {
		r->intx = 0;
		if (archive_commit(r->ar, &r->cause) != 0)
			return -1;
	}
	progress_update(&r->prog, r->done, r->done, 0);
	return 0;
}

int
ingest_reindex(struct archive *ar, const struct ingest_opts *opts,
    size_t *done, char **cause)
{
	struct reindex r = { .ar = ar };
	int rc;

	r.model = ingest_model_load(opts->problem, opts->arg);
	/* the full-text and entity indexes first: `lede check` sends
	   people here when they no longer match the articles */
	if (archive_rebuild_fts(ar, cause) != 0)
		goto fail;
	progress_init(&r.prog, opts->progress ? stderr : NULL, "articles",
	    (uint64_t)archive_total(ar));
	rc = archive_foreach(ar, reindex_one, &r, cause);
	if (rc == 0 && r.cause == NULL && r.intx > 0 &&
	    archive_commit(ar, &r.cause) != 0)
		rc = -1;
	if (r.cause != NULL) {
		if (r.intx > 0)
			archive_rollback(ar);
		free(*cause);
		*cause = r.cause;
		rc = -1;
	}
	progress_end(&r.prog);
	extract_model_free(r.model);
	*done = r.done;
	return rc == 0 ? 0 : -1;
fail:
	extract_model_free(r.model);
	*done = 0;
	return -1;
}
