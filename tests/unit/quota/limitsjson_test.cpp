#include "core/quota/limitsjson.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

using namespace Tenantry;
using namespace Tenantry::Quota;
using namespace Qt::StringLiterals;

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

QStringList fieldsOf(const Error &e)
{
    QStringList out;
    for (const FieldError &f : e.fields)
        out.append(f.field);
    return out;
}

TEST(LimitsJson, ReadsEveryDimensionAndWritesItBack)
{
    auto limits = applyLimitsJson({}, json(R"({"api_calls_per_day": 5, "api_calls_per_month": 100,
        "rate_per_second": 2.5, "burst": 10, "max_concurrent": 3, "storage_bytes": 1048576, "db_connections": 2,
        "rules": [{"name": "writes", "metric": "requests", "method": "post", "route": "/api/v1/entities/*/records",
                   "window": "hour", "limit": 7},
                  {"name": "orders", "metric": "records", "entity": "orders", "limit": 1000}],
        "costs": [{"method": "POST", "route": "/api/v1/entities/**", "cost": 5}]})"));
    ASSERT_TRUE(limits.ok()) << limits.error().message.toStdString();
    EXPECT_EQ(limits->apiCallsPerDay, 5);
    EXPECT_EQ(limits->apiCallsPerMonth, 100);
    EXPECT_DOUBLE_EQ(limits->ratePerSecond, 2.5);
    EXPECT_EQ(limits->burst, 10);
    EXPECT_EQ(limits->maxConcurrent, 3);
    EXPECT_EQ(limits->storageBytes, 1048576);
    EXPECT_EQ(limits->dbConnections, 2);
    ASSERT_EQ(limits->rules.size(), 2);
    EXPECT_EQ(limits->rules[0].requests.method, "POST"); // methods are case-insensitive
    EXPECT_EQ(limits->rules[0].window, RuleWindow::Hour);
    EXPECT_EQ(limits->rules[1].metric, RuleMetric::Records);
    ASSERT_EQ(limits->costs.size(), 1);

    auto again = applyLimitsJson({}, limitsToJson(limits.value()));
    ASSERT_TRUE(again.ok()) << again.error().message.toStdString();
    EXPECT_EQ(limitsToJson(again.value()), limitsToJson(limits.value()));
}

TEST(LimitsJson, OverridesReplaceMergeByNameAndNullLiftsALimit)
{
    const Limits plan = applyLimitsJson({}, json(R"({"api_calls_per_day": 1000, "rate_per_second": 10,
        "rules": [{"name": "a", "window": "day", "limit": 5}, {"name": "b", "window": "minute", "limit": 9}]})"))
                            .value();
    auto merged = applyLimitsJson(plan, json(R"({"api_calls_per_day": null, "rate_per_second": 1,
        "rules": [{"name": "a", "limit": null}, {"name": "b", "window": "hour", "limit": 3},
                  {"name": "c", "window": "month", "limit": 1}]})"));
    ASSERT_TRUE(merged.ok()) << merged.error().message.toStdString();
    EXPECT_EQ(merged->apiCallsPerDay, 0);
    EXPECT_DOUBLE_EQ(merged->ratePerSecond, 1);
    ASSERT_EQ(merged->rules.size(), 2);
    EXPECT_EQ(merged->rules[0].name, u"b"_s);
    EXPECT_EQ(merged->rules[0].window, RuleWindow::Hour);
    EXPECT_EQ(merged->rules[0].limit, 3);
    EXPECT_EQ(merged->rules[1].name, u"c"_s);
    // An empty override object changes nothing.
    EXPECT_EQ(limitsToJson(applyLimitsJson(plan, {}).value()), limitsToJson(plan));
}

struct BadJson {
    const char *name;
    const char *json;
    const char *field;
};

void PrintTo(const BadJson &p, std::ostream *os)
{
    *os << p.name;
}

class BadLimitsJson : public ::testing::TestWithParam<BadJson>
{
};

TEST_P(BadLimitsJson, IsRefusedNamingTheField)
{
    auto limits = applyLimitsJson({}, json(GetParam().json));
    ASSERT_FALSE(limits.ok());
    EXPECT_EQ(limits.error().kind, ErrorKind::Invalid);
    EXPECT_EQ(limits.error().code, u"invalid-quota-limits"_s);
    EXPECT_TRUE(fieldsOf(limits.error()).contains(QString::fromLatin1(GetParam().field)))
        << fieldsOf(limits.error()).join(u", "_s).toStdString();
}

INSTANTIATE_TEST_SUITE_P(
    Quota, BadLimitsJson,
    ::testing::Values(BadJson{"zero", R"({"api_calls_per_day": 0})", "/api_calls_per_day"},
                      BadJson{"negative", R"({"api_calls_per_month": -5})", "/api_calls_per_month"},
                      BadJson{"fraction", R"({"max_concurrent": 1.5})", "/max_concurrent"},
                      BadJson{"absurd", R"({"api_calls_per_day": 1e300})", "/api_calls_per_day"},
                      BadJson{"string", R"({"api_calls_per_day": "5"})", "/api_calls_per_day"},
                      BadJson{"rate-too-high", R"({"rate_per_second": 1e9})", "/rate_per_second"},
                      BadJson{"rate-zero", R"({"rate_per_second": 0})", "/rate_per_second"},
                      BadJson{"burst-without-rate", R"({"burst": 5})", "/burst"},
                      BadJson{"storage-absurd", R"({"storage_bytes": 1e18})", "/storage_bytes"},
                      BadJson{"pool-absurd", R"({"db_connections": 100000})", "/db_connections"},
                      BadJson{"unknown-key", R"({"api_calls_per_year": 5})", "/api_calls_per_year"},
                      BadJson{"rules-not-array", R"({"rules": {}})", "/rules"},
                      BadJson{"rule-no-window", R"({"rules": [{"name": "a", "limit": 1}]})", "/rules/0/window"},
                      BadJson{"rule-bad-window", R"({"rules": [{"name": "a", "window": "week", "limit": 1}]})",
                              "/rules/0/window"},
                      BadJson{"rule-zero", R"({"rules": [{"name": "a", "window": "day", "limit": 0}]})",
                              "/rules/0/limit"},
                      BadJson{"rule-bad-name", R"({"rules": [{"name": "A B", "window": "day", "limit": 1}]})",
                              "/rules/0/name"},
                      BadJson{"rule-duplicate",
                              R"({"rules": [{"name": "a", "window": "day", "limit": 1},
                                            {"name": "b", "window": "day", "limit": 1},
                                            {"name": "b", "window": "hour", "limit": 2}]})",
                              "/rules/2/name"},
                      BadJson{"rule-bad-route", R"({"rules": [{"name": "a", "window": "day", "limit": 1, "route": "api"}]})",
                              "/rules/0/route"},
                      BadJson{"rule-star-inside", R"({"rules": [{"name": "a", "window": "day", "limit": 1, "route": "/a/b*"}]})",
                              "/rules/0/route"},
                      BadJson{"rule-bad-method", R"({"rules": [{"name": "a", "window": "day", "limit": 1, "method": "BREW"}]})",
                              "/rules/0/method"},
                      BadJson{"records-rule-no-entity", R"({"rules": [{"name": "a", "metric": "records", "limit": 1}]})",
                              "/rules/0/entity"},
                      BadJson{"records-rule-window", R"({"rules": [{"name": "a", "metric": "records", "entity": "x", "window": "day", "limit": 1}]})",
                              "/rules/0/window"},
                      BadJson{"cost-zero", R"({"costs": [{"route": "/x", "cost": 0}]})", "/costs/0/cost"},
                      BadJson{"cost-missing", R"({"costs": [{"route": "/x"}]})", "/costs/0/cost"},
                      BadJson{"cost-absurd", R"({"costs": [{"route": "/x", "cost": 1e12}]})", "/costs/0/cost"}),
    [](const auto &info) {
        std::string name = info.param.name;
        std::replace(name.begin(), name.end(), '-', '_');
        return name;
    });

TEST(LimitsJson, ReportsEveryBadFieldAtOnce)
{
    auto limits = applyLimitsJson({}, json(R"({"api_calls_per_day": 0, "max_concurrent": -1, "nope": true})"));
    ASSERT_FALSE(limits.ok());
    EXPECT_EQ(limits.error().fields.size(), 3) << fieldsOf(limits.error()).join(u", "_s).toStdString();
}

TEST(RequestPattern, MatchesSegmentsWithWildcards)
{
    const RequestPattern records{"POST", u"/api/v1/entities/*/records"_s};
    EXPECT_TRUE(records.matches("POST", "/api/v1/entities/orders/records"));
    EXPECT_TRUE(records.matches("POST", "/api/v1/entities/orders/records/"));
    EXPECT_FALSE(records.matches("GET", "/api/v1/entities/orders/records"));
    EXPECT_FALSE(records.matches("POST", "/api/v1/entities/orders/records/r1"));
    EXPECT_FALSE(records.matches("POST", "/api/v1/entities//records"));
    EXPECT_FALSE(records.matches("POST", "/api/v1/entities/orders"));
    EXPECT_FALSE(records.matches("POST", "/api/v1/entities/orders/recordsx"));

    const RequestPattern rest{QByteArray(), u"/api/v1/entities/**"_s};
    EXPECT_TRUE(rest.matches("DELETE", "/api/v1/entities/orders/records/r1"));
    EXPECT_TRUE(rest.matches("GET", "/api/v1/entities/orders"));
    EXPECT_FALSE(rest.matches("GET", "/api/v1/entities"));
    EXPECT_FALSE(rest.matches("GET", "/api/v1/me"));

    const RequestPattern exact{QByteArray(), u"/api/v1/me"_s};
    EXPECT_TRUE(exact.matches("GET", "/api/v1/me"));
    EXPECT_FALSE(exact.matches("GET", "/api/v1/mee"));
    EXPECT_FALSE(exact.matches("GET", "/api/v1"));

    EXPECT_TRUE(RequestPattern{}.matches("GET", "/anything"));
}

TEST(Limits, TheFirstMatchingCostWinsAndOthersCostOne)
{
    Limits limits;
    limits.costs = {{{"POST", u"/api/v1/entities/*/records"_s}, 5}, {{QByteArray(), u"/api/v1/**"_s}, 2}};
    ASSERT_TRUE(limits.validate().ok());
    EXPECT_EQ(limits.costOf("POST", "/api/v1/entities/orders/records"), 5);
    EXPECT_EQ(limits.costOf("GET", "/api/v1/entities/orders/records"), 2);
    EXPECT_EQ(limits.costOf("GET", "/healthz"), 1);
}

} // namespace
