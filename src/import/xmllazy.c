/*
 * The libxml2 entry points lede calls, loaded with dlopen() the first time
 * one of them is called instead of by the dynamic loader at every start.
 *
 * Why: Debian's libxml2 pulls in ICU (libicuuc, its 30 MB data library),
 * libstdc++, liblzma and zlib. Mapping and relocating them cost about half
 * of the CPU time `lede --version` took and ~10 ms of the reader's first
 * screen on a 2-core VM, and the reader never parses XML: only importing
 * feeds and HTML pages does. So the `lede` binary links this file instead
 * of -lxml2; the parsers in import/ call the usual libxml2 names and land
 * here. Unit tests, fuzz targets and the benchmarks link liblede.a with the
 * real -lxml2 and never see this file.
 *
 * Each function below has the prototype of the libxml2 header it comes
 * from, so a mismatch is a compile error. A libxml2 that cannot be loaded
 * (it is a declared dependency of the package) is fatal, like running out
 * of memory. The symbols are resolved all at once under pthread_once, so
 * the import's parsing thread and the main thread may race to the first
 * call safely.
 */
#include "config.h"

#include <dlfcn.h>
#include <pthread.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>

#include "util/xalloc.h"

#define XMLLAZY_SONAME "libxml2.so.2"

/*
 * X(return type, name, parameters, arguments), V(name, parameters,
 * arguments) for those returning void: every libxml2 function the import
 * parsers and `lede --version` use. A new call to libxml2 elsewhere
 * in src/ fails to link `lede` until it is listed here.
 */
#define XMLLAZY_FUNCTIONS \
	X(htmlDocPtr, htmlReadMemory, (const char *buffer, int size, \
	    const char *URL, const char *encoding, int options), \
	    (buffer, size, URL, encoding, options)) \
	X(xmlChar *, xmlBuildURI, (const xmlChar *URI, const xmlChar *base), \
	    (URI, base)) \
	X(xmlErrorPtr, xmlCtxtGetLastError, (void *ctx), (ctx)) \
	X(xmlDocPtr, xmlCtxtReadMemory, (xmlParserCtxtPtr ctxt, \
	    const char *buffer, int size, const char *URL, \
	    const char *encoding, int options), \
	    (ctxt, buffer, size, URL, encoding, options)) \
	X(xmlNodePtr, xmlDocGetRootElement, (const xmlDoc *doc), (doc)) \
	V(xmlFreeDoc, (xmlDocPtr cur), (cur)) \
	V(xmlFreeParserCtxt, (xmlParserCtxtPtr ctxt), (ctxt)) \
	X(long, xmlGetLineNo, (const xmlNode *node), (node)) \
	X(xmlChar *, xmlGetNoNsProp, (const xmlNode *node, \
	    const xmlChar *name), (node, name)) \
	X(xmlChar *, xmlGetNsProp, (const xmlNode *node, const xmlChar *name, \
	    const xmlChar *nameSpace), (node, name, nameSpace)) \
	V(xmlInitParser, (void), ()) \
	X(xmlParserCtxtPtr, xmlNewParserCtxt, (void), ()) \
	X(xmlChar *, xmlNodeGetBase, (const xmlDoc *doc, const xmlNode *cur), \
	    (doc, cur)) \
	X(xmlChar *, xmlNodeGetLang, (const xmlNode *cur), (cur)) \
	V(xmlSetGenericErrorFunc, (void *ctx, \
	    xmlGenericErrorFunc handler), (ctx, handler)) \
	V(xmlSetStructuredErrorFunc, (void *ctx, \
	    xmlStructuredErrorFunc handler), (ctx, handler)) \
	X(const char **, __xmlParserVersion, (void), ())

static struct {
#define X(ret, name, params, args) ret (*name) params;
#define V(name, params, args) void (*name) params;
	XMLLAZY_FUNCTIONS
#undef X
#undef V
} fn;

/*
 * libxml2 exports xmlFree as a variable holding its deallocator; callers
 * free the strings it returns through it. Set once the library is loaded,
 * which happens before any string it could free exists.
 */
xmlFreeFunc xmlFree;

static pthread_once_t loaded = PTHREAD_ONCE_INIT;

static void *
resolve(void *lib, const char *name)
{
	void *p;

	if ((p = dlsym(lib, name)) == NULL)
		fatal("%s: no symbol %s", XMLLAZY_SONAME, name);
	return p;
}

static void
load(void)
{
	void *lib;

	if ((lib = dlopen(XMLLAZY_SONAME, RTLD_NOW | RTLD_LOCAL)) == NULL)
		fatal("cannot load %s (Debian package libxml2): %s",
		    XMLLAZY_SONAME, dlerror());
	/* POSIX's way to store a data pointer into a function pointer */
#define X(ret, name, params, args) \
	*(void **)&fn.name = resolve(lib, #name);
#define V(name, params, args) X(void, name, params, args)
	XMLLAZY_FUNCTIONS
#undef X
#undef V
	xmlFree = *(xmlFreeFunc *)resolve(lib, "xmlFree");
	/* the library stays loaded until exit */
}

#define X(ret, name, params, args) \
ret \
name params \
{ \
	pthread_once(&loaded, load); \
	return fn.name args; \
}
#define V(name, params, args) \
void \
name params \
{ \
	pthread_once(&loaded, load); \
	fn.name args; \
}
XMLLAZY_FUNCTIONS
#undef X
#undef V
