#pragma once

#include "widgets/settings/consolepreferences.h"

#include <QWidget>

class QComboBox;
class QLabel;

namespace Tenantry::Widgets {

// The Settings area of the console: the language (the system's, English or Simplified
// Chinese) and the theme (the system's, light or dark). A choice takes effect at once:
// the page emits preferencesChanged and whoever owns the window applies it (installs the
// catalog, sets the palette, rebuilds the window so every text and chart follows).
// Language names are written in their own language, so an operator who cannot read the
// current one still finds theirs. GUI thread only.
class SettingsPage final : public QWidget
{
    Q_OBJECT

public:
    explicit SettingsPage(QWidget *parent = nullptr);

    // Shows `prefs` without emitting preferencesChanged.
    void setPreferences(const ConsolePreferences &prefs);
    ConsolePreferences preferences() const { return m_prefs; }
    // Where the preferences are kept, shown for the operator's information.
    void setStorageDescription(const QString &where);

    QComboBox *languageBox() const { return m_language; }
    QComboBox *themeBox() const { return m_theme; }

Q_SIGNALS:
    void preferencesChanged(const Tenantry::Widgets::ConsolePreferences &prefs);

private:
    void choose();

    ConsolePreferences m_prefs;
    QComboBox *m_language;
    QComboBox *m_theme;
    QLabel *m_storage;
    bool m_updating = false;
};

} // namespace Tenantry::Widgets
