#include "core/identify/jwtverifier.h"
#include "tests/support/jwtmint.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <optional>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Tenantry;
using namespace Tenantry::Identify;
using namespace Tenantry::Testing;

namespace {

const QByteArray kSecret = "hs256-test-secret-0123456789abcdef";
const QByteArray kOtherSecret = "another-hs256-secret-0123456789abcdef";
constexpr qint64 kNow = 1'900'000'000;
const QString kIssuer = u"https://issuer.example"_s;
const QString kAudience = u"tenantry-api"_s;

QDateTime fixedNow()
{
    return QDateTime::fromSecsSinceEpoch(kNow, Qt::UTC);
}

// Key generation is slow enough to do once per binary.
const RsaKeyPair &rsa()
{
    static const RsaKeyPair pair = generateRsaKeyPair();
    return pair;
}

const RsaKeyPair &otherRsa()
{
    static const RsaKeyPair pair = generateRsaKeyPair();
    return pair;
}

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

JwtKey hsKey(const QString &kid, const QByteArray &secret = kSecret)
{
    return {kid, JwtAlgorithm::HS256, secret, {}};
}

JwtKey rsKey(const QString &kid, const QByteArray &pem = rsa().publicPem)
{
    return {kid, JwtAlgorithm::RS256, {}, pem};
}

// A payload every default-policy verifier accepts, with `changes` applied.
QJsonObject claims(const QJsonObject &changes = {})
{
    QJsonObject payload{{u"sub"_s, u"user-1"_s}, {u"tenant"_s, u"acme"_s}, {u"exp"_s, kNow + 600}};
    for (auto it = changes.begin(); it != changes.end(); ++it)
        payload.insert(it.key(), it.value());
    return payload;
}

QByteArray hsToken(const QJsonObject &payload = claims(),
                   const QJsonObject &header = {{u"kid"_s, u"h1"_s}})
{
    return mintHs256(kSecret, header, payload);
}

::testing::AssertionResult rejectedWith(const Result<JwtClaims> &result, const QString &reason,
                                        const QString &code = u"invalid-token"_s)
{
    if (result.ok())
        return ::testing::AssertionFailure() << "accepted, expected: " << reason.toStdString();
    const Error &error = result.error();
    if (error.kind != ErrorKind::Unauthenticated || error.code != code
        || !error.message.contains(reason)) {
        return ::testing::AssertionFailure()
            << "rejected with " << error.code.toStdString() << ": " << error.message.toStdString()
            << ", expected " << code.toStdString() << ": " << reason.toStdString();
    }
    return ::testing::AssertionSuccess();
}

::testing::AssertionResult accepted(const Result<JwtClaims> &result)
{
    if (result.ok())
        return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "rejected: " << result.error().message.toStdString();
}

class JwtVerifierTest : public ::testing::Test
{
protected:
    // HS256 key "h1" and RS256 key "r1" unless told otherwise.
    static JwtVerifier makeVerifier(QList<JwtKey> keys = {hsKey(u"h1"_s), rsKey(u"r1"_s)},
                                    JwtPolicy policy = {})
    {
        Result<JwtVerifier> created = JwtVerifier::create(std::move(keys), std::move(policy));
        if (!created) {
            ADD_FAILURE() << created.error().message.toStdString();
            return {};
        }
        return created.value();
    }

    static Result<JwtClaims> verify(const QByteArray &token,
                                    const JwtVerifier &verifier = makeVerifier())
    {
        return verifier.verify(token, fixedNow());
    }
};

// --- accepted tokens ---------------------------------------------------------------------

TEST_F(JwtVerifierTest, Hs256TokenVerifies)
{
    const Result<JwtClaims> result = verify(hsToken());
    ASSERT_TRUE(accepted(result));
    EXPECT_EQ(result->tenant, u"acme"_s);
    EXPECT_EQ(result->subject, u"user-1"_s);
    EXPECT_EQ(result->kid, u"h1"_s);
    EXPECT_EQ(result->payload.value(u"exp"_s).toInteger(), kNow + 600);
}

TEST_F(JwtVerifierTest, Rs256TokenVerifies)
{
    const Result<JwtClaims> result
        = verify(mintRs256(rsa().privatePem, {{u"kid"_s, u"r1"_s}}, claims()));
    ASSERT_TRUE(accepted(result));
    EXPECT_EQ(result->tenant, u"acme"_s);
    EXPECT_EQ(result->kid, u"r1"_s);
}

TEST_F(JwtVerifierTest, TokenWithoutKidTriesEveryKeyOfItsAlgorithm)
{
    const JwtVerifier verifier
        = makeVerifier({hsKey(u"h1"_s), hsKey(u"h2"_s, kOtherSecret), rsKey(u"r1"_s)});
    const Result<JwtClaims> hs = verify(mintHs256(kOtherSecret, {}, claims()), verifier);
    ASSERT_TRUE(accepted(hs));
    EXPECT_EQ(hs->kid, u"h2"_s);
    const Result<JwtClaims> rs = verify(mintRs256(rsa().privatePem, {}, claims()), verifier);
    ASSERT_TRUE(accepted(rs));
    EXPECT_EQ(rs->kid, u"r1"_s);
}

TEST_F(JwtVerifierTest, KeyWithoutKidServesOnlyTokensWithoutKid)
{
    const JwtVerifier verifier = makeVerifier({hsKey({}), rsKey({})});
    EXPECT_TRUE(accepted(verify(mintHs256(kSecret, {}, claims()), verifier)));
    EXPECT_TRUE(accepted(verify(mintRs256(rsa().privatePem, {}, claims()), verifier)));
    EXPECT_TRUE(rejectedWith(verify(mintHs256(kSecret, {{u"kid"_s, u""_s}}, claims()), verifier),
                             u"unknown key id"_s));
}

TEST_F(JwtVerifierTest, TypIsOptionalAndCaseInsensitive)
{
    EXPECT_TRUE(accepted(verify(hsToken(claims(), {{u"kid"_s, u"h1"_s}, {u"typ"_s, u"JWT"_s}}))));
    EXPECT_TRUE(accepted(verify(hsToken(claims(), {{u"kid"_s, u"h1"_s}, {u"typ"_s, u"jwt"_s}}))));
}

TEST_F(JwtVerifierTest, AbsentTenantAndSubjectAreEmpty)
{
    QJsonObject payload = claims();
    payload.remove(u"tenant"_s);
    payload.remove(u"sub"_s);
    const Result<JwtClaims> result = verify(hsToken(payload));
    ASSERT_TRUE(accepted(result));
    EXPECT_TRUE(result->tenant.isEmpty());
    EXPECT_TRUE(result->subject.isEmpty());
}

TEST_F(JwtVerifierTest, TenantClaimNameComesFromPolicy)
{
    JwtPolicy policy;
    policy.tenantClaim = u"org"_s;
    const JwtVerifier verifier = makeVerifier({hsKey(u"h1"_s)}, policy);
    const Result<JwtClaims> result
        = verify(hsToken(claims({{u"org"_s, u"globex"_s}, {u"tenant"_s, 7}})), verifier);
    ASSERT_TRUE(accepted(result));
    EXPECT_EQ(result->tenant, u"globex"_s);
    EXPECT_TRUE(
        rejectedWith(verify(hsToken(claims({{u"org"_s, 7}})), verifier), u"org is not a string"_s));
}

TEST_F(JwtVerifierTest, PolicyWithoutIssuerOrAudienceIgnoresThem)
{
    EXPECT_TRUE(accepted(verify(hsToken(claims({{u"iss"_s, u"anyone"_s}, {u"aud"_s, 5}})))));
}

TEST_F(JwtVerifierTest, NestedColonsAndEscapesAreNotMistakenForDuplicates)
{
    const QByteArray payload
        = R"({"exp":1900000600,"meta":{"a:b":"c:d","list":[1,{"y":"z:"}]},"s":"say \"k:v\" \\"})";
    EXPECT_TRUE(accepted(verify(mintHs256Raw(kSecret, R"({"alg":"HS256","kid":"h1"})", payload))));
}

TEST_F(JwtVerifierTest, CopiesShareKeysAndVerifyConcurrently)
{
    const QByteArray hs = hsToken();
    const QByteArray rs = mintRs256(rsa().privatePem, {{u"kid"_s, u"r1"_s}}, claims());
    std::optional<JwtVerifier> original = makeVerifier();
    const JwtVerifier copy = *original;
    original.reset();

    std::atomic<int> failures = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 50; ++i) {
                if (!copy.verify(hs, fixedNow()).ok() || !copy.verify(rs, fixedNow()).ok())
                    ++failures;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    EXPECT_EQ(failures.load(), 0);
}

// --- configuration -----------------------------------------------------------------------

TEST_F(JwtVerifierTest, DefaultVerifierIsNotConfigured)
{
    const JwtVerifier verifier;
    EXPECT_FALSE(verifier.isConfigured());
    EXPECT_TRUE(rejectedWith(verifier.verify(hsToken(), fixedNow()), u"not configured"_s,
                             u"jwt-not-configured"_s));
    EXPECT_TRUE(makeVerifier().isConfigured());
}

TEST_F(JwtVerifierTest, InvalidNowFailsClosed)
{
    const Result<JwtClaims> result
        = makeVerifier().verify(hsToken(claims({{u"exp"_s, 1000}})), QDateTime());
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.error().kind, ErrorKind::Internal);
}

TEST_F(JwtVerifierTest, PolicyIsKept)
{
    JwtPolicy policy;
    policy.issuer = kIssuer;
    policy.leewaySeconds = 5;
    const JwtVerifier verifier = makeVerifier({hsKey(u"h1"_s)}, policy);
    EXPECT_EQ(verifier.policy().issuer, kIssuer);
    EXPECT_EQ(verifier.policy().leewaySeconds, 5);
}

TEST_F(JwtVerifierTest, LeewayIsConfigurable)
{
    JwtPolicy policy;
    policy.leewaySeconds = 0;
    const JwtVerifier strict = makeVerifier({hsKey(u"h1"_s)}, policy);
    EXPECT_TRUE(
        rejectedWith(verify(hsToken(claims({{u"exp"_s, kNow}})), strict), u"token expired"_s));
    EXPECT_TRUE(accepted(verify(hsToken(claims({{u"exp"_s, kNow + 1}})), strict)));
    EXPECT_TRUE(
        rejectedWith(verify(hsToken(claims({{u"nbf"_s, kNow + 1}})), strict), u"not yet valid"_s));
}

// --- the algorithm header ----------------------------------------------------------------

struct AlgorithmCase {
    const char *name;
    QJsonValue alg; // Undefined: no alg member at all
    const char *reason;
};

void PrintTo(const AlgorithmCase &c, std::ostream *os)
{
    *os << c.name;
}

class AlgorithmTest : public JwtVerifierTest, public ::testing::WithParamInterface<AlgorithmCase>
{
};

TEST_P(AlgorithmTest, IsRejectedEvenWithAValidHmac)
{
    QJsonObject header{{u"kid"_s, u"h1"_s}};
    if (!GetParam().alg.isUndefined())
        header.insert(u"alg"_s, GetParam().alg);
    const QByteArray token = mintHs256Raw(kSecret, compact(header), compact(claims()));
    EXPECT_TRUE(rejectedWith(verify(token), QString::fromUtf8(GetParam().reason)));
}

INSTANTIATE_TEST_SUITE_P(
    Jwt, AlgorithmTest,
    ::testing::Values(AlgorithmCase{"none", u"none"_s, "algorithm not allowed"},
                      AlgorithmCase{"None", u"None"_s, "algorithm not allowed"},
                      AlgorithmCase{"NONE", u"NONE"_s, "algorithm not allowed"},
                      AlgorithmCase{"nOnE", u"nOnE"_s, "algorithm not allowed"},
                      AlgorithmCase{"HS384", u"HS384"_s, "algorithm not allowed"},
                      AlgorithmCase{"HS512", u"HS512"_s, "algorithm not allowed"},
                      AlgorithmCase{"ES256", u"ES256"_s, "algorithm not allowed"},
                      AlgorithmCase{"PS256", u"PS256"_s, "algorithm not allowed"},
                      AlgorithmCase{"lowercase", u"hs256"_s, "algorithm not allowed"},
                      AlgorithmCase{"empty", u""_s, "algorithm not allowed"},
                      AlgorithmCase{"missing", QJsonValue(QJsonValue::Undefined),
                                    "algorithm missing"},
                      AlgorithmCase{"null", QJsonValue(QJsonValue::Null), "algorithm missing"},
                      AlgorithmCase{"number", 256, "algorithm missing"},
                      AlgorithmCase{"array", QJsonArray{u"HS256"_s}, "algorithm missing"}),
    [](const auto &info) { return std::string(info.param.name); });

TEST_F(JwtVerifierTest, UnsignedAlgNoneTokenIsRejected)
{
    EXPECT_TRUE(rejectedWith(verify(assemble(R"({"alg":"none"})", compact(claims()), {})),
                             u"signature missing"_s));
}

// HS/RS confusion: the attacker knows the RS256 public key and uses its PEM as HMAC secret.
TEST_F(JwtVerifierTest, HmacOverRsaPublicKeyIsRejected)
{
    const QByteArray withKid = mintHs256(rsa().publicPem, {{u"kid"_s, u"r1"_s}}, claims());
    EXPECT_TRUE(rejectedWith(verify(withKid), u"algorithm does not match the key"_s));
    const QByteArray withoutKid = mintHs256(rsa().publicPem, {}, claims());
    EXPECT_TRUE(rejectedWith(verify(withoutKid, makeVerifier({rsKey(u"r1"_s)})),
                             u"no key for this algorithm"_s));
    EXPECT_TRUE(rejectedWith(verify(withoutKid, makeVerifier({rsKey({})})),
                             u"no key for this algorithm"_s));
}

TEST_F(JwtVerifierTest, RsaTokenNamingHmacKeyIsRejected)
{
    EXPECT_TRUE(rejectedWith(verify(mintRs256(rsa().privatePem, {{u"kid"_s, u"h1"_s}}, claims())),
                             u"algorithm does not match the key"_s));
}

// --- other header members ----------------------------------------------------------------

struct HeaderCase {
    const char *name;
    QJsonObject extra; // merged over {"alg":"HS256","kid":"h1"}
    const char *reason;
};

void PrintTo(const HeaderCase &c, std::ostream *os)
{
    *os << c.name;
}

class HeaderTest : public JwtVerifierTest, public ::testing::WithParamInterface<HeaderCase>
{
};

TEST_P(HeaderTest, IsRejected)
{
    QJsonObject header{{u"alg"_s, u"HS256"_s}, {u"kid"_s, u"h1"_s}};
    for (auto it = GetParam().extra.begin(); it != GetParam().extra.end(); ++it)
        header.insert(it.key(), it.value());
    EXPECT_TRUE(
        rejectedWith(verify(hsToken(claims(), header)), QString::fromUtf8(GetParam().reason)));
}

INSTANTIATE_TEST_SUITE_P(
    Jwt, HeaderTest,
    ::testing::Values(
        HeaderCase{"typJws", {{u"typ"_s, u"JWS"_s}}, "token type is not JWT"},
        HeaderCase{"typAtJwt", {{u"typ"_s, u"at+jwt"_s}}, "token type is not JWT"},
        HeaderCase{"typNumber", {{u"typ"_s, 1}}, "token type is not JWT"},
        HeaderCase{"crit", {{u"crit"_s, QJsonArray{u"exp"_s}}}, "critical header"},
        HeaderCase{"critEmpty", {{u"crit"_s, QJsonArray{}}}, "critical header"},
        HeaderCase{"jwk",
                   {{u"jwk"_s, QJsonObject{{u"kty"_s, u"oct"_s}, {u"k"_s, u"AAAA"_s}}}},
                   "jwk is not accepted"},
        HeaderCase{"jku", {{u"jku"_s, u"https://attacker.example/keys"_s}}, "jku is not accepted"},
        HeaderCase{"x5u", {{u"x5u"_s, u"https://attacker.example/cert"_s}}, "x5u is not accepted"},
        HeaderCase{"x5c", {{u"x5c"_s, QJsonArray{u"MIIB"_s}}}, "x5c is not accepted"},
        HeaderCase{"unknownKid", {{u"kid"_s, u"nope"_s}}, "unknown key id"},
        HeaderCase{"emptyKid", {{u"kid"_s, u""_s}}, "unknown key id"},
        HeaderCase{"kidNumber", {{u"kid"_s, 1}}, "key id is not a string"},
        HeaderCase{"kidNull", {{u"kid"_s, QJsonValue::Null}}, "key id is not a string"}),
    [](const auto &info) { return std::string(info.param.name); });

// --- signatures --------------------------------------------------------------------------

TEST_F(JwtVerifierTest, WrongSecretIsRejected)
{
    EXPECT_TRUE(rejectedWith(verify(mintHs256(kOtherSecret, {{u"kid"_s, u"h1"_s}}, claims())),
                             u"signature does not match"_s));
}

TEST_F(JwtVerifierTest, RsaSignatureFromAnotherKeyIsRejected)
{
    EXPECT_TRUE(
        rejectedWith(verify(mintRs256(otherRsa().privatePem, {{u"kid"_s, u"r1"_s}}, claims())),
                     u"signature does not match"_s));
}

TEST_F(JwtVerifierTest, SwappedPayloadIsRejected)
{
    const QList<QByteArray> genuine = hsToken().split('.');
    const QList<QByteArray> forged = hsToken(claims({{u"tenant"_s, u"victim"_s}})).split('.');
    EXPECT_TRUE(rejectedWith(verify(genuine[0] + '.' + forged[1] + '.' + genuine[2]),
                             u"signature does not match"_s));
}

TEST_F(JwtVerifierTest, TruncatedSignatureIsRejected)
{
    const QList<QByteArray> parts = hsToken().split('.');
    const QByteArray shorter
        = QByteArray::fromBase64(parts[2], QByteArray::Base64UrlEncoding).chopped(1);
    EXPECT_TRUE(rejectedWith(verify(parts[0] + '.' + parts[1] + '.' + base64Url(shorter)),
                             u"signature does not match"_s));
}

// The last character of a 32-byte signature carries 4 unused bits; flipping one still
// decodes to the same bytes, so only the canonical-encoding rule refuses it.
TEST_F(JwtVerifierTest, NonCanonicalSignatureEncodingIsRejected)
{
    QByteArray token = hsToken();
    static const QByteArray alphabet
        = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    token.back() = alphabet.at(alphabet.indexOf(token.back()) ^ 1);
    EXPECT_TRUE(rejectedWith(verify(token), u"signature is not base64url"_s));
}

// --- structure ---------------------------------------------------------------------------

TEST_F(JwtVerifierTest, MalformedTokensAreRejected)
{
    const QByteArray t = hsToken();
    ASSERT_TRUE(accepted(verify(t)));
    const qsizetype lastDot = t.lastIndexOf('.');
    const struct {
        const char *name;
        QByteArray token;
        const char *reason;
    } cases[] = {
        {"empty", {}, "token is empty"},
        {"twoSegments", t.left(lastDot), "three segments"},
        {"fourSegments", t + ".AAAA", "three segments"},
        {"onlyDots", "..", "signature missing"},
        {"emptySignature", t.left(lastDot + 1), "signature missing"},
        {"padding", t + '=', "characters outside base64url"},
        {"leadingSpace", ' ' + t, "characters outside base64url"},
        {"trailingNewline", t + '\n', "characters outside base64url"},
        {"innerTab", QByteArray(t).insert(5, '\t'), "characters outside base64url"},
        {"standardAlphabet", QByteArray(t).replace(3, 1, "+"), "characters outside base64url"},
        {"nul", t + '\0', "characters outside base64url"},
        {"badSegmentLength", 'A' + t, "header is not a base64url JSON object"},
        {"tooLarge", hsToken(claims({{u"filler"_s, QString(6200, u'x')}})), "token too large"},
    };
    for (const auto &c : cases) {
        SCOPED_TRACE(c.name);
        EXPECT_TRUE(rejectedWith(verify(c.token), QString::fromUtf8(c.reason)));
    }
}

// Correctly signed tokens whose JSON is hostile, so only the structural checks can refuse them.
struct HostileJsonCase {
    const char *name;
    QByteArray header;
    QByteArray payload;
    const char *reason;
};

void PrintTo(const HostileJsonCase &c, std::ostream *os)
{
    *os << c.name;
}

class HostileJsonTest : public JwtVerifierTest,
                        public ::testing::WithParamInterface<HostileJsonCase>
{
};

TEST_P(HostileJsonTest, IsRejected)
{
    const QByteArray token = mintHs256Raw(kSecret, GetParam().header, GetParam().payload);
    EXPECT_TRUE(rejectedWith(verify(token), QString::fromUtf8(GetParam().reason)));
}

constexpr const char *kHeader = R"({"alg":"HS256","kid":"h1"})";
constexpr const char *kPayload = R"({"exp":1900000600,"tenant":"acme"})";
constexpr const char *kBadHeader = "token header is not a base64url JSON object";
constexpr const char *kBadPayload = "token payload is not a base64url JSON object";

INSTANTIATE_TEST_SUITE_P(
    Jwt, HostileJsonTest,
    ::testing::Values(
        HostileJsonCase{"headerNotJson", "alg=HS256", kPayload, kBadHeader},
        HostileJsonCase{"headerArray", "[]", kPayload, kBadHeader},
        HostileJsonCase{"headerString", R"("HS256")", kPayload, kBadHeader},
        HostileJsonCase{"headerEmpty", "", kPayload, kBadHeader},
        HostileJsonCase{"headerTrailingGarbage", R"({"alg":"HS256","kid":"h1"}x)", kPayload,
                        kBadHeader},
        HostileJsonCase{"algNoneFirst", R"({"alg":"none","kid":"h1","alg":"HS256"})", kPayload,
                        kBadHeader},
        HostileJsonCase{"algNoneLast", R"({"alg":"HS256","kid":"h1","alg":"none"})", kPayload,
                        kBadHeader},
        HostileJsonCase{"escapedDuplicateKid", R"({"alg":"HS256","kid":"h1","k\u0069d":"r1"})",
                        kPayload, kBadHeader},
        HostileJsonCase{"payloadNotJson", kHeader, "tenant=acme", kBadPayload},
        HostileJsonCase{"payloadArray", kHeader, R"([{"exp":1900000600}])", kBadPayload},
        HostileJsonCase{"duplicateTenant", kHeader,
                        R"({"exp":1900000600,"tenant":"acme","tenant":"victim"})", kBadPayload},
        HostileJsonCase{"duplicateExp", kHeader, R"({"exp":1,"tenant":"acme","exp":1900000600})",
                        kBadPayload}),
    [](const auto &info) { return std::string(info.param.name); });

TEST_F(JwtVerifierTest, LargeTokenBelowLimitIsAccepted)
{
    const QByteArray token = hsToken(claims({{u"filler"_s, QString(5800, u'x')}}));
    ASSERT_LT(token.size(), 8 * 1024);
    EXPECT_TRUE(accepted(verify(token)));
}

// --- claims ------------------------------------------------------------------------------

struct ClaimsCase {
    const char *name;
    QJsonObject changes; // merged over a valid payload with iss and aud
    std::vector<const char *> remove;
    const char *reason; // nullptr: accepted
};

void PrintTo(const ClaimsCase &c, std::ostream *os)
{
    *os << c.name;
}

class ClaimsTest : public JwtVerifierTest, public ::testing::WithParamInterface<ClaimsCase>
{
};

TEST_P(ClaimsTest, Verify)
{
    JwtPolicy policy;
    policy.issuer = kIssuer;
    policy.audience = kAudience;
    const JwtVerifier verifier = makeVerifier({hsKey(u"h1"_s)}, policy);
    QJsonObject payload = claims({{u"iss"_s, kIssuer}, {u"aud"_s, kAudience}});
    for (auto it = GetParam().changes.begin(); it != GetParam().changes.end(); ++it)
        payload.insert(it.key(), it.value());
    for (const char *name : GetParam().remove)
        payload.remove(QString::fromUtf8(name));

    const Result<JwtClaims> result = verify(hsToken(payload), verifier);
    if (GetParam().reason)
        EXPECT_TRUE(rejectedWith(result, QString::fromUtf8(GetParam().reason)));
    else
        EXPECT_TRUE(accepted(result));
}

INSTANTIATE_TEST_SUITE_P(
    Jwt, ClaimsTest,
    ::testing::Values(
        ClaimsCase{"valid", {}, {}, nullptr},
        ClaimsCase{"expWithinLeeway", {{u"exp"_s, kNow - 29}}, {}, nullptr},
        ClaimsCase{"expFractional", {{u"exp"_s, kNow - 29.5}}, {}, nullptr},
        ClaimsCase{"expAtLeewayEdge", {{u"exp"_s, kNow - 30}}, {}, "token expired"},
        ClaimsCase{"expLongAgo", {{u"exp"_s, kNow - 3600}}, {}, "token expired"},
        ClaimsCase{"expMissing", {}, {"exp"}, "token has no expiry"},
        ClaimsCase{"expString", {{u"exp"_s, u"1900000600"_s}}, {}, "exp is not a number"},
        ClaimsCase{"expNull", {{u"exp"_s, QJsonValue::Null}}, {}, "exp is not a number"},
        ClaimsCase{"expBool", {{u"exp"_s, true}}, {}, "exp is not a number"},
        ClaimsCase{"nbfPast", {{u"nbf"_s, kNow - 100}}, {}, nullptr},
        ClaimsCase{"nbfWithinLeeway", {{u"nbf"_s, kNow + 30}}, {}, nullptr},
        ClaimsCase{"nbfFuture", {{u"nbf"_s, kNow + 31}}, {}, "token not yet valid"},
        ClaimsCase{"nbfString", {{u"nbf"_s, u"0"_s}}, {}, "nbf is not a number"},
        ClaimsCase{"iatNow", {{u"iat"_s, kNow}}, {}, nullptr},
        ClaimsCase{"iatWithinLeeway", {{u"iat"_s, kNow + 30}}, {}, nullptr},
        ClaimsCase{"iatFuture", {{u"iat"_s, kNow + 31}}, {}, "token issued in the future"},
        ClaimsCase{"iatString", {{u"iat"_s, u"now"_s}}, {}, "iat is not a number"},
        ClaimsCase{
            "issOther", {{u"iss"_s, u"https://attacker.example"_s}}, {}, "issuer not accepted"},
        ClaimsCase{"issCase", {{u"iss"_s, u"https://ISSUER.example"_s}}, {}, "issuer not accepted"},
        ClaimsCase{"issMissing", {}, {"iss"}, "issuer not accepted"},
        ClaimsCase{"issArray", {{u"iss"_s, QJsonArray{kIssuer}}}, {}, "issuer not accepted"},
        ClaimsCase{"audArray", {{u"aud"_s, QJsonArray{u"other"_s, kAudience}}}, {}, nullptr},
        ClaimsCase{"audOther", {{u"aud"_s, u"other"_s}}, {}, "audience not accepted"},
        ClaimsCase{"audMissing", {}, {"aud"}, "audience not accepted"},
        ClaimsCase{
            "audArrayWithout", {{u"aud"_s, QJsonArray{u"other"_s}}}, {}, "audience not accepted"},
        ClaimsCase{"audArrayEmpty", {{u"aud"_s, QJsonArray{}}}, {}, "audience not accepted"},
        ClaimsCase{
            "audArrayMixed", {{u"aud"_s, QJsonArray{kAudience, 5}}}, {}, "audience not accepted"},
        ClaimsCase{
            "audObject", {{u"aud"_s, QJsonObject{{kAudience, true}}}}, {}, "audience not accepted"},
        ClaimsCase{"tenantNumber", {{u"tenant"_s, 42}}, {}, "tenant is not a string"},
        ClaimsCase{"tenantNull", {{u"tenant"_s, QJsonValue::Null}}, {}, "tenant is not a string"},
        ClaimsCase{
            "tenantArray", {{u"tenant"_s, QJsonArray{u"acme"_s}}}, {}, "tenant is not a string"},
        ClaimsCase{"subNumber", {{u"sub"_s, 1}}, {}, "sub is not a string"}),
    [](const auto &info) { return std::string(info.param.name); });

// --- create() ----------------------------------------------------------------------------

struct BadKeyCase {
    const char *name;
    std::function<QList<JwtKey>()> keys;
    const char *message;
};

void PrintTo(const BadKeyCase &c, std::ostream *os)
{
    *os << c.name;
}

class BadKeyTest : public ::testing::TestWithParam<BadKeyCase>
{
};

TEST_P(BadKeyTest, IsRefused)
{
    const Result<JwtVerifier> created = JwtVerifier::create(GetParam().keys(), {});
    ASSERT_FALSE(created.ok());
    EXPECT_EQ(created.error().kind, ErrorKind::Invalid);
    EXPECT_EQ(created.error().code, u"invalid-jwt-key"_s);
    EXPECT_TRUE(created.error().message.contains(QString::fromUtf8(GetParam().message)))
        << created.error().message.toStdString();
    EXPECT_FALSE(created.error().message.contains(QString::fromLatin1(kSecret.left(16))));
}

INSTANTIATE_TEST_SUITE_P(
    Jwt, BadKeyTest,
    ::testing::Values(
        BadKeyCase{"noKeys", [] { return QList<JwtKey>{}; }, "At least one JWT key"},
        BadKeyCase{"shortSecret", [] { return QList{hsKey(u"h1"_s, kSecret.left(31))}; },
                   "key 0 (kid 'h1') has an HS256 secret shorter than 32 bytes"},
        BadKeyCase{"emptySecret", [] { return QList{hsKey(u"h1"_s, {})}; },
                   "shorter than 32 bytes"},
        BadKeyCase{"hmacWithPublicKey",
                   [] {
                       return QList{JwtKey{u"h1"_s, JwtAlgorithm::HS256, kSecret, rsa().publicPem}};
                   },
                   "carries a public key"},
        BadKeyCase{"rsaWithSecret",
                   [] {
                       return QList{JwtKey{u"r1"_s, JwtAlgorithm::RS256, kSecret, rsa().publicPem}};
                   },
                   "carries a secret"},
        BadKeyCase{"rsaGarbage", [] { return QList{rsKey(u"r1"_s, "not a key")}; },
                   "not a PEM public key"},
        BadKeyCase{"rsaEmpty", [] { return QList{rsKey(u"r1"_s, {})}; }, "not a PEM public key"},
        BadKeyCase{"rsaPrivatePem", [] { return QList{rsKey(u"r1"_s, rsa().privatePem)}; },
                   "not a PEM public key"},
        BadKeyCase{"rsaTruncatedPem",
                   [] { return QList{rsKey(u"r1"_s, rsa().publicPem.left(200))}; },
                   "not a PEM public key"},
        BadKeyCase{"rsa1024",
                   [] { return QList{rsKey(u"r1"_s, generateRsaKeyPair(1024).publicPem)}; },
                   "1024 bits"},
        BadKeyCase{"ecKey", [] { return QList{rsKey(u"r1"_s, generateEcPublicPem())}; },
                   "not an RSA public key"},
        BadKeyCase{"secondKeyBad",
                   [] { return QList{hsKey(u"h1"_s), rsKey(u"r1"_s, "x")}; },
                   "key 1 (kid 'r1')"},
        BadKeyCase{"duplicateKid",
                   [] { return QList{hsKey(u"k"_s), rsKey(u"k"_s)}; },
                   "shares its kid"},
        BadKeyCase{"emptyKidNotAlone",
                   [] { return QList{hsKey({}), hsKey(u"h2"_s, kOtherSecret)}; },
                   "has no kid but is not the only key"},
        BadKeyCase{"twoEmptyKids",
                   [] { return QList{hsKey({}), hsKey({}, kOtherSecret)}; },
                   "has no kid but is not the only key"}),
    [](const auto &info) { return std::string(info.param.name); });

TEST(JwtVerifierCreate, RefusesBadPolicy)
{
    JwtPolicy negative;
    negative.leewaySeconds = -1;
    JwtPolicy unnamed;
    unnamed.tenantClaim.clear();
    for (const JwtPolicy &policy : {negative, unnamed}) {
        const Result<JwtVerifier> created = JwtVerifier::create({hsKey(u"h1"_s)}, policy);
        ASSERT_FALSE(created.ok());
        EXPECT_EQ(created.error().code, u"invalid-jwt-policy"_s);
    }
}

// --- loadKeysFile() ----------------------------------------------------------------------

class KeysFileTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_dir.isValid()); }

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(content);
        return path;
    }

    QTemporaryDir m_dir;
};

TEST_F(KeysFileTest, LoadsEveryKeyForm)
{
    const RsaKeyPair &pair = rsa();
    write(u"pem/r1.pem"_s, pair.publicPem);
    const QString absolutePem = write(u"elsewhere/r2.pem"_s, otherRsa().publicPem);
    const QJsonObject file{
        {u"keys"_s,
         QJsonArray{
             QJsonObject{{u"kid"_s, u"h1"_s},
                         {u"alg"_s, u"HS256"_s},
                         {u"secret"_s, QString::fromLatin1(kSecret)}},
             QJsonObject{{u"kid"_s, u"h2"_s},
                         {u"alg"_s, u"HS256"_s},
                         {u"secret_base64"_s, QString::fromLatin1(kOtherSecret.toBase64())}},
             QJsonObject{{u"kid"_s, u"r1"_s},
                         {u"alg"_s, u"RS256"_s},
                         {u"public_key_file"_s, u"../pem/r1.pem"_s}},
             QJsonObject{
                 {u"kid"_s, u"r2"_s}, {u"alg"_s, u"RS256"_s}, {u"public_key_file"_s, absolutePem}},
             QJsonObject{{u"kid"_s, u"r3"_s},
                         {u"alg"_s, u"RS256"_s},
                         {u"public_key"_s, QString::fromLatin1(pair.publicPem)}},
         }}};
    const Result<QList<JwtKey>> keys
        = JwtVerifier::loadKeysFile(write(u"conf/keys.json"_s, compact(file)));
    ASSERT_TRUE(keys.ok()) << keys.error().message.toStdString();
    ASSERT_EQ(keys->size(), 5);
    EXPECT_EQ(keys->at(0).kid, u"h1"_s);
    EXPECT_EQ(keys->at(0).algorithm, JwtAlgorithm::HS256);
    EXPECT_EQ(keys->at(0).secret, kSecret);
    EXPECT_EQ(keys->at(1).secret, kOtherSecret);
    EXPECT_EQ(keys->at(2).algorithm, JwtAlgorithm::RS256);
    EXPECT_EQ(keys->at(2).publicKeyPem, pair.publicPem);
    EXPECT_TRUE(keys->at(2).secret.isEmpty());
    EXPECT_EQ(keys->at(3).publicKeyPem, otherRsa().publicPem);
    EXPECT_EQ(keys->at(4).publicKeyPem, pair.publicPem);

    const Result<JwtVerifier> verifier = JwtVerifier::create(keys.value(), {});
    ASSERT_TRUE(verifier.ok()) << verifier.error().message.toStdString();
    EXPECT_TRUE(accepted(
        verifier->verify(mintHs256(kOtherSecret, {{u"kid"_s, u"h2"_s}}, claims()), fixedNow())));
    EXPECT_TRUE(accepted(
        verifier->verify(mintRs256(pair.privatePem, {{u"kid"_s, u"r1"_s}}, claims()), fixedNow())));
    EXPECT_TRUE(accepted(verifier->verify(
        mintRs256(otherRsa().privatePem, {{u"kid"_s, u"r2"_s}}, claims()), fixedNow())));
}

TEST_F(KeysFileTest, MissingFileIsAnError)
{
    const Result<QList<JwtKey>> keys = JwtVerifier::loadKeysFile(m_dir.filePath(u"absent.json"_s));
    ASSERT_FALSE(keys.ok());
    EXPECT_EQ(keys.error().code, u"invalid-jwt-key"_s);
    EXPECT_TRUE(keys.error().message.contains(u"Cannot read"_s));
}

struct BadFileCase {
    const char *name;
    QByteArray content; // SECRET stands for a "secret" member that must never be echoed
    const char *message;
};

void PrintTo(const BadFileCase &c, std::ostream *os)
{
    *os << c.name;
}

class BadKeysFileTest : public KeysFileTest, public ::testing::WithParamInterface<BadFileCase>
{
};

TEST_P(BadKeysFileTest, IsRefused)
{
    const QByteArray content
        = QByteArray(GetParam().content)
              .replace("SECRET", R"("secret":"do-not-echo-0123456789abcdef0123")");
    const Result<QList<JwtKey>> keys = JwtVerifier::loadKeysFile(write(u"keys.json"_s, content));
    ASSERT_FALSE(keys.ok());
    EXPECT_EQ(keys.error().kind, ErrorKind::Invalid);
    EXPECT_EQ(keys.error().code, u"invalid-jwt-key"_s);
    EXPECT_TRUE(keys.error().message.contains(QString::fromUtf8(GetParam().message)))
        << keys.error().message.toStdString();
    EXPECT_FALSE(keys.error().message.contains(u"do-not-echo"_s));
}

INSTANTIATE_TEST_SUITE_P(
    Jwt, BadKeysFileTest,
    ::testing::Values(
        BadFileCase{"notJson", R"({"keys":[{SECRET)", "is not valid JSON"},
        BadFileCase{"topLevelArray", R"([{SECRET}])", R"(must be an object with a "keys" array)"},
        BadFileCase{"keysNotArray", R"({"keys":{SECRET}})",
                    R"(must be an object with a "keys" array)"},
        BadFileCase{"noKeys", R"({"keys":[]})", "lists no keys"},
        BadFileCase{"keyNotObject", R"({"keys":["k1"]})", "key 0: must be a JSON object"},
        BadFileCase{"missingAlg", R"({"keys":[{"kid":"k",SECRET}]})",
                    R"(key 0: "alg" must be "HS256" or "RS256")"},
        BadFileCase{"unsupportedAlg", R"({"keys":[{"kid":"k","alg":"HS512",SECRET}]})",
                    R"("alg" must be)"},
        BadFileCase{"algNone", R"({"keys":[{"kid":"k","alg":"none",SECRET}]})", R"("alg" must be)"},
        BadFileCase{"secondKeyBad",
                    R"({"keys":[{"kid":"a","alg":"HS256",SECRET},{"kid":"b","alg":"RS256"}]})",
                    R"(key 1: needs exactly one of "public_key" and "public_key_file")"},
        BadFileCase{"unknownField",
                    R"({"keys":[{"kid":"k","alg":"HS256","secret_b64":"AAAA",SECRET}]})",
                    R"(unknown field "secret_b64")"},
        BadFileCase{"kidNumber", R"({"keys":[{"kid":1,"alg":"HS256",SECRET}]})",
                    R"("kid" must be a string)"},
        BadFileCase{"secretNumber",
                    R"({"keys":[{"kid":"k","alg":"HS256","secret":12345678901234567890}]})",
                    R"("secret" must be a string)"},
        BadFileCase{"hmacWithoutSecret", R"({"keys":[{"kid":"k","alg":"HS256"}]})",
                    R"(needs exactly one of "secret" and "secret_base64")"},
        BadFileCase{"hmacBothSecrets",
                    R"({"keys":[{"kid":"k","alg":"HS256","secret_base64":"AAAA",SECRET}]})",
                    "needs exactly one of"},
        BadFileCase{"hmacWithPublicKey",
                    R"({"keys":[{"kid":"k","alg":"HS256","public_key":"x",SECRET}]})",
                    R"("public_key" does not belong to an HS256 key)"},
        BadFileCase{"rsaWithSecret",
                    R"({"keys":[{"kid":"k","alg":"RS256","public_key":"x",SECRET}]})",
                    R"("secret" does not belong to an RS256 key)"},
        BadFileCase{"badBase64",
                    R"({"keys":[{"kid":"k","alg":"HS256","secret_base64":"do-not-echo!"}]})",
                    R"("secret_base64" is not valid base64)"},
        BadFileCase{"missingPemFile",
                    R"({"keys":[{"kid":"r","alg":"RS256","public_key_file":"nope.pem"}]})",
                    "cannot read public key file"}),
    [](const auto &info) { return std::string(info.param.name); });

} // namespace
