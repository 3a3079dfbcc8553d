#include "core/notify/webhooksignature.h"

#include <gtest/gtest.h>

using namespace Tenantry;
using namespace Tenantry::Notify;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kSecret = "whsec-test-0123456789abcdef";
const QByteArray kBody = R"({"id":"8d1c6f0e-5d7a-4a53-9c43-0b6c2f4e3a10","type":"anomaly.detected","data":{"slug":"acme"}})";
constexpr qint64 kTimestamp = 1700000000;

QDateTime at(qint64 unixSeconds)
{
    return QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::UTC);
}

} // namespace

// Expected values computed independently:
//   printf '%s' '1700000000.<body>' | openssl dgst -sha256 -hmac whsec-test-0123456789abcdef
TEST(WebhookSignature, MatchesOpenSslKnownAnswers)
{
    EXPECT_EQ(WebhookSignature::compute(kSecret, kTimestamp, kBody),
              QByteArray("8f830df80958aaecaddbd7a49c0c32fac3f6fe47e41e5e599304638af5181c77"));
    EXPECT_EQ(WebhookSignature::compute(kSecret, kTimestamp, ""),
              QByteArray("b90011f66bcb146d6a87e1c9459dd3eb93763d3aaf70b864e46d3c324ccd8b4a"));
    EXPECT_EQ(WebhookSignature::header(kSecret, kTimestamp, kBody),
              QByteArray("t=1700000000,v1=8f830df80958aaecaddbd7a49c0c32fac3f6fe47e41e5e599304638af5181c77"));
}

TEST(WebhookSignature, VerifiesWhatItSigned)
{
    const QByteArray header = WebhookSignature::header(kSecret, kTimestamp, kBody);
    EXPECT_TRUE(WebhookSignature::verify(header, kBody, kSecret, at(kTimestamp)).ok());
    // Within the tolerance either way (clocks disagree a little in both directions).
    EXPECT_TRUE(WebhookSignature::verify(header, kBody, kSecret, at(kTimestamp + 300)).ok());
    EXPECT_TRUE(WebhookSignature::verify(header, kBody, kSecret, at(kTimestamp - 300)).ok());
    // Spaces after commas and upper-case hex are tolerated.
    const QByteArray spaced = "t=1700000000, v1=" + WebhookSignature::compute(kSecret, kTimestamp, kBody).toUpper();
    EXPECT_TRUE(WebhookSignature::verify(spaced, kBody, kSecret, at(kTimestamp)).ok());
}

TEST(WebhookSignature, AnyOfSeveralSignaturesMayMatchSoSecretsCanRotate)
{
    const QByteArray oldSecret = "the-old-secret-0123456789";
    const QByteArray header = WebhookSignature::header(kSecret, kTimestamp, kBody) + ",v1="
        + WebhookSignature::compute(oldSecret, kTimestamp, kBody);
    EXPECT_TRUE(WebhookSignature::verify(header, kBody, oldSecret, at(kTimestamp)).ok());
    EXPECT_TRUE(WebhookSignature::verify(header, kBody, kSecret, at(kTimestamp)).ok());
    EXPECT_EQ(WebhookSignature::verify(header, kBody, "a-third-secret-0123456789", at(kTimestamp)).error().code,
              u"signature-mismatch"_s);
}

TEST(WebhookSignature, RejectsWrongSecretAndTamperedBody)
{
    const QByteArray header = WebhookSignature::header(kSecret, kTimestamp, kBody);
    const Status wrongSecret = WebhookSignature::verify(header, kBody, "whsec-test-0123456789abcdeF", at(kTimestamp));
    ASSERT_FALSE(wrongSecret.ok());
    EXPECT_EQ(wrongSecret.error().code, u"signature-mismatch"_s);
    EXPECT_EQ(wrongSecret.error().kind, ErrorKind::Unauthenticated);

    QByteArray tampered = kBody;
    tampered.replace("acme", "acmf");
    EXPECT_EQ(WebhookSignature::verify(header, tampered, kSecret, at(kTimestamp)).error().code, u"signature-mismatch"_s);
    EXPECT_EQ(WebhookSignature::verify(header, QByteArray(kBody + " "), kSecret, at(kTimestamp)).error().code, u"signature-mismatch"_s);
    // Moving the timestamp breaks the signature too: it is part of what was signed.
    const QByteArray moved = "t=1700000001,v1=" + WebhookSignature::compute(kSecret, kTimestamp, kBody);
    EXPECT_EQ(WebhookSignature::verify(moved, kBody, kSecret, at(kTimestamp)).error().code, u"signature-mismatch"_s);
}

TEST(WebhookSignature, RefusesStaleAndFutureTimestamps)
{
    const QByteArray header = WebhookSignature::header(kSecret, kTimestamp, kBody);
    const Status old = WebhookSignature::verify(header, kBody, kSecret, at(kTimestamp + 301));
    ASSERT_FALSE(old.ok());
    EXPECT_EQ(old.error().code, u"signature-stale"_s);
    EXPECT_EQ(WebhookSignature::verify(header, kBody, kSecret, at(kTimestamp - 301)).error().code, u"signature-stale"_s);
    EXPECT_EQ(WebhookSignature::verify(header, kBody, kSecret, at(kTimestamp + 61), std::chrono::seconds(60)).error().code,
              u"signature-stale"_s);
    EXPECT_TRUE(WebhookSignature::verify(header, kBody, kSecret, at(kTimestamp + 3600), std::chrono::hours(2)).ok());
}

class MalformedSignature : public ::testing::TestWithParam<const char *>
{
};

TEST_P(MalformedSignature, IsRefusedAsMalformed)
{
    const Status s = WebhookSignature::verify(QByteArray(GetParam()), kBody, kSecret, at(kTimestamp));
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, u"signature-malformed"_s) << GetParam();
}

INSTANTIATE_TEST_SUITE_P(
    Headers, MalformedSignature,
    ::testing::Values("", "garbage", "t=1700000000", "v1=8f830df80958aaecaddbd7a49c0c32fac3f6fe47e41e5e599304638af5181c77",
                      "t=abc,v1=8f830df80958aaecaddbd7a49c0c32fac3f6fe47e41e5e599304638af5181c77",
                      "t=-5,v1=8f830df80958aaecaddbd7a49c0c32fac3f6fe47e41e5e599304638af5181c77",
                      "t=1700000000,t=1700000000,v1=8f830df80958aaecaddbd7a49c0c32fac3f6fe47e41e5e599304638af5181c77",
                      "t=1700000000,v1=8f830df8",                                                        // too short
                      "t=1700000000,v1=zz830df80958aaecaddbd7a49c0c32fac3f6fe47e41e5e599304638af5181c77", // not hex
                      "t=1700000000,,v1=8f830df80958aaecaddbd7a49c0c32fac3f6fe47e41e5e599304638af5181c77",
                      "t=1700000000;v1=8f830df80958aaecaddbd7a49c0c32fac3f6fe47e41e5e599304638af5181c77"));
