#include "core/identify/headerstrategy.h"
#include "core/identify/jwtstrategy.h"
#include "core/identify/pathstrategy.h"
#include "core/identify/subdomainstrategy.h"
#include "tests/support/jwtmint.h"

#include <gtest/gtest.h>

using namespace Tenantry;
using namespace Tenantry::Identify;
using namespace Qt::StringLiterals;

namespace {

// Runs a strategy and renders the answer as "none", "slug" or "error:<code>".
std::string outcome(const IdentificationStrategy &s, const RequestSignals &r)
{
    const auto found = s.identify(r);
    if (!found)
        return "error:" + found.error().code.toStdString();
    if (!found.value())
        return "none";
    return found.value()->slug.toStdString();
}

RequestSignals host(const QByteArray &h)
{
    return {h, "/", {}, {}};
}

RequestSignals path(const QByteArray &p)
{
    return {"localhost", p, {}, {}};
}

} // namespace

TEST(SubdomainStrategy, ReadsOneLabelBeforeTheBaseDomain)
{
    SubdomainStrategy s(u"API.Example.com"_s);
    EXPECT_EQ(outcome(s, host("acme.api.example.com")), "acme");
    EXPECT_EQ(outcome(s, host("ACME.api.example.com:8443")), "acme");
    EXPECT_EQ(outcome(s, host("acme.api.example.com.")), "acme");
    EXPECT_EQ(outcome(s, host("api.example.com")), "none");
    EXPECT_EQ(outcome(s, host("acme.example.org")), "none");
    EXPECT_EQ(outcome(s, host("")), "none");
    EXPECT_EQ(outcome(s, host("[::1]:8080")), "none");
}

TEST(SubdomainStrategy, RejectsHostileHosts)
{
    SubdomainStrategy s(u"api.example.com"_s);
    EXPECT_EQ(outcome(s, host("evil.acme.api.example.com")), "error:invalid-tenant-identifier");
    EXPECT_EQ(outcome(s, host("www.api.example.com")), "error:invalid-tenant-identifier");
    EXPECT_EQ(outcome(s, host("ac_me.api.example.com")), "error:invalid-tenant-identifier");
    EXPECT_EQ(outcome(s, host("%61cme.api.example.com")), "error:invalid-tenant-identifier");
    EXPECT_EQ(outcome(s, host("acme@evil.api.example.com")), "error:invalid-tenant-identifier");
    EXPECT_EQ(outcome(s, host(".api.example.com")), "error:invalid-tenant-identifier");
    // A look-alike domain that merely ends with the same letters is not ours.
    EXPECT_EQ(outcome(s, host("acme.notapi.example.com")), "none");
    EXPECT_EQ(outcome(s, host("acmeapi.example.com")), "none");
}

TEST(PathStrategy, ReadsTheSlugAndStripsIt)
{
    PathStrategy s;
    const auto found = s.identify(path("/t/acme/api/v1/me"));
    ASSERT_TRUE(found.ok());
    ASSERT_TRUE(found.value().has_value());
    EXPECT_EQ(found.value()->slug, u"acme"_s);
    EXPECT_EQ(found.value()->strippedPath, QByteArray("/api/v1/me"));
    EXPECT_EQ(outcome(s, path("/t/acme")), "acme");
    EXPECT_EQ(outcome(s, path("/api/v1/me")), "none");
    EXPECT_EQ(outcome(s, path("/tx/acme/api")), "none");
}

TEST(PathStrategy, RejectsTraversalAndEncodingTricks)
{
    PathStrategy s;
    for (const QByteArray &p : {QByteArray("/t/../admin/v1/tenants"), QByteArray("/t/%2e%2e/api/v1/me"),
                                QByteArray("/t/%61cme/api/v1/me"), QByteArray("/t/ACME/api"), QByteArray("/t//api"),
                                QByteArray("/t/acme%2Fbob/api"), QByteArray("/t/./api"), QByteArray("/t/www/api")}) {
        EXPECT_EQ(outcome(s, path(p)), "error:invalid-tenant-identifier") << p.toStdString();
    }
}

TEST(HeaderStrategy, ReadsOneHeader)
{
    HeaderStrategy s;
    EXPECT_EQ(outcome(s, {"h", "/", {"acme"}, {}}), "acme");
    EXPECT_EQ(outcome(s, {"h", "/", {" Acme "}, {}}), "acme");
    EXPECT_EQ(outcome(s, {"h", "/", {}, {}}), "none");
    EXPECT_EQ(outcome(s, {"h", "/", {"acme", "acme"}, {}}), "error:invalid-tenant-identifier");
    EXPECT_EQ(outcome(s, {"h", "/", {"acme, globex"}, {}}), "error:invalid-tenant-identifier");
    EXPECT_EQ(outcome(s, {"h", "/", {"../acme"}, {}}), "error:invalid-tenant-identifier");
    EXPECT_EQ(outcome(s, {"h", "/", {""}, {}}), "error:invalid-tenant-identifier");
}

TEST(JwtStrategy, VerifiesBeforeTrustingTheClaim)
{
    const QByteArray secret(32, 's');
    ManualClock clock(QDateTime::fromSecsSinceEpoch(1'700'000'000, Qt::UTC));
    auto verifier = JwtVerifier::create({{u"k1"_s, JwtAlgorithm::HS256, secret, {}}}, {});
    ASSERT_TRUE(verifier.ok());
    JwtStrategy s(verifier.value(), clock);
    const qint64 exp = 1'700'000'600;
    const QByteArray good = Testing::mintHs256(secret, {{u"kid"_s, u"k1"_s}},
                                               {{u"tenant"_s, u"Acme"_s}, {u"exp"_s, exp}, {u"sub"_s, u"u1"_s}});
    EXPECT_EQ(outcome(s, {"h", "/", {}, good}), "acme");
    const auto found = s.identify({"h", "/", {}, good});
    ASSERT_TRUE(found.ok() && found.value() && found.value()->token);
    EXPECT_EQ(found.value()->token->subject, u"u1"_s);

    const QByteArray noClaim = Testing::mintHs256(secret, {{u"kid"_s, u"k1"_s}}, {{u"exp"_s, exp}});
    EXPECT_EQ(outcome(s, {"h", "/", {}, noClaim}), "none");
    const QByteArray forged = Testing::mintHs256(QByteArray(32, 'x'), {{u"kid"_s, u"k1"_s}},
                                                 {{u"tenant"_s, u"acme"_s}, {u"exp"_s, exp}});
    EXPECT_EQ(outcome(s, {"h", "/", {}, forged}), "error:invalid-token");
    const QByteArray badSlug = Testing::mintHs256(secret, {{u"kid"_s, u"k1"_s}},
                                                  {{u"tenant"_s, u"../admin"_s}, {u"exp"_s, exp}});
    EXPECT_EQ(outcome(s, {"h", "/", {}, badSlug}), "error:invalid-tenant-identifier");
    EXPECT_EQ(outcome(s, {"h", "/", {}, {}}), "none");
}
