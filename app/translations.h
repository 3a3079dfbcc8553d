#pragma once

#include <QString>

class QCoreApplication;

namespace Tenantry::App {

// Installs the console's translation (":/i18n/tenantry_<lang>.qm") and Qt's own for the
// same language (qtbase_<lang>.qm from QLibraryInfo::TranslationsPath; package
// qt6-translations-l10n), so standard dialog buttons speak the console's language.
//
// The language is the TENANTRY_LANG environment variable if set (a locale name such as
// "zh_CN" or "en"; it also becomes the default QLocale, so dates and numbers match), else
// the first of the system's UI languages (QLocale::system().uiLanguages()) the console has
// a catalog for. Without a match nothing is installed and the English source texts show.
// A missing Qt catalog is logged (tenantry.i18n) and otherwise ignored.
//
// Call once on the GUI thread, after `app` exists and before any widget is built: texts
// are looked up when widgets are created. The translators are children of `app`.
// Returns the language installed as named by its catalog, e.g. "zh_CN", or "" for none.
QString installTranslations(QCoreApplication &app);

} // namespace Tenantry::App
