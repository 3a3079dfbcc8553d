#include "core/security/apikey.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

using namespace Qt::StringLiterals;

namespace Tenantry::Security {

namespace {
constexpr QLatin1StringView kPrefix = "tnt_"_L1;
constexpr int kEncodedLength = 43; // 32 bytes in unpadded base64url
}

QByteArray hashApiKey(QByteArrayView secret)
{
    return QCryptographicHash::hash(secret, QCryptographicHash::Sha256);
}

QString maskApiKey(const QString &secret)
{
    return secret.left(kPrefix.size() + 8) + u"…"_s;
}

GeneratedKey generateApiKey()
{
    QByteArray random(32, Qt::Uninitialized);
    // QRandomGenerator::system() is the OS CSPRNG (getrandom), suitable for secrets.
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(random.data()), 8);
    const QString secret = kPrefix
        + QString::fromLatin1(random.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    return {secret, hashApiKey(secret.toLatin1()), maskApiKey(secret)};
}

bool looksLikeApiKey(QByteArrayView candidate)
{
    if (candidate.size() != kPrefix.size() + kEncodedLength || !candidate.startsWith("tnt_"))
        return false;
    for (char c : candidate.sliced(kPrefix.size())) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == '-' || c == '_';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace Tenantry::Security
