#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>

#include <chrono>
#include <optional>

namespace Tenantry::Notify {

// How hard a WebhookDispatcher tries. The defaults make 5 attempts over about an hour:
// at once, then after about 1, 4, 16 and 40 minutes (each delay up to 10 % longer, at
// random, so receivers that come back are not hit by every sender at the same second).
struct WebhookPolicy {
    int maxAttempts = 5;
    std::chrono::milliseconds firstRetryDelay = std::chrono::minutes(1);
    double backoffFactor = 4.0;
    std::chrono::milliseconds maxRetryDelay = std::chrono::minutes(40);
    double jitter = 0.1; // the fraction of a delay that may be added at random
    // A receiver's Retry-After is honoured up to this; a longer one is cut to it.
    std::chrono::milliseconds maxRetryAfter = std::chrono::hours(1);
    // One attempt, from sending to the whole response, may take this long; then it is
    // abandoned and counts as a failed attempt that is retried.
    std::chrono::milliseconds attemptTimeout = std::chrono::seconds(10);
    // Deliveries held (waiting, retrying or sending); past this the oldest waiting one is dropped.
    int maxQueued = 1000;
    // Attempts in flight at once to one scheme://host:port.
    int maxConcurrentPerDestination = 2;
    // Sent as User-Agent; empty means "Tenantry/<application version>", or "tenantry" without one.
    QByteArray userAgent;

    // The wait before the next attempt once `failedAttempts` (1 or more) have failed:
    // firstRetryDelay * backoffFactor^(failedAttempts - 1), at most maxRetryDelay, plus
    // jitter * unitRandom of that (`unitRandom` in [0, 1)); never less than `retryAfter`
    // (cut to maxRetryAfter) when the receiver sent one.
    std::chrono::milliseconds retryDelay(int failedAttempts, double unitRandom,
                                         std::optional<std::chrono::milliseconds> retryAfter = std::nullopt) const;

    // Reads a Retry-After header: delta seconds ("120") or an HTTP date, relative to `now`.
    // Nothing for an empty or malformed value; a date in the past is zero.
    static std::optional<std::chrono::milliseconds> parseRetryAfter(QByteArrayView value, const QDateTime &now);
};

} // namespace Tenantry::Notify
