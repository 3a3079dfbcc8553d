#include "widgets/connection/connectdialog.h"

#include "widgets/connection/connectionprofile.h"
#include "widgets/connection/secretstore.h"
#include "widgets/messagebanner.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Tenantry::Widgets {

ConnectDialog::ConnectDialog(ConnectionProfiles &profiles, SecretStore &secrets, const QString &current,
                             QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_secrets(secrets)
    , m_list(new QListWidget(this))
    , m_name(new QLineEdit(this))
    , m_dataDir(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_url(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_server(new QLineEdit(this))
    , m_token(new QLineEdit(this))
    , m_banner(new MessageBanner(this))
{
    setWindowTitle(tr("Connect To"));
    m_list->setObjectName(u"profileList"_s);
    m_name->setObjectName(u"profileName"_s);
    m_dataDir->setObjectName(u"profileDataDir"_s);
    m_dataDir->setPlaceholderText(tr("The default data directory"));
    m_kind->setObjectName(u"profileKind"_s);
    m_kind->addItem(tr("Data directory (embedded SQLite catalog)"));
    m_kind->addItem(tr("PostgreSQL catalog"));
    m_kind->addItem(tr("Remote server (admin API)"));
    m_url->setObjectName(u"profileDatabase"_s);
    m_url->setPlaceholderText(u"postgresql://tenantry@db.example.com:5432/tenantry"_s);
    m_password->setObjectName(u"profilePassword"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Kept in the keychain; empty keeps the saved one"));
    m_server->setObjectName(u"profileServer"_s);
    m_server->setPlaceholderText(u"https://tenantry.example.com"_s);
    m_token->setObjectName(u"profileToken"_s);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("The server's admin token; kept in the keychain, empty keeps the saved one"));
    m_banner->setObjectName(u"connectBanner"_s);

    auto *browse = new QPushButton(tr("&Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Data Directory"), m_dataDir->text());
        if (!dir.isEmpty())
            m_dataDir->setText(dir);
    });
    auto *dirRow = new QHBoxLayout;
    dirRow->addWidget(m_dataDir, 1);
    dirRow->addWidget(browse);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&Data directory:"), dirRow);
    form->addRow(tr("Database &URL:"), m_url);
    form->addRow(tr("Pass&word:"), m_password);
    form->addRow(tr("Ser&ver:"), m_server);
    form->addRow(tr("Admin &token:"), m_token);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ConnectDialog::updateFields);
    connect(m_server, &QLineEdit::textChanged, this, &ConnectDialog::updateFields);

    auto *newButton = new QPushButton(tr("&New"), this);
    auto *save = new QPushButton(tr("&Save"), this);
    save->setObjectName(u"saveProfileButton"_s);
    auto *remove = new QPushButton(tr("De&lete"), this);
    remove->setObjectName(u"deleteProfileButton"_s);
    auto *profileButtons = new QHBoxLayout;
    profileButtons->addWidget(newButton);
    profileButtons->addWidget(save);
    profileButtons->addWidget(remove);
    profileButtons->addStretch(1);

    auto *right = new QVBoxLayout;
    right->addLayout(form);
    right->addLayout(profileButtons);
    right->addStretch(1);
    auto *columns = new QHBoxLayout;
    columns->addWidget(m_list, 1);
    columns->addLayout(right, 2);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *connectButton = buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole);
    connectButton->setObjectName(u"connectButton"_s);
    connectButton->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);

    connect(newButton, &QPushButton::clicked, this, [this] {
        m_list->clearSelection();
        showProfile({});
    });
    connect(save, &QPushButton::clicked, this, &ConnectDialog::saveProfile);
    connect(remove, &QPushButton::clicked, this, &ConnectDialog::deleteProfile);
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectDialog::connectToProfile);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::currentTextChanged, this, &ConnectDialog::showProfile);

    reloadList(current);
    if (m_secrets.usesFile())
        m_banner->showMessage(MessageBanner::Kind::Warning, m_secrets.warning());
    resize(720, 360);
}

void ConnectDialog::reloadList(const QString &select)
{
    m_list->clear();
    for (const ConnectionProfile &p : m_profiles.all())
        m_list->addItem(p.name);
    const QList<QListWidgetItem *> found = m_list->findItems(select, Qt::MatchExactly);
    if (!found.isEmpty())
        m_list->setCurrentItem(found.first());
    else
        showProfile({});
}

void ConnectDialog::showProfile(const QString &name)
{
    const ConnectionProfile p = m_profiles.find(name).value_or(ConnectionProfile{});
    m_name->setText(p.name);
    m_dataDir->setText(p.dataDir);
    m_kind->setCurrentIndex(int(p.usesServer() ? ProfileKind::Server
                                : p.usesPostgres() ? ProfileKind::Postgres
                                                   : ProfileKind::DataDirectory));
    m_url->setText(p.databaseUrl);
    m_password->clear();
    m_server->setText(p.serverUrl);
    m_token->clear();
    updateFields();
}

ConnectDialog::ProfileKind ConnectDialog::kind() const
{
    return ProfileKind(m_kind->currentIndex());
}

void ConnectDialog::updateFields()
{
    const ProfileKind k = kind();
    m_dataDir->setEnabled(k != ProfileKind::Server);
    m_url->setEnabled(k == ProfileKind::Postgres);
    m_password->setEnabled(k == ProfileKind::Postgres);
    m_server->setEnabled(k == ProfileKind::Server);
    m_token->setEnabled(k == ProfileKind::Server);
    if (k == ProfileKind::Server && sendsTokenInClear(m_server->text().trimmed()))
        m_banner->showMessage(MessageBanner::Kind::Warning,
                              tr("With http:// the admin token crosses the network in clear text: use https:// "
                                 "(e.g. the server behind nginx with TLS) for anything but this machine."));
}

bool ConnectDialog::saveProfile()
{
    ConnectionProfile p;
    p.name = m_name->text().trimmed();
    QString password = m_password->text();
    if (kind() == ProfileKind::Server)
        p.serverUrl = m_server->text().trimmed();
    else
        p.dataDir = m_dataDir->text().trimmed();
    if (kind() == ProfileKind::Postgres) {
        // A password pasted as part of the URL goes where the password field's goes.
        const auto [url, inUrl] = splitPassword(m_url->text().trimmed());
        p.databaseUrl = url;
        if (password.isEmpty())
            password = inUrl;
    }
    if (Status saved = m_profiles.save(p); !saved) {
        m_banner->showMessage(MessageBanner::Kind::Error, tr("The profile was not saved: %1").arg(saved.error().message));
        return false;
    }
    if (p.usesPostgres() && !password.isEmpty()) {
        if (Status kept = m_secrets.write(p.secretKey(), password); !kept) {
            m_banner->showMessage(MessageBanner::Kind::Error,
                                  tr("The profile was saved, its password not: %1").arg(kept.error().message));
            return false;
        }
    }
    if (p.usesServer() && !m_token->text().isEmpty()) {
        if (Status kept = m_secrets.write(p.adminTokenKey(), m_token->text()); !kept) {
            m_banner->showMessage(MessageBanner::Kind::Error,
                                  tr("The profile was saved, its admin token not: %1").arg(kept.error().message));
            return false;
        }
    }
    reloadList(p.name); // shows the clear-text warning again where it applies
    if (m_secrets.usesFile())
        m_banner->showMessage(MessageBanner::Kind::Warning, m_secrets.warning());
    else if (!(p.usesServer() && sendsTokenInClear(p.serverUrl)))
        m_banner->showMessage(MessageBanner::Kind::Information, tr("Profile %1 saved.").arg(p.name));
    return true;
}

void ConnectDialog::deleteProfile()
{
    const auto p = m_profiles.find(m_name->text().trimmed());
    if (!p)
        return;
    (void)m_secrets.remove(p->secretKey());
    (void)m_secrets.remove(p->adminTokenKey());
    m_profiles.remove(p->name);
    reloadList({});
    m_banner->showMessage(MessageBanner::Kind::Information, tr("Profile %1 deleted.").arg(p->name));
}

bool ConnectDialog::connectToProfile()
{
    if (!saveProfile())
        return false;
    const QString name = m_name->text().trimmed();
    m_profiles.setLastUsed(name);
    Q_EMIT connectRequested(name);
    accept();
    return true;
}

} // namespace Tenantry::Widgets
