#include <stdint.h>
#include <string.h>

/* Debian builds libxml2 with ICU, and libxml/encoding.h then includes <unicode/ucnv.h> for one
 * internal struct. Swift's Foundation carries its own, different copy of ICU's headers
 * (_FoundationICU); a Swift module that sees both copies fails to build, depending on which
 * module clang loads first ("'U_MF_...' from module '_FoundationICU' is not present in
 * definition of 'enum UErrorCode'"). We never touch that struct, so ICU's header is kept out:
 * its include guard is set and the two ICU types the struct names are renamed to opaque types
 * of our own for the length of the includes. */
#define UCNV_H 1
#define UConverter lg_icu_converter
#define UChar lg_icu_char
typedef struct lg_icu_converter lg_icu_converter;
typedef uint16_t lg_icu_char;
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#undef UConverter
#undef UChar

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
