#include "widgets/settings/consolepreferences.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace Tenantry::Widgets {

ConsolePreferences ConsolePreferences::load(QSettings &settings)
{
    ConsolePreferences prefs;
    settings.beginGroup(u"console"_s);
    prefs.language = settings.value(u"language"_s).toString().trimmed();
    prefs.theme = parseTheme(settings.value(u"theme"_s).toString());
    settings.endGroup();
    return prefs;
}

void ConsolePreferences::save(QSettings &settings) const
{
    settings.beginGroup(u"console"_s);
    settings.setValue(u"language"_s, language);
    settings.setValue(u"theme"_s, themeName(theme));
    settings.endGroup();
    settings.sync();
}

} // namespace Tenantry::Widgets
