/* A C extractor plug-in for the tests, proving the ABI works from C.
 *
 * Built by the tests with `cc -shared -fPIC`, in variants chosen with -D:
 *   (none)            a working plug-in: every word "Alpha"/"Beta" becomes an entity, and
 *                     "Alpha pays Beta" a relation; "FAIL" in a document returns NULL with an
 *                     error message; "BROKEN" returns an answer that names an unknown entity.
 *   -DWRONG_ABI       linkgraph_plugin_abi returns 7.
 *   -DNO_FREE         linkgraph_plugin_free is missing.
 *   -DNULL_NO_MESSAGE extract returns NULL and last_error returns NULL.
 */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <unistd.h>
#include "linkgraph_plugin.h"

static char last_error[256];
static int has_error = 0;

int32_t linkgraph_plugin_abi(void) {
#ifdef WRONG_ABI
    return 7;
#else
    return LINKGRAPH_PLUGIN_ABI;
#endif
}

const char *linkgraph_plugin_describe(void) {
    return "{\"name\":\"c-test\",\"version\":\"0.1\",\"accepts\":[\"text/plain\"],\"summary\":\"test plug-in in C\"}";
}

#ifndef NULL_NO_MESSAGE
/* The byte offset of `word` in the request's "text" value, or -1. The test texts are ASCII
 * without escapes, so an offset inside the JSON string is an offset inside the text. */
static long offset_in_text(const char *request, const char *word) {
    const char *text = strstr(request, "\"text\":\"");
    if (!text) return -1;
    text += 8;
    const char *found = strstr(text, word);
    return found ? (long)(found - text) : -1;
}
#endif

static char *extract(const char *request);

/* Not reentrant on purpose: a second call while one runs fails, so the tests can see that
 * the host serializes calls into one library. */
static volatile int in_call = 0;

char *linkgraph_plugin_extract(const char *request) {
    if (in_call) {
        snprintf(last_error, sizeof last_error, "called concurrently");
        has_error = 1;
        return NULL;
    }
    in_call = 1;
    usleep(200);
    char *result = extract(request);
    in_call = 0;
    return result;
}

static char *extract(const char *request) {
    has_error = 0;
#ifdef NULL_NO_MESSAGE
    (void)request;
    return NULL;
#else
    if (strstr(request, "FAIL")) {
        snprintf(last_error, sizeof last_error, "the C plug-in refuses documents that say FAIL");
        has_error = 1;
        return NULL;
    }
    char *out = malloc(1024);
    if (!out) return NULL;
    if (strstr(request, "BROKEN")) {
        snprintf(out, 1024, "{\"entities\":[],\"relations\":[{\"source\":\"x\",\"target\":\"y\",\"kind\":\"pays\"}]}");
        return out;
    }
    long a = offset_in_text(request, "Alpha"), b = offset_in_text(request, "Beta"), p = offset_in_text(request, "Alpha pays Beta");
    char entities[512] = "", relations[256] = "";
    if (a >= 0) snprintf(entities, sizeof entities, "{\"id\":\"a\",\"name\":\"Alpha\",\"kind\":\"organization\",\"confidence\":0.75,\"mentions\":[{\"start\":%ld,\"end\":%ld}]}", a, a + 5);
    if (b >= 0) {
        size_t n = strlen(entities);
        snprintf(entities + n, sizeof entities - n, "%s{\"id\":\"b\",\"name\":\"Beta\",\"kind\":\"person\"}", n ? "," : "");
    }
    if (p >= 0) snprintf(relations, sizeof relations, "{\"source\":\"a\",\"target\":\"b\",\"kind\":\"pays\",\"confidence\":0.5,\"evidence\":[{\"start\":%ld,\"end\":%ld}]}", p, p + 15);
    snprintf(out, 1024, "{\"entities\":[%s],\"relations\":[%s]}", entities, relations);
    return out;
#endif
}

const char *linkgraph_plugin_last_error(void) {
    return has_error ? last_error : NULL;
}

#ifndef NO_FREE
void linkgraph_plugin_free(char *response) {
    free(response);
}
#endif
