#include "core/identify/jwtverifier.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace Tenantry::Identify {

struct JwtVerifier::Key {
    QString kid;
    JwtAlgorithm algorithm;
    QByteArray secret;
    std::shared_ptr<EVP_PKEY> publicKey;
};

namespace {

constexpr qsizetype kMaxTokenBytes = 8 * 1024;
constexpr qsizetype kMinHmacSecretBytes = 32;
constexpr int kMinRsaBits = 2048;

Error rejected(const QString &reason)
{
    return Error::unauthenticated(u"invalid-token"_s, reason);
}

Error badKey(const QString &message)
{
    return Error::invalid(u"invalid-jwt-key"_s, message);
}

std::optional<JwtAlgorithm> algorithmNamed(const QString &name)
{
    // JOSE algorithm names are case-sensitive; "hs256" is not HS256.
    if (name == "HS256"_L1)
        return JwtAlgorithm::HS256;
    if (name == "RS256"_L1)
        return JwtAlgorithm::RS256;
    return std::nullopt;
}

const unsigned char *bytes(QByteArrayView data)
{
    return reinterpret_cast<const unsigned char *>(data.data());
}

bool isTokenCharacter(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
        || c == '_' || c == '.';
}

std::optional<QByteArray> decodeSegment(const QByteArray &segment)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        segment, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    // Qt ignores non-zero trailing bits; insisting on the canonical spelling means a token has
    // exactly one encoding and a signature cannot be altered while still verifying.
    if (!decoded
        || decoded.decoded.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals)
               != segment) {
        return std::nullopt;
    }
    return decoded.decoded;
}

// QJsonDocument silently keeps the last of duplicate members, while other JWT libraries keep
// the first, so {"alg":"none","alg":"HS256"} could mean different things to different
// verifiers. In already-valid JSON every ':' outside strings separates exactly one member,
// so counting them at the top level reveals members that the parser collapsed.
bool hasDuplicateMembers(const QByteArray &json, const QJsonObject &parsed)
{
    qsizetype members = 0;
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (char c : json) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            --depth;
        } else if (c == ':' && depth == 1) {
            ++members;
        }
    }
    return members != parsed.size();
}

std::optional<QJsonObject> decodeObject(const QByteArray &segment)
{
    const std::optional<QByteArray> json = decodeSegment(segment);
    if (!json)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()
        || hasDuplicateMembers(*json, doc.object())) {
        return std::nullopt;
    }
    return doc.object();
}

bool hmacMatches(const QByteArray &secret, QByteArrayView signingInput, const QByteArray &signature)
{
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int macLength = 0;
    if (!HMAC(EVP_sha256(), secret.constData(), int(secret.size()), bytes(signingInput),
              size_t(signingInput.size()), mac, &macLength)) {
        return false;
    }
    return signature.size() == qsizetype(macLength)
        && CRYPTO_memcmp(mac, signature.constData(), macLength) == 0;
}

bool rsaMatches(EVP_PKEY *key, QByteArrayView signingInput, const QByteArray &signature)
{
    const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(),
                                                                      EVP_MD_CTX_free);
    // The default RSA padding for EVP_DigestVerify is PKCS #1 v1.5, which is what RS256 means.
    const bool ok = ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key) == 1
        && EVP_DigestVerify(ctx.get(), bytes(signature), size_t(signature.size()),
                            bytes(signingInput), size_t(signingInput.size()))
            == 1;
    // A failed check leaves entries on this thread's OpenSSL error queue; they must not
    // surface later as someone else's error.
    ERR_clear_error();
    return ok;
}

Result<std::shared_ptr<EVP_PKEY>> parseRsaPublicKey(const QByteArray &pem)
{
    const std::unique_ptr<BIO, decltype(&BIO_free)> bio(
        BIO_new_mem_buf(pem.constData(), int(pem.size())), BIO_free);
    std::shared_ptr<EVP_PKEY> key(
        bio ? PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr) : nullptr, EVP_PKEY_free);
    ERR_clear_error();
    if (!key)
        return badKey(u"is not a PEM public key (\"BEGIN PUBLIC KEY\")"_s);
    if (!EVP_PKEY_is_a(key.get(), "RSA"))
        return badKey(u"is not an RSA public key"_s);
    if (EVP_PKEY_get_bits(key.get()) < kMinRsaBits)
        return badKey(u"is an RSA key of %1 bits; at least %2 are required"_s
                          .arg(EVP_PKEY_get_bits(key.get()))
                          .arg(kMinRsaBits));
    return key;
}

// The parsed public key for RS256, null for HS256.
Result<std::shared_ptr<EVP_PKEY>> parseKeyMaterial(const JwtKey &key)
{
    if (key.algorithm == JwtAlgorithm::HS256) {
        if (!key.publicKeyPem.isEmpty())
            return badKey(u"is HS256 but carries a public key"_s);
        if (key.secret.size() < kMinHmacSecretBytes)
            return badKey(u"has an HS256 secret shorter than %1 bytes"_s.arg(kMinHmacSecretBytes));
        return std::shared_ptr<EVP_PKEY>();
    }
    if (!key.secret.isEmpty())
        return badKey(u"is RS256 but carries a secret"_s);
    return parseRsaPublicKey(key.publicKeyPem);
}

// One entry of a keys file. The message is a fragment; the caller says which file and key.
Result<JwtKey> keyFromJson(const QJsonValue &value, const QDir &folder)
{
    if (!value.isObject())
        return badKey(u"must be a JSON object"_s);
    const QJsonObject entry = value.toObject();
    static const QStringList known = {u"kid"_s,           u"alg"_s,        u"secret"_s,
                                      u"secret_base64"_s, u"public_key"_s, u"public_key_file"_s};
    for (auto it = entry.begin(); it != entry.end(); ++it) {
        if (!known.contains(it.key()))
            return badKey(u"unknown field \"%1\""_s.arg(it.key()));
        if (!it.value().isString())
            return badKey(u"\"%1\" must be a string"_s.arg(it.key()));
    }
    const std::optional<JwtAlgorithm> algorithm = algorithmNamed(entry.value("alg"_L1).toString());
    if (!algorithm)
        return badKey(u"\"alg\" must be \"HS256\" or \"RS256\""_s);

    const QStringList hmacFields = {u"secret"_s, u"secret_base64"_s};
    const QStringList rsaFields = {u"public_key"_s, u"public_key_file"_s};
    const bool hmac = *algorithm == JwtAlgorithm::HS256;
    const QStringList &own = hmac ? hmacFields : rsaFields;
    for (const QString &field : hmac ? rsaFields : hmacFields) {
        if (entry.contains(field)) {
            return badKey(u"\"%1\" does not belong to an %2 key"_s.arg(
                field, entry.value("alg"_L1).toString()));
        }
    }
    if (entry.contains(own.at(0)) == entry.contains(own.at(1)))
        return badKey(u"needs exactly one of \"%1\" and \"%2\""_s.arg(own.at(0), own.at(1)));

    JwtKey key{entry.value("kid"_L1).toString(), *algorithm, {}, {}};
    if (entry.contains("secret"_L1)) {
        key.secret = entry.value("secret"_L1).toString().toUtf8();
    } else if (entry.contains("secret_base64"_L1)) {
        const auto decoded = QByteArray::fromBase64Encoding(
            entry.value("secret_base64"_L1).toString().toLatin1(),
            QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            return badKey(u"\"secret_base64\" is not valid base64"_s);
        key.secret = decoded.decoded;
    } else if (entry.contains("public_key"_L1)) {
        key.publicKeyPem = entry.value("public_key"_L1).toString().toUtf8();
    } else {
        // QDir::filePath leaves absolute paths alone.
        QFile pem(folder.filePath(entry.value("public_key_file"_L1).toString()));
        if (!pem.open(QIODevice::ReadOnly))
            return badKey(
                u"cannot read public key file %1: %2"_s.arg(pem.fileName(), pem.errorString()));
        key.publicKeyPem = pem.readAll();
    }
    return key;
}

// A NumericDate claim: absent is fine (nullopt inside), anything but a JSON number is not.
Result<std::optional<double>> numericDate(const QJsonObject &payload, const QString &name)
{
    if (!payload.contains(name))
        return std::optional<double>();
    const QJsonValue value = payload.value(name);
    if (!value.isDouble())
        return rejected(name + u" is not a number"_s);
    return std::optional<double>(value.toDouble());
}

bool audienceMatches(const QJsonValue &aud, const QString &expected)
{
    if (aud.isString())
        return aud.toString() == expected;
    if (!aud.isArray())
        return false;
    const QJsonArray list = aud.toArray();
    // A malformed list is refused as a whole rather than searched for a lucky match.
    if (list.isEmpty() || !std::all_of(list.begin(), list.end(), [](const QJsonValue &v) {
            return v.isString();
        })) {
        return false;
    }
    return list.contains(QJsonValue(expected));
}

Status checkClaims(const QJsonObject &payload, const JwtPolicy &policy, const QDateTime &now)
{
    const double nowSeconds = double(now.toMSecsSinceEpoch()) / 1000.0;
    const double leeway = policy.leewaySeconds;

    const Result<std::optional<double>> exp = numericDate(payload, u"exp"_s);
    if (!exp)
        return exp.error();
    if (!exp.value())
        return rejected(u"token has no expiry (exp)"_s);
    if (nowSeconds >= **exp + leeway)
        return rejected(u"token expired"_s);

    const Result<std::optional<double>> nbf = numericDate(payload, u"nbf"_s);
    if (!nbf)
        return nbf.error();
    if (nbf.value() && nowSeconds + leeway < **nbf)
        return rejected(u"token not yet valid"_s);

    const Result<std::optional<double>> iat = numericDate(payload, u"iat"_s);
    if (!iat)
        return iat.error();
    if (iat.value() && nowSeconds + leeway < **iat)
        return rejected(u"token issued in the future"_s);

    if (!policy.issuer.isEmpty()) {
        const QJsonValue iss = payload.value("iss"_L1);
        if (!iss.isString() || iss.toString() != policy.issuer)
            return rejected(u"issuer not accepted"_s);
    }
    if (!policy.audience.isEmpty() && !audienceMatches(payload.value("aud"_L1), policy.audience))
        return rejected(u"audience not accepted"_s);

    if (payload.contains("sub"_L1) && !payload.value("sub"_L1).isString())
        return rejected(u"sub is not a string"_s);
    if (payload.contains(policy.tenantClaim) && !payload.value(policy.tenantClaim).isString())
        return rejected(policy.tenantClaim + u" is not a string"_s);
    return {};
}

// The header must name an allowed algorithm and nothing we do not understand or would have
// to trust blindly.
Result<JwtAlgorithm> checkHeader(const QJsonObject &header)
{
    // Keys supplied or pointed to by the token itself would let the attacker choose the key.
    for (const char *field : {"jku", "jwk", "x5u", "x5c"}) {
        if (header.contains(QLatin1StringView(field)))
            return rejected(u"header field %1 is not accepted"_s.arg(QLatin1StringView(field)));
    }
    if (header.contains("crit"_L1))
        return rejected(u"critical header extensions are not supported"_s);
    if (header.contains("typ"_L1)) {
        const QJsonValue typ = header.value("typ"_L1);
        if (!typ.isString() || typ.toString().compare("JWT"_L1, Qt::CaseInsensitive) != 0)
            return rejected(u"token type is not JWT"_s);
    }
    const QJsonValue alg = header.value("alg"_L1);
    if (!alg.isString())
        return rejected(u"algorithm missing"_s);
    const std::optional<JwtAlgorithm> algorithm = algorithmNamed(alg.toString());
    if (!algorithm)
        return rejected(u"algorithm not allowed"_s);
    return *algorithm;
}

} // namespace

JwtVerifier::JwtVerifier() = default;

JwtVerifier::JwtVerifier(std::shared_ptr<const std::vector<Key>> keys, JwtPolicy policy)
    : m_keys(std::move(keys)), m_policy(std::move(policy))
{
}

Result<JwtVerifier> JwtVerifier::create(QList<JwtKey> keys, JwtPolicy policy)
{
    if (policy.leewaySeconds < 0)
        return Error::invalid(u"invalid-jwt-policy"_s, u"The JWT leeway must not be negative."_s);
    if (policy.tenantClaim.isEmpty())
        return Error::invalid(u"invalid-jwt-policy"_s, u"The JWT tenant claim must be named."_s);
    if (keys.isEmpty())
        return badKey(u"At least one JWT key is required."_s);

    auto parsed = std::make_shared<std::vector<Key>>();
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const JwtKey &key = keys.at(i);
        const QString where = u"JWT key %1 (kid '%2') "_s.arg(i).arg(key.kid);
        // A key without kid is found by algorithm alone, so it must be the only one there.
        const auto clashes = std::count_if(keys.begin(), keys.end(), [&](const JwtKey &other) {
            return key.kid.isEmpty() ? other.algorithm == key.algorithm : other.kid == key.kid;
        });
        if (clashes > 1 && key.kid.isEmpty())
            return badKey(where + u"has no kid but is not the only key of its algorithm"_s);
        if (clashes > 1)
            return badKey(where + u"shares its kid with another key"_s);
        Result<std::shared_ptr<EVP_PKEY>> material = parseKeyMaterial(key);
        if (!material)
            return badKey(where + material.error().message);
        parsed->push_back({key.kid, key.algorithm, key.secret, std::move(material).value()});
    }
    return JwtVerifier(std::move(parsed), std::move(policy));
}

Result<QList<JwtKey>> JwtVerifier::loadKeysFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return badKey(u"Cannot read the JWT keys file %1: %2"_s.arg(path, file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return badKey(u"The JWT keys file %1 is not valid JSON: %2 at offset %3"_s.arg(
            path, parseError.errorString(), QString::number(parseError.offset)));
    }
    if (!doc.object().value("keys"_L1).isArray())
        return badKey(u"The JWT keys file %1 must be an object with a \"keys\" array"_s.arg(path));

    const QDir folder = QFileInfo(path).absoluteDir();
    const QJsonArray entries = doc.object().value("keys"_L1).toArray();
    QList<JwtKey> keys;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        Result<JwtKey> key = keyFromJson(entries.at(i), folder);
        if (!key) {
            return badKey(u"JWT keys file %1, key %2: %3"_s.arg(path, QString::number(i),
                                                                key.error().message));
        }
        keys.append(std::move(key).value());
    }
    if (keys.isEmpty())
        return badKey(u"The JWT keys file %1 lists no keys"_s.arg(path));
    return keys;
}

bool JwtVerifier::isConfigured() const
{
    return m_keys != nullptr;
}

const JwtPolicy &JwtVerifier::policy() const
{
    return m_policy;
}

Result<JwtClaims> JwtVerifier::verify(QByteArrayView token, const QDateTime &now) const
{
    if (!isConfigured()) {
        return Error::unauthenticated(u"jwt-not-configured"_s,
                                      u"JWT authentication is not configured."_s);
    }
    // An invalid QDateTime reads as the epoch, which would make every expired token valid.
    if (!now.isValid())
        return Error::internal(u"JWT verification was given no valid current time."_s);
    if (token.isEmpty())
        return rejected(u"token is empty"_s);
    if (token.size() > kMaxTokenBytes)
        return rejected(u"token too large"_s);
    // Whitespace, padding and the standard base64 alphabet are refused before anything is
    // decoded, so no two different strings can stand for the same token.
    if (!std::all_of(token.begin(), token.end(), isTokenCharacter))
        return rejected(u"token contains characters outside base64url"_s);
    const QList<QByteArray> segments = token.toByteArray().split('.');
    if (segments.size() != 3)
        return rejected(u"token does not have exactly three segments"_s);
    if (segments.at(2).isEmpty())
        return rejected(u"token signature missing"_s);

    const std::optional<QJsonObject> header = decodeObject(segments.at(0));
    if (!header)
        return rejected(u"token header is not a base64url JSON object"_s);
    const Result<JwtAlgorithm> algorithm = checkHeader(*header);
    if (!algorithm)
        return algorithm.error();
    const std::optional<QByteArray> signature = decodeSegment(segments.at(2));
    if (!signature)
        return rejected(u"token signature is not base64url"_s);

    std::vector<const Key *> candidates;
    if (header->contains("kid"_L1)) {
        const QJsonValue kid = header->value("kid"_L1);
        if (!kid.isString())
            return rejected(u"key id is not a string"_s);
        // Keys without a kid serve only tokens without one, so "kid":"" names no key.
        const auto found = std::find_if(m_keys->begin(), m_keys->end(), [&](const Key &key) {
            return !key.kid.isEmpty() && key.kid == kid.toString();
        });
        if (found == m_keys->end())
            return rejected(u"unknown key id"_s);
        if (found->algorithm != *algorithm)
            return rejected(u"algorithm does not match the key"_s);
        candidates.push_back(&*found);
    } else {
        for (const Key &key : *m_keys) {
            if (key.algorithm == *algorithm)
                candidates.push_back(&key);
        }
        if (candidates.empty())
            return rejected(u"no key for this algorithm"_s);
    }

    const QByteArrayView signingInput =
        token.first(segments.at(0).size() + 1 + segments.at(1).size());
    const auto verifiedBy = std::find_if(candidates.begin(), candidates.end(), [&](const Key *key) {
        return key->algorithm == JwtAlgorithm::HS256
            ? hmacMatches(key->secret, signingInput, *signature)
            : rsaMatches(key->publicKey.get(), signingInput, *signature);
    });
    if (verifiedBy == candidates.end())
        return rejected(u"signature does not match"_s);

    const std::optional<QJsonObject> payload = decodeObject(segments.at(1));
    if (!payload)
        return rejected(u"token payload is not a base64url JSON object"_s);
    if (Status claims = checkClaims(*payload, m_policy, now); !claims)
        return claims.error();
    return JwtClaims{*payload, payload->value(m_policy.tenantClaim).toString(),
                     payload->value("sub"_L1).toString(), (*verifiedBy)->kid};
}

} // namespace Tenantry::Identify
