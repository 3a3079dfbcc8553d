#include "core/notify/webhooktarget.h"

using namespace Qt::StringLiterals;

namespace Tenantry::Notify {
namespace {

// The raw "user@host:port" part, so even an empty user info ("http://@host") is seen.
QString authorityOf(const QString &url)
{
    const qsizetype start = url.indexOf(u"://"_s);
    if (start < 0)
        return {};
    qsizetype end = start + 3;
    while (end < url.size() && url[end] != u'/' && url[end] != u'?' && url[end] != u'#')
        ++end;
    return url.mid(start + 3, end - start - 3);
}

} // namespace

Result<WebhookTarget> WebhookTarget::create(const QString &url, const QByteArray &secret)
{
    auto valid = validateUrl(url);
    if (!valid)
        return valid.error();
    if (secret.size() < minimumSecretBytes) {
        return Error::invalid(u"webhook-secret-too-short"_s,
                              u"A webhook signing secret must have at least %1 bytes; generate one with "
                              "`openssl rand -hex 32`."_s.arg(minimumSecretBytes));
    }
    return WebhookTarget{valid.value(), secret};
}

Result<QUrl> WebhookTarget::validateUrl(const QString &text)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (text.trimmed().isEmpty() || !url.isValid() || url.isRelative()) {
        return Error::invalid(u"webhook-url-invalid"_s,
                              u"The webhook URL is not an absolute URL such as https://alerts.example.com/hook."_s);
    }
    const QString scheme = url.scheme().toLower();
    if (scheme != "http"_L1 && scheme != "https"_L1) {
        return Error::invalid(u"webhook-url-scheme"_s,
                              u"The webhook URL must start with http:// or https://, not %1://."_s.arg(scheme));
    }
    if (!url.userInfo().isEmpty() || authorityOf(text.trimmed()).contains(u'@')) {
        return Error::invalid(u"webhook-url-credentials"_s,
                              u"The webhook URL must not contain a user name or password; receivers check the "
                              "Tenantry-Signature header instead."_s);
    }
    if (url.host().isEmpty())
        return Error::invalid(u"webhook-url-host"_s, u"The webhook URL names no host."_s);
    return url;
}

QString WebhookTarget::destination(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    const int port = url.port(scheme == "https"_L1 ? 443 : 80);
    QString host = url.host(QUrl::FullyEncoded).toLower();
    if (host.contains(u':'))
        host = u'[' + host + u']';
    return u"%1://%2:%3"_s.arg(scheme, host).arg(port);
}

} // namespace Tenantry::Notify
