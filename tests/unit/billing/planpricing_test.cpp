#include "core/billing/planpricing.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

using namespace Tenantry;
using namespace Tenantry::Billing;
using namespace Qt::StringLiterals;

namespace {

QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(QByteArray(text), &error).object();
    EXPECT_EQ(error.error, QJsonParseError::NoError) << text;
    return o;
}

QStringList fields(const Error &e)
{
    QStringList out;
    for (const FieldError &f : e.fields)
        out.append(f.field);
    return out;
}

const char *kPro = R"({"currency": "EUR", "monthly": "99.00", "yearly": "990.00", "trial_days": 14,
  "metered": {"api_calls": {"unit_size": 1000, "included": 25000000, "unit_label": "1,000 calls", "model": "graduated",
                            "tiers": [{"up_to": 1000, "unit_price": "0.40"},
                                      {"up_to": null, "unit_price": "0.25", "flat_fee": "3.00"}]},
              "bandwidth": {"unit_size": 1000000000, "model": "package", "package_size": 100, "unit_price": "5.00"}}})";

} // namespace

TEST(PlanPricing, ReadsAndWritesTheSameDocument)
{
    auto pricing = planPricingFromJson(json(kPro));
    ASSERT_TRUE(pricing.ok()) << pricing.error().message.toStdString();
    EXPECT_EQ(pricing->currency.code, u"EUR"_s);
    EXPECT_EQ(pricing->monthlyFee->minor(), 9900);
    EXPECT_EQ(pricing->trialDays, 14);
    ASSERT_EQ(pricing->metered.size(), 2);
    auto again = planPricingFromJson(planPricingToJson(pricing.value()));
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(planPricingToJson(again.value()), planPricingToJson(pricing.value()));
    EXPECT_EQ(cycleFee(pricing.value(), u"yearly"_s)->minor(), 99000);
}

TEST(PlanPricing, ACycleThePlanDoesNotOfferIsRefused)
{
    auto monthlyOnly = planPricingFromJson(json(R"({"currency": "JPY", "monthly": "1500"})"));
    ASSERT_TRUE(monthlyOnly.ok());
    EXPECT_EQ(monthlyOnly->monthlyFee->minor(), 1500);
    auto yearly = cycleFee(monthlyOnly.value(), u"yearly"_s);
    ASSERT_FALSE(yearly.ok());
    EXPECT_EQ(yearly.error().code, u"cycle-not-offered"_s);
}

TEST(PlanPricing, EveryBadFieldIsNamedAtOnce)
{
    auto bad = planPricingFromJson(json(R"({"currency": "USD", "monthly": "-5", "yearly": "1.234", "trial_days": 400,
        "colour": "red",
        "metered": {"API": {}, "api_calls": {"model": "tiered"},
                    "storage": {"unit_size": 0, "model": "standard", "unit_price": "x"},
                    "bandwidth": {"model": "graduated", "tiers": [{"up_to": 10, "unit_price": "1"}, {"up_to": 5, "unit_price": "1"}]}}})"));
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().code, u"invalid-plan-pricing"_s);
    const QStringList f = fields(bad.error());
    for (const QString &expected : {u"/monthly"_s, u"/yearly"_s, u"/trial_days"_s, u"/colour"_s, u"/metered/API"_s,
                                    u"/metered/api_calls/model"_s, u"/metered/storage/unit_size"_s,
                                    u"/metered/storage/unit_price"_s, u"/metered/bandwidth/tiers/1/up_to"_s})
        EXPECT_TRUE(f.contains(expected)) << expected.toStdString() << " in " << f.join(u' ').toStdString();
    auto currency = planPricingFromJson(json(R"({"currency": "XYZ"})"));
    ASSERT_FALSE(currency.ok());
    EXPECT_EQ(fields(currency.error()), QStringList{u"/currency"_s});
}

TEST(PlanPricing, UsageIsBilledInWholeUnitsBeyondWhatIsIncluded)
{
    MeteredPrice calls;
    calls.unitSize = 1000;
    calls.included = 10'000;
    EXPECT_EQ(billableUnits(calls, 0), 0);
    EXPECT_EQ(billableUnits(calls, 10'000), 0);
    EXPECT_EQ(billableUnits(calls, 10'001), 1);
    EXPECT_EQ(billableUnits(calls, 11'000), 1);
    EXPECT_EQ(billableUnits(calls, 11'001), 2);
    MeteredPrice storage;
    storage.unitSize = 730'000'000'000; // one GB for a 730-hour month
    EXPECT_EQ(billableUnits(storage, 10LL * 730'000'000'000), 10);
}

TEST(PlanPricing, TheShippedPlansAreValid)
{
    QFile file(u":/billing/plans.json"_s);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QJsonArray plans = QJsonDocument::fromJson(file.readAll()).array();
    QStringList names;
    for (const QJsonValue &v : plans) {
        const QJsonObject plan = v.toObject();
        names.append(plan.value(u"name"_s).toString());
        auto pricing = planPricingFromJson(plan.value(u"pricing"_s).toObject());
        EXPECT_TRUE(pricing.ok()) << names.last().toStdString() << ": "
                                  << (pricing.ok() ? "" : fields(pricing.error()).join(u' ').toStdString());
        EXPECT_TRUE((QStringList{u"shared"_s, u"schema"_s, u"database"_s}).contains(plan.value(u"isolation"_s).toString()));
    }
    EXPECT_EQ(names, (QStringList{u"free"_s, u"basic"_s, u"pro"_s, u"enterprise"_s}));
}
