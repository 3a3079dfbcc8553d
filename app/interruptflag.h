#pragma once

#include <atomic>

namespace Tenantry::App {

// Turns the first SIGINT or SIGTERM into a flag that long-running command-line work polls
// (so it can stop cleanly between units of work); a second one ends the process at once
// with exit code 130. The handler only stores to a lock-free atomic and writes to stderr,
// which is async-signal-safe. One instance at a time; the previous handlers come back
// when it is destroyed.
class InterruptFlag final
{
public:
    InterruptFlag();
    ~InterruptFlag();
    InterruptFlag(const InterruptFlag &) = delete;
    InterruptFlag &operator=(const InterruptFlag &) = delete;

    const std::atomic<bool> &flag() const;
    bool raised() const { return flag().load(); }
};

} // namespace Tenantry::App
