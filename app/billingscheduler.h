#pragma once

#include "core/storage/invoiceservice.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace Tenantry::App {

// Runs the billing run every `interval` on a thread of its own, because it calls the payment
// gateway, which may take seconds: the HTTP server's thread never waits for it. trigger()
// asks for a run now (POST /admin/v1/billing/run). Stops and joins on destruction.
class BillingScheduler final
{
public:
    // interval 0: runs only when triggered.
    BillingScheduler(Storage::InvoiceService &invoices, std::chrono::seconds interval);
    ~BillingScheduler();
    BillingScheduler(const BillingScheduler &) = delete;
    BillingScheduler &operator=(const BillingScheduler &) = delete;

    void trigger();

private:
    void loop();

    Storage::InvoiceService &m_invoices;
    const std::chrono::seconds m_interval;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_triggered = false;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace Tenantry::App
