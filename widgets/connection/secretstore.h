#pragma once

#include "core/base/result.h"

#include <QString>

#include <optional>

namespace Tenantry::Widgets {

// Where the console keeps secrets (database passwords of connection profiles): the OS
// keychain through QtKeychain (Secret Service or KWallet on Linux, the macOS Keychain, the
// Windows Credential Store). Where none answers (a server without a desktop session, or one
// that takes longer than five seconds), it falls back to a file only the user can read and
// says so in warning(), which the console shows wherever a secret is saved.
//
// Synchronous: each call waits for QtKeychain's job in a local event loop. GUI thread only.
class SecretStore final
{
public:
    enum class Backend {
        Keychain, // the OS keychain, the file only when none answers
        File,     // the file only, e.g. where an operator chose not to use a keychain
    };

    // `service` names the entries in the keychain; `fallbackFile` is the file's path.
    SecretStore(QString service, QString fallbackFile, Backend backend = Backend::Keychain);

    // nullopt when nothing is stored under `key`.
    Result<std::optional<QString>> read(const QString &key);
    Status write(const QString &key, const QString &secret);
    Status remove(const QString &key);

    // True once the keychain did not answer (or with Backend::File): secrets go to the file.
    bool usesFile() const { return m_file; }
    // What the operator should know about where secrets are; empty while in the keychain.
    QString warning() const;
    QString fallbackFile() const { return m_fallbackFile; }

private:
    enum class Op { Read, Write, Remove };
    // Runs one keychain job; nullopt when no keychain answered (the file takes over).
    std::optional<Result<std::optional<QString>>> inKeychain(Op op, const QString &key, const QString &secret);
    Result<std::optional<QString>> inFile(Op op, const QString &key, const QString &secret);

    QString m_service;
    QString m_fallbackFile;
    bool m_file = false;
};

} // namespace Tenantry::Widgets
