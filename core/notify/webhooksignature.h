#pragma once

#include "core/base/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>

#include <chrono>

namespace Tenantry::Notify {

// How a webhook proves where it came from and when it was sent. The sender computes
// HMAC-SHA256 with the shared secret over "<unix seconds>.<raw body>" and sends
//   Tenantry-Signature: t=<unix seconds>,v1=<64 lower-case hex digits>
// Binding the timestamp into the MAC lets a receiver refuse replays of old deliveries.
struct WebhookSignature {
    static constexpr const char *headerName = "Tenantry-Signature";

    // The lower-case hex HMAC-SHA256 of "<timestamp>.<body>" under `secret`.
    static QByteArray compute(QByteArrayView secret, qint64 timestamp, QByteArrayView body);
    // The full header value for a delivery sent at `timestamp` (unix seconds).
    static QByteArray header(QByteArrayView secret, qint64 timestamp, QByteArrayView body);

    // Checks a received header against the raw body, for receivers and tests. Succeeds
    // when some v1 value matches (several are allowed, so a secret can be rotated) and the
    // timestamp is within `tolerance` of `now` either way. The comparison takes the same
    // time wherever the values differ. Errors (all Unauthenticated):
    //   signature-malformed  the header is not "t=<digits>,v1=<hex>[,...]"
    //   signature-stale      the timestamp is further than `tolerance` from `now`
    //   signature-mismatch   no v1 value matches this body and secret
    static Status verify(QByteArrayView header, QByteArrayView body, QByteArrayView secret, const QDateTime &now,
                         std::chrono::seconds tolerance = std::chrono::minutes(5));
};

} // namespace Tenantry::Notify
