#include "core/quota/quotaalertnotifier.h"

#include "core/quota/quotaalertjson.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace Tenantry::Quota {
namespace {

constexpr qint64 kWarningIntervalSeconds = 60;

} // namespace

QuotaAlertNotifier::QuotaAlertNotifier(QuotaAlertQueue &queue, Storage::QuotaAlertRepository &repository,
                                       Notify::WebhookSender &sender, const Clock &clock, qsizetype maxHeld)
    : m_queue(queue)
    , m_repository(repository)
    , m_sender(sender)
    , m_clock(clock)
    , m_maxHeld(std::max<qsizetype>(1, maxHeld))
{
}

Status QuotaAlertNotifier::flush()
{
    QList<QuotaAlert> batch = std::exchange(m_unrecorded, {});
    batch.append(m_queue.take());
    if (!batch.isEmpty()) {
        auto fresh = m_repository.record(batch);
        if (!fresh) {
            ++m_counters.failedFlushes;
            warn(u"cannot record %1 quota alerts; holding them for the next flush:"_s.arg(batch.size()), fresh.error());
            m_unrecorded = std::move(batch);
            trim(m_unrecorded);
            return fresh.error();
        }
        m_counters.recorded += fresh->size();
        m_counters.duplicates += batch.size() - fresh->size();
        m_unsent.append(std::move(fresh).value());
    }
    return send();
}

Status QuotaAlertNotifier::send()
{
    if (m_unsent.isEmpty())
        return {};
    QSet<QString> tenantSet;
    for (const QuotaAlert &a : std::as_const(m_unsent))
        tenantSet.insert(a.tenantId);
    auto hooks = m_repository.webhooks(tenantSet.values());
    if (!hooks) {
        ++m_counters.failedFlushes;
        warn(u"cannot read the webhooks for %1 recorded quota alerts; holding them for the next flush:"_s.arg(m_unsent.size()),
             hooks.error());
        trim(m_unsent);
        return hooks.error();
    }
    const QString type = QString::fromLatin1(eventType);
    for (const QuotaAlert &alert : std::as_const(m_unsent)) {
        const auto hook = hooks->constFind(alert.tenantId);
        if (hook == hooks->cend()) {
            ++m_counters.withoutWebhook;
            continue;
        }
        // Stored webhooks were validated when set; one that no longer is (the rules got
        // stricter) is skipped, not retried forever.
        auto target = Notify::WebhookTarget::create(hook->url, hook->secret.toUtf8());
        auto sent = target ? m_sender.enqueue(target.value(), type, toJson(alert)) : Result<QString>(target.error());
        if (!sent) {
            qCWarning(lcQuota).noquote() << "not sending quota alert" << alert.threshold << "% of" << alert.dimension
                                         << "of tenant" << alert.tenantId << ":" << sent.error().code;
            continue;
        }
        ++m_counters.enqueued;
    }
    m_unsent.clear();
    return {};
}

void QuotaAlertNotifier::trim(QList<QuotaAlert> &held)
{
    if (held.size() > m_maxHeld) {
        const qsizetype over = held.size() - m_maxHeld;
        m_counters.dropped += over;
        held.remove(m_maxHeld, over);
        qCWarning(lcQuota).noquote() << "dropped" << over << "quota alerts: more than" << m_maxHeld
                                     << "waited through catalog failures";
    }
}

void QuotaAlertNotifier::warn(const QString &what, const Error &error)
{
    const QDateTime now = m_clock.now();
    if (m_lastWarning.isValid() && m_lastWarning.secsTo(now) < kWarningIntervalSeconds) {
        ++m_unloggedWarnings;
        return;
    }
    qCWarning(lcQuota).noquote() << what << error.message
                                 << (m_unloggedWarnings ? u"(%1 similar warnings not logged)"_s.arg(m_unloggedWarnings) : QString());
    m_lastWarning = now;
    m_unloggedWarnings = 0;
}

} // namespace Tenantry::Quota
