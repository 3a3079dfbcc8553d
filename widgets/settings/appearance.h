#pragma once

#include <QString>

namespace Tenantry::Widgets {

// The console's colour scheme. System keeps whatever style and palette the platform gave
// the application; Light and Dark use the Fusion style, which draws every widget from the
// palette, so a dark palette darkens everything (Qt's platform styles may not).
enum class Theme { System, Light, Dark };

// "system", "light", "dark": the form kept in the settings file.
QString themeName(Theme theme);
// Parses themeName()'s form; anything else is System.
Theme parseTheme(const QString &name);

// Applies `theme` to the running application: its style and palette, for every window
// that exists and every one created later. Widgets that copy colours at construction
// (the charts) take the new ones when rebuilt. GUI thread only; needs a QApplication.
void applyTheme(Theme theme);

// True when the application's current palette has a dark window colour, whatever chose it.
bool paletteIsDark();

} // namespace Tenantry::Widgets
