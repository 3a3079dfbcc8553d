#include "widgets/settings/settingspage.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Tenantry::Widgets {

SettingsPage::SettingsPage(QWidget *parent)
    : QWidget(parent)
    , m_language(new QComboBox(this))
    , m_theme(new QComboBox(this))
    , m_storage(new QLabel(this))
{
    m_language->setObjectName(u"languageBox"_s);
    m_language->addItem(tr("System default"), QString());
    // Each in its own language, deliberately untranslated.
    m_language->addItem(u"English"_s, u"en"_s);
    m_language->addItem(u"简体中文"_s, u"zh_CN"_s);

    m_theme->setObjectName(u"themeBox"_s);
    m_theme->addItem(tr("System default"), themeName(Theme::System));
    m_theme->addItem(tr("Light"), themeName(Theme::Light));
    m_theme->addItem(tr("Dark"), themeName(Theme::Dark));

    auto *title = new QLabel(tr("Settings"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto *appearance = new QGroupBox(tr("Appearance"), this);
    auto *form = new QFormLayout(appearance);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(tr("&Theme:"), m_theme);
    auto *hint = new QLabel(tr("Changes apply at once; the window is redrawn in the new language or colours."),
                            appearance);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(hint);

    m_storage->setObjectName(u"settingsStorage"_s);
    m_storage->setWordWrap(true);
    m_storage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_storage->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    layout->setSpacing(12);
    layout->addWidget(title);
    layout->addWidget(appearance);
    layout->addWidget(m_storage);
    layout->addStretch(1);

    connect(m_language, &QComboBox::currentIndexChanged, this, &SettingsPage::choose);
    connect(m_theme, &QComboBox::currentIndexChanged, this, &SettingsPage::choose);
}

void SettingsPage::setPreferences(const ConsolePreferences &prefs)
{
    m_updating = true;
    m_prefs = prefs;
    const int language = m_language->findData(prefs.language);
    m_language->setCurrentIndex(language >= 0 ? language : 0);
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(themeName(prefs.theme))));
    m_updating = false;
}

void SettingsPage::setStorageDescription(const QString &where)
{
    m_storage->setText(tr("Settings are kept in %1").arg(where));
}

void SettingsPage::choose()
{
    if (m_updating)
        return;
    ConsolePreferences chosen;
    chosen.language = m_language->currentData().toString();
    chosen.theme = parseTheme(m_theme->currentData().toString());
    if (chosen == m_prefs)
        return;
    m_prefs = chosen;
    Q_EMIT preferencesChanged(m_prefs);
}

} // namespace Tenantry::Widgets
