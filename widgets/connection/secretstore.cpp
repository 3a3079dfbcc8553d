#include "widgets/connection/secretstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSettings>
#include <QTimer>

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSecrets, "tenantry.secrets")

namespace Tenantry::Widgets {
namespace {

constexpr int kKeychainTimeoutMs = 5000;

} // namespace

SecretStore::SecretStore(QString service, QString fallbackFile, Backend backend)
    : m_service(std::move(service))
    , m_fallbackFile(std::move(fallbackFile))
    , m_file(backend == Backend::File)
{
}

QString SecretStore::warning() const
{
    if (!m_file)
        return {};
    return QCoreApplication::translate("Tenantry::Widgets::SecretStore",
                                       "No keychain is available: passwords are kept in %1, readable only by "
                                       "your user account. Install and unlock a keychain (e.g. GNOME Keyring or "
                                       "KWallet) to keep them there instead.")
        .arg(QDir::toNativeSeparators(m_fallbackFile));
}

Result<std::optional<QString>> SecretStore::read(const QString &key)
{
    if (!m_file) {
        if (auto done = inKeychain(Op::Read, key, {}))
            return *done;
    }
    return inFile(Op::Read, key, {});
}

Status SecretStore::write(const QString &key, const QString &secret)
{
    if (!m_file) {
        if (auto done = inKeychain(Op::Write, key, secret))
            return done->ok() ? Status() : Status(done->error());
    }
    auto done = inFile(Op::Write, key, secret);
    return done ? Status() : Status(done.error());
}

Status SecretStore::remove(const QString &key)
{
    if (!m_file) {
        if (auto done = inKeychain(Op::Remove, key, {}))
            return done->ok() ? Status() : Status(done->error());
    }
    auto done = inFile(Op::Remove, key, {});
    return done ? Status() : Status(done.error());
}

std::optional<Result<std::optional<QString>>> SecretStore::inKeychain(Op op, const QString &key, const QString &secret)
{
    QKeychain::Job *job = nullptr;
    switch (op) {
    case Op::Read: job = new QKeychain::ReadPasswordJob(m_service); break;
    case Op::Write: {
        auto *write = new QKeychain::WritePasswordJob(m_service);
        write->setTextData(secret);
        job = write;
        break;
    }
    case Op::Remove: job = new QKeychain::DeletePasswordJob(m_service); break;
    }
    job->setAutoDelete(false);
    job->setKey(key);
    QEventLoop loop;
    bool finished = false;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(kKeychainTimeoutMs, &loop, &QEventLoop::quit);
    job->start();
    if (!finished)
        loop.exec();
    const std::unique_ptr<QKeychain::Job> owned(job);
    if (!finished || job->error() == QKeychain::NoBackendAvailable || job->error() == QKeychain::OtherError) {
        // No keychain to talk to: from now on the file holds this session's secrets.
        qCWarning(lcSecrets).noquote() << "no keychain:" << (finished ? job->errorString() : u"timed out"_s)
                                       << "- using" << m_fallbackFile;
        m_file = true;
        return std::nullopt;
    }
    if (job->error() == QKeychain::EntryNotFound)
        return Result<std::optional<QString>>(std::optional<QString>());
    if (job->error() != QKeychain::NoError) {
        return Result<std::optional<QString>>(
            Error::unavailable(u"keychain-error"_s, u"The keychain refused: %1"_s.arg(job->errorString())));
    }
    if (op == Op::Read)
        return Result<std::optional<QString>>(std::optional<QString>(static_cast<QKeychain::ReadPasswordJob *>(job)->textData()));
    return Result<std::optional<QString>>(std::optional<QString>());
}

Result<std::optional<QString>> SecretStore::inFile(Op op, const QString &key, const QString &secret)
{
    QDir().mkpath(QFileInfo(m_fallbackFile).absolutePath());
    QSettings file(m_fallbackFile, QSettings::IniFormat);
    switch (op) {
    case Op::Read:
        if (!file.contains(key))
            return std::optional<QString>();
        return std::optional<QString>(file.value(key).toString());
    case Op::Write:
        file.setValue(key, secret);
        break;
    case Op::Remove:
        file.remove(key);
        break;
    }
    file.sync();
    if (file.status() != QSettings::NoError)
        return Error::unavailable(u"secrets-file-error"_s, u"The secrets file %1 could not be written."_s.arg(m_fallbackFile));
    // Owner only: the file holds passwords in the clear.
    if (!QFile::setPermissions(m_fallbackFile, QFile::ReadOwner | QFile::WriteOwner))
        return Error::unavailable(u"secrets-file-error"_s, u"The secrets file %1 could not be made private."_s.arg(m_fallbackFile));
    return std::optional<QString>();
}

} // namespace Tenantry::Widgets
