#include "core/security/secretcompare.h"

#include <QCryptographicHash>

#include <openssl/crypto.h>

namespace Tenantry::Security {

bool secretsEqual(QByteArrayView presented, QByteArrayView expected)
{
    if (expected.isEmpty())
        return false;
    const QByteArray a = QCryptographicHash::hash(presented, QCryptographicHash::Sha256);
    const QByteArray b = QCryptographicHash::hash(expected, QCryptographicHash::Sha256);
    return CRYPTO_memcmp(a.constData(), b.constData(), size_t(a.size())) == 0;
}

} // namespace Tenantry::Security
