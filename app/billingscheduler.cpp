#include "app/billingscheduler.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcBillingRun, "tenantry.billing.run")

namespace Tenantry::App {

BillingScheduler::BillingScheduler(Storage::InvoiceService &invoices, std::chrono::seconds interval)
    : m_invoices(invoices)
    , m_interval(interval)
    , m_thread([this] { loop(); })
{
}

BillingScheduler::~BillingScheduler()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void BillingScheduler::trigger()
{
    {
        std::lock_guard lock(m_mutex);
        m_triggered = true;
    }
    m_wake.notify_all();
}

void BillingScheduler::loop()
{
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            const auto woken = [this] { return m_stopping || m_triggered; };
            if (m_interval.count() > 0)
                m_wake.wait_for(lock, m_interval, woken);
            else
                m_wake.wait(lock, woken);
            if (m_stopping)
                return;
            m_triggered = false;
        }
        auto report = m_invoices.runDue();
        if (!report) {
            qCWarning(lcBillingRun).noquote() << "billing run failed:" << report.error().code << report.error().message;
            continue;
        }
        if (report->renewed || report->invoiced || report->paymentsSucceeded || report->paymentsFailed
            || report->pastDue || report->degraded || report->suspended) {
            qCInfo(lcBillingRun).noquote() << "billing run: renewed" << report->renewed << "invoiced" << report->invoiced
                                           << "paid" << report->paymentsSucceeded << "failed" << report->paymentsFailed
                                           << "past due" << report->pastDue << "degraded" << report->degraded
                                           << "suspended" << report->suspended;
        }
        for (const QString &problem : report->problems)
            qCWarning(lcBillingRun).noquote() << "billing:" << problem;
    }
}

} // namespace Tenantry::App
