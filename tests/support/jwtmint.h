#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace Tenantry::Testing {

// Test-only token and key factories. They abort the test binary when OpenSSL fails, since
// a test built on a half-made key would report nonsense.

struct RsaKeyPair {
    QByteArray privatePem; // PKCS #8, "BEGIN PRIVATE KEY"
    QByteArray publicPem;  // SubjectPublicKeyInfo, "BEGIN PUBLIC KEY"
};

// A fresh RSA key pair; 2048 bits takes a noticeable fraction of a second, so share one.
RsaKeyPair generateRsaKeyPair(int bits = 2048);

// A fresh P-256 public key in PEM, for checking that non-RSA keys are refused.
QByteArray generateEcPublicPem();

// The unpadded base64url form used by every JWS segment.
QByteArray base64Url(const QByteArray &bytes);

// Joins already-serialized JSON and raw signature bytes into header.payload.signature,
// for hostile tokens (duplicate members, odd headers, forged signatures).
QByteArray assemble(const QByteArray &headerJson, const QByteArray &payloadJson,
                    const QByteArray &signature);

// A correctly HMAC-SHA256-signed token over exactly these JSON bytes, whatever they say.
QByteArray mintHs256Raw(const QByteArray &secret, const QByteArray &headerJson,
                        const QByteArray &payloadJson);

// Signed tokens from JSON objects. "alg" is set to HS256 / RS256 unless `header` already
// names one, so a test can lie about the algorithm.
QByteArray mintHs256(const QByteArray &secret, QJsonObject header, const QJsonObject &payload);
QByteArray mintRs256(const QByteArray &privatePem, QJsonObject header, const QJsonObject &payload);

} // namespace Tenantry::Testing
