#include "core/quota/quotaalertjson.h"

#include <gtest/gtest.h>

using namespace Tenantry::Quota;
using namespace Qt::StringLiterals;

namespace {

TEST(QuotaAlertJsonTest, AnAlertReadsBackAsItWasWritten)
{
    const QuotaAlert windowed{u"t1"_s, u"api_calls_per_day"_s, 1700006400000, 1700092800000, 95, 9500, 10000, 1700050000123};
    QuotaAlert read;
    ASSERT_TRUE(fromJson(toJson(windowed), &read));
    EXPECT_EQ(read.tenantId, windowed.tenantId);
    EXPECT_EQ(read.dimension, windowed.dimension);
    EXPECT_EQ(read.windowStartMs, windowed.windowStartMs);
    EXPECT_EQ(read.windowEndMs, windowed.windowEndMs);
    EXPECT_EQ(read.threshold, windowed.threshold);
    EXPECT_EQ(read.used, windowed.used);
    EXPECT_EQ(read.limit, windowed.limit);
    EXPECT_EQ(read.atMs, windowed.atMs);

    const QuotaAlert storage{u"t2"_s, u"storage_bytes"_s, 0, 0, 80, 8 * 1048576, 10 * 1048576, 1700050000999};
    ASSERT_TRUE(fromJson(toJson(storage), &read));
    EXPECT_EQ(read.windowStartMs, 0);
    EXPECT_EQ(read.windowEndMs, 0);
    EXPECT_EQ(read.used, storage.used);
}

TEST(QuotaAlertJsonTest, WhatCannotBeReadLeavesTheOutputAlone)
{
    QJsonObject bad = toJson({u"t1"_s, u"storage_bytes"_s, 0, 0, 80, 1, 2, 1700050000999});
    bad.insert(u"at"_s, u"soon"_s);
    QuotaAlert read;
    read.tenantId = u"untouched"_s;
    EXPECT_FALSE(fromJson(bad, &read));
    EXPECT_EQ(read.tenantId, u"untouched"_s);
    EXPECT_FALSE(fromJson(QJsonObject{}, &read));
}

} // namespace
