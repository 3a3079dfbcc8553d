#include "core/notify/webhooktarget.h"

#include <gtest/gtest.h>

using namespace Tenantry;
using namespace Tenantry::Notify;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kSecret = "0123456789abcdef";

struct UrlCase {
    const char *url;
    const char *code; // empty: accepted
};

class WebhookUrl : public ::testing::TestWithParam<UrlCase>
{
};

} // namespace

TEST_P(WebhookUrl, IsAcceptedOrRefusedWithItsCode)
{
    const auto r = WebhookTarget::validateUrl(QString::fromUtf8(GetParam().url));
    if (*GetParam().code == '\0') {
        EXPECT_TRUE(r.ok()) << GetParam().url << ": " << (r.ok() ? "" : r.error().message.toStdString());
    } else {
        ASSERT_FALSE(r.ok()) << GetParam().url;
        EXPECT_EQ(r.error().code.toStdString(), GetParam().code) << GetParam().url;
        EXPECT_EQ(r.error().kind, ErrorKind::Invalid);
        EXPECT_FALSE(r.error().message.isEmpty());
    }
}

INSTANTIATE_TEST_SUITE_P(Table, WebhookUrl,
                         ::testing::Values(UrlCase{"https://alerts.example.com/hook", ""},
                                           UrlCase{"http://127.0.0.1:9000/hook?channel=ops", ""},
                                           UrlCase{"HTTPS://Alerts.Example.com", ""},
                                           UrlCase{"http://[::1]:8080/x", ""},
                                           UrlCase{"  https://alerts.example.com/hook  ", ""},
                                           UrlCase{"", "webhook-url-invalid"},
                                           UrlCase{"alerts.example.com/hook", "webhook-url-invalid"},
                                           UrlCase{"/hook", "webhook-url-invalid"},
                                           UrlCase{"http://exa mple.com/", "webhook-url-invalid"},
                                           UrlCase{"ftp://example.com/hook", "webhook-url-scheme"},
                                           UrlCase{"file:///etc/passwd", "webhook-url-scheme"},
                                           UrlCase{"javascript:alert(1)", "webhook-url-scheme"},
                                           UrlCase{"https://user:pass@example.com/hook", "webhook-url-credentials"},
                                           UrlCase{"https://user@example.com/hook", "webhook-url-credentials"},
                                           UrlCase{"https://@example.com/hook", "webhook-url-credentials"},
                                           UrlCase{"http:///hook", "webhook-url-host"},
                                           UrlCase{"https://", "webhook-url-host"}));

TEST(WebhookTarget, NeedsASecretOfSixteenBytes)
{
    const auto ok = WebhookTarget::create(u"https://alerts.example.com/hook"_s, kSecret);
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ(ok->url, QUrl(u"https://alerts.example.com/hook"_s));
    EXPECT_EQ(ok->secret, kSecret);
    const auto shortSecret = WebhookTarget::create(u"https://alerts.example.com/hook"_s, kSecret.left(15));
    ASSERT_FALSE(shortSecret.ok());
    EXPECT_EQ(shortSecret.error().code, u"webhook-secret-too-short"_s);
    EXPECT_FALSE(shortSecret.error().message.contains(QString::fromLatin1(kSecret.left(15))));
    EXPECT_EQ(WebhookTarget::create(u"ftp://x.example"_s, kSecret).error().code, u"webhook-url-scheme"_s);
}

TEST(WebhookTarget, DestinationNamesOnlySchemeHostAndPort)
{
    EXPECT_EQ(WebhookTarget::destination(QUrl(u"https://Alerts.Example.com/T0KEN/path?key=secret"_s)),
              u"https://alerts.example.com:443"_s);
    EXPECT_EQ(WebhookTarget::destination(QUrl(u"http://127.0.0.1:9000/hook"_s)), u"http://127.0.0.1:9000"_s);
    EXPECT_EQ(WebhookTarget::destination(QUrl(u"http://example.com/"_s)), u"http://example.com:80"_s);
    EXPECT_EQ(WebhookTarget::destination(QUrl(u"http://[::1]:8080/x"_s)), u"http://[::1]:8080"_s);
}
