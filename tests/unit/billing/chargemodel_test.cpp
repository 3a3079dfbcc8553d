#include "core/billing/chargemodel.h"

#include <gtest/gtest.h>

#include <random>

using namespace Tenantry;
using namespace Tenantry::Billing;
using namespace Qt::StringLiterals;

namespace {

Currency currency(const char *code)
{
    return currencyOf(QString::fromLatin1(code)).value();
}

Money minor(qint64 m, const char *code = "USD")
{
    return Money(m, currency(code));
}

ChargeModel tiered(ChargeKind kind, const char *code = "USD")
{
    ChargeModel m;
    m.kind = kind;
    m.tiers = {{1000, minor(50, code), minor(0, code)}, {5000, minor(25, code), minor(200, code)}, {std::nullopt, minor(10, code), minor(0, code)}};
    return m;
}

struct Case {
    const char *name;
    ChargeModel model;
    qint64 quantity;
    const char *code;
    qint64 expectedMinor;
    int rows;
};

} // namespace

TEST(ChargeModel, HandCheckedCharges)
{
    ChargeModel standard{ChargeKind::Standard, minor(40), 1, {}};
    ChargeModel package{ChargeKind::Package, minor(500), 100, {}};
    ChargeModel jpy{ChargeKind::Standard, minor(3, "JPY"), 1, {}};
    ChargeModel kwd{ChargeKind::Package, minor(1250, "KWD"), 10, {}};
    const Case cases[] = {
        {"standard", standard, 2500, "USD", 100000, 1},
        {"zero", standard, 0, "USD", 0, 0},
        {"package exact", package, 200, "USD", 1000, 1},
        {"package one over", package, 201, "USD", 1500, 1},
        {"package one unit", package, 1, "USD", 500, 1},
        {"jpy", jpy, 7, "JPY", 21, 1},
        {"kwd package", kwd, 11, "KWD", 2500, 1},
        // 1000 × 0.50 = 500.00
        {"graduated at first bound", tiered(ChargeKind::Graduated), 1000, "USD", 50000, 1},
        // + 1 × 0.25 + 2.00 flat
        {"graduated one above", tiered(ChargeKind::Graduated), 1001, "USD", 50000 + 25 + 200, 2},
        // 500.00 + 4000 × 0.25 + 2.00 + 1000 × 0.10
        {"graduated into last", tiered(ChargeKind::Graduated), 6000, "USD", 50000 + 100000 + 200 + 10000, 3},
        {"volume at first bound", tiered(ChargeKind::Volume), 1000, "USD", 50000, 1},
        {"volume one above", tiered(ChargeKind::Volume), 1001, "USD", 1001 * 25 + 200, 1},
        {"volume last", tiered(ChargeKind::Volume), 6000, "USD", 60000, 1},
        {"volume kwd", tiered(ChargeKind::Volume, "KWD"), 2, "KWD", 100, 1},
    };
    for (const Case &c : cases) {
        auto charge = computeCharge(c.model, c.quantity, currency(c.code));
        ASSERT_TRUE(charge.ok()) << c.name << charge.error().message.toStdString();
        EXPECT_EQ(charge->amount, minor(c.expectedMinor, c.code)) << c.name;
        EXPECT_EQ(charge->rows.size(), c.rows) << c.name;
    }
    auto rows = computeCharge(tiered(ChargeKind::Graduated), 1001, currency("USD"))->rows;
    EXPECT_EQ(rows.at(0).description, u"Units 1–1,000 × 0.50"_s);
    EXPECT_EQ(rows.at(1).description, u"Units 1,001–1,001 × 0.25 + 2.00"_s);
    EXPECT_EQ(computeCharge(package, 201, currency("USD"))->rows.at(0).description, u"3 × package of 100 × 5.00"_s);
}

TEST(ChargeModel, RefusesBadModelsNamingTheField)
{
    ChargeModel negative{ChargeKind::Standard, minor(-1), 1, {}};
    EXPECT_EQ(negative.validate(currency("USD")).error().fields.at(0).field, u"/unit_price"_s);
    ChargeModel bounded = tiered(ChargeKind::Graduated);
    bounded.tiers.last().upTo = 9000;
    bounded.tiers[1].upTo = 500;
    bounded.tiers[0].flatFee = minor(1, "EUR");
    const auto e = bounded.validate(currency("USD")).error();
    EXPECT_EQ(e.code, u"invalid-charge-model"_s);
    QStringList fields;
    for (const auto &f : e.fields)
        fields << f.field;
    EXPECT_EQ(fields, (QStringList{u"/tiers/0/flat_fee"_s, u"/tiers/1/up_to"_s, u"/tiers/2/up_to"_s}));
    ChargeModel package{ChargeKind::Package, minor(1), 0, {}};
    EXPECT_FALSE(package.validate(currency("USD")).ok());
    EXPECT_EQ(computeCharge(tiered(ChargeKind::Volume), 5, currency("EUR")).error().code, u"invalid-charge-model"_s);
    EXPECT_EQ(computeCharge(tiered(ChargeKind::Volume), -1, currency("USD")).error().code, u"invalid-quantity"_s);
    ChargeModel huge{ChargeKind::Standard, minor(Money::kMaxMinor), 1, {}};
    EXPECT_EQ(computeCharge(huge, 2, currency("USD")).error().code, u"amount-out-of-range"_s);
}

TEST(ChargeModel, RowsAddUpCoverEveryUnitAndGraduatedIsMonotone)
{
    std::mt19937_64 rng(20261205);
    const Currency usd = currency("USD");
    for (int i = 0; i < 2000; ++i) {
        ChargeModel m;
        m.kind = ChargeKind(rng() % 4);
        if (m.kind == ChargeKind::Standard || m.kind == ChargeKind::Package) {
            m.unitPrice = Money(qint64(rng() % 10000), usd);
            m.packageSize = m.kind == ChargeKind::Package ? qint64(rng() % 50 + 1) : 1;
        } else {
            qint64 bound = 0;
            const int n = int(rng() % 4) + 1;
            for (int t = 0; t < n; ++t) {
                bound += qint64(rng() % 100 + 1);
                m.tiers.append({t == n - 1 ? std::nullopt : std::optional<qint64>(bound), Money(qint64(rng() % 1000), usd),
                                Money(qint64(rng() % 3 == 0 ? rng() % 500 : 0), usd)});
            }
        }
        const qint64 q = qint64(rng() % 500);
        auto c = computeCharge(m, q, usd);
        ASSERT_TRUE(c.ok());
        qint64 sum = 0, next = 1;
        for (const ChargeRow &r : c->rows) {
            sum += r.amount.minor();
            EXPECT_EQ(r.amount.minor(), r.quantity * r.unitPrice.minor() + r.flatFee.minor());
            if (m.kind == ChargeKind::Graduated) {
                EXPECT_EQ(r.fromUnit, next);
                next = r.toUnit + 1;
            }
        }
        EXPECT_EQ(sum, c->amount.minor());
        if (m.kind == ChargeKind::Graduated) {
            EXPECT_EQ(next, q + 1);
            EXPECT_LE(c->amount.minor(), computeCharge(m, q + 1, usd)->amount.minor());
        }
    }
}
