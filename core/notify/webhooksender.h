#pragma once

#include "core/base/result.h"
#include "core/notify/webhooktarget.h"

#include <QJsonObject>
#include <QString>

namespace Tenantry::Notify {

// Sends events to webhook endpoints. Code that raises events (anomaly alerts, quota
// alerts, billing) depends on this interface, so tests can record what would be sent
// and the real sender (WebhookDispatcher) can be swapped for another.
class WebhookSender
{
public:
    virtual ~WebhookSender() = default;

    // Hands one event over for delivery to `target` and returns its delivery id (a UUID
    // without braces, sent as Tenantry-Delivery) at once: delivery, retries included,
    // happens later and never on the caller's time. `eventType` is a dotted name such as
    // "anomaly.detected"; `data` becomes the payload's "data". Fails only when the target
    // could never be delivered to (see WebhookTarget::create). Thread-safe.
    virtual Result<QString> enqueue(const WebhookTarget &target, const QString &eventType, const QJsonObject &data) = 0;
};

} // namespace Tenantry::Notify
