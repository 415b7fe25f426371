/*
 * linkgraph_plugin.h — the C ABI of LinkGraph extractor plug-ins, version 1.
 *
 * A plug-in is a shared library (.so on Linux, .dylib on macOS) exporting the five functions
 * below with C linkage. `linkgraph extract --plugin path/to/libmine.so` loads it with
 * dlopen(RTLD_NOW | RTLD_LOCAL); the host never unloads it. Everything crossing the boundary is
 * UTF-8 JSON text, so the plug-in can be written in C, C++, Rust, Zig or Swift (with
 * @_cdecl), built by any compiler, and needs no LinkGraph header or library besides this one.
 *
 * The wire forms (request and answer) are described in docs/PLUGINS.md.
 *
 * Threads: the host calls one library from one thread at a time (calls are serialized by a
 * lock), but not always from the same thread. A plug-in that keeps its last error in a global
 * is therefore fine; one that uses thread-local storage must not assume a fixed thread.
 *
 * A crash in a library plug-in is a crash of the host: prefer a subprocess plug-in
 * (--plugin-exec) for code that may crash or hang.
 */
#ifndef LINKGRAPH_PLUGIN_H
#define LINKGRAPH_PLUGIN_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The ABI version this header describes. */
#define LINKGRAPH_PLUGIN_ABI 1

/* Returns the ABI version the plug-in was written for: LINKGRAPH_PLUGIN_ABI.
 * The host refuses a library that returns another number. */
int32_t linkgraph_plugin_abi(void);

/* Returns the plug-in's self-description, a JSON object owned by the plug-in that stays
 * valid for the life of the process:
 *   {"name": "my-extractor", "version": "1.0", "accepts": ["text/plain"], "summary": "..."}
 * `name` (no spaces or commas) is what `--with NAME` selects; `accepts` lists media types;
 * a subtype of "*" is a wildcard ("text/" followed by "*" takes every text type). */
const char *linkgraph_plugin_describe(void);

/* Extracts entities and relations from one document.
 * `request` is a NUL-terminated JSON object:
 *   {"id": "doc-1", "mediaType": "text/plain", "text": "...", "metadata": {...}, "options": {...}}
 * (binary documents carry "base64" instead of "text").
 * Returns a NUL-terminated JSON answer allocated by the plug-in, which the host hands back to
 * linkgraph_plugin_free once it has copied it:
 *   {"entities": [...], "relations": [...]}
 * or {"error": "message"} to fail this document only.
 * Returns NULL on failure; the host then calls linkgraph_plugin_last_error for the reason. */
char *linkgraph_plugin_extract(const char *request);

/* The message of the last failure (after extract returned NULL), owned by the plug-in and
 * valid until the next call into it, or NULL. */
const char *linkgraph_plugin_last_error(void);

/* Frees an answer returned by linkgraph_plugin_extract. */
void linkgraph_plugin_free(char *response);

#ifdef __cplusplus
}
#endif

#endif /* LINKGRAPH_PLUGIN_H */
