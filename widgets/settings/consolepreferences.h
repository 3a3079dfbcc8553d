#pragma once

#include "widgets/settings/appearance.h"

#include <QString>

class QSettings;

namespace Tenantry::Widgets {

// What an operator chooses on the Settings page, kept between runs in the console's
// settings file (QSettings, group "console").
struct ConsolePreferences {
    // A catalog's language ("en", "zh_CN"), or empty for the system's languages.
    QString language;
    Theme theme = Theme::System;

    static ConsolePreferences load(QSettings &settings);
    void save(QSettings &settings) const;

    friend bool operator==(const ConsolePreferences &, const ConsolePreferences &) = default;
};

} // namespace Tenantry::Widgets
