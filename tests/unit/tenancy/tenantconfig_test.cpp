#include "core/tenancy/tenantconfig.h"

#include <QJsonArray>

#include <gtest/gtest.h>

using namespace Tenantry;
using namespace Qt::StringLiterals;

namespace {

TenantConfig valid()
{
    TenantConfig c;
    c.displayName = u"Acme Corp"_s;
    return c;
}

QStringList fieldsOf(const Error &e)
{
    QStringList out;
    for (const auto &f : e.fields)
        out.append(f.field);
    return out;
}

} // namespace

TEST(TenantConfig, DefaultsAreValid)
{
    EXPECT_TRUE(validateConfig(valid()).ok());
}

TEST(TenantConfig, ReportsEveryBadFieldAtOnce)
{
    TenantConfig c;
    c.displayName = u"   "_s;
    c.themeColor = u"red"_s;
    c.locale = u"xx_YY_ZZ"_s;
    c.timeZone = u"Mars/Olympus"_s;
    const Status s = validateConfig(c);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error().code, u"invalid-config"_s);
    EXPECT_EQ(fieldsOf(s.error()), (QStringList{u"display_name"_s, u"theme_color"_s, u"locale"_s, u"time_zone"_s}));
}

TEST(TenantConfig, RejectsControlCharactersAndHugeSettings)
{
    TenantConfig c = valid();
    c.displayName = u"Acme\u202EtxT"_s; // right-to-left override: a classic spoof
    EXPECT_FALSE(validateConfig(c).ok());

    c = valid();
    c.settings.insert(u"blob"_s, QString(70 * 1024, u'x'));
    EXPECT_EQ(fieldsOf(validateConfig(c).error()), QStringList{u"settings"_s});

    c = valid();
    QJsonObject deep{{u"v"_s, 1}};
    for (int i = 0; i < 10; ++i)
        deep = QJsonObject{{u"n"_s, deep}};
    c.settings = deep;
    EXPECT_EQ(fieldsOf(validateConfig(c).error()), QStringList{u"settings"_s});
}

TEST(TenantConfig, PatchChangesOnlyNamedFields)
{
    const auto patched = applyConfigPatch(valid(), {{u"locale"_s, u"zh_CN"_s}, {u"time_zone"_s, u"Asia/Shanghai"_s},
                                                    {u"settings"_s, QJsonObject{{u"beta"_s, true}}}});
    ASSERT_TRUE(patched.ok()) << patched.error().message.toStdString();
    EXPECT_EQ(patched->displayName, u"Acme Corp"_s);
    EXPECT_EQ(patched->locale, u"zh_CN"_s);
    EXPECT_EQ(patched->timeZone, u"Asia/Shanghai"_s);
    EXPECT_TRUE(patched->settings.value(u"beta"_s).toBool());
}

TEST(TenantConfig, PatchNamesWrongTypesAndUnknownKeysByPointer)
{
    const auto patched = applyConfigPatch(valid(), {{u"locale"_s, 5}, {u"settings"_s, QJsonArray{}}, {u"evil"_s, 1}});
    ASSERT_FALSE(patched.ok());
    EXPECT_EQ(fieldsOf(patched.error()), (QStringList{u"/evil"_s, u"/locale"_s, u"/settings"_s}));
}
