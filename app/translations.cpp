#include "app/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QTranslator>

Q_LOGGING_CATEGORY(lcI18n, "tenantry.i18n", QtInfoMsg)

using namespace Qt::StringLiterals;

namespace Tenantry::App {

namespace {

const QString kTranslatorName = u"tenantry-translator"_s;

} // namespace

QString installTranslations(QCoreApplication &app, const QString &language)
{
    // A QTranslator uninstalls itself when deleted.
    qDeleteAll(app.findChildren<QTranslator *>(kTranslatorName, Qt::FindDirectChildrenOnly));

    const QString requested =
        language.trimmed().isEmpty() ? qEnvironmentVariable("TENANTRY_LANG").trimmed() : language.trimmed();
    const QLocale locale = requested.isEmpty() ? QLocale::system() : QLocale(requested);
    QLocale::setDefault(locale);

    // Tries each of the locale's UI languages in order, each from most to least specific
    // ("zh_Hans_CN", "zh_Hans", "zh", then "zh_CN", ...).
    auto *console = new QTranslator(&app);
    console->setObjectName(kTranslatorName);
    if (!console->load(locale, u"tenantry"_s, u"_"_s, u":/i18n"_s)) {
        qCDebug(lcI18n) << "No console translation for" << locale.uiLanguages() << "- showing English";
        delete console;
        return {};
    }
    QCoreApplication::installTranslator(console);
    const QString installed = console->language();

    // Qt's catalog follows the one found, not the request: a "de_DE, zh_CN" system with
    // no German console catalog must not get German dialog buttons in a Chinese console.
    const QString qtDirectory = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    auto *qt = new QTranslator(&app);
    qt->setObjectName(kTranslatorName);
    if (qt->load(QLocale(installed), u"qtbase"_s, u"_"_s, qtDirectory)) {
        QCoreApplication::installTranslator(qt);
    } else {
        qCInfo(lcI18n) << "No Qt translation for" << installed << "in" << qtDirectory
                       << "- standard buttons stay English (install qt6-translations-l10n)";
        delete qt;
    }
    qCDebug(lcI18n) << "Console language:" << installed;
    return installed;
}

} // namespace Tenantry::App
