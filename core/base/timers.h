#pragma once

#include <QObject>
#include <QPointer>

#include <chrono>
#include <functional>
#include <vector>

namespace Tenantry {

// Runs work later on the thread of a context object, so code that waits (retry back-off)
// can be driven by tests without waiting. Implementations are used from the context's
// thread only.
class Timers
{
public:
    virtual ~Timers() = default;
    // Calls `work` on `context`'s thread after `delay`, unless `context` is destroyed first.
    virtual void callAfter(std::chrono::milliseconds delay, QObject *context, std::function<void()> work) = 0;
};

// Real time, through QTimer.
class QtTimers final : public Timers
{
public:
    void callAfter(std::chrono::milliseconds delay, QObject *context, std::function<void()> work) override;
};

// Time that only moves when a test says so: nothing runs until advance() or runAll(), which
// run what is due in order of due time. Not thread-safe: use from one thread.
class ManualTimers final : public Timers
{
public:
    void callAfter(std::chrono::milliseconds delay, QObject *context, std::function<void()> work) override;

    // Moves time on by `by` and runs everything now due, including work scheduled by it.
    void advance(std::chrono::milliseconds by);
    // Runs everything scheduled before this call, however far ahead, in order of due time
    // (moving time to the last of them); work those schedule waits. Returns how many ran.
    int runAll();
    // Delays asked for so far, in the order they were asked for (whether run or not).
    const std::vector<std::chrono::milliseconds> &requested() const { return m_requested; }
    int pending() const { return int(m_due.size()); }

private:
    struct Due {
        std::chrono::milliseconds at;
        quint64 order;
        QPointer<QObject> context;
        std::function<void()> work;
    };
    bool runNextDueBy(std::chrono::milliseconds limit, quint64 scheduledBefore);

    std::chrono::milliseconds m_now{0};
    quint64 m_order = 0;
    std::vector<Due> m_due;
    std::vector<std::chrono::milliseconds> m_requested;
};

} // namespace Tenantry
