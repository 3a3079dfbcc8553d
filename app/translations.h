#pragma once

#include <QString>

class QCoreApplication;

namespace Tenantry::App {

// Installs the console's translation (":/i18n/tenantry_<lang>.qm") and Qt's own for the
// same language (qtbase_<lang>.qm from QLibraryInfo::TranslationsPath; package
// qt6-translations-l10n), so standard dialog buttons speak the console's language.
//
// The language is `language` if given (a locale name such as "zh_CN" or "en", e.g. the
// operator's choice on the Settings page), else the TENANTRY_LANG environment variable if
// set, else the first of the system's UI languages (QLocale::system().uiLanguages()) the
// console has a catalog for. A named language also becomes the default QLocale, so dates
// and numbers match; otherwise the default goes back to the system's. Without a catalog
// for it nothing is installed and the English source texts show. A missing Qt catalog is
// logged (tenantry.i18n) and otherwise ignored.
//
// Replaces the translators an earlier call installed, so the language can change while the
// console runs; widgets built before the call keep their texts (rebuild them). GUI thread
// only, after `app` exists. The translators are children of `app`. Returns the language
// installed as named by its catalog, e.g. "zh_CN", or "" for none.
QString installTranslations(QCoreApplication &app, const QString &language = {});

} // namespace Tenantry::App
