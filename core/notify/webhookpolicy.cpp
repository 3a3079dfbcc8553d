#include "core/notify/webhookpolicy.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace Tenantry::Notify {

std::chrono::milliseconds WebhookPolicy::retryDelay(int failedAttempts, double unitRandom,
                                                    std::optional<std::chrono::milliseconds> retryAfter) const
{
    using std::chrono::milliseconds;
    const double exponent = std::max(failedAttempts - 1, 0);
    const double base = std::min(double(firstRetryDelay.count()) * std::pow(std::max(backoffFactor, 1.0), exponent),
                                 double(maxRetryDelay.count()));
    const double withJitter = base * (1.0 + std::clamp(jitter, 0.0, 1.0) * std::clamp(unitRandom, 0.0, 1.0));
    milliseconds delay(qint64(std::llround(withJitter)));
    if (retryAfter)
        delay = std::max(delay, std::clamp(*retryAfter, milliseconds(0), maxRetryAfter));
    return delay;
}

std::optional<std::chrono::milliseconds> WebhookPolicy::parseRetryAfter(QByteArrayView value, const QDateTime &now)
{
    const QByteArray text = value.toByteArray().trimmed();
    if (text.isEmpty())
        return std::nullopt;
    if (std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        // Absurdly long values are capped here so the conversion to milliseconds cannot overflow;
        // retryDelay() cuts them to maxRetryAfter anyway.
        constexpr qint64 kYear = 365LL * 24 * 3600;
        const qint64 seconds = text.size() > 12 ? kYear : std::min(text.toLongLong(), kYear);
        return std::chrono::seconds(seconds);
    }
    // An HTTP date: "Wed, 21 Oct 2015 07:28:00 GMT" (RFC 9110's preferred form).
    // Qt reads RFC 2822 dates with a numeric zone only; HTTP dates always say GMT.
    QString date = QString::fromLatin1(text);
    if (date.endsWith(u" GMT"_s))
        date = date.chopped(4) + u" +0000"_s;
    const QDateTime at = QDateTime::fromString(date, Qt::RFC2822Date);
    if (!at.isValid())
        return std::nullopt;
    return std::chrono::milliseconds(std::max<qint64>(now.msecsTo(at), 0));
}

} // namespace Tenantry::Notify
