#ifndef CINTL_SHIM_H
#define CINTL_SHIM_H

// glibc's gettext (libintl.h), which Swift's Glibc module does not include: dgettext and
// dngettext look a sentence up in the text domain's catalog for the language the locale names;
// bindtextdomain says where the catalogs are. All in glibc itself: nothing to link.
#include <libintl.h>
#include <locale.h>

#endif
