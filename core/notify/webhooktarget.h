#pragma once

#include "core/base/result.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace Tenantry::Notify {

// Where a webhook goes and the secret it is signed with. Build one with create(), which
// refuses what could never be delivered safely; a default-constructed target is empty.
struct WebhookTarget {
    QUrl url;
    QByteArray secret;

    static constexpr qsizetype minimumSecretBytes = 16;

    // Validates both parts: see validateUrl(), and the secret must have at least
    // minimumSecretBytes bytes (error `webhook-secret-too-short`, kind Invalid).
    static Result<WebhookTarget> create(const QString &url, const QByteArray &secret);

    // Accepts absolute http:// and https:// URLs with a host and no user name or password
    // (credentials belong in the signature secret, not in a URL that ends up in logs).
    // Errors, all of kind Invalid:
    //   webhook-url-invalid      not a URL at all
    //   webhook-url-scheme       a scheme other than http or https
    //   webhook-url-credentials  user info ("user:password@") in the URL
    //   webhook-url-host         no host
    static Result<QUrl> validateUrl(const QString &url);

    // "scheme://host:port": what logs name instead of the full URL, whose path or query may
    // carry a token, and the key for limiting concurrent deliveries per destination.
    static QString destination(const QUrl &url);
};

} // namespace Tenantry::Notify
