#include "core/identify/headerstrategy.h"
#include "core/identify/pathstrategy.h"
#include "core/identify/subdomainstrategy.h"
#include "core/identify/tenantresolver.h"

#include <gtest/gtest.h>

using namespace Tenantry;
using namespace Tenantry::Identify;
using namespace Qt::StringLiterals;

namespace {

class TenantResolverTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QList<Tenant> tenants;
        for (auto [slug, status] : {std::pair{u"acme"_s, TenantStatus::Active}, std::pair{u"globex"_s, TenantStatus::Active},
                                    std::pair{u"paused"_s, TenantStatus::Suspended},
                                    std::pair{u"gone"_s, TenantStatus::Deleted},
                                    std::pair{u"fresh"_s, TenantStatus::Pending}}) {
            Tenant t;
            t.id = slug + u"-id"_s;
            t.slug = slug;
            t.status = status;
            tenants.append(t);
        }
        m_directory.reset(tenants, {});
        std::vector<std::unique_ptr<IdentificationStrategy>> strategies;
        strategies.push_back(std::make_unique<SubdomainStrategy>(u"example.com"_s));
        strategies.push_back(std::make_unique<PathStrategy>());
        strategies.push_back(std::make_unique<HeaderStrategy>());
        m_resolver = std::make_unique<TenantResolver>(std::move(strategies), m_directory);
    }

    std::string resolve(const QByteArray &host, const QByteArray &path, QList<QByteArray> headers = {})
    {
        const auto r = m_resolver->resolve({host, path, headers, {}});
        if (!r)
            return "error:" + r.error().code.toStdString();
        return r->tenant->slug.toStdString() + "/" + r->identifiedBy.toStdString();
    }

    TenantDirectory m_directory;
    std::unique_ptr<TenantResolver> m_resolver;
};

} // namespace

TEST_F(TenantResolverTest, AgreeingStrategiesResolve)
{
    EXPECT_EQ(resolve("acme.example.com", "/api/v1/me"), "acme/subdomain");
    EXPECT_EQ(resolve("localhost", "/t/acme/api/v1/me"), "acme/path");
    EXPECT_EQ(resolve("localhost", "/api/v1/me", {"acme"}), "acme/header");
    EXPECT_EQ(resolve("acme.example.com", "/t/acme/api/v1/me", {"ACME"}), "acme/subdomain+path+header");
}

TEST_F(TenantResolverTest, DisagreementIsAnError)
{
    EXPECT_EQ(resolve("acme.example.com", "/api/v1/me", {"globex"}), "error:tenant-ambiguous");
    EXPECT_EQ(resolve("localhost", "/t/acme/api/v1/me", {"globex"}), "error:tenant-ambiguous");
    EXPECT_EQ(resolve("globex.example.com", "/t/acme/x"), "error:tenant-ambiguous");
}

TEST_F(TenantResolverTest, StatusAndExistenceMapToErrors)
{
    EXPECT_EQ(resolve("localhost", "/api/v1/me"), "error:tenant-required");
    EXPECT_EQ(resolve("localhost", "/api/v1/me", {"nobody"}), "error:tenant-not-found");
    EXPECT_EQ(resolve("localhost", "/api/v1/me", {"paused"}), "error:tenant-suspended");
    EXPECT_EQ(resolve("localhost", "/api/v1/me", {"gone"}), "error:tenant-deleted");
    EXPECT_EQ(resolve("localhost", "/api/v1/me", {"fresh"}), "error:tenant-not-active");
}

TEST_F(TenantResolverTest, MalformedSignalWinsOverAValidOne)
{
    EXPECT_EQ(resolve("acme.example.com", "/t/../api", {}), "error:invalid-tenant-identifier");
    EXPECT_EQ(resolve("acme.example.com", "/api", {"acme", "globex"}), "error:invalid-tenant-identifier");
}

TEST_F(TenantResolverTest, PathStrategyGivesTheRoutedPath)
{
    const auto r = m_resolver->resolve({"localhost", "/t/acme/api/v1/me", {}, {}});
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r->routedPath, QByteArray("/api/v1/me"));
}
