#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <string.h>

/* A SAX handler with no callbacks at all (no tree is built, no default error printing);
 * the HTMLPages module sets the few callbacks it reads. */
static inline void lg_sax_clear(xmlSAXHandler *sax) { memset(sax, 0, sizeof(xmlSAXHandler)); }

/* Swallows a libxml2 message (a variadic C function, which Swift cannot define). */
static inline void lg_ignore_message(void *context, const char *message, ...) {
    (void)context;
    (void)message;
}

/* Keeps libxml2's generic messages (charset conversion errors, "encoder error") off standard
 * error for the calling thread: libxml2 keeps this handler per thread. */
static inline void lg_silence_generic_errors(void) { xmlSetGenericErrorFunc(NULL, lg_ignore_message); }
