#pragma once

#include <QByteArray>
#include <QString>

namespace Tenantry::Security {

// Tenant API keys look like "tnt_" + 43 characters of base64url (256 random bits).
// Only a SHA-256 hash of a key is ever stored. A fast hash is enough here, unlike for
// passwords: the secret is uniformly random with 256 bits of entropy, so there is
// nothing to brute-force, and the hot path can look keys up by hash in O(1).
struct GeneratedKey {
    QString secret;   // the full key, shown to the caller once
    QByteArray hash;  // raw 32-byte SHA-256 of the secret
    QString masked;   // safe to display: prefix + first characters + ellipsis
};

GeneratedKey generateApiKey();
QByteArray hashApiKey(QByteArrayView secret);
QString maskApiKey(const QString &secret);
// Cheap shape check before hashing untrusted input.
bool looksLikeApiKey(QByteArrayView candidate);

} // namespace Tenantry::Security
