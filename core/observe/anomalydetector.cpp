#include "core/observe/anomalydetector.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace Tenantry::Observe {

EwmaDetector::Verdict EwmaDetector::observe(double value)
{
    Verdict v;
    v.expected = m_mean;
    double sample = value;
    if (m_seen == 0) {
        m_mean = value; // the first sample is the baseline; there is nothing to compare yet
        ++m_seen;
        return v;
    }
    const double deviation = std::max({std::sqrt(m_variance), std::sqrt(std::max(m_mean, 1.0)), 1e-9});
    v.score = (value - m_mean) / deviation;
    const double rise = value - m_mean;
    if (m_quietFor > 0)
        --m_quietFor;
    if (m_seen >= m_policy.warmup && v.score > m_policy.threshold && rise >= m_policy.minimumRise) {
        sample = m_mean + m_policy.threshold * deviation;
        if (m_quietFor == 0) {
            v.anomalous = true;
            m_quietFor = m_policy.cooldown;
        }
    }
    const double diff = sample - m_mean;
    m_mean += m_policy.alpha * diff;
    m_variance = (1 - m_policy.alpha) * (m_variance + m_policy.alpha * diff * diff);
    ++m_seen;
    return v;
}

QList<Anomaly> AnomalyMonitor::sample(const RequestMetrics &metrics)
{
    QList<Anomaly> found;
    metrics.forEachTenant([&](const QString &tenantId, const TenantTotals &now) {
        auto it = m_tenants.find(tenantId);
        if (it == m_tenants.end()) {
            // First seen: its running totals so far become the starting point.
            Watched w{now, EwmaDetector(m_policy), EwmaDetector(m_policy), EwmaDetector(m_policy)};
            m_tenants.insert(tenantId, w);
            return;
        }
        Watched &w = it.value();
        const auto check = [&](EwmaDetector &detector, const char *signal, qint64 delta) {
            const EwmaDetector::Verdict v = detector.observe(double(delta));
            if (v.anomalous)
                found.append({tenantId, QString::fromLatin1(signal), double(delta), v.expected, v.score});
        };
        check(w.requests, "request_rate", now.requests - w.last.requests);
        check(w.errors, "error_rate", (now.clientErrors + now.serverErrors) - (w.last.clientErrors + w.last.serverErrors));
        check(w.authFailures, "auth_failures", now.authFailures - w.last.authFailures);
        w.last = now;
    });
    return found;
}

} // namespace Tenantry::Observe
