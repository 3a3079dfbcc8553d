#include "fakes/fakes_tenantservice.h"
#include "widgets/mainwindow.h"
#include "widgets/settings/appearance.h"
#include "widgets/settings/consolepreferences.h"
#include "widgets/settings/settingspage.h"

#include <QApplication>
#include <QComboBox>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using Tenantry::Testing::FakeTenantService;
using Tenantry::Widgets::ConsolePreferences;
using Tenantry::Widgets::MainWindow;
using Tenantry::Widgets::SettingsPage;
using Tenantry::Widgets::Theme;

namespace {

TEST(ConsolePreferencesTest, RoundTripThroughTheSettingsFile)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = dir.filePath(u"console.conf"_s);
    {
        QSettings settings(path, QSettings::IniFormat);
        EXPECT_EQ(ConsolePreferences::load(settings), ConsolePreferences{}); // nothing saved yet
        ConsolePreferences prefs;
        prefs.language = u"zh_CN"_s;
        prefs.theme = Theme::Dark;
        prefs.save(settings);
    }
    QSettings settings(path, QSettings::IniFormat);
    const ConsolePreferences loaded = ConsolePreferences::load(settings);
    EXPECT_EQ(loaded.language, u"zh_CN"_s);
    EXPECT_EQ(loaded.theme, Theme::Dark);

    settings.setValue(u"console/theme"_s, u"purple"_s); // a hand-edited file
    EXPECT_EQ(ConsolePreferences::load(settings).theme, Theme::System);
}

TEST(SettingsPageTest, ShowsPreferencesWithoutEmittingAndEmitsEachChoice)
{
    SettingsPage page;
    QList<ConsolePreferences> changed;
    QObject::connect(&page, &SettingsPage::preferencesChanged, [&](const ConsolePreferences &p) { changed.append(p); });
    ConsolePreferences prefs;
    prefs.language = u"en"_s;
    prefs.theme = Theme::Light;
    page.setPreferences(prefs);
    EXPECT_EQ(changed.count(), 0);
    EXPECT_EQ(page.languageBox()->currentData().toString(), u"en"_s);
    EXPECT_EQ(page.themeBox()->currentData().toString(), u"light"_s);

    page.languageBox()->setCurrentIndex(page.languageBox()->findData(u"zh_CN"_s));
    ASSERT_EQ(changed.count(), 1);
    auto chosen = changed.takeFirst();
    EXPECT_EQ(chosen.language, u"zh_CN"_s);
    EXPECT_EQ(chosen.theme, Theme::Light);

    page.themeBox()->setCurrentIndex(page.themeBox()->findData(u"dark"_s));
    ASSERT_EQ(changed.count(), 1);
    chosen = changed.takeFirst();
    EXPECT_EQ(chosen.language, u"zh_CN"_s);
    EXPECT_EQ(chosen.theme, Theme::Dark);
    EXPECT_EQ(page.preferences(), chosen);

    // The native names are there whatever the current language.
    EXPECT_GE(page.languageBox()->findText(u"简体中文"_s), 0);
    EXPECT_GE(page.languageBox()->findText(u"English"_s), 0);
}

TEST(AppearanceTest, DarkThemeDarkensThePaletteAndSystemRestoresIt)
{
    const QPalette before = QApplication::palette();
    const QString styleBefore = QApplication::style()->name();
    Tenantry::Widgets::applyTheme(Theme::Dark);
    EXPECT_TRUE(Tenantry::Widgets::paletteIsDark());
    EXPECT_EQ(QApplication::style()->name().toLower(), u"fusion"_s);
    EXPECT_GT(QApplication::palette().color(QPalette::Text).lightness(), 200);

    Tenantry::Widgets::applyTheme(Theme::Light);
    EXPECT_FALSE(Tenantry::Widgets::paletteIsDark());

    Tenantry::Widgets::applyTheme(Theme::System);
    EXPECT_EQ(QApplication::palette().color(QPalette::Window), before.color(QPalette::Window));
    EXPECT_EQ(QApplication::style()->name(), styleBefore);
}

TEST(MainWindowAreasTest, SettingsIsAnAreaAndItsChoicesReachTheWindowsOwner)
{
    FakeTenantService service;
    MainWindow window(&service, nullptr, u"test"_s);
    EXPECT_EQ(window.currentArea(), u"tenants"_s);
    ASSERT_TRUE(window.showArea(u"settings"_s));
    EXPECT_EQ(window.currentArea(), u"settings"_s);
    EXPECT_FALSE(window.showArea(u"audit"_s)); // no audit trail given: no page
    EXPECT_EQ(window.currentArea(), u"settings"_s);
    EXPECT_FALSE(window.showArea(u"no-such-area"_s));

    QList<ConsolePreferences> changed;
    QObject::connect(&window, &MainWindow::preferencesChanged, [&](const ConsolePreferences &p) { changed.append(p); });
    QComboBox *theme = window.settingsPage()->themeBox();
    theme->setCurrentIndex(theme->findData(u"dark"_s));
    ASSERT_EQ(changed.count(), 1);
    EXPECT_EQ(changed.at(0).theme, Theme::Dark);
}

} // namespace
