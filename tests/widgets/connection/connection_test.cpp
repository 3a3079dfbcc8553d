#include "widgets/connection/connectdialog.h"
#include "widgets/connection/connectionprofile.h"
#include "widgets/connection/secretstore.h"
#include "widgets/messagebanner.h"

#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QSettings>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace Tenantry;
using namespace Tenantry::Widgets;
using namespace Qt::StringLiterals;

namespace {

TEST(DatabaseUrlPassword, IsSplitOffAndPutBackWhole)
{
    const auto [url, password] = splitPassword(u"postgresql://tenantry:p%40ss%3Aw%2Frd@db.example.com:5432/tenantry"_s);
    EXPECT_EQ(url, u"postgresql://tenantry@db.example.com:5432/tenantry"_s);
    EXPECT_EQ(password, u"p@ss:w/rd"_s);
    EXPECT_EQ(splitPassword(withPassword(url, password)).second, u"p@ss:w/rd"_s);
    EXPECT_EQ(splitPassword(url).second, QString());
    EXPECT_EQ(withPassword(url, {}), url);
}

class ConnectionTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QByteArray fileText(const QString &name) const
    {
        QFile f(path(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    QTemporaryDir m_dir;
    QSettings settings{m_dir.filePath(u"console.conf"_s), QSettings::IniFormat};
    ConnectionProfiles profiles{settings};
    SecretStore secrets{u"TenantryTest"_s, m_dir.filePath(u"secrets.conf"_s), SecretStore::Backend::File};
};

TEST_F(ConnectionTest, ProfilesAreSavedFoundAndForgotten)
{
    ASSERT_TRUE(profiles.save({u"local"_s, path(u"data"_s), {}}).ok());
    ASSERT_TRUE(profiles.save({u"prod"_s, {}, u"postgresql://tenantry@db.example.com/tenantry"_s}).ok());
    ASSERT_EQ(profiles.all().size(), 2);
    EXPECT_TRUE(profiles.find(u"prod"_s)->usesPostgres());
    EXPECT_FALSE(profiles.find(u"local"_s)->usesPostgres());
    profiles.setLastUsed(u"prod"_s);
    EXPECT_EQ(profiles.lastUsed(), u"prod"_s);
    profiles.remove(u"prod"_s);
    EXPECT_FALSE(profiles.find(u"prod"_s).has_value());
    EXPECT_TRUE(profiles.lastUsed().isEmpty()) << "a deleted profile is not opened next time";

    EXPECT_FALSE(profiles.save({QString(), {}, {}}).ok());
    EXPECT_FALSE(profiles.save({u"a/b"_s, {}, {}}).ok());
    EXPECT_FALSE(profiles.save({u"x"_s, {}, u"mysql://db/x"_s}).ok());
    const Status withSecret = profiles.save({u"x"_s, {}, u"postgresql://u:secret@db/x"_s});
    ASSERT_FALSE(withSecret.ok());
    EXPECT_EQ(withSecret.error().code, u"invalid-profile"_s);
    EXPECT_FALSE(fileText(u"console.conf"_s).contains("secret"));
}

TEST_F(ConnectionTest, TheFileStoreKeepsSecretsPrivateAndSaysSo)
{
    EXPECT_TRUE(secrets.usesFile());
    EXPECT_TRUE(secrets.warning().contains(u"secrets.conf"_s));
    EXPECT_FALSE(secrets.read(u"k"_s).value().has_value());
    ASSERT_TRUE(secrets.write(u"k"_s, u"hunter2"_s).ok());
    EXPECT_EQ(secrets.read(u"k"_s).value().value_or(QString()), u"hunter2"_s);
    EXPECT_EQ(QFile::permissions(path(u"secrets.conf"_s)) & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup
                                                           | QFile::WriteOther),
              QFile::Permissions());
    ASSERT_TRUE(secrets.remove(u"k"_s).ok());
    EXPECT_FALSE(secrets.read(u"k"_s).value().has_value());
}

TEST_F(ConnectionTest, TheKeychainStoreKeepsASecretWhereverItCan)
{
    // With a keychain service the secret goes there; without one (as on a build server) the
    // store falls back to its file and says so. Either way the secret comes back.
    SecretStore store(u"TenantryTest"_s, path(u"fallback.conf"_s));
    ASSERT_TRUE(store.write(u"tenantry-test/k"_s, u"correct horse"_s).ok());
    EXPECT_EQ(store.read(u"tenantry-test/k"_s).value().value_or(QString()), u"correct horse"_s);
    EXPECT_EQ(store.usesFile(), !store.warning().isEmpty());
    if (!store.usesFile()) {
        EXPECT_FALSE(fileText(u"fallback.conf"_s).contains("correct horse")) << "in the keychain, not the file";
    }
    ASSERT_TRUE(store.remove(u"tenantry-test/k"_s).ok());
    EXPECT_FALSE(store.read(u"tenantry-test/k"_s).value().has_value());
}

TEST_F(ConnectionTest, TheDialogPutsThePasswordInTheSecretStoreAndConnects)
{
    ConnectDialog dialog(profiles, secrets, {});
    dialog.findChild<QLineEdit *>(u"profileName"_s)->setText(u"prod"_s);
    dialog.findChild<QComboBox *>(u"profileKind"_s)->setCurrentIndex(int(ConnectDialog::ProfileKind::Postgres));
    dialog.findChild<QLineEdit *>(u"profileDatabase"_s)->setText(u"postgresql://tenantry:s3cr3t@db.example.com/tenantry"_s);
    QStringList requested;
    QObject::connect(&dialog, &ConnectDialog::connectRequested, [&](const QString &name) { requested.append(name); });
    ASSERT_TRUE(dialog.connectToProfile());
    EXPECT_EQ(requested, QStringList{u"prod"_s});
    EXPECT_EQ(profiles.lastUsed(), u"prod"_s);
    EXPECT_EQ(profiles.find(u"prod"_s)->databaseUrl, u"postgresql://tenantry@db.example.com/tenantry"_s);
    EXPECT_EQ(secrets.read(profiles.find(u"prod"_s)->secretKey()).value().value_or(QString()), u"s3cr3t"_s);
    EXPECT_FALSE(fileText(u"console.conf"_s).contains("s3cr3t")) << "never in the profile";

    ConnectDialog again(profiles, secrets, u"prod"_s);
    EXPECT_EQ(again.findChild<QLineEdit *>(u"profileName"_s)->text(), u"prod"_s);
    EXPECT_TRUE(again.findChild<QLineEdit *>(u"profilePassword"_s)->text().isEmpty()) << "not shown back";
    again.deleteProfile();
    EXPECT_FALSE(profiles.find(u"prod"_s).has_value());
    EXPECT_FALSE(secrets.read(u"connection/prod/database-password"_s).value().has_value());
}

TEST_F(ConnectionTest, ServerProfilesNeedAnHttpAddressAndKeepNoSecret)
{
    ASSERT_TRUE(profiles.save({u"remote"_s, {}, {}, u"https://tenantry.example.com:8443"_s}).ok());
    const auto remote = profiles.find(u"remote"_s);
    ASSERT_TRUE(remote);
    EXPECT_TRUE(remote->usesServer());
    EXPECT_FALSE(remote->usesPostgres());
    EXPECT_EQ(remote->adminTokenKey(), u"connection/remote/admin-token"_s);
    EXPECT_NE(remote->adminTokenKey(), remote->secretKey());

    for (const QString &bad : {u"ftp://tenantry.example.com"_s, u"https://admin:token@tenantry.example.com"_s,
                               u"https://tenantry.example.com/?token=x"_s, u"tenantry.example.com"_s}) {
        const Status refused = profiles.save({u"bad"_s, {}, {}, bad});
        ASSERT_FALSE(refused.ok()) << bad.toStdString();
        EXPECT_EQ(refused.error().code, u"invalid-profile"_s);
    }
    EXPECT_FALSE(profiles.find(u"bad"_s));

    EXPECT_TRUE(sendsTokenInClear(u"http://tenantry.example.com"_s));
    EXPECT_FALSE(sendsTokenInClear(u"http://127.0.0.1:8080"_s));
    EXPECT_FALSE(sendsTokenInClear(u"http://localhost:8080"_s));
    EXPECT_FALSE(sendsTokenInClear(u"https://tenantry.example.com"_s));
}

TEST_F(ConnectionTest, TheDialogKeepsTheAdminTokenInTheSecretStore)
{
    ConnectDialog dialog(profiles, secrets, {});
    dialog.findChild<QLineEdit *>(u"profileName"_s)->setText(u"remote"_s);
    dialog.findChild<QComboBox *>(u"profileKind"_s)->setCurrentIndex(int(ConnectDialog::ProfileKind::Server));
    EXPECT_FALSE(dialog.findChild<QLineEdit *>(u"profileDataDir"_s)->isEnabled());
    EXPECT_TRUE(dialog.findChild<QLineEdit *>(u"profileToken"_s)->isEnabled());
    dialog.findChild<QLineEdit *>(u"profileServer"_s)->setText(u"http://tenantry.example.com"_s);
    EXPECT_TRUE(dialog.findChild<MessageBanner *>(u"connectBanner"_s)->text().contains(u"clear text"_s))
        << "http:// to another machine is warned about";
    dialog.findChild<QLineEdit *>(u"profileToken"_s)->setText(u"the-admin-token-0123456789"_s);
    ASSERT_TRUE(dialog.connectToProfile());
    const auto saved = profiles.find(u"remote"_s);
    ASSERT_TRUE(saved);
    EXPECT_EQ(saved->serverUrl, u"http://tenantry.example.com"_s);
    EXPECT_TRUE(saved->dataDir.isEmpty());
    EXPECT_EQ(secrets.read(saved->adminTokenKey()).value().value_or(QString()), u"the-admin-token-0123456789"_s);
    EXPECT_FALSE(fileText(u"console.conf"_s).contains("the-admin-token")) << "never in the profile";

    ConnectDialog again(profiles, secrets, u"remote"_s);
    EXPECT_EQ(again.findChild<QComboBox *>(u"profileKind"_s)->currentIndex(), int(ConnectDialog::ProfileKind::Server));
    EXPECT_TRUE(again.findChild<QLineEdit *>(u"profileToken"_s)->text().isEmpty()) << "not shown back";
    again.deleteProfile();
    EXPECT_FALSE(secrets.read(u"connection/remote/admin-token"_s).value().has_value());
}

TEST_F(ConnectionTest, ABadProfileIsRefusedAndNothingIsKept)
{
    ConnectDialog dialog(profiles, secrets, {});
    dialog.findChild<QLineEdit *>(u"profileName"_s)->setText(u"bad/name"_s);
    EXPECT_FALSE(dialog.saveProfile());
    EXPECT_TRUE(profiles.all().isEmpty());
}

} // namespace
