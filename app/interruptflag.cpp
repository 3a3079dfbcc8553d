#include "app/interruptflag.h"

#include <csignal>
#include <unistd.h>

namespace Tenantry::App {
namespace {

static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler needs a lock-free flag");

std::atomic<bool> g_raised{false};
struct sigaction g_previousInt = {};
struct sigaction g_previousTerm = {};

void onSignal(int)
{
    if (g_raised.exchange(true))
        ::_exit(130);
    static const char message[] = "\ntenantry: stopping once the work in progress is done; "
                                  "interrupt again to quit at once\n";
    [[maybe_unused]] const auto written = ::write(STDERR_FILENO, message, sizeof message - 1);
}

} // namespace

InterruptFlag::InterruptFlag()
{
    g_raised.store(false);
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, &g_previousInt);
    ::sigaction(SIGTERM, &action, &g_previousTerm);
}

InterruptFlag::~InterruptFlag()
{
    ::sigaction(SIGINT, &g_previousInt, nullptr);
    ::sigaction(SIGTERM, &g_previousTerm, nullptr);
}

const std::atomic<bool> &InterruptFlag::flag() const
{
    return g_raised;
}

} // namespace Tenantry::App
