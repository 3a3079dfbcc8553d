#include "core/http/router.h"

#include <gtest/gtest.h>

using namespace Tenantry;
using namespace Tenantry::Http;
using namespace Qt::StringLiterals;

namespace {

Handler named(const QByteArray &name)
{
    return [name](const RequestContext &) -> Result<HttpResponse> { return HttpResponse{200, "text/plain", name, {}}; };
}

QByteArray call(const Router::Match &m, const HttpRequest &r = {})
{
    const auto response = m.route->handler({r, m.params, nullptr});
    return response->body;
}

} // namespace

TEST(Router, MatchesLiteralAndParameterSegments)
{
    Router router;
    router.add("GET", u"/admin/v1/tenants"_s, Scope::Admin, named("list"));
    router.add("GET", u"/admin/v1/tenants/{slug}"_s, Scope::Admin, named("get"));
    router.add("POST", u"/admin/v1/tenants/{slug}/suspend"_s, Scope::Admin, named("suspend"));

    auto m = router.find("GET", "/admin/v1/tenants");
    ASSERT_TRUE(m.route);
    EXPECT_EQ(call(m), "list");
    m = router.find("GET", "/admin/v1/tenants/");
    ASSERT_TRUE(m.route); // a trailing slash names the same resource
    m = router.find("GET", "/admin/v1/tenants/acme%2Dco");
    ASSERT_TRUE(m.route);
    EXPECT_EQ(m.params.value(u"slug"_s), u"acme-co"_s);
    m = router.find("POST", "/admin/v1/tenants/acme/suspend");
    ASSERT_TRUE(m.route);
    EXPECT_EQ(call(m), "suspend");
}

TEST(Router, ReportsAllowedMethodsAndMisses)
{
    Router router;
    router.add("GET", u"/x/{id}"_s, Scope::Public, named("get"));
    router.add("DELETE", u"/x/{id}"_s, Scope::Public, named("delete"));
    auto m = router.find("PUT", "/x/1");
    EXPECT_FALSE(m.route);
    EXPECT_EQ(m.allowedMethods, (QList<QByteArray>{"GET", "DELETE"}));
    m = router.find("GET", "/x/1/2");
    EXPECT_FALSE(m.route);
    EXPECT_TRUE(m.allowedMethods.isEmpty());
    m = router.find("GET", "/X/1");
    EXPECT_FALSE(m.route); // case-sensitive paths
}

TEST(Router, ScopeFilterHidesOtherRoutes)
{
    Router router;
    router.add("GET", u"/api/v1/me"_s, Scope::Tenant, named("me"));
    router.add("GET", u"/admin/v1/tenants"_s, Scope::Admin, named("admin"));
    EXPECT_TRUE(router.find("GET", "/api/v1/me", Scope::Tenant).route);
    EXPECT_FALSE(router.find("GET", "/admin/v1/tenants", Scope::Tenant).route);
}
