#pragma once

#include "core/observe/requestmetrics.h"

#include <QHash>
#include <QList>
#include <QString>

namespace Tenantry::Observe {

// How eagerly a rise is called an anomaly.
struct AnomalyPolicy {
    double alpha = 0.1;         // EWMA weight of the newest sample (memory of about 1/alpha samples)
    double threshold = 6.0;     // deviations above the expected value that make an anomaly
    int warmup = 30;            // samples seen before anything is flagged
    double minimumRise = 10.0;  // and never for a rise smaller than this (in the signal's unit)
    int cooldown = 10;          // samples after an anomaly during which the same signal stays quiet
};

// One signal (e.g. requests per interval) watched with an exponentially weighted moving
// average and variance. Only rises matter: a drop in traffic is not an attack. The
// deviation is never taken below sqrt(expected) — the Poisson noise of a count — so a
// signal that happened to be very steady is not flagged for ordinary jitter. A flagged
// sample updates the baseline only up to the threshold (winsorized), so one spike does not
// teach the detector that spikes are normal. Not thread-safe.
class EwmaDetector
{
public:
    explicit EwmaDetector(AnomalyPolicy policy = {}) : m_policy(policy) {}

    struct Verdict {
        bool anomalous = false;
        double expected = 0;  // the baseline before this sample
        double score = 0;     // (value - expected) / deviation
    };
    Verdict observe(double value);
    int seen() const { return m_seen; }

private:
    AnomalyPolicy m_policy;
    double m_mean = 0;
    double m_variance = 0;
    int m_seen = 0;
    int m_quietFor = 0;
};

// What the monitor found for one tenant in one interval.
struct Anomaly {
    QString tenantId;
    QString signal; // "request_rate", "error_rate", "auth_failures"
    double value = 0;
    double expected = 0;
    double score = 0;
};

// Watches every tenant's request count, error count and authentication failures per
// interval, from RequestMetrics' running totals. Call sample() once per interval (the
// server does it on a timer); it returns the anomalies of that interval. Tenants are watched
// from their first request on; each tenant's detectors are its own, so one tenant's spike
// never moves another's baseline. Not thread-safe: call from one thread.
class AnomalyMonitor
{
public:
    explicit AnomalyMonitor(AnomalyPolicy policy = {}) : m_policy(policy) {}

    QList<Anomaly> sample(const RequestMetrics &metrics);

private:
    struct Watched {
        TenantTotals last;
        EwmaDetector requests, errors, authFailures;
    };
    AnomalyPolicy m_policy;
    QHash<QString, Watched> m_tenants;
};

} // namespace Tenantry::Observe
