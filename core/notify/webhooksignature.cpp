#include "core/notify/webhooksignature.h"

#include "core/security/secretcompare.h"

#include <QList>

#include <openssl/evp.h>
#include <openssl/hmac.h>

using namespace Qt::StringLiterals;

namespace Tenantry::Notify {

QByteArray WebhookSignature::compute(QByteArrayView secret, qint64 timestamp, QByteArrayView body)
{
    const QByteArray signedPayload = QByteArray::number(timestamp) + '.' + body;
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    // An empty key is legal for HMAC; OpenSSL wants a non-null pointer for it.
    static const unsigned char empty = 0;
    const void *key = secret.isEmpty() ? static_cast<const void *>(&empty) : static_cast<const void *>(secret.data());
    if (!HMAC(EVP_sha256(), key, int(secret.size()), reinterpret_cast<const unsigned char *>(signedPayload.constData()),
              size_t(signedPayload.size()), mac, &length)) {
        return {}; // only on allocation failure; an empty signature never verifies
    }
    return QByteArray(reinterpret_cast<const char *>(mac), qsizetype(length)).toHex();
}

QByteArray WebhookSignature::header(QByteArrayView secret, qint64 timestamp, QByteArrayView body)
{
    return "t=" + QByteArray::number(timestamp) + ",v1=" + compute(secret, timestamp, body);
}

Status WebhookSignature::verify(QByteArrayView header, QByteArrayView body, QByteArrayView secret, const QDateTime &now,
                                std::chrono::seconds tolerance)
{
    const auto malformed = [] {
        return Error::unauthenticated(u"signature-malformed"_s,
                                      u"The Tenantry-Signature header must look like t=<unix seconds>,v1=<hex HMAC>."_s);
    };
    qint64 timestamp = -1;
    QList<QByteArray> candidates;
    for (const QByteArray &part : header.toByteArray().split(',')) {
        const QByteArray item = part.trimmed();
        const qsizetype eq = item.indexOf('=');
        if (eq <= 0)
            return malformed();
        const QByteArray key = item.left(eq);
        const QByteArray value = item.mid(eq + 1);
        if (key == "t") {
            bool ok = false;
            const qint64 t = value.toLongLong(&ok);
            if (!ok || t < 0 || timestamp >= 0 || value.startsWith('+'))
                return malformed();
            timestamp = t;
        } else if (key == "v1") {
            if (value.size() != 64 || QByteArray::fromHex(value).toHex() != value.toLower())
                return malformed();
            candidates.append(value.toLower());
        }
        // Other schemes (a future v2) are ignored, so receivers keep working when one is added.
    }
    if (timestamp < 0 || candidates.isEmpty())
        return malformed();
    const qint64 skew = now.toSecsSinceEpoch() - timestamp;
    if (skew > tolerance.count() || -skew > tolerance.count()) {
        return Error::unauthenticated(u"signature-stale"_s,
                                      u"The signature timestamp is %1 seconds from now, more than the %2 seconds allowed; "
                                      "the delivery may be a replay, or a clock is wrong."_s.arg(skew).arg(tolerance.count()));
    }
    const QByteArray expected = compute(secret, timestamp, body);
    bool matched = false;
    for (const QByteArray &candidate : candidates)
        matched = Security::secretsEqual(candidate, expected) || matched; // no early exit: time does not tell which
    if (!matched) {
        return Error::unauthenticated(u"signature-mismatch"_s,
                                      u"The signature does not match the body and secret: the body was changed, or the "
                                      "secret differs from the sender's."_s);
    }
    return {};
}

} // namespace Tenantry::Notify
