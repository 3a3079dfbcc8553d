#pragma once

#include "core/base/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <memory>
#include <vector>

namespace Tenantry::Identify {

// The only signature algorithms a token may use. Everything else ("none", HS384, ES256, ...)
// is rejected, whatever the token header claims.
enum class JwtAlgorithm { HS256, RS256 };

// One trusted verification key. A key is bound to exactly one algorithm: a token is only
// checked against a key when its header names that same algorithm, which rules out
// HS256/RS256 confusion (an HMAC made with the public key as secret).
struct JwtKey {
    QString kid;             // may be empty only if it is the only key of its algorithm
    JwtAlgorithm algorithm = JwtAlgorithm::HS256;
    QByteArray secret;       // HS256: raw secret bytes, at least 32 bytes
    QByteArray publicKeyPem; // RS256: PEM public key ("BEGIN PUBLIC KEY"), RSA >= 2048 bits
};

// What a verified token must also satisfy beyond its signature.
struct JwtPolicy {
    QString issuer;          // empty: iss not checked; else must equal
    QString audience;        // empty: aud not checked; else must equal (aud may be string or array)
    int leewaySeconds = 30;  // clock skew allowed on exp, nbf and iat; must not be negative
    QString tenantClaim = QStringLiteral("tenant"); // claim that names the tenant slug
};

// The outcome of a successful verification.
struct JwtClaims {
    QJsonObject payload;
    QString tenant;  // value of policy.tenantClaim, empty if absent
    QString subject; // "sub", empty if absent
    QString kid;     // kid of the key that verified the token (may be empty)
};

// Verifies compact JWS tokens (header.payload.signature) against a fixed set of trusted
// keys. Never fetches keys: jku, x5u, jwk and x5c headers are rejected. A copyable value
// whose copies share the immutable parsed keys; verify() is const and safe to call from
// any number of threads at once.
class JwtVerifier final
{
public:
    // A verifier without keys: verify() always fails with code "jwt-not-configured".
    JwtVerifier();

    // Parses and checks every key once (PEM parses to RSA of at least 2048 bits, HS256
    // secrets of at least 32 bytes, no material of the other algorithm, unique kids) and the
    // policy. Fails with code "invalid-jwt-key" naming the key's index and kid, never its
    // secret, or "invalid-jwt-policy". An empty key list is an error: use the default
    // constructor to mean "not configured".
    static Result<JwtVerifier> create(QList<JwtKey> keys, JwtPolicy policy);

    // Reads keys from a JSON file:
    //   {"keys": [{"kid": "k1", "alg": "HS256", "secret": "text"},
    //             {"kid": "k2", "alg": "HS256", "secret_base64": "..."},
    //             {"kid": "r1", "alg": "RS256", "public_key_file": "rel/or/abs.pem"},
    //             {"kid": "r2", "alg": "RS256", "public_key": "-----BEGIN PUBLIC KEY-----..."}]}
    // Relative public_key_file paths resolve against the file's folder. Checks the shape
    // only (unknown fields are errors); key strength is checked by create(). Errors have
    // code "invalid-jwt-key", name the key index and what is wrong, and never echo secrets.
    static Result<QList<JwtKey>> loadKeysFile(const QString &path);

    // False only for a default-constructed verifier.
    bool isConfigured() const;
    // The policy given to create(); the defaults for an unconfigured verifier.
    const JwtPolicy &policy() const;

    // Checks structure, header, signature, then claims: exp is required, nbf and iat are
    // optional, all numeric and compared with `now` within the policy leeway; iss and aud
    // as the policy says; sub and the tenant claim must be strings when present.
    // Every failure is Error::unauthenticated with code "invalid-token" and a short reason
    // such as "token expired", "unknown key id" or "algorithm not allowed"; claim errors
    // are only reported for tokens whose signature is valid. An invalid `now` is a caller
    // bug and fails closed with Error::internal.
    Result<JwtClaims> verify(QByteArrayView token, const QDateTime &now) const;

private:
    struct Key;
    JwtVerifier(std::shared_ptr<const std::vector<Key>> keys, JwtPolicy policy);

    std::shared_ptr<const std::vector<Key>> m_keys; // null: not configured
    JwtPolicy m_policy;
};

} // namespace Tenantry::Identify
